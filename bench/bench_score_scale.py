"""Benchmark: score-portfolio at scale — memory bounded, time linear in the loans, partitions equal to a whole run.

Targets (issue 16): score-portfolio on 10,000,000 loans with peak memory under 1 GB; time linear in the loans
(1M → 10M: at most 11× the time); ``--partition`` halves of a run list exactly what a whole run lists.

Each run is a fresh process (``retention-admin``'s own code path, ``score_portfolio(restart=True)``), whose peak
resident memory is read from the OS (``ru_maxrss``). The small book is a 1,000,000-customer demo database; the big
one is the same book grown to N active loans by ``bench/_big_book.py`` (copies of the demo customers with what
scoring reads; see there). The time ratio is also given per tenfold of loans (the two books' loan counts are not
exactly 1:10). For the partition check the big book is then scored as two halves, 1/2 and 2/2, run at the same
time as two processes (two machines' worth of work on this machine's two cores), and the call list they write is
compared with the whole run's, row by row.

    python bench/bench_score_scale.py --small D1 --big D10 [--skip-partitions | --partitions-only]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AS_OF = "2026-11-23"
TARGET_PEAK_MB = 1024
TARGET_RATIO_PER_TENFOLD = 11.0

RUN = r"""
import datetime as dt, json, os, resource, sys, time
from pathlib import Path
from retention_desktop.data.database import open_embedded
from retention_desktop.data.portfolio_stream import Partition
from retention_desktop.services import portfolio_scoring
data_dir, part, restart = Path(sys.argv[1]), Partition.parse(sys.argv[2]), sys.argv[3] == "restart"
db = open_embedded(data_dir)
try:
    started = time.perf_counter()
    s = portfolio_scoring.score_portfolio(db, dt.date.fromisoformat(sys.argv[4]), partition=part, restart=restart)
    elapsed = time.perf_counter() - started
finally:
    db.close()
print(json.dumps({"seconds": elapsed, "loans": s.loans_scored, "entries": s.entries, "complete": s.complete,
                  "chunks": s.chunks_scored, "violations": s.violations, "actions": s.actions,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")


def _start(data_dir: Path, part: str, restart: bool) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUN, str(data_dir), part, "restart" if restart else "resume", AS_OF],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())


def _result(process: subprocess.Popen) -> dict:
    out, err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"score-portfolio failed ({process.returncode}): {err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1])


def _call_list(db) -> list[tuple]:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT branch_id, branch_rank, loan_id, action, recommended_rate_pct, expected_value_gain, "
            "customer_saving, switching_probability, value_at_risk, eligibility, reasons::text FROM "
            "call_list_entries WHERE as_of = :d ORDER BY branch_id, branch_rank"), {"d": AS_OF})]


def _latest_run(db) -> int:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(text("SELECT coalesce(max(id), 0) FROM scoring_runs")).scalar()


def _uptime() -> str:
    return open("/proc/loadavg").read().split()[0] if Path("/proc/loadavg").exists() else "?"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=Path, help="data folder of the 1,000,000-customer demo book")
    parser.add_argument("--big", type=Path, required=True, help="data folder of the book grown by _big_book.py")
    parser.add_argument("--skip-partitions", action="store_true")
    parser.add_argument("--partitions-only", action="store_true",
                        help="only the partition check, against the big book's list of the date as its last whole run "
                             "wrote it")
    args = parser.parse_args()
    if args.small is None and not args.partitions_only:
        parser.error("--small is needed (unless --partitions-only)")

    runs = {}
    for name, folder in (() if args.partitions_only else (("small", args.small), ("big", args.big))):
        load = _uptime()
        runs[name] = _result(_start(folder, "1/1", restart=True))
        r = runs[name]
        verdict = "MEETS" if r["peak_mb"] < TARGET_PEAK_MB else "MISSES"
        print(f"{name}: {r['loans']:,} active loans scored in {r['seconds']:.1f} s "
              f"({r['seconds'] / r['loans'] * 1e6:.1f} µs a loan, {r['chunks']} chunks), {r['entries']:,} call-list "
              f"entries; peak memory {r['peak_mb']:.0f} MB (target < {TARGET_PEAK_MB} MB) {verdict}; "
              f"violations {sum(r['violations'].values())}; load average before {load}", flush=True)
    if args.partitions_only:
        return _partitions(args.big)
    small, big = runs["small"], runs["big"]
    loans_ratio = big["loans"] / small["loans"]
    time_ratio = big["seconds"] / small["seconds"]
    per_tenfold = time_ratio * 10 / loans_ratio
    verdict = "MEETS" if per_tenfold <= TARGET_RATIO_PER_TENFOLD else "MISSES"
    print(f"time ratio {time_ratio:.2f}× for {loans_ratio:.2f}× the loans: {per_tenfold:.2f}× per tenfold of loans "
          f"(target <= {TARGET_RATIO_PER_TENFOLD:.0f}×) {verdict}")
    return 0 if args.skip_partitions else _partitions(args.big)


def _partitions(big: Path) -> int:
    from retention_desktop.data.database import open_embedded

    db = open_embedded(big)  # held for the check: the parts attach to this server instead of starting their own
    try:
        return _compare_partitions(db, big)
    finally:
        db.close()


def _compare_partitions(db, big: Path) -> int:
    whole = _call_list(db)
    before = _latest_run(db)
    started = time.perf_counter()
    halves = [_start(big, "1/2", restart=True)]
    while _latest_run(db) == before:  # the first part opens the run (discarding any open one); the second joins it
        if halves[0].poll() is not None:
            break
        time.sleep(0.5)
    halves.append(_start(big, "2/2", restart=False))
    first, second = (_result(p) for p in halves)
    wall = time.perf_counter() - started
    parted = _call_list(db)
    same = parted == whole
    done = first if first["complete"] else second
    print(f"partitions 1/2 and 2/2 at the same time: {wall:.1f} s wall ({first['seconds']:.1f} s and "
          f"{second['seconds']:.1f} s; peak memory {first['peak_mb']:.0f} and {second['peak_mb']:.0f} MB), "
          f"{done['loans']:,} loans, {len(parted):,} entries: the call list is {'the same as' if same else 'NOT the same as'}"
          f" the whole run's ({len(whole):,} entries) {'MEETS' if same else 'MISSES'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
