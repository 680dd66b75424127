from django.urls import path

from kinerja.facilities import views

app_name = "facilities"
urlpatterns = [
    path("", views.puskesmas_list, name="puskesmas_list"),
    path("<slug:slug>/", views.puskesmas_detail, name="puskesmas_detail"),
]
