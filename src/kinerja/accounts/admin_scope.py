"""Keeps the Django admin inside the same scope as the rest of the system.

A district administrator (staff, not superuser) sees and picks only rows of their own region; the
superuser of the installation sees everything. Used by the master-data admins of regions,
facilities and accounts.
"""

from django.db.models import QuerySet

from kinerja.accounts.access import facilities_in_scope, puskesmas_in_scope, users_in_scope
from kinerja.regions.models import Region


def regions_in_scope(*, user) -> QuerySet[Region]:
    if user.is_superuser:
        return Region.objects.all()
    if user.region is None:
        return Region.objects.none()
    return Region.objects.within(user.region.code)


SCOPES = {
    "region": regions_in_scope,
    "puskesmas": puskesmas_in_scope,
    "facility": facilities_in_scope,
    "user": users_in_scope,
}


class ScopedAdminMixin:
    """Limit the change list and every foreign-key choice to the user's scope."""

    scope: str = ""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=SCOPES[self.scope](user=request.user).values("pk"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._limit(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._limit(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _limit(self, db_field, request, kwargs) -> None:
        if request.user.is_superuser:
            return
        scope = db_field.related_model._meta.model_name
        if scope in SCOPES:
            queryset = kwargs.get("queryset", db_field.related_model._default_manager.all())
            kwargs["queryset"] = queryset.filter(pk__in=SCOPES[scope](user=request.user).values("pk"))
