"""Published achievements for the public pages and the waiting-room screen.

Only months whose report the Puskesmas head approved or the district verified count
(`Report.LOCKED_STATUSES`, passed to the indicators engine's `scorecard`): a draft or submitted
month is never shown. Each Puskesmas is shown year to date at its own latest approved month; the
district home at the latest month that at least half of its Puskesmas have approved, counting only
the Puskesmas approved for that month. The portal only reads here: scores come from
`indicators.scoring`, sentences from `indicators.sentences`, the IKM from `satisfaction.selectors`.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Max
from django.utils.translation import gettext as _

from kinerja.core.errors import ApplicationError
from kinerja.facilities.models import Puskesmas
from kinerja.indicators import formulas as f
from kinerja.indicators.models import Indicator, Report
from kinerja.indicators.scoring import PuskesmasScore, Scorecard, monthly_trend, scorecard
from kinerja.indicators.sentences import (
    achievement_sentence,
    category_label,
    number,
    period_label,
    puskesmas_sentence,
)
from kinerja.portal.trend import Trend, trend_points
from kinerja.satisfaction.selectors import ikm_latest

PUBLISHED = Report.LOCKED_STATUSES
MAX_CHANGES = 3


def latest_published_months(*, puskesmas_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Each Puskesmas' latest approved or verified month as (year, month); absent when none."""
    rows = (
        Report.objects.filter(puskesmas_id__in=puskesmas_ids, status__in=PUBLISHED)
        .values("puskesmas_id")
        .annotate(last=Max(F("year") * 100 + F("month")))
        .order_by()
    )
    return {r["puskesmas_id"]: divmod(r["last"], 100) for r in rows}


def district_period(*, puskesmas_ids: list[int]) -> tuple[int, int, set[int]] | None:
    """The latest month approved by at least half of the Puskesmas (else the latest approved by any),
    with the ids of the Puskesmas approved for that month."""
    counts = list(
        Report.objects.filter(puskesmas_id__in=puskesmas_ids, status__in=PUBLISHED)
        .values("year", "month")
        .annotate(n=Count("id"))
        .order_by("-year", "-month")[:24]
    )
    if not counts:
        return None
    half = (len(puskesmas_ids) + 1) // 2
    chosen = next((c for c in counts if c["n"] >= half), counts[0])
    year, month = chosen["year"], chosen["month"]
    ids = set(
        Report.objects.filter(
            puskesmas_id__in=puskesmas_ids, status__in=PUBLISHED, year=year, month=month
        ).values_list("puskesmas_id", flat=True)
    )
    return year, month, ids


def published_scorecard(*, ids: list[int], year: int, month: int, framework: str) -> Scorecard | None:
    """The framework's scorecard counting approved and verified reports only; None without a catalogue."""
    try:
        return scorecard(puskesmas_ids=ids, year=year, month=month, framework=framework, statuses=PUBLISHED)
    except ApplicationError:
        return None  # no catalogue of that framework for the month: nothing to show


# The Puskesmas page ---------------------------------------------------------------------------


@dataclass
class Group:
    """A programme or ILP cluster with its score and category, and its indicators' sentences."""

    code: str
    name: str
    score: str
    category: str | None
    sentences: list[str] = field(default_factory=list)
    value: float | None = None
    scale: str = "percent"

    @property
    def category_label(self) -> str:
        return category_label(self.category, "")


@dataclass
class SpmService:
    name: str
    result: str
    met: bool | None
    value: float | None = None

    @property
    def short_name(self) -> str:
        """ "Pelayanan kesehatan pada usia lanjut" -> "Usia lanjut", under a "Pelayanan kesehatan" heading."""
        name = self.name
        for prefix in ("Pelayanan kesehatan ", "pada "):
            if name.lower().startswith(prefix.lower()):
                name = name[len(prefix) :]
        return name[:1].upper() + name[1:]


@dataclass
class PuskesmasAchievements:
    period: str
    headline: str
    score: str
    category: str | None
    management: str
    management_category: str | None
    programmes: list[Group]
    clusters: list[Group]
    improved: list[str]
    fell: list[str]
    spm: list[SpmService]
    spm_sentence: str
    spm_met: int
    trend: Trend | None
    ikm: dict | None
    bands: str = ""

    @property
    def category_label(self) -> str:
        return category_label(self.category, "")

    @property
    def management_category_label(self) -> str:
        return category_label(self.management_category, "")


def programme_results(row: PuskesmasScore, *, card: Scorecard) -> list[Group]:
    """The topmost node of each programme (as the district dashboard's columns), with sentences."""
    nodes = list(card.version.nodes.all())
    by_id = {n.pk: n for n in nodes}
    groups = []
    for node in sorted(nodes, key=lambda n: n.order):
        parent = by_id.get(node.parent_id)
        if not node.programme or (parent is not None and parent.programme == node.programme):
            continue
        result = row.node(node.code)
        if result is None:
            continue
        sentences = [
            achievement_sentence(r, year=card.year, month=card.month) for r in _indicators_under(result)
        ]
        groups.append(
            Group(
                node.code,
                node.name,
                number(result.score),
                result.category,
                sentences,
                result.score,
                node.scale,
            )
        )
    return groups


def _indicators_under(result) -> list:
    found = list(result.indicators)
    for child in result.children:
        found += _indicators_under(child)
    return found


def cluster_results(row: PuskesmasScore, *, card: Scorecard) -> list[Group]:
    """ILP clusters: the version's top nodes."""
    return [
        Group(
            n.node.code,
            n.node.name,
            number(n.score),
            n.category,
            [achievement_sentence(r, year=card.year, month=card.month) for r in _indicators_under(n)],
            n.score,
            n.node.scale,
        )
        for n in row.nodes
    ]


def changes(row: PuskesmasScore, *, card: Scorecard) -> tuple[list[str], list[str]]:
    """Indicators whose year-to-date achievement rose or fell most since the month before."""
    moved = [
        r
        for r in row.indicators.values()
        if r.change is not None
        and abs(r.change) >= 0.05
        and r.indicator.method != Indicator.Method.MANAGEMENT
    ]
    up = sorted((r for r in moved if _better(r)), key=lambda r: -abs(r.change or 0))[:MAX_CHANGES]
    down = sorted((r for r in moved if not _better(r)), key=lambda r: -abs(r.change or 0))[:MAX_CHANGES]

    def say(r) -> str:
        word = _("naik") if (r.change or 0) > 0 else _("turun")
        return _("%(name)s %(word)s %(points)s poin menjadi %(value)s%(unit)s.") % {
            "name": r.indicator.name,
            "word": word,
            "points": number(abs(r.change or 0)),
            "value": number(r.result),
            "unit": "%" if r.indicator.unit == "%" else f" {r.indicator.unit}",
        }

    return [say(r) for r in up], [say(r) for r in down]


def _better(result) -> bool:
    """A rise is good news, except for lower-is-better indicators."""
    rising = (result.change or 0) > 0
    return not rising if result.indicator.polarity == Indicator.Polarity.LOWER else rising


def puskesmas_achievements(*, puskesmas: Puskesmas, with_trend: bool = True) -> PuskesmasAchievements | None:
    """Everything the Puskesmas page and the screen show about its approved achievements."""
    ikm = ikm_latest(puskesmas_ids=[puskesmas.pk]).get(puskesmas.pk)
    period = latest_published_months(puskesmas_ids=[puskesmas.pk]).get(puskesmas.pk)
    if period is None:
        return _ikm_only(ikm)
    year, month = period
    ids = [puskesmas.pk]
    pkp, spm, ilp = (
        published_scorecard(ids=ids, year=year, month=month, framework=fw) for fw in ("pkp", "spm", "ilp")
    )
    pkp_row = pkp.row(puskesmas.pk) if pkp else None
    spm_row = spm.row(puskesmas.pk) if spm else None
    ilp_row = ilp.row(puskesmas.pk) if ilp else None
    improved, fell = changes(pkp_row, card=pkp) if pkp and pkp_row else ([], [])
    trend = None
    if with_trend and pkp and month > 1:
        series = monthly_trend(puskesmas_ids=ids, year=year, framework="pkp", statuses=PUBLISHED, upto=month)
        trend = trend_points(
            series[puskesmas.pk], good=float(pkp.version.good_min), fair=float(pkp.version.fair_min)
        )
    return PuskesmasAchievements(
        period=period_label(year, month),
        headline=puskesmas_sentence(pkp_row, card=pkp) if pkp and pkp_row else "",
        score=number(pkp_row.overall) if pkp_row else "-",
        category=pkp_row.category if pkp_row else None,
        management=number(pkp_row.management) if pkp_row else "-",
        management_category=pkp_row.management_category if pkp_row else None,
        programmes=programme_results(pkp_row, card=pkp) if pkp and pkp_row else [],
        clusters=cluster_results(ilp_row, card=ilp) if ilp and ilp_row else [],
        improved=improved,
        fell=fell,
        spm=[
            SpmService(r.indicator.name, number(r.result), r.met, r.result)
            for r in (spm_row.indicators.values() if spm_row else [])
        ],
        spm_sentence=puskesmas_sentence(spm_row, card=spm) if spm and spm_row else "",
        spm_met=spm_row.services_met if spm_row else 0,
        trend=trend,
        ikm=ikm_display(ikm),
        bands=bands_sentence(pkp) if pkp else "",
    )


def bands_sentence(card: Scorecard) -> str:
    """How a score reads: the framework version's category bands in words."""
    good, fair = number(float(card.version.good_min), 0), number(float(card.version.fair_min), 0)
    return _(
        "Nilai %(good)s ke atas: Baik. %(fair)s sampai di bawah %(good)s: Cukup. Di bawah %(fair)s: Kurang."
    ) % {
        "good": good,
        "fair": fair,
    }


def _ikm_only(ikm: dict | None) -> PuskesmasAchievements | None:
    if ikm is None:
        return None
    return PuskesmasAchievements(
        period="", headline="", score="-", category=None, management="-", management_category=None,
        programmes=[], clusters=[], improved=[], fell=[], spm=[], spm_sentence="", spm_met=0,
        trend=None, ikm=ikm_display(ikm),
    )  # fmt: skip


def ikm_display(ikm: dict | None) -> dict | None:
    """The latest published IKM with its sentence, or None."""
    if ikm is None:
        return None
    sentence = _(
        "Indeks Kepuasan Masyarakat %(period)s: %(value)s dari 100, mutu %(grade)s (%(label)s), "
        "dari %(n)s responden."
    ) % {
        "period": ikm["period"],
        "value": number(float(ikm["converted"]), 2),
        "grade": ikm["grade"],
        "label": ikm["label"],
        "n": ikm["respondents"],
    }
    return {**ikm, "value": number(float(ikm["converted"]), 2), "sentence": sentence}


# The district home ----------------------------------------------------------------------------


@dataclass
class DistrictAchievements:
    period: str
    score: str
    category: str | None
    sentences: list[str]
    counts: list[tuple[str, str, int]]
    spm: list[SpmService]
    spm_met: int
    by_puskesmas: dict[int, dict]

    @property
    def category_label(self) -> str:
        return category_label(self.category, "")


def pooled_rate(pairs: list[tuple[float | None, float | None]]) -> float | None:
    """Achievement of several Puskesmas together: sum of numerators / sum of denominators x 100."""
    usable = [(n, d) for n, d in pairs if n is not None and d]
    total = sum(d for _, d in usable)
    return sum(n for n, _ in usable) / total * 100 if total else None


def district_achievements(*, puskesmas_list: list[Puskesmas]) -> DistrictAchievements | None:
    ids = [p.pk for p in puskesmas_list]
    chosen = district_period(puskesmas_ids=ids) if ids else None
    by_puskesmas: dict[int, dict] = {}
    if chosen is None:
        return None
    year, month, approved = chosen
    included = sorted(approved)
    pkp, spm = (
        published_scorecard(ids=included, year=year, month=month, framework="pkp"),
        published_scorecard(ids=included, year=year, month=month, framework="spm"),
    )
    rows = [r for r in (pkp.rows if pkp else []) if r.overall is not None]
    mean = f.mean(r.overall for r in rows)
    category = (
        f.category(
            mean, good_min=pkp.version.good_min, fair_min=pkp.version.fair_min, decimals=pkp.version.decimals
        )
        if pkp and mean is not None
        else None
    )
    for r in rows:
        by_puskesmas.setdefault(r.puskesmas.pk, {}).update(score=number(r.overall), category=r.category)
    counts = [
        (code, category_label(code), sum(1 for r in rows if r.category == code))
        for code in (f.GOOD, f.FAIR, f.POOR)
    ]
    services = _district_spm(spm)
    met = sum(1 for s in services if s.met)
    period = period_label(year, month)
    sentences = _district_sentences(period, mean, category, counts, len(rows), len(ids), met, len(services))
    return DistrictAchievements(
        period=period, score=number(mean), category=category, sentences=sentences, counts=counts,
        spm=services, spm_met=met, by_puskesmas=by_puskesmas,
    )  # fmt: skip


def home_rows(*, puskesmas_list: list[Puskesmas], district: DistrictAchievements | None) -> None:
    """Attach to each Puskesmas of the home list its public category, score and latest IKM."""
    ikm = ikm_latest(puskesmas_ids=[p.pk for p in puskesmas_list])
    for p in puskesmas_list:
        p.public = {
            **(district.by_puskesmas.get(p.pk, {}) if district else {}),
            "ikm": ikm_display(ikm.get(p.pk)),
        }


def _district_spm(card: Scorecard | None) -> list[SpmService]:
    if card is None or not card.rows:
        return []
    services = []
    for code, first in card.rows[0].indicators.items():
        rate = pooled_rate(
            [(r.indicators[code].numerator, r.indicators[code].denominator) for r in card.rows]
        )
        met = None if rate is None else rate >= first.target
        services.append(SpmService(first.indicator.name, number(rate), met, rate))
    return services


def _district_sentences(period, mean, category, counts, scored, total, met, services) -> list[str]:
    sentences = []
    if mean is not None:
        sentences.append(
            _(
                "Sampai %(period)s, rata-rata nilai kinerja %(n)s Puskesmas adalah %(score)s, kategori %(cat)s."
            )
            % {"period": period, "n": scored, "score": number(mean), "cat": category_label(category, "")}
        )
        sentences.append(
            _("%(good)s Puskesmas berkinerja Baik, %(fair)s Cukup, dan %(poor)s Kurang.")
            % {"good": counts[0][2], "fair": counts[1][2], "poor": counts[2][2]}
        )
    if services:
        sentences.append(
            _("%(met)s dari %(total)s layanan dasar SPM sudah mencapai target 100%% di seluruh wilayah.")
            % {"met": met, "total": services}
        )
    if scored < total:
        sentences.append(
            _("%(missing)s Puskesmas belum memiliki laporan %(period)s yang disetujui, jadi belum dihitung.")
            % {"missing": total - scored, "period": period}
        )
    return sentences
