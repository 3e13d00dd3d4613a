"""The outside test of 1 Dec 2026, fifth round (revision 0017, docs/security.md): the workflow's findings, each attack
tried as the officers' own login roles on the real database (psql-like connections), refused in words, and the
legitimate path beside it still working.

A  a delinquent loan was proposed, filed, approved and executed (evergreening): the database refuses a loan in
   arrears at archiving, filing and execution (data.loan_refusal), in the engine's own words
B  a manager's rejection was overridden by filing the same proposal again
C  the manager who approved an application executed it alone
D  a customer number outside the officer's scope answered differently from one that does not exist (naming the
   customer's branch)
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from decimal import Decimal

import psycopg2
from sqlalchemy import text

from retention_desktop.messages import translator
from retention_desktop.services import customer_profile
from retention_desktop.services.offer_comparison import open_comparison
from tests.support import TEST_AS_OF, bank_today
from tests.test_security_applications import LIST_RATE, RATES, archive_proposal, fake_pdf, real_quote
from tests.test_security_attacks import conn_reader, other_customer, psql, sqlstate_of  # noqa: F401 (fixtures)

LOAN = "L0000000001"  # 김하늘 (C00000001), 강남역지점: E1007 serves her; E1008, E1009 행원, E1006 지점장


def _archive(conn, loan_no: str, rate: str, action: str = "reloan") -> tuple[str | None, str, str]:
    """An officer archives a hand-made proposal with psql: the loan's real figures (real_quote), a signed PDF's shape."""
    number = f"P{bank_today():%Y%m%d}-{secrets.token_hex(3).upper()}"
    quote_input, quote_output = real_quote(conn_reader(conn), loan_no, rate, action=action, list_rate=LIST_RATE)
    code, message = sqlstate_of(
        conn, "SELECT api.archive_proposal(%s, %s, %s, '2025.10-1015', 'x', %s::jsonb, %s::jsonb, %s, %s)",
        number, loan_no, bank_today() + dt.timedelta(days=14), json.dumps(quote_input), json.dumps(quote_output),
        secrets.token_hex(32), psycopg2.Binary(fake_pdf()))
    return code, message, number


def _call(conn, sql: str, *params):
    """One row of an api function run as the connection's role, committed (raises on a refusal)."""
    with conn.cursor() as cur:
        cur.execute(sql, params)
        row = cur.fetchone()
    conn.commit()
    return row


def _file_and_submit(conn, proposal_no: str) -> str:
    number = _call(conn, "SELECT application_no FROM api.file_application(%s)", proposal_no)[0]
    _call(conn, "SELECT * FROM api.move_application(%s, 'submitted', 1, '')", number)
    return number


def _set_loan(db, **values) -> None:
    """The bank's ledger moves (a payment missed, a maturity passed): the owner's update, not an officer's."""
    with db.session() as s:
        s.execute(text("UPDATE data.loans SET " + ", ".join(f"{k} = :{k}" for k in values) + " WHERE loan_no = :n"),
                  {**values, "n": LOAN})


def test_a_loan_in_arrears_is_neither_proposed_filed_nor_executed(login, psql, db):
    """A: the engine refuses a delinquent loan ("연체 중인 대출은 재대출·대환 불가"); the tester archived a hand-made
    re-loan of one with psql, filed, approved and executed it: the delinquent loan became 'refinanced', its arrears
    gone. Now the database refuses, with the engine's words, at each step: archiving (a re-loan and a renegotiation),
    filing a proposal made while the loan ran, and executing an application approved while it ran. A loan past its
    maturity with a balance left is in arrears too. The same loan running normally goes through."""
    author, peer, manager = psql("E1007"), psql("E1008"), psql("E1006")
    _set_loan(db, status="delinquent")
    engine = open_comparison(login("E1007"), LOAN, TEST_AS_OF).proposal_refusal()
    assert engine is not None and "연체 중인 대출은 재대출·대환 불가" in engine, engine
    for action, words in (("reloan", "연체 중인 대출은 재대출·대환 불가"), ("renegotiation", "연체 중인 대출은 금리 조건변경 불가")):
        code, message, _number = _archive(author, LOAN, RATES["officer"], action)
        assert (code, message) == ("55000", words)
        assert translator("en")(message) not in (message, "")  # the officer reads it in English too (the catalogue)
    # a proposal archived (and accepted) while the loan ran is not filed once it is in arrears
    _set_loan(db, status="active")
    code, message, proposal = _archive(author, LOAN, RATES["officer"])
    assert code is None, message
    _call(author, "SELECT api.record_proposal_decision(%s, 'accepted')", proposal)
    _set_loan(db, status="delinquent")
    assert sqlstate_of(peer, "SELECT * FROM api.file_application(%s)", proposal) == ("55000", "연체 중인 대출은 재대출·대환 불가")
    # an application approved while the loan ran is not executed once it is in arrears
    _set_loan(db, status="active")
    application = _file_and_submit(peer, proposal)
    approver = psql("E1009")  # neither the author nor the filer
    _call(approver, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)
    _set_loan(db, status="delinquent")
    assert sqlstate_of(manager, "SELECT * FROM api.move_application(%s, 'executed', 3, '')", application) == \
        ("55000", "연체 중인 대출은 재대출·대환 불가")
    with db.session() as s:
        kept = s.execute(text("SELECT status, balance > 0 FROM data.loans WHERE loan_no = :n"), {"n": LOAN}).one()
        state = s.execute(text("SELECT state FROM data.applications WHERE application_no = :a"),
                          {"a": application}).scalar()
    assert tuple(kept) == ("delinquent", True) and state == "approved"
    # a maturity passed with a balance left is arrears, for the engine and the database alike
    _set_loan(db, status="active", maturity_date=TEST_AS_OF - dt.timedelta(days=1))
    engine = open_comparison(login("E1008"), LOAN, TEST_AS_OF).proposal_refusal()
    assert engine is not None and "연체 중인 대출은 재대출·대환 불가" in engine, engine
    assert _archive(author, LOAN, RATES["officer"])[:2] == ("55000", "연체 중인 대출은 재대출·대환 불가")
    assert sqlstate_of(manager, "SELECT * FROM api.move_application(%s, 'executed', 3, '')", application) == \
        ("55000", "연체 중인 대출은 재대출·대환 불가")
    # the legitimate path: the loan running, the same application executes
    with db.session() as s:
        s.execute(text("UPDATE data.loans SET maturity_date = drawdown_date + make_interval(months => term_months) "
                       "WHERE loan_no = :n"), {"n": LOAN})
    done = _call(manager, "SELECT state, new_loan_no FROM api.move_application(%s, 'executed', 3, '')", application)
    assert done[0] == "executed" and done[1]


def test_a_rejected_proposal_is_not_filed_again_and_the_rejection_binds_the_next_application(psql, db):
    """B: E1007 filed and submitted A1; the manager rejected it with a reason; E1007 filed the same proposal again
    (A2, no trace of the rejection) and a colleague approved it. Now the same proposal is never filed again; a new
    proposal on the loan may be, but the application says so (its first event names the rejected one, and it is
    flagged for a manager), and for 30 days only the rejecter's level or above approves it; then a third person
    executes it."""
    author, peer, third, manager = psql("E1007"), psql("E1008"), psql("E1009"), psql("E1006")
    code, message, proposal = _archive(author, LOAN, RATES["officer"])
    assert code is None, message
    _call(author, "SELECT api.record_proposal_decision(%s, 'accepted')", proposal)
    first = _file_and_submit(author, proposal)
    _call(manager, "SELECT * FROM api.move_application(%s, 'rejected', 2, '소득 증빙 불충분')", first)
    code, message = sqlstate_of(author, "SELECT * FROM api.file_application(%s)", proposal)
    assert code == "55000" and message == (f"이 제안서로 작성한 신청 {first}이(가) 거절되었습니다: 같은 제안서로 다시 "
                                           "신청할 수 없습니다 (새 제안서를 만드세요)"), message
    # a renegotiation within the officer's own authority accepted meanwhile: filed, and the rejection binds it too
    code, message, renegotiation = _archive(author, LOAN, RATES["officer"], "renegotiation")
    assert code is None, message
    said = _call(author, "SELECT api.record_proposal_decision(%s, 'accepted')", renegotiation)[0]
    assert f"같은 대출의 신청 {first}이(가) 지점장의 거절로 끝나 지점장 이상이 승인합니다" in said, said
    with db.session() as s:
        assert s.execute(text("SELECT annual_rate_pct FROM data.loans WHERE loan_no = :n"), {"n": LOAN}).scalar() \
            == Decimal("5.4")
        pending = s.execute(text("SELECT a.application_no FROM data.applications a JOIN data.proposals p "
                                 "ON p.id = a.proposal_id WHERE p.proposal_no = :p AND a.state = 'draft'"),
                            {"p": renegotiation}).scalar()
    _call(author, "SELECT * FROM api.move_application(%s, 'cancelled', 1, '재대출로 진행')", pending)
    # a new proposal, re-archived: filed, but the rejection shows and binds the approval
    code, message, again = _archive(author, LOAN, RATES["officer"])
    assert code is None, message
    _call(author, "SELECT api.record_proposal_decision(%s, 'accepted')", again)
    second = _file_and_submit(author, again)
    with db.session() as s:
        flagged = s.execute(text("SELECT needs_manager_approval FROM data.applications WHERE application_no = :a"),
                            {"a": second}).scalar()
        comment = s.execute(text("SELECT e.comment FROM data.application_events e JOIN data.applications a "
                                 "ON a.id = e.application_id WHERE a.application_no = :a AND e.to_state = 'draft'"),
                            {"a": second}).scalar()
    assert flagged is True and f"같은 대출의 신청 {first}: 지점장 거절" in comment, comment
    code, message = sqlstate_of(peer, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", second)
    assert code == "42501" and f"같은 대출의 신청 {first}이(가)" in message \
        and "30일 동안 이 대출의 신청은 지점장 이상이 승인합니다" in message, message
    assert _call(peer, "SELECT api.application_actions(%s)", second)[0] == ["cancelled"]  # flagged: a manager's
    assert _call(manager, "SELECT state FROM api.move_application(%s, 'approved', 2, '재심사 승인')", second)[0] == "approved"
    assert _call(third, "SELECT state FROM api.move_application(%s, 'executed', 3, '')", second)[0] == "executed"


def test_the_approver_never_executes_and_each_branch_has_three_people_for_it(psql, db):
    """C: the manager rd_e1001 approved and executed the same application alone. Now filer, approver and executor
    are three people: the approver is refused execution; after a 지점장's approval a colleague who neither filed nor
    approved it executes (each branch of the demo has one 지점장 and three 행원, checked here: after a 행원's approval
    the 지점장 executes, after the 지점장's a third 행원 does)."""
    with db.session() as s:
        staff = s.execute(text("SELECT branch_id, count(*) FILTER (WHERE role = 'manager'), "
                               "count(*) FILTER (WHERE role = 'officer') FROM data.officers WHERE active "
                               "GROUP BY branch_id ORDER BY branch_id")).all()
    assert staff and all(managers >= 1 and officers >= 3 for _b, managers, officers in staff), staff
    author, colleague, manager = psql("E1007"), psql("E1008"), psql("E1006")
    code, message, proposal = _archive(author, LOAN, RATES["manager"])  # below a 행원's authority: a 지점장 approves
    assert code is None, message
    _call(author, "SELECT api.record_proposal_decision(%s, 'accepted')", proposal)
    application = _file_and_submit(author, proposal)
    assert sqlstate_of(colleague, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)[0] == "42501"
    _call(manager, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)
    code, message = sqlstate_of(manager, "SELECT * FROM api.move_application(%s, 'executed', 3, '')", application)
    assert code == "42501" and message == "신청을 승인한 직원은 그 신청을 실행할 수 없습니다 (작성·승인·실행은 세 사람이 합니다).", message
    assert translator("en")(message).startswith("Whoever approved an application cannot execute it")
    assert _call(manager, "SELECT api.application_actions(%s)", application)[0] == ["cancelled"]
    code, message = sqlstate_of(author, "SELECT * FROM api.move_application(%s, 'executed', 3, '')", application)
    assert code == "42501" and "스스로 실행할 수 없습니다" in message
    with db.session() as s:
        assert s.execute(text("SELECT status FROM data.loans WHERE loan_no = :n"), {"n": LOAN}).scalar() == "active"
    assert _call(colleague, "SELECT api.application_actions(%s)", application)[0] == ["executed", "cancelled"]
    done = _call(colleague, "SELECT state, new_loan_no FROM api.move_application(%s, 'executed', 3, '')", application)
    assert done[0] == "executed" and done[1]
    with db.session() as s:
        people = s.execute(text("SELECT o.employee_no FROM data.application_events e JOIN data.officers o "
                                "ON o.id = e.officer_id JOIN data.applications a ON a.id = e.application_id "
                                "WHERE a.application_no = :a AND e.to_state IN ('draft', 'approved', 'executed') "
                                "ORDER BY e.id"), {"a": application}).scalars().all()
    assert people == ["E1007", "E1006", "E1008"]


def _refusal(conn, sql: str, *params) -> tuple[str | None, str, str | None]:
    """(SQLSTATE, message, hint) of a refusal, the customer or loan number asked for replaced by '#'."""
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
        conn.commit()
        return None, "", None
    except psycopg2.Error as exc:
        conn.rollback()
        message, hint = exc.diag.message_primary, exc.diag.message_hint
        for value in params:
            if isinstance(value, str):
                message, hint = message.replace(value, "#"), hint and hint.replace(value, "#")
        return exc.pgcode, message, hint


def test_a_number_outside_the_scope_answers_as_one_that_does_not_exist(login, psql, db):
    """D: as rd_e1002 (본점영업부), `api.record_access('customer.view', <another branch's customer>)` answered "고객 …는
    대구동성로지점 관리 고객입니다" and a missing number "…를 찾을 수 없습니다": an oracle of who exists and where,
    with the audit row rolled back by the error. Now every call that takes a customer number (viewing, revealing,
    attaching a document, confirming an income: data.customer_in_scope_or_refuse, the consultation-access work of
    this revision) or a loan number (preparing a proposal: data.loan_customer_in_scope_or_refuse) answers both
    alike: the same SQLSTATE, words and hint, no branch named. The officer's own customer still opens, and the desktop still
    offers consultation access for the other branch's."""
    with db.session() as s:
        other, other_loan = s.execute(text(
            "SELECT c.customer_no, l.loan_no FROM data.customers c JOIN data.loans l ON l.customer_id = c.id "
            "WHERE c.home_branch_id <> 1 AND l.branch_id <> 1 AND l.status = 'active' ORDER BY c.id LIMIT 1")).one()
        own = s.execute(text("SELECT customer_no FROM data.customers WHERE home_branch_id = 1 ORDER BY id LIMIT 1")).scalar()
        branches = s.execute(text("SELECT name FROM data.branches")).scalars().all()
    conn = psql("E1002")
    calls = [
        ("SELECT api.record_access('customer.view', %s)", ()),
        ("SELECT api.record_access('customer.reveal', %s, %s)", ("재대출 상담 중 연락처 확인",)),
        ("SELECT api.attach_document(%s, NULL, 'income_proof', 'p.pdf', %s)", (psycopg2.Binary(fake_pdf()),)),
        ("SELECT api.confirm_income(%s, 50000000, %s)", ("a" * 64,)),
    ]
    for sql, rest in calls:
        outside = _refusal(conn, sql, other, *rest)
        missing = _refusal(conn, sql, "C00099999", *rest)
        assert outside == missing, (sql, outside, missing)
        assert outside[0] == "42501" and "상담 열람" in outside[1] and not any(b in outside[1] for b in branches)
    # a loan booked here (a re-loan executed at 본점 for a walk-in) whose customer is not in scope: the loan is read,
    # its customer is not; the answer is the missing loan's, never the customer's number
    with db.session() as s:
        s.execute(text("UPDATE data.loans SET branch_id = 1 WHERE loan_no = :n"), {"n": other_loan})
    outside = _refusal(conn, "SELECT api.record_access('proposal.prepare', %s)", other_loan)
    missing = _refusal(conn, "SELECT api.record_access('proposal.prepare', %s)", "L0000999999")
    assert outside == missing and outside[0] == "P0002" and other not in outside[1], (outside, missing)
    code, message, _number = _archive(conn, other_loan, "1.00")  # archiving a proposal on it: the same answer
    assert (code, message.replace(other_loan, "#")) == outside[:2], message
    # the legitimate path: the officer's own customer opens; the other branch's asks for consultation access
    assert _refusal(conn, "SELECT api.record_access('customer.view', %s)", own)[0] is None
    officer = login("E1002")
    try:
        customer_profile.load_profile(officer, other, TEST_AS_OF)
        raise AssertionError("another branch's customer opened without consultation access")
    except customer_profile.ConsultationNeeded as needed:
        assert needed.customer_no == other and "상담 열람을 신청하세요" in str(needed)
    customer_profile.request_consultation(officer, other, "내점 고객 재대출 상담")
    assert customer_profile.load_profile(officer, other, TEST_AS_OF).customer_no == other
