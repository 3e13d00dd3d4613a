"""``retention-desktop --demo --screenshots DIR``: every main screen, for the showcase customer, as PNGs.

The tour drives the real window through its pages, waits for each page's ``loaded`` signal (data
arrive in the background), and grabs it at 1366×768 and 1920×1080.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

SHOWCASE_CUSTOMER = "C00000001"
SIZES = ((1366, 768), (1920, 1080))
PAGE_TIMEOUT_MS = 30_000


class ScreenshotTour(QObject):
    finished = Signal()

    def __init__(self, window, login_dialog: QWidget, out_dir: Path):
        super().__init__()
        self.window, self.login_dialog, self.out_dir = window, login_dialog, Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def start(self) -> None:
        QTimer.singleShot(0, self._run)

    def _wait(self, signal, action) -> object:
        loop = QEventLoop()
        got: list = []

        def done(*args):
            got.append(args)
            loop.quit()

        signal.connect(done)
        QTimer.singleShot(PAGE_TIMEOUT_MS, loop.quit)
        action()
        loop.exec()
        signal.disconnect(done)
        if not got:
            raise TimeoutError("a screen did not finish loading")
        self._settle()
        return got[0]

    @staticmethod
    def _settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def _grab(self, name: str, widget: QWidget | None = None) -> None:
        widget = widget or self.window
        for width, height in SIZES:
            widget.resize(width, height)
            self._settle(600)  # charts re-render in the background at the new size
            path = self.out_dir / f"{len(self.saved) // 2 + 1:02d}-{name}-{width}x{height}.png"
            widget.grab().save(str(path))
            self.saved.append(path)

    def _run(self) -> None:
        w = self.window
        pages = w.pages
        try:
            self._wait(pages["dashboard"].loaded, lambda: w.go("dashboard"))
            self._grab("dashboard")
            search = pages["search"]
            self._wait(search.search_finished, lambda: (w.go("search"), search.ui.searchEdit.setText("김하늘")))
            self._grab("search")
            (profile,) = self._wait(pages["customer"].loaded, lambda: w.open_customer(SHOWCASE_CUSTOMER))
            self._grab("customer")
            loan_no = next(l.loan_no for l in profile.loans if l.status == "active")
            self._wait(pages["loan"].loaded, lambda: w.go("loan", loan_no))
            self._grab("loan")
            comparison = pages["comparison"]
            self._wait(comparison.loaded, lambda: w.go("comparison", loan_no))
            self._wait(comparison.recomputed, lambda: (comparison.lender_edit.setText("토스뱅크"),
                                                       comparison.rate_edit.setText("4.10"),
                                                       comparison.add_typed_offer()))
            self._grab("comparison")
            (preview,) = self._wait(w.proposal_opened, comparison.proposal_button.click)
            self._grab("proposal", preview)
            preview.close()
            self._wait(pages["simulation"].loaded, lambda: w.go("simulation", loan_no))
            self._grab("simulation")
            self._wait(pages["calls"].loaded, lambda: w.go("calls"))
            self._grab("call-list")
            self._wait(pages["proposals"].loaded, lambda: w.go("proposals"))
            self._grab("proposals")
            self.login_dialog.show()
            self._settle()
            path = self.out_dir / "00-login.png"
            self.login_dialog.grab().save(str(path))
            self.saved.append(path)
            self.login_dialog.hide()
            log.info("screenshots: %s", ", ".join(p.name for p in self.saved))
        except Exception:
            log.exception("screenshot tour failed")
            QApplication.instance().exit(1)
            return
        self.finished.emit()
