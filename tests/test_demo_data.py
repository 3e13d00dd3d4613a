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
    assert list(loans["annual_rate_pct"]) == ["5.2000"]
    assert (pop.tables["external_debts"].query("customer_id == 1")["kind"] == "card_loan").sum() == 2


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


def test_customer_count_is_bounded():
    with pytest.raises(ValueError, match="between 1 and 1,000,000"):
        generate(0, 1, AS_OF, KEY)
