"""재대출 vs 대환 비교: one column per option, the cumulative-cost chart, the reason codes, a live rate control."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain import comparison_table
from retention_desktop.domain.comparison import Comparison, OptionResult
from retention_desktop.domain.comparison_table import ELIGIBLE_ROW, OPTION_ROWS
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.gui import errors
from retention_desktop.gui.charts import ChartCanvas
from retention_desktop.gui.i18n import tr
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import section, title
from retention_desktop.services.offer_comparison import (
    ComparisonError,
    OfferComparison,
    open_comparison,
    recompute,
    typed_offer,
)

RECOMPUTE_DEBOUNCE_MS = 40
Index = QModelIndex | QPersistentModelIndex


def option_title(o: OptionResult) -> str:
    return comparison_table.option_title(o, tr)


class ComparisonModel(QAbstractTableModel):
    """Rows are the engine's figures, columns the options (keep, re-loan, each switch offer)."""

    def __init__(self) -> None:
        super().__init__()
        self.options: list[OptionResult] = []

    def set_comparison(self, comparison: Comparison) -> None:
        self.beginResetModel()
        self.options = list(comparison.options)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(OPTION_ROWS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.options)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() >= len(self.options) or index.row() >= len(OPTION_ROWS):
            return None
        option = self.options[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return OPTION_ROWS[index.row()][1](option)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(option.reasons)
        if role == Qt.ItemDataRole.ForegroundRole and OPTION_ROWS[index.row()][0] == ELIGIBLE_ROW and not option.eligible:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.options):
            return option_title(self.options[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(OPTION_ROWS):
            return tr(OPTION_ROWS[section][0])
        return None


class ComparisonPage(QWidget):
    loaded = Signal(object)
    recomputed = Signal(object)
    failed = Signal(str)
    proposal_requested = Signal(object)
    simulate_requested = Signal(str)

    def __init__(self, today: dt.date):
        super().__init__()
        self.today = today
        self.base: OfferComparison | None = None
        self.current: OfferComparison | None = None
        self.heading = title("재대출 vs 대환 비교")
        self.model = ComparisonModel()
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(22)
        # every row of the comparison stays visible: the grid is exactly as tall as its rows
        self.grid.setFixedHeight(22 * len(OPTION_ROWS) + 32)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart = ChartCanvas(height=2.4)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(5)
        self.rate_label = QLabel()
        self.authority_label = QLabel()
        self.authority_label.setWordWrap(True)
        self.reason_codes = QLabel()
        self.reason_codes.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.lender_edit = QLineEdit()
        self.lender_edit.setPlaceholderText("고객이 본 금융기관 (예: 토스)")
        self.rate_edit = QLineEdit()
        self.rate_edit.setPlaceholderText("금리 % (예: 4.10)")
        self.add_offer = QPushButton(tr("제시 금리 추가"))
        self.add_offer.clicked.connect(self.add_typed_offer)
        self.rate_edit.returnPressed.connect(self.add_typed_offer)
        self.proposal_button = QPushButton(tr("제안서 만들기…"))
        self.proposal_button.clicked.connect(lambda: self.proposal_requested.emit(self.current))
        self.simulate_button = QPushButton(tr("한도 시뮬레이션"))
        self.simulate_button.clicked.connect(lambda: self.current and self.simulate_requested.emit(self.current.loan_no))
        self._debounce = QTimer(self, singleShot=True, interval=RECOMPUTE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._recompute_now)
        self.slider.valueChanged.connect(self._slider_moved)
        self._pending: dict = {}
        self._generation = 0

        control = QHBoxLayout()
        control.addWidget(QLabel(tr("재대출 금리")))
        control.addWidget(self.slider, 1)
        control.addWidget(self.rate_label)
        offer = QHBoxLayout()
        offer.addWidget(self.lender_edit, 2)
        offer.addWidget(self.rate_edit, 1)
        offer.addWidget(self.add_offer)
        offer.addStretch()
        offer.addWidget(self.simulate_button)
        offer.addWidget(self.proposal_button)
        lower = QHBoxLayout()
        lower.addWidget(self.chart, 3)
        explain_box = QWidget()
        explain = QVBoxLayout(explain_box)
        explain.addWidget(section("맞춤 금리 산정 근거"))
        explain.addWidget(self.reason_codes)
        explain.addWidget(section("판단 근거"))
        explain.addWidget(self.reasons)
        explain.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(explain_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        lower.addWidget(scroll, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.grid)
        layout.addLayout(control)
        layout.addWidget(self.authority_label)
        layout.addLayout(offer)
        layout.addWidget(self.message)
        layout.addLayout(lower, 3)

    # -- loading --------------------------------------------------------------------------------
    def activate(self, officer, loan_no: str) -> None:
        self.message.clear()
        run_task(lambda: open_comparison(officer, loan_no, self.today), self.show_base,
                 errors.on_failure(self, self.failed), owner=self)

    def show_base(self, base: OfferComparison) -> None:
        self.base = base
        low, high = base.slider_range
        self.slider.blockSignals(True)
        self.slider.setRange(int(low * 100), int(high * 100))
        self.slider.setValue(int(base.reloan_rate_pct * 100))
        self.slider.blockSignals(False)
        p = base.personal
        approval = "지점장 승인 필요" if p.needs_manager_approval else "전결 가능"
        self.authority_label.setText(
            f"하한 {format_rate_pct(p.floor_rate_pct)} · 전결 한도 {format_rate_pct(p.authority_rate_pct)} · "
            f"정상가 {format_rate_pct(p.list_rate_pct)} — 제안 {format_rate_pct(p.rate_pct)} ({approval}), "
            f"유지 확률 {p.retention_probability:.0%}")
        self.reason_codes.setText("\n".join(f"• {r.text}" for r in p.reasons)
                                  + f"\n= 제안 금리 {format_rate_pct(p.rate_pct)}")
        self.display(base)
        self.loaded.emit(base)

    def display(self, state: OfferComparison) -> None:
        self.current = state
        self.heading.setText(f"재대출 vs 대환 비교 — {state.customer_name} · {state.loan_no}")
        self.rate_label.setText(format_rate_pct(state.reloan_rate_pct))
        below = state.reloan_rate_pct < state.personal.authority_rate_pct
        self.rate_label.setStyleSheet("color: #b00020; font-weight: bold;" if below else "font-weight: bold;")
        self.model.set_comparison(state.comparison)
        self.reasons.setText("\n".join(f"[{option_title(o)}] " + " / ".join(o.reasons[:3])
                                       for o in state.comparison.options))
        self._draw_chart(state.comparison)

    def _draw_chart(self, comparison: Comparison) -> None:
        horizon = min(max(len(o.cumulative_cost) for o in comparison.options), 120)
        series = [(option_title(o), list(o.cumulative_cost[:horizon])) for o in comparison.options]
        reloan = next((o for o in comparison.options if o.label == "reloan"), None)
        marker = reloan.break_even_month if reloan and reloan.break_even_month else None
        self.chart.draw_lines("누적 비용 (선취비용 + 이자)", series, "개월", marker,
                              f"재대출 손익분기 {marker}개월" if marker else "")

    # -- live recompute -------------------------------------------------------------------------
    def _slider_moved(self, value: int) -> None:
        self._pending["rate"] = Decimal(value) / 100
        self.rate_label.setText(format_rate_pct(self._pending["rate"]))
        self._debounce.start()

    def add_typed_offer(self) -> None:
        if self.current is None:
            return
        try:
            self._pending["typed"] = typed_offer(self.lender_edit.text(), self.rate_edit.text(), self.current)
        except ComparisonError as exc:
            self.message.setText(errors.report(exc, self))
            return
        self.message.clear()
        self._recompute_now()

    def _recompute_now(self) -> None:
        if self.current is None:
            return
        state, pending = self.current, dict(self._pending)
        self._pending.clear()
        self._generation += 1
        generation = self._generation
        run_task(lambda: recompute(state, pending.get("rate"), pending.get("typed", False)),
                 lambda result: self._recomputed(generation, result), lambda exc: self.message.setText(errors.report(exc, self)), owner=self)

    def _recomputed(self, generation: int, state: OfferComparison) -> None:
        if generation != self._generation:
            return
        self.display(state)
        self.recomputed.emit(state)
