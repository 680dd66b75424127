"""Builders and personas shared by every app's tests: `make_<thing>(**overrides)` and a small world.

The world has two regencies. Kabupaten A (73.98) has Puskesmas A1 and A2; Kabupaten B (73.97) has B1.
Personas: a district administrator, programme manager and supervisor of A; the head and the operator
of A1; and an anonymous citizen (no user).
"""

import os
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count

from kinerja.accounts.models import User
from kinerja.facilities.models import Facility, Puskesmas
from kinerja.regions.models import Region

PASSWORD = "uji-kata-sandi-2026"
_seq = count(1)


def make_region(*, code: str, name: str | None = None, **overrides) -> Region:
    level = len(code.split("."))
    kinds = {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "desa", 5: "dusun"}
    parent = None
    if level > 1:
        parent_code = code.rsplit(".", 1)[0]
        parent = Region.objects.filter(code=parent_code).first() or make_region(code=parent_code)
    defaults = {"name": name or f"Wilayah {code}", "level": level, "kind": kinds[level], "parent": parent}
    defaults.update(overrides)
    region, _ = Region.objects.get_or_create(code=code, defaults=defaults)
    return region


def make_puskesmas(*, subdistrict_code: str = "73.98.01", **overrides) -> Puskesmas:
    n = next(_seq)
    subdistrict = make_region(code=subdistrict_code)
    village = make_region(code=f"{subdistrict_code}.{2000 + n}")
    fields = {
        "code": f"P{subdistrict_code.replace('.', '')[:6]}{n:04d}",
        "name": f"Uji {n}",
        "slug": f"uji-{n}",
        "district": subdistrict.parent,
        "subdistrict": subdistrict,
        "area_category": Puskesmas.AreaCategory.RURAL,
        "inpatient": False,
    }
    fields.update(overrides)
    puskesmas = Puskesmas.objects.create(**fields)
    puskesmas.catchment_villages.add(village)
    return puskesmas


def make_facility(*, puskesmas: Puskesmas, kind: str = Facility.Kind.POSYANDU, **overrides) -> Facility:
    fields = {
        "kind": kind,
        "name": f"{kind} {next(_seq)}",
        "ownership": Facility.Ownership.COMMUNITY,
        "puskesmas": puskesmas,
        "district": puskesmas.district,
    }
    fields.update(overrides)
    return Facility.objects.create(**fields)


def make_user(*, role: str, username: str | None = None, **overrides) -> User:
    username = username or f"{role}-{next(_seq)}"
    user = User(username=username, role=role, **overrides)
    user.set_password(PASSWORD)
    user.save()
    return user


@dataclass
class World:
    district_a: Region
    district_b: Region
    a1: Puskesmas
    a2: Puskesmas
    b1: Puskesmas
    district_admin: User
    program_manager: User
    supervisor: User
    head: User
    operator: User
    head_b1: User
    operator_b1: User

    @property
    def personas(self) -> dict[str, User | None]:
        return {
            "anonymous": None,
            "district_admin": self.district_admin,
            "program_manager": self.program_manager,
            "supervisor": self.supervisor,
            "puskesmas_head": self.head,
            "puskesmas_operator": self.operator,
        }


def make_world() -> World:
    a1 = make_puskesmas(subdistrict_code="73.98.01", name="Alfa Satu", slug="alfa-satu")
    a2 = make_puskesmas(subdistrict_code="73.98.02", name="Alfa Dua", slug="alfa-dua")
    b1 = make_puskesmas(subdistrict_code="73.97.01", name="Beta Satu", slug="beta-satu")
    district_a, district_b = a1.district, b1.district
    return World(
        district_a=district_a,
        district_b=district_b,
        a1=a1,
        a2=a2,
        b1=b1,
        district_admin=make_user(role="district_admin", username="alice", region=district_a, is_staff=True),
        program_manager=make_user(role="program_manager", username="bob", region=district_a, program="kia"),
        supervisor=make_user(role="supervisor", username="charlie", region=district_a),
        head=make_user(role="puskesmas_head", username="dina", puskesmas=a1),
        operator=make_user(role="puskesmas_operator", username="eko", puskesmas=a1),
        head_b1=make_user(role="puskesmas_head", username="fajar", puskesmas=b1),
        operator_b1=make_user(role="puskesmas_operator", username="gita", puskesmas=b1),
    )


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def playwright_session():
    """Playwright's sync API, with the test's own database connections inside it.

    Code inside `sync_playwright()` runs with a context of its own, where Django would open a second
    connection: outside the test's transaction, never closed (PostgreSQL then cannot drop the test
    database), and on SQLite's shared in-memory database one whose table locks fail at once ("table
    is locked") while the live server writes. Handing the test's connections to that context avoids
    all three.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the sync API runs an event loop in this thread
    outer = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in outer.items():
            connections[alias] = connection
        yield playwright


def launch_chromium(playwright):
    """Debian's Chromium, headless, with no calls out (the machine has no network)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
