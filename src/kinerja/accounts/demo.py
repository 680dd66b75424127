"""Demo accounts: one user per role, plus a head and an operator for most demo Puskesmas.

Every demo account has the same published password, `demo-kinerja-2026`. Accounts are only created,
never updated: a second run leaves a changed password, name or role alone. Because the password is
public anyway, one hash is computed and shared by every new account, which keeps `load-demo` fast
with PBKDF2 (one hash instead of thirty).
"""

import random
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission

from kinerja.accounts.models import User
from kinerja.facilities.demo import FEMALE_FIRST_NAMES, FIRST_NAMES, LAST_NAMES, district_plan
from kinerja.facilities.models import Puskesmas
from kinerja.regions.models import Region

PASSWORD = "demo-kinerja-2026"
SEED = 2026
ADMIN_GROUP = "Administrator Dinas Kesehatan"
# Django model permissions of these apps go to the admin group, so master data is kept in the admin.
ADMIN_GROUP_APPS = ("regions", "facilities", "accounts")
# Demo Puskesmas left without a head account, so the district home shows something to act on.
WITHOUT_HEAD = ("air-bening", "tapal-batas")

Role = User.Role
DISTRICT_USERS = [
    ("dinkes.admin", Role.DISTRICT_ADMIN, "Hj. Andi Nurhayati, S.KM., M.Kes.", ""),
    ("dinkes.program", Role.PROGRAM_MANAGER, "Rina Kurniawati, S.ST., M.Kes.", "kia"),
    ("dinkes.supervisi", Role.SUPERVISOR, "dr. Muhammad Ilham Syahrir", ""),
]
SUKAMAJU = {
    "kapus.sukamaju": (Role.PUSKESMAS_HEAD, "dr. Dewi Lestari Hamzah"),
    "operator.sukamaju": (Role.PUSKESMAS_OPERATOR, "Budi Santoso, A.Md.Kes."),
}


def _planned_users(district: Region) -> list[dict]:
    """Every demo account, the same on every run (seeded names)."""
    rng = random.Random(SEED)
    users = [
        {"username": username, "role": role, "full_name": name, "region": district, "program": program}
        for username, role, name, program in DISTRICT_USERS
    ]
    used = {u["full_name"] for u in users}
    # Usernames come from the planned slugs, so a Puskesmas whose slug the district changed does not
    # get a second pair of accounts; Puskesmas the district added itself get no demo accounts.
    planned_slugs = {p.code: p.slug for p in district_plan().puskesmas}
    for puskesmas in Puskesmas.objects.in_district(district).filter(code__in=planned_slugs).order_by("code"):
        slug = planned_slugs[puskesmas.code]
        for prefix, role in (("kapus", Role.PUSKESMAS_HEAD), ("operator", Role.PUSKESMAS_OPERATOR)):
            username = f"{prefix}.{slug}"
            name = _person(rng, used, head=role == Role.PUSKESMAS_HEAD)
            if username in SUKAMAJU:
                role, name = SUKAMAJU[username]
            elif role == Role.PUSKESMAS_HEAD and slug in WITHOUT_HEAD:
                continue
            users.append({"username": username, "role": role, "full_name": name, "puskesmas": puskesmas})
    return users


def _person(rng: random.Random, used: set[str], *, head: bool) -> str:
    while True:
        first = rng.choice(FEMALE_FIRST_NAMES if rng.random() < 0.5 else FIRST_NAMES)
        name = f"{first} {rng.choice(LAST_NAMES)}"
        if name not in used:
            used.add(name)
            # Heads of Puskesmas are doctors or public-health graduates; operators hold a diploma.
            if head:
                return f"dr. {name}" if rng.random() < 0.6 else f"{name}, S.KM., M.Kes."
            return f"{name}, A.Md.Kes."


def admin_group() -> Group:
    """The group that lets district administrators keep master data in the Django admin."""
    group, created = Group.objects.get_or_create(name=ADMIN_GROUP)
    if created:
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_GROUP_APPS))
    return group


def load(*, district: Region, log: Callable[[str], None]) -> None:
    """Create the demo accounts that are missing; existing accounts are left exactly as they are."""
    group = admin_group()
    existing = set(User.objects.values_list("username", flat=True))
    missing = [u for u in _planned_users(district) if u["username"] not in existing]
    if not missing:
        log("Akun contoh: semua sudah ada.")
        return
    password = make_password(PASSWORD)
    new_users = []
    for planned in missing:
        # Indonesian names do not split into given and family names: the whole name is first_name.
        user = User(first_name=planned.pop("full_name"), password=password, **planned)
        user.is_staff = user.role == Role.DISTRICT_ADMIN
        new_users.append(user)
    User.objects.bulk_create(new_users)
    admins = User.objects.filter(username__in=[u.username for u in new_users if u.is_staff])
    group.user_set.add(*admins)
    log(f"Akun contoh: {len(new_users)} akun baru, kata sandi semuanya {PASSWORD}.")
