"""Excel import and export of a Puskesmas' yearly target populations (sasaran), all or nothing.

One sheet "Sasaran": the Puskesmas code, name and year at the top, then a row per target group
(Kode, Kelompok sasaran, Jumlah). An empty Jumlah leaves the stored target as it is. Each stored
change goes through `services.target_set` (source "imported"), which records it in the audit log.
"""

import io

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.accounts.models import User
from kinerja.facilities.models import Puskesmas
from kinerja.indicators import services
from kinerja.indicators import validation as v
from kinerja.indicators.exchange import ImportRefused
from kinerja.indicators.exchange_files import Problem, Where, typed_value
from kinerja.indicators.models import Target, TargetGroup

SHEET = "Sasaran"
HEADER_ROW = 5
COLUMNS = ("Kode", "Kelompok sasaran", "Jumlah")


def targets_export_xlsx(*, puskesmas: Puskesmas, year: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    current = dict(Target.objects.filter(puskesmas=puskesmas, year=year).values_list("group_id", "value"))
    book = Workbook()
    ws = book.active
    ws.title = SHEET
    ws.append(["Kode Puskesmas", puskesmas.code])
    ws.append(["Nama Puskesmas", puskesmas.name])
    ws.append(["Tahun", year])
    ws.append(
        ["Isi kolom Jumlah (bilangan bulat 0 atau lebih). Kosong: sasaran yang tersimpan tidak diubah."]
    )
    ws.append(list(COLUMNS))
    for cell in ws[HEADER_ROW]:
        cell.font = Font(bold=True)
    for group in TargetGroup.objects.order_by("order", "code"):
        ws.append([group.code, group.name, current.get(group.pk)])
        ws.cell(ws.max_row, 3).fill = PatternFill("solid", fgColor="FFF4CC")
    for column, width in zip("ABC", (24, 60, 14), strict=True):
        ws.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read(data: bytes, puskesmas: Puskesmas, year: int) -> tuple[dict[str, tuple[int, Where]], list[Problem]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = list(book[SHEET].iter_rows(values_only=True)) if SHEET in book.sheetnames else None
    except Exception:  # noqa: BLE001 - any unreadable upload gets the same message
        return {}, [Problem(None, _("Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca. Gunakan templat sasaran yang diunduh dari aplikasi."))]  # fmt: skip
    if rows is None:
        return {}, [Problem(None, _("Lembar 'Sasaran' tidak ada. Gunakan templat sasaran yang diunduh dari aplikasi."))]  # fmt: skip
    cell = lambda r, c: rows[r - 1][c] if len(rows) >= r and len(rows[r - 1]) > c else None  # noqa: E731
    problems = []
    if str(cell(1, 1) or "").strip() != puskesmas.code:
        message = _("berkas ini untuk Puskesmas berkode '%(code)s', bukan %(name)s (%(own)s).") % {"code": cell(1, 1) or "", "name": puskesmas.name, "own": puskesmas.code}  # fmt: skip
        problems.append(Problem(Where(SHEET, 1, "B"), message, _("Kode Puskesmas")))
    if typed_value(cell(3, 1)) != year:
        message = _("berkas ini untuk tahun %(file)s, bukan %(year)s.") % {
            "file": cell(3, 1) or "",
            "year": year,
        }
        problems.append(Problem(Where(SHEET, 3, "B"), message, _("Tahun")))
    header = [
        str(h).strip() if h is not None else ""
        for h in (rows[HEADER_ROW - 1] if len(rows) >= HEADER_ROW else ())
    ]
    if "Kode" not in header or "Jumlah" not in header:
        problems.append(Problem(Where(SHEET, HEADER_ROW, "Kode, Jumlah"), _("kolom ini tidak ada di baris judul. Gunakan templat sasaran.")))  # fmt: skip
        return {}, problems
    return _rows(rows, header.index("Kode"), header.index("Jumlah"), problems)  # fmt: skip


def _rows(rows, code_at: int, value_at: int, problems: list[Problem]):
    groups = {g.code: g.name for g in TargetGroup.objects.all()}
    values: dict[str, tuple[int, Where]] = {}
    for number, row in enumerate(rows[HEADER_ROW:], HEADER_ROW + 1):
        code = str(row[code_at]).strip() if len(row) > code_at and row[code_at] is not None else ""
        raw = typed_value(row[value_at]) if len(row) > value_at else None
        where = Where(SHEET, number, "Jumlah")
        if not code:
            continue
        if code not in groups:
            problems.append(Problem(Where(SHEET, number, "Kode"), _("kelompok sasaran '%(code)s' tidak dikenal.") % {"code": code}))  # fmt: skip
            continue
        value, error = v.parse_cell(raw, v.ElementSpec(code, groups[code]))
        if error:
            problems.append(Problem(where, error.split(": ", 1)[-1], groups[code]))
        elif value is not None:
            values[code] = (value, where)
    return values, problems


@transaction.atomic
def targets_import(*, user: User | None, data: bytes, puskesmas: Puskesmas, year: int) -> int:
    """Store the targets of the file; returns how many changed. Raises ImportRefused (nothing stored)."""
    values, problems = _read(data, puskesmas, year)
    if problems:
        raise ImportRefused(problems)
    current = dict(Target.objects.filter(puskesmas=puskesmas, year=year).values_list("group__code", "value"))
    groups = {g.code: g for g in TargetGroup.objects.filter(code__in=list(values))}
    changed = 0
    for code, (value, _where) in values.items():
        if current.get(code) != value:
            services.target_set(
                user=user, puskesmas=puskesmas, year=year, group=groups[code], value=value, source="imported"
            )
            changed += 1
    return changed
