"""재대출 신청: the branch's applications (re-loans, and rate renegotiations: 금리 조건변경), filed from accepted
proposals, moved through their states (only the moves this officer may make are offered), with their history and
documents (the shared documents panel)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from retention_desktop.domain.applications import STATE_KO
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.gui import errors
from retention_desktop.gui.documents_panel import DocumentsPanel
from retention_desktop.gui.forms.ui_applications_page import Ui_ApplicationsPage
from retention_desktop.gui.i18n import count, format_won, format_won_korean, tr
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import name_controls, show_message, show_records
from retention_desktop.services import applications as service

OPEN_FILTER = ("draft", "submitted", "approved")
FILTERS = [("진행 중", OPEN_FILTER), ("전체", None)] + [(label, (code,)) for code, label in STATE_KO.items()]
STATE_TONE = {"draft": "#4a5a6a", "submitted": "#1f4e79", "approved": "#1e6b3a", "rejected": "#8a1f1f",
              "executed": "#1e6b3a", "cancelled": "#6b6b6b"}
CONFIRM = {"rejected": "이 신청을 거절합니다.", "executed": "기존 대출을 상환 처리하고 새 대출을 실행합니다.",
           "cancelled": "이 신청을 취소합니다."}  # translated where shown
RENEGOTIATION_EXECUTION = "기존 대출의 금리를 승인된 금리로 바꿉니다 (새 대출 없음)."
RENEGOTIATION = "금리 조건변경"

COLUMNS = [
    Column("신청번호", lambda a: a.application_no),
    Column("상태", lambda a: STATE_KO[a.state] + (" · 지점장 승인 필요" if a.needs_manager_approval
                                                  and a.state in ("draft", "submitted") else "")),
    Column("고객", lambda a: f"{a.customer_name} ({a.customer_no})", lambda a: a.customer_name, as_written=True),
    Column("금액", lambda a: format_won(a.amount), lambda a: a.amount, numeric=True),
    Column("금리", lambda a: format_rate_pct(a.annual_rate_pct), lambda a: a.annual_rate_pct, numeric=True),
    Column("기간", lambda a: f"{a.term_months}개월", lambda a: a.term_months, numeric=True),
    Column("최근 변경", lambda a: f"{a.updated_at:%m.%d %H:%M}", lambda a: a.updated_at),
]
EVENT_COLUMNS = [
    Column("일시", lambda e: f"{e.at:%Y.%m.%d %H:%M:%S}", lambda e: e.at),
    Column("직원", lambda e: e.officer_name, as_written=True),
    Column("변경", lambda e: (f"{tr(STATE_KO[e.from_state])} → " if e.from_state else "") + tr(STATE_KO[e.to_state])),
    Column("의견", lambda e: e.comment, as_written=True),  # what the officer wrote, as written
]

class ApplicationsPage(QWidget):
    loaded = Signal(int)
    detail_shown = Signal(str)
    failed = Signal(str)

    def __init__(self):
        super().__init__()
        self.ui = Ui_ApplicationsPage()
        self.ui.setupUi(self)
        self.officer = None
        self.detail: service.ApplicationDetail | None = None
        self.confirmation: QMessageBox | None = None
        self.wanted: str | None = None  # the application whose detail was asked for last
        self.model = RecordsModel(COLUMNS)
        self.events = RecordsModel(EVENT_COLUMNS)
        for view, model in ((self.ui.applicationsView, self.model), (self.ui.eventsView, self.events)):
            show_records(view, model)
        self.documents = DocumentsPanel()
        self.ui.documentsLayout.addWidget(self.documents)
        self.documents.income_confirmed.connect(lambda _amount: self.reload())
        self.ui.splitter.setSizes([660, 540])  # the list wide enough for its columns at 1366×768
        for label, states in FILTERS:
            self.ui.stateFilter.addItem(tr(label), states)
        self.ui.stateFilter.currentIndexChanged.connect(lambda _i: self.reload())
        self.ui.createButton.clicked.connect(self.create_application)
        self.ui.applicationsView.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_application(self.model.record(current.row()).application_no)
            if current.isValid() else None)
        self.action_buttons = {"submitted": self.ui.submitButton, "approved": self.ui.approveButton,
                               "rejected": self.ui.rejectButton, "executed": self.ui.executeButton,
                               "cancelled": self.ui.cancelButton}
        for target, button in self.action_buttons.items():
            button.clicked.connect(lambda _checked=False, t=target: self.ask_move(t))
        self._show_detail(None)
        name_controls(self, {self.ui.stateFilter: tr("상태"), self.ui.acceptedCombo: tr("고객이 수락한 제안서"),
                             self.ui.commentEdit: tr("처리 의견"), self.ui.applicationsView: tr("재대출 신청 목록"),
                             self.ui.eventsView: tr("진행 이력")})

    # -- the list ----------------------------------------------------------------------------------------
    def activate(self, officer, application_no: str | None = None) -> None:
        self.officer = officer
        self.reload(select=application_no)

    def reload(self, select: str | None = None) -> None:
        if self.officer is None:
            return
        officer, states = self.officer, self.ui.stateFilter.currentData()
        keep = select or (self.detail.application.application_no if self.detail else None)
        run_task(lambda: (service.branch_applications(officer, states), service.accepted_without_application(officer)),
                 lambda result: self._show_list(*result, keep), self._failed, owner=self)

    def _show_list(self, lines, accepted, keep: str | None) -> None:
        self.model.set_records(lines)
        self.ui.countLabel.setText(count(len(lines), "건") if lines else tr("해당하는 신청이 없습니다."))
        self.ui.acceptedCombo.clear()
        for p in accepted:
            action = f" · {tr(RENEGOTIATION)}" if p.action == "renegotiation" else ""
            self.ui.acceptedCombo.addItem(
                f"{p.proposal_no} · {p.customer_name} ({p.customer_no}) · {p.loan_no}{action}", p.proposal_no)
        self.ui.createButton.setEnabled(bool(accepted))
        if not accepted:
            self.ui.acceptedCombo.addItem(tr("신청을 기다리는 수락 제안서가 없습니다"))
        self.ui.acceptedCombo.setEnabled(bool(accepted))
        numbers = [line.application_no for line in lines]
        if keep in numbers:
            self.ui.applicationsView.selectRow(numbers.index(keep))
        elif keep is not None:
            self.show_application(keep)  # e.g. just created but filtered out of the list
        self.loaded.emit(len(lines))

    def create_application(self) -> None:
        proposal_no = self.ui.acceptedCombo.currentData()
        if proposal_no is None:
            return
        officer = self.officer
        run_task(lambda: service.create_from_proposal(officer, proposal_no),
                 lambda view: (self._say(tr("신청 {no}을(를) 작성했습니다.").format(no=view.application_no), "good"),
                               self.reload(select=view.application_no)), self._failed, owner=self)

    # -- one application ---------------------------------------------------------------------------------
    def show_application(self, application_no: str) -> None:
        officer = self.officer
        self.wanted = application_no
        run_task(lambda: service.application_detail(officer, application_no), self._show_detail, self._failed,
                 owner=self)

    def _show_detail(self, detail: service.ApplicationDetail | None) -> None:
        if detail is not None and detail.application.application_no != self.wanted:
            return  # the officer moved on to another row before this one arrived
        self.detail = detail
        ui = self.ui
        ui.commentEdit.setEnabled(detail is not None)
        if detail is None:
            for label in (ui.customerValue, ui.loanValue, ui.productValue, ui.termsValue, ui.originValue):
                label.clear()
            for button in self.action_buttons.values():
                button.setVisible(False)
            self.events.set_records([])
            self.documents.clear()
            return
        a = detail.application
        ui.detailTitle.setText(f"{a.application_no} · <span style='color:{STATE_TONE[a.state]}'>"
                               f"{tr(STATE_KO[a.state])}</span>")
        ui.customerValue.setText(f"{detail.customer_name} ({a.customer_no}) · {tr('연소득')} "
                                 f"{format_won_korean(detail.customer_income)}")
        ui.loanCaption.setText(tr("금리를 바꿀 대출") if detail.action == "renegotiation" else tr("상환할 대출 → 새 대출"))
        if detail.action == "renegotiation":  # the running loan's rate changes: no new loan, no product
            applied = tr("적용됨") if a.new_loan_no else tr("실행 전")
            ui.loanValue.setText(f"{a.old_loan_no} · {tr(RENEGOTIATION)} ({applied})")
            ui.productValue.setText(tr("기존 약정 유지 (새 대출 없음)"))
        else:
            ui.loanValue.setText(f"{a.old_loan_no} → {a.new_loan_no or tr('실행 전')}")
            ui.productValue.setText(detail.product_name or "")
        approval = f" · {tr('전결 한도 아래: 지점장 승인 필요')}" if a.needs_manager_approval else ""
        ui.termsValue.setText(f"{format_won_korean(a.amount)} · {tr('연')} {format_rate_pct(a.annual_rate_pct)} · "
                              f"{a.term_months}{tr('개월')}{approval}")
        ui.originValue.setText(f"{detail.created_by} · {tr('제안서 번호')} {detail.proposal_no}")
        for target, button in self.action_buttons.items():
            button.setVisible(target in detail.next_states)
        self.events.set_records(detail.events)
        self.documents.show_for(self.officer, a.customer_no, detail.customer_income, a.application_no)
        self.detail_shown.emit(a.application_no)

    def ask_move(self, target: str) -> None:
        """Irreversible moves are confirmed first (a window-modal question, not a blocking one)."""
        if target not in CONFIRM:
            self.move_to(target)
            return
        question = RENEGOTIATION_EXECUTION if target == "executed" and self.detail is not None \
            and self.detail.action == "renegotiation" else CONFIRM[target]
        self.confirmation = QMessageBox(QMessageBox.Icon.Question, tr("재대출 신청"),
                                        tr(question) + " " + tr("계속하시겠습니까?"),
                                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.confirmation.button(QMessageBox.StandardButton.Yes).setText(tr("예, 진행합니다"))
        self.confirmation.button(QMessageBox.StandardButton.No).setText(tr("아니요"))
        self.confirmation.accepted.connect(lambda: self.move_to(target))
        self.confirmation.open()

    def move_to(self, target: str) -> None:
        if self.detail is None:
            return
        officer, a, comment = self.officer, self.detail.application, self.ui.commentEdit.text().strip()
        run_task(lambda: service.transition(officer, a.application_no, target, a.row_version, comment),
                 self._moved, self._failed, owner=self)

    def _moved(self, view: service.ApplicationView) -> None:
        self.ui.commentEdit.clear()
        renegotiation = self.detail is not None and self.detail.action == "renegotiation"
        self._say(f"{view.application_no}: {tr(STATE_KO[view.state])}"
                  + (f" — {tr('금리 조건변경 적용')} {view.new_loan_no}" if view.new_loan_no and renegotiation
                     else f" — {tr('새 대출')} {view.new_loan_no}" if view.new_loan_no else ""), "good")
        self.reload(select=view.application_no)

    # -- messages ----------------------------------------------------------------------------------------
    def _failed(self, exc: Exception) -> None:
        sentence = errors.report(exc, self)
        self._say(sentence, "error")
        self.failed.emit(sentence)
        if isinstance(exc, service.ConflictError):
            self.reload()  # show what the other officer did; the comment typed stays in the box

    def _say(self, text: str, tone: str) -> None:
        show_message(self.ui.messageLabel, text, tone)
