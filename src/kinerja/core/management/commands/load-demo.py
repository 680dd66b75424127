"""`kinerja load-demo`: load the fictional demo district, clearly marked as example data.

Each app that has demo data exposes `kinerja.<app>.demo.load(*, district, log)`, deterministic and
idempotent (a second run changes nothing and loses nothing). This command calls them in the order
of DEMO_APPS; the district itself comes from `kinerja.facilities.demo.district_load`.
"""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_APPS = [
    "accounts",
    "indicators",
    "supervision",
    "satisfaction",
    "outreach",
    "referrals",
    "workforce",
    "portal",
]


class Command(BaseCommand):
    help = "Muat kabupaten contoh (data contoh) untuk mencoba Kinerja Puskesmas."

    def handle(self, *args, **options):
        from kinerja.facilities.demo import district_load

        def log(message: str) -> None:
            self.stdout.write(message)

        with transaction.atomic():
            district = district_load(log=log)
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"kinerja.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"kinerja.{app}.demo":
                    raise
                continue
            with transaction.atomic():
                module.load(district=district, log=log)
        self.stdout.write(self.style.SUCCESS(f"Data contoh siap: {district.label}."))
