"""Migrations: from empty to head, the models match the revisions, and down + up keeps the data."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from retention_desktop.data import migrations
from retention_desktop.data.models import Base, compared_by_alembic
from tests.support import TEST_CUSTOMERS


def test_upgrade_from_empty_reaches_head_with_seeded_policy(empty_db):
    assert migrations.current_revision(empty_db.engine) is None
    migrations.upgrade(empty_db.engine)
    assert migrations.is_current(empty_db.engine)
    with empty_db.engine.connect() as conn:
        versions = conn.execute(text("SELECT version FROM policies ORDER BY effective_from")).scalars().all()
    assert versions == ["2024.02-phase1", "2024.09-phase2", "2025.06-627", "2025.07-phase3", "2025.10-1015",
                        "2027.01-relief-end"]


def test_the_head_is_known_without_alembic_and_an_upgrade_at_head_loads_nothing(empty_db, monkeypatch):
    """The start-up's shortcut: the head read from the revision files' headers is alembic's head, the stored
    revision is read from alembic_version, and an upgrade of a database at the head does not call alembic."""
    assert migrations.script_head() == migrations.head_revision(empty_db.engine)
    assert not migrations.is_current(empty_db.engine) and migrations.stored_revision(empty_db.engine) is None
    migrations.upgrade(empty_db.engine)
    assert migrations.stored_revision(empty_db.engine) == migrations.current_revision(empty_db.engine)
    from alembic import command

    monkeypatch.setattr(command, "upgrade", lambda *_a: (_ for _ in ()).throw(AssertionError("alembic called")))
    migrations.upgrade(empty_db.engine)  # at the head: nothing to do
    with empty_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0009'"))
    assert not migrations.is_current(empty_db.engine)
    with pytest.raises(AssertionError, match="alembic called"):
        migrations.upgrade(empty_db.engine)


def test_models_and_revisions_agree(empty_db):
    migrations.upgrade(empty_db.engine)
    with empty_db.engine.connect() as conn:
        # the models are the tables of the private schema "data" (the api views mirror them, db/sql/20_views.sql)
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": compared_by_alembic, "include_schemas": True,
            "include_name": lambda name, type_, _parents: type_ != "schema" or name == "data"})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_downgrade_and_upgrade_keep_demo_data(db):
    with db.engine.connect() as conn:
        customers = conn.execute(text("SELECT count(*) FROM customers")).scalar()
        loans_sum = conn.execute(text("SELECT sum(balance) FROM loans")).scalar()
    assert customers == TEST_CUSTOMERS

    migrations.downgrade(db.engine, "0001")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM policies")).scalar() == 0
        assert conn.execute(text(
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'audit_log_%'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == customers

    migrations.upgrade(db.engine)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == customers
        assert conn.execute(text("SELECT sum(balance) FROM loans")).scalar() == loans_sum
        assert conn.execute(text("SELECT count(*) FROM policies")).scalar() == 6
        assert conn.execute(text(
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'audit_log_%'")).scalar() == 2


def test_name_search_index_exists_with_byte_order(db):
    with db.engine.connect() as conn:
        definition = conn.execute(text(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_customers_name_c'")).scalar()
    assert 'COLLATE "C"' in definition and "birth_date" in definition


def test_downgrade_to_base_removes_every_table(db):
    migrations.downgrade(db.engine, "base")
    with db.engine.connect() as conn:
        tables = conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )).scalars().all()
    assert tables == []


def test_revision_0007_corrects_an_existing_database_and_downgrades(empty_db):
    """A database at 0006 holds 0003's three versions and one head office added in the old form: 0007 corrects
    the seeded ones in place, adds the missing measures, converts the added one so that it reads the same
    numbers; the downgrade gives 0003's documents back and the old form of the added one."""
    import json
    from decimal import Decimal

    from retention_desktop.domain.limits import Borrower, NewLoan, loan_limit
    from retention_desktop.domain.schedule import RepaymentMethod
    from retention_desktop.services.regulation import load_policies
    from tests.support import seed_revision

    migrations.upgrade(empty_db.engine, "0006")
    original = seed_revision()._load_0003()
    added = json.loads(json.dumps(original["2027.01-relief-end"][0]))
    added["stress"]["rate_pct"] = "1.75"
    with empty_db.engine.begin() as conn:
        conn.execute(text("INSERT INTO policies (version, effective_from, parameters) "
                          "VALUES ('2027.07-h2', '2027-07-01', CAST(:p AS jsonb))"), {"p": json.dumps(added)})
    migrations.upgrade(empty_db.engine)
    policies = {p.version: p for p in load_policies(empty_db)}
    assert list(policies) == ["2024.02-phase1", "2024.09-phase2", "2025.06-627", "2025.07-phase3", "2025.10-1015",
                              "2027.01-relief-end", "2027.07-h2"]
    assert policies["2025.07-phase3"].ltv_by_area["regulated"].default_pct == 50  # the 10·15 value is gone
    h2 = policies["2027.07-h2"]
    loan = NewLoan("credit", Decimal(5), 60, RepaymentMethod.EQUAL_PAYMENT, "variable")
    assert loan_limit(Borrower(400_000_000, 900, "capital"), [], loan, h2).stress_add_pct == Decimal("1.75")
    mortgage = NewLoan("mortgage", Decimal(4), 360, RepaymentMethod.EQUAL_PAYMENT, "variable")
    assert loan_limit(Borrower(60_000_000, 900, "capital"), [], mortgage, h2).stress_add_pct == Decimal("3.0")
    with empty_db.engine.connect() as conn:
        note = conn.execute(text("SELECT note FROM policies WHERE version = '2025.10-1015'")).scalar()
    assert "정정 0007" in note

    migrations.downgrade(empty_db.engine, "0006")
    with empty_db.engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT version, parameters FROM policies")).all())
    assert set(rows) == {"2025.07-phase3", "2025.10-1015", "2027.01-relief-end", "2027.07-h2"}
    assert all(rows[v] == original[v][0] for v in original)
    assert rows["2027.07-h2"] == added


def test_revision_0015_upgrades_a_database_holding_searches_and_downgrades(db, login):
    """An existing database at 0014 with a day's search counts: 0015 keeps them (no probe counted before it), seeds
    the probe budget, validates the pricing rules' new constraints against the stored versions; the downgrade
    gives the search of 0013 and 0014 back, which still records and summarises a search."""
    from retention_desktop.data import roles
    from retention_desktop.services.customer_search import search

    officer = login("E1007")
    assert search(officer, "김").hits
    migrations.downgrade(db.engine, "0014")
    with db.engine.connect() as conn:
        columns = conn.execute(text("SELECT column_name FROM information_schema.columns WHERE table_schema = 'data' "
                                    "AND table_name = 'search_daily'")).scalars().all()
        summary = conn.execute(text("SELECT pg_get_function_result('api.search_summary(bigint)'::regprocedure)")).scalar()
    assert "probes" not in columns and "probe" not in summary
    from retention_desktop.data import api_calls

    ticket = officer.database.read(lambda s: api_calls.scalar(s, "record_search", "name", "김", None, 50, 0))
    found = officer.database.read(lambda s: api_calls.one(s, "search_summary", ticket))
    assert found["results"] > 0 and "probe_limit" not in found  # the search before 0015, working
    with db.engine.begin() as conn:  # a day's counts at 0014 (an officer shown two customers of other branches)
        conn.execute(text("INSERT INTO data.search_daily (db_role, day, outside_hits, withheld) "
                          "VALUES (:r, data.bank_today(), 2, 1) ON CONFLICT (db_role, day) DO UPDATE "
                          "SET outside_hits = 2, withheld = 1"), {"r": roles.login_role("E1007")})
    migrations.upgrade(db.engine)
    with db.engine.connect() as conn:
        day = conn.execute(text("SELECT outside_hits, withheld, probes FROM data.search_daily WHERE db_role = :r"),
                           {"r": roles.login_role("E1007")}).one()
        budget = conn.execute(text("SELECT data.search_probe_limit(data.bank_today())")).scalar()
        validated = conn.execute(text("SELECT count(*) FROM pg_constraint WHERE convalidated AND conname IN "
                                      "('ck_pricing_rules_within_bounds', 'ck_pricing_rules_effective_from_plausible')")
                                 ).scalar()
    assert tuple(day) == (2, 1, 0) and budget == 50 and validated == 2
    result = search(officer, "김")
    assert result.hits and result.shown_today == 2 and result.probes_today == 0
