"""The menu offers each role exactly the pages it may open."""

import pytest
from django.urls import resolve

PERSONAS = ["district_admin", "program_manager", "supervisor", "puskesmas_head", "puskesmas_operator"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_menu_entry_opens_for_its_persona(client, world, persona):
    client.force_login(world.personas[persona])
    items = client.get("/kelola/").context["nav_items"]
    assert len(items) >= 2
    labels = [str(label) for label, _ in items]
    assert len(labels) == len(set(labels)), f"{persona}: the menu repeats an entry: {labels}"
    for label, url in items:
        assert client.get(url, follow=True).status_code == 200, (
            f"{persona}: menu offers {label} ({url}) but it does not open"
        )


def test_menu_hides_pages_a_role_may_not_open(client, world):
    client.force_login(world.operator)
    urls = [url for _, url in client.get("/kelola/").context["nav_items"]]
    assert not any(resolve(url).url_name in ("user_list", "puskesmas_list") for url in urls)
    assert "/kelola/puskesmas/alfa-satu/" in urls
