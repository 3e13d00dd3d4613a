"""Personal data stays out of the logs; head-office documents are checked by the database as the engine reads
them; revision 0011 upgrades a database that holds data."""

from __future__ import annotations

import copy
import json
import logging
import logging.handlers
import os
from pathlib import Path

import psycopg2
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from retention_desktop.data import migrations
from retention_desktop.domain.policy import Policy, PolicyError
from tests.support import TEST_AS_OF, drop_database, login_as, new_database


def leaves(params, prefix=()):
    """Paths (tuples of keys and list indexes) to every scalar of a document, lists included."""
    items = params.items() if isinstance(params, dict) else enumerate(params)
    for key, value in items:
        path = (*prefix, key)
        if isinstance(value, (dict, list)) and value:
            yield from leaves(value, path)
        else:
            yield path


def _edited(params, path, value=None, delete=False):
    copied = copy.deepcopy(params)
    node = copied
    for part in path[:-1]:
        node = node[part]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return copied


def without(params, path):
    return _edited(params, path if isinstance(path, tuple) else tuple(path.split(".")), delete=True)


def test_the_database_reads_a_policy_as_the_engine_does(db):
    """Every seeded policy version is accepted by both; every parameter the engine requires, the database
    requires too (remove it, or put a word where a number belongs, in any version: both refuse or neither
    does). If the engine gains a parameter, add it to data.policy_problem in db/sql/60_head_office.sql."""
    with db.session() as s:
        versions = s.execute(text("SELECT version, parameters FROM data.policies ORDER BY effective_from")).all()

        def db_refuses(params) -> bool:
            return s.execute(text("SELECT data.policy_problem(CAST(:p AS jsonb))"),
                             {"p": json.dumps(params)}).scalar() is not None

        def engine_refuses(params) -> bool:
            try:
                Policy.from_parameters("x", TEST_AS_OF, json.loads(json.dumps(params)))
            except PolicyError:
                return True
            return False

        assert len(versions) >= 6
        for version, good in versions:
            assert not db_refuses(good) and not engine_refuses(good), version
            disagree = [path for path in leaves(good)
                        if db_refuses(without(good, path)) != engine_refuses(without(good, path))]
            assert disagree == [], f"{version}: data.policy_problem (db/sql/60_head_office.sql) disagrees on {disagree}"
            words = [path for path in leaves(good)
                     if db_refuses(_edited(good, path, "abc")) != engine_refuses(_edited(good, path, "abc"))]
            assert words == [], f"{version}: a word in place of a value is judged differently at {words}"


# the shape first, then (the shape known good) the loan kinds of each per-kind map and head office's bounds: what
# api.save_pricing_rules refuses, and since revision 0015 the table's CHECK constraints too
WHAT_THE_DATABASE_REFUSES = """
    SELECT coalesce(data.pricing_rules_problem(CAST(:p AS jsonb)), data.pricing_rules_bound_problem(CAST(:p AS jsonb)))"""


def test_the_database_reads_pricing_rules_as_the_engine_does(db):
    from retention_desktop.domain.pricing import PricingRules

    with db.session() as s:
        good = s.execute(text("SELECT parameters FROM data.pricing_rules LIMIT 1")).scalar()
        for path in leaves(good):
            params = without(good, path)
            refused = s.execute(text(WHAT_THE_DATABASE_REFUSES), {"p": json.dumps(params)}).scalar()
            try:
                PricingRules.from_parameters("x", TEST_AS_OF, json.loads(json.dumps(params)))
                engine_refuses = False
            except PolicyError:
                engine_refuses = True
            # the database is stricter only where it needs a value itself: the approval authorities
            assert (refused is not None) == (engine_refuses or path[0] == "authority_pct"), path


def test_the_embedded_server_never_logs_a_row(db, server_url):
    """A constraint violation's DETAIL quotes the whole row; the server logs tersely and never the statement."""
    with db.session() as s:
        settings = dict(s.execute(text(
            "SELECT name, setting FROM pg_settings WHERE name IN ('log_error_verbosity', 'log_min_error_statement', "
            "'log_parameter_max_length_on_error', 'log_parameter_max_length')")).all())
        phone = s.execute(text("SELECT phone FROM data.customers WHERE customer_no = 'C00000001'")).scalar()
    if os.environ.get("RETENTION_TEST_DATABASE_URL"):
        pytest.skip("the central server's logging is its administrator's (docs/security.md, Server logs)")
    assert settings == {"log_error_verbosity": "terse", "log_min_error_statement": "panic",
                        "log_parameter_max_length_on_error": "0", "log_parameter_max_length": "0"}
    with pytest.raises(Exception, match="ck_customers_income_not_negative"):
        with db.session() as s:
            s.execute(text("UPDATE data.customers SET annual_income = -1 WHERE customer_no = 'C00000001'"))
    log = Path(server_url.query["host"]) / "log"
    assert "ck_customers_income_not_negative" in log.read_text(encoding="utf-8", errors="replace")
    assert phone not in log.read_text(encoding="utf-8", errors="replace")


def test_the_app_log_never_quotes_a_row(tmp_path):
    from retention_desktop.logs import configure_logging

    path = configure_logging(tmp_path)
    try:
        raise RuntimeError('new row violates check constraint "ck_customers_income_not_negative"\n'
                           "DETAIL:  Failing row contains (1, C00000001, 김하늘, 한빛전자(주), 010-3141-5926).\n"
                           "DETAIL:  Key (rrn_hmac)=(\\x5d41402a) already exists.")
    except RuntimeError:
        logging.getLogger("test").exception("save failed")
    for handler in [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        logging.getLogger().removeHandler(handler)
        handler.close()
    logged = path.read_text(encoding="utf-8")
    assert "ck_customers_income_not_negative" in logged and "Failing row contains (…)" in logged
    assert "김하늘" not in logged and "010-3141-5926" not in logged and "5d41402a" not in logged


def test_revision_0011_upgrades_a_database_holding_data(server_url, template_db):
    """A database at 0010 with customers, a proposal, an approved application, documents and audit rows: after 0011 every
    row is where it was, in schema data; the proposal and application have their branch and approver; the old
    audit rows are chained; officers reach only the api."""
    from retention_desktop.data import demo_data
    from tests.support import TEST_CUSTOMERS, TEST_SEED

    db = new_database(server_url)
    try:
        migrations.upgrade(db.engine)
        demo_data.regenerate(db.engine, TEST_CUSTOMERS, TEST_SEED, TEST_AS_OF)
        migrations.downgrade(db.engine, "0010")  # a bank's database as it was before 0011, with its data
        with db.engine.begin() as conn:
            assert conn.execute(text("SELECT to_regprocedure('public.set_proposal_form(jsonb)')")).scalar()
            conn.execute(text("""
                INSERT INTO audit_log (employee_no, workstation, action, customer_no, details)
                VALUES ('E1007', 'ws', 'customer.view', 'C00000001', '{}'), (NULL, 'ws', 'session.login', NULL, '{}');
                INSERT INTO proposals (proposal_no, customer_id, loan_id, officer_id, valid_until, policy_version,
                                       engine_version, quote_input, quote_output, input_sha256, decision, decided_at)
                VALUES ('P20261123-AAAAAA', 1, 1, 7, '2026-12-07', '2025.10-1015', 'x',
                        '{"reloan_offer": {"annual_rate_pct": "4.9", "term_months": 16}}',
                        '{"authority_rate_pct": "4.8"}', repeat('a', 64), 'accepted', now());
                INSERT INTO applications (application_no, proposal_id, customer_id, old_loan_id, product_id,
                                          annual_rate_pct, amount, term_months, state, created_by)
                VALUES ('A20261123-AAAAAA', 1, 1, 1, 2, 4.9, 30000000, 16, 'approved', 7);
                INSERT INTO application_events (application_id, officer_id, from_state, to_state)
                VALUES (1, 7, NULL, 'draft'), (1, 6, 'submitted', 'approved');
                INSERT INTO documents (customer_id, kind, filename, media_type, size_bytes, sha256, content, uploaded_by)
                SELECT 1, 'income_proof', 'p.pdf', 'application/pdf', 5, encode(sha256('\\x255044462d'), 'hex'),
                       '\\x255044462d', 7 FROM generate_series(1, 2);"""))
            before = conn.execute(text("SELECT count(*), sum(balance) FROM loans")).one()
        migrations.upgrade(db.engine)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*), sum(balance) FROM data.loans")).one() == before
            assert conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                                     "AND tablename <> 'alembic_version'")).scalar() == 0
            assert conn.execute(text("SELECT branch_id FROM data.proposals")).scalar() == 2
            # revision 0012: the database's hash of a quote archived before it (its audit row recorded no facts)
            assert conn.execute(text("SELECT quote_sha256 = data.quote_sha256(quote_input, quote_output) "
                                     "FROM data.proposals")).scalar()
            assert conn.execute(text("SELECT to_regprocedure('public.set_proposal_form(jsonb)') IS NULL "
                                     "AND to_regprocedure('api.set_proposal_form(jsonb)') IS NOT NULL")).scalar()
            assert conn.execute(text("SELECT branch_id, approved_by, approved_amount FROM data.applications")).one() \
                == (2, 6, 30_000_000)
            # the same file stored twice before: both kept (numbered); a third copy is refused even to the owner
            assert conn.execute(text("SELECT array_agg(copy_no ORDER BY id) FROM data.documents")).scalar() == [0, 1]
            with pytest.raises(IntegrityError, match="uq_documents_same_file"):
                conn.execute(text("INSERT INTO data.documents (customer_id, kind, filename, media_type, size_bytes, "
                                  "sha256, content, uploaded_by) SELECT customer_id, kind, 'q.pdf', media_type, "
                                  "size_bytes, sha256, content, uploaded_by FROM data.documents WHERE copy_no = 0"))
            conn.rollback()
        from retention_desktop.services import applications, audit_trail

        result = audit_trail.verify(db)
        assert result.ok and result.rows == 2
        # the application approved before 0011 executes under the new rules: its proposal's list rate follows from
        # the authority rate it recorded, the approver is the officer of its approval event (the manager E1006, who
        # therefore does not execute it since revision 0017: a colleague who neither filed nor approved it does)
        executor = login_as(db, server_url, "E1008")
        try:
            done = applications.transition(executor, "A20261123-AAAAAA", "executed", 1)
        finally:
            executor.database.close()
        assert done.state == "executed" and done.new_loan_no is not None
    finally:
        drop_database(server_url, db)


PLANTED = "황보미래 010-2718-2818 860317-1234567"  # a name, a phone and an RRN typed into the wrong field

# function call (as an officer, with psql)  → every one refused, none repeating what was typed
REFUSED_WITH_TYPED_INPUT = """
SELECT * FROM api.record_search('customer_no', %(p)s)
SELECT * FROM api.record_search('loan_no', %(p)s)
SELECT * FROM api.record_search(%(p)s, 'x')
SELECT api.record_access(%(p)s, 'C00000001', '재대출 상담 중')
SELECT api.record_access('customer.reveal', %(p)s, '재대출 상담 중')
SELECT api.record_access('proposal.prepare', %(p)s, '재대출 상담 중')
SELECT api.record_access('proposal.reopen', %(p)s, '재대출 상담 중')
SELECT api.request_consultation_access(%(p)s, '내점 고객 재대출 상담')
SELECT * FROM api.file_application(%(p)s)
SELECT * FROM api.move_application(%(p)s, 'submitted', 1, '')
SELECT api.record_proposal_decision('P20261130-AAAAA1', %(p)s)
SELECT api.record_proposal_decision(%(p)s, 'accepted')
SELECT api.attach_document('C00000001', NULL, 'id_copy', %(p)s || '.png', '\\x255044462d312e34'::bytea)
SELECT api.attach_document(%(p)s, NULL, 'id_copy', 'a.pdf', '\\x255044462d312e34'::bytea)
SELECT api.attach_document('C00000001', %(p)s, 'id_copy', 'a.pdf', '\\x255044462d312e34'::bytea)
"""


def test_no_error_repeats_typed_input_so_the_server_log_has_none(db, server_url):
    """Finding 9 of the outside test: a name or phone number typed into the wrong field came back in the error
    message, which the server logs. Each refusal here is a database error; none repeats the typed text, and the
    embedded server's log holds none of it."""
    from retention_desktop.data import roles
    from tests.support import connect_as

    conn = connect_as(server_url, db.url.database, roles.login_role("E1007"))
    try:
        for statement in REFUSED_WITH_TYPED_INPUT.strip().splitlines():
            try:
                with conn.cursor() as cur:
                    cur.execute(statement, {"p": PLANTED})
                raise AssertionError(f"not refused: {statement}")
            except psycopg2.Error as exc:
                message = exc.diag.message_primary or ""
            finally:
                conn.rollback()
            for typed in PLANTED.split():
                assert typed not in message, (statement, message)
    finally:
        conn.close()
    if os.environ.get("RETENTION_TEST_DATABASE_URL"):
        return  # the central server's log is its administrator's
    logged = (Path(server_url.query["host"]) / "log").read_text(encoding="utf-8", errors="replace")
    for typed in PLANTED.split():
        assert typed not in logged


def test_pricing_rules_missing_a_loan_kind_are_refused_by_the_engine_as_by_the_database(db):
    """Third outside test: the database required every loan kind in each per-kind map of the pricing rules, the
    engine priced with whatever kinds a map had (a missing one a KeyError at quote time, a missing risk factor read as
    1). Now the engine refuses them in words, from the one list of kinds (domain/kinds.py LOAN_KINDS), as the
    database does; an unknown kind too. The stored rules are read by both."""
    from retention_desktop.domain.kinds import LOAN_KINDS
    from retention_desktop.domain.pricing import PER_KIND_MAPS, PricingRules

    with db.session() as s:
        good = s.execute(text("SELECT parameters FROM data.pricing_rules ORDER BY effective_from DESC LIMIT 1")).scalar()
        PricingRules.from_parameters("x", TEST_AS_OF, good)
        assert s.execute(text(WHAT_THE_DATABASE_REFUSES), {"p": json.dumps(good)}).scalar() is None
        for part in PER_KIND_MAPS:
            assert sorted(good[part]) == sorted(LOAN_KINDS)
            for kind in LOAN_KINDS:
                params = json.loads(json.dumps(good))
                del params[part][kind]
                with pytest.raises(PolicyError) as caught:
                    PricingRules.from_parameters("x", TEST_AS_OF, params)
                assert f"'{part}'" in str(caught.value) and kind in str(caught.value) and "모든 대출 종류" in str(caught.value)
                assert s.execute(text(WHAT_THE_DATABASE_REFUSES), {"p": json.dumps(params)}).scalar(), (part, kind)
            params = json.loads(json.dumps(good))
            params[part]["card_loan"] = params[part]["credit"]
            with pytest.raises(PolicyError, match="알려진 대출 종류"):
                PricingRules.from_parameters("x", TEST_AS_OF, params)
            assert s.execute(text(WHAT_THE_DATABASE_REFUSES), {"p": json.dumps(params)}).scalar(), part


@pytest.mark.parametrize(("column", "value"), [
    ("parameters", lambda p: {**p, "authority_pct": {**p["authority_pct"], "manager": "3"}}),  # above 2 %p
    ("parameters", lambda p: {**p, "cost_pct": {k: v for k, v in p["cost_pct"].items() if k != "jeonse"}}),
    ("parameters", lambda p: {**p, "secured_risk_factor": {**p["secured_risk_factor"], "credit": "0"}}),
    ("effective_from", "infinity"),
    ("effective_from", "1900-01-01"),
])
def test_the_pricing_rules_table_refuses_what_head_offices_function_refuses(db, column, value):
    """Third outside test: the table's CHECK read the rules' shape only, so a direct write (the owner's, a DBA's)
    could store rules api.save_pricing_rules refuses — a missing loan kind, an authority of 3 %p, a credit loan's risk
    factor of 0, an effective date of infinity. Revision 0015's constraints refuse them too; the stored rules pass."""
    with db.session() as s:
        good = s.execute(text("SELECT parameters FROM data.pricing_rules ORDER BY effective_from DESC LIMIT 1")).scalar()
        valid = s.execute(text("SELECT bool_and(convalidated) FROM pg_constraint WHERE conname IN "
                               "('ck_pricing_rules_within_bounds', 'ck_pricing_rules_effective_from_plausible')")).scalar()
    assert valid  # every stored version passed, so the constraints were validated by the upgrade
    params, day = (value(good), "2031-01-01") if column == "parameters" else (good, value)
    with pytest.raises(Exception, match="ck_pricing_rules_within_bounds|ck_pricing_rules_effective_from_plausible"):
        with db.session() as s:
            s.execute(text("INSERT INTO data.pricing_rules (version, effective_from, parameters) "
                           "VALUES ('2031.01-direct', CAST(:d AS date), CAST(:p AS jsonb))"),
                      {"d": day, "p": json.dumps(params)})
    with db.session() as s:  # the same rules, well formed, are stored by the same statement
        s.execute(text("INSERT INTO data.pricing_rules (version, effective_from, parameters) "
                       "VALUES ('2031.01-direct', '2031-01-01', CAST(:p AS jsonb))"), {"p": json.dumps(good)})
