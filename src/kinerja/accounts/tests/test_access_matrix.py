"""Every internal URL against every persona: who may, who may not.

New pages join by default: a view that is neither `role_required` nor `public` fails here, and a
URL keyword with no sample in some `<app>/tests/samples.py` fails with a message saying so.
"""

import importlib
import pkgutil

import pytest
from django.urls import reverse

import kinerja
from kinerja.core.urlmatrix import all_routes

ROUTES = all_routes()
INTERNAL = [r for r in ROUTES if r.roles is not None]
PERSONAS = [
    "anonymous",
    "district_admin",
    "program_manager",
    "supervisor",
    "puskesmas_head",
    "puskesmas_operator",
]
DISTRICT_PERSONAS = {"district_admin", "program_manager", "supervisor"}


def _samples() -> dict:
    samples = {}
    for module in pkgutil.iter_modules(kinerja.__path__):
        try:
            found = importlib.import_module(f"kinerja.{module.name}.tests.samples")
        except ModuleNotFoundError:
            continue
        samples.update(found.URL_SAMPLES)
    return samples


SAMPLES = _samples()


def test_every_view_declares_who_may_use_it():
    undeclared = [r.name for r in ROUTES if r.roles is None and not r.is_public]
    assert undeclared == [], f"Wrap these views in role_required(...) or mark them @public: {undeclared}"


def test_matrix_is_not_empty():
    assert len(INTERNAL) >= 4


def _url(route, world, puskesmas) -> str:
    missing = [k for k in route.kwargs if k not in SAMPLES]
    assert not missing, f"{route.name}: add URL_SAMPLES for {missing} in the app's tests/samples.py"
    kwargs = {k: SAMPLES[k](world, puskesmas) for k in route.kwargs}
    return reverse(route.name, kwargs=kwargs)


def _get(client, url):
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    return response


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("route", INTERNAL, ids=lambda r: r.name)
def test_access(client, world, route, persona):
    user = world.personas[persona]
    if user is not None:
        client.force_login(user)
    own = _get(client, _url(route, world, world.a1))

    if user is None:
        assert own.status_code == 302 and own["Location"].startswith(reverse("accounts:login")), (
            own.status_code
        )
        return
    if persona not in route.roles:
        assert own.status_code == 403, f"{persona} must be refused {route.name}, got {own.status_code}"
        return
    assert own.status_code in (200, 302), f"{persona} must reach {route.name}, got {own.status_code}"
    if route.kwargs:
        others = [world.b1] if persona in DISTRICT_PERSONAS else [world.a2, world.b1]
        for other in others:
            response = _get(client, _url(route, world, other))
            assert response.status_code == 404, (
                f"{persona} must not reach {route.name} for {other}, got {response.status_code}"
            )
