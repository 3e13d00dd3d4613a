"""The portfolio as pandas frames, read with COPY (a million loans in seconds), for training the models.

Scoring streams the book instead (``portfolio_stream``). Rates arrive as whole 0.0001 % (``annual_rate_e4``,
``prepayment_fee_e4``): the server multiplies the exact NUMERIC, the client never parses rate texts.
"""

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


def _query(engine: Engine, sql: str, dates: tuple[str, ...] = ()) -> pd.DataFrame:
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            buf = io.StringIO()
            cur.copy_expert(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)", buf)
        buf.seek(0)
        header = buf.readline()
        buf.seek(0)
        # the market's and the indexes' few rates stay exact texts (read as Decimal or float by their users)
        texts = {c: "string" for c in ("annual_rate_pct",) if c in header.strip().split(",")}
        return pd.read_csv(buf, parse_dates=list(dates), dtype=texts, dtype_backend="numpy_nullable",
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
        SELECT id, loan_no, customer_id, branch_id, officer_id, kind, principal, balance,
               (annual_rate_pct * 10000)::bigint AS annual_rate_e4, rate_type, fixed_period_months, index_name,
               repayment_method, term_months, drawdown_date, maturity_date, credit_score_at_drawdown,
               (prepayment_fee_pct * 10000)::bigint AS prepayment_fee_e4, status, closed_on, closed_reason, collateral_value,
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
        SELECT customer_id, lender_sector, kind, balance, (annual_rate_pct * 10000)::bigint AS annual_rate_e4,
               remaining_months, repayment_method, credit_limit FROM external_debts ORDER BY customer_id, id""")
    debts = debts_of(external)
    market, index_rates = read_reference(engine, as_of)
    outcomes = _query(engine, "SELECT loan_id, decision FROM proposals WHERE decision <> 'none'")
    return PortfolioFrames(as_of, loans, customers, scores, late, debts, external, market, index_rates, outcomes)


def debts_of(external: pd.DataFrame) -> pd.DataFrame:
    """Per customer: how many external debts, and the card-loan balance (model features)."""
    return (external.assign(card=external["balance"].where(external["kind"] == "card_loan", 0))
            .groupby("customer_id", as_index=False)
            .agg(external_debt_count=("kind", "size"), card_debt=("card", "sum")))


def read_reference(engine: Engine, as_of: dt.date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The market's disclosed offers and the index rates published on or before ``as_of`` (small tables)."""
    market = _query(engine, "SELECT lender, loan_kind, credit_score_min, credit_score_max, annual_rate_pct, fees, "
                            "as_of FROM market_offers ORDER BY id", ("as_of",))
    index_rates = _query(engine, f"SELECT index_name, rate_date, annual_rate_pct FROM index_rates "
                                 f"WHERE rate_date <= DATE '{as_of.isoformat()}' ORDER BY index_name, rate_date",
                         ("rate_date",))
    return market, index_rates
