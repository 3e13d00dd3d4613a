"""The branch at a glance for the officer's home screen."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from retention_desktop.data.models import Customer, Loan
from retention_desktop.services.officer_session import OfficerSession


@dataclass(frozen=True)
class BranchOverview:
    customers_total: int
    customers_in_branch: int
    active_loans_in_branch: int


def branch_overview(officer: OfficerSession) -> BranchOverview:
    with officer.database.session() as s:
        total = s.scalar(select(func.count()).select_from(Customer))
        mine = s.scalar(select(func.count()).select_from(Customer)
                        .where(Customer.home_branch_id == officer.branch_id))
        loans = s.scalar(select(func.count()).select_from(Loan)
                         .where(Loan.branch_id == officer.branch_id, Loan.status.in_(("active", "delinquent"))))
    return BranchOverview(total or 0, mine or 0, loans or 0)
