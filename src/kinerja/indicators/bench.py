"""Benchmark of the indicators app at national scale (run by `make bench`, see kinerja/bench.py).

Synthetic data set at scale 1.0: 10,000 Puskesmas in 514 regencies of 38 provinces (about 20 per
regency), 150 data elements (the shipped catalogue's elements plus synthetic ones), 12 months:
18 million values, all in the database (status approved) when the scorecards are measured.

How it is built and what is measured:
- regions, Puskesmas, target populations and reports are bulk-created (setup, not measured);
- 98% of the Puskesmas' values are bulk-loaded with COPY / executemany, secondary indexes of the
  Value table dropped during the load and rebuilt, then their yearly copy (`yearly.refresh_all`)
  built, the planner's statistics refreshed (ANALYZE) and, on PostgreSQL, the load written out of
  the write-ahead log (CHECKPOINT) before anything is measured (setup);
- the remaining 2% (200 Puskesmas x 12 months x 150 elements = 360,000 values at scale 1.0) are
  written as one CSV and imported through `exchange.values_import`, the service behind the upload
  page and `kinerja import-values`: parsing, validation of every cell (parse_cell, the consistency
  rules, the outlier check against each Puskesmas' own history), value history rows, one
  transaction. `import_values_per_s` = values in that CSV / seconds;
- scorecards (`scoring.scorecard`, framework PKP) of one regency, one province and the whole
  country: medians of several runs;
- `peak_rss_mb`: the process' peak resident memory (resource.getrusage), setup included.
"""

import datetime
import random
import resource
import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager

from django.db import DatabaseError, connection, transaction

from kinerja.facilities.models import Puskesmas
from kinerja.indicators import bulk, exchange, services, yearly
from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.exchange_files import write_csv
from kinerja.indicators.models import DataElement, Report, Target, TargetGroup, Value
from kinerja.indicators.scoring import scorecard
from kinerja.regions.models import Region

YEAR = 2024
ELEMENTS = 150
PER_REGENCY = 10_000 / 514
PER_PROVINCE = 514 / 38
IMPORT_SHARE = 0.02
PREFIX = "B"  # region codes B01, B01.01, ... and Puskesmas codes P98...: no real code looks like them


def run(*, scale: float, log: Callable[[str], None]) -> dict[str, float]:
    rng = random.Random(2024)
    started = time.perf_counter()
    count = max(3, round(10_000 * scale))
    catalogue_load()
    elements = _elements()
    regencies = _regions(count)
    puskesmas = _puskesmas(count, regencies)
    log(f"  indicators: {len(puskesmas)} Puskesmas in {len(regencies)} regencies, {len(elements)} elements")
    _targets(puskesmas, rng)
    imported = puskesmas[: max(1, round(count * IMPORT_SHARE))]
    rules = [r for r in services.rule_specs() if r.kind == "not_above"]
    bases = {p.pk: _base(elements, rules, rng) for p in puskesmas}
    loaded = _bulk_values(puskesmas[len(imported) :], elements, bases, rng, log)
    log(f"  indicators: bulk-loaded {loaded:,} values in {time.perf_counter() - started:.0f} s")
    figures = {"import_values_per_s": _measure_import(imported, elements, bases, rng, log)}
    figures.update(_measure_scorecards(puskesmas, regencies, log))
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log(f"  indicators: {figures}")
    return figures


# --- data set ----------------------------------------------------------------------------------


def _elements() -> list[DataElement]:
    existing = DataElement.objects.filter(active=True).count()
    DataElement.objects.bulk_create(
        [
            DataElement(code=f"bench-e{i:03d}", name=f"Elemen uji {i}", programme="uji", order=1000 + i)
            for i in range(existing + 1, ELEMENTS + 1)
        ],
        ignore_conflicts=True,
    )
    return list(DataElement.objects.filter(active=True).order_by("order", "code"))


def _regions(count: int) -> list[Region]:
    n_regencies = max(1, round(count / PER_REGENCY))
    n_provinces = max(1, min(38, round(n_regencies / PER_PROVINCE)))
    provinces = Region.objects.bulk_create(
        [Region(code=f"{PREFIX}{i:02d}", name=f"Provinsi Uji {i}", level=1, kind="provinsi") for i in range(1, n_provinces + 1)]
    )  # fmt: skip
    regencies = Region.objects.bulk_create(
        [
            Region(code=f"{provinces[i % n_provinces].code}.{i // n_provinces + 1:02d}", name=f"Kabupaten Uji {i + 1}",
                   level=2, kind="kabupaten", parent=provinces[i % n_provinces])
            for i in range(n_regencies)
        ]
    )  # fmt: skip
    Region.objects.bulk_create(
        [Region(code=f"{r.code}.01", name=f"Kecamatan {r.name}", level=3, kind="kecamatan", parent=r) for r in regencies]
    )  # fmt: skip
    return list(Region.objects.filter(level=2, code__startswith=PREFIX).order_by("code"))


def _puskesmas(count: int, regencies: list[Region]) -> list[Puskesmas]:
    subdistricts = {r.parent_id: r.pk for r in Region.objects.filter(level=3, code__startswith=PREFIX)}
    rows = []
    for n in range(count):
        regency = regencies[n % len(regencies)]
        rows.append(
            Puskesmas(
                code=f"P98{n:08d}", name=f"Uji {n + 1}", slug=f"bench-{n + 1}",
                district_id=regency.pk, subdistrict_id=subdistricts[regency.pk], area_category="perdesaan",
            )
        )  # fmt: skip
    Puskesmas.objects.bulk_create(rows, batch_size=2000)
    return list(Puskesmas.objects.filter(slug__startswith="bench-").order_by("pk"))


def _targets(puskesmas: list[Puskesmas], rng: random.Random) -> None:
    groups = list(TargetGroup.objects.all())
    rows = [
        Target(puskesmas=p, year=YEAR, group=g, value=rng.randint(400, 4000), source="imported")
        for p in puskesmas
        for g in groups
    ]
    Target.objects.bulk_create(rows, batch_size=5000)


def _base(elements: list[DataElement], rules: list, rng: random.Random) -> list[int]:
    """One Puskesmas' typical month: valid under every not-above rule (numerator <= denominator)."""
    values = {
        e.code: rng.choice(e.allowed_values) if e.allowed_values else rng.randint(20, 400) for e in elements
    }
    rules = [r for r in rules if r.element in values and r.other in values]
    for _pass in range(6):
        for rule in rules:
            if values[rule.element] > values[rule.other]:
                values[rule.element] = values[rule.other] * 9 // 10
    return [values[e.code] for e in elements]  # fmt: skip


def _month(base: list[int], fixed: list[bool], factor: float) -> list[int]:
    # Scaling every value by the same factor keeps numerators under their denominators.
    return [b if keep else int(b * factor) for b, keep in zip(base, fixed, strict=True)]


def _reports(puskesmas: list[Puskesmas], status: str) -> list[Report]:
    rows = [
        Report(
            puskesmas=p, year=YEAR, month=m, status=status, due_date=services.due_date(year=YEAR, month=m),
            submitted_at=datetime.datetime(YEAR, m, 28, tzinfo=datetime.UTC),
        )
        for p in puskesmas
        for m in range(1, 13)
    ]  # fmt: skip
    Report.objects.bulk_create(rows, batch_size=5000)
    return list(Report.objects.filter(puskesmas__in=puskesmas, year=YEAR).order_by("puskesmas_id", "month"))


@contextmanager
def _secondary_indexes_dropped(table: str, log):
    """Bulk-loading setup only: drop the table's secondary indexes, load, then build them again
    (much faster than maintaining them row by row). Primary key and unique constraints stay."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL", [table])  # fmt: skip
        else:
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                [table],
            )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for _name, sql in indexes:
                cursor.execute(sql)
        log(
            f"  indicators: rebuilt {len(indexes)} indexes of {table} in {time.perf_counter() - started:.0f} s"
        )


def _bulk_values(puskesmas, elements, bases, rng, log) -> int:
    with _secondary_indexes_dropped(Value._meta.db_table, log):
        loaded = _bulk_values_load(puskesmas, elements, bases, rng, log)
    started = time.perf_counter()
    with transaction.atomic():
        rows = yearly.refresh_all(year=YEAR)
    log(f"  indicators: built {rows:,} yearly rows in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:  # fresh planner statistics, as autovacuum would give
        cursor.execute("ANALYZE")
    _checkpoint(log)
    return loaded


def _checkpoint(log) -> None:
    """PostgreSQL: write the load out of the write-ahead log, as the checkpointer would have long
    before a real upload; otherwise the measured import shares the disk with gigabytes of the setup's
    dirty pages. (SQLite checkpoints its WAL itself, on the loading connection's commits.)"""
    if connection.vendor != "postgresql":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT")
    except DatabaseError as exc:  # only superusers and pg_checkpoint may
        log(f"  indicators: no checkpoint ({exc}); the import will share the disk with the load")


def _bulk_values_load(puskesmas, elements, bases, rng, log) -> int:
    fixed = [bool(e.allowed_values) for e in elements]
    ids = [e.pk for e in elements]
    total = 0
    step = 500
    for start in range(0, len(puskesmas), step):
        batch = puskesmas[start : start + step]
        with transaction.atomic():
            rows = []
            for report in _reports(batch, Report.Status.APPROVED):
                month = _month(bases[report.puskesmas_id], fixed, rng.uniform(0.85, 1.15))
                rows.extend((report.pk, eid, value, 0) for eid, value in zip(ids, month, strict=True))
            bulk.insert_rows(Value._meta.db_table, ("report_id", "data_element_id", "value", "flag"), rows)
        total += len(rows)
        if start // step % 4 == 0:
            log(f"  indicators: {total:,} values loaded")
    return total


# --- measurements -------------------------------------------------------------------------------


def _measure_import(puskesmas, elements, bases, rng, log) -> float:
    fixed = [bool(e.allowed_values) for e in elements]
    rows = []
    for p in puskesmas:
        for month in range(1, 13):
            values = _month(bases[p.pk], fixed, rng.uniform(0.85, 1.15))
            rows.extend((p.code, YEAR, month, e.code, v) for e, v in zip(elements, values, strict=True))
    data = "".join(write_csv(rows)).encode()
    started = time.perf_counter()
    result = exchange.values_import(user=None, data=data, filename="bench.csv")
    elapsed = time.perf_counter() - started
    log(f"  indicators: imported {result.changed:,} values ({len(data) / 1e6:.1f} MB CSV) in {elapsed:.2f} s")
    Report.objects.filter(puskesmas__in=puskesmas, year=YEAR).update(status=Report.Status.APPROVED)
    return result.cells / elapsed


def _median(function: Callable[[], object], runs: int) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _measure_scorecards(puskesmas, regencies, log) -> dict[str, float]:
    by_regency: dict[int, list[int]] = {}
    for p in puskesmas:
        by_regency.setdefault(p.district_id, []).append(p.pk)
    regency = regencies[0]
    province_regencies = {r.pk for r in regencies if r.parent_id == regency.parent_id}
    district_ids = by_regency[regency.pk]
    province_ids = [pk for rid in province_regencies for pk in by_regency.get(rid, [])]
    national_ids = [p.pk for p in puskesmas]

    def card(ids):
        return lambda: scorecard(puskesmas_ids=ids, year=YEAR, month=12, framework="pkp")

    card(district_ids)()  # warm up caches and the query plan
    figures = {
        "district_scorecard_ms": _median(card(district_ids), 7) * 1000,
        "province_scorecard_ms": _median(card(province_ids), 5) * 1000,
        "national_scorecard_s": _median(card(national_ids), 3),
    }
    log(
        f"  indicators: scorecards of {len(district_ids)}, {len(province_ids)} and {len(national_ids)} Puskesmas"
    )
    return figures
