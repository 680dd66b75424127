from django.urls import path

from kinerja.satisfaction.views import complaints, internal, reports

app_name = "satisfaction"
urlpatterns = [
    path("", internal.index, name="index"),
    path("perbandingan/", internal.comparison, name="comparison"),
    path("perbandingan.xlsx", reports.comparison_xlsx, name="comparison_xlsx"),
    path("<slug:slug>/", internal.dashboard, name="dashboard"),
    path("<slug:slug>/poster/", internal.puskesmas_poster, name="puskesmas_poster"),
    path("<slug:slug>/unit/", internal.unit_list, name="unit_list"),
    path("<slug:slug>/unit/<int:unit_id>/", internal.unit_edit, name="unit_edit"),
    path("<slug:slug>/unit/<int:unit_id>/qr.svg", internal.unit_qr, name="unit_qr"),
    path("<slug:slug>/unit/<int:unit_id>/poster/", internal.unit_poster, name="unit_poster"),
    path("<slug:slug>/entri/", internal.paper_entry, name="paper_entry"),
    path("<slug:slug>/impor/", internal.file_upload, name="file_upload"),
    path("<slug:slug>/laporan/", reports.report, name="report"),
    path("<slug:slug>/laporan/terbitkan/", reports.report_publish, name="report_publish"),
    path("<slug:slug>/laporan.pdf", reports.report_pdf, name="report_pdf"),
    path("<slug:slug>/laporan.xlsx", reports.report_xlsx, name="report_xlsx"),
    path("<slug:slug>/pengaduan/", complaints.complaint_list, name="complaint_list"),
    path("<slug:slug>/pengaduan/<int:complaint_id>/", complaints.complaint_detail, name="complaint_detail"),
]
