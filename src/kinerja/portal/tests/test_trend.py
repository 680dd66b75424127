"""The hand-drawn trend line: points on a fixed canvas, the category lines, and when there is none."""

import pytest

from kinerja.portal.trend import HEIGHT, PAD_BOTTOM, PAD_TOP, trend_points


def test_two_months_make_a_line_with_band_lines_between_top_and_bottom():
    trend = trend_points([80.0, 100.0], good=91, fair=81)
    assert [p.month for p in trend.points] == ["Jan", "Feb"]
    assert [p.value for p in trend.points] == ["80,0", "100,0"]
    assert trend.points[1].y == PAD_TOP  # 100 sits on the top edge
    assert PAD_TOP < trend.good_y < trend.fair_y < HEIGHT - PAD_BOTTOM
    assert trend.polyline == " ".join(f"{p.x},{p.y}" for p in trend.points)
    assert trend.description == "Jan 80,0; Feb 100,0"


@pytest.mark.parametrize(
    "values, expected_points",
    [
        ([None, 70.0, None, 75.0], 2),  # months without a score leave a gap, not a zero
        ([90.0], None),
        ([None, None], None),
        ([], None),
    ],
)
def test_months_without_scores(values, expected_points):
    trend = trend_points(values, good=91, fair=81)
    assert (trend and len(trend.points)) == expected_points


def test_floor_drops_below_the_lowest_score_so_it_stays_visible():
    trend = trend_points([12.0, 40.0], good=91, fair=81)
    assert trend.points[0].y < HEIGHT - PAD_BOTTOM
