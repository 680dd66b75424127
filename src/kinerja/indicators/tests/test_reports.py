"""Monthly report entry, validation, workflow, history and targets."""

import datetime

import pytest

from kinerja.core.errors import ApplicationError
from kinerja.core.models import AuditEntry
from kinerja.indicators import validation as v
from kinerja.indicators.models import DataElement, Report, Target, TargetGroup, Value, ValueChange
from kinerja.indicators.services import (
    due_date,
    report_approve,
    report_get_or_create,
    report_reopen,
    report_submit,
    report_values_set,
    report_verify,
    targets_estimate,
    value_record,
)
from kinerja.indicators.tests.helpers import load_catalogue, put_month

pytestmark = pytest.mark.django_db
SPEC = v.ElementSpec("k1", "Ibu hamil K1")
SCORE = v.ElementSpec("m1", "Lokmin", (0, 4, 7, 10))


@pytest.mark.parametrize(
    ("raw", "spec", "value", "error"),
    [
        ("12", SPEC, 12, None),
        (" 7 ", SPEC, 7, None),
        ("1.250", SPEC, 1250, None),  # Indonesian thousands separator
        ("", SPEC, None, None),
        (None, SPEC, None, None),
        ("1.5", SPEC, None, "bukan bilangan bulat"),
        ("12,5", SPEC, None, "bukan bilangan bulat"),
        ("abc", SPEC, None, "bukan bilangan bulat"),
        ("-3", SPEC, None, "tidak boleh negatif"),
        ("7", SCORE, 7, None),
        ("5", SCORE, None, "Pilih salah satu: 0, 4, 7, 10"),
    ],
)
def test_parse_cell(raw, spec, value, error):
    parsed, message = v.parse_cell(raw, spec)
    assert parsed == value
    assert (message is None) if error is None else (error in message and spec.name in message)


ELEMENTS = {"k1": SPEC, "k4": v.ElementSpec("k4", "Ibu hamil K4")}
RULES = [v.RuleSpec(v.NOT_ABOVE, "k4", "k1"), v.RuleSpec(v.OUTLIER, None, factor=3)]


@pytest.mark.parametrize(
    ("values", "history", "expected"),
    [
        ({"k1": 10, "k4": 8}, {}, []),
        ({"k1": 10, "k4": 12}, {}, [("k4", v.ERROR)]),
        ({"k1": None, "k4": 12}, {}, []),  # nothing to compare with yet
        ({"k1": 100, "k4": 8}, {"k1": [10, 12, 11]}, [("k1", v.WARNING)]),
        ({"k1": 2, "k4": 2}, {"k1": [10, 12, 11]}, [("k1", v.WARNING)]),
        ({"k1": 30, "k4": 2}, {"k1": [10, 12, 11]}, []),  # under 3x the median
        ({"k1": 100, "k4": 8}, {"k1": [10, 12]}, []),  # too little history to judge
    ],
)
def test_check_values(values, history, expected):
    issues = v.check_values(values, elements=ELEMENTS, rules=RULES, history=history)
    assert [(i.element, i.severity) for i in issues] == expected


@pytest.fixture
def report(world, tmp_path):
    load_catalogue(tmp_path)
    return report_get_or_create(puskesmas=world.a1, year=2024, month=5)


def element(code):
    return DataElement.objects.get(code=code)


def test_due_date_is_in_the_next_month():
    assert due_date(year=2024, month=5) == datetime.date(2024, 6, 10)
    assert due_date(year=2024, month=12, due_day=5) == datetime.date(2025, 1, 5)


def test_operator_enters_fixes_and_submits_then_head_approves(world, report):
    result = value_record(user=world.operator, report=report, element=element("k1"), raw="abc")
    assert result.error and not Value.objects.exists()
    value_record(user=world.operator, report=report, element=element("k1"), raw="10")
    result = value_record(user=world.operator, report=report, element=element("k4"), raw="12")
    assert [(i.element, i.severity) for i in result.issues] == [("k4", v.ERROR)]
    assert "melebihi K1" in result.issues[0].message
    assert Value.objects.get(data_element__code="k4").flag == Value.Flag.INVALID
    with pytest.raises(ApplicationError, match="belum dapat diajukan"):
        report_submit(user=world.operator, report=report)
    value_record(user=world.operator, report=report, element=element("k4"), raw="9")
    assert Value.objects.get(data_element__code="k4").flag == Value.Flag.NONE
    report_submit(user=world.operator, report=report)
    with pytest.raises(ApplicationError, match="Hanya Kepala Puskesmas"):
        report_approve(user=world.operator, report=report)
    report_approve(user=world.head, report=report)
    assert report.status == Report.Status.APPROVED and report.approved_by == world.head
    report_verify(user=world.supervisor, report=report)
    assert report.status == Report.Status.VERIFIED
    actions = list(AuditEntry.objects.filter(object_id=str(report.pk)).values_list("action", flat=True))
    assert {"indicators.report_submitted", "indicators.report_approved", "indicators.report_verified"} <= set(
        actions
    )


def test_every_change_is_in_the_history(world, report):
    value_record(user=world.operator, report=report, element=element("k1"), raw="10")
    value_record(user=world.head, report=report, element=element("k1"), raw="11")
    value_record(user=world.head, report=report, element=element("k1"), raw="11")  # no change, no entry
    value_record(user=world.operator, report=report, element=element("k1"), raw="")
    history = list(
        ValueChange.objects.order_by("id").values_list("old_value", "new_value", "changed_by__username")
    )
    assert history == [(None, 10, "eko"), (10, 11, "dina"), (11, None, "eko")]
    assert not Value.objects.exists()


def test_locked_report_refuses_changes_until_reopened_with_reason(world, report):
    report_values_set(user=world.operator, report=report, values={"k1": 10})
    report_submit(user=world.operator, report=report)
    report_approve(user=world.head, report=report)
    with pytest.raises(ApplicationError, match="terkunci"):
        value_record(user=world.operator, report=report, element=element("k1"), raw="12")
    with pytest.raises(ApplicationError, match="alasan"):
        report_reopen(user=world.head, report=report, reason="")
    with pytest.raises(ApplicationError, match="Hanya Kepala Puskesmas atau admin"):
        report_reopen(user=world.operator, report=report, reason="Salah ketik K1")
    report_reopen(user=world.head, report=report, reason="Salah ketik K1")
    assert report.status == Report.Status.DRAFT and report.reopen_reason == "Salah ketik K1"
    value_record(user=world.operator, report=report, element=element("k1"), raw="12")
    assert Value.objects.get().value == 12


def test_operator_of_another_puskesmas_cannot_write(world, report):
    with pytest.raises(ApplicationError, match="Puskesmas Anda sendiri"):
        report_values_set(user=world.operator_b1, report=report, values={"k1": 1})


def test_suspicious_value_is_stored_and_flagged(world, report):
    for month in (1, 2, 3, 4):
        put_month(world.a1, 2024, month, {"k1": 10})
    result = value_record(user=world.operator, report=report, element=element("k1"), raw="95")
    assert result.value == 95 and [i.severity for i in result.issues] == [v.WARNING]
    assert Value.objects.get(report=report).flag == Value.Flag.SUSPICIOUS
    report_submit(user=world.operator, report=report)  # warnings do not block


def test_empty_report_cannot_be_submitted(world, report):
    with pytest.raises(ApplicationError, match="masih kosong"):
        report_submit(user=world.operator, report=report)


def test_targets_estimated_from_population_keep_entered_ones(world, report):
    group = TargetGroup.objects.get(code="g1")
    Target.objects.create(puskesmas=world.a1, year=2024, group=group, value=77, source="entered")
    targets_estimate(user=world.district_admin, puskesmas=world.a1, year=2024, population=10_000)
    assert Target.objects.get(group__code="g2", year=2024).value == 200  # 2 % of 10,000
    assert Target.objects.get(group=group).value == 77
    targets_estimate(
        user=world.district_admin, puskesmas=world.a1, year=2024, population=10_000, overwrite=True
    )
    assert Target.objects.get(group=group).value == 200


def test_estimate_needs_a_population(world, report):
    with pytest.raises(ApplicationError, match="penduduk"):
        targets_estimate(user=world.district_admin, puskesmas=world.a1, year=2024)


def test_errors_added_after_submission_block_approval(world, report):
    report_values_set(user=world.operator, report=report, values={"k1": 10, "k4": 8})
    report_submit(user=world.operator, report=report)
    report_values_set(user=world.operator, report=report, values={"k4": 11})
    with pytest.raises(ApplicationError, match="angka yang salah"):
        report_approve(user=world.head, report=report)
