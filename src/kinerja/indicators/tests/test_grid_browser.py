"""In Chromium: an operator enters a month in the grid, sees a rule explained, fixes it and submits;
the head approves."""

from pathlib import Path

import pytest

from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.models import Report, Value
from kinerja.indicators.tests.helpers import browser_login

ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enter_fix_submit_approve(browser, live_server, world):
    catalogue_load()
    ARTIFACTS.mkdir(exist_ok=True)
    grid = f"{live_server.url}/kelola/indikator/{world.a1.slug}/2024/5/"
    page = browser_login(browser, live_server, world.operator.username)
    page.goto(grid)
    page.fill("#in-anc-k1", "sepuluh")
    page.press("#in-anc-k1", "Tab")
    page.wait_for_selector("#cell-anc-k1 .cell-msg.error")
    assert "bukan bilangan bulat" in page.inner_text("#cell-anc-k1")
    page.fill("#in-anc-k1", "10")
    page.press("#in-anc-k1", "Tab")
    page.wait_for_selector("#cell-anc-k1 .cell-msg.error", state="detached")
    page.fill("#in-anc-standar", "14")
    page.press("#in-anc-standar", "Tab")
    page.wait_for_selector("#issues li.error")
    assert "melebihi" in page.inner_text("#issues")
    page.screenshot(path=str(ARTIFACTS / "indicators-grid-error.png"), full_page=False)
    assert page.inner_text("#cell-anc-standar .cell-msg.error")
    page.fill("#in-anc-k1", "15")  # fixing the other figure clears the message next to K6 too
    page.press("#in-anc-k1", "Tab")
    page.wait_for_selector("#issues li.error", state="detached")
    page.wait_for_selector("#cell-anc-standar .cell-msg.error", state="detached")
    assert page.inner_text("#report-status") == "Draf"
    assert Value.objects.get(data_element__code="anc-k1").value == 15
    page.reload()
    page.click("text=Ajukan laporan")
    page.wait_for_selector("text=Diajukan")
    head = browser_login(browser, live_server, world.head.username)
    head.goto(grid)
    head.click("text=Setujui laporan")
    head.wait_for_selector("text=terkunci")
    head.screenshot(path=str(ARTIFACTS / "indicators-grid-approved.png"), full_page=False)
    assert Report.objects.get().status == Report.Status.APPROVED
