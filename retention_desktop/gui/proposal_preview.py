"""제안서 미리보기: the signed PDF's pages (rendered with pypdfium2), print, save as, the customer's decision.

PySide6-Essentials has no QtPdf, so pages are rendered by pypdfium2 to images for the screen and, at
the printer's resolution, for printing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.labels import PROPOSAL_DECISION
from retention_desktop.gui.tasks import run_task
from retention_desktop.services.proposal_service import ArchivedProposal, record_decision

DECISIONS = list(PROPOSAL_DECISION.items())


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page as an image at ``dpi`` (72 dpi = scale 1)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            array = bitmap.to_numpy()
            height, width = array.shape[:2]
            channels = array.shape[2] if array.ndim == 3 else 1
            image_format = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}[channels]
            image = QImage(array.tobytes(), width, height, array.strides[0], image_format).copy()
            images.append(image)
            page.close()
    finally:
        document.close()
    return images


class ProposalPreview(QDialog):
    decision_recorded = Signal(str)
    printed = Signal(str)

    def __init__(self, officer, proposal: ArchivedProposal, verification: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.officer, self.proposal = officer, proposal
        self.setWindowTitle(f"제안서 {proposal.proposal_no}")
        self.resize(900, 1000)
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.page_labels = []
        for image in render_pages(proposal.pdf, 110):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("border: 1px solid #999; background: white;")
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.status = QLabel(verification or f"sha256 {proposal.pdf_sha256[:20]}…")
        self.status.setWordWrap(True)
        self.print_button = QPushButton("인쇄…")
        self.print_button.clicked.connect(self.open_print_dialog)
        self.save_button = QPushButton("다른 이름으로 저장…")
        self.save_button.clicked.connect(self.ask_save_path)
        self.decision = QComboBox()
        for code, label in DECISIONS:
            self.decision.addItem(label, code)
        self.decision.setCurrentIndex([c for c, _ in DECISIONS].index(proposal.decision))
        self.record_button = QPushButton("고객 결정 기록")
        self.record_button.clicked.connect(self.record)
        buttons = QHBoxLayout()
        for widget in (self.print_button, self.save_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        buttons.addWidget(QLabel("고객 결정"))
        buttons.addWidget(self.decision)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.print_dialog: QPrintDialog | None = None

    # -- printing ---------------------------------------------------------------------------------
    def open_print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.print_dialog = QPrintDialog(printer, self)
        self.print_dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog.open()

    def print_to(self, printer: QPrinter) -> None:
        """Each page at the printer's resolution, scaled to its page, in order."""
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText("프린터를 열 수 없습니다.")
            return
        try:
            for i, image in enumerate(render_pages(self.proposal.pdf, min(printer.resolution(), 300))):
                if i:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
        finally:
            painter.end()
        self.status.setText("인쇄를 보냈습니다.")
        self.printed.emit(printer.outputFileName() or printer.printerName())

    # -- saving -----------------------------------------------------------------------------------
    def ask_save_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, "제안서 저장", f"{self.proposal.proposal_no}.pdf",
                                                    "PDF (*.pdf)")
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        try:
            path.write_bytes(self.proposal.pdf)
        except OSError as exc:
            self.status.setText(f"저장하지 못했습니다: {exc}")
            return
        self.status.setText(f"저장했습니다: {path}")

    # -- decision ---------------------------------------------------------------------------------
    def record(self) -> None:
        code = self.decision.currentData()
        officer, number = self.officer, self.proposal.proposal_no
        run_task(lambda: record_decision(officer, number, code), lambda _r: self._recorded(code),
                 lambda exc: self.status.setText(str(exc)))

    def _recorded(self, code: str) -> None:
        self.status.setText(f"고객 결정을 기록했습니다: {dict(DECISIONS)[code]}")
        self.decision_recorded.emit(code)
