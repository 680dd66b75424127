"""`kinerja refresh-value-years [--year Y]`: rebuild the yearly copy of monthly values from `Value`.

Never needed in normal use (every write keeps the copy in step); for after a restore of `Value` by
hand, or a bulk load outside the services.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from kinerja.indicators import yearly


class Command(BaseCommand):
    help = "Bangun ulang salinan tahunan angka laporan (untuk skor banyak Puskesmas) dari angka bulanan."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Hanya tahun ini (bawaan: semua tahun).")

    def handle(self, *args, year, **options):
        with transaction.atomic():
            rows = yearly.refresh_all(year=year)
        self.stdout.write(self.style.SUCCESS(f"Salinan tahunan dibangun ulang: {rows} baris."))
