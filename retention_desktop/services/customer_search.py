"""Find a customer by name (prefix), customer number, the last four phone digits or a loan number.

Every form of the query is answered from an index (the name in byte order, the
stored last-four column, the unique numbers), so it answers alike at a million customers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select

from retention_desktop.data.models import Branch, Customer, Loan
from retention_desktop.domain.masking import mask_phone
from retention_desktop.services import audit
from retention_desktop.services.officer_session import OfficerSession

MAX_QUERY_LENGTH = 40


@dataclass(frozen=True)
class CustomerHit:
    customer_no: str
    name: str
    birth_date: dt.date
    phone_masked: str
    branch_name: str


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
    stmt = (select(Customer.customer_no, Customer.name, Customer.birth_date, Customer.phone, Branch.name)
            .join(Branch, Customer.home_branch_id == Branch.id))
    name_order = (Customer.name.collate("C"), Customer.birth_date, Customer.customer_no)
    # each form filters and orders by the columns of its own byte-order index (revision 0005)
    if field == "customer_no":
        stmt = stmt.where(Customer.customer_no.collate("C").startswith(text, autoescape=True))
        stmt = stmt.order_by(Customer.customer_no.collate("C"))
    elif field == "loan_no":
        matching = select(Loan.customer_id).where(Loan.loan_no.collate("C").startswith(text, autoescape=True))
        stmt = stmt.where(Customer.id.in_(matching.limit(limit + offset))).order_by(*name_order)
    elif field == "phone_last4":
        stmt = stmt.where(Customer.phone_last4 == text).order_by(Customer.phone_last4, *name_order)
    elif field == "name_birth":
        name, year, month, day = re.fullmatch(r"([가-힣A-Za-z]+)\s+(\d{2,4})[.\-]?(\d{2})[.\-]?(\d{2})",
                                              text).groups()
        stmt = stmt.where(Customer.name.collate("C") == name, Customer.birth_date == birth_date(year, month, day))
        stmt = stmt.order_by(*name_order)
    else:
        stmt = stmt.where(Customer.name.collate("C").startswith(text, autoescape=True)).order_by(*name_order)
    stmt = stmt.limit(limit).offset(offset)
    with officer.database.session() as s:
        rows = s.execute(stmt).all()
        # a search shows names and birth dates: it is an access to personal data, recorded as such
        audit.record(s, officer.employee_no, "customer.search", None, query_kind=field, results=len(rows),
                     offset=offset)
    return [CustomerHit(no, name, birth, mask_phone(phone), branch) for no, name, birth, phone, branch in rows]
