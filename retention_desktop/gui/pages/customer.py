"""고객 상세: masked profile (reveal with a reason), income, credit-score chart, loans, debts, repayments, badges,
and the customer's documents (an income proof's gross pay offered for confirmation)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.age import full_age
from retention_desktop.domain.labels import LOAN_KIND, RATE_TYPE, REPAYMENT_METHOD
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.gui import errors
from retention_desktop.gui.charts import ChartCanvas
from retention_desktop.gui.documents_panel import DocumentsPanel
from retention_desktop.gui.i18n import format_won, format_won_korean, localize, tr
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import badge, table, title
from retention_desktop.services.customer_profile import (
    MIN_REVEAL_REASON,
    ConsultationNeeded,
    CustomerProfile,
    load_profile,
    request_consultation,
)

ARREARS = "#b00020"  # a loan in arrears, a late payment
STATUS = {"active": "정상", "delinquent": "연체", "closed": "종료", "refinanced": "재대출 전환"}
EMPLOYMENT = {"salaried": "급여소득자", "public_servant": "공무원", "self_employed": "자영업", "freelancer": "프리랜서",
              "retired": "은퇴", "unemployed": "무직"}

LOAN_COLUMNS = [
    Column("대출번호", lambda l: l.loan_no),
    Column("종류", lambda l: LOAN_KIND.get(l.kind, l.kind)),
    Column("잔액", lambda l: format_won(l.balance), lambda l: l.balance, numeric=True),
    Column("금리", lambda l: format_rate_pct(l.annual_rate_pct), lambda l: l.annual_rate_pct, numeric=True),
    Column("금리유형", lambda l: RATE_TYPE.get(l.rate_type, l.rate_type)),
    Column("상환방식", lambda l: REPAYMENT_METHOD.get(l.method, l.method)),
    Column("실행일", lambda l: f"{l.drawdown_date:%Y.%m.%d}", lambda l: l.drawdown_date),
    Column("만기일", lambda l: f"{l.maturity_date:%Y.%m.%d}", lambda l: l.maturity_date),
    Column("상태", lambda l: STATUS.get(l.status, l.status), color=lambda l: ARREARS if l.status == "delinquent" else None),
]
DEBT_COLUMNS = [
    Column("금융기관", lambda d: d.lender, as_written=True),
    Column("종류", lambda d: LOAN_KIND.get(d.kind, d.kind)),
    Column("잔액", lambda d: format_won(d.balance), lambda d: d.balance, numeric=True),
    Column("금리", lambda d: format_rate_pct(d.annual_rate_pct), lambda d: d.annual_rate_pct, numeric=True),
    Column("잔여기간", lambda d: f"{d.remaining_months}개월", lambda d: d.remaining_months, numeric=True),
    Column("상환방식", lambda d: REPAYMENT_METHOD.get(d.method, d.method)),
    Column("한도", lambda d: format_won(d.credit_limit) if d.credit_limit else "", lambda d: d.credit_limit or 0,
           numeric=True),
]
REPAYMENT_COLUMNS = [
    Column("대출번호", lambda r: r.loan_no),
    Column("약정일", lambda r: f"{r.due_date:%Y.%m.%d}", lambda r: r.due_date),
    Column("납입일", lambda r: f"{r.paid_on:%Y.%m.%d}" if r.paid_on else "미납", lambda r: r.paid_on or dt.date.max),
    Column("원금", lambda r: format_won(r.principal_paid), lambda r: r.principal_paid, numeric=True),
    Column("이자", lambda r: format_won(r.interest_paid), lambda r: r.interest_paid, numeric=True),
    Column("연체일수", lambda r: f"{r.days_late}일" if r.days_late else "", lambda r: r.days_late, numeric=True,
           color=lambda r: ARREARS if r.days_late else None),
]


BADGES_PER_ROW = 3
BADGE_ORDER = {("switching_risk", "high"): 0, ("switching_risk", "medium"): 1, ("rate_cut_right", ""): 2,
               ("fee_window", ""): 3, ("switch_eligible", ""): 4, ("switching_risk", "low"): 5}


def badge_tone(b) -> str:
    """Warning colours only for what needs attention: a high or medium switching risk, a fee window still open;
    a low risk is plain information."""
    if b.kind == "switching_risk":
        return {"high": "danger", "medium": "warn"}.get(b.level, "info")
    return {"fee_window": "warn", "rate_cut_right": "good"}.get(b.kind, "info")


class RevealDialog(QDialog):
    """Asks why the officer needs the unmasked contact details (or, ``consultation``, another branch's
    customer); the reason is recorded."""

    def __init__(self, parent: QWidget | None = None, consultation: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("상담 열람 신청") if consultation else tr("개인정보 열람"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("예: 내점 고객 재대출 상담") if consultation else tr("예: 재대출 상담 중 연락처 확인"))
        self.reason.setAccessibleName(tr("열람 사유"))
        self.message = QLabel(
            f"{consultation}\n" + tr("사유를 {n}자 이상 입력하면 8시간 동안 이 고객을 상담할 수 있습니다. 신청은 오늘의 타지점 조회 "
                                      "한도(검색과 함께)에 포함되고, 기록이 남아 보안 담당자가 매월 점검합니다.").format(n=MIN_REVEAL_REASON) if consultation
            else tr("열람 사유를 {n}자 이상 입력하세요. 열람 기록이 남습니다.").format(n=MIN_REVEAL_REASON))
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_reasoned)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def _accept_if_reasoned(self) -> None:
        if len(self.reason.text().strip()) < MIN_REVEAL_REASON:
            self.message.setText(tr("사유가 너무 짧습니다. {n}자 이상 입력하세요.").format(n=MIN_REVEAL_REASON))
            return
        self.accept()


class CustomerPage(QWidget):
    loaded = Signal(object)
    open_loan = Signal(str)
    open_comparison = Signal(str)
    open_simulation = Signal(str)
    failed = Signal(str)
    consultation_asked = Signal(str)

    def __init__(self, today: dt.date):
        super().__init__()
        self.today = today
        self.officer = None
        self.profile: CustomerProfile | None = None
        self.heading = title(tr("고객 상세"))
        self.reveal_button = QPushButton(tr("개인정보 열람…"))
        self.reveal_button.clicked.connect(self.request_reveal)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.reveal_button)
        self.facts = QFormLayout()
        self.fact_labels = {key: QLabel() for key in ("rrn", "phone", "email", "address", "job", "income", "branch")}
        for key, caption in [("rrn", "주민등록번호"), ("phone", "휴대전화"), ("email", "이메일"), ("address", "주소"),
                             ("job", "직업"), ("income", "연소득"), ("branch", "관리점")]:
            self.fact_labels[key].setWordWrap(True)
            self.facts.addRow(tr(caption), self.fact_labels[key])
        self.badges = QGridLayout()  # compact: chips three to a row, the details in each chip's tooltip
        self.badges.setSpacing(4)
        self.score_chart = ChartCanvas(height=2.2)
        top = QHBoxLayout()
        top.addLayout(self.facts, 3)
        top.addWidget(self.score_chart, 4)
        self.loans = RecordsModel(LOAN_COLUMNS)
        self.debts = RecordsModel(DEBT_COLUMNS)
        self.repayments = RecordsModel(REPAYMENT_COLUMNS)
        self.loan_view = table(self.loans)
        self.loan_view.activated.connect(lambda index: self.open_loan.emit(self.loans.record(index.row()).loan_no))
        loan_tab = QWidget()
        loan_layout = QVBoxLayout(loan_tab)
        loan_layout.addWidget(self.loan_view)
        buttons = QHBoxLayout()
        self.loan_view.setAccessibleName(tr("우리 은행 대출"))
        for text, signal, keys in ((tr("상환 스케줄·완제금액"), self.open_loan, "Ctrl+1"),
                                   (tr("재대출 vs 대환 비교"), self.open_comparison, "Ctrl+2"),
                                   (tr("한도 시뮬레이션"), self.open_simulation, "Ctrl+3")):
            button = QPushButton(text)
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(f"{text} ({keys})")
            button.clicked.connect(lambda _c=False, s=signal: self._selected_loan(s))
            buttons.addWidget(button)
        buttons.addStretch()
        loan_layout.addLayout(buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(loan_tab, tr("우리 은행 대출"))
        debts, repayments = table(self.debts), table(self.repayments)
        debts.setAccessibleName(tr("타 금융기관 부채"))
        repayments.setAccessibleName(tr("최근 12개월 상환"))
        self.tabs.addTab(debts, tr("타 금융기관 부채"))
        self.tabs.addTab(repayments, tr("최근 12개월 상환"))
        self.documents = DocumentsPanel()
        self.documents.income_confirmed.connect(lambda _amount: self.activate(self.officer, self.profile.customer_no))
        self.tabs.addTab(self.documents, tr("서류"))
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(top)
        layout.addLayout(self.badges)
        layout.addWidget(self.tabs, 1)
        self.reveal_dialog: RevealDialog | None = None
        self.consultation_dialog: RevealDialog | None = None

    def activate(self, officer, customer_no: str, reveal_reason: str | None = None) -> None:
        self.officer = officer
        self.score_chart.loading()
        run_task(lambda: load_profile(officer, customer_no, self.today, reveal_reason), self.show_profile,
                 self._load_failed, owner=self)

    def _load_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConsultationNeeded):
            self.ask_consultation(exc.customer_no, errors.user_text(exc))  # in the reader's language
            return
        errors.on_failure(self, self.failed)(exc)

    def ask_consultation(self, customer_no: str, why: str) -> None:
        """A customer outside the scope (another branch's, or a number that does not exist: the database answers both
        alike): ask for the reason, request consultation access, then open them."""
        self._clear()  # nothing of the customer shown before stays under this one's number
        self.heading.setText(f"{customer_no} · {tr('상담 열람 신청')}")
        self.consultation_dialog = RevealDialog(self, consultation=why)
        self.consultation_dialog.accepted.connect(lambda: self._request_consultation(
            customer_no, self.consultation_dialog.reason.text()))
        self.consultation_dialog.rejected.connect(lambda: self.failed.emit(why))
        self.consultation_dialog.open()
        self.consultation_asked.emit(customer_no)

    def _request_consultation(self, customer_no: str, reason: str) -> None:
        officer = self.officer
        run_task(lambda: request_consultation(officer, customer_no, reason),
                 lambda _until: self.activate(officer, customer_no), errors.on_failure(self, self.failed), owner=self)

    def show_profile(self, p: CustomerProfile) -> None:
        self.profile = p
        self.heading.setText(f"{p.name} ({p.customer_no}) · {tr('생년월일')} {p.birth_date:%Y.%m.%d} "
                             f"({tr('만 {n}세').format(n=full_age(p.birth_date, self.today))})")
        self.fact_labels["rrn"].setText(p.rrn_masked)
        self.fact_labels["phone"].setText(p.phone)
        self.fact_labels["email"].setText(p.email)
        self.fact_labels["address"].setText(p.address)
        self.fact_labels["job"].setText(f"{tr(EMPLOYMENT.get(p.employment_type, p.employment_type))} {p.employer}".strip())
        verified = " " + tr("(확인 {date})").format(date=f"{p.income_verified_on:%Y.%m.%d}") if p.income_verified_on else ""
        self.fact_labels["income"].setText(f"{format_won_korean(p.annual_income)}{verified}")
        self.fact_labels["branch"].setText(p.branch_name + (f" · {tr('급여이체')}" if p.salary_transfer else ""))
        self.reveal_button.setEnabled(not p.revealed)
        self.reveal_button.setText(tr("열람 중 (기록됨)") if p.revealed else tr("개인정보 열람…"))
        self.show_badges(p.badges)
        if p.scores:
            values = [score for *_x, score in p.scores]
            self.score_chart.draw_steps(tr("신용점수 추이 (점)"), [(f"{d:%y.%m}", s) for d, _b, s in p.scores], "",
                                        fmt=lambda v, _pos=None: f"{v:.0f}",
                                        ylim=(max(min(values) - 60, 0), min(max(values) + 40, 1000)))
        self.loans.set_records(p.loans)
        self.debts.set_records(p.debts)
        self.repayments.set_records(p.repayments)
        self.documents.show_for(self.officer, p.customer_no, p.annual_income)
        live = [i for i, l in enumerate(p.loans) if l.status in ("active", "delinquent")]
        if live:
            self.loan_view.selectRow(live[0])
        self.loaded.emit(p)

    def show_badges(self, badges) -> None:
        """The customer's flags as chips, three to a row, most urgent first; a chip's reasons in its tooltip."""
        self._remove_badges()
        ordered = sorted(badges, key=lambda b: BADGE_ORDER.get((b.kind, b.level), 9))
        for i, b in enumerate(ordered):
            chip = badge(localize(b.text), badge_tone(b))
            chip.setToolTip("\n".join(localize(line) for line in (b.text, *b.detail)))
            self.badges.addWidget(chip, i // BADGES_PER_ROW, i % BADGES_PER_ROW)

    def _remove_badges(self) -> None:
        while self.badges.count():
            item = self.badges.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _clear(self) -> None:
        self.profile = None
        for label in self.fact_labels.values():
            label.clear()
        self._remove_badges()
        for model in (self.loans, self.debts, self.repayments):
            model.set_records([])
        self.score_chart.clear()
        self.documents.clear()
        self.reveal_button.setEnabled(False)

    def request_reveal(self) -> None:
        self.reveal_dialog = RevealDialog(self)
        self.reveal_dialog.accepted.connect(
            lambda: self.activate(self.officer, self.profile.customer_no, self.reveal_dialog.reason.text()))
        self.reveal_dialog.open()

    def _selected_loan(self, signal) -> None:
        rows = self.loan_view.selectionModel().selectedRows()
        if rows:
            signal.emit(self.loans.record(rows[0].row()).loan_no)
