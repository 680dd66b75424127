"""Builders for SKM tests: answered questionnaires with chosen values."""

from datetime import date

from kinerja.satisfaction.models import Response
from kinerja.satisfaction.services.imports import responses_import
from kinerja.satisfaction.services.survey import Submission, units_ensure_default


def make_responses(*, puskesmas, rows: list[list[int]], unit=None, day: date = date(2026, 2, 10), actor=None):
    """Store one paper questionnaire per row of U1..Un values (0 = left blank)."""
    unit = unit or units_ensure_default(puskesmas=puskesmas)[0]
    submissions = [
        Submission(
            answers={i + 1: v for i, v in enumerate(row) if v}, age_group="30-39", sex="P", answered_on=day
        )
        for row in rows
    ]
    responses_import(actor=actor, unit=unit, submissions=submissions, source=Response.Source.PAPER)
    return unit


def tv_skm_3_rows() -> list[list[int]]:
    """29 questionnaires whose element totals are those of TV-SKM-3 (105, 101, 100, 116, 102, 105, 106, 105, 115)."""
    totals = [105, 101, 100, 116, 102, 105, 106, 105, 115]
    rows = [[3] * 9 for _ in range(29)]
    for j, total in enumerate(totals):
        extra = total - 87
        for i in range(abs(extra)):
            rows[i][j] += 1 if extra > 0 else -1
    return rows
