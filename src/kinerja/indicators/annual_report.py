"""A Puskesmas' annual performance report, as PDF (WeasyPrint, from an HTML template) and Excel.

Both come from the scoring service (`scoring.scorecard`) for the year to date: every programme
(node) and indicator with its target, achievement, score and category, the plain-language
sentences of `sentences.py`, and the monthly trend of the overall score as an SVG chart.
"""

import base64
import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.facilities.models import Puskesmas
from kinerja.indicators.charts import trend_svg
from kinerja.indicators.scoring import NodeResult, PuskesmasScore, Scorecard, monthly_trend, scorecard
from kinerja.indicators.sentences import achievement_sentences, category_label, month_name

FRAMEWORKS = {"pkp": "PKP", "spm": "SPM", "ilp": "Klaster ILP"}


@dataclass
class Line:
    """One row of the report table: a programme/group (node) or an indicator under it."""

    depth: int
    is_node: bool
    code: str
    name: str
    target: str = ""
    result: float | None = None
    unit: str = ""
    score: float | None = None
    category: str = ""
    sentence: str = ""


@dataclass
class AnnualData:
    puskesmas: Puskesmas
    year: int
    month: int
    framework: str
    card: Scorecard
    row: PuskesmasScore
    headline: str
    lines: list[Line] = field(default_factory=list)
    trend: list[float | None] = field(default_factory=list)
    chart_svg: str = ""
    generated_at: str = ""

    @property
    def framework_label(self) -> str:
        return FRAMEWORKS.get(self.framework, self.framework.upper())

    @property
    def period(self) -> str:
        return f"{month_name(1)}-{month_name(self.month)} {self.year}"

    @property
    def chart_data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.chart_svg.encode()).decode()


def report_month(year: int) -> int:
    """December for a past year; the last full month for the current year."""
    today = timezone.localdate()
    return max(1, today.month - 1) if year == today.year else 12


def annual_data(*, puskesmas: Puskesmas, year: int, framework: str = "pkp") -> AnnualData:
    framework = framework or "pkp"
    month = report_month(year)
    card = scorecard(puskesmas_ids=[puskesmas.pk], year=year, month=month, framework=framework)
    row = card.rows[0]
    sentences = achievement_sentences(card, puskesmas_id=puskesmas.pk)
    data = AnnualData(puskesmas, year, month, framework, card, row, sentences.get("", ""))
    _flatten(data, row.nodes, 0, sentences)
    data.trend = monthly_trend(puskesmas_ids=[puskesmas.pk], year=year, framework=framework, upto=month)[
        puskesmas.pk
    ]
    if any(value is not None for value in data.trend):
        data.chart_svg = trend_svg(
            {puskesmas.name: data.trend}, title=_("Nilai kinerja kumulatif per bulan"), months=month
        )
    data.generated_at = timezone.localtime().strftime("%d-%m-%Y %H:%M")
    return data


def _category(value: str | None, met: bool | None, spm: bool) -> str:
    if spm:
        return "" if met is None else (_("Memenuhi") if met else _("Belum memenuhi"))
    return category_label(value, "")


def _flatten(data: AnnualData, nodes: list[NodeResult], depth: int, sentences: dict[str, str]) -> None:
    spm = data.card.is_spm
    for nr in nodes:
        data.lines.append(
            Line(depth, True, nr.node.code, nr.node.name, score=nr.score, category=_category(nr.category, nr.met, spm))
        )  # fmt: skip
        for ir in nr.indicators:
            ind = ir.indicator
            target = f"{ir.target:g}" + (f"-{ir.target_high:g}" if ir.target_high is not None else "")
            if ind.polarity == "lower":
                target = "≤ " + target
            data.lines.append(
                Line(depth + 1, False, ind.code, ind.name, target=target.replace(".", ","), result=ir.result,
                     unit=ind.unit, score=ir.score, category=_category(ir.category, ir.met, spm),
                     sentence=sentences.get(ind.code, ""))
            )  # fmt: skip
        _flatten(data, nr.children, depth + 1, sentences)


def annual_pdf(data: AnnualData, *, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("indicators/annual_report.html", {"data": data})
    return HTML(string=html, base_url=base_url).write_pdf()


def annual_xlsx(data: AnnualData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    ws = book.active
    ws.title = f"Kinerja {data.year}"
    bold = Font(bold=True)
    ws.append(
        [f"Laporan kinerja {data.framework_label} Puskesmas {data.puskesmas.name} ({data.puskesmas.code})"]
    )
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"Periode: {data.period}. Hanya laporan yang sudah diajukan yang dihitung."])
    ws.append([data.headline])
    ws.append([])
    ws.append(
        ["Kode", "Program / indikator", "Target", "Capaian", "Satuan", "Nilai", "Kategori", "Keterangan"]
    )
    for cell in ws[5]:
        cell.font = bold
    for line in data.lines:
        ws.append([
            line.code, line.name, line.target or None,
            None if line.result is None else round(line.result, 2), line.unit if not line.is_node else None,
            None if line.score is None else round(line.score, 2), line.category or None, line.sentence or None,
        ])  # fmt: skip
        ws.cell(ws.max_row, 2).alignment = Alignment(indent=line.depth * 2, wrap_text=True)
        if line.is_node:
            for cell in ws[ws.max_row]:
                cell.font = bold
    for column, width in zip("ABCDEFGH", (12, 60, 10, 10, 8, 10, 16, 90), strict=True):
        ws.column_dimensions[column].width = width
    trend = book.create_sheet("Tren bulanan")
    trend.append(["Bulan", "Nilai kinerja kumulatif"])
    for month, value in enumerate(data.trend, 1):
        trend.append([month_name(month), None if value is None else round(value, 2)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
