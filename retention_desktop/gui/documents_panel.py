"""첨부 서류 panel, shared by the customer and the application screens: the documents, 서류 첨부…, and for an
income proof PDF the gross pay found, offered to the officer to confirm — never written silently. Above head
office's threshold the database records the confirmation as a request for a manager (revision 0017): the panel
says so, shows what is waiting, and offers a manager who may confirm it to do so."""

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
        self.pending: list[documents.PendingIncome] = []
        self.pending_label = QLabel()  # income confirmations waiting for a manager
        self.pending_label.setWordWrap(True)
        self.pending_label.setVisible(False)
        self.pending_button = QPushButton(tr("대기 중인 연소득 확인") + "…")
        self.pending_button.clicked.connect(self.offer_pending_income)
        self.pending_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.attach_button)
        row.addWidget(self.message, 1)
        waiting = QHBoxLayout()
        waiting.addWidget(self.pending_label, 1)
        waiting.addWidget(self.pending_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(waiting)
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
        self._show_pending([])
        self.setEnabled(False)

    def reload(self) -> None:
        officer, customer_no, application_no = self.officer, self.customer_no, self.application_no

        def load():
            return (documents.documents_of(officer, customer_no, application_no),
                    documents.pending_incomes(officer, customer_no) if customer_no else [])

        run_task(load, lambda result: self._show(*result), self._failed, owner=self)

    def _show(self, lines, pending) -> None:
        self.model.set_records(lines)
        self._show_pending(pending)
        self.loaded.emit(len(lines))

    def _show_pending(self, pending: list[documents.PendingIncome]) -> None:
        self.pending = pending
        self.pending_label.setVisible(bool(pending))
        self.pending_button.setVisible(any(p.may_confirm for p in pending))
        if pending:
            p = pending[-1]
            show_message(self.pending_label, tr("지점장 확인 대기: 연소득 {amount} ({reading}), 요청 {who} {when}").format(
                amount=format_won(p.amount), reading=format_won_korean(p.amount), who=p.requested_by,
                when=f"{p.requested_at:%Y.%m.%d %H:%M}"), "info")
            self.pending_label.setToolTip(tr("요청하거나 증빙을 첨부하지 않은 지점장이 확인하면 반영됩니다."))

    def offer_pending_income(self) -> None:
        """A manager confirms an income waiting for a second person (the same amount against the same proof)."""
        waiting = [p for p in self.pending if p.may_confirm]
        if not waiting:
            return
        p, customer_no = waiting[-1], self.customer_no
        self.income_dialog = QMessageBox(
            QMessageBox.Icon.Question, tr("소득 확인"),
            tr("{who}이(가) 요청한 연소득 {amount}({reading})을 확인합니다.\n현재 등록된 연소득: {current}\n\n"
               "첨부된 증빙을 직접 확인한 뒤 고객 연소득을 이 금액으로 바꾸시겠습니까?").format(
                who=p.requested_by, amount=format_won(p.amount), reading=format_won_korean(p.amount),
                current=format_won(self.customer_income)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.income_dialog.button(QMessageBox.StandardButton.Yes).setText(tr("연소득 반영"))
        self.income_dialog.button(QMessageBox.StandardButton.No).setText(tr("반영하지 않음"))
        self.income_dialog.accepted.connect(lambda: self.confirm_income(customer_no, p.amount, p.evidence_sha256))
        self.income_dialog.open()

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
        run_task(lambda: documents.confirm_income(officer, customer_no, amount, digest), self._confirmed,
                 self._failed, owner=self)

    def _confirmed(self, result: documents.IncomeConfirmation) -> None:
        if not result.in_effect:  # above head office's threshold: recorded, waiting for a manager
            show_message(self.message, tr("연소득 {amount}은(는) 소득 이중 확인 기준 {threshold}을(를) 넘어 아직 반영되지 "
                                          "않았습니다. 증빙과 요청을 기록했습니다: 지점장이 확인하면 반영됩니다.").format(
                amount=format_won(result.amount), threshold=format_won(result.threshold or 0)), "info")
            self.reload()
            return
        self.customer_income = result.amount
        show_message(self.message, tr("연소득을 {amount}으로 확인했습니다.").format(amount=format_won(result.amount)), "good")
        self.income_confirmed.emit(result.amount)
        if self.pending:  # a manager confirmed what was waiting: the waiting line goes
            self.reload()

    def _failed(self, exc: Exception) -> None:
        sentence = errors.report(exc, self)
        show_message(self.message, sentence, "error")
        self.failed.emit(sentence)

    def _attach_failed(self, exc: Exception) -> None:
        self._failed(exc)
        if self.customer_no is not None:
            self.reload()  # whatever happened, the list shows what is stored now
