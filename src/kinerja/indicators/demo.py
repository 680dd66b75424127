"""Demo data for the indicators: the catalogue, targets and plausible monthly reports (example data).

Last year is complete and verified. This year runs up to the last month that has ended: most
reports are approved or verified, some were submitted late, a few Puskesmas have not reported the
last month or two, a few values are far outside their own history (flagged), and Sukamaju's last
month is a draft for the operator to finish. Deterministic (seeded) and idempotent: a report that
exists is never touched again, so a second run changes nothing and loses nothing.
"""

import datetime
import random
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from kinerja.accounts.models import User
from kinerja.facilities.models import Puskesmas
from kinerja.indicators import yearly
from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.models import DataElement, Report, Target, Value, ValueChange
from kinerja.indicators.services import catchment_population, district_due_day, due_date, targets_estimate
from kinerja.regions.models import Region

SEED = 4103
LATE = 2  # Puskesmas that submit after the due date
MISSING = 2  # Puskesmas whose last months are missing
SUSPICIOUS = 3  # planted values far outside the Puskesmas' history
DRAFT_SLUG = "sukamaju"

# element: (target group or other element, low, high share per month). Groups are yearly, so /12.
MONTHLY = {
    "anc-k1": ("bumil", 0.85, 1.05),
    "persalinan-standar": ("bulin", 0.8, 1.0),
    "kn1": ("bbl", 0.9, 1.02),
    "balita-standar": ("balita", 0.6, 0.95),
    "idl": ("bayi", 0.75, 1.0),
    "dikdas-skrining": ("dikdas", 0.7, 1.05),
    "produktif-skrining": ("produktif", 0.35, 0.8),
    "lansia-skrining": ("lansia", 0.55, 0.95),
    "ht-standar": ("hipertensi", 0.35, 0.8),
    "dm-standar": ("dm", 0.5, 0.95),
    "odgj-standar": ("odgj", 0.6, 1.0),
    "tb-terduga-standar": ("terduga_tb", 0.55, 1.0),
    "hiv-tes": ("risiko_hiv", 0.45, 0.9),
    "bayi-6-bulan": ("bayi", 0.95, 1.0),
    "rt-dikaji-phbs": ("rumah_tangga", 0.16, 0.26),
    "ttu-diperiksa": ("ttu", 0.65, 1.0),
    "kunjungan-jkn": ("peserta_jkn", 0.13, 0.26),
    "diare-dilayani": ("penduduk", 0.02, 0.035),
    "ispa-non-pneumonia": ("penduduk", 0.04, 0.06),
}
DERIVED = {
    "anc-standar": ("anc-k1", 0.75, 0.97),
    "kn-lengkap": ("kn1", 0.82, 0.97),
    "asi-eksklusif": ("bayi-6-bulan", 0.35, 0.7),
    "rt-phbs-sehat": ("rt-dikaji-phbs", 0.45, 0.7),
    "kunjungan-rawat-jalan": ("kunjungan-jkn", 1.1, 1.3),
    "rujukan-total": ("kunjungan-jkn", 0.06, 0.1),
    "rujukan-non-spesialistik": ("rujukan-total", 0.0, 0.08),
    "rekam-medik-lengkap": ("kunjungan-rawat-jalan", 0.75, 1.0),
    "ispa-antibiotik": ("ispa-non-pneumonia", 0.08, 0.35),
}


def load(*, district: Region, log: Callable[[str], None]) -> None:
    catalogue_load(log=lambda m: None)
    puskesmas = list(Puskesmas.objects.filter(district=district).order_by("code"))
    if not puskesmas:
        log("Indikator: tidak ada Puskesmas di kabupaten contoh.")
        return
    today = timezone.localdate()
    last_month = today.month - 1 if today.month > 1 else 12
    current = today.year if today.month > 1 else today.year - 1
    rng = random.Random(SEED)
    late = {p.pk for p in rng.sample(puskesmas, min(LATE, len(puskesmas) // 2))}
    others = [p for p in puskesmas if p.pk not in late]
    missing = {p.pk for p in rng.sample(others, min(MISSING, len(others) // 2))}
    created = 0
    for p in puskesmas:
        prng = random.Random(f"{SEED}-{p.code}")
        quality = prng.uniform(0.72, 1.12)
        for year, months in ((current - 1, 12), (current, last_month)):
            _targets(p, year)
            plan = _Plan(p, year, months, quality, prng, today)
            plan.late, plan.missing = p.pk in late, p.pk in missing
            created += plan.write()
    planted = _plant_suspicious(puskesmas, current, last_month, rng)
    log(
        f"Indikator: katalog dimuat, {created} laporan bulanan contoh dibuat, {planted} angka tidak biasa ditandai."
    )


def _targets(puskesmas: Puskesmas, year: int) -> None:
    if Target.objects.filter(puskesmas=puskesmas, year=year).exists():
        return
    population = catchment_population(puskesmas=puskesmas) or 25_000
    growth = 1 + 0.012 * (year - 2024)
    targets_estimate(user=None, puskesmas=puskesmas, year=year, population=int(population * growth))


class _Plan:
    """One Puskesmas-year of monthly reports."""

    def __init__(self, puskesmas, year, months, quality, rng, today):
        self.p, self.year, self.months, self.quality, self.rng, self.today = (
            puskesmas,
            year,
            months,
            quality,
            rng,
            today,
        )
        self.late = self.missing = False
        self.groups = dict(
            Target.objects.filter(puskesmas=puskesmas, year=year).values_list("group__code", "value")
        )
        self.elements = {e.code: e for e in DataElement.objects.all()}
        self.operator = User.objects.filter(puskesmas=puskesmas, role=User.Role.PUSKESMAS_OPERATOR).first()
        self.head = User.objects.filter(puskesmas=puskesmas, role=User.Role.PUSKESMAS_HEAD).first()
        self.management = {
            code: rng.choice(e.allowed_values[1:] if rng.random() < 0.9 else e.allowed_values)
            for code, e in self.elements.items()
            if e.allowed_values
        }

    @transaction.atomic
    def write(self) -> int:
        existing = set(
            Report.objects.filter(puskesmas=self.p, year=self.year).values_list("month", flat=True)
        )
        due_day = district_due_day(district_id=self.p.district_id)
        created = 0
        for month in range(1, self.months + 1):
            values = self._values(month)  # always drawn, so the sequence does not depend on what exists
            if month in existing or self._skipped(month):
                continue
            report = Report.objects.create(
                puskesmas=self.p,
                year=self.year,
                month=month,
                due_date=due_date(year=self.year, month=month, due_day=due_day),
            )
            self._status(report)
            rows = [Value(report=report, data_element=self.elements[c], value=v) for c, v in values.items()]
            Value.objects.bulk_create(rows)
            ValueChange.objects.bulk_create(
                ValueChange(
                    report=report,
                    data_element=r.data_element,
                    new_value=r.value,
                    changed_by=self.operator,
                    source="demo",
                )
                for r in rows
            )
            created += 1
        if created:
            yearly.refresh(keys=[(self.p.pk, self.year)])
        return created

    def _is_last_year(self) -> bool:
        return self.year < self.today.year and self.months == 12 and self.today.month > 1

    def _skipped(self, month: int) -> bool:
        return self.missing and not self._is_last_year() and month > self.months - 2

    def _values(self, month: int) -> dict[str, int]:
        rng, out = self.rng, {}
        season = 1 + 0.08 * ((month % 6) - 2.5) / 2.5
        for code, (group, low, high) in MONTHLY.items():
            base = self.groups.get(group, 0) / 12
            share = rng.uniform(low, high) * min(1.15, self.quality)
            out[code] = _round(base * share * season, rng)
        for code, (source, low, high) in DERIVED.items():
            out[code] = max(0, round(out[source] * rng.uniform(low, high)))
        out["balita-ditimbang"] = round(
            self.groups.get("balita", 0) * rng.uniform(0.65, 0.9) * min(1.1, self.quality)
        )
        out["balita-naik-bb"] = round(out["balita-ditimbang"] * rng.uniform(0.65, 0.85))
        out["kb-aktif"] = round(self.groups.get("penduduk", 0) * rng.uniform(0.1, 0.13))
        out["posyandu-puri"] = round(
            self.groups.get("posyandu", 0) * min(1.0, rng.uniform(0.55, 0.85) * self.quality)
        )
        out["rt-akses-jamban"] = round(
            self.groups.get("rumah_tangga", 0) * min(1.0, rng.uniform(0.7, 0.9) * self.quality)
        )
        out["penyuluhan-rencana"] = 8
        out["penyuluhan"] = min(8, max(4, round(8 * rng.uniform(0.7, 1.05) * self.quality)))
        out["obat-indikator-dipantau"] = 20
        out["obat-indikator-tersedia"] = rng.randint(15, 20)
        out["inm-tangan-diamati"] = rng.randint(40, 80)
        out["inm-tangan-patuh"] = round(
            out["inm-tangan-diamati"] * min(1.0, rng.uniform(0.7, 0.95) * self.quality)
        )
        out["inm-apd-diamati"] = rng.randint(15, 40)
        out["inm-apd-patuh"] = round(out["inm-apd-diamati"] * min(1.0, rng.uniform(0.8, 1.0) * self.quality))
        out.update(self.management)
        return out

    def _status(self, report: Report) -> None:
        rng = self.rng
        last = not self._is_last_year() and report.month == self.months
        if last and self.p.slug == DRAFT_SLUG:
            return  # left as a draft for the demo operator to finish and submit
        days = rng.randint(3, 12) if self.late and report.month > self.months - 3 else -rng.randint(0, 8)
        submitted = _at(report.due_date + datetime.timedelta(days=days))
        report.status, report.submitted_at, report.submitted_by = (
            Report.Status.SUBMITTED,
            submitted,
            self.operator,
        )
        if not last or rng.random() < 0.5:
            report.status, report.approved_at, report.approved_by = (
                Report.Status.APPROVED,
                submitted,
                self.head,
            )
        if self._is_last_year() or report.month <= self.months - 2:
            report.status, report.verified_at = Report.Status.VERIFIED, submitted + datetime.timedelta(days=5)
        report.save()


def _round(value: float, rng: random.Random) -> int:
    """Round small expected counts up or down at random, so 0.4 a month is not always 0."""
    whole = int(value)
    return max(0, whole + (1 if rng.random() < value - whole else 0))


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))


def _plant_suspicious(puskesmas: list[Puskesmas], year: int, month: int, rng: random.Random) -> int:
    """Multiply a few counts by about ten in one recent month and flag them for review."""
    planted = 0
    codes = ["anc-k1", "diare-dilayani", "kunjungan-jkn"]
    for p, code in zip(rng.sample(puskesmas, min(SUSPICIOUS, len(puskesmas))), codes, strict=False):
        target_month = max(1, month - 2)
        value = Value.objects.filter(
            report__puskesmas=p, report__year=year, report__month=target_month, data_element__code=code
        ).first()
        if value is None or value.flag == Value.Flag.SUSPICIOUS:
            continue
        old = value.value
        value.value, value.flag = max(10, old * 10), Value.Flag.SUSPICIOUS
        value.save()
        ValueChange.objects.create(
            report=value.report,
            data_element=value.data_element,
            old_value=old,
            new_value=value.value,
            source="demo",
        )
        planted += 1
    return planted
