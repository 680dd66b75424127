"""The waiting-room screen's playlist: the slides a Puskesmas' TV rotates, as JSON-ready data.

Only published content goes in. The version is a hash of the content, so the screen can ask
"anything new?" with If-None-Match and the answer is a small 304 when nothing changed.
"""

import hashlib
import json
from collections.abc import Callable
from itertools import zip_longest

from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.facilities.models import Puskesmas
from kinerja.portal.achievements import puskesmas_achievements
from kinerja.portal.markup import plain_text
from kinerja.portal.models import ScreenSettings
from kinerja.portal.screen_slides import achievement_slides
from kinerja.portal.selectors import (
    public_announcements,
    public_articles,
    public_programmes,
    screen_settings_for,
)

MAX_PER_KIND = 8
RELOAD_AFTER_HOURS = 24
Slide = dict[str, object]


def _profile(puskesmas: Puskesmas, now) -> list[Slide]:
    hours = [line.strip() for line in puskesmas.opening_hours.splitlines() if line.strip()]
    services = [s.name for s in puskesmas.services.all()[:8]]
    return [
        {
            "kind": "profile",
            "label": _("Selamat datang"),
            "title": str(puskesmas),
            "facts": [[_("Jam layanan"), "; ".join(hours)]] if hours else [],
            "items": services,
        }
    ]


def _achievements(puskesmas: Puskesmas, now) -> list[Slide]:
    """Approved achievements as large plain sentences with bar charts, and the latest IKM."""
    a = puskesmas_achievements(puskesmas=puskesmas, with_trend=False)
    if a is None:
        return []
    return achievement_slides(a)


def _articles(puskesmas: Puskesmas, now) -> list[Slide]:
    articles = public_articles(now=now).for_puskesmas_page(puskesmas)[:MAX_PER_KIND]
    return [
        {
            "kind": "article",
            "label": a.get_category_display(),
            "title": a.title,
            "text": a.summary,
            "image": a.cover.url if a.cover else "",
            "image_alt": a.cover_alt,
        }
        for a in articles
    ]


def _programmes(puskesmas: Puskesmas, now) -> list[Slide]:
    programmes = public_programmes(now=now).for_puskesmas_page(puskesmas)[:MAX_PER_KIND]
    return [
        {
            "kind": "programme",
            "label": p.get_kind_display(),
            "title": p.title,
            "text": plain_text(p.description, limit=220),
            "facts": [[_("Jadwal"), p.schedule], [_("Tempat"), p.place], [_("Untuk"), p.eligibility]],
        }
        for p in programmes
    ]


def _announcements(puskesmas: Puskesmas, now) -> list[Slide]:
    notes = public_announcements(now=now).for_puskesmas_page(puskesmas)[:MAX_PER_KIND]
    return [
        {"kind": "announcement", "label": _("Pengumuman"), "title": n.title, "text": n.body} for n in notes
    ]


BUILDERS: dict[str, Callable[[Puskesmas, object], list[Slide]]] = {
    ScreenSettings.SlideKind.PROFILE: _profile,
    ScreenSettings.SlideKind.ACHIEVEMENTS: _achievements,
    ScreenSettings.SlideKind.ARTICLES: _articles,
    ScreenSettings.SlideKind.PROGRAMMES: _programmes,
    ScreenSettings.SlideKind.ANNOUNCEMENTS: _announcements,
}


def interleave(groups: list[list[Slide]]) -> list[Slide]:
    """Round-robin over the kinds, so education, programmes and notices alternate on screen."""
    return [slide for row in zip_longest(*groups) for slide in row if slide is not None]


def screen_playlist(*, puskesmas: Puskesmas, now=None) -> dict[str, object]:
    now = now or timezone.now()
    screen = screen_settings_for(puskesmas=puskesmas)
    kinds = [k for k in screen.kinds if k in BUILDERS]
    slides = interleave([BUILDERS[k](puskesmas, now) for k in kinds])
    if not slides:
        slides = _profile(puskesmas, now)
    ticker = [screen.running_text.strip()] if screen.running_text.strip() else []
    ticker += [n.title for n in public_announcements(now=now).for_puskesmas_page(puskesmas)[:5]]
    payload: dict[str, object] = {
        "puskesmas": str(puskesmas),
        "slide_seconds": screen.slide_seconds,
        "running_text": "  •  ".join(ticker),
        "reload_after_hours": RELOAD_AFTER_HOURS,
        "slides": slides,
    }
    payload["version"] = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]
    return payload
