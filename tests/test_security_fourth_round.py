"""The outside test of 1 Dec 2026 (revision 0016, docs/security.md): each attack tried as the officer's own login
role on the real database (a psql-like connection), refused, and the legitimate path beside it still working."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from retention_desktop.domain.schedule import build_schedule
from retention_desktop.services import customer_profile
from retention_desktop.services.offer_comparison import open_comparison
from tests.support import TEST_AS_OF
from tests.test_security_attacks import other_customer, psql, sqlstate_of  # noqa: F401 (fixtures)
from tests.test_security_proposal_figures import (app_quote, archive, genuine, option_of, refused,  # noqa: F401
                                                  with_action)

ASK_EVERYONE = """
DO $$ BEGIN
    FOR i IN 1..%s LOOP
        BEGIN
            PERFORM api.request_consultation_access(format('C%%s', lpad(i::text, 8, '0')), '상담문의');
        EXCEPTION WHEN others THEN NULL;
        END;
    END LOOP;
END $$"""


def test_a_consultation_access_opens_nothing_in_the_transaction_that_asked_for_it(login, psql, other_customer, db):
    """Finding 1: as E1007 (강남역지점), one transaction asks consultation access to customers of every branch in
    a DO block that swallows the errors, reads api.customers and api.loans, and rolls back. Before revision 0016
    the uncommitted grants opened every customer and loan of those branches with nothing kept; now a grant opens
    scope only to the transactions after the one that committed it."""
    with db.session() as s:
        first = s.execute(text("SELECT c.customer_no FROM data.customers c WHERE c.home_branch_id <> 2 "
                               "ORDER BY c.id LIMIT 60")).scalars().all()
        last = max(int(n[1:]) for n in [*first, other_customer])
    conn = psql("E1007")
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM api.customers WHERE home_branch_id <> 2")
        before = cur.fetchone()[0]
        cur.execute(ASK_EVERYONE % last)
        cur.execute("SELECT count(*) FROM api.customers WHERE home_branch_id <> 2")
        customers_after = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM api.loans l JOIN api.customers c ON c.id = l.customer_id "
                    "WHERE c.home_branch_id <> 2")
        loans_after = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM api.customers WHERE customer_no = %s", (other_customer,))
        other_seen = cur.fetchone()[0]
    conn.rollback()
    assert before == 0
    assert (customers_after, loans_after, other_seen) == (0, 0, 0)
    # the same in one plain call, without the DO block: asked and read in one transaction, nothing shown
    with conn.cursor() as cur:
        cur.execute("SELECT api.request_consultation_access(%s, '내점 고객 재대출 상담')", (other_customer,))
        cur.execute("SELECT count(*) FROM api.customers WHERE customer_no = %s", (other_customer,))
        assert cur.fetchone()[0] == 0
    conn.commit()  # committed: the next transaction sees the customer (recorded first)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM api.customers WHERE customer_no = %s", (other_customer,))
        assert cur.fetchone()[0] == 1
    conn.rollback()
    # the desktop's path: the access is asked in its own transaction, then the customer opens
    officer = login("E1008")
    customer_profile.request_consultation(officer, other_customer, "내점 고객 재대출 상담")
    assert customer_profile.load_profile(officer, other_customer, TEST_AS_OF).customer_no == other_customer


def test_a_reloan_on_another_repayment_method_than_the_loans_is_refused(login, db):
    """Finding 2: E1007 archives a re-loan of an equal-payment (원리금균등) loan quoted as 만기일시 (bullet: the
    interest-only payment, correct for that method) in the option and the offer. Execution books the old loan's
    method, so the customer would pay the equal-payment instalment the proposal never showed: refused; the app's
    own quote (the loan's method) archives."""
    officer = login("E1007")
    with db.session() as s:
        loans = s.execute(text(
            "SELECT l.loan_no FROM data.loans l JOIN data.customers c ON c.id = l.customer_id WHERE l.branch_id = 2 "
            "AND c.home_branch_id = 2 AND l.status = 'active' AND l.kind = 'credit' "
            "AND l.repayment_method = 'equal_payment' ORDER BY l.id LIMIT 10")).scalars().all()
    state = next(s for s in (with_action(open_comparison(officer, n, TEST_AS_OF), "reloan") for n in loans) if s)
    quote_input, output = app_quote(state)
    option = option_of(output)
    assert option["method"] == quote_input["reloan_offer"]["method"] == "equal_payment"
    balance = quote_input["current_loan"]["balance"]
    option["method"] = quote_input["reloan_offer"]["method"] = "bullet"
    option["monthly_payment"] = build_schedule(balance, Decimal(option["annual_rate_pct"]), option["term_months"],
                                               "bullet").regular_payment
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "22023"
    assert f"재대출의 상환 방식(bullet)이 대출 {state.loan_no}의 상환 방식(equal_payment)과 다릅니다" in str(error), str(error)
    assert archive(officer, state, *app_quote(state))


def test_a_reloan_with_another_term_than_the_remaining_months_is_refused(genuine):
    """Finding 3: a re-loan quoted for 120 months (the payment correct for 120 months, the offer's term too) when
    the loan has fewer left: booked on the offer's term, the customer would pay far more interest than the proposal
    says they save. The engine quotes a re-loan on the remaining months: anything else is refused."""
    officer, states = genuine
    state = states["reloan"]
    quote_input, output = app_quote(state)
    option = option_of(output)
    remaining = option["term_months"]
    assert remaining == state.request.current_loan.remaining_months < 120
    option["term_months"] = quote_input["reloan_offer"]["term_months"] = 120
    option["monthly_payment"] = build_schedule(30_000_000, Decimal(option["annual_rate_pct"]), 120,
                                               option["method"]).regular_payment
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514"
    assert f"재대출의 기간 120개월이 대출의 남은 기간 {remaining}개월" in str(error), str(error)


def test_another_branchs_customers_income_cannot_be_confirmed_under_consultation_access(login, psql,
                                                                                       other_customer, db):
    """Finding 7: E1007 (강남역) with a committed consultation access to a 본점 customer attaches junk starting
    %PDF as an income proof and confirms an income of 990억 won. Before revision 0016 the income changed; now only
    the managing branch confirms an income (the proof stays attached for it)."""
    with db.session() as s:
        before = s.execute(text("SELECT annual_income FROM data.customers WHERE customer_no = :c"),
                           {"c": other_customer}).scalar()
    conn = psql("E1007")
    assert sqlstate_of(conn, "SELECT api.request_consultation_access(%s, '내점 고객 재대출 상담')", other_customer)[0] is None
    with conn.cursor() as cur:
        cur.execute("SELECT api.attach_document(%s, NULL, 'income_proof', 'p.pdf', %s)",
                    (other_customer, b"%PDF-1.4\n" + b"0" * 64))
        digest = cur.fetchone()[0]
    conn.commit()
    code, message = sqlstate_of(conn, "SELECT api.confirm_income(%s, 99000000000, %s)", other_customer, digest)
    assert code == "42501" and f"고객 {other_customer}의 소득은 관리 영업점(본점영업부)에서만 확인할 수 있습니다" == message
    with db.session() as s:
        assert s.execute(text("SELECT annual_income FROM data.customers WHERE customer_no = :c"),
                         {"c": other_customer}).scalar() == before
    # the managing branch confirms against the same proof; beyond the bound (1,000억) refused for it too
    home = psql("E1002")
    code, message = sqlstate_of(home, "SELECT api.confirm_income(%s, 100000000001, %s)", other_customer, digest)
    assert code == "22023" and "1,000억" in message
    assert sqlstate_of(home, "SELECT api.confirm_income(%s, 81250000, %s)", other_customer, digest)[0] is None


def test_a_proposals_quote_is_shown_only_to_whoever_has_its_customer_in_scope(login, psql, other_customer, db):
    """Finding 6: api.proposals showed every proposal's quote (income, credit score, employment, other debts) to
    every officer of the branch. E1007 serves a 본점 customer under consultation access and archives a proposal;
    E1008 (same branch, no access of their own) still sees the line (number, masked name, loan, decision, the
    action proposed) but not the quote; the author, whose proposal keeps the customer in scope, sees it."""
    from tests.test_security_applications import archive_proposal

    author = login("E1007")
    customer_profile.request_consultation(author, other_customer, "내점 고객 재대출 상담")
    with db.session() as s:
        loan_no = s.execute(text("SELECT l.loan_no FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
                                 "WHERE c.customer_no = :c AND l.status = 'active' AND l.kind = 'credit' "
                                 "ORDER BY l.id LIMIT 1"), {"c": other_customer}).scalar()
    with author.database.session() as s:
        number = archive_proposal(s, loan_no, "4.90")
    read = "SELECT customer_no, customer_name, loan_no, decision, proposed_action, quote_input, quote_output " \
           "FROM api.proposals WHERE proposal_no = %s"
    peer = psql("E1008")
    with peer.cursor() as cur:
        cur.execute(read, (number,))
        line = cur.fetchone()
    peer.rollback()
    assert line[:5] == (other_customer, line[1], loan_no, "accepted", "reloan") and "*" in line[1]
    assert line[5:] == (None, None)
    with psql("E1007").cursor() as cur:
        cur.execute(read, (number,))
        mine = cur.fetchone()
    assert mine[5]["current_loan"]["balance"] > 0 and mine[6]["proposed_action"] == "reloan"
