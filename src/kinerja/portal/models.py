"""Content the portal owns: education articles, service programmes, announcements, screen settings.

Every piece of content belongs to a district and, optionally, to one of its Puskesmas (empty means
district content). It is public only while it is published and inside its publishing window.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.facilities.models import Puskesmas
from kinerja.regions.models import Region


class ContentQuerySet(models.QuerySet):
    def published(self, now=None) -> "ContentQuerySet":
        """Content a citizen may see at `now`: published, started, not yet withdrawn."""
        now = now or timezone.now()
        return self.filter(status=Content.Status.PUBLISHED, publish_at__lte=now).filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now)
        )

    def of_puskesmas(self, puskesmas: Puskesmas) -> "ContentQuerySet":
        return self.filter(puskesmas=puskesmas)

    def of_district(self, district: Region) -> "ContentQuerySet":
        return self.filter(district=district, puskesmas__isnull=True)

    def for_puskesmas_page(self, puskesmas: Puskesmas) -> "ContentQuerySet":
        """A Puskesmas' own content and its district's content."""
        return self.filter(
            Q(puskesmas=puskesmas) | Q(district_id=puskesmas.district_id, puskesmas__isnull=True)
        )


class Content(BaseModel):
    """Fields and workflow shared by articles, programmes and announcements."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        PUBLISHED = "published", _("Terbit")

    district = models.ForeignKey(
        Region,
        verbose_name=_("kabupaten/kota"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Region.Level.REGENCY},
    )
    puskesmas = models.ForeignKey(
        Puskesmas,
        verbose_name=_("Puskesmas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kosong untuk konten Dinas Kesehatan."),
    )
    title = models.CharField(_("judul"), max_length=160)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(_("tayang mulai"), null=True, blank=True)
    unpublish_at = models.DateTimeField(_("tayang sampai"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-publish_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_label(self) -> str:
        return str(self.puskesmas) if self.puskesmas_id else _("Dinas Kesehatan")

    def is_public(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    @classmethod
    def window_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=Q(unpublish_at__isnull=True)
            | Q(publish_at__isnull=True)
            | Q(unpublish_at__gt=models.F("publish_at")),
            name=name,
        )

    @classmethod
    def published_has_start(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=~Q(status="published") | Q(publish_at__isnull=False), name=name
        )


class Article(Content):
    """A health-education article written in Markdown; `body_html` is its sanitised rendering."""

    class Category(models.TextChoices):
        COMMUNICABLE = "penyakit_menular", _("Penyakit menular")
        NON_COMMUNICABLE = "penyakit_tidak_menular", _("Penyakit tidak menular")
        NUTRITION = "gizi_stunting", _("Gizi dan stunting")
        IMMUNISATION = "imunisasi", _("Imunisasi")
        MOTHER_CHILD = "kia", _("Kesehatan ibu dan anak")
        PHBS = "phbs", _("Perilaku hidup bersih dan sehat (PHBS)")
        ENVIRONMENT = "kesehatan_lingkungan", _("Kesehatan lingkungan")
        OTHER = "lainnya", _("Lainnya")

    slug = models.SlugField(_("alamat halaman"), max_length=180, unique=True)
    category = models.CharField(_("kategori"), max_length=30, choices=Category.choices)
    summary = models.CharField(
        _("ringkasan"),
        max_length=300,
        help_text=_("Satu atau dua kalimat; tampil di daftar dan di layar TV."),
    )
    body = models.TextField(_("isi (Markdown)"))
    body_html = models.TextField(_("isi (HTML tersaring)"), editable=False, default="")
    cover = models.ImageField(_("gambar utama"), upload_to="portal/articles/%Y/%m/", blank=True)
    cover_alt = models.CharField(_("keterangan gambar"), max_length=200, blank=True)

    class Meta(Content.Meta):
        verbose_name = _("artikel edukasi")
        verbose_name_plural = _("artikel edukasi")
        constraints = [
            Content.window_constraint("article_window_order"),
            Content.published_has_start("article_published_has_start"),
        ]
        indexes = [models.Index(fields=["status", "publish_at"])]


class ArticleImage(BaseModel):
    """An image uploaded for use inside an article's Markdown."""

    article = models.ForeignKey(
        Article, verbose_name=_("artikel"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("gambar"), upload_to="portal/images/%Y/%m/")
    alt = models.CharField(_("keterangan gambar"), max_length=200)

    class Meta:
        verbose_name = _("gambar artikel")
        verbose_name_plural = _("gambar artikel")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.alt

    @property
    def markdown(self) -> str:
        return f"![{self.alt}]({self.image.url})"


class Programme(Content):
    """A service programme: what it is, who may use it, when and where."""

    class Kind(models.TextChoices):
        POSYANDU = "posyandu", _("Posyandu")
        IMMUNISATION = "imunisasi", _("Imunisasi")
        PROLANIS = "prolanis", _("Prolanis")
        PREGNANCY_CLASS = "kelas_ibu_hamil", _("Kelas ibu hamil")
        OUTREACH = "pusling", _("Puskesmas keliling")
        OTHER = "lainnya", _("Lainnya")

    kind = models.CharField(_("jenis program"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("keterangan"))
    eligibility = models.CharField(_("siapa yang boleh ikut"), max_length=250)
    schedule = models.CharField(
        _("jadwal"), max_length=250, help_text=_("Misalnya: Setiap Selasa minggu kedua, 08.00-11.00")
    )
    place = models.CharField(_("tempat"), max_length=250)

    class Meta(Content.Meta):
        verbose_name = _("program layanan")
        verbose_name_plural = _("program layanan")
        constraints = [
            Content.window_constraint("programme_window_order"),
            Content.published_has_start("programme_published_has_start"),
        ]


class Announcement(Content):
    """A short notice (closing days, campaigns, changed hours)."""

    body = models.TextField(_("isi pengumuman"), max_length=600)

    class Meta(Content.Meta):
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
        constraints = [
            Content.window_constraint("announcement_window_order"),
            Content.published_has_start("announcement_published_has_start"),
        ]


class ScreenSettings(BaseModel):
    """How a Puskesmas' waiting-room screen plays: slide time, which kinds of slide, running text."""

    class SlideKind(models.TextChoices):
        PROFILE = "profile", _("Profil dan jam layanan")
        ACHIEVEMENTS = "achievements", _("Capaian kinerja")
        ARTICLES = "articles", _("Edukasi kesehatan")
        PROGRAMMES = "programmes", _("Program dan jadwal")
        ANNOUNCEMENTS = "announcements", _("Pengumuman")

    puskesmas = models.OneToOneField(
        Puskesmas, verbose_name=_("Puskesmas"), on_delete=models.CASCADE, related_name="screen_settings"
    )
    slide_seconds = models.PositiveSmallIntegerField(
        _("lama tiap slide (detik)"), default=15, help_text=_("Antara 5 dan 120 detik.")
    )
    slide_kinds = models.JSONField(_("jenis slide yang ditayangkan"), default=list, blank=True)
    running_text = models.CharField(_("teks berjalan"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("pengaturan layar ruang tunggu")
        verbose_name_plural = _("pengaturan layar ruang tunggu")
        constraints = [
            models.CheckConstraint(
                condition=Q(slide_seconds__gte=5, slide_seconds__lte=120), name="screen_slide_seconds_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.puskesmas}"

    @property
    def kinds(self) -> list[str]:
        return list(self.slide_kinds) or [k.value for k in self.SlideKind]
