"""Scoring formulas of DOMAIN.md Part A, as pure functions over plain numbers (no ORM, no settings).

- PKP indicator score = min(100, P / (T x S) x 100): P achievement, T target %, S target population,
  that is the score of the coverage `ratio(P, S)` against T.
  Lower-is-better: 100 at or under the target, else target / result x 100. Range: 100 inside,
  result / low x 100 below, high / result x 100 above. Variables, programmes and services are means.
- SPM achievement = `ratio(numerator, denominator)`, uncapped; "Memenuhi" at 100 or more.
- Categories: round half-up (to a whole percent, or one decimal on the 0-10 management scale), then
  Baik >= good, Cukup >= fair, else Kurang. The bands are data of the framework version.
"""

from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

HIGHER, LOWER, RANGE = "higher", "lower", "range"
GOOD, FAIR, POOR = "baik", "cukup", "kurang"
MANAGEMENT_SCALE = (0, 4, 7, 10)


def round_half_up(value: float | Decimal, decimals: int = 0) -> Decimal:
    """Round like people do on paper: 90.5 -> 91, 8.45 -> 8.5 (float noise removed first)."""
    exact = Decimal(str(round(float(value), 9))) if not isinstance(value, Decimal) else value
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def ratio(numerator: float | None, denominator: float | None, factor: float = 100) -> float | None:
    """numerator / denominator x factor; None when it cannot be computed (no data, denominator 0)."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator * factor


def score_higher(result: float, target: float) -> float:
    """Higher is better: result / target x 100, capped at 100. A target of 0 is always met."""
    if target <= 0:
        return 100.0
    return min(100.0, result / target * 100)


def score_lower(result: float, target: float) -> float:
    """Lower is better: 100 at or under the target, else target / result x 100."""
    if result <= target:
        return 100.0
    return target / result * 100


def score_range(result: float, low: float, high: float) -> float:
    """Inside [low, high]: 100; below: result / low x 100; above: high / result x 100."""
    if result < low:
        return result / low * 100 if low > 0 else 100.0
    if result > high:
        return high / result * 100
    return 100.0


def indicator_score(
    *, result: float | None, target: float, polarity: str = HIGHER, target_high: float | None = None
) -> float | None:
    """The PKP score (0-100) of a result expressed in the indicator's unit (%, per mille, ...)."""
    if result is None:
        return None
    if polarity == LOWER:
        return score_lower(result, target)
    if polarity == RANGE:
        return score_range(result, target, target_high if target_high is not None else target)
    return score_higher(result, target)


def mean(scores: Iterable[float | None]) -> float | None:
    """Arithmetic mean of the scores that could be computed; None when there are none."""
    present = [s for s in scores if s is not None]
    if not present:
        return None
    return sum(present) / len(present)


def category(
    score: float | None, *, good_min: float = 91, fair_min: float = 81, decimals: int = 0
) -> str | None:
    """Baik / Cukup / Kurang after rounding half-up to `decimals` (whole percent by default)."""
    if score is None:
        return None
    rounded = round_half_up(score, decimals)
    if rounded >= _decimal(good_min):
        return GOOD
    if rounded >= _decimal(fair_min):
        return FAIR
    return POOR


class Bands:
    """`category` with its bands fixed, for scoring thousands of Puskesmas: the same answer, faster.

    Rounding half-up to `decimals` and comparing with a minimum is the same as comparing the raw
    score with the smallest score that rounds up to it (90.5 for Baik at 91 with whole percents).
    Scores within a hair of such a cut take the exact path through `category`.
    """

    NEAR = 1e-6

    def __init__(self, *, good_min: float | Decimal, fair_min: float | Decimal, decimals: int = 0):
        self.good_min, self.fair_min, self.decimals = good_min, fair_min, decimals
        self.good_cut = float(_cut(good_min, decimals))
        self.fair_cut = float(_cut(fair_min, decimals))

    def __call__(self, score: float | None) -> str | None:
        if score is None:
            return None
        score = float(score)
        if abs(score - self.good_cut) < self.NEAR or abs(score - self.fair_cut) < self.NEAR:
            return category(score, good_min=self.good_min, fair_min=self.fair_min, decimals=self.decimals)
        if score >= self.good_cut:
            return GOOD
        return FAIR if score >= self.fair_cut else POOR


def _cut(minimum: float | Decimal, decimals: int) -> Decimal:
    """The smallest score that rounds half-up to `minimum` or more."""
    step = Decimal(1).scaleb(-decimals)
    return (_decimal(minimum) / step).to_integral_value(rounding=ROUND_CEILING) * step - step / 2


def _decimal(value: float | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def management_category(score: float | None, *, good_min: float = 8.5, fair_min: float = 5.5) -> str | None:
    """Manajemen (0-10): rounded half-up to one decimal, Baik >= 8.5, Cukup >= 5.5, else Kurang."""
    return category(score, good_min=good_min, fair_min=fair_min, decimals=1)


def prorated(population: float, month: int) -> float:
    """A yearly target population pro-rated to the end of `month`: S x month / 12."""
    return population * month / 12


def change(current: float | None, previous: float | None) -> float | None:
    """Difference between two achievements, None when either is missing."""
    if current is None or previous is None:
        return None
    return current - previous
