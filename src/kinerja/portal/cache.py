"""Public pages are cached for a minute under a content version that every publish changes.

A change that citizens must see (publish, withdraw, edit of public content, screen settings) calls
`portal_changed()`, which moves the version, so every cached page and playlist is rebuilt on its next
request. Scheduled publishing and unpublishing need no event: a cached page lives at most
CACHE_SECONDS, so content appears or disappears within a minute of its time.
"""

import time
from collections.abc import Callable

from django.core.cache import cache
from django.utils.translation import get_language

CACHE_SECONDS = 60
VERSION_KEY = "portal:version"


def portal_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def portal_changed() -> None:
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def cached_text(name: str, *parts: object, build: Callable[[], str]) -> str:
    """The text built by `build`, cached under the current content version and language."""
    key = ":".join(["portal", name, portal_version(), get_language() or "", *map(str, parts)])
    text = cache.get(key)
    if text is None:
        text = build()
        cache.set(key, text, CACHE_SECONDS)
    return text
