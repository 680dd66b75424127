from django.contrib import admin

from kinerja.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "remoteness", "population"]
    list_filter = ["level", "kind", "remoteness"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]
