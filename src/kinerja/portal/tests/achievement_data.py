"""Monthly reports on the real catalogue for portal tests: which statuses count is what is tested."""

from kinerja.indicators.catalogue import catalogue_load
from kinerja.indicators.models import DataElement, Report, TargetGroup
from kinerja.indicators.services import target_set
from kinerja.indicators.tests.helpers import put_month

YEAR = 2026
BUMIL = 120  # pregnant women a year: 10 a month meets the SPM service exactly


def load_catalogue() -> None:
    catalogue_load()


def populations(puskesmas, year: int = YEAR) -> None:
    for group in TargetGroup.objects.all():
        value = BUMIL if group.code == "bumil" else 1500
        target_set(user=None, puskesmas=puskesmas, year=year, group=group, value=value)


def month_values(scale: float = 1.0, anc: int = 10) -> dict[str, int]:
    """A value for every data element: `scale` x 100 a month (management items at 7), ANC as given."""
    values = {}
    for element in DataElement.objects.all():
        if element.allowed_values:
            values[element.code] = 7 if 7 in element.allowed_values else max(element.allowed_values)
        elif (
            element.aggregation == DataElement.Aggregation.LAST
        ):  # a stock (e.g. active Posyandu), not a flow
            values[element.code] = int(1200 * scale)
        else:
            values[element.code] = int(100 * scale)
    # Plausible values where lower is better or a range is the target (referrals, antibiotics, contacts).
    values.update({"kunjungan-jkn": 25, "rujukan-non-spesialistik": 3, "ispa-antibiotik": int(15 * scale)})
    values["anc-standar"], values["anc-k1"] = anc, anc + 1
    return values


def report(puskesmas, month: int, status: str, **kwargs) -> Report:
    return put_month(puskesmas, YEAR, month, month_values(**kwargs), status=status)
