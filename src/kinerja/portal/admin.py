from django.contrib import admin

from kinerja.portal.models import Announcement, Article, Programme, ScreenSettings


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "puskesmas", "district", "status", "publish_at", "unpublish_at"]
    list_filter = ["status", "category"]
    search_fields = ["title", "summary"]
    readonly_fields = ["body_html", "author", "published_by"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "puskesmas", "district", "status", "publish_at"]
    list_filter = ["status", "kind"]


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["title", "puskesmas", "district", "status", "publish_at", "unpublish_at"]
    list_filter = ["status"]


@admin.register(ScreenSettings)
class ScreenSettingsAdmin(admin.ModelAdmin):
    list_display = ["puskesmas", "slide_seconds"]
