"""Score the whole book for switching risk and hand each branch its dated call list (``score-portfolio``).

For every active loan: the switching and risk models' probabilities, the personalised re-loan rate
(the same pricing search as a single quote, vectorised), the value at risk (margin × balance ×
expected life), the rate-cut right (score improved since drawdown), the end of the prepayment-fee
window and the date from which a switch is allowed. Priority = P(switch) × value at risk; each
branch gets its top loans, in order, written to ``call_list_entries`` for the date (re-running a
date replaces its list) and optionally to Excel.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from retention_desktop.data import api_calls
from retention_desktop.data.database import Database
from retention_desktop.data.portfolio_frames import PortfolioFrames, rate_e4, read_portfolio
from retention_desktop.domain.features import SWITCHING_FEATURES
from retention_desktop.domain.fees import add_months_array, months_between_array
from retention_desktop.domain.labels import LOAN_KIND
from retention_desktop.domain.personal_quote import DEFAULT_INDEX
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.portfolio_limits import annual_debt_service
from retention_desktop.domain.portfolio_schedules import METHOD_CODES
from retention_desktop.domain.pricing import PricingRules, optimal_rates
from retention_desktop.domain.propensity import LogisticModel
from retention_desktop.services import model_training
from retention_desktop.services.quoting import load_basis

log = logging.getLogger(__name__)
CHUNK = 50_000


@dataclass(frozen=True)
class ScoringSummary:
    as_of: dt.date
    loans_scored: int
    entries: int
    branches: int
    switching_model: str
    excel: Path | None


def _progress_bar(fraction: float, label: str) -> str:
    filled = int(round(fraction * 30))
    return f"[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%} {label}"


def _dsr_surcharge_e4(dsr_hundredths: np.ndarray, rules: PricingRules) -> np.ndarray:
    """``rules.dsr_surcharge_pct`` for DSRs given in exact hundredths of a percent."""
    out = np.zeros(len(dsr_hundredths), dtype=np.int64)
    assigned = np.zeros(len(dsr_hundredths), dtype=bool)
    for band in rules.dsr_surcharge:
        hit = ~assigned if band.upto is None else ~assigned & (dsr_hundredths < band.upto * 100)
        out[hit] = _e4(band.value)
        assigned |= hit
    return out


def _e4(pct: Decimal) -> int:
    return int(Decimal(pct) * 10_000)


def _per_kind(kind: np.ndarray, table) -> np.ndarray:
    lookup = {k: _e4(v) for k, v in table.items()}
    return np.array([lookup[k] for k in kind], dtype=np.int64)


def _risk_e4(score: np.ndarray, kind: np.ndarray, rules: PricingRules) -> np.ndarray:
    """``rules.risk_spread_pct`` for every loan, from a table of its distinct (band, kind) values."""
    edges = [b.upto for b in rules.risk_spread_by_score if b.upto is not None]
    band = np.searchsorted(np.array(edges), score, side="left")  # index of the first bound >= score
    representative = edges + [edges[-1] + 1]
    table = {(i, k): _e4(rules.risk_spread_pct(representative[i], k))
             for i in range(len(representative)) for k in set(kind)}
    return np.array([table[(b, k)] for b, k in zip(band, kind)], dtype=np.int64)


def customer_dsr(frames: PortfolioFrames, policy: Policy) -> pd.Series:
    """DSR (%) per customer over our active loans and the bureau's external debts."""
    loans, ext = frames.loans, frames.external_debts
    held = months_between_array(loans["drawdown_date"].to_numpy(), frames.as_of)
    ours = annual_debt_service(
        loans["kind"].to_numpy(), loans["balance"].to_numpy(dtype=np.int64),
        np.where(loans["kind"] == "overdraft", loans["principal"], 0), rate_e4(loans["annual_rate_pct"]).to_numpy(),
        np.maximum(loans["term_months"].to_numpy() - held, 1), loans["repayment_method"].map(METHOD_CODES).to_numpy(),
        policy)
    theirs = annual_debt_service(
        ext["kind"].to_numpy(), ext["balance"].to_numpy(dtype=np.int64),
        ext["credit_limit"].fillna(0).to_numpy(dtype=np.int64), rate_e4(ext["annual_rate_pct"]).to_numpy(),
        ext["remaining_months"].to_numpy(), ext["repayment_method"].map(METHOD_CODES).to_numpy(), policy)
    service = pd.concat([pd.Series(ours, index=loans["customer_id"].to_numpy()),
                         pd.Series(theirs, index=ext["customer_id"].to_numpy())]).groupby(level=0).sum()
    income = frames.customers.set_index("id")["annual_income"].to_numpy(dtype=np.int64)
    total = service.reindex(frames.customers["id"]).fillna(0).to_numpy(dtype=np.int64)
    # hundredths of a percent, rounded half-even in integers exactly as limits.dsr_pct rounds its Decimal
    quotient, remainder = np.divmod(total * 10_000, np.maximum(income, 1))
    twice = 2 * remainder
    up = (twice > np.maximum(income, 1)) | ((twice == np.maximum(income, 1)) & (quotient % 2 == 1))
    hundredths = np.where(income > 0, quotient + up, 99_999)
    return pd.Series(hundredths, index=frames.customers["id"].to_numpy(), name="dsr_hundredths")


def score(frames: PortfolioFrames, policy: Policy, rules: PricingRules, models: dict[str, LogisticModel],
          index_rates: dict[str, Decimal], progress: Callable[[str], None],
          features: pd.DataFrame | None = None) -> pd.DataFrame:
    loans = frames.loans.reset_index(drop=True)
    progress(_progress_bar(0.15, "features"))
    x = (features if features is not None else model_training.features_of(frames)).reindex(loans["id"])
    switching, risk = models["switching"], models["risk"]
    p_switch = switching.predict(switching.matrix(x))
    p_default = risk.predict(risk.matrix(x))
    progress(_progress_bar(0.35, "DSR"))
    dsr_hundredths = customer_dsr(frames, policy).reindex(loans["customer_id"]).to_numpy(dtype=np.int64)
    kind = loans["kind"].to_numpy()
    # Every component in whole 0.0001 % (e4), exactly as the single-quote pricing adds its Decimals.
    index_name = loans["index_name"].fillna(loans["kind"].map(DEFAULT_INDEX)).to_numpy()
    index_e4 = np.array([_e4(index_rates[i]) for i in index_name], dtype=np.int64)
    liquidity_e4 = _per_kind(kind, rules.liquidity_premium_pct)
    cost_e4 = _per_kind(kind, rules.cost_pct)
    score_now = x["credit_score"].to_numpy()
    risk_e4 = _risk_e4(score_now, kind, rules)
    dsr_e4 = _dsr_surcharge_e4(dsr_hundredths, rules)
    salary = frames.customers.set_index("id")["salary_transfer"].reindex(loans["customer_id"]).fillna(False)
    since = frames.customers.set_index("id")["created_on"].reindex(loans["customer_id"])
    # whole years as the single quote counts them (offer_comparison: months_between // 12)
    tenure = months_between_array(since.to_numpy(), frames.as_of) // 12 >= rules.tenure_discount_years
    discount_e4 = (salary.to_numpy(dtype=bool) * _e4(rules.salary_transfer_discount_pct)
                   + tenure * _e4(rules.tenure_discount_pct))
    base_e4 = index_e4 + liquidity_e4 + risk_e4 + dsr_e4 + cost_e4
    floor_bp = -((-(base_e4 + _e4(rules.min_margin_pct))) // 100)  # ceiling: never below the floor
    list_bp = (base_e4 + _e4(rules.target_margin_pct) - discount_e4) // 100
    current_bp = (rate_e4(loans["annual_rate_pct"]).to_numpy() // 100).astype(np.int64)
    upper_bp = np.maximum(np.minimum(list_bp, current_bp), floor_bp)
    index_bp = index_e4 / 100
    liquidity_bp, cost_bp = liquidity_e4 / 100, cost_e4 / 100
    held = months_between_array(loans["drawdown_date"].to_numpy(), frames.as_of)
    remaining = np.maximum(loans["term_months"].to_numpy() - held, 1)
    life = np.minimum(remaining / 12, rules.max_life_years)
    lgd_pct = _per_kind(kind, rules.loss_given_default_pct) / 10_000
    el_pct = p_default * lgd_pct  # expected loss, %p a year
    balance = loans["balance"].to_numpy(dtype=np.float64)
    fund_cost_bp = index_bp + liquidity_bp + cost_bp
    rate_bp = np.empty(len(loans), dtype=np.int64)
    p_retain = np.empty(len(loans))
    for start in range(0, len(loans), CHUNK):
        part = slice(start, start + CHUNK)
        rate_bp[part], p_retain[part], _ = optimal_rates(
            floor_bp[part], upper_bp[part], current_bp[part], fund_cost_bp[part], el_pct[part] * 100, p_switch[part],
            balance[part], life[part], float(rules.price_sensitivity_per_pct))
        progress(_progress_bar(0.4 + 0.4 * min(start + CHUNK, len(loans)) / max(len(loans), 1), "pricing"))
    margin = np.maximum(current_bp - fund_cost_bp - el_pct * 100, 0) / 10_000
    value_at_risk = np.floor(balance * margin * life).astype(np.int64)
    drawdown = loans["drawdown_date"].to_numpy()
    fee_months = np.minimum(loans["term_months"].to_numpy(), 12 * policy.prepayment_fee_max_years)
    fee_end = pd.Series(add_months_array(drawdown, fee_months))
    six = pd.Series(add_months_array(drawdown, np.full(len(loans), policy.mortgage_switch_min_months)))
    asof = pd.Timestamp(frames.as_of)
    at_drawdown = loans["credit_score_at_drawdown"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
    return pd.DataFrame({
        "loan_id": loans["id"], "customer_id": loans["customer_id"], "branch_id": loans["branch_id"],
        "officer_id": loans["officer_id"], "switching_probability": np.round(p_switch, 4),
        "value_at_risk": value_at_risk, "priority": p_switch * value_at_risk,
        "recommended_bp": rate_bp, "current_bp": current_bp, "floor_bp": floor_bp, "list_bp": list_bp,
        "dsr_pct": [Decimal(int(h)) / 100 for h in dsr_hundredths], "credit_score": score_now, "index_name": index_name, "salary_transfer": salary.to_numpy(bool),
        "tenure_discount": tenure, "default_probability": p_default, "remaining_months": remaining,
        "rate_cut_right": (score_now - at_drawdown) >= rules.rate_cut_score_improvement,
        "fee_window_ends_on": fee_end.where(fee_end > asof),
        "switch_eligible_from": six.where((loans["kind"] == "mortgage") & (six > asof)),
    })


def call_list(scored: pd.DataFrame, features: pd.DataFrame, as_of: dt.date, rules: PricingRules,
              model: LogisticModel) -> pd.DataFrame:
    top = (scored.sort_values(["branch_id", "priority", "loan_id"], ascending=[True, False, True])
           .groupby("branch_id", group_keys=False).head(rules.call_list_size_per_branch).copy())
    top["branch_rank"] = top.groupby("branch_id").cumcount() + 1
    features = features.reindex(top["loan_id"])
    notice = pd.Timedelta(days=rules.fee_window_notice_days)
    reasons = []
    for row, (_, feat) in zip(top.itertuples(), features.iterrows()):
        texts = model.reasons({f: feat[f] for f in SWITCHING_FEATURES}, top=2)
        if row.rate_cut_right:
            texts.append("신용점수 상승으로 금리인하요구권 대상")
        if pd.notna(row.fee_window_ends_on) and row.fee_window_ends_on - pd.Timestamp(as_of) <= notice:
            texts.append(f"중도상환수수료 면제 {row.fee_window_ends_on:%Y.%m.%d}부터")
        if pd.notna(row.switch_eligible_from):
            texts.append(f"대환 가능일 {row.switch_eligible_from:%Y.%m.%d}")
        reasons.append(texts)
    top["reasons"] = reasons
    return top


def _bp_text(bp: pd.Series) -> pd.Series:
    return bp.map(lambda v: str((Decimal(int(v)) / 100).quantize(Decimal("0.01"))))


def write_call_list(db: Database, as_of: dt.date, entries: pd.DataFrame, model_version: str) -> None:
    import json

    out = pd.DataFrame({
        "as_of": as_of.isoformat(), "branch_id": entries["branch_id"], "officer_id": entries["officer_id"],
        "loan_id": entries["loan_id"], "customer_id": entries["customer_id"], "branch_rank": entries["branch_rank"],
        "switching_probability": entries["switching_probability"].map(lambda p: f"{p:.4f}"),
        "value_at_risk": entries["value_at_risk"], "recommended_rate_pct": _bp_text(entries["recommended_bp"]),
        "current_rate_pct": _bp_text(entries["current_bp"]), "rate_cut_right": entries["rate_cut_right"],
        "fee_window_ends_on": entries["fee_window_ends_on"].dt.strftime("%Y-%m-%d"),
        "switch_eligible_from": entries["switch_eligible_from"].dt.strftime("%Y-%m-%d"),
        "reasons": entries["reasons"].map(lambda r: json.dumps(r, ensure_ascii=False)),
        "model_version": model_version,
    })
    # stored by the batch's function (rd_batch): the day's list replaced in one transaction, recorded
    records = json.loads(out.drop(columns=["reasons"]).to_json(orient="records"))
    for record, reasons in zip(records, entries["reasons"]):
        record["reasons"] = list(reasons)
    with db.session() as s:
        api_calls.scalar(s, "replace_call_list", as_of, records)


EXPORT_COLUMNS = ["branch_code", "branch_name", "branch_rank", "officer_name", "customer_no", "customer_name", "loan_no",
                  "kind", "balance", "current_rate_pct", "recommended_rate_pct", "switching_probability",
                  "value_at_risk", "rate_cut_right", "fee_window_ends_on", "switch_eligible_from", "reasons"]


def export_excel(db: Database, as_of: dt.date, path: Path) -> None:
    """The call list with the customers' names: only through the database's export function, which limits it to
    the caller's scope (an officer: their branch; the batch: every branch) and records it."""
    ticket = api_calls.recorded(db, "call_list.export", as_of.isoformat())  # recorded before the names leave
    with db.session() as s:
        rows = api_calls.rows(s, "call_list_export", ticket)
    frame = pd.DataFrame(rows, columns=EXPORT_COLUMNS).rename(columns={
        "branch_name": "지점", "branch_rank": "순위", "officer_name": "담당자", "customer_no": "고객번호",
        "customer_name": "고객명", "loan_no": "대출번호", "kind": "대출종류", "balance": "잔액",
        "current_rate_pct": "현재금리", "recommended_rate_pct": "제안금리", "switching_probability": "이탈확률",
        "value_at_risk": "위험가치", "rate_cut_right": "금리인하요구권", "fee_window_ends_on": "수수료면제일",
        "switch_eligible_from": "대환가능일", "reasons": "사유"}).drop(columns=["branch_code"])
    frame["사유"] = frame["사유"].map(lambda r: " · ".join(r))
    frame["대출종류"] = frame["대출종류"].map(LOAN_KIND)
    for column in ("현재금리", "제안금리", "이탈확률"):
        frame[column] = frame[column].astype(str)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=f"콜리스트 {as_of:%Y-%m-%d}", index=False)


def score_portfolio(db: Database, as_of: dt.date, excel: Path | None = None,
                    progress: Callable[[str], None] = lambda _m: None) -> ScoringSummary:
    basis = load_basis(db)
    if {"switching", "risk"} - set(basis.models):
        progress("no trained models yet: training them first")
        model_training.train_models(db, as_of, progress)
        basis = load_basis(db)
    policy = basis.policy(as_of)
    rules = basis.rules_on(as_of)
    index_rates = basis.index_rates_on(as_of)
    progress(_progress_bar(0.0, "reading the portfolio"))
    frames = read_portfolio(db.engine, as_of)
    features = model_training.features_of(frames)
    scored = score(frames, policy, rules, basis.models, index_rates, progress, features)
    progress(_progress_bar(0.85, "call lists"))
    entries = call_list(scored, features, as_of, rules, basis.models["switching"])
    write_call_list(db, as_of, entries, basis.models["switching"].version)
    if excel is not None:
        progress(_progress_bar(0.95, f"Excel {excel}"))
        export_excel(db, as_of, excel)
    progress(_progress_bar(1.0, "done"))
    return ScoringSummary(as_of, len(scored), len(entries), entries["branch_id"].nunique(),
                          basis.models["switching"].version, excel)

