"""Several regencies in one installation: each has a public page of its own, and a home with more
Puskesmas than one page can hold lists the regencies instead."""

from django.urls import reverse

from kinerja.core.testing import make_region
from kinerja.indicators.models import Report
from kinerja.portal.tests import achievement_data as data
from kinerja.portal.tests.helpers import make_announcement, make_article, make_programme
from kinerja.portal.views import public


def _content(world):
    make_article(district=world.district_a, title="Artikel Dinkes Alfa", published=True)
    make_article(puskesmas=world.b1, title="Artikel Puskesmas Beta", published=True)
    make_programme(district=world.district_a, title="Program Dinkes Alfa", published=True)
    make_programme(district=world.district_b, title="Program Dinkes Beta", published=True)
    make_announcement(district=world.district_b, title="Pengumuman Dinkes Beta", published=True)


def test_a_district_page_shows_its_own_puskesmas_content_and_achievements(client, world):
    _content(world)
    data.load_catalogue()
    for p in (world.a1, world.a2, world.b1):
        data.populations(p)
        data.report(p, 1, Report.Status.APPROVED)
    page = client.get(reverse("portal:district", args=[world.district_a.code])).content.decode()
    assert f"<h1>Kinerja Puskesmas {world.district_a.label}</h1>" in page
    for expected in ["Alfa Satu", "Alfa Dua", "Artikel Dinkes Alfa", "Program Dinkes Alfa"]:
        assert expected in page
    for absent in ["Beta Satu", "Artikel Puskesmas Beta", "Program Dinkes Beta", "Pengumuman Dinkes Beta"]:
        assert absent not in page
    assert "rata-rata nilai kinerja 2 Puskesmas" in page

    page = client.get(reverse("portal:district", args=[world.district_b.code])).content.decode()
    for expected in ["Beta Satu", "Artikel Puskesmas Beta", "Program Dinkes Beta", "Pengumuman Dinkes Beta"]:
        assert expected in page
    assert "Alfa Satu" not in page and "Program Dinkes Alfa" not in page
    assert "rata-rata nilai kinerja 1 Puskesmas" in page


def test_only_regencies_with_puskesmas_have_a_page(client, world):
    province = world.district_a.parent
    empty = make_region(code="73.96", name="Kosong")
    for code in (province.code, empty.code, "99.99"):
        assert client.get(reverse("portal:district", args=[code])).status_code == 404, code


def test_home_of_a_small_installation_lists_puskesmas_and_links_each_regency(client, world):
    page = client.get(reverse("portal:home")).content.decode()
    assert "Alfa Satu" in page and "Beta Satu" in page
    for district in (world.district_a, world.district_b):
        assert f'href="{reverse("portal:district", args=[district.code])}"' in page
    assert "2 Puskesmas" in page and "1 Puskesmas" in page  # per regency


def test_home_of_a_large_installation_lists_regencies_not_puskesmas(client, world, monkeypatch):
    monkeypatch.setattr(public, "HOME_LIST_LIMIT", 2)  # the world's 3 Puskesmas are then "too many"
    _content(world)
    page = client.get(reverse("portal:home")).content.decode()
    assert "Artikel Dinkes Alfa" in page and "Artikel Puskesmas Beta" in page  # the latest of all
    assert "Program Dinkes Alfa" not in page and "Pengumuman Dinkes Beta" not in page  # on their own pages
    assert "3 Puskesmas di 2 kabupaten dan kota" in page
    assert world.district_a.parent.label in page  # regencies grouped by province
    for district in (world.district_a, world.district_b):
        assert f'href="{reverse("portal:district", args=[district.code])}"' in page
    assert "Alfa Satu" not in page and 'id="capaian"' not in page  # no list, no country-wide scorecard
    district_page = client.get(reverse("portal:district", args=[world.district_a.code])).content.decode()
    assert "Alfa Satu" in district_page and 'id="capaian"' in district_page


def test_a_puskesmas_page_links_its_regency(client, world):
    page = client.get(reverse("portal:puskesmas", args=[world.b1.slug])).content.decode()
    assert f'<a href="{reverse("portal:district", args=[world.district_b.code])}">' in page
