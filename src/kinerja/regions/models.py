from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel

# Kemendagri codes with dots (DOMAIN.md 7.1) plus our dusun suffix; lives in codes.py, re-exported here.
from kinerja.regions.codes import CODE_PATTERN  # noqa: F401


class RegionQuerySet(models.QuerySet):
    def within(self, code: str) -> "RegionQuerySet":
        """The region with this code and everything under it."""
        return self.filter(models.Q(code=code) | models.Q(code__startswith=code + "."))


class Region(BaseModel):
    """One administrative area, keyed by its official Kemendagri code."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Provinsi")
        REGENCY = 2, _("Kabupaten/Kota")
        SUBDISTRICT = 3, _("Kecamatan")
        VILLAGE = 4, _("Desa/Kelurahan")
        HAMLET = 5, _("Dusun")

    class Kind(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")
        KECAMATAN = "kecamatan", _("Kecamatan")
        DISTRIK = "distrik", _("Distrik")
        KELURAHAN = "kelurahan", _("Kelurahan")
        DESA = "desa", _("Desa")
        DESA_ADAT = "desa_adat", _("Desa adat")
        DUSUN = "dusun", _("Dusun")

    class Remoteness(models.TextChoices):
        URBAN = "perkotaan", _("Perkotaan")
        RURAL = "perdesaan", _("Perdesaan")
        REMOTE = "terpencil", _("Terpencil")
        VERY_REMOTE = "sangat_terpencil", _("Sangat terpencil")

    code = models.CharField(_("kode"), max_length=16, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=Level.choices)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    remoteness = models.CharField(
        _("kategori wilayah"), max_length=20, choices=Remoteness.choices, blank=True
    )
    population = models.PositiveIntegerField(_("jumlah penduduk"), null=True, blank=True)
    travel_minutes = models.PositiveIntegerField(
        _("waktu tempuh ke Puskesmas (menit)"), null=True, blank=True
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level=1, parent__isnull=True)
                | models.Q(level__gt=1, parent__isnull=False),
                name="region_parent_matches_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def label(self) -> str:
        """`Kabupaten Luwu Utara`, `Desa Pattimang`; a name that already starts with its kind
        (a dusun written `Dusun Bone-Bone`) is not prefixed twice."""
        kind = str(self.get_kind_display())
        if self.name.lower().startswith(kind.lower() + " "):
            return self.name
        return f"{kind} {self.name}"
