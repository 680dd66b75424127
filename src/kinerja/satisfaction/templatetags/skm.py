from decimal import Decimal

from django import template

from kinerja.satisfaction.formulas import round_half_up

register = template.Library()


@register.filter
def grade_class(grade: str | None) -> str:
    """CSS badge class of a mutu pelayanan letter."""
    return {"A": "baik", "B": "baik", "C": "cukup", "D": "kurang"}.get(grade or "", "")


@register.filter
def dec(value, places: int = 3) -> str:
    """A number rounded half-up with a decimal comma, as Indonesian reports print it ('-' when empty)."""
    if value is None or value == "":
        return "-"
    return str(
        round_half_up(Decimal(str(value)) if isinstance(value, (str, float)) else value, int(places))
    ).replace(".", ",")


@register.filter
def get_item(mapping: dict, key):
    return (mapping or {}).get(key)
