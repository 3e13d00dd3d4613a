"""Remaining schedules of a whole portfolio at once (numpy), identical to ``schedule.build_schedule``.

Loans are columns; the loop runs over months (at most 600), so a million loans take seconds. The
integer arithmetic is the scalar engine's: interest half-up of balance·rate, the level payment
rounded half-up once, the last instalment taking the remainder. The level payment is computed in
float64 and recomputed exactly (``level_payment``) wherever float rounding could matter: when
its fractional part lies within 1e-6 won of one half.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from retention_desktop.domain.rates import MONTHLY_DENOMINATOR, RATE_SCALE
from retention_desktop.domain.schedule import level_payment

METHOD_CODES = {"equal_payment": 0, "equal_principal": 1, "bullet": 2}


@dataclass(frozen=True)
class PortfolioSchedules:
    """Per loan: the first regular payment, total interest, and principal + interest of the next 12 months."""

    monthly_payment: np.ndarray
    total_interest: np.ndarray
    next12_principal: np.ndarray
    next12_interest: np.ndarray


def portfolio_schedules(balance: np.ndarray, rate_e4: np.ndarray, months: np.ndarray,
                        method: np.ndarray, horizon: int | None = None) -> PortfolioSchedules:
    """``rate_e4``: annual rates in whole 0.0001 %; ``method``: codes from ``METHOD_CODES``. With ``horizon``, only
    the first ``horizon`` months are run (the next year's payments of a DSR need 12, not the whole term):
    ``total_interest`` then covers those months alone."""
    # Longest loans first, so the loans still running in a month are always a prefix (a view, no mask).
    order = np.argsort(-months.astype(np.int64), kind="stable")
    balance = balance.astype(np.int64)[order]
    rate_e4 = rate_e4.astype(np.int64)[order]
    months = months.astype(np.int64)[order]
    method = method.astype(np.int8)[order]
    n = len(balance)
    payment = _level_payments(balance, rate_e4, months) if n else np.zeros(0, np.int64)
    base = balance // np.maximum(months, 1)
    is_level, is_even = method == 0, method == 1
    twice_e4, den, twice_den = 2 * rate_e4, MONTHLY_DENOMINATOR, 2 * MONTHLY_DENOMINATOR
    total_interest = np.zeros(n, np.int64)
    next_p = np.zeros(n, np.int64)
    next_i = np.zeros(n, np.int64)
    first_payment = np.zeros(n, np.int64)
    # running[m - 1]: how many loans still have an instalment in month m (a prefix, as sorted)
    last_month = int(months.max(initial=0)) if horizon is None else min(int(months.max(initial=0)), horizon)
    running = np.searchsorted(-months, -np.arange(1, last_month + 1), side="right")
    for month, k in enumerate(running.tolist(), start=1):
        b = balance[:k]
        interest = (twice_e4[:k] * b + den) // twice_den
        part = np.where(is_level[:k], np.minimum(np.maximum(payment[:k] - interest, 0), b),
                        np.where(is_even[:k], base[:k], 0))
        last = months[:k] == month
        part[last] = b[last]
        b -= part
        total_interest[:k] += interest
        if month <= 12:
            next_p[:k] += part
            next_i[:k] += interest
        if month == 1:
            first_payment[:k] = part + interest
    inverse = np.empty_like(order)
    inverse[order] = np.arange(n)
    return PortfolioSchedules(first_payment[inverse], total_interest[inverse], next_p[inverse], next_i[inverse])


def _level_payments(principal: np.ndarray, rate_e4: np.ndarray, months: np.ndarray) -> np.ndarray:
    r = rate_e4.astype(np.float64) / MONTHLY_DENOMINATOR
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.power(1.0 + r, months.astype(np.float64))
        exact = np.where(r > 0, principal * r * growth / (growth - 1.0), principal / np.maximum(months, 1))
    rounded = np.floor(exact + 0.5).astype(np.int64)
    near_tie = np.abs(exact - np.floor(exact) - 0.5) < 1e-6
    for i in np.nonzero(near_tie)[0]:
        rounded[i] = level_payment(int(principal[i]), Decimal(int(rate_e4[i])) / RATE_SCALE, int(months[i]))
    return rounded
