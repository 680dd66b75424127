"""URL keyword samples for the access matrix (see accounts/tests/samples.py)."""


def _indicator(world, puskesmas):
    from kinerja.indicators.catalogue import catalogue_load
    from kinerja.indicators.models import Indicator

    if not Indicator.objects.exists():
        catalogue_load()
    return Indicator.objects.order_by("pk").first().pk


def _element(world, puskesmas):
    from kinerja.indicators.models import DataElement

    _indicator(world, puskesmas)
    return DataElement.objects.order_by("pk").first().pk


def _report(world, puskesmas):
    from kinerja.indicators.services import report_get_or_create

    return report_get_or_create(puskesmas=puskesmas, year=2024, month=5).pk


URL_SAMPLES = {
    "year": lambda world, puskesmas: 2024,
    "month": lambda world, puskesmas: 5,
    "report_id": _report,
    "indicator_id": _indicator,
    "element_id": _element,
}
