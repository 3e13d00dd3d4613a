"""Score the whole book and hand each branch its dated call list (``score-portfolio``).

For every active loan the engine's advice (``domain/portfolio_advice.py``, the single quote's rule on the
whole book): keep, renegotiate, re-loan or let the customer switch, at which rate, what it is worth to the
bank and what it saves the customer. A loan is worth a call only when an available action raises the
bank's expected value over keeping the loan as it is; each branch gets its top loans by that gain, with
the action, its eligibility, the customer's saving and the facts an officer can act on, written to
``call_list_entries`` for the date (re-running a date replaces its list) and optionally to Excel.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import text

from retention_desktop.data.database import Database
from retention_desktop.data.portfolio_frames import PortfolioFrames, read_portfolio
from retention_desktop.domain.advice import ACTIONS, BANK_ACTIONS, signal_texts
from retention_desktop.domain.labels import LOAN_KIND, RETENTION_ACTION
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.portfolio_advice import Book, advise_book, customer_dsr as book_customer_dsr
from retention_desktop.domain.pricing import PricingRules
from retention_desktop.services import model_training, workbook
from retention_desktop.services.quoting import load_basis

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScoringSummary:
    as_of: dt.date
    loans_scored: int
    entries: int
    branches: int
    switching_model: str
    excel: Path | None
    actions: dict[str, int] = field(default_factory=dict)  # recommended action → loans, over the whole book
    listed_actions: dict[str, int] = field(default_factory=dict)  # the same over the call-list entries
    violations: dict[str, int] = field(default_factory=dict)  # must all be 0 (tested, benchmarked)


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
    """The advice for every active loan (one row per loan, ``portfolio_advice.advise_book``)."""
    progress(_progress_bar(0.15, "features"))
    x = features if features is not None else model_training.features_of(frames, policy)
    return advise_book(book_of(frames, x), policy, basis.rules_on(as_of), basis.models, basis.index_rates_on(as_of),
                       basis.products, lambda label: progress(_progress_bar(0.5, label)))


def call_list(scored: pd.DataFrame, as_of: dt.date, rules: PricingRules, policy: Policy) -> pd.DataFrame:
    """Each branch's loans worth a call: a bank action that raises the expected value, ranked by that gain."""
    gain = scored["expected_value"] - scored["expected_value_keep"]
    worth = scored[scored["action"].isin(BANK_ACTIONS) & (gain > 0)].assign(expected_value_gain=gain)
    top = (worth.sort_values(["branch_id", "expected_value_gain", "loan_id"], ascending=[True, False, True])
           .groupby("branch_id", group_keys=False).head(rules.call_list_size_per_branch).copy())
    top["branch_rank"] = top.groupby("branch_id").cumcount() + 1
    reasons, eligibility = [], []
    for row in top.itertuples():
        reasons.append(signal_texts(
            current_rate_pct=Decimal(int(row.current_bp)) / 100,
            market_rate_pct=None if np.isnan(row.market_rate_pct) else Decimal(repr(row.market_rate_pct)),
            as_of=as_of, fee_window_ends_on=row.fee_window_ends_on.date() if pd.notna(row.fee_window_ends_on) else None,
            switch_allowed_from=row.switch_eligible_from.date() if pd.notna(row.switch_eligible_from) else None,
            score_change=int(row.score_change), score_threshold=rules.rate_cut_score_improvement,
            rate_cut_right=bool(row.rate_cut_right), notice_days=rules.fee_window_notice_days)
            or ["금리 인하 시 은행 기대가치 증가"])
        eligibility.append(eligibility_text(row, policy))
    top["reasons"] = reasons
    top["eligibility"] = eligibility
    return top


def eligibility_text(row, policy: Policy) -> str:
    """Why the listed action is available, in one line with its figures."""
    if row.action == "renegotiation":
        return "가능 (DSR 재심사 없음)" if not policy.renegotiation.dsr_retest else "가능"
    if row.reloan_dsr_exempt:
        return "가능 (차주단위 DSR 비대상)"
    label = "스트레스 DSR" if row.reloan_stressed else "DSR"
    return f"가능 ({label} {Decimal(int(row.reloan_dsr_hundredths)) / 100}% / {policy.dsr_cap_pct_bank}%)"


def _bp_text(bp: pd.Series) -> pd.Series:
    return bp.map(lambda v: str((Decimal(int(v)) / 100).quantize(Decimal("0.01"))))


def write_call_list(db: Database, as_of: dt.date, entries: pd.DataFrame, model_version: str) -> None:
    out = pd.DataFrame({
        "as_of": as_of.isoformat(), "branch_id": entries["branch_id"], "officer_id": entries["officer_id"],
        "loan_id": entries["loan_id"], "customer_id": entries["customer_id"], "branch_rank": entries["branch_rank"],
        "switching_probability": entries["switching_probability"].map(lambda p: f"{p:.4f}"),
        "value_at_risk": np.floor(entries["balance"] * entries["margin_bp"] / 10_000
                                  * np.minimum(entries["remaining_months"] / 12, 5)).astype(np.int64),
        "recommended_rate_pct": _bp_text(entries["recommended_bp"]), "current_rate_pct": _bp_text(entries["current_bp"]),
        "rate_cut_right": entries["rate_cut_right"],
        "fee_window_ends_on": entries["fee_window_ends_on"].where(entries["fee_window_ends_on"] > pd.Timestamp(as_of))
        .dt.strftime("%Y-%m-%d"),
        "switch_eligible_from": entries["switch_eligible_from"].where(
            entries["switch_eligible_from"] > pd.Timestamp(as_of)).dt.strftime("%Y-%m-%d"),
        "reasons": entries["reasons"].map(lambda r: json.dumps(r, ensure_ascii=False)),
        "model_version": model_version, "action": entries["action"], "expected_value": entries["expected_value"],
        "expected_value_gain": entries["expected_value_gain"], "eligibility": entries["eligibility"],
        "customer_saving": entries["customer_saving"], "customer_monthly_saving": entries["customer_monthly_saving"],
    })
    buf = io.StringIO()
    out.to_csv(buf, index=False, header=False)
    buf.seek(0)
    raw = db.engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute("DELETE FROM call_list_entries WHERE as_of = %s", (as_of,))
            cur.copy_expert(f"COPY call_list_entries ({', '.join(out.columns)}) FROM STDIN WITH (FORMAT csv)", buf)
        raw.commit()
    except Exception:
        raw.rollback()
        raise
    finally:
        raw.close()


def export_excel(db: Database, as_of: dt.date, path: Path) -> None:
    with db.engine.connect() as conn:
        frame = pd.read_sql(text("""
            SELECT b.name AS 지점, e.branch_rank AS 순위, o.name AS 담당자, c.customer_no AS 고객번호,
                   c.name AS 고객명, l.loan_no AS 대출번호, l.kind AS 대출종류, l.balance AS 잔액,
                   e.action AS 권고, e.current_rate_pct AS 현재금리, e.recommended_rate_pct AS 제안금리,
                   e.expected_value_gain AS 기대가치증가, e.customer_saving AS 고객절감,
                   e.customer_monthly_saving AS 월절감, e.eligibility AS 가능여부,
                   e.switching_probability AS 이탈확률, e.rate_cut_right AS 금리인하요구권,
                   e.fee_window_ends_on AS 수수료면제일, e.switch_eligible_from AS 대환가능일, e.reasons AS 사유
            FROM call_list_entries e JOIN branches b ON b.id = e.branch_id JOIN loans l ON l.id = e.loan_id
            JOIN customers c ON c.id = e.customer_id LEFT JOIN officers o ON o.id = e.officer_id
            WHERE e.as_of = :as_of ORDER BY b.code, e.branch_rank"""), conn, params={"as_of": as_of})
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


def score_portfolio(db: Database, as_of: dt.date, excel: Path | None = None,
                    progress: Callable[[str], None] = lambda _m: None) -> ScoringSummary:
    basis = load_basis(db)
    if not model_training.trained_kinds(db):
        progress("no trained models yet: training them first (a kind the history cannot teach keeps its prior)")
        model_training.train_models(db, as_of, progress)
        basis = load_basis(db)
    policy = basis.policy(as_of)
    rules = basis.rules_on(as_of)
    progress(_progress_bar(0.0, "reading the portfolio"))
    frames = read_portfolio(db.engine, as_of)
    scored = score(frames, policy, basis, as_of, progress)
    progress(_progress_bar(0.85, "call lists"))
    entries = call_list(scored, as_of, rules, policy)
    model_version = basis.models["switching"].version if "switching" in basis.models else "prior"
    write_call_list(db, as_of, entries, model_version)
    if excel is not None:
        progress(_progress_bar(0.95, f"Excel {excel}"))
        export_excel(db, as_of, excel)
    progress(_progress_bar(1.0, "done"))
    counts = scored["action"].value_counts()
    listed = entries["action"].value_counts()
    return ScoringSummary(as_of, len(scored), len(entries), entries["branch_id"].nunique(), model_version, excel,
                          {a: int(counts.get(a, 0)) for a in ACTIONS}, {a: int(listed.get(a, 0)) for a in BANK_ACTIONS},
                          violations(scored, entries))
