"""Demo content for the portal: articles, programmes, announcements and screen settings.

Deterministic (fixed seed, fixed dates) and idempotent: rows are found by their natural key and
never changed once they exist.
"""

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.conf import settings

from kinerja.accounts.models import User
from kinerja.facilities.models import Facility, Puskesmas
from kinerja.portal.demo_content import ARTICLES, DISTRICT_ARTICLES
from kinerja.portal.markup import render_markdown
from kinerja.portal.models import Announcement, Article, Programme, ScreenSettings
from kinerja.regions.models import Region

SEED = 4
FIRST_DAY = datetime(2026, 9, 1, 1, 0, tzinfo=UTC)  # 09.00 WITA
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis"]
WEEKS = ["pertama", "kedua", "ketiga", "keempat"]
CONTENT_PUSKESMAS = 6


def load(*, district: Region, log: Callable[[str], None]) -> None:
    rng = random.Random(SEED)
    puskesmas = list(Puskesmas.objects.filter(district=district).order_by("code"))
    admin = User.objects.filter(role="district_admin", region=district).order_by("username").first()
    created = {"artikel": 0, "program": 0, "pengumuman": 0, "layar": 0}
    featured = puskesmas[:CONTENT_PUSKESMAS]
    for i, (slug, category, title, summary, body) in enumerate(ARTICLES):
        owner = None if slug in DISTRICT_ARTICLES or not featured else featured[i % len(featured)]
        created["artikel"] += _article(district, owner, admin, i, slug, category, title, summary, body)
    created["artikel"] += _draft_article(district, featured[0] if featured else None)
    created["program"] += _programme(
        district, None, admin, 0, Programme.Kind.IMMUNISATION, "Bulan Imunisasi Anak Sekolah (BIAS)",
        "Imunisasi campak-rubela, difteri-tetanus dan HPV untuk murid sekolah dasar, diberikan di sekolah.",
        "Murid kelas 1, 2, 5 dan 6 SD/MI", "Agustus dan November setiap tahun", "Sekolah dasar di wilayah kerja",
    )  # fmt: skip
    created["pengumuman"] += _announcement(
        district, None, admin, 0, "Layanan Puskesmas tetap buka pada hari Sabtu",
        "Seluruh Puskesmas melayani pasien umum pada hari Sabtu pukul 08.00-12.00. Unit gawat darurat "
        "Puskesmas rawat inap buka 24 jam.",
    )  # fmt: skip
    for n, place in enumerate(featured):
        head = User.objects.filter(role="puskesmas_head", puskesmas=place).order_by("username").first()
        for k, args in enumerate(_programmes_for(place, rng)):
            created["program"] += _programme(district, place, head, n * 5 + k + 1, *args)
        if n % 2 == 0:
            created["pengumuman"] += _announcement(
                district, place, head, n + 1, "Bawa kartu JKN dan buku KIA",
                "Mohon bawa kartu JKN atau KTP saat berobat, dan buku KIA untuk pemeriksaan ibu dan anak.",
            )  # fmt: skip
    for place in puskesmas:
        _, new = ScreenSettings.objects.get_or_create(
            puskesmas=place,
            defaults={
                "slide_seconds": 15,
                "running_text": f"Selamat datang di {place}. Budayakan antre, cuci tangan, dan pakai masker bila batuk.",
            },
        )
        created["layar"] += new
    log("Portal: " + ", ".join(f"{n} {label} baru" for label, n in created.items()))


def _when(i: int) -> datetime:
    return FIRST_DAY + timedelta(days=5 * i)


def _article(district, owner, author, i, slug, category, title, summary, body) -> int:
    _, new = Article.objects.get_or_create(
        slug=slug,
        defaults={
            "district": district,
            "puskesmas": owner,
            "title": title,
            "category": category,
            "summary": summary,
            "body": body,
            "body_html": render_markdown(body, media_url=settings.MEDIA_URL),
            "status": Article.Status.PUBLISHED,
            "publish_at": _when(i),
            "author": author,
            "published_by": author,
        },
    )
    return int(new)


def _draft_article(district, owner) -> int:
    if owner is None:
        return 0
    body = "Draf: kader Posyandu sedang menyiapkan tulisan tentang pemantauan tumbuh kembang balita."
    _, new = Article.objects.get_or_create(
        slug=f"draf-tumbuh-kembang-{owner.slug}",
        defaults={
            "district": district,
            "puskesmas": owner,
            "title": "Memantau tumbuh kembang balita (draf)",
            "category": Article.Category.MOTHER_CHILD,
            "summary": "Tulisan ini menunggu diterbitkan oleh Kepala Puskesmas.",
            "body": body,
            "body_html": render_markdown(body, media_url=settings.MEDIA_URL),
        },
    )
    return int(new)


def _programmes_for(place: Puskesmas, rng: random.Random) -> list[tuple]:
    posyandu = sorted(
        set(
            Facility.objects.filter(puskesmas=place, kind=Facility.Kind.POSYANDU).values_list(
                "name", flat=True
            )
        )
    )
    names = ", ".join(posyandu[:3]) or "Posyandu di setiap desa wilayah kerja"
    if len(posyandu) > 3:
        names += f", dan {len(posyandu) - 3} Posyandu lain"
    day, week = rng.choice(WEEKDAYS), rng.choice(WEEKS)
    return [
        (Programme.Kind.POSYANDU, "Hari buka Posyandu",
         "Penimbangan dan pengukuran balita, imunisasi, vitamin A, konseling gizi, serta pemeriksaan ibu "
         "hamil dan lansia.", "Bayi, balita, ibu hamil, dan lansia", f"Setiap {day} minggu {week}, 08.00-11.00",
         names),
        (Programme.Kind.IMMUNISATION, "Hari imunisasi di Puskesmas",
         "Imunisasi rutin bayi dan baduta serta imunisasi kejar bagi yang jadwalnya terlewat. Gratis.",
         "Bayi dan anak di bawah dua tahun; bawa buku KIA", f"Setiap {rng.choice(WEEKDAYS)}, 08.00-11.00",
         f"Ruang KIA {place}"),
        (Programme.Kind.PROLANIS, "Prolanis: senam dan periksa rutin",
         "Senam bersama, pengukuran tekanan darah dan gula darah, serta edukasi bagi penderita penyakit kronis.",
         "Peserta JKN penderita hipertensi atau diabetes melitus tipe 2", "Setiap Jumat, 07.00-09.00",
         f"Halaman {place}"),
        (Programme.Kind.PREGNANCY_CLASS, "Kelas ibu hamil",
         "Belajar bersama tentang kehamilan, persalinan, nifas, dan perawatan bayi baru lahir, ditemani bidan.",
         "Ibu hamil dan pendamping", f"Sabtu minggu {rng.choice(WEEKS)}, 09.00-11.00", f"Aula {place}"),
    ]  # fmt: skip


def _programme(district, owner, author, i, kind, title, description, eligibility, schedule, place) -> int:
    _, new = Programme.objects.get_or_create(
        district=district,
        puskesmas=owner,
        title=title,
        defaults={
            "kind": kind,
            "description": description,
            "eligibility": eligibility,
            "schedule": schedule,
            "place": place,
            "status": Programme.Status.PUBLISHED,
            "publish_at": _when(i),
            "author": author,
            "published_by": author,
        },
    )
    return int(new)


def _announcement(district, owner, author, i, title, body) -> int:
    _, new = Announcement.objects.get_or_create(
        district=district,
        puskesmas=owner,
        title=title,
        defaults={
            "body": body,
            "status": Announcement.Status.PUBLISHED,
            "publish_at": _when(i),
            "author": author,
            "published_by": author,
        },
    )
    return int(new)
