"""대시보드: the branch at a glance."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from retention_desktop.domain.labels import LOAN_KIND, PROPOSAL_DECISION
from retention_desktop.gui.charts import ChartCanvas
from retention_desktop.gui.i18n import count, format_won_korean, language, tr
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import StatCard, title
from retention_desktop.services.dashboard import BranchDashboard, branch_dashboard

STATUSES = {"active": "정상", "delinquent": "연체", "closed": "종료", "refinanced": "재대출 전환"}


class DashboardPage(QWidget):
    loaded = Signal(object)

    def __init__(self, today: dt.date):
        super().__init__()
        self.today = today
        self.heading = title(tr("대시보드"))
        self.cards = {key: StatCard(caption) for key, caption in [
            ("customers", tr("지점 고객")), ("loans", tr("대출 (전체)")), ("active", tr("정상 대출")),
            ("average", tr("평균 잔액")), ("calls", tr("오늘의 콜리스트")), ("mine", tr("내 담당 콜"))]}
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        self.kind_chart = ChartCanvas(height=2.6)
        self.outcomes = QLabel()
        self.outcomes.setWordWrap(True)
        self.statuses = QLabel()
        charts = QHBoxLayout()
        charts.addWidget(self.kind_chart, 3)
        side = QVBoxLayout()
        side.addWidget(self.statuses)
        side.addWidget(self.outcomes)
        side.addStretch()
        charts.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addLayout(charts, 1)

    def activate(self, officer) -> None:
        self.kind_chart.loading()
        run_task(lambda: branch_dashboard(officer, self.today), self.show_dashboard, owner=self)

    def show_dashboard(self, d: BranchDashboard) -> None:
        self.heading.setText(f"{tr('대시보드')} — {d.branch_name}")
        self.cards["customers"].set_value(count(d.customers, "명"))
        self.cards["loans"].set_value(count(d.loans, "건"))
        self.cards["active"].set_value(count(d.active_loans, "건"))
        self.cards["average"].set_value(format_won_korean(d.average_balance // 10_000 * 10_000))
        when = f" ({d.call_list_date:%Y.%m.%d})" if d.call_list_date else f" ({tr('미생성')})"
        self.cards["calls"].set_value(count(d.call_list_count, "명") + when)
        self.cards["mine"].set_value(count(d.my_call_list_count, "명"))
        kinds = sorted(d.loans_by_kind.items(), key=lambda kv: -kv[1])
        unit = "건" if language() == "ko" else ""
        self.kind_chart.draw_bars(tr("상품별 정상 대출 건수 (건)"), [tr(LOAN_KIND.get(k, k)) for k, _ in kinds],
                                  [v for _, v in kinds], fmt=lambda v, _pos=None: f"{v:,.0f}{unit}")
        self.statuses.setText(tr("대출 상태") + ": " + ", ".join(f"{tr(STATUSES.get(k, k))} {count(v, '건')}"
                                                           for k, v in sorted(d.loans_by_status.items())))
        outcomes = ", ".join(f"{tr(PROPOSAL_DECISION.get(k, k))} {count(v, '건')}"
                             for k, v in d.proposals_this_month.items()) or tr("없음")
        self.outcomes.setText(f"{tr('이번 달 제안서 결과')}: {outcomes}")
        self.loaded.emit(d)
