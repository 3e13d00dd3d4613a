"""The reconnect banner: the database went away, the officer's screen stays as it is.

When any task fails because the database cannot be reached (``errors.classify`` → ``unavailable``), the
main window shows this strip above the page instead of stacking error dialogs (the first loss still gets
the dialog, with details for support). It probes the server in the background (``services.connection.ping``
through ``run_task``) after 2, 4, 8, 15 and then every 30 seconds, or at once with "지금 다시 연결"; when the
server answers it hides and says so in the status bar. Nothing on the page is cleared or reloaded: what the
officer typed is still there to retry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from retention_desktop.gui.i18n import tr
from retention_desktop.gui.tasks import run_task

DELAYS_S = (2, 4, 8, 15, 30)


class ConnectionBanner(QFrame):
    reconnected = Signal()

    def __init__(self, probe: Callable[[], object], parent=None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet("QFrame#connectionBanner { background: #fff4d6; border-bottom: 1px solid #e0b84c; }"
                           "QLabel { color: #5a4300; }")
        self.probe = probe
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(tr("지금 다시 연결"), self)
        self.retry_button.clicked.connect(self.try_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.attempts = 0
        self.probing = False
        self.reason = ""
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.try_now)
        self.hide()

    def connection_lost(self, sentence: str) -> bool:
        """Show the banner (once) and start probing; True if it was showing already (no new dialog needed)."""
        was_showing = self.isVisible() or self.timer.isActive() or self.probing
        self.reason = sentence
        if not was_showing:
            self.attempts = 0
            self.show()
            self._schedule()
        return was_showing

    def _schedule(self) -> None:
        delay = DELAYS_S[min(self.attempts, len(DELAYS_S) - 1)]
        tried = tr(" (재시도 {n}회 실패)").format(n=self.attempts) if self.attempts else ""
        self.label.setText(tr("데이터베이스 서버와 연결이 끊겼습니다. {seconds}초 뒤 다시 연결합니다{tried}. 화면에 입력한 "
                              "내용은 그대로 있으니, 다시 연결되면 이어서 하세요.").format(seconds=delay, tried=tried))
        self.label.setToolTip(self.reason)  # the worded cause (refused, timeout, restarting…), for whoever asks
        self.timer.start(delay * 1000)

    def try_now(self) -> None:
        if self.probing:
            return
        self.timer.stop()
        self.probing = True
        self.label.setText(tr("데이터베이스 서버에 다시 연결하는 중…"))
        run_task(self.probe, self._back, self._still_gone, owner=self)

    def _back(self, _result) -> None:
        self.probing = False
        self.attempts = 0
        self.hide()
        self.reconnected.emit()

    def _still_gone(self, _exc: BaseException) -> None:
        self.probing = False
        self.attempts += 1
        self._schedule()
