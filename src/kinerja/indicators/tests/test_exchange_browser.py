"""In Chromium: an operator uploads a CSV with a bad cell, reads where it is, fixes it and uploads
again; the page is updated in place (htmx) with a processing indicator while it works. The district
administrator uploads the district's file over a slow connection and sees how much is sent."""

from pathlib import Path

import pytest

from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.models import DataElement, Value
from kinerja.indicators.tests.helpers import browser_login

ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_bad_then_good_csv(browser, live_server, world, tmp_path):
    catalogue_load()
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser_login(browser, live_server, world.operator.username)
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


def test_district_upload_shows_how_much_is_sent(browser, live_server, world, tmp_path):
    """The district administrator uploads a year of two Puskesmas over a slow connection (Chromium's
    network emulation): the page counts the percentage sent, then says the file is being checked."""
    catalogue_load()
    elements = DataElement.objects.filter(active=True)
    header = "puskesmas_code,year,month,element_code,value\n"
    lines = [
        f"{p.code},2024,{month},{e.code},{e.allowed_values[0] if e.allowed_values else 5}\n"
        for p in (world.a1, world.a2)
        for month in range(1, 13)
        for e in elements
    ]
    good = tmp_path / "kabupaten.csv"
    good.write_text(header + "".join(lines))
    page = browser_login(browser, live_server, world.district_admin.username, width=390, height=800)
    page.goto(f"{live_server.url}/kelola/indikator/")
    page.click("text=Impor dan ekspor angka kabupaten")
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    speed = good.stat().st_size / 4  # bytes per second: about four seconds to send
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": speed},
    )
    page.set_input_files("#file", str(good))
    page.click("#unggah button[type=submit]")
    page.wait_for_function(
        "() => /^Mengirim berkas [1-9][0-9]?%$/.test(document.querySelector('#memproses [data-text]').textContent)"
    )
    assert page.is_visible("#memproses progress")
    page.screenshot(path=str(ARTIFACTS / "indicators-exchange-sending.png"))
    page.wait_for_selector("#hasil .card", timeout=30_000)
    assert f"{len(lines)} angka berubah di 24 laporan bulanan" in page.inner_text("#hasil")
    assert not page.is_visible("#memproses")
    page.screenshot(path=str(ARTIFACTS / "indicators-exchange-district.png"), full_page=True)
    assert Value.objects.count() == len(lines)
