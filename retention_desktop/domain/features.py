"""Model features: one function (``feature_frame``) for training, for scoring the book and for a single quote.

``loan_features`` joins the bank's records into per-loan columns and ``customer_features`` reads the same
columns from one quote document; both hand them to ``feature_frame``, so the comparison screen, the call
list and the training set describe a customer identically.

No protected attribute (age, sex, …) is a feature: the price and the advice must not move with who the
customer is, only with what they can act on or what describes the loan and its risk (docs/advice.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from retention_desktop.domain.fees import months_between_dates

if TYPE_CHECKING:
    import pandas as pd

SWITCHING_FEATURES = ("rate_gap_pct", "score_change", "months_held", "fee_window_over", "log_principal",
                      "late_payments_12m", "external_debt_count", "salary_transfer", "is_mortgage", "is_overdraft")
RISK_FEATURES = ("credit_score", "score_change", "log_income", "card_debt_to_income", "external_debt_count",
                 "self_employed", "unemployed")
PROTECTED_ATTRIBUTES = frozenset({"age_years", "age", "birth_date", "sex", "gender", "marital_status",
                                  "nationality", "region_of_birth", "disability"})
MARKET_KIND = {"credit": "credit", "overdraft": "credit", "other_secured": "credit", "mortgage": "mortgage",
               "jeonse": "jeonse"}
EMPLOYMENT_TYPES = ("salaried", "public_servant", "self_employed", "freelancer", "retired", "unemployed")
MAX_MONTHS_HELD = 120


@dataclass(frozen=True)
class CustomerFacts:
    """What a quote document may say about the customer beyond the comparison: the model's inputs.

    ``None`` means the document did not say; the engine then assumes the value in ``ASSUMED`` and the
    output lists it under ``assumed_features``.
    """

    credit_score_at_drawdown: int | None = None
    late_payments_12m: int | None = None
    employment_type: str | None = None
    salary_transfer: bool | None = None
    relationship_years: int | None = None
    principal: int | None = None

    def assumed(self) -> tuple[str, ...]:
        return tuple(name for name in ASSUMED if getattr(self, name) is None)


# what the engine assumes for a fact the document leaves out (the customer's own view of it)
ASSUMED = {
    "credit_score_at_drawdown": "대출 실행 시 신용점수 = 현재 점수 (점수 변화 없음)",
    "late_payments_12m": "최근 12개월 연체 없음",
    "employment_type": "급여소득자",
    "salary_transfer": "급여이체 없음",
    "relationship_years": "거래기간 0년",
    "principal": "최초 대출금액 = 현재 잔액",
}


def feature_frame(*, index=None, **columns) -> pd.DataFrame:
    """``feature_columns`` as a frame, one row per loan (``index`` labels the rows)."""
    import pandas as pd  # here, not at import: the screens' modules load without pandas (start-up time)

    return pd.DataFrame(feature_columns(**columns), index=index)


def feature_columns(*, rate_pct: np.ndarray, market_rate_pct: np.ndarray, credit_score: np.ndarray,
                    score_at_drawdown: np.ndarray, drawdown: np.ndarray, reference: np.ndarray,
                    term_months: np.ndarray, principal: np.ndarray, late_payments_12m: np.ndarray,
                    external_debt_count: np.ndarray, salary_transfer: np.ndarray, kind: np.ndarray,
                    annual_income: np.ndarray, card_debt: np.ndarray, employment_type: np.ndarray,
                    fee_window_months: int) -> dict[str, np.ndarray]:
    """Switching and risk features, one array per feature, one element per loan (arrays of equal length).

    ``reference``: the day the loan is described at (today, or the day it left for a loan switched away);
    ``market_rate_pct``: the best rate another lender discloses (or offered) for it, NaN where none;
    ``fee_window_months``: the prepayment-fee period's cap (policy ``prepayment_fee.max_years`` × 12).
    The rates and amounts here are model inputs (floats), never money.
    """
    rate = np.asarray(rate_pct, dtype=np.float64)
    market = np.asarray(market_rate_pct, dtype=np.float64)
    score = np.asarray(credit_score, dtype=np.float64)
    at_drawdown = np.asarray(score_at_drawdown, dtype=np.float64)
    held = months_between_dates(np.asarray(drawdown), np.asarray(reference))
    term = np.asarray(term_months)
    income = np.asarray(annual_income, dtype=np.float64)
    employment = np.asarray(employment_type).astype(str)
    kind = np.asarray(kind).astype(str)
    return {
        "rate_gap_pct": np.where(np.isfinite(market), rate - market, 0.0),
        "score_change": score - np.where(np.isfinite(at_drawdown), at_drawdown, score),
        "months_held": np.clip(held, 0, MAX_MONTHS_HELD).astype(np.float64),
        "fee_window_over": (held >= np.minimum(term, fee_window_months)).astype(np.float64),
        "log_principal": np.log(np.maximum(np.asarray(principal, dtype=np.float64), 1e6) / 1e7),
        "late_payments_12m": np.asarray(late_payments_12m, dtype=np.float64),
        "external_debt_count": np.asarray(external_debt_count, dtype=np.float64),
        "salary_transfer": np.asarray(salary_transfer, dtype=bool).astype(np.float64),
        "is_mortgage": (kind == "mortgage").astype(np.float64),
        "is_overdraft": (kind == "overdraft").astype(np.float64),
        "credit_score": score,
        "log_income": np.log(np.maximum(income, 1e6) / 1e7),
        "card_debt_to_income": np.asarray(card_debt, dtype=np.float64) / np.maximum(income, 1e6),
        "self_employed": np.isin(employment, ["self_employed", "freelancer"]).astype(np.float64),
        "unemployed": (employment == "unemployed").astype(np.float64),
        "market_rate_pct": market,
    }


def best_market_rates(market_offers: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The lowest disclosed rate per loan kind and credit band on the latest sheet on or before ``as_of``."""
    import pandas as pd

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
                  as_of: dt.date, fee_window_months: int) -> pd.DataFrame:
    """Switching and risk features per loan of the bank's book (index: loan id).

    ``loans``: id, customer_id, kind, annual_rate_e4 (whole 0.0001 %), principal, term_months, drawdown_date,
    credit_score_at_drawdown, optionally closed_on.
    ``latest_scores``: customer_id, score. ``late_counts``: loan_id, late_payments_12m.
    ``debts``: customer_id, external_debt_count, card_debt (other lenders' loans, from the bureau).
    """
    import pandas as pd

    frame = loans.set_index("id")
    cust = customers.set_index("id").reindex(frame["customer_id"])
    score = latest_scores.set_index("customer_id")["score"].reindex(frame["customer_id"]).to_numpy(dtype=np.float64)
    debt = debts.set_index("customer_id").reindex(frame["customer_id"]).fillna(0)
    late = late_counts.set_index("loan_id")["late_payments_12m"].reindex(frame.index).fillna(0).to_numpy()
    asof = np.datetime64(as_of, "D")
    # a loan that has left is described as it was when it left, not as it would be today
    reference = (frame["closed_on"].to_numpy(dtype="datetime64[D]") if "closed_on" in frame
                 else np.full(len(frame), asof))
    reference = np.where(np.isnat(reference), asof, reference)
    best = best_market_rates(market_offers, as_of)
    market = market_rate_for(best, frame["kind"], pd.Series(score, index=frame.index))
    return feature_frame(
        rate_pct=frame["annual_rate_e4"].to_numpy(dtype=np.float64) / 10_000,  # the same float as the rate's text
        market_rate_pct=market, credit_score=score,
        score_at_drawdown=frame["credit_score_at_drawdown"].astype("Float64").to_numpy(dtype=np.float64,
                                                                                       na_value=np.nan),
        drawdown=frame["drawdown_date"].to_numpy(dtype="datetime64[D]"), reference=reference,
        term_months=frame["term_months"].to_numpy(), principal=frame["principal"].to_numpy(dtype=np.float64),
        late_payments_12m=late, external_debt_count=debt["external_debt_count"].to_numpy(dtype=np.float64),
        salary_transfer=cust["salary_transfer"].fillna(False).to_numpy(dtype=bool), kind=frame["kind"].to_numpy(),
        annual_income=cust["annual_income"].to_numpy(dtype=np.float64),
        card_debt=debt["card_debt"].to_numpy(dtype=np.float64),
        employment_type=cust["employment_type"].fillna("salaried").to_numpy(), fee_window_months=fee_window_months,
        index=frame.index)


def customer_features(*, rate_pct, market_rate_pct, credit_score: int, facts: CustomerFacts, drawdown: dt.date,
                      as_of: dt.date, term_months: int, balance: int, kind: str, annual_income: int,
                      external_debt_count: int, card_debt: int, fee_window_months: int) -> Mapping[str, float]:
    """The same features for the loan of one quote document, with ``CustomerFacts``' assumptions filled in."""
    columns = feature_columns(
        rate_pct=np.array([float(rate_pct)]),
        market_rate_pct=np.array([np.nan if market_rate_pct is None else float(market_rate_pct)]),
        credit_score=np.array([credit_score]),
        score_at_drawdown=np.array([facts.credit_score_at_drawdown if facts.credit_score_at_drawdown is not None
                                    else credit_score], dtype=np.float64),
        drawdown=np.array([drawdown], dtype="datetime64[D]"), reference=np.array([as_of], dtype="datetime64[D]"),
        term_months=np.array([term_months]),
        principal=np.array([facts.principal if facts.principal is not None else balance]),
        late_payments_12m=np.array([facts.late_payments_12m or 0]), external_debt_count=np.array([external_debt_count]),
        salary_transfer=np.array([bool(facts.salary_transfer)]), kind=np.array([kind]),
        annual_income=np.array([annual_income]), card_debt=np.array([card_debt]),
        employment_type=np.array([facts.employment_type or "salaried"]), fee_window_months=fee_window_months)
    return {name: float(values[0]) for name, values in columns.items()}
