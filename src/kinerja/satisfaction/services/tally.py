"""Tally submissions that are not stored (a file checked by `kinerja ikm`) into element totals."""

from collections.abc import Sequence
from fractions import Fraction

from kinerja.satisfaction.formulas import Band, ElementTotal, IkmResult, ikm_compute
from kinerja.satisfaction.services.survey import Submission


def submissions_ikm(
    *,
    submissions: Sequence[Submission],
    elements: Sequence,
    weights: Sequence[Fraction],
    bands: Sequence[Band],
) -> IkmResult:
    totals = []
    for element in elements:
        values = [s.answers[element.number] for s in submissions if element.number in s.answers]
        totals.append(ElementTotal(element.number, element.name, sum(values), len(values)))
    return ikm_compute(totals=totals, weights=weights, bands=bands, respondents=len(submissions))
