"""Server-rendered SVG charts (pygal): no JavaScript library, no call out, reusable in PDFs."""

import pygal
from pygal.style import Style

from kinerja.indicators.services import month_name

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1b1f23",
    foreground_strong="#1b1f23",
    foreground_subtle="#57606a",
    colors=("#0b6e4f", "#0550ae", "#b42318", "#8a6100", "#6639ba", "#57606a"),
    font_family="system-ui, sans-serif",
)


def trend_svg(
    series: dict[str, list[float | None]],
    *,
    title: str = "",
    target: float | None = None,
    target_label: str = "Target",
    target_high: float | None = None,
    months: int = 12,
) -> str:
    """A line chart of monthly values (one line per series), with an optional target line."""
    chart = pygal.Line(
        js=[],
        disable_xml_declaration=True,
        style=STYLE,
        width=720,
        height=300,
        title=title or None,
        show_dots=True,
        dots_size=3,
        legend_at_bottom=True,
        x_labels=[month_name(m)[:3] for m in range(1, months + 1)],
        allow_interruptions=True,
        print_values=False,
        value_formatter=lambda v: f"{v:.1f}".replace(".", ","),
    )
    for label, values in series.items():
        chart.add(label, [None if v is None else round(v, 1) for v in values[:months]])
    if target is not None:
        chart.add(target_label, [target] * months, show_dots=False, stroke_style={"dasharray": "6, 4"})
    if target_high is not None:
        chart.add(
            f"{target_label} (atas)",
            [target_high] * months,
            show_dots=False,
            stroke_style={"dasharray": "6, 4"},
        )
    return chart.render(is_unicode=True)
