"""Paper questionnaires: the typing grid and file import (CSV/Excel), all or nothing.

One row per respondent: columns U1..Un (values 1..4, empty = not answered) plus optional profile
columns umur, jk, pendidikan, pekerjaan, saran and tanggal. Every bad row is reported; nothing is
stored unless every row is valid. `kinerja ikm FILE.csv` parses files with the same functions.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log
from kinerja.satisfaction.models import Answer, Response, ServiceUnit, SurveyVersion
from kinerja.satisfaction.services.survey import Submission, version_current

MAX_ROWS = 20000
ALIASES = {
    "umur": "age_group",
    "usia": "age_group",
    "kelompok_umur": "age_group",
    "jk": "sex",
    "jenis_kelamin": "sex",
    "pendidikan": "education",
    "pekerjaan": "occupation",
    "saran": "comment",
    "komentar": "comment",
    "tanggal": "answered_on",
}


class ImportRejected(ApplicationError):
    """A file or grid with errors. `errors` lists every problem, one per bad cell or row."""

    def __init__(self, errors: list[str]):
        super().__init__(
            _("Tidak ada yang disimpan: perbaiki %(n)s kesalahan lalu kirim lagi.") % {"n": len(errors)}
        )
        self.errors = errors


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number as the user sees it, cells)


def _normalise(text: str) -> str:
    return str(text or "").strip().lower().replace(" ", "_").replace("-", "_")


def table_read(*, name: str, content: bytes) -> Table:
    """Read a CSV (UTF-8, comma or semicolon) or an .xlsx sheet into a header and rows of strings."""
    if not content.strip():
        raise ImportRejected([_("Berkas kosong: tidak ada baris judul dan tidak ada jawaban.")])
    if name.lower().endswith(".xlsx"):
        return _read_xlsx(content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [
                _(
                    "Berkas bukan teks UTF-8 (byte ke-%(pos)s tidak terbaca). Di Excel pilih Simpan Sebagai > "
                    "'CSV UTF-8 (dibatasi koma)', atau unggah berkas .xlsx."
                )
                % {"pos": exc.start + 1}
            ]
        ) from None
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    lines = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return _table(lines)


def _read_xlsx(content: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ImportRejected(
            [_("Berkas Excel tidak bisa dibuka. Simpan ulang sebagai .xlsx atau CSV UTF-8.")]
        ) from None
    sheet = book.worksheets[0]
    lines = []
    for row in sheet.iter_rows(values_only=True):
        lines.append(["" if v is None else _cell_text(v) for v in row])
    book.close()
    return _table(lines)


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _table(lines: list[list[str]]) -> Table:
    numbered = [(i, cells) for i, cells in enumerate(lines, start=1) if any(str(c).strip() for c in cells)]
    if not numbered:
        raise ImportRejected([_("Berkas kosong: tidak ada baris judul dan tidak ada jawaban.")])
    (_line, header), rows = numbered[0], numbered[1:]
    if not rows:
        raise ImportRejected([_("Berkas hanya berisi baris judul: tidak ada satu pun jawaban responden.")])
    if len(rows) > MAX_ROWS:
        raise ImportRejected(
            [_("Berkas terlalu besar: paling banyak %(n)s baris sekali unggah.") % {"n": MAX_ROWS}]
        )
    return Table(header=[_normalise(h) for h in header], rows=rows)


def table_submissions(*, table: Table, version: SurveyVersion) -> list[Submission]:
    """Validate every row against the version; raise ImportRejected listing every problem."""
    numbers = list(version.elements.values_list("number", flat=True))
    errors = []
    for number in numbers:
        if f"u{number}" not in table.header:
            errors.append(
                _("Kolom U%(n)s tidak ada di baris judul. Baris judul harus memuat U1 sampai U%(last)s.")
                % {"n": number, "last": numbers[-1]}
            )
    if errors:
        raise ImportRejected(errors)
    submissions = []
    for line, cells in table.rows:
        values = {table.header[i]: str(c).strip() for i, c in enumerate(cells) if i < len(table.header)}
        submission = row_submission(values=values, line=line, version=version)
        errors.extend(submission.errors)
        submissions.append(submission)
    if errors:
        raise ImportRejected(errors)
    return submissions


def row_submission(*, values: dict[str, str], line: int, version: SurveyVersion) -> Submission:
    """One row (header -> text) as a Submission; problems go to `submission.errors`, naming row and column."""
    sub = Submission(answers={})
    where = _("Baris %(line)s") % {"line": line}
    for number in version.elements.values_list("number", flat=True):
        raw = values.get(f"u{number}", "")
        if raw == "":
            continue
        if raw.endswith(".0"):
            raw = raw[:-2]
        if not raw.isdigit() or not 1 <= int(raw) <= version.scale_max:
            sub.errors.append(
                _(
                    "%(where)s, kolom U%(n)s: nilai '%(v)s' tidak sah. Isi 1, 2, 3 atau 4 (kosongkan bila tidak dijawab)."
                )
                % {"where": where, "n": number, "v": raw}
            )
            continue
        sub.answers[number] = int(raw)
    if not sub.answers and not sub.errors:
        sub.errors.append(
            _("%(where)s: tidak ada satu pun nilai U1-U%(n)s. Isi atau hapus baris ini.")
            % {"where": where, "n": version.elements.count()}
        )
    for column, target in ALIASES.items():
        raw = values.get(column, "")
        if raw:
            _profile_set(sub, target, raw, where, column)
    return sub


def _profile_set(sub: Submission, target: str, raw: str, where: str, column: str) -> None:
    if target == "comment":
        sub.comment = raw[:1000]
        return
    if target == "answered_on":
        try:
            sub.answered_on = (
                date.fromisoformat(raw[:10]) if "-" in raw else datetime.strptime(raw, "%d/%m/%Y").date()
            )
        except ValueError:
            sub.errors.append(
                _("%(where)s, kolom tanggal: '%(v)s' bukan tanggal. Tulis 2026-03-31 atau 31/03/2026.")
                % {"where": where, "v": raw}
            )
        return
    value = profile_value(target, raw)
    if value is None:
        sub.errors.append(
            _("%(where)s, kolom %(col)s: '%(v)s' tidak dikenal. Pilihan: %(choices)s.")
            % {"where": where, "col": column, "v": raw, "choices": ", ".join(profile_choices(target))}
        )
    else:
        setattr(sub, target, value)


_CHOICES = {
    "age_group": Response.AgeGroup,
    "sex": Response.Sex,
    "education": Response.Education,
    "occupation": Response.Occupation,
}


def profile_choices(target: str) -> list[str]:
    return [str(v) for v in _CHOICES[target].values]


def profile_value(target: str, raw: str) -> str | None:
    """A profile code from a code, a label or (for age) a number of years."""
    text = raw.strip().lower()
    choices = _CHOICES[target]
    for value, label in choices.choices:
        if text in (value.lower(), str(label).lower()):
            return value
    if target == "sex" and text in ("laki", "pria", "l", "m"):
        return "L"
    if target == "sex" and text in ("wanita", "p", "f"):
        return "P"
    if target == "age_group" and text.isdigit():
        years = int(text)
        if years < 20:
            return "lt20"
        if years >= 60:
            return "60+"
        return f"{years // 10 * 10}-{years // 10 * 10 + 9}"
    return None


@transaction.atomic
def responses_import(
    *, actor, unit: ServiceUnit, submissions: list[Submission], source: str, default_date: date | None = None
) -> int:
    """Store already validated paper questionnaires for a unit in one transaction. Returns how many."""
    version = version_current(puskesmas=unit.puskesmas)
    today = timezone.localdate()
    answered = [s.answered_on or default_date or today for s in submissions]
    if any(d > today for d in answered):
        raise ImportRejected([_("Tanggal survei tidak boleh di masa depan.")])
    responses = Response.objects.bulk_create(
        Response(
            puskesmas_id=unit.puskesmas_id,
            unit=unit,
            version=version,
            answered_on=day,
            source=source,
            age_group=s.age_group,
            sex=s.sex,
            education=s.education,
            occupation=s.occupation,
            comment=s.comment,
            entered_by=actor,
        )
        for s, day in zip(submissions, answered, strict=True)
    )
    if any(r.pk is None for r in responses):  # databases that do not return ids from bulk inserts
        raise RuntimeError("bulk_create did not return primary keys")
    Answer.objects.bulk_create(
        Answer(response=r, number=n, value=v)
        for r, s in zip(responses, submissions, strict=True)
        for n, v in s.answers.items()
    )
    audit_log(actor=actor, action=f"skm.responses.{source}", obj=unit, changes={"count": len(responses)})
    return len(responses)


def file_import(*, actor, unit: ServiceUnit, name: str, content: bytes, default_date: date | None) -> int:
    """Validate a whole file and store it, or raise ImportRejected with every problem (nothing stored)."""
    version = version_current(puskesmas=unit.puskesmas)
    submissions = table_submissions(table=table_read(name=name, content=content), version=version)
    return responses_import(
        actor=actor,
        unit=unit,
        submissions=submissions,
        source=Response.Source.IMPORT,
        default_date=default_date,
    )
