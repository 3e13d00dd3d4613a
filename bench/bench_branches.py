"""Benchmark: many branches' officers on one central server through PgBouncer (issue 16, capacity).

Starts Debian's PostgreSQL 15 and PgBouncer (transaction pooling, TLS ``verify-full`` with a throwaway CA)
on loopback (tests/central_cluster.py), provisions the schema, loads a demo book and enrols N officers
(each their own login role, SCRAM password) across the branches. Then N officer **processes** do the real
flow through the services for a bounded time — dashboard, masked search, open a customer of their branch
(recorded first), call list — with a think time between actions, and the bench reports:

* throughput (actions/s) and p50/p95/p99 per action (ms) — targets: p95 ≤ 500 ms at 30 officers;
* server connections (client backends on PostgreSQL, sampled every 0.25 s: max and mean) against the
  capacity model of docs/deployment.md, N × (1 − e^(−T/a));
* errors (must be 0 outside a restart) and audit rows written == audited actions done;
* with ``--restart-at S``: PostgreSQL restarted (``pg_ctl restart -m fast``) S seconds into the run — the
  longest call (target ≤ the connect timeout + 1 s: nothing frozen), the worded errors during the outage,
  and the time until the first successful action after it.

    python bench/bench_branches.py --officers 30 --seconds 60
    python bench/bench_branches.py --officers 100 --seconds 60 --restart-at 30
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AS_OF_TEXT = "2026-11-23"
SURNAMES = ("김", "이", "박", "최", "정", "강", "조", "윤")
PASSWORD = "Bench-Officer-{n:04d}x!"


def officer_process(index: int, employee_no: str, port: int, ca: str, stop_at: float, think: tuple[float, float],
                    results: mp.Queue) -> None:
    """One officer: log in through PgBouncer, then act until ``stop_at``; every action's (name, seconds, error)."""
    import datetime as dt

    from retention_desktop.data.failures import unreachable
    from retention_desktop.data.settings import CentralServer
    from retention_desktop.services.call_list import call_list
    from retention_desktop.services.connection import log_in_central
    from retention_desktop.services.customer_profile import load_profile
    from retention_desktop.services.customer_search import search_customers
    from retention_desktop.services.dashboard import branch_dashboard

    today = dt.date.fromisoformat(AS_OF_TEXT)
    rng = random.Random(index)
    records = []
    data_dir = Path(tempfile.mkdtemp(prefix=f"rdbench-{index}-"))

    def timed(name, func):
        started = time.monotonic()
        error = None
        try:
            value = func()
        except Exception as exc:  # noqa: BLE001 - a bench counts, in words
            worded = unreachable(exc)
            error = worded.message() if worded is not None else f"{type(exc).__name__}: {exc}"[:200]
            value = None
        records.append((name, time.monotonic() - started, error, time.time()))
        return value

    central = CentralServer("localhost", port, "retention", "", "verify-full", sslrootcert=ca)
    connected = timed("login", lambda: log_in_central(data_dir, central, employee_no, PASSWORD.format(n=index),
                                                      False, today))
    if connected is not None:
        officer = connected.officer
        own: list[str] = []
        while time.time() < stop_at:
            choice = rng.random()
            if choice < 0.15:
                timed("dashboard", lambda: branch_dashboard(officer, today))
            elif choice < 0.55:
                hits = timed("search", lambda: search_customers(officer, rng.choice(SURNAMES))) or []
                own = [h.customer_no for h in hits if h.in_scope] or own
            elif choice < 0.85 and own:
                timed("open_customer", lambda: load_profile(officer, rng.choice(own), today))
            else:
                timed("call_list", lambda: call_list(officer, today))
            time.sleep(rng.uniform(*think))
        officer.database.close()
    shutil.rmtree(data_dir, ignore_errors=True)
    results.put((employee_no, records))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--officers", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--customers", type=int, default=3000)
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"),
                        help="seconds between an officer's actions (uniform)")
    parser.add_argument("--restart-at", type=float, default=None, help="restart PostgreSQL this many seconds in")
    parser.add_argument("--server-idle-timeout", type=int, default=10)
    args = parser.parse_args()

    import datetime as dt

    from sqlalchemy import text

    from retention_desktop.data import demo_data, enrolment, provisioning, roles
    from retention_desktop.data.connection_policy import WORKSTATION
    from retention_desktop.data.database import create_app_engine
    from tests.central_cluster import CentralCluster, missing_binaries

    missing = missing_binaries()
    if missing:
        print(f"bench_branches: needs PostgreSQL 15, PgBouncer and openssl; missing: {', '.join(missing)}")
        return 2
    root = Path(tempfile.mkdtemp(prefix="rdbench-", dir="/tmp"))
    cluster = CentralCluster(root, max_connections=max(100, args.officers + 30), pool_size=2,
                             server_idle_timeout=args.server_idle_timeout)
    try:
        setup = time.monotonic()
        cluster.create()
        engine = create_app_engine(cluster.superuser_url())
        provisioning.provision(engine)
        demo_data.regenerate(engine, args.customers, 11, dt.date.fromisoformat(AS_OF_TEXT))
        with engine.connect() as conn:
            branches = conn.execute(text("SELECT code FROM data.branches WHERE id > 1 ORDER BY id")).scalars().all()
        staff = []
        for n in range(args.officers):
            employee_no = f"B{n:04d}"
            enrolment.add_officer(engine, employee_no, f"벤치{n}", branches[n % len(branches)], "officer",
                                  PASSWORD.format(n=n), dt.date.today() + dt.timedelta(days=30))
            staff.append(employee_no)
        with engine.connect() as conn:
            audit_before = conn.execute(text("SELECT max(id) FROM data.audit_log")).scalar() or 0
        print(f"setup: {args.customers:,} customers, {len(branches)} branches, {args.officers} officers enrolled "
              f"({time.monotonic() - setup:.0f} s); PostgreSQL 15 + PgBouncer transaction pooling, TLS verify-full, "
              f"server_idle_timeout {args.server_idle_timeout} s")

        # the officers' imports happen once, here: forked processes inherit them (100 imports would be a storm)
        import retention_desktop.services.call_list  # noqa: F401
        import retention_desktop.services.connection  # noqa: F401
        import retention_desktop.services.customer_profile  # noqa: F401
        import retention_desktop.services.customer_search  # noqa: F401
        import retention_desktop.services.dashboard  # noqa: F401

        ctx = mp.get_context("fork")
        results: mp.Queue = ctx.Queue()
        start = time.time() + 2.0
        stop_at = start + args.seconds
        workers = [ctx.Process(target=officer_process, args=(n, e, cluster.bouncer_port, str(cluster.ca_file),
                                                             stop_at, tuple(args.think), results))
                   for n, e in enumerate(staff)]
        for w in workers:
            w.start()
        samples: list[int] = []
        idle_samples: list[int] = []
        restart_window = None

        def sample():
            while time.time() < stop_at + 5:
                try:
                    total, idle = cluster.server_connections()
                    samples.append(total)
                    idle_samples.append(idle)
                except Exception:  # noqa: BLE001 - the server is restarting
                    pass
                time.sleep(0.25)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        if args.restart_at is not None:
            time.sleep(max(0.0, start + args.restart_at - time.time()))
            began = time.time()
            cluster.stop_postgres("fast")
            cluster.start_postgres()
            restart_window = (began, time.time())
            print(f"restart: PostgreSQL stopped and started again in {restart_window[1] - began:.1f} s")
        collected = {}
        for _ in workers:
            employee_no, records = results.get(timeout=args.seconds + 300)
            collected[employee_no] = records
        for w in workers:
            w.join(30)
        sampler.join(10)

        every = [r for records in collected.values() for r in records]
        actions = [r for r in every if r[0] != "login"]
        ok = [r for r in actions if r[2] is None]
        errors = [r for r in every if r[2] is not None]
        elapsed = args.seconds
        print(f"\n{args.officers} officers for {elapsed:.0f} s: {len(actions):,} actions, "
              f"{len(ok) / elapsed:.1f} successful actions/s")
        print(f"{'action':<14}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
        for name in ("login", "dashboard", "search", "open_customer", "call_list"):
            times = [r[1] * 1000 for r in every if r[0] == name and r[2] is None]
            if times:
                print(f"{name:<14}{len(times):>7}{statistics.median(times):>9.1f}{percentile(times, .95):>9.1f}"
                      f"{percentile(times, .99):>9.1f}{max(times):>9.1f}")
        all_ok = [r[1] * 1000 for r in actions if r[2] is None]
        p95 = percentile(all_ok, .95) if all_ok else float("nan")
        print(f"all actions p95 {p95:.0f} ms (target ≤ 500 ms)")
        model = args.officers * (1 - math.exp(-args.server_idle_timeout / (sum(args.think) / 2)))
        print(f"server connections: max {max(samples)}, mean {statistics.mean(samples):.1f} "
              f"(model N×(1−e^(−T/a)) = {model:.0f}; without pooling each officer would hold its pool: "
              f"up to {args.officers * (WORKSTATION.pool_size + WORKSTATION.max_overflow)})")
        print(f"idle in transaction: max {max(idle_samples)}, mean {statistics.mean(idle_samples):.2f} of them "
              "(short transactions: read, then compute outside)")
        outside = [r for r in errors if restart_window is None
                   or not (restart_window[0] - 1 <= r[3] - r[1] <= restart_window[1] + 15)]
        print(f"errors: {len(errors)} ({len(outside)} outside the restart; target 0)")
        for message in sorted({r[2] for r in errors})[:6]:
            print(f"  · {message}")
        limit = WORKSTATION.connect_timeout + 1
        print(f"longest call {max(r[1] for r in every):.2f} s overall (a login in the opening storm of {args.officers} "
              f"SCRAM logins on {os.cpu_count()} cores, if it is the one)")
        if restart_window is not None:
            during = [r for r in actions if r[3] >= restart_window[0] and r[3] - r[1] <= restart_window[1] + 1]
            worst = max((r[1] for r in during), default=0.0)
            after = [r for r in ok if r[3] - r[1] >= restart_window[1]]
            first = min((r[3] - r[1] for r in after), default=None)
            print(f"restart: {len(during)} calls overlapped it, the longest {worst:.2f} s (target ≤ {limit} s: the "
                  f"connect timeout + 1 s: nothing frozen); first success "
                  f"{(first - restart_window[1]) if first else float('nan'):.1f} s after the server was back")
        with engine.connect() as conn:
            audit_rows = conn.execute(text("SELECT count(*) FROM data.audit_log WHERE id > :b AND db_user LIKE :p"),
                                      {"b": audit_before, "p": roles.prefix() + "b%"}).scalar()
        audited_kinds = ("login", "search", "open_customer")
        audited = sum(1 for r in every if r[2] is None and r[0] in audited_kinds)
        failed_audited = sum(1 for r in errors if r[0] in audited_kinds)
        if audit_rows == audited:
            verdict = "yes"
        elif audited < audit_rows <= audited + failed_audited:
            # an access is recorded and committed before it is served (record first): a call whose connection
            # dropped after that commit leaves its row without an answer on screen
            verdict = (f"yes, plus {audit_rows - audited} row(s) of the {failed_audited} audited calls that failed in "
                       "the restart (recorded first, answer lost with the connection)")
        else:
            verdict = "NO"
        print(f"audit rows {audit_rows:,} == audited actions {audited:,}: {verdict} "
              "(login, search and open customer write one row each)")
        engine.dispose()
        print(f"machine: {os.cpu_count()} cores shared with other engineers' work; officers are processes on "
              "the same machine as the server")
        return 0 if not outside and not verdict.startswith("NO") else 1
    finally:
        cluster.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
