"""SKM/IKM formulas of PermenPAN-RB 14/2017 as pure functions (no ORM, no settings).

Arithmetic is exact (fractions) until the one rounding the regulation's tables imply: the converted
IKM (x 25) is rounded half-up to 2 decimals and then classified against the version's bands.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CONVERSION_FACTOR = 25


@dataclass(frozen=True)
class Band:
    """A grade band: a converted IKM at or above `minimum` gets this grade (mutu) and label (kinerja)."""

    minimum: Decimal
    grade: str
    label: str


@dataclass(frozen=True)
class ElementTotal:
    """What respondents gave one element: the sum of their answers and how many answered it."""

    number: int
    name: str
    total: int
    answered: int


@dataclass(frozen=True)
class ElementScore:
    number: int
    name: str
    total: int
    answered: int
    nrr: Fraction | None
    weight: Fraction
    weighted: Fraction | None

    @property
    def nrr_display(self) -> Decimal | None:
        return None if self.nrr is None else round_half_up(self.nrr, 3)

    @property
    def converted(self) -> Decimal | None:
        return None if self.nrr is None else round_half_up(self.nrr * CONVERSION_FACTOR, 2)


@dataclass(frozen=True)
class IkmResult:
    elements: tuple[ElementScore, ...]
    respondents: int
    ikm: Fraction | None  # 1-4 scale, exact
    converted: Decimal | None  # 25-100 scale, rounded half-up to 2 decimals
    band: Band | None

    @property
    def ikm_display(self) -> Decimal | None:
        return None if self.ikm is None else round_half_up(self.ikm, 4)

    @property
    def complete(self) -> bool:
        return self.ikm is not None

    @property
    def lowest(self) -> tuple[ElementScore, ...]:
        return lowest_elements(self.elements)


def round_half_up(value: Fraction | Decimal | int, places: int) -> Decimal:
    """Round an exact value half away from zero (the way the published reports round) to `places`."""
    exact = value if isinstance(value, Fraction) else Fraction(value)
    quantum = Decimal(1).scaleb(-places)
    # Decimal division keeps 28 significant digits: far more than any tie-breaking needs here.
    as_decimal = Decimal(exact.numerator) / Decimal(exact.denominator)
    return as_decimal.quantize(quantum, rounding=ROUND_HALF_UP)


def nrr(total: int, answered: int) -> Fraction | None:
    """Nilai rata-rata unsur: sum of the answers / number of respondents who answered the element."""
    if answered <= 0:
        return None
    return Fraction(total, answered)


def equal_weights(count: int) -> list[Fraction]:
    """The default weighting: exactly 1/n per element (1/9 for the nine 14/2017 unsur)."""
    return [Fraction(1, count)] * count


def weights_sum_to_one(weights: Sequence[Fraction | Decimal]) -> bool:
    return sum(Fraction(w) for w in weights) == 1


def classify(converted: Decimal, bands: Sequence[Band]) -> Band | None:
    """The highest band whose minimum the converted IKM reaches."""
    for band in sorted(bands, key=lambda b: b.minimum, reverse=True):
        if converted >= band.minimum:
            return band
    return None


def ikm_compute(
    *,
    totals: Sequence[ElementTotal],
    weights: Sequence[Fraction | Decimal],
    bands: Sequence[Band],
    respondents: int,
) -> IkmResult:
    """NRR per element, IKM = sum(NRR x weight), converted = IKM x 25 (half-up, 2 decimals), band.

    When an element has no answer at all the IKM is left empty (None): the regulation's index needs
    every element.
    """
    if len(totals) != len(weights):
        raise ValueError("one weight per element")
    scores = []
    for item, weight in zip(totals, weights, strict=True):
        w = Fraction(weight)
        value = nrr(item.total, item.answered)
        scores.append(
            ElementScore(
                number=item.number,
                name=item.name,
                total=item.total,
                answered=item.answered,
                nrr=value,
                weight=w,
                weighted=None if value is None else value * w,
            )
        )
    if not scores or any(s.nrr is None for s in scores):
        return IkmResult(tuple(scores), respondents, None, None, None)
    index = sum((s.weighted for s in scores if s.weighted is not None), Fraction(0))
    converted = round_half_up(index * CONVERSION_FACTOR, 2)
    return IkmResult(tuple(scores), respondents, index, converted, classify(converted, bands))


def ikm_from_nrr(
    *, nrr_values: Sequence[Decimal | Fraction], weights: Sequence[Decimal | Fraction], bands: Sequence[Band]
) -> tuple[Fraction, Decimal, Band | None]:
    """IKM from already published NRR values (to check a report): (IKM, converted, band)."""
    index = sum((Fraction(v) * Fraction(w) for v, w in zip(nrr_values, weights, strict=True)), Fraction(0))
    converted = round_half_up(index * CONVERSION_FACTOR, 2)
    return index, converted, classify(converted, bands)


def lowest_elements(scores: Sequence[ElementScore], count: int = 3) -> tuple[ElementScore, ...]:
    """Elements with the lowest NRR first (ties by element number): the first is the one to improve."""
    rated = [s for s in scores if s.nrr is not None]
    return tuple(sorted(rated, key=lambda s: (s.nrr, s.number))[:count])


def minimum_sample(population: int) -> int:
    """Krejcie-Morgan: s = 3.841 N 0.25 / (0.0025 (N - 1) + 3.841 x 0.25), rounded to the nearest."""
    if population <= 0:
        return 0
    chi = Decimal("3.841")
    p = Decimal("0.25")
    n = Decimal(population)
    s = chi * n * p / (Decimal("0.0025") * (n - 1) + chi * p)
    return int(s.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# Periods -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    key: str  # "2026", "2026-S1" or "2026-01-01_2026-03-31"

    @property
    def months(self) -> int:
        """Whole months the period covers (at least 1), to scale monthly visits to a population."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        return max(1, months)

    @property
    def label(self) -> str:
        year, _, rest = self.key.partition("-")
        if not rest:
            return f"Tahun {year}"
        if rest in ("S1", "S2"):
            return f"Semester {'I' if rest == 'S1' else 'II'} {year}"
        return f"{self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"


def period_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), str(year))


def period_semester(year: int, half: int) -> Period:
    if half == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), f"{year}-S1")
    return Period(date(year, 7, 1), date(year, 12, 31), f"{year}-S2")


def period_range(start: date, end: date) -> Period:
    if end < start:
        raise ValueError("end before start")
    return Period(start, end, f"{start.isoformat()}_{end.isoformat()}")


def period_parse(key: str) -> Period:
    """Parse a period key: "2026", "2026-S1", "2026-S2" or "2026-01-01_2026-03-31"."""
    key = key.strip()
    if "_" in key:
        first, last = key.split("_", 1)
        return period_range(date.fromisoformat(first), date.fromisoformat(last))
    if key.upper().endswith(("-S1", "-S2")):
        return period_semester(int(key[:4]), int(key[-1]))
    if len(key) == 4 and key.isdigit():
        return period_year(int(key))
    raise ValueError(f"unknown period {key!r}")


def period_containing(day: date) -> Period:
    return period_semester(day.year, 1 if day.month <= 6 else 2)


def periods_recent(today: date, count: int = 4) -> list[Period]:
    """The semester containing `today` and the `count - 1` before it, oldest first."""
    periods = [period_containing(today)]
    while len(periods) < count:
        periods.insert(0, period_containing(periods[0].start - timedelta(days=1)))
    return periods
