"""Drafting and publishing: who may, and what the public sees at each step."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.core.errors import ApplicationError
from kinerja.core.models import AuditEntry
from kinerja.portal.models import Article, Content
from kinerja.portal.services import content_new, content_publish, content_save, content_withdraw
from kinerja.portal.tests.helpers import make_announcement, make_article, make_programme

ARTICLE = {
    "title": "Cuci tangan pakai sabun",
    "category": Article.Category.PHBS,
    "summary": "Enam langkah sederhana yang mencegah diare.",
    "body": "## Kapan?\n\nSebelum makan dan sesudah dari jamban.",
}


def _public_texts(client, puskesmas) -> str:
    pages = [
        reverse("portal:home"),
        reverse("portal:puskesmas", args=[puskesmas.slug]),
        reverse("portal:article_list"),
        reverse("portal:playlist", args=[puskesmas.slug]),
    ]
    return "\n".join(client.get(url).content.decode() for url in pages)


def test_operator_drafts_head_publishes_and_it_appears_everywhere(client, world):
    article = content_save(
        user=world.operator, item=content_new(user=world.operator, model=Article), fields=ARTICLE
    )
    assert article.puskesmas == world.a1 and article.status == Content.Status.DRAFT
    assert ARTICLE["title"] not in _public_texts(client, world.a1)
    assert client.get(reverse("portal:article", args=[article.slug])).status_code == 404

    content_publish(user=world.head, item=article)

    texts = _public_texts(client, world.a1)
    assert texts.count(ARTICLE["title"]) >= 4  # home, Puskesmas page, article list, playlist
    page = client.get(reverse("portal:article", args=[article.slug]))
    assert page.status_code == 200 and "<h2>Kapan?</h2>" in page.content.decode()
    assert (
        ARTICLE["title"] not in client.get(reverse("portal:puskesmas", args=[world.a2.slug])).content.decode()
    )
    assert AuditEntry.objects.filter(action="portal.article.published", actor=world.head).count() == 1


def test_head_publishes_through_the_back_office(client, world):
    client.force_login(world.head)
    response = client.post(reverse("portal:article_new"), ARTICLE)
    article = Article.objects.get(title=ARTICLE["title"])
    assert response.status_code == 302
    client.post(reverse("portal:article_publish", args=[article.pk]), {})
    article.refresh_from_db()
    assert article.is_public() and article.published_by == world.head
    client.logout()
    assert ARTICLE["title"] in client.get(reverse("portal:playlist", args=[world.a1.slug])).content.decode()


@pytest.mark.parametrize(
    "state",
    [
        {"status": "draft"},
        {"status": "published", "publish_at_hours": 2},
        {"status": "published", "publish_at_hours": -5, "unpublish_at_hours": -1},
    ],
    ids=["draft", "future", "expired"],
)
def test_unpublished_future_and_expired_content_is_nowhere_public(client, world, state):
    now = timezone.now()
    window = {}
    if "publish_at_hours" in state:
        window["publish_at"] = now + timedelta(hours=state["publish_at_hours"])
    if "unpublish_at_hours" in state:
        window["unpublish_at"] = now + timedelta(hours=state["unpublish_at_hours"])
    article = make_article(puskesmas=world.a1, title="Rahasia redaksi", status=state["status"], **window)
    make_programme(puskesmas=world.a1, title="Program tersembunyi", status=state["status"], **window)
    make_announcement(district=world.district_a, title="Kabar tersembunyi", status=state["status"], **window)

    texts = (
        _public_texts(client, world.a1)
        + client.get(reverse("portal:screen", args=[world.a1.slug])).content.decode()
    )
    for title in ["Rahasia redaksi", "Program tersembunyi", "Kabar tersembunyi"]:
        assert title not in texts
    assert client.get(reverse("portal:article", args=[article.slug])).status_code == 404


def test_scheduled_article_appears_at_its_time(client, world):
    article = make_article(puskesmas=world.a1)
    start = timezone.now() + timedelta(hours=1)
    content_publish(user=world.head, item=article, publish_at=start, unpublish_at=start + timedelta(days=1))
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert Article.objects.published(start + timedelta(minutes=1)).filter(pk=article.pk).exists()
    assert not Article.objects.published(start + timedelta(days=2)).filter(pk=article.pk).exists()


def test_operator_cannot_publish(client, world):
    article = make_article(puskesmas=world.a1)
    with pytest.raises(ApplicationError):
        content_publish(user=world.operator, item=article)
    client.force_login(world.operator)
    assert client.post(reverse("portal:article_publish", args=[article.pk]), {}).status_code == 403
    article.refresh_from_db()
    assert article.status == Content.Status.DRAFT


def test_operator_edit_of_published_content_returns_it_to_draft(world):
    article = make_article(puskesmas=world.a1, published=True)
    content_save(user=world.operator, item=article, fields={"title": "Judul baru"})
    article.refresh_from_db()
    assert article.status == Content.Status.DRAFT and not article.is_public()


def test_head_of_another_puskesmas_gets_404(client, world):
    article = make_article(puskesmas=world.a1)
    client.force_login(world.head_b1)
    assert client.get(reverse("portal:article_edit", args=[article.pk])).status_code == 404
    assert client.post(reverse("portal:article_publish", args=[article.pk]), {}).status_code == 404
    assert client.get(reverse("portal:screen_settings", args=[world.a1.slug])).status_code == 404
    with pytest.raises(ApplicationError):
        content_publish(user=world.head_b1, item=article)


def test_district_content_is_published_by_the_district_admin_only(world):
    article = content_save(
        user=world.program_manager,
        item=content_new(user=world.program_manager, model=Article),
        fields=ARTICLE,
    )
    assert article.puskesmas is None and article.district == world.district_a
    with pytest.raises(ApplicationError):
        content_publish(user=world.program_manager, item=article)
    with pytest.raises(ApplicationError):
        content_publish(user=world.head, item=article)
    content_publish(user=world.district_admin, item=article)
    assert article.is_public()


def test_district_admin_may_take_down_puskesmas_content_but_not_publish_it(world):
    article = make_article(puskesmas=world.a1, published=True)
    with pytest.raises(ApplicationError):
        content_publish(user=world.district_admin, item=article)
    content_withdraw(user=world.district_admin, item=article)
    assert not article.is_public()


def test_unpublish_before_publish_is_refused(world):
    article = make_article(puskesmas=world.a1)
    start = timezone.now()
    with pytest.raises(ApplicationError, match="sesudah"):
        content_publish(
            user=world.head, item=article, publish_at=start, unpublish_at=start - timedelta(hours=1)
        )


def test_content_list_shows_each_state_to_the_head_only_for_own_puskesmas(client, world):
    now = timezone.now()
    make_article(puskesmas=world.a1, title="Masih draf")
    make_article(
        puskesmas=world.a1, title="Nanti tayang", status="published", publish_at=now + timedelta(days=1)
    )
    make_article(puskesmas=world.a1, title="Sedang tayang", published=True)
    make_article(
        puskesmas=world.a1,
        title="Sudah berakhir",
        status="published",
        publish_at=now - timedelta(days=3),
        unpublish_at=now - timedelta(days=1),
    )
    make_article(puskesmas=world.b1, title="Milik Beta")
    client.force_login(world.head)
    text = client.get(reverse("portal:content_list")).content.decode()
    for title, state in [("Masih draf", "Draf"), ("Nanti tayang", "Terjadwal"), ("Sedang tayang", "Tayang"),
                         ("Sudah berakhir", "Berakhir")]:  # fmt: skip
        row = text.split(title, 1)[1].split("</tr>", 1)[0]
        assert f">{state}</span>" in row, title
    assert "Milik Beta" not in text
    assert reverse("portal:screen_settings", args=[world.a1.slug]) in text


def test_head_schedules_through_the_form_in_local_time(client, world, settings):
    article = make_article(puskesmas=world.a1)
    client.force_login(world.head)
    response = client.post(
        reverse("portal:article_publish", args=[article.pk]),
        {"publish_at": "2030-01-02T08:00", "unpublish_at": "2030-01-09T08:00"},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    local = timezone.localtime(article.publish_at)
    assert (local.year, local.month, local.day, local.hour) == (2030, 1, 2, 8)
    assert str(local.tzinfo) == settings.TIME_ZONE
    assert not article.is_public()
    assert "Terjadwal" in client.get(reverse("portal:content_list")).content.decode()

    bad = client.post(
        reverse("portal:article_publish", args=[article.pk]), {"publish_at": "besok"}, follow=True
    )
    assert "Tanggal tayang tidak terbaca" in bad.content.decode()
