"""대출 상세: the remaining schedule and today's payoff quote of one of our loans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from retention_desktop.data import api_calls
from retention_desktop.data.models import Loan
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.fees import add_months, months_between
from retention_desktop.domain.payoff import Payoff, payoff_quote
from retention_desktop.domain.schedule import Schedule, build_schedule
from retention_desktop.services.officer_session import OfficerSession
from retention_desktop.services.regulation import policy_for


class LoanDetailError(UserError):
    pass


@dataclass(frozen=True)
class LoanDetail:
    loan_no: str
    customer_no: str
    kind: str
    status: str
    balance: int
    annual_rate_pct: object
    remaining_months: int
    first_due: dt.date
    schedule: Schedule | None
    payoff: Payoff | None


def load_loan_detail(officer: OfficerSession, loan_no: str, today: dt.date) -> LoanDetail:
    policy = policy_for(officer.database, today)
    try:
        # in scope, and recorded ('loan.view'); retried once after a dropped connection (Database.read: a view
        # recorded twice errs on the safe side)
        def opened_loan(s):
            opened = api_calls.one(s, "open_loan", loan_no)
            return opened, s.get(Loan, opened["loan_id"])

        opened, loan = officer.database.read(opened_loan)
        customer_no = opened["customer_no"]
    except api_calls.Refused as exc:
        raise LoanDetailError(str(exc)) from exc
    elapsed = months_between(loan.drawdown_date, today)
    remaining = max(loan.term_months - elapsed, 0)
    live = loan.status in ("active", "delinquent") and loan.balance > 0 and remaining > 0
    grace_left = max(loan.grace_months - elapsed, 0)
    schedule = build_schedule(loan.balance, loan.annual_rate_pct, remaining, loan.repayment_method,
                              min(grace_left, remaining - 1)) if live else None
    payoff = payoff_quote(loan.balance, loan.annual_rate_pct, loan.drawdown_date, loan.term_months,
                          loan.prepayment_fee_pct, today, policy) if live else None
    return LoanDetail(loan.loan_no, customer_no, loan.kind, loan.status, loan.balance, loan.annual_rate_pct,
                      remaining, add_months(loan.drawdown_date, elapsed + 1), schedule, payoff)
