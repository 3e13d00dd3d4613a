"""한도 시뮬레이션: toggled scenarios as bars, the 36-month timeline, the suggested action in words; live."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from retention_desktop.domain.limits import CONSTRAINT_LABELS
from retention_desktop.domain.simulation import CURRENT_STATE
from retention_desktop.gui import errors
from retention_desktop.gui.charts import ChartCanvas
from retention_desktop.gui.i18n import format_won_korean, localize, tr
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import section, title
from retention_desktop.services.limit_simulation import SimulationView, Toggles, simulate_for
from retention_desktop.services.offer_comparison import OfferComparison, open_comparison
from retention_desktop.services.regulation import load_policies


def limit_meaning(limit: int, binding: str, balance: int) -> str:
    """한도 in words: the most a new loan of this kind could be today, which rule stops it there, and what that
    means for the loan being replaced (its balance)."""
    text = (f"{tr('한도')} = {tr('이 대출을 갈아탈 같은 종류의 새 대출로 지금 받을 수 있는 최대 금액')}: "
            f"{format_won_korean(limit)}, {tr('먼저 걸리는 규칙')}: {tr(CONSTRAINT_LABELS[binding])}.")
    if limit < balance:
        text += (f" {tr('현재 잔액')} {format_won_korean(balance)} {tr('전부를 재대출로 옮길 수 없습니다')} "
                 f"({tr('부족')} {format_won_korean(balance - limit)}).")
    return text


def timeline_notes(points, top: int = 2) -> list[tuple[int, str]]:
    """The months that explain the timeline's jumps: the largest changes that come with an event (a debt paid off,
    a policy version), then any change of the binding rule; at most ``top``, in time order."""
    changes = []
    for i in range(1, len(points)):
        step = points[i].max_new_loan - points[i - 1].max_new_loan
        reasons = [localize(event) for event in points[i].events]
        if points[i].binding_constraint != points[i - 1].binding_constraint:
            reasons.append(f"{tr('기준')}: {tr(CONSTRAINT_LABELS[points[i - 1].binding_constraint])} → "
                           f"{tr(CONSTRAINT_LABELS[points[i].binding_constraint])}")
        if reasons:
            changes.append((abs(step), i, ", ".join(reasons)))
    chosen = sorted(changes, reverse=True)[:top]
    return sorted((i, text) for _step, i, text in chosen)


class SimulationPage(QWidget):
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, today: dt.date):
        super().__init__()
        self.today = today
        self.base: OfferComparison | None = None
        self.policies = []
        self.heading = title(tr("미래 대출 한도 시뮬레이션"))
        self.income_on = QCheckBox(tr("소득 변화"))
        self.income = QSpinBox()
        self.income.setRange(-50, 100)
        self.income.setSuffix("%")
        self.income.setAccessibleName(tr("소득 변화 (%)"))
        self.income.setValue(10)
        self.cards_on = QCheckBox(tr("카드론 전액 상환"))
        self.rate_on = QCheckBox(tr("금리 변화"))
        self.rate = QDoubleSpinBox()
        self.rate.setRange(-3.0, 3.0)
        self.rate.setSingleStep(0.25)
        self.rate.setDecimals(2)
        self.rate.setSuffix("%p")  # written as the scenario names write it: -1.00%p
        self.rate.setValue(-1.0)
        self.rate.setAccessibleName(tr("금리 변화 (%p)"))
        for box in (self.income_on, self.cards_on, self.rate_on):
            box.setChecked(True)
            box.toggled.connect(self._changed)
        self.income.valueChanged.connect(self._changed)
        self.rate.valueChanged.connect(self._changed)
        editor = QHBoxLayout()
        for widget in (self.income_on, self.income, self.cards_on, self.rate_on, self.rate):
            editor.addWidget(widget)
        editor.addStretch()
        self.bars = ChartCanvas(height=2.4)
        self.timeline = ChartCanvas(height=2.4)
        charts = QHBoxLayout()
        charts.addWidget(self.bars)
        charts.addWidget(self.timeline)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet("font-size: 12pt; background: #e8f1fb; padding: 8px; border-radius: 4px;")
        self.summary = QLabel()  # the scenarios' names are the engine's
        self.summary.setWordWrap(True)
        self.meaning = QLabel()  # what "한도" means here, and which rule sets it
        self.meaning.setWordWrap(True)
        self.meaning.setStyleSheet("color: #34495e;")
        self.events = QLabel()  # what moves the timeline (the engine's events)
        self.events.setWordWrap(True)
        self.events.setStyleSheet("color: #8a4b00;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.meaning)
        layout.addLayout(editor)
        layout.addLayout(charts, 1)
        layout.addWidget(self.events)
        layout.addWidget(self.summary)
        layout.addWidget(section(tr("제안")))
        QWidget.setTabOrder(self.income_on, self.income)
        QWidget.setTabOrder(self.income, self.cards_on)
        QWidget.setTabOrder(self.cards_on, self.rate_on)
        QWidget.setTabOrder(self.rate_on, self.rate)
        layout.addWidget(self.suggestion)
        self._debounce = QTimer(self, singleShot=True, interval=60)
        self._debounce.timeout.connect(self._run)
        self._generation = 0

    def activate(self, officer, loan_no: str, base: OfferComparison | None = None) -> None:
        self.bars.loading()
        self.timeline.loading()

        def load():
            return (base or open_comparison(officer, loan_no, self.today)), load_policies(officer.database)

        run_task(load, self._base_loaded, errors.on_failure(self, self.failed), owner=self)

    def _base_loaded(self, loaded) -> None:
        self.base, self.policies = loaded
        self.heading.setText(f"{tr('미래 대출 한도 시뮬레이션')} — {self.base.customer_name} · {self.base.loan_no}")
        self._run()

    def toggles(self) -> Toggles:
        return Toggles(Decimal(self.income.value()) if self.income_on.isChecked() else None,
                       self.cards_on.isChecked(),
                       Decimal(str(round(self.rate.value(), 2))) if self.rate_on.isChecked() else None)

    def _changed(self, *_args) -> None:
        self._debounce.start()

    def _run(self) -> None:
        if self.base is None:
            return
        base, policies, toggles = self.base, self.policies, self.toggles()
        self._generation += 1
        generation = self._generation
        run_task(lambda: simulate_for(base, policies, toggles), lambda view: self._show(generation, view),
                 errors.on_failure(self, self.failed), owner=self)

    def _show(self, generation: int, view: SimulationView) -> None:
        if generation != self._generation:
            return
        names = [localize(s.name) for s in view.scenarios]  # a standard name is a sentence; head office's as written
        values = [s.max_new_loan for s in view.scenarios]
        self.bars.draw_bars(tr("시나리오별 한도 (원)"), names, values, highlight=len(values) - 1)
        notes = timeline_notes(view.timeline)
        self.timeline.draw_steps(f"{tr(CURRENT_STATE)} {tr('기준 향후 36개월 한도 (원)')}",
                                 [(f"{p.on:%y.%m}", p.max_new_loan) for p in view.timeline], "",
                                 ylim=(0, None), notes=notes)
        now = view.scenarios[0]
        balance = self.base.request.current_loan.balance
        self.meaning.setText(limit_meaning(now.max_new_loan, now.binding_constraint, balance))
        self.events.setText(" · ".join(f"({i}) {view.timeline[index].on:%Y.%m}: {text}"
                                       for i, (index, text) in enumerate(notes, start=1))
                            + ("" if notes else tr("36개월 동안 한도는 소득 증가(연 3%)와 부채 상환에 따라 조금씩 바뀝니다.")))
        self.summary.setText(
            f"{tr('현재 한도')} {format_won_korean(now.max_new_loan)} ({tr(CONSTRAINT_LABELS[now.binding_constraint])}) · "
            + " · ".join(f"{localize(s.name)} {format_won_korean(s.max_new_loan)}" for s in view.scenarios[1:]))
        s = view.suggestion
        self.suggestion.setText(localize(s.explanation) if s else tr("지금 바로 한도나 금리를 개선할 수 있는 간단한 조치는 없습니다."))
        self.loaded.emit(view)
