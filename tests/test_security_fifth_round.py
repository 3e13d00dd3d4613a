"""The outside test of 1 Dec 2026, fifth round (revision 0017, docs/security.md): the lead's part, each attack tried
as the officer's own login on the real database (the other parts: tests/test_security_fifth_round_*.py)."""

from __future__ import annotations

from tests.test_security_attacks import psql  # noqa: F401 (fixture)
from tests.test_security_proposal_figures import app_quote, archive, genuine, refused  # noqa: F401 (fixtures)


def test_an_archived_quote_is_bounded_in_size(genuine):
    """Finding 8: proposals can never be deleted, and their quotes had no size bound, so an officer could fill
    the archive with rows nobody may remove. A quote is at most 64 KiB of JSON text (the app's: about 1.4 and
    5 KiB); the app's own quote still archives."""
    officer, states = genuine
    state = states["renegotiation"]
    quote_input, output = app_quote(state)
    output["notes"] = "가" * 30_000  # 90,000 bytes of UTF-8 in a key the database does not read
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514" and "quote_size" in str(error), str(error)
    assert archive(officer, state, *app_quote(state))


def test_a_loan_with_an_unpaid_instalment_past_due_is_in_arrears(login, psql, db):
    """Re-test of the fifth round: L0000000180 ran as 'active' with its instalment of 12 Nov unpaid 19 days later,
    and an officer proposed and applied a renegotiation on it: the arrears rule read the status and the maturity
    only. An instalment due before the day and unpaid is arrears, for the engine and the database alike; paid, the
    same loan is proposed again."""
    import datetime as dt

    from sqlalchemy import text

    from retention_desktop.services.offer_comparison import open_comparison
    from tests.support import TEST_AS_OF
    from tests.test_security_applications import RATES
    from tests.test_security_fifth_round_workflow import LOAN, _archive

    with db.session() as s:
        missed, paid_on = s.execute(text(
            "SELECT r.id, r.paid_on FROM data.repayments r JOIN data.loans l ON l.id = r.loan_id "
            "WHERE l.loan_no = :n AND r.due_date < :d AND r.paid_on IS NOT NULL ORDER BY r.due_date DESC LIMIT 1"),
            {"n": LOAN, "d": TEST_AS_OF - dt.timedelta(days=1)}).one()
        s.execute(text("UPDATE data.repayments SET paid_on = NULL WHERE id = :i"), {"i": missed})
        assert s.execute(text("SELECT status FROM data.loans WHERE loan_no = :n"), {"n": LOAN}).scalar() == "active"
    author = psql("E1007")
    engine = open_comparison(login("E1007"), LOAN, TEST_AS_OF).proposal_refusal()
    assert engine is not None and "연체 중인 대출은 재대출·대환 불가" in engine, engine
    for action, words in (("reloan", "연체 중인 대출은 재대출·대환 불가"), ("renegotiation", "연체 중인 대출은 금리 조건변경 불가")):
        assert _archive(author, LOAN, RATES["officer"], action)[:2] == ("55000", words)
    with db.session() as s:  # the customer pays: the ledger records it
        s.execute(text("UPDATE data.repayments SET paid_on = :p WHERE id = :i"), {"p": paid_on, "i": missed})
    assert open_comparison(login("E1008"), LOAN, TEST_AS_OF).proposal_refusal() is None
    code, message, _number = _archive(author, LOAN, RATES["officer"])
    assert code is None, message


def test_no_product_goes_on_sale_above_a_legal_maximum_in_force_or_to_come(psql, db):
    """Re-test of the fifth round: head office saved a policy dated in three days with a legal maximum of 16 %, then
    raised product RL-CR-FX's highest rate to 20 % (or withdrew it, saved the policy, and put it back): from that
    day the bank's own rate sheet priced above the law. api.save_products now refuses a product on sale above the
    lowest legal maximum in force today or dated later; within it the product is saved."""
    import datetime as dt
    import json

    from tests.support import bank_today
    from tests.test_security_attacks import sqlstate_of
    from tests.test_security_fifth_round_policy import SAVE_POLICY, latest_policy, with_legal_max

    head_office = psql("E1005")
    parameters = with_legal_max(latest_policy(head_office), "16")
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-16", bank_today() + dt.timedelta(days=3),
                       json.dumps(parameters)) == (None, "")
    save = ("SELECT api.save_products(jsonb_agg(to_jsonb(p) || jsonb_build_object('max_rate_pct', %s::numeric, "
            "'active', %s))) FROM api.products p WHERE code = 'RL-CR-FX'")
    code, message = sqlstate_of(head_office, save, "20", True)
    assert code == "23514" and "RL-CR-FX" in message and "연 16%" in message, message
    assert sqlstate_of(head_office, save, "20", False)[0] is None  # withdrawn, it may keep any rate
    assert sqlstate_of(head_office, save, "20", True)[0] == "23514"  # and is not put back on sale above the law
    assert sqlstate_of(head_office, save, "16", True) == (None, "")


def test_a_rejected_applications_proposal_keeps_the_customers_decision(psql):
    """Re-test of the fifth round: after the manager rejected its application, the proposal's author flipped the
    customer's recorded acceptance to 'none' (or back): the record of what the customer decided changed after the
    bank acted on it. A filed proposal's decision stands unless its application was cancelled."""
    from tests.test_security_applications import RATES
    from tests.test_security_attacks import sqlstate_of
    from tests.test_security_fifth_round_workflow import LOAN, _archive, _call, _file_and_submit

    author, manager = psql("E1007"), psql("E1006")
    code, message, proposal = _archive(author, LOAN, RATES["officer"])
    assert code is None, message
    _call(author, "SELECT api.record_proposal_decision(%s, 'accepted')", proposal)
    application = _file_and_submit(author, proposal)
    _call(manager, "SELECT * FROM api.move_application(%s, 'rejected', 2, '소득 증빙 불충분')", application)
    for decision in ("none", "declined", "accepted"):
        code, message = sqlstate_of(author, "SELECT api.record_proposal_decision(%s, %s)", proposal, decision)
        assert code == "55000" and application in message, (decision, message)


def test_a_rolled_back_consultation_request_leaves_no_trace_in_the_grant_numbers(psql, db):
    """Re-test of the fifth round, second pass: a grant number was taken only when the number asked for was another
    branch's customer; sequences are not rolled back, so the gap between two committed grants' numbers counted the
    hits of the requests rolled back in between (free, unaudited lookups past the probe budget). Every request now
    takes a number, hit or miss: the gaps are alike."""
    from sqlalchemy import text

    with db.session() as s:
        others = s.execute(text("SELECT customer_no FROM data.customers WHERE home_branch_id <> 2 ORDER BY id LIMIT 4")
                           ).scalars().all()
    officer = psql("E1007")

    def granted(number: str) -> int:
        with officer.cursor() as cur:
            cur.execute("SELECT api.request_consultation_access(%s, '창구 방문 상담')", (number,))
        officer.commit()
        with officer.cursor() as cur:
            cur.execute("SELECT id FROM api.consultation_grants WHERE customer_no = %s", (number,))
            (grant_id,) = cur.fetchone()
        officer.commit()
        return grant_id

    def rolled_back(number: str) -> None:
        with officer.cursor() as cur:
            cur.execute("SELECT api.request_consultation_access(%s, '창구 방문 상담')", (number,))
        officer.rollback()

    first = granted(others[0])
    rolled_back("C99999999")  # nobody
    second = granted(others[1])
    rolled_back(others[2])  # another branch's customer
    third = granted(others[3])
    assert second - first == third - second == 2


def test_two_head_office_sessions_cannot_each_pass_the_others_check(psql):
    """Re-test of the fifth round, second pass: session A raised a product's highest rate to 19 % and, before A
    committed, session B saved a policy with a legal maximum of 17 % from the day after tomorrow; each check read
    only the other's old committed state, and both stood. Head office's writes now take one lock in turn: B waits
    for A, then reads A's product and is refused."""
    import datetime as dt
    import json
    import threading

    from tests.support import bank_today
    from tests.test_security_attacks import sqlstate_of
    from tests.test_security_fifth_round_policy import SAVE_POLICY, latest_policy, with_legal_max

    first, second = psql("E1005"), psql("E1005")
    parameters = with_legal_max(latest_policy(second), "17")
    with first.cursor() as cur:  # A: not committed yet
        cur.execute("SELECT api.save_products(jsonb_agg(to_jsonb(p) || '{\"max_rate_pct\": 19}')) "
                    "FROM api.products p WHERE code = 'RL-CR-FX'")
    outcome = {}
    waiting = threading.Thread(target=lambda: outcome.update(policy=sqlstate_of(
        second, SAVE_POLICY, "2099.01-race", bank_today() + dt.timedelta(days=2), json.dumps(parameters))))
    waiting.start()
    waiting.join(timeout=1.5)
    assert waiting.is_alive()  # B waits for A's transaction
    first.commit()
    waiting.join(timeout=10)
    code, message = outcome["policy"]
    assert code == "23514" and "RL-CR-FX" in message, message
    # the approval limits' order, the same way: A lifts the officer's, B lowers the manager's below it
    with first.cursor() as cur:
        cur.execute("SELECT api.set_approval_limit('officer', 900000000)")
    waiting = threading.Thread(target=lambda: outcome.update(limit=sqlstate_of(
        second, "SELECT api.set_approval_limit('manager', 200000000)")))
    waiting.start()
    waiting.join(timeout=1.5)
    first.commit()
    waiting.join(timeout=10)
    assert outcome["limit"][0] is not None, outcome["limit"]
