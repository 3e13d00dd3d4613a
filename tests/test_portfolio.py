"""Models trained on the demo history, and the portfolio's call lists, on a real database."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd
import pytest
from sqlalchemy import func, select, text

from retention_desktop.data import demo_data, migrations
from retention_desktop.data.models import CallListEntry, ModelVersion
from retention_desktop.data.portfolio_frames import read_portfolio
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
    assert summary.loans_scored > 5000 and summary.branches >= 6
    assert set(summary.actions) == {"keep", "renegotiation", "reloan", "switch"}
    assert sum(summary.actions.values()) == summary.loans_scored
    assert all(v == 0 for v in summary.violations.values()), summary.violations
    with book.engine.connect() as conn:
        rows = pd.read_sql(text("SELECT branch_id, branch_rank, action, expected_value_gain, customer_saving, "
                                "recommended_rate_pct, current_rate_pct, eligibility, reasons "
                                "FROM call_list_entries WHERE as_of = :d ORDER BY branch_id, branch_rank"),
                           conn, params={"d": TEST_AS_OF})
    assert len(rows) == summary.entries > 0
    for _branch, group in rows.groupby("branch_id"):
        assert list(group["branch_rank"]) == list(range(1, len(group) + 1))
        # only what raises the bank's expected value, ranked by that gain
        assert (group["expected_value_gain"] > 0).all()
        assert (group["expected_value_gain"].diff().dropna() <= 0).all()
    assert set(rows["action"]) <= {"renegotiation", "reloan"}
    assert (rows["recommended_rate_pct"].astype(float) < rows["current_rate_pct"].astype(float)).all()
    assert (rows["customer_saving"] > 0).all() and rows["eligibility"].str.startswith("가능").all()
    assert all(isinstance(r, list) and r for r in rows["reasons"])
    # reasons an officer can act on, never who the customer is
    assert not any(re.search(r"연령|나이|\d+세", text) for r in rows["reasons"] for text in r)
    sheet = pd.read_excel(excel)
    assert list(sheet.columns[:5]) == ["지점", "순위", "담당자", "고객번호", "고객명"]
    assert {"권고", "기대가치증가", "고객절감", "가능여부"} <= set(sheet.columns)
    assert len(sheet) == summary.entries

    again = portfolio_scoring.score_portfolio(book, TEST_AS_OF)
    with book.session() as s:
        count = s.scalar(select(func.count()).select_from(CallListEntry).where(CallListEntry.as_of == TEST_AS_OF))
    assert count == again.entries == summary.entries


def test_the_book_advises_every_loan_as_the_single_quote_does(book, cards, server_url):
    """The vectorised advice of the whole book equals the comparison screen's, loan by loan, for every kind and
    every action: the same action, rate, expected values and saving."""
    from retention_desktop.services.offer_comparison import open_comparison

    basis = load_basis(book)
    policy = basis.policy(TEST_AS_OF)
    frames = read_portfolio(book.engine, TEST_AS_OF)
    scored = portfolio_scoring.score(frames, policy, basis, TEST_AS_OF)
    with book.engine.connect() as conn:
        delinquent = set(conn.execute(text("SELECT customer_id FROM loans WHERE status = 'delinquent'")).scalars())
    scored = scored[~scored["customer_id"].isin(delinquent)]
    sample = pd.concat([scored[scored["action"] == a].sample(min(6, (scored["action"] == a).sum()), random_state=2)
                        for a in ("keep", "renegotiation", "reloan", "switch")]
                       + [scored[scored["kind"] == k].sample(3, random_state=5) for k in sorted(set(scored["kind"]))])
    loans = frames.loans.set_index("id")
    with book.engine.connect() as conn:  # each loan opened by a 행원 of its customer's branch (row-level security)
        serving = dict(conn.execute(text(
            "SELECT l.id, (SELECT o.employee_no FROM officers o WHERE o.branch_id = c.home_branch_id "
            "AND o.role = 'officer' AND o.active ORDER BY o.id LIMIT 1) FROM loans l "
            "JOIN customers c ON c.id = l.customer_id")).all())
    sessions = {}
    try:
        for row in sample.itertuples():
            employee = serving[row.loan_id]
            officer = sessions.get(employee) or sessions.setdefault(employee, login_as(book, server_url, employee))
            state = open_comparison(officer, loans.at[row.loan_id, "loan_no"], TEST_AS_OF, basis)
            r = state.recommendation
            where = f"{row.loan_id} {row.kind}"
            assert r.action == row.action, where
            assert int(r.annual_rate_pct * 100) == row.recommended_bp, where
            assert r.expected_value_keep == row.expected_value_keep, where
            assert r.expected_value == row.expected_value, where
            assert r.customer_total_saving == row.customer_saving, where
            assert state.advice.prices.switch_probability == Decimal(repr(row.switching_probability)) or \
                not row.switch_possible, where
    finally:
        for session in sessions.values():
            session.database.close()


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
