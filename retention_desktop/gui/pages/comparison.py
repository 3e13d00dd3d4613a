"""재대출 vs 대환 비교: the answer first (a headline card with the recommendation, the money on both sides and a
competitor's offer flagged with the counter-offer), then one column per option (the recommended one marked,
the others by what they save, what is not available last), the cumulative-cost chart, the reason codes, and a
live rate control for the offered action. An action that may not be proposed disables the proposal button,
with the rule and its figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
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
from retention_desktop.domain.advice import Recommendation
from retention_desktop.domain.comparison import Comparison, OptionResult
from retention_desktop.domain.comparison_table import ELIGIBLE_ROW, OPTION_ROWS, display_order
from retention_desktop.domain.labels import RETENTION_ACTION
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.gui import errors
from retention_desktop.gui.charts import ChartCanvas
from retention_desktop.gui.i18n import format_won_korean, localize, tr
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
ROW_HEIGHT = 20
CHART_SETTLE_MS = 150  # the cost chart follows the slider once it rests; the grid follows it live
Index = QModelIndex | QPersistentModelIndex


def option_title(o: OptionResult) -> str:
    return comparison_table.option_title(o, tr)


RECOMMENDED_BACKGROUND = QColor("#e2f3e0")
UNAVAILABLE_FOREGROUND = QColor("#8a8a8a")
REFUSED = QColor("#b00020")


class ComparisonModel(QAbstractTableModel):
    """Rows are the engine's figures, columns the options: the recommended one first (marked), then the others by
    what they save the customer, what is not available last."""

    def __init__(self) -> None:
        super().__init__()
        self.options: list[OptionResult] = []
        self.recommended: str | None = None

    def set_comparison(self, comparison: Comparison, recommendation: Recommendation | None = None) -> None:
        self.beginResetModel()
        self.recommended = recommendation.option_label if recommendation else None
        self.options = display_order(comparison.options, self.recommended)
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
            return localize(OPTION_ROWS[index.row()][1](option))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(localize(r) for r in option.reasons)
        if role == Qt.ItemDataRole.BackgroundRole and option.label == self.recommended:
            return RECOMMENDED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and not option.eligible:
            return REFUSED if OPTION_ROWS[index.row()][0] == ELIGIBLE_ROW else UNAVAILABLE_FOREGROUND
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.options):
            option = self.options[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return ("★ " if option.label == self.recommended else "") + option_title(option)
            if role == Qt.ItemDataRole.ToolTipRole and option.label == self.recommended:
                return tr("권고")
            if role == Qt.ItemDataRole.FontRole and option.label == self.recommended:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(OPTION_ROWS):
            return tr(OPTION_ROWS[section][0])
        return None


class HeadlineCard(QFrame):
    """The answer first: the recommendation's headline, the money on both sides, a competitor's offer flagged."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("headlineCard")
        self.setStyleSheet("QFrame#headlineCard { border: 2px solid #2e7d32; border-radius: 6px; background: #f4fbf3; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.headline.setWordWrap(True)
        self.money = QLabel()
        self.money.setWordWrap(True)
        self.flag = QLabel()
        self.flag.setWordWrap(True)
        self.flag.setStyleSheet("color: #8a4b00; font-weight: bold;")
        for widget in (self.headline, self.money, self.flag):
            layout.addWidget(widget)

    def show_recommendation(self, r: Recommendation, internal: bool = True) -> None:
        """``internal``: also the bank's own figures (expected value, retention probability)."""
        self.headline.setText(localize(r.headline))
        action = tr(RETENTION_ACTION[r.action])
        rate = f" {format_rate_pct(r.annual_rate_pct)}" if r.action != "keep" else ""
        bank = (f" · {tr('은행 기대가치')} {format_won_korean(r.expected_value)} "
                f"({tr('유지 시')} {format_won_korean(r.expected_value_keep)}) · {tr('유지 확률')} "
                f"{r.retention_probability:.0%}") if internal else ""
        self.money.setText(f"{tr('권고')}: {action}{rate} · {tr('고객')} {format_won_korean(r.customer_total_saving)} "
                           f"{tr('절약')}{bank}")
        self.flag.setText(f"⚑ {localize(r.counter_offer.text)}" if r.counter_offer else "")
        self.flag.setVisible(r.counter_offer is not None)


def authority_text(state: OfferComparison, internal: bool = True) -> str:
    """The slider's caption: the range the offer may take and who may approve it, in that order (the authority
    matters only within the range: an authority below the floor means the whole range is the officer's own)."""
    offer, p = state.offer, state.personal
    rate = offer.option.annual_rate_pct
    low, high = state.slider_range or (p.floor_rate_pct, p.list_rate_pct)
    span = f"{tr('제시 가능')} {format_rate_pct(low)} ~ {format_rate_pct(high)} ({tr('정상가')} {format_rate_pct(p.list_rate_pct)})"
    if not p.needs_approval_at(low):
        approval = tr("범위 전체가 담당자 전결")
    else:
        approval = f"{format_rate_pct(p.authority_rate_pct)} {tr('미만은 지점장 승인')}"
    now = tr("지점장 승인 필요") if p.needs_approval_at(rate) else tr("전결 가능")
    odds = f", {tr('유지 확률')} {p.retention_probability:.0%}" if internal else ""
    return f"{span} · {approval} — {tr(RETENTION_ACTION[offer.action])} {format_rate_pct(rate)}: {now}{odds}"


def reason_code_text(reasons, rate_pct: Decimal, internal: bool = True) -> str:
    """The rate's components in one paragraph, adding up to the offered rate; without ``internal`` the bank's own cost
    and margin lines are one line ("은행 가산") so the customer sees the sum, not the bank's margin."""
    parts = [localize(r.text) for r in reasons if internal or not r.internal]
    hidden = sum((r.pct for r in reasons if r.internal), Decimal(0))
    if not internal and hidden:
        parts.append(f"{tr('은행 가산금리')} +{hidden:.2f}%p")
    return " · ".join(parts) + f" = {tr('제안 금리')} {format_rate_pct(rate_pct)}"


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
        self._slider_action: str | None = None
        self.heading = title(tr("재대출 vs 대환 비교"))
        self.card = HeadlineCard()
        self.unavailable = QLabel()
        self.unavailable.setWordWrap(True)
        self.unavailable.setStyleSheet("color: #b00020;")
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020;")
        self.model = ComparisonModel()
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.grid.verticalHeader().setMinimumSectionSize(ROW_HEIGHT)
        # every row of the comparison stays visible: the grid is exactly as tall as its rows
        self.grid.setFixedHeight(ROW_HEIGHT * len(OPTION_ROWS) + 30)
        self.grid.setAccessibleName(tr("선택지 비교표"))
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart = ChartCanvas(height=2.4, settle_ms=CHART_SETTLE_MS)
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
        self.lender_edit.setPlaceholderText(tr("예: 토스뱅크"))
        self.lender_edit.setAccessibleName(tr("고객이 받은 제시: 금융기관"))
        self.rate_edit = QLineEdit()
        self.rate_edit.setPlaceholderText(tr("예: 4.10"))
        self.rate_edit.setAccessibleName(tr("고객이 받은 제시: 연 금리 (%)"))
        self.rate_edit.setMaximumWidth(90)
        self.add_offer = QPushButton(tr("제시 금리 추가"))
        self.add_offer.setToolTip(tr("고객이 다른 금융기관에서 받은 금리를 비교에 넣습니다 (Ctrl+Enter)"))
        self.hide_internal = QCheckBox(tr("내부 수치 숨기기"))
        self.hide_internal.setToolTip(tr("고객이 보는 화면: 업무원가·목표이익, 은행 기대가치와 유지 확률을 가립니다 (Ctrl+H)"))
        self.hide_internal.toggled.connect(lambda _on: self.current and self.display(self.current))
        self.add_offer.clicked.connect(self.add_typed_offer)
        self.rate_edit.returnPressed.connect(self.add_typed_offer)
        self.proposal_button = QPushButton(tr("제안서 만들기…"))
        self.proposal_button.setToolTip(tr("서명된 PDF 제안서를 만들어 보관합니다 (Ctrl+P)"))
        self.proposal_button.clicked.connect(lambda: self.proposal_requested.emit(self.current))
        self.simulate_button = QPushButton(tr("한도 시뮬레이션"))
        self.simulate_button.setToolTip(tr("이 대출의 미래 한도 (Ctrl+L)"))
        self.simulate_button.clicked.connect(lambda: self.current and self.simulate_requested.emit(self.current.loan_no))
        self._debounce = QTimer(self, singleShot=True, interval=RECOMPUTE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._recompute_now)
        self.slider.valueChanged.connect(self._slider_moved)
        self._pending: dict = {}
        self._generation = 0

        self.slider.setAccessibleName(tr("제시 금리"))
        control = QHBoxLayout()
        self.rate_caption = QLabel(tr("재대출 금리"))
        self.rate_caption.setBuddy(self.slider)
        control.addWidget(self.rate_caption)
        control.addWidget(self.slider, 1)
        control.addWidget(self.rate_label)
        control.addWidget(self.hide_internal)
        offer = QHBoxLayout()
        offer_caption = QLabel(tr("고객이 받은 제시:"))
        lender_caption = QLabel(tr("금융기관"))
        lender_caption.setBuddy(self.lender_edit)
        rate_caption = QLabel(tr("연 금리 (%)"))
        rate_caption.setBuddy(self.rate_edit)
        for widget, stretch in ((offer_caption, 0), (lender_caption, 0), (self.lender_edit, 2), (rate_caption, 0),
                                (self.rate_edit, 1), (self.add_offer, 0)):
            offer.addWidget(widget, stretch)
        offer.addStretch()
        offer.addWidget(self.simulate_button)
        offer.addWidget(self.proposal_button)
        lower = QHBoxLayout()
        lower.addWidget(self.chart, 5)
        explain_box = QWidget()
        explain = QVBoxLayout(explain_box)
        explain.setContentsMargins(4, 0, 4, 0)
        explain.addWidget(section(tr("맞춤 금리 산정 근거")))
        explain.addWidget(self.reason_codes)
        explain.addWidget(section(tr("판단 근거")))
        explain.addWidget(self.reasons)
        explain.addStretch()
        self.explain_scroll = scroll = QScrollArea()
        scroll.setWidget(explain_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lower.addWidget(scroll, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.card)
        layout.addWidget(self.grid)
        layout.addWidget(self.unavailable)
        layout.addLayout(control)
        layout.addWidget(self.authority_label)
        layout.addLayout(offer)
        layout.addWidget(self.refusal)
        layout.addWidget(self.message)
        layout.addLayout(lower, 3)
        for keys, action in (("Ctrl+P", self.proposal_button.click), ("Ctrl+L", self.simulate_button.click),
                             ("Ctrl+H", self.hide_internal.toggle), ("Ctrl+Return", self.add_typed_offer)):
            QShortcut(QKeySequence(keys), self, activated=action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QWidget.setTabOrder(self.slider, self.hide_internal)
        QWidget.setTabOrder(self.hide_internal, self.lender_edit)
        QWidget.setTabOrder(self.lender_edit, self.rate_edit)
        QWidget.setTabOrder(self.rate_edit, self.add_offer)
        QWidget.setTabOrder(self.add_offer, self.simulate_button)
        QWidget.setTabOrder(self.simulate_button, self.proposal_button)

    # -- loading --------------------------------------------------------------------------------
    def activate(self, officer, loan_no: str) -> None:
        self.message.clear()
        self.lender_edit.clear()
        self.rate_edit.clear()
        self.chart.loading()
        run_task(lambda: open_comparison(officer, loan_no, self.today), self.show_base,
                 errors.on_failure(self, self.failed), owner=self)

    def show_base(self, base: OfferComparison) -> None:
        self.base = base
        self._slider_action = None
        self.display(base)
        self.loaded.emit(base)

    def _configure_slider(self, state: OfferComparison) -> None:
        """The slider sets the offered action's rate, from its lowest allowed rate to just below the current one."""
        action, bounds = state.offered_action, state.slider_range
        self._slider_action = action
        self.slider.blockSignals(True)
        if bounds is None or state.offer is None or state.offer.option is None:
            self.slider.setRange(0, 0)
        else:
            low, high = bounds
            self.slider.setRange(int(low * 100), int(high * 100))
            self.slider.setValue(int(state.offer.option.annual_rate_pct * 100))
        self.slider.setEnabled(bounds is not None)
        self.slider.blockSignals(False)
        self.rate_caption.setText(f"{tr(RETENTION_ACTION[action])} {tr('금리')}" if action else tr("제시 금리"))

    def display(self, state: OfferComparison) -> None:
        self.current = state
        if state.offered_action != self._slider_action or state is self.base:
            self._configure_slider(state)
        self.heading.setText(f"{tr('재대출 vs 대환 비교')} — {state.customer_name} · {state.loan_no}")
        internal = not self.hide_internal.isChecked()
        self.card.show_recommendation(state.recommendation, internal)
        offer, p = state.offer, state.personal
        if offer is not None and offer.option is not None:
            rate = offer.option.annual_rate_pct
            self.rate_label.setText(format_rate_pct(rate))
            below = p.needs_approval_at(rate)
            self.rate_label.setStyleSheet("color: #b00020; font-weight: bold;" if below else "font-weight: bold;")
            self.authority_label.setText(authority_text(state, internal))
            self.reason_codes.setText(reason_code_text(p.reasons, rate, internal))
        else:
            self.rate_label.setText("—")
            self.authority_label.setText(tr("제시할 수 있는 금리 조건변경·재대출이 없습니다."))
            self.reason_codes.setText("")
        refusal = state.proposal_refusal()
        self.proposal_button.setEnabled(refusal is None)
        self.proposal_button.setToolTip(localize(refusal or ""))
        self.refusal.setText(f"{tr('제안서를 만들 수 없습니다')}: {localize(refusal)}" if refusal else "")
        self.refusal.setVisible(refusal is not None)
        self.model.set_comparison(state.comparison, state.recommendation)
        blocked = [f"{option_title(o)}: {'; '.join(localize(c.text) for c in o.blocked_by)}"
                   for o in state.comparison.options if not o.eligible]
        self.unavailable.setText((tr("불가") + " — " + " / ".join(blocked)) if blocked else "")
        self.unavailable.setVisible(bool(blocked))
        # the recommendation's reasons here; each option's own reasons are its column's tooltip in the grid
        self.reasons.setText("\n".join([*(f"• {localize(r)}" for r in state.recommendation.reasons),
                                        *(f"• {localize(s)}" for s in state.recommendation.signals)]))
        self.reasons.setToolTip("\n".join(f"[{option_title(o)}] " + " / ".join(localize(r) for r in o.reasons[:3])
                                          for o in self.model.options))
        self._draw_chart(state.comparison)

    def _draw_chart(self, comparison: Comparison) -> None:
        horizon = min(max(len(o.cumulative_cost) for o in comparison.options), 120)
        series = [(option_title(o), list(o.cumulative_cost[:horizon])) for o in comparison.options]
        offered = self.current.offer.option if self.current and self.current.offer else None
        marker = offered.break_even_month if offered and offered.break_even_month else None
        self.chart.draw_lines(tr("선택지별 누적 비용 (선취비용 + 이자, 원)"), series, tr("개월"), marker,
                              f"{option_title(offered)} {tr('손익분기')} {marker}{tr('개월')}" if marker else "")

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
        self.lender_edit.clear()  # the offer is now a column of the grid; the fields are ready for the next one
        self.rate_edit.clear()
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
