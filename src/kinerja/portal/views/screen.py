"""The waiting-room screen (/layar/<slug>/) and the playlist it polls."""

import json

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from kinerja.core.decorators import public
from kinerja.portal.cache import cached_text
from kinerja.portal.playlist import screen_playlist
from kinerja.portal.selectors import public_puskesmas


def _playlist_text(puskesmas) -> str:
    return cached_text(
        "playlist",
        puskesmas.pk,
        build=lambda: json.dumps(screen_playlist(puskesmas=puskesmas), ensure_ascii=False),
    )


@public
@require_safe
def screen(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = get_object_or_404(public_puskesmas(), slug=slug)
    playlist = json.loads(_playlist_text(puskesmas))
    response = render(request, "portal/screen.html", {"puskesmas": puskesmas, "playlist": playlist})
    response["Cache-Control"] = "no-cache"
    return response


@public
@require_safe
def playlist(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = get_object_or_404(public_puskesmas(), slug=slug)
    text = _playlist_text(puskesmas)
    etag = '"{}"'.format(json.loads(text)["version"])
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response
