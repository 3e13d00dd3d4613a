"""The portfolio as pandas frames, read with COPY (a million loans in seconds), for models and batch scoring."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

ACTIVE = "status = 'active'"


@dataclass
class PortfolioFrames:
    as_of: dt.date
    loans: pd.DataFrame
    customers: pd.DataFrame
    latest_scores: pd.DataFrame
    late_counts: pd.DataFrame
    debts: pd.DataFrame
    external_debts: pd.DataFrame
    market_offers: pd.DataFrame
    index_rates: pd.DataFrame
    proposal_outcomes: pd.DataFrame


RATE_COLUMNS = ("annual_rate_pct", "prepayment_fee_pct")


def rate_e4(texts: pd.Series) -> pd.Series:
    """Exact NUMERIC rate texts ('5.2000') to whole 0.0001 % (52000), without passing through a float."""
    parts = texts.astype("string").str.split(".", n=1, expand=True)
    whole = parts[0].astype("int64")
    frac = (parts[1].fillna("") if 1 in parts else pd.Series("", index=texts.index)).str.ljust(4, "0").str[:4]
    return whole * 10_000 + frac.astype("int64")


def _query(engine: Engine, sql: str, dates: tuple[str, ...] = ()) -> pd.DataFrame:
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            buf = io.StringIO()
            cur.copy_expert(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)", buf)
        buf.seek(0)
        header = buf.readline()
        buf.seek(0)
        rates = {c: "string" for c in RATE_COLUMNS if c in header.strip().split(",")}
        return pd.read_csv(buf, parse_dates=list(dates), dtype=rates, dtype_backend="numpy_nullable",
                           true_values=["t"], false_values=["f"])
    finally:
        raw.rollback()
        raw.close()


def read_portfolio(engine: Engine, as_of: dt.date, include_switched: bool = False) -> PortfolioFrames:
    """Active loans (and, for training, loans switched away in the year before ``as_of``) with what describes them."""
    day = as_of.isoformat()
    scope = ACTIVE
    if include_switched:
        scope = (f"({ACTIVE} OR (closed_reason = 'switched_away' AND closed_on > DATE '{day}' - 365 "
                 f"AND closed_on <= DATE '{day}'))")
    loans = _query(engine, f"""
        SELECT id, loan_no, customer_id, branch_id, officer_id, kind, principal, balance, annual_rate_pct, rate_type,
               fixed_period_months, index_name, repayment_method, term_months, drawdown_date, maturity_date,
               credit_score_at_drawdown, prepayment_fee_pct, status, closed_on, closed_reason, collateral_value,
               collateral_region
        FROM loans WHERE {scope} AND drawdown_date <= DATE '{day}' ORDER BY id""",
                   ("drawdown_date", "maturity_date", "closed_on"))
    customers = _query(engine, """
        SELECT c.id, c.customer_no, c.birth_date, c.annual_income, c.salary_transfer, c.employment_type,
               c.home_branch_id, c.created_on, b.region
        FROM customers c JOIN branches b ON b.id = c.home_branch_id ORDER BY c.id""", ("birth_date", "created_on"))
    scores = _query(engine, f"""
        SELECT DISTINCT ON (customer_id) customer_id, score FROM credit_scores
        WHERE scored_on <= DATE '{day}' ORDER BY customer_id, scored_on DESC""")
    late = _query(engine, f"""
        SELECT loan_id, count(*) FILTER (WHERE days_late > 0) AS late_payments_12m,
               max(days_late) AS max_days_late_12m
        FROM repayments WHERE due_date > DATE '{day}' - 365 AND due_date <= DATE '{day}' GROUP BY loan_id""")
    external = _query(engine, """
        SELECT customer_id, lender_sector, kind, balance, annual_rate_pct, remaining_months, repayment_method,
               credit_limit FROM external_debts ORDER BY customer_id, id""")
    debts = (external.assign(card=external["balance"].where(external["kind"] == "card_loan", 0))
             .groupby("customer_id", as_index=False)
             .agg(external_debt_count=("kind", "size"), card_debt=("card", "sum")))
    market = _query(engine, "SELECT lender, loan_kind, credit_score_min, credit_score_max, annual_rate_pct, fees, "
                            "as_of FROM market_offers", ("as_of",))
    index_rates = _query(engine, f"SELECT index_name, rate_date, annual_rate_pct FROM index_rates "
                                 f"WHERE rate_date <= DATE '{day}' ORDER BY index_name, rate_date", ("rate_date",))
    outcomes = _query(engine, "SELECT loan_id, decision FROM proposals WHERE decision <> 'none'")
    return PortfolioFrames(as_of, loans, customers, scores, late, debts, external, market, index_rates, outcomes)
