from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.accounts.access import DISTRICT_ROLES, Role, effective_role


def navigation(request):
    """The menu a signed-in user sees: only what their role may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    role = effective_role(user)
    items = [(_("Beranda"), reverse("accounts:home"))]
    if role in DISTRICT_ROLES:
        items.append((_("Puskesmas"), reverse("facilities:puskesmas_list")))
        items.append((_("Kinerja"), reverse("indicators:dashboard")))
    elif user.puskesmas_id:
        items.append(
            (_("Profil Puskesmas"), reverse("facilities:puskesmas_detail", args=[user.puskesmas.slug]))
        )
        items.append((_("Laporan dan kinerja"), reverse("indicators:puskesmas", args=[user.puskesmas.slug])))
    if role == Role.DISTRICT_ADMIN:
        items.append((_("Pengguna"), reverse("accounts:user_list")))
    if user.is_staff:
        items.append((_("Data master"), reverse("admin:index")))
    return {"nav_items": items, "nav_role": dict(Role.choices).get(role, "")}
