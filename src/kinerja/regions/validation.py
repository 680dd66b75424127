"""Reading and checking a district's own region list (CSV) as pure functions: no ORM, no settings.

`csv_records_read` turns the file's bytes into numbered records (or file-level errors);
`csv_records_check` checks every record and returns clean rows plus one error per bad cell,
each naming the line, the column, the value and the fix in Bahasa Indonesia.
"""

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kinerja.regions import codes

REQUIRED_COLUMNS = ("code", "name")
OPTIONAL_COLUMNS = ("remoteness", "population", "travel_minutes")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
NAME_MAX_LENGTH = 120
INTEGER_MAX = 2_147_483_647  # PositiveIntegerField on PostgreSQL
REMOTENESS_VALUES = ("perkotaan", "perdesaan", "terpencil", "sangat_terpencil")

# `progress(items, description, total)` returns the items, perhaps wrapped in a progress bar.
Progress = Callable[[Iterable[Any], str, int], Iterable[Any]]


def no_progress(items: Iterable[Any], description: str, total: int) -> Iterable[Any]:
    return items


@dataclass(frozen=True)
class RowError:
    """One problem. `line` is the line in the file (the header is line 1); None for the whole file."""

    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"Berkas: {self.message}"
        if self.column is None:
            return f"Baris {self.line}: {self.message}"
        return f"Baris {self.line}, kolom {self.column}: {self.message}"


@dataclass(frozen=True)
class RegionRow:
    """A checked region. None in an optional field means "leave what is stored"."""

    code: str
    name: str
    level: int
    kind: str
    line: int = 0
    remoteness: str | None = None
    population: int | None = None
    travel_minutes: int | None = None

    @property
    def parent_code(self) -> str | None:
        return codes.parent_code(self.code)


@dataclass(frozen=True)
class Record:
    line: int
    values: dict[str, str]
    extra_fields: int = 0


def csv_decode(data: bytes) -> tuple[str, list[RowError]]:
    """UTF-8 text (a BOM is dropped), or an error telling the user to save the file as CSV UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = (
            f"berkas tidak tersimpan sebagai UTF-8 (huruf yang tidak terbaca pertama ada di baris {line}). "
            'Di Excel pilih "Simpan sebagai" lalu jenis "CSV UTF-8 (dibatasi koma)", dan unggah berkas itu.'
        )
        return "", [RowError(None, None, message)]
    if not text.strip():
        return "", [RowError(None, None, _empty_message())]
    return text, []


def _empty_message() -> str:
    return (
        "berkas kosong. Baris pertama berisi nama kolom (code,name, boleh ditambah "
        "remoteness,population,travel_minutes), lalu satu wilayah per baris."
    )


def csv_records_read(data: bytes) -> tuple[list[Record], list[RowError]]:
    """The file's records keyed by header column, with the line each starts on; or file-level errors."""
    text, errors = csv_decode(data)
    if errors:
        return [], errors
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line and "," not in first_line else ","  # Excel in Bahasa saves ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
        header_errors = _header_check(header)
        if header_errors:
            return [], header_errors
        records = list(_records(reader, header))
    except csv.Error as exc:
        return [], [RowError(reader.line_num, None, f"baris ini tidak bisa dibaca sebagai CSV ({exc}).")]
    if not records:
        return [], [RowError(None, None, "tidak ada baris data di bawah nama kolom. " + _empty_message())]
    return records, []


def _header_check(header: list[str]) -> list[RowError]:
    errors = []
    known = ", ".join(COLUMNS)
    for column in REQUIRED_COLUMNS:
        if column not in header:
            errors.append(
                RowError(
                    1,
                    column,
                    f"kolom wajib '{column}' tidak ada (baris pertama: '{','.join(header)}'). "
                    f"Baris pertama harus berisi nama kolom: {known}.",
                )
            )
    seen = set()
    for column in header:
        if not column:  # Excel often adds empty columns at the end: ignore them
            continue
        if column in seen:
            errors.append(RowError(1, column, f"kolom '{column}' muncul dua kali. Hapus salah satunya."))
        elif column not in COLUMNS:
            errors.append(
                RowError(1, column, f"kolom '{column}' tidak dikenal. Pakai nama kolom ini saja: {known}.")
            )
        seen.add(column)
    return errors


def _records(reader: Any, header: list[str]) -> Iterator[Record]:
    previous_end = reader.line_num
    for fields in reader:
        line, previous_end = previous_end + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue
        values = {column: (fields[i] if i < len(fields) else "") for i, column in enumerate(header)}
        extra = sum(1 for f in fields[len(header) :] if f.strip())
        yield Record(line=line, values=values, extra_fields=extra)


def csv_records_check(
    records: list[Record], *, existing_codes: Collection[str], progress: Progress = no_progress
) -> tuple[list[RegionRow], list[RowError]]:
    """Check every record. `existing_codes`: codes already stored that rows may hang under."""
    valid_codes = {
        r.values["code"].strip() for r in records if codes.code_problem(r.values["code"].strip()) is None
    }
    first_line: dict[str, int] = {}
    rows, errors = [], []
    for record in progress(records, "Memeriksa baris", len(records)):
        row, row_errors = _record_check(record, first_line, valid_codes, existing_codes)
        errors.extend(row_errors)
        if row is not None:
            rows.append(row)
    return rows, errors


def _record_check(
    record: Record, first_line: dict[str, int], valid_codes: set[str], existing_codes: Collection[str]
) -> tuple[RegionRow | None, list[RowError]]:
    line, values = record.line, record.values
    errors: list[RowError] = []
    if record.extra_fields:
        errors.append(
            RowError(
                line,
                None,
                f"ada {record.extra_fields} isian lebih dari jumlah kolom. Jika nama memuat koma, "
                'apit namanya dengan tanda kutip ("Dusun A, B").',
            )
        )
    code = values["code"].strip()
    code_ok = _code_check(code, line, errors, first_line, valid_codes, existing_codes)
    name = " ".join(values["name"].split())
    _name_check(code, name, line, errors, code_ok=code_ok)
    remoteness = _remoteness(values.get("remoteness", ""), line, errors)
    population = _integer(values.get("population", ""), "population", line, errors)
    travel_minutes = _integer(values.get("travel_minutes", ""), "travel_minutes", line, errors)
    if errors:
        return None, errors
    row = RegionRow(
        code=code,
        name=codes.clean_name(code, name),
        level=codes.level_of(code),
        kind=codes.kind_of(code),
        line=line,
        remoteness=remoteness,
        population=population,
        travel_minutes=travel_minutes,
    )
    return row, []


def _code_check(
    code: str,
    line: int,
    errors: list[RowError],
    first_line: dict[str, int],
    valid_codes: set[str],
    existing_codes: Collection[str],
) -> bool:
    """Format, duplicates and parent; True when the code itself is well formed."""
    problem = codes.code_problem(code)
    if problem:
        errors.append(RowError(line, "code", problem))
        return False
    if code in first_line:
        message = f"kode '{code}' sudah dipakai di baris {first_line[code]}. Hapus salah satu baris."
        errors.append(RowError(line, "code", message))
        return True
    first_line[code] = line
    parent = codes.parent_code(code)
    if parent and parent not in valid_codes and parent not in existing_codes:
        errors.append(RowError(line, "code", _unknown_parent_message(code, parent)))
    return True


def _name_check(code: str, name: str, line: int, errors: list[RowError], *, code_ok: bool) -> None:
    """Not empty, not too long, and (for a well-formed regency code) not Kota under a kabupaten code."""
    if not name:
        errors.append(RowError(line, "name", f"nama kosong untuk kode '{code}'. Isi nama wilayahnya."))
    elif len(name) > NAME_MAX_LENGTH:
        message = f"nama terlalu panjang ({len(name)} huruf, paling banyak {NAME_MAX_LENGTH})."
        errors.append(RowError(line, "name", message))
    elif code_ok and (problem := codes.name_problem(code, name)):
        errors.append(RowError(line, "name", problem))


def _unknown_parent_message(code: str, parent: str) -> str:
    regency = ".".join(code.split(".")[:2])
    hint = f" atau muat dulu wilayahnya dengan: kinerja import-regions {regency}" if "." in regency else ""
    return (
        f"induk '{parent}' dari kode '{code}' tidak ada di basis data maupun di berkas ini. "
        f"Tambahkan baris untuk '{parent}'{hint}."
    )


def remoteness_parse(value: str) -> str | None:
    """`Sangat terpencil`, `sangat-terpencil`, `SANGAT_TERPENCIL` -> `sangat_terpencil`; None if unknown."""
    key = re.sub(r"[\s_-]+", "_", value.strip().lower())
    return key if key in REMOTENESS_VALUES else None


def _remoteness(value: str, line: int, errors: list[RowError]) -> str | None:
    if not value.strip():
        return None
    parsed = remoteness_parse(value)
    if parsed is None:
        errors.append(
            RowError(
                line,
                "remoteness",
                f"'{value.strip()}' bukan kategori wilayah. Isi salah satu: {', '.join(REMOTENESS_VALUES)}, "
                "atau kosongkan.",
            )
        )
    return parsed


def _integer(value: str, column: str, line: int, errors: list[RowError]) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not re.fullmatch(r"\d+", value) or int(value) > INTEGER_MAX:
        errors.append(
            RowError(
                line,
                column,
                f"'{value}' bukan bilangan bulat. Tulis angka saja tanpa titik, koma atau satuan, "
                "misalnya 1250, atau kosongkan.",
            )
        )
        return None
    return int(value)
