"""Table tests of the SKM/IKM formulas against the worked examples in DOMAIN.md section 3.7."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from kinerja.satisfaction.formulas import (
    Band,
    ElementTotal,
    equal_weights,
    ikm_compute,
    ikm_from_nrr,
    lowest_elements,
    minimum_sample,
    period_parse,
    periods_recent,
    round_half_up,
    weights_sum_to_one,
)

BANDS_2017 = [
    Band(Decimal("88.31"), "A", "Sangat Baik"),
    Band(Decimal("76.61"), "B", "Baik"),
    Band(Decimal("65.00"), "C", "Kurang Baik"),
    Band(Decimal("25.00"), "D", "Tidak Baik"),
]
BANDS_2004 = [
    Band(Decimal("81.26"), "A", "Sangat Baik"),
    Band(Decimal("62.51"), "B", "Baik"),
    Band(Decimal("43.76"), "C", "Kurang Baik"),
    Band(Decimal("25.00"), "D", "Tidak Baik"),
]
TV3_TOTALS = [105, 101, 100, 116, 102, 105, 106, 105, 115]


def _totals(sums, n):
    return [ElementTotal(i + 1, f"U{i + 1}", s, n) for i, s in enumerate(sums)]


@pytest.mark.parametrize(
    "weights, ikm4, converted, grade",
    [
        (equal_weights(9), Decimal("3.6590"), Decimal("91.48"), "A"),  # TV-SKM-3, exact 1/9
        ([Decimal("0.111")] * 9, Decimal("3.6553"), Decimal("91.38"), "A"),  # weight 0,111
        ([Decimal("0.11")] * 9, Decimal("3.6224"), Decimal("90.56"), "A"),  # G2's own headline
    ],
)
def test_tv_skm_3(weights, ikm4, converted, grade):
    result = ikm_compute(totals=_totals(TV3_TOTALS, 29), weights=weights, bands=BANDS_2017, respondents=29)
    assert result.ikm_display == ikm4
    assert result.converted == converted
    assert result.band.grade == grade
    assert result.band.label == "Sangat Baik"


def test_tv_skm_3_nrr_per_element():
    result = ikm_compute(
        totals=_totals(TV3_TOTALS, 29), weights=equal_weights(9), bands=BANDS_2017, respondents=29
    )
    expected = ["3.6207", "3.4828", "3.4483", "4.0000", "3.5172", "3.6207", "3.6552", "3.6207", "3.9655"]
    assert [str(round_half_up(s.nrr, 4)) for s in result.elements] == expected
    assert [str(s.nrr_display) for s in result.elements][:3] == ["3.621", "3.483", "3.448"]
    assert result.lowest[0].number == 3  # Waktu pelayanan, 3.4483


TV1_NRR = [
    "3.06",
    "2.98",
    "3.06",
    "2.9",
    "3.06",
    "3.14",
    "3.04",
    "3.06",
    "3.18",
    "3.08",
    "3.2",
    "3.18",
    "3.1",
    "3.04",
]


@pytest.mark.parametrize(
    "weights, ikm, converted, grade",
    [
        ([Decimal("0.071")] * 14, Fraction("3.05868"), Decimal("76.47"), "B"),  # TV-SKM-1 with 0,071
        (equal_weights(14), Fraction(4308, 1400), Decimal("76.93"), "B"),  # exact 1/14
    ],
)
def test_tv_skm_1_kep25_2004(weights, ikm, converted, grade):
    index, conv, band = ikm_from_nrr(
        nrr_values=[Decimal(v) for v in TV1_NRR], weights=weights, bands=BANDS_2004
    )
    assert index == ikm
    assert conv == converted
    assert band.grade == grade


def test_tv_skm_2_published_index_is_inconsistent():
    sums = [89, 90, 83, 85, 88, 88, 86, 89, 87, 89, 93, 91, 87, 89]
    exact = ikm_compute(totals=_totals(sums, 30), weights=equal_weights(14), bands=BANDS_2004, respondents=30)
    assert round_half_up(exact.ikm, 3) == Decimal("2.938")
    published_nrr = [
        "2.96",
        "3.00",
        "2.76",
        "2.83",
        "2.93",
        "2.93",
        "2.86",
        "2.96",
        "2.90",
        "2.96",
        "3.10",
        "3.03",
        "2.90",
        "2.96",
    ]
    index, _, band = ikm_from_nrr(
        nrr_values=[Decimal(v) for v in published_nrr], weights=[Decimal("0.071")] * 14, bands=BANDS_2004
    )
    assert round_half_up(index, 3) == Decimal("2.917")  # from the truncated NRR, x 0,071
    assert band.grade == "B"
    assert round_half_up(exact.ikm, 2) != Decimal("2.96")  # the report's headline does not follow


@pytest.mark.parametrize(
    "value, places, expected",
    [
        (Fraction(91475, 1000), 2, "91.48"),
        (Fraction(88305, 1000), 2, "88.31"),
        (Fraction(76605, 1000), 2, "76.61"),
        (Fraction(64995, 1000), 2, "65.00"),
        (Fraction(2, 3), 3, "0.667"),
        (Fraction(1, 8), 2, "0.13"),
    ],
)
def test_round_half_up(value, places, expected):
    assert str(round_half_up(value, places)) == expected


@pytest.mark.parametrize(
    "converted, grade",
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_bands_2017(converted, grade):
    from kinerja.satisfaction.formulas import classify

    assert classify(Decimal(converted), BANDS_2017).grade == grade


def test_gap_values_round_into_the_upper_band():
    # 3.53220 x 25 = 88.305 -> 88.31 -> A; the published NI table leaves this value in a gap.
    totals = [ElementTotal(1, "U1", 35322, 10000)]
    result = ikm_compute(totals=totals, weights=[1], bands=BANDS_2017, respondents=10000)
    assert result.converted == Decimal("88.31")
    assert result.band.grade == "A"


@pytest.mark.parametrize(
    "population, sample",
    [
        (0, 0),
        (10, 10),
        (100, 80),
        (200, 132),
        (500, 217),
        (1000, 278),
        (3000, 341),
        (10000, 370),
        (1000000, 384),
    ],
)
def test_minimum_sample_krejcie_morgan(population, sample):
    assert minimum_sample(population) == sample


def test_element_without_answers_leaves_ikm_empty():
    totals = _totals([30, 0], 10)
    totals[1] = ElementTotal(2, "U2", 0, 0)
    result = ikm_compute(totals=totals, weights=equal_weights(2), bands=BANDS_2017, respondents=10)
    assert result.ikm is None and result.converted is None and result.band is None
    assert result.elements[0].nrr == 3


def test_weights_must_sum_to_one():
    assert weights_sum_to_one(equal_weights(9))
    assert not weights_sum_to_one([Decimal("0.111")] * 9)
    assert weights_sum_to_one([Decimal("0.2")] * 5)


def test_lowest_elements_ties_by_number():
    result = ikm_compute(
        totals=_totals([30, 28, 28, 40], 10), weights=equal_weights(4), bands=BANDS_2017, respondents=10
    )
    assert [s.number for s in lowest_elements(result.elements, 2)] == [2, 3]


@pytest.mark.parametrize(
    "key, start, end, months, label",
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31), 12, "Tahun 2026"),
        ("2026-S1", date(2026, 1, 1), date(2026, 6, 30), 6, "Semester I 2026"),
        ("2026-S2", date(2026, 7, 1), date(2026, 12, 31), 6, "Semester II 2026"),
        ("2026-02-01_2026-03-15", date(2026, 2, 1), date(2026, 3, 15), 2, "01/02/2026 - 15/03/2026"),
    ],
)
def test_period_parse(key, start, end, months, label):
    period = period_parse(key)
    assert (period.start, period.end, period.months, period.label) == (start, end, months, label)


def test_periods_recent():
    keys = [p.key for p in periods_recent(date(2026, 3, 5), 4)]
    assert keys == ["2024-S2", "2025-S1", "2025-S2", "2026-S1"]


def test_period_parse_rejects_garbage():
    with pytest.raises(ValueError):
        period_parse("kemarin")
