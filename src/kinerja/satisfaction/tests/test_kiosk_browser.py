"""A patient answers the kiosk survey on a tablet-sized screen in Chromium; the answer is counted,
also when the network drops for a moment (the queue is resent, never twice)."""

import time
from pathlib import Path

import pytest
from django.urls import reverse

from kinerja.core.testing import launch_chromium, playwright_session
from kinerja.satisfaction.models import Response
from kinerja.satisfaction.services.survey import units_ensure_default

ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts"
TABLET = {"width": 800, "height": 1280}


def _wait_for(predicate, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _queued(page) -> list[int]:
    """Answers waiting in the kiosk's localStorage queue, per key."""
    return page.evaluate("Object.keys(localStorage).map(k => JSON.parse(localStorage[k]).length)")


def _answer_once(page, comment: str) -> None:
    page.get_by_role("button", name="Mulai").click()
    for number, value in enumerate((4, 3, 4, 4, 3, 4, 4, 2, 3), start=1):  # each tap moves on by itself
        page.locator(f"fieldset[data-name=u{number}] .skm-choice").nth(value - 1).click()
    page.locator("fieldset[data-name=age_group] .skm-choice", has_text="30-39 tahun").click()
    page.locator("fieldset[data-name=sex] .skm-choice", has_text="Perempuan").click()
    page.locator("fieldset[data-name=education]").wait_for()
    page.get_by_role("button", name="Lewati").click()  # education is optional
    page.locator("fieldset[data-name=occupation]").wait_for()
    page.get_by_role("button", name="Lewati").click()  # occupation too
    page.locator("#id_comment").fill(comment)
    page.get_by_role("button", name="Kirim jawaban").click()
    page.get_by_text("Terima kasih!").wait_for()


@pytest.mark.browser
def test_kiosk_on_a_tablet(live_server, world):
    unit = units_ensure_default(puskesmas=world.a1)[0]
    url = live_server.url + reverse("satisfaction_public:kiosk", args=[world.a1.slug, unit.code])
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_session() as p:
        browser = launch_chromium(p)
        context = browser.new_context(viewport=TABLET, has_touch=True)
        page = context.new_page()
        page.goto(url)
        page.screenshot(path=str(ARTIFACTS / "skm-kiosk-start.png"))
        page.get_by_role("button", name="Mulai").click()
        page.screenshot(path=str(ARTIFACTS / "skm-kiosk-question.png"))
        page.get_by_role("button", name="Kembali").click()

        _answer_once(page, "Ruang tunggu nyaman")
        assert _wait_for(lambda: _queued(page) == [0]), "the kiosk answer never reached the server"
        assert Response.objects.count() == 1
        stored = Response.objects.get()
        assert stored.source == "kios" and stored.sex == "P" and stored.age_group == "30-39"
        assert sorted(stored.answers.values_list("value", flat=True)) == sorted([4, 3, 4, 4, 3, 4, 4, 2, 3])
        assert stored.comment == "Ruang tunggu nyaman"
        # it resets itself for the next patient
        page.get_by_role("button", name="Mulai").wait_for(timeout=8000)

        context.set_offline(True)
        _answer_once(page, "Dijawab saat jaringan putus")
        page.wait_for_timeout(500)
        assert _queued(page) == [1] and Response.objects.count() == 1
        page.screenshot(path=str(ARTIFACTS / "skm-kiosk-offline.png"))
        context.set_offline(False)
        assert _wait_for(lambda: _queued(page) == [0], timeout=25), "the queued answer was not resent"
        assert Response.objects.count() == 2
        assert Response.objects.filter(comment="Dijawab saat jaringan putus").count() == 1
        browser.close()


@pytest.mark.browser
def test_paper_grid_with_the_keyboard_only(live_server, world, client):
    """An operator types two paper questionnaires without touching the mouse."""
    units = units_ensure_default(puskesmas=world.a1)
    client.force_login(world.operator)
    session = client.cookies["sessionid"].value
    with playwright_session() as p:
        browser = launch_chromium(p)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(live_server.url + reverse("satisfaction:paper_entry", args=[world.a1.slug]))
        page.select_option("#id_unit", str(units[2].pk))
        page.locator("input[name='r1-u1']").focus()
        page.keyboard.type("434434432")  # each digit jumps to the next cell; after U9 comes Umur
        page.keyboard.type("52")
        page.keyboard.press("Tab")
        page.keyboard.type("L")
        page.keyboard.press("Enter")  # Enter moves to the next row
        page.keyboard.type("333333333")
        page.keyboard.press("Control+Enter")  # saves
        page.get_by_text("2 kuesioner kertas tersimpan").wait_for()
        page.screenshot(path=str(ARTIFACTS / "skm-paper-grid.png"))
        browser.close()
    stored = list(Response.objects.order_by("id"))
    assert len(stored) == 2 and all(r.unit == units[2] and r.source == "kertas" for r in stored)
    assert stored[0].age_group == "50-59" and stored[0].sex == "L"
    assert sorted(stored[0].answers.values_list("value", flat=True)) == [2, 3, 3, 3, 4, 4, 4, 4, 4]
    assert list(stored[1].answers.values_list("value", flat=True)) == [3] * 9
