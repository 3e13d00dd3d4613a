"""Whole-won money and its Korean reading (1억 2,000만 원).

Money is an ``int`` of won everywhere; ``Decimal`` only mid-calculation. Rates are
``Decimal`` percent (4.5 means 4.5 % a year) at every boundary of this package.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

Won = int

_EOK = 100_000_000
_MAN = 10_000


def round_won(amount: Decimal) -> Won:
    """Round a Decimal amount to whole won, halves away from zero (사사오입)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_won(amount: Won) -> str:
    """Full won with thousands separators, for tables: ``123,456,789원``."""
    _require_int(amount)
    return f"{amount:,}원"


def format_won_korean(amount: Won) -> str:
    """The Korean reading used in conversation: ``1억 2,000만 원``, ``7,350만 4,000원``.

    Zero parts are left out (``1억 원``), sign is kept (``-300만 원``).
    """
    _require_int(amount)
    if amount == 0:
        return "0원"
    sign = "-" if amount < 0 else ""
    rest = abs(amount)
    eok, rest = divmod(rest, _EOK)
    man, won = divmod(rest, _MAN)
    parts = []
    if eok:
        parts.append(f"{eok:,}억")
    if man:
        parts.append(f"{man:,}만")
    if won:
        parts.append(f"{won:,}원")
        return sign + " ".join(parts)
    return sign + " ".join(parts) + " 원"


def format_rate_pct(rate_pct: Decimal) -> str:
    """A rate in percent with two decimals: ``4.60%``."""
    return f"{Decimal(rate_pct).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def _require_int(amount: object) -> None:
    # bool is an int subclass; a float here is always a bug upstream.
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"money must be whole won as int, got {type(amount).__name__}")
