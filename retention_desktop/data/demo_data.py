"""Regenerate the demo data: wipe the business tables and bulk-load a generated population with COPY.

The audit log and the policy versions are kept: the audit log is append-only by design, and the
policy belongs to head office, not to the demo.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from retention_desktop.data import credentials
from retention_desktop.data.bank_day import bank_today
from retention_desktop.data.enrolment import apply_role_timeouts
from retention_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from retention_desktop.data.demo_population import DemoPopulation

log = logging.getLogger(__name__)

RRN_KEY_ACCOUNT = "rrn-hmac-key"

# Load order respects the foreign keys; the wipe goes the other way through TRUNCATE ... CASCADE.
LOAD_ORDER = ("branches", "officers", "products", "customers", "credit_scores", "loans", "repayments",
              "external_debts", "market_offers", "index_rates")
BUSINESS_TABLES = LOAD_ORDER + ("proposals", "applications", "application_events", "documents",
                                 "consultation_grants", "search_tickets", "search_daily")


class DemoDataRefused(UserError):
    pass


def rrn_hmac_key() -> bytes:
    """The bank's secret for hashing resident registration numbers, kept in the OS keyring."""
    stored = credentials.get_secret(RRN_KEY_ACCOUNT)
    if stored is None:
        stored = secrets.token_hex(32)
        if not credentials.store_secret(RRN_KEY_ACCOUNT, stored):
            log.warning("no keyring: resident-number hashes of this demo cannot be re-derived later")
    return bytes.fromhex(stored)


def regenerate(engine: Engine, customers: int, seed: int, as_of: dt.date | None = None,
               progress: Callable[[str], None] = lambda _msg: None) -> dict[str, int]:
    from retention_desktop.data.demo_population import generate  # pandas and Faker: only to make a demo

    if as_of is None:  # the bank's business date, from the server's clock (data/bank_day.py)
        with engine.connect() as conn:
            as_of = bank_today(conn)
    started = time.perf_counter()
    progress(f"generating {customers:,} customers (seed {seed})")
    population = generate(customers, seed, as_of, rrn_hmac_key())
    progress(f"generated in {time.perf_counter() - started:.1f}s; loading")
    load(engine, population, progress)
    counts = population.row_counts()
    progress(f"done in {time.perf_counter() - started:.1f}s")
    return counts


def load(engine: Engine, population: DemoPopulation, progress: Callable[[str], None]) -> None:
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute("SELECT t FROM unnest(%s::text[]) t WHERE to_regclass(t) IS NOT NULL", (list(BUSINESS_TABLES),))
            present = [row[0] for row in cur.fetchall()]  # an older schema may lack the newer tables
            cur.execute("TRUNCATE " + ", ".join(present) + " RESTART IDENTITY CASCADE")
            cur.execute("DELETE FROM app_meta WHERE key = 'demo_data'")
            deferred = _drop_secondary_structures(cur, LOAD_ORDER)
            for table in LOAD_ORDER:
                frame = population.tables[table]
                t = time.perf_counter()
                _copy(cur, table, frame)
                progress(f"  {table}: {len(frame):,} rows in {time.perf_counter() - t:.1f}s")
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"GREATEST((SELECT max(id) FROM {table}), 1))")
            t = time.perf_counter()
            for statement in deferred:
                cur.execute(statement)
            progress(f"  indexes and foreign keys rebuilt in {time.perf_counter() - t:.1f}s")
            _ensure_officer_roles(cur, population.officer_roles)
            _ensure_letterhead(cur)
            cur.execute(
                "INSERT INTO app_meta (key, value) VALUES ('demo_data', %s)",
                (json.dumps({"seed": population.seed, "as_of": population.as_of.isoformat(),
                            "customers": len(population.tables["customers"]),
                            "showcase_customer_no": "C00000001"}),))
            analyze(cur, LOAD_ORDER)
        raw.commit()
    except Exception:
        raw.rollback()
        raise
    finally:
        raw.close()


def analyze(cur, tables) -> None:
    """Planner statistics for freshly loaded tables, in the load's own transaction so they commit with the data.

    ANALYZE may run inside a transaction block, and what it writes to ``pg_statistic`` is transactional: run
    in a transaction that is then rolled back (as a connection returned to SQLAlchemy's pool is), it leaves
    the tables with no statistics at all, and the planner guesses (a customer's loans 4 ms instead of 0.1 ms
    at a million customers; a scoring read spilling to disk). Autovacuum would analyze them only later.
    """
    for table in tables:
        cur.execute(f"ANALYZE {table}")


def ensure_demo_letterhead(engine: Engine) -> None:
    """An embedded demo database made before revision 0008 gets its branch phones and proposal form settings."""
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            # the usual case (nothing missing) answered without loading the demo generator (pandas, Faker)
            cur.execute("SELECT NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'proposal_form') "
                        "OR EXISTS (SELECT 1 FROM branches WHERE phone IS NULL)")
            if cur.fetchone()[0]:
                _ensure_letterhead(cur)
        raw.commit()
    finally:
        raw.close()


def _ensure_letterhead(cur) -> None:
    """Head office's form settings and the branches' numbers belong to head office: the demo fills them in
    only where missing."""
    from retention_desktop.data.demo_population import BRANCHES, DEMO_PROPOSAL_FORM

    cur.execute("INSERT INTO app_meta (key, value) VALUES ('proposal_form', %s) ON CONFLICT (key) DO NOTHING",
                (json.dumps(DEMO_PROPOSAL_FORM, ensure_ascii=False),))
    for code, name, _region, phone in BRANCHES:
        cur.execute("UPDATE branches SET phone = %s WHERE code = %s AND name = %s AND phone IS NULL", (phone, code, name))


def _copy(cur, table: str, frame) -> None:
    columns = [c for c in frame.columns if not c.startswith("_")]
    out = frame[columns]
    binary = [c for c in columns if out[c].dtype == object and len(out) and isinstance(out[c].iloc[0], bytes)]
    if binary:
        out = out.copy()
        for c in binary:
            out[c] = ["\\x" + b.hex() for b in out[c]]
    buf = io.StringIO()
    out.to_csv(buf, index=False, header=False, date_format="%Y-%m-%d")
    buf.seek(0)
    # FREEZE is allowed because the table was truncated in this same transaction: no later vacuum pass.
    cur.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, FREEZE)", buf)


def _drop_secondary_structures(cur, tables: tuple[str, ...]) -> list[str]:
    """Drop foreign keys and non-constraint indexes of ``tables``; return the statements that rebuild them.

    PostgreSQL's advice for bulk loading ("Populating a Database"): checking a foreign key or
    updating an index once per row costs far more than building it once afterwards. It all happens
    inside the load's transaction, so a failed load restores them untouched.
    """
    cur.execute("""
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)
    """, (list(tables),))
    foreign_keys = cur.fetchall()
    cur.execute("""
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid
        WHERE i.indrelid::regclass::text = ANY(%s) AND c.oid IS NULL
    """, (list(tables),))
    indexes = cur.fetchall()
    for table, name, _definition in foreign_keys:
        cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cur.execute(f"DROP INDEX {name}")
    return ([definition for _name, definition in indexes]
            + [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, definition in foreign_keys])


def _ensure_officer_roles(cur, roles: list[tuple[str, str]]) -> None:
    """Each demo officer gets a login role in its group (embedded mode authenticates locally) with an enrolled
    officer's timeouts (``enrolment.ROLE_SETTINGS``; no connection limit: the demo is one machine's)."""
    for db_role, group in roles:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (db_role,))
        if cur.fetchone() is None:
            cur.execute(f'CREATE ROLE "{db_role}" LOGIN')
        cur.execute(f'GRANT "{group}" TO "{db_role}"')
        apply_role_timeouts(cur, db_role)
