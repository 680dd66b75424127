from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from kinerja.facilities.models import Facility, Puskesmas
from kinerja.regions.models import Region


@dataclass
class PuskesmasOverview:
    puskesmas: Puskesmas
    pustu_count: int
    posyandu_count: int
    network_count: int
    village_count: int
    head_count: int
    attention: list[str] = field(default_factory=list)


def puskesmas_overview(*, puskesmas: QuerySet[Puskesmas]) -> list[PuskesmasOverview]:
    """Each Puskesmas with its network size and what in its master data needs attention (one query)."""
    rows = (
        puskesmas.select_related("subdistrict")
        .annotate(
            n_pustu=Count("facilities", filter=Q(facilities__kind=Facility.Kind.PUSTU), distinct=True),
            n_posyandu=Count("facilities", filter=Q(facilities__kind=Facility.Kind.POSYANDU), distinct=True),
            n_network=Count(
                "facilities", filter=~Q(facilities__kind__in=Facility.OWN_NETWORK), distinct=True
            ),
            n_villages=Count("catchment_villages", distinct=True),
            n_heads=Count(
                "users", filter=Q(users__role="puskesmas_head", users__is_active=True), distinct=True
            ),
        )
        .order_by("name")
    )
    overview = []
    for row in rows:
        item = PuskesmasOverview(
            puskesmas=row,
            pustu_count=row.n_pustu,
            posyandu_count=row.n_posyandu,
            network_count=row.n_network,
            village_count=row.n_villages,
            head_count=row.n_heads,
        )
        item.attention = _master_data_gaps(item)
        overview.append(item)
    return overview


def _master_data_gaps(item: PuskesmasOverview) -> list[str]:
    gaps = []
    if item.head_count == 0:
        gaps.append(_("Belum ada akun Kepala Puskesmas."))
    if item.village_count == 0:
        gaps.append(_("Desa wilayah kerja belum diisi."))
    if not item.puskesmas.has_coordinates:
        gaps.append(_("Koordinat lokasi belum diisi."))
    if not item.puskesmas.opening_hours:
        gaps.append(_("Jam buka belum diisi."))
    return gaps


def puskesmas_network(*, puskesmas: Puskesmas) -> dict[str, list[Facility]]:
    """The Puskesmas' own network (Pustu, Posyandu) and its partner facilities, grouped by kind label."""
    groups: dict[str, list[Facility]] = {}
    for facility in puskesmas.facilities.select_related("village", "hamlet").order_by("kind", "name"):
        groups.setdefault(facility.get_kind_display(), []).append(facility)
    return groups


@dataclass
class Catchment:
    villages: list[Region]
    hamlet_count: int
    population: int


def puskesmas_catchment(*, puskesmas: Puskesmas) -> Catchment:
    """The Puskesmas' villages (each with `hamlet_count`) and the totals of its working area."""
    villages = list(puskesmas.catchment_villages.annotate(hamlet_count=Count("children")).order_by("code"))
    return Catchment(
        villages=villages,
        hamlet_count=sum(v.hamlet_count for v in villages),
        population=sum(v.population or 0 for v in villages),
    )
