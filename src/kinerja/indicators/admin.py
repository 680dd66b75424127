"""Data master screens for the catalogue. Monthly values are changed only through the grid and the
services (so every change is recorded), never here."""

from django.contrib import admin

from kinerja.indicators.models import (
    DataElement,
    Framework,
    FrameworkVersion,
    Indicator,
    ReportingSetting,
    TargetGroup,
    ValidationRule,
)


@admin.register(DataElement)
class DataElementAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "programme", "aggregation", "active"]
    list_filter = ["programme", "aggregation", "active"]
    search_fields = ["code", "name"]


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "estimate_percent"]


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind"]


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    list_display = ["framework", "version", "valid_from_year", "valid_from_month", "good_min", "fair_min"]
    list_filter = ["framework"]
    readonly_fields = ["source", "source_checksum"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "version", "method", "polarity", "target", "factor"]
    list_filter = ["version", "method", "polarity"]
    search_fields = ["code", "name"]
    raw_id_fields = ["node", "numerator", "denominator_element", "denominator_group"]


@admin.register(ValidationRule)
class ValidationRuleAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "element", "other", "factor", "active"]


@admin.register(ReportingSetting)
class ReportingSettingAdmin(admin.ModelAdmin):
    list_display = ["district", "due_day"]
    raw_id_fields = ["district"]
