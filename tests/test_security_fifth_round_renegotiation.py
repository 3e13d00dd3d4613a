"""The outside test of 1 Dec 2026, what revision 0017 closed of it (docs/security.md): a rate renegotiation (금리
조건변경) needed no second person, and a proposal could propose nothing. Each attack is tried as the officer's own
login role on the real database (a psql-like connection) and refused in words; the legitimate path beside it works.

L0000000001 (강남역지점, E1007's customer 김하늘): a credit loan of 30,000,000 won at 5.40 %. The quotes here carry a
list rate of 5.00 % (at or above the database's floor for this customer), so under the 2025.01 pricing grid a 행원's
authority reaches 4.80 %, a 지점장's 4.50 %: the widest at the bank.
"""

from __future__ import annotations

import copy
import datetime as dt
import secrets
from decimal import Decimal

import pytest
from psycopg2.extras import Json
from sqlalchemy import text

from retention_desktop.services import applications as apps
from retention_desktop.services import proposal_service as ps
from retention_desktop.services.offer_comparison import open_comparison
from tests.support import TEST_AS_OF, bank_today
from tests.test_security_applications import fake_pdf, real_quote
from tests.test_security_attacks import conn_reader, psql, sqlstate_of  # noqa: F401 (fixture)
from tests.test_security_proposal_figures import with_action

LOAN = "L0000000001"
ARCHIVE = "SELECT api.archive_proposal(%s, %s, %s, '2025.10-1015', 'test', %s, %s, %s, %s)"


def quote(conn, rate: str, action: str = "renegotiation") -> tuple[dict, dict]:
    return real_quote(conn_reader(conn), LOAN, rate, action=action)


def archive_as(conn, quote_input: dict, quote_output: dict, loan_no: str = LOAN) -> tuple[str, str | None, str]:
    """Archive a proposal of ``loan_no`` as the connection's role: (number, SQLSTATE of a refusal or None, message)."""
    number = f"P{bank_today():%Y%m%d}-{secrets.token_hex(3).upper()}"
    code, message = sqlstate_of(conn, ARCHIVE, number, loan_no, bank_today() + dt.timedelta(days=14),
                                Json(quote_input), Json(quote_output), secrets.token_hex(32), fake_pdf())
    return number, code, message


def propose(conn, rate: str) -> str:
    number, code, message = archive_as(conn, *quote(conn, rate))
    assert code is None, message
    return number


def accept(conn, number: str) -> str | None:
    """The customer's acceptance, recorded by the author: what the database answers, in words."""
    with conn.cursor() as cur:
        cur.execute("SELECT api.record_proposal_decision(%s, 'accepted')", (number,))
        said = cur.fetchone()[0]
    conn.commit()
    return said


def application_of(conn, proposal_no: str) -> tuple:
    """(number, state, row version, needs a manager, approved by, new loan) of the proposal's application."""
    with conn.cursor() as cur:
        cur.execute("SELECT a.application_no, a.state, a.row_version, a.needs_manager_approval, a.approved_by, "
                    "a.new_loan_no FROM api.applications a JOIN api.proposals p ON p.id = a.proposal_id "
                    "WHERE p.proposal_no = %s ORDER BY a.id DESC LIMIT 1", (proposal_no,))
        row = cur.fetchone()
    conn.rollback()
    return row


def move(conn, number: str, target: str, version: int) -> tuple[str | None, str]:
    return sqlstate_of(conn, "SELECT * FROM api.move_application(%s, %s, %s, '')", number, target, version)


def loan_now(db) -> tuple:
    with db.session() as s:
        return tuple(s.execute(text("SELECT annual_rate_pct, balance, status, (SELECT count(*) FROM data.loans) "
                                    "FROM data.loans WHERE loan_no = :n"), {"n": LOAN}).one())


def officer_id(db, employee_no: str) -> int:
    with db.session() as s:
        return s.execute(text("SELECT id FROM data.officers WHERE employee_no = :e"), {"e": employee_no}).scalar()


def test_a_renegotiation_below_every_authority_is_not_archived(psql, db):
    """Finding 4: E1007 archived a renegotiation of L0000000001 from 5.40 % to 0.01 % and recorded the customer's
    acceptance alone. A renegotiated rate is now at least greatest(list rate, the database's floor) less the widest
    authority at the bank (0.50 %p: 4.50 %), refused in words below it; 4.50 % archives."""
    officer = psql("E1007")
    before = loan_now(db)
    for rate in ("0.01", "4.49"):
        _number, code, message = archive_as(officer, *quote(officer, rate))
        assert code == "23514", message
        assert f"금리 조건변경 금리 연 {rate}%는 어느 전결 한도로도 승인할 수 없습니다" in message, message
        assert "가장 넓은 전결 0.5%p까지: 연 4.5% 이상" in message, message
    assert propose(officer, "4.50")
    assert loan_now(db) == before


def test_a_renegotiation_below_the_proposers_authority_takes_effect_only_after_someone_else_approves(psql, db):
    """E1007 proposes 4.60 % (below a 행원's 4.80 %) and records the acceptance: the loan keeps 5.40 %, an application
    is filed. E1007 cannot approve it, nor can a fellow 행원 (E1008: a 행원's authority does not cover it); the
    지점장 (E1006) approves it and, filer, approver and executor being three people, a colleague who neither filed
    nor approved it (E1008) executes it, and only then the loan's rate is 4.60 % — the same loan, nothing else
    changed, recorded in the chained audit trail."""
    officer, peer, manager = psql("E1007"), psql("E1008"), psql("E1006")
    rate, balance, status, loans = loan_now(db)
    number = propose(officer, "4.60")
    said = accept(officer, number)
    assert said.startswith(f"금리 조건변경 신청 {application_of(officer, number)[0]}을(를) 작성했습니다"), said
    assert f"다른 직원이 승인하고 실행하면 대출 {LOAN}의 금리가 연 5.4%에서 연 4.6%로 바뀝니다." in said, said
    assert said.endswith("금리 연 4.6%는 행원 전결 한도(연 4.8% 이상) 아래라 지점장 승인이 필요합니다."), said
    application, state, version, needs_manager, _by, _new = application_of(officer, number)
    assert (state, needs_manager) == ("draft", True)
    assert loan_now(db) == (rate, balance, status, loans) and rate == Decimal("5.4")
    assert move(officer, application, "submitted", version) == (None, "")
    code, message = move(officer, application, "approved", version + 1)
    assert code == "42501" and "스스로 승인하거나 거절할 수 없습니다" in message, message
    code, message = move(peer, application, "approved", version + 1)
    assert code == "42501" and "지점장 승인이 필요합니다" in message, message
    code, message = move(officer, application, "executed", version + 1)
    assert code == "55000", message
    assert loan_now(db)[0] == Decimal("5.4")
    assert move(manager, application, "approved", version + 1) == (None, "")
    assert loan_now(db)[0] == Decimal("5.4")  # approved is not yet in effect
    code, message = move(manager, application, "executed", version + 2)
    assert code == "42501" and "승인한 직원은 그 신청을 실행할 수 없습니다" in message, message
    assert move(peer, application, "executed", version + 2) == (None, "")
    assert loan_now(db) == (Decimal("4.6"), balance, status, loans)  # the same loan, no new one
    _no, state, _v, _m, by, new_loan = application_of(manager, number)
    assert (state, by, new_loan) == ("executed", officer_id(db, "E1006"), LOAN)
    with db.session() as s:
        booked = s.execute(text("SELECT employee_no, details FROM data.audit_log "
                                "WHERE action = 'loan.rate_change'")).one()
    assert booked.employee_no == "E1008"
    assert (booked.details["loan_no"], booked.details["application_no"], booked.details["proposal_no"]) == \
        (LOAN, application, number)
    assert Decimal(str(booked.details["from_rate_pct"])) == Decimal("5.4")
    assert Decimal(str(booked.details["to_rate_pct"])) == Decimal("4.6")


def test_a_proposer_cannot_approve_their_own_renegotiation_even_filed_by_a_colleague(psql, db):
    """The author's application cancelled and filed again by a colleague (E1008): the author (E1007) still neither
    approves nor rejects it, and neither does the colleague who filed it; the 지점장 does, and a third 행원 (E1009)
    executes it."""
    officer, peer, manager = psql("E1007"), psql("E1008"), psql("E1006")
    number = propose(officer, "4.60")
    accept(officer, number)
    first, _state, version, *_ = application_of(officer, number)
    assert move(officer, first, "cancelled", version) == (None, "")
    code, message = sqlstate_of(peer, "SELECT * FROM api.file_application(%s)", number)
    assert code is None, message
    again, state, version, *_ = application_of(peer, number)
    assert again != first and state == "draft"
    assert move(peer, again, "submitted", version) == (None, "")
    for who, phrase in ((officer, "제안서를 만든 직원은 그 제안의 신청을 승인하거나 거절할 수 없습니다"),
                        (peer, "신청을 작성한 직원은 스스로 승인하거나 거절할 수 없습니다")):
        for target in ("approved", "rejected"):
            code, message = move(who, again, target, version + 1)
            assert code == "42501" and phrase in message, message
    assert loan_now(db)[0] == Decimal("5.4")
    assert move(manager, again, "approved", version + 1) == (None, "")
    assert move(psql("E1009"), again, "executed", version + 2) == (None, "")
    assert loan_now(db)[0] == Decimal("4.6")


def test_a_renegotiation_within_the_proposers_authority_still_needs_a_colleagues_approval(psql, db):
    """Within a 행원's authority (4.90 % ≥ 4.80 %) the author's acceptance only files the application: the one who
    files never approves, so there is no 전결 by the proposer alone (the outside tester's report: an officer alone
    lowered a rate and it took effect). The loan keeps 5.40 % and the answer says what happens next; the author
    (E1007) can neither approve nor execute it; a colleague 행원 (E1008), whose authority covers it, approves; the
    지점장 (E1006) executes; only then is the loan's rate 4.90 % — the same loan, in the chained audit trail as the
    executor's. A second renegotiation quoted on the old rate (5.40 %) is filed but never takes effect."""
    officer, peer, manager = psql("E1007"), psql("E1008"), psql("E1006")
    _rate, balance, status, loans = loan_now(db)
    first, second = propose(officer, "4.90"), propose(officer, "4.85")
    said = accept(officer, first)
    application, state, version, needs_manager, by, new_loan = application_of(officer, first)
    assert said == (f"금리 조건변경 신청 {application}을(를) 작성했습니다: 재대출 신청 화면에서 심사 요청하세요. 작성자·제안자가 "
                    f"아닌, 승인 권한이 있는 다른 직원이 승인하고 실행하면 대출 {LOAN}의 금리가 연 5.4%에서 연 4.9%로 바뀝니다.")
    assert (state, needs_manager, by, new_loan) == ("draft", False, None, None)
    assert loan_now(db) == (Decimal("5.4"), balance, status, loans)
    code, message = sqlstate_of(officer, "SELECT api.record_proposal_decision(%s, 'declined')", first)
    assert code == "55000" and "고객의 결정을 바꿀 수 없습니다" in message, message
    assert move(officer, application, "submitted", version) == (None, "")
    for target in ("approved", "rejected"):
        code, message = move(officer, application, target, version + 1)
        assert code == "42501" and "스스로 승인하거나 거절할 수 없습니다" in message, message
    code, message = move(officer, application, "executed", version + 1)
    assert code == "55000", message  # not approved
    assert loan_now(db)[0] == Decimal("5.4")
    assert move(peer, application, "approved", version + 1) == (None, "")
    assert loan_now(db)[0] == Decimal("5.4")  # approved is not yet in effect
    for who in (officer, peer):  # neither the author nor the approver executes
        code, message = move(who, application, "executed", version + 2)
        assert code == "42501" and "실행" in message, message
    assert move(manager, application, "executed", version + 2) == (None, "")
    assert loan_now(db) == (Decimal("4.9"), balance, status, loans)  # the same loan, no new one
    _no, state, _v, _m, by, new_loan = application_of(manager, first)
    assert (state, by, new_loan) == ("executed", officer_id(db, "E1008"), LOAN)
    with db.session() as s:
        booked = s.execute(text("SELECT employee_no, details FROM data.audit_log "
                                "WHERE action = 'loan.rate_change'")).one()
    assert booked.employee_no == "E1006" and booked.details["application_no"] == application
    said = accept(officer, second)  # quoted on 5.40 %: filed, and its execution refused
    again, _state, version, *_ = application_of(officer, second)
    assert "연 4.9%에서 연 4.85%로 바뀝니다" in said, said
    assert move(officer, again, "submitted", version) == (None, "")
    assert move(peer, again, "approved", version + 1) == (None, "")
    code, message = move(manager, again, "executed", version + 2)
    assert code == "55000" and "제안 당시(연 5.4%)와 다릅니다" in message, message
    assert loan_now(db)[0] == Decimal("4.9")


def test_a_proposal_with_no_proposed_action_is_refused(psql):
    """A quote output without ``proposed_action`` was read as a re-loan: archived, accepted, filed, approved and
    executed with empty facts that could never verify. Refused in words; the same quote naming its action archives."""
    officer = psql("E1007")
    quote_input, quote_output = quote(officer, "4.90", action="reloan")
    nothing = copy.deepcopy(quote_output)
    del nothing["proposed_action"]
    _number, code, message = archive_as(officer, quote_input, nothing)
    assert code == "22023", message
    assert "제안 조치(proposed_action)가 없습니다" in message, message
    _number, code, message = archive_as(officer, quote_input, quote_output)
    assert code is None, message


def test_the_desktops_renegotiation_waits_for_a_colleagues_approval_whatever_the_officers_authority(login, db,
                                                                                                       tmp_path):
    """The app's own renegotiation of L0000000001, signed and archived, accepted through the service: within the
    officer's authority (as the engine measures it) or below it, the acceptance files a draft application the
    officer submits on the 재대출 신청 screen, and the loan keeps its rate (listed nowhere as waiting to be filed);
    below it, the database's sentence also says a 지점장 must approve."""
    officer = login("E1007")
    state = with_action(open_comparison(officer, LOAN, TEST_AS_OF), "renegotiation")
    if state is None:
        pytest.skip("the demo's showcase has no renegotiation today")
    made = ps.create_proposal(officer, LOAN, TEST_AS_OF, tmp_path, state, action="renegotiation")
    said = ps.record_decision(officer, made.proposal_no, "accepted")
    line = apps.branch_applications(officer, ("draft",))[0]
    assert (line.old_loan_no, line.annual_rate_pct) == (LOAN, made.annual_rate_pct)
    assert said.startswith(f"금리 조건변경 신청 {line.application_no}을(를) 작성했습니다"), said
    assert ("지점장 승인이 필요합니다" in said) == state.offer.price.needs_approval_at(made.annual_rate_pct), said
    assert loan_now(db)[0] == Decimal("5.4")
    assert made.proposal_no not in [p.proposal_no for p in apps.accepted_without_application(officer)]


def test_the_applications_screen_takes_a_renegotiation_through_the_managers_approval(qtbot, psql, login, db, tmp_path):
    """The 재대출 신청 screen with a renegotiation below the officer's authority (4.60 %): the author sees it filed
    and may submit it, never approve it; the 지점장 approves it, and a colleague who neither filed nor approved it
    executes it after a question that says no new loan is made; the screen says the rate change is applied to the
    same loan."""
    from PySide6.QtWidgets import QMessageBox

    from tests.test_gui_applications import open_page, show, visible_actions

    number = propose(psql("E1007"), "4.60")
    accept(psql("E1007"), number)
    officer = login("E1007")
    page = open_page(qtbot, officer)
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    assert page.detail.action == "renegotiation" and page.detail.proposal_no == number
    assert page.ui.loanValue.text() == f"{LOAN} · 금리 조건변경 (실행 전)"
    assert page.ui.productValue.text() == "기존 약정 유지 (새 대출 없음)"
    assert "지점장 승인 필요" in page.ui.termsValue.text() and visible_actions(page) == ["submitted", "cancelled"]
    show(qtbot, page, page.ui.submitButton.click)
    assert visible_actions(page) == ["cancelled"]  # the author never approves
    page.grab().save(str(tmp_path / "renegotiation-officer.png"))
    page = open_page(qtbot, login("E1006"))
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    show(qtbot, page, page.ui.approveButton.click)
    assert visible_actions(page) == ["cancelled"]  # the approver never executes
    page = open_page(qtbot, login("E1008"))
    show(qtbot, page, lambda: page.ui.applicationsView.selectRow(0))
    page.ui.executeButton.click()
    assert "기존 대출의 금리를 승인된 금리로 바꿉니다 (새 대출 없음)." in page.confirmation.text()
    show(qtbot, page, page.confirmation.button(QMessageBox.StandardButton.Yes).click)
    assert page.detail.application.state == "executed"
    assert page.ui.loanValue.text() == f"{LOAN} · 금리 조건변경 (적용됨)"
    assert f"금리 조건변경 적용 {LOAN}" in page.ui.messageLabel.text()
    assert loan_now(db)[0] == Decimal("4.6")
    page.grab().save(str(tmp_path / "renegotiation-manager.png"))


def test_a_paid_off_overdraft_lines_renegotiation_is_accepted_too(psql, db):
    """An overdraft line drawn down to 0 won keeps running, and a quote states its balance as 1 won (as the app quotes
    it and the database checks it): its renegotiation's acceptance files an application for that 1 won instead of
    calling the line closed (or failing on a 0-won application), approved by a colleague and executed on the 0-won
    balance."""
    with db.session() as s:
        line, rate = s.execute(text(
            "SELECT l.loan_no, l.annual_rate_pct FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
            "WHERE l.branch_id = 2 AND c.home_branch_id = 2 AND l.kind = 'overdraft' AND l.status = 'active' "
            "ORDER BY l.annual_rate_pct DESC, l.id LIMIT 1")).one()
        s.execute(text("UPDATE data.loans SET balance = 0 WHERE loan_no = :n"), {"n": line})
    officer = psql("E1007")
    offered = str(rate - Decimal("0.05"))
    quote_input, quote_output = real_quote(conn_reader(officer), line, offered, action="renegotiation",
                                           list_rate=str(rate - Decimal("0.01")))
    number, code, message = archive_as(officer, quote_input, quote_output, line)
    assert code is None, message
    said = accept(officer, number)
    assert "작성했습니다" in said, said
    application, _state, version, *_ = application_of(officer, number)
    assert move(officer, application, "submitted", version) == (None, "")
    assert move(psql("E1008"), application, "approved", version + 1) == (None, "")
    assert move(psql("E1006"), application, "executed", version + 2) == (None, "")
    with db.session() as s:
        booked = s.execute(text("SELECT a.amount, a.state, l.annual_rate_pct, l.balance FROM data.applications a "
                                "JOIN data.loans l ON l.id = a.old_loan_id WHERE l.loan_no = :n"), {"n": line}).one()
    assert tuple(booked) == (1, "executed", Decimal(offered), 0)


def test_the_preview_says_what_the_acceptance_of_a_renegotiation_did(qtbot, login, db, tmp_path):
    """제안서 미리보기: the officer records the customer's acceptance of the app's renegotiation of L0000000001 (within
    the officer's authority, 5.08 % from a 4.95 % list rate) and the status line says, besides the decision, what the
    database did and what happens next: the application filed, to submit, a colleague's approval and the execution
    before the rate changes (which it has not)."""
    from tests.test_proposal_preview import open_preview

    officer = login("E1007")
    made = ps.create_proposal(officer, LOAN, TEST_AS_OF, tmp_path, action="renegotiation")
    preview = open_preview(qtbot, officer, made, tmp_path / "preview.json")
    preview.decision.setCurrentIndex(preview.decision.findData("accepted"))
    with qtbot.waitSignal(preview.decision_recorded, timeout=20_000):
        preview.record_button.click()
    assert preview.status.text().startswith("고객 결정을 기록했습니다: 수락 — 금리 조건변경 신청 A"), preview.status.text()
    assert preview.status.text().endswith(f"승인 권한이 있는 다른 직원이 승인하고 실행하면 대출 {LOAN}의 금리가 연 5.4%에서 "
                                          f"연 {made.annual_rate_pct.normalize()}%로 바뀝니다."), preview.status.text()
    assert loan_now(db)[0] == Decimal("5.4")
    qtbot.wait(200)  # the two-line status laid out before the picture is taken
    preview.grab().save(str(tmp_path / "preview-renegotiation-accepted.png"))


def test_the_main_window_says_what_a_renegotiations_acceptance_did_not_to_file_a_reloan(qtbot, psql, login, tmp_path):
    """After an acceptance the status bar used to say "file the application on the 재대출 신청 screen" whatever was
    accepted; a renegotiation's acceptance shows the database's sentence instead (filed, to submit, a colleague's
    approval and the execution before the rate changes, and here why a 지점장 must approve), in English through the
    catalogue; a re-loan's still says to file."""
    import re

    from retention_desktop.gui.main_window import MainWindow
    from retention_desktop.gui.tasks import wait_for_tasks
    from tests.screen_walk import install_language, remove_language

    officer = psql("E1007")
    number = propose(officer, "4.60")
    said = accept(officer, number)
    application = application_of(officer, number)[0]
    window = MainWindow(login("E1007"), "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(window)
    window._decision_recorded("accepted", said)
    assert window.statusBar().currentMessage() == said
    translator = install_language("en")
    try:
        window._decision_recorded("accepted", said)
        english = window.statusBar().currentMessage()
    finally:
        remove_language(translator)
    assert english == (f"Rate renegotiation application {application} filed: submit it for review on the Applications "
                       f"screen. The rate of loan {LOAN} changes from 5.4% to 4.6% a year once a colleague with the "
                       "authority, neither its filer nor the proposal's author, approves it and it is executed. A rate "
                       "of 4.6% is below an officer's authority (4.8% or more): a branch manager must approve."), english
    assert not re.search("[\uac00-\ud7a3]", english)
    window._decision_recorded("accepted")
    assert "재대출 신청 화면에서 신청서를 작성하세요" in window.statusBar().currentMessage()
    wait_for_tasks()
