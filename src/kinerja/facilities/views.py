from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.accounts.access import (
    DISTRICT_ROLES,
    PUSKESMAS_ROLES,
    puskesmas_get,
    puskesmas_in_scope,
    role_required,
)
from kinerja.facilities.selectors import puskesmas_catchment, puskesmas_network, puskesmas_overview


@role_required(*DISTRICT_ROLES)
def puskesmas_list(request: HttpRequest) -> HttpResponse:
    overview = puskesmas_overview(puskesmas=puskesmas_in_scope(user=request.user))
    return render(request, "facilities/puskesmas_list.html", {"overview": overview})


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def puskesmas_detail(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    context = {
        "puskesmas": puskesmas,
        "overview": puskesmas_overview(
            puskesmas=puskesmas_in_scope(user=request.user).filter(pk=puskesmas.pk)
        )[0],
        "network": puskesmas_network(puskesmas=puskesmas),
        "catchment": puskesmas_catchment(puskesmas=puskesmas),
        "services": puskesmas.services.all(),
    }
    return render(request, "facilities/puskesmas_detail.html", context)
