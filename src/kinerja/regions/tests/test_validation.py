"""The CSV checks without a database: `existing_codes` stands in for what is stored."""

from kinerja.regions.validation import RegionRow, csv_records_check, csv_records_read


def check(text: str, existing=("73", "73.22", "73.22.01", "73.22.01.2001")):
    records, errors = csv_records_read(text.encode("utf-8"))
    if errors:
        return [], [str(e) for e in errors]
    rows, errors = csv_records_check(records, existing_codes=set(existing))
    return rows, [str(e) for e in errors]


def test_clean_rows():
    rows, errors = check(
        "Code , NAME,Remoteness\n73.22.01.2001.01, Dusun  Satu ,Sangat Terpencil\n73.22,Kabupaten Luwu Utara,\n"
    )

    assert errors == []
    assert rows == [
        RegionRow("73.22.01.2001.01", "Dusun Satu", 5, "dusun", line=2, remoteness="sangat_terpencil"),
        RegionRow("73.22", "Luwu Utara", 2, "kabupaten", line=3),
    ]


def test_parent_anywhere_in_the_file_counts():
    rows, errors = check("code,name\n73.22.02.2001.01,Dusun A\n73.22.02.2001,Desa A\n73.22.02,Kec A\n")

    assert errors == [] and [r.kind for r in rows] == ["dusun", "desa", "kecamatan"]


def test_a_bad_parent_row_is_reported_once_not_again_on_its_children():
    rows, errors = check("code,name\n73.22.02,\n73.22.02.2001,Desa A\n")

    assert errors == ["Baris 2, kolom name: nama kosong untuk kode '73.22.02'. Isi nama wilayahnya."]


def test_without_the_parent_stored_the_row_is_refused():
    _, errors = check("code,name\n73.22.01.2001.01,Dusun A\n", existing=())

    assert errors[0].startswith("Baris 2, kolom code: induk '73.22.01.2001' dari kode '73.22.01.2001.01'")


def test_short_row_has_empty_optional_cells():
    rows, errors = check("code,name,population\n73.22.01.2001.01,Dusun A\n")

    assert errors == [] and rows[0].population is None


def test_empty_columns_excel_adds_are_ignored():
    rows, errors = check("code,name,,\n73.22.01.2001.01,Dusun A,,\n")

    assert errors == [] and rows[0].name == "Dusun A"
