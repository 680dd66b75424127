"""The Django admin keeps a district administrator inside their district, like every other page."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse


@pytest.fixture
def admin_client(client, world):
    perms = Permission.objects.filter(content_type__app_label__in=["regions", "facilities", "accounts"])
    world.district_admin.user_permissions.set(perms)
    client.force_login(world.district_admin)
    return client


def test_puskesmas_list_shows_only_own_district(admin_client, world):
    page = admin_client.get(reverse("admin:facilities_puskesmas_changelist")).content.decode()
    assert "Alfa Satu" in page and "Alfa Dua" in page
    assert "Beta Satu" not in page


def test_other_district_puskesmas_cannot_be_opened(admin_client, world):
    response = admin_client.get(reverse("admin:facilities_puskesmas_change", args=[world.b1.pk]))
    assert response.status_code == 302  # the admin's "does not exist" redirect, never the data
    assert "Beta Satu" not in admin_client.get(response["Location"]).content.decode()


def test_region_choices_are_limited_to_own_district(admin_client, world):
    page = admin_client.get(reverse("admin:regions_region_changelist")).content.decode()
    assert "73.98" in page and "73.97.01" not in page


def test_district_admin_cannot_make_anyone_superuser(admin_client, world):
    operator = world.operator
    url = reverse("admin:accounts_user_change", args=[operator.pk])
    form = admin_client.get(url).content.decode()
    assert 'name="is_superuser"' not in form
    admin_client.post(
        url,
        {
            "username": operator.username,
            "role": operator.role,
            "puskesmas": operator.puskesmas_id,
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    operator.refresh_from_db()
    assert not operator.is_superuser and not operator.is_staff


def test_other_district_users_are_not_listed(admin_client, world):
    page = admin_client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert world.operator.username in page
    assert world.operator_b1.username not in page
