"""The shipped catalogue files and the loader."""

import json

import pytest

from kinerja.core.errors import ApplicationError
from kinerja.indicators.catalogue import catalogue_files, catalogue_load, indicator_update
from kinerja.indicators.models import DataElement, FrameworkVersion, Indicator, Node, ValidationRule

pytestmark = pytest.mark.django_db


def test_shipped_catalogue_loads_once_and_keeps_district_edits(world):
    assert catalogue_load() == 4
    spm = FrameworkVersion.objects.get(framework__code="spm")
    assert spm.indicators.count() == 12
    assert set(spm.indicators.values_list("method", flat=True)) == {"spm"}
    assert 40 <= DataElement.objects.count() <= 60
    pkp = FrameworkVersion.objects.get(framework__code="pkp")
    assert pkp.headline_node == "2" and pkp.good_min == 91 and pkp.mgmt_fair_min.compare(5) > 0
    assert {n.code for n in pkp.nodes.filter(parent__code="2.1")} == {f"2.1.{i}" for i in range(1, 6)}
    assert pkp.nodes.filter(is_example=True).exists()
    assert Node.objects.filter(version__framework__code="ilp", parent=None).count() == 5
    contact = pkp.indicators.get(code="2.3.1.1")
    assert (contact.polarity, contact.target, contact.target_high, contact.factor) == (
        "range",
        150,
        250,
        1000,
    )
    indicator_update(user=world.district_admin, indicator=contact, data={"target": 160})
    counts = (Indicator.objects.count(), Node.objects.count(), ValidationRule.objects.count())
    stamps = sorted(DataElement.objects.values_list("updated_at", flat=True))
    assert catalogue_load() == 1  # only the shared elements file is re-read; versions are unchanged
    assert (Indicator.objects.count(), Node.objects.count(), ValidationRule.objects.count()) == counts
    assert sorted(DataElement.objects.values_list("updated_at", flat=True)) == stamps  # no row rewritten
    contact.refresh_from_db()
    assert contact.target == 160


def test_every_file_names_known_elements():
    codes = set()
    for path in catalogue_files():
        data = json.loads(path.read_text())
        if data["kind"] == "elements":
            codes = {e["code"] for e in data["data_elements"]}
            continue

        def walk(nodes):
            for node in nodes:
                yield from node.get("indicators", [])
                yield from walk(node.get("children", []))

        for ind in walk(data["nodes"]):
            assert ind["numerator"] in codes, (path.name, ind["code"])
            assert ind.get("denominator_element", ind["numerator"]) in codes, (path.name, ind["code"])


def test_unknown_element_is_refused_in_bahasa(world, tmp_path):
    from kinerja.indicators.tests.helpers import ELEMENTS, framework

    broken = framework()
    broken["nodes"][1]["children"][0]["indicators"][0]["numerator"] = "tidak-ada"
    for name, data in (("a.json", ELEMENTS), ("b.json", broken)):
        (tmp_path / name).write_text(json.dumps(data))
    with pytest.raises(ApplicationError, match="Elemen data 'tidak-ada' tidak ada di katalog"):
        catalogue_load(paths=[tmp_path / "a.json", tmp_path / "b.json"])


def test_range_indicator_needs_an_upper_bound(world):
    catalogue_load()
    indicator = Indicator.objects.filter(polarity="higher").first()
    with pytest.raises(ApplicationError, match="batas atas"):
        indicator_update(user=world.district_admin, indicator=indicator, data={"polarity": "range"})
