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

from django.db import connection
from django.db.models import Q

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
SUM, LAST, AVERAGE = (
    DataElement.Aggregation.SUM,
    DataElement.Aggregation.LAST,
    DataElement.Aggregation.AVERAGE,
)
SPM, MANAGEMENT = Indicator.Method.SPM, Indicator.Method.MANAGEMENT


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
    specs = [(ind.code, _Spec.of(ind)) for ind in indicators]
    tree = _Tree(version, nodes, indicators)
    rows = []
    for p in puskesmas:
        results = {
            code: _indicator_result(spec, p.pk, month, populations, targets, values) for code, spec in specs
        }
        rows.append(tree.score(p, results))
    _rank(rows)
    return Scorecard(version=version, year=year, month=month, rows=rows)


def _populations(ids, year, indicators) -> dict[tuple[int, int], int]:
    groups = {i.denominator_group_id for i in indicators if i.denominator_group_id}
    rows = Target.objects.filter(puskesmas_id__in=ids, year=year, group_id__in=groups).values_list(
        "puskesmas_id", "group_id", "value"
    )
    return {(pid, gid): value for pid, gid, value in rows}


def _targets(ids, year, indicators) -> dict[tuple[int | None, int], IndicatorTarget]:
    rows = IndicatorTarget.objects.filter(
        Q(puskesmas__isnull=True) | Q(puskesmas_id__in=ids), indicator__in=indicators, year=year
    )
    return {(t.puskesmas_id, t.indicator_id): t for t in rows}


AGGREGATES = ("total", "n", "last", "prev_total", "prev_n", "prev_last")


def _aggregates(ids, year, month, indicators, statuses) -> dict[tuple[int, int], dict]:
    """{(Puskesmas, element): {total, n, last, prev_total, prev_n, prev_last}} in one statement.

    Plain SQL: at national scale (10,000 Puskesmas, ~400,000 groups) the ORM's per-row converters
    cost more than the query itself.
    """
    elements = sorted(
        {i.numerator_id for i in indicators}
        | {i.denominator_element_id for i in indicators if i.denominator_element_id}
    )
    if not ids or not elements or (statuses is not None and not list(statuses)):
        return {}

    def marks(items) -> str:
        return ", ".join(["%s"] * len(items))

    statuses = list(statuses) if statuses is not None else None
    status_sql = f"AND r.status IN ({marks(statuses)})" if statuses else ""
    sql = f"""
        SELECT r.puskesmas_id, v.data_element_id,
               SUM(v.value), COUNT(*), MAX(r.month * {ENCODE} + v.value),
               SUM(CASE WHEN r.month < %s THEN v.value END),
               COUNT(CASE WHEN r.month < %s THEN 1 END),
               MAX(CASE WHEN r.month < %s THEN r.month * {ENCODE} + v.value END)
        FROM {Value._meta.db_table} v JOIN {Report._meta.db_table} r ON r.id = v.report_id
        WHERE r.puskesmas_id IN ({marks(ids)}) AND r.year = %s AND r.month <= %s
              AND v.data_element_id IN ({marks(elements)}) {status_sql}
        GROUP BY r.puskesmas_id, v.data_element_id
    """
    params = [month, month, month, *ids, year, month, *elements, *(statuses or [])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(row[0], row[1]): dict(zip(AGGREGATES, row[2:], strict=True)) for row in cursor.fetchall()}


@dataclass(slots=True)
class _Spec:
    """The fields of an indicator the computation needs, read once (not per Puskesmas)."""

    indicator: Indicator
    pk: int
    method: str
    polarity: str
    factor: int
    target: float
    target_high: float | None
    numerator_id: int
    numerator_aggregation: str
    denominator_element_id: int | None
    denominator_aggregation: str | None
    denominator_group_id: int | None

    @classmethod
    def of(cls, ind: Indicator) -> "_Spec":
        den = ind.denominator_element
        return cls(
            ind, ind.pk, ind.method, ind.polarity, ind.factor, float(ind.target),
            None if ind.target_high is None else float(ind.target_high),
            ind.numerator_id, ind.numerator.aggregation, ind.denominator_element_id,
            den.aggregation if den else None, ind.denominator_group_id,
        )  # fmt: skip


def _combined(agg: dict | None, aggregation: str | None, previous: bool) -> float | None:
    if agg is None:
        return None
    n = agg["prev_n" if previous else "n"]
    if not n:
        return None
    if aggregation == LAST:
        return float(agg["prev_last" if previous else "last"] % ENCODE)
    total = float(agg["prev_total" if previous else "total"])
    return total / n if aggregation == AVERAGE else total


def _indicator_result(spec: _Spec, pid: int, month: int, populations, targets, values) -> IndicatorResult:
    res = IndicatorResult(indicator=spec.indicator, target=spec.target, target_high=spec.target_high)
    target_row = targets.get((pid, spec.pk)) or targets.get((None, spec.pk))
    if target_row is not None:
        res.target = float(target_row.target)
        res.target_high = None if target_row.target_high is None else float(target_row.target_high)
    numerator = values.get((pid, spec.numerator_id))
    res.months_reported = numerator["n"] if numerator else 0
    res.result, res.numerator, res.denominator = _result(spec, pid, month, populations, values, False)
    res.score = _score(spec, res.result, res.target, res.target_high)
    if month > 1:
        res.previous_result = _result(spec, pid, month - 1, populations, values, True)[0]
        res.previous_score = _score(spec, res.previous_result, res.target, res.target_high)
    if spec.denominator_group_id:
        res.population = populations.get((pid, spec.denominator_group_id))
    if spec.method == SPM:
        res.met = res.result is not None and res.result >= res.target
    return res


def _result(spec: _Spec, pid: int, period: int, populations, values, previous: bool):
    numerator = _combined(values.get((pid, spec.numerator_id)), spec.numerator_aggregation, previous)
    if spec.method == MANAGEMENT:
        return numerator, numerator, None
    denominator = None
    if spec.denominator_group_id:
        population = populations.get((pid, spec.denominator_group_id))
        if population is not None:
            denominator = float(population)
            if spec.numerator_aggregation == SUM:
                denominator = f.prorated(denominator, period)
    elif spec.denominator_element_id:
        agg = values.get((pid, spec.denominator_element_id))
        denominator = _combined(agg, spec.denominator_aggregation, previous)
    return f.ratio(numerator, denominator, spec.factor), numerator, denominator


def _score(spec: _Spec, result: float | None, target: float, target_high: float | None) -> float | None:
    if result is None:
        return None
    if spec.method == MANAGEMENT:
        return result
    if spec.method == SPM:
        return min(100.0, result)
    return f.indicator_score(result=result, target=target, polarity=spec.polarity, target_high=target_high)


class _Tree:
    """A framework version's tree and bands, prepared once and applied to each Puskesmas."""

    def __init__(self, version: FrameworkVersion, nodes: list[Node], indicators: list[Indicator]):
        self.version = version
        self.is_spm = version.framework.kind == "spm"
        self.by_parent: dict[int | None, list[Node]] = {}
        for node in nodes:
            self.by_parent.setdefault(node.parent_id, []).append(node)
        self.codes_by_node: dict[int, list[str]] = {}
        for ind in indicators:
            self.codes_by_node.setdefault(ind.node_id, []).append(ind.code)
        self.bands = {
            Node.Scale.PERCENT: (version.good_min, version.fair_min, version.decimals),
            Node.Scale.MANAGEMENT: (version.mgmt_good_min, version.mgmt_fair_min, version.mgmt_decimals),
        }

    def category(self, scale: str, score: float | None) -> str | None:
        if self.is_spm or score is None:
            return None
        good, fair, decimals = self.bands[scale]
        return f.category(score, good_min=good, fair_min=fair, decimals=decimals)

    def build(self, node: Node, results: dict[str, IndicatorResult]) -> NodeResult:
        out = NodeResult(node=node, indicators=[results[c] for c in self.codes_by_node.get(node.pk, [])])
        out.children = [self.build(child, results) for child in self.by_parent.get(node.pk, [])]
        out.score = f.mean([c.score for c in out.children] + [i.score for i in out.indicators])
        out.category = self.category(node.scale, out.score)
        met = [i.met for i in out.indicators if i.met is not None] + [
            c.met for c in out.children if c.met is not None
        ]
        out.met = all(met) if met else None
        return out

    def score(self, puskesmas: Puskesmas, results: dict[str, IndicatorResult]) -> PuskesmasScore:
        roots = [self.build(node, results) for node in self.by_parent.get(None, [])]
        for res in results.values():
            res.category = self.category(_scale(res.indicator), res.score)
        score = PuskesmasScore(puskesmas=puskesmas, nodes=roots, indicators=results)
        code = self.version.headline_node
        headline = _find(roots, code) if code else None
        percent_roots = [r for r in roots if r.node.scale == Node.Scale.PERCENT]
        score.overall = headline.score if headline else f.mean(r.score for r in percent_roots)
        score.category = self.category(Node.Scale.PERCENT, score.overall)
        management = [r for r in roots if r.node.scale == Node.Scale.MANAGEMENT]
        score.management = f.mean(r.score for r in management) if management else None
        score.management_category = self.category(Node.Scale.MANAGEMENT, score.management)
        score.services_met = sum(1 for r in results.values() if r.met)
        return score


def _scale(indicator: Indicator) -> str:
    return Node.Scale.MANAGEMENT if indicator.method == Indicator.Method.MANAGEMENT else Node.Scale.PERCENT


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
