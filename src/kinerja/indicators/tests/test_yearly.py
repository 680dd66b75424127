"""The yearly copy of monthly values: in step with `Value` after every kind of write, and the
scorecard's aggregates read from it."""

from collections import defaultdict

import pytest
from django.core.management import call_command

from kinerja.indicators import exchange, yearly
from kinerja.indicators.exchange_files import write_csv
from kinerja.indicators.models import DataElement, Report, Value, ValueYear
from kinerja.indicators.services import report_get_or_create, value_record
from kinerja.indicators.tests.helpers import load_catalogue, put_month

pytestmark = pytest.mark.django_db
YEAR = 2024


def from_values() -> dict[tuple[int, int, int], list[int | None]]:
    """What the copy should hold, computed the slow way from `Value`."""
    expected: dict[tuple[int, int, int], list[int | None]] = defaultdict(lambda: [None] * 12)
    rows = Value.objects.values_list(
        "report__puskesmas_id", "report__year", "report__month", "data_element_id", "value"
    )
    for pid, year, month, element, value in rows:
        expected[(pid, year, element)][month - 1] = value
    return dict(expected)


def copied() -> dict[tuple[int, int, int], list[int | None]]:
    months = [f"m{m}" for m in range(1, 13)]
    return {
        (row[0], row[1], row[2]): list(row[3:])
        for row in ValueYear.objects.values_list("puskesmas_id", "year", "data_element_id", *months)
    }


@pytest.fixture
def catalogue(tmp_path):
    load_catalogue(tmp_path)


def test_grid_writes_keep_the_copy_in_step(world, catalogue):
    element = DataElement.objects.get(code="e1")
    report = report_get_or_create(puskesmas=world.a1, year=YEAR, month=3)
    value_record(user=world.operator, report=report, element=element, raw="40")
    assert copied() == from_values() != {}
    value_record(user=world.operator, report=report, element=element, raw="45")
    assert copied()[(world.a1.pk, YEAR, element.pk)][2] == 45
    value_record(user=world.operator, report=report, element=element, raw="")
    assert copied() == from_values() == {}


def test_an_import_keeps_the_copy_in_step(world, catalogue):
    put_month(world.a1, YEAR, 1, {"e1": 5}, status=Report.Status.DRAFT)
    rows = [(p.code, YEAR, month, "e1", 10 * month) for p in (world.a1, world.a2) for month in (1, 2, 3)]
    exchange.values_import(user=None, data="".join(write_csv(rows)).encode(), filename="x.csv")
    assert copied() == from_values()
    assert copied()[(world.a2.pk, YEAR, DataElement.objects.get(code="e1").pk)][:4] == [10, 20, 30, None]


def test_a_refused_import_leaves_the_copy_alone(world, catalogue):
    put_month(world.a1, YEAR, 1, {"e1": 5}, status=Report.Status.DRAFT)
    before = copied()
    rows = [(world.a1.code, YEAR, 1, "e1", 7), (world.a1.code, YEAR, 2, "e1", "tujuh")]
    with pytest.raises(exchange.ImportRefused):
        exchange.values_import(user=None, data="".join(write_csv(rows)).encode(), filename="x.csv")
    assert copied() == before == from_values()


def test_rebuild_command_repairs_a_copy(world, catalogue):
    put_month(world.a1, YEAR, 1, {"e1": 5, "e2": 3})
    put_month(world.a2, YEAR - 1, 12, {"e1": 8})
    ValueYear.objects.all().delete()
    call_command("refresh-value-years", "--year", str(YEAR), stdout=open("/dev/null", "w"))
    assert set(copied()) == {k for k in from_values() if k[1] == YEAR}
    call_command("refresh-value-years", stdout=open("/dev/null", "w"))
    assert copied() == from_values()


def test_aggregates_count_only_months_of_the_given_statuses(world, catalogue):
    e1 = DataElement.objects.get(code="e1").pk
    put_month(world.a1, YEAR, 1, {"e1": 10})
    put_month(world.a1, YEAR, 2, {"e1": 20}, status=Report.Status.DRAFT)
    put_month(world.a1, YEAR, 3, {"e1": 30}, status=Report.Status.SUBMITTED)
    put_month(world.a1, YEAR, 4, {"e1": 40})

    def agg(month, statuses=Report.COMPLETE_STATUSES):
        found = yearly.aggregates(
            puskesmas_ids=[world.a1.pk, world.a2.pk],
            year=YEAR,
            month=month,
            element_ids=[e1],
            statuses=statuses,
        )
        return found[world.a1.pk][e1]

    assert agg(4) == (80, 3, 40, 40, 2, 30)  # February's draft is left out
    assert agg(4, statuses=None) == (100, 4, 40, 60, 3, 30)
    assert agg(2) == (10, 1, 10, 10, 1, 10)  # the month before has January only
    assert agg(1) == (10, 1, 10, 0, 0, None)
    assert (
        yearly.aggregates(puskesmas_ids=[world.a1.pk], year=YEAR, month=4, element_ids=[e1], statuses=[])
        == {}
    )


def test_relations_kept_by_django_still_cascade_and_protect(world, catalogue):
    """Value and ValueChange have no database constraints; Django's on_delete does their work."""
    from django.db.models import ProtectedError

    from kinerja.indicators.models import ValueChange

    element = DataElement.objects.get(code="e1")
    report = report_get_or_create(puskesmas=world.a2, year=YEAR, month=3)
    value_record(user=world.district_admin, report=report, element=element, raw="40")
    assert Value.objects.exists() and ValueChange.objects.exists() and ValueYear.objects.exists()
    with pytest.raises(ProtectedError):
        element.delete()
    world.a2.delete()  # a Puskesmas without staff accounts
    assert not Value.objects.exists() and not ValueChange.objects.exists() and not ValueYear.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_writers_of_one_puskesmas_year_both_reach_the_copy(world, catalogue):
    """While one transaction holds its refreshed row, another writer of the same Puskesmas, element
    and year waits for it, then recomputes the row with both months (no lost month, no collision)."""
    import threading

    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite lets one writer in at a time (its shared in-memory test database refuses the second)"
        )
    element = DataElement.objects.get(code="e1")
    march = report_get_or_create(puskesmas=world.a1, year=YEAR, month=3)
    april = report_get_or_create(puskesmas=world.a1, year=YEAR, month=4)
    errors: list[Exception] = []

    def other_writer():
        try:
            value_record(user=world.operator, report=april, element=element, raw="50")
        except Exception as exc:  # reported below, with the assertion
            errors.append(exc)
        finally:
            connection.close()

    with transaction.atomic():
        value_record(user=world.operator, report=march, element=element, raw="40")
        thread = threading.Thread(target=other_writer)
        thread.start()
        thread.join(timeout=1)  # it waits for this transaction's lock
    thread.join(timeout=30)
    assert not thread.is_alive() and errors == []
    assert copied() == from_values()
    assert copied()[(world.a1.pk, YEAR, element.pk)][2:4] == [40, 50]
