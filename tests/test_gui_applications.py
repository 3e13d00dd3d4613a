"""The 재대출 신청 screen on the real database: filing from an accepted proposal, only the allowed moves
offered, the manager's approval and execution, a concurrent change shown as a conflict, and documents
with the income proof offered for confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from retention_desktop.data.models import Customer, Document, Loan
from retention_desktop.gui.pages.applications import ApplicationsPage
from retention_desktop.gui.tasks import wait_for_tasks
from retention_desktop.services import applications as apps
from retention_desktop.services import proposal_service as ps
from retention_desktop.services.offer_comparison import open_comparison
from tests.support import TEST_AS_OF, income_proof

WAIT = 20_000


@pytest.fixture
def accepted(login, tmp_path):
    """E1007 gave 김하늘 a proposal for L0000000001 and she accepted it."""
    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    proposal = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state, action="reloan")
    ps.record_decision(officer, proposal.proposal_no, "accepted")
    yield officer, proposal
    wait_for_tasks()


def open_page(qtbot, officer) -> ApplicationsPage:
    page = ApplicationsPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.activate(officer)
    return page


def visible_actions(page: ApplicationsPage) -> list[str]:
    return [target for target, button in page.action_buttons.items() if button.isVisibleTo(page)]


def show(qtbot, page: ApplicationsPage, action) -> None:
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        action()


def test_officer_files_and_submits_but_cannot_approve_their_own(qtbot, accepted):
    officer, proposal = accepted
    page = open_page(qtbot, officer)
    assert page.ui.acceptedCombo.currentData() == proposal.proposal_no and page.ui.createButton.isEnabled()
    show(qtbot, page, page.ui.createButton.click)
    assert page.detail.application.state == "draft" and visible_actions(page) == ["submitted", "cancelled"]
    # a list shows the customer masked (the name in full is the customer screen's, recorded)
    assert "김*늘 (C00000001)" in page.ui.customerValue.text() and "3,000만 원" in page.ui.termsValue.text()
    assert not page.ui.createButton.isEnabled()  # the proposal is filed: nothing left to file
    page.ui.commentEdit.setText("고객 서명 완료")
    show(qtbot, page, page.ui.submitButton.click)
    assert page.detail.application.state == "submitted"
    assert visible_actions(page) == ["cancelled"]  # the author never approves their own application
    assert [(e.from_state, e.to_state, e.comment) for e in page.detail.events] == [
        (None, "draft", f"제안서 {proposal.proposal_no}에서 작성"), ("draft", "submitted", "고객 서명 완료")]
    assert page.model.rowCount() == 1 and page.ui.commentEdit.text() == ""


def test_manager_approves_and_a_colleague_executes_after_confirming(qtbot, accepted, login):
    """Filer, approver and executor are three people: the manager approves on the screen and is offered no
    execution; a colleague who neither filed nor approved it executes, after confirming."""
    officer, proposal = accepted
    view = apps.create_from_proposal(officer, proposal.proposal_no)
    apps.transition(officer, view.application_no, "submitted", view.row_version)
    page = open_page(qtbot, login("E1006"))
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    assert visible_actions(page) == ["approved", "rejected", "cancelled"]
    show(qtbot, page, page.ui.approveButton.click)
    assert visible_actions(page) == ["cancelled"]  # the approver never executes
    page = open_page(qtbot, login("E1008"))
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    assert visible_actions(page) == ["executed", "cancelled"]
    page.ui.executeButton.click()  # asks first: execution closes the old loan
    assert page.confirmation.isVisible() and page.detail.application.state == "approved"
    show(qtbot, page, page.confirmation.button(QMessageBox.StandardButton.Yes).click)
    detail = page.detail
    assert detail.application.state == "executed" and detail.next_states == []
    assert visible_actions(page) == [] and detail.application.new_loan_no in page.ui.loanValue.text()
    with officer.database.session() as s:
        statuses = dict(s.execute(select(Loan.loan_no, Loan.status).where(
            Loan.loan_no.in_(["L0000000001", detail.application.new_loan_no]))).all())
    assert statuses == {"L0000000001": "refinanced", detail.application.new_loan_no: "active"}


def test_declining_the_confirmation_changes_nothing(qtbot, accepted):
    officer, proposal = accepted
    apps.create_from_proposal(officer, proposal.proposal_no)
    page = open_page(qtbot, officer)
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    page.ui.cancelButton.click()
    page.confirmation.button(QMessageBox.StandardButton.No).click()
    wait_for_tasks()
    qtbot.wait(50)
    assert apps.application_detail(officer, page.detail.application.application_no).application.state == "draft"


def test_a_change_by_someone_else_is_a_conflict_not_an_overwrite(qtbot, accepted, login):
    officer, proposal = accepted
    view = apps.create_from_proposal(officer, proposal.proposal_no)
    view = apps.transition(officer, view.application_no, "submitted", view.row_version)
    page = open_page(qtbot, officer)
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    apps.transition(login("E1006"), view.application_no, "approved", view.row_version, "지점장 승인")  # meanwhile
    page.ui.commentEdit.setText("고객 요청으로 취소")
    with qtbot.waitSignal(page.failed, timeout=WAIT) as failed:
        page.move_to("cancelled")
    assert "다른 직원이 먼저" in failed.args[0] and page.ui.messageLabel.isVisible()
    qtbot.waitUntil(lambda: page.detail.application.state == "approved", timeout=WAIT)  # what really happened
    assert page.ui.commentEdit.text() == "고객 요청으로 취소"  # what the officer typed is kept
    assert apps.application_detail(officer, view.application_no).application.state == "approved"


def test_income_proof_is_attached_and_its_income_offered_for_confirmation(qtbot, accepted, tmp_path):
    officer, proposal = accepted
    apps.create_from_proposal(officer, proposal.proposal_no)
    page = open_page(qtbot, officer)
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    panel = page.documents
    path = tmp_path / "2025 원천징수영수증.pdf"
    path.write_bytes(income_proof(81_250_000))
    with qtbot.waitSignal(panel.attached, timeout=WAIT):
        panel.attach_file(path, "income_proof")
    assert panel.income_dialog.isVisible() and "81,250,000원" in panel.income_dialog.text()
    assert "75,000,000원" in panel.income_dialog.text()  # what is registered now, for comparison
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    with officer.database.session() as s:  # nothing changes until the officer confirms
        assert s.scalar(select(Customer.annual_income).where(Customer.customer_no == "C00000001")) == 75_000_000
    with qtbot.waitSignal(panel.income_confirmed, timeout=WAIT):
        panel.income_dialog.button(QMessageBox.StandardButton.Yes).click()
    with officer.database.session() as s:
        assert s.scalar(select(Customer.annual_income).where(Customer.customer_no == "C00000001")) == 81_250_000
    qtbot.waitUntil(lambda: "8,125만 원" in page.ui.customerValue.text(), timeout=WAIT)


def test_declining_the_income_leaves_the_customer_as_they_were(qtbot, accepted, tmp_path):
    officer, proposal = accepted
    apps.create_from_proposal(officer, proposal.proposal_no)
    page = open_page(qtbot, officer)
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    path = tmp_path / "proof.pdf"
    path.write_bytes(income_proof(90_000_000))
    with qtbot.waitSignal(page.documents.attached, timeout=WAIT):
        page.documents.attach_file(path, "income_proof")
    page.documents.income_dialog.button(QMessageBox.StandardButton.No).click()
    wait_for_tasks()
    qtbot.wait(50)
    with officer.database.session() as s:
        assert s.scalar(select(Customer.annual_income).where(Customer.customer_no == "C00000001")) == 75_000_000
        assert s.scalar(select(Document.filename)) == "proof.pdf"  # the document itself is kept


def test_a_refused_file_is_explained_and_nothing_is_stored(qtbot, accepted, tmp_path):
    officer, proposal = accepted
    apps.create_from_proposal(officer, proposal.proposal_no)
    page = open_page(qtbot, officer)
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    path = tmp_path / "신분증.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not really a pdf")
    with qtbot.waitSignal(page.documents.failed, timeout=WAIT) as failed:
        page.documents.attach_file(path, "id_copy")
    assert "실제 형식" in failed.args[0] and "실제 형식" in page.documents.message.text()
    with officer.database.session() as s:
        assert s.scalars(select(Document.id)).all() == []


def test_a_second_application_for_the_same_loan_is_refused(accepted, tmp_path):
    officer, proposal = accepted
    apps.create_from_proposal(officer, proposal.proposal_no)
    with pytest.raises(apps.ApplicationError, match="이미 신청"):
        apps.create_from_proposal(officer, proposal.proposal_no)
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    second = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state, action="reloan")
    ps.record_decision(officer, second.proposal_no, "accepted")
    with pytest.raises(apps.ApplicationError, match="진행 중"):
        apps.create_from_proposal(officer, second.proposal_no)
    assert apps.accepted_without_application(officer) == []


def test_application_models_pass_the_model_tester(qtmodeltester, qtbot, accepted):
    officer, proposal = accepted
    view = apps.create_from_proposal(officer, proposal.proposal_no)
    apps.transition(officer, view.application_no, "submitted", view.row_version, "의견")
    page = open_page(qtbot, officer)
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    for model in (page.model, page.events, page.documents.model):
        qtmodeltester.check(model)


def test_a_late_answer_for_a_row_left_behind_is_not_shown(qtbot, accepted):
    officer, proposal = accepted
    first = apps.create_from_proposal(officer, proposal.proposal_no)
    page = open_page(qtbot, officer)
    late = apps.application_detail(officer, first.application_no)
    page.wanted = "A-SOMETHING-ELSE"  # the officer clicked another row meanwhile
    page._show_detail(late)
    assert page.detail is None and page.ui.detailTitle.text() == "신청을 선택하세요"
