"""District screens: the Puskesmas x programme dashboard, completeness and timeliness, one indicator
across Puskesmas, and the catalogue (edited by the district administrator and programme managers)."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.accounts.access import DISTRICT_ROLES, Role, effective_role, puskesmas_in_scope, role_required
from kinerja.core.errors import ApplicationError
from kinerja.indicators import catalogue, selectors
from kinerja.indicators import formulas as f
from kinerja.indicators.charts import trend_svg
from kinerja.indicators.models import FrameworkVersion, Indicator, Node
from kinerja.indicators.scoring import Scorecard, monthly_trend, scorecard
from kinerja.indicators.services import indicator_target_set, month_name
from kinerja.indicators.views import FRAMEWORKS, _framework, _year

CATALOGUE_ROLES = (Role.DISTRICT_ADMIN, Role.PROGRAM_MANAGER)


def _month(request: HttpRequest, year: int) -> int:
    today = timezone.localdate()
    default = 12 if year < today.year else max(1, today.month - 1)
    try:
        month = int(request.GET.get("bulan", default))
    except ValueError:
        return default
    return month if 1 <= month <= 12 else default


def programme_nodes(nodes: list[Node]) -> list[Node]:
    """The dashboard's columns: the topmost node of each programme (or each top node without one)."""
    by_id = {n.pk: n for n in nodes}
    columns = []
    for node in nodes:
        parent = by_id.get(node.parent_id)
        if node.programme and (parent is None or parent.programme != node.programme):
            columns.append(node)
    return columns


def _matrix(card: Scorecard) -> tuple[list[Node], list[dict]]:
    columns = programme_nodes(list(card.version.nodes.order_by("order")))
    rows = [{"row": row, "cells": [row.node(c.code) for c in columns]} for row in card.rows]
    return columns, rows


@role_required(*DISTRICT_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every Puskesmas x programme, coloured by category, ranked; click through to the indicators."""
    year, framework = _year(request), _framework(request)
    month = _month(request, year)
    puskesmas = list(puskesmas_in_scope(user=request.user))
    context = {"year": year, "month": month, "month_name": month_name(month), "framework": framework}
    context.update(frameworks=FRAMEWORKS, months=[(m, month_name(m)) for m in range(1, 13)])
    try:
        card = scorecard(puskesmas_ids=[p.pk for p in puskesmas], year=year, month=month, framework=framework)
    except ApplicationError as exc:
        context["card_error"] = exc.message
    else:
        columns, rows = _matrix(card)
        context.update(card=card, columns=columns, rows=rows)
        _, total = selectors.completeness(puskesmas=puskesmas, year=year)
        context["completeness_total"] = total
        scored = [r.overall for r in card.rows if r.overall is not None]
        context["district_mean"] = sum(scored) / len(scored) if scored else None
        context["chart"] = _district_chart(card, framework)
    return render(request, "indicators/dashboard.html", context)


def _district_chart(card: Scorecard, framework: str) -> str:
    """Monthly trend of the district mean and of the best and the lowest Puskesmas of the month."""
    ids = [row.puskesmas.pk for row in card.rows]
    trend = monthly_trend(puskesmas_ids=ids, year=card.year, framework=framework, upto=card.month)
    mean = [f.mean(series[i] for series in trend.values()) for i in range(card.month)]
    lines = {_("Rata-rata kabupaten"): mean}
    scored = [row for row in card.rows if row.overall is not None]
    if len(scored) > 1:
        for row in (scored[0], scored[-1]):
            lines[row.puskesmas.name] = trend[row.puskesmas.pk]
    target = None if card.is_spm else float(card.version.good_min)
    return trend_svg(lines, target=target, target_label=_("Batas Baik"), months=card.month)


@role_required(*DISTRICT_ROLES)
def completeness_page(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    puskesmas = list(puskesmas_in_scope(user=request.user))
    rows, total = selectors.completeness(puskesmas=puskesmas, year=year)
    months = [(m, month_name(m)[:3]) for m in range(1, 13)]
    return render(
        request,
        "indicators/completeness.html",
        {"year": year, "rows": rows, "total": total, "months": months},
    )


@role_required(*DISTRICT_ROLES)
def compare(request: HttpRequest) -> HttpResponse:
    """One indicator across every Puskesmas in scope, with the district's monthly trend."""
    year, framework = _year(request), _framework(request)
    month = _month(request, year)
    puskesmas = list(puskesmas_in_scope(user=request.user))
    ids = [p.pk for p in puskesmas]
    try:
        card = scorecard(puskesmas_ids=ids, year=year, month=month, framework=framework)
    except ApplicationError as exc:
        return render(request, "indicators/compare.html", {"card_error": exc.message, "year": year})
    indicators = list(card.version.indicators.order_by("order"))
    code = request.GET.get("indikator") or (indicators[0].code if indicators else "")
    indicator = next((i for i in indicators if i.code == code), None)
    results = []
    if indicator:
        results = sorted(
            ((row, row.indicators[code]) for row in card.rows),
            key=lambda pair: (pair[1].result is None, -(pair[1].result or 0)),
        )
    chart = ""
    if indicator and len(ids) <= 20:
        trend = monthly_trend(
            puskesmas_ids=ids, year=year, framework=framework, indicator_code=code, upto=month
        )
        names = {p.pk: p.name for p in puskesmas}
        high = float(indicator.target_high) if indicator.target_high is not None else None
        lines = {names[pid]: s for pid, s in trend.items()}
        chart = trend_svg(lines, target=float(indicator.target), target_high=high, months=month)
    context = {
        "year": year,
        "month": month,
        "month_name": month_name(month),
        "framework": framework,
        "frameworks": FRAMEWORKS,
        "months": [(m, month_name(m)) for m in range(1, 13)],
        "indicators": indicators,
        "indicator": indicator,
        "results": results,
        "chart": chart,
    }
    return render(request, "indicators/compare.html", context)


def _may_edit(user, indicator: Indicator) -> bool:
    role = effective_role(user)
    if role == Role.DISTRICT_ADMIN:
        return True
    return role == Role.PROGRAM_MANAGER and bool(user.program) and indicator.node.programme == user.program


@role_required(*DISTRICT_ROLES)
def catalogue_page(request: HttpRequest) -> HttpResponse:
    """The catalogue by framework version; ?indikator=<id> opens an indicator's edit form."""
    versions = list(selectors.versions())
    version_id = request.GET.get("versi")
    version = next((v for v in versions if str(v.pk) == version_id), versions[0] if versions else None)
    editing = None
    if request.GET.get("indikator", "").isdigit():
        editing = get_object_or_404(
            Indicator.objects.select_related("node"), pk=int(request.GET["indikator"])
        )
        version = next((v for v in versions if v.pk == editing.version_id), version)
    if request.method == "POST":
        return _catalogue_post(request, editing)
    context = {
        "versions": versions,
        "version": version,
        "nodes": _catalogue_nodes(version),
        "editing": editing,
        "may_edit": editing is not None and _may_edit(request.user, editing),
        "year": _year(request),
        "role": effective_role(request.user),
        "polarities": Indicator.Polarity.choices,
    }
    return render(request, "indicators/catalogue.html", context)


def _catalogue_nodes(version: FrameworkVersion | None) -> list[Node]:
    if version is None:
        return []
    indicators = Indicator.objects.select_related("numerator", "denominator_element", "denominator_group")
    return list(version.nodes.prefetch_related(Prefetch("indicators", queryset=indicators)).order_by("order"))


def _decimal(raw: str) -> Decimal | None:
    raw = (raw or "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ApplicationError(f"'{raw}' bukan angka. Tulis misalnya 85 atau 92,5.") from None


def _catalogue_post(request: HttpRequest, editing: Indicator | None) -> HttpResponse:
    user = request.user
    try:
        if request.POST.get("action") == "copy":
            if effective_role(user) != Role.DISTRICT_ADMIN:
                raise PermissionDenied
            version = get_object_or_404(FrameworkVersion, pk=request.POST.get("version"))
            copy = catalogue.framework_version_copy(
                user=user,
                version=version,
                new_version=request.POST.get("new_version", "").strip(),
                valid_from_year=int(request.POST.get("year")),
                valid_from_month=int(request.POST.get("month") or 1),
            )
            messages.success(request, _("Versi baru %(v)s dibuat.") % {"v": copy})
            return redirect(f"{request.path}?versi={copy.pk}")
        if editing is None or not _may_edit(user, editing):
            raise PermissionDenied
        if request.POST.get("action") == "year_target":
            indicator_target_set(
                user=user,
                indicator=editing,
                year=int(request.POST.get("year")),
                target=_decimal(request.POST.get("target")) or Decimal(0),
                target_high=_decimal(request.POST.get("target_high")),
            )
        else:
            data = {
                "name": request.POST.get("name", editing.name).strip() or editing.name,
                "target": _decimal(request.POST.get("target")) or editing.target,
                "target_high": _decimal(request.POST.get("target_high")),
                "polarity": request.POST.get("polarity", editing.polarity),
                "description": request.POST.get("description", editing.description),
            }
            catalogue.indicator_update(user=user, indicator=editing, data=data)
        messages.success(request, _("Katalog tersimpan."))
    except (ApplicationError, ValueError) as exc:
        messages.error(request, getattr(exc, "message", _("Isian tidak lengkap: periksa tahun dan bulan.")))
    query = f"?indikator={editing.pk}" if editing else ""
    return redirect(f"{request.path}{query}")
