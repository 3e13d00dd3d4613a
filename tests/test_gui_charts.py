"""Charts in the screens: renders off the GUI thread, one at a time per chart, the latest request drawn."""

from __future__ import annotations

import threading
import time

from PySide6.QtGui import QImage

from retention_desktop.gui.charts import ChartCanvas
from retention_desktop.gui.tasks import wait_for_tasks

WAIT = 10_000


def _slow_chart(calls: list[int], running: list[int], peak: list[int]):
    lock = threading.Lock()

    def make(size, n: int) -> QImage:
        with lock:
            running.append(n)
            peak[0] = max(peak[0], len(running))
        calls.append(n)
        time.sleep(0.05)  # a matplotlib render takes ~50-70 ms
        with lock:
            running.remove(n)
        return QImage(n + 1, 1, QImage.Format.Format_RGB32)  # its width says which request it drew

    return make


def test_a_chart_dragged_through_many_values_draws_the_latest_and_never_two_at_once(qtbot):
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    calls, running, peak = [], [], [0]
    make = _slow_chart(calls, running, peak)
    for n in range(10):  # a slider moved through ten rates while the first chart is still being drawn
        canvas._render(make, n)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: canvas.image is not None and canvas.image.width() == 10, timeout=WAIT)
    wait_for_tasks()
    assert calls[-1] == 9 and len(calls) <= 3, calls  # the first, perhaps one in between, and the latest
    assert peak[0] == 1  # never two renders of one chart at once


def test_a_settling_chart_waits_for_the_requests_to_stop(qtbot):
    canvas = ChartCanvas(settle_ms=100)
    qtbot.addWidget(canvas)
    calls, running, peak = [], [], [0]
    make = _slow_chart(calls, running, peak)
    for n in range(6):
        canvas._render(make, n)
        qtbot.wait(20)
    assert calls == []  # still moving: nothing drawn yet
    with qtbot.waitSignal(canvas.rendered, timeout=WAIT):
        pass
    wait_for_tasks()
    assert calls == [5] and canvas.image.width() == 6
