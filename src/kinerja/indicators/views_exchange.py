"""Import and export pages: the Excel template and CSV of a Puskesmas-year and its upload, the
district's CSV and its upload, and the annual performance report (PDF and Excel).

An upload runs inline in the request: a Puskesmas-year is at most 1,800 values, a district's year a
few tens of thousands (a second or two, see bench.py). While the file travels, which on a
Puskesmas' connection takes longer than storing it, the page shows how much has been sent
(`upload.js`), then that it is being checked. National files go through the `kinerja import-values`
command, which shows a progress bar.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.accounts.access import (
    ALL_ROLES,
    DISTRICT_ROLES,
    Role,
    can_edit_puskesmas,
    effective_role,
    puskesmas_get,
    puskesmas_in_scope,
    role_required,
)
from kinerja.core.errors import ApplicationError
from kinerja.indicators import annual_report, exchange, exchange_targets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 20 * 1024 * 1024
SHOWN_PROBLEMS = 300


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("tahun", "")
    return int(raw) if raw.isdigit() else timezone.localdate().year


def _download(content, filename: str, content_type: str) -> HttpResponse:
    response_class = HttpResponse if isinstance(content, bytes) else StreamingHttpResponse
    response = response_class(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required(*ALL_ROLES)
def exchange_page(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """Download the Excel template / CSV of a Puskesmas-year; upload a filled one (all or nothing)."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    may_edit = can_edit_puskesmas(user=request.user, puskesmas=puskesmas)
    context = {"puskesmas": puskesmas, "year": year, "may_edit": may_edit}
    return _page_or_upload(request, "indicators/exchange_page.html", context, puskesmas, year)


@role_required(*DISTRICT_ROLES)
def district_exchange(request: HttpRequest) -> HttpResponse:
    """The district's file: download every value of a year; upload a CSV for many Puskesmas at once
    (the district administrator), all or nothing, each Puskesmas code checked against the district."""
    may_edit = effective_role(request.user) == Role.DISTRICT_ADMIN
    context = {"year": _year(request), "may_edit": may_edit}
    return _page_or_upload(request, "indicators/exchange_district.html", context, None, None)


def _page_or_upload(
    request: HttpRequest, page: str, context: dict, puskesmas, year: int | None
) -> HttpResponse:
    """The page; on POST the upload's result (alone when htmx asks, to go in place on the page)."""
    if request.method == "POST":
        if not context["may_edit"]:
            raise PermissionDenied
        context.update(_upload(request, puskesmas, year))
    return render(request, "indicators/exchange_result.html" if request.htmx else page, context)


def _upload(request: HttpRequest, puskesmas, year: int | None) -> dict:
    upload = request.FILES.get("file")
    if upload is None:
        return {"problems": [_("Pilih berkas Excel (.xlsx) atau CSV terlebih dahulu.")]}
    if upload.size > MAX_UPLOAD:
        return {
            "problems": [_("Berkas terlalu besar (lebih dari 20 MB). Bagi per Puskesmas atau per tahun.")]
        }
    try:
        result = exchange.values_import(
            user=request.user, data=upload.read(), filename=upload.name, puskesmas=puskesmas, year=year
        )
    except exchange.ImportRefused as exc:
        problems = exc.extra["problems"]
        return {
            "refused": exc.message,
            "problems": problems[:SHOWN_PROBLEMS],
            "more": max(0, len(problems) - SHOWN_PROBLEMS),
        }
    except ApplicationError as exc:
        return {"refused": exc.message, "problems": []}
    return {"result": result, "warnings": result.warnings[:SHOWN_PROBLEMS]}


@role_required(*ALL_ROLES)
def export_xlsx(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    content = exchange.values_export_xlsx(puskesmas=puskesmas, year=year)
    return _download(content, f"laporan-{puskesmas.slug}-{year}.xlsx", XLSX)


@role_required(*ALL_ROLES)
def export_csv(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    content = exchange.values_export_csv(puskesmas_ids=[puskesmas.pk], year=year)
    return _download(content, f"laporan-{puskesmas.slug}-{year}.csv", "text/csv; charset=utf-8")


@role_required(*DISTRICT_ROLES)
def export_district_csv(request: HttpRequest) -> HttpResponse:
    """Every value of every Puskesmas in the user's district for a year (?tahun=)."""
    year = _year(request)
    ids = puskesmas_in_scope(user=request.user).values_list("pk", flat=True)
    content = exchange.values_export_csv(puskesmas_ids=list(ids), year=year)
    return _download(content, f"laporan-kabupaten-{year}.csv", "text/csv; charset=utf-8")


def _annual(request: HttpRequest, slug: str, year: int):
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    framework = request.GET.get("kerangka", "pkp")
    try:
        return puskesmas, annual_report.annual_data(puskesmas=puskesmas, year=year, framework=framework)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return puskesmas, None


@role_required(*ALL_ROLES)
def annual_pdf(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The Puskesmas' annual performance report as PDF."""
    puskesmas, data = _annual(request, slug, year)
    if data is None:
        return redirect("indicators:puskesmas", slug=slug)
    content = annual_report.annual_pdf(data, base_url=request.build_absolute_uri("/"))
    filename = f"kinerja-{puskesmas.slug}-{year}-{data.framework}.pdf"
    return _download(content, filename, "application/pdf")


@role_required(*ALL_ROLES)
def annual_xlsx(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The Puskesmas' annual performance report as an Excel workbook."""
    puskesmas, data = _annual(request, slug, year)
    if data is None:
        return redirect("indicators:puskesmas", slug=slug)
    filename = f"kinerja-{puskesmas.slug}-{year}-{data.framework}.xlsx"
    return _download(annual_report.annual_xlsx(data), filename, XLSX)


@role_required(*ALL_ROLES)
def targets_xlsx(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The yearly targets (sasaran) of a Puskesmas as an Excel template."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    content = exchange_targets.targets_export_xlsx(puskesmas=puskesmas, year=year)
    return _download(content, f"sasaran-{puskesmas.slug}-{year}.xlsx", XLSX)


@role_required(Role.DISTRICT_ADMIN, Role.PROGRAM_MANAGER)
def targets_upload(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """Upload the filled targets template (district roles that set targets), all or nothing."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    context: dict = {"puskesmas": puskesmas, "year": year}
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ApplicationError(_("Pilih berkas Excel (.xlsx) terlebih dahulu."))
            changed = exchange_targets.targets_import(
                user=request.user, data=upload.read(), puskesmas=puskesmas, year=year
            )
        except exchange.ImportRefused as exc:
            context.update(refused=exc.message, problems=exc.extra["problems"])
        except ApplicationError as exc:
            context.update(refused=exc.message, problems=[])
        else:
            messages.success(request, _("Sasaran diimpor: %(count)s berubah.") % {"count": changed})
            return redirect("indicators:targets", slug=slug, year=year)
    return render(request, "indicators/exchange_targets.html", context)
