"""The Kemendagri code rules (DOMAIN.md 7.1) as tables: pure functions, no database."""

import pytest

from kinerja.regions import codes
from kinerja.regions.validation import remoteness_parse


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("73", True),
        ("73.22", True),
        ("73.71", True),
        ("73.22.01", True),
        ("73.22.01.2001", True),  # desa
        ("73.73.04.1001", True),  # kelurahan
        ("91.03.01.3001", True),  # desa adat
        ("73.22.01.2001.03", True),  # our dusun suffix
        ("", False),
        ("7", False),
        ("733", False),
        ("73.2", False),
        ("73.2.01", False),
        ("73.22.1", False),
        ("73.22.01.4001", False),  # 4xxx is not a village number
        ("73.22.01.0001", False),
        ("73.22.01.200", False),
        ("73.22.01.2001.3", False),
        ("73.22.01.2001.003", False),
        ("73.22.01.2001.01.01", False),
        ("73.22.", False),
        ("73-22", False),
        (" 73.22", False),
        ("7322012001", False),  # BPS-style, no dots
        ("73.70", False),  # pair 70 is not used
        ("73.00", False),
        ("73.70.01.2001", False),
    ],
)
def test_code_problem(code, valid):
    assert (codes.code_problem(code) is None) is valid


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("7322012001", "Tulis dengan titik: 73.22.01.2001"),
        ("7322", "Tulis dengan titik: 73.22"),
        ("73.1", "Format kolom code sebagai Teks"),
        ("73.70", "01-69 kabupaten, 71-99 kota"),
        ("73.2.01", "contoh: 73.22.01.2001"),
    ],
)
def test_code_problem_says_how_to_fix(code, hint):
    assert hint in codes.code_problem(code)


@pytest.mark.parametrize(
    ("code", "level", "kind", "parent"),
    [
        ("73", 1, "provinsi", None),
        ("73.22", 2, "kabupaten", "73"),
        ("73.69", 2, "kabupaten", "73"),
        ("73.71", 2, "kota", "73"),
        ("73.22.01", 3, "kecamatan", "73.22"),
        ("91.03.01", 3, "distrik", "91.03"),
        ("73.73.04.1001", 4, "kelurahan", "73.73.04"),
        ("73.22.01.2001", 4, "desa", "73.22.01"),
        ("91.03.01.3001", 4, "desa_adat", "91.03.01"),
        ("73.22.01.2001.03", 5, "dusun", "73.22.01.2001"),
    ],
)
def test_level_kind_and_parent(code, level, kind, parent):
    assert (codes.level_of(code), codes.kind_of(code), codes.parent_code(code)) == (level, kind, parent)


def test_ancestor_codes():
    assert codes.ancestor_codes("73.22.01.2001.03") == ["73", "73.22", "73.22.01", "73.22.01.2001"]
    assert codes.ancestor_codes("73") == []


@pytest.mark.parametrize(
    ("code", "name", "ok"),
    [
        ("73.22", "Kabupaten Luwu Utara", True),
        ("73.22", "Luwu Utara", True),
        ("73.22", "Kota Luwu Utara", False),
        ("73.71", "Kota Makassar", True),
        ("73.71", "Kabupaten Makassar", False),
        ("31.71", "Kota Administrasi Jakarta Pusat", True),
        ("73.22.01", "Kota Baru", True),  # only regencies follow the pair rule
    ],
)
def test_name_problem(code, name, ok):
    assert (codes.name_problem(code, name) is None) is ok


@pytest.mark.parametrize(
    ("code", "name", "stored"),
    [
        ("73.22", "Kabupaten Luwu Utara", "Luwu Utara"),
        ("73.71", "Kota  Makassar", "Makassar"),
        ("31.01", "Kabupaten Administrasi Kepulauan Seribu", "Administrasi Kepulauan Seribu"),
        ("73.22.01", "Kota  Baru ", "Kota Baru"),
        ("73", "Sulawesi Selatan", "Sulawesi Selatan"),
    ],
)
def test_clean_name(code, name, stored):
    assert codes.clean_name(code, name) == stored


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("perkotaan", "perkotaan"),
        ("Perdesaan", "perdesaan"),
        (" terpencil ", "terpencil"),
        ("sangat_terpencil", "sangat_terpencil"),
        ("Sangat terpencil", "sangat_terpencil"),
        ("SANGAT-TERPENCIL", "sangat_terpencil"),
        ("jauh", None),
        ("kota", None),
    ],
)
def test_remoteness_parse(value, parsed):
    assert remoteness_parse(value) == parsed
