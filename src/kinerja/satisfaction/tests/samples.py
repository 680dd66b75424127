"""URL keyword samples for the access matrix (see accounts/tests/samples.py)."""

from django.utils import timezone


def _unit(world, puskesmas):
    from kinerja.satisfaction.services.survey import units_ensure_default

    return units_ensure_default(puskesmas=puskesmas)[0].pk


def _complaint(world, puskesmas):
    from kinerja.satisfaction.models import Complaint

    complaint = puskesmas.complaints.first()
    if complaint is None:
        complaint = Complaint.objects.create(
            puskesmas=puskesmas, category="lainnya", description="Contoh pengaduan uji", due_at=timezone.now()
        )
    return complaint.pk


URL_SAMPLES = {"unit_id": _unit, "complaint_id": _complaint}
