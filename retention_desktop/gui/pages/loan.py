"""대출 상세: the remaining schedule and today's payoff."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from retention_desktop.domain.fees import add_months
from retention_desktop.domain.labels import LOAN_KIND
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.gui import errors
from retention_desktop.gui.i18n import format_won, format_won_korean, tr
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import section, table, title
from retention_desktop.services.loan_detail import LoanDetail, load_loan_detail


class LoanPage(QWidget):
    loaded = Signal(object)
    failed = Signal(str)
    back_requested = Signal()

    def __init__(self, today: dt.date):
        super().__init__()
        self.today = today
        self.heading = title(tr("대출 상세"))
        self.heading.setWordWrap(True)
        self.customer = QLabel()  # whose loan it is
        self.customer.setStyleSheet("font-size: 11pt; color: #34495e;")
        self.back_button = QPushButton(tr("← 고객 상세로"))
        self.back_button.setToolTip(tr("이전 화면으로 (Esc)"))
        self.back_button.setAccessibleName(tr("이전 화면으로"))
        self.back_button.clicked.connect(self.back_requested)
        self.payoff = QLabel()
        self.payoff.setWordWrap(True)
        self.payoff.setStyleSheet("font-size: 11pt;")
        self.first_due = today
        self.model = RecordsModel([
            Column("회차", lambda r: str(r.month), lambda r: r.month, numeric=True),
            Column("납입일", lambda r: f"{add_months(self.first_due, r.month - 1):%Y.%m.%d}", lambda r: r.month),
            Column("납입액", lambda r: format_won(r.payment), lambda r: r.payment, numeric=True),
            Column("원금", lambda r: format_won(r.principal), lambda r: r.principal, numeric=True),
            Column("이자", lambda r: format_won(r.interest), lambda r: r.interest, numeric=True),
            Column("잔액", lambda r: format_won(r.balance), lambda r: r.balance, numeric=True),
        ])
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.customer, 1)
        layout.addLayout(head)
        layout.addWidget(self.heading)
        layout.addWidget(section(tr("오늘 완제 시")))
        layout.addWidget(self.payoff)
        layout.addWidget(section(tr("남은 상환 스케줄")))
        schedule = table(self.model, sortable=False)
        schedule.setAccessibleName(tr("남은 상환 스케줄"))
        layout.addWidget(schedule, 1)

    def activate(self, officer, loan_no: str, customer_name: str | None = None) -> None:
        self.customer_name = customer_name
        run_task(lambda: load_loan_detail(officer, loan_no, self.today), self.show_detail,
                 errors.on_failure(self, self.failed), owner=self)

    def show_detail(self, d: LoanDetail) -> None:
        self.customer.setText(f"{self.customer_name or ''} ({d.customer_no})".strip())
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;"
                                   + (" color: #b00020;" if d.status == "delinquent" else ""))
        self.heading.setText((f"[{tr('연체')}] " if d.status == "delinquent" else "")
                             + f"{tr(LOAN_KIND.get(d.kind, d.kind))} {d.loan_no} · {tr('잔액')} {format_won_korean(d.balance)} · "
                             f"{format_rate_pct(d.annual_rate_pct)} · {tr('잔여')} {d.remaining_months}{tr('개월')}")
        self.first_due = d.first_due
        if d.payoff is None:
            self.payoff.setText(tr("종료된 대출입니다."))
            self.model.set_records([])
        else:
            p = d.payoff
            self.payoff.setText(
                f"{p.on:%Y.%m.%d} {tr('완제 금액')} {format_won(p.total)} = {tr('원금')} {format_won(p.balance)} + "
                f"{tr('경과이자')} {format_won(p.accrued_interest)} + {tr('중도상환수수료')} {format_won(p.prepayment_fee)}")
            self.model.set_records(d.schedule.instalments)
        self.loaded.emit(d)
