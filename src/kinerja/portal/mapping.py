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


@dataclass(frozen=True)
class Label:
    dx: float
    dy: float
    anchor: str  # SVG text-anchor: start, end or middle


# Where a name may go around its marker, in order of preference: right, left, above, below.
CANDIDATES = [Label(15, 5, "start"), Label(-15, 5, "end"), Label(0, -16, "middle"), Label(0, 27, "middle")]


def _box(point: MapPoint, label: Label, width: float, height: float) -> tuple[float, float, float, float]:
    x = point.x + label.dx
    left = {"start": x, "end": x - width, "middle": x - width / 2}[label.anchor]
    baseline = point.y + label.dy
    return (left, baseline - height * 0.8, left + width, baseline + height * 0.2)


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    points: list[MapPoint], names: list[str], *, width: int, height: int, font_px: int, radius: float
) -> list[Label | None]:
    """A position for each name that overlaps no other name, no marker and no edge, or None when
    none fits (the marker's number still links it to the list). Greedy, in the given order."""
    markers = [(p.x - radius, p.y - radius, p.x + radius, p.y + radius) for p in points]
    taken: list[tuple] = []
    placed: list[Label | None] = []
    for point, name in zip(points, names, strict=True):
        text_width = len(name) * font_px * 0.58
        choice = None
        for label in CANDIDATES:
            box = _box(point, label, text_width, font_px * 1.1)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not any(_overlaps(box, other) for other in taken + markers):
                choice = label
                taken.append(box)
                break
        placed.append(choice)
    return placed
