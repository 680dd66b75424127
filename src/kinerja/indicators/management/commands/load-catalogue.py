"""`kinerja load-catalogue`: load the indicator catalogue files shipped in the package (idempotent)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from kinerja.indicators.catalogue import catalogue_load


class Command(BaseCommand):
    help = "Muat katalog indikator (SPM, PKP, klaster ILP) dari berkas data paket. Aman dijalankan ulang."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Berkas JSON tertentu (bawaan: semua berkas paket).")

    def handle(self, *args, files, **options):
        paths = [Path(f) for f in files] or None
        count = catalogue_load(paths=paths, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Katalog siap ({count} berkas dimuat atau diperbarui)."))
