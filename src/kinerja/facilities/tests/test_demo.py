"""The demo district: its shape, its determinism, and that a second run changes and loses nothing."""

from collections import Counter

import pytest
from django.urls import reverse

from kinerja.core.testing import make_user
from kinerja.facilities.demo import DISTRICT_CODE, district_load, district_plan
from kinerja.facilities.models import Facility, Puskesmas
from kinerja.facilities.tests.digest import database_digest
from kinerja.regions.models import CODE_PATTERN, Region

pytestmark = pytest.mark.django_db


def _load() -> Region:
    messages: list[str] = []
    district = district_load(log=messages.append)
    assert messages, "district_load must say what it did"
    return district


def test_plan_is_the_same_on_every_call():
    assert district_plan() == district_plan()


def test_district_is_marked_as_example_data():
    district = _load()
    assert district.code == DISTRICT_CODE
    assert district.label == "Kabupaten Nusa Sehat (data contoh)"
    assert district.parent.code == "99"
    assert district.parent.label == "Provinsi Contoh (data contoh)"


def test_regions_form_a_plausible_tree():
    district = _load()
    regions = Region.objects.within(DISTRICT_CODE)
    assert all(CODE_PATTERN.match(code) for code in regions.values_list("code", flat=True))
    assert regions.filter(level=Region.Level.SUBDISTRICT).count() == 12
    villages = list(regions.filter(level=Region.Level.VILLAGE))
    kinds = Counter(v.kind for v in villages)
    assert kinds[Region.Kind.DESA] > 80 and 3 <= kinds[Region.Kind.KELURAHAN] <= 10
    for village in villages:
        digit = village.code.rsplit(".", 1)[1][0]
        assert digit == ("1" if village.kind == Region.Kind.KELURAHAN else "2"), village.code
        assert village.remoteness and village.population, village.code
    remoteness = Counter(v.remoteness for v in villages)
    assert all(remoteness[r] > 0 for r in Region.Remoteness.values), remoteness
    total = sum(v.population for v in villages)
    assert 250_000 <= total <= 350_000
    assert district.population == total


def test_every_village_has_two_to_five_hamlets_with_travel_times():
    _load()
    hamlets = Region.objects.within(DISTRICT_CODE).filter(level=Region.Level.HAMLET).select_related("parent")
    per_village = Counter(h.parent.code for h in hamlets)
    assert len(per_village) == Region.objects.within(DISTRICT_CODE).filter(level=4).count()
    assert set(per_village.values()) <= {2, 3, 4, 5}
    assert all(h.code.startswith(h.parent.code + ".") and h.population and h.travel_minutes for h in hamlets)
    assert max(h.travel_minutes for h in hamlets) > 240, "some remote hamlets lie hours away"


def test_sixteen_puskesmas_with_codes_services_and_hours():
    _load()
    puskesmas = list(Puskesmas.objects.filter(district__code=DISTRICT_CODE).prefetch_related("services"))
    assert len(puskesmas) == 16
    sukamaju = Puskesmas.objects.get(slug="sukamaju")
    assert sukamaju.name == "Sukamaju" and sukamaju.subdistrict.name == "Sukamaju"
    assert len({p.name for p in puskesmas}) == 16
    areas = Counter(p.area_category for p in puskesmas)
    assert areas["terpencil"] >= 2 and areas["sangat_terpencil"] >= 2 and areas["perkotaan"] >= 1
    assert 3 <= sum(p.inpatient for p in puskesmas) <= 10
    for p in puskesmas:
        assert p.code.startswith("P9901") and len(p.code) == 11 and p.code[1:].isdigit()
        assert p.address and p.opening_hours and p.has_coordinates
        assert -4.5 < p.latitude < -2.5 and 119.5 < p.longitude < 121.0
        services = {s.code for s in p.services.all()}
        assert {"pemeriksaan-umum", "kia-kb", "imunisasi", "farmasi"} <= services
        inpatient_only = {"gawat-darurat-24-jam", "persalinan", "rawat-inap"}
        assert (inpatient_only <= services) == p.inpatient, p.name
        assert ("24 jam" in p.opening_hours) == p.inpatient


def test_each_village_belongs_to_exactly_one_puskesmas_of_its_subdistrict():
    _load()
    villages = Region.objects.within(DISTRICT_CODE).filter(level=Region.Level.VILLAGE)
    for village in villages.prefetch_related("catchment_puskesmas"):
        owners = list(village.catchment_puskesmas.all())
        assert len(owners) == 1, village.code
        assert owners[0].subdistrict_id == village.parent_id, village.code


def test_own_network_pustu_and_posyandu():
    _load()
    for puskesmas in Puskesmas.objects.filter(district__code=DISTRICT_CODE):
        facilities = puskesmas.facilities.select_related("village", "hamlet")
        villages = set(puskesmas.catchment_villages.values_list("pk", flat=True))
        pustu = [f for f in facilities if f.kind == Facility.Kind.PUSTU]
        posyandu = [f for f in facilities if f.kind == Facility.Kind.POSYANDU]
        assert all(f.village_id in villages for f in pustu + posyandu)
        assert 1.5 <= len(villages) / max(len(pustu), 1) <= 3.5, puskesmas.name
        hamlets = Region.objects.filter(parent__in=villages).count()
        assert len(posyandu) == hamlets
        assert all(f.hamlet.parent_id == f.village_id for f in posyandu)


def test_private_network_and_hospitals():
    _load()
    district_facilities = Facility.objects.filter(district__code=DISTRICT_CODE)
    partners = district_facilities.exclude(kind__in=[*Facility.OWN_NETWORK, Facility.Kind.HOSPITAL])
    assert 25 <= partners.count() <= 35
    assert set(partners.values_list("kind", flat=True)) == {
        "klinik", "praktik_dokter", "praktik_dokter_gigi", "praktik_bidan", "laboratorium", "apotek"
    }  # fmt: skip
    assert not partners.filter(puskesmas__isnull=True).exists()
    assert set(partners.values_list("ownership", flat=True)) == {"swasta"}
    hospitals = district_facilities.filter(kind=Facility.Kind.HOSPITAL)
    assert hospitals.count() == 2 and not hospitals.filter(puskesmas__isnull=False).exists()
    assert set(hospitals.values_list("ownership", flat=True)) == {"pemerintah", "swasta"}
    codes = list(district_facilities.values_list("code", flat=True))
    assert all(codes) and len(codes) == len(set(codes)), "demo facilities are keyed by unique codes"


def test_second_run_changes_no_row():
    _load()
    before = database_digest()
    _load()
    assert database_digest() == before


def test_second_run_keeps_what_the_district_edited():
    _load()
    sukamaju = Puskesmas.objects.get(slug="sukamaju")
    sukamaju.opening_hours = "Senin-Sabtu 08.00-14.00"
    sukamaju.save()
    sukamaju.services.remove(sukamaju.services.get(code="gizi"))
    sukamaju.catchment_villages.remove(sukamaju.catchment_villages.order_by("code").last())
    posyandu = sukamaju.facilities.filter(kind=Facility.Kind.POSYANDU).first()
    posyandu.name = "Posyandu Harapan Bunda"
    posyandu.save()
    village = Region.objects.get(code="99.01.02.2001")
    village.population = 1234
    village.save()
    facilities = Facility.objects.count()

    _load()

    sukamaju.refresh_from_db()
    assert sukamaju.opening_hours == "Senin-Sabtu 08.00-14.00"
    assert not sukamaju.services.filter(code="gizi").exists()
    assert sukamaju.catchment_villages.count() == 8
    posyandu.refresh_from_db()
    assert posyandu.name == "Posyandu Harapan Bunda"
    assert Facility.objects.count() == facilities
    assert Region.objects.get(code="99.01.02.2001").population == 1234


def test_second_run_restores_a_deleted_row_without_touching_the_rest():
    _load()
    pustu = Facility.objects.filter(kind=Facility.Kind.PUSTU).order_by("code").first()
    code = pustu.code
    pustu.delete()
    _load()
    assert Facility.objects.filter(code=code).count() == 1


def test_real_regions_are_left_alone(world):
    before = database_digest()
    _load()
    after = database_digest()
    assert Puskesmas.objects.exclude(district__code=DISTRICT_CODE).count() == 3
    world.a1.refresh_from_db()
    assert world.a1.catchment_villages.count() == 1
    assert after["accounts.User"] == before["accounts.User"]


def test_profile_shows_the_working_area_and_unlocalized_coordinates(client):
    _load()
    sukamaju = Puskesmas.objects.get(slug="sukamaju")
    villages = sukamaju.catchment_villages.all()
    hamlets = Region.objects.filter(parent__in=villages).count()
    population = sum(v.population for v in villages)
    client.force_login(make_user(role="puskesmas_operator", puskesmas=sukamaju))
    page = client.get(reverse("facilities:puskesmas_detail", args=["sukamaju"])).content.decode()
    assert f"{sukamaju.latitude}, {sukamaju.longitude}" in page  # a dot, never a decimal comma
    assert f">{hamlets}</td>" in page
    assert f">{population:,}</td>".replace(",", ".") in page  # Indonesian thousands separator
