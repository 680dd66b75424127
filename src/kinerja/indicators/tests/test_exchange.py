"""Excel and CSV import/export of monthly values: good files, every kind of bad file (and proof that
a refused file changed nothing), locked months, the round trip, the pages and who may use them."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.core.testing import make_user
from kinerja.indicators import exchange
from kinerja.indicators.exchange_files import read_file
from kinerja.indicators.models import Report, ReportingSetting, Value, ValueChange, ValueYear
from kinerja.indicators.services import report_values
from kinerja.indicators.tests.helpers import load_catalogue, put_month

pytestmark = pytest.mark.django_db
YEAR = 2024
# Rows of the month sheets: the header is row 6, elements follow in catalogue order.
ROW = {"e1": 7, "e2": 8, "k1": 15, "k4": 16, "m1": 17}


@pytest.fixture
def cat(world, tmp_path):
    load_catalogue(tmp_path)
    return world


def snapshot():
    """Everything an import may touch."""
    return (
        sorted(Value.objects.values_list("report_id", "data_element_id", "value", "flag")),
        ValueChange.objects.count(),
        sorted(Report.objects.values_list("puskesmas_id", "year", "month", "status")),
    )


def csv_bytes(*rows, header="puskesmas_code,year,month,element_code,value") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def xlsx_with(puskesmas, cells: dict[tuple[str, str], object], year=YEAR) -> bytes:
    """The downloaded template with some Nilai cells typed in: {(sheet, element code): raw}."""
    book = load_workbook(io.BytesIO(exchange.values_export_xlsx(puskesmas=puskesmas, year=year)))
    for (sheet, code), raw in cells.items():
        book[sheet].cell(ROW[code], 4).value = raw
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def refused(user, data, **kwargs) -> list[str]:
    before = snapshot()
    with pytest.raises(exchange.ImportRefused) as caught:
        exchange.values_import(user=user, data=data, **kwargs)
    assert snapshot() == before, "a refused file must change nothing"
    return caught.value.extra["problems"]


# --- good files ----------------------------------------------------------------------------------


def test_csv_import_stores_values_with_history(cat):
    code = cat.a1.code
    data = csv_bytes(f"{code},2024,3,k1,12", f"{code},2024,3,k4,10", f"{code},2024,4,e1,1.250")
    result = exchange.values_import(user=cat.operator, data=data, filename="x.csv")
    assert (result.cells, result.changed, result.reports) == (3, 3, 2)
    march = Report.objects.get(puskesmas=cat.a1, year=2024, month=3)
    assert report_values(report=march) == {"k1": 12, "k4": 10}
    assert (march.status, march.due_date) == (Report.Status.DRAFT, datetime.date(2024, 4, 10))
    assert report_values(report=Report.objects.get(puskesmas=cat.a1, month=4)) == {"e1": 1250}
    change = ValueChange.objects.get(report=march, data_element__code="k1")
    assert (change.old_value, change.new_value, change.changed_by, change.source) == (
        None,
        12,
        cat.operator,
        "import",
    )


def test_reports_an_import_creates_are_due_on_the_district_day(cat):
    ReportingSetting.objects.create(district=cat.district_a, due_day=5)
    data = csv_bytes(f"{cat.a1.code},2024,12,k1,3", f"{cat.b1.code},2024,12,k1,4")
    exchange.values_import(user=None, data=data)
    due = dict(Report.objects.values_list("puskesmas_id", "due_date"))
    assert due == {cat.a1.pk: datetime.date(2025, 1, 5), cat.b1.pk: datetime.date(2025, 1, 10)}


def test_csv_import_updates_and_empties_cells(cat):
    report = put_month(cat.a1, YEAR, 3, {"k1": 12, "k4": 10, "e1": 5}, status=Report.Status.DRAFT)
    code = cat.a1.code
    data = csv_bytes(f"{code},2024,3,k1,20", f"{code},2024,3,e1,")
    result = exchange.values_import(user=cat.operator, data=data)
    assert result.changed == 2
    assert report_values(report=report) == {"k1": 20, "k4": 10}
    history = set(
        ValueChange.objects.filter(report=report).values_list("data_element__code", "old_value", "new_value")
    )
    assert history == {("k1", 12, 20), ("e1", 5, None)}


def test_semicolon_csv_is_accepted(cat):
    data = csv_bytes(f"{cat.a1.code};2024;3;k1;7", header="puskesmas_code;year;month;element_code;value")
    exchange.values_import(user=cat.operator, data=data)
    assert Value.objects.get(data_element__code="k1").value == 7


def test_xlsx_import(cat):
    data = xlsx_with(cat.a1, {("Maret", "k1"): 12, ("Maret", "k4"): "10", ("April", "e1"): 3.0})
    result = exchange.values_import(
        user=cat.operator, data=data, filename="a.xlsx", puskesmas=cat.a1, year=YEAR
    )
    assert result.changed == 3
    assert report_values(report=Report.objects.get(puskesmas=cat.a1, month=3)) == {"k1": 12, "k4": 10}
    assert report_values(report=Report.objects.get(puskesmas=cat.a1, month=4)) == {"e1": 3}
    assert not Report.objects.filter(month__in=[1, 2, 5]).exists(), "untouched months create no report"


def test_suspicious_values_are_flagged_not_refused(cat):
    for month in (1, 2, 3):
        put_month(cat.a1, YEAR, month, {"e1": 10}, status=Report.Status.DRAFT)
    result = exchange.values_import(user=cat.operator, data=csv_bytes(f"{cat.a1.code},2024,4,e1,500"))
    assert Value.objects.get(report__month=4).flag == Value.Flag.SUSPICIOUS
    assert "Baris 2, kolom value" in result.warnings[0] and "jauh dari biasanya" in result.warnings[0]


# --- bad files: every bad cell named, nothing stored ------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (["{c},2024,3,e1,12a"], "Baris 2, kolom value (Elemen 1): '12a' bukan bilangan bulat"),
        (["{c},2024,3,e1,-4"], "Baris 2, kolom value (Elemen 1): nilai tidak boleh negatif"),
        (["{c},2024,3,e1,2,5"], None),  # an extra column is ignored: value "2" is fine
        (["{c},2024,3,m1,5"], "Baris 2, kolom value (Lokmin): nilai 5 tidak dikenal. Pilih salah satu: 0, 4, 7, 10"),
        (["{c},2024,3,k1,10", "{c},2024,3,k4,12"], "Baris 3, kolom value (K4): K4 (12) melebihi K1 (10)"),
        (["{c},2024,3,zz9,1"], "Baris 2, kolom value: kode elemen data 'zz9' tidak dikenal"),
        (["P0000000000,2024,3,e1,1"], "Baris 2, kolom puskesmas_code (Kode Puskesmas): berkas ini untuk Puskesmas berkode 'P0000000000'"),
        (["{c},2023,3,e1,1"], "Baris 2, kolom year (Tahun): berkas ini untuk tahun 2023, bukan 2024"),
        (["{c},2024,13,e1,1"], "Baris 2, kolom month: '13' bukan bulan"),
        (["{c},2024,3,e1,1", "{c},2024,3,e1,2"], "Baris 3, kolom value (Elemen 1): Elemen 1 bulan ini sudah ada di baris 2"),
    ],
)  # fmt: skip
def test_bad_csv_cells(cat, rows, expected):
    data = csv_bytes(*(r.format(c=cat.a1.code) for r in rows))
    if expected is None:
        exchange.values_import(user=cat.operator, data=data, puskesmas=cat.a1, year=YEAR)
        return
    problems = refused(cat.operator, data, puskesmas=cat.a1, year=YEAR)
    assert any(p.startswith(expected) for p in problems), problems


def test_every_bad_cell_is_reported(cat):
    c = cat.a1.code
    data = csv_bytes(f"{c},2024,3,e1,x", f"{c},2024,3,e2,1", f"{c},2024,4,e1,-1", f"{c},2024,5,e3,1,5")
    problems = refused(cat.operator, data)
    assert [p.split(":")[0] for p in problems] == [
        "Baris 2, kolom value (Elemen 1)",
        "Baris 4, kolom value (Elemen 1)",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Berkas kosong"),
        (b"   \n", "Berkas kosong"),
        (b"puskesmas_code,year,month,element_code,value\n", "Berkas tidak berisi data"),
        (b"puskesmas_code,year,month,element_code\nP1,2024,3,e1\n", "Baris 1: kolom value tidak ada"),
        ("puskesmas_code,year,month,element_code,value\nP1,2024,3,e1,1\nPé,2024,3,e1,1\n".encode("latin-1"),
         "Baris 3: berkas CSV bukan UTF-8"),
        (b"PK\x03\x04 not really a workbook", "Berkas ini bukan berkas Excel (.xlsx)"),
    ],
)  # fmt: skip
def test_bad_files(cat, data, expected):
    problems = refused(cat.operator, data)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_bad_xlsx_cells(cat):
    data = xlsx_with(
        cat.a1, {("Maret", "e1"): "12a", ("Maret", "k1"): 10, ("Maret", "k4"): 12, ("April", "e2"): -3}
    )
    problems = refused(cat.operator, data, puskesmas=cat.a1, year=YEAR)
    assert problems == [
        "Lembar Maret, baris 7, kolom Nilai (Elemen 1): '12a' bukan bilangan bulat. "
        "Isi dengan angka tanpa koma, misalnya 12.",
        "Lembar Maret, baris 16, kolom Nilai (K4): K4 (12) melebihi K1 (10). Angka ini tidak boleh lebih "
        "besar; periksa kedua angka.",
        "Lembar April, baris 8, kolom Nilai (Elemen 2): nilai tidak boleh negatif (-3). "
        "Isi 0 bila tidak ada kegiatan.",
    ]


def test_xlsx_for_another_puskesmas_or_year(cat):
    other = xlsx_with(cat.a2, {("Maret", "e1"): 1})
    problems = refused(cat.operator, other, puskesmas=cat.a1, year=YEAR)
    assert problems[0].startswith(
        "Lembar Januari, baris 1, kolom B (Kode Puskesmas): berkas ini untuk Puskesmas"
    )
    assert len(problems) == 12, "once per sheet, not once per cell"
    wrong_year = xlsx_with(cat.a1, {("Maret", "e1"): 1}, year=2023)
    problems = refused(cat.operator, wrong_year, puskesmas=cat.a1, year=YEAR)
    assert problems[0].startswith(
        "Lembar Januari, baris 3, kolom B (Tahun): berkas ini untuk tahun 2023, bukan 2024"
    )


def test_xlsx_missing_value_column(cat):
    book = load_workbook(io.BytesIO(exchange.values_export_xlsx(puskesmas=cat.a1, year=YEAR)))
    book["Maret"].cell(6, 4).value = "Jumlah"
    out = io.BytesIO()
    book.save(out)
    problems = refused(cat.operator, out.getvalue())
    assert problems == [
        "Lembar Maret, baris 6, kolom Nilai: kolom ini tidak ada di baris judul. "
        "Gunakan templat yang diunduh dari aplikasi."
    ]


def test_locked_month_is_refused(cat):
    put_month(cat.a1, YEAR, 3, {"k1": 12}, status=Report.Status.APPROVED)
    data = xlsx_with(cat.a1, {("Maret", "k1"): 13, ("April", "k1"): 5})
    problems = refused(cat.operator, data, puskesmas=cat.a1, year=YEAR)
    assert problems == [
        f"Lembar Maret, baris 15, kolom Nilai: laporan Maret 2024 Puskesmas {cat.a1.name} sudah disetujui "
        "kepala puskesmas dan terkunci; angkanya tidak dapat diubah lewat impor. Minta Kepala Puskesmas atau "
        "Dinas membukanya kembali, atau samakan angka di berkas dengan yang tersimpan."
    ]
    # The same numbers as stored: the locked month is left alone and the rest is imported.
    data = xlsx_with(cat.a1, {("April", "k1"): 5})
    assert exchange.values_import(user=cat.operator, data=data, puskesmas=cat.a1, year=YEAR).changed == 1


def test_district_admin_imports_for_any_puskesmas_in_scope_only(cat):
    data = csv_bytes(f"{cat.a2.code},2024,1,e1,1", f"{cat.b1.code},2024,1,e1,1")
    problems = refused(cat.district_admin, data)
    assert problems == [
        f"Baris 3, kolom puskesmas_code (Kode Puskesmas): kode Puskesmas '{cat.b1.code}' tidak dikenal atau "
        "di luar wilayah Anda. Periksa kodenya."
    ]
    refused(cat.operator, csv_bytes(f"{cat.a2.code},2024,1,e1,1"))  # an operator: own Puskesmas only
    with pytest.raises(exchange.ApplicationError):
        exchange.values_import(user=cat.supervisor, data=csv_bytes(f"{cat.a1.code},2024,1,e1,1"))


# --- round trip ---------------------------------------------------------------------------------


def _fill(world):
    put_month(world.a1, YEAR, 1, {"e1": 0, "k1": 12, "k4": 9, "m1": 7}, status=Report.Status.DRAFT)
    put_month(world.a1, YEAR, 2, {"e1": 1250, "k1": 3}, status=Report.Status.VERIFIED)
    put_month(world.a1, YEAR, 11, {"e6": 99999}, status=Report.Status.SUBMITTED)


def stored(puskesmas):
    return sorted(
        Value.objects.filter(report__puskesmas=puskesmas).values_list(
            "report__month", "data_element__code", "value"
        )
    )


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_round_trip(cat, kind):
    _fill(cat)
    before = stored(cat.a1)
    if kind == "xlsx":
        data = exchange.values_export_xlsx(puskesmas=cat.a1, year=YEAR)
    else:
        data = "".join(exchange.values_export_csv(puskesmas_ids=[cat.a1.pk], year=YEAR)).encode()
    assert exchange.values_import(user=cat.operator, data=data, puskesmas=cat.a1, year=YEAR).changed == 0
    Value.objects.filter(report__puskesmas=cat.a1, report__status=Report.Status.DRAFT).delete()
    result = exchange.values_import(user=cat.operator, data=data, puskesmas=cat.a1, year=YEAR)
    assert result.changed == 4
    assert stored(cat.a1) == before
    if kind == "csv":
        again = "".join(exchange.values_export_csv(puskesmas_ids=[cat.a1.pk], year=YEAR)).encode()
        assert again == data


def test_parsed_export_matches_database(cat):
    _fill(cat)
    parsed = read_file(exchange.values_export_xlsx(puskesmas=cat.a1, year=YEAR))
    cells = sorted(
        (p.month, code, raw)
        for p in parsed.periods
        for code, (raw, _row) in p.cells.items()
        if raw is not None
    )
    assert cells == stored(cat.a1)


# --- pages and access --------------------------------------------------------------------------


def test_upload_page_accepts_and_refuses(client, cat):
    client.force_login(cat.operator)
    url = reverse("indicators:exchange", kwargs={"slug": cat.a1.slug, "year": YEAR})
    good = SimpleUploadedFile("a.csv", csv_bytes(f"{cat.a1.code},2024,3,k1,12"))
    response = client.post(url, {"file": good})
    assert response.status_code == 200 and "1 angka berubah" in response.content.decode()
    bad = SimpleUploadedFile("a.csv", csv_bytes(f"{cat.a1.code},2024,3,k1,1x"))
    response = client.post(url, {"file": bad}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert (
        "Berkas ditolak" in body and "Baris 2, kolom value (K1): &#x27;1x&#x27; bukan bilangan bulat" in body
    )
    assert Value.objects.get(data_element__code="k1").value == 12


def test_downloads(client, cat):
    _fill(cat)
    client.force_login(cat.head)
    response = client.get(reverse("indicators:exchange_csv", kwargs={"slug": cat.a1.slug, "year": YEAR}))
    body = b"".join(response.streaming_content).decode()
    assert body.splitlines()[0] == "puskesmas_code,year,month,element_code,value"
    assert f"{cat.a1.code},2024,2,e1,1250" in body
    response = client.get(reverse("indicators:exchange_xlsx", kwargs={"slug": cat.a1.slug, "year": YEAR}))
    assert response.content[:2] == b"PK" and "attachment" in response["Content-Disposition"]


def test_district_csv_covers_the_district_only(client, cat):
    _fill(cat)
    put_month(cat.b1, YEAR, 1, {"e1": 5})
    client.force_login(cat.supervisor)
    response = client.get(reverse("indicators:exchange_district_csv") + "?tahun=2024")
    body = b"".join(response.streaming_content).decode()
    assert cat.a1.code in body and cat.b1.code not in body


def test_access(client, cat):
    other = make_user(role="puskesmas_operator", username="op-a2", puskesmas=cat.a2)
    client.force_login(other)
    for name in ("exchange", "exchange_xlsx", "exchange_csv"):
        response = client.get(reverse(f"indicators:{name}", kwargs={"slug": cat.a1.slug, "year": YEAR}))
        assert response.status_code == 404
    client.force_login(cat.supervisor)  # may look and download, not upload
    url = reverse("indicators:exchange", kwargs={"slug": cat.a1.slug, "year": YEAR})
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("a.csv", csv_bytes(f"{cat.a1.code},2024,3,k1,12"))
    assert client.post(url, {"file": upload}).status_code == 403
    assert not Value.objects.exists()


def test_district_admin_uploads_the_district_file(client, cat):
    client.force_login(cat.district_admin)
    url = reverse("indicators:exchange_district")
    page = client.get(url + "?tahun=2024").content.decode()
    assert 'id="unggah"' in page and reverse("indicators:exchange_district_csv") in page
    data = csv_bytes(
        f"{cat.a1.code},2024,3,k1,12", f"{cat.a2.code},2024,3,k1,7", f"{cat.a2.code},2024,4,e1,3"
    )
    response = client.post(url, {"file": SimpleUploadedFile("kab.csv", data)}, HTTP_HX_REQUEST="true")
    assert "3 angka berubah di 3 laporan bulanan" in response.content.decode()
    assert sorted(
        Value.objects.values_list("report__puskesmas__code", "data_element__code", "value")
    ) == sorted([(cat.a1.code, "k1", 12), (cat.a2.code, "k1", 7), (cat.a2.code, "e1", 3)])
    assert set(ValueChange.objects.values_list("changed_by", "source")) == {(cat.district_admin.pk, "import")}


def test_district_file_with_a_puskesmas_of_another_district_changes_nothing(client, cat):
    client.force_login(cat.district_admin)
    data = csv_bytes(f"{cat.a1.code},2024,3,k1,12", f"{cat.b1.code},2024,3,k1,4")
    before = snapshot()
    response = client.post(
        reverse("indicators:exchange_district"), {"file": SimpleUploadedFile("kab.csv", data)}
    )
    body = response.content.decode()
    assert "Berkas ditolak: 1 kesalahan" in body
    assert f"Baris 3, kolom puskesmas_code (Kode Puskesmas): kode Puskesmas &#x27;{cat.b1.code}&#x27; tidak dikenal atau di luar wilayah Anda" in body  # fmt: skip
    assert snapshot() == before


def test_district_file_upload_is_for_the_district_admin(client, cat):
    url = reverse("indicators:exchange_district")
    upload = SimpleUploadedFile("kab.csv", csv_bytes(f"{cat.a1.code},2024,3,k1,12"))
    client.force_login(cat.program_manager)  # may download, not upload
    page = client.get(url).content.decode()
    assert 'id="unggah"' not in page and "Hanya admin Dinas" in page
    assert client.post(url, {"file": upload}).status_code == 403
    client.force_login(cat.operator)
    assert client.get(url).status_code == 403
    assert not Value.objects.exists()


# --- command line --------------------------------------------------------------------------------


def test_import_values_command(cat, tmp_path):
    from django.core.management import CommandError, call_command

    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes(f"{cat.a1.code},2024,3,k1,12", f"{cat.b1.code},2024,3,k1,4"))
    out = io.StringIO()
    call_command("import-values", str(good), stdout=out, stderr=io.StringIO())
    assert "2 angka berubah" in out.getvalue()
    assert ValueChange.objects.filter(changed_by=None, source="import").count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(f"{cat.b1.code},2024,3,k1,5", f"{cat.a1.code},2024,3,k1,x"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Berkas ditolak: 2 kesalahan"):
        call_command("import-values", str(bad), "--user", "eko", stdout=io.StringIO(), stderr=err)
    assert "Baris 2, kolom puskesmas_code" in err.getvalue()  # eko may only import for his Puskesmas


def test_months_not_yet_started_are_refused(cat):
    problems = refused(cat.operator, csv_bytes(f"{cat.a1.code},2099,1,e1,1", f"{cat.a1.code},2099,1,e2,1"))
    assert problems == [
        "Baris 2, kolom month (Bulan): bulan Januari 2099 belum mulai; laporannya belum dapat diisi."
    ]


# --- targets (sasaran) ---------------------------------------------------------------------------


def targets_xlsx_with(puskesmas, values: dict[str, object], year=YEAR) -> bytes:
    from kinerja.indicators.exchange_targets import targets_export_xlsx

    book = load_workbook(io.BytesIO(targets_export_xlsx(puskesmas=puskesmas, year=year)))
    sheet = book["Sasaran"]
    for row in sheet.iter_rows(min_row=6):
        if row[0].value in values:
            row[2].value = values[row[0].value]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_targets_import_and_refusal(client, cat):
    from kinerja.core.models import AuditEntry
    from kinerja.indicators.models import Target

    client.force_login(cat.district_admin)
    url = reverse("indicators:exchange_targets", kwargs={"slug": cat.a1.slug, "year": YEAR})
    bad = SimpleUploadedFile("s.xlsx", targets_xlsx_with(cat.a1, {"g1": 640, "g2": "banyak", "g3": -1}))
    body = client.post(url, {"file": bad}).content.decode()
    assert (
        "Lembar Sasaran, baris 7, kolom Jumlah (Sasaran 2): &#x27;banyak&#x27; bukan bilangan bulat" in body
    )
    assert "Lembar Sasaran, baris 8, kolom Jumlah (Sasaran 3): nilai tidak boleh negatif" in body
    assert not Target.objects.exists()
    other = SimpleUploadedFile("s.xlsx", targets_xlsx_with(cat.a2, {"g1": 640}))
    assert "bukan Alfa Satu" in client.post(url, {"file": other}).content.decode()
    good = SimpleUploadedFile("s.xlsx", targets_xlsx_with(cat.a1, {"g1": 640, "g2": 1.250e3}))
    assert client.post(url, {"file": good}).status_code == 302
    assert dict(Target.objects.values_list("group__code", "value")) == {"g1": 640, "g2": 1250}
    assert Target.objects.get(group__code="g1").source == "imported"
    assert AuditEntry.objects.filter(action="indicators.target_set").count() == 2
    client.force_login(cat.operator)  # operators see targets but do not set them
    assert client.get(url).status_code == 403


# --- large files: batches written while the next is checked ---------------------------------------


def test_large_file_goes_through_in_batches(cat, monkeypatch):
    """Batches of one report: every batch but the first is checked while the one before is stored."""
    monkeypatch.setattr(exchange, "CHUNK", 1)
    rows = [f"{p.code},2024,{m},e1,{10 + m}" for p in (cat.a1, cat.a2, cat.b1) for m in range(1, 7)]
    rows += [f"{cat.a1.code},2024,{m},k1,5" for m in range(1, 7)]
    steps = []
    result = exchange.values_import(
        user=None, data=csv_bytes(*rows), progress=lambda done, total: steps.append((done, total))
    )
    assert (result.cells, result.changed, result.reports) == (24, 24, 18)
    assert steps == [(12, 24), (18, 24), (24, 24)], "a batch per Puskesmas: never split"
    assert Value.objects.count() == ValueChange.objects.count() == 24
    yearly_rows = ValueYear.objects.filter(data_element__code="e1").values_list("puskesmas_id", "m1", "m6")
    assert sorted(yearly_rows) == sorted((p.pk, 11, 16) for p in (cat.a1, cat.a2, cat.b1))


def test_bad_cell_in_a_late_batch_undoes_the_batches_already_stored(cat, monkeypatch):
    monkeypatch.setattr(exchange, "CHUNK", 1)
    put_month(cat.b1, YEAR, 1, {"k1": 3}, status=Report.Status.DRAFT)
    rows = [f"{p.code},2024,{m},k1,{m}" for p in (cat.a1, cat.a2) for m in range(1, 4)]
    problems = refused(None, csv_bytes(*rows, f"{cat.b1.code},2024,2,k4,9", f"{cat.b1.code},2024,2,k1,1"))
    assert problems == ["Baris 8, kolom value (K4): K4 (9) melebihi K1 (1). Angka ini tidak boleh lebih "
                        "besar; periksa kedua angka."]  # fmt: skip


def test_a_failed_write_refuses_the_whole_file(cat, monkeypatch):
    """An error while a batch is being stored (here a value the database refuses) reaches the caller
    and the transaction is undone, batches already stored included."""
    monkeypatch.setattr(exchange, "CHUNK", 1)
    real_prepare = exchange._prepare

    def prepare(ctx, plans):
        if plans[0].key[0] == cat.b1.pk:
            report_id, element_id, _value, flag = plans[0].creates[0]
            plans[0].creates[0] = (report_id, element_id, -1, flag)  # a negative value breaks a CHECK
        return real_prepare(ctx, plans)

    monkeypatch.setattr(exchange, "_prepare", prepare)
    before = snapshot()
    rows = [f"{p.code},2024,3,k1,{n}" for n, p in enumerate((cat.a1, cat.a2, cat.b1), 1)]
    with pytest.raises(IntegrityError):
        exchange.values_import(user=None, data=csv_bytes(*rows))
    assert snapshot() == before
