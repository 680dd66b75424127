"""Reads for screens, the portal and the API: reports due/done/late, completeness and timeliness,
a cell's history, the catalogue. Querysets here are already limited to what the user may see."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from kinerja.accounts.access import puskesmas_in_scope
from kinerja.accounts.models import User
from kinerja.facilities.models import Puskesmas
from kinerja.indicators.models import (
    DataElement,
    Framework,
    FrameworkVersion,
    Indicator,
    Report,
    ReportingSetting,
    ValueChange,
)
from kinerja.indicators.services import DEFAULT_DUE_DAY, due_date, month_name

DONE, DONE_LATE, DUE, OVERDUE, OPEN = "done", "done_late", "due", "overdue", "open"
STATE_LABELS = {
    DONE: "Sudah dilaporkan tepat waktu",
    DONE_LATE: "Sudah dilaporkan, terlambat",
    DUE: "Harus dilaporkan",
    OVERDUE: "Terlambat, belum dilaporkan",
    OPEN: "Bulan berjalan",
}


@dataclass
class ReportSlot:
    puskesmas: Puskesmas
    year: int
    month: int
    due_date: datetime.date
    state: str
    report: Report | None = None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def month_name(self) -> str:
        return month_name(self.month)

    @property
    def status_label(self) -> str:
        return self.report.get_status_display() if self.report else "Belum dibuat"


def _state(report: Report | None, due: datetime.date, period_end: datetime.date, today: datetime.date) -> str:
    if report is not None and report.is_complete and report.submitted_at:
        submitted = timezone.localdate(report.submitted_at)
        return DONE if submitted <= due else DONE_LATE
    if today < period_end:
        return OPEN
    return OVERDUE if today > due else DUE


def _due_days(puskesmas: list[Puskesmas]) -> dict[int, int]:
    districts = {p.district_id for p in puskesmas}
    return dict(
        ReportingSetting.objects.filter(district_id__in=districts).values_list("district_id", "due_day")
    )


def report_slots(
    *, puskesmas: list[Puskesmas], year: int, today: datetime.date | None = None
) -> dict[int, list[ReportSlot]]:
    """For each Puskesmas, one slot per month of `year` that has started by `today`. Two queries."""
    today = today or timezone.localdate()
    reports = Report.objects.filter(puskesmas__in=puskesmas, year=year)
    by_key = {(r.puskesmas_id, r.month): r for r in reports}
    days = _due_days(puskesmas)
    slots: dict[int, list[ReportSlot]] = {}
    for p in puskesmas:
        rows = []
        for month in range(1, 13):
            start = datetime.date(year, month, 1)
            if start > today:
                break
            period_end = due_date(year=year, month=month, due_day=1)
            report = by_key.get((p.pk, month))
            due = (
                report.due_date
                if report
                else due_date(year=year, month=month, due_day=days.get(p.district_id, DEFAULT_DUE_DAY))
            )
            rows.append(ReportSlot(p, year, month, due, _state(report, due, period_end, today), report))
        slots[p.pk] = rows
    return slots


@dataclass
class ReportsToDo:
    due: list[ReportSlot] = field(default_factory=list)
    late: list[ReportSlot] = field(default_factory=list)
    done: list[ReportSlot] = field(default_factory=list)
    open: list[ReportSlot] = field(default_factory=list)
    awaiting_approval: list[ReportSlot] = field(default_factory=list)


def reports_todo(*, puskesmas: Puskesmas, today: datetime.date | None = None) -> ReportsToDo:
    """What a Puskesmas must report (due), has missed (late), has done, this year and last December."""
    today = today or timezone.localdate()
    slots = report_slots(puskesmas=[puskesmas], year=today.year, today=today)[puskesmas.pk]
    if today.month == 1:
        slots = (
            report_slots(puskesmas=[puskesmas], year=today.year - 1, today=today)[puskesmas.pk][-1:] + slots
        )
    todo = ReportsToDo()
    for slot in slots:
        if slot.state in (DONE, DONE_LATE):
            todo.done.append(slot)
            if slot.report.status == Report.Status.SUBMITTED:
                todo.awaiting_approval.append(slot)
        elif slot.state == OVERDUE:
            todo.late.append(slot)
        elif slot.state == DUE:
            todo.due.append(slot)
        else:
            todo.open.append(slot)
    todo.done.reverse()
    return todo


@dataclass
class Completeness:
    puskesmas: Puskesmas | None
    expected: int
    complete: int
    on_time: int
    slots: list[ReportSlot] = field(default_factory=list)

    @property
    def completeness(self) -> float | None:
        return self.complete / self.expected * 100 if self.expected else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.expected * 100 if self.expected else None


def completeness(
    *, puskesmas: list[Puskesmas], year: int, today: datetime.date | None = None
) -> tuple[list[Completeness], Completeness]:
    """Per Puskesmas and for the whole list: reports complete / expected, and complete by the due date.

    A month is expected once its due date has passed.
    """
    today = today or timezone.localdate()
    rows = []
    all_slots = report_slots(puskesmas=puskesmas, year=year, today=today)
    for p in puskesmas:
        slots = all_slots[p.pk]
        expected = [s for s in slots if s.due_date < today]
        complete = [s for s in expected if s.state in (DONE, DONE_LATE)]
        on_time = [s for s in complete if s.state == DONE]
        rows.append(Completeness(p, len(expected), len(complete), len(on_time), slots))
    total = Completeness(
        None, sum(r.expected for r in rows), sum(r.complete for r in rows), sum(r.on_time for r in rows)
    )
    return rows, total


def reports_in_scope(*, user: User) -> QuerySet[Report]:
    return Report.objects.filter(puskesmas__in=puskesmas_in_scope(user=user)).select_related("puskesmas")


def cell_history(*, report: Report, element: DataElement) -> QuerySet[ValueChange]:
    return ValueChange.objects.filter(report=report, data_element=element).select_related("changed_by")


def element_history(*, puskesmas: Puskesmas, year: int, elements: list[DataElement]) -> QuerySet[ValueChange]:
    """Every change to these elements in the Puskesmas' reports of the year, newest first."""
    return ValueChange.objects.filter(
        report__puskesmas=puskesmas, report__year=year, data_element__in=elements
    ).select_related("changed_by", "report", "data_element")


def frameworks() -> QuerySet[Framework]:
    return Framework.objects.order_by("order", "code")


def versions() -> QuerySet[FrameworkVersion]:
    return FrameworkVersion.objects.select_related("framework").order_by(
        "framework__order", "-valid_from_year", "-valid_from_month"
    )


def grid_elements() -> list[DataElement]:
    """The data elements of the monthly grid, in catalogue order."""
    return list(DataElement.objects.filter(active=True).order_by("order", "code"))


def indicator_in_version(*, version: FrameworkVersion, code: str) -> Indicator | None:
    return (
        version.indicators.select_related("numerator", "denominator_element", "denominator_group")
        .filter(code=code)
        .first()
    )
