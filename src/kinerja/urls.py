from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Kinerja Puskesmas: data master")
admin.site.site_title = _("Kinerja Puskesmas")
admin.site.index_title = _("Data master Dinas Kesehatan")

urlpatterns = [
    path("", include("kinerja.accounts.urls")),
    path("kelola/puskesmas/", include("kinerja.facilities.urls")),
    path("kelola/indikator/", include("kinerja.indicators.urls")),
    path("kelola/supervisi/", include("kinerja.supervision.urls")),
    path("kelola/skm/", include("kinerja.satisfaction.urls")),
    path("kelola/luar-gedung/", include("kinerja.outreach.urls")),
    path("kelola/rujukan/", include("kinerja.referrals.urls")),
    path("kelola/ketenagaan/", include("kinerja.workforce.urls")),
    path("kelola/admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("kinerja.api.urls")),
    path("", include("kinerja.satisfaction.public_urls")),
    path("", include("kinerja.portal.urls")),
]
