"""Helpers shared by the internal views: scoped fetching and the period chosen on the page."""

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kinerja.accounts.access import Role, effective_role, puskesmas_get
from kinerja.facilities.models import Puskesmas
from kinerja.satisfaction.formulas import (
    Period,
    period_containing,
    period_parse,
    period_range,
    period_semester,
    period_year,
)
from kinerja.satisfaction.models import Complaint, ServiceUnit

CONTACT_ROLES = {Role.PUSKESMAS_HEAD, Role.PUSKESMAS_OPERATOR, Role.DISTRICT_ADMIN}


def unit_get(*, user, slug: str, unit_id: int) -> tuple[Puskesmas, ServiceUnit]:
    puskesmas = puskesmas_get(user=user, slug=slug)
    return puskesmas, get_object_or_404(ServiceUnit, pk=unit_id, puskesmas=puskesmas)


def complaint_get(*, user, slug: str, complaint_id: int) -> tuple[Puskesmas, Complaint]:
    puskesmas = puskesmas_get(user=user, slug=slug)
    return puskesmas, get_object_or_404(
        Complaint.objects.select_related("unit"), pk=complaint_id, puskesmas=puskesmas
    )


def period_from_request(request: HttpRequest) -> Period:
    """?periode=2026-S1 | 2026, or ?dari=YYYY-MM-DD&sampai=YYYY-MM-DD; default the current semester."""
    start, end = request.GET.get("dari", ""), request.GET.get("sampai", "")
    try:
        if start and end:
            return period_range(date.fromisoformat(start), date.fromisoformat(end))
        if request.GET.get("periode"):
            return period_parse(request.GET["periode"])
    except ValueError:
        pass
    return period_containing(timezone.localdate())


def period_choices(today: date | None = None) -> list[Period]:
    """The last four semesters and the last two years, newest first, for the period menu."""
    today = today or timezone.localdate()
    choices = []
    for year in (today.year, today.year - 1):
        for half in (2, 1):
            period = period_semester(year, half)
            if period.start <= today:
                choices.append(period)
        choices.append(period_year(year))
    return choices


def sees_contact(user) -> bool:
    return effective_role(user) in CONTACT_ROLES
