"""The outside test of 1 Dec 2026, what revision 0017 closes of the branch scope (docs/security.md, "Not yet met"):
business in hand opens a customer only to the application's author and to whoever must act on it, a draft only
while its proposal is valid, and only from the transaction after the one that filed it; a consultation-access
request is a lookup counted against the day's probe budget, told nothing until it is committed. Each attack is
tried as the officer's own login role on the real database (a psql-like connection), with the legitimate path
beside it.

Officers (demo): 강남역지점 (branch 2) E1006 지점장, E1007, E1008, E1009 행원; 본점영업부 (branch 1) customers walk in.
Rates (list rate 5.00 %, pricing rules 2025.01-grid: 행원 전결 0.20 %p, 지점장 0.50 %p): 4.90 % a 행원 may approve,
4.60 % only a 지점장.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from retention_desktop.data import api_calls, roles
from retention_desktop.services import customer_profile
from tests.support import TEST_AS_OF, bank_today
from tests.test_security_applications import RELOANABLE, archive_proposal
from tests.test_security_attacks import psql, sqlstate_of  # noqa: F401 (fixture)

WALK_IN = "내점 고객 재대출 상담"


def walk_in_loans(db, n: int) -> list[tuple[str, str]]:
    """(customer number, loan number) of ``n`` 본점 customers, one running credit loan each above 5 % that the app
    quotes a re-loan of."""
    with db.session() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT DISTINCT ON (c.id) c.customer_no, data.loans.loan_no FROM data.loans "
            "JOIN data.customers c ON c.id = data.loans.customer_id WHERE c.home_branch_id = 1 "
            "AND data.loans.status = 'active' AND data.loans.kind = 'credit' AND data.loans.annual_rate_pct > 5 "
            f"AND data.loans.balance BETWEEN 5000000 AND 100000000 AND {RELOANABLE} "
            "ORDER BY c.id, data.loans.id LIMIT :n"), {"n": n}).all()]


def end_consultations(db) -> None:
    """Every consultation access ends (as 8 hours passing would)."""
    with db.session() as s:
        s.execute(text("UPDATE data.consultation_grants SET granted_at = now() - interval '9 hours', "
                       "expires_at = now() - interval '1 hour'"))


@pytest.fixture
def sees(psql):
    """sees(employee_no, customer_no): whether that officer's own login reads the customer in api.customers."""
    def read(employee_no: str, customer_no: str) -> bool:
        conn = psql(employee_no)
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM api.customers WHERE customer_no = %s", (customer_no,))
            seen = cur.fetchone()[0] == 1
        conn.rollback()
        return seen
    return read


def walk_in_application(login, db, customer_no: str, loan_no: str, rate: str) -> tuple[str, str]:
    """A 본점 customer served at 강남역: E1007 makes the proposal (at ``rate``), E1008 files it; both under their own
    consultation access, which then ends. (proposal number, application number)"""
    author, filer = login("E1007"), login("E1008")
    for officer in (author, filer):
        customer_profile.request_consultation(officer, customer_no, WALK_IN)
    with author.database.session() as s:
        proposal = archive_proposal(s, loan_no, rate)
    with filer.database.session() as s:
        application = api_calls.one(s, "file_application", proposal)["application_no"]
    end_consultations(db)
    return proposal, application


def move(conn, application: str, target: str) -> tuple[str | None, str]:
    with conn.cursor() as cur:
        cur.execute("SELECT row_version FROM api.applications WHERE application_no = %s", (application,))
        version = cur.fetchone()[0]
    conn.rollback()
    return sqlstate_of(conn, "SELECT * FROM api.move_application(%s, %s, %s, '')", application, target, version)


def test_a_draft_opens_its_customer_to_its_author_alone_and_a_submitted_one_to_its_approvers(login, psql, sees, db):
    """Finding 5: a draft application at 강남역 put the walk-in 본점 customer in the scope of every officer of the
    branch, so E1009, who never asked, could reveal the full name, phone and address (recorded, with any reason).
    Now the draft opens the customer to its author E1008 alone; submitted, to the approvers too (E1009, whose 행원
    authority covers 4.90 %, and the manager E1006), never to the proposal's author through it; approved by the
    manager, to those who may execute it — filer, approver and executor are three people (the workflow part of
    revision 0017), so a 행원 who neither filed, proposed nor approved it (E1009), no longer the approving manager."""
    (customer_no, loan_no), = walk_in_loans(db, 1)
    proposal, application = walk_in_application(login, db, customer_no, loan_no, "4.90")
    assert sees("E1008", customer_no)  # the application's author
    assert not sees("E1009", customer_no) and not sees("E1006", customer_no)
    colleague = psql("E1009")
    code, message = sqlstate_of(colleague, "SELECT api.record_access('customer.reveal', %s, '재대출 상담 중 연락처 확인')",
                                customer_no)
    assert code == "42501" and "상담 열람" in message, message
    with colleague.cursor() as cur:  # nor anything that follows the customer
        cur.execute("SELECT count(*) FROM api.loans WHERE loan_no = %s", (loan_no,))
        assert cur.fetchone()[0] == 0
    colleague.rollback()
    assert move(psql("E1008"), application, "submitted")[0] is None
    assert sees("E1009", customer_no) and sees("E1006", customer_no)  # the approvers, who must read the customer
    assert sqlstate_of(colleague, "SELECT api.record_access('customer.view', %s)", customer_no)[0] is None
    assert move(psql("E1006"), application, "approved")[0] is None
    assert not sees("E1006", customer_no)  # approved: the approver has nothing left to do with it
    assert sees("E1009", customer_no) and sees("E1008", customer_no)  # E1009 executes; the author follows it
    code, message = move(psql("E1006"), application, "executed")
    assert code == "42501" and "승인한 직원은 그 신청을 실행할 수 없습니다" in message, message
    code, message = move(psql("E1009"), application, "executed")
    assert code is None, message


def test_an_application_beyond_a_tellers_authority_opens_its_customer_to_the_manager_only(login, psql, sees, db):
    """An application at 4.60 % needs a 지점장 (needs_manager_approval): submitted, it opens its customer to the
    manager E1006, not to the 행원 E1009, who may neither read the customer nor approve it."""
    (customer_no, loan_no), = walk_in_loans(db, 1)
    _proposal, application = walk_in_application(login, db, customer_no, loan_no, "4.60")
    assert move(psql("E1008"), application, "submitted")[0] is None
    assert sees("E1006", customer_no) and not sees("E1009", customer_no) and sees("E1008", customer_no)
    code, message = move(psql("E1009"), application, "approved")
    assert code == "42501" and "지점장 승인이 필요" in message, message
    assert move(psql("E1006"), application, "approved")[0] is None


def test_a_draft_stops_opening_its_customer_when_its_proposal_expires(login, psql, sees, db):
    """A draft kept open opened its customer for good (the author could keep it, and renew it by filing again
    within the proposal's validity). Now a draft opens its customer only while the proposal it was filed from is
    valid (the offer the customer accepted, at most 30 days), and is not submitted past it."""
    (customer_no, loan_no), = walk_in_loans(db, 1)
    proposal, application = walk_in_application(login, db, customer_no, loan_no, "4.90")
    assert sees("E1008", customer_no)
    with db.session() as s:  # time passes: the proposal's validity ends (only a superuser moves it, trigger aside)
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE data.proposals SET valid_until = data.bank_today() - 1 WHERE proposal_no = :p"),
                  {"p": proposal})
    assert not sees("E1008", customer_no) and not sees("E1007", customer_no)
    code, message = move(psql("E1008"), application, "submitted")
    assert code == "55000" and "유효기간" in message, message
    assert not sees("E1006", customer_no)
    assert move(psql("E1008"), application, "cancelled")[0] is None  # cancelling still works


def test_an_application_opens_nothing_in_the_transaction_that_files_it(login, psql, db, server_url):
    """Finding 1's neighbour: an application opened its customer from the transaction that filed it, so filing,
    reading and rolling back would leave nothing. api.file_application itself needs the customer in the filer's
    scope (it reads the customer's credit score under that scope, checked first below), so the rule is tried on
    the scope itself: an application row written in the reading transaction of E1008's own login (by the
    superuser, then SET SESSION AUTHORIZATION to E1008, as no API lets an officer write it) opens nothing; the same
    row committed opens the customer to its author from the next transaction."""
    (customer_no, loan_no), = walk_in_loans(db, 1)
    author = login("E1007")
    customer_profile.request_consultation(author, customer_no, WALK_IN)
    with author.database.session() as s:
        proposal = archive_proposal(s, loan_no, "4.90")
    with db.session() as s:  # the loan is booked at 강남역 (a re-loan executed here): E1008 reads it and the proposal
        s.execute(text("UPDATE data.loans SET branch_id = 2 WHERE loan_no = :l"), {"l": loan_no})
    code, message = sqlstate_of(psql("E1008"), "SELECT * FROM api.file_application(%s)", proposal)
    assert code == "55000" and "신용점수" in message, message  # the customer is not in the filer's scope
    insert = ("INSERT INTO data.applications (application_no, proposal_id, customer_id, old_loan_id, product_id, "
              "annual_rate_pct, amount, term_months, state, needs_manager_approval, created_by, branch_id) "
              "SELECT 'A20261201-5C0PE1', p.id, p.customer_id, l.id, l.product_id, 4.90, l.balance, 12, 'draft', "
              "false, o.id, 2 FROM data.proposals p JOIN data.loans l ON l.id = p.loan_id "
              "JOIN data.officers o ON o.employee_no = 'E1008' WHERE p.proposal_no = :p")
    as_filer = text(f"SET SESSION AUTHORIZATION {roles.login_role('E1008')}")
    read = text("SELECT count(*) FROM api.customers WHERE customer_no = :c")
    with db.engine.connect() as conn:
        with conn.begin() as filing:
            conn.execute(text(insert), {"p": proposal})
            conn.execute(as_filer)
            seen_while_filing = conn.execute(read, {"c": customer_no}).scalar()
            filing.rollback()
        conn.execute(text("RESET SESSION AUTHORIZATION"))
        conn.commit()
        with conn.begin():
            conn.execute(text(insert), {"p": proposal})
        with conn.begin():
            conn.execute(as_filer)
            seen_after = conn.execute(read, {"c": customer_no}).scalar()
        conn.execute(text("RESET SESSION AUTHORIZATION"))
        conn.commit()
    assert (seen_while_filing, seen_after) == (0, 1)


def probes_today(db, employee_no: str) -> int:
    with db.session() as s:
        return s.execute(text("SELECT coalesce(max(probes), 0) FROM data.search_daily WHERE db_role = :r "
                              "AND day = data.bank_today()"), {"r": roles.login_role(employee_no)}).scalar()


def test_a_consultation_request_tells_nothing_until_committed_and_counts_as_a_probe(login, psql, sees, db):
    """Consultation access as a lookup: asked for a number, the answer (not found; this branch's own; granted)
    came in the asking transaction, so BEGIN … ROLLBACK told which customer numbers exist and where, uncounted.
    Now every request returns a ticket alone; the answer comes after the commit, and each request is one probe of
    the day's budget, hit or miss, in the audit trail with its outcome."""
    (customer_no, _loan_no), = walk_in_loans(db, 1)
    with db.session() as s:
        own = s.execute(text("SELECT customer_no FROM data.customers WHERE home_branch_id = 2 ORDER BY id LIMIT 1")
                        ).scalar()
    conn = psql("E1007")
    with conn.cursor() as cur:  # asked inside a transaction that is then rolled back: three alike answers
        tickets = []
        for number in (customer_no, "C99999999", own):
            cur.execute("SELECT api.request_consultation_access(%s, %s)", (number, WALK_IN))
            tickets.append(cur.fetchone()[0])
        assert all(isinstance(t, int) for t in tickets)
        # nor in the list of one's own accesses (the re-test read the uncommitted grant there)
        cur.execute("SELECT count(*) FROM api.consultation_grants")
        assert cur.fetchone()[0] == 0
    code, message = sqlstate_of(conn, "SELECT api.consultation_access_result(%s)", tickets[0])
    assert code == "55000" and "커밋" in message, message  # not in the asking transaction (rolled back by it)
    assert probes_today(db, "E1007") == 0 and not sees("E1007", customer_no)
    with conn.cursor() as cur:  # committed, one by one: counted, then told
        answers = []
        for number in (customer_no, "C99999999", own):
            cur.execute("SELECT api.request_consultation_access(%s, %s)", (number, WALK_IN))
            ticket = cur.fetchone()[0]
            conn.commit()
            answers.append(sqlstate_of(conn, "SELECT api.consultation_access_result(%s)", ticket))
    assert answers[0] == (None, "")
    assert answers[1][0] == "P0002" and "찾을 수 없습니다" in answers[1][1]
    assert answers[2][0] == "22023" and "이 영업점 고객" in answers[2][1]
    assert probes_today(db, "E1007") == 3 and sees("E1007", customer_no)
    assert sqlstate_of(psql("E1008"), "SELECT api.consultation_access_result(%s)", tickets[0])[0] == "42501"
    with db.session() as s:
        outcomes = s.execute(text("SELECT details ->> 'outcome' FROM data.audit_log WHERE employee_no = 'E1007' "
                                  "AND action = 'customer.consultation_access' ORDER BY id")).scalars().all()
    assert outcomes == ["granted", "not_found", "own_branch"]
    # the desktop's path: asked in a transaction of its own, told, then the customer opens
    officer = login("E1008")
    until = customer_profile.request_consultation(officer, customer_no, WALK_IN)
    assert until is not None and probes_today(db, "E1008") == 1
    assert customer_profile.load_profile(officer, customer_no, TEST_AS_OF).customer_no == customer_no


def test_opening_a_customer_out_of_scope_says_the_same_whether_the_number_exists_or_not(login, psql, db):
    """The same oracle one step earlier: opening a customer by number (api.record_access, refused before anything is
    recorded) answered "not found" for a number nobody holds and "managed by 본점영업부, ask for consultation access"
    for another branch's customer, uncounted and untraced. Now both get one refusal (42501, the request to make in
    the hint), which the desktop turns into the consultation dialog; only the counted request tells them apart."""
    (customer_no, _loan_no), = walk_in_loans(db, 1)
    conn = psql("E1007")
    answers = []
    for number in (customer_no, "C99999999"):
        with pytest.raises(Exception) as refused:
            with conn.cursor() as cur:
                cur.execute("SELECT api.record_access('customer.view', %s)", (number,))
        conn.rollback()
        diag = refused.value.diag
        answers.append((refused.value.pgcode, diag.message_primary.replace(number, "N"),
                        (diag.message_hint or "").replace(number, "N")))
    assert answers[0] == answers[1], answers
    assert answers[0][0] == "42501" and "본점" not in answers[0][1] and "request_consultation_access" in answers[0][2]
    officer = login("E1007")
    for number in (customer_no, "C99999999"):  # the desktop asks for consultation access for either
        with pytest.raises(customer_profile.ConsultationNeeded):
            customer_profile.load_profile(officer, number, TEST_AS_OF)


def test_consultation_access_past_the_days_probe_budget_is_refused(login, psql, sees, db):
    """The budget bounds the oracle: with head office's probe budget at 3 a day, E1007 spends it on searches and
    requests (hit or miss); the next request, for a real walk-in customer, grants nothing and says why, and the
    searches past it withhold other branches too: one budget for both lookups."""
    (customer_no, _loan_no), = walk_in_loans(db, 1)
    admin = psql("E1005")
    assert sqlstate_of(admin, "SELECT api.set_search_probe_limit(%s, 3)", bank_today())[0] is None
    conn = psql("E1007")
    with conn.cursor() as cur:
        cur.execute("SELECT api.record_search('customer_no', 'C99999998')")  # a probe that found nobody
        for number in ("C99999999", "C99999997"):
            cur.execute("SELECT api.request_consultation_access(%s, %s)", (number, WALK_IN))
    conn.commit()
    assert probes_today(db, "E1007") == 3
    officer = login("E1007")
    with pytest.raises(customer_profile.ProfileError, match="한도 하루 3회를 모두 써서 상담 열람을 신청할 수 없습니다"):
        customer_profile.request_consultation(officer, customer_no, WALK_IN)
    assert probes_today(db, "E1007") == 4 and not sees("E1007", customer_no)
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM data.consultation_grants WHERE db_role = :r"),
                         {"r": roles.login_role("E1007")}).scalar() == 0
        blocked = s.execute(text("SELECT details FROM data.audit_log WHERE employee_no = 'E1007' "
                                 "AND action = 'customer.consultation_access' ORDER BY id DESC LIMIT 1")).scalar()
    assert blocked["outcome"] == "probe_limit" and blocked["probe_blocked"] is True
    with conn.cursor() as cur:  # the search says the same budget is spent
        cur.execute("SELECT api.record_search('customer_no', %s)", (customer_no,))
        ticket = cur.fetchone()[0]
    conn.commit()
    with conn.cursor() as cur:
        cur.execute("SELECT results, probe_limit_reached FROM api.search_summary(%s)", (ticket,))
        assert cur.fetchone() == (0, True)
    conn.rollback()
    # a colleague with budget left serves the customer
    colleague = login("E1008")
    customer_profile.request_consultation(colleague, customer_no, WALK_IN)
    assert sees("E1008", customer_no)


def test_the_customer_page_asks_for_consultation_access_and_then_opens_the_walk_in_customer(qtbot, login, db, tmp_path):
    """The legitimate path in the desktop: E1008 opens a 본점 customer, the page asks for the reason, the request is
    recorded and committed (one probe), the answer read, and the customer shown; past the budget the page says
    why in words. (The page rendered to a PNG for a look.)"""
    from PySide6.QtWidgets import QDialogButtonBox

    from retention_desktop.gui.pages.customer import CustomerPage
    from retention_desktop.gui.tasks import wait_for_tasks

    (customer_no, _loan_no), (second, _l2) = walk_in_loans(db, 2)
    officer = login("E1008")
    page = CustomerPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.consultation_asked, timeout=20_000):
        page.activate(officer, customer_no)
    dialog = page.consultation_dialog
    assert "상담 열람" in dialog.message.text()
    dialog.reason.setText(WALK_IN)
    with qtbot.waitSignal(page.loaded, timeout=20_000) as loaded:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert loaded.args[0].customer_no == customer_no and "*" not in loaded.args[0].name
    assert probes_today(db, "E1008") == 1
    page.resize(1100, 700)
    page.grab().save(str(tmp_path / "walk-in-customer.png"))
    with db.session() as s:  # the day's budget spent
        s.execute(text("UPDATE data.search_daily SET probes = 50 WHERE db_role = :r"), {"r": roles.login_role("E1008")})
    with qtbot.waitSignal(page.consultation_asked, timeout=20_000):
        page.activate(officer, second)
    page.consultation_dialog.reason.setText(WALK_IN)
    with qtbot.waitSignal(page.failed, timeout=20_000) as failed:
        page.consultation_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "한도 하루 50회를 모두 써서 상담 열람을 신청할 수 없습니다" in failed.args[0]
    wait_for_tasks()
