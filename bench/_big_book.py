"""Bench only: grow a demo book to N active loans, set-wise in SQL, writing what score-portfolio reads.

The demo generator builds its whole population in memory (at most 1,000,000 customers, ~1.2 M active loans)
with full repayment histories; ten times that does not fit this machine's memory or its shared disk. This
copies the demo book's customers k = 1, 2, … times with shifted ids (customer and loan numbers and resident-
number hashes made unique) until the active loans reach N. Each copy holds what scoring reads and nothing
else: the customer (address, e-mail and employer left empty), the latest credit score on or before the as-of
date (not the history), the active loans, the external debts, and the late instalments of the last year
(scoring reads only those, through the partial index of late instalments; the on-time instalments of the
copies are not written). The copies are the same customers again, so the advice, the chunks and the ranking
do the same work per loan as on the original book; the call list's ties are broken by loan id.

    python bench/_big_book.py --data-dir D --loans 10000000   # D holds a 1,000,000-customer demo book
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AS_OF = dt.date(2026, 11, 23)
ID_STEP = 10_000_000  # copy k's ids are the original's + k × ID_STEP
TABLES = ("customers", "credit_scores", "loans", "external_debts", "repayments")


def _columns(cur, table: str) -> list[str]:
    cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))
    return [r[0] for r in cur.fetchall()]


def _copy(cur, table: str, overrides: dict[str, str], where: str, params: tuple, skip: tuple[str, ...] = (),
          source: str | None = None) -> int:
    columns = [c for c in _columns(cur, table) if c not in skip]
    select = ", ".join(overrides.get(c, f"t.{c}") for c in columns)
    cur.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {source or table} t WHERE {where}",
                params)
    return cur.rowcount


def active_loans(cur) -> int:
    cur.execute("SELECT count(*) FROM loans WHERE status = 'active' AND drawdown_date <= %s", (AS_OF,))
    return int(cur.fetchone()[0])


def grow(engine, target_loans: int, progress=print) -> int:
    """Copy the original book (ids below ``ID_STEP``) until the active loans reach ``target_loans``."""
    from retention_desktop.data.demo_data import _drop_secondary_structures, analyze

    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            have = active_loans(cur)
            cur.execute("SELECT count(*) FROM loans WHERE status = 'active' AND customer_id < %s", (ID_STEP,))
            per_copy = int(cur.fetchone()[0])
            cur.execute("SELECT coalesce(max(customer_id), 0) / %s FROM loans", (ID_STEP,))
            copies_made = int(cur.fetchone()[0])
            if have >= target_loans:
                return have
            deferred = _drop_secondary_structures(cur, TABLES)
            k = copies_made
            while have < target_loans:
                k += 1
                need = target_loans - have
                limit = None
                if need < per_copy:  # the last copy: the first customers holding the loans still needed
                    cur.execute("""
                        SELECT customer_id FROM (
                            SELECT customer_id, sum(count(*)) OVER (ORDER BY customer_id) AS running FROM loans
                            WHERE status = 'active' AND customer_id < %s GROUP BY customer_id) c
                        WHERE running >= %s ORDER BY customer_id LIMIT 1""", (ID_STEP, need))
                    limit = int(cur.fetchone()[0])
                upto = limit if limit is not None else ID_STEP - 1
                shift = k * ID_STEP
                t = time.perf_counter()
                n = _copy(cur, "customers", {
                    "id": f"t.id + {shift}",
                    "customer_no": f"'C' || lpad('{k}', 2, '0') || substr(t.customer_no, 2)",
                    "rrn_hmac": f"sha256(t.rrn_hmac || int4send({k}))", "email": "NULL", "address": "''",
                    "employer": "NULL"}, "t.id <= %s", (upto,))
                _copy(cur, "credit_scores", {"customer_id": f"t.customer_id + {shift}"}, "true", (), skip=("id",),
                      source=f"""(SELECT DISTINCT ON (customer_id) * FROM credit_scores
                                  WHERE customer_id <= {upto} AND scored_on <= DATE '{AS_OF}'
                                  ORDER BY customer_id, scored_on DESC)""")
                loans = _copy(cur, "loans", {
                    "id": f"t.id + {shift}", "customer_id": f"t.customer_id + {shift}",
                    "loan_no": f"'L' || lpad('{k}', 2, '0') || substr(t.loan_no, 2)"},
                    "t.status = 'active' AND t.customer_id <= %s", (upto,))
                _copy(cur, "external_debts", {"customer_id": f"t.customer_id + {shift}"}, "t.customer_id <= %s",
                      (upto,), skip=("id",))
                _copy(cur, "repayments", {"loan_id": f"t.loan_id + {shift}"},
                      "t.days_late > 0 AND t.due_date > DATE %s - 365 AND t.loan_id IN "
                      "(SELECT id FROM loans WHERE status = 'active' AND customer_id <= %s)", (AS_OF, upto),
                      skip=("id",))
                have += loans
                progress(f"copy {k}: {n:,} customers, {loans:,} active loans in {time.perf_counter() - t:.0f} s "
                         f"({have:,} active loans)")
            t = time.perf_counter()
            for statement in deferred:
                cur.execute(statement)
            for table in TABLES:
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            analyze(cur, TABLES)
            progress(f"indexes, foreign keys and statistics in {time.perf_counter() - t:.0f} s")
        raw.commit()
        # the copies were inserted row by row (no COPY FREEZE): vacuum them now, or autovacuum would do it
        # during the benchmark that follows. VACUUM cannot run in a transaction: psycopg2's own autocommit.
        t = time.perf_counter()
        driver = raw.driver_connection
        driver.autocommit = True
        try:
            with driver.cursor() as cur:
                for table in TABLES:
                    cur.execute(f"VACUUM (FREEZE, ANALYZE) {table}")
        finally:
            driver.autocommit = False
        progress(f"vacuumed in {time.perf_counter() - t:.0f} s")
        return have
    finally:
        raw.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--loans", type=int, default=10_000_000)
    args = parser.parse_args()
    from retention_desktop.data import migrations
    from retention_desktop.data.database import open_embedded

    db = open_embedded(args.data_dir)
    try:
        migrations.upgrade(db.engine)
        print(f"{grow(db.engine, args.loans):,} active loans")
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
