"""Models trained on the demo history, and the portfolio's call lists, on a real database."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from sqlalchemy import func, select, text

from retention_desktop.data import demo_data, migrations
from retention_desktop.data.models import CallListEntry, ModelVersion
from retention_desktop.data.portfolio_frames import read_portfolio
from retention_desktop.domain.pricing import PricingInput, price
from retention_desktop.services import model_training, portfolio_scoring
from retention_desktop.services.quoting import load_basis
from tests.support import TEST_AS_OF, drop_database, login_as, new_database


@pytest.fixture(scope="module")
def book(server_url):
    """A bank of 6,000 demo customers: enough history for both models to learn from."""
    db = new_database(server_url)
    migrations.upgrade(db.engine)
    demo_data.regenerate(db.engine, 6000, 11, TEST_AS_OF)
    yield db
    drop_database(server_url, db)


@pytest.fixture(scope="module")
def cards(book):
    return model_training.train_models(book, TEST_AS_OF)


def test_models_learn_from_the_history_and_beat_the_baselines(book, cards):
    switching, risk = cards["switching"], cards["risk"]
    assert switching["auc_test"] > 0.75 > switching["auc_trivial_baseline"]
    assert switching["auc_test"] >= switching["auc_one_feature_baseline"]["auc"] - 0.01
    assert risk["auc_test"] > 0.7
    assert switching["rows"]["test"] > 1000 and len(switching["calibration_by_decile"]) == 10
    # calibrated: the riskiest decile really switches far more often than the safest
    table = switching["calibration_by_decile"]
    assert table[-1]["observed"] > 5 * max(table[0]["observed"], 0.005)
    with book.session() as s:
        assert s.scalar(select(func.count()).select_from(ModelVersion)) == 2


def test_proposal_outcomes_become_training_labels(book):
    frames = read_portfolio(book.engine, TEST_AS_OF, include_switched=True)
    active = frames.loans[frames.loans["status"] == "active"].iloc[0]
    frames.proposal_outcomes = pd.DataFrame({"loan_id": [active["id"]], "decision": ["switched_away"]})
    switched, _risk = model_training.labels(frames)
    assert switched[frames.loans.index[frames.loans["id"] == active["id"]][0]] == 1


def test_score_portfolio_writes_ranked_call_lists_and_replaces_a_rerun(book, cards, tmp_path):
    excel = tmp_path / "콜리스트.xlsx"
    summary = portfolio_scoring.score_portfolio(book, TEST_AS_OF, excel)
    assert summary.loans_scored > 5000 and summary.branches == 12
    with book.engine.connect() as conn:
        rows = pd.read_sql(text("SELECT branch_id, branch_rank, switching_probability, value_at_risk, reasons "
                                "FROM call_list_entries WHERE as_of = :d ORDER BY branch_id, branch_rank"),
                           conn, params={"d": TEST_AS_OF})
    assert len(rows) == summary.entries
    for _branch, group in rows.groupby("branch_id"):
        assert list(group["branch_rank"]) == list(range(1, len(group) + 1))
        # ranked by P(switch) × value at risk (the stored probability has four decimals)
        priority = group["switching_probability"].astype(float) * group["value_at_risk"]
        slack = 0.0001 * group["value_at_risk"].max()
        assert (priority.diff().dropna() <= slack).all()
    assert all(isinstance(r, list) and r for r in rows["reasons"])
    sheet = pd.read_excel(excel)
    assert list(sheet.columns[:5]) == ["지점", "순위", "담당자", "고객번호", "고객명"]
    assert len(sheet) == summary.entries

    again = portfolio_scoring.score_portfolio(book, TEST_AS_OF)
    with book.session() as s:
        count = s.scalar(select(func.count()).select_from(CallListEntry).where(CallListEntry.as_of == TEST_AS_OF))
    assert count == again.entries == summary.entries


def test_batch_pricing_agrees_with_the_single_quote(book, cards):
    basis = load_basis(book)
    policy = basis.policy(TEST_AS_OF)
    rules = basis.rules[-1]
    index_rates = {n: next(r for d, r in reversed(s) if d <= TEST_AS_OF) for n, s in basis.index_rates.items()}
    frames = read_portfolio(book.engine, TEST_AS_OF)
    scored = portfolio_scoring.score(frames, policy, rules, basis.models, index_rates, lambda _m: None)
    loans = frames.loans.set_index("id")
    for row in scored.sample(40, random_state=1).itertuples():
        loan = loans.loc[row.loan_id]
        single = price(PricingInput(
            kind=loan["kind"], balance=int(loan["balance"]), remaining_months=int(row.remaining_months),
            current_rate_pct=Decimal(row.current_bp) / 100, index_name=row.index_name,
            index_rate_pct=index_rates[row.index_name], credit_score=int(row.credit_score),
            dsr_pct=row.dsr_pct, salary_transfer=bool(row.salary_transfer),
            tenure_years=rules.tenure_discount_years if row.tenure_discount else 0,
            switch_probability=Decimal(repr(row.switching_probability)),
            default_probability=Decimal(repr(row.default_probability))), rules)
        assert int(single.floor_rate_pct * 100 + Decimal("0.9999")) == row.floor_bp
        assert int(single.list_rate_pct * 100) == row.list_bp
        assert single.rate_pct == Decimal(int(row.recommended_bp)) / 100


def test_batch_dsr_equals_the_single_quote_dsr(book, server_url):
    """The book-wide DSR (integers) is the DSR the comparison screen computes for the same customer."""
    from retention_desktop.domain.personal_quote import request_dsr_pct
    from retention_desktop.services.offer_comparison import build_request

    frames = read_portfolio(book.engine, TEST_AS_OF)
    policy = load_basis(book).policy(TEST_AS_OF)
    batch = portfolio_scoring.customer_dsr(frames, policy)
    # each loan is opened by an officer of its own branch (another branch's customers are out of an officer's scope)
    desk = frames.loans.groupby("branch_id")["officer_id"].min()
    with book.session() as s:
        employee = dict(s.execute(text("SELECT id, employee_no FROM officers")).all())
    officers = {}
    try:
        sample = frames.loans.drop_duplicates("customer_id").sample(25, random_state=3)
        for loan_no, customer_id, branch in zip(sample["loan_no"], sample["customer_id"], sample["branch_id"]):
            if branch not in officers:
                officers[branch] = login_as(book, server_url, employee[int(desk[branch])])
            request, _facts = build_request(officers[branch], loan_no, TEST_AS_OF)
            assert request_dsr_pct(request, policy) * 100 == int(batch.loc[int(customer_id)]), loan_no
    finally:
        for officer in officers.values():
            officer.database.close()
