"""Server time and weight of the public pages, measured against a real server process.

The portal gets a database of its own (a sibling of the bench database: another SQLite file, or
another PostgreSQL database on the same server), so the other apps' national-scale data sets do
not end up on the district home. Into it go the demo district (`kinerja load-demo`: Puskesmas,
approved reports, published IKM, articles) plus a year of extra articles. Then gunicorn serves it
(`-w 2`, loopback, a free port) and a pool of threads sends a bounded number of concurrent
requests, for a bounded time, to the home, the regency page, a Puskesmas page, the article list,
an article, the screen and its playlist.

Figures: `portal_p50_ms` / `portal_p95_ms` (median and 95th percentile over all those requests,
as seen by the client on loopback, so essentially server time), `portal_page_kb` (the heaviest
HTML page, without static assets, before compression), and per page `portal.<page>.p50_ms`,
`.p95_ms`, `.kb` and `.ms_cold` (the very first request, when nothing is cached yet).
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

WORKERS = 2
CONCURRENCY = 4
REQUESTS_PER_PAGE = 60
TIME_BUDGET_S = 90
HOST = "127.0.0.1"
HTML_PAGES = ("home", "district", "puskesmas", "articles", "article", "screen", "open_data")


# Runs inside the seeding subprocess ------------------------------------------------------------


def seed() -> None:
    """Migrate the portal's own bench database, load the demo and extra articles; print the URLs."""
    import django

    django.setup()
    from django.core.management import call_command

    from kinerja.facilities.models import Puskesmas
    from kinerja.portal.models import Article

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load-demo", stdout=open(os.devnull, "w"))
    district = Puskesmas.objects.order_by("code").first().district
    _extra_articles(district, max(10, int(300 * float(os.environ.get("BENCH_SCALE", "1")))))
    slug = Puskesmas.objects.filter(district=district).order_by("code").values_list("slug", flat=True)[0]
    article = Article.objects.published().order_by("-publish_at").values_list("slug", flat=True)[0]
    pages = {
        "home": "/",
        "district": f"/kabupaten/{district.code}/",
        "puskesmas": f"/puskesmas/{slug}/",
        "articles": "/artikel/",
        "article": f"/artikel/{article}/",
        "screen": f"/layar/{slug}/",
        "playlist": f"/layar/{slug}/playlist.json",
        "open_data": "/data-terbuka/",
    }
    print(json.dumps(pages))


def _extra_articles(district, count: int) -> None:
    from django.utils import timezone

    from kinerja.facilities.models import Puskesmas
    from kinerja.portal.models import Article

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


# Runs in the bench child process ---------------------------------------------------------------


def _own_database(bench_url: str, folder: str) -> tuple[str, Callable[[], None]]:
    """A fresh database next to the bench database, and how to drop it afterwards."""
    if not bench_url.startswith("postgres"):
        return f"sqlite:///{folder}/portal-bench.sqlite3", lambda: None
    import psycopg

    parts = urlsplit(bench_url)
    name = parts.path.lstrip("/") + "_portal"
    with psycopg.connect(bench_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")

    def drop() -> None:
        with psycopg.connect(bench_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return urlunsplit(parts._replace(path="/" + name)), drop


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[float, int, int]:
    """(milliseconds, status, bytes) of one GET on a fresh connection."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": "localhost", "Accept-Language": "id"})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return (time.perf_counter() - started) * 1000, response.status, len(body)


def _wait_until_up(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before it answered")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start in time")


def _measure(port: int, pages: dict[str, str], log: Callable[[str], None]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, path in pages.items():  # cold: the first request of each page, nothing cached yet
        ms, status, size = _get(port, path)
        assert status == 200, (path, status)
        figures[f"portal.{name}.ms_cold"] = ms
        figures[f"portal.{name}.kb"] = size / 1024
    jobs = [name for _ in range(REQUESTS_PER_PAGE) for name in pages]
    deadline = time.monotonic() + TIME_BUDGET_S
    results: dict[str, list[float]] = {name: [] for name in pages}

    def one(name: str) -> None:
        if time.monotonic() > deadline:
            return
        ms, status, _size = _get(port, pages[name])
        assert status == 200, (pages[name], status)
        results[name].append(ms)

    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        list(pool.map(one, jobs))
    every = [ms for times in results.values() for ms in times]
    for name, times in results.items():
        figures[f"portal.{name}.p50_ms"] = statistics.median(times)
        figures[f"portal.{name}.p95_ms"] = _p95(times)
        log(
            f"portal {name}: p50 {statistics.median(times):.1f} ms, p95 {_p95(times):.1f} ms, "
            f"cold {figures[f'portal.{name}.ms_cold']:.0f} ms, {figures[f'portal.{name}.kb']:.1f} KB"
        )
    figures["portal_p50_ms"] = statistics.median(every)
    figures["portal_p95_ms"] = _p95(every)
    figures["portal_page_kb"] = max(figures[f"portal.{name}.kb"] for name in HTML_PAGES if name in pages)
    figures["portal_requests"] = float(len(every))
    return figures


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def run(*, scale: float, log: Callable[[str], None]) -> dict[str, float]:
    bench_url = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory(prefix="kinerja-portal-bench-") as folder:
        database_url, drop = _own_database(bench_url, folder)
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "KINERJA_VAR_DIR": folder,
            "DJANGO_SETTINGS_MODULE": "kinerja.settings",
            "BENCH_SCALE": str(scale),
            "DEBUG": "0",
        }
        env.pop("REDIS_URL", None)  # each worker keeps its own in-memory cache, as a small install does
        try:
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", "from kinerja.portal.bench import seed; seed()"],
                env=env, stdout=subprocess.PIPE, text=True, check=True,
            ).stdout  # fmt: skip
            pages = json.loads(out.strip().splitlines()[-1])
            log(
                f"portal: demo district loaded into its own database in {time.perf_counter() - started:.0f} s"
            )
            port = _free_port()
            gunicorn = Path(sys.executable).with_name("gunicorn")
            server = subprocess.Popen(
                [str(gunicorn), "kinerja.wsgi", "-w", str(WORKERS), "-b", f"{HOST}:{port}", "--log-level", "warning"],
                env=env,
            )  # fmt: skip
            try:
                _wait_until_up(port, server)
                return _measure(port, pages, log)
            finally:
                server.terminate()
                server.wait(timeout=30)
        finally:
            drop()
