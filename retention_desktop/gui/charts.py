"""Charts in the screens: matplotlib renders off the GUI thread (Agg, the object API, never pyplot)
into an image the widget then shows, so a redraw never stalls the event loop.

The bundled Korean font is registered with matplotlib, so Hangul renders without system fonts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from retention_desktop.proposal.fonts import FONT, register_matplotlib_fonts
from retention_desktop.gui.i18n import language, tr
from retention_desktop.gui.tasks import run_task

DPI = 100
# matplotlib promises nothing about two threads drawing at once; charts take turns (each ~50 ms).
_drawing = threading.Lock()


def install_matplotlib_font() -> str:
    """The bundled NanumGothic, registered with matplotlib (once, for every thread) so Hangul renders."""
    register_matplotlib_fonts()
    return FONT


def won_axis_label(value: float, _pos=None) -> str:
    """Tick labels in 만 원/억 원 the Korean way, with the unit (the axis shows the value, the table the exact won)."""
    if language() != "ko":
        for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
            if abs(value) >= size:
                return f"₩{value / size:,.1f}{suffix}".replace(".0" + suffix, suffix)
        return f"₩{value:,.0f}"
    if value == 0:
        return "0원"
    if abs(value) >= 100_000_000:
        return f"{value / 100_000_000:,.1f}억 원".replace(".0억", "억")
    return f"{value / 10_000:,.0f}만 원"


def _spread(positions: list[float], gap: float) -> list[float]:
    """Label heights moved apart so no two are closer than ``gap`` (same units), keeping their order."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    shift = max(0.0, placed[-1] - max(positions)) / 2 if placed else 0.0  # centre the stack on the lines
    result = [0.0] * len(positions)
    for k, i in enumerate(order):
        result[i] = placed[k] - shift
    return result


def _figure(width_px: int, height_px: int):
    install_matplotlib_font()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _axes(figure, fmt=won_axis_label):
    from matplotlib.ticker import FuncFormatter

    axes = figure.add_subplot(111)
    axes.yaxis.set_major_formatter(FuncFormatter(fmt))
    axes.grid(axis="y", alpha=0.3)
    return axes


def _image(figure) -> QImage:
    figure.canvas.draw()
    buffer = figure.canvas.buffer_rgba()
    width, height = figure.canvas.get_width_height()
    return QImage(bytes(buffer), width, height, width * 4, QImage.Format.Format_RGBA8888).copy()


def _text_px(text: str, point_size: float = 8) -> float:
    """About how wide ``text`` renders (Hangul and other wide glyphs a full em, the rest about half)."""
    em = point_size * DPI / 72
    return sum(em if ord(ch) > 0x2E80 else em * 0.55 for ch in text)


def lines_image(size, title: str, series, xlabel: str, marker_x=None, marker_label: str = "",
                ylabel: str = "", zero_based: bool = True) -> QImage:
    """Lines labelled at their ends (no legend over the lines), amounts from a zero baseline."""
    figure = _figure(*size)
    axes = _axes(figure)
    styles = ["-", "--", "-.", ":"]
    ends = []
    for i, (label, values) in enumerate(series):
        (line,) = axes.plot(range(1, len(values) + 1), values, styles[i % len(styles)], linewidth=1.8)
        if values:
            ends.append((label, len(values), values[-1], line.get_color()))
    if zero_based:
        axes.set_ylim(bottom=0)
    if ends:
        longest = max(x for _l, x, _v, _c in ends)
        axes_px = max(size[0] * 0.85, 100)
        label_px = min(max(_text_px(label) for label, *_rest in ends) + 12, axes_px * 0.45)
        span = longest - 0.5
        axes.set_xlim(0.5, longest + span * label_px / (axes_px - label_px))  # room for the labels inside
        low, high = axes.get_ylim()
        plot_px = max(size[1] * 0.65, 60)
        gap = (high - low) * 13 / plot_px  # one line of 8-point text
        heights = _spread([v for _l, _x, v, _c in ends], gap)
        overflow = max(heights) - high
        if overflow > 0:
            heights = [h - overflow for h in heights]
        for (label, x, value, color), y in zip(ends, heights):
            axes.annotate(label, (x, value), xytext=(longest + span * 0.02, y), textcoords="data", fontsize=8,
                          color=color, va="center", ha="left",
                          arrowprops={"arrowstyle": "-", "color": color, "linewidth": 0.6, "alpha": 0.6})
    if marker_x is not None:
        axes.axvline(marker_x, color="black", linewidth=1, linestyle=":")
        axes.annotate(marker_label, (marker_x, axes.get_ylim()[1]), textcoords="offset points", xytext=(4, -12),
                      fontsize=9)
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # months are whole
    axes.set_title(title, fontsize=11)
    axes.set_xlabel(xlabel)
    if ylabel:
        axes.set_ylabel(ylabel)
    return _image(figure)


def bars_image(size, title: str, labels, values, highlight=None, fmt=won_axis_label) -> QImage:
    figure = _figure(*size)
    axes = _axes(figure, fmt)
    colors = ["#9aa5b1"] * len(values)
    if highlight is not None and 0 <= highlight < len(colors):
        colors[highlight] = "#1f4e79"
    bars = axes.bar(range(len(values)), values, color=colors)
    axes.set_xticks(range(len(values)), labels, fontsize=9)
    for bar, value in zip(bars, values):
        axes.annotate(fmt(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                      va="bottom", fontsize=8)
    axes.set_title(title, fontsize=11)
    return _image(figure)


def steps_image(size, title: str, points, xlabel: str, fmt=won_axis_label, ylim=None, notes=()) -> QImage:
    """A step line; ``notes`` are (index into points, text) marks explaining a change (e.g. a debt paid off)."""
    figure = _figure(*size)
    axes = _axes(figure, fmt)
    axes.step(range(1, len(points) + 1), [v for _d, v in points], where="post", linewidth=1.8)
    ticks = list(range(0, len(points), 1 if len(points) <= 12 else 6))
    axes.set_xticks([t + 1 for t in ticks], [points[t][0] for t in ticks], fontsize=8)
    if ylim is not None:
        axes.set_ylim(*ylim)
    for number, (index, text) in enumerate(notes, start=1):
        x, y = index + 1, points[index][1]
        axes.axvline(x, color="#8a4b00", linewidth=0.8, linestyle=":")
        left = x > len(points) / 2  # the text on the side with room
        axes.annotate(f"({number})", (x, y), textcoords="offset points", xytext=(-4 if left else 4, -16),
                      ha="right" if left else "left", fontsize=8, color="#8a4b00")
    axes.set_title(title, fontsize=11)
    axes.set_xlabel(xlabel)
    return _image(figure)


class ChartCanvas(QWidget):
    """Shows the latest chart; ``draw_*`` renders it in the background at the widget's current size.

    At most one render of a canvas runs at a time: a request arriving meanwhile waits, and only the latest
    waiting one is drawn when the running one ends (a slider dragged across ten rates draws two charts, not
    ten, and no stale chart holds the thread pool). ``settle_ms`` > 0 also waits that long after the last
    request before drawing, so the figures beside the chart (recomputed as the slider moves) never share the
    CPU with matplotlib while the officer is still moving it.
    """

    rendered = Signal()

    def __init__(self, parent: QWidget | None = None, height: float = 3.0, settle_ms: int = 0):
        super().__init__(parent)
        self.label = QLabel(tr("차트를 불러오는 중…"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("color: #6b7785; background: #f4f6f8; border: 1px dashed #c8d1dc;")
        self.label.setMinimumSize(200, int(height * 60))
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self._last: tuple[Callable, tuple, dict] | None = None
        self._generation = 0
        self._resize = QTimer(self, singleShot=True, interval=150)
        self._resize.timeout.connect(self._redraw)
        self._settle = QTimer(self, singleShot=True, interval=settle_ms)
        self._settle.timeout.connect(self._start)
        self._running = False  # a render of this canvas is under way
        self.image: QImage | None = None
        self._shown = 0  # the generation on screen

    @property
    def busy(self) -> bool:
        """A chart is asked for (data loading, or drawing) and not yet on screen."""
        return self._last is None and self.image is None or self._shown != self._generation

    def _render(self, make: Callable, *args, **kwargs) -> None:
        self._last = (make, args, kwargs)
        self._generation += 1
        if self._settle.interval() > 0:
            self._settle.start()  # restarted by every request: drawn once the requests stop
        else:
            self._start()

    def _start(self) -> None:
        if self._running or self._last is None:
            return  # the running render's end starts the latest request
        self._running = True
        make, args, kwargs = self._last
        generation = self._generation
        size = (max(self.label.width(), 120), max(self.label.height(), 90))

        def draw() -> QImage:
            with _drawing:
                return make(size, *args, **kwargs)

        run_task(draw, lambda image: self._show(generation, image), self._failed, owner=self)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        from retention_desktop.gui import errors

        errors.show_error(exc, self)

    def loading(self) -> None:
        """A placeholder until the next chart arrives (the page is asking for its data)."""
        self._generation += 1
        self._last = None
        self.image = None
        self.label.clear()
        self.label.setText(tr("차트를 불러오는 중…"))
        self.label.setStyleSheet("color: #6b7785; background: #f4f6f8; border: 1px dashed #c8d1dc;")

    def _show(self, generation: int, image: QImage) -> None:
        self._running = False
        if generation != self._generation:  # a newer request came while this one was drawn: draw that one
            if not self._settle.isActive():
                self._start()
            return
        self.image = image
        self._shown = generation
        self.label.setStyleSheet("")
        self._fit()
        self.rendered.emit()

    def _fit(self) -> None:
        """Show the image within the label (until the re-render at the new size arrives)."""
        if self.image is not None:
            pixmap = QPixmap.fromImage(self.image)
            if pixmap.width() > self.label.width() or pixmap.height() > self.label.height():
                pixmap = pixmap.scaled(self.label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            self.label.setPixmap(pixmap)

    def clear(self) -> None:
        """Show nothing (a render still under way is dropped)."""
        self._last = None
        self._generation += 1
        self.image = None
        self.label.clear()

    def _redraw(self) -> None:
        if self._last is not None:
            make, args, kwargs = self._last
            self._render(make, *args, **kwargs)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()
        if self._last is not None:
            self._resize.start()

    def draw_lines(self, title: str, series: Sequence[tuple[str, Sequence[int]]], xlabel: str,
                   marker_x: int | None = None, marker_label: str = "", ylabel: str = "") -> None:
        self._render(lines_image, title, [(label, list(values)) for label, values in series], xlabel, marker_x,
                     marker_label, ylabel)

    def draw_bars(self, title: str, labels: Sequence[str], values: Sequence[int], highlight: int | None = None,
                  fmt=won_axis_label) -> None:
        self._render(bars_image, title, list(labels), list(values), highlight, fmt)

    def draw_steps(self, title: str, points: Sequence[tuple[str, int]], xlabel: str, fmt=won_axis_label,
                   ylim=None, notes: Sequence[tuple[int, str]] = ()) -> None:
        self._render(steps_image, title, list(points), xlabel, fmt, ylim, list(notes))
