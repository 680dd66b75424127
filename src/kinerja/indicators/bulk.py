"""Bulk SQL for writes of hundreds of thousands of rows (the import of monthly values, the benchmark's
bulk load): what the ORM's bulk_create does, several times faster at this size."""

import json
from collections.abc import Sequence
from contextlib import contextmanager

from django.db import connection

BATCH = 20000  # rows per INSERT on SQLite, per COPY write on PostgreSQL


def insert_rows(
    table: str, columns: Sequence[str], rows: Sequence[tuple], constants: dict[str, object] | None = None
) -> None:
    """Insert many rows of integers (or None) at once; `constants` are columns of any type with the
    same value in every row.

    PostgreSQL: COPY of text built in one pass. SQLite: one INSERT ... SELECT over a JSON array per
    batch. Both spare the per-row cost of binding parameters (a third of the time at this size).
    """
    if not rows:
        return
    constants = constants or {}
    names = ", ".join([*columns, *constants])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Integers print as themselves and None as "None", which no integer contains: one
            # %-format per row and one replace per batch give COPY's text format.
            line = "\t".join(["%s"] * len(columns))
            end = "".join("\t" + _copy_text(value) for value in constants.values()) + "\n"
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for start in range(0, len(rows), BATCH):
                    text = "\n".join([line % row for row in rows[start : start + BATCH]])
                    copy.write(text.replace("None", "\\N").replace("\n", end) + end)
            return
        picks = ", ".join(
            [f"json_extract(value, '$[{i}]')" for i in range(len(columns))] + ["%s"] * len(constants)
        )
        sql = f"INSERT INTO {table} ({names}) SELECT {picks} FROM json_each(%s)"
        for start in range(0, len(rows), BATCH):
            cursor.execute(sql, [*constants.values(), json.dumps(rows[start : start + BATCH])])


def _copy_text(value: object) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    for raw, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
        text = text.replace(raw, escaped)
    return text


@contextmanager
def large_cache():
    """On SQLite, a 256 MB page cache while importing: index pages of a large Value table stay in
    memory instead of being read again for each batch. Restored afterwards."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size = -262144")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")
