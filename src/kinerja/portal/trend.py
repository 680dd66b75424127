"""A small server-rendered trend line (pure: no ORM) for the public Puskesmas page.

A hand-drawn SVG polyline weighs a few hundred bytes where a charting library's output weighs
tens of kilobytes; the page stays light on a slow network and needs no JavaScript.
"""

from dataclasses import dataclass

from kinerja.indicators.sentences import month_name, number

WIDTH, HEIGHT, PAD_X, PAD_TOP, PAD_BOTTOM = 320, 120, 28, 8, 20


@dataclass
class Point:
    x: float
    y: float
    month: str
    value: str


@dataclass
class Trend:
    points: list[Point]
    polyline: str
    good_y: float
    fair_y: float
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_X

    @property
    def description(self) -> str:
        return "; ".join(f"{p.month} {p.value}" for p in self.points)


def _y(value: float, low: float) -> float:
    span = 100.0 - low
    inner = HEIGHT - PAD_TOP - PAD_BOTTOM
    return round(PAD_TOP + (100.0 - max(low, min(100.0, value))) / span * inner, 1)


def trend_points(values: list[float | None], *, good: float, fair: float) -> Trend | None:
    """Points of a score series (months 1..n, 0-100) on a chart whose floor sits below the lowest value
    and the 'Cukup' line, so the category bands stay visible. None when fewer than two months scored."""
    scored = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(scored) < 2:
        return None
    low = min(fair - 10, min(v for _, v in scored) - 5)
    low = max(0.0, float(int(low // 10 * 10)))
    step = (WIDTH - PAD_X - 16) / max(1, len(values) - 1)
    points = [
        Point(x=round(PAD_X + i * step, 1), y=_y(v, low), month=month_name(i + 1)[:3], value=number(v))
        for i, v in scored
    ]
    return Trend(
        points=points,
        polyline=" ".join(f"{p.x},{p.y}" for p in points),
        good_y=_y(good, low),
        fair_y=_y(fair, low),
    )
