"""The national SKM questionnaires as data: PermenPAN-RB 14/2017 (weights exactly 1/9, and the 0,111
variant many published reports use) and the legacy KEP/25/M.PAN/2/2004 (14 unsur, weight 0,071).

Seeded by migration 0002 and again by `versions_ensure_default()` when the table is empty (for
example after a test database flush), so a running system always has a questionnaire.
"""

from datetime import date
from decimal import Decimal

UNSUR_2017 = [
    (
        "Persyaratan",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "Sistem, Mekanisme, dan Prosedur",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    ),
    (
        "Waktu Penyelesaian",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    ),
    (
        "Biaya/Tarif",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    ),
    (
        "Produk Spesifikasi Jenis Pelayanan",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
        "pelayanan dengan hasil yang diberikan?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "Kompetensi Pelaksana",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    ),
    (
        "Perilaku Pelaksana",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    ),
    (
        "Sarana dan Prasarana",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ["Buruk", "Cukup", "Baik", "Sangat baik"],
    ),
    (
        "Penanganan Pengaduan, Saran dan Masukan",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    ),
]
BANDS_2017 = [
    ("88.31", "A", "Sangat Baik"),
    ("76.61", "B", "Baik"),
    ("65.00", "C", "Kurang Baik"),
    ("25.00", "D", "Tidak Baik"),
]

UNSUR_2004 = [
    "Prosedur pelayanan",
    "Persyaratan pelayanan",
    "Kejelasan petugas pelayanan",
    "Kedisiplinan petugas pelayanan",
    "Tanggung jawab petugas pelayanan",
    "Kemampuan petugas pelayanan",
    "Kecepatan pelayanan",
    "Keadilan mendapatkan pelayanan",
    "Kesopanan dan keramahan petugas",
    "Kewajaran biaya pelayanan",
    "Kepastian biaya pelayanan",
    "Kepastian jadwal pelayanan",
    "Kenyamanan lingkungan",
    "Keamanan pelayanan",
]
BANDS_2004 = [
    ("81.26", "A", "Sangat Baik"),
    ("62.51", "B", "Baik"),
    ("43.76", "C", "Kurang Baik"),
    ("25.00", "D", "Tidak Baik"),
]


def seed(SurveyVersion, SurveyElement, GradeBand) -> None:  # noqa: N803 (model classes, also historical ones)
    """Create the national questionnaires that do not exist yet (keyed by code); never changes existing ones."""

    def make(code, name, weighting, valid_from, active, elements, bands, weight=None):
        version, created = SurveyVersion.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "regulation": name.split(",")[0],
                "weighting": weighting,
                "valid_from": valid_from,
                "active": active,
            },
        )
        if not created:
            return
        for number, (unsur, question, labels) in enumerate(elements, start=1):
            SurveyElement.objects.create(
                version=version,
                number=number,
                name=unsur,
                question=question,
                answer_labels=labels,
                weight=weight,
            )
        for minimum, grade, label in bands:
            GradeBand.objects.create(version=version, minimum=Decimal(minimum), grade=grade, label=label)

    make(
        "skm-2017", "PermenPAN-RB 14/2017, bobot 1/9", "equal", date(2017, 1, 1), True, UNSUR_2017, BANDS_2017
    )
    make(
        "skm-2017-0111",
        "PermenPAN-RB 14/2017, bobot 0,111",
        "custom",
        date(2017, 1, 1),
        False,
        UNSUR_2017,
        BANDS_2017,
        weight=Decimal("0.111"),
    )
    generic = ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"]
    make(
        "ikm-2004",
        "KEP/25/M.PAN/2/2004, bobot 0,071",
        "custom",
        date(2004, 2, 24),
        False,
        [(u, f"Bagaimana pendapat Saudara tentang {u.lower()}?", generic) for u in UNSUR_2004],
        BANDS_2004,
        weight=Decimal("0.071"),
    )
