"""The scoring service: achievements, scores and categories for one Puskesmas or many, year to date.

`scorecard()` runs a fixed number of queries whatever the number of Puskesmas: the framework
version, its nodes, its indicators, the target populations, the yearly indicator targets, and one
read of the yearly copy of the values (`yearly.aggregates`, a row per Puskesmas and data element)
that yields, for the month asked and for the month before, the cumulative sum, the number of months
reported and the last reported value.

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

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db.models import Q

from kinerja.core.errors import ApplicationError
from kinerja.facilities.models import Puskesmas
from kinerja.indicators import formulas as f
from kinerja.indicators import yearly
from kinerja.indicators.models import (
    DataElement,
    FrameworkVersion,
    Indicator,
    IndicatorTarget,
    Node,
    Report,
    Target,
)

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
    with _cycle_collector_paused():
        return _scorecard(ids, year, month, framework, statuses)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """The whole country's scorecard builds about a million objects, none of them in a reference
    cycle, so reference counting frees them all; meanwhile Python's cycle collector would walk every
    live object again and again (a quarter of the time). It is paused while they are built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _scorecard(ids: list[int], year: int, month: int, framework: str, statuses) -> Scorecard:
    version = version_in_force(framework=framework, year=year, month=month)
    nodes = list(version.nodes.order_by("order"))
    indicators = list(
        version.indicators.select_related("numerator", "denominator_element", "denominator_group")
    )
    puskesmas = list(Puskesmas.objects.filter(pk__in=ids).order_by("name"))
    populations = _populations(ids, year, indicators)
    district_targets, own_targets = _targets(ids, year, indicators)
    values = _aggregates(ids, year, month, indicators, statuses)
    tree = _Tree(version, nodes, indicators)
    specs = [_Spec.of(ind, district_targets.get(ind.pk), tree) for ind in indicators]
    rows = []
    for p in puskesmas:
        pid = p.pk
        own = values.get(pid, _NOTHING)
        pops = populations.get(pid, _NOTHING)
        results = {
            spec.code: _indicator_result(spec, month, pops, own, own_targets.get((pid, spec.pk)))
            for spec in specs
        }
        rows.append(tree.score(p, results))
    _rank(rows)
    return Scorecard(version=version, year=year, month=month, rows=rows)


_NOTHING: dict = {}


def _populations(ids, year, indicators) -> dict[int, dict[int, int]]:
    """{Puskesmas: {target group: yearly target population}}."""
    groups = {i.denominator_group_id for i in indicators if i.denominator_group_id}
    rows = Target.objects.filter(puskesmas_id__in=ids, year=year, group_id__in=groups).values_list(
        "puskesmas_id", "group_id", "value"
    )
    populations: dict[int, dict[int, int]] = {}
    for pid, gid, value in rows:
        populations.setdefault(pid, {})[gid] = value
    return populations


def _targets(ids, year, indicators):
    """Yearly indicator targets: ({indicator: district-wide}, {(Puskesmas, indicator): its own})."""
    rows = IndicatorTarget.objects.filter(
        Q(puskesmas__isnull=True) | Q(puskesmas_id__in=ids), indicator__in=indicators, year=year
    )
    district, own = {}, {}
    for t in rows:
        if t.puskesmas_id is None:
            district[t.indicator_id] = t
        else:
            own[(t.puskesmas_id, t.indicator_id)] = t
    return district, own


def _aggregates(ids, year, month, indicators, statuses) -> dict[int, dict[int, tuple]]:
    elements = sorted(
        {i.numerator_id for i in indicators}
        | {i.denominator_element_id for i in indicators if i.denominator_element_id}
    )
    return yearly.aggregates(
        puskesmas_ids=ids, year=year, month=month, element_ids=elements,
        statuses=None if statuses is None else list(statuses),
    )  # fmt: skip


@dataclass(slots=True)
class _Spec:
    """The fields of an indicator the computation needs, read once (not per Puskesmas)."""

    indicator: Indicator
    pk: int
    code: str
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
    bands: object

    @classmethod
    def of(cls, ind: Indicator, district_target: IndicatorTarget | None, tree: "_Tree") -> "_Spec":
        den = ind.denominator_element
        target = district_target or ind
        return cls(
            ind, ind.pk, ind.code, ind.method, ind.polarity, ind.factor, float(target.target),
            None if target.target_high is None else float(target.target_high),
            ind.numerator_id, ind.numerator.aggregation, ind.denominator_element_id,
            den.aggregation if den else None, ind.denominator_group_id, tree.bands_of(_scale(ind)),
        )  # fmt: skip


CURRENT, PREVIOUS = 0, 3  # offsets of the month asked and of the month before in an aggregate row


def _combined(agg: tuple | None, aggregation: str | None, offset: int) -> float | None:
    if agg is None:
        return None
    n = agg[offset + 1]
    if not n:
        return None
    if aggregation == LAST:
        return float(agg[offset + 2])
    total = float(agg[offset])
    return total / n if aggregation == AVERAGE else total


def _indicator_result(spec: _Spec, month: int, populations, values, own_target) -> IndicatorResult:
    res = IndicatorResult(indicator=spec.indicator, target=spec.target, target_high=spec.target_high)
    if own_target is not None:
        res.target = float(own_target.target)
        res.target_high = None if own_target.target_high is None else float(own_target.target_high)
    numerator = values.get(spec.numerator_id)
    res.months_reported = numerator[1] if numerator else 0
    res.result, res.numerator, res.denominator = _result(spec, month, populations, values, CURRENT)
    res.score = _score(spec, res.result, res.target, res.target_high)
    if month > 1:
        res.previous_result = _result(spec, month - 1, populations, values, PREVIOUS)[0]
        res.previous_score = _score(spec, res.previous_result, res.target, res.target_high)
    if spec.denominator_group_id:
        res.population = populations.get(spec.denominator_group_id)
    if spec.method == SPM:
        res.met = res.result is not None and res.result >= res.target
    res.category = spec.bands(res.score)
    return res


def _result(spec: _Spec, period: int, populations, values, offset: int):
    numerator = _combined(values.get(spec.numerator_id), spec.numerator_aggregation, offset)
    if spec.method == MANAGEMENT:
        return numerator, numerator, None
    denominator = None
    if spec.denominator_group_id:
        population = populations.get(spec.denominator_group_id)
        if population is not None:
            denominator = float(population)
            if spec.numerator_aggregation == SUM:
                denominator = f.prorated(denominator, period)
    elif spec.denominator_element_id:
        agg = values.get(spec.denominator_element_id)
        denominator = _combined(agg, spec.denominator_aggregation, offset)
    return f.ratio(numerator, denominator, spec.factor), numerator, denominator


def _score(spec: _Spec, result: float | None, target: float, target_high: float | None) -> float | None:
    if result is None:
        return None
    if spec.method == MANAGEMENT:
        return result
    if spec.method == SPM:
        return min(100.0, result)
    return f.indicator_score(result=result, target=target, polarity=spec.polarity, target_high=target_high)


def _no_category(score: float | None) -> None:
    return None


class _Tree:
    """A framework version's tree and bands, prepared once and applied to each Puskesmas.

    The nodes are kept children first (post-order), so one pass over a flat list scores a
    Puskesmas' whole tree.
    """

    def __init__(self, version: FrameworkVersion, nodes: list[Node], indicators: list[Indicator]):
        self.version = version
        self.is_spm = version.framework.kind == "spm"
        self.bands = {
            Node.Scale.PERCENT: f.Bands(
                good_min=version.good_min, fair_min=version.fair_min, decimals=version.decimals
            ),
            Node.Scale.MANAGEMENT: f.Bands(
                good_min=version.mgmt_good_min,
                fair_min=version.mgmt_fair_min,
                decimals=version.mgmt_decimals,
            ),
        }
        by_parent: dict[int | None, list[Node]] = {}
        for node in nodes:
            by_parent.setdefault(node.parent_id, []).append(node)
        codes_by_node: dict[int, list[str]] = {}
        for ind in indicators:
            codes_by_node.setdefault(ind.node_id, []).append(ind.code)
        self.flat: list[tuple[Node, list[int], list[str], object]] = []

        def visit(node: Node) -> int:
            children = [visit(child) for child in by_parent.get(node.pk, [])]
            self.flat.append((node, children, codes_by_node.get(node.pk, []), self.bands_of(node.scale)))
            return len(self.flat) - 1

        self.roots = [visit(node) for node in by_parent.get(None, [])]
        self.headline = next(
            (i for i, entry in enumerate(self.flat) if entry[0].code == version.headline_node), None
        )
        self.percent_roots = [i for i in self.roots if self.flat[i][0].scale == Node.Scale.PERCENT]
        self.management_roots = [i for i in self.roots if self.flat[i][0].scale == Node.Scale.MANAGEMENT]

    def bands_of(self, scale: str):
        return _no_category if self.is_spm else self.bands[scale]

    def score(self, puskesmas: Puskesmas, results: dict[str, IndicatorResult]) -> PuskesmasScore:
        built: list[NodeResult] = []
        for node, child_indexes, codes, bands in self.flat:
            children = [built[i] for i in child_indexes]
            under = [results[c] for c in codes]
            present = [c.score for c in children if c.score is not None]
            present += [i.score for i in under if i.score is not None]
            score = sum(present) / len(present) if present else None
            met = [i.met for i in under if i.met is not None] + [c.met for c in children if c.met is not None]
            built.append(NodeResult(node, score, bands(score), all(met) if met else None, children, under))
        score = PuskesmasScore(puskesmas=puskesmas, nodes=[built[i] for i in self.roots], indicators=results)
        if self.headline is not None:
            score.overall = built[self.headline].score
        else:
            score.overall = f.mean(built[i].score for i in self.percent_roots)
        score.category = self.bands_of(Node.Scale.PERCENT)(score.overall)
        if self.management_roots:
            score.management = f.mean(built[i].score for i in self.management_roots)
        score.management_category = self.bands_of(Node.Scale.MANAGEMENT)(score.management)
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
