"""Master data of the SKM: questionnaire versions (elements, answer wording, weights, grade bands).

A district that wants its own weights (0,111 as in many published reports, or weights of its own
that sum to 1) copies the national version, sets its district and activates it; its Puskesmas then
use it for new answers and every IKM computed afterwards records it.
"""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kinerja.satisfaction.models import (
    Complaint,
    GradeBand,
    IkmPublication,
    ServiceUnit,
    SurveyElement,
    SurveyVersion,
)

# 9 x 0,111 = 0,999 and 14 x 0,071 = 0,994 are accepted, as the published reports use them.
WEIGHT_TOLERANCE = Decimal("0.01")


class ElementFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if self.instance.weighting != SurveyVersion.Weighting.CUSTOM:
            return
        weights = [
            f.cleaned_data.get("weight")
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if any(w is None for w in weights):
            raise forms.ValidationError(_("Bobot per unsur: isi bobot setiap unsur."))
        if abs(sum(weights) - 1) > WEIGHT_TOLERANCE:
            raise forms.ValidationError(
                _("Jumlah bobot %(total)s; harus 1 (0,111 x 9 = 0,999 masih diterima).")
                % {"total": sum(weights)}
            )


class ElementInline(admin.TabularInline):
    model = SurveyElement
    formset = ElementFormSet
    extra = 0


class BandInline(admin.TabularInline):
    model = GradeBand
    extra = 0


@admin.register(SurveyVersion)
class SurveyVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "district", "weighting", "valid_from", "active"]
    list_filter = ["active", "weighting"]
    inlines = [ElementInline, BandInline]


@admin.register(ServiceUnit)
class ServiceUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "puskesmas", "kind", "monthly_visits", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "puskesmas__name"]


@admin.register(IkmPublication)
class IkmPublicationAdmin(admin.ModelAdmin):
    list_display = ["puskesmas", "period_key", "converted", "grade", "respondents", "version", "published_at"]
    list_filter = ["period_key", "grade"]
    readonly_fields = [f.name for f in IkmPublication._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["tracking_code", "puskesmas", "category", "status", "received_at", "due_at"]
    list_filter = ["status", "category"]
    search_fields = ["tracking_code", "puskesmas__name"]
