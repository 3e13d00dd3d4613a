"""Benchmark: what the security boundary costs at the database (issue 13).

Row-level security must stay index-friendly and the audit chain must keep up with a bank's clicks. Each
figure is the median over the rounds, measured on a demo book through an officer's own login (E1007,
강남역지점) against the same statements as the superuser, who bypasses row security:

* the masked search (``api.record_search`` then ``api.search_customers``) per query form — target ≤ 20 ms at 1,000,000 customers;
* a customer opened: the access recorded and committed, then served (two round trips) — target ≤ 20 ms;
* the branch's counts through the views (``api.customers``, ``api.loans``) against the tables;
* audit rows written per second by four concurrent sessions through the chain head's lock — target ≥ 200/s.

    python bench/bench_security.py --data-dir DIR   # a data folder whose demo database holds the book
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()

    from sqlalchemy import text

    from retention_desktop.data import api_calls
    from retention_desktop.data.database import open_embedded
    from retention_desktop.services.officer_session import log_in

    db = open_embedded(args.data_dir)
    officer = log_in(db, "E1007")
    with db.engine.connect() as conn:
        customers = conn.execute(text("SELECT count(*) FROM data.customers")).scalar()
        own = conn.execute(text("SELECT customer_no FROM data.customers WHERE home_branch_id = 2 ORDER BY id LIMIT :n"),
                           {"n": args.rounds}).scalars().all()

    def timed(run, rounds=args.rounds) -> float:
        values = []
        for _ in range(rounds):
            started = time.perf_counter()
            run()
            values.append(time.perf_counter() - started)
        return statistics.median(values[1:] or values) * 1000

    def report(name: str, ms: float, target: str = "") -> None:
        print(f"{name}: median {ms:.1f} ms{f' (target {target})' if target else ''}")

    print(f"book: {customers:,} customers")
    for kind, query in (("name", "김하"), ("name", "이"), ("customer_no", "C0000012"), ("phone_last4", "2362"),
                        ("loan_no", "L00000001")):
        def search(kind=kind, query=query):
            with officer.database.session() as s:  # recorded and committed first, then the rows
                ticket = api_calls.scalar(s, "record_search", kind, query, None, 50, 0)
            with officer.database.session() as s:
                api_calls.one(s, "search_summary", ticket)
                api_calls.rows(s, "search_customers", ticket)
        report(f"search {kind} '{query}' (masked, in-scope flag, recorded first)", timed(search), "≤ 20 ms")

    numbers = iter(own * 2)

    def open_customer():
        ticket = api_calls.recorded(officer.database, "customer.view", next(numbers))
        with officer.database.session() as s:
            api_calls.one(s, "open_customer", ticket)
    report("customer opened: recorded, committed, served", timed(open_customer, len(own)), "≤ 20 ms")

    for label, view, table in (("customers of the branch", "SELECT count(*) FROM api.customers",
                                "SELECT count(*) FROM data.customers WHERE home_branch_id = 2"),
                               ("loans of the branch's customers", "SELECT count(*) FROM api.loans",
                                "SELECT count(*) FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
                                "WHERE c.home_branch_id = 2 OR l.branch_id = 2")):
        def through_view(sql=view):
            with officer.database.session() as s:
                s.execute(text(sql)).scalar()

        def on_table(sql=table):
            with db.engine.connect() as conn:
                conn.execute(text(sql)).scalar()
        report(f"{label} through the view (row security)", timed(through_view))
        report(f"{label} on the table (superuser, no row security)", timed(on_table))

    writers, per_writer = 4, 100
    sessions = [log_in(db, employee) for employee in ("E1007", "E1008", "E1009", "E1006")]

    def write(session):
        for _ in range(per_writer):
            with session.database.session() as s:
                api_calls.rows(s, "record_search", "customer_no", "C00000001", None, 1, 0)

    threads = [threading.Thread(target=write, args=(session,)) for session in sessions[:writers]]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    print(f"audit rows chained by {writers} concurrent sessions: {writers * per_writer / elapsed:.0f}/s "
          "(target ≥ 200/s)")
    for session in sessions:
        session.database.close()
    officer.database.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
