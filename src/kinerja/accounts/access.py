"""The one mechanism that decides what a user may see and change.

Every internal view is wrapped in `role_required(...)`, which records the roles it admits on the
view (the access-matrix test reads them) and refuses other roles with 403. Which *rows* a user may
reach is decided by the scoped querysets below; views fetch through them, so a Puskesmas outside
the user's scope is a 404, never its data.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kinerja.accounts.models import User
from kinerja.facilities.models import Facility, Puskesmas

Role = User.Role
ALL_ROLES = tuple(Role)
DISTRICT_ROLES = User.DISTRICT_ROLES
PUSKESMAS_ROLES = User.PUSKESMAS_ROLES


def role_required(*roles: str) -> Callable:
    """Admit only signed-in users with one of `roles` (a superuser counts as a district administrator)."""
    allowed = frozenset(roles)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if effective_role(user) not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.access_roles = allowed  # type: ignore[attr-defined]
        return wrapper

    return decorator


def effective_role(user: User) -> str:
    if user.is_superuser and not user.role:
        return Role.DISTRICT_ADMIN
    return user.role


def _region_q(user: User, field: str) -> Q:
    region = user.region
    if region is None:
        return Q(pk__in=[])
    return Q(**{f"{field}__code": region.code}) | Q(**{f"{field}__code__startswith": region.code + "."})


def puskesmas_in_scope(*, user: User) -> QuerySet[Puskesmas]:
    """The Puskesmas this user may see: the whole district for district staff, their own otherwise."""
    queryset = Puskesmas.objects.all()
    if user.is_superuser and not user.role:
        return queryset
    if user.role in DISTRICT_ROLES:
        return queryset.filter(_region_q(user, "district"))
    if user.role in PUSKESMAS_ROLES and user.puskesmas_id:
        return queryset.filter(pk=user.puskesmas_id)
    return queryset.none()


def puskesmas_get(*, user: User, slug: str) -> Puskesmas:
    """One Puskesmas by its slug, or 404 when it does not exist or lies outside the user's scope."""
    return get_object_or_404(puskesmas_in_scope(user=user), slug=slug)


def facilities_in_scope(*, user: User) -> QuerySet[Facility]:
    queryset = Facility.objects.all()
    if user.is_superuser and not user.role:
        return queryset
    if user.role in DISTRICT_ROLES:
        return queryset.filter(_region_q(user, "district"))
    if user.role in PUSKESMAS_ROLES and user.puskesmas_id:
        return queryset.filter(puskesmas_id=user.puskesmas_id)
    return queryset.none()


def users_in_scope(*, user: User) -> QuerySet[User]:
    """Accounts a district administrator manages: staff of the Puskesmas and the office in their region."""
    if user.is_superuser and not user.role:
        return User.objects.all()
    if user.role != Role.DISTRICT_ADMIN:
        return User.objects.none()
    return User.objects.filter(
        Q(puskesmas__in=puskesmas_in_scope(user=user)) | _region_q(user, "region")
    ).exclude(is_superuser=True)


def can_edit_puskesmas(*, user: User, puskesmas: Puskesmas) -> bool:
    """Whether the user may change this Puskesmas' data (its head and operators, or the district admin)."""
    role = effective_role(user)
    if role == Role.DISTRICT_ADMIN:
        return puskesmas_in_scope(user=user).filter(pk=puskesmas.pk).exists()
    return role in PUSKESMAS_ROLES and user.puskesmas_id == puskesmas.pk
