from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.accounts.access import (
    ALL_ROLES,
    PUSKESMAS_ROLES,
    Role,
    effective_role,
    puskesmas_in_scope,
    role_required,
    users_in_scope,
)
from kinerja.accounts.forms import LoginForm, PasswordResetForm
from kinerja.accounts.services import user_set_password
from kinerja.facilities.selectors import puskesmas_network, puskesmas_overview
from kinerja.indicators.selectors import completeness, reports_todo


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@role_required(*ALL_ROLES)
def home(request: HttpRequest) -> HttpResponse:
    """The first page after login: the district's Puskesmas, or the user's own Puskesmas."""
    user = request.user
    if effective_role(user) in PUSKESMAS_ROLES:
        puskesmas = user.puskesmas
        context = {
            "puskesmas": puskesmas,
            "overview": puskesmas_overview(puskesmas=puskesmas_in_scope(user=user))[0],
            "network": puskesmas_network(puskesmas=puskesmas),
            "todo": reports_todo(puskesmas=puskesmas),
            "todo_puskesmas": puskesmas,
        }
        return render(request, "accounts/home_puskesmas.html", context)
    overview = puskesmas_overview(puskesmas=puskesmas_in_scope(user=user))
    context = {
        "overview": overview,
        "attention_count": sum(1 for item in overview if item.attention),
        "region": user.region,
        "reporting": completeness(
            puskesmas=[item.puskesmas for item in overview], year=timezone.localdate().year
        ),
    }
    return render(request, "accounts/home_district.html", context)


@role_required(Role.DISTRICT_ADMIN)
def user_list(request: HttpRequest) -> HttpResponse:
    users = (
        users_in_scope(user=request.user)
        .select_related("puskesmas", "region")
        .order_by("puskesmas__name", "username")
    )
    return render(request, "accounts/user_list.html", {"users": users})


@role_required(Role.DISTRICT_ADMIN)
def user_password_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    target = get_object_or_404(users_in_scope(user=request.user), pk=user_id)
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_set_password(actor=request.user, user=target, password=form.cleaned_data["password1"])
        except ValidationError as exc:
            form.add_error("password1", exc)
        else:
            messages.success(request, _("Kata sandi %(name)s sudah diganti.") % {"name": target.username})
            return redirect("accounts:user_list")
    return render(request, "accounts/user_password_reset.html", {"target": target, "form": form})
