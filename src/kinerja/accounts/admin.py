from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.admin_scope import ScopedAdminMixin
from kinerja.accounts.models import User

ROLE_FIELDS = (_("Peran dan wilayah kerja"), {"fields": ["role", "region", "puskesmas", "program", "phone"]})
# Only the installation's superuser may grant staff, superuser or raw permissions.
PRIVILEGE_FIELDS = ["is_staff", "is_superuser", "groups", "user_permissions"]


@admin.register(User)
class UserAdmin(ScopedAdminMixin, DjangoUserAdmin):
    scope = "user"
    list_display = ["username", "first_name", "last_name", "role", "puskesmas", "region", "is_active"]
    list_filter = ["role", "is_active"]
    raw_id_fields = ["region", "puskesmas"]
    fieldsets = [*DjangoUserAdmin.fieldsets, ROLE_FIELDS]
    add_fieldsets = [*DjangoUserAdmin.add_fieldsets, ROLE_FIELDS]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += PRIVILEGE_FIELDS
        return readonly
