"""The cumulative-cost chart of the printed proposal: what each option costs, month by month, over the
whole remaining term, readable in black and white.

Lines are told apart without colour: line style, weight, grey level and markers, and each line is
named by a label at its right end (pushed apart where ends meet), so there is no legend over the
lines. The figure is drawn at its printed size, so a 9-point font here is 9 points on paper.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from retention_desktop.data.locations import resources_dir
from retention_desktop.proposal.fonts import register_korean_fonts

FONT_PT = 9.0
_STYLES = [  # (line style, width, grey, marker) for keep, the proposed option, then the others
    ("-", 2.4, "#000000", None),
    ((0, (6, 2)), 2.0, "#000000", "o"),
    (":", 1.6, "#505050", "s"),
    ("-.", 1.4, "#505050", "^"),
    ((0, (2, 1, 2, 3)), 1.4, "#707070", "D"),
    ((0, (8, 2, 1, 2)), 1.4, "#707070", "v"),
    ((0, (1, 1)), 1.4, "#808080", "P"),
]


@dataclass(frozen=True)
class ChartLine:
    label: str  # short: "현재 유지 5.20%"
    values: Sequence[int]  # cumulative cost in won at the end of months 1..n


def _font() -> None:
    register_korean_fonts()  # both faces, once, under a lock (two threads may render their first proposals)
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "retention"  # deterministic output


def _bold():
    """The bundled bold face by file (matplotlib files it under the same family and would fake the weight)."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(resources_dir() / "fonts" / "NanumGothicBold.ttf"), size=FONT_PT)


def _text_width(text: str) -> float:
    """Width in points of ``text`` set in the bold face at FONT_PT (its outline's extent)."""
    from matplotlib.textpath import TextPath

    return path_width(TextPath((0, 0), text, size=FONT_PT, prop=_bold()))


def path_width(path) -> float:
    """``path.get_extents().width``, the same number, about five times faster for text (issue 16).

    ``Path.get_extents`` finds the extrema of every Bézier piece of the outline, a few thousand small numpy
    calls for a label (0.2-0.3 s a proposal). The points the outline passes through (each piece's ends) bound
    the box from inside, and a piece can only widen it if one of its control points lies outside them: only
    those pieces' extrema are computed, by matplotlib's own ``BezierSegment`` as ``get_extents`` computes them.
    """
    import numpy as np
    from matplotlib.bezier import BezierSegment
    from matplotlib.path import Path

    cleaned = path.cleaned(remove_nans=True, simplify=False, curves=True)  # what get_extents iterates over
    vertices, codes = cleaned.vertices, cleaned.codes
    if codes is None:
        return float(vertices[:, 0].max() - vertices[:, 0].min()) if len(vertices) else 0.0
    steps = {Path.MOVETO: 1, Path.LINETO: 1, Path.CURVE3: 2, Path.CURVE4: 3, Path.CLOSEPOLY: 1}
    ends: list[float] = []  # x of every point the outline passes through
    curves = []  # control points of each curved piece, its start included
    first = previous = None
    i = 0
    while i < len(codes) and codes[i] != Path.STOP:
        code, n = codes[i], steps[codes[i]]
        if code == Path.MOVETO:
            first = vertices[i]
            ends.append(first[0])
        elif code == Path.CLOSEPOLY:  # a line back to the first point
            ends.extend((previous[0], first[0]))
        else:
            ends.append(vertices[i + n - 1][0])
            if code != Path.LINETO:
                curves.append(np.vstack([previous, vertices[i:i + n]]))
        previous = vertices[i + n - 1]
        i += n
    if not ends:
        return 0.0
    low, high = min(ends), max(ends)
    xs = [low, high]
    for control in curves:
        if control[:, 0].min() < low or control[:, 0].max() > high:
            curve = BezierSegment(control)
            _dims, zeros = curve.axis_aligned_extrema()
            xs.extend(curve([0, *zeros, 1])[:, 0])
    return float(max(xs) - min(xs))


def won_axis(value: float) -> str:
    """Axis amounts the Korean way: 1.2억, 350만, 0."""
    if value == 0:
        return "0"
    if abs(value) >= 100_000_000:
        return f"{value / 100_000_000:,.1f}억".replace(".0억", "억")
    return f"{value / 10_000:,.0f}만"


def cumulative_cost_figure(lines: Sequence[ChartLine], break_even: int | None, width_pt: float, height_pt: float):
    """The chart as a matplotlib Figure of exactly ``width_pt`` × ``height_pt`` points.

    ``lines[0]`` is keeping the loan and ``lines[1]`` the proposed option (drawn heaviest); ``break_even`` is
    the month the proposed option's line goes below keeping's (None: never; 1: from the first month).
    """
    _font()
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator

    figure = Figure(figsize=(width_pt / 72, height_pt / 72), dpi=200)
    label_room = min(max(_text_width(line.label) for line in lines) + 14, width_pt * 0.42)  # for the end labels
    left, bottom, top = 46.0, 28.0, 8.0
    axes = figure.add_axes([left / width_pt, bottom / height_pt, (width_pt - left - label_room) / width_pt,
                            (height_pt - bottom - top) / height_pt])
    horizon = max(len(line.values) for line in lines)
    every = max(1, horizon // 8)
    for i, line in enumerate(lines):
        style, width, grey, marker = _STYLES[min(i, len(_STYLES) - 1)]
        months = range(1, len(line.values) + 1)
        axes.plot(months, line.values, linestyle=style, linewidth=width, color=grey, marker=marker,
                  markevery=(min(i * max(1, every // 4), every - 1), every) if marker else None,
                  markersize=4.5, markerfacecolor="white", markeredgecolor=grey, markeredgewidth=1.1,
                  zorder=10 - i)
    top_value = max(max(line.values) for line in lines)
    axes.set_xlim(1, max(horizon, 2))
    axes.set_ylim(0, top_value * 1.08 if top_value > 0 else 1)
    if horizon > 48:  # long terms read in years: ticks every 12, 24, 60… months
        step = next(k for k in (12, 24, 36, 60, 120) if horizon / k <= 8)
        axes.xaxis.set_major_locator(MultipleLocator(step))
    else:
        axes.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: won_axis(v)))
    axes.set_xlabel("경과 개월", fontsize=FONT_PT, labelpad=2)
    axes.tick_params(labelsize=FONT_PT, length=3)
    axes.grid(axis="y", color="#c8c8c8", linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if break_even and 1 < break_even < horizon:
        axes.axvline(break_even, color="black", linewidth=0.8, linestyle=(0, (1, 2)), zorder=1)
        axes.annotate(f"손익분기 {break_even}개월", (break_even, top_value * 1.06), xytext=(4, 0),
                      textcoords="offset points", fontsize=FONT_PT, va="top")
    _end_labels(figure, axes, lines)
    return figure


def _end_labels(figure, axes, lines: Sequence[ChartLine]) -> None:
    """Each line's name at its right end; labels that would overlap are pushed apart, with a thin leader."""
    figure.canvas.draw()  # the transforms are final only once laid out
    to_points = 72 / figure.dpi
    gap = FONT_PT * 1.3
    ends = []
    for i, line in enumerate(lines):
        x, y = len(line.values), line.values[-1]
        _x_disp, y_disp = axes.transData.transform((x, y))
        ends.append([y_disp * to_points, i, x, y])
    ends.sort()
    low = axes.get_window_extent().y0 * to_points
    high = min(axes.get_window_extent().y1 * to_points + FONT_PT, figure.bbox.height * to_points - FONT_PT * 0.7)
    placed: list[float] = []
    for end in ends:
        want = max(end[0], low, placed[-1] + gap if placed else low)
        placed.append(want)
    overflow = placed[-1] - high if placed else 0
    if overflow > 0:
        placed = [max(p - overflow, low + k * gap) for k, p in enumerate(placed)]
    for (actual, i, x, y), target in zip(ends, placed):
        axes.annotate(lines[i].label, (x, y), xytext=(6, target - actual), textcoords="offset points",
                      fontsize=FONT_PT, va="center", ha="left", annotation_clip=False,
                      fontproperties=_bold() if i < 2 else None,
                      arrowprops=dict(arrowstyle="-", linewidth=0.5, color="#606060", shrinkA=0, shrinkB=2)
                      if abs(target - actual) > 2 else None)


def figure_png(figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=200, metadata={"Software": None})
    return out.getvalue()


def caption(break_even: int | None, horizon: int, proposed: str) -> str:
    """One sentence saying what the chart shows about the proposed option, true to the lines drawn."""
    if break_even is None:
        return f"{proposed}의 누적 비용이 남은 {horizon}개월 내내 현재 유지보다 큽니다."
    if break_even <= 1:
        return f"첫 달부터 {proposed}의 누적 비용이 현재 유지보다 적습니다(처음 드는 비용 포함)."
    return (f"{proposed}은(는) 처음 드는 비용 때문에 {break_even - 1}개월째까지는 더 들고, {break_even}개월째부터 "
            "현재 유지보다 적게 듭니다(손익분기).")
