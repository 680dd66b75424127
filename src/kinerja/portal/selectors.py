"""Reads: what a user may manage, and what the public may see (only published content)."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from kinerja.accounts.access import PUSKESMAS_ROLES, Role, effective_role, puskesmas_in_scope
from kinerja.accounts.models import User
from kinerja.facilities.models import Puskesmas
from kinerja.portal.models import Announcement, Article, Content, Programme, ScreenSettings
from kinerja.regions.models import Region

AUTHOR_DISTRICT_ROLES = (Role.DISTRICT_ADMIN, Role.PROGRAM_MANAGER)
CONTENT_MODELS: tuple[type[Content], ...] = (Article, Programme, Announcement)


def _district_q(user: User) -> Q:
    region = user.region
    if region is None:
        return Q(pk__in=[])
    return Q(district__code=region.code) | Q(district__code__startswith=region.code + ".")


def content_in_scope(*, user: User, model: type[Content]) -> QuerySet:
    """Content a user may open in the back office: their Puskesmas' own, or (district authors) the
    district's content and that of every Puskesmas in their region."""
    queryset = model.objects.select_related("puskesmas", "district", "author", "published_by")
    role = effective_role(user)
    if user.is_superuser and not user.role:
        return queryset
    if role in AUTHOR_DISTRICT_ROLES:
        return queryset.filter(
            Q(puskesmas__in=puskesmas_in_scope(user=user)) | (Q(puskesmas__isnull=True) & _district_q(user))
        )
    if role in PUSKESMAS_ROLES and user.puskesmas_id:
        return queryset.filter(puskesmas_id=user.puskesmas_id)
    return queryset.none()


def _in_scope(user: User, item: Content) -> bool:
    return content_in_scope(user=user, model=type(item)).filter(pk=item.pk).exists()


def can_edit(*, user: User, item: Content) -> bool:
    """Authors: the Puskesmas' head and operators for its content, district authors for district content."""
    role = effective_role(user)
    if item.puskesmas_id:
        return role in PUSKESMAS_ROLES and user.puskesmas_id == item.puskesmas_id
    return role in AUTHOR_DISTRICT_ROLES and (item.pk is None or _in_scope(user, item))


def can_publish(*, user: User, item: Content) -> bool:
    """The Puskesmas head publishes its content; the district administrator publishes district content."""
    role = effective_role(user)
    if item.puskesmas_id:
        return role == Role.PUSKESMAS_HEAD and user.puskesmas_id == item.puskesmas_id
    return role == Role.DISTRICT_ADMIN and _in_scope(user, item)


def can_withdraw(*, user: User, item: Content) -> bool:
    """Whoever may publish may withdraw; the district administrator may also take down any
    Puskesmas content in the district."""
    if can_publish(user=user, item=item):
        return True
    return effective_role(user) == Role.DISTRICT_ADMIN and _in_scope(user, item)


def content_state(item: Content, now=None) -> str:
    """draft, scheduled, live or ended: what the back office shows next to each row."""
    now = now or timezone.now()
    if item.status == Content.Status.DRAFT:
        return "draft"
    if item.publish_at and item.publish_at > now:
        return "scheduled"
    if item.unpublish_at and item.unpublish_at <= now:
        return "ended"
    return "live"


# Public reads ---------------------------------------------------------------------------------


def public_puskesmas() -> QuerySet[Puskesmas]:
    return Puskesmas.objects.select_related("subdistrict", "district").order_by("name")


def public_districts() -> QuerySet[Region]:
    """Regencies and cities with Puskesmas, with their province and `puskesmas_count`."""
    return (
        Region.objects.filter(district_puskesmas__isnull=False)
        .annotate(puskesmas_count=Count("district_puskesmas"))
        .select_related("parent")
        .order_by("parent__name", "name")
    )


def public_articles(*, now=None) -> QuerySet[Article]:
    return Article.objects.published(now).select_related("puskesmas").defer("body")


def public_programmes(*, now=None) -> QuerySet[Programme]:
    return Programme.objects.published(now).select_related("puskesmas")


def public_announcements(*, now=None) -> QuerySet[Announcement]:
    return Announcement.objects.published(now).select_related("puskesmas")


def screen_settings_for(*, puskesmas: Puskesmas) -> ScreenSettings:
    """The Puskesmas' screen settings, or unsaved defaults when nobody has set them yet."""
    try:
        return puskesmas.screen_settings
    except ScreenSettings.DoesNotExist:
        return ScreenSettings(puskesmas=puskesmas)
