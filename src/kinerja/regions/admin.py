from django.contrib import admin

from kinerja.accounts.admin_scope import ScopedAdminMixin
from kinerja.regions.models import Region


@admin.register(Region)
class RegionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope = "region"
    list_display = ["code", "name", "kind", "remoteness", "population"]
    list_filter = ["level", "kind", "remoteness"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]
