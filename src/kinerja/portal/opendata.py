"""Open data: the published achievements per Puskesmas, indicator and year (year to date at the
latest approved month), as CSV and JSON, with a data dictionary.

Only approved or verified reports count, exactly as on the public pages. No personal data: the rows
name Puskesmas and indicators, never a user, a patient or a complainant.
"""

import csv
import io
import json
from collections import defaultdict

from django.db.models import Max
from django.utils.translation import gettext as _

from kinerja.facilities.models import Puskesmas
from kinerja.indicators.models import Report
from kinerja.portal.achievements import PUBLISHED, published_scorecard

FRAMEWORKS = ("pkp", "spm", "ilp")
YEARS_KEPT = 3

# name, meaning, unit, example
DICTIONARY: list[tuple[str, str, str, str]] = [
    ("kode_puskesmas", "Kode Puskesmas dari Kementerian Kesehatan", "teks", "P9901010101"),
    ("puskesmas", "Nama Puskesmas", "teks", "Puskesmas Sukamaju"),
    ("kecamatan", "Kecamatan tempat Puskesmas berada", "teks", "Sukamaju"),
    ("kerangka", "Kerangka penilaian: pkp (Penilaian Kinerja Puskesmas), spm (Standar Pelayanan Minimal) "
     "atau ilp (klaster Integrasi Layanan Primer)", "kode", "spm"),
    ("kelompok", "Program, variabel, layanan dasar atau klaster tempat indikator berada", "teks",
     "Kesehatan Keluarga (KIA dan KB)"),
    ("kode_indikator", "Kode indikator di katalog", "kode", "spm-01"),
    ("indikator", "Nama indikator", "teks", "Ibu hamil mendapat pelayanan antenatal sesuai standar"),
    ("satuan", "Satuan capaian dan target", "teks", "%"),
    ("tahun", "Tahun laporan", "tahun", "2026"),
    ("sampai_bulan", "Bulan terakhir yang dihitung; angka dijumlahkan sejak Januari (kumulatif)", "bulan (1-12)",
     "10"),
    ("bulan_berisi_data", "Berapa bulan yang sudah ada datanya untuk indikator ini", "bulan", "10"),
    ("pembilang", "Jumlah yang mendapat layanan (atau nilai butir manajemen)", "orang/kejadian", "412"),
    ("penyebut", "Sasaran sampai bulan itu (sasaran setahun x bulan / 12 bila dijumlahkan per bulan)",
     "orang/kejadian", "440.83"),
    ("capaian", "Pembilang / penyebut x faktor pengali; kosong bila belum dapat dihitung", "sesuai satuan",
     "93.46"),
    ("target", "Target tahunan indikator (batas atas bila indikator makin rendah makin baik)", "sesuai satuan",
     "100"),
    ("target_atas", "Batas atas target rentang; kosong bila bukan target rentang", "sesuai satuan", ""),
    ("nilai", "Nilai indikator: 0-100 untuk pelayanan, 0-10 untuk manajemen", "poin", "93.46"),
    ("kategori", "Kategori PKP/ILP: baik, cukup atau kurang; kosong untuk SPM", "kode", "baik"),
    ("memenuhi_spm", "Khusus SPM: ya bila capaian paling sedikit 100%, tidak bila belum", "ya/tidak", "tidak"),
]  # fmt: skip
COLUMNS = [name for name, *_rest in DICTIONARY]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def published_periods(*, puskesmas_ids: list[int]) -> dict[tuple[int, int], list[int]]:
    """(year, latest approved month) -> Puskesmas ids, for the last YEARS_KEPT years with data."""
    rows = (
        Report.objects.filter(puskesmas_id__in=puskesmas_ids, status__in=PUBLISHED)
        .values("puskesmas_id", "year")
        .annotate(month=Max("month"))
        .order_by()
    )
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    years = sorted({r["year"] for r in rows}, reverse=True)[:YEARS_KEPT]
    for r in rows:
        if r["year"] in years:
            groups[(r["year"], r["month"])].append(r["puskesmas_id"])
    return dict(sorted(groups.items()))


def achievement_rows(*, year: int | None = None) -> list[dict[str, str]]:
    """One row per Puskesmas x indicator x year, in dictionary order; values as plain text."""
    puskesmas = {p.pk: p for p in Puskesmas.objects.select_related("subdistrict")}
    rows = []
    for (y, month), ids in published_periods(puskesmas_ids=list(puskesmas)).items():
        if year is not None and y != year:
            continue
        for framework in FRAMEWORKS:
            card = published_scorecard(ids=ids, year=y, month=month, framework=framework)
            if card is None:
                continue
            nodes = {n.pk: n.name for n in card.version.nodes.all()}
            for score in sorted(card.rows, key=lambda r: r.puskesmas.code):
                p = puskesmas[score.puskesmas.pk]
                for code, r in score.indicators.items():
                    ind = r.indicator
                    rows.append({
                        "kode_puskesmas": p.code, "puskesmas": str(p),
                        "kecamatan": p.subdistrict.name if p.subdistrict_id else "",
                        "kerangka": framework, "kelompok": nodes.get(ind.node_id, ""),
                        "kode_indikator": code, "indikator": ind.name, "satuan": ind.unit,
                        "tahun": str(y), "sampai_bulan": str(month), "bulan_berisi_data": str(r.months_reported),
                        "pembilang": _number(r.numerator), "penyebut": _number(r.denominator),
                        "capaian": _number(r.result), "target": _number(r.target),
                        "target_atas": _number(r.target_high), "nilai": _number(r.score),
                        "kategori": r.category or "",
                        "memenuhi_spm": "" if r.met is None else ("ya" if r.met else "tidak"),
                    })  # fmt: skip
    return rows


def to_csv(rows: list[dict[str, str]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def dictionary_rows() -> list[dict[str, str]]:
    return [{"nama": n, "arti": m, "satuan": u, "contoh": e} for n, m, u, e in DICTIONARY]


NUMERIC = {"tahun", "sampai_bulan", "bulan_berisi_data", "pembilang", "penyebut", "capaian", "target",
           "target_atas", "nilai"}  # fmt: skip


def _typed(row: dict[str, str]) -> dict[str, object]:
    return {k: (float(v) if "." in v else int(v)) if k in NUMERIC and v else (None if k in NUMERIC else v)
            for k, v in row.items()}  # fmt: skip


def achievements_json(rows: list[dict[str, str]]) -> str:
    payload = {
        "judul": _("Capaian kinerja Puskesmas yang sudah disetujui"),
        "keterangan": _(
            "Angka kumulatif sejak Januari sampai bulan laporan terakhir yang disetujui Kepala Puskesmas "
            "atau diverifikasi Dinas Kesehatan. Nilai kosong (null) berarti belum ada data atau belum dapat dihitung."
        ),
        "kamus": dictionary_rows(),
        "data": [_typed(r) for r in rows],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
