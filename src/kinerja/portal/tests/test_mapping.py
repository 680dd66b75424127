import pytest

from kinerja.portal.mapping import CANDIDATES, MapPoint, place_labels, project


@pytest.mark.parametrize(
    "coordinates, expected",
    [
        ([], []),
        ([(0.1, 117.5)], [MapPoint(50, 50)]),
        # north-west and south-east corners of a square box: north is up
        ([(1.0, 100.0), (0.0, 101.0)], [MapPoint(10, 10), MapPoint(90, 90)]),
        # a west-east line is centred vertically
        ([(0.0, 100.0), (0.0, 102.0)], [MapPoint(10, 50), MapPoint(90, 50)]),
    ],
)
def test_project(coordinates, expected):
    assert project(coordinates, width=100, height=100, padding=10) == expected


def test_project_keeps_proportions_away_from_the_equator():
    # at 60 degrees a degree of longitude is half as long as a degree of latitude
    points = project([(60.0, 10.0), (60.0, 12.0), (61.0, 10.0)], width=200, height=200, padding=0)
    width = points[1].x - points[0].x
    height = points[0].y - points[2].y
    assert width == pytest.approx(height, rel=0.02)


RIGHT, LEFT, ABOVE, BELOW = CANDIDATES


@pytest.mark.parametrize(
    "points, names, expected",
    [
        ([MapPoint(50, 100)], ["Sukamaju"], [RIGHT]),
        ([MapPoint(380, 100)], ["Sukamaju"], [LEFT]),  # no room on the right
        ([MapPoint(50, 100), MapPoint(300, 100)], ["Satu", "Dua"], [RIGHT, RIGHT]),
        ([MapPoint(150, 100), MapPoint(160, 104)], ["Nusa Kota", "Pasar Baru"], [LEFT, RIGHT]),
        ([MapPoint(150, 100)] * 5, list("ABCDE"), [RIGHT, LEFT, ABOVE, BELOW, None]),
    ],
)
def test_place_labels(points, names, expected):
    assert place_labels(points, names, width=400, height=300, font_px=16, radius=11) == expected
