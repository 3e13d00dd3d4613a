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
