"""제안서: the branch's proposals and the customers' decisions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from retention_desktop.domain.labels import PROPOSAL_DECISION
from retention_desktop.gui.i18n import tr
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import table, title
from retention_desktop.services.proposals import branch_proposals

COLUMNS = [
    Column("제안서 번호", lambda p: p.proposal_no),
    Column("작성일", lambda p: f"{p.created_at:%Y.%m.%d %H:%M}", lambda p: p.created_at),
    Column("고객", lambda p: f"{p.customer_name} ({p.customer_no})", lambda p: p.customer_name),
    Column("대출", lambda p: p.loan_no),
    Column("담당", lambda p: p.officer_name),
    Column("유효기한", lambda p: f"{p.valid_until:%Y.%m.%d}", lambda p: p.valid_until),
    Column("고객 결정", lambda p: PROPOSAL_DECISION.get(p.decision, p.decision)),
]


class ProposalsPage(QWidget):
    loaded = Signal(int)
    open_proposal = Signal(str)

    def __init__(self):
        super().__init__()
        self.model = RecordsModel(COLUMNS)
        self.view = table(self.model)
        self.view.activated.connect(lambda index: self.open_proposal.emit(self.model.record(index.row()).proposal_no))
        self.info = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(title(tr("제안서")))
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)

    def activate(self, officer) -> None:
        run_task(lambda: branch_proposals(officer), self._show, owner=self)

    def _show(self, lines) -> None:
        self.model.set_records(lines)
        self.info.setText(f"지점 제안서 {len(lines):,}건" if lines else "아직 작성된 제안서가 없습니다.")
        self.loaded.emit(len(lines))
