from django.contrib import admin

from kinerja.accounts.admin_scope import ScopedAdminMixin
from kinerja.facilities.models import Facility, Puskesmas, Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name"]


class FacilityInline(ScopedAdminMixin, admin.TabularInline):
    scope = "facility"
    model = Facility
    fields = ["kind", "name", "ownership", "village", "active"]
    raw_id_fields = ["village"]
    extra = 0


@admin.register(Puskesmas)
class PuskesmasAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope = "puskesmas"
    list_display = ["name", "code", "subdistrict", "area_category", "inpatient"]
    list_filter = ["area_category", "inpatient", "district"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["district", "subdistrict"]
    filter_horizontal = ["services", "catchment_villages"]
    inlines = [FacilityInline]


@admin.register(Facility)
class FacilityAdmin(ScopedAdminMixin, admin.ModelAdmin):
    scope = "facility"
    list_display = ["name", "kind", "ownership", "puskesmas", "village", "active"]
    list_filter = ["kind", "ownership", "active", "puskesmas"]
    search_fields = ["name", "code"]
    raw_id_fields = ["district", "village", "hamlet", "puskesmas"]
