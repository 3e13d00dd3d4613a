"""The re-loan application rules, as the database enforces them for anyone with a login (psql included).

The expected transitions and approval rules are written out here by hand — not derived from the code — as
tables; every row is tried by that officer's own login role, in a transaction that is rolled back.

Actors (강남역지점, branch 2): ``filer`` E1007 (행원, who filed), ``peer`` E1008 (행원), ``third`` E1009 (행원),
``mgr`` E1006 (지점장); ``other`` E1001 (지점장 of 본점, another branch). An approval is made by whoever's authority
covers the rate: ``peer`` for an ``officer`` rate, ``mgr`` for a ``manager`` rate; filer, approver and executor are
three people (since revision 0017), so a 지점장's approval is executed by a 행원 who neither filed nor approved it. Rates (list rate 5.00 %, pricing rules 2025.01-grid:
행원 전결 0.20 %p, 지점장 0.50 %p): ``officer`` 4.90 % (within a 행원's authority), ``manager`` 4.60 % (a
지점장's only), ``nobody`` 4.40 % (beyond every authority at the branch).
"""

from __future__ import annotations

import datetime as dt
import secrets

import psycopg2
import pytest
from sqlalchemy import text

from retention_desktop.data import api_calls, roles
from tests.support import bank_today, connect_as, drop_database, login_as, new_database

ACTORS = {"filer": "E1007", "peer": "E1008", "third": "E1009", "mgr": "E1006", "other": "E1001"}
RATES = {"officer": "4.90", "manager": "4.60", "nobody": "4.40"}
LIST_RATE = "5.00"

# state      target     actor  rate     → outcome ("ok", or the SQLSTATE and a phrase of the refusal)
TRANSITIONS = """
draft      submitted  filer  officer  ok
draft      submitted  peer   officer  ok
draft      submitted  mgr    officer  ok
draft      submitted  other  officer  P0002 찾을 수 없습니다
draft      approved   mgr    officer  55000 바꿀 수 없습니다
draft      executed   mgr    officer  55000 바꿀 수 없습니다
draft      cancelled  filer  officer  ok
draft      cancelled  peer   officer  ok
submitted  approved   filer  officer  42501 스스로 승인하거나 거절할 수 없습니다
submitted  approved   filer  manager  42501 스스로 승인하거나 거절할 수 없습니다
submitted  approved   peer   officer  ok
submitted  approved   peer   manager  42501 지점장 승인이 필요합니다
submitted  approved   peer   nobody   42501 지점장 승인이 필요합니다
submitted  approved   mgr    officer  ok
submitted  approved   mgr    manager  ok
submitted  approved   mgr    nobody   42501 지점장 전결 한도
submitted  approved   other  officer  P0002 찾을 수 없습니다
submitted  rejected   filer  officer  42501 스스로 승인하거나 거절할 수 없습니다
submitted  rejected   peer   officer  ok
submitted  rejected   peer   manager  42501 지점장 승인이 필요합니다
submitted  rejected   mgr    manager  ok
submitted  rejected   mgr    nobody   42501 지점장 전결 한도
submitted  executed   mgr    officer  55000 바꿀 수 없습니다
submitted  submitted  filer  officer  55000 바꿀 수 없습니다
submitted  draft      filer  officer  55000 바꿀 수 없습니다
submitted  cancelled  filer  officer  ok
submitted  cancelled  mgr    nobody   ok
approved   executed   filer  officer  42501 스스로 실행할 수 없습니다
approved   executed   peer   officer  42501 승인한 직원은 그 신청을 실행할 수 없습니다
approved   executed   third  officer  42501 실행은 지점장이 합니다
approved   executed   mgr    officer  ok
approved   executed   mgr    manager  42501 승인한 직원은 그 신청을 실행할 수 없습니다
approved   executed   peer   manager  ok
approved   executed   filer  manager  42501 스스로 실행할 수 없습니다
approved   executed   other  officer  P0002 찾을 수 없습니다
approved   approved   mgr    officer  55000 바꿀 수 없습니다
approved   rejected   mgr    officer  55000 바꿀 수 없습니다
approved   submitted  filer  officer  55000 바꿀 수 없습니다
approved   cancelled  filer  officer  ok
approved   cancelled  mgr    manager  ok
rejected   submitted  filer  officer  55000 바꿀 수 없습니다
rejected   approved   mgr    officer  55000 바꿀 수 없습니다
rejected   cancelled  mgr    officer  55000 바꿀 수 없습니다
executed   cancelled  mgr    officer  55000 바꿀 수 없습니다
executed   executed   mgr    officer  55000 바꿀 수 없습니다
executed   submitted  filer  officer  55000 바꿀 수 없습니다
cancelled  submitted  filer  officer  55000 바꿀 수 없습니다
cancelled  draft      filer  officer  55000 바꿀 수 없습니다
cancelled  approved   mgr    officer  55000 바꿀 수 없습니다
"""

# state      actor  rate     → what api.application_actions offers (the desktop shows exactly these buttons)
ACTIONS = """
draft      filer  officer  submitted cancelled
draft      peer   officer  submitted cancelled
draft      mgr    nobody   submitted cancelled
submitted  filer  officer  cancelled
submitted  peer   officer  approved rejected cancelled
submitted  peer   manager  cancelled
submitted  mgr    manager  approved rejected cancelled
submitted  mgr    nobody   cancelled
approved   filer  officer  cancelled
approved   peer   officer  cancelled
approved   third  officer  cancelled
approved   mgr    officer  executed cancelled
approved   mgr    manager  cancelled
approved   peer   manager  executed cancelled
rejected   mgr    officer  -
executed   mgr    officer  -
cancelled  filer  officer  -
"""


def reloanable(loans: str = "data.loans") -> str:
    """SQL: the loan (``loans``: the table or its alias) is one the app quotes a re-loan of — a re-loan product on
    sale for its kind holds its balance and its remaining months, the re-loan's term since revision 0016
    (domain/products.py booking_product)."""
    return (f"EXISTS (SELECT 1 FROM data.products p WHERE p.loan_kind = {loans}.kind AND p.active "
            f"AND {loans}.balance BETWEEN p.min_amount AND p.max_amount "
            f"AND {loans}.term_months - data.months_between({loans}.drawdown_date, data.bank_today()) "
            "BETWEEN p.min_term_months AND p.max_term_months)")


RELOANABLE = reloanable()


def _rows(table: str) -> list[list[str]]:
    return [line.split() for line in table.strip().splitlines()]


# how each state is reached from draft, and by whom ("approver": whoever's authority covers the rate, APPROVER)
PATHS = {"draft": [], "submitted": [("submitted", "filer")], "rejected": [("submitted", "filer"), ("rejected", "mgr")],
         "approved": [("submitted", "filer"), ("approved", "approver")], "cancelled": [("cancelled", "filer")],
         "executed": [("submitted", "filer"), ("approved", "approver"), ("executed", "mgr")]}
APPROVER = {"officer": "peer", "manager": "mgr"}


def fake_pdf() -> bytes:
    """What the database can check of a signed PDF (header, size, end-of-file marker); unique each time."""
    return b"%PDF-1.7\n" + secrets.token_bytes(1100) + b"\n%%EOF\n"


def real_quote(read, loan_no: str, rate: str, *, action: str = "reloan", term: int | None = None,
               as_of: dt.date | None = None, list_rate: str = LIST_RATE, method: str | None = None) -> tuple[dict, dict]:
    """(quote input, quote output) of a proposal of ``rate`` on ``loan_no`` with the loan's real figures, as the
    database checks them (api.archive_proposal): its balance and rate as the bank holds them, the term the
    remaining months on ``as_of`` (either action's, since revision 0016; ``term`` to forge another), the loan's
    repayment method (``method`` to forge another), the monthly payment the engine's schedule (domain/schedule.py).
    ``read(sql, params)`` runs a query as the caller (an officer's session or connection) and returns one row."""
    from decimal import Decimal

    from retention_desktop.domain.fees import months_between
    from retention_desktop.domain.schedule import build_schedule

    as_of = as_of or bank_today()
    balance, current_rate, term_months, drawdown, loan_method = read(
        "SELECT balance, annual_rate_pct, term_months, drawdown_date, repayment_method FROM api.loans "
        "WHERE loan_no = %(n)s", {"n": loan_no})
    balance = max(balance, 1)
    if action == "renegotiation":
        method = loan_method
    term = term or max(term_months - months_between(drawdown, as_of), 1)
    method = method or loan_method
    payment = build_schedule(balance, Decimal(rate), term, method).regular_payment
    offer = {"annual_rate_pct": rate} if action == "renegotiation" else \
        {"annual_rate_pct": rate, "term_months": term, "method": method}
    quote_input = {"as_of": as_of.isoformat(), f"{action}_offer": offer,
                   "current_loan": {"balance": balance, "annual_rate_pct": str(current_rate)}}
    quote_output = {"list_rate_pct": list_rate, "proposed_action": action,
                    "options": [{"label": action, "annual_rate_pct": rate, "term_months": term, "method": method,
                                 "monthly_payment": payment}]}
    return quote_input, quote_output


def session_reader(session):
    """``real_quote``'s reader over a SQLAlchemy session (psycopg2's %(name)s parameters)."""
    def read(sql: str, params: dict):
        return session.execute(text(sql.replace("%(n)s", ":n")), params).one()
    return read


def archive_proposal(session, loan_no: str, rate: str, list_rate: str = LIST_RATE, term: int | None = None,
                     action: str = "reloan") -> str:
    """A proposal as the workstation would archive it, with the loan's real figures (``real_quote``; the database
    takes any signed PDF), accepted by the customer."""
    number = f"P{bank_today():%Y%m%d}-{secrets.token_hex(3).upper()}"
    quote_input, quote_output = real_quote(session_reader(session), loan_no, rate, action=action, term=term,
                                           list_rate=list_rate)
    api_calls.scalar(session, "archive_proposal", number, loan_no, bank_today() + dt.timedelta(days=14),
                     "2025.10-1015", "test", quote_input, quote_output, secrets.token_hex(32), fake_pdf())
    api_calls.scalar(session, "record_proposal_decision", number, "accepted")
    return number


@pytest.fixture(scope="module")
def book(server_url, template_db):
    """One database for the tables: applications in every state, on loans of 강남역지점."""
    db = new_database(server_url, template=template_db)
    sessions = {actor: login_as(db, server_url, employee) for actor, employee in ACTORS.items()}
    with db.session() as s:
        loans = s.execute(text(
            "SELECT loan_no FROM data.loans WHERE branch_id = 2 AND kind <> 'overdraft' AND status = 'active' "
            f"AND balance BETWEEN 5000000 AND 100000000 AND annual_rate_pct > 5 AND {RELOANABLE} "
                "ORDER BY id LIMIT 20")).scalars().all()
    free = iter(loans)
    applications = {}
    for state in PATHS:
        for rate in RATES:
            if state in ("approved", "executed") and rate == "nobody":
                continue  # nobody at the branch can approve it
            if state in ("rejected", "executed", "cancelled") and rate != "officer":
                continue
            with sessions["filer"].database.session() as s:
                proposal = archive_proposal(s, next(free), RATES[rate])
                filed = api_calls.one(s, "file_application", proposal)
            number, version = filed["application_no"], filed["row_version"]
            for target, actor in PATHS[state]:
                actor = APPROVER[rate] if actor == "approver" else actor
                with sessions[actor].database.session() as s:
                    version = api_calls.one(s, "move_application", number, target, version, "")["row_version"]
            applications[(state, rate)] = (number, version)
    yield db, applications
    for session in sessions.values():
        session.database.close()
    drop_database(server_url, db)


@pytest.fixture(scope="module")
def as_actor(book, server_url):
    db, _apps = book
    opened = {}

    def connect(actor: str):
        if actor not in opened:
            opened[actor] = connect_as(server_url, db.url.database, roles.login_role(ACTORS[actor]))
        return opened[actor]

    yield connect
    for conn in opened.values():
        conn.close()


@pytest.mark.parametrize("row", _rows(TRANSITIONS), ids=lambda r: "-".join(r[:4]))
def test_transition_table(book, as_actor, row):
    state, target, actor, rate, outcome, *phrase = row
    number, version = book[1][(state, rate)]
    conn = as_actor(actor)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT * FROM api.move_application(%s, %s, %s, '')", (number, target, version))
            got, message = "ok", ""
    except psycopg2.Error as exc:
        got, message = exc.pgcode, exc.diag.message_primary
    finally:
        conn.rollback()  # every row starts from the same application
    assert got == outcome, message
    assert " ".join(phrase) in message


@pytest.mark.parametrize("row", _rows(ACTIONS), ids=lambda r: "-".join(r[:3]))
def test_actions_table(book, as_actor, row):
    state, actor, rate, *expected = row
    number, _version = book[1][(state, rate)]
    conn = as_actor(actor)
    with conn.cursor() as cur:
        cur.execute("SELECT api.application_actions(%s)", (number,))
        offered = cur.fetchone()[0]
    conn.rollback()
    assert offered == ([] if expected == ["-"] else expected)


def test_the_table_is_complete_for_every_state(book):
    """Every state of the machine appears in both tables."""
    states = {"draft", "submitted", "approved", "rejected", "executed", "cancelled"}
    assert {r[0] for r in _rows(TRANSITIONS)} == states and {r[0] for r in _rows(ACTIONS)} == states


def test_approval_needs_the_authority_for_the_amount_too(login, db):
    """전결 금액 한도: head office sets the limits; a 행원 and then a 지점장 are refused above theirs."""
    filer, peer, manager, admin = login("E1007"), login("E1008"), login("E1006"), login("E1005")
    with filer.database.session() as s:
        proposal = archive_proposal(s, "L0000000001", RATES["officer"])
        filed = api_calls.one(s, "file_application", proposal)
        moved = api_calls.one(s, "move_application", filed["application_no"], "submitted", 1, "")
    number, version = filed["application_no"], moved["row_version"]
    with admin.database.session() as s:
        api_calls.scalar(s, "set_approval_limit", "officer", 10_000_000)
    with pytest.raises(api_calls.Refused, match="행원 승인 한도\\(10,000,000원\\)를 넘어 지점장 승인이 필요합니다"):
        with peer.database.session() as s:
            api_calls.one(s, "move_application", number, "approved", version, "")
    with admin.database.session() as s:
        api_calls.scalar(s, "set_approval_limit", "manager", 20_000_000)
    with pytest.raises(api_calls.Refused, match="지점장 승인 한도\\(20,000,000원\\)를 넘습니다") as refused:
        with manager.database.session() as s:
            api_calls.one(s, "move_application", number, "approved", version, "")
    assert refused.value.sqlstate == "42501"
    with admin.database.session() as s:
        api_calls.scalar(s, "set_approval_limit", "manager", 50_000_000)
    with manager.database.session() as s:
        assert api_calls.one(s, "move_application", number, "approved", version, "")["state"] == "approved"
    with db.session() as s:
        changes = s.execute(text("SELECT details ->> 'role', details ->> 'max_amount' FROM data.audit_log "
                                 "WHERE action = 'approval_limit.set' ORDER BY id")).all()
    assert changes == [("officer", "10000000"), ("manager", "20000000"), ("manager", "50000000")]


def test_execution_rechecks_the_terms_against_the_approval_and_the_product(login, db):
    """What was approved is what is executed: terms changed behind the application's back (by the owner, the
    only one who can) or a product withdrawn since are refused; the legitimate execution books the approved
    rate and amount (a colleague approved it within a 행원's authority: the manager executes, a third person)."""
    filer, peer, manager = login("E1007"), login("E1008"), login("E1006")
    with filer.database.session() as s:
        proposal = archive_proposal(s, "L0000000001", RATES["officer"])
        number = api_calls.one(s, "file_application", proposal)["application_no"]
        api_calls.one(s, "move_application", number, "submitted", 1, "")
    with peer.database.session() as s:
        api_calls.one(s, "move_application", number, "approved", 2, "")
    with db.session() as s:  # the owner triples the amount after approval
        s.execute(text("UPDATE data.applications SET amount = amount * 3 WHERE application_no = :n"), {"n": number})
    with pytest.raises(api_calls.Refused, match="승인된 조건과 다릅니다"):
        with manager.database.session() as s:
            api_calls.one(s, "move_application", number, "executed", 3, "")
    with db.session() as s:
        s.execute(text("UPDATE data.applications SET amount = amount / 3 WHERE application_no = :n"), {"n": number})
        s.execute(text("UPDATE data.products SET max_rate_pct = 4.5 WHERE code IN ('RL-CR-FX', 'RL-CR-V12')"))
    with pytest.raises(api_calls.Refused, match="현재 판매 조건") as refused:
        with manager.database.session() as s:
            api_calls.one(s, "move_application", number, "executed", 3, "")
    assert refused.value.sqlstate == "55000"
    with db.session() as s:
        s.execute(text("UPDATE data.products SET max_rate_pct = 16 WHERE code IN ('RL-CR-FX', 'RL-CR-V12')"))
    with manager.database.session() as s:
        done = api_calls.one(s, "move_application", number, "executed", 3, "")
    with db.session() as s:
        new = s.execute(text("SELECT balance, annual_rate_pct, branch_id, drawdown_date FROM data.loans "
                             "WHERE loan_no = :n"), {"n": done["new_loan_no"]}).one()
        old = s.execute(text("SELECT status, balance FROM data.loans WHERE loan_no = 'L0000000001'")).one()
        executed = s.execute(text("SELECT db_user, details FROM data.audit_log WHERE action = 'application.transition' "
                                  "AND details ->> 'to_state' = 'executed'")).one()
        today = s.execute(text("SELECT data.bank_today()")).scalar()
    assert (new.balance, str(new.annual_rate_pct), new.branch_id) == (30_000_000, "4.9000", 2)
    assert new.drawdown_date == today  # the server's clock, not the workstation's
    assert tuple(old) == ("refinanced", 0)
    assert executed.db_user == roles.login_role("E1006") and executed.details["new_loan_no"] == done["new_loan_no"]


def test_no_proposal_costs_the_customer_more_and_a_renegotiation_is_never_filed_as_a_new_loan(login, db):
    """With psql, an officer archives a "proposal" at or above the loan's own rate (5.40 %): refused; a
    renegotiation (금리 조건변경) the customer accepted is filed by the acceptance itself (revision 0017) — within the
    author's authority too it waits for someone else's approval, the running loan's rate unchanged — and is not filed
    again, nor as a new loan."""
    filer = login("E1007")
    for rate in ("5.40", "7.00"):
        with pytest.raises(api_calls.Refused, match="현재 금리\\(연 5.4%\\)보다 낮지 않습니다") as refused:
            with filer.database.session() as s:
                archive_proposal(s, "L0000000001", rate)
        assert refused.value.sqlstate == "23514"
    with pytest.raises(api_calls.Refused, match="reloan 또는 renegotiation"):
        with filer.database.session() as s:
            archive_proposal(s, "L0000000001", "4.90", action="switch")
    with db.session() as s:
        loans = s.execute(text("SELECT count(*) FROM data.loans")).scalar()
    with filer.database.session() as s:
        renegotiated = archive_proposal(s, "L0000000001", "5.00", action="renegotiation")
    with pytest.raises(api_calls.Refused, match="이 제안서로 이미 신청 .*이\\(가\\) 작성되어 있습니다") as refused:
        with filer.database.session() as s:
            api_calls.one(s, "file_application", renegotiated)
    assert refused.value.sqlstate == "55000"
    with db.session() as s:
        recorded = s.execute(text("SELECT details ->> 'proposed_action' FROM data.audit_log "
                                  "WHERE action = 'proposal.create'")).scalars().all()
        loan = s.execute(text("SELECT l.annual_rate_pct, l.status, a.state, a.annual_rate_pct, a.new_loan_id "
                              "FROM data.loans l JOIN data.applications a ON a.old_loan_id = l.id "
                              "WHERE l.loan_no = 'L0000000001'")).one()
        assert s.execute(text("SELECT count(*) FROM data.loans")).scalar() == loans  # no new loan
    assert recorded == ["renegotiation"]
    assert tuple(map(str, loan)) == ("5.4000", "active", "draft", "5.0000", "None")


def test_the_proposals_author_never_approves_or_executes_what_follows_from_it(login, db):
    """Four eyes on the proposal too: the officer who made (and recorded the customer's acceptance of) a
    proposal neither approves, rejects nor executes the application filed from it, even when a colleague
    filed it."""
    author, filer, manager = login("E1007"), login("E1008"), login("E1006")
    with author.database.session() as s:
        proposal = archive_proposal(s, "L0000000001", RATES["officer"])
    with filer.database.session() as s:
        number = api_calls.one(s, "file_application", proposal)["application_no"]
        api_calls.one(s, "move_application", number, "submitted", 1, "")
    for target in ("approved", "rejected"):
        with pytest.raises(api_calls.Refused, match="제안서를 만든 직원은 그 제안의 신청을 승인하거나 거절할 수 없습니다") as no:
            with author.database.session() as s:
                api_calls.one(s, "move_application", number, target, 2, "")
        assert no.value.sqlstate == "42501"
    with author.database.session() as s:
        assert api_calls.scalar(s, "application_actions", number) == ["cancelled"]
    # a manager who made the proposal does not execute it either
    with db.session() as s:
        loan_no = s.execute(text(
            "SELECT loan_no FROM data.loans WHERE branch_id = 2 AND kind = 'credit' AND status = 'active' "
            "AND balance BETWEEN 5000000 AND 50000000 AND annual_rate_pct > 5 AND loan_no <> 'L0000000001' "
            f"AND {RELOANABLE} ORDER BY id LIMIT 1")).scalar()
    with manager.database.session() as s:
        proposal = archive_proposal(s, loan_no, "4.90")
    with filer.database.session() as s:
        number = api_calls.one(s, "file_application", proposal)["application_no"]
        api_calls.one(s, "move_application", number, "submitted", 1, "")
    with author.database.session() as s:
        api_calls.one(s, "move_application", number, "approved", 2, "")
    with pytest.raises(api_calls.Refused, match="제안서를 만든 직원은 그 제안의 신청을 실행할 수 없습니다"):
        with manager.database.session() as s:
            api_calls.one(s, "move_application", number, "executed", 3, "")


def test_only_the_author_records_the_customers_acceptance(login):
    """The customer accepts in front of the officer who made the proposal: a colleague cannot record an
    acceptance for them (declining or switching away may be recorded by anyone at the branch)."""
    author, peer = login("E1007"), login("E1008")
    number = f"P{bank_today():%Y%m%d}-{secrets.token_hex(3).upper()}"
    with author.database.session() as s:
        api_calls.scalar(s, "archive_proposal", number, "L0000000001", bank_today() + dt.timedelta(days=14),
                         "2025.10-1015", "test", *real_quote(session_reader(s), "L0000000001", "4.90"),
                         secrets.token_hex(32), fake_pdf())
    with pytest.raises(api_calls.Refused, match="고객의 수락은 제안서를 만든 직원이 기록합니다"):
        with peer.database.session() as s:
            api_calls.scalar(s, "record_proposal_decision", number, "accepted")
    with peer.database.session() as s:
        api_calls.scalar(s, "record_proposal_decision", number, "declined")
    with author.database.session() as s:
        api_calls.scalar(s, "record_proposal_decision", number, "accepted")
