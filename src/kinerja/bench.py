"""`make bench`: run every app's benchmark on SQLite and on PostgreSQL, print the figures and write
them to `bench-results.json` at the repository root.

Each app with figures to measure has a `bench.py` exposing `run(*, scale: float, log) -> dict[str, float]`.
The runner gives each database a fresh, migrated database in its own process (so peak memory is
per database), and collects `{key: {"sqlite": value, "postgresql": value}}`.
`BENCH_SCALE` (default 1.0) shrinks the data sets for a quick run, e.g. `BENCH_SCALE=0.01 make bench`.
"""

import importlib
import json
import os
import pkgutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kinerja

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = ROOT / "bench-results.json"
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
PG_DATABASE = "kinerja_bench"


def _bench_modules() -> list[str]:
    names = []
    for module in pkgutil.iter_modules(kinerja.__path__):
        if not module.ispkg:
            continue
        spec = importlib.util.find_spec(f"kinerja.{module.name}.bench")
        if spec is not None:
            names.append(f"kinerja.{module.name}.bench")
    return sorted(names)


def run_inside() -> None:
    """Runs in the child process: DATABASE_URL points at a fresh database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    django.setup()
    from django.core.management import call_command

    scale = float(os.environ.get("BENCH_SCALE", "1.0"))
    call_command("migrate", verbosity=0, interactive=False)
    figures: dict[str, float] = {}
    for name in _bench_modules():
        module = importlib.import_module(name)
        started = time.perf_counter()
        figures.update(module.run(scale=scale, log=lambda msg: print(msg, file=sys.stderr, flush=True)))
        print(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(json.dumps(figures))


def _pg_reachable() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_SERVER, connect_timeout=3).close()
        return True
    except Exception:
        return False


def _pg_recreate() -> str:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PG_DATABASE}")
    return PG_SERVER.rsplit("/", 1)[0] + "/" + PG_DATABASE


def _child(database_url: str, var_dir: str) -> dict[str, float]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "KINERJA_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "kinerja.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "from kinerja.bench import run_inside; run_inside()"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    results: dict[str, dict[str, float]] = {}
    scale = os.environ.get("BENCH_SCALE", "1.0")
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as tmp:
        databases = [("sqlite", f"sqlite:///{tmp}/bench.sqlite3")]
        if _pg_reachable():
            databases.append(("postgresql", _pg_recreate()))
        else:
            print(f"PostgreSQL at {PG_SERVER} is unreachable: measuring SQLite only.", file=sys.stderr)
        for label, url in databases:
            print(f"== {label} (BENCH_SCALE={scale})", file=sys.stderr, flush=True)
            for key, value in _child(url, tmp).items():
                results.setdefault(key, {})[label] = value
    results["_meta"] = {
        "scale": float(scale),
        "cpus": os.cpu_count(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    width = max((len(k) for k in results), default=10)
    for key, per_db in sorted(results.items()):
        if key.startswith("_"):
            continue
        cells = "  ".join(f"{db}={value:,.1f}" for db, value in per_db.items())
        print(f"{key:<{width}}  {cells}")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
