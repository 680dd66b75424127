"""The satisfaction survey (SKM), its published index (IKM) and public complaints (pengaduan).

The questionnaire is data: a `SurveyVersion` holds its elements (unsur) with their question and
four answer levels, the weights and the grade bands. Every response and every published IKM points
at the version it was given or computed with, so editing a version never rewrites history.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.facilities.models import Puskesmas
from kinerja.regions.models import Region


class SurveyVersion(BaseModel):
    """One questionnaire with its weights and grade bands (e.g. PermenPAN-RB 14/2017, weights 1/9)."""

    class Weighting(models.TextChoices):
        EQUAL = "equal", _("Sama rata, tepat 1/n per unsur")
        CUSTOM = "custom", _("Bobot per unsur (misalnya 0,111)")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=150)
    regulation = models.CharField(_("dasar aturan"), max_length=150, blank=True)
    district = models.ForeignKey(
        Region,
        verbose_name=_("kabupaten/kota"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kosong: berlaku untuk semua kabupaten/kota yang tidak punya versi sendiri."),
    )
    weighting = models.CharField(_("cara pembobotan"), max_length=10, choices=Weighting.choices)
    scale_max = models.PositiveSmallIntegerField(_("nilai jawaban tertinggi"), default=4)
    valid_from = models.DateField(_("berlaku sejak"))
    active = models.BooleanField(_("dipakai untuk survei baru"), default=True)

    class Meta:
        verbose_name = _("versi kuesioner SKM")
        verbose_name_plural = _("versi kuesioner SKM")
        ordering = ["-valid_from", "code"]

    def __str__(self) -> str:
        return self.name


class SurveyElement(models.Model):
    """One unsur of a questionnaire: its number, name, question and the wording of answers 1..4."""

    version = models.ForeignKey(SurveyVersion, on_delete=models.CASCADE, related_name="elements")
    number = models.PositiveSmallIntegerField(_("nomor"))
    name = models.CharField(_("unsur"), max_length=120)
    question = models.CharField(_("pertanyaan"), max_length=300)
    answer_labels = models.JSONField(_("pilihan jawaban (nilai 1 sampai 4)"), default=list)
    weight = models.DecimalField(
        _("bobot"),
        max_digits=7,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Hanya untuk bobot per unsur."),
    )

    class Meta:
        verbose_name = _("unsur SKM")
        verbose_name_plural = _("unsur SKM")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="skm_element_number_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="skm_element_number_positive"),
        ]

    def __str__(self) -> str:
        return f"U{self.number} {self.name}"

    @property
    def code(self) -> str:
        return f"U{self.number}"


class GradeBand(models.Model):
    """A converted IKM at or above `minimum` has this mutu pelayanan (grade) and kinerja unit (label)."""

    version = models.ForeignKey(SurveyVersion, on_delete=models.CASCADE, related_name="bands")
    minimum = models.DecimalField(_("nilai konversi terendah"), max_digits=5, decimal_places=2)
    grade = models.CharField(_("mutu pelayanan"), max_length=2)
    label = models.CharField(_("kinerja unit pelayanan"), max_length=40)

    class Meta:
        verbose_name = _("kategori mutu")
        verbose_name_plural = _("kategori mutu")
        ordering = ["version", "-minimum"]
        constraints = [models.UniqueConstraint(fields=["version", "grade"], name="skm_band_grade_unique")]

    def __str__(self) -> str:
        return f"{self.grade} {self.label} (>= {self.minimum})"


class ServiceUnit(BaseModel):
    """A service unit of a Puskesmas that patients rate (registration, general clinic, KIA, ...)."""

    class Kind(models.TextChoices):
        REGISTRATION = "pendaftaran", _("Pendaftaran")
        GENERAL = "umum", _("Poli umum")
        MCH = "kia", _("Kesehatan ibu dan anak (KIA/KB)")
        DENTAL = "gigi", _("Poli gigi")
        LABORATORY = "laboratorium", _("Laboratorium")
        PHARMACY = "farmasi", _("Farmasi/apotek")
        INPATIENT = "rawat_inap", _("Rawat inap")
        EMERGENCY = "ugd", _("Gawat darurat")
        OTHER = "lainnya", _("Lainnya")

    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.CASCADE, related_name="survey_units")
    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama unit"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    monthly_visits = models.PositiveIntegerField(
        _("kunjungan per bulan"),
        default=300,
        help_text=_("Rata-rata pengguna layanan per bulan; dasar populasi untuk sampel minimum."),
    )
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("unit layanan")
        verbose_name_plural = _("unit layanan")
        ordering = ["puskesmas", "name"]
        constraints = [models.UniqueConstraint(fields=["puskesmas", "code"], name="skm_unit_code_unique")]

    def __str__(self) -> str:
        return self.name


class ResponseQuerySet(models.QuerySet):
    def for_period(self, period) -> "ResponseQuerySet":
        return self.filter(answered_on__gte=period.start, answered_on__lte=period.end)


class Response(models.Model):
    """One anonymous questionnaire: who (profile only), which unit, when, and how it reached us."""

    class Source(models.TextChoices):
        KIOSK = "kios", _("Kios (tablet)")
        ONLINE = "daring", _("Tautan/QR di ponsel")
        PAPER = "kertas", _("Kuesioner kertas (entri)")
        IMPORT = "impor", _("Impor berkas")

    class AgeGroup(models.TextChoices):
        UNDER_20 = "lt20", _("Di bawah 20 tahun")
        AGE_20 = "20-29", _("20-29 tahun")
        AGE_30 = "30-39", _("30-39 tahun")
        AGE_40 = "40-49", _("40-49 tahun")
        AGE_50 = "50-59", _("50-59 tahun")
        AGE_60 = "60+", _("60 tahun ke atas")

    class Sex(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    class Education(models.TextChoices):
        PRIMARY = "sd", _("SD ke bawah")
        JUNIOR = "smp", _("SMP/sederajat")
        SENIOR = "sma", _("SMA/sederajat")
        DIPLOMA = "diploma", _("D1-D3")
        BACHELOR = "s1", _("D4/S1")
        POSTGRAD = "s2", _("S2 ke atas")

    class Occupation(models.TextChoices):
        CIVIL_SERVANT = "pns", _("PNS/ASN")
        MILITARY_POLICE = "tni_polri", _("TNI/Polri")
        PRIVATE = "swasta", _("Pegawai swasta")
        ENTREPRENEUR = "wirausaha", _("Wirausaha/pedagang")
        FARMER = "petani", _("Petani/nelayan")
        HOUSEWIFE = "irt", _("Ibu rumah tangga")
        STUDENT = "pelajar", _("Pelajar/mahasiswa")
        NONE = "tidak_bekerja", _("Tidak bekerja")
        OTHER = "lainnya", _("Lainnya")

    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, related_name="survey_responses")
    unit = models.ForeignKey(ServiceUnit, on_delete=models.PROTECT, related_name="responses")
    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="responses")
    answered_on = models.DateField(_("tanggal"), db_index=True)
    received_at = models.DateTimeField(_("diterima"), default=timezone.now)
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices)
    client_uuid = models.UUIDField(_("id dari perangkat"), null=True, blank=True, unique=True)
    device = models.CharField(_("perangkat (sidik)"), max_length=16, blank=True)
    digest = models.CharField(_("sidik jawaban"), max_length=16, blank=True)
    age_group = models.CharField(_("umur"), max_length=6, choices=AgeGroup.choices, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(_("pendidikan"), max_length=10, choices=Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=16, choices=Occupation.choices, blank=True)
    comment = models.TextField(_("saran/komentar"), blank=True, max_length=1000)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        ordering = ["-answered_on", "-id"]
        indexes = [
            models.Index(fields=["puskesmas", "answered_on"]),
            models.Index(fields=["device", "received_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.answered_on}"


class Answer(models.Model):
    """The value (1..4) a respondent gave one element. An element left blank on paper has no row."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    number = models.PositiveSmallIntegerField(_("unsur"))
    value = models.PositiveSmallIntegerField(_("nilai"))

    class Meta:
        verbose_name = _("nilai unsur")
        verbose_name_plural = _("nilai unsur")
        constraints = [
            models.UniqueConstraint(fields=["response", "number"], name="skm_answer_once_per_element"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=10), name="skm_answer_value_range"
            ),
        ]

    def __str__(self) -> str:
        return f"U{self.number}={self.value}"


class IkmPublication(BaseModel):
    """A published IKM of a Puskesmas (or one unit) for a period, with the version that produced it."""

    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, related_name="ikm_publications")
    unit = models.ForeignKey(ServiceUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="publications")
    period_key = models.CharField(_("periode"), max_length=24)
    period_start = models.DateField(_("awal periode"))
    period_end = models.DateField(_("akhir periode"))
    respondents = models.PositiveIntegerField(_("jumlah responden"))
    population = models.PositiveIntegerField(_("populasi pengguna layanan"))
    minimum_sample = models.PositiveIntegerField(_("sampel minimum"))
    elements = models.JSONField(_("NRR per unsur"), default=list)
    ikm = models.DecimalField(_("IKM (1-4)"), max_digits=7, decimal_places=4)
    converted = models.DecimalField(_("IKM konversi (25-100)"), max_digits=5, decimal_places=2)
    grade = models.CharField(_("mutu pelayanan"), max_length=2)
    label = models.CharField(_("kinerja unit pelayanan"), max_length=40)
    follow_up_plan = models.TextField(_("rencana tindak lanjut"), blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("diterbitkan"), default=timezone.now)

    class Meta:
        verbose_name = _("IKM terbit")
        verbose_name_plural = _("IKM terbit")
        ordering = ["-period_end", "-published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["puskesmas", "period_key"],
                condition=models.Q(unit__isnull=True),
                name="skm_one_ikm_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"IKM {self.puskesmas.name} {self.period_key}: {self.converted}"

    @property
    def sample_enough(self) -> bool:
        return self.respondents >= self.minimum_sample


def _tracking_code() -> str:
    return uuid.uuid4().hex[:10].upper()


class Complaint(BaseModel):
    """A citizen's complaint (pengaduan), followed through its tracking code."""

    class Category(models.TextChoices):
        SERVICE = "pelayanan", _("Pelayanan petugas")
        WAITING = "waktu_tunggu", _("Waktu tunggu")
        COST = "biaya", _("Biaya/tarif")
        MEDICINE = "obat", _("Obat dan farmasi")
        FACILITY = "sarana", _("Sarana, kebersihan, kenyamanan")
        PROCEDURE = "prosedur", _("Prosedur dan persyaratan")
        OTHER = "lainnya", _("Lainnya")

    class Status(models.TextChoices):
        RECEIVED = "diterima", _("Diterima")
        IN_PROGRESS = "diproses", _("Sedang diproses")
        ANSWERED = "dijawab", _("Sudah dijawab")
        CLOSED = "selesai", _("Selesai")

    puskesmas = models.ForeignKey(Puskesmas, on_delete=models.PROTECT, related_name="complaints")
    unit = models.ForeignKey(
        ServiceUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    category = models.CharField(_("kategori"), max_length=16, choices=Category.choices)
    description = models.TextField(_("isi pengaduan"), max_length=3000)
    contact_name = models.CharField(_("nama (boleh kosong)"), max_length=120, blank=True)
    contact = models.CharField(_("nomor HP atau surel (boleh kosong)"), max_length=120, blank=True)
    tracking_code = models.CharField(_("kode lacak"), max_length=12, unique=True, default=_tracking_code)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField(_("diterima"), default=timezone.now)
    due_at = models.DateTimeField(_("batas waktu jawaban"))
    answer = models.TextField(_("jawaban"), blank=True)
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=["dijawab", "selesai"]) | ~models.Q(answer=""),
                name="skm_answered_complaint_has_answer",
            ),
        ]

    def __str__(self) -> str:
        return f"Pengaduan {self.tracking_code}"

    @property
    def is_overdue(self) -> bool:
        if self.answered_at:
            return self.answered_at > self.due_at
        return timezone.now() > self.due_at

    @property
    def response_time(self) -> timedelta | None:
        return None if self.answered_at is None else self.answered_at - self.received_at


class ComplaintEvent(models.Model):
    """A step in a complaint's life: status change, internal note or answer (who and when)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Complaint.Status.choices)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("riwayat pengaduan")
        verbose_name_plural = _("riwayat pengaduan")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.status}"
