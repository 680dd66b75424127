"""English as the second interface language.

The msgids are Bahasa Indonesia; `locale/en/LC_MESSAGES/django.po` carries the English. The
completeness check reads the .po as it is committed: every entry present must be translated. New
strings added to templates appear here only once `makemessages` has been re-run (see
docs/translation.md), which is the intended workflow.
"""

import contextlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

SOURCE_DIR = Path(settings.BASE_DIR)
PO = SOURCE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.fixture(scope="module", autouse=True)
def _compiled_catalogue():
    """Compile the .po when the .mo is missing or older (a fresh clone not built by make)."""
    if not MO.exists() or MO.stat().st_mtime < PO.stat().st_mtime:
        with contextlib.chdir(SOURCE_DIR), contextlib.suppress(CommandError):
            # A broken .po is reported, entry by entry, by the two catalogue tests below.
            call_command("compilemessages", locale=["en"], verbosity=0)
        # Catalogues already loaded in this process were read before the .mo existed.
        trans_real._translations.clear()
        trans_real._default = None


@pytest.fixture(autouse=True)
def _back_to_default_language():
    """LocaleMiddleware activates the request's language on this thread and leaves it active:
    reset it so English does not leak into the next test run by this worker."""
    yield
    translation.deactivate()


def _entries(text: str) -> list[dict]:
    """The .po as a list of {flags, msgid, plural, msgstr: [..]}; header included (msgid "")."""
    entries = []
    for block in text.strip().split("\n\n"):
        entry = {"flags": set(), "msgid": None, "plural": None, "msgstr": []}
        current = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith(("msgid ", "msgid_plural ", "msgstr")):
                key, _, value = line.partition(" ")
                current = key
                value = _unquote(value)
                if key == "msgid":
                    entry["msgid"] = value
                elif key == "msgid_plural":
                    entry["plural"] = value
                else:
                    entry["msgstr"].append(value)
            elif line.startswith('"'):
                value = _unquote(line)
                if current == "msgid":
                    entry["msgid"] += value
                elif current == "msgid_plural":
                    entry["plural"] += value
                else:
                    entry["msgstr"][-1] += value
        if entry["msgid"] is not None:
            entries.append(entry)
    return entries


def _unquote(quoted: str) -> str:
    assert quoted.startswith('"') and quoted.endswith('"'), quoted
    return quoted[1:-1].replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def _switch_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302


def test_every_entry_of_the_english_catalogue_is_translated():
    entries = _entries(PO.read_text(encoding="utf-8"))
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert len(messages) > 500
    problems = []
    for entry in [header, *messages]:
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy: {entry['msgid'][:60]!r}")
    for entry in messages:
        expected = 2 if entry["plural"] is not None else 1
        if len(entry["msgstr"]) != expected or not all(s.strip() for s in entry["msgstr"]):
            problems.append(f"untranslated: {entry['msgid'][:60]!r}")
        for msgstr in entry["msgstr"]:
            if set(PLACEHOLDER.findall(msgstr)) != set(PLACEHOLDER.findall(entry["msgid"])):
                problems.append(f"placeholders differ: {entry['msgid'][:60]!r}")
    assert not problems, "Translate these in django.po (see docs/translation.md):\n" + "\n".join(problems)


def test_catalogue_passes_msgfmt_format_check():
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext is needed to compile translations: run `make system-deps`"
    result = subprocess.run(
        [msgfmt, "--check-format", "--check-header", "-o", "/dev/null", str(PO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_default_language_is_bahasa_indonesia(client):
    login = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="id">' in login
    assert "Masuk ke Kinerja Puskesmas" in login
    assert "Sign in" not in login
    home = client.get(reverse("portal:home")).content.decode()
    assert "Masuk untuk petugas" in home


@pytest.mark.django_db
def test_english_login_page_after_switching(client):
    _switch_to_english(client)
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in page
    assert "Sign in to Kinerja Puskesmas" in page
    assert "Username" in page and "Password" in page
    assert "Masuk ke Kinerja Puskesmas" not in page


@pytest.mark.django_db
def test_english_public_home(client, world):
    _switch_to_english(client)
    page = client.get(reverse("portal:home")).content.decode()
    assert "Staff sign-in" in page
    assert "Health articles" in page
    assert "Masuk untuk petugas" not in page


@pytest.mark.django_db
def test_english_internal_home_menu_and_errors(client, world):
    _switch_to_english(client)
    response = client.post(reverse("accounts:login"), {"username": world.head.username, "password": "wrong"})
    assert "Wrong username or password." in response.content.decode()
    client.force_login(world.head)
    page = client.get(reverse("accounts:home")).content.decode()
    for english in ("Home", "Puskesmas profile", "Sign out", "Head of Puskesmas", "Needs attention"):
        assert english in page, english
    assert "Keluar" not in page
    assert "Beranda" not in page


def test_an_english_browser_still_gets_bahasa_until_the_user_switches(client, db):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Kata sandi" in page and "Password" not in page
