"""제안서: the branch's proposals and the customers' decisions, and 확인 — check a proposal a customer brings
back: its number typed, or its QR scanned (a scanner types like a keyboard, then Enter)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from retention_desktop.domain.labels import PROPOSAL_DECISION
from retention_desktop.domain.proposal_code import ProposalCodeError
from retention_desktop.gui.i18n import count, format_won, localize
from retention_desktop.gui import errors
from retention_desktop.gui.i18n import localize, tr
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import show_message, table, title
from retention_desktop.services.proposal_check import ProposalCheck, check_proposal
from retention_desktop.services.proposal_service import trust_roots
from retention_desktop.services.proposals import branch_proposals

COLUMNS = [
    Column("제안서 번호", lambda p: p.proposal_no),
    Column("작성일", lambda p: f"{p.created_at:%Y.%m.%d %H:%M}", lambda p: p.created_at),
    Column("고객", lambda p: f"{p.customer_name} ({p.customer_no})", lambda p: p.customer_name, as_written=True),
    Column("대출", lambda p: p.loan_no),
    Column("담당", lambda p: p.officer_name, as_written=True),
    Column("유효기한", lambda p: f"{p.valid_until:%Y.%m.%d}", lambda p: p.valid_until),
    Column("고객 결정", lambda p: PROPOSAL_DECISION.get(p.decision, p.decision)),
]


def check_text(check: ProposalCheck) -> str:
    """What the officer reads after 확인: the verdict, then what the archive says to compare with the paper."""
    if not check.found:
        return f"{tr('확인 안 됨')} — {localize(check.reason)}"
    head = (tr("확인됨") if check.ok else tr("확인 안 됨")) + " — " + localize(check.reason)
    s = check.summary
    facts = [f"{tr('고객')} {check.customer}", f"{tr('담당')} {check.officer} ({check.branch})",
             f"{tr('유효기한')} {check.valid_until:%Y.%m.%d}" if check.valid_until else "",
             f"{tr('고객 결정')}: {tr(PROPOSAL_DECISION.get(check.decision, check.decision))}"]
    if s:
        facts.append(f"{tr('권해 드린 선택')}: {s.get('option', '')} {tr('연')} {s.get('new_rate_pct', '')}%, "
                     f"{tr('월')} {format_won(int(s.get('monthly_payment', 0)))}, {tr('총 절약')} "
                     f"{format_won(int(s.get('total_saving', 0)))}")
    return head + "\n" + " · ".join(f for f in facts if f)


class ProposalsPage(QWidget):
    loaded = Signal(int)
    open_proposal = Signal(str)
    checked = Signal(object)

    def __init__(self, data_dir: Path | None = None, today: dt.date | None = None):
        super().__init__()
        self.data_dir, self.today = data_dir, today  # None: the officer's bank_today (from the server at login)
        self.officer = None
        self.model = RecordsModel(COLUMNS)
        self.view = table(self.model)
        self.view.setAccessibleName(tr("제안서 목록"))
        self.view.activated.connect(lambda index: self.open_proposal.emit(self.model.record(index.row()).proposal_no))
        self.info = QLabel()
        self.check_edit = QLineEdit()
        self.check_edit.setPlaceholderText(tr("제안서 번호를 입력하거나 QR을 스캔하세요 (예: P20261130-1C09B6)"))
        self.check_edit.setAccessibleName(tr("확인할 제안서 번호"))
        self.check_edit.returnPressed.connect(self.check)
        self.check_button = QPushButton(tr("확인"))
        self.check_button.clicked.connect(self.check)
        self.check_result = QLabel()  # the archive's verdict and reason
        self.check_result.setWordWrap(True)
        self.check_result.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("제안서 확인")))
        row.addWidget(self.check_edit, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title(tr("제안서")))
        layout.addLayout(row)
        layout.addWidget(self.check_result)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)

    def activate(self, officer) -> None:
        self.officer = officer
        run_task(lambda: branch_proposals(officer), self._show, owner=self)

    def _show(self, lines) -> None:
        self.model.set_records(lines)
        self.info.setText(f"{tr('지점과 내가 만든 제안서')} {count(len(lines), '건')}" if lines else tr("아직 작성된 제안서가 없습니다."))
        self.loaded.emit(len(lines))

    def check(self) -> None:
        """Look the typed or scanned proposal up in the archive (in the background)."""
        typed = self.check_edit.text().strip()
        if not typed or self.officer is None:
            return
        officer, today, data_dir = self.officer, self.today or self.officer.bank_today, self.data_dir
        self.check_button.setEnabled(False)
        run_task(lambda: check_proposal(officer.database, typed, today,
                                        trust_roots(officer.database, data_dir) if data_dir is not None else [],
                                        officer.employee_no),
                 self._checked, self._check_failed, owner=self)

    def _checked(self, check: ProposalCheck) -> None:
        self.check_button.setEnabled(True)
        show_message(self.check_result, check_text(check), "good" if check.ok else "error")
        self.check_edit.selectAll()
        self.checked.emit(check)

    def _check_failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        if isinstance(exc, ProposalCodeError):
            show_message(self.check_result, str(exc), "error")
        else:
            from retention_desktop.gui.proposal_preview import report_error

            show_message(self.check_result, f"{tr('확인하지 못했습니다')}: {errors.user_text(exc)}", "error")
            self.error_box = report_error(self, tr("제안서를 확인하지 못했습니다"), str(exc), exc)
        self.checked.emit(exc)
