"""Demo SKM data: a year of answered questionnaires per Puskesmas and unit, published IKM, complaints.

Deterministic (one seeded random.Random per Puskesmas code) and idempotent: a Puskesmas that
already has answers or complaints is left as it is, so a second run changes nothing and loses nothing.
Most answers are 3 or 4; each Puskesmas has one weak element (its "element to improve first"), and
two Puskesmas have too few respondents so the sample warning shows.
"""

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from kinerja.core.errors import ApplicationError
from kinerja.facilities.models import Puskesmas
from kinerja.regions.models import Region
from kinerja.satisfaction.formulas import period_containing
from kinerja.satisfaction.models import (
    Answer,
    Complaint,
    ComplaintEvent,
    IkmPublication,
    Response,
    ServiceUnit,
)
from kinerja.satisfaction.services.publication import ikm_publish
from kinerja.satisfaction.services.survey import units_ensure_default, version_current

SEED = 2017
# Share of each unit in the answers (registration and pharmacy see every patient).
UNIT_SHARE = {
    "pendaftaran": 4,
    "farmasi": 3,
    "poli-umum": 3,
    "kia": 2,
    "poli-gigi": 1,
    "laboratorium": 1,
    "rawat-inap": 1,
}
EXCELLENT = [(4, 0.75), (3, 0.23), (2, 0.015), (1, 0.005)]
GOOD = [(4, 0.38), (3, 0.54), (2, 0.07), (1, 0.01)]
FAIR = [(4, 0.16), (3, 0.58), (2, 0.21), (1, 0.05)]
WEAK = [(4, 0.08), (3, 0.42), (2, 0.38), (1, 0.12)]
FREE = [(4, 0.82), (3, 0.16), (2, 0.02)]  # biaya: most patients are covered by BPJS
COMMENTS = [
    "Antrean pendaftaran pagi terlalu panjang.",
    "Petugas ramah, terima kasih.",
    "Ruang tunggu panas, mohon ditambah kipas.",
    "Obat yang diresepkan kadang kosong.",
    "Pelayanan cepat dan jelas.",
    "Toilet perlu lebih sering dibersihkan.",
    "Tolong ada papan informasi jadwal poli.",
    "Dokter menjelaskan penyakit dengan baik.",
]
COMPLAINTS = [
    ("waktu_tunggu", "Saya menunggu hampir dua jam di loket pendaftaran tanpa kejelasan nomor antrean."),
    ("obat", "Obat hipertensi ibu saya tidak tersedia dua bulan berturut-turut, kami disuruh beli di luar."),
    ("sarana", "Toilet pasien di dekat ruang KIA rusak dan berbau, tidak ada air."),
    ("pelayanan", "Petugas di poli umum berbicara kasar kepada pasien lansia."),
    ("biaya", "Saya peserta BPJS tetapi diminta membayar untuk pemeriksaan laboratorium."),
    ("prosedur", "Persyaratan rujukan tidak dijelaskan sehingga saya harus bolak-balik tiga kali."),
]
ANSWERS = [
    "Terima kasih atas masukannya. Kami menambah satu petugas loket pada jam 07.30-10.00 dan memasang nomor antrean.",
    "Mohon maaf. Stok obat sudah kami minta ke Instalasi Farmasi Kabupaten dan kini tersedia kembali.",
    "Toilet sudah diperbaiki dan jadwal kebersihan ditambah menjadi tiga kali sehari.",
]
PLAN = (
    "Unsur terendah: {name}. Rencana: membahas penyebabnya dalam lokakarya mini bulan depan, menetapkan "
    "penanggung jawab perbaikan, dan memantau hasilnya pada survei semester berikutnya."
)


def _pick(rng: random.Random, table: list[tuple[int, float]]) -> int:
    roll, acc = rng.random(), 0.0
    for value, p in table:
        acc += p
        if roll < acc:
            return value
    return table[-1][0]


def load(*, district: Region, log: Callable[[str], None]) -> None:
    puskesmas_list = list(Puskesmas.objects.filter(district=district).order_by("code"))
    today = timezone.localdate()
    made = 0
    for index, puskesmas in enumerate(puskesmas_list):
        rng = random.Random(f"{SEED}-{puskesmas.code}")
        units = units_ensure_default(puskesmas=puskesmas)
        if not puskesmas.survey_responses.exists():
            made += _answers(puskesmas, units, rng, today, small=index % 7 == 3)
        if not puskesmas.complaints.exists():
            _complaints(puskesmas, units, rng, today)
        _publish_previous(puskesmas, today, rng)
    log(f"SKM: {made} kuesioner contoh, pengaduan dan IKM terbit untuk {len(puskesmas_list)} Puskesmas.")


def _answers(
    puskesmas: Puskesmas, units: list[ServiceUnit], rng: random.Random, today: date, *, small: bool
) -> int:
    version = version_current(puskesmas=puskesmas)
    numbers = list(version.elements.values_list("number", flat=True))
    weak = rng.choice([n for n in numbers if n != 4])
    usual = rng.choices([EXCELLENT, GOOD, FAIR], [4, 9, 3])[0]  # Puskesmas differ, as a district's do
    per_month = rng.randint(18, 26) if small else rng.randint(70, 95)
    weights = [UNIT_SHARE.get(u.code, 1) for u in units]
    ages, educations, occupations = (
        Response.AgeGroup.values,
        Response.Education.values[:4] + [""],
        Response.Occupation.values,
    )
    sources = [Response.Source.KIOSK] * 3 + [Response.Source.ONLINE, Response.Source.PAPER]
    responses, answers = [], []
    start = today - timedelta(days=364)
    for day_offset in range(365):
        day = start + timedelta(days=day_offset)
        if day.weekday() == 6:
            continue
        for _ in range(_poisson(rng, per_month / 26)):
            unit = rng.choices(units, weights)[0]
            at = timezone.make_aware(datetime.combine(day, time(rng.randint(8, 13), rng.randint(0, 59))))
            response = Response(
                puskesmas_id=puskesmas.pk,
                unit_id=unit.pk,
                version_id=version.pk,
                answered_on=day,
                received_at=at,
                source=rng.choice(sources),
                age_group=rng.choice(ages),
                sex=rng.choice(["L", "P", "P"]),
                education=rng.choice(educations),
                occupation=rng.choice(occupations),
                comment=rng.choice(COMMENTS) if rng.random() < 0.08 else "",
            )
            responses.append(response)
            answers.append({n: _pick(rng, WEAK if n == weak else FREE if n == 4 else usual) for n in numbers})
    Response.objects.bulk_create(responses, batch_size=2000)
    # 9 answers per questionnaire: a plain executemany is ten times faster than model instances here.
    table = Answer._meta.db_table
    rows = [(r.pk, n, v) for r, values in zip(responses, answers, strict=True) for n, v in values.items()]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} (response_id, number, value) VALUES (%s, %s, %s)", rows)
    return len(responses)


def _poisson(rng: random.Random, mean: float) -> int:
    count, limit, product = 0, pow(2.718281828, -mean), rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _complaints(puskesmas: Puskesmas, units: list[ServiceUnit], rng: random.Random, today: date) -> None:
    statuses = [
        Complaint.Status.RECEIVED,
        Complaint.Status.IN_PROGRESS,
        Complaint.Status.ANSWERED,
        Complaint.Status.CLOSED,
    ]
    for i, status in enumerate(statuses + [rng.choice(statuses)]):
        category, text = COMPLAINTS[(i + rng.randint(0, 5)) % len(COMPLAINTS)]
        received = timezone.make_aware(datetime.combine(today - timedelta(days=3 + i * 9), time(9, 15)))
        answered = status in (Complaint.Status.ANSWERED, Complaint.Status.CLOSED)
        answered_at = received + timedelta(days=rng.choice([1, 2, 3, 7])) if answered else None
        complaint = Complaint.objects.create(
            puskesmas=puskesmas,
            unit=rng.choice(units),
            category=category,
            description=text,
            tracking_code="D" + "".join(rng.choice("0123456789ABCDEF") for _ in range(9)),
            contact_name=rng.choice(["", "Ibu Sari", "Pak Ahmad"]),
            contact=rng.choice(["", "0812-0000-1234"]),
            status=status,
            received_at=received,
            due_at=received + timedelta(days=5),
            answer=rng.choice(ANSWERS) if answered else "",
            answered_at=answered_at,
            closed_at=answered_at + timedelta(days=2) if status == Complaint.Status.CLOSED else None,
        )
        ComplaintEvent.objects.create(complaint=complaint, at=received, status=Complaint.Status.RECEIVED)
        if status != Complaint.Status.RECEIVED:
            ComplaintEvent.objects.create(
                complaint=complaint, at=received + timedelta(hours=4), status=Complaint.Status.IN_PROGRESS
            )
        if answered:
            ComplaintEvent.objects.create(
                complaint=complaint, at=answered_at, status=Complaint.Status.ANSWERED, note=complaint.answer
            )
        if status == Complaint.Status.CLOSED:
            ComplaintEvent.objects.create(complaint=complaint, at=complaint.closed_at, status=status)


def _publish_previous(puskesmas: Puskesmas, today: date, rng: random.Random) -> None:
    """Publish the last finished semester, as the head would, unless it is already published."""
    period = period_containing(period_containing(today).start - timedelta(days=1))
    if IkmPublication.objects.filter(puskesmas=puskesmas, period_key=period.key, unit__isnull=True).exists():
        return
    from kinerja.satisfaction.selectors import ikm_puskesmas

    whole, _units = ikm_puskesmas(puskesmas=puskesmas, period=period)
    if not whole.result.complete:
        return
    try:
        ikm_publish(
            actor=None,
            puskesmas=puskesmas,
            period=period,
            follow_up_plan=PLAN.format(name=whole.result.lowest[0].name),
        )
    except ApplicationError:
        return
