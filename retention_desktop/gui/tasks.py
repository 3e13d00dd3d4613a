"""The one way to run background work: ``run_task(func, on_done, on_error)``.

``func`` runs on the global QThreadPool; its result or exception is posted back to the GUI
thread through a queued signal, so callbacks always run on the GUI thread. Anything that touches
the database or takes more than a few milliseconds goes through here. A failure with no
``on_error`` opens the error dialog (``gui.errors``): no task fails silently.

A task that computes in Python holds the interpreter lock (GIL) while the GUI thread paints, and a
table's paint asks the Python models ~2,000 times (``data``, ``headerData``): each ask waits for the lock,
up to one *switch interval*, before CPython makes the task hand it over. At CPython's default of 5 ms a
20,000-row import froze the screen for 329–461 ms (seen: the GUI thread in ``QTableView::paintEvent`` →
``Shiboken::GilState::acquire`` while the task encoded the rows as JSON). The first task therefore sets
the GUI process's interval to ``GUI_SWITCH_INTERVAL_S`` (``sys.setswitchinterval``: "the ideal duration of
the timeslices allocated to concurrently running Python threads"), so the GUI gets the lock 25 times sooner;
a lone task is not slowed (the interval only matters when a second thread asks for the lock).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

GUI_SWITCH_INTERVAL_S = 0.0002  # seconds; CPython's default is 0.005 (see the module docstring)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None] | None,
                 owner: QObject | None = None):
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failure)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self._finish()
        if not self._owner_gone():
            self._on_done(result)

    @Slot(object)
    def _deliver_failure(self, exc: Exception) -> None:
        from retention_desktop.gui import errors

        self._finish()
        if self._owner_gone():
            return  # the screen that asked is gone; the log has the failure
        if self._on_error is not None:
            self._on_error(exc)
        else:
            errors.show_error(exc, self._owner if isinstance(self._owner, QWidget) else None)

    def _finish(self) -> None:
        _live_relays.discard(self)
        self.deleteLater()


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._func()
        except Exception as exc:  # every failure must reach the GUI, never die silently in a thread
            from retention_desktop.gui.errors import log_failure

            log_failure(exc, f"background task {getattr(self._func, '__qualname__', self._func)}")
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.done, result)

    @staticmethod
    def _emit(signal, value) -> None:
        signal.emit(value)


_live_relays: set[_Relay] = set()


def run_task(func: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None] | None = None, owner: QObject | None = None) -> None:
    """Run ``func`` in the background; ``on_done``/``on_error`` run on the GUI thread. With ``owner``, the
    answer is dropped if that widget is gone by the time it arrives."""
    # Created on the GUI thread, so its slots run there. It is never parented to the owner: deleting it
    # while a worker emits would race; it checks instead whether the owner still exists.
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    relay = _Relay(on_done, on_error, owner)
    _live_relays.add(relay)
    QThreadPool.globalInstance().start(_Task(func, relay))


def wait_for_tasks(timeout_ms: int = 10_000) -> bool:
    """Block until background tasks finish (at shutdown and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def settle_heap() -> None:
    """Collect once, then freeze everything alive (modules, caches, the loaded data) out of the collector.

    A full collection over the start-up heap (pandas, scikit-learn, Qt wrappers) takes ~0.2 s and
    would otherwise land, unannounced, in the middle of an officer's typing; after the freeze, full
    collections only walk what was created since. Called once the main window is up.
    """
    import gc

    gc.collect()
    gc.freeze()
