"""The benchmark runs end to end on a tiny scale, so it cannot rot (its figures are not judged here)."""

import pytest

from kinerja.indicators import bench
from kinerja.indicators.models import Report, Value

KEYS = {
    "import_values_per_s",
    "district_scorecard_ms",
    "province_scorecard_ms",
    "national_scorecard_s",
    "peak_rss_mb",
}


@pytest.mark.django_db(transaction=True)
def test_bench_runs_at_tiny_scale():
    messages = []
    figures = bench.run(scale=0.0005, log=messages.append)
    assert set(figures) == KEYS
    assert all(value > 0 for value in figures.values()), figures
    # 5 Puskesmas x 12 months x 150 elements, all in the database and approved.
    assert Value.objects.count() == 5 * 12 * bench.ELEMENTS
    assert not Report.objects.exclude(status=Report.Status.APPROVED).exists()
    assert any("imported 1,800 values" in m for m in messages)
