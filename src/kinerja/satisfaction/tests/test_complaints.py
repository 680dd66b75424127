"""Complaints: filed publicly, tracked by code, moved along by the Puskesmas, contact kept private."""

import pytest
from django.urls import reverse

from kinerja.core.errors import ApplicationError
from kinerja.satisfaction.models import Complaint
from kinerja.satisfaction.selectors import complaint_stats
from kinerja.satisfaction.services.complaints import complaint_file, complaint_update


def _file(client, **overrides):
    data = {
        "category": "waktu_tunggu",
        "description": "Antre dua jam di loket pendaftaran.",
        "contact": "0812 555 0101",
    }
    data.update(overrides)
    return client.post(reverse("satisfaction_public:complaint_new", args=["alfa-satu"]), data)


def test_citizen_files_and_sees_code_once(client, world):
    response = _file(client)
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.puskesmas == world.a1 and complaint.status == "diterima"
    page = client.get(response["Location"]).content.decode()
    assert complaint.tracking_code in page
    assert complaint.tracking_code not in client.get(response["Location"]).content.decode()


def test_tracking_shows_answer_but_not_contact(client, world):
    complaint = complaint_file(
        puskesmas=world.a1,
        unit=None,
        category="biaya",
        description="Diminta bayar padahal BPJS.",
        contact="rahasia@contoh.id",
    )
    url = reverse("satisfaction_public:complaint_status") + f"?code={complaint.tracking_code.lower()}"
    page = client.get(url).content.decode()
    assert "Belum dijawab" in page and "rahasia@contoh.id" not in page
    complaint_update(
        actor=world.head, complaint=complaint, status="dijawab", answer="Biaya sudah dikembalikan."
    )
    page = client.get(url).content.decode()
    assert "Biaya sudah dikembalikan." in page and "Sudah dijawab" in page
    assert (
        "tidak ditemukan"
        in client.get(reverse("satisfaction_public:complaint_status") + "?code=ZZZ").content.decode()
    )


def test_status_flow(world):
    complaint = complaint_file(
        puskesmas=world.a1, unit=None, category="obat", description="Obat sering kosong bulan ini."
    )
    with pytest.raises(ApplicationError):
        complaint_update(actor=world.head, complaint=complaint, status="selesai")
    with pytest.raises(ApplicationError, match="Tulis jawaban"):
        complaint_update(actor=world.head, complaint=complaint, status="dijawab")
    complaint_update(
        actor=world.operator, complaint=complaint, status="diproses", note="Dicek ke gudang farmasi"
    )
    complaint_update(actor=world.head, complaint=complaint, status="dijawab", answer="Stok sudah datang.")
    complaint_update(actor=world.head, complaint=complaint, status="selesai")
    complaint.refresh_from_db()
    assert complaint.closed_at and complaint.answered_at and not complaint.is_overdue
    assert [e.status for e in complaint.events.all()] == ["diterima", "diproses", "dijawab", "selesai"]
    stats = complaint_stats(complaints=Complaint.objects.all())
    assert stats["answered"] == 1 and stats["on_time_percent"] == 100


def test_unit_must_belong_to_the_puskesmas(world):
    from kinerja.satisfaction.services.survey import units_ensure_default

    other = units_ensure_default(puskesmas=world.b1)[0]
    with pytest.raises(ApplicationError):
        complaint_file(
            puskesmas=world.a1, unit=other, category="lainnya", description="Unit dari Puskesmas lain."
        )


def test_only_the_head_answers(client, world):
    complaint = complaint_file(
        puskesmas=world.a1, unit=None, category="sarana", description="Toilet tidak bersih."
    )
    url = reverse("satisfaction:complaint_detail", args=["alfa-satu", complaint.pk])
    client.force_login(world.operator)
    client.post(url, {"status": "dijawab", "answer": "Sudah dibersihkan."})
    complaint.refresh_from_db()
    assert complaint.status == "diterima"
    client.force_login(world.head)
    client.post(url, {"status": "dijawab", "answer": "Sudah dibersihkan."})
    complaint.refresh_from_db()
    assert complaint.status == "dijawab" and complaint.answered_by == world.head


@pytest.mark.parametrize(
    "persona, sees",
    [
        ("head", True),
        ("operator", True),
        ("district_admin", True),
        ("supervisor", False),
        ("program_manager", False),
    ],
)
def test_contact_visible_only_to_authorised_staff(client, world, persona, sees):
    complaint = complaint_file(
        puskesmas=world.a1,
        unit=None,
        category="pelayanan",
        description="Petugas membentak pasien.",
        contact="0813 777 0000",
    )
    client.force_login(getattr(world, persona))
    page = client.get(
        reverse("satisfaction:complaint_detail", args=["alfa-satu", complaint.pk])
    ).content.decode()
    assert ("0813 777 0000" in page) is sees
    assert "Petugas membentak pasien." in page


def test_complaint_list_tracks_response_time(client, world):
    complaint_file(
        puskesmas=world.a1, unit=None, category="pelayanan", description="Tidak ada petugas di loket."
    )
    client.force_login(world.head)
    page = client.get(reverse("satisfaction:complaint_list", args=["alfa-satu"])).content.decode()
    assert "dijawab dalam target 5 hari" in page and "Tidak ada petugas" not in page
    assert Complaint.objects.get().tracking_code in page


def test_complaint_form_and_tracking_are_rate_limited(client, world, monkeypatch):
    from kinerja.satisfaction.views import public

    monkeypatch.setattr(public, "COMPLAINTS_PER_IP", 2)
    monkeypatch.setattr(public, "LOOKUPS_PER_IP", 2)
    assert [_file(client).status_code for _ in range(3)] == [302, 302, 200]
    assert Complaint.objects.count() == 2
    url = reverse("satisfaction_public:complaint_status") + "?code=ABC"
    pages = [client.get(url).content.decode() for _ in range(3)]
    assert "tidak ditemukan" in pages[1] and "Terlalu banyak" in pages[2]
