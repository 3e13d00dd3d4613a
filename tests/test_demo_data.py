"""Demo data: deterministic, realistic, replaceable, with the showcase customer."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pytest
from sqlalchemy import text

from retention_desktop.data import demo_data
from retention_desktop.data.demo_population import generate

AS_OF = dt.date(2026, 11, 23)
KEY = b"k" * 32


def _digest(population) -> str:
    h = hashlib.sha256()
    for name in sorted(population.tables):
        h.update(population.tables[name].to_csv(index=False).encode())
    return h.hexdigest()


def test_same_seed_same_data_other_seed_other_data():
    assert _digest(generate(200, 1, AS_OF, KEY)) == _digest(generate(200, 1, AS_OF, KEY))
    assert _digest(generate(200, 1, AS_OF, KEY)) != _digest(generate(200, 2, AS_OF, KEY))


def test_distributions_look_like_a_retail_book():
    pop = generate(5000, 3, AS_OF, KEY)
    scores = pop.tables["credit_scores"].groupby("customer_id")["score"].last()
    assert 850 <= scores.median() <= 960, "credit scores are mostly high"
    assert (scores < 700).mean() > 0.01, "with a real tail"
    loans = pop.tables["loans"]
    assert set(loans["kind"]) == {"credit", "mortgage", "jeonse", "other_secured", "overdraft"}
    assert (loans["balance"] <= loans["principal"]).all()
    income = pop.tables["customers"]["annual_income"]
    assert 30_000_000 <= income.median() <= 60_000_000
    debts = pop.tables["external_debts"]
    assert (debts["kind"] == "card_loan").any()
    # lateness follows risk: customers with late payments have lower scores
    reps = pop.tables["repayments"].merge(loans[["id", "customer_id"]], left_on="loan_id", right_on="id")
    late_customers = reps.loc[reps["days_late"] > 0, "customer_id"].unique()
    on_time = np.setdiff1d(scores.index, late_customers)
    assert scores.loc[late_customers].mean() < scores.loc[on_time].mean() - 20


def test_showcase_customer_matches_the_walk_through():
    pop = generate(50, 9, AS_OF, KEY)
    cust = pop.tables["customers"].iloc[0]
    assert cust["customer_no"] == "C00000001"
    assert pop.tables["credit_scores"].query("customer_id == 1")["score"].iloc[-1] == 780
    loans = pop.tables["loans"].query("customer_id == 1 and status == 'active'")
    assert list(loans["annual_rate_pct"]) == ["5.4000"]
    assert (pop.tables["external_debts"].query("customer_id == 1")["kind"] == "card_loan").sum() == 1
    # the market undercuts the showcase's loan: 토스뱅크 discloses 5.05 % for 751–800 points on the latest sheet
    offers = pop.tables["market_offers"]
    latest = offers[(offers["as_of"] == offers["as_of"].max()) & (offers["loan_kind"] == "credit")
                    & (offers["credit_score_min"] == 751)]
    assert latest.set_index("lender").at["토스뱅크", "annual_rate_pct"] == "5.0500"
    assert min(latest["annual_rate_pct"], key=float) == "5.0500"


def test_market_sheets_are_continuous_across_score_bands():
    """No jump between neighbouring credit bands: each step is smaller than the next one down (a convex curve), and
    never more than 2 %p (the sheet used to jump 2.25 %p at 800 points)."""
    from retention_desktop.data.demo_population import LENDERS, SCORE_BANDS, market_rate_bp

    for kind in ("credit", "mortgage", "jeonse"):
        for _lender, sector, offset in LENDERS:
            if sector == "non_bank" and kind != "credit":
                continue
            rates = [int(market_rate_bp(kind, b, offset)) for b in range(len(SCORE_BANDS))]
            steps = [b - a for a, b in zip(rates, rates[1:])]
            assert all(rate < 2000 for rate in rates)  # below the 20 % legal maximum
            if sector == "bank":
                assert all(0 < s <= 250 for s in steps), (kind, rates)
                assert steps == sorted(steps), (kind, rates)  # convex: the lower the score, the faster rates rise


def test_regenerating_replaces_earlier_demo_data_and_keeps_the_audit_log(db):
    with db.engine.begin() as conn:
        conn.execute(text("SELECT data.audit('session.login', NULL, '{}')"))
    counts = demo_data.regenerate(db.engine, 120, 5, AS_OF)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == 120
        assert conn.execute(text("SELECT count(*) FROM loans")).scalar() == counts["loans"]
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == 1
        meta = conn.execute(text("SELECT value FROM app_meta WHERE key = 'demo_data'")).scalar()
    assert meta["customers"] == 120 and meta["seed"] == 5


def test_a_load_leaves_planner_statistics(db):
    """The load's ANALYZE commits with the data: pg_stats describes every loaded table's columns."""
    counts = demo_data.regenerate(db.engine, 150, 7, AS_OF)
    with db.engine.connect() as conn:
        analysed = dict(conn.execute(text(
            "SELECT tablename, count(*) FROM pg_stats WHERE schemaname = current_schema() "
            "AND tablename = ANY(:tables) GROUP BY tablename"), {"tables": list(demo_data.LOAD_ORDER)}).all())
        estimated = conn.execute(text("SELECT reltuples FROM pg_class WHERE oid = 'loans'::regclass")).scalar()
    assert set(analysed) == set(demo_data.LOAD_ORDER)
    assert analysed["loans"] >= 10  # one row per column
    assert estimated == counts["loans"]


def test_customer_count_is_bounded():
    with pytest.raises(ValueError, match="between 1 and 1,000,000"):
        generate(0, 1, AS_OF, KEY)
