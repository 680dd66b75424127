"""Open data: CSV and JSON of the published achievements with their data dictionary, no personal data."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from kinerja.accounts.models import User
from kinerja.indicators.models import Report
from kinerja.portal.opendata import COLUMNS
from kinerja.portal.tests import achievement_data as data
from kinerja.satisfaction.services.complaints import complaint_file


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reported(world):
    data.load_catalogue()
    data.populations(world.a1)
    data.populations(world.b1)
    data.report(world.a1, 1, Report.Status.VERIFIED)
    data.report(world.a1, 2, Report.Status.APPROVED)
    data.report(world.a1, 3, Report.Status.SUBMITTED, scale=0.5, anc=1)
    data.report(world.b1, 1, Report.Status.DRAFT)
    complaint_file(
        puskesmas=world.a1,
        unit=None,
        category="lainnya",
        description="Antrean pendaftaran terlalu lama pagi ini.",
        contact_name="Siti Pelapor",
        contact="0812 5550 1234",
    )
    return world


def _csv(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_has_the_dictionary_columns_and_only_approved_months(client, reported):
    rows = _csv(client, reverse("portal:open_data_csv"))
    assert rows and list(rows[0]) == COLUMNS
    assert {r["puskesmas"] for r in rows} == {"Puskesmas Alfa Satu"}  # Beta Satu has only a draft
    assert {(r["tahun"], r["sampai_bulan"]) for r in rows} == {("2026", "2")}
    assert {r["kerangka"] for r in rows} == {"pkp", "spm", "ilp"}
    anc = next(r for r in rows if r["kode_indikator"] == "spm-01")
    assert (anc["pembilang"], anc["penyebut"], anc["capaian"], anc["memenuhi_spm"]) == (
        "20",
        "20",
        "100",
        "ya",
    )
    assert anc["bulan_berisi_data"] == "2" and anc["kategori"] == ""
    dictionary = _csv(client, reverse("portal:open_data_dictionary_csv"))
    assert [d["nama"] for d in dictionary] == COLUMNS
    assert all(d["arti"] and d["satuan"] for d in dictionary)
    assert _csv(client, reverse("portal:open_data_csv") + "?tahun=2025") == []


def test_json_carries_the_dictionary_and_typed_numbers(client, reported):
    payload = json.loads(client.get(reverse("portal:open_data_json")).content)
    assert [k["nama"] for k in payload["kamus"]] == COLUMNS
    assert all(list(row) == COLUMNS for row in payload["data"])
    anc = next(r for r in payload["data"] if r["kode_indikator"] == "spm-01")
    assert anc["capaian"] == 100 and anc["sampai_bulan"] == 2 and anc["target_atas"] is None
    dictionary = json.loads(client.get(reverse("portal:open_data_dictionary_json")).content)
    assert dictionary == payload["kamus"]


def test_downloads_hold_no_personal_data(client, reported):
    texts = [
        client.get(reverse(name)).content.decode()
        for name in ("portal:open_data_csv", "portal:open_data_json", "portal:open_data")
    ]
    secrets = [u.username for u in User.objects.all()] + ["Siti Pelapor", "0812 5550 1234", "Antrean"]
    for text in texts:
        for secret in secrets:
            assert f'"{secret}"' not in text and f",{secret}," not in text and secret not in text.split(",")
    assert "Siti" not in "".join(texts) and "5550" not in "".join(texts)


def test_open_data_page_explains_and_links_downloads(client, reported):
    page = client.get(reverse("portal:open_data")).content.decode()
    assert "tidak memuat data pribadi" in page
    for name in ("open_data_csv", "open_data_json", "open_data_dictionary_csv", "open_data_dictionary_json"):
        assert f'href="{reverse("portal:" + name)}"' in page
    assert "<code>capaian</code>" in page and "Tahun 2026 saja (CSV)" in page
    home = client.get(reverse("portal:home")).content.decode()
    assert f'href="{reverse("portal:open_data")}"' in home
