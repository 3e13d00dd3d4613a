"""Repayment schedules: 원리금균등 (equal payment), 원금균등 (equal principal), 만기일시 (bullet), with 거치.

Every instalment is whole won; principal sums exactly to the loan because the last instalment takes
whatever balance remains (the rounding remainder). The level payment of an equal-payment loan is
computed exactly as a rational number and rounded half-up once:
100,000,000 at 4.5 % over 360 months → 506,685 a month.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from retention_desktop.domain.errors import InputError
from retention_desktop.domain.rates import MONTHLY_DENOMINATOR, month_interest, monthly_rate, rate_e4, round_half_up


class RepaymentMethod(str, Enum):
    EQUAL_PAYMENT = "equal_payment"      # 원리금균등
    EQUAL_PRINCIPAL = "equal_principal"  # 원금균등
    BULLET = "bullet"                    # 만기일시

    @property
    def korean(self) -> str:
        return {"equal_payment": "원리금균등", "equal_principal": "원금균등", "bullet": "만기일시"}[self.value]


class ScheduleError(InputError):
    pass


@dataclass(frozen=True, slots=True)
class Instalment:
    month: int
    payment: int
    principal: int
    interest: int
    balance: int  # outstanding after this instalment


@dataclass(frozen=True)
class Schedule:
    """A schedule as two columns (principal and interest per month); rows are built on demand."""

    principal: int
    principal_parts: tuple[int, ...]
    interest_parts: tuple[int, ...]
    grace_months: int = 0

    @property
    def months(self) -> int:
        return len(self.principal_parts)

    @property
    def instalments(self) -> tuple[Instalment, ...]:
        rows, balance = [], self.principal
        for month, (part, interest) in enumerate(zip(self.principal_parts, self.interest_parts), start=1):
            balance -= part
            rows.append(Instalment(month, part + interest, part, interest, balance))
        return tuple(rows)

    @property
    def total_interest(self) -> int:
        return sum(self.interest_parts)

    @property
    def total_principal(self) -> int:
        return sum(self.principal_parts)

    @property
    def first_payment(self) -> int:
        return self.principal_parts[0] + self.interest_parts[0]

    @property
    def regular_payment(self) -> int:
        """What the customer pays in a typical month: the first month after any grace period.

        For a bullet loan that is the interest; the final instalment (which also carries the
        principal, or a rounding remainder) is never the typical one unless it is the only one.
        """
        month = min(self.grace_months, self.months - 1)
        return self.principal_parts[month] + self.interest_parts[month]

    def next_months(self, months: int) -> tuple[int, int]:
        """(principal, interest) due over the next ``months`` instalments."""
        return sum(self.principal_parts[:months]), sum(self.interest_parts[:months])


def level_payment(principal: int, annual_rate_pct: Decimal, months: int) -> int:
    """The 원리금균등 instalment: P·r(1+r)^n / ((1+r)^n − 1), exact, rounded half-up once."""
    r = monthly_rate(annual_rate_pct)
    if r == 0:
        return round_half_up(Fraction(principal, months))
    growth = (1 + r) ** months
    return round_half_up(principal * r * growth / (growth - 1))


def build_schedule(principal: int, annual_rate_pct: Decimal, months: int,
                   method: RepaymentMethod | str, grace_months: int = 0) -> Schedule:
    """The schedule of a new loan, or of a current balance over its remaining months."""
    method = RepaymentMethod(method)
    _check(principal, months, grace_months)
    parts, interests = _columns(principal, annual_rate_pct, months, method, grace_months, months)
    return Schedule(principal, tuple(parts), tuple(interests), grace_months)


def first_months(principal: int, annual_rate_pct: Decimal, months: int, method: RepaymentMethod | str,
                 count: int, grace_months: int = 0) -> tuple[int, int]:
    """(principal, interest) of the first ``count`` instalments, without building the rest (DSR's next year)."""
    method = RepaymentMethod(method)
    _check(principal, months, grace_months)
    parts, interests = _columns(principal, annual_rate_pct, months, method, grace_months, min(count, months))
    return sum(parts), sum(interests)


def _columns(principal: int, annual_rate_pct: Decimal, months: int, method: RepaymentMethod, grace_months: int,
             horizon: int) -> tuple[list[int], list[int]]:
    """Principal and interest of instalments 1..horizon of the schedule."""
    e4 = rate_e4(annual_rate_pct)
    parts: list[int] = []
    interests: list[int] = []
    balance = principal
    for _ in range(min(grace_months, horizon)):  # 거치: interest only
        parts.append(0)
        interests.append(month_interest(balance, e4))
    amortising = months - grace_months
    regular = min(amortising - 1, horizon - grace_months)  # amortising months before the last one
    # The loops below inline rates.month_interest (half-up of balance·e4 / MONTHLY_DENOMINATOR):
    # this is the engine's hot path, run for every option of every comparison.
    twice_den, den = 2 * MONTHLY_DENOMINATOR, MONTHLY_DENOMINATOR
    twice_e4 = 2 * e4
    if regular > 0:
        if method is RepaymentMethod.EQUAL_PAYMENT:
            payment = level_payment(principal, annual_rate_pct, amortising)
            for _ in range(regular):
                interest = (twice_e4 * balance + den) // twice_den
                part = min(max(payment - interest, 0), balance)
                balance -= part
                parts.append(part)
                interests.append(interest)
        elif method is RepaymentMethod.EQUAL_PRINCIPAL:
            base = principal // amortising
            for _ in range(regular):
                interests.append((twice_e4 * balance + den) // twice_den)
                balance -= base
                parts.append(base)
        else:
            interest = (twice_e4 * balance + den) // twice_den
            parts.extend([0] * regular)
            interests.extend([interest] * regular)
    if horizon == months:
        # the last instalment takes whatever balance remains: the rounding remainder
        interests.append((twice_e4 * balance + den) // twice_den)
        parts.append(balance)
    return parts, interests


def _check(principal: int, months: int, grace_months: int) -> None:
    if not isinstance(principal, int) or isinstance(principal, bool) or principal <= 0:
        raise ScheduleError(f"principal must be a positive whole number of won, got {principal!r}")
    if not isinstance(months, int) or not 1 <= months <= 600:
        raise ScheduleError(f"months must be between 1 and 600, got {months!r}")
    if not isinstance(grace_months, int) or not 0 <= grace_months < months:
        raise ScheduleError(f"grace months must be between 0 and {months - 1}, got {grace_months!r}")
