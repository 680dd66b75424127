"""Import and export of monthly values (Excel and CSV): all or nothing, every bad cell reported.

The file formats are in `exchange_files.py` (one Excel sheet per month, or the long CSV). An import
checks every cell with the grid's own rules (`validation.parse_cell`, then `validation.check_values`
on the month as it would be after the import: numerator not above denominator and the stored
consistency rules). Any error, or any change to an approved or verified (locked) month, refuses the
whole file, reporting each cell by sheet, row, column and reason; nothing is stored. Values far from
the Puskesmas' own history are flagged for review, as in the grid, and never refused.

Writes take the same shape as `services.report_values_set` (the grid's path): each changed cell is
stored and a `ValueChange` (who, when, old, new, source "import") recorded, flags refreshed. They
are done in batches of whole Puskesmas with bulk SQL (COPY on PostgreSQL) inside one transaction,
and while the database stores one batch (`bulk.Writer`), the next is checked: a national file of
millions of values goes through the same code at tens of thousands of values a second (bench.py).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.accounts.access import PUSKESMAS_ROLES, Role, effective_role, puskesmas_in_scope
from kinerja.accounts.models import User
from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log
from kinerja.facilities.models import Puskesmas
from kinerja.indicators import bulk, services, yearly
from kinerja.indicators import validation as v
from kinerja.indicators.exchange_files import (
    MONTHS,
    Period,
    Problem,
    SheetData,
    Where,
    read_file,
    write_csv,
    write_xlsx,
)
from kinerja.indicators.models import DataElement, Report, ReportingSetting, Value, ValueChange

CHUNK = 240  # reports per batch: 20 Puskesmas-years
MAX_PROBLEMS = 2000
Key = tuple[int, int, int]  # (puskesmas id, year, month)


class ImportRefused(ApplicationError):
    """The file was refused; `problems` lists every bad cell. Nothing was stored."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems, key=_position)
        count = len(self.problems)
        super().__init__(
            _(
                "Berkas ditolak: %(count)s kesalahan. Tidak ada angka yang disimpan; perbaiki lalu unggah lagi."
            )
            % {"count": count},
            extra={"problems": [p.text() for p in self.problems]},
        )


def _position(problem: Problem) -> tuple[int, int]:
    """File order: sheets by month, then rows."""
    where = problem.where
    if where is None:
        return (-1, 0)
    sheet = MONTHS.index(where.sheet) + 1 if where.sheet in MONTHS else 0
    return (sheet, where.row)


@dataclass
class ImportResult:
    cells: int = 0
    changed: int = 0
    reports: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Context:
    elements: dict[str, DataElement]
    specs: dict[str, v.ElementSpec]
    rules: list[v.RuleSpec]
    user: User | None
    source: str
    problems: list[Problem] = field(default_factory=list)
    result: ImportResult = field(default_factory=ImportResult)
    now: datetime.datetime = field(default_factory=timezone.now)  # when every change is recorded
    parsed: dict[tuple[str, object], tuple[int | None, str | None]] = field(default_factory=dict)
    scope: dict[str, Puskesmas] = field(default_factory=dict)  # the Puskesmas the file may fill, by code

    @property
    def writing(self) -> bool:
        return not self.problems

    @cached_property
    def ids(self) -> dict[str, int]:
        return {code: element.pk for code, element in self.elements.items()}

    @cached_property
    def outliers(self) -> bool:
        return any(r.kind == v.OUTLIER for r in self.rules)


def values_import(
    *, user: User | None, data: bytes, filename: str = "", puskesmas: Puskesmas | None = None,
    year: int | None = None, progress: Callable[[int, int], None] | None = None,
) -> ImportResult:  # fmt: skip
    """Import an uploaded file. `puskesmas`/`year`: the file must be for them (a Puskesmas page upload).

    Raises ImportRefused (nothing stored) when any cell is wrong.
    """
    parsed = read_file(data, filename)
    if parsed.problems:
        raise ImportRefused(parsed.problems)
    return values_import_periods(
        user=user, periods=parsed.periods, puskesmas=puskesmas, year=year, progress=progress
    )


def _check_user(user: User | None) -> None:
    if user is None:
        return
    if effective_role(user) not in (*PUSKESMAS_ROLES, Role.DISTRICT_ADMIN):
        raise ApplicationError(_("Impor angka laporan hanya untuk petugas Puskesmas dan admin Dinas."))


@transaction.atomic
def values_import_periods(
    *, user: User | None, periods: Sequence[Period], puskesmas: Puskesmas | None = None, year: int | None = None,
    progress: Callable[[int, int], None] | None = None, source: str = "import",
) -> ImportResult:  # fmt: skip
    """Check and store parsed cells in one transaction; raise ImportRefused if any is wrong."""
    _check_user(user)
    elements = {e.code: e for e in DataElement.objects.filter(active=True)}
    specs = {c: v.ElementSpec(e.code, e.name, tuple(e.allowed_values or ())) for c, e in elements.items()}
    ctx = _Context(elements, specs, services.rule_specs(), user, source)
    ctx.scope = _scope(user, puskesmas, periods)
    reports = _reports(ctx, periods, ctx.scope, puskesmas, year)
    keys = sorted(reports)
    batches = [{k: reports[k] for k in batch} for batch in _batches(keys)]
    total, done = sum(len(p.cells) + len(p.repeated) for p in periods), 0
    # Each batch is parsed, checked and made ready while the one before is being stored; the
    # connection is used here only between writer.wait() and writer.start().
    with bulk.large_cache(), bulk.Writer() as writer:
        groups = _parse(ctx, batches[0]) if batches else {}
        stored = _load(ctx, groups)
        for number in range(len(batches)):
            plans = _plan_batch(ctx, groups, stored)
            writes = _prepare(ctx, plans) if ctx.writing and plans else None
            done += sum(len(p.cells) + len(p.repeated) for p in batches[number].values())
            groups = _parse(ctx, batches[number + 1]) if number + 1 < len(batches) else {}
            writer.wait()
            if progress:
                progress(done, total)
            stored = _load(ctx, groups)
            if ctx.writing and writes:
                writer.start(_write, ctx, writes)
    if ctx.problems:
        raise ImportRefused(ctx.problems[:MAX_PROBLEMS])
    ctx.result.cells = total
    _audit(ctx, keys)
    return ctx.result


def _scope(user: User | None, puskesmas: Puskesmas | None, periods: Sequence[Period]) -> dict[str, Puskesmas]:
    if puskesmas is not None:
        return {puskesmas.code: puskesmas}
    codes = {p.puskesmas_code for p in periods}
    queryset = Puskesmas.objects.all() if user is None else puskesmas_in_scope(user=user)
    if user is not None and effective_role(user) in PUSKESMAS_ROLES:
        queryset = queryset.filter(pk=user.puskesmas_id)
    found: dict[str, Puskesmas] = {}
    codes_list = sorted(codes)
    for start in range(0, len(codes_list), 5000):
        found.update({p.code: p for p in queryset.filter(code__in=codes_list[start : start + 5000])})
    return found


@dataclass
class _Group:
    """A report's good cells in the file: {element code: (value, row)}."""

    period: Period
    values: dict[str, tuple[int | None, int]]

    def where(self, code: str) -> Where:
        return self.period.where(self.values[code][1])


def _reports(ctx, periods, scope, puskesmas, year) -> dict[Key, Period]:
    """The report each period of the file fills; periods the file may not fill are reported."""
    reports: dict[Key, Period] = {}
    reported: set[tuple[str | None, str, str]] = set()
    now = timezone.localdate()
    today = (now.year, now.month)
    for period in periods:
        if period.cells:
            key = _period_key(ctx, reported, period, scope, puskesmas, year, today)
            if key is not None:
                reports[key] = period
    return reports


def _parse(ctx: _Context, periods: dict[Key, Period]) -> dict[Key, _Group]:
    """Parse every cell of these periods; collect problems; the good cells of each report."""
    groups: dict[Key, _Group] = {}
    parsed = ctx.parsed
    for key, period in periods.items():
        values: dict[str, tuple[int | None, int]] = {}
        for code, (raw, row) in period.cells.items():
            element = ctx.specs.get(code)
            if element is None:
                ctx.problems.append(Problem(period.where(row), _unknown(code)))
                continue
            result = parsed.get((code, raw))  # the same few numbers come back again and again
            if result is None:
                result = parsed[(code, raw)] = v.parse_cell(raw, element)
            value, error = result
            if error:
                ctx.problems.append(Problem(period.where(row), _fix(error, element.name), element.name))
                continue
            values[code] = (value, row)
        for code, row, first in period.repeated:
            element = ctx.specs.get(code)
            if element is None:
                ctx.problems.append(Problem(period.where(row), _unknown(code)))
                continue
            message = _("%(name)s bulan ini sudah ada di baris %(row)s. Hapus salah satu.") % {
                "name": element.name,
                "row": first,
            }
            ctx.problems.append(Problem(period.where(row), message, element.name))
        groups[key] = _Group(period, values)
    return groups


def _unknown(code: str) -> str:
    return _("kode elemen data '%(code)s' tidak dikenal. Gunakan kode dari templat.") % {"code": code}


def _period_key(ctx, reported, period: Period, scope, puskesmas, year, today) -> Key | None:
    """The report a period belongs to, or None when the file may not fill it (reported once)."""
    target = scope.get(period.puskesmas_code)
    if target is None:
        message = _wrong_puskesmas(period.puskesmas_code, puskesmas)
        _once(ctx, reported, period, "puskesmas", message)
        return None
    if year is not None and period.year != year:
        message = _("berkas ini untuk tahun %(file)s, bukan %(year)s. Unduh templat tahun %(year)s.") % {
            "file": period.year,
            "year": year,
        }
        _once(ctx, reported, period, "year", message)
        return None
    if (period.year, period.month) > today:
        message = _("bulan %(month)s %(year)s belum mulai; laporannya belum dapat diisi.") % {
            "month": MONTHS[period.month - 1],
            "year": period.year,
        }
        _once(ctx, reported, period, "month", message)
        return None
    return (target.pk, period.year, period.month)


def _fix(error: str, name: str) -> str:
    """parse_cell's message without the element name in front (the location names it already)."""
    prefix = f"{name}: "
    return error[len(prefix) :] if error.startswith(prefix) else error


def _wrong_puskesmas(code: str, puskesmas: Puskesmas | None) -> str:
    if puskesmas is not None:
        return _(
            "berkas ini untuk Puskesmas berkode '%(code)s', bukan %(name)s (%(own)s). "
            "Unduh templat dari halaman Puskesmas %(name)s."
        ) % {"code": code, "name": puskesmas.name, "own": puskesmas.code}
    return _("kode Puskesmas '%(code)s' tidak dikenal atau di luar wilayah Anda. Periksa kodenya.") % {
        "code": code
    }


TOP = {"puskesmas": (1, "puskesmas_code"), "year": (3, "year"), "month": (4, "month")}


def _once(ctx, reported, period: Period, kind: str, message: str) -> None:
    """A file-level mistake (wrong Puskesmas, year, month) is reported once per sheet, not per cell."""
    if (period.sheet, kind, message) in reported:
        return
    reported.add((period.sheet, kind, message))
    row, column = TOP[kind]
    top = Where(period.sheet, row, "B") if period.sheet else Where(None, period.first_row, column)
    labels = {"puskesmas": _("Kode Puskesmas"), "year": _("Tahun"), "month": _("Bulan")}
    ctx.problems.append(Problem(top, message, labels[kind]))


# --- one batch of reports ------------------------------------------------------------------------


def _batches(keys: list[Key]) -> list[list[Key]]:
    """Keys in batches of about CHUNK reports; a Puskesmas is never split, so no batch needs what
    another writes (the outlier check reads a Puskesmas' own earlier months)."""
    batches: list[list[Key]] = []
    for key in keys:
        if not batches or (len(batches[-1]) >= CHUNK and batches[-1][-1][0] != key[0]):
            batches.append([])
        batches[-1].append(key)
    return batches


@dataclass
class _Stored:
    """What the database holds for one batch's Puskesmas: their reports (with the ids of those the
    file creates) and values."""

    reports: dict[Key, Report]
    created: dict[Key, int]
    state: dict[int, dict[int, dict[str, tuple]]]


def _load(ctx: _Context, groups: dict[Key, _Group]) -> _Stored:
    """Read a batch's reports and values, and create the reports its values need: then its writes can
    be planned row for row, ids included, while another batch is being stored."""
    if not groups:
        return _Stored({}, {}, {})
    keys = list(groups)
    pids = {k[0] for k in keys}
    years = {k[1] for k in keys}
    reports = {
        (r.puskesmas_id, r.year, r.month): r
        for r in Report.objects.filter(puskesmas_id__in=pids, year__in=years).only(
            "id", "puskesmas_id", "year", "month", "status"
        )
    }
    missing = [
        k for k in keys if k not in reports and any(v is not None for v, _row in groups[k].values.values())
    ]
    created = _create_reports(missing) if ctx.writing and missing else {}
    return _Stored(reports, created, _state(pids, years, ctx.elements))


def _plan_batch(ctx: _Context, groups: dict[Key, _Group], stored: _Stored) -> list:
    """Check one batch and plan its writes, without touching the database."""
    plans = []
    for key in sorted(groups):
        plan = _plan(ctx, key, groups[key], stored)
        if plan is not None:
            plans.append(plan)
    return plans


def _state(pids: set[int], years: set[int], elements) -> dict[int, dict[int, dict[str, tuple]]]:
    """Stored values of these Puskesmas, from the year before the first year imported:
    {pid: {period (year*12+month-1): {element code: (value id, value, flag)}}}."""
    codes = {e.pk: c for c, e in elements.items()}
    rows = Value.objects.filter(
        report__puskesmas_id__in=pids, report__year__gte=min(years) - 1, report__year__lte=max(years)
    ).values_list(
        "report__puskesmas_id", "report__year", "report__month", "data_element_id", "id", "value", "flag"
    )
    state: dict[int, dict[int, dict[str, tuple]]] = defaultdict(lambda: defaultdict(dict))
    for pid, year, month, element_id, pk, value, flag in rows.iterator(chunk_size=20000):
        code = codes.get(element_id)
        if code is not None:
            state[pid][year * 12 + month - 1][code] = (pk, value, flag)
    return state  # fmt: skip


@dataclass
class _Plan:
    """One report's writes, as the rows to store."""

    key: Key
    report_id: int
    creates: list[tuple[int, int, int, int]]  # report id, element id, value, flag
    updates: list[tuple[int, int, int]]  # value, flag, value id
    deletes: list[int]  # value ids
    changes: list[tuple[int, int, int | None, int | None]]  # report id, element id, old, new


def _plan(ctx: _Context, key: Key, group: _Group, stored: _Stored) -> _Plan | None:
    pid, year, month = key
    period = year * 12 + month - 1
    state = stored.state[pid][period]
    merged = {code: row[1] for code, row in state.items()}
    changes = []
    cells = group.values
    for code, (value, _row) in cells.items():
        old = merged.get(code)
        if old != value:
            changes.append((code, old, value))
        if value is None:
            merged.pop(code, None)
        else:
            merged[code] = value
    if not changes:
        return None
    report = stored.reports.get(key)
    if report is not None and report.is_locked:
        first = min(cells[c][1] for c, _o, _n in changes)
        name = ctx.scope[group.period.puskesmas_code].name
        ctx.problems.append(Problem(group.period.where(first), _locked_message(report, name)))
        return None
    history = _history(stored.state[pid], period, merged) if ctx.outliers else None
    issues = v.check_values(merged, elements=ctx.specs, rules=ctx.rules, history=history)
    flags = _flags(ctx, issues, group)
    stored.state[pid][period] = {
        c: (state.get(c, (None,))[0], val, flags.get(c, 0)) for c, val in merged.items()
    }
    if not ctx.writing:
        return None
    rid, ids = report.pk if report is not None else stored.created[key], ctx.ids
    plan = _Plan(key, rid, [], [], [], [(rid, ids[c], old, new) for c, old, new in changes])
    changed = {code for code, _o, _n in changes}
    for code, value in merged.items():
        row = state.get(code)
        if row is None:
            plan.creates.append((rid, ids[code], value, flags.get(code, 0)))
        elif code in changed or row[2] != flags.get(code, 0):
            plan.updates.append((value, flags.get(code, 0), row[0]))
    plan.deletes = [state[c][0] for c, _o, new in changes if new is None and c in state]
    return plan


def _locked_message(report: Report, name: str) -> str:
    return _(
        "laporan %(month)s %(year)s Puskesmas %(name)s sudah %(status)s dan terkunci; angkanya tidak dapat "
        "diubah lewat impor. Minta Kepala Puskesmas atau Dinas membukanya kembali, atau samakan angka di "
        "berkas dengan yang tersimpan."
    ) % {
        "month": MONTHS[report.month - 1],
        "year": report.year,
        "name": name,
        "status": report.get_status_display().lower(),
    }


def _history(periods: dict[int, dict[str, tuple]], period: int, codes) -> dict[str, list[int]]:
    """Each element's values in the 12 months before; nothing when fewer than the check needs."""
    before = [periods[p] for p in range(period - 12, period) if periods.get(p)]
    if len(before) < v.MIN_HISTORY:
        return {}
    return {code: [month[code][1] for month in before if code in month] for code in codes}


def _flags(ctx: _Context, issues: list[v.Issue], group: _Group) -> dict[str, int]:
    cells = group.values
    flags: dict[str, int] = {}
    for issue in issues:
        if issue.severity == v.ERROR:
            flags[issue.element] = Value.Flag.INVALID
            code = next((c for c in (issue.element, *issue.related) if c in cells), None)
            if code is not None:  # an error the file did not touch is not the file's fault
                label = ctx.specs[code].name if code in ctx.specs else code
                ctx.problems.append(Problem(group.where(code), issue.message, label))
        else:
            flags[issue.element] = max(flags.get(issue.element, 0), Value.Flag.SUSPICIOUS)
            if issue.element in cells and len(ctx.result.warnings) < MAX_PROBLEMS:
                ctx.result.warnings.append(f"{group.where(issue.element).text()}: {issue.message}")
    return flags


# --- writing -------------------------------------------------------------------------------------


@dataclass
class _Writes:
    """A batch's writes, made ready (rows rendered for the database) before the writer takes them."""

    keys: set[tuple[int, int]]  # (Puskesmas, year), for the yearly copy
    report_ids: list[int]
    element_ids: set[int]
    deletes: list[int]
    updates: list[tuple[int, int, int]]
    values: bulk.Rendered
    changes: bulk.Rendered
    changed: int


def _prepare(ctx: _Context, plans: list[_Plan]) -> _Writes:
    creates, updates, deletes, changes = [], [], [], []
    for plan in plans:
        creates += plan.creates
        updates += plan.updates
        deletes += plan.deletes
        changes += plan.changes
    actor = ctx.user.pk if ctx.user is not None and ctx.user.is_authenticated else None
    stamp = connection.ops.adapt_datetimefield_value(ctx.now)
    return _Writes(
        keys={p.key[:2] for p in plans},
        report_ids=[p.report_id for p in plans],
        element_ids={row[1] for row in changes},
        deletes=deletes,
        updates=updates,
        values=bulk.render(("report_id", "data_element_id", "value", "flag"), creates),
        changes=bulk.render(
            ("report_id", "data_element_id", "old_value", "new_value"),
            changes,
            {"changed_at": stamp, "changed_by_id": actor, "source": ctx.source},
        ),
        changed=len(changes),
    )


def _write(ctx: _Context, writes: _Writes) -> None:
    """Store a batch (run by the writer thread: SQL only)."""
    for start in range(0, len(writes.deletes), 5000):
        Value.objects.filter(pk__in=writes.deletes[start : start + 5000]).delete()
    bulk.insert_rendered(Value._meta.db_table, writes.values)
    if writes.updates:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {Value._meta.db_table} SET value = %s, flag = %s WHERE id = %s", writes.updates
            )
    bulk.insert_rendered(ValueChange._meta.db_table, writes.changes)
    Report.objects.filter(pk__in=writes.report_ids).update(updated_at=ctx.now)
    yearly.refresh(keys=writes.keys, element_ids=writes.element_ids)
    ctx.result.changed += writes.changed
    ctx.result.reports += len(writes.report_ids)


def _create_reports(keys: list[Key]) -> dict[Key, int]:
    """Create the reports of these periods (none exists yet), due by their district's day; their ids."""
    pids = {pid for pid, _year, _month in keys}
    districts = dict(Puskesmas.objects.filter(pk__in=pids).values_list("pk", "district_id"))
    days = dict(
        ReportingSetting.objects.filter(district_id__in=set(districts.values())).values_list(
            "district_id", "due_day"
        )
    )
    rows = [
        (pid, year, month, services.due_date(year=year, month=month, due_day=days.get(districts[pid], services.DEFAULT_DUE_DAY)).isoformat())
        for pid, year, month in keys
    ]  # fmt: skip
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    constants = {"status": Report.Status.DRAFT, "reopen_reason": "", "created_at": now, "updated_at": now}
    bulk.insert_rows(Report._meta.db_table, ("puskesmas_id", "year", "month", "due_date"), rows, constants)
    wanted = set(keys)
    found = Report.objects.filter(puskesmas_id__in=pids, year__in={k[1] for k in keys})
    return {
        (pid, year, month): pk
        for pk, pid, year, month in found.values_list("pk", "puskesmas_id", "year", "month")
        if (pid, year, month) in wanted
    }


def _audit(ctx: _Context, keys: list[Key]) -> None:
    if not ctx.result.changed:
        return
    per: dict[tuple[int, int], int] = defaultdict(int)
    for pid, year, _month in keys:
        per[(pid, year)] += 1
    puskesmas = Puskesmas.objects.in_bulk({pid for pid, _y in per})
    for (pid, year), months in sorted(per.items())[:200]:
        audit_log(
            actor=ctx.user,
            action="indicators.values_imported",
            obj=puskesmas[pid],
            changes={"year": year, "months": months, "source": ctx.source},
        )


# --- export --------------------------------------------------------------------------------------


def value_rows(*, puskesmas_ids: Iterable[int], year: int) -> Iterator[tuple[str, int, int, str, int]]:
    """(Puskesmas code, year, month, element code, value) of stored values, in a stable order."""
    return (
        Value.objects.filter(report__puskesmas_id__in=list(puskesmas_ids), report__year=year)
        .order_by("report__puskesmas__code", "report__month", "data_element__order", "data_element__code")
        .values_list(
            "report__puskesmas__code", "report__year", "report__month", "data_element__code", "value"
        )
        .iterator(chunk_size=5000)
    )


def values_export_csv(*, puskesmas_ids: Iterable[int], year: int) -> Iterator[str]:
    return write_csv(value_rows(puskesmas_ids=puskesmas_ids, year=year))


def values_export_xlsx(*, puskesmas: Puskesmas, year: int) -> bytes:
    """The Excel template of a Puskesmas-year, filled with the stored values."""
    elements = [
        (e.code, e.name, e.unit) for e in DataElement.objects.filter(active=True).order_by("order", "code")
    ]
    values = {
        (month, code): value
        for _p, _y, month, code, value in value_rows(puskesmas_ids=[puskesmas.pk], year=year)
    }
    statuses = {
        r.month: r.get_status_display() for r in Report.objects.filter(puskesmas=puskesmas, year=year)
    }
    data = SheetData(puskesmas.code, puskesmas.name, year, elements, values, statuses)
    return write_xlsx(data)
