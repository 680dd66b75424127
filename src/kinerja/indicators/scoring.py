"""The scoring service: achievements, scores and categories for one Puskesmas or many, year to date.

`scorecard()` runs a fixed number of queries whatever the number of Puskesmas: the framework
version, its nodes, its indicators, the target populations, the yearly indicator targets, and one
aggregate over the narrow `Value` table grouped by (Puskesmas, data element) that yields, for the
month asked and for the month before, the cumulative sum, the number of months reported and the
last reported value (encoded as MAX(month * 10^10 + value) so no per-row read is needed).

Rules (DOMAIN.md Part A):
- achievement = numerator / denominator x factor; a yearly target population (sasaran) is pro-rated
  to the month (S x month / 12) when the numerator adds up month by month;
- PKP score = min(100, achievement / target x 100), lower-is-better and range rules per indicator;
  SPM achievement is shown uncapped and "met" at 100 or more; management items score 0-10;
- nodes (variable, programme, service, cluster) = mean of what lies under them; the Puskesmas
  overall = the framework version's headline node, or the mean of its top percent-scale nodes;
- the version used is the one in force at the month asked (a catalogue change mid-year applies to
  the whole year to date of the months after it; earlier months keep their own version).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import BigIntegerField, Count, ExpressionWrapper, F, Max, Q, Sum

from kinerja.core.errors import ApplicationError
from kinerja.facilities.models import Puskesmas
from kinerja.indicators import formulas as f
from kinerja.indicators.models import (
    DataElement,
    FrameworkVersion,
    Indicator,
    IndicatorTarget,
    Node,
    Report,
    Target,
    Value,
)

ENCODE = 10**10


@dataclass
class IndicatorResult:
    indicator: Indicator
    numerator: float | None = None
    denominator: float | None = None
    population: int | None = None
    result: float | None = None
    target: float = 100.0
    target_high: float | None = None
    score: float | None = None
    category: str | None = None
    met: bool | None = None
    previous_result: float | None = None
    previous_score: float | None = None
    months_reported: int = 0

    @property
    def change(self) -> float | None:
        return f.change(self.result, self.previous_result)


@dataclass
class NodeResult:
    node: Node
    score: float | None = None
    category: str | None = None
    met: bool | None = None
    children: list["NodeResult"] = field(default_factory=list)
    indicators: list[IndicatorResult] = field(default_factory=list)


@dataclass
class PuskesmasScore:
    puskesmas: Puskesmas
    nodes: list[NodeResult]
    indicators: dict[str, IndicatorResult]
    overall: float | None = None
    category: str | None = None
    management: float | None = None
    management_category: str | None = None
    services_met: int = 0
    rank: int | None = None

    def node(self, code: str) -> NodeResult | None:
        return _find(self.nodes, code)


@dataclass
class Scorecard:
    version: FrameworkVersion
    year: int
    month: int
    rows: list[PuskesmasScore]

    @property
    def is_spm(self) -> bool:
        return self.version.framework.kind == "spm"

    def row(self, puskesmas_id: int) -> PuskesmasScore | None:
        return next((r for r in self.rows if r.puskesmas.pk == puskesmas_id), None)


def version_in_force(*, framework: str, year: int, month: int) -> FrameworkVersion:
    key = Q(valid_from_year__lt=year) | Q(valid_from_year=year, valid_from_month__lte=month)
    version = (
        FrameworkVersion.objects.filter(key, framework__code=framework)
        .select_related("framework")
        .order_by("-valid_from_year", "-valid_from_month")
        .first()
    )
    if version is None:
        raise ApplicationError(f"Belum ada katalog '{framework}' yang berlaku untuk {month}/{year}.")
    return version


def scorecard(
    *,
    puskesmas_ids: Iterable[int],
    year: int,
    month: int | None = None,
    framework: str = "pkp",
    statuses: Sequence[str] | None = Report.COMPLETE_STATUSES,
) -> Scorecard:
    """Scores of each Puskesmas for `framework`, year to date at `month` (December when None).

    `statuses` limits the reports counted (submitted and later by default; None counts drafts too).
    Rows are ordered by rank (best first); Puskesmas without any score come last.
    """
    month = month or 12
    ids = list(puskesmas_ids)
    version = version_in_force(framework=framework, year=year, month=month)
    nodes = list(version.nodes.order_by("order"))
    indicators = list(
        version.indicators.select_related("numerator", "denominator_element", "denominator_group")
    )
    puskesmas = list(Puskesmas.objects.filter(pk__in=ids).order_by("name"))
    populations = _populations(ids, year, indicators)
    targets = _targets(ids, year, indicators)
    values = _aggregates(ids, year, month, indicators, statuses)
    rows = []
    for p in puskesmas:
        results = {
            ind.code: _indicator_result(ind, p.pk, month, populations, targets, values) for ind in indicators
        }
        rows.append(_puskesmas_score(version, p, nodes, indicators, results))
    _rank(rows)
    return Scorecard(version=version, year=year, month=month, rows=rows)


def _populations(ids, year, indicators) -> dict[tuple[int, int], int]:
    groups = {i.denominator_group_id for i in indicators if i.denominator_group_id}
    rows = Target.objects.filter(puskesmas_id__in=ids, year=year, group_id__in=groups)
    return {(t.puskesmas_id, t.group_id): t.value for t in rows}


def _targets(ids, year, indicators) -> dict[tuple[int | None, int], IndicatorTarget]:
    rows = IndicatorTarget.objects.filter(
        Q(puskesmas__isnull=True) | Q(puskesmas_id__in=ids), indicator__in=indicators, year=year
    )
    return {(t.puskesmas_id, t.indicator_id): t for t in rows}


def _aggregates(ids, year, month, indicators, statuses) -> dict[tuple[int, int], dict]:
    elements = {i.numerator_id for i in indicators} | {
        i.denominator_element_id for i in indicators if i.denominator_element_id
    }
    queryset = Value.objects.filter(
        report__puskesmas_id__in=ids,
        report__year=year,
        report__month__lte=month,
        data_element_id__in=elements,
    )
    if statuses is not None:
        queryset = queryset.filter(report__status__in=list(statuses))
    encoded = ExpressionWrapper(F("report__month") * ENCODE + F("value"), output_field=BigIntegerField())
    before = Q(report__month__lt=month)
    rows = queryset.values("report__puskesmas_id", "data_element_id").annotate(
        total=Sum("value"),
        n=Count("id"),
        last=Max(encoded),
        prev_total=Sum("value", filter=before),
        prev_n=Count("id", filter=before),
        prev_last=Max(encoded, filter=before),
    )
    return {(r["report__puskesmas_id"], r["data_element_id"]): r for r in rows}


def _combined(agg: dict | None, element: DataElement, previous: bool) -> float | None:
    if agg is None:
        return None
    prefix = "prev_" if previous else ""
    n = agg[f"{prefix}n"]
    if not n:
        return None
    if element.aggregation == DataElement.Aggregation.LAST:
        return float(agg[f"{prefix}last"] % ENCODE)
    total = float(agg[f"{prefix}total"])
    return total / n if element.aggregation == DataElement.Aggregation.AVERAGE else total


def _indicator_result(ind: Indicator, pid: int, month: int, populations, targets, values) -> IndicatorResult:
    target_row = targets.get((pid, ind.pk)) or targets.get((None, ind.pk))
    res = IndicatorResult(indicator=ind)
    res.target = float(target_row.target if target_row else ind.target)
    high = target_row.target_high if target_row else ind.target_high
    res.target_high = float(high) if high is not None else None
    numerator = values.get((pid, ind.numerator_id))
    res.months_reported = numerator["n"] if numerator else 0
    for previous in (False, True):
        period = month - 1 if previous else month
        result = None
        if period >= 1:
            result, num, den = _result(ind, pid, period, populations, values, previous)
            if not previous:
                res.numerator, res.denominator = num, den
        score = _score(ind, result, res.target, res.target_high)
        if previous:
            res.previous_result, res.previous_score = result, score
        else:
            res.result, res.score = result, score
    if ind.denominator_group_id:
        res.population = populations.get((pid, ind.denominator_group_id))
    if ind.method == Indicator.Method.SPM:
        res.met = res.result is not None and res.result >= res.target
    return res


def _result(ind: Indicator, pid: int, period: int, populations, values, previous: bool):
    numerator = _combined(values.get((pid, ind.numerator_id)), ind.numerator, previous)
    if ind.method == Indicator.Method.MANAGEMENT:
        return numerator, numerator, None
    if ind.denominator_group_id:
        population = populations.get((pid, ind.denominator_group_id))
        denominator = None if population is None else float(population)
        if denominator is not None and ind.numerator.aggregation == DataElement.Aggregation.SUM:
            denominator = f.prorated(denominator, period)
    elif ind.denominator_element_id:
        element = ind.denominator_element
        denominator = _combined(values.get((pid, ind.denominator_element_id)), element, previous)
    else:
        denominator = None
    return f.ratio(numerator, denominator, ind.factor), numerator, denominator


def _score(ind: Indicator, result: float | None, target: float, target_high: float | None) -> float | None:
    if result is None:
        return None
    if ind.method == Indicator.Method.MANAGEMENT:
        return result
    if ind.method == Indicator.Method.SPM:
        return min(100.0, result)
    return f.indicator_score(result=result, target=target, polarity=ind.polarity, target_high=target_high)


def _puskesmas_score(version, puskesmas, nodes, indicators, results) -> PuskesmasScore:
    by_parent: dict[int | None, list[Node]] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id, []).append(node)
    by_node: dict[int, list[IndicatorResult]] = {}
    for ind in indicators:
        by_node.setdefault(ind.node_id, []).append(results[ind.code])

    def build(node: Node) -> NodeResult:
        out = NodeResult(node=node, indicators=by_node.get(node.pk, []))
        out.children = [build(child) for child in by_parent.get(node.pk, [])]
        out.score = f.mean([c.score for c in out.children] + [i.score for i in out.indicators])
        out.category = _category(version, node.scale, out.score)
        met = [i.met for i in out.indicators if i.met is not None] + [
            c.met for c in out.children if c.met is not None
        ]
        out.met = all(met) if met else None
        return out

    roots = [build(node) for node in by_parent.get(None, [])]
    for ind_result in results.values():
        if ind_result.indicator.method != Indicator.Method.SPM:
            ind_result.category = _category(version, _scale(ind_result.indicator), ind_result.score)
    score = PuskesmasScore(puskesmas=puskesmas, nodes=roots, indicators=results)
    headline = _find(roots, version.headline_node) if version.headline_node else None
    percent_roots = [r for r in roots if r.node.scale == Node.Scale.PERCENT]
    score.overall = headline.score if headline else f.mean(r.score for r in percent_roots)
    score.category = _category(version, Node.Scale.PERCENT, score.overall)
    management = [r for r in roots if r.node.scale == Node.Scale.MANAGEMENT]
    score.management = f.mean(r.score for r in management) if management else None
    score.management_category = _category(version, Node.Scale.MANAGEMENT, score.management)
    score.services_met = sum(1 for r in results.values() if r.met)
    if version.framework.kind == "spm":
        score.category = None
    return score


def _scale(indicator: Indicator) -> str:
    return Node.Scale.MANAGEMENT if indicator.method == Indicator.Method.MANAGEMENT else Node.Scale.PERCENT


def _category(version: FrameworkVersion, scale: str, score: float | None) -> str | None:
    if version.framework.kind == "spm":
        return None
    if scale == Node.Scale.MANAGEMENT:
        return f.category(
            score,
            good_min=version.mgmt_good_min,
            fair_min=version.mgmt_fair_min,
            decimals=version.mgmt_decimals,
        )
    return f.category(score, good_min=version.good_min, fair_min=version.fair_min, decimals=version.decimals)


def _find(nodes: list[NodeResult], code: str) -> NodeResult | None:
    for result in nodes:
        if result.node.code == code:
            return result
        found = _find(result.children, code)
        if found:
            return found
    return None


def _rank(rows: list[PuskesmasScore]) -> None:
    """Competition ranking on the overall score (ties share a rank); unscored rows come last."""
    rows.sort(key=lambda r: (r.overall is None, -(r.overall or 0), r.puskesmas.name))
    previous, rank = None, 0
    for position, row in enumerate(rows, 1):
        if row.overall is None:
            continue
        rounded = round(row.overall, 6)
        if rounded != previous:
            rank, previous = position, rounded
        row.rank = rank


def monthly_trend(
    *, puskesmas_ids: Iterable[int], year: int, framework: str = "pkp", indicator_code: str | None = None,
    statuses: Sequence[str] | None = Report.COMPLETE_STATUSES, upto: int = 12,
) -> dict[int, list[float | None]]:  # fmt: skip
    """Year-to-date score (overall, or one indicator's achievement) per Puskesmas for months 1..upto.

    One scorecard per month: 12 x a fixed number of queries, whatever the number of Puskesmas.
    """
    ids = list(puskesmas_ids)
    series: dict[int, list[float | None]] = {pid: [] for pid in ids}
    for month in range(1, upto + 1):
        try:
            card = scorecard(
                puskesmas_ids=ids, year=year, month=month, framework=framework, statuses=statuses
            )
        except ApplicationError:
            for pid in ids:
                series[pid].append(None)
            continue
        for row in card.rows:
            if indicator_code:
                result = row.indicators.get(indicator_code)
                series[row.puskesmas.pk].append(result.result if result else None)
            else:
                series[row.puskesmas.pk].append(row.overall)
    return series
