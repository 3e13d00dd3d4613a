"""콜리스트: the branch's and the officer's retention calls, sortable, opening the customer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from retention_desktop.domain.labels import LOAN_KIND, RETENTION_ACTION
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.gui.i18n import format_won, localize, tr
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import table, title
from retention_desktop.services.call_list import call_list

def _money(value: int | None) -> str:
    return "—" if value is None else format_won(value)


COLUMNS = [
    Column("순위", lambda c: str(c.rank), lambda c: c.rank, numeric=True),
    Column("고객", lambda c: f"{c.customer_name} ({c.customer_no})", lambda c: c.customer_name, as_written=True),
    Column("대출", lambda c: f"{tr(LOAN_KIND.get(c.kind, c.kind))} {c.loan_no}"),
    Column("잔액", lambda c: format_won(c.balance), lambda c: c.balance, numeric=True),
    Column("권고", lambda c: tr(RETENTION_ACTION.get(c.action, "—")) if c.action else "—", lambda c: c.action or ""),
    Column("금리 (현재 → 제안)", lambda c: f"{format_rate_pct(c.current_rate_pct)} → {format_rate_pct(c.recommended_rate_pct)}",
           lambda c: c.current_rate_pct - c.recommended_rate_pct, numeric=True),
    Column("기대가치 증가", lambda c: _money(c.expected_value_gain), lambda c: c.expected_value_gain or 0,
           numeric=True),
    Column("고객 절감 (월)", lambda c: f"{_money(c.customer_saving)} ({_money(c.customer_monthly_saving)})",
           lambda c: c.customer_saving or 0, numeric=True),
    Column("이탈확률", lambda c: f"{c.switching_probability:.0%}", lambda c: c.switching_probability, numeric=True),
    Column("담당", lambda c: c.officer_name, as_written=True),
]


class CallListPage(QWidget):
    loaded = Signal(int)
    open_customer = Signal(str)

    def __init__(self, today: dt.date):
        super().__init__()
        self.today = today
        self.officer = None
        self.heading = title(tr("콜리스트"))
        self.mine = QCheckBox(tr("내 담당만"))
        self.mine.setShortcut("Alt+M")
        self.mine.toggled.connect(lambda _on: self.activate(self.officer))
        self.model = RecordsModel(COLUMNS)
        self.view = table(self.model)
        self.view.setAccessibleName(tr("콜리스트"))
        self.view.activated.connect(lambda index: self.open_customer.emit(self.model.record(index.row()).customer_no))
        # the selected call's reasons and eligibility in full, below the table (the table stays within 1366 px)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("background: #f7f9fb; border: 1px solid #c8d1dc; border-radius: 4px; padding: 6px;")
        self.view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_detail(current.row()))
        self.info = QLabel()
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.mine)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)

    def activate(self, officer) -> None:
        self.officer = officer
        only_mine = self.mine.isChecked()
        run_task(lambda: call_list(officer, self.today, only_mine), self._show, owner=self)

    def _show(self, result) -> None:
        as_of, lines = result
        self.model.set_records(lines)
        self.info.setText(f"{as_of:%Y.%m.%d} {tr('기준')} {len(lines):,}{tr('건')} — "
                          + tr("금리 조건변경·재대출이 은행 기대가치를 높이는 대출만, 기대가치 증가 순. "
                               "줄임표(…)로 줄인 칸은 마우스를 올리면 전부 보입니다.") if as_of
                          else tr("아직 콜리스트가 없습니다: 본부가 포트폴리오를 평가하면 여기에 나타납니다."))
        if lines:
            self.view.selectRow(0)
        self._show_detail(0 if lines else -1)
        self.loaded.emit(len(lines))

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.detail.setText("")
            self.detail.setVisible(False)
            return
        c = self.model.record(row)
        self.detail.setText(f"{c.customer_name} · {c.loan_no} — {tr('사유')}: "
                            f"{' · '.join(localize(r) for r in c.reasons) or '—'}\n"
                            f"{tr('가능 여부')}: {localize(c.eligibility or '—')}")
        self.detail.setVisible(True)
