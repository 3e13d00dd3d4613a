"""Payoff at a date (완제 금액): balance, interest accrued since the last due date, prepayment fee."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from retention_desktop.domain.fees import add_months, months_between, prepayment_fee
from retention_desktop.domain.policy import Policy

DAYS_IN_YEAR = 365


@dataclass(frozen=True)
class Payoff:
    on: dt.date
    balance: int
    accrued_interest: int
    prepayment_fee: int

    @property
    def total(self) -> int:
        return self.balance + self.accrued_interest + self.prepayment_fee


def last_due_date(drawdown: dt.date, on: dt.date) -> dt.date:
    """The latest monthly due date on or before ``on`` (the drawdown day each month)."""
    months = months_between(drawdown, on)
    return add_months(drawdown, max(months, 0))


def payoff_quote(balance: int, annual_rate_pct: Decimal, drawdown: dt.date, term_months: int,
                 fee_rate_pct: Decimal, on: dt.date, policy: Policy,
                 waiver_pct: Decimal = Decimal(0)) -> Payoff:
    """What it takes to repay the loan in full on ``on``; accrual is actual/365 since the last due date."""
    days = (on - last_due_date(drawdown, on)).days
    accrued = (Decimal(balance) * annual_rate_pct / 100 * days / DAYS_IN_YEAR).quantize(
        Decimal(1), rounding=ROUND_HALF_UP)
    fee = prepayment_fee(balance, fee_rate_pct, drawdown, term_months, on, policy, waiver_pct)
    return Payoff(on, balance, int(accrued), fee)
