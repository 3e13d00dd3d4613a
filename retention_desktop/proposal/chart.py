"""The cumulative-cost chart for the printed proposal: black lines told apart by dash pattern (B/W safe)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from retention_desktop.data.locations import resources_dir

DASHES = ["-", "--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 3))]
_ready = False


def _font() -> None:
    global _ready
    import matplotlib

    if not _ready:
        from matplotlib import font_manager

        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            font_manager.fontManager.addfont(str(path))
        _ready = True
    matplotlib.rcParams["font.family"] = "NanumGothic"
    matplotlib.rcParams["axes.unicode_minus"] = False


def cumulative_cost_png(series: Sequence[tuple[str, Sequence[int]]], break_even: int | None,
                        offered: str = "재대출") -> bytes:
    _font()
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    figure = Figure(figsize=(7.2, 3.0), dpi=200, layout="constrained")
    axes = figure.add_subplot(111)
    widths = [2.2, 1.4, 1.4, 1.4, 1.4, 1.4]
    for i, (label, values) in enumerate(series):
        axes.plot(range(1, len(values) + 1), values, color="black", linestyle=DASHES[i % len(DASHES)],
                  linewidth=widths[i % len(widths)], label=label)
    if break_even:
        axes.axvline(break_even, color="black", linewidth=0.8, linestyle=":")
        axes.annotate(f"{offered} 손익분기 {break_even}개월", (break_even, axes.get_ylim()[1]), xytext=(4, -10),
                      textcoords="offset points", fontsize=7)
    axes.yaxis.set_major_formatter(FuncFormatter(
        lambda v, _p: f"{v / 100_000_000:,.1f}억" if abs(v) >= 100_000_000 else f"{v / 10_000:,.0f}만"))
    axes.set_xlabel("개월", fontsize=8)
    axes.tick_params(labelsize=7)
    axes.grid(axis="y", color="#bbbbbb", linewidth=0.4)
    axes.legend(fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=min(len(series), 4),
                frameon=False)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
