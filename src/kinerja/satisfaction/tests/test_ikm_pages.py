"""The head sees IKM per unit and the lowest element; the district compares; reports export; publishing."""

from datetime import date

import pytest
from django.urls import reverse

from kinerja.satisfaction.formulas import period_parse
from kinerja.satisfaction.models import IkmPublication
from kinerja.satisfaction.selectors import ikm_latest, ikm_puskesmas
from kinerja.satisfaction.services.survey import units_ensure_default

from .factories import make_responses, tv_skm_3_rows

S1 = "?periode=2026-S1"


@pytest.fixture
def answered(world):
    units = units_ensure_default(puskesmas=world.a1)
    make_responses(puskesmas=world.a1, unit=units[0], rows=tv_skm_3_rows())
    make_responses(puskesmas=world.a2, rows=[[2, 2, 2, 2, 2, 2, 2, 2, 2]] * 3)
    return units


def test_ikm_from_stored_answers_matches_tv_skm_3(answered, world):
    whole, units = ikm_puskesmas(puskesmas=world.a1, period=period_parse("2026-S1"))
    assert str(whole.result.converted) == "91.48" and whole.result.band.grade == "A"
    assert whole.respondents == 29
    assert whole.result.lowest[0].name == "Waktu Penyelesaian"
    by_unit = {u.unit.pk: u for u in units}
    assert str(by_unit[answered[0].pk].result.converted) == "91.48"
    assert by_unit[answered[1].pk].respondents == 0 and by_unit[answered[1].pk].result.converted is None
    # the population of the whole Puskesmas is the sum of its units' monthly visits x 6 months
    assert whole.population == sum(u.monthly_visits for u in answered) * 6
    assert not whole.sample_enough


def test_other_period_is_empty(answered, world):
    whole, _ = ikm_puskesmas(puskesmas=world.a1, period=period_parse("2025-S2"))
    assert whole.respondents == 0 and whole.result.ikm is None


def test_dashboard_shows_ikm_lowest_element_and_sample_warning(client, answered, world):
    client.force_login(world.head)
    page = client.get(reverse("satisfaction:dashboard", args=["alfa-satu"]) + S1).content.decode()
    assert "91,48" in page and "Sangat Baik" in page
    assert "Waktu Penyelesaian" in page
    assert "Sampel belum cukup" in page
    assert "3,448" in page  # NRR shown with 3 decimals


def test_dashboard_one_unit(client, answered, world):
    make_responses(puskesmas=world.a1, unit=answered[1], rows=[[1, 2, 3, 4, 1, 2, 3, 4, 1]])
    client.force_login(world.supervisor)
    url = reverse("satisfaction:dashboard", args=["alfa-satu"]) + f"{S1}&unit={answered[1].pk}"
    page = client.get(url).content.decode()
    assert f"Nilai per unsur: {answered[1].name}" in page
    assert "1,000" in page and "58,33" in page  # this unit's own NRR and IKM (21/9 x 25)


def test_dashboard_custom_range(client, answered, world):
    client.force_login(world.head)
    url = reverse("satisfaction:dashboard", args=["alfa-satu"]) + "?dari=2026-02-01&sampai=2026-02-28"
    assert "91,48" in client.get(url).content.decode()


def test_district_comparison(client, answered, world):
    client.force_login(world.program_manager)
    page = client.get(reverse("satisfaction:comparison") + S1).content.decode()
    assert "Alfa Satu" in page and "Alfa Dua" in page and "Beta Satu" not in page
    assert page.index("Alfa Satu") < page.index("Alfa Dua")  # sorted best first
    assert "50,00" in page  # Alfa Dua: all answers 2 -> 2 x 25


def test_comparison_xlsx(client, answered, world):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(world.district_admin)
    response = client.get(reverse("satisfaction:comparison_xlsx") + S1)
    sheet = load_workbook(BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["Alfa Satu"][4] == 91.48 and rows["Alfa Satu"][5] == "A"


def test_report_pdf_and_xlsx(client, answered, world):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(world.head)
    pdf = client.get(reverse("satisfaction:report_pdf", args=["alfa-satu"]) + S1)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    xlsx = client.get(reverse("satisfaction:report_xlsx", args=["alfa-satu"]) + S1)
    book = load_workbook(BytesIO(xlsx.content))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True)}
    assert summary["IKM konversi (25-100)"] == 91.48 and summary["Mutu pelayanan"] == "A"
    nrr = list(book["NRR per unsur"].iter_rows(min_row=2, values_only=True))
    assert nrr[2][1] == "Waktu Penyelesaian" and nrr[2][4] == 3.448
    assert [t[0] for t in book["Profil responden"].iter_rows(values_only=True)][0] == "Umur"


def test_head_publishes_with_follow_up_plan(client, answered, world):
    client.force_login(world.head)
    url = reverse("satisfaction:report_publish", args=["alfa-satu"]) + S1
    response = client.post(url, {"follow_up_plan": "Tambah loket pendaftaran pagi."})
    assert response.status_code == 302
    publication = IkmPublication.objects.get(puskesmas=world.a1, period_key="2026-S1")
    assert str(publication.converted) == "91.48" and publication.grade == "A"
    assert publication.version.code == "skm-2017" and publication.published_by == world.head
    assert publication.elements[2]["nrr"] == "3.4483"
    latest = ikm_latest(puskesmas_ids=[world.a1.pk, world.a2.pk])
    assert list(latest) == [world.a1.pk]
    assert latest[world.a1.pk]["converted"] == publication.converted
    assert latest[world.a1.pk]["lowest_element"] == "Waktu Penyelesaian"
    assert latest[world.a1.pk]["period"] == "Semester I 2026"
    report = client.get(reverse("satisfaction:report", args=["alfa-satu"]) + S1).content.decode()
    assert "Tambah loket pendaftaran pagi." in report


def test_publishing_without_answers_is_refused(client, world):
    client.force_login(world.head)
    client.post(
        reverse("satisfaction:report_publish", args=["alfa-satu"]) + "?periode=2025-S1",
        {"follow_up_plan": "x"},
    )
    assert not IkmPublication.objects.exists()


def test_operator_cannot_publish(client, answered, world):
    client.force_login(world.operator)
    response = client.post(
        reverse("satisfaction:report_publish", args=["alfa-satu"]) + S1, {"follow_up_plan": "x"}
    )
    assert response.status_code == 403


def test_paper_grid_stores_all_rows_or_none(client, world):
    units = units_ensure_default(puskesmas=world.a1)
    client.force_login(world.operator)
    url = reverse("satisfaction:paper_entry", args=["alfa-satu"])
    data = {"unit": units[1].pk, "answered_on": "2026-03-03"}
    for n in range(1, 10):
        data[f"r1-u{n}"] = "4"
        data[f"r2-u{n}"] = "3"
    data.update({"r1-umur": "45", "r1-jk": "L", "r2-pendidikan": "sma", "r3-u1": "5"})
    page = client.post(url, data).content.decode()
    assert "Baris 3, kolom U1: nilai &#x27;5&#x27; tidak sah" in page
    assert world.a1.survey_responses.count() == 0
    data["r3-u1"] = ""
    response = client.post(url, data)
    assert response.status_code == 302
    stored = world.a1.survey_responses.order_by("id")
    assert stored.count() == 2 and stored[0].age_group == "40-49" and stored[0].unit == units[1]
    assert stored[0].answered_on == date(2026, 3, 3) and stored[0].source == "kertas"


def test_import_page(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    units = units_ensure_default(puskesmas=world.a1)
    client.force_login(world.head)
    url = reverse("satisfaction:file_upload", args=["alfa-satu"])
    bad = SimpleUploadedFile("x.csv", b"U1,U2\n4,4\n")
    page = client.post(url, {"unit": units[0].pk, "answered_on": "2026-03-01", "file": bad}).content.decode()
    assert "Kolom U3 tidak ada" in page
    good = SimpleUploadedFile("x.csv", ("U1,U2,U3,U4,U5,U6,U7,U8,U9\n" + "4,4,4,4,4,4,4,4,3\n" * 3).encode())
    assert (
        client.post(url, {"unit": units[0].pk, "answered_on": "2026-03-01", "file": good}).status_code == 302
    )
    assert world.a1.survey_responses.count() == 3


def test_unit_list_qr_and_poster(client, world):
    client.force_login(world.operator)
    page = client.get(reverse("satisfaction:unit_list", args=["alfa-satu"])).content.decode()
    unit = world.a1.survey_units.get(code="poli-umum")
    assert "/survei/alfa-satu/poli-umum/" in page
    svg = client.get(reverse("satisfaction:unit_qr", args=["alfa-satu", unit.pk]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    poster = client.get(reverse("satisfaction:unit_poster", args=["alfa-satu", unit.pk])).content.decode()
    assert "<svg" in poster and "http://testserver/survei/alfa-satu/poli-umum/" in poster
    whole = client.get(reverse("satisfaction:puskesmas_poster", args=["alfa-satu"])).content.decode()
    assert "<svg" in whole and "http://testserver/survei/alfa-satu/</p>" in whole
    response = client.post(
        reverse("satisfaction:unit_list", args=["alfa-satu"]),
        {
            "new-name": "Poli lansia",
            "new-code": "lansia",
            "new-kind": "lainnya",
            "new-monthly_visits": 80,
            "new-active": "on",
        },
    )
    assert response.status_code == 302 and world.a1.survey_units.filter(code="lansia").exists()
