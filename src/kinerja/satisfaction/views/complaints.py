"""Internal complaint pages: the list with response-time tracking, and one complaint with its status flow."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja.accounts.access import (
    DISTRICT_ROLES,
    PUSKESMAS_ROLES,
    Role,
    effective_role,
    puskesmas_get,
    role_required,
)
from kinerja.core.errors import ApplicationError
from kinerja.satisfaction import selectors
from kinerja.satisfaction.forms import ComplaintUpdateForm
from kinerja.satisfaction.models import Complaint
from kinerja.satisfaction.services.complaints import TARGET_DAYS, complaint_update
from kinerja.satisfaction.views.common import complaint_get, sees_contact


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def complaint_list(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    status = request.GET.get("status", "")
    if status not in Complaint.Status.values:
        status = ""
    complaints = selectors.complaint_list(puskesmas=puskesmas, status=status)
    context = {
        "puskesmas": puskesmas,
        "complaints": complaints[:200],
        "stats": selectors.complaint_stats(complaints=selectors.complaint_list(puskesmas=puskesmas)),
        "status": status,
        "statuses": Complaint.Status.choices,
        "target_days": TARGET_DAYS,
    }
    return render(request, "satisfaction/complaint_list.html", context)


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def complaint_detail(request: HttpRequest, slug: str, complaint_id: int) -> HttpResponse:
    """One complaint. Its staff move it along; only the head answers or closes it."""
    puskesmas, complaint = complaint_get(user=request.user, slug=slug, complaint_id=complaint_id)
    role = effective_role(request.user)
    can_update = role in PUSKESMAS_ROLES
    form = ComplaintUpdateForm(
        request.POST or None, initial={"status": complaint.status, "answer": complaint.answer}
    )
    if request.method == "POST" and can_update and form.is_valid():
        data = form.cleaned_data
        try:
            if (
                data["status"] in (Complaint.Status.ANSWERED, Complaint.Status.CLOSED)
                and role != Role.PUSKESMAS_HEAD
            ):
                raise ApplicationError(_("Hanya Kepala Puskesmas yang menjawab dan menutup pengaduan."))
            complaint_update(
                actor=request.user,
                complaint=complaint,
                status=data["status"],
                answer=data["answer"],
                note=data["note"],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Pengaduan diperbarui."))
        return redirect("satisfaction:complaint_detail", slug=slug, complaint_id=complaint.pk)
    context = {
        "puskesmas": puskesmas,
        "complaint": complaint,
        "events": complaint.events.select_related("actor"),
        "form": form,
        "can_update": can_update,
        "sees_contact": sees_contact(request.user),
    }
    return render(request, "satisfaction/complaint_detail.html", context)
