"""Bulk SQL for writes of hundreds of thousands of rows (the import of monthly values, the benchmark's
bulk load): what the ORM's bulk_create does, several times faster at this size; and `Writer`, which
lets the database write one batch while Python prepares the next."""

import json
import threading
from collections.abc import Callable, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connection, connections

BATCH = 20000  # rows per INSERT on SQLite, per COPY write on PostgreSQL


@dataclass
class Rendered:
    """Rows as the database reads them: COPY text (PostgreSQL) or JSON arrays (SQLite), in batches."""

    columns: tuple[str, ...]
    batches: list[str]
    constants: dict[str, object]


def render(
    columns: Sequence[str], rows: Sequence[tuple], constants: dict[str, object] | None = None
) -> Rendered:
    """Rows of integers, None or ISO dates, made ready to insert without touching the database (so a
    `Writer` thread spends its time in the database alone); `constants` are columns of any type with
    the same value in every row.

    PostgreSQL: COPY text built in one pass. SQLite: a JSON array per batch, for one
    INSERT ... SELECT. Both spare the per-row cost of binding parameters (a third of the time at
    this size).
    """
    constants = constants or {}
    batches = []
    if connection.vendor == "postgresql":
        # Integers print as themselves and None as "None", which no integer contains: one
        # %-format per row and one replace per batch give COPY's text format.
        line = "\t".join(["%s"] * len(columns))
        end = "".join("\t" + _copy_text(value) for value in constants.values()) + "\n"
        for start in range(0, len(rows), BATCH):
            text = "\n".join([line % row for row in rows[start : start + BATCH]])
            batches.append(text.replace("None", "\\N").replace("\n", end) + end)
    else:
        batches = [json.dumps(rows[start : start + BATCH]) for start in range(0, len(rows), BATCH)]
    return Rendered(tuple(columns), batches, constants)


def insert_rendered(table: str, rendered: Rendered) -> None:
    if not rendered.batches:
        return
    names = ", ".join([*rendered.columns, *rendered.constants])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            copy_sql = f"COPY {table} ({names}) FROM STDIN"
            with connection.wrap_database_errors, cursor.cursor.copy(copy_sql) as copy:
                for text in rendered.batches:
                    copy.write(text)
            return
        picks = [f"json_extract(value, '$[{i}]')" for i in range(len(rendered.columns))]
        picks += ["%s"] * len(rendered.constants)
        sql = f"INSERT INTO {table} ({names}) SELECT {', '.join(picks)} FROM json_each(%s)"
        for batch in rendered.batches:
            cursor.execute(sql, [*rendered.constants.values(), batch])


def insert_rows(
    table: str, columns: Sequence[str], rows: Sequence[tuple], constants: dict[str, object] | None = None
) -> None:
    """Insert many rows at once (see `render`)."""
    insert_rendered(table, render(columns, rows, constants))


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


class Writer:
    """Runs one write function at a time in a second thread, on the caller's own database connection
    and so inside its transaction, while the caller goes on with work that does not touch the database.

    The database does its share of a write (SQLite in C, PostgreSQL in its own process) without
    holding Python's lock, so on two cores the next batch is checked while this one is stored. Use
    it as a context manager; `start` and `wait` are the only places the connection changes hands:
    between them the caller must not use the database. An error in the write is raised by `wait`.
    """

    def __init__(self, using: str = DEFAULT_DB_ALIAS):
        self.using = using
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self, function: Callable[..., None], *args) -> None:
        self.wait()
        shared = connections[self.using]
        shared.inc_thread_sharing()

        def run() -> None:
            connections[self.using] = shared  # this thread's handle is the caller's connection
            try:
                function(*args)
            except BaseException as exc:  # handed to the caller by wait()
                self._error = exc

        self._thread = threading.Thread(target=run, name="kinerja-bulk-writer", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Until the write started last is done; raises its error, if it had one."""
        if self._thread is None:
            return
        self._thread.join()
        self._thread = None
        connections[self.using].dec_thread_sharing()
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        if exc is None:
            self.wait()
            return
        with suppress(Exception):  # the caller's own error is the one to report
            self.wait()
