"""Model features from the bank's own records, for every loan at once (pandas in, pandas out).

The same function feeds training and scoring, so the two can never drift apart.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

SWITCHING_FEATURES = ("rate_gap_pct", "score_change", "months_held", "fee_window_over", "log_principal",
                      "late_payments_12m", "external_debt_count", "age_years", "salary_transfer", "is_mortgage",
                      "is_overdraft")
RISK_FEATURES = ("credit_score", "score_change", "log_income", "card_debt_to_income", "external_debt_count",
                 "self_employed", "unemployed", "age_years")
MARKET_KIND = {"credit": "credit", "overdraft": "credit", "other_secured": "credit", "mortgage": "mortgage",
               "jeonse": "jeonse"}


def best_market_rates(market_offers: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The lowest disclosed rate per loan kind and credit band on the latest sheet on or before ``as_of``."""
    offers = market_offers[pd.to_datetime(market_offers["as_of"]) <= pd.Timestamp(as_of)]
    if offers.empty:
        return pd.DataFrame(columns=["loan_kind", "credit_score_min", "credit_score_max", "best_rate_pct"])
    latest = offers.groupby("loan_kind")["as_of"].transform("max")
    offers = offers[offers["as_of"] == latest]
    best = (offers.assign(rate=offers["annual_rate_pct"].astype("Float64").astype(float))
            .groupby(["loan_kind", "credit_score_min", "credit_score_max"], as_index=False)["rate"].min())
    return best.rename(columns={"rate": "best_rate_pct"})


def market_rate_for(best: pd.DataFrame, kinds: pd.Series, scores: pd.Series) -> np.ndarray:
    """For each loan, the best market rate for its kind and its customer's score (NaN where none)."""
    out = np.full(len(kinds), np.nan)
    market_kind = kinds.map(MARKET_KIND).to_numpy()
    score = scores.to_numpy()
    for row in best.itertuples():
        hit = (market_kind == row.loan_kind) & (score >= row.credit_score_min) & (score <= row.credit_score_max)
        out[hit] = np.fmin(out[hit], row.best_rate_pct)
    return out


def loan_features(loans: pd.DataFrame, customers: pd.DataFrame, latest_scores: pd.DataFrame,
                  late_counts: pd.DataFrame, debts: pd.DataFrame, market_offers: pd.DataFrame,
                  as_of: dt.date) -> pd.DataFrame:
    """Switching and risk features per loan (index: loan id).

    ``latest_scores``: customer_id, score. ``late_counts``: loan_id, late_payments_12m.
    ``debts``: customer_id, external_debt_count, card_debt.
    """
    frame = loans.set_index("id")
    cust = customers.set_index("id").reindex(frame["customer_id"])
    score = latest_scores.set_index("customer_id")["score"].reindex(frame["customer_id"]).to_numpy()
    debt = debts.set_index("customer_id").reindex(frame["customer_id"]).fillna(0)
    late = late_counts.set_index("loan_id")["late_payments_12m"].reindex(frame.index).fillna(0).to_numpy()
    asof = pd.Timestamp(as_of)
    drawdown = pd.to_datetime(frame["drawdown_date"])
    # a loan that has left is described as it was when it left, not as it would be today
    reference = pd.to_datetime(frame["closed_on"]).fillna(asof) if "closed_on" in frame else pd.Series(asof, frame.index)
    months_held = ((reference.dt.year - drawdown.dt.year) * 12 + (reference.dt.month - drawdown.dt.month)).to_numpy()
    term = frame["term_months"].to_numpy()
    rate = frame["annual_rate_pct"].astype("Float64").to_numpy(dtype=np.float64)  # a model input, not money
    best = best_market_rates(market_offers, as_of)
    market = market_rate_for(best, frame["kind"], pd.Series(score, index=frame.index))
    income = cust["annual_income"].to_numpy(dtype=np.float64)
    at_drawdown = frame["credit_score_at_drawdown"].astype("Float64").fillna(pd.Series(score, index=frame.index))
    employment = cust["employment_type"].to_numpy()
    return pd.DataFrame({
        "rate_gap_pct": np.where(np.isfinite(market), rate - market, 0.0),
        "score_change": score - at_drawdown.to_numpy(dtype=np.float64),
        "months_held": np.clip(months_held, 0, 120),
        "fee_window_over": ((months_held >= 36) | (months_held >= term)).astype(float),
        "log_principal": np.log(np.maximum(frame["principal"].to_numpy(dtype=np.float64), 1e6) / 1e7),
        "late_payments_12m": late,
        "external_debt_count": debt["external_debt_count"].to_numpy(dtype=np.float64),
        "age_years": ((asof - pd.to_datetime(cust["birth_date"])).dt.days / 365.25).to_numpy(),
        "salary_transfer": cust["salary_transfer"].astype(float).to_numpy(),
        "is_mortgage": (frame["kind"] == "mortgage").astype(float).to_numpy(),
        "is_overdraft": (frame["kind"] == "overdraft").astype(float).to_numpy(),
        "credit_score": score.astype(np.float64),
        "log_income": np.log(np.maximum(income, 1e6) / 1e7),
        "card_debt_to_income": debt["card_debt"].to_numpy(dtype=np.float64) / np.maximum(income, 1e6),
        "self_employed": np.isin(employment, ["self_employed", "freelancer"]).astype(float),
        "unemployed": (employment == "unemployed").astype(float),
        "market_rate_pct": market,
    }, index=frame.index)
