"""Costs of leaving a loan and signing a new one: 중도상환수수료 and 인지세.

Prepayment fee (2025-01-13 rule, 금소법): prepaid principal × fee rate × (days remaining in the
fee period ÷ days in the fee period), the fee period being the loan term capped at the policy's
maximum (3 years) from drawdown; zero afterwards. Days are calendar days; the fee is an exact
fraction truncated to whole won (a bank never charges a fraction of a won more). A same-bank re-loan may waive part
or all of it: ``waiver_pct`` of the fee is forgiven.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

import numpy as np

from retention_desktop.domain.policy import Band, Policy
from retention_desktop.domain.rates import RATE_SCALE


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clipped to the month's end (1월 31일 + 1개월 = 2월 28/29일)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative if ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and add_months(start, months) > end:
        months -= 1
    return months


def fee_period_end(drawdown: dt.date, term_months: int, policy: Policy) -> dt.date:
    return add_months(drawdown, min(term_months, 12 * policy.prepayment_fee_max_years))


def prepayment_fee(prepaid: int, fee_rate_pct: Decimal, drawdown: dt.date, term_months: int, on: dt.date,
                   policy: Policy, waiver_pct: Decimal = Decimal(0)) -> int:
    """The fee (after ``waiver_pct`` % forgiven), computed as an exact fraction and truncated to whole won."""
    end = fee_period_end(drawdown, term_months, policy)
    if on >= end or prepaid <= 0 or fee_rate_pct == 0:
        return 0
    period_days = (end - drawdown).days
    remaining_days = (end - max(on, drawdown)).days
    fee = (Fraction(prepaid) * Fraction(fee_rate_pct) / 100 * Fraction(remaining_days, period_days)
           * (100 - Fraction(waiver_pct)) / 100)
    return math.floor(fee)


def prepayment_fee_array(prepaid: np.ndarray, fee_rate_e4: np.ndarray, drawdown: np.ndarray, term_months: np.ndarray,
                         on: dt.date, policy: Policy, waiver_e4: np.ndarray | None = None) -> np.ndarray:
    """``prepayment_fee`` for a whole book (rates and waivers in whole 0.0001 %), to the won: the same exact
    fraction in Python integers (an object array: the products exceed 64 bits)."""
    drawdown = np.asarray(drawdown).astype("datetime64[D]")
    end = add_months_array(drawdown, np.minimum(np.asarray(term_months), 12 * policy.prepayment_fee_max_years))
    on64 = np.datetime64(on, "D")
    period = (end - drawdown).astype(np.int64)
    remaining = (end - np.maximum(drawdown, on64)).astype(np.int64)
    prepaid = np.asarray(prepaid, dtype=np.int64)
    fee_rate_e4 = np.asarray(fee_rate_e4, dtype=np.int64)
    charged = (on64 < end) & (prepaid > 0) & (fee_rate_e4 > 0) & (period > 0)
    waiver_e4 = np.zeros(len(prepaid), dtype=np.int64) if waiver_e4 is None else np.asarray(waiver_e4, np.int64)
    out = np.zeros(len(prepaid), dtype=np.int64)
    idx = np.nonzero(charged)[0]
    if len(idx):
        numerator = (prepaid[idx].astype(object) * fee_rate_e4[idx].astype(object) * remaining[idx].astype(object)
                     * (1_000_000 - waiver_e4[idx]).astype(object))
        denominator = period[idx].astype(object) * (RATE_SCALE * 100 * 1_000_000)
        out[idx] = (numerator // denominator).astype(np.int64)
    return out


def stamp_duty_array(amount: np.ndarray, policy: Policy) -> tuple[np.ndarray, np.ndarray]:
    """(whole stamp duty, the borrower's share) for each amount: ``stamp_duty`` and ``stamp_duty_borrower``."""
    amount = np.asarray(amount, dtype=np.int64)
    duty = np.zeros(len(amount), dtype=np.int64)
    assigned = np.zeros(len(amount), dtype=bool)
    for band in policy.stamp_duty_bands:
        hit = ~assigned if band.upto is None else ~assigned & (amount <= band.upto)
        duty[hit] = int(band.value)
        assigned |= hit
    share_e4 = int(policy.stamp_duty_borrower_share_pct * RATE_SCALE)
    return duty, duty * share_e4 // (100 * RATE_SCALE)


def stamp_duty(amount: int, policy: Policy) -> int:
    """The whole stamp duty on a loan contract of ``amount`` (both halves)."""
    return int(_band_value(policy.stamp_duty_bands, amount))


def stamp_duty_borrower(amount: int, policy: Policy) -> int:
    """The borrower's share (half by the policy), truncated to whole won."""
    share = Decimal(stamp_duty(amount, policy)) * policy.stamp_duty_borrower_share_pct / 100
    return int(share.to_integral_value(rounding=ROUND_FLOOR))


def _band_value(bands: tuple[Band, ...], amount: int) -> Decimal:
    for band in bands:
        if band.upto is None or amount <= band.upto:
            return band.value
    raise AssertionError("policy bands end open-ended")


def add_months_array(days: np.ndarray, months: np.ndarray) -> np.ndarray:
    """``add_months`` for arrays of datetime64[D] (same clipping to the month's end)."""
    days = np.asarray(days).astype("datetime64[D]")
    month = days.astype("datetime64[M]")
    day_index = (days - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.asarray(months).astype("timedelta64[M]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64)
    return target.astype("datetime64[D]") + np.minimum(day_index, length - 1).astype("timedelta64[D]")


def months_between_dates(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """``months_between`` element by element for arrays of start and end dates (datetime64[D])."""
    starts = np.asarray(starts).astype("datetime64[D]")
    ends = np.asarray(ends).astype("datetime64[D]")
    months = (ends.astype("datetime64[M]") - starts.astype("datetime64[M]")).astype(np.int64)
    overshoot = (months > 0) & (add_months_array(starts, months) > ends)
    return months - overshoot


def months_between_array(starts: np.ndarray, end: dt.date) -> np.ndarray:
    """``months_between`` for an array of start dates (datetime64[D]) and one end date."""
    starts = np.asarray(starts).astype("datetime64[D]")
    return months_between_dates(starts, np.full(len(starts), np.datetime64(end, "D")))
