"""Rates: ``Decimal`` percent a year at every boundary; exact rationals inside the engine.

Conventions (docs/engine.md): a month's interest is balance × annual rate ÷ 12, rounded half-up to
whole won; daily accrual (payoff between due dates) is actual/365. A rate is carried with at most
four decimals of a percent (0.0001 %p), which is finer than any bank quotes.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from retention_desktop.domain.errors import InputError

RATE_SCALE = 10_000  # rates carried as whole 0.0001 %
MONTHLY_DENOMINATOR = RATE_SCALE * 100 * 12  # (rate_e4 / 10^4) % / 100 / 12


class RateError(InputError):
    pass


def rate_e4(annual_rate_pct: Decimal) -> int:
    """The rate in whole 0.0001 %: Decimal('4.5') → 45000. More decimals than that are refused."""
    scaled = Decimal(annual_rate_pct) * RATE_SCALE
    if scaled != scaled.to_integral_value():
        raise RateError(f"rate has more than four decimals of a percent: {annual_rate_pct}")
    value = int(scaled)
    if value < 0:
        raise RateError(f"rate cannot be negative: {annual_rate_pct}")
    return value


def monthly_rate(annual_rate_pct: Decimal) -> Fraction:
    return Fraction(rate_e4(annual_rate_pct), MONTHLY_DENOMINATOR)


def month_interest(balance: int, rate_e4_value: int) -> int:
    """One month's interest on ``balance``, half-up to whole won, in integers only."""
    numerator = balance * rate_e4_value
    return (2 * numerator + MONTHLY_DENOMINATOR) // (2 * MONTHLY_DENOMINATOR)


def round_half_up(value: Fraction) -> int:
    """Half-up (away from zero for positive values) rounding of an exact rational to whole won."""
    if value < 0:
        return -round_half_up(-value)
    return int((2 * value.numerator + value.denominator) // (2 * value.denominator))


def pct(value: Fraction | Decimal | int, places: int = 4) -> Decimal:
    """An exact rational as a Decimal percent with ``places`` decimals (for output)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(Decimal(1).scaleb(-places))
