from django import template

from kinerja.indicators.sentences import category_label, number

register = template.Library()


@register.filter
def angka(value, decimals=1):
    """A number the Indonesian way: 1.234,5; '-' when missing."""
    if value is None or value == "":
        return "-"
    return number(float(value), int(decimals))


@register.filter
def kategori(value):
    return category_label(value)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
