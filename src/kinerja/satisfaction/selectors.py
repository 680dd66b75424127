"""Reads of the satisfaction app: IKM per Puskesmas, unit and period; trend; comparison; latest published.

`ikm_latest(puskesmas_ids=...)` is what the public portal and the waiting-room screen read.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext as _

from kinerja.facilities.models import Puskesmas
from kinerja.satisfaction.formulas import ElementTotal, IkmResult, Period, ikm_compute, minimum_sample
from kinerja.satisfaction.models import (
    Answer,
    Complaint,
    IkmPublication,
    Response,
    ServiceUnit,
    SurveyVersion,
)
from kinerja.satisfaction.services.survey import version_bands, version_current, version_weights


@dataclass
class IkmSummary:
    """The IKM of one Puskesmas (unit=None) or one unit over a period, with its sample check."""

    puskesmas: Puskesmas
    unit: ServiceUnit | None
    period: Period
    version: SurveyVersion
    result: IkmResult
    population: int
    minimum_sample: int

    @property
    def respondents(self) -> int:
        return self.result.respondents

    @property
    def sample_enough(self) -> bool:
        return self.result.respondents >= self.minimum_sample

    @property
    def sample_shortfall(self) -> int:
        return max(0, self.minimum_sample - self.result.respondents)


def _totals(filters: dict, group: str | None) -> tuple[dict, dict]:
    """Per group: {number: (total, answered)} and respondent counts, in two aggregate queries."""
    answer_group = [f"response__{group}"] if group else []
    rows = (
        Answer.objects.filter(**{f"response__{k}": v for k, v in filters.items()})
        .values(*answer_group, "number")
        .annotate(total=Sum("value"), answered=Count("id"))
        .order_by()
    )
    sums: dict = defaultdict(dict)
    for row in rows:
        sums[row[answer_group[0]] if group else None][row["number"]] = (row["total"], row["answered"])
    counts_qs = Response.objects.filter(**filters)
    if group:
        counts = {r[group]: r["n"] for r in counts_qs.values(group).annotate(n=Count("id")).order_by()}
    else:
        counts = {None: counts_qs.count()}
    return sums, counts


def _result(version: SurveyVersion, elements: list, sums: dict, respondents: int) -> IkmResult:
    totals = [ElementTotal(e.number, e.name, *sums.get(e.number, (0, 0))) for e in elements]
    return ikm_compute(
        totals=totals,
        weights=version_weights(version=version),
        bands=version_bands(version=version),
        respondents=respondents,
    )


def _population(units: Iterable[ServiceUnit], period: Period) -> int:
    return sum(u.monthly_visits for u in units) * period.months


def ikm_puskesmas(*, puskesmas: Puskesmas, period: Period) -> tuple[IkmSummary, list[IkmSummary]]:
    """The whole Puskesmas' IKM and one per active unit (units with no answer included, empty)."""
    version = version_current(puskesmas=puskesmas)
    elements = list(version.elements.all())
    units = list(puskesmas.survey_units.filter(active=True).order_by("name"))
    filters = {
        "puskesmas": puskesmas,
        "version": version,
        "answered_on__gte": period.start,
        "answered_on__lte": period.end,
    }
    sums, counts = _totals(filters, "unit_id")
    per_unit = []
    for unit in units:
        population = _population([unit], period)
        per_unit.append(
            IkmSummary(
                puskesmas,
                unit,
                period,
                version,
                _result(version, elements, sums.get(unit.pk, {}), counts.get(unit.pk, 0)),
                population,
                minimum_sample(population),
            )
        )
    whole_sums: dict = defaultdict(lambda: (0, 0))
    for unit_sums in sums.values():
        for number, (total, answered) in unit_sums.items():
            t, a = whole_sums[number]
            whole_sums[number] = (t + total, a + answered)
    population = _population(units, period)
    whole = IkmSummary(
        puskesmas,
        None,
        period,
        version,
        _result(version, elements, dict(whole_sums), sum(counts.values())),
        population,
        minimum_sample(population),
    )
    return whole, per_unit


def ikm_unit(*, unit: ServiceUnit, period: Period) -> IkmSummary:
    version = version_current(puskesmas=unit.puskesmas)
    filters = {
        "unit": unit,
        "version": version,
        "answered_on__gte": period.start,
        "answered_on__lte": period.end,
    }
    sums, counts = _totals(filters, None)
    population = _population([unit], period)
    result = _result(version, list(version.elements.all()), sums.get(None, {}), counts[None])
    return IkmSummary(unit.puskesmas, unit, period, version, result, population, minimum_sample(population))


def ikm_comparison(*, puskesmas: QuerySet[Puskesmas], period: Period) -> list[IkmSummary]:
    """One row per Puskesmas for the district comparison table (few queries for the whole district)."""
    rows = list(puskesmas.order_by("name"))
    if not rows:
        return []
    version = version_current(puskesmas=rows[0])
    elements = list(version.elements.all())
    filters = {
        "puskesmas__in": rows,
        "version": version,
        "answered_on__gte": period.start,
        "answered_on__lte": period.end,
    }
    sums, counts = _totals(filters, "puskesmas_id")
    visits: dict = defaultdict(int)
    for unit in ServiceUnit.objects.filter(puskesmas__in=rows, active=True):
        visits[unit.puskesmas_id] += unit.monthly_visits
    summaries = []
    for p in rows:
        population = visits[p.pk] * period.months
        result = _result(version, elements, sums.get(p.pk, {}), counts.get(p.pk, 0))
        summaries.append(IkmSummary(p, None, period, version, result, population, minimum_sample(population)))
    return summaries


def ikm_trend(*, puskesmas: Puskesmas, periods: list[Period]) -> list[IkmSummary]:
    return [ikm_puskesmas(puskesmas=puskesmas, period=period)[0] for period in periods]


def respondent_profile(
    *, puskesmas: Puskesmas, period: Period, unit: ServiceUnit | None = None
) -> list[dict]:
    """Counts and shares per profile field (the respondent tables of the official report)."""
    qs = Response.objects.filter(puskesmas=puskesmas).for_period(period)
    if unit is not None:
        qs = qs.filter(unit=unit)
    total = qs.count()
    tables = []
    for field, title in (
        ("age_group", _("Umur")),
        ("sex", _("Jenis kelamin")),
        ("education", _("Pendidikan")),
        ("occupation", _("Pekerjaan")),
    ):
        counts = {r[field]: r["n"] for r in qs.values(field).annotate(n=Count("id")).order_by()}
        choices = Response._meta.get_field(field).choices
        rows = [(label, counts.get(value, 0)) for value, label in choices]
        if counts.get(""):
            rows.append((_("Tidak diisi"), counts[""]))
        tables.append(
            {
                "title": title,
                "rows": [(label, n, round(n * 100 / total, 1) if total else 0) for label, n in rows],
                "total": total,
            }
        )
    return tables


def comments_recent(*, puskesmas: Puskesmas, period: Period, limit: int = 20) -> QuerySet[Response]:
    return (
        Response.objects.filter(puskesmas=puskesmas)
        .for_period(period)
        .exclude(comment="")
        .select_related("unit")[:limit]
    )


def publication_get(*, puskesmas: Puskesmas, period: Period) -> IkmPublication | None:
    return IkmPublication.objects.filter(
        puskesmas=puskesmas, unit__isnull=True, period_key=period.key
    ).first()


def ikm_latest(*, puskesmas_ids: Iterable[int]) -> dict[int, dict]:
    """The latest *published* IKM per Puskesmas, as plain data for the portal and the waiting-room screen.

    {puskesmas_id: {"period": "Semester I 2026", "period_key", "period_start", "period_end",
    "converted": Decimal, "ikm": Decimal, "grade": "A", "label": "Sangat Baik", "respondents": int,
    "sample_enough": bool, "lowest_element": "Waktu Penyelesaian", "published_at": datetime,
    "version": "PermenPAN-RB 14/2017, bobot 1/9"}}. Puskesmas with nothing published are absent.
    """
    from kinerja.satisfaction.formulas import period_parse

    latest: dict[int, dict] = {}
    publications = (
        IkmPublication.objects.filter(puskesmas_id__in=list(puskesmas_ids), unit__isnull=True)
        .select_related("version")
        .order_by("puskesmas_id", "-period_end", "-published_at")
    )
    for pub in publications:
        if pub.puskesmas_id in latest:
            continue
        rated = [e for e in pub.elements if e.get("nrr") is not None]
        lowest = min(rated, key=lambda e: (float(e["nrr"]), e["number"]))["name"] if rated else ""
        latest[pub.puskesmas_id] = {
            "period": period_parse(pub.period_key).label,
            "period_key": pub.period_key,
            "period_start": pub.period_start,
            "period_end": pub.period_end,
            "converted": pub.converted,
            "ikm": pub.ikm,
            "grade": pub.grade,
            "label": pub.label,
            "respondents": pub.respondents,
            "sample_enough": pub.sample_enough,
            "lowest_element": lowest,
            "published_at": pub.published_at,
            "version": pub.version.name,
        }
    return latest


def complaint_list(*, puskesmas: QuerySet[Puskesmas] | Puskesmas, status: str = "") -> QuerySet[Complaint]:
    qs = Complaint.objects.select_related("unit", "puskesmas")
    qs = (
        qs.filter(puskesmas__in=puskesmas)
        if isinstance(puskesmas, QuerySet)
        else qs.filter(puskesmas=puskesmas)
    )
    if status:
        qs = qs.filter(status=status)
    return qs


def complaint_stats(*, complaints: QuerySet[Complaint]) -> dict:
    """Counts per status and how many answers came within the target time."""
    complaints = complaints.select_related(None)
    by_status = {r["status"]: r["n"] for r in complaints.values("status").annotate(n=Count("id")).order_by()}
    answered = list(complaints.filter(answered_at__isnull=False).only("answered_at", "due_at", "received_at"))
    on_time = sum(1 for c in answered if c.answered_at <= c.due_at)
    open_overdue = sum(1 for c in complaints.filter(answered_at__isnull=True).only("due_at") if c.is_overdue)
    return {
        "by_status": [(label, by_status.get(value, 0)) for value, label in Complaint.Status.choices],
        "answered": len(answered),
        "on_time": on_time,
        "on_time_percent": round(on_time * 100 / len(answered)) if answered else None,
        "open_overdue": open_overdue,
    }
