"""Score the whole book and hand each branch its dated call list (``score-portfolio``).

For every active loan the engine's advice (``domain/portfolio_advice.py``, the single quote's rule on the
whole book): keep, renegotiate, re-loan or let the customer switch, at which rate, what it is worth to the
bank and what it saves the customer. A loan is worth a call only when an available action raises the
bank's expected value over keeping the loan as it is; each branch gets its top loans by that gain, with
the action, its eligibility, the customer's saving and the facts an officer can act on, written to
``call_list_entries`` for the date (re-running a date replaces its list) and optionally to Excel.

At any size: the book is streamed in chunks of whole customers (``data/portfolio_stream``, memory bounded
by the chunk); each chunk's loans worth a call are staged in the database with the customer the chunk ends
at (``data/scoring_runs``), so a run interrupted at chunk k resumes there, and ``--partition k/N`` lets N
machines share a run. Ranks are per branch over the whole book, so the ranking waits for every part and
is one window query over the staged candidates: whatever the chunks, parts and interruptions, the call list
is the one a single uninterrupted run writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from retention_desktop.data import api_calls, scoring_runs
from retention_desktop.data.database import Database
from retention_desktop.data.portfolio_frames import PortfolioFrames, read_reference
from retention_desktop.data.portfolio_stream import DEFAULT_CHUNK_LOANS, BookStream, Partition
from retention_desktop.domain.sentences import say
from retention_desktop.domain.advice import ACTIONS, BANK_ACTIONS, signal_texts
from retention_desktop.domain.labels import LOAN_KIND, RETENTION_ACTION
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.portfolio_advice import Book, advise_book, customer_dsr as book_customer_dsr
from retention_desktop.domain.pricing import PricingRules
from retention_desktop.services import model_training, workbook
from retention_desktop.services.quoting import QuoteBasis, load_basis

log = logging.getLogger(__name__)

BOOK_VIOLATIONS = ("recommended_rate_at_or_above_current", "recommended_not_available", "recommended_saving_nothing")
LIST_VIOLATIONS = ("call_list_rate_at_or_above_current", "call_list_not_available", "call_list_saving_nothing")


@dataclass(frozen=True)
class ScoringSummary:
    as_of: dt.date
    loans_scored: int  # over the whole book once complete; else by this part so far
    entries: int
    branches: int
    switching_model: str
    excel: Path | None
    actions: dict[str, int] = field(default_factory=dict)  # recommended action → loans, over the whole book
    listed_actions: dict[str, int] = field(default_factory=dict)  # the same over the call-list entries
    violations: dict[str, int] = field(default_factory=dict)  # must all be 0 (tested, benchmarked)
    partition: str = "1/1"
    parts_done: int = 1
    complete: bool = True  # every part is in and the call list is written
    chunks_scored: int = 0  # by this process (a resumed part skips what was scored before)
    resumed_after_customer: int = 0


def _progress_bar(fraction: float, label: str) -> str:
    filled = int(round(fraction * 30))
    return f"[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%} {label}"


def book_of(frames: PortfolioFrames, features: pd.DataFrame) -> Book:
    return Book(frames.as_of, frames.loans, frames.customers, frames.external_debts, frames.market_offers, features)


def customer_dsr(frames: PortfolioFrames, policy: Policy) -> pd.Series:
    """DSR per customer in hundredths of a percent (what the single quote's ``request_dsr_pct`` gives × 100)."""
    return book_customer_dsr(book_of(frames, pd.DataFrame()), policy)


def score(frames: PortfolioFrames, policy: Policy, basis, as_of: dt.date,
          progress: Callable[[str], None] = lambda _m: None, features: pd.DataFrame | None = None) -> pd.DataFrame:
    """The advice for every active loan of ``frames`` (one row per loan, ``portfolio_advice.advise_book``)."""
    x = features if features is not None else model_training.features_of(frames, policy)
    return advise_book(book_of(frames, x), policy, basis.rules_on(as_of), basis.models, basis.index_rates_on(as_of),
                       basis.products, progress)


def candidates(scored: pd.DataFrame) -> pd.DataFrame:
    """The loans worth a call: a bank action that raises the expected value, with what the list shows of them."""
    gain = scored["expected_value"] - scored["expected_value_keep"]
    worth = scored[scored["action"].isin(BANK_ACTIONS) & (gain > 0)]
    return worth.assign(
        expected_value_gain=gain[worth.index],
        switching_probability=worth["switching_probability"].map(lambda p: f"{p:.4f}"),
        value_at_risk=np.floor(worth["balance"] * worth["margin_bp"] / 10_000
                               * np.minimum(worth["remaining_months"] / 12, 5)).astype(np.int64))


def chunk_counts(scored: pd.DataFrame) -> dict[str, int]:
    """What the summary adds up over the book: loans per recommended action, and what advice must never do."""
    counts = scored["action"].value_counts()
    found = violations(scored, scored.iloc[:0])
    return {**{f"action:{a}": int(counts.get(a, 0)) for a in ACTIONS}, **{k: found[k] for k in BOOK_VIOLATIONS}}


def eligibility_text(row, policy: Policy) -> str:
    """Why the listed action is available, in one line with its figures."""
    if row.action == "renegotiation":
        return say("가능 (DSR 재심사 없음)") if not policy.renegotiation.dsr_retest else say("가능")
    if row.reloan_dsr_exempt:
        return say("가능 (차주단위 DSR 비대상)")
    return say("가능 (스트레스 DSR {ratio}% / {cap}%)" if row.reloan_stressed else "가능 (DSR {ratio}% / {cap}%)",
               ratio=Decimal(int(row.reloan_dsr_hundredths)) / 100, cap=policy.dsr_cap_pct_bank)


def _bp_text(bp: int) -> str:
    return str((Decimal(int(bp)) / 100).quantize(Decimal("0.01")))


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value))


def entry_records(ranked: pd.DataFrame, as_of: dt.date, rules: PricingRules, policy: Policy,
                  model_version: str) -> list[dict]:
    """The call-list rows of the ranked candidates: the reasons an officer can act on, the eligibility in words,
    rates as exact texts, and the fee-window and switch dates only while they lie ahead."""
    records = []
    for row in ranked.itertuples(index=False):
        fee_end = None if _missing(row.fee_window_ends_on) else row.fee_window_ends_on
        switch_from = None if _missing(row.switch_eligible_from) else row.switch_eligible_from
        market = None if _missing(row.market_rate_pct) else Decimal(str(row.market_rate_pct))
        reasons = signal_texts(
            current_rate_pct=Decimal(int(row.current_bp)) / 100, market_rate_pct=market, as_of=as_of,
            fee_window_ends_on=fee_end, switch_allowed_from=switch_from, score_change=int(row.score_change),
            score_threshold=rules.rate_cut_score_improvement, rate_cut_right=bool(row.rate_cut_right),
            notice_days=rules.fee_window_notice_days,
            rate_cut_right_notice_months=policy.renegotiation.rate_cut_right_notice_months,
        ) or [say("금리 인하 시 은행 기대가치 증가")]
        records.append({
            "as_of": as_of.isoformat(), "branch_id": int(row.branch_id),
            "officer_id": None if _missing(row.officer_id) else int(row.officer_id),
            "loan_id": int(row.loan_id), "customer_id": int(row.customer_id), "branch_rank": int(row.branch_rank),
            "switching_probability": str(row.switching_probability), "value_at_risk": int(row.value_at_risk),
            "recommended_rate_pct": _bp_text(row.recommended_bp), "current_rate_pct": _bp_text(row.current_bp),
            "rate_cut_right": bool(row.rate_cut_right),
            "fee_window_ends_on": fee_end.isoformat() if fee_end is not None and fee_end > as_of else None,
            "switch_eligible_from": switch_from.isoformat() if switch_from is not None and switch_from > as_of else None,
            "reasons": reasons, "model_version": model_version, "action": row.action,
            "expected_value": int(row.expected_value), "expected_value_gain": int(row.expected_value_gain),
            "eligibility": eligibility_text(row, policy), "customer_saving": int(row.customer_saving),
            "customer_monthly_saving": int(row.customer_monthly_saving)})
    return records


def write_call_list(cur, as_of: dt.date, records: list[dict]) -> None:
    """Replace the call list of ``as_of`` (on the ranking's transaction), through the batch's function
    ``api.replace_call_list`` (rd_batch): the day's list replaced in one transaction and recorded."""
    cur.execute("SELECT api.replace_call_list(%s, %s::jsonb)", (as_of, json.dumps(records, ensure_ascii=False)))


EXPORT_COLUMNS = ["branch_code", "branch_name", "branch_rank", "officer_name", "customer_no", "customer_name", "loan_no",
                  "kind", "balance", "action", "current_rate_pct", "recommended_rate_pct", "expected_value_gain",
                  "customer_saving", "customer_monthly_saving", "eligibility", "switching_probability",
                  "rate_cut_right", "fee_window_ends_on", "switch_eligible_from", "reasons"]


def export_excel(db: Database, as_of: dt.date, path: Path) -> None:
    """The call list with the customers' names: only through the database's export function, which limits it to
    the caller's scope (an officer: their branch; the batch: every branch) and records it."""
    ticket = api_calls.recorded(db, "call_list.export", as_of.isoformat())  # recorded before the names leave
    with db.session() as s:
        rows = api_calls.rows(s, "call_list_export", ticket)
    frame = pd.DataFrame(rows, columns=EXPORT_COLUMNS).rename(columns={
        "branch_name": "지점", "branch_rank": "순위", "officer_name": "담당자", "customer_no": "고객번호",
        "customer_name": "고객명", "loan_no": "대출번호", "kind": "대출종류", "balance": "잔액", "action": "권고",
        "current_rate_pct": "현재금리", "recommended_rate_pct": "제안금리", "expected_value_gain": "기대가치증가",
        "customer_saving": "고객절감", "customer_monthly_saving": "월절감", "eligibility": "가능여부",
        "switching_probability": "이탈확률", "rate_cut_right": "금리인하요구권", "fee_window_ends_on": "수수료면제일",
        "switch_eligible_from": "대환가능일", "reasons": "사유"}).drop(columns=["branch_code"])
    frame["사유"] = frame["사유"].map(lambda r: " · ".join(r))
    frame["대출종류"] = frame["대출종류"].map(LOAN_KIND)
    frame["권고"] = frame["권고"].map(lambda a: RETENTION_ACTION.get(a, a))
    workbook.write_table(frame, path, f"콜리스트 {as_of:%Y-%m-%d}", CALL_LIST_FORMATS)


# the call list's numbers as numbers, with the format a reader expects (a column not named here is text)
CALL_LIST_FORMATS = {
    "순위": workbook.INTEGER, "잔액": workbook.WON, "현재금리": workbook.RATE_PCT, "제안금리": workbook.RATE_PCT,
    "기대가치증가": workbook.WON, "고객절감": workbook.WON, "월절감": workbook.WON, "위험가치": workbook.WON,
    "이탈확률": workbook.PROBABILITY, "수수료면제일": workbook.DATE, "대환가능일": workbook.DATE,
}


def violations(scored: pd.DataFrame, entries: pd.DataFrame) -> dict[str, int]:
    """What advice must never do, counted (all must be 0): a bank action at or above the current rate, or one not
    available; a listed entry at or above the current rate, not available, or saving the customer nothing."""
    bank = scored["action"].isin(BANK_ACTIONS)
    ok = np.where(scored["action"] == "renegotiation", scored["renegotiation_ok"],
                  np.where(scored["action"] == "reloan", scored["reloan_ok"], True))
    return {
        "recommended_rate_at_or_above_current": int((bank & (scored["recommended_bp"] >= scored["current_bp"])).sum()),
        "recommended_not_available": int((bank & ~ok).sum()),
        "recommended_saving_nothing": int((bank & (scored["customer_saving"] <= 0)).sum()),
        "call_list_rate_at_or_above_current": int((entries["recommended_bp"] >= entries["current_bp"]).sum()),
        "call_list_not_available": int((~np.where(entries["action"] == "renegotiation", entries["renegotiation_ok"],
                                                  entries["reloan_ok"])).sum()) if len(entries) else 0,
        "call_list_saving_nothing": int((entries["customer_saving"] <= 0).sum()),
    }


def basis_fingerprint(basis: QuoteBasis, as_of: dt.date, market_offers: pd.DataFrame) -> str:
    """What a run's advice depends on besides the book: a resumed or partitioned run must use the same. The same
    basis gives the same fingerprint in any process on any machine (hex SHA-256 of a canonical JSON)."""
    policy, rules = basis.policy(as_of), basis.rules_on(as_of)
    parts = (as_of, policy, rules, basis.products, sorted(basis.index_rates_on(as_of).items()),
             sorted((kind, model.version) for kind, model in basis.models.items()),
             market_offers.to_csv(index=False))
    text_ = json.dumps(_canonical(parts), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text_.encode()).hexdigest()


def _canonical(value):
    """``value`` as plain JSON data in one order whatever the process: sets and dicts sorted (a set's own order,
    and so its repr, follows the string hash, which Python seeds afresh in every process), dataclasses by field,
    Decimals and dates as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"@" + type(value).__name__: {f.name: _canonical(getattr(value, f.name))
                                             for f in dataclasses.fields(value)}}
    if isinstance(value, dict):
        return sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=_sort_key)
    if isinstance(value, (set, frozenset)):
        return {"@set": sorted((_canonical(v) for v in value), key=_sort_key)}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (Decimal, dt.date, dt.datetime)):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    raise TypeError(f"no canonical form for {type(value).__name__} in a scoring basis")


def _sort_key(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def score_portfolio(db: Database, as_of: dt.date, excel: Path | None = None,
                    progress: Callable[[str], None] = lambda _m: None, partition: Partition = Partition(),
                    restart: bool = False, chunk_loans: int = DEFAULT_CHUNK_LOANS,
                    after_chunk: Callable[[int], None] = lambda _k: None) -> ScoringSummary:
    """Score this part of the book chunk by chunk (resuming where an earlier run of it stopped), and once every
    part is in, rank and write the call list. ``after_chunk(k)`` is called after chunk k is stored."""
    basis = load_basis(db)
    if not model_training.trained_kinds(db):
        progress("no trained models yet: training them first (a kind the history cannot teach keeps its prior)")
        model_training.train_models(db, as_of, progress)
        basis = load_basis(db)
    policy = basis.policy(as_of)
    rules = basis.rules_on(as_of)
    model_version = basis.models["switching"].version if "switching" in basis.models else "prior"
    market_offers, index_rates = read_reference(db.engine, as_of)
    state = scoring_runs.open_part(db, as_of, partition.index, partition.count,
                                   basis_fingerprint(basis, as_of, market_offers), model_version, restart)
    if state.resumed:
        progress(f"resuming part {partition} of run {state.run_id} after customer {state.after_customer:,} "
                 f"({state.chunks} chunks, {state.loans:,} loans already scored)")
    after, chunks, loans = state.after_customer, state.chunks, state.loans
    scored_here = 0
    if not state.done:
        with BookStream(db.engine, as_of, market_offers, index_rates, partition, chunk_loans) as stream:
            for chunk in stream.chunks(after):
                scored = score(chunk.frames, policy, basis, as_of)
                scoring_runs.record_chunk(db, state.run_id, partition.index, after, chunk.last_customer_id,
                                          chunk.loans, chunk_counts(scored), candidates(scored))
                after, chunks, loans, scored_here = chunk.last_customer_id, chunks + 1, loans + chunk.loans, \
                    scored_here + 1
                progress(f"part {partition}: chunk {chunks} stored, {loans:,} loans scored (to customer {after:,})")
                after_chunk(chunks)
    done, parts = scoring_runs.finish_part(db, state.run_id, partition.index, after)
    if done < parts:
        progress(f"part {partition} complete; {done} of {parts} parts in: the last part to finish ranks")
        return ScoringSummary(as_of, loans, 0, 0, model_version, None, partition=str(partition), parts_done=done,
                              complete=False, chunks_scored=scored_here, resumed_after_customer=state.after_customer)
    progress(_progress_bar(0.9, "ranking the call lists"))
    with scoring_runs.claim_ranking(db, state.run_id) as ranking:
        if not ranking.claimed:
            raise scoring_runs.RunConflict("점수 산출 {run}은(는) 다른 곳에서 이미 순위를 매겨 끝냈습니다.", run=state.run_id)
        totals = ranking.totals()
        ranked = ranking.ranked(rules.call_list_size_per_branch)
        write_call_list(ranking.cursor, as_of, entry_records(ranked, as_of, rules, policy, model_version))
        ranking.close_run(len(ranked))
    if excel is not None:
        progress(_progress_bar(0.95, f"Excel {excel}"))
        export_excel(db, as_of, excel)
    progress(_progress_bar(1.0, "done"))
    listed = ranked["action"].value_counts()
    on_list = violations(ranked, ranked)
    found = {**{k: totals.counts.get(k, 0) for k in BOOK_VIOLATIONS}, **{k: on_list.get(k, 0) for k in LIST_VIOLATIONS}}
    return ScoringSummary(as_of, totals.loans, len(ranked), ranked["branch_id"].nunique(), model_version, excel,
                          {a: totals.counts.get(f"action:{a}", 0) for a in ACTIONS},
                          {a: int(listed.get(a, 0)) for a in BANK_ACTIONS}, found, partition=str(partition),
                          parts_done=done, complete=True, chunks_scored=scored_here,
                          resumed_after_customer=state.after_customer)
