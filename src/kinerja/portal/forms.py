from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.portal.models import Announcement, Article, ArticleImage, Programme, ScreenSettings

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "category", "summary", "body", "cover", "cover_alt"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 18, "cols": 80}),
            "summary": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "body": _(
                "Tulis dengan Markdown: ## untuk subjudul, * untuk daftar, **tebal**. Gambar: unggah di bawah, "
                "lalu salin kodenya ke sini."
            )
        }

    def clean(self):
        data = super().clean()
        if data.get("cover") and not data.get("cover_alt"):
            self.add_error(
                "cover_alt", _("Isi keterangan gambar untuk pembaca yang tidak dapat melihat gambar.")
            )
        return data


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["title", "kind", "description", "eligibility", "schedule", "place"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class AnnouncementForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Tayang mulai"),
        required=False,
        widget=LOCAL_DATETIME,
        help_text=_("Kosongkan untuk menayangkan sekarang."),
    )
    unpublish_at = forms.DateTimeField(
        label=_("Tayang sampai"),
        required=False,
        widget=LOCAL_DATETIME,
        help_text=_("Kosongkan bila tidak ada batas waktu."),
    )


class ArticleImageForm(forms.ModelForm):
    class Meta:
        model = ArticleImage
        fields = ["image", "alt"]


class ScreenSettingsForm(forms.ModelForm):
    slide_kinds = forms.MultipleChoiceField(
        label=_("Jenis slide yang ditayangkan"),
        choices=ScreenSettings.SlideKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )

    class Meta:
        model = ScreenSettings
        fields = ["slide_seconds", "slide_kinds", "running_text"]
        widgets = {"running_text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("slide_kinds", self.instance.kinds)
        if not self.instance.slide_kinds:
            self.initial["slide_kinds"] = self.instance.kinds

    def clean_slide_seconds(self):
        seconds = self.cleaned_data["slide_seconds"]
        if not 5 <= seconds <= 120:
            raise forms.ValidationError(_("Lama tiap slide harus antara 5 dan 120 detik."))
        return seconds
