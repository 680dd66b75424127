"""Monthly reports: the Puskesmas page, the grid that saves each cell as it is typed, the workflow,
targets and the drill-down to one number's history. District screens are in views_district.py."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.accounts.access import (
    ALL_ROLES,
    DISTRICT_ROLES,
    PUSKESMAS_ROLES,
    Role,
    can_edit_puskesmas,
    effective_role,
    puskesmas_get,
    role_required,
)
from kinerja.core.errors import ApplicationError
from kinerja.indicators import selectors, services
from kinerja.indicators import validation as v
from kinerja.indicators.charts import trend_svg
from kinerja.indicators.models import DataElement, Indicator, Report, Target, TargetGroup, Value
from kinerja.indicators.scoring import monthly_trend, scorecard
from kinerja.indicators.sentences import achievement_sentences

EDIT_ROLES = (*PUSKESMAS_ROLES, Role.DISTRICT_ADMIN)
TARGET_ROLES = (Role.DISTRICT_ADMIN, Role.PROGRAM_MANAGER)
FRAMEWORKS = (("pkp", "PKP"), ("spm", "SPM"), ("ilp", "Klaster ILP"))


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("tahun", ""))
    except ValueError:
        return timezone.localdate().year


def _framework(request: HttpRequest) -> str:
    code = request.GET.get("kerangka", "pkp")
    return code if code in dict(FRAMEWORKS) else "pkp"


@role_required(*ALL_ROLES)
def puskesmas_page(request: HttpRequest, slug: str) -> HttpResponse:
    """One Puskesmas: this year's reports (due, done, late) and its scores with sentences."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    year, framework = _year(request), _framework(request)
    today = timezone.localdate()
    month = 12 if year < today.year else max(1, today.month - 1)
    slots = selectors.report_slots(puskesmas=[puskesmas], year=year, today=today)[puskesmas.pk]
    context = {"puskesmas": puskesmas, "year": year, "month": month, "slots": slots, "frameworks": FRAMEWORKS}
    context["framework"] = framework
    try:
        card = scorecard(puskesmas_ids=[puskesmas.pk], year=year, month=month, framework=framework)
    except ApplicationError as exc:
        context["card_error"] = exc.message
    else:
        context.update(
            card=card, row=card.rows[0], sentences=achievement_sentences(card, puskesmas_id=puskesmas.pk)
        )
        trend = monthly_trend(puskesmas_ids=[puskesmas.pk], year=year, framework=framework, upto=month)
        target = None if card.is_spm else float(card.version.good_min)
        context["chart"] = trend_svg(
            {puskesmas.name: trend[puskesmas.pk]}, target=target, target_label=_("Batas Baik"), months=month
        )
    return render(request, "indicators/puskesmas.html", context)


def _grid_context(request, puskesmas, year, month, report, errors=None):
    elements = selectors.grid_elements()
    values = services.report_values(report=report) if report else {}
    issues = services.report_issues(report=report) if report else []
    by_element: dict[str, list[v.Issue]] = {}
    for issue in issues:
        by_element.setdefault(issue.element, []).append(issue)
    started = datetime.date(year, month, 1) <= timezone.localdate()
    editable = (
        started
        and can_edit_puskesmas(user=request.user, puskesmas=puskesmas)
        and not (report and report.is_locked)
    )
    rows, programme = [], None
    for element in elements:
        rows.append(
            {
                "element": element,
                "value": values.get(element.code),
                "issues": by_element.get(element.code, []),
                "error": (errors or {}).get(element.code),
                "heading": element.programme if element.programme != programme else None,
            }
        )
        programme = element.programme
    return {
        "puskesmas": puskesmas,
        "year": year,
        "month": month,
        "month_name": services.month_name(month),
        "report": report,
        "rows": rows,
        "issues": issues,
        "has_errors": any(i.severity == v.ERROR for i in issues),
        "editable": editable,
        "role": effective_role(request.user),
        "started": started,
    }


@role_required(*ALL_ROLES)
def report_grid(request: HttpRequest, slug: str, year: int, month: int) -> HttpResponse:
    """The month's figures. With htmx each cell is saved as it is typed; without, the whole form."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    if not 1 <= month <= 12:
        raise Http404
    report = Report.objects.filter(puskesmas=puskesmas, year=year, month=month).first()
    errors = None
    if request.method == "POST":
        if not can_edit_puskesmas(user=request.user, puskesmas=puskesmas):
            raise PermissionDenied
        try:
            report = report or services.report_get_or_create(puskesmas=puskesmas, year=year, month=month)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return redirect("indicators:report_grid", slug=slug, year=year, month=month)
        errors = _save_form(request, report)
        if not errors:
            messages.success(request, _("Angka laporan tersimpan."))
            return redirect("indicators:report_grid", slug=slug, year=year, month=month)
    return render(
        request, "indicators/report_grid.html", _grid_context(request, puskesmas, year, month, report, errors)
    )


def _save_form(request: HttpRequest, report: Report) -> dict[str, str]:
    """Parse every cell; store the valid ones; return the messages of the invalid ones."""
    values, errors = {}, {}
    for element in selectors.grid_elements():
        field = f"e-{element.code}"
        if field not in request.POST:
            continue
        spec = v.ElementSpec(element.code, element.name, tuple(element.allowed_values or ()))
        value, error = v.parse_cell(request.POST[field], spec)
        if error:
            errors[element.code] = error
        else:
            values[element.code] = value
    try:
        services.report_values_set(user=request.user, report=report, values=values)
    except ApplicationError as exc:
        errors[""] = exc.message
    return errors


@role_required(*EDIT_ROLES)
def report_cell(request: HttpRequest, slug: str, year: int, month: int, element_id: int) -> HttpResponse:
    """htmx: save one cell and return it with its message, plus the report's issues out of band."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    if request.method != "POST":
        return redirect("indicators:report_grid", slug=slug, year=year, month=month)
    if not can_edit_puskesmas(user=request.user, puskesmas=puskesmas):
        raise PermissionDenied
    element = get_object_or_404(DataElement, pk=element_id, active=True)
    try:
        report = services.report_get_or_create(puskesmas=puskesmas, year=year, month=month)
    except ApplicationError as exc:
        return render(request, "indicators/_cell.html", {"row": {"element": element, "error": exc.message}})
    raw = request.POST.get(f"e-{element.code}", "")
    try:
        result = services.value_record(user=request.user, report=report, element=element, raw=raw)
    except ApplicationError as exc:
        result = services.CellResult(element, None, exc.message)
    issues = services.report_issues(report=report)
    values = services.report_values(report=report)
    partners = {r.other for r in services.rule_specs() if r.element == element.code and r.other} | {
        r.element for r in services.rule_specs() if r.other == element.code and r.element
    }
    related = [
        {"element": e, "value": values.get(e.code), "issues": [i for i in issues if i.element == e.code]}
        for e in DataElement.objects.filter(code__in=partners)
    ]
    context = {
        "row": {
            "element": element,
            "value": raw if result.error else result.value,
            "error": result.error,
            "issues": [i for i in issues if i.element == element.code],
        },
        "related": related,
        "report": report,
        "issues": issues,
        "editable": True,
        "puskesmas": puskesmas,
        "year": year,
        "month": month,
        "oob": True,
    }
    return render(request, "indicators/_cell.html", context)


@role_required(*ALL_ROLES)
def report_status(request: HttpRequest, report_id: int) -> HttpResponse:
    """POST an action: submit, approve, verify or reopen (with a reason)."""
    report = get_object_or_404(selectors.reports_in_scope(user=request.user), pk=report_id)
    target = redirect(
        "indicators:report_grid", slug=report.puskesmas.slug, year=report.year, month=report.month
    )
    if request.method != "POST":
        return target
    action = request.POST.get("action", "")
    actions = {
        "submit": lambda: services.report_submit(user=request.user, report=report),
        "approve": lambda: services.report_approve(user=request.user, report=report),
        "verify": lambda: services.report_verify(user=request.user, report=report),
        "reopen": lambda: services.report_reopen(
            user=request.user, report=report, reason=request.POST.get("reason", "")
        ),
    }
    if action not in actions:
        messages.error(request, _("Aksi tidak dikenal."))
        return target
    try:
        actions[action]()
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Status laporan: %(status)s.") % {"status": report.get_status_display()})
    return target


@role_required(*ALL_ROLES)
def indicator_detail(request: HttpRequest, slug: str, indicator_id: int) -> HttpResponse:
    """Drill-down: one indicator of one Puskesmas, month by month, with every change to its figures."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    indicator = get_object_or_404(
        Indicator.objects.select_related(
            "version__framework", "numerator", "denominator_element", "denominator_group"
        ),
        pk=indicator_id,
    )
    year = _year(request)
    framework = indicator.version.framework.code
    elements = [e for e in (indicator.numerator, indicator.denominator_element) if e]
    monthly = {
        (month, code): value
        for month, code, value in Value.objects.filter(
            report__puskesmas=puskesmas, report__year=year, data_element__in=elements
        ).values_list("report__month", "data_element__code", "value")
    }
    reports = {r.month: r for r in Report.objects.filter(puskesmas=puskesmas, year=year)}
    trend = monthly_trend(
        puskesmas_ids=[puskesmas.pk], year=year, framework=framework, indicator_code=indicator.code
    )
    months = [
        {
            "month": m,
            "name": services.month_name(m),
            "report": reports.get(m),
            "values": [monthly.get((m, e.code)) for e in elements],
            "result": trend[puskesmas.pk][m - 1],
        }
        for m in range(1, 13)
    ]
    target = Target.objects.filter(puskesmas=puskesmas, year=year, group=indicator.denominator_group).first()
    context = {
        "puskesmas": puskesmas,
        "indicator": indicator,
        "year": year,
        "elements": elements,
        "months": months,
        "population": target,
        "history": selectors.element_history(puskesmas=puskesmas, year=year, elements=elements)[:200],
        "chart": trend_svg(
            {puskesmas.name: trend[puskesmas.pk]},
            title=_("Capaian kumulatif per bulan"),
            target=float(indicator.target),
            target_high=float(indicator.target_high) if indicator.target_high is not None else None,
        ),
    }
    return render(request, "indicators/indicator_detail.html", context)


@role_required(*ALL_ROLES)
def targets(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """Yearly target populations of a Puskesmas: view (everyone in scope), enter or estimate (district)."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    may_edit = effective_role(request.user) in TARGET_ROLES
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        _save_targets(request, puskesmas, year)
        return redirect("indicators:targets", slug=slug, year=year)
    current = {t.group_id: t for t in Target.objects.filter(puskesmas=puskesmas, year=year)}
    rows = [{"group": g, "target": current.get(g.pk)} for g in TargetGroup.objects.order_by("order")]
    context = {
        "puskesmas": puskesmas,
        "year": year,
        "rows": rows,
        "may_edit": may_edit,
        "population": services.catchment_population(puskesmas=puskesmas),
    }
    return render(request, "indicators/targets.html", context)


def _save_targets(request: HttpRequest, puskesmas, year: int) -> None:
    try:
        if "estimate" in request.POST:
            population = request.POST.get("population", "").strip()
            services.targets_estimate(
                user=request.user,
                puskesmas=puskesmas,
                year=year,
                population=int(population) if population.isdigit() else None,
                overwrite=bool(request.POST.get("overwrite")),
            )
            messages.success(request, _("Sasaran diperkirakan dari jumlah penduduk."))
            return
        for group in TargetGroup.objects.all():
            raw = request.POST.get(f"g-{group.code}", "").strip().replace(".", "")
            if raw == "":
                continue
            if not raw.isdigit():
                messages.error(
                    request, _("%(name)s: '%(raw)s' bukan bilangan bulat.") % {"name": group.name, "raw": raw}
                )
                return
            services.target_set(
                user=request.user, puskesmas=puskesmas, year=year, group=group, value=int(raw)
            )
        messages.success(request, _("Sasaran tersimpan."))
    except ApplicationError as exc:
        messages.error(request, exc.message)


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def my_reports(request: HttpRequest) -> HttpResponse:
    """Shortcut: a Puskesmas user's own page, or the district dashboard."""
    if request.user.puskesmas_id and effective_role(request.user) in PUSKESMAS_ROLES:
        return redirect("indicators:puskesmas", slug=request.user.puskesmas.slug)
    return redirect("indicators:dashboard")
