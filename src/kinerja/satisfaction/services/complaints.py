"""Complaints (pengaduan): filing with a tracking code, the status flow and answers."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log
from kinerja.facilities.models import Puskesmas
from kinerja.satisfaction.models import Complaint, ComplaintEvent, ServiceUnit

# Days within which a complaint should be answered; each complaint stores its own due time, so a
# later change of the target never rewrites older complaints.
TARGET_DAYS = 5

Status = Complaint.Status
NEXT = {
    Status.RECEIVED: {Status.IN_PROGRESS, Status.ANSWERED},
    Status.IN_PROGRESS: {Status.ANSWERED},
    Status.ANSWERED: {Status.CLOSED, Status.IN_PROGRESS},
    Status.CLOSED: set(),
}


@transaction.atomic
def complaint_file(
    *,
    puskesmas: Puskesmas,
    unit: ServiceUnit | None,
    category: str,
    description: str,
    contact_name: str = "",
    contact: str = "",
) -> Complaint:
    """A citizen files a complaint. The tracking code is shown to them once."""
    if unit is not None and unit.puskesmas_id != puskesmas.pk:
        raise ApplicationError(_("Unit layanan itu bukan milik Puskesmas yang dipilih."))
    if len(description.strip()) < 10:
        raise ApplicationError(_("Ceritakan pengaduan Anda minimal dalam satu kalimat (10 huruf)."))
    now = timezone.now()
    complaint = Complaint.objects.create(
        puskesmas=puskesmas,
        unit=unit,
        category=category,
        description=description.strip(),
        contact_name=contact_name.strip(),
        contact=contact.strip(),
        received_at=now,
        due_at=now + timedelta(days=TARGET_DAYS),
    )
    ComplaintEvent.objects.create(complaint=complaint, at=now, status=Status.RECEIVED)
    return complaint


def complaint_track(*, code: str) -> Complaint | None:
    code = code.strip().upper().replace(" ", "").replace("-", "")
    if not code:
        return None
    return Complaint.objects.select_related("puskesmas", "unit").filter(tracking_code=code).first()


@transaction.atomic
def complaint_update(
    *, actor, complaint: Complaint, status: str, answer: str = "", note: str = ""
) -> Complaint:
    """Move a complaint along received -> in progress -> answered -> closed; answering needs an answer."""
    if status not in NEXT.get(complaint.status, set()) and not (status == complaint.status and answer):
        raise ApplicationError(
            _("Status tidak bisa berubah dari '%(old)s' ke '%(new)s'.")
            % {"old": complaint.get_status_display(), "new": Status(status).label}
        )
    answer = answer.strip()
    if status == Status.ANSWERED and not (answer or complaint.answer):
        raise ApplicationError(_("Tulis jawaban untuk pelapor sebelum menandai pengaduan sudah dijawab."))
    old = {"status": complaint.status, "answer": complaint.answer}
    now = timezone.now()
    complaint.status = status
    if answer:
        complaint.answer = answer
        complaint.answered_by = actor
        if complaint.answered_at is None:
            complaint.answered_at = now
    if status == Status.CLOSED:
        complaint.closed_at = now
    complaint.save()
    ComplaintEvent.objects.create(
        complaint=complaint, at=now, actor=actor, status=status, note=note.strip() or answer
    )
    audit_log(
        actor=actor,
        action="skm.complaint.updated",
        obj=complaint,
        changes={
            "status": [old["status"], status],
            **({"answer": [old["answer"], answer]} if answer else {}),
        },
    )
    return complaint
