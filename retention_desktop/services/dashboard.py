"""The branch at a glance (대시보드): customers, loans, balances, today's calls, this month's proposals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from retention_desktop.data.models import CallListEntry, Customer, Loan, Proposal
from retention_desktop.services.officer_session import OfficerSession


@dataclass(frozen=True)
class BranchDashboard:
    branch_name: str
    customers: int
    loans: int
    active_loans: int
    average_balance: int
    loans_by_kind: dict[str, int]
    loans_by_status: dict[str, int]
    call_list_date: dt.date | None
    call_list_count: int
    my_call_list_count: int
    proposals_this_month: dict[str, int]


def branch_dashboard(officer: OfficerSession, today: dt.date) -> BranchDashboard:
    branch = officer.branch_id
    def read(s):
        customers = s.scalar(select(func.count()).select_from(Customer).where(Customer.home_branch_id == branch))
        totals = s.execute(select(
            func.count(), func.count().filter(Loan.status == "active"),
            func.coalesce(func.avg(case((Loan.status == "active", Loan.balance))), 0),
        ).where(Loan.branch_id == branch)).one()
        by_kind = dict(s.execute(select(Loan.kind, func.count()).where(Loan.branch_id == branch,
                                                                      Loan.status == "active").group_by(Loan.kind)).all())
        by_status = dict(s.execute(select(Loan.status, func.count()).where(Loan.branch_id == branch)
                                   .group_by(Loan.status)).all())
        latest = s.scalar(select(func.max(CallListEntry.as_of)).where(CallListEntry.branch_id == branch,
                                                                       CallListEntry.as_of <= today))
        calls = mine = 0
        if latest is not None:
            calls = s.scalar(select(func.count()).select_from(CallListEntry)
                             .where(CallListEntry.branch_id == branch, CallListEntry.as_of == latest))
            mine = s.scalar(select(func.count()).select_from(CallListEntry).where(
                CallListEntry.as_of == latest, CallListEntry.branch_id == branch,
                CallListEntry.officer_id == officer.officer_id))
        month_start = today.replace(day=1)
        outcomes = dict(s.execute(select(Proposal.decision, func.count()).join(Loan, Loan.id == Proposal.loan_id)
                                  .where(Loan.branch_id == branch, func.date(Proposal.created_at) >= month_start)
                                  .group_by(Proposal.decision)).all())
        return customers, totals, by_kind, by_status, latest, calls, mine, outcomes

    # one short read, retried once if the connection dropped (Database.read)
    customers, totals, by_kind, by_status, latest, calls, mine, outcomes = officer.database.read(read)
    return BranchDashboard(officer.branch_name, customers or 0, totals[0] or 0, totals[1] or 0,
                           int(totals[2] or 0), by_kind, by_status, latest, calls or 0, mine or 0, outcomes)
