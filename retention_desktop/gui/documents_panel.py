"""첨부 서류 panel, shared by the customer and the application screens: the documents, 서류 첨부…, and for an
income proof PDF the gross pay found, offered to the officer to confirm — never written silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from retention_desktop.gui import errors
from retention_desktop.gui.i18n import format_won, format_won_korean, tr
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import show_message, table
from retention_desktop.services import documents

DOCUMENT_KIND_KO = {"income_proof": "소득 증빙", "id_copy": "신분증 사본", "other": "기타"}
COLUMNS = [
    Column("종류", lambda d: DOCUMENT_KIND_KO.get(d.kind, d.kind)),
    Column("파일", lambda d: d.filename, as_written=True),
    Column("크기", lambda d: f"{d.size_bytes / 1024:,.0f} KB", lambda d: d.size_bytes, numeric=True),
    Column("첨부", lambda d: f"{d.uploaded_by} {d.uploaded_at:%Y.%m.%d %H:%M}", lambda d: d.uploaded_at),
    Column("SHA-256", lambda d: d.sha256[:16] + "…"),
]


class DocumentsPanel(QWidget):
    loaded = Signal(int)
    attached = Signal(str)
    income_confirmed = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.officer = None
        self.customer_no: str | None = None
        self.customer_income = 0
        self.application_no: str | None = None
        self.income_dialog: QMessageBox | None = None
        self.model = RecordsModel(COLUMNS)
        self.view = table(self.model, sortable=False)
        self.view.setAccessibleName(tr("첨부 서류"))
        self.kind = QComboBox()
        for code, label in DOCUMENT_KIND_KO.items():
            self.kind.addItem(tr(label), code)
        self.kind.setAccessibleName(tr("서류 종류"))
        self.attach_button = QPushButton(tr("서류 첨부") + "…")
        self.attach_button.clicked.connect(self.choose_document)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.attach_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.setEnabled(False)

    def show_for(self, officer, customer_no: str, customer_income: int, application_no: str | None = None) -> None:
        """The documents of a customer, or of an application (with the customer's own)."""
        self.officer, self.customer_no, self.customer_income = officer, customer_no, customer_income
        self.application_no = application_no
        self.setEnabled(True)
        self.reload()

    def clear(self) -> None:
        self.customer_no = self.application_no = None
        self.model.set_records([])
        self.message.setVisible(False)
        self.setEnabled(False)

    def reload(self) -> None:
        officer, customer_no, application_no = self.officer, self.customer_no, self.application_no
        run_task(lambda: documents.documents_of(officer, customer_no, application_no), self._show, self._failed,
                 owner=self)

    def _show(self, lines) -> None:
        self.model.set_records(lines)
        self.loaded.emit(len(lines))

    def choose_document(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, tr("서류 첨부"), "", "PDF, PNG, JPEG (*.pdf *.png *.jpg *.jpeg)")
        if path:
            self.attach_file(Path(path), self.kind.currentData())

    def attach_file(self, path: Path, kind: str) -> None:
        """Attach in the background; an income proof PDF is then read for its gross pay."""
        officer, customer_no, application_no = self.officer, self.customer_no, self.application_no

        def attach_and_read():
            try:
                content = path.read_bytes()
            except OSError as exc:
                raise documents.DocumentRejected("파일을 읽을 수 없습니다: {reason}", reason=exc.strerror or str(exc)) \
                    from None
            digest = documents.attach(officer, kind, path.name, content, customer_no=customer_no,
                                      application_no=application_no)
            finding = None
            if kind == "income_proof" and content.startswith(b"%PDF"):
                try:  # stored already: a proof whose text cannot be read is simply one with no income found
                    finding = documents.find_income(content)
                except documents.DocumentRejected:
                    finding = None
            return digest, finding

        run_task(attach_and_read, lambda result: self._attached(path.name, *result), self._attach_failed, owner=self)

    def _attached(self, filename: str, digest: str, finding: documents.IncomeFinding | None) -> None:
        show_message(self.message, f"{filename}" + tr("을(를) 첨부했습니다."), "good")
        self.attached.emit(digest)
        self.reload()
        if finding is not None:
            self.offer_income(finding, digest)

    def offer_income(self, finding: documents.IncomeFinding, digest: str) -> None:
        customer_no = self.customer_no
        self.income_dialog = QMessageBox(
            QMessageBox.Icon.Question, tr("소득 확인"),
            tr("소득 증빙에서 연소득 {amount}({reading})을 찾았습니다.\n읽은 줄: {line}\n\n현재 등록된 연소득: {current}\n"
               "서류를 직접 확인한 뒤 고객 연소득을 이 금액으로 바꾸시겠습니까?").format(
                amount=format_won(finding.amount), reading=format_won_korean(finding.amount), line=finding.evidence,
                current=format_won(self.customer_income)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.income_dialog.button(QMessageBox.StandardButton.Yes).setText(tr("연소득 반영"))
        self.income_dialog.button(QMessageBox.StandardButton.No).setText(tr("반영하지 않음"))
        self.income_dialog.accepted.connect(lambda: self.confirm_income(customer_no, finding.amount, digest))
        self.income_dialog.open()

    def confirm_income(self, customer_no: str, amount: int, digest: str) -> None:
        officer = self.officer
        run_task(lambda: documents.confirm_income(officer, customer_no, amount, digest),
                 lambda _r: self._confirmed(amount), self._failed, owner=self)

    def _confirmed(self, amount: int) -> None:
        self.customer_income = amount
        show_message(self.message, tr("연소득을 {amount}으로 확인했습니다.").format(amount=format_won(amount)), "good")
        self.income_confirmed.emit(amount)

    def _failed(self, exc: Exception) -> None:
        sentence = errors.report(exc, self)
        show_message(self.message, sentence, "error")
        self.failed.emit(sentence)

    def _attach_failed(self, exc: Exception) -> None:
        self._failed(exc)
        if self.customer_no is not None:
            self.reload()  # whatever happened, the list shows what is stored now
