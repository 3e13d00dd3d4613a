"""Charts embedded in the screens: matplotlib on a Qt canvas, with the bundled Korean font.

matplotlib is imported lazily (it costs start-up time) and never through pyplot windows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from retention_desktop.data.locations import resources_dir

_font_ready = False


def install_matplotlib_font() -> str:
    """Register the bundled NanumGothic with matplotlib so Hangul renders without system fonts."""
    global _font_ready
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib import font_manager

    if not _font_ready:
        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            font_manager.fontManager.addfont(str(path))
        matplotlib.rcParams["font.family"] = "NanumGothic"
        matplotlib.rcParams["axes.unicode_minus"] = False  # the font's minus sign is the ASCII one
        _font_ready = True
    return "NanumGothic"


def won_axis_label(value: float, _pos=None) -> str:
    """Tick labels in 만원/억 the Korean way (the axis shows the value, the table the exact won)."""
    if abs(value) >= 100_000_000:
        return f"{value / 100_000_000:,.1f}억"
    return f"{value / 10_000:,.0f}만"


class ChartCanvas(QWidget):
    """A matplotlib figure in a widget; ``draw_*`` methods replace its content."""

    def __init__(self, parent: QWidget | None = None, height: float = 3.0):
        super().__init__(parent)
        install_matplotlib_font()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, height), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def _axes(self, fmt=won_axis_label):
        from matplotlib.ticker import FuncFormatter

        self.figure.clear()
        axes = self.figure.add_subplot(111)
        axes.yaxis.set_major_formatter(FuncFormatter(fmt))
        axes.grid(axis="y", alpha=0.3)
        return axes

    def draw_lines(self, title: str, series: Sequence[tuple[str, Sequence[int]]], xlabel: str,
                   marker_x: int | None = None, marker_label: str = "") -> None:
        axes = self._axes()
        styles = ["-", "--", "-.", ":"]
        for i, (label, values) in enumerate(series):
            axes.plot(range(1, len(values) + 1), values, styles[i % len(styles)], label=label, linewidth=1.8)
        if marker_x is not None:
            axes.axvline(marker_x, color="black", linewidth=1, linestyle=":")
            axes.annotate(marker_label, (marker_x, axes.get_ylim()[1]), textcoords="offset points", xytext=(4, -12),
                          fontsize=9)
        axes.set_title(title, fontsize=11)
        axes.set_xlabel(xlabel)
        axes.legend(fontsize=8, loc="lower right")
        self.canvas.draw_idle()

    def draw_bars(self, title: str, labels: Sequence[str], values: Sequence[int], highlight: int | None = None,
                  fmt=won_axis_label) -> None:
        axes = self._axes(fmt)
        colors = ["#9aa5b1"] * len(values)
        if highlight is not None and 0 <= highlight < len(colors):
            colors[highlight] = "#1f4e79"
        bars = axes.bar(range(len(values)), values, color=colors, hatch=None)
        axes.set_xticks(range(len(values)), labels, fontsize=9)
        for bar, value in zip(bars, values):
            axes.annotate(fmt(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                          ha="center", va="bottom", fontsize=8)
        axes.set_title(title, fontsize=11)
        self.canvas.draw_idle()

    def draw_steps(self, title: str, points: Sequence[tuple[str, int]], xlabel: str) -> None:
        axes = self._axes()
        axes.step(range(1, len(points) + 1), [v for _d, v in points], where="post", linewidth=1.8)
        ticks = list(range(0, len(points), 1 if len(points) <= 12 else 6))
        axes.set_xticks([t + 1 for t in ticks], [points[t][0] for t in ticks], fontsize=8)
        axes.set_title(title, fontsize=11)
        axes.set_xlabel(xlabel)
        self.canvas.draw_idle()
