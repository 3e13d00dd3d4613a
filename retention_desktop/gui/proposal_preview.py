"""제안서 미리보기: the signed PDF's pages, printing through Qt's print dialog, save as, the customer's decision.

Pages are rasterised by pypdfium2 (proposal/pages.py) in the background, at screen resolution for the
preview and at the printer's resolution (capped at 300 dpi) for printing; the print job itself also
runs in the background (Qt allows painting on a QPrinter outside the GUI thread). Page range, copies,
collation and page order come from the print dialog. The dialog fits the screen it opens on (a
1366×768 laptop included, every button visible) and remembers its size in ``state_file`` (an INI file
in the data folder, never the user's registry or home folder). Errors reach the officer in a dialog
and the log with the traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.errors import UserError
from retention_desktop.domain.labels import PROPOSAL_DECISION
from retention_desktop.gui.i18n import localize, tr
from retention_desktop.gui import errors
from retention_desktop.gui.tasks import run_task
from retention_desktop.proposal.pages import MAX_PRINT_DPI, page_count, render_page, render_pages
from retention_desktop.services.proposal_service import ArchivedProposal, record_decision

log = logging.getLogger(__name__)

DECISIONS = list(PROPOSAL_DECISION.items())
PREVIEW_DPI = 96
PREFERRED_SIZE = QSize(900, 1000)
SETTINGS_KEY = "proposal_preview/size"


def to_qimage(array) -> QImage:
    """An RGB uint8 array (height × width × 3) as a QImage that owns its pixels."""
    height, width = array.shape[:2]
    return QImage(array.tobytes(), width, height, array.strides[0], QImage.Format.Format_RGB888).copy()


class PrintError(UserError):
    """The printer (or the file it prints to) cannot be used; the officer can pick another."""


def report_error(parent: QWidget | None, title: str, message: str, exc: BaseException | None = None) -> QMessageBox:
    """A failure of this dialog: the log (with the traceback) and the app's one error dialog (``gui.errors``),
    titled ``title``; a refusal in its own words, anything else never as raw exception text.

    Non-blocking (``open``), so tests and background callbacks never wait on it.
    """
    log.error("%s: %s", title, exc if exc is not None else message,
              exc_info=(type(exc), exc, exc.__traceback__) if exc is not None else None)
    return errors.show_error(exc if exc is not None else UserError(message), parent, title=title)


@dataclass(frozen=True)
class PrintPlan:
    """What the print dialog asked for, in page indexes (0-based) in the order they go to the printer."""

    pages: list[int]
    dpi: int


def print_plan(page_total: int, printer: QPrinter) -> PrintPlan:
    """Pages to send for the dialog's page range, copies (when the printer cannot make them), collation and
    page order. Raises PrintError when the range selects no page of this document."""
    first, last = 1, page_total
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = max(printer.fromPage(), 1), min(printer.toPage() or page_total, page_total)
    ranges = printer.pageRanges()
    chosen = [i for i in range(first - 1, last) if ranges.isEmpty() or ranges.contains(i + 1)]
    if not chosen:
        raise PrintError("인쇄할 쪽이 없습니다: 이 제안서는 1–{total}쪽입니다.", total=page_total)
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        chosen.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    pages = chosen * copies if printer.collateCopies() else [p for p in chosen for _ in range(copies)]
    return PrintPlan(pages, min(printer.resolution(), MAX_PRINT_DPI))


def print_document(pdf: bytes, printer: QPrinter, plan: PrintPlan) -> str:
    """Paint the planned pages on ``printer`` (any thread), each scaled to the paper; returns where it went.

    Raises PrintError when the printer cannot be opened (no printer, a file that cannot be written).
    """
    printer.setFullPage(True)  # the page image carries its own margins: place it on the whole sheet
    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName() or printer.printerName() or "기본 프린터"
        raise PrintError("프린터를 열 수 없습니다: {target}", target=target)
    try:
        for n, index in enumerate(plan.pages):
            if n:
                printer.newPage()
            image = to_qimage(render_page(pdf, index, plan.dpi))
            paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            size = image.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(paper.x() + (paper.width() - size.width()) // 2,
                           paper.y() + (paper.height() - size.height()) // 2, size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return printer.outputFileName() or printer.printerName()


def fitted_size(preferred: QSize, available: QRect, frame_margin: QSize = QSize(16, 80)) -> QSize:
    """``preferred`` shrunk so the window, its frame included, fits ``available`` (a screen's free area).

    The height keeps 80 pixels: a title bar (~30) and a taskbar the window system may not subtract from the
    available area (auto-hidden ones, some X11 desktops).
    """
    return QSize(max(min(preferred.width(), available.width() - frame_margin.width()), 480),
                 max(min(preferred.height(), available.height() - frame_margin.height()), 360))


class ProposalPreview(QDialog):
    decision_recorded = Signal(str)
    printed = Signal(str)
    print_failed = Signal(str)
    pages_ready = Signal(int)

    def __init__(self, officer, proposal: ArchivedProposal, verification: str = "", parent: QWidget | None = None,
                 state_file: Path | None = None):
        super().__init__(parent)
        self.officer, self.proposal = officer, proposal
        self.state_file = state_file
        self.setWindowTitle(f"{tr('제안서 번호')} {proposal.proposal_no}")
        self.page_labels: list[QLabel] = []
        self.page_total = 0
        self.print_dialog: QPrintDialog | None = None
        self.printing = False
        self.error_box: QMessageBox | None = None

        self.pages = QWidget()
        self.column = QVBoxLayout(self.pages)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.loading = QLabel(tr("제안서 쪽을 그리는 중…"))
        self.column.addWidget(self.loading)
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        self.said: str | None = None  # what the database did besides the decision recorded last (a renegotiation's)
        self.status = QLabel(verification or f"{tr('제안서 번호')} {proposal.proposal_no} · {tr('서명·보관됨')}")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(tr("인쇄…"))
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.setToolTip(tr("인쇄…") + " (Ctrl+P)")
        self.print_button.clicked.connect(self.open_print_dialog)
        self.print_button.setEnabled(False)
        self.save_button = QPushButton(tr("다른 이름으로 저장…"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip(tr("다른 이름으로 저장…") + " (Ctrl+S)")
        self.save_button.clicked.connect(self.ask_save_path)
        self.decision = QComboBox()
        for code, label in DECISIONS:
            self.decision.addItem(tr(label), code)
        self.decision.setAccessibleName(tr("고객 결정"))
        self.decision.setCurrentIndex([c for c, _ in DECISIONS].index(proposal.decision))
        self.record_button = QPushButton(tr("고객 결정 기록"))
        self.record_button.clicked.connect(self.record)
        self.close_button = QPushButton(tr("닫기"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for widget in (self.print_button, self.save_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        decision_label = QLabel(tr("고객 결정"))
        decision_label.setBuddy(self.decision)
        buttons.addWidget(decision_label)
        buttons.addWidget(self.decision)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.fit_to_screen()
        pdf = proposal.pdf
        run_task(lambda: render_pages(pdf, PREVIEW_DPI), self._show_pages,
                 lambda exc: self._failed(tr("제안서를 표시하지 못했습니다"), exc), owner=self)

    # -- size ----------------------------------------------------------------------------------------
    def buttons(self) -> list[QWidget]:
        return [self.print_button, self.save_button, self.decision, self.record_button, self.close_button]

    def _settings(self) -> QSettings | None:
        return QSettings(str(self.state_file), QSettings.Format.IniFormat) if self.state_file else None

    def fit_to_screen(self) -> None:
        """The remembered (or preferred) size, shrunk to the free area of the screen the dialog opens on,
        and centred there."""
        settings = self._settings()
        remembered = settings.value(SETTINGS_KEY) if settings else None
        preferred = remembered if isinstance(remembered, QSize) and remembered.isValid() else PREFERRED_SIZE
        anchor = self.parentWidget()
        screen = (anchor.screen() if anchor is not None else None) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        size = fitted_size(preferred, available)
        self.resize(size)
        self.move(available.x() + (available.width() - size.width()) // 2,
                  available.y() + max((available.height() - size.height() - 32) // 2, 0))

    def remember_size(self) -> None:
        settings = self._settings()
        if settings is not None:
            settings.setValue(SETTINGS_KEY, self.size())
            settings.sync()

    def done(self, result: int) -> None:
        self.remember_size()
        super().done(result)

    def closeEvent(self, event) -> None:
        self.remember_size()
        super().closeEvent(event)

    # -- pages ---------------------------------------------------------------------------------------
    def _show_pages(self, arrays) -> None:
        self.loading.hide()
        for array in arrays:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(to_qimage(array)))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.column.addWidget(label)
            self.page_labels.append(label)
        self.page_total = len(arrays)
        self.print_button.setEnabled(True)
        self.pages_ready.emit(self.page_total)

    # -- printing ------------------------------------------------------------------------------------
    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setDocName(f"{tr('제안서 번호')} {self.proposal.proposal_no}")
        printer.setFromTo(1, max(self.page_total, 1))
        return printer

    def open_print_dialog(self) -> None:
        """Qt's print dialog (printer, page range, copies); printing starts when it is accepted."""
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("제안서 인쇄"))
        option = QAbstractPrintDialog.PrintDialogOption
        for flag, on in ((option.PrintPageRange, True), (option.PrintToFile, True),
                         (option.PrintCollateCopies, True), (option.PrintSelection, False),
                         (option.PrintCurrentPage, False)):
            dialog.setOption(flag, on)
        dialog.setMinMax(1, max(self.page_total, 1))
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        # QPrintDialog.open is overloaded as open(receiver, member) in PySide6; the plain window-modal open is
        # QDialog's
        QDialog.open(dialog)

    def print_to(self, printer: QPrinter) -> None:
        """Send the pages the printer's settings ask for, in the background; ``printed`` or ``print_failed``."""
        if self.printing:
            return
        try:
            plan = print_plan(self.page_total or page_count(self.proposal.pdf), printer)
        except PrintError as exc:
            self._failed(tr("인쇄하지 못했습니다"), exc)
            return
        self.printing = True
        self.print_button.setEnabled(False)
        self.status.setText(tr("인쇄 중… ({n}쪽)").format(n=len(plan.pages)))
        pdf = self.proposal.pdf
        self._printer = printer  # kept alive until the job ends
        run_task(lambda: print_document(pdf, printer, plan), self._printed,
                 lambda exc: self._failed(tr("인쇄하지 못했습니다"), exc), owner=self)

    def _printed(self, target: str) -> None:
        self.printing = False
        self.print_button.setEnabled(True)
        self.status.setText(f"{tr('인쇄를 보냈습니다')}: {target}")
        self.printed.emit(target)

    # -- saving --------------------------------------------------------------------------------------
    def ask_save_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, tr("제안서 저장"), f"{self.proposal.proposal_no}.pdf",
                                                    "PDF (*.pdf)")
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        try:
            path.write_bytes(self.proposal.pdf)
        except OSError as exc:
            self._failed(tr("저장하지 못했습니다"), UserError("{path}에 쓸 수 없습니다: {reason}", path=str(path),
                                                       reason=exc.strerror or str(exc)))
            return
        self.status.setText(f"{tr('저장했습니다')}: {path}")

    # -- decision ------------------------------------------------------------------------------------
    def record(self) -> None:
        code = self.decision.currentData()
        officer, number = self.officer, self.proposal.proposal_no
        run_task(lambda: record_decision(officer, number, code), lambda said: self._recorded(code, said),
                 lambda exc: self._failed(tr("고객 결정을 기록하지 못했습니다"), exc), owner=self)

    def _recorded(self, code: str, said: str | None = None) -> None:
        """``said``: what the database did besides (a renegotiation's application filed, and what happens next)."""
        self.said = said
        self.status.setText(f"{tr('고객 결정을 기록했습니다')}: {tr(dict(DECISIONS)[code])}"
                            + (f" — {localize(said)}" if said else ""))
        self.decision_recorded.emit(code)

    # -- errors --------------------------------------------------------------------------------------
    def _failed(self, title: str, exc: BaseException) -> None:
        if title == tr("인쇄하지 못했습니다"):
            self.printing = False
            self.print_button.setEnabled(self.page_total > 0)
            self.print_failed.emit(str(exc))
        self.status.setText(f"{title}: {errors.user_text(exc)}")
        self.error_box = report_error(self, title, title, exc)
