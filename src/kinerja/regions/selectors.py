"""Reads of the region tree that other apps share (pickers, breadcrumbs, catchment lists)."""

from kinerja.regions.codes import ancestor_codes
from kinerja.regions.models import Region, RegionQuerySet


def region_get(*, code: str) -> Region:
    """The region with this code; Region.DoesNotExist when there is none."""
    return Region.objects.get(code=code)


def region_tree(*, code: str, max_level: int | None = None) -> RegionQuerySet:
    """The region and everything under it (down to `max_level`), in code order: parents before children."""
    regions = Region.objects.within(code).select_related("parent").order_by("code")
    if max_level is not None:
        regions = regions.filter(level__lte=max_level)
    return regions


def region_ancestors(*, region: Region) -> list[Region]:
    """The region's ancestors, the province first (for breadcrumbs: Sulawesi Selatan > Luwu Utara > ...)."""
    return list(Region.objects.filter(code__in=ancestor_codes(region.code)).order_by("level"))
