"""Find a customer by name (prefix), customer number, the last four phone digits or a loan number.

The database answers (``db/sql/35_search.sql``): every form of the query from an index (the name in byte
order, the stored last-four column, the unique numbers), so it answers alike at a million customers.
Customers of the officer's scope come with their name and birth date; customers of other branches (they walk
into any branch) only with the surname (김**) and their branch, so the officer can ask for consultation
access, and at most head office's daily number of them per officer (past it they are withheld, and every
result from then on says the limit is reached — found or not, so it tells nothing of who exists). A search that
could identify another branch's customer (a full name, a name and birth date, a full number) and found nobody in
the officer's scope counts, hit or miss, against a daily budget of such probes (db/sql/35_search.sql).

Every search is recorded before it is shown, in two short transactions: ``api.record_search`` records it (the
kind of query, a keyed hash of it — never the query itself —, the scope, how many rows and how many of other
branches) and is committed; ``api.search_customers(ticket)`` then serves exactly those rows, and refuses a
ticket of its own transaction, so a search rolled back shows nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from retention_desktop.data import api_calls
from retention_desktop.services.officer_session import OfficerSession

MAX_QUERY_LENGTH = 40


@dataclass(frozen=True)
class CustomerHit:
    customer_no: str
    name: str  # masked (김*늘) when the customer is outside the officer's scope
    birth_date: dt.date | None  # None outside the scope (unless the officer typed it)
    phone_masked: str
    branch_name: str
    in_scope: bool = True  # False: another branch's customer; opening needs consultation access (상담 열람)


@dataclass(frozen=True)
class SearchResult:
    """One recorded page of a search: the hits and what the database counted for the daily limit."""

    hits: list[CustomerHit]
    outside_branch: int = 0  # other branches' customers among the hits
    limit_reached: bool = False  # the officer's daily limit of other branches' customers is used up: no more shown
    daily_limit: int = 0  # other branches' customers an officer may be shown a day (head office's setting)
    shown_today: int = 0  # … and how many this officer has been shown today, this search included
    probe_limit_reached: bool = False  # the day's budget of searches probing other branches is used up
    probe_limit: int = 0  # searches a day that may probe other branches (identifying, finding nobody in scope)
    probes_today: int = 0  # … and how many this officer has made today, this search included


def classify(query: str) -> tuple[str, str] | None:
    """What the officer typed: ('customer_no'|'loan_no'|'phone_last4'|'name'|'name_birth', normalised text).

    A name followed by a birth date (``김하늘 860311`` or ``김하늘 1986.03.11``) narrows namesakes down.
    """
    text = query.strip()
    if not text or len(text) > MAX_QUERY_LENGTH:
        return None
    upper = text.upper()
    if re.fullmatch(r"C\d{1,8}", upper):
        return "customer_no", upper
    if re.fullmatch(r"L\d{1,10}", upper):
        return "loan_no", upper
    if re.fullmatch(r"\d{4}", text):
        return "phone_last4", text
    if re.fullmatch(r"[가-힣A-Za-z ]+", text):
        return "name", text
    named = re.fullmatch(r"([가-힣A-Za-z]+)\s+(\d{2,4})[.\-]?(\d{2})[.\-]?(\d{2})", text)
    if named and birth_date(named.group(2), named.group(3), named.group(4)) is not None:
        return "name_birth", text
    return None


def birth_date(year: str, month: str, day: str) -> dt.date | None:
    """A birth date from 6 or 8 digits; two-digit years are 19xx unless that would be in the future."""
    y = int(year)
    if len(year) == 2:
        y += 1900 if y > dt.date.today().year % 100 else 2000
    elif len(year) != 4:
        return None
    try:
        return dt.date(y, int(month), int(day))
    except ValueError:
        return None


def search_customers(officer: OfficerSession, query: str, limit: int = 50, offset: int = 0) -> list[CustomerHit]:
    """One page of matches, in a stable order (name, birth date, number) so pages never overlap."""
    return search(officer, query, limit, offset).hits


def search(officer: OfficerSession, query: str, limit: int = 50, offset: int = 0) -> SearchResult:
    """One page of matches, recorded first (see the module's doc). Raises ``api_calls.Refused`` when the
    database refuses (a query of the wrong form, an officer login not enrolled)."""
    kind = classify(query)
    if kind is None:
        return SearchResult([])
    field, text = kind
    born = None
    if field == "name_birth":
        text, year, month, day = re.fullmatch(r"([가-힣A-Za-z]+)\s+(\d{2,4})[.\-]?(\d{2})[.\-]?(\d{2})", text).groups()
        born = birth_date(year, month, day)
    # 1. recorded and committed: the ticket only (retried once after a dropped connection: a search recorded
    #    twice errs on the safe side); 2. what it found and its rows, in a transaction of their own
    ticket = officer.database.read(lambda s: api_calls.scalar(s, "record_search", field, text, born, limit, offset))
    found, rows = officer.database.read(lambda s: (api_calls.one(s, "search_summary", ticket),
                                                   api_calls.rows(s, "search_customers", ticket)))
    hits = [CustomerHit(r["customer_no"], r["name"], r["birth_date"], r["phone_masked"], r["branch_name"],
                        r["in_scope"]) for r in rows]
    return SearchResult(hits, found["outside_branch"], found["limit_reached"], found["daily_limit"],
                        found["shown_today"], found["probe_limit_reached"], found["probe_limit"], found["probes_today"])
