"""The official SKM report (screen, PDF, Excel), publishing a period's IKM, and the comparison workbook."""

import io

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.accounts.access import (
    DISTRICT_ROLES,
    PUSKESMAS_ROLES,
    Role,
    effective_role,
    puskesmas_get,
    puskesmas_in_scope,
    role_required,
)
from kinerja.core.errors import ApplicationError
from kinerja.satisfaction import selectors
from kinerja.satisfaction.forms import PublishForm
from kinerja.satisfaction.formulas import periods_recent, round_half_up
from kinerja.satisfaction.services.publication import ikm_publish
from kinerja.satisfaction.views.common import period_choices, period_from_request

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report_context(puskesmas, period) -> dict:
    whole, units = selectors.ikm_puskesmas(puskesmas=puskesmas, period=period)
    return {
        "puskesmas": puskesmas,
        "period": period,
        "whole": whole,
        "units": units,
        "profile": selectors.respondent_profile(puskesmas=puskesmas, period=period),
        "comments": selectors.comments_recent(puskesmas=puskesmas, period=period),
        "publication": selectors.publication_get(puskesmas=puskesmas, period=period),
        "trend": selectors.ikm_trend(puskesmas=puskesmas, periods=periods_recent(period.end, 4)),
    }


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def report(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    period = period_from_request(request)
    context = _report_context(puskesmas, period)
    publication = context["publication"]
    context["periods"] = period_choices()
    context["can_publish"] = effective_role(request.user) == Role.PUSKESMAS_HEAD
    context["form"] = PublishForm(
        initial={"follow_up_plan": publication.follow_up_plan if publication else ""}
    )
    context["query"] = request.GET.urlencode()
    return render(request, "satisfaction/report.html", context)


@role_required(Role.PUSKESMAS_HEAD)
def report_publish(request: HttpRequest, slug: str) -> HttpResponse:
    """The head writes the follow-up plan and publishes the period's IKM (stored with its version)."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    period = period_from_request(request)
    back = f"{reverse('satisfaction:report', args=[slug])}?periode={period.key}"
    if request.method != "POST":
        return redirect(back)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis rencana tindak lanjut sebelum menerbitkan IKM."))
        return redirect(back)
    try:
        publication = ikm_publish(
            actor=request.user,
            puskesmas=puskesmas,
            period=period,
            follow_up_plan=form.cleaned_data["follow_up_plan"],
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("IKM %(period)s diterbitkan: %(value)s.")
            % {"period": period.label, "value": publication.converted},
        )
    return redirect(back)


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    from weasyprint import HTML

    puskesmas = puskesmas_get(user=request.user, slug=slug)
    period = period_from_request(request)
    html = render_to_string(
        "satisfaction/report_print.html", _report_context(puskesmas, period), request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="laporan-skm-{puskesmas.slug}-{period.key}.pdf"'
    return response


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def report_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    period = period_from_request(request)
    book = _report_workbook(_report_context(puskesmas, period))
    return _xlsx_response(book, f"laporan-skm-{puskesmas.slug}-{period.key}.xlsx")


def _xlsx_response(book, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _num(value, places):
    return None if value is None else float(round_half_up(value, places))


def _report_workbook(ctx: dict):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    whole, book = ctx["whole"], Workbook()
    sheet = book.active
    sheet.title = "Ringkasan"
    result = whole.result
    sheet.append([f"Laporan Survei Kepuasan Masyarakat {ctx['puskesmas']}"])
    sheet["A1"].font = Font(bold=True, size=13)
    for row in (
        ["Periode", ctx["period"].label],
        ["Kuesioner", whole.version.name],
        ["Jumlah responden", result.respondents],
        ["Populasi pengguna layanan", whole.population],
        ["Sampel minimum (Krejcie-Morgan)", whole.minimum_sample],
        ["IKM (1-4)", _num(result.ikm, 4)],
        ["IKM konversi (25-100)", None if result.converted is None else float(result.converted)],
        ["Mutu pelayanan", result.band.grade if result.band else "-"],
        ["Kinerja unit pelayanan", result.band.label if result.band else "-"],
        ["Rencana tindak lanjut", ctx["publication"].follow_up_plan if ctx["publication"] else ""],
    ):
        sheet.append(row)
    nrr = book.create_sheet("NRR per unsur")
    nrr.append(
        ["No", "Unsur", "Jumlah nilai", "Jumlah menjawab", "NRR", "Bobot", "NRR tertimbang", "Konversi"]
    )
    for s in result.elements:
        nrr.append(
            [
                f"U{s.number}",
                s.name,
                s.total,
                s.answered,
                _num(s.nrr, 3),
                _num(s.weight, 6),
                _num(s.weighted, 4),
                _num(s.converted, 2),
            ]
        )
    units = book.create_sheet("Unit layanan")
    units.append(["Unit", "Responden", "Sampel minimum", "IKM konversi", "Mutu", "Unsur terendah"])
    for u in ctx["units"]:
        r = u.result
        units.append(
            [
                u.unit.name,
                r.respondents,
                u.minimum_sample,
                None if r.converted is None else float(r.converted),
                r.band.grade if r.band else "-",
                r.lowest[0].name if r.lowest else "-",
            ]
        )
    profile = book.create_sheet("Profil responden")
    for table in ctx["profile"]:
        profile.append([table["title"], "Jumlah", "%"])
        for label, n, pct in table["rows"]:
            profile.append([str(label), n, pct])
        profile.append([])
    trend = book.create_sheet("Tren")
    trend.append(["Periode", "Responden", "IKM konversi", "Mutu"])
    for t in ctx["trend"]:
        trend.append(
            [
                t.period.label,
                t.result.respondents,
                None if t.result.converted is None else float(t.result.converted),
                t.result.band.grade if t.result.band else "-",
            ]
        )
    for ws in book.worksheets:
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["B"].width = 40
    return book


@role_required(*DISTRICT_ROLES)
def comparison_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook

    period = period_from_request(request)
    rows = selectors.ikm_comparison(puskesmas=puskesmas_in_scope(user=request.user), period=period)
    book = Workbook()
    sheet = book.active
    sheet.title = "Perbandingan IKM"
    sheet.append([f"Perbandingan IKM Puskesmas, {period.label}"])
    sheet.append(
        [
            "Puskesmas",
            "Responden",
            "Sampel minimum",
            "IKM (1-4)",
            "IKM konversi",
            "Mutu",
            "Kinerja",
            "Unsur terendah",
        ]
    )
    for s in rows:
        r = s.result
        sheet.append(
            [
                s.puskesmas.name,
                r.respondents,
                s.minimum_sample,
                _num(r.ikm, 4),
                None if r.converted is None else float(r.converted),
                r.band.grade if r.band else "-",
                r.band.label if r.band else "-",
                r.lowest[0].name if r.lowest else "-",
            ]
        )
    sheet.column_dimensions["A"].width = 30
    return _xlsx_response(book, f"perbandingan-ikm-{period.key}.xlsx")
