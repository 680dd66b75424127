"""Images: uploaded through the back office, shrunk, usable in Markdown, served in development."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kinerja.portal.models import Article
from kinerja.portal.services import content_publish
from kinerja.portal.tests.helpers import make_article


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _photo(name="foto.png", size=(3000, 2000), mode="RGBA") -> SimpleUploadedFile:
    out = BytesIO()
    Image.new(mode, size, (200, 30, 30, 255) if mode == "RGBA" else (200, 30, 30)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def test_head_uploads_cover_and_inline_image_and_citizens_see_them(client, world):
    article = make_article(puskesmas=world.a1)
    client.force_login(world.head)
    response = client.post(
        reverse("portal:article_image", args=[article.pk]), {"image": _photo(), "alt": "Jentik"}
    )
    assert response.status_code == 302
    picture = article.images.get()
    with Image.open(picture.image.path) as stored:
        assert stored.format == "JPEG" and max(stored.size) == 1200

    edit = {
        "title": article.title,
        "category": article.category,
        "summary": article.summary,
        "body": f"Lihat gambar:\n\n{picture.markdown}",
        "cover": _photo("sampul.png"),
        "cover_alt": "Bak mandi bersih",
    }
    assert client.post(reverse("portal:article_edit", args=[article.pk]), edit).status_code == 302
    content_publish(user=world.head, item=Article.objects.get(pk=article.pk))
    client.logout()

    page = client.get(reverse("portal:article", args=[article.slug])).content.decode()
    article.refresh_from_db()
    assert f'src="{picture.image.url}"' in page and f'src="{article.cover.url}"' in page
    served = client.get(article.cover.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert len(b"".join(served.streaming_content)) < 100_000


def test_cover_without_description_is_refused(client, world):
    article = make_article(puskesmas=world.a1)
    client.force_login(world.operator)
    response = client.post(
        reverse("portal:article_edit", args=[article.pk]),
        {"title": "x", "category": "phbs", "summary": "y", "body": "z", "cover": _photo()},
    )
    assert response.status_code == 200 and "keterangan gambar" in response.content.decode()


def test_not_an_image_is_refused(client, world):
    article = make_article(puskesmas=world.a1)
    client.force_login(world.operator)
    fake = SimpleUploadedFile("virus.png", b"<script>alert(1)</script>", content_type="image/png")
    client.post(reverse("portal:article_image", args=[article.pk]), {"image": fake, "alt": "x"})
    assert not article.images.exists()


def test_media_is_not_served_in_production(client, settings, world):
    settings.PRODUCTION = True
    assert client.get("/media/portal/tidak-ada.jpg").status_code == 404
