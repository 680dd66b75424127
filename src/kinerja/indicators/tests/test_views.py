"""Screens: the grid (htmx and plain form), workflow buttons, drill-down, targets, dashboard, catalogue."""

import pytest
from django.urls import reverse

from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.models import DataElement, FrameworkVersion, Indicator, Report, Target, Value
from kinerja.indicators.services import report_get_or_create, report_values_set

pytestmark = pytest.mark.django_db
YEAR, MONTH = 2024, 5


@pytest.fixture
def catalogue(world):
    catalogue_load()


def cell_url(world, code, puskesmas=None):
    element = DataElement.objects.get(code=code)
    return reverse("indicators:report_cell", args=[(puskesmas or world.a1).slug, YEAR, MONTH, element.pk])


def grid_url(world):
    return reverse("indicators:report_grid", args=[world.a1.slug, YEAR, MONTH])


def test_htmx_cell_saves_and_explains_errors_in_bahasa(client, world, catalogue):
    client.force_login(world.operator)
    response = client.post(cell_url(world, "anc-k1"), {"e-anc-k1": "12,5"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "bukan bilangan bulat" in response.content.decode()
    assert not Value.objects.exists()
    client.post(cell_url(world, "anc-k1"), {"e-anc-k1": "10"}, HTTP_HX_REQUEST="true")
    response = client.post(cell_url(world, "anc-standar"), {"e-anc-standar": "14"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "melebihi Ibu hamil kunjungan pertama (K1) (10)" in body
    assert 'id="issues"' in body and "hx-swap-oob" in body
    assert Value.objects.get(data_element__code="anc-standar").flag == Value.Flag.INVALID


def test_whole_form_post_stores_valid_cells_and_reports_bad_ones(client, world, catalogue):
    client.force_login(world.operator)
    response = client.post(grid_url(world), {"e-anc-k1": "10", "e-kn1": "-2"})
    assert response.status_code == 200
    assert "tidak boleh negatif" in response.content.decode()
    assert Value.objects.get().value == 10
    response = client.post(grid_url(world), {"e-kn1": "3"})
    assert response.status_code == 302


def test_operator_submits_head_approves_supervisor_verifies(client, world, catalogue):
    report = report_get_or_create(puskesmas=world.a1, year=YEAR, month=MONTH)
    report_values_set(user=world.operator, report=report, values={"anc-k1": 10, "anc-standar": 8})
    status_url = reverse("indicators:report_status", args=[report.pk])
    for user, action, expected in (
        (world.operator, "approve", Report.Status.DRAFT),
        (world.operator, "submit", Report.Status.SUBMITTED),
        (world.head, "approve", Report.Status.APPROVED),
        (world.supervisor, "verify", Report.Status.VERIFIED),
    ):
        client.force_login(user)
        client.post(status_url, {"action": action})
        report.refresh_from_db()
        assert report.status == expected, (user, action)


def test_locked_grid_has_no_inputs(client, world, catalogue):
    report = report_get_or_create(puskesmas=world.a1, year=YEAR, month=MONTH)
    report.status = Report.Status.APPROVED
    report.save()
    client.force_login(world.operator)
    body = client.get(grid_url(world)).content.decode()
    assert "terkunci" in body and 'name="e-anc-k1"' not in body
    response = client.post(cell_url(world, "anc-k1"), {"e-anc-k1": "4"}, HTTP_HX_REQUEST="true")
    assert "terkunci" in response.content.decode()


def test_supervisor_sees_grid_but_cannot_write(client, world, catalogue):
    client.force_login(world.supervisor)
    assert 'name="e-anc-k1"' not in client.get(grid_url(world)).content.decode()
    assert client.post(cell_url(world, "anc-k1"), {"e-anc-k1": "4"}).status_code == 403


def test_drill_down_shows_who_changed_a_value(client, world, catalogue):
    report = report_get_or_create(puskesmas=world.a1, year=YEAR, month=MONTH)
    report_values_set(user=world.operator, report=report, values={"anc-k1": 10})
    report_values_set(user=world.head, report=report, values={"anc-k1": 12})
    indicator = Indicator.objects.get(version__framework__code="pkp", code="2.1.3.1")
    client.force_login(world.district_admin)
    url = reverse("indicators:indicator_detail", args=[world.a1.slug, indicator.pk]) + f"?tahun={YEAR}"
    body = client.get(url).content.decode()
    assert "Riwayat perubahan angka" in body and "<svg" in body
    assert "dina" in body and "eko" in body


def test_targets_entered_by_district_read_only_for_puskesmas(client, world, catalogue):
    url = reverse("indicators:targets", args=[world.a1.slug, YEAR])
    client.force_login(world.operator)
    assert client.get(url).status_code == 200
    assert client.post(url, {"g-bumil": "500"}).status_code == 403
    client.force_login(world.district_admin)
    client.post(url, {"g-bumil": "1.250"})
    assert Target.objects.get(group__code="bumil").value == 1250
    client.post(url, {"estimate": "1", "population": "10000"})
    assert Target.objects.get(group__code="balita").value == 950


def test_dashboard_lists_puskesmas_with_scores(client, world, catalogue):
    report = report_get_or_create(puskesmas=world.a1, year=YEAR, month=MONTH)
    report_values_set(user=world.operator, report=report, values={"anc-k1": 10})
    report.status = Report.Status.APPROVED
    report.save()
    client.force_login(world.supervisor)
    for framework in ("pkp", "spm", "ilp"):
        response = client.get(
            reverse("indicators:dashboard"), {"tahun": YEAR, "bulan": MONTH, "kerangka": framework}
        )
        body = response.content.decode()
        assert response.status_code == 200 and "Alfa Satu" in body and "Beta Satu" not in body
    body = client.get(reverse("indicators:compare"), {"tahun": YEAR, "kerangka": "pkp"}).content.decode()
    assert "Alfa Dua" in body
    assert client.get(reverse("indicators:completeness"), {"tahun": YEAR}).status_code == 200


def test_programme_manager_edits_only_their_programme(client, world, catalogue):
    kia = Indicator.objects.get(version__framework__code="pkp", code="2.1.3.1")
    gizi = Indicator.objects.get(version__framework__code="pkp", code="2.1.4.1")
    client.force_login(world.program_manager)
    url = reverse("indicators:catalogue")
    client.post(f"{url}?indikator={kia.pk}", {"action": "definition", "target": "95", "polarity": "higher"})
    kia.refresh_from_db()
    assert kia.target == 95
    assert (
        client.post(f"{url}?indikator={gizi.pk}", {"action": "definition", "target": "10"}).status_code == 403
    )
    client.post(f"{url}?indikator={kia.pk}", {"action": "year_target", "year": "2025", "target": "92,5"})
    assert kia.yearly_targets.get(year=2025).target == pytest.approx(92.5)


def test_admin_copies_a_version(client, world, catalogue):
    version = FrameworkVersion.objects.get(framework__code="spm")
    client.force_login(world.district_admin)
    client.post(
        reverse("indicators:catalogue"),
        {"action": "copy", "version": version.pk, "new_version": "2025.1", "year": "2025", "month": "1"},
    )
    copy = FrameworkVersion.objects.get(framework__code="spm", version="2025.1")
    assert copy.indicators.count() == version.indicators.count() == 12


def test_home_pages_show_reports(client, world, catalogue):
    client.force_login(world.operator)
    assert "Laporan bulanan" in client.get(reverse("accounts:home")).content.decode()
    client.force_login(world.district_admin)
    assert "Kelengkapan" in client.get(reverse("accounts:home")).content.decode()


def test_a_month_that_has_not_started_cannot_be_entered(client, world, catalogue):
    client.force_login(world.operator)
    url = reverse("indicators:report_grid", args=[world.a1.slug, 2999, 1])
    assert "belum mulai" in client.get(url).content.decode()
    element = DataElement.objects.get(code="anc-k1")
    cell = reverse("indicators:report_cell", args=[world.a1.slug, 2999, 1, element.pk])
    assert "belum dapat diisi" in client.post(cell, {"e-anc-k1": "3"}).content.decode()
    assert not Report.objects.exists()


def test_management_items_are_chosen_from_their_scale(client, world, catalogue):
    client.force_login(world.operator)
    body = client.get(grid_url(world)).content.decode()
    assert '<select id="in-mj-ruk"' in body and '<option value="7">7</option>' in body
    response = client.post(cell_url(world, "mj-ruk"), {"e-mj-ruk": "5"}, HTTP_HX_REQUEST="true")
    assert "Pilih salah satu: 0, 4, 7, 10" in response.content.decode()
    client.post(cell_url(world, "mj-ruk"), {"e-mj-ruk": "7"}, HTTP_HX_REQUEST="true")
    assert Value.objects.get(data_element__code="mj-ruk").value == 7
