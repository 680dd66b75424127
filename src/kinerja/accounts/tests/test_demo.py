"""`kinerja load-demo` as a user meets it: the demo logins, what each sees, the admin, and re-runs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.accounts.demo import ADMIN_GROUP, PASSWORD
from kinerja.accounts.models import User
from kinerja.facilities.models import Puskesmas
from kinerja.facilities.tests.digest import database_digest

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ["dinkes.admin", "dinkes.program", "dinkes.supervisi", "kapus.sukamaju", "operator.sukamaju"]


def load_demo() -> str:
    out = StringIO()
    call_command("load-demo", stdout=out)
    return out.getvalue()


def login(client, username: str, password: str = PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_load_demo_twice_changes_no_row_and_users_still_log_in(client):
    first = load_demo()
    assert "Data contoh siap: Kabupaten Nusa Sehat (data contoh)." in first
    before = database_digest()
    second = load_demo()
    assert database_digest() == before
    assert "semua sudah ada" in second
    for username in DEMO_LOGINS:
        response = login(client, username)
        assert response.status_code == 302 and response["Location"] == reverse("accounts:home"), username
        client.post(reverse("accounts:logout"))


def test_demo_accounts_have_their_roles_and_places():
    load_demo()
    users = {u.username: u for u in User.objects.select_related("puskesmas", "region")}
    assert users["dinkes.admin"].role == "district_admin" and users["dinkes.admin"].is_staff
    assert users["dinkes.program"].role == "program_manager" and users["dinkes.program"].program == "kia"
    assert users["dinkes.supervisi"].role == "supervisor" and not users["dinkes.supervisi"].is_staff
    for username in ("dinkes.admin", "dinkes.program", "dinkes.supervisi"):
        assert users[username].region.code == "99.01"
    assert users["kapus.sukamaju"].role == "puskesmas_head"
    assert users["operator.sukamaju"].role == "puskesmas_operator"
    assert users["kapus.sukamaju"].puskesmas.slug == users["operator.sukamaju"].puskesmas.slug == "sukamaju"
    heads = [u for u in users.values() if u.role == "puskesmas_head"]
    operators = [u for u in users.values() if u.role == "puskesmas_operator"]
    assert len(heads) == 14 and len(operators) == 16
    assert all(u.username == f"kapus.{u.puskesmas.slug}" for u in heads)
    assert all(u.get_full_name() and u.has_usable_password() for u in users.values())
    assert len({u.get_full_name() for u in users.values()}) == len(users)


def test_district_admin_keeps_master_data_in_the_admin():
    load_demo()
    admin = User.objects.get(username="dinkes.admin")
    assert admin.groups.filter(name=ADMIN_GROUP).exists() and not admin.is_superuser
    for perm in ("regions.change_region", "facilities.add_facility", "facilities.change_puskesmas",
                 "facilities.change_service", "accounts.change_user"):  # fmt: skip
        assert admin.has_perm(perm), perm
    assert not User.objects.get(username="kapus.sukamaju").has_perm("facilities.change_puskesmas")


def test_second_run_keeps_a_changed_password_and_name(client):
    load_demo()
    operator = User.objects.get(username="operator.sukamaju")
    operator.set_password("sandi-baru-sukamaju-99")
    operator.first_name = "Nama Baru"
    operator.save()
    load_demo()
    operator.refresh_from_db()
    assert operator.first_name == "Nama Baru"
    assert login(client, "operator.sukamaju").status_code == 200  # the demo password no longer works
    assert login(client, "operator.sukamaju", "sandi-baru-sukamaju-99").status_code == 302


def test_second_run_after_a_slug_change_creates_no_new_accounts():
    load_demo()
    Puskesmas.objects.filter(slug="sukamaju").update(slug="sukamaju-baru")
    users = User.objects.count()
    load_demo()
    assert User.objects.count() == users
    assert User.objects.get(username="kapus.sukamaju").puskesmas.slug == "sukamaju-baru"


def test_demo_accounts_skip_a_puskesmas_the_district_added(world):
    load_demo()
    assert not User.objects.filter(
        puskesmas__in=[world.a1, world.a2, world.b1], username__contains="."
    ).exists()


def test_district_admin_home_shows_all_sixteen_puskesmas(client):
    load_demo()
    login(client, "dinkes.admin")
    page = client.get(reverse("accounts:home")).content.decode()
    assert "Kabupaten Nusa Sehat (data contoh)" in page
    for puskesmas in Puskesmas.objects.filter(district__code="99.01"):
        assert f">{puskesmas.name}</a>" in page, puskesmas.name
    assert page.count("Belum ada akun Kepala Puskesmas.") == 2


def test_operator_of_sukamaju_sees_only_sukamaju(client):
    load_demo()
    login(client, "operator.sukamaju")
    home = client.get(reverse("accounts:home")).content.decode()
    assert "Puskesmas Sukamaju" in home
    others = Puskesmas.objects.exclude(slug="sukamaju")
    assert not any(f"Puskesmas {p.name}<" in home for p in others)
    own = client.get(reverse("facilities:puskesmas_detail", args=["sukamaju"]))
    assert own.status_code == 200
    for other in others:
        response = client.get(reverse("facilities:puskesmas_detail", args=[other.slug]))
        assert response.status_code == 404, other.slug
    assert client.get(reverse("facilities:puskesmas_list")).status_code == 403


def test_django_admin_speaks_bahasa_and_lists_sixteen_puskesmas(client):
    load_demo()
    login(client, "dinkes.admin")
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    page = index.content.decode()
    assert "Puskesmas" in page and "Data master Dinas Kesehatan" in page and "Selamat datang" in page
    changelist = client.get(reverse("admin:facilities_puskesmas_changelist"))
    assert changelist.status_code == 200
    assert "16 Puskesmas" in changelist.content.decode()
    assert client.get(reverse("admin:regions_region_changelist")).status_code == 200
    sukamaju = Puskesmas.objects.get(slug="sukamaju")
    change = client.get(reverse("admin:facilities_puskesmas_change", args=[sukamaju.pk]))
    assert change.status_code == 200 and "Sukamaju" in change.content.decode()


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client):
    load_demo()
    for attempt in range(1, 5):
        response = login(client, "operator.sukamaju", "salah-tebak")
        assert response.status_code == 200, attempt
        assert "Nama pengguna atau kata sandi salah" in response.content.decode()
    locked = login(client, "operator.sukamaju", "salah-tebak")
    assert "Terlalu banyak percobaan masuk" in locked.content.decode()
    refused = login(client, "operator.sukamaju")
    assert refused.status_code != 302
    assert "Terlalu banyak percobaan masuk" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:home")).status_code == 302  # still sent to the login page
    # Another account from the same address is not locked.
    assert login(client, "kapus.sukamaju").status_code == 302
