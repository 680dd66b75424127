"""Builders for portal content in tests: `make_article(puskesmas=..., **overrides)` and friends."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from kinerja.facilities.models import Puskesmas
from kinerja.portal.markup import render_markdown
from kinerja.portal.models import Announcement, Article, Programme
from kinerja.regions.models import Region

_seq = count(1)


def _owner(puskesmas: Puskesmas | None, district: Region | None) -> dict:
    if puskesmas is not None:
        return {"puskesmas": puskesmas, "district": puskesmas.district}
    return {"puskesmas": None, "district": district}


def _published(published: bool) -> dict:
    if not published:
        return {}
    return {"status": "published", "publish_at": timezone.now() - timedelta(hours=1)}


def make_article(*, puskesmas=None, district=None, published=False, **overrides) -> Article:
    n = next(_seq)
    fields = {
        "title": f"Artikel uji {n}",
        "slug": f"artikel-uji-{n}",
        "category": Article.Category.PHBS,
        "summary": f"Ringkasan artikel uji {n}.",
        "body": f"Isi artikel uji {n}.",
        **_owner(puskesmas, district),
        **_published(published),
    }
    fields.update(overrides)
    fields["body_html"] = render_markdown(fields["body"], media_url="/media/")
    return Article.objects.create(**fields)


def make_programme(*, puskesmas=None, district=None, published=False, **overrides) -> Programme:
    n = next(_seq)
    fields = {
        "title": f"Program uji {n}",
        "kind": Programme.Kind.POSYANDU,
        "description": "Penimbangan dan imunisasi balita.",
        "eligibility": "Balita dan ibu hamil",
        "schedule": "Setiap Selasa minggu kedua, 08.00-11.00",
        "place": "Balai desa",
        **_owner(puskesmas, district),
        **_published(published),
    }
    fields.update(overrides)
    return Programme.objects.create(**fields)


def make_announcement(*, puskesmas=None, district=None, published=False, **overrides) -> Announcement:
    n = next(_seq)
    fields = {
        "title": f"Pengumuman uji {n}",
        "body": "Pelayanan tutup pada hari libur nasional.",
        **_owner(puskesmas, district),
        **_published(published),
    }
    fields.update(overrides)
    return Announcement.objects.create(**fields)
