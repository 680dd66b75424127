"""`ValueYear`, the yearly copy of monthly values, kept in step with `Value` and read by scorecards.

Every write of values calls `refresh` for what it touched, inside its own transaction: the rows of
those Puskesmas-years (and elements) are computed again from `Value` with one INSERT ... SELECT, so
the copy is always what `Value` holds, never an increment that could drift. `refresh_all` rebuilds
everything (after a bulk load, or to repair a copy by hand: `kinerja refresh-value-years`).
On PostgreSQL a refresh holds its Puskesmas rows until commit, so two writers of the same
Puskesmas-year take turns instead of each missing the other's month.

`aggregates` is the scorecard's read: for each (Puskesmas, element), the year-to-date total, the
number of months counted and the last value counted, at a month and at the month before, counting
only months whose report has one of the given statuses.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import connection

from kinerja.facilities.models import Puskesmas
from kinerja.indicators.models import Report, Value, ValueYear

MONTHS = range(1, 13)
BATCH = 500
NAMED = 2000  # up to this many Puskesmas, the yearly rows are also filtered by id
Aggregate = tuple  # (total, n, last, prev_total, prev_n, prev_last)


def refresh(*, keys: Iterable[tuple[int, int]], element_ids: Iterable[int] | None = None) -> None:
    """Recompute the yearly rows of these (Puskesmas id, year) pairs, all elements or only these."""
    by_year: dict[int, set[int]] = defaultdict(set)
    for pid, year in keys:
        by_year[year].add(pid)
    elements = sorted(set(element_ids)) if element_ids is not None else None
    if elements == [] or not by_year:
        return
    _lock(sorted(set().union(*by_year.values())))
    for year, pids in sorted(by_year.items()):
        ordered = sorted(pids)
        for start in range(0, len(ordered), BATCH):
            _refresh(year, ordered[start : start + BATCH], elements)


def _lock(pids: list[int]) -> None:
    """On PostgreSQL, hold these Puskesmas (in id order, so two writers never deadlock) until commit.

    Without it, two transactions refreshing the same row would each compute it without the other's
    uncommitted month, and the second would collide with the first's row. SQLite already lets one
    writer in at a time. NO KEY UPDATE leaves foreign-key checks on the Puskesmas unblocked.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for start in range(0, len(pids), BATCH * 10):
            batch = pids[start : start + BATCH * 10]
            cursor.execute(
                f"SELECT id FROM {Puskesmas._meta.db_table} WHERE id IN ({_marks(batch)}) "
                "ORDER BY id FOR NO KEY UPDATE",
                batch,
            )


def refresh_all(*, year: int | None = None) -> int:
    """Rebuild the whole copy (or one year's) from `Value`; returns the number of rows written."""
    with connection.cursor() as cursor:
        where = "" if year is None else "WHERE year = %s"
        cursor.execute(f"DELETE FROM {ValueYear._meta.db_table} {where}", [] if year is None else [year])
        select, params = _select("" if year is None else "r.year = %s", [] if year is None else [year])
        cursor.execute(f"{_INSERT} {select}", params)
    return ValueYear.objects.filter(**({} if year is None else {"year": year})).count()


def _refresh(year: int, pids: list[int], elements: list[int] | None) -> None:
    element_sql = f" AND data_element_id IN ({_marks(elements)})" if elements else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {ValueYear._meta.db_table} WHERE year = %s AND puskesmas_id IN ({_marks(pids)})"
            + element_sql,
            [year, *pids, *(elements or [])],
        )
        where = f"r.year = %s AND r.puskesmas_id IN ({_marks(pids)})"
        if elements:
            where += f" AND v.data_element_id IN ({_marks(elements)})"
        select, params = _select(where, [year, *pids, *(elements or [])])
        cursor.execute(f"{_INSERT} {select}", params)


_COLUMNS = ", ".join(f"m{month}" for month in MONTHS)
_INSERT = f"INSERT INTO {ValueYear._meta.db_table} (puskesmas_id, year, data_element_id, {_COLUMNS})"


def _select(where: str, params: list) -> tuple[str, list]:
    months = ", ".join(f"MAX(CASE WHEN r.month = {month} THEN v.value END)" for month in MONTHS)
    sql = f"""
        SELECT r.puskesmas_id, r.year, v.data_element_id, {months}
        FROM {Value._meta.db_table} v JOIN {Report._meta.db_table} r ON r.id = v.report_id
        {"WHERE " + where if where else ""}
        GROUP BY r.puskesmas_id, r.year, v.data_element_id
    """
    return sql, params


def _marks(items: Sequence) -> str:
    return ", ".join(["%s"] * len(items))


def aggregates(
    *, puskesmas_ids: Sequence[int], year: int, month: int, element_ids: Sequence[int],
    statuses: Sequence[str] | None,
) -> dict[int, dict[int, Aggregate]]:  # fmt: skip
    """{Puskesmas: {element: (total, n, last, prev_total, prev_n, prev_last)}} at `month`.

    One statement: the months each Puskesmas counts (reports of `statuses`, or any report when None)
    as a bit mask, joined to the yearly rows; the sums are plain column arithmetic.
    """
    if not puskesmas_ids or not element_ids or (statuses is not None and not statuses):
        return {}
    status_sql = f"AND status IN ({_marks(statuses)})" if statuses else ""
    # The join alone limits the rows; naming the Puskesmas again lets the planner use the index
    # for a district or a province (for the whole country, reading the year's rows is right).
    own = list(puskesmas_ids) if len(puskesmas_ids) <= NAMED else []
    own_sql = f"AND y.puskesmas_id IN ({_marks(own)})" if own else ""
    sql = f"""
        SELECT y.puskesmas_id, y.data_element_id, {_sums(month)}, {_sums(month - 1)}
        FROM {ValueYear._meta.db_table} y JOIN (
            SELECT puskesmas_id, SUM(1 << (month - 1)) AS mask FROM {Report._meta.db_table}
            WHERE year = %s AND month <= %s AND puskesmas_id IN ({_marks(puskesmas_ids)}) {status_sql}
            GROUP BY puskesmas_id
        ) k ON k.puskesmas_id = y.puskesmas_id
        WHERE y.year = %s AND y.data_element_id IN ({_marks(element_ids)}) {own_sql}
    """
    params = [year, month, *puskesmas_ids, *(statuses or []), year, *element_ids, *own]
    values: dict[int, dict[int, Aggregate]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            per_element = values.get(row[0])
            if per_element is None:
                per_element = values[row[0]] = {}
            per_element[row[1]] = row[2:]
    return values


def _sums(upto: int) -> str:
    """total, n and last of months 1..upto counted by the mask (0, 0, NULL when upto is 0)."""
    if upto < 1:
        return "0, 0, NULL"

    def counted(month: int) -> str:
        return f"CASE WHEN (k.mask & {1 << (month - 1)}) <> 0 THEN y.m{month} END"

    months = range(1, upto + 1)
    total = " + ".join(f"COALESCE({counted(m)}, 0)" for m in months)
    n = " + ".join(f"CASE WHEN {counted(m)} IS NOT NULL THEN 1 ELSE 0 END" for m in months)
    last = counted(1) if upto == 1 else "COALESCE(" + ", ".join(counted(m) for m in reversed(months)) + ")"
    return f"{total}, {n}, {last}"
