"""What each role may do with nothing but its own login (psql, Excel, a script), on the real database.

One table drives the test: role × statement → the SQLSTATE the database answers (None: allowed). Every
statement runs in its own savepoint as that role; refusals must be the database's, never the desktop's.
Roles (demo officers): E1007 행원 and E1006 지점장 of 강남역지점 (branch 2), E1005 본부 관리자 and E1050 보안·감사
at 본점 (branch 1), and a batch account.
"""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy import text

from retention_desktop.data import roles
from tests.support import connect_as, ensure_login_role

OFFICER, MANAGER, ADMIN, SECURITY = (roles.login_role(e) for e in ("E1007", "E1006", "E1005", "E1050"))
BATCH = roles.login_role("t_batch")
DENIED = "42501"  # insufficient_privilege
CHECK = "23514"
BAD = "22023"

# (role, statement, expected SQLSTATE or None for allowed). {other} is a customer of 본점 (branch 1), {own} the
# showcase customer of 강남역지점 (branch 2).
MATRIX = [
    # the tables themselves: nobody but the batch (read only, no contact details) reaches schema data
    (OFFICER, "SELECT * FROM data.customers", DENIED),
    (MANAGER, "SELECT * FROM data.loans", DENIED),
    (ADMIN, "SELECT * FROM data.policies", DENIED),
    (SECURITY, "SELECT * FROM data.audit_log", DENIED),
    (BATCH, "SELECT id, customer_no, annual_income FROM data.customers", None),
    (BATCH, "SELECT phone, email, address FROM data.customers", DENIED),
    (BATCH, "SELECT pdf FROM data.proposals", DENIED),
    (BATCH, "UPDATE data.loans SET balance = 1", DENIED),
    # a scoring run's staging (every branch's candidates before the ranking): the batch's alone
    (ADMIN, "SELECT count(*) FROM data.scoring_candidates", DENIED),
    (MANAGER, "DELETE FROM data.scoring_runs", DENIED),
    (BATCH, "SELECT count(*) FROM data.scoring_candidates", None),
    (BATCH, "INSERT INTO data.call_list_entries (as_of) VALUES (current_date)", DENIED),
    # updating any table directly, even through the views
    (OFFICER, "UPDATE api.customers SET annual_income = 1", DENIED),
    (OFFICER, "UPDATE api.applications SET state = 'approved', annual_rate_pct = 0.5, amount = amount * 3", DENIED),
    (OFFICER, "INSERT INTO api.application_events (application_id, officer_id, to_state, comment) "
              "VALUES (1, 6, 'approved', 'approved by manager E1006')", DENIED),
    (OFFICER, "UPDATE api.proposals SET pdf_sha256 = repeat('0', 64), decision = 'accepted'", DENIED),
    (OFFICER, "UPDATE api.proposals SET pdf = '\\x25504446'", "0A000"),  # not even a column of the view
    (OFFICER, "DELETE FROM api.documents", DENIED),
    (MANAGER, "UPDATE api.loans SET balance = 1, annual_rate_pct = 0.01 WHERE branch_id <> 2", DENIED),
    (MANAGER, "INSERT INTO api.loans (loan_no, customer_id, branch_id, kind, principal, balance, annual_rate_pct) "
              "VALUES ('L9999999999', 1, 2, 'credit', 90000000, 90000000, 0.5)", DENIED),
    (ADMIN, "INSERT INTO api.policies (version, effective_from, parameters) VALUES ('x', '2030-01-01', '{{}}')", DENIED),
    (ADMIN, "UPDATE api.pricing_rules SET parameters = '{{}}'", DENIED),
    (ADMIN, "DELETE FROM api.products", DENIED),
    # the audit trail: nobody writes it but the database's own functions
    (OFFICER, "INSERT INTO api.audit_log (workstation, action) VALUES ('x', 'customer.view')", DENIED),
    (SECURITY, "INSERT INTO api.audit_log (workstation, action) VALUES ('x', 'customer.view')", DENIED),
    (SECURITY, "UPDATE api.audit_log SET action = 'x'", DENIED),
    (SECURITY, "DELETE FROM api.audit_log", DENIED),
    (ADMIN, "DELETE FROM api.audit_log", DENIED),
    (OFFICER, "SELECT data.audit('customer.view', NULL, '{{}}')", DENIED),
    (OFFICER, "SELECT * FROM api.audit_log", DENIED),
    (SECURITY, "SELECT count(*) FROM api.audit_log", None),
    (SECURITY, "SELECT * FROM api.audit_review(current_date)", None),
    (OFFICER, "SELECT * FROM api.audit_review(current_date)", DENIED),
    (MANAGER, "SELECT * FROM api.audit_reasons(current_date)", DENIED),
    # disabling triggers, replication role: owner and superuser only
    (OFFICER, "ALTER TABLE data.audit_log DISABLE TRIGGER ALL", DENIED),
    (ADMIN, "ALTER TABLE data.proposals DISABLE TRIGGER proposals_archived_once", DENIED),
    (SECURITY, "SET session_replication_role = replica", DENIED),
    (MANAGER, "SET session_replication_role = replica", DENIED),
    # no place to put objects of one's own (a temporary table or function could shadow names)
    (OFFICER, "CREATE TABLE public.x (i int)", DENIED),
    (OFFICER, "CREATE TEMP TABLE x (i int)", DENIED),
    (OFFICER, "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS 'SELECT 1'", DENIED),
    (OFFICER, "CREATE VIEW api.v AS SELECT 1", DENIED),
    (OFFICER, "SELECT lo_create(0)", DENIED),
    (OFFICER, "SELECT nextval('data.loans_id_seq')", DENIED),
    # functions belong to the groups that may call them
    (OFFICER, "SELECT api.save_policy('x', '2030-01-01', '{{}}')", DENIED),
    (MANAGER, "SELECT api.add_trust_root('x', 'x')", DENIED),
    (OFFICER, "SELECT api.replace_call_list('2026-11-23', '[]')", DENIED),
    (OFFICER, "SELECT api.record_model_version('risk', 'x', '{{}}', '{{}}')", DENIED),
    (SECURITY, "SELECT api.record_access('customer.view', '{own}')", DENIED),
    (SECURITY, "SELECT count(*) FROM api.customers", DENIED),
    (BATCH, "SELECT api.record_access('customer.view', '{own}')", DENIED),
    (ADMIN, "SELECT api.save_policy('x', '2030-01-01', '{{}}')", BAD),  # allowed to call, refused as malformed
    # the proposal form (심의필 번호, 소비자보호 연락처) and the branches' phones: head office, through its function
    (OFFICER, "SELECT api.set_proposal_form('{{\"ad_review_no\": \"x\", \"consumer_protection_phone\": \"1588-0000\"}}')",
     DENIED),
    (MANAGER, "UPDATE api.app_meta SET value = '{{}}' WHERE key = 'proposal_form'", DENIED),
    (ADMIN, "DELETE FROM api.app_meta", DENIED),
    (ADMIN, "SELECT api.set_proposal_form('{{\"ad_review_no\": \"x\", \"consumer_protection_phone\": \"nope\"}}')",
     CHECK),
    (ADMIN, "SELECT api.set_proposal_form('{{\"ad_review_no\": \"x\", \"consumer_protection_phone\": \"1588-0000\", "
            "\"extra\": \"x\"}}')", CHECK),
    (ADMIN, "SELECT api.set_proposal_form('{{\"ad_review_no\": \"x\", \"consumer_protection_phone\": \"1588-0000\"}}')",
     None),
    (OFFICER, "UPDATE api.branches SET phone = '02-000-0000'", DENIED),
    (OFFICER, "SELECT phone FROM api.branches", None),
    # documents only through attach_document (the same file twice refused by the database), fetched by ticket
    (OFFICER, "INSERT INTO api.documents (customer_id, kind, filename, media_type, size_bytes, sha256, uploaded_by) "
              "VALUES (1, 'other', 'x.pdf', 'application/pdf', 1, repeat('0', 64), 7)", DENIED),
    # 제안서 확인: any registered officer records the check, found or not; the answer only with a ticket of one's own
    (SECURITY, "SELECT api.record_access('proposal.check', 'P20261130-AAAAAA')", None),
    (OFFICER, "SELECT api.record_access('proposal.check', 'anything')", BAD),
    (BATCH, "SELECT api.record_access('proposal.check', 'P20261130-AAAAAA')", DENIED),
    (OFFICER, "SELECT * FROM api.proposal_check(1)", DENIED),
    # the quote's hash as the database computes it (what a proposal embeds before signing): officers, not the batch
    (OFFICER, "SELECT api.quote_sha256('{{}}', '{{}}')", None),
    (BATCH, "SELECT api.quote_sha256('{{}}', '{{}}')", DENIED),
    (SECURITY, "SELECT api.quote_sha256('{{}}', '{{}}')", DENIED),
    # head office's sanity bounds: readable by head office, enforced on whoever writes
    (ADMIN, "SELECT * FROM api.head_office_bounds()", None),
    (OFFICER, "SELECT * FROM api.head_office_bounds()", DENIED),
    (ADMIN, "SELECT api.import_index_rates('[{{\"index_name\": \"COFIX_NEW\", \"rate_date\": \"2099-01-01\", "
            "\"annual_rate_pct\": 2.49}}]')", CHECK),
    (ADMIN, "SELECT api.import_market_offers('[{{\"lender\": \"x\", \"loan_kind\": \"credit\", \"credit_score_min\": 1, "
            "\"credit_score_max\": 1000, \"annual_rate_pct\": 0.0001, \"fees\": 0, \"as_of\": \"2026-01-02\", "
            "\"source\": \"x\"}}]')", CHECK),
    # reading another branch's customer; revealing without a reason
    (OFFICER, "SELECT api.record_access('customer.view', '{other}')", DENIED),
    (OFFICER, "SELECT api.record_access('customer.reveal', '{other}', '상담 중 확인')", DENIED),
    (OFFICER, "SELECT api.record_access('customer.reveal', '{own}', '')", BAD),
    (OFFICER, "SELECT api.record_access('customer.reveal', '{own}')", BAD),
    (OFFICER, "SELECT api.record_access('customer.reveal', '{own}', '  ab ')", BAD),
    (OFFICER, "SELECT api.confirm_income('{other}', 1, repeat('0', 64))", DENIED),
    (OFFICER, "SELECT * FROM api.pending_income_confirmations('{other}')", DENIED),
    (OFFICER, "SELECT * FROM api.pending_income_confirmations('{own}')", None),
    (SECURITY, "SELECT * FROM api.pending_income_confirmations('{own}')", DENIED),
    (OFFICER, "SELECT * FROM data.income_confirmations", DENIED),
    # 소득 이중 확인 기준: head office's, dated today or later, with a source (revision 0017)
    (OFFICER, "SELECT api.set_income_confirmation_threshold(current_date + 1, 1, '내부통제기준')", DENIED),
    (MANAGER, "SELECT api.set_income_confirmation_threshold(current_date + 1, 1, '내부통제기준')", DENIED),
    (ADMIN, "SELECT api.set_income_confirmation_threshold(current_date - 1, 1, '내부통제기준')", CHECK),
    (ADMIN, "SELECT api.set_income_confirmation_threshold(current_date + 1, 100000000, '내부통제기준')", None),
    (OFFICER, "SELECT api.request_consultation_access('{other}', '')", BAD),
    # a consultation request is told after its commit (revision 0017), and to the asking role only
    (OFFICER, "SELECT api.consultation_access_result(api.request_consultation_access('{other}', '내점 고객 상담'))",
     "55000"),
    (OFFICER, "SELECT api.consultation_access_result(1)", DENIED),
    (SECURITY, "SELECT api.consultation_access_result(1)", DENIED),
    (BATCH, "SELECT api.request_consultation_access('{other}', '내점 고객 상담')", DENIED),
    # record first, then read: never both in one transaction (a rollback would leave no trace), never another's
    (OFFICER, "SELECT * FROM api.open_customer(api.record_access('customer.view', '{own}'))", "55000"),
    (OFFICER, "SELECT * FROM api.reveal_customer(api.record_access('customer.view', '{own}'))", DENIED),
    (OFFICER, "SELECT * FROM api.open_customer(1)", DENIED),
    (OFFICER, "SELECT * FROM api.call_list_export(1)", DENIED),
    # the legitimate paths
    (OFFICER, "SELECT api.record_access('customer.view', '{own}')", None),
    (OFFICER, "SELECT api.record_access('customer.reveal', '{own}', '재대출 상담 중 연락처 확인')", None),
    (OFFICER, "SELECT * FROM api.record_search('name', '김')", None),
    # a search is recorded and committed before its rows are shown (finding 2): never in one transaction
    (OFFICER, "SELECT * FROM api.search_customers((SELECT api.record_search('name', '김')))", "55000"),
    (OFFICER, "SELECT * FROM api.search_summary((SELECT api.record_search('name', '김')))", "55000"),
    (OFFICER, "SELECT * FROM api.search_summary(1)", DENIED),
    (SECURITY, "SELECT * FROM api.search_summary(1)", DENIED),
    (OFFICER, "SELECT * FROM api.search_customers(1)", DENIED),
    (OFFICER, "SELECT * FROM api.record_search('name', '김', NULL, 500)", BAD),
    (OFFICER, "SELECT * FROM api.record_search('sql', '김')", BAD),
    (SECURITY, "SELECT * FROM api.record_search('name', '김')", DENIED),
    (BATCH, "SELECT * FROM api.record_search('name', '김')", DENIED),
    (OFFICER, "SELECT * FROM data.search_secret", DENIED),
    (ADMIN, "SELECT * FROM data.search_tickets", DENIED),
    (OFFICER, "SELECT data.search_query_hmac('name', '김하늘', NULL)", DENIED),
    (OFFICER, "SELECT api.set_search_limit(current_date, 10000)", DENIED),
    (MANAGER, "SELECT api.set_search_limit(current_date, 10000)", DENIED),
    (ADMIN, "SELECT api.set_search_limit(current_date - 1, 10)", BAD),
    (ADMIN, "SELECT api.set_search_limit(current_date + 1, 10001)", BAD),
    (ADMIN, "SELECT api.set_search_limit(current_date + 1, 50)", None),
    (OFFICER, "SELECT * FROM api.audit_repeated_searches(current_date)", DENIED),
    (SECURITY, "SELECT * FROM api.audit_repeated_searches(current_date, 2)", None),
    (OFFICER, "SELECT api.set_search_probe_limit(current_date, 10000)", DENIED),
    (MANAGER, "SELECT api.set_search_probe_limit(current_date, 10000)", DENIED),
    (SECURITY, "SELECT api.set_search_probe_limit(current_date + 1, 10)", DENIED),
    (ADMIN, "SELECT api.set_search_probe_limit(current_date - 1, 10)", BAD),
    (ADMIN, "SELECT api.set_search_probe_limit(current_date + 1, 10001)", BAD),
    (ADMIN, "SELECT api.set_search_probe_limit(current_date + 1, 30)", None),
    (OFFICER, "SELECT * FROM api.audit_search_probes(current_date)", DENIED),
    (MANAGER, "SELECT * FROM api.audit_search_probes(current_date)", DENIED),
    (SECURITY, "SELECT * FROM api.audit_search_probes(current_date)", None),
    (OFFICER, "SELECT data.search_probe_limit(current_date)", DENIED),
    (OFFICER, "UPDATE data.search_daily SET probes = 0", DENIED),
    (MANAGER, "SELECT count(*) FROM api.loans", None),
    (BATCH, "SELECT * FROM api.audit_anchor()", None),
]


@pytest.fixture
def other_customer(db) -> str:
    with db.session() as s:
        return s.execute(text("SELECT customer_no FROM data.customers WHERE home_branch_id = 1 ORDER BY id LIMIT 1")
                         ).scalar()


@pytest.fixture
def connections(db, server_url):
    ensure_login_role(server_url, BATCH, roles.group("batch"))
    opened = {}

    def connect(role: str):
        if role not in opened:
            opened[role] = connect_as(server_url, db.url.database, roles.qualify_sql(role))
        return opened[role]

    yield connect
    for conn in opened.values():
        conn.close()


def attempt(conn, sql: str) -> str | None:
    """Run ``sql`` in a savepoint of ``conn``; the SQLSTATE it failed with, or None."""
    with conn.cursor() as cur:
        cur.execute("SAVEPOINT attempt")
        try:
            cur.execute(sql)
            if cur.description:
                cur.fetchall()
        except psycopg2.Error as exc:
            cur.execute("ROLLBACK TO SAVEPOINT attempt")
            return exc.pgcode
        cur.execute("RELEASE SAVEPOINT attempt")
    return None


@pytest.mark.parametrize(("role", "sql", "expected"), MATRIX, ids=[f"{r}:{s[:60]}" for r, s, _e in MATRIX])
def test_role_x_statement(connections, other_customer, role, sql, expected):
    conn = connections(role)
    assert attempt(conn, sql.format(other=other_customer, own="C00000001")) == expected
    conn.rollback()


def test_the_matrix_fails_when_a_rule_is_removed(connections, db, server_url):
    """The table can fail: grant the officers UPDATE on a view and the first write in the table goes through."""
    with db.session() as s:
        s.execute(text(roles.qualify_sql("GRANT UPDATE ON api.customers TO rd_officer")))
    assert attempt(connections(OFFICER), "UPDATE api.customers SET annual_income = 1 WHERE false") is None


def test_an_officer_sees_only_their_branch_and_only_masked(connections, db):
    """`\\copy (SELECT customer_no, name, phone, email, address FROM …)`: the officer's branch only, masked."""
    conn = connections(OFFICER)
    with conn.cursor() as cur:
        cur.execute("SELECT customer_no, name, phone, email, address, rrn_masked, home_branch_id FROM api.customers")
        rows = cur.fetchall()
        # loans follow the customer: booked here, or of a customer in scope — none of anyone else
        cur.execute("SELECT count(*) FROM api.loans l WHERE l.branch_id <> 2 "
                    "AND NOT EXISTS (SELECT 1 FROM api.customers c WHERE c.id = l.customer_id)")
        other_loans = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM api.documents WHERE content IS NOT NULL")
        contents = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM api.proposals WHERE pdf IS NOT NULL")
        pdfs = cur.fetchone()[0]
    conn.rollback()
    with db.session() as s:
        own = s.execute(text("SELECT count(*) FROM data.customers WHERE home_branch_id = 2")).scalar()
    assert len(rows) == own and {r[6] for r in rows} == {2}
    for _no, name, phone, email, address, rrn, _branch in rows:
        assert "*" in name and "****" in phone and address.endswith("***") and rrn.endswith("-*******")
        assert not email or "***@" in email
    assert other_loans == 0 and contents == 0 and pdfs == 0


def test_leaky_functions_and_views_cannot_widen_the_scope(connections):
    """RLS bypass tries: a security-barrier-free predicate, a join through another view, a function of one's own."""
    conn = connections(OFFICER)
    with conn.cursor() as cur:
        # a join through an unscoped view (officers, branches) still returns only scoped customers
        cur.execute("SELECT count(*) FROM api.customers c JOIN api.branches b ON b.id = c.home_branch_id "
                    "WHERE b.code <> '101'")
        assert cur.fetchone()[0] == 0
        # the labels of proposals and applications give number and masked name only, and only rows in scope
        cur.execute("SELECT count(*) FROM api.applications WHERE branch_id <> 2")
        assert cur.fetchone()[0] == 0
    conn.rollback()
    assert attempt(conn, "CREATE FUNCTION pg_temp.leak(text) RETURNS bool LANGUAGE plpgsql COST 0.0000001 AS "
                         "$$ BEGIN RAISE NOTICE '%', $1; RETURN true; END $$") == DENIED


def test_every_api_function_has_a_fixed_search_path_and_no_public_execute(db):
    """SECURITY DEFINER functions pin their search_path (pg_temp last) and none is executable by PUBLIC."""
    with db.session() as s:
        loose = s.execute(text("""
            SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ('api', 'data') AND p.prosecdef
              AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c
                              WHERE c IN ('search_path=pg_catalog, data, pg_temp', 'search_path=pg_catalog'))""")).all()
        public = s.execute(text("""
            SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ('api', 'data') AND has_function_privilege('public', p.oid, 'EXECUTE')""")).all()
        owners = s.execute(text("""
            SELECT DISTINCT pg_get_userbyid(p.proowner) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ('api', 'data')""")).scalars().all()
        logins = s.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:r) AND (rolcanlogin OR rolbypassrls)"),
                           {"r": [roles.system("owner"), roles.system("crossbranch")]}).all()
    assert loose == [] and public == []
    assert set(owners) == {roles.system("owner"), roles.system("crossbranch")} and logins == []


def test_data_is_shown_only_after_its_access_was_committed(connections):
    """Record, commit, read: the legitimate path. Record, roll back, read: nothing to read with."""
    conn = connections(OFFICER)
    with conn.cursor() as cur:
        cur.execute("SELECT api.record_access('customer.reveal', 'C00000001', '재대출 상담 중 연락처 확인')")
        ticket = cur.fetchone()[0]
    conn.rollback()  # the record is gone …
    assert attempt(conn, f"SELECT * FROM api.reveal_customer({ticket})") == DENIED  # … and with it the access
    conn.rollback()
    with conn.cursor() as cur:
        cur.execute("SELECT api.record_access('customer.reveal', 'C00000001', '재대출 상담 중 연락처 확인')")
        ticket = cur.fetchone()[0]
    conn.commit()
    with conn.cursor() as cur:
        cur.execute(f"SELECT name, phone FROM api.reveal_customer({ticket})")
        name, phone = cur.fetchone()
    conn.rollback()
    assert "*" not in name and "*" not in phone
    other = connections(MANAGER)  # the ticket is its recorder's alone
    assert attempt(other, f"SELECT * FROM api.reveal_customer({ticket})") == DENIED
    other.rollback()


def test_a_session_left_idle_holding_the_audit_chain_is_ended(connections, server_url, db):
    """`BEGIN; SELECT api.record_access(…);` and then nothing: every audited action of the bank would wait. The
    next writer ends that session once it has been idle in its transaction for 5 seconds, and records it."""
    import time

    from tests.support import connect_as

    squatter = connect_as(server_url, db.url.database, OFFICER)
    with squatter.cursor() as cur:
        cur.execute("SELECT api.record_access('customer.view', 'C00000001')")  # holds the chain head, uncommitted
    time.sleep(5.5)
    conn = connections(MANAGER)
    started = time.monotonic()
    assert attempt(conn, "SELECT api.record_access('customer.view', 'C00000001')") is None
    conn.commit()
    assert time.monotonic() - started < 5
    with pytest.raises(psycopg2.Error):
        with squatter.cursor() as cur:
            cur.execute("SELECT 1")
    squatter.close()
    with db.session() as s:
        released = s.execute(text("SELECT details ->> 'db_user' FROM data.audit_log "
                                  "WHERE action = 'audit.chain_lock_released'")).scalars().all()
    assert released == [roles.qualify_sql(OFFICER)]


@pytest.mark.parametrize("holder, audited", [
    (OFFICER, "SELECT * FROM api.record_search('customer_no', 'C00000001')"),
    (SECURITY, "SELECT employee_no FROM api.log_in()"),
], ids=["officer", "security"])
def test_a_session_holding_the_audit_chain_while_running_is_ended_too(connections, server_url, db, holder, audited):
    """Finding 4 of the outside test: `BEGIN; SELECT * FROM api.record_search(…); SELECT pg_sleep(40)` — the
    holder is active, not idle, and every other session's audited work failed after 10 s. Now the waiter ends an
    officer's session whose transaction has held the chain head longer than 5 seconds, idle or running. The
    fifth round (1 Dec 2026): the security officer's login (not an officer) did the same with
    `api.log_in()` and a chain of 25-second sleeps, and was waited for; now ended too."""
    import threading
    import time

    from tests.support import connect_as

    squatter = connect_as(server_url, db.url.database, holder)
    with squatter.cursor() as cur:
        cur.execute(audited)  # audited: holds the head
    outcome = {}

    def sleep_holding_it():
        try:
            with squatter.cursor() as cur:
                cur.execute("SELECT pg_sleep(40)")
            outcome["slept"] = True
        except psycopg2.Error as exc:
            outcome["ended"] = exc.pgcode or "connection"

    sleeper = threading.Thread(target=sleep_holding_it)
    sleeper.start()
    time.sleep(1)
    conn = connections(MANAGER)
    started = time.monotonic()
    assert attempt(conn, "SELECT api.record_access('customer.view', 'C00000001')") is None
    conn.commit()
    waited = time.monotonic() - started
    sleeper.join(timeout=10)
    assert "ended" in outcome and waited < 9, (outcome, waited)
    squatter.close()
    with db.session() as s:
        released = s.execute(text("SELECT details ->> 'db_user', details ->> 'state' FROM data.audit_log "
                                  "WHERE action = 'audit.chain_lock_released'")).all()
    assert released == [(roles.qualify_sql(holder), "active")]
