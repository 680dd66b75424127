"""The scoring service against hand-computed examples (DOMAIN.md) and its edge cases."""

import gc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.testing import make_puskesmas
from kinerja.indicators import formulas as f
from kinerja.indicators.catalogue import framework_version_copy, indicator_update
from kinerja.indicators.models import FrameworkVersion, Report
from kinerja.indicators.scoring import scorecard
from kinerja.indicators.sentences import achievement_sentence, achievement_sentences
from kinerja.indicators.services import indicator_target_set
from kinerja.indicators.tests.helpers import framework, load_catalogue, put_month, put_population

pytestmark = pytest.mark.django_db
FULL = {"e2": 100, "e3": 100, "e4": 100, "e5": 100, "e6": 100}


def score_card(**kwargs):
    kwargs.setdefault("framework", "tst")
    return scorecard(**kwargs)


@pytest.fixture
def catalogue(tmp_path):
    load_catalogue(tmp_path)


def populations(p, **overrides):
    groups = {f"g{i}": 100 for i in range(1, 7)}
    groups.update(overrides)
    put_population(p, 2024, **groups)


def test_p3_riil_above_target_scores_100(world, catalogue):
    populations(world.a1, g1=647)
    put_month(world.a1, 2024, 12, {"e1": 1112})
    result = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=12).rows[0].indicators["t1"]
    # Only December reported: 1112 against the full-year 647 (December pro-rates to 12/12).
    assert round(result.result, 1) == 171.9
    assert result.score == 100.0
    assert result.category == f.GOOD


def test_tatanan_sehat_mean_is_94_35(world, catalogue):
    populations(world.a1, g1=1000)
    put_month(world.a1, 2024, 12, {"e1": 661, **FULL})
    row = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=12).rows[0]
    assert row.indicators["t1"].score == pytest.approx(66.10)
    node = row.node("TS")
    assert f.round_half_up(node.score, 2) == f.round_half_up(94.35, 2)
    assert node.category == f.GOOD  # 94.35 -> 94


def test_year_to_date_is_against_prorated_target(world, catalogue):
    populations(world.a1, g1=1200)
    for month in (1, 2, 3):
        put_month(world.a1, 2024, month, {"e1": 90})
    result = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=3).rows[0].indicators["t1"]
    assert result.denominator == 300  # 1200 x 3 / 12
    assert result.result == pytest.approx(90.0)  # 270 / 300
    assert result.previous_result == pytest.approx(90.0)  # 180 / 200
    assert result.change == pytest.approx(0)


def test_missing_months_add_nothing_and_are_counted(world, catalogue):
    populations(world.a1, g1=1200)
    put_month(world.a1, 2024, 1, {"e1": 100})
    put_month(world.a1, 2024, 3, {"e1": 100})
    result = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=4).rows[0].indicators["t1"]
    assert result.months_reported == 2
    assert result.result == pytest.approx(50.0)  # 200 / 400
    assert result.score == pytest.approx(50.0)
    assert result.category == f.POOR


def test_denominator_zero_gives_no_score(world, catalogue):
    populations(world.a1, g1=0)
    put_month(world.a1, 2024, 1, {"e1": 5})
    result = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=1).rows[0].indicators["t1"]
    assert result.result is None and result.score is None and result.category is None
    assert "belum dapat dihitung" in achievement_sentence(result, year=2024, month=1)


def test_no_data_sentence(world, catalogue):
    result = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=2).rows[0].indicators["t2"]
    assert (
        achievement_sentence(result, year=2024, month=2)
        == "Indikator 2: belum ada data sampai Februari 2024."
    )


def test_lower_is_better(world, catalogue):
    put_month(world.a1, 2024, 1, {"ref-total": 100, "ref-ns": 10})
    put_month(world.a1, 2024, 2, {"ref-total": 100, "ref-ns": 0})
    row = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=2).rows[0]
    rrns = row.indicators["rrns"]
    assert rrns.result == pytest.approx(5.0)  # 10 / 200
    assert rrns.score == 100.0
    assert rrns.previous_result == pytest.approx(10.0)
    assert rrns.previous_score == pytest.approx(50.0)
    sentence = achievement_sentence(rrns, year=2024, month=2)
    assert "target paling tinggi 5%" in sentence and "Turun 5,0 poin" in sentence


def test_management_items_and_category(world, catalogue):
    put_month(world.a1, 2024, 1, {"m1": 4, "m2": 0, "m3": 0})
    put_month(world.a1, 2024, 6, {"m1": 10, "m2": 7})  # last reported value counts; m3 stays 0 from January
    row = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=12).rows[0]
    assert row.management == pytest.approx(17 / 3)  # (10 + 7 + 0) / 3 = 5.67 -> 5.7
    assert row.management_category == f.FAIR


def test_an_averaged_element_is_the_mean_of_its_reported_months(world, tmp_path):
    spec = framework()
    ukp = spec["nodes"][1]["children"][1]["indicators"]
    ukp.append(
        {
            "code": "stok",
            "name": "Obat tersedia",
            "numerator": "stock",
            "denominator_group": "g1",
            "target": "100",
        }
    )  # days with stock in a month, against its 30 days
    load_catalogue(tmp_path, spec)
    populations(world.a1, g1=30)
    put_month(world.a1, 2024, 1, {"stock": 24})
    put_month(world.a1, 2024, 3, {"stock": 30})  # February not reported: the mean is of two months
    result = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=3).rows[0].indicators["stok"]
    assert result.numerator == 27.0 and result.denominator == 30.0  # an average is not pro-rated
    assert result.months_reported == 2
    assert result.result == pytest.approx(90.0) and result.score == pytest.approx(90.0)
    assert result.previous_result == pytest.approx(80.0)  # up to February: January alone


def test_headline_node_is_overall_and_ranks(world, catalogue):
    for p, e1 in ((world.a1, 50), (world.a2, 100)):
        populations(p)
        put_month(p, 2024, 12, {"e1": e1, **FULL})
    card = score_card(puskesmas_ids=[world.a1.pk, world.a2.pk], year=2024, month=12)
    assert [r.puskesmas for r in card.rows] == [world.a2, world.a1]
    assert card.rows[0].rank == 1 and card.rows[1].rank == 2
    # Pelayanan = mean(TS, UKP); UKP has no data, so Pelayanan = TS = mean(50, 100 x 5)
    assert card.rows[1].overall == pytest.approx(550 / 6)
    sentences = achievement_sentences(card, puskesmas_id=world.a1.pk)
    assert sentences[""].endswith("peringkat 2 dari 2 Puskesmas.")


def test_drafts_are_not_counted_by_default(world, catalogue):
    populations(world.a1)
    put_month(world.a1, 2024, 12, {"e1": 100}, status=Report.Status.DRAFT)
    assert score_card(puskesmas_ids=[world.a1.pk], year=2024).rows[0].indicators["t1"].result is None
    with_drafts = score_card(puskesmas_ids=[world.a1.pk], year=2024, statuses=None)
    assert with_drafts.rows[0].indicators["t1"].result == pytest.approx(100)


def test_yearly_and_puskesmas_targets_override_the_catalogue(world, catalogue):
    populations(world.a1)
    populations(world.a2)
    for p in (world.a1, world.a2):
        put_month(p, 2024, 12, {"e1": 60})
    version = FrameworkVersion.objects.get(framework__code="tst")
    t1 = version.indicators.get(code="t1")
    indicator_target_set(user=world.district_admin, indicator=t1, year=2024, target=60)
    indicator_target_set(user=world.district_admin, indicator=t1, year=2024, target=80, puskesmas=world.a2)
    card = score_card(puskesmas_ids=[world.a1.pk, world.a2.pk], year=2024)
    assert card.row(world.a1.pk).indicators["t1"].score == 100.0
    assert card.row(world.a2.pk).indicators["t1"].score == pytest.approx(75.0)


def test_catalogue_change_mid_year_keeps_earlier_months(world, catalogue):
    populations(world.a1)
    for month in range(1, 13):
        put_month(world.a1, 2024, month, {"e1": 5})  # 60 a year against 100
    old = FrameworkVersion.objects.get(framework__code="tst")
    new = framework_version_copy(
        user=world.district_admin, version=old, new_version="2", valid_from_year=2024, valid_from_month=7
    )
    indicator_update(user=world.district_admin, indicator=new.indicators.get(code="t1"), data={"target": 60})
    june = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=6)
    december = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=12)
    assert june.version == old and june.rows[0].indicators["t1"].score == pytest.approx(60.0)
    assert december.version == new and december.rows[0].indicators["t1"].score == 100.0
    assert old.indicators.get(code="t1").target == 100  # the old version is untouched


def test_new_version_from_a_data_file_applies_from_its_month(world, tmp_path):
    load_catalogue(tmp_path, framework(), framework(version="2", month=4, target_tatanan="50"))
    populations(world.a1)
    put_month(world.a1, 2024, 3, {"e1": 15})
    put_month(world.a1, 2024, 4, {"e1": 5})
    assert score_card(puskesmas_ids=[world.a1.pk], year=2024, month=3).rows[0].indicators["t1"].score == 60.0
    assert score_card(puskesmas_ids=[world.a1.pk], year=2024, month=4).rows[0].indicators["t1"].score == 100.0


def test_spm_is_uncapped_and_met_at_100(world, tmp_path):
    load_catalogue(tmp_path, framework(code="spmx", kind="spm"))
    populations(world.a1, g1=647)
    put_month(world.a1, 2024, 12, {"e1": 1112})
    row = score_card(puskesmas_ids=[world.a1.pk], year=2024, framework="spmx").rows[0]
    assert row.indicators["t1"].met is True and round(row.indicators["t1"].result, 1) == 171.9
    assert row.category is None  # SPM has no PKP category, only met / not met


def test_fixed_number_of_queries_whatever_the_number_of_puskesmas(world, catalogue):
    few = [world.a1.pk]
    many = [make_puskesmas().pk for _ in range(8)] + few
    for pid in many:
        put_month(type(world.a1).objects.get(pk=pid), 2024, 1, {"e1": 3, "k1": 5, "k4": 4})
    with CaptureQueriesContext(connection) as small:
        score_card(puskesmas_ids=few, year=2024, month=1)
    with CaptureQueriesContext(connection) as large:
        score_card(puskesmas_ids=many, year=2024, month=1)
    assert len(small) == len(large) <= 8


def test_the_cycle_collector_is_left_as_it_was(world, catalogue):
    """The scorecard pauses Python's cycle collector while it builds its results, and only then."""
    assert gc.isenabled()
    card = score_card(puskesmas_ids=[world.a1.pk], year=2024, month=1)
    assert gc.isenabled() and card.rows
    gc.disable()
    try:
        score_card(puskesmas_ids=[world.a1.pk], year=2024, month=1)
        assert not gc.isenabled(), "a caller's own pause is not ended"
    finally:
        gc.enable()
