"""DSR debt service for a whole book at once: ``limits.debt_service`` vectorised, to the won.

Inputs are numpy arrays (one element per debt); the result is each debt's contribution to the DSR
numerator for the next year. A test checks it against the scalar rules loan by loan.
"""

from __future__ import annotations

import numpy as np

from retention_desktop.domain.limits import SMALL_LOAN_KINDS
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.portfolio_schedules import METHOD_CODES, portfolio_schedules

BULLET = METHOD_CODES["bullet"]


def annual_debt_service(kind: np.ndarray, balance: np.ndarray, credit_limit: np.ndarray, rate_e4: np.ndarray,
                        remaining_months: np.ndarray, method: np.ndarray, policy: Policy) -> np.ndarray:
    """``credit_limit``: the line's limit for overdrafts (0 or the balance otherwise); ``method``: METHOD_CODES."""
    kind = np.asarray(kind).astype(str)
    months = np.maximum(np.asarray(remaining_months, dtype=np.int64), 1)
    rate_e4 = np.asarray(rate_e4, dtype=np.int64)
    method = np.asarray(method, dtype=np.int64)
    exposure = np.where((kind == "overdraft") & (np.asarray(credit_limit) > 0), credit_limit, balance).astype(np.int64)
    counted = (kind != "jeonse") & (exposure > 0)
    counted &= ~(np.isin(kind, SMALL_LOAN_KINDS) & (exposure <= policy.dsr_small_loan_exclusion))
    year_interest = exposure * rate_e4 * np.minimum(months, 12) // (12 * 100 * 10_000)
    years = policy.dsr_amortisation_years
    by_rule = np.full(len(kind), -1, dtype=np.int64)
    overdraft = kind == "overdraft"
    by_rule = np.where(overdraft, exposure // years["overdraft"] + year_interest, by_rule)
    bullet = (method == BULLET) & ~overdraft
    cap = policy.dsr_bullet_mortgage_term_cap_years
    # balance ÷ term in years (a Fraction in the scalar rules): exposure × 12 // months, term capped and at least a year
    mortgage_principal = np.where(months >= 12 * cap, exposure // cap,
                                  np.where(months <= 12, exposure, exposure * 12 // months))
    by_rule = np.where(bullet & (kind == "mortgage"), mortgage_principal + year_interest, by_rule)
    for k, n_years in years.items():
        if k != "overdraft":
            by_rule = np.where(bullet & (kind == k), exposure // n_years + year_interest, by_rule)
    # the rest pay what their schedule says over the next 12 months (run for 12 months only, where counted)
    actual = np.zeros(len(kind), dtype=np.int64)
    scheduled = np.nonzero(counted & (by_rule < 0))[0]
    if len(scheduled):
        s = portfolio_schedules(np.maximum(exposure[scheduled], 1), rate_e4[scheduled], months[scheduled],
                                method[scheduled], horizon=12)
        actual[scheduled] = s.next12_principal + s.next12_interest
    service = np.where(by_rule >= 0, by_rule, actual)
    return np.where(counted, service, 0)
