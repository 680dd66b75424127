from django.urls import path

from kinerja.satisfaction.views import public

app_name = "satisfaction_public"
urlpatterns = [
    path("survei/<slug:slug>/", public.survey_units, name="survey_units"),
    path("survei/<slug:slug>/terima-kasih/", public.thanks, name="thanks"),
    path("survei/<slug:slug>/<slug:unit_code>/", public.survey, name="survey"),
    path("survei/<slug:slug>/<slug:unit_code>/kios/", public.kiosk, name="kiosk"),
    path("survei/<slug:slug>/<slug:unit_code>/kirim/", public.kiosk_submit, name="kiosk_submit"),
    path("pengaduan/", public.complaint_start, name="complaint_start"),
    path("pengaduan/terkirim/", public.complaint_filed, name="complaint_filed"),
    path("pengaduan/lacak/", public.complaint_status, name="complaint_status"),
    path("pengaduan/<slug:slug>/", public.complaint_new, name="complaint_new"),
]
