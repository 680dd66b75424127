"""Writes: drafting, publishing and withdrawing content, images, and screen settings.

Every change is audited. A change to public content moves the portal's cache version.
"""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kinerja.accounts.access import PUSKESMAS_ROLES, effective_role
from kinerja.accounts.models import User
from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log, model_changes
from kinerja.facilities.models import Puskesmas
from kinerja.portal.cache import portal_changed
from kinerja.portal.images import shrink_image
from kinerja.portal.markup import render_markdown
from kinerja.portal.models import Article, ArticleImage, Content, ScreenSettings
from kinerja.portal.selectors import AUTHOR_DISTRICT_ROLES, can_edit, can_publish, can_withdraw
from kinerja.regions.models import Region


def _label(item: Content) -> str:
    return item._meta.label_lower.split(".")[1]


def content_new(*, user: User, model: type[Content]) -> Content:
    """An unsaved item owned by the author's Puskesmas, or by their district for district authors."""
    role = effective_role(user)
    if role in PUSKESMAS_ROLES and user.puskesmas_id:
        return model(puskesmas=user.puskesmas, district_id=user.puskesmas.district_id)
    region = user.region
    if role in AUTHOR_DISTRICT_ROLES and region is not None and region.level == Region.Level.REGENCY:
        return model(puskesmas=None, district=region)
    raise ApplicationError(
        _("Akun Anda tidak terikat pada satu Puskesmas atau kabupaten/kota, jadi belum bisa menulis konten.")
    )


def _apply(item: Content, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if isinstance(value, UploadedFile):
            value = shrink_image(value)
        setattr(item, name, value)
    if isinstance(item, Article):
        item.body_html = render_markdown(item.body, media_url=settings.MEDIA_URL)
        if not item.slug:
            item.slug = _unique_slug(item.title)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:160] or "artikel"
    slug, n = base, 1
    while Article.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def content_save(*, user: User, item: Content, fields: dict[str, Any]) -> Content:
    """Create or change a piece of content. An author who may not publish it sends published
    content back to draft, so nothing reaches the public without the publisher's approval."""
    if not can_edit(user=user, item=item):
        raise ApplicationError(_("Anda tidak berwenang mengubah konten ini."))
    creating = item.pk is None
    changes = {} if creating else model_changes(item, fields)
    was_public = item.is_public()
    _apply(item, fields)
    if not creating and item.status == Content.Status.PUBLISHED and not can_publish(user=user, item=item):
        item.status = Content.Status.DRAFT
        changes["status"] = [Content.Status.PUBLISHED, Content.Status.DRAFT]
    if creating:
        item.author = user
    item.save()
    action = f"portal.{_label(item)}.{'created' if creating else 'changed'}"
    audit_log(actor=user, action=action, obj=item, changes=changes or {"title": [None, item.title]})
    if was_public or item.is_public():
        portal_changed()
    return item


@transaction.atomic
def content_publish(
    *, user: User, item: Content, publish_at: datetime | None = None, unpublish_at: datetime | None = None
) -> Content:
    """Publish now or at `publish_at`, optionally until `unpublish_at`."""
    if not can_publish(user=user, item=item):
        raise ApplicationError(
            _(
                "Hanya Kepala Puskesmas (untuk konten Puskesmas) atau Administrator Dinas Kesehatan (untuk konten Dinas) yang dapat menerbitkan."
            )
        )
    publish_at = publish_at or timezone.now()
    if unpublish_at is not None and unpublish_at <= publish_at:
        raise ApplicationError(
            _("Tanggal 'tayang sampai' harus sesudah 'tayang mulai'. Ubah salah satunya lalu terbitkan lagi.")
        )
    fields = {"status": Content.Status.PUBLISHED, "publish_at": publish_at, "unpublish_at": unpublish_at}
    changes = model_changes(item, fields)
    _apply(item, fields)
    item.published_by = user
    item.save()
    audit_log(actor=user, action=f"portal.{_label(item)}.published", obj=item, changes=changes)
    portal_changed()
    return item


@transaction.atomic
def content_withdraw(*, user: User, item: Content) -> Content:
    """Take content off the public portal and screens; it stays as a draft."""
    if not can_withdraw(user=user, item=item):
        raise ApplicationError(_("Anda tidak berwenang menarik konten ini dari portal."))
    changes = model_changes(item, {"status": Content.Status.DRAFT})
    item.status = Content.Status.DRAFT
    item.save(update_fields=["status", "updated_at"])
    audit_log(actor=user, action=f"portal.{_label(item)}.withdrawn", obj=item, changes=changes)
    portal_changed()
    return item


@transaction.atomic
def article_image_add(*, user: User, article: Article, image: UploadedFile, alt: str) -> ArticleImage:
    """Store an image for use in the article's Markdown as ![alt](url)."""
    if not can_edit(user=user, item=article):
        raise ApplicationError(_("Anda tidak berwenang mengubah artikel ini."))
    picture = ArticleImage.objects.create(article=article, image=shrink_image(image), alt=alt)
    audit_log(
        actor=user,
        action="portal.article.image_added",
        obj=article,
        changes={"image": [None, picture.image.name]},
    )
    return picture


def can_configure_screen(*, user: User, puskesmas: Puskesmas) -> bool:
    role = effective_role(user)
    if role == "puskesmas_head":
        return user.puskesmas_id == puskesmas.pk
    return role == "district_admin"


@transaction.atomic
def screen_settings_save(*, user: User, puskesmas: Puskesmas, fields: dict[str, Any]) -> ScreenSettings:
    """Change how the Puskesmas' waiting-room screen plays (the caller fetched `puskesmas` in scope)."""
    if not can_configure_screen(user=user, puskesmas=puskesmas):
        raise ApplicationError(
            _("Hanya Kepala Puskesmas atau Administrator Dinas yang dapat mengatur layar.")
        )
    screen, _created = ScreenSettings.objects.get_or_create(puskesmas=puskesmas)
    changes = model_changes(screen, fields)
    for name, value in fields.items():
        setattr(screen, name, value)
    screen.full_clean()
    screen.save()
    audit_log(actor=user, action="portal.screen.changed", obj=screen, changes=changes)
    portal_changed()
    return screen
