"""Effective annual cost (실효 연 비용률): the IRR of what the borrower really receives and pays.

Cash flows: at month 0 the amount minus the borrower's up-front costs (fees, stamp duty share,
prepayment fee of the loan being left), then each instalment. The monthly IRR is solved by Newton's
method from the contract rate, annualised by compounding, ``(1 + i)^12 − 1``, and returned as a
Decimal percent with four decimals. Binary floats only steer the root search; no money is computed
from them, and the result is rounded far coarser than their error.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from retention_desktop.domain.rates import pct

_TOLERANCE = 1e-12
_MAX_STEPS = 50


def effective_annual_cost_pct(received: int, payments: Sequence[int], guess_monthly: float = 0.004) -> Decimal:
    if received <= 0:
        raise ValueError("the borrower must receive something for a cost rate to exist")
    flows = np.asarray(payments, dtype=np.float64)
    if flows.sum() <= received:
        return Decimal("0.0000")
    k = np.arange(1, len(flows) + 1, dtype=np.float64)
    rate = max(guess_monthly, 1e-6)
    for _ in range(_MAX_STEPS):
        discount = (1.0 + rate) ** -k
        value = float(flows @ discount) - received
        slope = float(-(k * flows) @ (discount / (1.0 + rate)))
        step = value / slope
        rate = max(rate - step, 1e-9)
        if abs(step) < _TOLERANCE:
            break
    return pct(Decimal(repr((1.0 + rate) ** 12 - 1.0)) * 100)
