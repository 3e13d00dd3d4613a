"""The branch's and the officer's retention call list from the latest score-portfolio run: each loan with the
action that raises the bank's expected value, that gain, its eligibility and what it saves the customer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from retention_desktop.data.models import CallListEntry, Customer, Loan, Officer
from retention_desktop.services.officer_session import OfficerSession


@dataclass(frozen=True)
class CallLine:
    rank: int
    customer_no: str
    customer_name: str
    loan_no: str
    kind: str
    balance: int
    current_rate_pct: Decimal
    recommended_rate_pct: Decimal
    switching_probability: Decimal
    value_at_risk: int
    officer_name: str
    mine: bool
    reasons: tuple[str, ...]
    action: str | None  # the recommended action (None on lists written before revision 0009)
    expected_value_gain: int | None  # what it adds to the bank's expected value over keeping the loan as it is
    customer_saving: int | None  # what it saves the customer in all, fees included
    customer_monthly_saving: int | None
    eligibility: str | None


def call_list(officer: OfficerSession, today: dt.date, only_mine: bool = False) -> tuple[dt.date | None, list[CallLine]]:
    def read(s):
        as_of = s.scalar(select(func.max(CallListEntry.as_of)).where(CallListEntry.branch_id == officer.branch_id,
                                                                      CallListEntry.as_of <= today))
        if as_of is None:
            return None, []
        stmt = (select(CallListEntry, Customer.customer_no, Customer.name, Loan.loan_no, Loan.kind, Loan.balance,
                       Officer.name)
                .join(Customer, Customer.id == CallListEntry.customer_id).join(Loan, Loan.id == CallListEntry.loan_id)
                .outerjoin(Officer, Officer.id == CallListEntry.officer_id)
                .where(CallListEntry.branch_id == officer.branch_id, CallListEntry.as_of == as_of)
                .order_by(CallListEntry.branch_rank))
        if only_mine:
            stmt = stmt.where(CallListEntry.officer_id == officer.officer_id)
        rows = s.execute(stmt).all()
        return as_of, rows

    as_of, rows = officer.database.read(read)  # retried once after a dropped connection
    if as_of is None:
        return None, []
    return as_of, [CallLine(e.branch_rank, no, name, loan_no, kind, balance, e.current_rate_pct, e.recommended_rate_pct,
                            e.switching_probability, e.value_at_risk, officer_name or "",
                            e.officer_id == officer.officer_id, tuple(e.reasons), e.action, e.expected_value_gain,
                            e.customer_saving, e.customer_monthly_saving, e.eligibility)
                   for e, no, name, loan_no, kind, balance, officer_name in rows]
