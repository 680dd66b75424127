"""The waiting-room screen's achievement slides: one big plain sentence each, with simple bars.

Bars are data (label, value text, width 0-100, colour class); the screen draws them with plain DOM
elements, so no chart library reaches the TV.
"""

from django.utils.translation import gettext as _

from kinerja.portal.achievements import Group, PuskesmasAchievements, SpmService

Slide = dict[str, object]
MAX_BARS = 12


def _width(value: float | None, scale: str = "percent") -> float:
    if value is None:
        return 0.0
    return round(max(0.0, min(100.0, value * 10 if scale == "management" else value)), 1)


def _group_bars(groups: list[Group]) -> list[list[object]]:
    return [
        [
            g.name,
            g.score + ("/10" if g.scale == "management" else ""),
            _width(g.value, g.scale),
            g.category or "",
        ]
        for g in groups[:MAX_BARS]
    ]


def _spm_bars(services: list[SpmService]) -> list[list[object]]:
    return [
        [
            s.short_name,
            f"{s.result}%",
            _width(s.value),
            "baik" if s.met else "kurang",
        ]
        for s in services[:MAX_BARS]
    ]


def achievement_slides(a: PuskesmasAchievements) -> list[Slide]:
    label = _("Capaian kinerja") + (f" · {a.period}" if a.period else "")
    slides: list[Slide] = []
    if a.headline:
        slides.append({
            "kind": "achievement",
            "label": label,
            "title": _("Nilai kinerja pelayanan kami %(score)s: %(cat)s") % {"score": a.score, "cat": a.category_label},
            "text": a.bands,
            "bars": _group_bars(a.programmes),
        })  # fmt: skip
    if a.spm:
        slides.append({
            "kind": "achievement",
            "label": _("Standar Pelayanan Minimal") + f" · {a.period}",
            "title": _("%(met)s dari %(total)s layanan dasar sudah mencapai target 100%%")
            % {"met": a.spm_met, "total": len(a.spm)},
            "bars": _spm_bars(a.spm),
        })  # fmt: skip
    if a.improved:
        slides.append(
            {
                "kind": "achievement",
                "label": label,
                "title": _("Membaik sejak bulan lalu"),
                "items": a.improved,
            }
        )
    if a.ikm:
        slides.append({
            "kind": "ikm",
            "label": _("Kepuasan pasien") + f" · {a.ikm['period']}",
            "title": _("Indeks kepuasan pasien %(value)s dari 100: %(label)s (%(grade)s)")
            % {"value": a.ikm["value"], "label": a.ikm["label"], "grade": a.ikm["grade"]},
            "text": a.ikm["sentence"] + " " + _("Terima kasih atas penilaian Anda."),
        })  # fmt: skip
    return slides
