from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.access import Role, effective_role

# The internal menu, in order: (label, URL name). An entry shows only to the roles its view admits
# (read from the view's role_required declaration), so the menu can never offer a refused page.
MENU = [
    (_("Beranda"), "accounts:home"),
    (_("Puskesmas"), "facilities:puskesmas_list"),
    (_("Laporan dan kinerja"), "indicators:my_reports"),
    (_("Kepuasan pasien (SKM)"), "satisfaction:index"),
    (_("Konten portal"), "portal:content_list"),
    (_("Pengguna"), "accounts:user_list"),
]


def navigation(request):
    """The menu a signed-in user sees: only what their role may open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    role = effective_role(user)
    items = []
    for label, name in MENU:
        url = reverse(name)
        if role in getattr(resolve(url).func, "access_roles", ()):
            items.append((label, url))
    if user.is_puskesmas_staff and user.puskesmas_id:
        items.insert(
            1, (_("Profil Puskesmas"), reverse("facilities:puskesmas_detail", args=[user.puskesmas.slug]))
        )
    if user.is_staff:
        items.append((_("Data master"), reverse("admin:index")))
    return {"nav_items": items, "nav_role": dict(Role.choices).get(role, "")}
