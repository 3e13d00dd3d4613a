"""The active book streamed in chunks of whole customers, for ``score-portfolio`` at any size.

One server-side cursor (``DECLARE … CURSOR``, psycopg2's named cursor) walks the active loans in customer
order, joined with what describes their customer; a chunk ends on a customer boundary (the DSR and the
eligibility of a new loan depend on all of a customer's debts), and its customers' latest credit scores,
late payments and external debts are read for that chunk alone, in the same transaction and so the same
snapshot (REPEATABLE READ, READ ONLY). Memory is bounded by the chunk, whatever the size of the book.

Numbers arrive as numbers: rates as whole 0.0001 % (``annual_rate_e4``, exact: ``NUMERIC(7,4) × 10000`` is an
integer, computed by the server), dates as days since 1970-01-01, never text parsed by the client.

``Partition(k, n)`` keeps the customers whose id is ``k - 1`` modulo ``n``: several machines share a run, each
customer in exactly one part. ``after_customer`` resumes a part after the last customer already scored.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd
import psycopg2
from sqlalchemy import Engine

from retention_desktop.data.portfolio_frames import PortfolioFrames, debts_of

DEFAULT_CHUNK_LOANS = 25_000  # ~3.6 KB a loan of the chunk at its peak: ~0.4 GB in all

LOAN_COLUMNS = ("customer_id", "id", "branch_id", "officer_id", "kind", "principal", "balance", "annual_rate_e4",
                "rate_type", "fixed_period_months", "index_name", "repayment_method", "term_months", "drawdown_day",
                "credit_score_at_drawdown", "prepayment_fee_e4", "collateral_value", "collateral_region",
                "annual_income", "salary_transfer", "employment_type", "created_day", "region")
EXTERNAL_COLUMNS = ("customer_id", "lender_sector", "kind", "balance", "annual_rate_e4", "remaining_months",
                    "repayment_method", "credit_limit")
_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class Partition:
    """Part ``index`` (1-based) of ``count``: the customers whose id ≡ index − 1 (mod count)."""

    index: int = 1
    count: int = 1

    def __post_init__(self):
        if not (1 <= self.index <= self.count):
            raise ValueError(f"partition {self.index}/{self.count}: the part must be between 1 and {self.count}")

    @classmethod
    def parse(cls, text: str) -> Partition:
        """``'k/N'``, e.g. ``'2/4'``; raises ValueError with the reason."""
        try:
            index, count = (int(p) for p in text.split("/"))
        except ValueError:
            raise ValueError(f"not a partition k/N: {text!r}") from None
        if count < 1 or count > 1024:
            raise ValueError(f"partition {text}: N must be between 1 and 1024")
        return cls(index, count)

    def where(self, column: str) -> str:
        return "" if self.count == 1 else f" AND mod({column}, {self.count}) = {self.index - 1}"

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


@dataclass(frozen=True)
class BookChunk:
    """Whole customers' active loans (``frames``, market and index tables included) and the last customer id."""

    frames: PortfolioFrames
    last_customer_id: int

    @property
    def loans(self) -> int:
        return len(self.frames.loans)


def _days(days: np.ndarray) -> pd.Series:
    """Days since 1970-01-01 (never NULL here: drawdown and creation dates are required) as datetime64[ns]."""
    return pd.Series((_EPOCH + days.astype("timedelta64[D]")).astype("datetime64[ns]"))


def _nullable_int(values) -> pd.Series:
    return pd.Series(pd.array(values, dtype="Int64"))


log = logging.getLogger(__name__)
# psycopg2's errors for a connection that is gone (server killed, stopped or restarted, the line dropped)
_CONNECTION_LOST = (psycopg2.OperationalError, psycopg2.InterfaceError)


@contextmanager
def _book_cursor(conn) -> Iterator:
    """The stream's server-side cursor, closed at the end. On a connection already lost there is nothing left
    to close: the error that ended the stream is the one to report, not a second one from closing (which, from a
    generator collected later, Python printed to stderr as "Exception ignored in …" with a traceback)."""
    cursor = conn.cursor(name="book", withhold=False)
    try:
        yield cursor
    finally:
        try:
            cursor.close()
        except _CONNECTION_LOST as exc:
            log.info("the book's cursor went with its connection: %s", str(exc).strip())


class BookStream:
    """A read-only snapshot of the book on one connection, iterated chunk by chunk (a context manager)."""

    def __init__(self, engine: Engine, as_of: dt.date, market_offers: pd.DataFrame, index_rates: pd.DataFrame,
                 partition: Partition = Partition(), chunk_loans: int = DEFAULT_CHUNK_LOANS):
        self.as_of, self.partition, self.chunk_loans = as_of, partition, chunk_loans
        self.market_offers, self.index_rates = market_offers, index_rates
        self._pooled = engine.raw_connection()
        self._conn = self._pooled.driver_connection  # psycopg2's own: a named cursor is a psycopg2 feature

    def __enter__(self) -> BookStream:
        with self._conn.cursor() as cur:  # the first statement of the transaction psycopg2 opens
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return self

    def __exit__(self, *_exc) -> None:
        try:
            self._conn.rollback()  # read only: nothing to keep
        except _CONNECTION_LOST as exc:  # the transaction went with the connection; the caller's error stands
            log.info("the book's snapshot went with its connection: %s", str(exc).strip())
        finally:
            self._pooled.close()

    def chunks(self, after_customer: int = 0) -> Iterator[BookChunk]:
        """The chunks of customers with an id above ``after_customer``, in id order."""
        day = self.as_of.isoformat()
        with _book_cursor(self._conn) as cursor:
            cursor.itersize = self.chunk_loans
            cursor.execute(f"""
                SELECT l.customer_id, l.id, l.branch_id, l.officer_id, l.kind, l.principal, l.balance,
                       (l.annual_rate_pct * 10000)::bigint, l.rate_type, l.fixed_period_months, l.index_name,
                       l.repayment_method, l.term_months, l.drawdown_date - DATE '1970-01-01',
                       l.credit_score_at_drawdown, (l.prepayment_fee_pct * 10000)::bigint, l.collateral_value,
                       l.collateral_region, c.annual_income, c.salary_transfer, c.employment_type,
                       c.created_on - DATE '1970-01-01', b.region
                FROM loans l JOIN customers c ON c.id = l.customer_id JOIN branches b ON b.id = c.home_branch_id
                WHERE l.status = 'active' AND l.drawdown_date <= DATE %s AND l.customer_id > %s
                      {self.partition.where('l.customer_id')}
                ORDER BY l.customer_id, l.id""", (day, after_customer))
            pending: list[tuple] = []
            while True:
                rows = cursor.fetchmany(self.chunk_loans)
                if not rows:
                    if pending:
                        yield self._chunk(pending)
                    return
                exhausted = len(rows) < self.chunk_loans
                rows = pending + rows if pending else rows
                if exhausted:
                    yield self._chunk(rows)
                    return
                last = rows[-1][0]
                cut = len(rows)
                while cut and rows[cut - 1][0] == last:  # the last customer may go on in the next fetch
                    cut -= 1
                if cut == 0:
                    pending = rows
                    continue
                pending = rows[cut:]
                yield self._chunk(rows[:cut])

    def _chunk(self, rows: list[tuple]) -> BookChunk:
        raw = dict(zip(LOAN_COLUMNS, zip(*rows)))  # column by column: no per-row pandas inference

        def ints(name):
            return np.array(raw[name], dtype=np.int64)

        def texts(name):
            return np.array(raw[name], dtype=object)

        loans = pd.DataFrame({
            "id": ints("id"), "customer_id": ints("customer_id"), "branch_id": ints("branch_id"),
            "officer_id": _nullable_int(raw["officer_id"]), "kind": texts("kind"), "principal": ints("principal"),
            "balance": ints("balance"), "annual_rate_e4": ints("annual_rate_e4"), "rate_type": texts("rate_type"),
            "fixed_period_months": _nullable_int(raw["fixed_period_months"]), "index_name": texts("index_name"),
            "repayment_method": texts("repayment_method"), "term_months": ints("term_months"),
            "drawdown_date": _days(ints("drawdown_day")),
            "credit_score_at_drawdown": _nullable_int(raw["credit_score_at_drawdown"]),
            "prepayment_fee_e4": ints("prepayment_fee_e4"), "collateral_value": _nullable_int(raw["collateral_value"]),
            "collateral_region": texts("collateral_region"),
        })
        owner = loans["customer_id"].to_numpy()
        first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])  # rows come in customer order
        customers = pd.DataFrame({
            "id": owner[first], "annual_income": ints("annual_income")[first],
            "salary_transfer": np.array(raw["salary_transfer"], dtype=bool)[first],
            "employment_type": texts("employment_type")[first],
            "created_on": _days(ints("created_day")[first]).to_numpy(), "region": texts("region")[first]})
        ids = customers["id"].tolist()
        day = self.as_of.isoformat()
        with self._conn.cursor() as cur:
            cur.execute("""
                SELECT DISTINCT ON (customer_id) customer_id, score FROM credit_scores
                WHERE customer_id = ANY(%s) AND scored_on <= DATE %s ORDER BY customer_id, scored_on DESC""",
                        (ids, day))
            scores = pd.DataFrame(cur.fetchall(), columns=["customer_id", "score"], dtype=np.int64)
            cur.execute("""
                SELECT loan_id, count(*), max(days_late) FROM repayments
                WHERE loan_id = ANY(%s) AND due_date > DATE %s - 365 AND due_date <= DATE %s AND days_late > 0
                GROUP BY loan_id""",
                        (loans["id"].tolist(), day, day))
            late = pd.DataFrame(cur.fetchall(), columns=["loan_id", "late_payments_12m", "max_days_late_12m"],
                                dtype=np.int64)
            cur.execute("""
                SELECT customer_id, lender_sector, kind, balance, (annual_rate_pct * 10000)::bigint, remaining_months,
                       repayment_method, credit_limit
                FROM external_debts WHERE customer_id = ANY(%s) ORDER BY customer_id, id""", (ids,))
            external = pd.DataFrame.from_records(cur.fetchall(), columns=EXTERNAL_COLUMNS)
        external = external.astype({"customer_id": np.int64, "balance": np.int64, "annual_rate_e4": np.int64,
                                    "remaining_months": np.int64})
        external["credit_limit"] = _nullable_int(external["credit_limit"])
        frames = PortfolioFrames(self.as_of, loans, customers, scores, late, debts_of(external), external,
                                 self.market_offers, self.index_rates, pd.DataFrame(columns=["loan_id", "decision"]))
        return BookChunk(frames, int(loans["customer_id"].iloc[-1]))

