"""Models trained on the demo history, and the portfolio's call lists, on a real database."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from retention_desktop.data import demo_data, migrations
from retention_desktop.data.models import CallListEntry, ModelVersion
from retention_desktop.data.portfolio_frames import read_portfolio
from retention_desktop.data.portfolio_stream import Partition
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


# -- score-portfolio at any size: chunks, resumption, partitions ------------------------------------------------
LIST_COLUMNS = ("branch_id, branch_rank, loan_id, customer_id, officer_id, action, recommended_rate_pct, "
                "current_rate_pct, expected_value, expected_value_gain, customer_saving, customer_monthly_saving, "
                "switching_probability, value_at_risk, rate_cut_right, fee_window_ends_on, switch_eligible_from, "
                "eligibility, reasons, model_version")


def _call_list(db) -> pd.DataFrame:
    with db.engine.connect() as conn:
        return pd.read_sql(text(f"SELECT {LIST_COLUMNS} FROM call_list_entries WHERE as_of = :d "
                                "ORDER BY branch_id, branch_rank"), conn, params={"d": TEST_AS_OF})


@pytest.fixture(scope="module")
def whole_run(book, cards):
    """One uninterrupted run in a single chunk: the call list every other way of running must reproduce."""
    summary = portfolio_scoring.score_portfolio(book, TEST_AS_OF, chunk_loans=1_000_000)
    assert summary.complete and summary.chunks_scored == 1
    return summary, _call_list(book)


def test_the_streamed_run_lists_what_ranking_the_whole_book_in_memory_lists(book, whole_run):
    """The chunked reader and the SQL ranking change nothing: scoring the book read at once (COPY) and ranking it
    with pandas gives the same entries, gains and order."""
    summary, listed = whole_run
    basis = load_basis(book)
    frames = read_portfolio(book.engine, TEST_AS_OF)
    scored = portfolio_scoring.score(frames, basis.policy(TEST_AS_OF), basis, TEST_AS_OF)
    worth = portfolio_scoring.candidates(scored)
    expected = (worth.sort_values(["branch_id", "expected_value_gain", "loan_id"], ascending=[True, False, True])
                .groupby("branch_id").head(basis.rules_on(TEST_AS_OF).call_list_size_per_branch))
    assert len(listed) == len(expected) > 0
    assert list(listed["loan_id"]) == list(expected["loan_id"])
    assert list(listed["expected_value_gain"]) == list(expected["expected_value_gain"])
    assert summary.loans_scored == len(scored)
    assert summary.actions == {a: int((scored["action"] == a).sum()) for a in summary.actions}


def test_partition_halves_list_what_a_whole_run_lists(book, whole_run):
    _summary, listed = whole_run
    first = portfolio_scoring.score_portfolio(book, TEST_AS_OF, partition=Partition(1, 2), chunk_loans=1_500)
    assert not first.complete and first.parts_done == 1 and first.entries == 0
    assert first.chunks_scored >= 2  # several chunks in each half
    pd.testing.assert_frame_equal(_call_list(book), listed)  # the list of the date stands until every part is in
    second = portfolio_scoring.score_portfolio(book, TEST_AS_OF, partition=Partition(2, 2), chunk_loans=2_000)
    assert second.complete and second.parts_done == 2
    assert second.loans_scored == whole_run[0].loans_scored
    assert second.actions == whole_run[0].actions and second.violations == whole_run[0].violations
    pd.testing.assert_frame_equal(_call_list(book), listed)
    with book.engine.connect() as conn:  # the staging of a finished run is gone
        assert conn.execute(text("SELECT count(*) FROM scoring_candidates")).scalar() == 0


class Interrupted(Exception):
    pass


def test_an_interrupted_run_resumes_at_its_chunk_and_lists_what_a_whole_run_lists(book, whole_run):
    _summary, listed = whole_run

    def stop_after_third(k):
        if k == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        portfolio_scoring.score_portfolio(book, TEST_AS_OF, chunk_loans=1_000, after_chunk=stop_after_third)
    with book.engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*), max(last_customer) FROM scoring_chunks c JOIN scoring_runs r "
                                   "ON r.id = c.run_id WHERE r.finished_at IS NULL")).one()
    assert stored[0] == 3
    resumed = portfolio_scoring.score_portfolio(book, TEST_AS_OF, chunk_loans=1_000)
    assert resumed.resumed_after_customer == stored[1]
    assert resumed.complete and resumed.loans_scored == whole_run[0].loans_scored
    # only what was left was scored again: the whole book takes more chunks of that size than the resumed rest
    with book.engine.connect() as conn:
        chunks = conn.execute(text("SELECT count(*) FROM scoring_chunks c JOIN scoring_runs r ON r.id = c.run_id "
                                   "WHERE r.id = (SELECT max(id) FROM scoring_runs) AND NOT c.final")).scalar()
    assert chunks == 3 + resumed.chunks_scored
    pd.testing.assert_frame_equal(_call_list(book), listed)


def test_an_open_run_is_continued_only_as_it_was_begun(book, cards, monkeypatch):
    from retention_desktop.data.scoring_runs import RunConflict

    def stop(_k):
        raise Interrupted

    with pytest.raises(Interrupted):
        portfolio_scoring.score_portfolio(book, TEST_AS_OF, partition=Partition(1, 3), chunk_loans=1_000,
                                          after_chunk=stop)
    with pytest.raises(RunConflict, match="3개 파트"):
        portfolio_scoring.score_portfolio(book, TEST_AS_OF)
    # another basis (here: other rates) cannot continue it either
    monkeypatch.setattr(portfolio_scoring, "basis_fingerprint", lambda *_a: "0" * 64)
    with pytest.raises(RunConflict, match="--restart"):
        portfolio_scoring.score_portfolio(book, TEST_AS_OF, partition=Partition(2, 3))
    monkeypatch.undo()
    restarted = portfolio_scoring.score_portfolio(book, TEST_AS_OF, restart=True)
    assert restarted.complete and not restarted.resumed_after_customer


def test_chunks_hold_whole_customers_and_advise_as_the_whole_book(book, cards):
    """Streamed in small chunks, every customer lies in one chunk, and the advice of the chunks, put together, is
    the advice of the whole book read at once: every column of every loan (DSR, prices, savings, action)."""
    from retention_desktop.data.portfolio_frames import read_reference
    from retention_desktop.data.portfolio_stream import BookStream

    basis = load_basis(book)
    policy = basis.policy(TEST_AS_OF)
    whole = portfolio_scoring.score(read_portfolio(book.engine, TEST_AS_OF), policy, basis, TEST_AS_OF)
    market, index_rates = read_reference(book.engine, TEST_AS_OF)
    parts, owners = [], []
    with BookStream(book.engine, TEST_AS_OF, market, index_rates, chunk_loans=300) as stream:
        for chunk in stream.chunks():
            owners.append(set(chunk.frames.loans["customer_id"]))
            assert chunk.last_customer_id == max(owners[-1])
            parts.append(portfolio_scoring.score(chunk.frames, policy, basis, TEST_AS_OF))
    assert len(parts) > 20
    assert all(not (a & b) for a, b in zip(owners, owners[1:])), "a customer split across chunks"
    streamed = pd.concat(parts).sort_values("loan_id").reset_index(drop=True)
    whole = whole.sort_values("loan_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(streamed, whole, check_dtype=False)


# -- who may touch a run's staging ------------------------------------------------------------------------------
STAGING_STATEMENTS = (
    "SELECT count(*) FROM scoring_candidates", "SELECT count(*) FROM scoring_chunks",
    "INSERT INTO scoring_runs (as_of, parts, basis_fingerprint, model_version) VALUES (DATE '2026-11-23', 1, 'x', 'x')",
    "UPDATE scoring_runs SET finished_at = now()", "DELETE FROM scoring_candidates")


@pytest.mark.parametrize("employee_no", ["E1007", "E1006", "E1005"])  # an officer, a branch manager, head office
def test_officers_and_managers_cannot_read_or_write_a_runs_staging(login, employee_no):
    """The staging holds every branch's customers' savings and gains before any ranking: the batch's alone (an
    officer's session reads schema api, where no staging is; schema data is closed to them too)."""
    officer = login(employee_no)
    for statement in STAGING_STATEMENTS + tuple(x.replace("scoring_", "data.scoring_") for x in STAGING_STATEMENTS):
        with pytest.raises(DBAPIError, match="permission denied|does not exist"):
            with officer.database.session() as s:
                s.execute(text(statement))


def test_the_batch_runs_score_portfolio_as_its_own_login(db, server_url, login):
    """On a central server the batch runs as its own login in rd_batch, not as the schema's owner: every step
    of a chunked run (open, stage, finish, rank, write the list through api.replace_call_list) is within its
    grants; head office's admin may not touch the staging."""
    from retention_desktop.data import roles
    from retention_desktop.data.database import Database, create_app_engine
    from tests.support import ensure_login_role, role_password

    batch_role = roles.login_role("t_batch")  # the run's own prefix: an external server's rd_ roles are not the suite's
    ensure_login_role(server_url, batch_role, roles.group("batch"))
    url = server_url.set(database=db.url.database, username=batch_role, password=role_password(server_url, batch_role))
    batch = Database("central", url, create_app_engine(url))
    try:
        summary = portfolio_scoring.score_portfolio(batch, TEST_AS_OF, chunk_loans=300)
    finally:
        batch.engine.dispose()
    assert summary.complete and summary.chunks_scored >= 2 and summary.entries > 0
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM call_list_entries WHERE as_of = :d"),
                            {"d": TEST_AS_OF}).scalar() == summary.entries
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'batch.call_list' AND db_user = :r"),
                            {"r": batch_role}).scalar() == 1
    admin = login("E1005")
    with pytest.raises(DBAPIError, match="permission denied"):
        with admin.database.session() as s:
            s.execute(text("SELECT count(*) FROM data.scoring_candidates"))


FINGERPRINT = r"""
import datetime as dt, sys
from retention_desktop.data.database import Database, create_app_engine
from retention_desktop.data.portfolio_frames import read_reference
from retention_desktop.services.portfolio_scoring import basis_fingerprint
from retention_desktop.services.quoting import load_basis
db = Database("embedded", sys.argv[1], create_app_engine(sys.argv[1]))
as_of = dt.date.fromisoformat(sys.argv[2])
print(basis_fingerprint(load_basis(db), as_of, read_reference(db.engine, as_of)[0]))
db.engine.dispose()
"""


def test_every_machine_of_a_partitioned_run_computes_the_same_basis_fingerprint(db):
    """Parts run in other processes (other machines): the fingerprint must not follow anything a process draws
    afresh, like the string hash that orders a set (the policy's region sets). Seeds 1 and 3 order them apart."""
    import os
    import subprocess
    import sys

    url = db.url.render_as_string(hide_password=False)
    prints = {subprocess.run([sys.executable, "-c", FINGERPRINT, url, TEST_AS_OF.isoformat()], check=True, text=True,
                             capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
              for seed in ("1", "3")}
    assert len(prints) == 1 and len(next(iter(prints))) == 64


def test_labels_read_real_proposal_outcomes(db, login):
    """Finding 7 of the outside test: once any proposal exists, the outcomes read from the database leave the
    other loans' decision missing (pd.NA), and labels() crashed ("boolean value of NA is ambiguous")."""
    from tests.test_security_applications import archive_proposal

    officer = login("E1007")
    with officer.database.session() as s:
        accepted = archive_proposal(s, "L0000000001", "4.90")
    frames = read_portfolio(db.engine, TEST_AS_OF, include_switched=True)
    assert len(frames.proposal_outcomes) == 1, accepted
    switched, risky = model_training.labels(frames)
    assert len(switched) == len(risky) == len(frames.loans)
    row = frames.loans.index[frames.loans["loan_no"] == "L0000000001"][0]
    assert switched[row] == 0  # accepted: stayed with the bank


def test_a_stream_whose_connection_is_lost_ends_with_one_error(db):
    """The server gone mid-stream (killed, restarted): closing the stream says nothing more. Closing its cursor on
    the dead connection raised a second error, which Python printed to stderr with a traceback when the generator
    was collected after `score-portfolio` had already said the database could not be reached."""
    from sqlalchemy import text

    from retention_desktop.data.portfolio_frames import read_reference
    from retention_desktop.data.portfolio_stream import BookStream

    market, index_rates = read_reference(db.engine, TEST_AS_OF)
    with BookStream(db.engine, TEST_AS_OF, market, index_rates, chunk_loans=50) as stream:
        chunks = stream.chunks()
        assert next(chunks).loans > 0
        with db.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": stream._conn.get_backend_pid()})
        chunks.close()  # the cursor's CLOSE on a lost connection: not a second error


def test_two_trainings_in_the_same_second_each_record_a_version(db, monkeypatch):
    """A rerun (or a second machine) within the same second: each training gets a version of its own. The
    second-resolution version made the second one end in the database's raw "duplicate key value violates
    unique constraint" (exit 2, in English)."""
    import datetime as dt
    import types

    frozen = dt.datetime(2026, 12, 1, 8, 30, 10)
    clock = types.SimpleNamespace(datetime=types.SimpleNamespace(now=lambda *_a: frozen), date=dt.date,
                                  timedelta=dt.timedelta, timezone=dt.timezone)
    monkeypatch.setattr(model_training, "dt", clock)
    first = model_training.train_models(db, TEST_AS_OF)
    second = model_training.train_models(db, TEST_AS_OF)
    versions = {card["version"] for card in (*first.values(), *second.values())}
    assert len(versions) == 4
