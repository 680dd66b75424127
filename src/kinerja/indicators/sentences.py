"""Plain-language sentences in Bahasa Indonesia for achievements, for the portal and the screens.

Example: "Ibu hamil mendapat ANC sesuai standar: capaian 92,5% sampai Juni 2024, target 100%.
Nilai 92,5, kategori Baik. Naik 3,1 poin dari bulan sebelumnya."
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kinerja.indicators import formulas as f
from kinerja.indicators.models import Indicator
from kinerja.indicators.scoring import IndicatorResult, PuskesmasScore, Scorecard
from kinerja.indicators.services import month_name

# In Bahasa and marked for translation; category_label() gives the active language's label.
CATEGORY_LABELS = {
    f.GOOD: gettext_noop("Baik"),
    f.FAIR: gettext_noop("Cukup"),
    f.POOR: gettext_noop("Kurang"),
}


def category_label(category: str | None, default: str = "-") -> str:
    """Baik / Cukup / Kurang in the active language; `default` when there is no category."""
    return _(CATEGORY_LABELS[category]) if category in CATEGORY_LABELS else default


def period_label(year: int, month: int) -> str:
    """ "September 2026", in the active language."""
    return f"{month_name(month)} {year}"


def number(value: float | None, decimals: int = 1) -> str:
    """An Indonesian-formatted number: 1.234,5 (dot for thousands, comma for decimals)."""
    if value is None:
        return "-"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _unit(indicator: Indicator) -> str:
    return "%" if indicator.unit == "%" else f" {indicator.unit}"


def _target_text(result: IndicatorResult) -> str:
    ind, unit = result.indicator, _unit(result.indicator)
    if ind.polarity == Indicator.Polarity.LOWER:
        return _("target paling tinggi %(t)s%(u)s") % {"t": number(result.target, 0), "u": unit}
    if ind.polarity == Indicator.Polarity.RANGE:
        return _("target %(lo)s-%(hi)s%(u)s") % {
            "lo": number(result.target, 0),
            "hi": number(result.target_high, 0),
            "u": unit,
        }
    return _("target %(t)s%(u)s") % {"t": number(result.target, 0), "u": unit}


def achievement_sentence(result: IndicatorResult, *, year: int, month: int) -> str:
    """One sentence (or two) about one indicator's achievement, year to date."""
    ind = result.indicator
    period = period_label(year, month)
    if result.numerator is None:
        return _("%(name)s: belum ada data sampai %(period)s.") % {"name": ind.name, "period": period}
    if ind.method == Indicator.Method.MANAGEMENT:
        text = _("%(name)s: nilai %(score)s dari 10, kategori %(cat)s.") % {
            "name": ind.name,
            "score": number(result.score),
            "cat": category_label(result.category),
        }
        return text
    if result.result is None:
        return _(
            "%(name)s: capaian belum dapat dihitung sampai %(period)s karena sasaran atau penyebutnya nol."
        ) % {
            "name": ind.name,
            "period": period,
        }
    text = _("%(name)s: capaian %(value)s%(unit)s sampai %(period)s, %(target)s.") % {
        "name": ind.name,
        "value": number(result.result),
        "unit": _unit(ind),
        "period": period,
        "target": _target_text(result),
    }
    if ind.method == Indicator.Method.SPM:
        text += " " + (_("Sudah memenuhi SPM.") if result.met else _("Belum memenuhi SPM."))
    else:
        text += " " + _("Nilai %(score)s, kategori %(cat)s.") % {
            "score": number(result.score),
            "cat": category_label(result.category),
        }
    return text + _change_text(result)


def _change_text(result: IndicatorResult) -> str:
    change = result.change
    if change is None:
        return ""
    if abs(change) < 0.05:
        return " " + _("Sama dengan bulan sebelumnya.")
    word = _("Naik") if change > 0 else _("Turun")
    return " " + _("%(word)s %(points)s poin dari bulan sebelumnya.") % {
        "word": word,
        "points": number(abs(change)),
    }


def puskesmas_sentence(row: PuskesmasScore, *, card: Scorecard) -> str:
    """One sentence about a Puskesmas' overall result in the scorecard."""
    name = row.puskesmas.name
    period = period_label(card.year, card.month)
    if card.is_spm:
        total = sum(1 for r in row.indicators.values())
        return _(
            "Puskesmas %(name)s sampai %(period)s: %(met)s dari %(total)s layanan SPM sudah memenuhi target; "
            "rata-rata capaian (dibatasi 100) %(mean)s%% (rata-rata biasa, bukan indeks SPM resmi)."
        ) % {
            "name": name,
            "period": period,
            "met": row.services_met,
            "total": total,
            "mean": number(row.overall),
        }
    if row.overall is None:
        return _("Puskesmas %(name)s: belum ada data yang dapat dinilai sampai %(period)s.") % {
            "name": name,
            "period": period,
        }
    text = _("Puskesmas %(name)s sampai %(period)s: nilai kinerja %(score)s, kategori %(cat)s") % {
        "name": name,
        "period": period,
        "score": number(row.overall),
        "cat": category_label(row.category),
    }
    if row.rank and len(card.rows) > 1:
        text += _(", peringkat %(rank)s dari %(count)s Puskesmas") % {
            "rank": row.rank,
            "count": len(card.rows),
        }
    return text + "."


def achievement_sentences(card: Scorecard, *, puskesmas_id: int) -> dict[str, str]:
    """Sentences for every indicator of one Puskesmas in a scorecard, by indicator code ('' = overall)."""
    row = card.row(puskesmas_id)
    if row is None:
        return {}
    sentences = {"": puskesmas_sentence(row, card=card)}
    for code, result in row.indicators.items():
        sentences[code] = achievement_sentence(result, year=card.year, month=card.month)
    return sentences
