"""Approved achievements, SPM and IKM on the public pages and the screen: only approved or verified
months count, and the sentences, categories and SPM verdicts reach citizens."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from kinerja.indicators.models import Report
from kinerja.portal.achievements import pooled_rate, puskesmas_achievements
from kinerja.portal.playlist import screen_playlist
from kinerja.portal.tests import achievement_data as data
from kinerja.satisfaction.formulas import period_parse
from kinerja.satisfaction.services.publication import ikm_publish
from kinerja.satisfaction.tests.factories import make_responses, tv_skm_3_rows

APPROVED, VERIFIED = Report.Status.APPROVED, Report.Status.VERIFIED
SUBMITTED, DRAFT = Report.Status.SUBMITTED, Report.Status.DRAFT
PAGE_LIMIT = 100 * 1024


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reported(world):
    """Alfa Satu: January verified and February approved (ANC 10 a month: SPM met); March submitted and
    April a draft, both with ANC 1 and other values halved, which must not show anywhere public."""
    data.load_catalogue()
    for p in (world.a1, world.a2):
        data.populations(p)
    data.report(world.a1, 1, VERIFIED)
    data.report(world.a1, 2, APPROVED)
    data.report(world.a1, 3, SUBMITTED, scale=0.5, anc=1)
    data.report(world.a1, 4, DRAFT, scale=0.5, anc=1)
    data.report(world.a2, 1, APPROVED, scale=0.5, anc=4)
    return world


@pytest.fixture
def ikm(world):
    make_responses(puskesmas=world.a1, rows=tv_skm_3_rows())
    ikm_publish(actor=world.head, puskesmas=world.a1, period=period_parse("2026-S1"), follow_up_plan="")


def test_puskesmas_page_counts_only_approved_and_verified_months(client, reported):
    page = client.get(reverse("portal:puskesmas", args=["alfa-satu"])).content.decode()
    assert "sampai Februari 2026" in page
    assert "Maret 2026" not in page and "April 2026" not in page
    a = puskesmas_achievements(puskesmas=reported.a1)
    anc = next(s for s in a.spm if s.name == "Pelayanan kesehatan ibu hamil")
    assert (anc.result, anc.met) == ("100,0", True)  # 20 of 120 x 2/12: March's 1 is not added
    assert "Memenuhi" in page and "Belum memenuhi" in page
    assert a.headline.startswith("Puskesmas Alfa Satu sampai Februari 2026: nilai kinerja")
    assert a.headline in page
    assert a.category in {"baik", "cukup", "kurang"} and f'class="badge {a.category}"' in page
    assert [g.name for g in a.programmes][:2] == ["Manajemen", "Promosi Kesehatan"]
    assert "Klaster 2 Ibu dan Anak" in page  # ILP clusters
    assert a.trend is not None and len(a.trend.points) == 2
    assert len(page.encode()) < PAGE_LIMIT


def test_changes_since_last_month_are_named(client, world):
    data.load_catalogue()
    data.populations(world.a1)
    data.report(world.a1, 1, APPROVED, scale=0.5)
    data.report(world.a1, 2, APPROVED, scale=1.5)
    a = puskesmas_achievements(puskesmas=world.a1)
    assert a.improved and not any("turun" in s for s in a.improved)
    page = client.get(reverse("portal:puskesmas", args=["alfa-satu"])).content.decode()
    assert "Membaik sejak bulan lalu" in page and a.improved[0] in page


def test_submitted_and_draft_reports_show_nothing(client, world):
    data.load_catalogue()
    data.populations(world.a1)
    data.report(world.a1, 1, SUBMITTED)
    data.report(world.a1, 2, DRAFT)
    assert puskesmas_achievements(puskesmas=world.a1) is None
    page = client.get(reverse("portal:puskesmas", args=["alfa-satu"])).content.decode()
    assert "Belum ada laporan bulanan yang disetujui" in page
    assert "Memenuhi" not in page
    home = client.get(reverse("portal:home")).content.decode()
    assert "Belum ada laporan bulanan yang disetujui" in home
    slides = screen_playlist(puskesmas=world.a1)["slides"]
    assert not [s for s in slides if s["kind"] in ("achievement", "ikm")]


def test_a_report_approved_later_shows_once_the_cache_moves_on(client, reported):
    url = reverse("portal:puskesmas", args=["alfa-satu"])
    assert "sampai Februari 2026" in client.get(url).content.decode()
    Report.objects.filter(puskesmas=reported.a1, month=3).update(status=APPROVED)
    assert "sampai Februari 2026" in client.get(url).content.decode()  # cached for at most a minute
    cache.clear()  # what the 60 s expiry does
    assert "sampai Maret 2026" in client.get(url).content.decode()


def test_district_home_has_headline_sentences_and_numbers(client, reported):
    page = client.get(reverse("portal:home")).content.decode()
    assert "Capaian kinerja" in page and "sampai Januari 2026" in page  # both Puskesmas approved January
    assert "rata-rata nilai kinerja 2 Puskesmas" in page
    assert "Puskesmas berkinerja Baik" in page
    assert "layanan dasar SPM sudah mencapai target 100% di seluruh wilayah" in page
    assert "Pelayanan kesehatan untuk" in page  # the district SPM table
    assert len(page.encode()) < PAGE_LIMIT


def test_ikm_on_the_puskesmas_page_home_and_screen(client, world, ikm):
    page = client.get(reverse("portal:puskesmas", args=["alfa-satu"])).content.decode()
    assert "Indeks Kepuasan Masyarakat Semester I 2026: 91,48 dari 100, mutu A (Sangat Baik)" in page
    assert "Waktu Penyelesaian" in page  # the element to improve
    home = client.get(reverse("portal:home")).content.decode()
    assert "IKM 91,48 (A)" in home
    slides = screen_playlist(puskesmas=world.a1)["slides"]
    ikm_slide = next(s for s in slides if s["kind"] == "ikm")
    assert ikm_slide["title"] == "Indeks kepuasan pasien 91,48 dari 100: Sangat Baik (A)"


def test_screen_playlist_has_achievement_slides_with_bars(reported, ikm):
    slides = screen_playlist(puskesmas=reported.a1)["slides"]
    achievement = [s for s in slides if s["kind"] == "achievement"]
    assert achievement[0]["title"].startswith("Nilai kinerja pelayanan kami ")
    assert achievement[0]["label"] == "Capaian kinerja · Februari 2026"
    bars = achievement[0]["bars"]
    assert bars[0][0] == "Manajemen" and bars[0][1].endswith("/10") and 0 <= bars[0][2] <= 100
    spm = next(s for s in achievement if "layanan dasar" in s["title"])
    assert ["Ibu hamil", "100,0%", 100.0, "baik"] in spm["bars"]
    assert any(s["kind"] == "ikm" for s in slides)


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ([(10, 20), (30, 20)], 100.0),
        ([(5, 10), (None, 10), (5, None)], 50.0),
        ([(5, 0)], None),
        ([], None),
    ],
)
def test_pooled_rate(pairs, expected):
    assert pooled_rate(pairs) == expected
