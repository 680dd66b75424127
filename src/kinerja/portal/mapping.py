"""A simple map drawn from coordinates: project latitude/longitude onto an SVG box (pure functions).

Over a regency (tens of kilometres) an equirectangular projection with the longitude scaled by
cos(latitude) is accurate enough to show where Puskesmas lie relative to each other.
"""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float


def project(
    coordinates: list[tuple[float, float]], *, width: int, height: int, padding: int
) -> list[MapPoint]:
    """Fit (latitude, longitude) pairs into a width x height box, north up, keeping proportions."""
    if not coordinates:
        return []
    mid_lat = sum(lat for lat, _ in coordinates) / len(coordinates)
    scale_x = math.cos(math.radians(mid_lat))
    xs = [lon * scale_x for _, lon in coordinates]
    ys = [-lat for lat, _ in coordinates]
    span_x = max(xs) - min(xs)
    span_y = max(ys) - min(ys)
    inner_w, inner_h = width - 2 * padding, height - 2 * padding
    if span_x == 0 and span_y == 0:
        return [MapPoint(width / 2, height / 2) for _ in coordinates]
    scale = min(inner_w / span_x if span_x else math.inf, inner_h / span_y if span_y else math.inf)
    offset_x = padding + (inner_w - span_x * scale) / 2
    offset_y = padding + (inner_h - span_y * scale) / 2
    return [
        MapPoint(round(offset_x + (x - min(xs)) * scale, 1), round(offset_y + (y - min(ys)) * scale, 1))
        for x, y in zip(xs, ys, strict=True)
    ]
