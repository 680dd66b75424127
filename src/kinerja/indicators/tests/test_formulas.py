"""Formulas against DOMAIN.md's worked examples and the edges of Part A's rules."""

from decimal import Decimal

import pytest

from kinerja.indicators import formulas as f


@pytest.mark.parametrize(
    ("achieved", "target_percent", "population", "expected"),
    [
        (1112, 100, 647, 100.0),  # P3: riil 171.9 % scores 100.0
        (122.58, 100, 100, 100.0),  # P5: 122.58 % riil scores 100.00
        (60, 100, 100, 60.0),
        (59, 59, 100, 100.0),  # target 59 %: 59 of 100 households meets it
        (30, 60, 100, 50.0),  # P / (T x S) = 30 / 60
        (10, 100, 0, None),  # no target population: cannot score
        (5, 0, 100, 100.0),  # a zero target is always met
    ],
)
def test_pkp_worksheet_score(achieved, target_percent, population, expected):
    """The worksheet's min(100, P / (T x S) x 100) is the score of the coverage P / S against T."""
    result = f.indicator_score(result=f.ratio(achieved, population), target=target_percent)
    assert result == (pytest.approx(expected) if expected is not None else None)


def test_p3_riil_coverage():
    assert round(f.ratio(1112, 647), 1) == 171.9


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ((66.10, 100, 100, 100, 100, 100), Decimal("94.35")),  # P5 Tatanan Sehat
        ((24.9, 100, 100, 51.6, 100, 88.5, 100, 28.9, 100), Decimal("77.10")),  # P3 Non Rawat Inap
        ((65.0, 76.2, 100, 100, 100, 95.0), Decimal("89.37")),  # P4 Promkes
        ((None, 80, 100), Decimal("90.00")),  # an indicator that cannot be scored is left out
    ],
)
def test_mean_of_scores(scores, expected):
    assert f.round_half_up(f.mean(scores), 2) == expected


def test_mean_of_nothing_is_none():
    assert f.mean([None, None]) is None


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (100, f.GOOD),
        (91, f.GOOD),
        (90.5, f.GOOD),  # rounds half-up to 91
        (90.49, f.FAIR),
        (81, f.FAIR),
        (80.5, f.FAIR),  # rounds to 81
        (80.49, f.POOR),
        (0, f.POOR),
        (None, None),
    ],
)
def test_category(score, expected):
    assert f.category(score) == expected


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (10, f.GOOD),
        (8.5, f.GOOD),
        (8.45, f.GOOD),
        (8.44, f.FAIR),
        (5.5, f.FAIR),
        (5.45, f.FAIR),
        (5.44, f.POOR),
    ],
)
def test_management_category(score, expected):
    assert f.management_category(score) == expected


def test_category_bands_are_parameters():
    assert f.category(88, good_min=85, fair_min=70) == f.GOOD


@pytest.mark.parametrize(
    ("result", "target", "polarity", "high", "expected"),
    [
        (4, 5, f.LOWER, None, 100.0),  # RRNS under 5 %
        (5, 5, f.LOWER, None, 100.0),
        (10, 5, f.LOWER, None, 50.0),
        (25, 20, f.LOWER, None, 80.0),  # antibiotics 25 % against < 20 %
        (0, 5, f.LOWER, None, 100.0),
        (200, 150, f.RANGE, 250, 100.0),  # contact rate inside 150-250 per mille
        (120, 150, f.RANGE, 250, 80.0),
        (300, 150, f.RANGE, 250, pytest.approx(83.333, abs=1e-3)),
        (171.9, 100, f.HIGHER, None, 100.0),
        (45, 90, f.HIGHER, None, 50.0),
        (None, 90, f.HIGHER, None, None),
    ],
)
def test_indicator_score(result, target, polarity, high, expected):
    assert f.indicator_score(result=result, target=target, polarity=polarity, target_high=high) == expected


@pytest.mark.parametrize(
    ("numerator", "denominator", "achievement"),
    [(647, 647, 100.0), (1112, 647, pytest.approx(171.87, abs=0.01)), (90, 100, 90.0), (3, 0, None)],
)
def test_spm_achievement_is_uncapped(numerator, denominator, achievement):
    assert f.ratio(numerator, denominator) == achievement


def test_prorated_target():
    assert f.prorated(1200, 3) == 300
    assert f.prorated(647, 12) == 647


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(90.5, 0, "91"), (80.5, 0, "81"), (8.45, 1, "8.5"), (2.675, 2, "2.68"), (94.35, 2, "94.35")],
)
def test_round_half_up(value, decimals, expected):
    assert f.round_half_up(value, decimals) == Decimal(expected)


@pytest.mark.parametrize(
    ("good", "fair", "decimals"),
    [(91, 81, 0), (Decimal("8.5"), Decimal("5.5"), 1), (Decimal("90.75"), Decimal("80.25"), 0), (76, 51, 2)],
)
def test_bands_agree_with_category_everywhere(good, fair, decimals):
    """The fast bands give exactly `category`'s answer, on and around every cut and at random."""
    import random

    bands = f.Bands(good_min=good, fair_min=fair, decimals=decimals)
    rng = random.Random(5)
    step = 10.0**-decimals
    scores = [rng.uniform(0, 110) for _ in range(20000)]
    for cut in (bands.good_cut, bands.fair_cut, float(good), float(fair)):
        scores += [cut + k * 1e-7 for k in range(-30, 31)] + [cut + k * step / 10 for k in range(-12, 13)]
    scores += [8.45, 8.44, 90.5, 90.49, 80.5, 5.45, 0.0, 100.0]
    for score in scores:
        assert bands(score) == f.category(score, good_min=good, fair_min=fair, decimals=decimals), score
    assert bands(None) is None
