"""Validation of monthly values, as pure functions over plain values (no ORM).

The grid form and any importer call the same two functions: `parse_cell` for one typed cell and
`check_values` for a whole report (or a row of a spreadsheet). Errors block submission; warnings
(values far outside the Puskesmas' own history) are flagged for review and never refused.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

ERROR, WARNING = "error", "warning"
NOT_ABOVE, OUTLIER = "not_above", "outlier"
MIN_HISTORY = 3
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


@dataclass(frozen=True)
class ElementSpec:
    code: str
    name: str
    allowed_values: tuple[int, ...] = ()


@dataclass(frozen=True)
class RuleSpec:
    kind: str
    element: str | None  # None: an outlier rule for every element
    other: str | None = None
    factor: float = 3.0


@dataclass(frozen=True)
class Issue:
    element: str
    severity: str
    message: str
    related: tuple[str, ...] = field(default=())


def parse_cell(raw: str | int | None, element: ElementSpec) -> tuple[int | None, str | None]:
    """A typed cell as an integer (None when empty) or a message saying what is wrong and how to fix it."""
    if raw is None:
        return None, None
    text = str(raw).strip()
    if THOUSANDS.match(text):  # 1.250 written the Indonesian way
        text = text.replace(".", "")
    if text == "":
        return None, None
    try:
        value = int(text)
    except ValueError:
        return None, _(
            "%(name)s: '%(raw)s' bukan bilangan bulat. Isi dengan angka tanpa koma, misalnya 12."
        ) % {
            "name": element.name,
            "raw": str(raw).strip(),
        }
    if value < 0:
        return None, _("%(name)s: nilai tidak boleh negatif (%(value)s). Isi 0 bila tidak ada kegiatan.") % {
            "name": element.name,
            "value": value,
        }
    if element.allowed_values and value not in element.allowed_values:
        allowed = ", ".join(str(v) for v in element.allowed_values)
        return None, _("%(name)s: nilai %(value)s tidak dikenal. Pilih salah satu: %(allowed)s.") % {
            "name": element.name,
            "value": value,
            "allowed": allowed,
        }
    return value, None


def check_values(
    values: Mapping[str, int | None],
    *,
    elements: Mapping[str, ElementSpec],
    rules: Sequence[RuleSpec],
    history: Mapping[str, Sequence[int]] | None = None,
) -> list[Issue]:
    """Consistency errors between elements and warnings against the Puskesmas' own history."""
    issues: list[Issue] = []
    history = history or {}
    for rule in rules:
        if rule.kind == NOT_ABOVE and rule.element and rule.other:
            issue = _check_not_above(values, elements, rule)
            if issue:
                issues.append(issue)
    outlier_rules: dict[str | None, RuleSpec] = {}
    for rule in rules:  # the first rule for an element (or for every element, None) wins
        if rule.kind == OUTLIER:
            outlier_rules.setdefault(rule.element, rule)
    default = outlier_rules.get(None)
    if not history or not outlier_rules:
        return issues
    for code, value in values.items():
        if value is None or code not in elements or elements[code].allowed_values:
            continue
        outlier = outlier_rules.get(code) or default
        if outlier is not None:
            issue = _check_outlier(elements[code], value, history.get(code, ()), outlier.factor)
            if issue:
                issues.append(issue)
    return issues


def _check_not_above(values: Mapping[str, int | None], elements: Mapping[str, ElementSpec], rule: RuleSpec):
    value, other = values.get(rule.element), values.get(rule.other)
    if value is None or other is None or value <= other:
        return None
    name = elements[rule.element].name if rule.element in elements else rule.element
    other_name = elements[rule.other].name if rule.other in elements else rule.other
    message = _(
        "%(name)s (%(value)s) melebihi %(other_name)s (%(other)s). Angka ini tidak boleh lebih besar; "
        "periksa kedua angka."
    ) % {"name": name, "value": value, "other_name": other_name, "other": other}
    return Issue(rule.element, ERROR, message, (rule.other,))


def _check_outlier(element: ElementSpec, value: int, history: Sequence[int], factor: float) -> Issue | None:
    if len(history) < MIN_HISTORY:
        return None
    ordered = sorted(history)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    if median > 0:
        suspicious = value > factor * median or value < median / factor
    else:
        suspicious = value > 10 * factor
    if not suspicious:
        return None
    message = _(
        "%(name)s: %(value)s jauh dari biasanya (median %(count)s bulan sebelumnya: %(median)s). "
        "Periksa kembali; angka tetap disimpan dan ditandai untuk ditinjau."
    ) % {"name": element.name, "value": value, "count": len(history), "median": _fmt(median)}
    return Issue(element.code, WARNING, message)


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:.1f}".replace(".", ",")
