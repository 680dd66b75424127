"""A fingerprint of every table, to prove that running a loader again changed no row."""

import hashlib

from django.apps import apps


def database_digest(*, exclude: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """{model label: (row count, sha256 of all its rows in primary-key order)} for every concrete table."""
    digest = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        if model._meta.proxy or not model._meta.managed or label in exclude:
            continue
        rows = list(model._default_manager.order_by("pk").values_list())
        digest[label] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return digest
