from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.core.decorators import public
from kinerja.facilities.models import Puskesmas


@public
def home(request: HttpRequest) -> HttpResponse:
    puskesmas = Puskesmas.objects.select_related("subdistrict").order_by("name")
    return render(request, "portal/home.html", {"puskesmas_list": puskesmas})
