"""Answers from the kiosk and the phone: counted once, floods refused, offline resends idempotent."""

import json
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.satisfaction.models import Response
from kinerja.satisfaction.services import survey
from kinerja.satisfaction.services.survey import units_ensure_default

ALL_FOUR = {f"u{n}": 4 for n in range(1, 10)}


@pytest.fixture
def unit(world):
    return units_ensure_default(puskesmas=world.a1)[1]


def _send(client, unit, **overrides):
    payload = {"id": str(uuid.uuid4()), "answers": ALL_FOUR, "age_group": "20-29", "sex": "L", "comment": ""}
    payload.update(overrides)
    url = reverse("satisfaction_public:kiosk_submit", args=[unit.puskesmas.slug, unit.code])
    return client.post(url, json.dumps(payload), content_type="application/json")


def test_kiosk_answer_is_counted(client, unit):
    response = _send(client, unit, sex="P", education="sma", comment="Ramah")
    assert response.status_code == 201, response.content
    stored = Response.objects.get()
    assert stored.source == "kios" and stored.unit == unit and stored.sex == "P" and stored.comment == "Ramah"
    assert stored.answers.count() == 9 and stored.device
    assert "skm_perangkat" in response.cookies


def test_resending_the_same_uuid_counts_once(client, unit):
    same = str(uuid.uuid4())
    assert _send(client, unit, id=same).status_code == 201
    again = _send(client, unit, id=same)
    assert again.status_code == 200 and again.json()["created"] is False
    assert Response.objects.count() == 1


def test_queued_answers_keep_their_own_time(client, unit):
    """After a network drop the queue is resent at once: different patients, identical answers, all counted."""
    base = timezone.now() - timedelta(minutes=20)
    for i in range(3):
        at = (base + timedelta(minutes=i)).isoformat()
        assert _send(client, unit, answered_at=at).status_code == 201
    assert Response.objects.count() == 3
    assert Response.objects.order_by("received_at").first().received_at == base


def test_double_tap_within_seconds_is_refused(client, unit):
    now = timezone.now().isoformat()
    assert _send(client, unit, answered_at=now).status_code == 201
    duplicate = _send(client, unit, answered_at=now)
    assert duplicate.json()["duplicate"] is True
    assert Response.objects.count() == 1


def test_flood_from_one_device_is_limited(client, unit, monkeypatch):
    monkeypatch.setattr(survey, "RATE_LIMIT_PER_DEVICE", 3)
    base = timezone.now() - timedelta(hours=1)
    codes = [
        _send(client, unit, answered_at=(base + timedelta(minutes=i)).isoformat()).status_code
        for i in range(5)
    ]
    assert codes == [201, 201, 201, 429, 429]
    assert Response.objects.count() == 3


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"answers": {**ALL_FOUR, "u3": 5}}, "U3: nilai 5 tidak sah"),
        ({"answers": {"u1": 4}}, "Mohon jawab semua pertanyaan"),
        ({"sex": "X"}, "tidak dikenal"),
        ({"id": "bukan-uuid"}, "tidak terbaca"),
    ],
)
def test_bad_kiosk_payload(client, unit, overrides, message):
    response = _send(client, unit, **overrides)
    assert response.status_code == 400 and message in response.json()["error"]
    assert Response.objects.count() == 0


def test_kiosk_page_and_inactive_unit(client, unit):
    page = client.get(reverse("satisfaction_public:kiosk", args=["alfa-satu", unit.code])).content.decode()
    assert "kesesuaian persyaratan pelayanan" in page and "Sangat sesuai" in page and "kiosk.js" in page
    unit.active = False
    unit.save()
    assert client.get(reverse("satisfaction_public:kiosk", args=["alfa-satu", unit.code])).status_code == 404


def test_phone_survey_form(client, unit):
    url = reverse("satisfaction_public:survey", args=["alfa-satu", unit.code])
    page = client.get(url).content.decode()
    assert "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif" in page and "Gratis" in page
    incomplete = client.post(url, {"u1": "4", "age_group": "20-29", "sex": "L"})
    assert incomplete.status_code == 200 and Response.objects.count() == 0
    data = {
        **{k: str(v) for k, v in ALL_FOUR.items()},
        "age_group": "60+",
        "sex": "P",
        "occupation": "petani",
    }
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"].endswith("/survei/alfa-satu/terima-kasih/")
    stored = Response.objects.get()
    assert stored.source == "daring" and stored.age_group == "60+" and stored.occupation == "petani"
    assert client.get(response["Location"]).status_code == 200


def test_public_unit_choice(client, unit):
    page = client.get(reverse("satisfaction_public:survey_units", args=["alfa-satu"])).content.decode()
    assert f"/survei/alfa-satu/{unit.code}/" in page
