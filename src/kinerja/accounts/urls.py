from django.contrib.auth import views as auth_views
from django.urls import path

from kinerja.accounts import views
from kinerja.core.decorators import public

app_name = "accounts"
urlpatterns = [
    path("masuk/", public(views.LoginView.as_view()), name="login"),
    path("keluar/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("kelola/", views.home, name="home"),
    path("kelola/pengguna/", views.user_list, name="user_list"),
    path("kelola/pengguna/<int:user_id>/sandi/", views.user_password_reset, name="user_password_reset"),
]
