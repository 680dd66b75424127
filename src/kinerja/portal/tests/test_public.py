"""The public pages show what a citizen needs, and nothing personal."""

from django.urls import reverse

from kinerja.core.testing import make_facility
from kinerja.facilities.models import Facility, Service
from kinerja.portal.models import Article
from kinerja.portal.tests.helpers import make_article, make_programme


def test_home_lists_puskesmas_map_and_latest_content(client, world):
    world.a1.latitude, world.a1.longitude = "-5.100000", "119.400000"
    world.a1.save()
    world.a2.latitude, world.a2.longitude = "-5.200000", "119.500000"
    world.a2.save()
    make_article(district=world.district_a, title="Stunting bisa dicegah", published=True)
    make_programme(district=world.district_a, title="Bulan imunisasi anak", published=True)
    text = client.get(reverse("portal:home")).content.decode()
    for expected in ["Alfa Satu", "Alfa Dua", "Beta Satu", "Stunting bisa dicegah", "Bulan imunisasi anak"]:
        assert expected in text
    assert text.count("<circle") == 2
    assert 'id="capaian"' in text


def test_puskesmas_page_shows_profile_programmes_and_network(client, world):
    a1 = world.a1
    a1.address, a1.phone, a1.opening_hours = (
        "Jl. Merdeka 1",
        "0411 123",
        "Senin-Kamis 07.30-14.00\nJumat 07.30-11.00",
    )
    a1.save()
    a1.services.add(Service.objects.create(code="kia", name="Kesehatan ibu dan anak"))
    make_facility(puskesmas=a1, kind=Facility.Kind.POSYANDU, name="Posyandu Melati")
    make_facility(puskesmas=a1, kind=Facility.Kind.MIDWIFE, name="Praktik Bidan Sari", phone="0812999")
    make_programme(
        puskesmas=a1, title="Posyandu Melati", schedule="Setiap Rabu minggu pertama", published=True
    )
    make_programme(puskesmas=a1, title="Prolanis rahasia")  # draft
    text = client.get(reverse("portal:puskesmas", args=[a1.slug])).content.decode()
    for expected in ["Jl. Merdeka 1", "Jumat 07.30-11.00", "Kesehatan ibu dan anak", "Setiap Rabu minggu pertama",
                     "Praktik mandiri bidan (1)", 'id="capaian"']:  # fmt: skip
        assert expected in text
    assert "Prolanis rahasia" not in text
    assert "Praktik Bidan Sari" not in text and "0812999" not in text  # no names of persons
    assert client.get(reverse("portal:puskesmas", args=["tidak-ada"])).status_code == 404


def test_article_list_filters_by_category_without_javascript(client, world):
    make_article(
        puskesmas=world.a1, title="Gizi seimbang", category=Article.Category.NUTRITION, published=True
    )
    make_article(
        puskesmas=world.a1, title="Bahaya DBD", category=Article.Category.COMMUNICABLE, published=True
    )
    text = client.get(reverse("portal:article_list"), {"kategori": "gizi_stunting"}).content.decode()
    assert "Gizi seimbang" in text and "Bahaya DBD" not in text
    assert "Bahaya DBD" in client.get(reverse("portal:article_list"), {"kategori": "ngawur"}).content.decode()


def test_public_pages_are_light(client, world):
    for i in range(12):
        make_article(puskesmas=world.a1, published=True, body="Paragraf. " * 300, title=f"Artikel {i}")
    for url in [
        reverse("portal:home"),
        reverse("portal:puskesmas", args=[world.a1.slug]),
        reverse("portal:article_list"),
    ]:
        response = client.get(url)
        assert len(response.content) < 100_000, url
        assert "http://" not in response.content.decode().replace('href="http://testserver', "")
