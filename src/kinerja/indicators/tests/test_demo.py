"""The demo loader on a small world: plausible, deterministic and idempotent."""

import pytest

from kinerja.core.testing import make_puskesmas
from kinerja.indicators import demo
from kinerja.indicators.models import Report, Target, Value, ValueChange
from kinerja.indicators.scoring import scorecard

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(
            Report.objects.order_by("id").values_list(
                "puskesmas_id", "year", "month", "status", "submitted_at"
            )
        ),
        list(Value.objects.order_by("id").values_list("report_id", "data_element_id", "value", "flag")),
        ValueChange.objects.count(),
        list(Target.objects.order_by("id").values_list("puskesmas_id", "year", "group_id", "value")),
    )


def test_demo_is_plausible_and_idempotent(world):
    for _ in range(4):
        make_puskesmas(subdistrict_code="73.98.03")
    messages = []
    demo.load(district=world.district_a, log=messages.append)
    first = snapshot()
    assert "laporan bulanan contoh dibuat" in messages[-1]
    reports = Report.objects.filter(puskesmas__district=world.district_a)
    assert reports.filter(status=Report.Status.VERIFIED).exists()
    assert Value.objects.filter(flag=Value.Flag.SUSPICIOUS).count() >= 1
    assert not Report.objects.filter(puskesmas=world.b1).exists()  # only the district given
    year = reports.order_by("year").first().year
    card = scorecard(puskesmas_ids=[p.pk for p in world.district_a.district_puskesmas.all()], year=year)
    assert all(row.overall is not None and 30 < row.overall <= 100 for row in card.rows)
    assert len({row.category for row in card.rows}) >= 1
    demo.load(district=world.district_a, log=messages.append)
    assert snapshot() == first
