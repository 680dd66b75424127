import pytest

from kinerja.regions.models import Region
from kinerja.regions.selectors import region_ancestors, region_get, region_tree

pytestmark = pytest.mark.django_db


def test_tree_is_the_region_and_what_is_under_it(luwu_utara):
    regions = list(region_tree(code="73.22.01"))

    assert regions[0].code == "73.22.01"
    assert all(r.code.startswith("73.22.01.") for r in regions[1:])
    assert [r.code for r in regions] == sorted(r.code for r in regions)
    assert len(regions) == 1 + Region.objects.filter(parent__code="73.22.01").count()


def test_tree_stops_at_max_level(luwu_utara):
    levels = set(
        region_tree(code="73.22", max_level=Region.Level.SUBDISTRICT).values_list("level", flat=True)
    )

    assert levels == {2, 3}


def test_tree_does_not_take_a_sibling_with_the_same_prefix(db):
    from kinerja.core.testing import make_region

    make_region(code="73.22.01.2001")
    make_region(code="73.22.11.2001")

    assert [r.code for r in region_tree(code="73.22.1")] == []
    assert [r.code for r in region_tree(code="73.22.01")] == ["73.22.01", "73.22.01.2001"]


def test_ancestors_province_first(luwu_utara):
    village = region_get(code="73.22.01.2001")

    assert [r.label for r in region_ancestors(region=village)] == [
        "Provinsi Sulawesi Selatan",
        "Kabupaten Luwu Utara",
        "Kecamatan Malangke",
    ]
    assert region_ancestors(region=region_get(code="73")) == []


def test_get_unknown_code_raises(db):
    with pytest.raises(Region.DoesNotExist):
        region_get(code="73.22")
