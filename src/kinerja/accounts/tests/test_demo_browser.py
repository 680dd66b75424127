"""Each demo login in Chromium: open the login page, sign in with the form, land on the home page.

Screenshots go to test-artifacts/ (1280x800 for everyone, and 360x640 for the operator, who is
most likely to work on a phone).
"""

from pathlib import Path

import pytest
from django.urls import reverse

from kinerja.accounts.demo import PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[4] / "test-artifacts"
PHONE = {"width": 360, "height": 640}

# username: texts that only this role's home page shows.
ROLE_TEXTS = {
    "dinkes.admin": ["Kabupaten Nusa Sehat (data contoh)", "Administrator Dinas Kesehatan", "Pengguna"],
    "dinkes.program": ["Kabupaten Nusa Sehat (data contoh)", "Pengelola program Dinas Kesehatan"],
    "dinkes.supervisi": ["Kabupaten Nusa Sehat (data contoh)", "Supervisor Dinas Kesehatan"],
    "kapus.sukamaju": ["Puskesmas Sukamaju", "Kepala Puskesmas"],
    "operator.sukamaju": ["Puskesmas Sukamaju", "Operator Puskesmas"],
}


@pytest.fixture
def demo(transactional_db):
    from kinerja.accounts import demo as accounts_demo
    from kinerja.facilities.demo import district_load

    accounts_demo.load(district=district_load(log=lambda message: None), log=lambda message: None)


def _sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(live_server.url + reverse("accounts:home"))


@pytest.mark.browser
@pytest.mark.parametrize("username", list(ROLE_TEXTS))
def test_demo_login_lands_on_its_home(demo, browser, live_server, username):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="id-ID")
    _sign_in(page, live_server, username)
    body = page.locator("body").inner_text()
    for text in ROLE_TEXTS[username]:
        assert text in body, f"{username}: {text!r} missing from the home page"
    if username.startswith("dinkes."):
        assert page.locator("main table tbody tr").count() == 16
    else:
        assert "Pasar Baru" not in body  # another Puskesmas of the district
    page.screenshot(path=str(ARTIFACTS / f"demo-home-{username}-1280x800.png"), full_page=True)
    page.close()


@pytest.mark.browser
def test_operator_works_on_a_small_phone(demo, browser, live_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport=PHONE, locale="id-ID", is_mobile=True, has_touch=True)
    page.goto(live_server.url + reverse("accounts:login"))
    page.screenshot(path=str(ARTIFACTS / "demo-login-360x640.png"))
    _sign_in(page, live_server, "operator.sukamaju")
    assert "Operator Puskesmas" in page.locator("body").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the home page scrolls sideways"
    page.screenshot(path=str(ARTIFACTS / "demo-home-operator.sukamaju-360x640.png"))

    page.get_by_role("navigation").get_by_role("link", name="Profil Puskesmas").click()
    page.wait_for_url(live_server.url + reverse("facilities:puskesmas_detail", args=["sukamaju"]))
    assert page.get_by_role("heading", level=1).inner_text() == "Puskesmas Sukamaju"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the profile scrolls sideways"
    page.screenshot(path=str(ARTIFACTS / "demo-profile-operator.sukamaju-360x640.png"), full_page=True)

    page.get_by_role("navigation").get_by_role("link", name="Beranda").click()
    page.wait_for_url(live_server.url + reverse("accounts:home"))
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(live_server.url + reverse("accounts:login"))
    page.close()


@pytest.mark.browser
def test_district_admin_reaches_every_menu_item_on_a_small_phone(demo, browser, live_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport=PHONE, locale="id-ID", is_mobile=True, has_touch=True)
    _sign_in(page, live_server, "dinkes.admin")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the home page scrolls sideways"
    page.screenshot(path=str(ARTIFACTS / "demo-home-dinkes.admin-360x640.png"), full_page=True)
    menu = page.get_by_role("navigation")
    for label, heading in [("Puskesmas", "Puskesmas"), ("Pengguna", "Pengguna")]:
        menu.get_by_role("link", name=label, exact=True).click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{label} scrolls sideways"
        page.screenshot(path=str(ARTIFACTS / f"demo-{label.lower()}-dinkes.admin-360x640.png"))
    page.get_by_role("navigation").get_by_role("link", name="Data master").click()
    page.wait_for_load_state()
    assert "Data master Dinas Kesehatan" in page.locator("body").inner_text()
    page.close()
