"""Back office for content (/kelola/konten/): authors draft, the head or the district publishes.

The same five views serve articles, programmes and announcements; `ContentKind` says which.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.accounts.access import Role, effective_role, puskesmas_get, puskesmas_in_scope, role_required
from kinerja.core.errors import ApplicationError
from kinerja.portal.forms import (
    AnnouncementForm,
    ArticleForm,
    ArticleImageForm,
    ProgrammeForm,
    PublishForm,
    ScreenSettingsForm,
)
from kinerja.portal.models import Announcement, Article, Content, Programme
from kinerja.portal.selectors import (
    can_edit,
    can_publish,
    can_withdraw,
    content_in_scope,
    content_state,
    screen_settings_for,
)
from kinerja.portal.services import (
    article_image_add,
    can_configure_screen,
    content_new,
    content_publish,
    content_save,
    content_withdraw,
    screen_settings_save,
)

AUTHORS = (Role.DISTRICT_ADMIN, Role.PROGRAM_MANAGER, Role.PUSKESMAS_HEAD, Role.PUSKESMAS_OPERATOR)
PUBLISHERS = (Role.DISTRICT_ADMIN, Role.PUSKESMAS_HEAD)
STATE_LABELS = {
    "draft": gettext_lazy("Draf"),
    "scheduled": gettext_lazy("Terjadwal"),
    "live": gettext_lazy("Tayang"),
    "ended": gettext_lazy("Berakhir"),
}


@dataclass(frozen=True)
class ContentKind:
    key: str
    model: type[Content]
    form: type[forms.ModelForm]
    kwarg: str
    label: str


KINDS = [
    ContentKind("article", Article, ArticleForm, "article_id", gettext_lazy("Artikel edukasi")),
    ContentKind("programme", Programme, ProgrammeForm, "programme_id", gettext_lazy("Program layanan")),
    ContentKind(
        "announcement", Announcement, AnnouncementForm, "announcement_id", gettext_lazy("Pengumuman")
    ),
]


def _rows(user, kind: ContentKind) -> list[dict]:
    now = timezone.now()
    items = content_in_scope(user=user, model=kind.model).order_by("-updated_at")[:100]
    return [
        {"item": i, "state": content_state(i, now), "state_label": STATE_LABELS[content_state(i, now)]}
        for i in items
    ]


@role_required(*AUTHORS)
def content_list(request: HttpRequest) -> HttpResponse:
    sections = [{"kind": kind, "rows": _rows(request.user, kind)} for kind in KINDS]
    screens = puskesmas_in_scope(user=request.user) if effective_role(request.user) in PUBLISHERS else []
    return render(request, "portal/manage/list.html", {"sections": sections, "screens": screens})


def _fields(form: forms.ModelForm, item: Content) -> dict:
    fields = dict(form.cleaned_data)
    if "cover" in fields:
        if fields["cover"] is None:
            fields.pop("cover")
        elif fields["cover"] is False:
            fields["cover"] = ""
    return fields


def _editor(kind: ContentKind) -> Callable:
    def edit(request: HttpRequest, **kwargs) -> HttpResponse:
        object_id = kwargs.get(kind.kwarg)
        if object_id is None:
            try:
                item = content_new(user=request.user, model=kind.model)
            except ApplicationError as error:
                messages.error(request, error.message)
                return redirect("portal:content_list")
        else:
            item = get_object_or_404(content_in_scope(user=request.user, model=kind.model), pk=object_id)
        editable = can_edit(user=request.user, item=item)
        form = kind.form(instance=copy.copy(item))
        if request.method == "POST" and editable:
            form = kind.form(request.POST, request.FILES, instance=copy.copy(item))
            if form.is_valid():
                try:
                    item = content_save(user=request.user, item=item, fields=_fields(form, item))
                except ApplicationError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, _("Tersimpan: %(title)s.") % {"title": item.title})
                    return redirect(f"portal:{kind.key}_edit", **{kind.kwarg: item.pk})
        if not editable:
            for field in form.fields.values():
                field.disabled = True
        context = {
            "kind": kind,
            "item": item,
            "form": form,
            "editable": editable,
            "state": STATE_LABELS[content_state(item)] if item.pk else "",
            "can_publish": item.pk and can_publish(user=request.user, item=item),
            "can_withdraw": item.pk
            and item.status == Content.Status.PUBLISHED
            and can_withdraw(user=request.user, item=item),
            "publish_form": PublishForm(
                initial={"publish_at": item.publish_at, "unpublish_at": item.unpublish_at}
            ),
            "image_form": ArticleImageForm() if kind.model is Article and item.pk and editable else None,
        }
        return render(request, "portal/manage/edit.html", context)

    edit.__name__ = f"{kind.key}_edit"
    return role_required(*AUTHORS)(edit)


def _publisher(kind: ContentKind) -> Callable:
    @require_POST
    def publish(request: HttpRequest, **kwargs) -> HttpResponse:
        item = get_object_or_404(content_in_scope(user=request.user, model=kind.model), pk=kwargs[kind.kwarg])
        form = PublishForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Tanggal tayang tidak terbaca. Gunakan pemilih tanggal dan jam."))
        else:
            try:
                content_publish(user=request.user, item=item, **form.cleaned_data)
            except ApplicationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Diterbitkan: %(title)s.") % {"title": item.title})
        return redirect(f"portal:{kind.key}_edit", **{kind.kwarg: item.pk})

    publish.__name__ = f"{kind.key}_publish"
    return role_required(*PUBLISHERS)(publish)


def _withdrawer(kind: ContentKind) -> Callable:
    @require_POST
    def withdraw(request: HttpRequest, **kwargs) -> HttpResponse:
        item = get_object_or_404(content_in_scope(user=request.user, model=kind.model), pk=kwargs[kind.kwarg])
        try:
            content_withdraw(user=request.user, item=item)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Ditarik dari portal: %(title)s.") % {"title": item.title})
        return redirect(f"portal:{kind.key}_edit", **{kind.kwarg: item.pk})

    withdraw.__name__ = f"{kind.key}_withdraw"
    return role_required(*PUBLISHERS)(withdraw)


EDIT = {kind.key: _editor(kind) for kind in KINDS}
PUBLISH = {kind.key: _publisher(kind) for kind in KINDS}
WITHDRAW = {kind.key: _withdrawer(kind) for kind in KINDS}


@role_required(*AUTHORS)
@require_POST
def article_image(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(content_in_scope(user=request.user, model=Article), pk=article_id)
    form = ArticleImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            picture = article_image_add(user=request.user, article=article, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Gambar tersimpan. Salin kode ini ke isi artikel: %(code)s") % {"code": picture.markdown},
            )
    else:
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, _("Gambar belum tersimpan: %(errors)s") % {"errors": errors})
    return redirect("portal:article_edit", article_id=article.pk)


@role_required(*PUBLISHERS)
def screen_settings(request: HttpRequest, slug: str) -> HttpResponse:
    puskesmas = puskesmas_get(user=request.user, slug=slug)
    allowed = can_configure_screen(user=request.user, puskesmas=puskesmas)
    screen = screen_settings_for(puskesmas=puskesmas)
    form = ScreenSettingsForm(instance=copy.copy(screen))
    if request.method == "POST" and allowed:
        form = ScreenSettingsForm(request.POST, instance=copy.copy(screen))
        if form.is_valid():
            try:
                screen_settings_save(user=request.user, puskesmas=puskesmas, fields=form.cleaned_data)
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Pengaturan layar tersimpan; layar memakainya dalam satu menit."))
                return redirect("portal:screen_settings", slug=puskesmas.slug)
    return render(
        request,
        "portal/manage/screen_settings.html",
        {"puskesmas": puskesmas, "form": form, "allowed": allowed},
    )
