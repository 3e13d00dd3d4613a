"""Benchmark: a head-office rate-sheet import, accepted and refused.

Target: a sheet of 50,000 rows (a year of weekly sheets from 20 lenders × 5 loan kinds × 10 credit
bands) checked and stored in <= 10 s; the same sheet with one bad line on its last row refused, with
its line number, in <= 10 s (every row is checked before anything is written).

    python bench/bench_imports.py [--rows 50000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

KINDS = ("credit", "mortgage", "jeonse", "other_secured", "overdraft")


def sheet(rows: int) -> str:
    lines = ["lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source"]
    week = 0
    while len(lines) <= rows:
        as_of = dt.date(2026, 1, 5) + dt.timedelta(weeks=week)
        for lender in range(20):
            for kind in KINDS:
                for band in range(10):
                    low = 1 if band == 0 else 551 + 50 * (band - 1)
                    high = 550 if band == 0 else low + 49 if band < 9 else 1000
                    rate = f"{3 + (9 - band) * 0.45 + lender * 0.03 + week * 0.001:.3f}"
                    lines.append(f"은행{lender:02d},{kind},{low},{high},{rate},0,{as_of},벤치마크 표본")
        week += 1
    return "\n".join(lines[:rows + 1]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    from retention_desktop.services.administration import open_demo_ready
    from retention_desktop.services.imports import ImportRejected, import_market_offers

    data_dir = Path(tempfile.mkdtemp(prefix="rdbimp-"))
    db = open_demo_ready(data_dir, True, lambda _a: None)
    good = data_dir / "sheet.csv"
    good.write_text(sheet(args.rows), encoding="utf-8")
    bad = data_dir / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[0] + "\n은행00,credit,1,550,abc,0,"
                   "2026-01-05,x\n", encoding="utf-8")
    started = time.perf_counter()
    stored = import_market_offers(db, good)
    accepted = time.perf_counter() - started
    started = time.perf_counter()
    try:
        import_market_offers(db, bad)
        raise AssertionError("the bad sheet was accepted")
    except ImportRejected as exc:
        refused = time.perf_counter() - started
        assert exc.errors == [f"bad.csv:{args.rows + 1}: annual_rate_pct: number expected, got 'abc'"], exc.errors
    db.close()
    for name, seconds in ((f"import {stored:,} rows", accepted), (f"refuse {args.rows:,} rows (bad last line)", refused)):
        verdict = "MEETS" if seconds <= 10 else "MISSES"
        print(f"market-offers {name}: {seconds:.2f} s (target <= 10 s) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
