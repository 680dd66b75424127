from django.urls import path  # noqa: F401

app_name = "satisfaction_public"
urlpatterns: list = []
