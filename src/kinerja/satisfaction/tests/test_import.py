"""Paper questionnaires from files: a good file is stored whole; every kind of bad file stores nothing."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from kinerja.core.models import AuditEntry
from kinerja.satisfaction.models import Answer, Response
from kinerja.satisfaction.services.imports import ImportRejected, file_import
from kinerja.satisfaction.services.survey import units_ensure_default

DATA = Path(__file__).parent / "data"
HEADER = "U1,U2,U3,U4,U5,U6,U7,U8,U9,umur,jk,pendidikan,pekerjaan,saran\n"


@pytest.fixture
def unit(world):
    return units_ensure_default(puskesmas=world.a1)[0]


def _import(world, unit, content: bytes, name="jawaban.csv"):
    return file_import(
        actor=world.operator, unit=unit, name=name, content=content, default_date=date(2026, 3, 2)
    )


def test_good_csv_is_stored_whole(world, unit):
    content = (
        HEADER + "4,4,3,4,3,4,4,3,4,34,P,sma,irt,Antrean lama\n3,3,3,,3,3,3,3,3,60+,L,SD,petani,\n"
    ).encode()
    assert _import(world, unit, content) == 2
    first, second = Response.objects.order_by("id")
    assert (first.age_group, first.sex, first.education, first.occupation) == ("30-39", "P", "sma", "irt")
    assert first.comment == "Antrean lama" and first.answered_on == date(2026, 3, 2)
    assert second.age_group == "60+" and second.answers.count() == 8  # U4 left blank: not answered
    assert AuditEntry.objects.filter(action="skm.responses.impor", actor=world.operator).exists()


def test_semicolon_csv_with_bom_and_dates(world, unit):
    content = "\ufeffU1;U2;U3;U4;U5;U6;U7;U8;U9;tanggal\n4;4;4;4;4;4;4;4;4;15/01/2026\n".encode()
    assert _import(world, unit, content) == 1
    assert Response.objects.get().answered_on == date(2026, 1, 15)


def test_xlsx(world, unit):
    book = Workbook()
    sheet = book.active
    sheet.append(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Jenis kelamin"])
    sheet.append([4, 3, 3, 4, 3.0, 4, 4, 3, 4, "Perempuan"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert _import(world, unit, buffer.getvalue(), name="kuesioner.xlsx") == 1
    assert Response.objects.get().sex == "P"


@pytest.mark.parametrize(
    "content, message",
    [
        (HEADER + "4,4,3,4,3,4,4,3,4\n4,4,5,4,3,4,4,3,4\n", "Baris 3, kolom U3: nilai '5' tidak sah"),
        (HEADER + "4,4,3,4,3,4,4,3,x\n", "Baris 2, kolom U9: nilai 'x' tidak sah"),
        ("U1,U2,U3,U4,U5,U6,U7,U8,umur\n4,4,3,4,3,4,4,3,30\n", "Kolom U9 tidak ada di baris judul"),
        ("", "Berkas kosong"),
        ("\n \n", "Berkas kosong"),
        (HEADER, "hanya berisi baris judul"),
        (HEADER + "4,4,3,4,3,4,4,3,4,30,X\n", "Baris 2, kolom jk: 'X' tidak dikenal"),
        (HEADER + ",,,,,,,,,30,L\n", "Baris 2: tidak ada satu pun nilai"),
    ],
)
def test_bad_files_store_nothing(world, unit, content, message):
    with pytest.raises(ImportRejected) as caught:
        _import(world, unit, content.encode())
    assert any(message in error for error in caught.value.errors), caught.value.errors
    assert "Tidak ada yang disimpan" in caught.value.message
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_every_bad_row_is_reported(world, unit):
    content = HEADER + "5,4,3,4,3,4,4,3,4\n4,4,3,4,3,4,4,3,4\n4,0,3,4,3,4,4,3,9\n"
    with pytest.raises(ImportRejected) as caught:
        _import(world, unit, content.encode())
    assert len(caught.value.errors) == 3
    assert Response.objects.count() == 0


def test_non_utf8_file(world, unit):
    content = (
        HEADER + "4,4,3,4,3,4,4,3,4,30,P,sma,irt,Pelayanan sangat memuaskan, terima kasih\u00e9\n"
    ).encode("cp1252")
    with pytest.raises(ImportRejected) as caught:
        _import(world, unit, content)
    assert "bukan teks UTF-8" in caught.value.errors[0] and "CSV UTF-8" in caught.value.errors[0]
    assert Response.objects.count() == 0


def test_damaged_xlsx(world, unit):
    with pytest.raises(ImportRejected) as caught:
        _import(world, unit, b"PK\x03\x04 not really a workbook", name="rusak.xlsx")
    assert "tidak bisa dibuka" in caught.value.errors[0]


# The command for staff who only have a file ------------------------------------------------------


def test_ikm_command_reproduces_tv_skm_3(db):
    out = io.StringIO()
    call_command("ikm", str(DATA / "tv-skm-3.csv"), stdout=out)
    text = out.getvalue()
    assert "IKM konversi (25-100): 91.48" in text
    assert "Mutu pelayanan: A (Sangat Baik)" in text
    assert "U3 Waktu Penyelesaian" in text and "3.448" in text
    assert "Jumlah responden (sampel): 29" in text


def test_ikm_command_json_and_sample(db):
    out = io.StringIO()
    call_command("ikm", str(DATA / "tv-skm-3.csv"), "--json", "--populasi", "300", stdout=out)
    data = json.loads(out.getvalue())
    assert data["converted"] == "91.48" and data["ikm"] == "3.6590" and data["grade"] == "A"
    assert [e["nrr"] for e in data["elements"]][:4] == ["3.621", "3.483", "3.448", "4.000"]
    assert data["respondents"] == 29 and data["minimum_sample"] == 169 and data["sample_enough"] is False
    assert data["lowest"] == "Waktu Penyelesaian"


def test_ikm_command_with_0111_weights(db):
    out = io.StringIO()
    call_command("ikm", str(DATA / "tv-skm-3.csv"), "--json", "--versi", "skm-2017-0111", stdout=out)
    assert json.loads(out.getvalue())["converted"] == "91.38"


def test_ikm_command_bad_file(db, tmp_path):
    bad = tmp_path / "buruk.csv"
    bad.write_text(HEADER + "4,4,5,4,3,4,4,3,4\n")
    with pytest.raises(CommandError, match="Baris 2, kolom U3"):
        call_command("ikm", str(bad))
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("ikm", str(tmp_path / "tidak-ada.csv"))


def test_questionnaires_are_reseeded_after_a_flush(world):
    from kinerja.satisfaction.models import SurveyVersion
    from kinerja.satisfaction.services.survey import version_current

    SurveyVersion.objects.all().delete()
    version = version_current(puskesmas=world.a1)
    assert version.code == "skm-2017" and version.elements.count() == 9 and version.bands.count() == 4
    assert SurveyVersion.objects.get(code="ikm-2004").elements.count() == 14
