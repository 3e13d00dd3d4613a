"""Benchmark: remaining schedules of 1,000,000 loans, vectorised (numpy) against a per-loan loop.

Target (issue 3): <= 10 s for 1,000,000 loans. The per-loan loop (``build_schedule`` for each
loan) runs on a sample and is extrapolated; the ratio is printed.

    python bench/bench_portfolio_schedules.py [--loans 1000000] [--sample 20000]
"""

from __future__ import annotations

import argparse
import time
from decimal import Decimal

import numpy as np

from retention_desktop.domain.portfolio_schedules import METHOD_CODES, portfolio_schedules
from retention_desktop.domain.schedule import build_schedule

TARGET_SECONDS = 10.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loans", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    args = parser.parse_args()
    rng = np.random.default_rng(5)
    n = args.loans
    # the demo book's mix: 45 % credit (12–60 months), 22 % mortgages (up to 480), the rest in between
    months = np.select([rng.random(n) < 0.45, rng.random(n) < 0.4], [rng.integers(1, 60, n), rng.integers(1, 480, n)],
                       default=rng.integers(1, 120, n))
    balance = rng.integers(1_000_000, 800_000_000, n)
    rate_e4 = rng.integers(25_000, 90_000, n)
    method = rng.integers(0, 3, n)

    started = time.perf_counter()
    portfolio_schedules(balance, rate_e4, months, method)
    vectorised = time.perf_counter() - started

    names = {code: name for name, code in METHOD_CODES.items()}
    sample = min(args.sample, n)
    started = time.perf_counter()
    for i in range(sample):
        s = build_schedule(int(balance[i]), Decimal(int(rate_e4[i])) / 10_000, int(months[i]), names[int(method[i])])
        s.next_months(12)
    loop = (time.perf_counter() - started) / sample * n
    verdict = "MEETS" if vectorised <= TARGET_SECONDS else "MISSES"
    print(f"remaining schedules, {n:,} loans: vectorised {vectorised:.2f} s (target <= {TARGET_SECONDS:.0f} s) "
          f"{verdict}; per-loan loop {loop:.1f} s (extrapolated from {sample:,}); {loop / vectorised:.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
