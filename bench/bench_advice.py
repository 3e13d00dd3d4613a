"""Benchmark and report: the advice over a whole demo book (score-portfolio), its speed and what it recommends.

Prints the time of score-portfolio end to end, the count of each recommended action over the book and over the
call lists, and the violations that must all be zero (a bank action at or above the current rate, one not
available, one saving the customer nothing — over the book and over the call lists).

    retention-admin --data-dir D demo-data --customers 100000 --as-of 2026-11-23
    python bench/bench_advice.py --data-dir D [--as-of 2026-11-23]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_SECONDS_PER_MILLION = 60.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True, help="a data folder filled by retention-admin demo-data")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 11, 23))
    args = parser.parse_args()
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

    from retention_desktop.data import migrations
    from retention_desktop.data.database import open_embedded
    from retention_desktop.services import model_training, portfolio_scoring

    db = open_embedded(args.data_dir)
    try:
        migrations.upgrade(db.engine)
        if not model_training.trained_kinds(db):
            print("training models …")
            model_training.train_models(db, args.as_of)
        started = time.perf_counter()
        summary = portfolio_scoring.score_portfolio(db, args.as_of)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    target = TARGET_SECONDS_PER_MILLION * max(summary.loans_scored, 1) / 1_000_000
    verdict = "MEETS" if elapsed <= max(target, 1.0) else "MISSES"
    print(f"score-portfolio, {summary.loans_scored:,} active loans: {elapsed:.1f} s end to end "
          f"(target <= {TARGET_SECONDS_PER_MILLION:.0f} s per 1,000,000 loans) {verdict}")
    total = sum(summary.actions.values())
    print("recommended actions over the book: " + ", ".join(
        f"{action} {count:,} ({count / max(total, 1):.1%})" for action, count in summary.actions.items()))
    print(f"call-list entries {summary.entries:,} in {summary.branches} branches: " + ", ".join(
        f"{action} {count:,}" for action, count in summary.listed_actions.items()))
    bad = {k: v for k, v in summary.violations.items() if v}
    print("violations (all must be 0): " + json.dumps(summary.violations) + (" OK" if not bad else " FAILED"))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
