"""Enumerates every URL pattern of the project with its view, for the access-matrix test."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

SKIPPED_NAMESPACES = {"admin", "djdt"}


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    route: str
    kwargs: tuple[str, ...]
    view: object

    @property
    def roles(self) -> frozenset[str] | None:
        return getattr(self.view, "access_roles", None)

    @property
    def is_public(self) -> bool:
        return getattr(self.view, "access_public", False)


def all_routes() -> list[Route]:
    routes: list[Route] = []
    _walk(get_resolver(), "", [], routes)
    return sorted(routes, key=lambda r: r.name)


def _walk(resolver: URLResolver, prefix: str, namespaces: list[str], out: list[Route]) -> None:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = [*namespaces, entry.namespace] if entry.namespace else namespaces
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            _walk(entry, prefix + str(entry.pattern), ns, out)
        elif isinstance(entry, URLPattern) and entry.name:
            route = prefix + str(entry.pattern)
            if route.startswith("i18n/"):
                continue
            out.append(
                Route(
                    name=":".join([*namespaces, entry.name]),
                    route=route,
                    kwargs=tuple(re.findall(r"<(?:\w+:)?(\w+)>", route)),
                    view=entry.callback,
                )
            )
