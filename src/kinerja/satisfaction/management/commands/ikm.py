"""`kinerja ikm FILE.csv [--json]`: the IKM of a file of questionnaires, without storing anything.

Same columns and the same validation as the import (U1..U9 with 1 to 4, optional profile columns).
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.satisfaction.formulas import minimum_sample, round_half_up
from kinerja.satisfaction.models import SurveyVersion
from kinerja.satisfaction.services.imports import ImportRejected, table_read, table_submissions
from kinerja.satisfaction.services.survey import version_bands, version_weights, versions_ensure_default
from kinerja.satisfaction.services.tally import submissions_ikm


class Command(BaseCommand):
    help = "Hitung NRR per unsur, IKM (1-4 dan 25-100) dan mutu pelayanan dari berkas CSV/XLSX kuesioner SKM."

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas .csv (UTF-8) atau .xlsx, satu baris per responden")
        parser.add_argument("--json", action="store_true", help="keluaran JSON")
        parser.add_argument(
            "--populasi", type=int, default=0, help="pengguna layanan pada periode, untuk sampel minimum"
        )
        parser.add_argument(
            "--versi", default="", help="kode versi kuesioner (bawaan: versi nasional yang aktif)"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        version = self._version(options["versi"])
        try:
            submissions = table_submissions(
                table=table_read(name=path.name, content=path.read_bytes()), version=version
            )
        except ImportRejected as exc:
            raise CommandError("\n".join([exc.message, *exc.errors])) from None
        result = submissions_ikm(
            submissions=submissions,
            elements=list(version.elements.all()),
            weights=version_weights(version=version),
            bands=version_bands(version=version),
        )
        data = _as_dict(result, version)
        if options["populasi"]:
            data["population"] = options["populasi"]
            data["minimum_sample"] = minimum_sample(options["populasi"])
            data["sample_enough"] = result.respondents >= data["minimum_sample"]
        if options["json"]:
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            self._print(data)

    def _version(self, code: str) -> SurveyVersion:
        versions_ensure_default()
        qs = SurveyVersion.objects.all()
        version = (
            qs.filter(code=code).first() if code else qs.filter(active=True, district__isnull=True).first()
        )
        if version is None:
            known = ", ".join(qs.values_list("code", flat=True))
            raise CommandError(f"Versi kuesioner '{code}' tidak ada. Pilihan: {known}.")
        return version

    def _print(self, data: dict) -> None:
        self.stdout.write(f"Kuesioner: {data['version']}")
        self.stdout.write(f"Jumlah responden (sampel): {data['respondents']}")
        if "minimum_sample" in data:
            verdict = "cukup" if data["sample_enough"] else "KURANG, hasil belum mewakili"
            self.stdout.write(
                f"Sampel minimum (Krejcie-Morgan, N={data['population']}): {data['minimum_sample']}: {verdict}"
            )
        for e in data["elements"]:
            nrr = e["nrr"] if e["nrr"] is not None else "-"
            self.stdout.write(f"  U{e['number']} {e['name']:<42} NRR {nrr:>6}  ({e['answered']} menjawab)")
        if data["ikm"] is None:
            self.stdout.write("IKM tidak bisa dihitung: ada unsur yang tidak dijawab siapa pun.")
            return
        self.stdout.write(f"IKM (1-4): {data['ikm']}")
        self.stdout.write(f"IKM konversi (25-100): {data['converted']}")
        self.stdout.write(f"Mutu pelayanan: {data['grade']} ({data['label']})")
        if data["lowest"]:
            self.stdout.write(f"Unsur terendah: {data['lowest']}")


def _as_dict(result, version) -> dict:
    return {
        "version": version.name,
        "respondents": result.respondents,
        "elements": [
            {
                "number": s.number,
                "name": s.name,
                "answered": s.answered,
                "total": s.total,
                "nrr": None if s.nrr is None else str(s.nrr_display),
            }
            for s in result.elements
        ],
        "ikm": None if result.ikm is None else str(round_half_up(result.ikm, 4)),
        "converted": None if result.converted is None else str(result.converted),
        "grade": result.band.grade if result.band else None,
        "label": result.band.label if result.band else None,
        "lowest": result.lowest[0].name if result.lowest else None,
    }
