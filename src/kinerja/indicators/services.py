"""Monthly reports and their values, targets: every write goes through here, audited.

Workflow: draft -> submitted (operator or head) -> approved (head of the Puskesmas) -> verified
(district). A submitted report can be returned to draft; an approved or verified one is locked and
only reopened with a reason.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from kinerja.accounts.models import User
from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log
from kinerja.facilities.models import Puskesmas
from kinerja.indicators import validation as v
from kinerja.indicators import yearly
from kinerja.indicators.models import (
    DataElement,
    Indicator,
    IndicatorTarget,
    Report,
    ReportingSetting,
    Target,
    TargetGroup,
    ValidationRule,
    Value,
    ValueChange,
)

DEFAULT_DUE_DAY = 10
# In Bahasa and marked for translation; month_name() gives the active language's name.
MONTHS = [
    gettext_noop("Januari"), gettext_noop("Februari"), gettext_noop("Maret"), gettext_noop("April"),
    gettext_noop("Mei"), gettext_noop("Juni"), gettext_noop("Juli"), gettext_noop("Agustus"),
    gettext_noop("September"), gettext_noop("Oktober"), gettext_noop("November"), gettext_noop("Desember"),
]  # fmt: skip


def month_name(month: int) -> str:
    """The name of month 1-12 in the active language (Bahasa by default)."""
    return gettext(MONTHS[month - 1])


def due_date(*, year: int, month: int, due_day: int = DEFAULT_DUE_DAY) -> datetime.date:
    """A month's report is due on `due_day` of the following month."""
    return datetime.date(year + month // 12, month % 12 + 1, due_day)


def district_due_day(*, district_id: int) -> int:
    setting = ReportingSetting.objects.filter(district_id=district_id).first()
    return setting.due_day if setting else DEFAULT_DUE_DAY


def report_get_or_create(*, puskesmas: Puskesmas, year: int, month: int) -> Report:
    if not 1 <= month <= 12:
        raise ApplicationError(f"Bulan {month} tidak ada. Pilih bulan 1 sampai 12.")
    if datetime.date(year, month, 1) > timezone.localdate():
        raise ApplicationError(
            f"Laporan {month_name(month)} {year} belum dapat diisi karena bulannya belum mulai."
        )
    report, _ = Report.objects.get_or_create(
        puskesmas=puskesmas,
        year=year,
        month=month,
        defaults={
            "due_date": due_date(
                year=year, month=month, due_day=district_due_day(district_id=puskesmas.district_id)
            )
        },
    )
    return report


# --- validation over the database -------------------------------------------------------------


def element_specs() -> dict[str, v.ElementSpec]:
    return {
        e.code: v.ElementSpec(e.code, e.name, tuple(e.allowed_values or ()))
        for e in DataElement.objects.filter(active=True)
    }


def rule_specs() -> list[v.RuleSpec]:
    """Stored consistency rules plus 'numerator not above its denominator' for every indicator."""
    rules = [
        v.RuleSpec(
            r.kind, r.element.code if r.element else None, r.other.code if r.other else None, float(r.factor)
        )
        for r in ValidationRule.objects.filter(active=True).select_related("element", "other")
    ]
    seen = {(r.element, r.other) for r in rules}
    pairs = (
        Indicator.objects.filter(denominator_element__isnull=False, factor=100)
        .values_list("numerator__code", "denominator_element__code")
        .distinct()
    )
    for numerator, denominator in pairs:
        if (numerator, denominator) not in seen:
            seen.add((numerator, denominator))
            rules.append(v.RuleSpec(v.NOT_ABOVE, numerator, denominator))
    return rules


def value_history(*, puskesmas_id: int, year: int, month: int, months: int = 12) -> dict[str, list[int]]:
    """The Puskesmas' own values of the `months` months before (year, month), per element code."""
    start = year * 12 + month - 1 - months
    key = Q(report__year__gt=start // 12) | Q(report__year=start // 12, report__month__gt=start % 12)
    before = Q(report__year__lt=year) | Q(report__year=year, report__month__lt=month)
    rows = Value.objects.filter(key & before, report__puskesmas_id=puskesmas_id).values_list(
        "data_element__code", "value"
    )
    history: dict[str, list[int]] = {}
    for code, value in rows:
        history.setdefault(code, []).append(value)
    return history


def report_values(*, report: Report) -> dict[str, int]:
    return dict(report.values.values_list("data_element__code", "value"))


def report_issues(*, report: Report) -> list[v.Issue]:
    """Errors and warnings of the report as it stands."""
    return v.check_values(
        report_values(report=report),
        elements=element_specs(),
        rules=rule_specs(),
        history=value_history(puskesmas_id=report.puskesmas_id, year=report.year, month=report.month),
    )


def _refresh_flags(report: Report, issues: list[v.Issue]) -> None:
    flags: dict[str, int] = {}
    for issue in issues:
        flag = Value.Flag.INVALID if issue.severity == v.ERROR else Value.Flag.SUSPICIOUS
        flags[issue.element] = max(flags.get(issue.element, 0), flag)
    values = list(report.values.select_related("data_element"))
    changed = []
    for value in values:
        flag = flags.get(value.data_element.code, Value.Flag.NONE)
        if value.flag != flag:
            value.flag = flag
            changed.append(value)
    Value.objects.bulk_update(changed, ["flag"])


# --- writing values ---------------------------------------------------------------------------


def _check_editable(report: Report, user: User | None) -> None:
    if report.is_locked:
        raise ApplicationError(
            f"Laporan {month_name(report.month)} {report.year} sudah disetujui dan terkunci. "
            "Minta Kepala Puskesmas atau Dinas membukanya kembali dengan alasan."
        )
    if user is not None and user.role in User.PUSKESMAS_ROLES and user.puskesmas_id != report.puskesmas_id:
        raise ApplicationError("Anda hanya dapat mengisi laporan Puskesmas Anda sendiri.")


@transaction.atomic
def report_values_set(
    *, user: User | None, report: Report, values: Mapping[str, int | None], source: str = "form"
) -> list[v.Issue]:
    """Store already-parsed values (None empties a cell), record each change, refresh the flags.

    Returns the report's issues after the change. Values must be valid integers: an importer checks
    every cell with `validation.parse_cell` first and calls this only when all are valid.
    """
    _check_editable(report, user)
    elements = {e.code: e for e in DataElement.objects.filter(code__in=list(values))}
    unknown = set(values) - set(elements)
    if unknown:
        raise ApplicationError(f"Elemen data tidak dikenal: {', '.join(sorted(unknown))}.")
    current = {val.data_element_id: val for val in report.values.filter(data_element__in=elements.values())}
    changes, creates, updates, deletes = [], [], [], []
    actor = user if user is not None and user.is_authenticated else None
    for code, new in values.items():
        element = elements[code]
        old_row = current.get(element.pk)
        old = old_row.value if old_row else None
        if old == new:
            continue
        if new is not None and new < 0:
            raise ApplicationError(f"{element.name}: nilai tidak boleh negatif.")
        changes.append(
            ValueChange(
                report=report,
                data_element=element,
                old_value=old,
                new_value=new,
                changed_by=actor,
                source=source,
            )
        )
        if new is None:
            deletes.append(old_row.pk)
        elif old_row is None:
            creates.append(Value(report=report, data_element=element, value=new))
        else:
            old_row.value = new
            updates.append(old_row)
    Value.objects.filter(pk__in=deletes).delete()
    Value.objects.bulk_create(creates)
    Value.objects.bulk_update(updates, ["value"])
    ValueChange.objects.bulk_create(changes)
    if changes:
        report.save(update_fields=["updated_at"])
        yearly.refresh(
            keys=[(report.puskesmas_id, report.year)], element_ids=[c.data_element_id for c in changes]
        )
    issues = report_issues(report=report)
    _refresh_flags(report, issues)
    return issues


@dataclass
class CellResult:
    element: DataElement
    value: int | None
    error: str | None = None
    issues: list[v.Issue] = field(default_factory=list)


def value_record(*, user: User, report: Report, element: DataElement, raw: str) -> CellResult:
    """Save one typed cell of the grid. A value that cannot be stored comes back as `error`."""
    spec = v.ElementSpec(element.code, element.name, tuple(element.allowed_values or ()))
    value, error = v.parse_cell(raw, spec)
    if error:
        return CellResult(element, None, error)
    issues = report_values_set(user=user, report=report, values={element.code: value})
    return CellResult(element, value, None, issues)


# --- workflow ---------------------------------------------------------------------------------


def _transition(report: Report, user: User, action: str, **fields: Any) -> Report:
    old = report.status
    for name, value in fields.items():
        setattr(report, name, value)
    report.save()
    changes: dict[str, Any] = {"status": [old, report.status]}
    if action == "reopened":
        changes["reason"] = report.reopen_reason
    audit_log(actor=user, action=f"indicators.report_{action}", obj=report, changes=changes)
    return report


@transaction.atomic
def report_submit(*, user: User, report: Report) -> Report:
    _check_editable(report, user)
    if report.status != Report.Status.DRAFT:
        raise ApplicationError("Laporan ini sudah diajukan.")
    errors = [i for i in report_issues(report=report) if i.severity == v.ERROR]
    if errors:
        raise ApplicationError(
            "Laporan belum dapat diajukan: " + " ".join(i.message for i in errors), extra={"issues": errors}
        )
    if not report.values.exists():
        raise ApplicationError("Laporan masih kosong. Isi angka bulan ini sebelum diajukan.")
    return _transition(
        report,
        user,
        "submitted",
        status=Report.Status.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by=user,
    )


@transaction.atomic
def report_approve(*, user: User, report: Report) -> Report:
    if user.role != User.Role.PUSKESMAS_HEAD or user.puskesmas_id != report.puskesmas_id:
        raise ApplicationError("Hanya Kepala Puskesmas ini yang dapat menyetujui laporannya.")
    if report.status != Report.Status.SUBMITTED:
        raise ApplicationError("Hanya laporan yang sudah diajukan yang dapat disetujui.")
    if any(i.severity == v.ERROR for i in report_issues(report=report)):
        raise ApplicationError("Laporan masih memuat angka yang salah. Perbaiki dulu sebelum disetujui.")
    return _transition(
        report, user, "approved", status=Report.Status.APPROVED, approved_at=timezone.now(), approved_by=user
    )


@transaction.atomic
def report_verify(*, user: User, report: Report) -> Report:
    if user.role not in User.DISTRICT_ROLES and not user.is_superuser:
        raise ApplicationError("Verifikasi laporan dilakukan oleh Dinas Kesehatan.")
    if report.status != Report.Status.APPROVED:
        raise ApplicationError("Hanya laporan yang sudah disetujui Kepala Puskesmas yang dapat diverifikasi.")
    return _transition(
        report, user, "verified", status=Report.Status.VERIFIED, verified_at=timezone.now(), verified_by=user
    )


@transaction.atomic
def report_reopen(*, user: User, report: Report, reason: str) -> Report:
    """Back to draft with a reason: a submitted report (returned), or a locked one (reopened)."""
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ApplicationError("Tuliskan alasan membuka kembali laporan (minimal 5 huruf).")
    if report.status == Report.Status.DRAFT:
        raise ApplicationError("Laporan ini masih draf; tidak perlu dibuka kembali.")
    is_head = user.role == User.Role.PUSKESMAS_HEAD and user.puskesmas_id == report.puskesmas_id
    is_district = user.role == User.Role.DISTRICT_ADMIN or user.is_superuser
    if report.status == Report.Status.VERIFIED and not is_district:
        raise ApplicationError("Laporan yang sudah diverifikasi hanya dapat dibuka kembali oleh admin Dinas.")
    if not (is_head or is_district):
        raise ApplicationError("Hanya Kepala Puskesmas atau admin Dinas yang dapat membuka kembali laporan.")
    report.reopen_reason = reason
    return _transition(
        report, user, "reopened", status=Report.Status.DRAFT, approved_at=None, approved_by=None,
        verified_at=None, verified_by=None,
    )  # fmt: skip


# --- targets ----------------------------------------------------------------------------------


@transaction.atomic
def target_set(
    *,
    user: User | None,
    puskesmas: Puskesmas,
    year: int,
    group: TargetGroup,
    value: int,
    source: str = "entered",
) -> Target:
    if value < 0:
        raise ApplicationError(f"Sasaran {group.name}: jumlah tidak boleh negatif.")
    target = Target.objects.filter(puskesmas=puskesmas, year=year, group=group).first()
    old = target.value if target else None
    if target is None:
        target = Target.objects.create(
            puskesmas=puskesmas, year=year, group=group, value=value, source=source
        )
    elif old != value or target.source != source:
        target.value, target.source = value, source
        target.save()
    if old != value:
        audit_log(actor=user, action="indicators.target_set", obj=target, changes={"value": [old, value]})
    return target


def catchment_population(*, puskesmas: Puskesmas) -> int:
    return sum(r.population or 0 for r in puskesmas.catchment_villages.all())


@transaction.atomic
def targets_estimate(
    *,
    user: User | None,
    puskesmas: Puskesmas,
    year: int,
    population: int | None = None,
    overwrite: bool = False,
) -> list[Target]:
    """Estimate each target group from the population with the group's ratio (% of population).

    Targets already entered or imported are kept unless `overwrite`.
    """
    population = population if population is not None else catchment_population(puskesmas=puskesmas)
    if population <= 0:
        raise ApplicationError(
            "Jumlah penduduk wilayah kerja belum ada. Isi jumlah penduduk desa atau masukkan angkanya."
        )
    existing = {t.group_id: t for t in Target.objects.filter(puskesmas=puskesmas, year=year)}
    saved = []
    for group in TargetGroup.objects.filter(estimate_percent__isnull=False):
        current = existing.get(group.pk)
        if current and current.source != Target.Source.ESTIMATED and not overwrite:
            continue
        value = int((Decimal(population) * group.estimate_percent / 100).to_integral_value())
        saved.append(
            target_set(
                user=user, puskesmas=puskesmas, year=year, group=group, value=value, source="estimated"
            )
        )
    return saved


@transaction.atomic
def indicator_target_set(
    *, user: User | None, indicator: Indicator, year: int, target: Decimal, target_high: Decimal | None = None,
    puskesmas: Puskesmas | None = None,
) -> IndicatorTarget:  # fmt: skip
    """The target % of an indicator for a year (district-wide, or for one Puskesmas)."""
    if target < 0:
        raise ApplicationError(f"Target {indicator.name}: tidak boleh negatif.")
    row, _ = IndicatorTarget.objects.get_or_create(
        indicator=indicator,
        year=year,
        puskesmas=puskesmas,
        defaults={"target": target, "target_high": target_high},
    )
    old = [str(row.target), str(row.target_high)]
    row.target, row.target_high = target, target_high
    row.save()
    audit_log(
        actor=user,
        action="indicators.indicator_target_set",
        obj=indicator,
        changes={"year": year, "target": [old, [str(target), str(target_high)]]},
    )
    return row
