"""Public pages are served from the cache until something is published."""

from django.urls import reverse

from kinerja.portal.models import Article
from kinerja.portal.services import content_publish, content_withdraw, screen_settings_save
from kinerja.portal.tests.helpers import make_article


def test_pages_are_cached_and_publishing_invalidates_them(client, world):
    article = make_article(puskesmas=world.a1, title="Versi pertama", published=True)
    urls = [reverse("portal:home"), reverse("portal:puskesmas", args=[world.a1.slug])]
    for url in urls:
        assert "Versi pertama" in client.get(url).content.decode()

    # A change behind the services' back is not seen: the pages come from the cache.
    Article.objects.filter(pk=article.pk).update(title="Versi kedua")
    for url in urls:
        assert "Versi pertama" in client.get(url).content.decode()

    other = make_article(puskesmas=world.a1, title="Artikel baru")
    content_publish(user=world.head, item=other)
    for url in urls:
        text = client.get(url).content.decode()
        assert "Versi kedua" in text and "Artikel baru" in text

    content_withdraw(user=world.head, item=other)
    assert "Artikel baru" not in client.get(urls[0]).content.decode()


def test_cached_page_runs_few_queries(client, world, django_assert_max_num_queries):
    make_article(puskesmas=world.a1, published=True)
    url = reverse("portal:puskesmas", args=[world.a1.slug])
    client.get(url)
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200


def test_playlist_is_rebuilt_when_screen_settings_change(client, world):
    url = reverse("portal:playlist", args=[world.a1.slug])
    first = client.get(url).json()
    screen_settings_save(
        user=world.head,
        puskesmas=world.a1,
        fields={"slide_seconds": 30, "slide_kinds": ["profile"], "running_text": "Halo"},
    )
    second = client.get(url).json()
    assert second["version"] != first["version"]
    assert second["slide_seconds"] == 30 and second["running_text"] == "Halo"
