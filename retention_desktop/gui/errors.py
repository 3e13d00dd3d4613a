"""Every failure reaches the officer in words, and the log with its traceback.

- ``user_text(exc)``: the sentence an officer reads for an error (translated), never a raw driver
  message: a ``UserError`` says itself, a lost database connection says so, anything else is "an
  unexpected error" (a bug).
- ``show_error(exc, parent)``: the error dialog. Bugs and lost connections always get it; the text is
  ``user_text`` and the dialog's "자세한 정보 표시" (Show Details) holds, for support, the exception, its traceback
  and the log file's path. While one dialog is open, later errors are added to it, not stacked.
- ``report(exc, parent)``: for screens with a message strip: the sentence to show there; a bug or a
  lost connection also opens the dialog.
- ``install_exception_hooks()``: ``sys.excepthook`` (an exception raised in any slot or event handler
  reaches it, as PySide prints it), ``threading.excepthook`` (a thread outside ``run_task``) and a Qt
  message handler (Qt's own warnings into the log). Nothing can fail silently any more.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from retention_desktop.domain.errors import Unavailable, UserError
from retention_desktop.gui.i18n import tr
from retention_desktop.logs import log_file

log = logging.getLogger(__name__)

BUG_TEXT = "예상하지 못한 오류가 발생했습니다. 방금 한 작업이 끝나지 않았을 수 있으니 화면을 다시 열어 확인하세요."
BUG_ADVICE = "문제가 계속되면 '자세한 정보 표시'의 내용과 로그 파일을 지원 담당자에게 보내 주세요."


def _unreachable(exc: BaseException) -> UserError | None:
    from retention_desktop.data.failures import unreachable

    try:
        return unreachable(exc)
    except Exception:  # classifying must never become a second failure
        return None


def classify(exc: BaseException) -> tuple[str, str]:
    """(kind, sentence): kind ``"input"`` (the officer can fix it), ``"unavailable"`` or ``"bug"``."""
    gone = _unreachable(exc)
    if gone is not None:
        return ("unavailable" if isinstance(gone, Unavailable) else "input"), gone.message(tr)
    if isinstance(exc, UserError):
        return "input", exc.message(tr)
    return "bug", tr(BUG_TEXT)


def user_text(exc: BaseException) -> str:
    return classify(exc)[1]


def details(exc: BaseException) -> str:
    """What support needs: the exception with its traceback and where the log is."""
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    where = log_file()
    return trace + (f"\n{tr('로그 파일')}: {where}" if where else "")


class ErrorDialog(QMessageBox):
    """The one error dialog: what happened in words, what to do, and "자세한 정보 표시" (Show Details) for support."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("오류"))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.count = 0
        self._advice = ""
        self._details: list[str] = []

    def add(self, exc: BaseException, title: str | None = None) -> None:
        kind, sentence = classify(exc)
        self.count += 1
        if self.count == 1:
            self.setIcon(QMessageBox.Icon.Critical if kind == "bug" else QMessageBox.Icon.Warning)
            self.setWindowTitle(title or {"bug": tr("오류"), "unavailable": tr("데이터베이스 연결"),
                                          "input": tr("확인해 주세요")}[kind])
            self.setText(sentence[:1].upper() + sentence[1:])  # the catalogue's English starts lower-case
            self._advice = tr(BUG_ADVICE) if kind == "bug" else ""
        more = tr("그 밖에 오류 {count}건이 더 있습니다 ('자세한 정보 표시' 참고).").format(count=self.count - 1) \
            if self.count > 1 else ""
        self.setInformativeText("\n".join(t for t in (self._advice, more) if t))
        self._details.append(f"[{self.count}] {sentence}\n{details(exc)}")
        self.setDetailedText("\n\n".join(self._details))


_dialog: ErrorDialog | None = None


_connection_watchers: list = []


def watch_connection(banner) -> None:
    """``banner.connection_lost(sentence) -> bool`` hears of every lost connection; True means it is already
    telling the officer (reconnect banner showing), so no further dialog opens."""
    _connection_watchers.append(banner)


def _told_by_banner(exc: BaseException) -> bool:
    kind, sentence = classify(exc)
    if kind != "unavailable":
        return False
    told = False
    for banner in list(_connection_watchers):
        if not shiboken6.isValid(banner):
            _connection_watchers.remove(banner)
            continue
        if not banner.window().isVisible():  # a closed window's banner tells nobody
            continue
        told = banner.connection_lost(sentence) or told
    return told


def show_error(exc: BaseException, parent: QWidget | None = None, title: str | None = None) -> ErrorDialog | None:
    """Open the error dialog for ``exc`` (or add ``exc`` to the one already open) and return it; ``title``
    names what failed ("제안서를 만들지 못했습니다"), else the kind of error does. A lost connection while the
    reconnect banner already shows is logged only (the banner says it)."""
    global _dialog
    if _told_by_banner(exc):
        log.info("database still unreachable (%s); the reconnect banner shows it", type(exc).__name__)
        return _dialog
    if current_dialog() is None:
        if _dialog is not None and shiboken6.isValid(_dialog):
            _dialog.deleteLater()
        window = parent.window() if parent is not None and shiboken6.isValid(parent) \
            else QApplication.activeWindow()
        _dialog = ErrorDialog(window)
        _dialog.add(exc, title)
        _dialog.open()
    else:
        _dialog.add(exc, title)
    return _dialog


def current_dialog() -> ErrorDialog | None:
    """The error dialog on screen, if any (it goes with its window when that closes)."""
    if _dialog is None or not shiboken6.isValid(_dialog):
        return None
    return _dialog if _dialog.isVisible() else None


def report(exc: BaseException, parent: QWidget | None = None) -> str:
    """The sentence for a screen's message strip; a bug or a lost connection also opens the dialog."""
    kind, sentence = classify(exc)
    if kind != "input":
        show_error(exc, parent)
    return sentence


def on_failure(parent: QWidget, signal=None):
    """An ``on_error`` for ``run_task``: the error dialog, and ``signal`` (a page's ``failed``) given the sentence."""
    def handle(exc: BaseException) -> None:
        show_error(exc, parent)
        if signal is not None:
            signal.emit(user_text(exc))
    return handle


def log_failure(exc: BaseException, what: str) -> None:
    """The log line of a failure: a refusal is one line, anything else carries its traceback."""
    if isinstance(exc, UserError):
        log.info("%s refused: %s", what, exc.message())
    else:
        log.error("%s failed", what, exc_info=(type(exc), exc, exc.__traceback__))


class _ToGuiThread(QObject):
    """Carries an exception from any thread to the GUI thread (a queued signal)."""

    raised = Signal(object)


_bridge: _ToGuiThread | None = None


def _unhandled(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    log.error("unhandled exception", exc_info=(exc_type, exc, tb))
    if _bridge is not None:
        _bridge.raised.emit(exc)


def _thread_unhandled(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _unhandled(args.exc_type, args.exc_value, args.exc_traceback)


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def install_exception_hooks(app: QApplication, qt_messages_to_log: bool = True) -> None:
    """Route every uncaught exception (any slot, any thread) to the log and the error dialog, and Qt's own
    messages to the log. Call once, on the GUI thread, after the QApplication exists."""
    global _bridge
    if _bridge is None:
        _bridge = _ToGuiThread(app)
        _bridge.raised.connect(lambda exc: show_error(exc))
    sys.excepthook = _unhandled
    threading.excepthook = _thread_unhandled
    if not qt_messages_to_log:
        return
    previous = None

    def qt_messages(mode, context, message):  # noqa: ANN001 - Qt's types
        logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s (%s:%s)", message,
                                    context.file, context.line)
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(qt_messages)


def uninstall_exception_hooks() -> None:
    """Back to Python's defaults (tests)."""
    global _bridge
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    if _bridge is not None:
        _bridge.deleteLater()
        _bridge = None
