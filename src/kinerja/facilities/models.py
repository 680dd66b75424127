from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.regions.models import Region


class Service(models.Model):
    """A service a Puskesmas may offer (general clinic, dental, laboratory, delivery, ...)."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama layanan"), max_length=120)

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PuskesmasQuerySet(models.QuerySet):
    def in_district(self, district: Region) -> "PuskesmasQuerySet":
        return self.filter(district=district)


class Puskesmas(BaseModel):
    class AreaCategory(models.TextChoices):
        URBAN = "perkotaan", _("Perkotaan")
        RURAL = "perdesaan", _("Perdesaan")
        REMOTE = "terpencil", _("Terpencil")
        VERY_REMOTE = "sangat_terpencil", _("Sangat terpencil")

    code = models.CharField(
        _("kode Puskesmas (Kemenkes)"), max_length=11, unique=True, help_text=_("Huruf P diikuti 10 angka.")
    )
    name = models.CharField(_("nama"), max_length=120)
    slug = models.SlugField(_("alamat halaman"), max_length=80, unique=True)
    district = models.ForeignKey(
        Region,
        verbose_name=_("kabupaten/kota"),
        on_delete=models.PROTECT,
        related_name="district_puskesmas",
        limit_choices_to={"level": Region.Level.REGENCY},
    )
    subdistrict = models.ForeignKey(
        Region,
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="subdistrict_puskesmas",
        limit_choices_to={"level": Region.Level.SUBDISTRICT},
    )
    inpatient = models.BooleanField(_("rawat inap"), default=False)
    area_category = models.CharField(_("kategori kawasan"), max_length=20, choices=AreaCategory.choices)
    address = models.CharField(_("alamat"), max_length=250, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    opening_hours = models.TextField(
        _("jam buka"), blank=True, help_text=_("Satu baris per hari, misalnya: Senin-Kamis 07.30-14.00")
    )
    services = models.ManyToManyField(Service, verbose_name=_("layanan"), blank=True)
    catchment_villages = models.ManyToManyField(
        Region,
        verbose_name=_("desa/kelurahan wilayah kerja"),
        blank=True,
        related_name="catchment_puskesmas",
        limit_choices_to={"level": Region.Level.VILLAGE},
    )

    objects = PuskesmasQuerySet.as_manager()

    class Meta:
        verbose_name = _("Puskesmas")
        verbose_name_plural = _("Puskesmas")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^P\d{10}$"), name="puskesmas_code_format"
            ),
        ]

    def __str__(self) -> str:
        return f"Puskesmas {self.name}"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Facility(BaseModel):
    """A facility in a Puskesmas' network: its own Pustu and Posyandu, and private or public partners."""

    class Kind(models.TextChoices):
        PUSTU = "pustu", _("Puskesmas Pembantu (Pustu)")
        POSYANDU = "posyandu", _("Posyandu")
        CLINIC = "klinik", _("Klinik pratama")
        DOCTOR = "praktik_dokter", _("Praktik mandiri dokter")
        DENTIST = "praktik_dokter_gigi", _("Praktik mandiri dokter gigi")
        MIDWIFE = "praktik_bidan", _("Praktik mandiri bidan")
        LABORATORY = "laboratorium", _("Laboratorium")
        PHARMACY = "apotek", _("Apotek")
        HOSPITAL = "rumah_sakit", _("Rumah sakit")

    OWN_NETWORK = (Kind.PUSTU, Kind.POSYANDU)

    class Ownership(models.TextChoices):
        GOVERNMENT = "pemerintah", _("Pemerintah")
        PRIVATE = "swasta", _("Swasta")
        COMMUNITY = "masyarakat", _("Masyarakat")

    kind = models.CharField(_("jenis"), max_length=24, choices=Kind.choices)
    name = models.CharField(_("nama"), max_length=150)
    code = models.CharField(_("kode fasilitas"), max_length=30, blank=True)
    ownership = models.CharField(_("kepemilikan"), max_length=12, choices=Ownership.choices)
    puskesmas = models.ForeignKey(
        Puskesmas,
        verbose_name=_("Puskesmas jejaring"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="facilities",
        help_text=_("Kosong untuk rumah sakit yang melayani seluruh kabupaten/kota."),
    )
    district = models.ForeignKey(
        Region,
        verbose_name=_("kabupaten/kota"),
        on_delete=models.PROTECT,
        related_name="district_facilities",
        limit_choices_to={"level": Region.Level.REGENCY},
    )
    village = models.ForeignKey(
        Region,
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="village_facilities",
        limit_choices_to={"level": Region.Level.VILLAGE},
    )
    hamlet = models.ForeignKey(
        Region,
        verbose_name=_("dusun"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hamlet_facilities",
        limit_choices_to={"level": Region.Level.HAMLET},
    )
    address = models.CharField(_("alamat"), max_length=250, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("fasilitas jejaring")
        verbose_name_plural = _("fasilitas jejaring")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind__in=["pustu", "posyandu"]) | models.Q(puskesmas__isnull=False),
                name="own_network_has_puskesmas",
            ),
        ]

    def __str__(self) -> str:
        return self.name
