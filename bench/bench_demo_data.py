"""Benchmark: regenerate demo data for N customers (default 1,000,000) into a fresh embedded server.

Target (issue 2): 1,000,000 customers with their loans and 12 months of repayments in <= 180 s on a
2-core machine. Prints generation and load times, row counts, and the verdict.

    python bench/bench_demo_data.py [--customers 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 180.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

    from retention_desktop.data import demo_data, migrations
    from retention_desktop.data.database import open_embedded

    db = open_embedded(Path(tempfile.mkdtemp(prefix="rdbench-")))
    try:
        migrations.upgrade(db.engine)
        started = time.perf_counter()
        counts = demo_data.regenerate(db.engine, args.customers, args.seed, dt.date(2026, 11, 23), progress=print)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    print(f"rows: {counts}")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    verdict = "MEETS" if elapsed <= TARGET_SECONDS else "MISSES"
    print(f"demo-data {args.customers:,} customers: {elapsed:.1f} s (target <= {TARGET_SECONDS:.0f} s) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
