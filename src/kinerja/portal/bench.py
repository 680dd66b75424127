"""Server time and weight of the public pages, on the demo district plus a year of extra articles.

Figures (milliseconds are medians of repeated requests through the full middleware stack):
`portal.<page>.ms_uncached` (cache cleared before each request), `portal.<page>.ms_cached`, and
`portal.<page>.kb` (HTML without static assets, before compression).
"""

import statistics
import time
from collections.abc import Callable
from datetime import timedelta

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from kinerja.facilities.models import Puskesmas
from kinerja.portal import demo
from kinerja.portal.models import Article

REPEAT = 15


def _extra_articles(district, count: int) -> None:
    places = list(Puskesmas.objects.filter(district=district).order_by("code"))
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            district=district,
            puskesmas=places[i % len(places)] if i % 5 else None,
            slug=f"bench-artikel-{i}",
            title=f"Artikel contoh nomor {i} tentang hidup sehat",
            category=Article.Category.values[i % len(Article.Category.values)],
            summary="Ringkasan singkat artikel contoh untuk pengukuran.",
            body="Paragraf contoh. " * 80,
            body_html="<p>" + "Paragraf contoh. " * 80 + "</p>",
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(hours=i + 1),
        )
        for i in range(count)
    )


def _median_ms(client: Client, url: str, *, clear: bool) -> float:
    times = []
    for _ in range(REPEAT):
        if clear:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def run(*, scale: float, log: Callable[[str], None]) -> dict[str, float]:
    from kinerja.facilities.demo import district_load

    district = district_load(log=log)
    demo.load(district=district, log=log)
    _extra_articles(district, max(10, int(300 * scale)))
    slug = Puskesmas.objects.filter(district=district).order_by("code").values_list("slug", flat=True)[0]
    article = Article.objects.published().order_by("-publish_at").values_list("slug", flat=True)[0]
    pages = {
        "home": "/",
        "puskesmas": f"/puskesmas/{slug}/",
        "articles": "/artikel/",
        "article": f"/artikel/{article}/",
        "screen": f"/layar/{slug}/",
        "playlist": f"/layar/{slug}/playlist.json",
    }
    client = Client()
    figures = {}
    for name, url in pages.items():
        figures[f"portal.{name}.ms_uncached"] = _median_ms(client, url, clear=True)
        figures[f"portal.{name}.ms_cached"] = _median_ms(client, url, clear=False)
        figures[f"portal.{name}.kb"] = len(client.get(url, HTTP_HOST="localhost").content) / 1024
        log(
            f"portal {name}: {figures[f'portal.{name}.ms_uncached']:.1f} ms, {figures[f'portal.{name}.kb']:.1f} KB"
        )
    return figures
