from django.urls import path

from kinerja.portal.views import manage, opendata, public, screen

app_name = "portal"
urlpatterns = [
    path("", public.home, name="home"),
    path("kabupaten/<str:district_code>/", public.district_page, name="district"),
    path("puskesmas/<slug:slug>/", public.puskesmas_page, name="puskesmas"),
    path("artikel/", public.article_list, name="article_list"),
    path("artikel/<slug:article_slug>/", public.article_page, name="article"),
    path("layar/<slug:slug>/", screen.screen, name="screen"),
    path("layar/<slug:slug>/playlist.json", screen.playlist, name="playlist"),
    path("data-terbuka/", opendata.open_data, name="open_data"),
    path("data-terbuka/capaian.csv", opendata.achievements_csv, name="open_data_csv"),
    path("data-terbuka/capaian.json", opendata.achievements_json_view, name="open_data_json"),
    path("data-terbuka/kamus.csv", opendata.dictionary_csv, name="open_data_dictionary_csv"),
    path("data-terbuka/kamus.json", opendata.dictionary_json, name="open_data_dictionary_json"),
    path("media/<path:path>", public.media, name="media"),
    path("kelola/konten/", manage.content_list, name="content_list"),
    path("kelola/konten/layar/<slug:slug>/", manage.screen_settings, name="screen_settings"),
    path("kelola/konten/artikel/baru/", manage.EDIT["article"], name="article_new"),
    path("kelola/konten/artikel/<int:article_id>/", manage.EDIT["article"], name="article_edit"),
    path(
        "kelola/konten/artikel/<int:article_id>/terbitkan/", manage.PUBLISH["article"], name="article_publish"
    ),
    path(
        "kelola/konten/artikel/<int:article_id>/tarik/", manage.WITHDRAW["article"], name="article_withdraw"
    ),
    path("kelola/konten/artikel/<int:article_id>/gambar/", manage.article_image, name="article_image"),
    path("kelola/konten/program/baru/", manage.EDIT["programme"], name="programme_new"),
    path("kelola/konten/program/<int:programme_id>/", manage.EDIT["programme"], name="programme_edit"),
    path(
        "kelola/konten/program/<int:programme_id>/terbitkan/",
        manage.PUBLISH["programme"],
        name="programme_publish",
    ),
    path(
        "kelola/konten/program/<int:programme_id>/tarik/",
        manage.WITHDRAW["programme"],
        name="programme_withdraw",
    ),
    path("kelola/konten/pengumuman/baru/", manage.EDIT["announcement"], name="announcement_new"),
    path(
        "kelola/konten/pengumuman/<int:announcement_id>/",
        manage.EDIT["announcement"],
        name="announcement_edit",
    ),
    path(
        "kelola/konten/pengumuman/<int:announcement_id>/terbitkan/",
        manage.PUBLISH["announcement"],
        name="announcement_publish",
    ),
    path(
        "kelola/konten/pengumuman/<int:announcement_id>/tarik/",
        manage.WITHDRAW["announcement"],
        name="announcement_withdraw",
    ),
]
