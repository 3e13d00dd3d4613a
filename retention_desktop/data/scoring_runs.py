"""A scoring run's staging in the database: resumable, shared by partitions, ranked set-wise at the end.

A run (``scoring_runs``) belongs to a date and a number of parts. Each part scores its customers chunk by
chunk; a chunk's loans worth a call (``scoring_candidates``) and its counts (``scoring_chunks``: how many
loans, which actions, what advice must never do) are stored in one transaction with the last customer it
covered, so an interrupted part resumes after that customer and nothing is scored twice. When every part is
in, the ranking is one window over the candidates (each branch's top loans by the gain in expected value),
whatever machine scored them: a resumed or partitioned run lists exactly what a single run lists.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass

import pandas as pd

from retention_desktop.data.database import Database
from retention_desktop.domain.errors import UserError

CANDIDATE_COLUMNS = (
    "loan_id", "customer_id", "branch_id", "officer_id", "action", "expected_value", "expected_value_gain",
    "recommended_bp", "current_bp", "renegotiation_ok", "reloan_ok", "customer_saving", "customer_monthly_saving",
    "switching_probability", "value_at_risk", "rate_cut_right", "fee_window_ends_on", "switch_eligible_from",
    "market_rate_pct", "score_change", "reloan_dsr_exempt", "reloan_stressed", "reloan_dsr_hundredths")


class RunConflict(UserError):
    """The open run of the date cannot be continued as asked (other parts, another basis, finished elsewhere)."""


@dataclass(frozen=True)
class PartState:
    run_id: int
    after_customer: int  # the last customer this part has scored (0: none yet)
    chunks: int
    loans: int
    done: bool
    resumed: bool


def open_part(db: Database, as_of: dt.date, index: int, count: int, fingerprint: str, model_version: str,
              restart: bool) -> PartState:
    """The open run of ``as_of`` in ``count`` parts (created if there is none, or if ``restart``) and where part
    ``index`` stands in it. Raises ``RunConflict`` when an open run has another number of parts or was begun on
    another basis (models, rules, policy, products, rates): ``--restart`` discards it."""
    with db.session() as s:
        conn = s.connection().connection.driver_connection
        with conn.cursor() as cur:
            cur.execute("LOCK TABLE scoring_runs IN SHARE ROW EXCLUSIVE MODE")  # one opener at a time
            if restart:
                cur.execute("DELETE FROM scoring_runs WHERE as_of = %s AND finished_at IS NULL", (as_of,))
            cur.execute("SELECT id, parts, basis_fingerprint FROM scoring_runs WHERE as_of = %s AND finished_at IS NULL",
                        (as_of,))
            row = cur.fetchone()
            if row is not None and row[1] != count:
                raise RunConflict("{day}의 점수 산출이 {parts}개 파트로 진행 중입니다. 같은 --partition k/{parts}로 이어서 "
                                  "하거나 --restart로 처음부터 다시 하세요.", day=as_of.isoformat(), parts=row[1])
            if row is not None and row[2] != fingerprint:
                raise RunConflict("{day}의 점수 산출이 시작된 뒤 모델·가격 규칙·정책·상품·금리가 바뀌었습니다. --restart로 "
                                  "처음부터 다시 하세요.", day=as_of.isoformat())
            if row is None:
                cur.execute("INSERT INTO scoring_runs (as_of, parts, basis_fingerprint, model_version) "
                            "VALUES (%s, %s, %s, %s) RETURNING id", (as_of, count, fingerprint, model_version))
                run_id, resumed = cur.fetchone()[0], False
            else:
                run_id, resumed = row[0], True
            state = _part_state(cur, run_id, index)
    return PartState(run_id, *state, resumed=resumed and state[1] > 0)


_NEXT_CHUNK = ("WITH next AS (SELECT coalesce(max(seq), 0) + 1 AS seq FROM scoring_chunks WHERE run_id = %s AND part = %s) "
               "INSERT INTO scoring_chunks (run_id, part, seq, last_customer, loans, counts, final) ")


def _part_state(cur, run_id: int, index: int) -> tuple[int, int, int, bool]:
    cur.execute("SELECT coalesce(max(last_customer), 0), count(*) FILTER (WHERE NOT final), coalesce(sum(loans), 0), "
                "coalesce(bool_or(final), false) FROM scoring_chunks WHERE run_id = %s AND part = %s", (run_id, index))
    after, chunks, loans, done = cur.fetchone()
    return int(after), int(chunks), int(loans), bool(done)


def record_chunk(db: Database, run_id: int, index: int, after_customer: int, last_customer: int, loans: int,
                 counts: dict[str, int], candidates: pd.DataFrame) -> None:
    """One chunk's candidates and counts, with the customer it ends at, in one transaction. Refused (RunConflict)
    when the part has moved on meanwhile (the same part run twice at once) or the run was restarted."""
    records = json.dumps(_records(candidates))
    with db.session() as s:
        conn = s.connection().connection.driver_connection
        with conn.cursor() as cur:
            cur.execute("SELECT finished_at IS NULL FROM scoring_runs WHERE id = %s FOR UPDATE", (run_id,))
            row = cur.fetchone()
            if row is None or not row[0]:
                raise RunConflict("점수 산출 {run}이(가) 다른 곳에서 다시 시작되었거나 끝났습니다.", run=run_id)
            now, _chunks, _loans, done = _part_state(cur, run_id, index)
            if now != after_customer or done:
                raise RunConflict("파트 {part}이(가) 다른 곳에서 동시에 진행 중입니다.", part=index)
            cur.execute(_NEXT_CHUNK + "SELECT %s, %s, seq, %s, %s, %s, false FROM next",
                        (run_id, index, run_id, index, last_customer, loans, json.dumps(counts)))
            cur.execute(f"""
                INSERT INTO scoring_candidates (run_id, {', '.join(CANDIDATE_COLUMNS)})
                SELECT %s, {', '.join(CANDIDATE_COLUMNS)}
                FROM jsonb_populate_recordset(NULL::scoring_candidates, %s::jsonb)""", (run_id, records))


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain JSON values: numbers exact (Python's shortest repr of a float), dates as YYYY-MM-DD,
    missing values null."""
    columns = {}
    for name in CANDIDATE_COLUMNS:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            values = [None if pd.isna(v) else v.date().isoformat() for v in column]
        else:
            values = [None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v
                      for v in column.astype(object).tolist()]
        columns[name] = values
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


def finish_part(db: Database, run_id: int, index: int, after_customer: int) -> tuple[int, int]:
    """Mark part ``index`` complete; returns (parts complete, parts)."""
    with db.session() as s:
        conn = s.connection().connection.driver_connection
        with conn.cursor() as cur:
            cur.execute("SELECT parts FROM scoring_runs WHERE id = %s AND finished_at IS NULL FOR UPDATE", (run_id,))
            row = cur.fetchone()
            if row is None:
                raise RunConflict("점수 산출 {run}이(가) 다른 곳에서 다시 시작되었거나 끝났습니다.", run=run_id)
            now, _chunks, _loans, done = _part_state(cur, run_id, index)
            if not done:
                if now != after_customer:
                    raise RunConflict("파트 {part}이(가) 다른 곳에서 동시에 진행 중입니다.", part=index)
                cur.execute(_NEXT_CHUNK + "SELECT %s, %s, seq, %s, 0, '{}', true FROM next",
                            (run_id, index, run_id, index, now))
            cur.execute("SELECT count(DISTINCT part) FROM scoring_chunks WHERE run_id = %s AND final", (run_id,))
            return int(cur.fetchone()[0]), int(row[0])


@dataclass(frozen=True)
class RunTotals:
    loans: int
    counts: dict[str, int]


def claim_ranking(db: Database, run_id: int):
    """A transaction holding the run for its ranking (None when another process already finished it)."""
    return _Ranking(db, run_id)


class _Ranking:
    """Within one transaction: the run locked, its totals, each branch's top candidates ranked set-wise in SQL,
    then the call list written (by the caller, on ``cursor``) and the run closed with its staging removed."""

    def __init__(self, db: Database, run_id: int):
        self.db, self.run_id = db, run_id

    def __enter__(self):
        self._session = self.db.session()
        s = self._session.__enter__()
        self.cursor = s.connection().connection.driver_connection.cursor()
        self.cursor.execute("SELECT finished_at IS NULL FROM scoring_runs WHERE id = %s FOR UPDATE", (self.run_id,))
        row = self.cursor.fetchone()
        self.claimed = row is not None and row[0]
        return self

    def totals(self) -> RunTotals:
        self.cursor.execute("""
            SELECT coalesce(sum(loans), 0),
                   coalesce((SELECT jsonb_object_agg(key, total) FROM (
                       SELECT key, sum(value::bigint) AS total FROM scoring_chunks, jsonb_each_text(counts)
                       WHERE run_id = %s GROUP BY key) t), '{}')
            FROM scoring_chunks WHERE run_id = %s""", (self.run_id, self.run_id))
        loans, counts = self.cursor.fetchone()
        return RunTotals(int(loans), {k: int(v) for k, v in counts.items()})

    def ranked(self, per_branch: int) -> pd.DataFrame:
        """Each branch's ``per_branch`` candidates with the largest gain (ties: the lower loan id first)."""
        self.cursor.execute(f"""
            SELECT {', '.join(CANDIDATE_COLUMNS)}, branch_rank FROM (
                SELECT c.*, row_number() OVER (PARTITION BY branch_id ORDER BY expected_value_gain DESC, loan_id)
                       AS branch_rank
                FROM scoring_candidates c WHERE run_id = %s) ranked
            WHERE branch_rank <= %s ORDER BY branch_id, branch_rank""", (self.run_id, per_branch))
        return pd.DataFrame.from_records(self.cursor.fetchall(), columns=[*CANDIDATE_COLUMNS, "branch_rank"])

    def close_run(self, entries: int) -> None:
        self.cursor.execute("DELETE FROM scoring_candidates WHERE run_id = %s", (self.run_id,))
        self.cursor.execute("UPDATE scoring_runs SET finished_at = now(), entries = %s WHERE id = %s",
                            (entries, self.run_id))

    def __exit__(self, *exc):
        self.cursor.close()
        return self._session.__exit__(*exc)
