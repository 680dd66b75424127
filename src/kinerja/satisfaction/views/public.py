"""Public pages: the survey on a phone (QR link), the kiosk, complaints and their tracking."""

import json
import uuid
from datetime import datetime

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.core.decorators import public
from kinerja.core.errors import ApplicationError
from kinerja.facilities.models import Puskesmas
from kinerja.satisfaction.forms import ComplaintForm, SurveyForm, TrackForm
from kinerja.satisfaction.models import Response, ServiceUnit
from kinerja.satisfaction.services.complaints import complaint_file, complaint_track
from kinerja.satisfaction.services.survey import (
    DuplicateSubmission,
    RateLimited,
    Submission,
    device_fingerprint,
    rate_limit,
    version_current,
)
from kinerja.satisfaction.services.survey import response_submit as submit

DEVICE_COOKIE = "skm_perangkat"
COMPLAINTS_PER_IP = 10  # per 10 minutes
LOOKUPS_PER_IP = 60  # tracking codes are 10 hex characters; this keeps guessing hopeless


def _unit(slug: str, code: str) -> ServiceUnit:
    return get_object_or_404(
        ServiceUnit.objects.select_related("puskesmas"), puskesmas__slug=slug, code=code, active=True
    )


def _device(request: HttpRequest) -> tuple[str, bool]:
    raw = request.COOKIES.get(DEVICE_COOKIE, "")
    fresh = not raw
    return (raw or uuid.uuid4().hex), fresh


def _client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


def _with_device(response: HttpResponse, raw: str, fresh: bool) -> HttpResponse:
    if fresh:
        response.set_cookie(DEVICE_COOKIE, raw, max_age=3600 * 24 * 365 * 2, httponly=True, samesite="Lax")
    return response


@public
def survey_units(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = get_object_or_404(Puskesmas, slug=slug)
    units = puskesmas.survey_units.filter(active=True).order_by("name")
    return render(request, "satisfaction/public/units.html", {"puskesmas": puskesmas, "units": units})


@public
def survey(request: HttpRequest, slug: str, unit_code: str) -> HttpResponse:
    """The questionnaire on a phone: a plain form that works without JavaScript."""
    unit = _unit(slug, unit_code)
    version = version_current(puskesmas=unit.puskesmas)
    raw, fresh = _device(request)
    form = SurveyForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        submission = Submission(
            answers=form.answers(),
            age_group=data["age_group"],
            sex=data["sex"],
            education=data["education"],
            occupation=data["occupation"],
            comment=data["comment"],
        )
        try:
            submit(
                unit=unit,
                submission=submission,
                source=Response.Source.ONLINE,
                device=device_fingerprint(raw),
                ip=_client_ip(request),
            )
        except DuplicateSubmission:
            pass  # a double tap: the first one counted
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        if not form.errors:
            return _with_device(redirect("satisfaction_public:thanks", slug=slug), raw, fresh)
    context = {"unit": unit, "puskesmas": unit.puskesmas, "form": form, "version": version}
    return _with_device(render(request, "satisfaction/public/survey.html", context), raw, fresh)


@public
def kiosk(request: HttpRequest, slug: str, unit_code: str) -> HttpResponse:
    """Tablet mode at the exit: one question per screen, big buttons, resets itself, queues offline."""
    unit = _unit(slug, unit_code)
    version = version_current(puskesmas=unit.puskesmas)
    raw, fresh = _device(request)
    context = {
        "unit": unit,
        "puskesmas": unit.puskesmas,
        "form": SurveyForm(version=version),
        "version": version,
    }
    return _with_device(render(request, "satisfaction/public/kiosk.html", context), raw, fresh)


@public
@require_POST
def kiosk_submit(request: HttpRequest, slug: str, unit_code: str) -> JsonResponse:
    """Receive one queued kiosk answer (JSON). Resending the same `id` never counts twice."""
    unit = _unit(slug, unit_code)
    raw, fresh = _device(request)
    try:
        payload = json.loads(request.body or b"{}")
        submission = Submission(
            answers={int(k.lstrip("uU")): int(v) for k, v in payload.get("answers", {}).items()},
            age_group=str(payload.get("age_group", "")),
            sex=str(payload.get("sex", "")),
            education=str(payload.get("education", "")),
            occupation=str(payload.get("occupation", "")),
            comment=str(payload.get("comment", ""))[:1000],
            client_uuid=uuid.UUID(str(payload["id"])),
            answered_at=_parse_time(payload.get("answered_at")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse({"ok": False, "error": _("Data jawaban tidak terbaca.")}, status=400)
    try:
        response, created = submit(
            unit=unit,
            submission=submission,
            source=Response.Source.KIOSK,
            device=device_fingerprint(raw),
            ip=_client_ip(request),
        )
    except RateLimited as exc:
        return JsonResponse({"ok": False, "retry": True, "error": exc.message}, status=429)
    except DuplicateSubmission as exc:
        return JsonResponse({"ok": True, "duplicate": True, "message": exc.message}, status=200)
    except ApplicationError as exc:
        return JsonResponse({"ok": False, "error": exc.message}, status=400)
    return _with_device(
        JsonResponse({"ok": True, "created": created}, status=201 if created else 200), raw, fresh
    )


def _parse_time(value) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else None


@public
def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = get_object_or_404(Puskesmas, slug=slug)
    return render(request, "satisfaction/public/thanks.html", {"puskesmas": puskesmas})


@public
def complaint_start(request: HttpRequest) -> HttpResponse:
    """Choose the Puskesmas to complain about, or track an earlier complaint."""
    query = request.GET.get("q", "").strip()
    puskesmas = Puskesmas.objects.order_by("name")
    if query:
        puskesmas = puskesmas.filter(name__icontains=query)
    return render(
        request,
        "satisfaction/public/complaint_start.html",
        {"puskesmas": puskesmas[:100], "q": query, "track": TrackForm()},
    )


@public
def complaint_new(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = get_object_or_404(Puskesmas, slug=slug)
    form = ComplaintForm(request.POST or None, puskesmas=puskesmas)
    if request.method == "POST" and form.is_valid():
        try:
            rate_limit(key=f"complaint:{_client_ip(request)}", limit=COMPLAINTS_PER_IP)
            complaint = complaint_file(puskesmas=puskesmas, **form.cleaned_data)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            request.session["skm_new_complaint"] = complaint.tracking_code
            return redirect("satisfaction_public:complaint_filed")
    return render(request, "satisfaction/public/complaint_new.html", {"puskesmas": puskesmas, "form": form})


@public
def complaint_filed(request: HttpRequest) -> HttpResponse:
    """Shows the tracking code once: it is taken out of the session as it is displayed."""
    code = request.session.pop("skm_new_complaint", None)
    return render(request, "satisfaction/public/complaint_filed.html", {"code": code})


@public
def complaint_status(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    complaint = None
    searched = False
    if form.is_valid():
        searched = True
        try:
            rate_limit(key=f"track:{_client_ip(request)}", limit=LOOKUPS_PER_IP)
        except RateLimited as exc:
            form.add_error("code", exc.message)
            searched = False
        else:
            complaint = complaint_track(code=form.cleaned_data["code"])
    return render(
        request,
        "satisfaction/public/complaint_status.html",
        {"form": form, "complaint": complaint, "searched": searched},
    )
