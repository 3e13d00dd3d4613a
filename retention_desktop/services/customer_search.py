"""Find a customer by name (prefix), customer number, the last four phone digits or a loan number.

The database answers (``api.search_customers``): every form of the query from an index (the name in byte
order, the stored last-four column, the unique numbers), so it answers alike at a million customers.
Customers of the officer's scope come with their name and birth date; customers of other branches (they walk
into any branch) only masked, with their branch, so the officer can ask for consultation access. Every
search is recorded (the kind of query and how many were shown, never the query itself).
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
    kind = classify(query)
    if kind is None:
        return []
    field, text = kind
    born = None
    if field == "name_birth":
        text, year, month, day = re.fullmatch(r"([가-힣A-Za-z]+)\s+(\d{2,4})[.\-]?(\d{2})[.\-]?(\d{2})", text).groups()
        born = birth_date(year, month, day)
    # the search and its audit row are one transaction: retried once after a dropped connection (Database.read)
    rows = officer.database.read(lambda s: api_calls.rows(s, "search_customers", field, text, born, limit, offset))
    return [CustomerHit(r["customer_no"], r["name"], r["birth_date"], r["phone_masked"], r["branch_name"], r["in_scope"])
            for r in rows]
