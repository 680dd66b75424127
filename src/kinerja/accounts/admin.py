from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "puskesmas", "region", "is_active"]
    list_filter = ["role", "is_active", "puskesmas"]
    raw_id_fields = ["region", "puskesmas"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Peran dan wilayah kerja"), {"fields": ["role", "region", "puskesmas", "program", "phone"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Peran dan wilayah kerja"), {"fields": ["role", "region", "puskesmas", "program"]}),
    ]
