"""The public site: no login, only published content, cached for a minute per content version."""

from django.conf import settings
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.static import serve

from kinerja.core.decorators import public
from kinerja.facilities.models import Facility
from kinerja.facilities.selectors import puskesmas_network
from kinerja.portal.achievements import district_achievements, home_rows, puskesmas_achievements
from kinerja.portal.cache import cached_text
from kinerja.portal.mapping import place_labels, project
from kinerja.portal.models import Article
from kinerja.portal.selectors import (
    public_announcements,
    public_articles,
    public_districts,
    public_programmes,
    public_puskesmas,
)

MAP_WIDTH, MAP_HEIGHT, MAP_PADDING = 480, 440, 24
# The home lists every Puskesmas up to this many (a large regency has about 100); beyond it, as in a
# provincial or national installation, it lists the regencies and each has a page of its own.
HOME_LIST_LIMIT = 150


def _page(request: HttpRequest, *, title: str, body: str, description: str = "") -> HttpResponse:
    return render(request, "portal/page.html", {"title": title, "body": body, "description": description})


def district_name(puskesmas_list) -> str:
    if settings.KINERJA_DISTRICT_NAME:
        return settings.KINERJA_DISTRICT_NAME
    districts = {p.district for p in puskesmas_list}
    return districts.pop().label if len(districts) == 1 else ""


def map_markers(puskesmas_list) -> list[dict]:
    """Numbered markers (the number matches the list beside the map) with names where they fit."""
    numbered = [(n, p) for n, p in enumerate(puskesmas_list, start=1) if p.has_coordinates]
    points = project(
        [(float(p.latitude), float(p.longitude)) for _, p in numbered],
        width=MAP_WIDTH,
        height=MAP_HEIGHT,
        padding=MAP_PADDING,
    )
    labels = place_labels(
        points, [p.name for _, p in numbered], width=MAP_WIDTH, height=MAP_HEIGHT, font_px=16, radius=11
    )
    return [
        {"number": n, "puskesmas": p, "x": point.x, "y": point.y, "label": label}
        for (n, p), point, label in zip(numbered, points, labels, strict=True)
    ]


def _overview(puskesmas_list: list, *, name: str) -> dict:
    """The achievements, list and map of a set of Puskesmas (a district, or a small installation)."""
    district = district_achievements(puskesmas_list=puskesmas_list)
    home_rows(puskesmas_list=puskesmas_list, district=district)
    return {
        "district": district,
        "district_name": name,
        "puskesmas_list": puskesmas_list,
        "markers": map_markers(puskesmas_list),
        "map_width": MAP_WIDTH,
        "map_height": MAP_HEIGHT,
    }


def _by_province(districts: list) -> list[dict]:
    provinces: dict[int, dict] = {}
    for region in districts:
        entry = provinces.setdefault(region.parent_id, {"province": region.parent, "districts": []})
        entry["districts"].append(region)
    return list(provinces.values())


def _home_body() -> str:
    now = timezone.now()
    districts = list(public_districts())
    context = {
        "articles": public_articles(now=now)[:6],
        "provinces": _by_province(districts) if len(districts) > 1 else [],
        "total": sum(region.puskesmas_count for region in districts),
    }
    if context["total"] > HOME_LIST_LIMIT:  # a province or the country: citizens pick their regency,
        context["district_count"] = len(districts)  # whose page has its Dinas' programmes and notices
        return render_to_string("portal/home_districts.html", context)
    puskesmas_list = list(public_puskesmas())
    context.update(
        _overview(puskesmas_list, name=district_name(puskesmas_list)),
        programmes=public_programmes(now=now).filter(puskesmas__isnull=True)[:4],
        announcements=public_announcements(now=now).filter(puskesmas__isnull=True)[:3],
    )
    return render_to_string("portal/home.html", context)


@public
def home(request: HttpRequest) -> HttpResponse:
    body = cached_text("home", build=_home_body)
    return _page(request, title=_("Kinerja Puskesmas"), body=body)


def _district_body(region) -> str:
    now = timezone.now()
    context = {
        "articles": public_articles(now=now).filter(district=region)[:6],
        "programmes": public_programmes(now=now).of_district(region)[:4],
        "announcements": public_announcements(now=now).of_district(region)[:3],
        **_overview(list(public_puskesmas().filter(district=region)), name=region.label),
    }
    return render_to_string("portal/home.html", context)


@public
def district_page(request: HttpRequest, district_code: str) -> HttpResponse:
    region = get_object_or_404(public_districts(), code=district_code)
    body = cached_text("district", region.pk, build=lambda: _district_body(region))
    return _page(request, title=_("Kinerja Puskesmas %(district)s") % {"district": region.label}, body=body)


# Practices named after a person (a doctor's or midwife's own practice): the portal shows how many
# there are, not who, so no personal names reach the public site.
PERSONAL_PRACTICES = {Facility.Kind.DOCTOR, Facility.Kind.DENTIST, Facility.Kind.MIDWIFE}


def public_network(puskesmas) -> list[dict]:
    """The Puskesmas' network for citizens: names of institutions, only counts of personal practices."""
    groups = []
    for label, facilities in puskesmas_network(puskesmas=puskesmas).items():
        active = [f for f in facilities if f.active]
        if not active:
            continue
        named = active[0].kind not in PERSONAL_PRACTICES
        groups.append({"label": label, "count": len(active), "facilities": active if named else []})
    return groups


def _puskesmas_body(puskesmas) -> str:
    now = timezone.now()
    network = public_network(puskesmas)
    context = {
        "puskesmas": puskesmas,
        "achievements": puskesmas_achievements(puskesmas=puskesmas),
        "services": puskesmas.services.all(),
        "hours": [line for line in puskesmas.opening_hours.splitlines() if line.strip()],
        "network": network,
        "villages": puskesmas.catchment_villages.order_by("name"),
        "programmes": public_programmes(now=now)
        .for_puskesmas_page(puskesmas)
        .order_by(F("puskesmas").asc(nulls_last=True), "kind", "title"),
        "announcements": public_announcements(now=now).for_puskesmas_page(puskesmas)[:5],
        "articles": public_articles(now=now).for_puskesmas_page(puskesmas)[:6],
    }
    return render_to_string("portal/puskesmas.html", context)


@public
def puskesmas_page(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = get_object_or_404(public_puskesmas(), slug=slug)
    body = cached_text("puskesmas", puskesmas.pk, build=lambda: _puskesmas_body(puskesmas))
    return _page(request, title=str(puskesmas), body=body)


def _article_list_body(category: str) -> str:
    articles = public_articles()
    if category:
        articles = articles.filter(category=category)
    context = {"articles": articles[:60], "categories": Article.Category.choices, "category": category}
    return render_to_string("portal/article_list.html", context)


@public
def article_list(request: HttpRequest) -> HttpResponse:
    category = request.GET.get("kategori", "")
    if category not in Article.Category.values:
        category = ""
    body = cached_text("articles", category, build=lambda: _article_list_body(category))
    return _page(request, title=_("Artikel edukasi kesehatan"), body=body)


def _article_body(article: Article) -> str:
    related = public_articles().filter(category=article.category).exclude(pk=article.pk)[:3]
    return render_to_string("portal/article.html", {"article": article, "related": related})


@public
def article_page(request: HttpRequest, article_slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.published().select_related("puskesmas"), slug=article_slug)
    body = cached_text("article", article.pk, build=lambda: _article_body(article))
    return _page(request, title=article.title, body=body, description=article.summary)


@public
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images in development and small installations; in production the web server
    serves MEDIA_ROOT itself."""
    if settings.PRODUCTION:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response
