"""`regions_import_csv`: a district's own list with dusun; every kind of bad file is refused whole."""

import io

import pytest
from django.core.management import CommandError, call_command

from kinerja.core.models import AuditEntry
from kinerja.regions.models import Region
from kinerja.regions.services import RegionImportError, regions_import_csv
from kinerja.regions.tests.conftest import snapshot

GOOD = """code,name,remoteness,population,travel_minutes
73.22.01.2001.01,Dusun Bone-Bone,perdesaan,412,20
73.22.01.2001.02,"Dusun Salu, Atas",Sangat terpencil,96,180
73.22.01.2002.01,Dusun Malangke,,,
73.22.01.2001,Pattimang,terpencil,1650,
"""


def csv_file(text: str, *, encoding: str = "utf-8", name: str = "daftar.csv") -> io.BytesIO:
    handle = io.BytesIO(text.encode(encoding))
    handle.name = name
    return handle


def refused(text_or_file) -> list[str]:
    """Import the file, expecting a refusal that stores nothing; returns the messages."""
    file = csv_file(text_or_file) if isinstance(text_or_file, str) else text_or_file
    before = snapshot()
    with pytest.raises(RegionImportError) as info:
        regions_import_csv(file=file)
    assert snapshot() == before
    return [str(e) for e in info.value.errors]


def test_dusun_rows_hang_under_their_villages(luwu_utara):
    result = regions_import_csv(file=csv_file(GOOD))

    assert (result.created, result.updated, result.unchanged) == (3, 1, 0)
    assert result.root.code == "73.22.01"
    dusun = Region.objects.get(code="73.22.01.2001.02")
    assert (dusun.name, dusun.level, dusun.kind, dusun.parent.code) == (
        "Dusun Salu, Atas",
        5,
        "dusun",
        "73.22.01.2001",
    )
    assert (dusun.remoteness, dusun.population, dusun.travel_minutes) == ("sangat_terpencil", 96, 180)
    bare = Region.objects.get(code="73.22.01.2002.01")
    assert (bare.remoteness, bare.population, bare.travel_minutes) == ("", None, None)
    village = Region.objects.get(code="73.22.01.2001")
    assert (village.remoteness, village.population, village.travel_minutes) == ("terpencil", 1650, None)
    entry = AuditEntry.objects.filter(action="regions.imported").first()
    assert entry.changes["source"] == "csv daftar.csv"
    assert entry.changes["changes"]["73.22.01.2001"] == {
        "remoteness": ["", "terpencil"],
        "population": [None, 1650],
    }


def test_second_run_changes_nothing(luwu_utara):
    regions_import_csv(file=csv_file(GOOD))
    before, _ = snapshot()

    result = regions_import_csv(file=csv_file(GOOD))

    assert snapshot()[0] == before
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)


def test_empty_cells_keep_what_is_stored(luwu_utara):
    regions_import_csv(file=csv_file(GOOD))

    regions_import_csv(file=csv_file("code,name,population\n73.22.01.2001.01,Dusun Bone-Bone,\n"))

    dusun = Region.objects.get(code="73.22.01.2001.01")
    assert (dusun.remoteness, dusun.population, dusun.travel_minutes) == ("perdesaan", 412, 20)


def test_parents_may_come_later_in_the_file(db):
    text = (
        "code,name\n73.98.01.2001.01,Dusun A\n73.98.01.2001,Desa A\n73.98.01,Kecamatan A\n"
        "73.98,Nusa\n73,Sulawesi Selatan\n"
    )

    result = regions_import_csv(file=csv_file(text))

    assert result.created == 5 and result.root.code == "73"
    dusun = Region.objects.get(code="73.98.01.2001.01")
    assert dusun.parent.parent.parent.code == "73.98"
    assert (dusun.label, dusun.parent.label) == ("Dusun A", "Desa A")


def test_bom_semicolons_and_windows_line_endings(luwu_utara):
    text = "code;name;population\r\n73.22.01.2001.01;Dusun Bone-Bone;412\r\n"
    file = io.BytesIO(b"\xef\xbb\xbf" + text.encode("utf-8"))

    regions_import_csv(file=file)

    assert Region.objects.get(code="73.22.01.2001.01").population == 412


def test_regency_name_loses_its_prefix_and_matches_the_package(luwu_utara):
    result = regions_import_csv(file=csv_file("code,name\n73.22,Kabupaten Luwu Utara\n"))

    assert (result.unchanged, result.updated) == (1, 0)


# One test per kind of bad input: the message names the line, the column, the value and the fix.


def test_wrong_code_format(luwu_utara):
    errors = refused(GOOD + "73.2.01,Dusun Salah\n")
    assert errors == [
        "Baris 6, kolom code: '73.2.01' bukan kode Kemendagri yang sah (contoh: 73.22.01.2001). Perbaiki kodenya."
    ]


def test_kab_kota_pair(luwu_utara):
    errors = refused("code,name\n73.70,Nusa\n73.23,Kota Baru\n")
    assert errors[0].startswith("Baris 2, kolom code: '73.70': pasangan kedua '70' tidak dipakai")
    assert errors[1] == (
        "Baris 3, kolom name: 'Kota Baru' bernama Kota, tetapi kode 73.23 (pasangan kedua 01-69) "
        "adalah kabupaten. Perbaiki kode atau namanya."
    )


def test_unknown_parent(luwu_utara):
    errors = refused(GOOD + "73.22.01.2999.01,Dusun Yatim\n")
    assert errors == [
        "Baris 6, kolom code: induk '73.22.01.2999' dari kode '73.22.01.2999.01' tidak ada di basis data "
        "maupun di berkas ini. Tambahkan baris untuk '73.22.01.2999' atau muat dulu wilayahnya dengan: "
        "kinerja import-regions 73.22."
    ]


def test_duplicate_code(luwu_utara):
    errors = refused(GOOD + "73.22.01.2001.01,Dusun Kembar\n")
    assert errors == [
        "Baris 6, kolom code: kode '73.22.01.2001.01' sudah dipakai di baris 2. Hapus salah satu baris."
    ]


def test_empty_name(luwu_utara):
    errors = refused(GOOD + "73.22.01.2001.09,  \n")
    assert errors == ["Baris 6, kolom name: nama kosong untuk kode '73.22.01.2001.09'. Isi nama wilayahnya."]


def test_bad_remoteness(luwu_utara):
    errors = refused(GOOD + "73.22.01.2001.09,Dusun Jauh,jauh sekali,,\n")
    assert errors == [
        "Baris 6, kolom remoteness: 'jauh sekali' bukan kategori wilayah. Isi salah satu: perkotaan, "
        "perdesaan, terpencil, sangat_terpencil, atau kosongkan."
    ]


@pytest.mark.parametrize("value", ["1.250", "12,5", "-3", "dua ratus", "250 jiwa"])
def test_bad_population(luwu_utara, value):
    errors = refused(GOOD + f'73.22.01.2001.09,Dusun Jauh,,"{value}",\n')
    assert errors == [
        f"Baris 6, kolom population: '{value}' bukan bilangan bulat. Tulis angka saja tanpa titik, koma "
        "atau satuan, misalnya 1250, atau kosongkan."
    ]


def test_bad_travel_minutes(luwu_utara):
    errors = refused(GOOD + "73.22.01.2001.09,Dusun Jauh,,,2 jam\n")
    assert errors[0].startswith("Baris 6, kolom travel_minutes: '2 jam' bukan bilangan bulat.")


def test_wrong_encoding(luwu_utara):
    file = csv_file(GOOD + "73.22.01.2001.09,Dusun Café\n", encoding="cp1252")
    errors = refused(file)
    assert errors == [
        "Berkas: berkas tidak tersimpan sebagai UTF-8 (huruf yang tidak terbaca pertama ada di baris 6). "
        'Di Excel pilih "Simpan sebagai" lalu jenis "CSV UTF-8 (dibatasi koma)", dan unggah berkas itu.'
    ]


@pytest.mark.parametrize(
    ("header", "column"),
    [("kode,name", "code"), ("code,nama", "name"), ("73.22.01.2001.01,Dusun A", "code")],
)
def test_missing_column(luwu_utara, header, column):
    errors = refused(header + "\n73.22.01.2001.01,Dusun A\n")
    assert errors[0].startswith(f"Baris 1, kolom {column}: kolom wajib '{column}' tidak ada")
    assert (
        "Baris pertama harus berisi nama kolom: code, name, remoteness, population, travel_minutes."
        in errors[0]
    )


def test_unknown_or_repeated_column(luwu_utara):
    errors = refused("code,name,populasi,name\n73.22.01.2001.01,Dusun A,5,\n")
    assert errors == [
        "Baris 1, kolom populasi: kolom 'populasi' tidak dikenal. Pakai nama kolom ini saja: "
        "code, name, remoteness, population, travel_minutes.",
        "Baris 1, kolom name: kolom 'name' muncul dua kali. Hapus salah satunya.",
    ]


@pytest.mark.parametrize("content", ["", "\ufeff", "\n\n", "code,name\n", "code,name\n,\n\n"])
def test_empty_file(luwu_utara, content):
    errors = refused(content)
    assert len(errors) == 1 and errors[0].startswith("Berkas: ")
    assert "kosong" in errors[0]


def test_too_many_fields(luwu_utara):
    errors = refused("code,name\n73.22.01.2001.01,Dusun Salu, Atas\n")
    assert errors[0].startswith("Baris 2: ada 1 isian lebih dari jumlah kolom.")


def test_every_bad_row_is_reported_with_its_line(luwu_utara):
    text = GOOD + "73.2.01,A\n\n73.22.01.2001.01,B\n73.22.01.2001.08,,x,y,z\n"
    errors = refused(text)
    lines = [e.split(",")[0] for e in errors]
    assert lines == ["Baris 6", "Baris 8", "Baris 9", "Baris 9", "Baris 9", "Baris 9"]


def test_quoted_name_over_two_lines_keeps_line_numbers(luwu_utara):
    text = 'code,name\n73.22.01.2001.01,"Dusun\nBone"\n73.2,X\n'
    assert refused(text)[0].startswith("Baris 4, kolom code:")


def test_bad_row_in_a_large_file_stores_nothing(luwu_utara):
    villages = list(Region.objects.filter(level=4).values_list("code", flat=True))
    lines = [f"{v}.{n:02d},Dusun {n}" for v in villages for n in range(1, 16)]
    lines.insert(1000, "73.22.01.2001.1,Salah")
    errors = refused("code,name\n" + "\n".join(lines) + "\n")
    assert errors == [
        "Baris 1002, kolom code: '73.22.01.2001.1' bukan kode Kemendagri yang sah (contoh: 73.22.01.2001). "
        "Perbaiki kodenya."
    ]


def test_command_imports_a_file(luwu_utara, tmp_path, capsys):
    path = tmp_path / "dusun.csv"
    path.write_text(GOOD, encoding="utf-8")

    call_command("import-regions", "--file", str(path))

    assert "4 wilayah di bawah Kecamatan Malangke (73.22.01): 3 baru, 1 diperbarui, 0 tidak berubah." in (
        capsys.readouterr().out
    )
    assert Region.objects.filter(level=5).count() == 3


def test_command_refuses_a_bad_file_and_stores_nothing(luwu_utara, tmp_path):
    path = tmp_path / "dusun.csv"
    path.write_bytes((GOOD + "73.22.01.2001.09,Dusun Café,jauh\n").encode("cp1252"))
    before = snapshot()

    with pytest.raises(CommandError, match='"CSV UTF-8'):
        call_command("import-regions", "--file", str(path))

    assert snapshot() == before


def test_command_imports_a_regency(db, capsys):
    call_command("import-regions", "73.22")

    assert "Kabupaten Luwu Utara (73.22)" in capsys.readouterr().out
    assert Region.objects.filter(code__startswith="73.22.", level=4).count() > 100


@pytest.mark.parametrize(
    "args",
    [(), ("73.22", "--file", "x.csv"), ("73.99",), ("--file", "/no/such/file.csv")],
)
def test_command_errors(db, args):
    with pytest.raises(CommandError):
        call_command("import-regions", *args)
    assert Region.objects.count() == 0


def test_command_shows_progress_for_a_large_file(luwu_utara, tmp_path, capsys):
    villages = Region.objects.filter(level=4).values_list("code", flat=True)
    lines = [f"{v}.{n:02d},Dusun {n}" for v in villages for n in range(1, 13)]
    assert len(lines) >= 2000
    path = tmp_path / "dusun.csv"
    path.write_text("code,name\n" + "\n".join(lines) + "\n", encoding="utf-8")

    call_command("import-regions", "--file", str(path))

    out, err = capsys.readouterr()
    assert "Memeriksa baris" in err and "Menyimpan wilayah baru" in err
    assert f"{len(lines)} baru" in out
    assert Region.objects.filter(level=5).count() == len(lines)
