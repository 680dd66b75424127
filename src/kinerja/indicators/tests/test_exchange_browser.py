"""In Chromium: an operator uploads a CSV with a bad cell, reads where it is, fixes it and uploads
again; the page is updated in place (htmx) with a processing indicator while it works."""

from pathlib import Path

import pytest

from kinerja.core.testing import PASSWORD
from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.models import Value

ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_bad_then_good_csv(browser, live_server, world, tmp_path):
    catalogue_load()
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(f"{live_server.url}/masuk/")
    page.fill("input[name=username]", world.operator.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.goto(f"{live_server.url}/kelola/indikator/{world.a1.slug}/pertukaran/2024/")
    header = "puskesmas_code,year,month,element_code,value\n"
    bad = tmp_path / "bad.csv"
    bad.write_text(header + f"{world.a1.code},2024,3,anc-k1,12a\n{world.a1.code},2024,3,anc-standar,5\n")
    page.set_input_files("#file", str(bad))
    page.click("#unggah button[type=submit]")
    page.wait_for_selector("#hasil .errorlist li")
    assert (
        "Baris 2, kolom value (Ibu hamil kunjungan pertama (K1)): '12a' bukan bilangan bulat"
        in page.inner_text("#hasil")
    )
    page.screenshot(path=str(ARTIFACTS / "indicators-exchange-refused.png"), full_page=True)
    assert not Value.objects.exists()
    good = tmp_path / "good.csv"
    good.write_text(header + f"{world.a1.code},2024,3,anc-k1,12\n{world.a1.code},2024,3,anc-standar,5\n")
    page.set_input_files("#file", str(good))
    page.click("#unggah button[type=submit]")
    page.wait_for_selector("#hasil .card")
    assert "2 angka berubah" in page.inner_text("#hasil")
    assert Value.objects.count() == 2
