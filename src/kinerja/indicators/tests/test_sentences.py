"""Plain-language sentences, built from results without the database."""

import pytest

from kinerja.indicators import formulas as f
from kinerja.indicators.models import Indicator
from kinerja.indicators.scoring import IndicatorResult
from kinerja.indicators.sentences import achievement_sentence, number


def result(**fields):
    indicator = Indicator(
        name=fields.pop("name", "Ibu hamil mendapat ANC sesuai standar"),
        method=fields.pop("method", Indicator.Method.PKP),
        polarity=fields.pop("polarity", Indicator.Polarity.HIGHER),
        unit=fields.pop("unit", "%"),
    )
    return IndicatorResult(indicator=indicator, **fields)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"numerator": 90, "result": 92.5, "target": 100, "score": 92.5, "category": f.GOOD, "previous_result": 89.4},
            "Ibu hamil mendapat ANC sesuai standar: capaian 92,5% sampai Juni 2024, target 100%. "
            "Nilai 92,5, kategori Baik. Naik 3,1 poin dari bulan sebelumnya.",
        ),
        (
            {"method": "spm", "numerator": 1112, "result": 171.87, "target": 100, "met": True},
            "Ibu hamil mendapat ANC sesuai standar: capaian 171,9% sampai Juni 2024, target 100%. "
            "Sudah memenuhi SPM.",
        ),
        (
            {"method": "spm", "numerator": 40, "result": 80.0, "target": 100, "met": False, "previous_result": 80.01},
            "Ibu hamil mendapat ANC sesuai standar: capaian 80,0% sampai Juni 2024, target 100%. "
            "Belum memenuhi SPM. Sama dengan bulan sebelumnya.",
        ),
        (
            {"name": "Angka kontak", "unit": "‰", "polarity": "range", "numerator": 900, "result": 120.0,
             "target": 150, "target_high": 250, "score": 80.0, "category": f.POOR},
            "Angka kontak: capaian 120,0 ‰ sampai Juni 2024, target 150-250 ‰. Nilai 80,0, kategori Kurang.",
        ),
        (
            {"name": "Lokakarya mini bulanan", "method": "management", "numerator": 7, "result": 7, "score": 7.0,
             "category": f.FAIR},
            "Lokakarya mini bulanan: nilai 7,0 dari 10, kategori Cukup.",
        ),
    ],
)  # fmt: skip
def test_sentence(fields, expected):
    assert achievement_sentence(result(**fields), year=2024, month=6) == expected


def test_indonesian_number_format():
    assert number(1234.56) == "1.234,6"
    assert number(None) == "-"


def test_english_sentences_name_the_month_in_english():
    from django.utils import translation

    fields = {"numerator": 90, "result": 92.5, "target": 100, "score": 92.5, "category": f.GOOD}
    with translation.override("en"):
        text = achievement_sentence(result(**fields), year=2024, month=6)
    assert "June 2024" in text and "Juni" not in text
    assert "Juni 2024" in achievement_sentence(result(**fields), year=2024, month=6)
