"""Small catalogues for tests, loaded through the real loader from JSON written to a temporary folder."""

import json
from pathlib import Path

from kinerja.core.testing import PASSWORD
from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.models import DataElement, Report, TargetGroup
from kinerja.indicators.services import report_get_or_create, target_set

ELEMENTS = {
    "format": 1,
    "kind": "elements",
    "target_groups": [
        {"code": f"g{i}", "name": f"Sasaran {i}", "estimate_percent": "2"} for i in range(1, 7)
    ],
    "data_elements": [{"code": f"e{i}", "name": f"Elemen {i}"} for i in range(1, 7)]
    + [
        {"code": "ref-total", "name": "Rujukan"},
        {"code": "ref-ns", "name": "Rujukan non-spesialistik"},
        {"code": "k1", "name": "K1"},
        {"code": "k4", "name": "K4"},
        {"code": "stock", "name": "Hari stok obat tersedia", "aggregation": "avg"},
        {"code": "m1", "name": "Lokmin", "aggregation": "last", "allowed_values": [0, 4, 7, 10]},
        {"code": "m2", "name": "RUK", "aggregation": "last", "allowed_values": [0, 4, 7, 10]},
        {"code": "m3", "name": "Kas", "aggregation": "last", "allowed_values": [0, 4, 7, 10]},
    ],
    "validation_rules": [
        {"code": "k4-le-k1", "kind": "not_above", "element": "k4", "other": "k1"},
        {"code": "outlier", "kind": "outlier", "element": "*", "factor": "3"},
    ],
}


def framework(code="tst", version="1", year=2024, month=1, target_tatanan="100", kind="pkp"):
    tatanan = [
        {
            "code": f"t{i}",
            "name": f"Indikator {i}",
            "numerator": f"e{i}",
            "denominator_group": f"g{i}",
            "target": "100",
        }
        for i in range(1, 7)
    ]
    tatanan[0]["target"] = target_tatanan
    return {
        "format": 1,
        "kind": "framework",
        "framework": {"code": code, "name": f"Kerangka {code}", "kind": kind},
        "version": {
            "version": version,
            "valid_from_year": year,
            "valid_from_month": month,
            "headline_node": "P",
        },
        "nodes": [
            {
                "code": "M",
                "name": "Manajemen",
                "scale": "management",
                "indicators": [
                    {"code": f"mi{i}", "name": f"Butir {i}", "method": "management", "numerator": f"m{i}"}
                    for i in range(1, 4)
                ],
            },
            {
                "code": "P",
                "name": "Pelayanan",
                "children": [
                    {"code": "TS", "name": "Tatanan Sehat", "indicators": tatanan},
                    {
                        "code": "UKP",
                        "name": "UKP",
                        "indicators": [
                            {
                                "code": "rrns",
                                "name": "Rasio rujukan non-spesialistik",
                                "numerator": "ref-ns",
                                "denominator_element": "ref-total",
                                "target": "5",
                                "polarity": "lower",
                            },
                            {
                                "code": "k4",
                                "name": "Kunjungan K4",
                                "numerator": "k4",
                                "denominator_element": "k1",
                                "target": "90",
                            },
                        ],
                    },
                ],
            },
        ],
    }


def load_catalogue(tmp_path: Path, *frameworks: dict) -> None:
    paths = []
    for index, data in enumerate([ELEMENTS, *(frameworks or [framework()])]):
        path = tmp_path / f"{index:02d}-{data['kind']}.json"
        path.write_text(json.dumps(data))
        paths.append(path)
    catalogue_load(paths=paths)


def put_month(
    puskesmas, year: int, month: int, values: dict[str, int], status=Report.Status.APPROVED
) -> Report:
    """A report with these values stored directly (tests of scoring, not of entry)."""
    from kinerja.indicators import yearly
    from kinerja.indicators.models import Value

    report = report_get_or_create(puskesmas=puskesmas, year=year, month=month)
    report.status = status
    report.save()
    elements = {e.code: e for e in DataElement.objects.filter(code__in=values)}
    Value.objects.filter(report=report).delete()
    Value.objects.bulk_create(
        Value(report=report, data_element=elements[c], value=v) for c, v in values.items()
    )
    yearly.refresh(keys=[(puskesmas.pk, year)])
    return report


def put_population(puskesmas, year: int, **groups: int) -> None:
    for code, value in groups.items():
        target_set(
            user=None, puskesmas=puskesmas, year=year, group=TargetGroup.objects.get(code=code), value=value
        )


def browser_login(browser, live_server, username: str, *, width: int = 1100, height: int = 900):
    """A new Chromium page, logged in as `username` (password `core.testing.PASSWORD`)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{live_server.url}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    return page
