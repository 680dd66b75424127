"""Open data downloads: /data-terbuka/ explains them; CSV and JSON of the published achievements and
of the data dictionary. Cached like the pages (a minute, under the content version)."""

import json

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kinerja.core.decorators import public
from kinerja.portal.cache import cached_text
from kinerja.portal.opendata import (
    DICTIONARY,
    achievement_rows,
    achievements_json,
    dictionary_rows,
    published_periods,
    to_csv,
)
from kinerja.portal.selectors import public_puskesmas
from kinerja.portal.views.public import _page

CSV_TYPE, JSON_TYPE = "text/csv; charset=utf-8", "application/json; charset=utf-8"


def _year(request: HttpRequest) -> int | None:
    raw = request.GET.get("tahun", "")
    return int(raw) if raw.isdigit() and len(raw) == 4 else None


def _download(text: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _page_body() -> str:
    periods = published_periods(puskesmas_ids=list(public_puskesmas().values_list("pk", flat=True)))
    years = sorted({year for year, _month in periods}, reverse=True)
    context = {"dictionary": DICTIONARY, "years": years, "periods": periods}
    return render_to_string("portal/open_data.html", context)


@public
@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    body = cached_text("open-data", build=_page_body)
    return _page(request, title=_("Data terbuka"), body=body)


@public
@require_safe
def achievements_csv(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    columns = [name for name, *_rest in DICTIONARY]
    text = cached_text("capaian.csv", year, build=lambda: to_csv(achievement_rows(year=year), columns))
    return _download(text, CSV_TYPE, f"capaian{'-' + str(year) if year else ''}.csv")


@public
@require_safe
def achievements_json_view(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    text = cached_text("capaian.json", year, build=lambda: achievements_json(achievement_rows(year=year)))
    return _download(text, JSON_TYPE, f"capaian{'-' + str(year) if year else ''}.json")


@public
@require_safe
def dictionary_csv(request: HttpRequest) -> HttpResponse:
    return _download(
        to_csv(dictionary_rows(), ["nama", "arti", "satuan", "contoh"]), CSV_TYPE, "kamus-data.csv"
    )


@public
@require_safe
def dictionary_json(request: HttpRequest) -> HttpResponse:
    return _download(
        json.dumps(dictionary_rows(), ensure_ascii=False, indent=1), JSON_TYPE, "kamus-data.json"
    )
