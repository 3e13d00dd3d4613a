"""The cumulative-cost chart of the printed proposal: what each option costs, month by month, over the
whole remaining term, readable in black and white.

Lines are told apart without colour: line style, weight, grey level and markers, and each line is
named by a label at its right end (pushed apart where ends meet), so there is no legend over the
lines. The chart is drawn with reportlab's own vector graphics at its printed size (a 9-point font
here is 9 points on paper, and it stays sharp at any printer's resolution): no matplotlib in the
proposal's path, whose import and first figure took about a second of a cold proposal command
(issue 16). The screens' charts (gui/charts.py) keep matplotlib.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from retention_desktop.proposal.fonts import BOLD, FONT, register_korean_fonts

FONT_PT = 9.0
MARKER_PT = 4.5  # a marker's width (diameter), points
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 46.0, 28.0, 8.0  # room for the amounts, the months and the top label
GRID_GREY, AXIS_WIDTH, TICK_PT = "#c8c8c8", 0.8, 3.0


@dataclass(frozen=True)
class LineStyle:
    """How one line is drawn: dash pattern (points on, off…; empty = solid), width (points), grey, marker."""

    dashes: tuple[float, ...]
    width: float
    grey: str
    marker: str | None  # circle | square | triangle | diamond | triangle_down | plus


STYLES = [  # keep, the proposed option, then the others: no two alike in grayscale
    LineStyle((), 2.4, "#000000", None),
    LineStyle((12.0, 4.0), 2.0, "#000000", "circle"),
    LineStyle((1.6, 2.64), 1.6, "#505050", "square"),
    LineStyle((8.96, 2.24, 1.4, 2.24), 1.4, "#505050", "triangle"),
    LineStyle((2.8, 1.4, 2.8, 4.2), 1.4, "#707070", "diamond"),
    LineStyle((11.2, 2.8, 1.4, 2.8), 1.4, "#707070", "triangle_down"),
    LineStyle((1.4, 1.4), 1.4, "#808080", "plus"),
]


@dataclass(frozen=True)
class ChartLine:
    label: str  # short: "현재 유지 5.20%"
    values: Sequence[int]  # cumulative cost in won at the end of months 1..n


def style_of(index: int) -> LineStyle:
    """The style of the ``index``-th line (0 keeping, 1 the proposed option); the last style repeats."""
    return STYLES[min(index, len(STYLES) - 1)]


def label_width(text: str) -> float:
    """Width in points of ``text`` set in the bold face at FONT_PT (the faces' advance widths)."""
    register_korean_fonts()
    return stringWidth(text, BOLD, FONT_PT)


def month_ticks(horizon: int) -> list[int]:
    """The months marked on the x axis (1..horizon): in years past four years (every 12, 24, 36, 60 or 120
    months, at most 8 marks), else a 1-2-5 step giving at most 8 intervals."""
    if horizon > 48:
        step = next((k for k in (12, 24, 36, 60, 120) if horizon / k <= 8), 120)
    else:
        step = next(k for k in (1, 2, 5, 10, 20, 50) if math.ceil(horizon / k) <= 8)
    return [m for m in range(step, horizon + 1, step)] if step > 1 else list(range(1, horizon + 1))


def amount_ticks(top: float, bins: int = 5) -> list[float]:
    """Amounts marked on the y axis from 0 to ``top`` (won): a 1, 2, 2.5 or 5 × 10ⁿ step, at most ``bins``
    intervals."""
    if top <= 0:
        return [0.0]
    magnitude = 10 ** math.floor(math.log10(top / bins))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10, 20) if top / (m * magnitude) <= bins)
    return [k * step for k in range(int(top // step) + 1)]


def cumulative_cost_chart(lines: Sequence[ChartLine], break_even: int | None, width_pt: float,
                           height_pt: float) -> Drawing:
    """The chart as a reportlab Drawing (a flowable) of exactly ``width_pt`` × ``height_pt`` points.

    ``lines[0]`` is keeping the loan and ``lines[1]`` the proposed option (drawn heaviest); ``break_even`` is
    the month the proposed option's line goes below keeping's (None: never; 1: from the first month).
    """
    register_korean_fonts()
    drawing = Drawing(width_pt, height_pt)
    label_room = min(max(label_width(line.label) for line in lines) + 15, width_pt * 0.42)  # for the end labels
    x0, y0 = MARGIN_LEFT, MARGIN_BOTTOM
    x1, y1 = width_pt - label_room, height_pt - MARGIN_TOP
    horizon = max(len(line.values) for line in lines)
    last_month = max(horizon, 2)
    top_value = max(max(line.values) for line in lines)
    y_top = top_value * 1.08 if top_value > 0 else 1

    def x_at(month: float) -> float:
        return x0 + (month - 1) / (last_month - 1) * (x1 - x0)

    def y_at(value: float) -> float:
        return y0 + value / y_top * (y1 - y0)

    black = colors.black
    for amount in amount_ticks(y_top):
        y = y_at(amount)
        if amount > 0:
            drawing.add(Line(x0, y, x1, y, strokeColor=colors.HexColor(GRID_GREY), strokeWidth=0.5))
        drawing.add(Line(x0 - TICK_PT, y, x0, y, strokeColor=black, strokeWidth=AXIS_WIDTH))
        drawing.add(String(x0 - TICK_PT - 3.5, y - FONT_PT * 0.35, won_axis(amount), fontName=FONT,
                           fontSize=FONT_PT, textAnchor="end"))
    for month in month_ticks(horizon):
        x = x_at(month)
        drawing.add(Line(x, y0 - TICK_PT, x, y0, strokeColor=black, strokeWidth=AXIS_WIDTH))
        drawing.add(String(x, y0 - TICK_PT - 3.5 - FONT_PT * 0.75, str(month), fontName=FONT, fontSize=FONT_PT,
                           textAnchor="middle"))
    drawing.add(String((x0 + x1) / 2, 2.0, "경과 개월", fontName=FONT, fontSize=FONT_PT, textAnchor="middle"))
    if break_even and 1 < break_even < horizon:
        x = x_at(break_even)
        drawing.add(Line(x, y0, x, y1, strokeColor=black, strokeWidth=0.8, strokeDashArray=[0.8, 1.6]))
        drawing.add(String(x + 4, y_at(top_value * 1.06) - FONT_PT * 0.8, f"손익분기 {break_even}개월",
                           fontName=FONT, fontSize=FONT_PT))
    every = max(1, horizon // 8)
    for i in reversed(range(len(lines))):  # keeping and the proposed option drawn last, on top
        style, values = style_of(i), lines[i].values
        points = [(x_at(m), y_at(v)) for m, v in enumerate(values, start=1)]
        drawing.add(PolyLine([c for p in points for c in p], strokeColor=colors.HexColor(style.grey),
                             strokeWidth=style.width, strokeDashArray=list(style.dashes) or None,
                             strokeLineJoin=1, strokeLineCap=0))
        if style.marker:
            first = min(i * max(1, every // 4), every - 1)
            for x, y in points[first::every]:
                drawing.add(_marker(style.marker, x, y, colors.HexColor(style.grey)))
    drawing.add(Line(x0, y0, x0, y1, strokeColor=black, strokeWidth=AXIS_WIDTH))
    drawing.add(Line(x0, y0, x1, y0, strokeColor=black, strokeWidth=AXIS_WIDTH))
    _end_labels(drawing, lines, [(x_at(len(line.values)), y_at(line.values[-1])) for line in lines],
                (y0, min(y1 + FONT_PT, height_pt - FONT_PT * 0.7)))
    return drawing


def _marker(kind: str, x: float, y: float, grey) -> Group:
    """A white-filled marker MARKER_PT wide centred on (x, y), outlined in the line's grey."""
    r = MARKER_PT / 2
    common = dict(fillColor=colors.white, strokeColor=grey, strokeWidth=1.1)
    if kind == "circle":
        shape = Circle(x, y, r, **common)
    elif kind == "square":
        shape = Rect(x - r, y - r, 2 * r, 2 * r, **common)
    elif kind == "triangle":
        shape = Polygon([x, y + r * 1.15, x - r * 1.1, y - r * 0.85, x + r * 1.1, y - r * 0.85], **common)
    elif kind == "triangle_down":
        shape = Polygon([x, y - r * 1.15, x - r * 1.1, y + r * 0.85, x + r * 1.1, y + r * 0.85], **common)
    elif kind == "diamond":
        shape = Polygon([x, y + r * 1.2, x + r * 0.85, y, x, y - r * 1.2, x - r * 0.85, y], **common)
    else:  # plus, filled
        k = r * 0.38
        shape = Polygon([x - k, y + r, x + k, y + r, x + k, y + k, x + r, y + k, x + r, y - k, x + k, y - k,
                         x + k, y - r, x - k, y - r, x - k, y - k, x - r, y - k, x - r, y + k, x - k, y + k],
                        **common)
    return Group(shape)


def _end_labels(drawing: Drawing, lines: Sequence[ChartLine], ends_at: list[tuple[float, float]],
                room: tuple[float, float]) -> None:
    """Each line's name at its right end; labels that would overlap are pushed apart (``room``: the lowest and
    highest centre a label may take, points), with a thin leader from the line's end to the moved label."""
    gap = FONT_PT * 1.3
    low, high = room
    ends = sorted((y, i) for i, (_x, y) in enumerate(ends_at))
    placed: list[float] = []
    for y, _i in ends:
        placed.append(max(y, low, placed[-1] + gap if placed else low))
    overflow = placed[-1] - high if placed else 0
    if overflow > 0:
        placed = [max(p - overflow, low + k * gap) for k, p in enumerate(placed)]
    for (actual, i), target in zip(ends, placed):
        x = ends_at[i][0]
        if abs(target - actual) > 2:
            drawing.add(Line(x + 2, actual, x + 5, target, strokeColor=colors.HexColor("#606060"), strokeWidth=0.5))
        drawing.add(String(x + 7, target - FONT_PT * 0.35, lines[i].label, fontName=BOLD if i < 2 else FONT,
                           fontSize=FONT_PT))


def won_axis(value: float) -> str:
    """Axis amounts the Korean way: 1.2억, 350만, 0."""
    if value == 0:
        return "0"
    if abs(value) >= 100_000_000:
        return f"{value / 100_000_000:,.1f}억".replace(".0억", "억")
    return f"{value / 10_000:,.0f}만"


def caption(break_even: int | None, horizon: int, proposed: str) -> str:
    """One sentence saying what the chart shows about the proposed option, true to the lines drawn."""
    if break_even is None:
        return f"{proposed}의 누적 비용이 남은 {horizon}개월 내내 현재 유지보다 큽니다."
    if break_even <= 1:
        return f"첫 달부터 {proposed}의 누적 비용이 현재 유지보다 적습니다(처음 드는 비용 포함)."
    return (f"{proposed}{_topic(proposed)} 처음 드는 비용 때문에 {break_even - 1}개월째까지는 더 들고, "
            f"{break_even}개월째부터 현재 유지보다 적게 듭니다(손익분기).")


def _topic(word: str) -> str:
    """The topic particle the customer reads after ``word``: 은 after a final consonant (받침) of its last Hangul
    syllable, else 는 ("재대출 (맞춤)은", "금리 인하는"); never "은(는)", as the caption printed before."""
    last = next((ch for ch in reversed(word) if "가" <= ch <= "힣"), None)
    return "은" if last is not None and (ord(last) - 0xAC00) % 28 else "는"
