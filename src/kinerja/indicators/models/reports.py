"""Monthly reports, their values and each value's history."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.facilities.models import Puskesmas
from kinerja.indicators.models.catalogue import DataElement
from kinerja.regions.models import Region


class ReportingSetting(models.Model):
    """District rules for monthly reports: the day of the next month a report is due."""

    district = models.OneToOneField(
        Region, verbose_name=_("kabupaten/kota"), on_delete=models.CASCADE, related_name="+"
    )
    due_day = models.PositiveSmallIntegerField(_("batas lapor (tanggal bulan berikutnya)"), default=10)

    class Meta:
        verbose_name = _("pengaturan pelaporan")
        verbose_name_plural = _("pengaturan pelaporan")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_day__gte=1, due_day__lte=28), name="reporting_due_day_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.district_id}: {self.due_day}"


class ReportQuerySet(models.QuerySet):
    def for_period(self, *, year: int, month: int | None = None) -> "ReportQuerySet":
        queryset = self.filter(year=year)
        return queryset if month is None else queryset.filter(month__lte=month)

    def complete(self) -> "ReportQuerySet":
        return self.filter(status__in=Report.COMPLETE_STATUSES)


def _by_whom(verbose_name: str) -> models.ForeignKey:
    """Who moved a report to a status; kept (as empty) when that account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Report(BaseModel):
    """A Puskesmas' monthly report: draft -> submitted -> approved (head) -> verified (district)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        APPROVED = "approved", _("Disetujui Kepala Puskesmas")
        VERIFIED = "verified", _("Diverifikasi Dinas")

    COMPLETE_STATUSES = (Status.SUBMITTED, Status.APPROVED, Status.VERIFIED)
    LOCKED_STATUSES = (Status.APPROVED, Status.VERIFIED)

    puskesmas = models.ForeignKey(
        Puskesmas, verbose_name=_("Puskesmas"), on_delete=models.CASCADE, related_name="monthly_reports"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    month = models.PositiveSmallIntegerField(_("bulan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    due_date = models.DateField(_("batas lapor"))
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    submitted_by = _by_whom(_("diajukan oleh"))
    approved_at = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    approved_by = _by_whom(_("disetujui oleh"))
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    verified_by = _by_whom(_("diverifikasi oleh"))
    reopen_reason = models.TextField(_("alasan dibuka kembali"), blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan bulanan")
        verbose_name_plural = _("laporan bulanan")
        ordering = ["puskesmas", "year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["puskesmas", "year", "month"], name="report_unique_period"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="report_month_range"),
        ]
        indexes = [models.Index(fields=["year", "month", "status"], name="report_period_status")]

    def __str__(self) -> str:
        return f"{self.puskesmas.name} {self.month:02d}/{self.year}"

    @property
    def is_locked(self) -> bool:
        return self.status in self.LOCKED_STATUSES

    @property
    def is_complete(self) -> bool:
        return self.status in self.COMPLETE_STATUSES

    @property
    def period_start(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)


class Value(models.Model):
    """One number of one monthly report. Narrow on purpose: 18 million rows a year nationally."""

    class Flag(models.IntegerChoices):
        NONE = 0, _("Wajar")
        SUSPICIOUS = 1, _("Perlu diperiksa")
        INVALID = 2, _("Melanggar aturan")

    # The two tables of millions of rows (this one and ValueChange) keep their relations in Django,
    # not in the database: no index of their own (every read goes through the report, and the
    # (report, data_element) index starts with it) and no database foreign-key constraint.
    # PostgreSQL checks such a constraint row by row with a trigger at commit: a national import
    # of 360,000 values spent 9 s in them, more than the import itself. Only the services write
    # these rows, always for reports and elements they have just read; deletes go through
    # Django's on_delete (cascade, protect), which does not need the database constraint.
    report = models.ForeignKey(
        Report,
        verbose_name=_("laporan"),
        on_delete=models.CASCADE,
        related_name="values",
        db_index=False,
        db_constraint=False,
    )
    data_element = models.ForeignKey(
        DataElement,
        verbose_name=_("elemen data"),
        on_delete=models.PROTECT,
        related_name="values",
        db_index=False,
        db_constraint=False,
    )
    value = models.PositiveIntegerField(_("nilai"))
    flag = models.PositiveSmallIntegerField(_("tanda"), choices=Flag.choices, default=Flag.NONE)

    class Meta:
        verbose_name = _("nilai laporan")
        verbose_name_plural = _("nilai laporan")
        constraints = [
            # Also the index that serves every read: values of a set of reports, by element.
            models.UniqueConstraint(fields=["report", "data_element"], name="value_unique_cell"),
        ]
        indexes = [
            models.Index(fields=["flag"], name="value_flagged", condition=Q(flag__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.data_element_id}={self.value}"


class ValueChange(models.Model):
    """The history of one cell: who changed it, when, from what, to what (None = empty)."""

    # As for `Value`: read through the report only, relations kept by Django (see there).
    # Deleting a user (rare; accounts are usually deactivated) scans the history to clear changed_by.
    report = models.ForeignKey(
        Report,
        verbose_name=_("laporan"),
        on_delete=models.CASCADE,
        related_name="changes",
        db_index=False,
        db_constraint=False,
    )
    data_element = models.ForeignKey(
        DataElement,
        verbose_name=_("elemen data"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    old_value = models.PositiveIntegerField(_("nilai lama"), null=True, blank=True)
    new_value = models.PositiveIntegerField(_("nilai baru"), null=True, blank=True)
    changed_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    source = models.CharField(_("sumber"), max_length=20, default="form")

    class Meta:
        verbose_name = _("riwayat nilai")
        verbose_name_plural = _("riwayat nilai")
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["report", "data_element"], name="value_change_cell")]

    def __str__(self) -> str:
        return f"{self.data_element_id}: {self.old_value} -> {self.new_value}"


def _month_field(month: int) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(_("bulan %(month)s") % {"month": month}, null=True, blank=True)


class ValueYear(models.Model):
    """One data element of one Puskesmas for one year, a column per month (None: no value).

    A copy of `Value` arranged for reading many Puskesmas at once: a national scorecard reads
    440,000 of these rows instead of aggregating 5 million values. Never edited by hand: every
    write of values refreshes the rows it touched in the same transaction (`yearly.refresh`).
    Report statuses are not copied; a scorecard applies them when it reads.
    """

    puskesmas = models.ForeignKey(
        Puskesmas, verbose_name=_("Puskesmas"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    data_element = models.ForeignKey(
        DataElement, verbose_name=_("elemen data"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    m1, m2, m3, m4, m5, m6 = (_month_field(month) for month in range(1, 7))
    m7, m8, m9, m10, m11, m12 = (_month_field(month) for month in range(7, 13))

    class Meta:
        verbose_name = _("nilai setahun")
        verbose_name_plural = _("nilai setahun")
        constraints = [
            models.UniqueConstraint(fields=["puskesmas", "year", "data_element"], name="value_year_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.puskesmas_id} {self.year} {self.data_element_id}"
