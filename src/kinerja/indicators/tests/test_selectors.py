"""Reports due, done and late; completeness and timeliness on fixed dates."""

import datetime

import pytest
from django.utils import timezone

from kinerja.indicators.models import Report
from kinerja.indicators.selectors import (
    DONE,
    DONE_LATE,
    DUE,
    OPEN,
    OVERDUE,
    completeness,
    report_slots,
    reports_todo,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2024, 4, 5)  # March is due on 10 April; January and February are past due


def submit(puskesmas, month, day, status=Report.Status.SUBMITTED):
    return Report.objects.create(
        puskesmas=puskesmas,
        year=2024,
        month=month,
        status=status,
        due_date=datetime.date(2024, month + 1, 10),
        submitted_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))),
    )


def test_slots_know_done_late_due_and_open(world):
    submit(world.a1, 1, datetime.date(2024, 2, 9), Report.Status.APPROVED)  # on time
    submit(world.a1, 2, datetime.date(2024, 3, 12))  # two days late
    slots = report_slots(puskesmas=[world.a1], year=2024, today=TODAY)[world.a1.pk]
    assert [s.state for s in slots] == [DONE, DONE_LATE, DUE, OPEN]
    slots = report_slots(puskesmas=[world.a2], year=2024, today=TODAY)[world.a2.pk]
    assert [s.state for s in slots] == [OVERDUE, OVERDUE, DUE, OPEN]


def test_a_draft_past_its_due_date_is_late(world):
    Report.objects.create(puskesmas=world.a1, year=2024, month=1, due_date=datetime.date(2024, 2, 10))
    todo = reports_todo(puskesmas=world.a1, today=TODAY)
    assert [s.month for s in todo.late] == [1, 2]
    assert [s.month for s in todo.due] == [3]
    assert [s.month for s in todo.open] == [4]


def test_awaiting_approval(world):
    submit(world.a1, 1, datetime.date(2024, 2, 1))
    todo = reports_todo(puskesmas=world.a1, today=TODAY)
    assert [s.month for s in todo.awaiting_approval] == [1]
    assert [s.month for s in todo.done] == [1]


def test_completeness_and_timeliness(world):
    submit(world.a1, 1, datetime.date(2024, 2, 9))
    submit(world.a1, 2, datetime.date(2024, 3, 12))
    submit(world.a2, 1, datetime.date(2024, 2, 10))
    rows, total = completeness(puskesmas=[world.a1, world.a2], year=2024, today=TODAY)
    a1, a2 = rows
    assert (a1.expected, a1.complete, a1.on_time) == (2, 2, 1)  # March is not yet due
    assert (a1.completeness, a1.timeliness) == (100, 50)
    assert (a2.complete, a2.on_time) == (1, 1)
    assert (total.expected, total.complete, total.on_time) == (4, 3, 2)
    assert total.completeness == 75 and total.timeliness == 50
