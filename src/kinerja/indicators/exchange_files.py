"""File formats for monthly values: read and write Excel and CSV, without the database.

Excel: one sheet per month, named after the month ("Januari" ... "Desember"), rows = data elements
(Kode, Elemen data, Satuan, Nilai), with the Puskesmas code, its name and the year at the top of
every sheet. Operators fill in a month at a time, as on the paper form and on the screen grid, so a
sheet per month is what they find natural; a row per element keeps names readable (150 elements
would make a sheet with months as columns very wide), and every message can point at "Lembar Maret,
baris 12, kolom Nilai". An empty Nilai cell means "no value": importing it empties a stored value,
so a sheet is the whole state of that month and a round trip (export, import) changes nothing.

CSV: the long format `puskesmas_code,year,month,element_code,value`, UTF-8, one value per line
(a semicolon separator, as saved by Excel in an Indonesian locale, is accepted too). Lines that are
not in the file are left as they are; an empty `value` empties the stored value.
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
CSV_COLUMNS = ("puskesmas_code", "year", "month", "element_code", "value")
# Excel layout: label/value pairs at the top of each month sheet, then a header row and the data.
ROW_CODE, ROW_NAME, ROW_YEAR, ROW_MONTH, ROW_STATUS, ROW_HEADER = 1, 2, 3, 4, 5, 6
XLSX_COLUMNS = ("Kode", "Elemen data", "Satuan", "Nilai")
VALUE_COLUMN, CODE_COLUMN = "Nilai", "Kode"


@dataclass(slots=True)
class Where:
    """Where a cell sits in the uploaded file, for messages."""

    sheet: str | None  # None for CSV
    row: int
    column: str

    def text(self, label: str | None = None) -> str:
        column = f"{self.column} ({label})" if label else self.column
        if self.sheet is None:
            return _("Baris %(row)s, kolom %(column)s") % {"row": self.row, "column": column}
        return _("Lembar %(sheet)s, baris %(row)s, kolom %(column)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": column,
        }


@dataclass(slots=True)
class Period:
    """The cells of one report in the file, a Puskesmas' month, as typed: {element code: (raw, row)}.

    Rows repeating an element already in the period are kept apart in `repeated`, as
    (element code, row, row of the first). `sheet` and `column` say where the values sit (the month's
    sheet and the Nilai column in Excel; no sheet and the value column in CSV), for messages."""

    puskesmas_code: str
    year: int
    month: int
    sheet: str | None
    column: str
    first_row: int
    cells: dict[str, tuple[str | int | None, int]] = field(default_factory=dict)
    repeated: list[tuple[str, int, int]] = field(default_factory=list)

    def where(self, row: int) -> Where:
        return Where(self.sheet, row, self.column)

    def add(self, element: str, raw: str | int | None, row: int) -> None:
        first = self.cells.get(element)
        if first is None:
            self.cells[element] = (raw, row)
        else:
            self.repeated.append((element, row, first[1]))


@dataclass(frozen=True)
class Problem:
    where: Where | None
    message: str
    label: str | None = None

    def text(self) -> str:
        return f"{self.where.text(self.label)}: {self.message}" if self.where else self.message


@dataclass
class Parsed:
    periods: list[Period]
    problems: list[Problem]


def read_file(data: bytes, filename: str = "") -> Parsed:
    """Cells of an uploaded .xlsx or .csv file (told apart by content, not only by name)."""
    if not data.strip():
        return Parsed(
            [], [Problem(None, _("Berkas kosong. Pilih berkas Excel (.xlsx) atau CSV yang berisi angka."))]
        )
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        return read_xlsx(data)
    return read_csv(data)


# --- CSV ----------------------------------------------------------------------------------------


def _int(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def read_csv(data: bytes) -> Parsed:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = _(
            "Baris %(row)s: berkas CSV bukan UTF-8 (ada huruf yang tidak terbaca). Simpan ulang dari Excel "
            "sebagai 'CSV UTF-8 (dipisahkan koma)'."
        ) % {"row": line}
        return Parsed([], [Problem(None, message)])
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        message = _("Baris 1: kolom %(missing)s tidak ada. Baris pertama harus berisi: %(columns)s.") % {
            "missing": ", ".join(missing),
            "columns": ",".join(CSV_COLUMNS),
        }
        return Parsed([], [Problem(None, message)])
    index = {name: header.index(name) for name in CSV_COLUMNS}
    return _csv_rows(reader, index)


def _csv_rows(reader, index: dict[str, int]) -> Parsed:
    """One pass over the lines. The period of a line is looked up by its three cells as typed, so a
    period's code, year and month are checked once, not once per value (a national file has 150
    values a month)."""
    problems: list[Problem] = []
    width = max(index.values()) + 1
    at_code, at_year, at_month, at_element, at_value = (index[c] for c in CSV_COLUMNS)
    typed_periods: dict[tuple[str, str, str], Period | None] = {}
    periods: dict[tuple[str, int, int], Period] = {}
    for row in reader:
        line = reader.line_num
        if len(row) < width:
            if not any(c.strip() for c in row):
                continue
            row = row + [""] * (width - len(row))
        typed = (row[at_code], row[at_year], row[at_month])
        period = typed_periods.get(typed)
        if period is None and typed not in typed_periods:
            period = typed_periods[typed] = _csv_period(typed, periods, line)
        element = row[at_element].strip()
        if period is None or not element:
            problems.extend(_csv_problems(row, line, index))
            continue
        period.add(element, row[at_value], line)
    if not problems and not any(p.cells for p in periods.values()):
        problems.append(Problem(None, _("Berkas tidak berisi data: hanya ada baris judul kolom.")))
    return Parsed(list(periods.values()), problems)


def _csv_period(typed: tuple[str, str, str], periods: dict, line: int) -> Period | None:
    """The period of cells typed as (code, year, month), or None when one of them is wrong."""
    code, year, month = typed[0].strip(), _int(typed[1]), _int(typed[2])
    if not code or year is None or month is None or not 1 <= month <= 12:
        return None
    key = (code, year, month)
    if key not in periods:
        periods[key] = Period(code, year, month, None, "value", line)
    return periods[key]


def _csv_problems(row: list[str], line: int, index: dict[str, int]) -> list[Problem]:
    """What is wrong with a line's Puskesmas code, year, month and element code."""
    problems = []
    year, month = _int(row[index["year"]]), _int(row[index["month"]])
    if year is None:
        problems.append(
            Problem(
                Where(None, line, "year"),
                _("'%(raw)s' bukan tahun. Tulis tahun empat angka, misalnya 2024.")
                % {"raw": row[index["year"]]},
            )
        )
    if month is None or not 1 <= month <= 12:
        problems.append(
            Problem(
                Where(None, line, "month"),
                _("'%(raw)s' bukan bulan. Tulis angka 1 sampai 12.") % {"raw": row[index["month"]]},
            )
        )
    if not row[index["puskesmas_code"]].strip():
        problems.append(
            Problem(
                Where(None, line, "puskesmas_code"),
                _("kode Puskesmas kosong. Tulis kode Puskesmas, misalnya P7398010001."),
            )
        )
    if not row[index["element_code"]].strip():
        problems.append(
            Problem(
                Where(None, line, "element_code"),
                _("kode elemen data kosong. Tulis kode elemen, misalnya anc-k1."),
            )
        )
    return problems


def write_csv(rows: Iterable[tuple[str, int, int, str, int | None]]) -> Iterator[str]:
    """Lines of the long CSV format (header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(["" if x is None else x for x in row])
        yield buffer.getvalue()


# --- Excel --------------------------------------------------------------------------------------


def _month_of(title: str) -> int | None:
    lowered = title.strip().lower()
    for number, name in enumerate(MONTHS, 1):
        if lowered == name.lower():
            return number
    return None


def typed_value(value) -> str | int | None:
    """A cell as typed: integers stay integers, 12.0 becomes 12, anything else becomes text."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


def read_xlsx(data: bytes) -> Parsed:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return Parsed([], [Problem(None, _("Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca. Gunakan templat yang diunduh dari aplikasi."))])  # fmt: skip
    periods: list[Period] = []
    problems: list[Problem] = []
    months = [(ws, _month_of(ws.title)) for ws in book.worksheets]
    months = [(ws, m) for ws, m in months if m]
    if not months:
        names = ", ".join(MONTHS[:3])
        problems.append(Problem(None, _("Tidak ada lembar bulan. Nama lembar harus nama bulan: %(names)s, ...") % {"names": names}))  # fmt: skip
    for ws, month in months:
        _read_sheet(ws, month, periods, problems)
    book.close()
    return Parsed(periods, problems)


def _read_sheet(ws, month: int, periods: list[Period], problems: list[Problem]) -> None:
    sheet = ws.title
    rows = list(ws.iter_rows(values_only=True))
    top = {r: (rows[r - 1] if len(rows) >= r else ()) for r in (ROW_CODE, ROW_YEAR, ROW_HEADER)}
    code = str(top[ROW_CODE][1]).strip() if len(top[ROW_CODE]) > 1 and top[ROW_CODE][1] is not None else ""
    year_raw = top[ROW_YEAR][1] if len(top[ROW_YEAR]) > 1 else None
    year = typed_value(year_raw)
    if not code:
        problems.append(Problem(Where(sheet, ROW_CODE, "B"), _("kode Puskesmas kosong. Gunakan templat yang diunduh dari aplikasi."), "Kode Puskesmas"))  # fmt: skip
    if not isinstance(year, int):
        problems.append(Problem(Where(sheet, ROW_YEAR, "B"), _("'%(raw)s' bukan tahun. Tulis tahun empat angka, misalnya 2024.") % {"raw": year_raw or ""}, "Tahun"))  # fmt: skip
    header = [str(h).strip() if h is not None else "" for h in top[ROW_HEADER]]
    missing = [c for c in (CODE_COLUMN, VALUE_COLUMN) if c not in header]
    if missing:
        problems.append(Problem(Where(sheet, ROW_HEADER, ", ".join(missing)), _("kolom ini tidak ada di baris judul. Gunakan templat yang diunduh dari aplikasi.")))  # fmt: skip
    if missing or not code or not isinstance(year, int):
        return
    code_at, value_at = header.index(CODE_COLUMN), header.index(VALUE_COLUMN)
    period = Period(code, year, month, sheet, VALUE_COLUMN, ROW_HEADER + 1)
    periods.append(period)
    for number, row in enumerate(rows[ROW_HEADER:], ROW_HEADER + 1):
        element = row[code_at] if len(row) > code_at else None
        raw = typed_value(row[value_at]) if len(row) > value_at else None
        element = str(element).strip() if element is not None else ""
        if not element:
            if raw not in (None, ""):
                problems.append(Problem(Where(sheet, number, CODE_COLUMN), _("ada nilai tetapi kode elemen kosong. Isi kode elemen atau hapus nilainya.")))  # fmt: skip
            continue
        period.add(element, raw, number)


@dataclass
class SheetData:
    """What `write_xlsx` needs for one Puskesmas-year."""

    puskesmas_code: str
    puskesmas_name: str
    year: int
    elements: list[tuple[str, str, str]]  # code, name, unit
    values: dict[tuple[int, str], int]  # (month, element code) -> value
    statuses: dict[int, str]  # month -> status label


def write_xlsx(data: SheetData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    guide = book.active
    guide.title = "Petunjuk"
    for line in _guide_lines(data):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="FFF4CC")
    for month, name in enumerate(MONTHS, 1):
        ws = book.create_sheet(name)
        ws.append(["Kode Puskesmas", data.puskesmas_code])
        ws.append(["Nama Puskesmas", data.puskesmas_name])
        ws.append(["Tahun", data.year])
        ws.append(["Bulan", name])
        ws.append(["Status laporan", data.statuses.get(month, "Belum dibuat")])
        ws.append(list(XLSX_COLUMNS))
        for cell in ws[ROW_HEADER]:
            cell.font = bold
        for code, element_name, unit in data.elements:
            ws.append([code, element_name, unit, data.values.get((month, code))])
            ws.cell(ws.max_row, 4).fill = fill
            ws.cell(ws.max_row, 4).number_format = "0"
        for column, width in zip("ABCD", (26, 70, 12, 12), strict=True):
            ws.column_dimensions[column].width = width
        ws.freeze_panes = ws.cell(ROW_HEADER + 1, 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _guide_lines(data: SheetData) -> list[str]:
    return [
        f"Templat laporan bulanan Puskesmas {data.puskesmas_name} ({data.puskesmas_code}), tahun {data.year}",
        "",
        "Cara mengisi:",
        "1. Satu lembar untuk setiap bulan (Januari sampai Desember). Isi kolom Nilai (berwarna kuning).",
        "2. Isi bilangan bulat 0 atau lebih, tanpa koma. Titik ribuan boleh (1.250 = 1250).",
        "3. Sel Nilai yang kosong berarti belum ada angka: angka yang tersimpan untuk sel itu akan dihapus.",
        "4. Jangan mengubah kode Puskesmas, tahun, nama lembar, atau kolom Kode.",
        "5. Unggah berkas ini kembali di halaman Impor/Ekspor. Bila ada satu sel yang salah, tidak ada yang",
        "   disimpan; daftar kesalahan menyebut lembar, baris dan kolomnya.",
        "6. Laporan yang sudah disetujui atau diverifikasi terkunci: angkanya tidak dapat diubah lewat impor.",
    ]
