"""The waiting-room screen and its playlist."""

from django.urls import reverse

from kinerja.facilities.models import Service
from kinerja.portal.models import ScreenSettings
from kinerja.portal.tests.helpers import make_announcement, make_article, make_programme


def test_playlist_interleaves_kinds_and_answers_304_when_unchanged(client, world):
    make_article(puskesmas=world.a1, title="Artikel A1", published=True)
    make_article(district=world.district_a, title="Artikel Dinas", published=True)
    make_article(puskesmas=world.a2, title="Artikel A2", published=True)
    make_programme(puskesmas=world.a1, title="Posyandu Mawar", published=True)
    make_announcement(puskesmas=world.a1, title="Libur nasional", published=True)
    url = reverse("portal:playlist", args=[world.a1.slug])

    response = client.get(url)
    data = response.json()
    titles = [s["title"] for s in data["slides"]]
    assert titles[0] == str(world.a1)  # profile first
    assert {"Artikel A1", "Artikel Dinas", "Posyandu Mawar", "Libur nasional"} <= set(titles)
    assert "Artikel A2" not in titles
    kinds = [s["kind"] for s in data["slides"]]
    assert kinds[1:5] == ["article", "programme", "announcement", "article"]
    assert "Libur nasional" in data["running_text"]
    assert response["ETag"] == f'"{data["version"]}"'

    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, headers={"If-None-Match": '"lama"'}).status_code == 200


def test_screen_settings_choose_kinds_and_timing(client, world):
    make_article(puskesmas=world.a1, title="Artikel A1", published=True)
    make_programme(puskesmas=world.a1, title="Posyandu Mawar", published=True)
    ScreenSettings.objects.create(puskesmas=world.a1, slide_seconds=8, slide_kinds=["programmes"])
    data = client.get(reverse("portal:playlist", args=[world.a1.slug])).json()
    assert [s["title"] for s in data["slides"]] == ["Posyandu Mawar"]
    assert data["slide_seconds"] == 8


def test_screen_page_embeds_the_playlist(client, world):
    world.a1.services.add(Service.objects.create(code="gigi", name="Poli gigi"))
    response = client.get(reverse("portal:screen", args=[world.a1.slug]))
    text = response.content.decode()
    assert response.status_code == 200
    assert 'id="initial-playlist"' in text and "Poli gigi" in text and "screen.js" in text


def test_screen_settings_form_by_head(client, world):
    client.force_login(world.head)
    url = reverse("portal:screen_settings", args=[world.a1.slug])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"slide_seconds": 2, "slide_kinds": ["articles"]})
    assert "antara 5 dan 120" in bad.content.decode()
    client.post(
        url,
        {"slide_seconds": 20, "slide_kinds": ["articles", "programmes"], "running_text": "Selamat datang"},
    )
    screen = ScreenSettings.objects.get(puskesmas=world.a1)
    assert screen.slide_seconds == 20 and screen.slide_kinds == ["articles", "programmes"]


def test_unknown_screen_is_404(client, world):
    assert client.get("/layar/tidak-ada/").status_code == 404
    assert client.get("/layar/tidak-ada/playlist.json").status_code == 404


def test_screen_answers_head_requests_for_its_daily_reload_check(client, world):
    assert client.head(reverse("portal:screen", args=[world.a1.slug])).status_code == 200
    assert client.post(reverse("portal:playlist", args=[world.a1.slug])).status_code == 405
