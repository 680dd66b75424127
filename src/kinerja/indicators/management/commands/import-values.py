"""`kinerja import-values FILE.csv|FILE.xlsx [--user USERNAME]`: import monthly values, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kinerja.accounts.models import User
from kinerja.core.errors import ApplicationError
from kinerja.indicators.exchange import ImportRefused, values_import


class Command(BaseCommand):
    help = (
        "Impor angka laporan bulanan dari berkas Excel (templat) atau CSV "
        "(puskesmas_code,year,month,element_code,value). Bila ada satu sel salah, tidak ada yang disimpan."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Berkas .xlsx atau .csv")
        parser.add_argument(
            "--user", help="Nama pengguna yang tercatat sebagai pengubah (dan yang wilayahnya dibatasi)."
        )

    def handle(self, *args, file, user=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Berkas {file} tidak ditemukan.")
        actor = None
        if user:
            actor = User.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"Pengguna '{user}' tidak ada.")
        bar = tqdm(total=0, unit=" sel", desc="Memeriksa dan menyimpan", file=self.stderr._out)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            result = values_import(user=actor, data=path.read_bytes(), filename=path.name, progress=progress)
        except ImportRefused as exc:
            bar.close()
            for problem in exc.extra["problems"]:
                self.stderr.write(problem)
            raise CommandError(exc.message) from exc
        except ApplicationError as exc:
            bar.close()
            raise CommandError(exc.message) from exc
        bar.close()
        for warning in result.warnings[:50]:
            self.stdout.write(f"Perlu diperiksa: {warning}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Selesai: {result.cells} sel diperiksa, {result.changed} angka berubah "
                f"di {result.reports} laporan bulanan."
            )
        )
