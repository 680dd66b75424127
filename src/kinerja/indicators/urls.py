from django.urls import path

from kinerja.indicators import views, views_district, views_exchange

app_name = "indicators"
urlpatterns = [
    path("", views_district.dashboard, name="dashboard"),
    path("saya/", views.my_reports, name="my_reports"),
    path("kelengkapan/", views_district.completeness_page, name="completeness"),
    path("perbandingan/", views_district.compare, name="compare"),
    path("katalog/", views_district.catalogue_page, name="catalogue"),
    path("impor-ekspor/", views_exchange.district_exchange, name="exchange_district"),
    path("laporan/<int:report_id>/status/", views.report_status, name="report_status"),
    path("<slug:slug>/", views.puskesmas_page, name="puskesmas"),
    path("<slug:slug>/sasaran/<int:year>/", views.targets, name="targets"),
    path("<slug:slug>/indikator/<int:indicator_id>/", views.indicator_detail, name="indicator_detail"),
    path("<slug:slug>/<int:year>/<int:month>/", views.report_grid, name="report_grid"),
    path("<slug:slug>/<int:year>/<int:month>/sel/<int:element_id>/", views.report_cell, name="report_cell"),
]

# Import/export and the annual report (views_exchange.py).
urlpatterns += [
    path("unduh/kabupaten.csv", views_exchange.export_district_csv, name="exchange_district_csv"),
    path("<slug:slug>/pertukaran/<int:year>/", views_exchange.exchange_page, name="exchange"),
    path("<slug:slug>/pertukaran/<int:year>/unduh.xlsx", views_exchange.export_xlsx, name="exchange_xlsx"),
    path("<slug:slug>/pertukaran/<int:year>/unduh.csv", views_exchange.export_csv, name="exchange_csv"),
    path("<slug:slug>/laporan-tahunan/<int:year>.pdf", views_exchange.annual_pdf, name="annual_pdf"),
    path("<slug:slug>/laporan-tahunan/<int:year>.xlsx", views_exchange.annual_xlsx, name="annual_xlsx"),
    path(
        "<slug:slug>/sasaran/<int:year>/unduh.xlsx", views_exchange.targets_xlsx, name="exchange_targets_xlsx"
    ),
    path("<slug:slug>/sasaran/<int:year>/impor/", views_exchange.targets_upload, name="exchange_targets"),
]
