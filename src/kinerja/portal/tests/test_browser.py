"""Browser tests in Chromium: the public pages, a head publishing, and the waiting-room screen.

Screenshots go to test-artifacts/portal-*.png at 360x640 (a cheap phone) and 1920x1080 (a TV).
"""

import time
from datetime import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from kinerja.core.testing import PASSWORD, make_facility, make_puskesmas, make_region, make_user
from kinerja.facilities.models import Facility, Service
from kinerja.indicators.models import Report
from kinerja.portal import demo
from kinerja.portal.models import Article, ScreenSettings
from kinerja.portal.tests import achievement_data
from kinerja.satisfaction.formulas import period_parse
from kinerja.satisfaction.services.publication import ikm_publish
from kinerja.satisfaction.tests.factories import make_responses, tv_skm_3_rows

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts"
START = datetime(2026, 11, 25, 7, 30)
SIZES = {"phone": (360, 640), "tv": (1920, 1080)}
PLACES = [
    ("01", "Sukamaju", -2.541, 120.332, True),
    ("02", "Tanjung Harapan", -2.612, 120.451, False),
    ("03", "Bukit Indah", -2.470, 120.205, False),
    ("04", "Lembah Hijau", -2.705, 120.298, True),
    ("05", "Pantai Biru", -2.655, 120.560, False),
    ("06", "Sungai Jernih", -2.398, 120.402, False),
]


@pytest.fixture
def district(db):
    make_region(code="99", name="Contoh", kind="provinsi")
    regency = make_region(code="99.01", name="Nusa Sehat", kind="kabupaten")
    services = [
        Service.objects.create(code=code, name=name)
        for code, name in [
            ("umum", "Pemeriksaan umum"),
            ("gigi", "Kesehatan gigi dan mulut"),
            ("kia", "Kesehatan ibu dan anak, KB"),
            ("imunisasi", "Imunisasi"),
            ("lab", "Laboratorium"),
            ("gizi", "Konsultasi gizi"),
        ]
    ]
    for code, name, lat, lon, inpatient in PLACES:
        make_region(code=f"99.01.{code}", name=name, kind="kecamatan")
        place = make_puskesmas(
            subdistrict_code=f"99.01.{code}",
            name=name,
            slug=name.lower().replace(" ", "-"),
            latitude=lat,
            longitude=lon,
            inpatient=inpatient,
            address=f"Jl. Poros {name} No. {code}",
            phone=f"0411 55{code}",
            opening_hours="Senin-Kamis 07.30-14.00\nJumat 07.30-11.00\nSabtu 07.30-12.30",
        )
        place.services.add(*services)
        for flower in ["Melati", "Mawar", "Anggrek"]:
            make_facility(puskesmas=place, kind=Facility.Kind.POSYANDU, name=f"Posyandu {flower} {name}")
        make_facility(puskesmas=place, kind=Facility.Kind.PUSTU, name=f"Pustu {name} Utara")
    head = make_user(role="puskesmas_head", username="kapus", puskesmas=place_by_slug("sukamaju"))
    demo.load(district=regency, log=lambda message: None)
    _achievements(head)
    ScreenSettings.objects.filter(puskesmas__slug="sukamaju").update(slide_seconds=5)
    return {"regency": regency, "head": head}


# Monthly output as a share of the yearly target: some Puskesmas Baik, some Cukup, some Kurang.
SCALES = [1.25, 1.1, 1.0, 0.9, 0.8, 1.2]


def _achievements(head) -> None:
    """January to September approved (September still a draft at Sukamaju), and Sukamaju's IKM published."""
    achievement_data.load_catalogue()
    for (_code, name, *_rest), scale in zip(PLACES, SCALES, strict=True):
        place = place_by_slug(name.lower().replace(" ", "-"))
        achievement_data.populations(place)
        for month in range(1, 10):
            status = Report.Status.DRAFT if (month == 9 and name == "Sukamaju") else Report.Status.APPROVED
            achievement_data.report(place, month, status, scale=scale * (0.9 + month / 50), anc=9 + month % 3)
    make_responses(puskesmas=head.puskesmas, rows=tv_skm_3_rows())
    ikm_publish(actor=head, puskesmas=head.puskesmas, period=period_parse("2026-S1"), follow_up_plan="")


def place_by_slug(slug):
    from kinerja.facilities.models import Puskesmas

    return Puskesmas.objects.get(slug=slug)


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"portal-{name}.png"), full_page=name.endswith("phone"))


def _wait(page: Page, script: str, timeout: float = 10.0) -> None:
    """Poll from Python: the page's own timers are faked by page.clock in the screen tests."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"timed out waiting for: {script}"
        time.sleep(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_public_pages_work_without_javascript(live_server, district, browser, size):
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=False, locale="id-ID"
    )
    page = context.new_page()
    broken = []  # every request of the tour (styles, images) must find what it asks for
    page.on("response", lambda response: response.status >= 400 and broken.append(response.url))
    page.goto(live_server.url + reverse("portal:home"))
    assert page.locator("h1").inner_text().startswith("Kinerja Puskesmas")
    assert page.locator(".plist li").count() == len(PLACES)
    assert page.locator(".map circle").count() == len(PLACES)
    assert page.get_by_role("link", name="ASI saja selama enam bulan pertama").count() == 1
    capaian = page.locator("#capaian")
    assert "sampai September 2026" in capaian.locator("h2").inner_text()
    assert "Puskesmas berkinerja Baik" in capaian.inner_text()
    assert capaian.locator(".counts li").count() == 4  # Baik, Cukup, Kurang, SPM services met
    assert page.locator(".plist .badge").count() == len(PLACES) - 1
    assert (
        "Laporan September 2026 belum disetujui."
        in page.locator(".plist li", has_text="Sukamaju").inner_text()
    )
    _shot(page, f"home-{size}")
    page.keyboard.press("Tab")  # keyboard users first meet the skip link, then the portal menu
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Beranda"

    page.get_by_role("link", name="Puskesmas Sukamaju").click()
    assert page.locator("h1").inner_text() == "Puskesmas Sukamaju"
    assert page.get_by_text("Jumat 07.30-11.00").count() == 1
    assert page.get_by_role("heading", name="Hari buka Posyandu").count() == 1
    assert page.get_by_text("Posyandu Melati Sukamaju").count() >= 1
    capaian = page.locator("#capaian")
    assert "sampai Agustus 2026" in capaian.locator("h2").inner_text()  # September is still a draft
    assert capaian.get_by_text("Puskesmas Sukamaju sampai Agustus 2026: nilai kinerja").count() == 1
    assert capaian.locator(".groups summary .badge").count() >= 10  # programmes and ILP clusters
    assert capaian.locator("svg polyline").count() == 1
    assert capaian.locator("table.spm tbody tr").count() == 12
    assert capaian.get_by_text("Indeks Kepuasan Masyarakat Semester I 2026: 91,48 dari 100").count() == 1
    _shot(page, f"puskesmas-{size}")
    page.locator(".lead a").click()  # its regency's own page: the same list, achievements and map
    assert page.locator("h1").inner_text().startswith("Kinerja Puskesmas Kabupaten")
    assert page.locator(".plist li").count() == len(PLACES)
    assert "sampai September 2026" in page.locator("#capaian h2").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(live_server.url + reverse("portal:article", args=["cegah-dbd-dengan-3m-plus"]))
    assert page.locator("h1").inner_text() == "Cegah demam berdarah dengan 3M Plus"
    assert page.locator("article.prose ol li").count() == 3
    _shot(page, f"article-{size}")

    page.get_by_role("link", name="Data terbuka", exact=True).click()
    assert page.locator("h1").inner_text() == "Data terbuka"
    assert page.locator("table.dictionary tbody tr").count() == 19
    _shot(page, f"open-data-{size}")
    assert broken == []
    icon = page.locator("link[rel=icon]").get_attribute("href")  # so browsers stop asking /favicon.ico
    assert context.request.get(live_server.url + icon).ok
    context.close()


def _screen(browser, live_server, size: str) -> Page:
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height}, locale="id-ID")
    page.clock.install(time=START)
    page.goto(live_server.url + reverse("portal:screen", args=["sukamaju"]))
    _pause_clock(page)  # from here on, time moves only by run_for()
    _wait(page, "document.getElementById('screen').dataset.shown === '1'")
    return page


def _pause_clock(page: Page) -> None:
    """Pause the page's fake clock just ahead of its current time. A slow page load may already
    have carried the clock past any fixed instant, and pausing in the past is an error."""
    for _ in range(5):
        now = page.evaluate("Date.now()") / 1000
        try:
            page.clock.pause_at(datetime.fromtimestamp(now + 0.5))
            return
        except Exception:  # the clock moved past the instant between the two calls: try again
            continue
    raise AssertionError("could not pause the screen's clock")


def _is_public(title: str) -> bool:
    return Article.objects.get(title=title).is_public()


def _shown(page: Page) -> int:
    return int(page.evaluate("document.getElementById('screen').dataset.shown"))


def test_head_publishes_article_and_it_reaches_portal_and_screen(live_server, district, browser):
    screen = _screen(browser, live_server, "tv")

    page = browser.new_page(viewport={"width": 360, "height": 640}, locale="id-ID")
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("kapus")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + reverse("portal:article_new"))
    page.get_by_label("Judul").fill("Jadwal posbindu bulan ini")
    page.get_by_label("Kategori").select_option("penyakit_tidak_menular")
    page.get_by_label("Ringkasan").fill("Cek tekanan darah dan gula darah gratis di Posbindu.")
    page.get_by_label("Isi (Markdown)").fill(
        "## Apa saja\n\n* tekanan darah\n* gula darah\n\n<script>alert(1)</script>"
    )
    page.get_by_role("button", name="Simpan draf").click()
    assert page.get_by_text("Tersimpan").count() == 1
    assert not _is_public("Jadwal posbindu bulan ini")
    page.get_by_role("button", name="Terbitkan").click()
    assert page.get_by_text("Diterbitkan").count() == 1
    assert _is_public("Jadwal posbindu bulan ini")
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]"
        ".filter(e => !e.labels.length).map(e => e.name)"
    )
    assert unlabelled == []
    _shot(page, "manage-edit-phone")
    page.goto(live_server.url + reverse("portal:content_list"))
    _shot(page, "manage-list-phone")

    public = browser.new_page(viewport={"width": 360, "height": 640}, locale="id-ID")
    public.goto(live_server.url + reverse("portal:puskesmas", args=["sukamaju"]))
    public.get_by_role("link", name="Jadwal posbindu bulan ini").click()
    assert public.locator("article.prose li").all_inner_texts() == ["tekanan darah", "gula darah"]
    assert "alert(1)" not in public.content()

    # The screen's next poll (within 75 s) fetches the new playlist, which then plays.
    screen.clock.run_for(80_000)
    _wait(
        screen, "(localStorage.getItem('kinerja-layar-sukamaju') || '').includes('Jadwal posbindu bulan ini')"
    )
    seen = set()
    for _ in range(40):
        screen.clock.run_for(5_000)
        seen.add(screen.evaluate("document.getElementById('screen').dataset.slideTitle"))
        if "Jadwal posbindu bulan ini" in seen:
            break
    assert "Jadwal posbindu bulan ini" in seen
    assert screen.locator(".slide.on h1").inner_text() == "Jadwal posbindu bulan ini"
    time.sleep(1)  # let the cross-fade finish before the screenshot
    _shot(screen, "screen-new-article-tv")


@pytest.mark.parametrize("size", SIZES)
def test_screen_keeps_rotating_when_the_server_stops_answering(live_server, district, browser, size):
    page = _screen(browser, live_server, size)
    assert page.locator(".slide.on h1").inner_text() == "Puskesmas Sukamaju"
    page.clock.run_for(5_000)
    page.locator(".slide.on .label").wait_for()
    time.sleep(1)
    _shot(page, f"screen-{size}")

    page.route("**/playlist.json", lambda route: route.abort())
    before = _shown(page)
    titles = set()
    for _ in range(30):  # two and a half minutes: at least two failed polls
        page.clock.run_for(5_000)
        titles.add(page.evaluate("document.getElementById('screen').dataset.slideTitle"))
    _wait(page, "document.getElementById('screen').classList.contains('offline')")
    assert _shown(page) >= before + 25
    assert len(titles) >= 5
    assert page.locator(".slide.on h1").inner_text() != ""
    assert page.locator("#ticker-text").inner_text().startswith("Selamat datang di Puskesmas Sukamaju")


def test_screen_reloads_once_a_day_and_only_when_the_server_answers(live_server, district, browser):
    page = _screen(browser, live_server, "tv")
    loads = []
    page.on("load", lambda _: loads.append(1))
    slides = page.evaluate("document.getElementById('screen').dataset.slideCount")
    page.clock.run_for(int(slides) * 5_000)  # a whole round on the first day: no reload
    assert loads == []

    page.route("**/layar/sukamaju/", lambda route: route.abort())
    page.clock.fast_forward("25:00:00")
    page.clock.run_for(int(slides) * 5_000)
    time.sleep(0.5)
    assert loads == []  # server unreachable: keep playing rather than reload into an error page

    page.unroute("**/layar/sukamaju/")
    page.clock.fast_forward("02:00:00")
    with page.expect_event("load"):
        page.clock.run_for(int(slides) * 5_000)


@pytest.mark.parametrize("size", SIZES)
def test_screen_shows_achievements_and_ikm_in_big_sentences(live_server, district, browser, size):
    page = _screen(browser, live_server, size)
    seen = {}
    for _ in range(60):
        kind = page.evaluate("document.querySelector('.slide.on').className")
        title = page.evaluate("document.getElementById('screen').dataset.slideTitle")
        for wanted in ("achievement", "ikm"):
            if wanted in kind.split() and title not in seen:
                seen[title] = wanted
                time.sleep(1)  # let the cross-fade finish before the screenshot
                _shot(page, f"screen-{wanted}-{len(seen)}-{size}")
                if page.locator(".slide.on .bars").count():
                    assert page.locator(".slide.on .bar-row").count() >= 5
        if len(seen) >= 4:
            break
        page.clock.run_for(5_000)
    titles = list(seen)
    assert any(t.startswith("Nilai kinerja pelayanan kami ") for t in titles)
    assert any("layanan dasar sudah mencapai target 100%" in t for t in titles)
    assert "Indeks kepuasan pasien 91,48 dari 100: Sangat Baik (A)" in titles
