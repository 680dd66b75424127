"""The catalogue (frameworks, data elements, indicators, rules) and yearly targets."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.facilities.models import Puskesmas


class DataElement(BaseModel):
    """Something counted each month by every Puskesmas (e.g. pregnant women with a first ANC visit)."""

    class Aggregation(models.TextChoices):
        SUM = "sum", _("Jumlah kumulatif sejak Januari")
        LAST = "last", _("Nilai bulan terakhir")
        AVERAGE = "avg", _("Rata-rata bulanan")

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=250)
    unit = models.CharField(_("satuan"), max_length=40, default="orang")
    programme = models.CharField(_("program"), max_length=40, blank=True, db_index=True)
    aggregation = models.CharField(
        _("penjumlahan antarbulan"), max_length=4, choices=Aggregation.choices, default=Aggregation.SUM
    )
    allowed_values = models.JSONField(
        _("nilai yang diizinkan"),
        default=list,
        blank=True,
        help_text=_("Kosong: bilangan bulat 0 atau lebih. Misalnya [0, 4, 7, 10] untuk butir manajemen."),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("elemen data")
        verbose_name_plural = _("elemen data")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class TargetGroup(BaseModel):
    """A yearly target population (sasaran): pregnant women, births, under-fives, elderly, ..."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama sasaran"), max_length=200)
    estimate_percent = models.DecimalField(
        _("perkiraan (% penduduk)"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Rasio terhadap jumlah penduduk untuk memperkirakan sasaran; dapat diubah Dinas."),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kelompok sasaran")
        verbose_name_plural = _("kelompok sasaran")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Framework(BaseModel):
    """A family of indicators: SPM, PKP or the ILP clusters."""

    class Kind(models.TextChoices):
        SPM = "spm", _("Standar Pelayanan Minimal")
        PKP = "pkp", _("Penilaian Kinerja Puskesmas")
        ILP = "ilp", _("Klaster Integrasi Layanan Primer")

    code = models.SlugField(_("kode"), max_length=20, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=4, choices=Kind.choices)
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kerangka indikator")
        verbose_name_plural = _("kerangka indikator")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class FrameworkVersion(BaseModel):
    """One version of a framework, in force from a month on, with its category thresholds.

    Scores for a period use the version in force then, so past years stay reproducible after the
    catalogue changes: a change is a new version, never an edit of one already used.
    """

    framework = models.ForeignKey(
        Framework, verbose_name=_("kerangka"), on_delete=models.CASCADE, related_name="versions"
    )
    version = models.CharField(_("versi"), max_length=20)
    valid_from_year = models.PositiveSmallIntegerField(_("berlaku mulai tahun"))
    valid_from_month = models.PositiveSmallIntegerField(_("berlaku mulai bulan"), default=1)
    source = models.CharField(_("berkas sumber"), max_length=120, blank=True)
    source_checksum = models.CharField(_("checksum berkas"), max_length=64, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    # Category bands (DOMAIN Part A): round half-up to `decimals`, then >= good / >= fair / else poor.
    good_min = models.DecimalField(_("batas Baik (%)"), max_digits=6, decimal_places=2, default=91)
    fair_min = models.DecimalField(_("batas Cukup (%)"), max_digits=6, decimal_places=2, default=81)
    decimals = models.PositiveSmallIntegerField(_("pembulatan (desimal)"), default=0)
    mgmt_good_min = models.DecimalField(
        _("batas Baik manajemen"), max_digits=4, decimal_places=2, default=8.5
    )
    mgmt_fair_min = models.DecimalField(
        _("batas Cukup manajemen"), max_digits=4, decimal_places=2, default=5.5
    )
    mgmt_decimals = models.PositiveSmallIntegerField(_("pembulatan manajemen (desimal)"), default=1)
    headline_node = models.CharField(
        _("kode simpul nilai keseluruhan"),
        max_length=40,
        blank=True,
        help_text=_(
            "Simpul yang nilainya menjadi nilai keseluruhan Puskesmas; kosong: rata-rata simpul teratas."
        ),
    )

    class Meta:
        verbose_name = _("versi kerangka")
        verbose_name_plural = _("versi kerangka")
        ordering = ["framework", "-valid_from_year", "-valid_from_month"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "version"], name="framework_version_unique"),
            models.UniqueConstraint(
                fields=["framework", "valid_from_year", "valid_from_month"],
                name="framework_version_start_unique",
            ),
            models.CheckConstraint(
                condition=Q(valid_from_month__gte=1, valid_from_month__lte=12), name="framework_version_month"
            ),
            models.CheckConstraint(
                condition=Q(good_min__gte=models.F("fair_min")), name="framework_bands_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework} {self.version}"

    @property
    def start_key(self) -> int:
        return self.valid_from_year * 100 + self.valid_from_month


class Node(models.Model):
    """A group in a framework version's tree: programme, variable, SPM service, ILP cluster."""

    class Scale(models.TextChoices):
        PERCENT = "percent", _("Persen (0-100)")
        MANAGEMENT = "management", _("Skala manajemen (0-10)")

    version = models.ForeignKey(
        FrameworkVersion, verbose_name=_("versi kerangka"), on_delete=models.CASCADE, related_name="nodes"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=250)
    programme = models.CharField(_("program"), max_length=40, blank=True)
    scale = models.CharField(_("skala"), max_length=12, choices=Scale.choices, default=Scale.PERCENT)
    is_example = models.BooleanField(
        _("contoh yang perlu disesuaikan"),
        default=False,
        help_text=_("Bagian contoh yang perlu disesuaikan Dinas."),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kelompok indikator")
        verbose_name_plural = _("kelompok indikator")
        ordering = ["version", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="node_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Indicator(models.Model):
    """How an achievement is computed from data elements and targets, in one framework version."""

    class Method(models.TextChoices):
        PKP = "pkp", _("PKP: capaian terhadap target, maksimal 100")
        SPM = "spm", _("SPM: capaian terhadap sasaran, tidak dibatasi")
        MANAGEMENT = "management", _("Manajemen: nilai 0/4/7/10")

    class Polarity(models.TextChoices):
        HIGHER = "higher", _("Makin tinggi makin baik")
        LOWER = "lower", _("Makin rendah makin baik")
        RANGE = "range", _("Dalam rentang")

    version = models.ForeignKey(
        FrameworkVersion,
        verbose_name=_("versi kerangka"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    node = models.ForeignKey(
        Node, verbose_name=_("kelompok"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=250)
    method = models.CharField(_("cara penilaian"), max_length=12, choices=Method.choices, default=Method.PKP)
    numerator = models.ForeignKey(
        DataElement, verbose_name=_("pembilang"), on_delete=models.PROTECT, related_name="numerator_of"
    )
    denominator_element = models.ForeignKey(
        DataElement,
        verbose_name=_("penyebut (elemen data bulanan)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="denominator_of",
    )
    denominator_group = models.ForeignKey(
        TargetGroup,
        verbose_name=_("penyebut (sasaran tahunan)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    factor = models.PositiveIntegerField(_("faktor pengali"), default=100)
    target = models.DecimalField(_("target"), max_digits=8, decimal_places=2, default=100)
    target_high = models.DecimalField(
        _("batas atas target (rentang)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    polarity = models.CharField(_("arah"), max_length=6, choices=Polarity.choices, default=Polarity.HIGHER)
    unit = models.CharField(_("satuan capaian"), max_length=20, default="%")
    description = models.TextField(_("definisi operasional"), blank=True)
    is_example = models.BooleanField(_("contoh yang perlu disesuaikan"), default=False)
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["version", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=Q(denominator_element__isnull=True) | Q(denominator_group__isnull=True),
                name="indicator_one_denominator",
            ),
            models.CheckConstraint(
                condition=~Q(polarity="range") | Q(target_high__isnull=False), name="indicator_range_has_high"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class IndicatorTarget(models.Model):
    """The target of an indicator for one year (district-wide, or for one Puskesmas)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="yearly_targets"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    puskesmas = models.ForeignKey(
        Puskesmas,
        verbose_name=_("Puskesmas"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target = models.DecimalField(_("target"), max_digits=8, decimal_places=2)
    target_high = models.DecimalField(
        _("batas atas target"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("target indikator tahunan")
        verbose_name_plural = _("target indikator tahunan")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=Q(puskesmas__isnull=True),
                name="indicator_target_district",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "puskesmas"],
                condition=Q(puskesmas__isnull=False),
                name="indicator_target_puskesmas",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}: {self.target}"


class Target(BaseModel):
    """A Puskesmas' yearly target population (sasaran) for one group."""

    class Source(models.TextChoices):
        ENTERED = "entered", _("Diisi")
        ESTIMATED = "estimated", _("Perkiraan dari jumlah penduduk")
        IMPORTED = "imported", _("Diimpor")

    puskesmas = models.ForeignKey(
        Puskesmas, verbose_name=_("Puskesmas"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    group = models.ForeignKey(
        TargetGroup, verbose_name=_("sasaran"), on_delete=models.PROTECT, related_name="targets"
    )
    value = models.PositiveIntegerField(_("jumlah sasaran"))
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices, default=Source.ENTERED)

    class Meta:
        verbose_name = _("sasaran tahunan")
        verbose_name_plural = _("sasaran tahunan")
        constraints = [
            models.UniqueConstraint(fields=["puskesmas", "year", "group"], name="target_unique"),
        ]
        indexes = [models.Index(fields=["year", "puskesmas"], name="target_year_puskesmas")]

    def __str__(self) -> str:
        return f"{self.group_id} {self.year}: {self.value}"


class ValidationRule(BaseModel):
    """A consistency rule between data elements, e.g. K4 visits may not exceed K1 visits."""

    class Kind(models.TextChoices):
        NOT_ABOVE = "not_above", _("Tidak boleh melebihi")
        OUTLIER = "outlier", _("Jauh dari riwayat sendiri (ditandai, tidak ditolak)")

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    element = models.ForeignKey(
        DataElement,
        verbose_name=_("elemen"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kosong pada aturan riwayat: berlaku untuk semua elemen."),
    )
    other = models.ForeignKey(
        DataElement,
        verbose_name=_("elemen pembanding"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    factor = models.DecimalField(
        _("faktor"),
        max_digits=6,
        decimal_places=2,
        default=3,
        help_text=_("Untuk riwayat: berapa kali median."),
    )
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("aturan validasi")
        verbose_name_plural = _("aturan validasi")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="not_above") | Q(other__isnull=False), name="rule_not_above_has_other"
            ),
        ]

    def __str__(self) -> str:
        return self.code
