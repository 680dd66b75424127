"""The annual performance report: a real PDF with the Puskesmas' name, and an Excel workbook."""

import io
import re
import zlib

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.core.testing import make_user
from kinerja.indicators.annual_report import annual_data
from kinerja.indicators.tests.helpers import framework, load_catalogue, put_month, put_population

pytestmark = pytest.mark.django_db
YEAR = 2024


@pytest.fixture
def scored(world, tmp_path):
    load_catalogue(tmp_path, framework(code="pkp"))
    put_population(world.a1, YEAR, **{f"g{i}": 120 for i in range(1, 7)})
    for month in (1, 2, 3):
        put_month(world.a1, YEAR, month, {"e1": 9, "e2": 10, "k1": 20, "k4": 15, "m1": 7})
    return world


def pdf_text_objects(pdf: bytes) -> bytes:
    """Uncompressed content of every Flate stream (enough to count pages and find metadata)."""
    out = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(out)


def test_annual_data_has_rows_sentences_and_chart(scored):
    data = annual_data(puskesmas=scored.a1, year=YEAR, framework="pkp")
    names = [line.name for line in data.lines]
    assert "Pelayanan" in names and "Indikator 1" in names and "Kunjungan K4" in names
    k4 = next(line for line in data.lines if line.code == "k4")
    assert k4.result == pytest.approx(75.0) and k4.category and "75,0" in k4.sentence
    assert data.headline.startswith("Puskesmas Alfa Satu sampai Desember 2024: nilai kinerja")
    assert data.chart_svg.startswith("<svg") and len(data.trend) == 12


def test_pdf_is_a_real_pdf_with_the_puskesmas_name(client, scored):
    client.force_login(scored.head)
    response = client.get(reverse("indicators:annual_pdf", kwargs={"slug": scored.a1.slug, "year": YEAR}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    content = pdf_text_objects(pdf)
    assert len(re.findall(rb"/Type\s*/Page\b", content)) >= 1
    assert b"Alfa Satu" in content  # the document title (metadata) names the Puskesmas


def test_excel_report(client, scored):
    client.force_login(scored.district_admin)
    response = client.get(reverse("indicators:annual_xlsx", kwargs={"slug": scored.a1.slug, "year": YEAR}))
    book = load_workbook(io.BytesIO(response.content))
    sheet = book[f"Kinerja {YEAR}"]
    assert "Alfa Satu" in sheet["A1"].value
    rows = {row[0]: row for row in sheet.iter_rows(min_row=6, values_only=True)}
    assert rows["k4"][3] == 75.0 and rows["k4"][2] == "90"
    assert book["Tren bulanan"]["A2"].value == "Januari"


def test_no_catalogue_redirects_with_a_message(client, world):
    client.force_login(world.head)
    response = client.get(reverse("indicators:annual_pdf", kwargs={"slug": world.a1.slug, "year": YEAR}))
    assert response.status_code == 302


def test_other_puskesmas_gets_404(client, scored):
    client.force_login(make_user(role="puskesmas_operator", username="op-a2", puskesmas=scored.a2))
    for name in ("annual_pdf", "annual_xlsx"):
        url = reverse(f"indicators:{name}", kwargs={"slug": scored.a1.slug, "year": YEAR})
        assert client.get(url).status_code == 404
