"""Internal SKM pages: IKM dashboard, district comparison, service units and QR codes, paper entry and import."""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
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
from kinerja.satisfaction.forms import GridHeadForm, ImportForm, UnitForm
from kinerja.satisfaction.formulas import periods_recent
from kinerja.satisfaction.models import Response
from kinerja.satisfaction.services.imports import (
    ImportRejected,
    file_import,
    responses_import,
    row_submission,
)
from kinerja.satisfaction.services.survey import unit_save, units_ensure_default, version_current
from kinerja.satisfaction.views.common import period_choices, period_from_request, unit_get

EDITORS = (*PUSKESMAS_ROLES, Role.DISTRICT_ADMIN)
GRID_ROWS = 15


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def index(request: HttpRequest) -> HttpResponse:
    if effective_role(request.user) in PUSKESMAS_ROLES:
        return redirect("satisfaction:dashboard", slug=request.user.puskesmas.slug)
    return redirect("satisfaction:comparison")


@role_required(*DISTRICT_ROLES)
def comparison(request: HttpRequest) -> HttpResponse:
    period = period_from_request(request)
    rows = selectors.ikm_comparison(puskesmas=puskesmas_in_scope(user=request.user), period=period)
    rows.sort(key=lambda s: (s.result.converted is None, -(s.result.converted or 0)))
    published = selectors.ikm_latest(puskesmas_ids=[s.puskesmas.pk for s in rows])
    context = {"rows": rows, "period": period, "periods": period_choices(), "published": published}
    return render(request, "satisfaction/comparison.html", context)


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The head's view: IKM of the Puskesmas and of each unit, the lowest element, whether the sample is enough."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    period = period_from_request(request)
    whole, units = selectors.ikm_puskesmas(puskesmas=puskesmas, period=period)
    focus = next((u for u in units if str(u.unit.pk) == request.GET.get("unit")), None)
    context = {
        "puskesmas": puskesmas,
        "period": period,
        "periods": period_choices(),
        "whole": whole,
        "units": units,
        "focus": focus or whole,
        "trend": selectors.ikm_trend(puskesmas=puskesmas, periods=periods_recent(period.end, 4)),
        "publication": selectors.publication_get(puskesmas=puskesmas, period=period),
        "can_enter": effective_role(request.user) in PUSKESMAS_ROLES,
        "open_complaints": puskesmas.complaints.exclude(status="selesai").count(),
    }
    return render(request, "satisfaction/dashboard.html", context)


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def unit_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Service units with their public survey link and QR code; editors may add one."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    can_edit = effective_role(request.user) in EDITORS
    if can_edit and not puskesmas.survey_units.exists():
        units_ensure_default(puskesmas=puskesmas)
    form = UnitForm(request.POST or None, prefix="new")
    if request.method == "POST" and can_edit and form.is_valid():
        try:
            unit_save(actor=request.user, puskesmas=puskesmas, unit=None, data=form.cleaned_data)
        except ApplicationError as exc:
            form.add_error("code", exc.message)
        else:
            messages.success(request, _("Unit layanan ditambahkan."))
            return redirect("satisfaction:unit_list", slug=slug)
    units = puskesmas.survey_units.order_by("-active", "name")
    links = {
        u.pk: request.build_absolute_uri(reverse("satisfaction_public:survey", args=[puskesmas.slug, u.code]))
        for u in units
    }
    context = {"puskesmas": puskesmas, "units": units, "links": links, "form": form, "can_edit": can_edit}
    return render(request, "satisfaction/unit_list.html", context)


@role_required(*EDITORS)
def unit_edit(request: HttpRequest, slug: str, unit_id: int) -> HttpResponse:
    puskesmas, unit = unit_get(user=request.user, slug=slug, unit_id=unit_id)
    form = UnitForm(request.POST or None, instance=unit)
    form.fields["code"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "code"}
        unit.refresh_from_db()
        unit_save(actor=request.user, puskesmas=puskesmas, unit=unit, data=data)
        messages.success(request, _("Unit layanan disimpan."))
        return redirect("satisfaction:unit_list", slug=slug)
    return render(
        request, "satisfaction/unit_edit.html", {"puskesmas": puskesmas, "unit": unit, "form": form}
    )


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def unit_qr(request: HttpRequest, slug: str, unit_id: int) -> HttpResponse:
    puskesmas, unit = unit_get(user=request.user, slug=slug, unit_id=unit_id)
    url = request.build_absolute_uri(reverse("satisfaction_public:survey", args=[puskesmas.slug, unit.code]))
    return HttpResponse(_qr_svg(url), content_type="image/svg+xml")


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def unit_poster(request: HttpRequest, slug: str, unit_id: int) -> HttpResponse:
    """A printable A4 poster: the QR code, the link and one sentence inviting patients."""
    puskesmas, unit = unit_get(user=request.user, slug=slug, unit_id=unit_id)
    url = request.build_absolute_uri(reverse("satisfaction_public:survey", args=[puskesmas.slug, unit.code]))
    context = {"puskesmas": puskesmas, "unit": unit, "url": url, "qr": _qr_svg(url)}
    return render(request, "satisfaction/unit_poster.html", context)


@role_required(*DISTRICT_ROLES, *PUSKESMAS_ROLES)
def puskesmas_poster(request: HttpRequest, slug: str) -> HttpResponse:
    """The Puskesmas-wide poster: the QR code opens the page where patients choose the unit."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    url = request.build_absolute_uri(reverse("satisfaction_public:survey_units", args=[puskesmas.slug]))
    context = {"puskesmas": puskesmas, "unit": None, "url": url, "qr": _qr_svg(url)}
    return render(request, "satisfaction/unit_poster.html", context)


@role_required(*PUSKESMAS_ROLES)
def paper_entry(request: HttpRequest, slug: str) -> HttpResponse:
    """A grid for typing paper questionnaires with the keyboard only; all rows are stored or none."""
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    units_ensure_default(puskesmas=puskesmas)
    version = version_current(puskesmas=puskesmas)
    elements = list(version.elements.all())
    head = GridHeadForm(request.POST or None, puskesmas=puskesmas)
    rows = _grid_rows(request.POST if request.method == "POST" else None, elements)
    errors: list[str] = []
    if request.method == "POST" and head.is_valid():
        submissions = []
        for line, values in rows:
            if any(values.values()):
                submission = row_submission(values=values, line=line, version=version)
                errors.extend(submission.errors)
                submissions.append(submission)
        if not submissions and not errors:
            errors.append(_("Grid masih kosong: ketik nilai U1 sampai U9 dari kuesioner kertas."))
        if not errors:
            try:
                count = responses_import(
                    actor=request.user,
                    unit=head.cleaned_data["unit"],
                    submissions=submissions,
                    source=Response.Source.PAPER,
                    default_date=head.cleaned_data["answered_on"],
                )
            except ImportRejected as exc:
                errors = exc.errors
            else:
                messages.success(request, _("%(n)s kuesioner kertas tersimpan.") % {"n": count})
                return redirect(
                    f"{reverse('satisfaction:paper_entry', args=[slug])}?unit={head.cleaned_data['unit'].pk}"
                )
    if request.method == "GET":
        head = GridHeadForm(
            puskesmas=puskesmas,
            initial={"unit": request.GET.get("unit"), "answered_on": timezone.localdate()},
        )
    digits = {f"u{e.number}" for e in elements}
    grid = [(line, [(key, value, key in digits) for key, value in values.items()]) for line, values in rows]
    context = {
        "puskesmas": puskesmas,
        "head": head,
        "elements": elements,
        "rows": grid,
        "errors": errors,
        "version": version,
    }
    return render(request, "satisfaction/paper_entry.html", context)


GRID_PROFILE = ["umur", "jk", "pendidikan", "pekerjaan"]


def _grid_rows(data, elements) -> list[tuple[int, dict[str, str]]]:
    rows = []
    for i in range(1, GRID_ROWS + 1):
        keys = [f"u{e.number}" for e in elements] + GRID_PROFILE
        values = {k: (data.get(f"r{i}-{k}", "") if data else "").strip() for k in keys}
        rows.append((i, values))
    return rows


@role_required(*PUSKESMAS_ROLES)
def file_upload(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    units_ensure_default(puskesmas=puskesmas)
    form = ImportForm(request.POST or None, request.FILES or None, puskesmas=puskesmas)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = file_import(
                actor=request.user,
                unit=form.cleaned_data["unit"],
                name=upload.name,
                content=upload.read(),
                default_date=form.cleaned_data["answered_on"],
            )
        except ImportRejected as exc:
            errors = exc.errors
            messages.error(request, exc.message)
        else:
            messages.success(request, _("%(n)s kuesioner dari berkas tersimpan.") % {"n": count})
            return redirect("satisfaction:dashboard", slug=slug)
    version = version_current(puskesmas=puskesmas)
    context = {"puskesmas": puskesmas, "form": form, "errors": errors, "version": version}
    return render(request, "satisfaction/file_upload.html", context)
