"""Proposals the branch has given customers, newest first, with the customer's decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from retention_desktop.data.models import Customer, Loan, Officer, Proposal
from retention_desktop.services.officer_session import OfficerSession


@dataclass(frozen=True)
class ProposalLine:
    proposal_no: str
    created_at: dt.datetime
    customer_no: str
    customer_name: str
    loan_no: str
    officer_name: str
    decision: str
    valid_until: dt.date


def branch_proposals(officer: OfficerSession, limit: int = 500) -> list[ProposalLine]:
    with officer.database.session() as s:
        rows = s.execute(select(Proposal, Customer.customer_no, Customer.name, Loan.loan_no, Officer.name)
                         .join(Customer, Customer.id == Proposal.customer_id).join(Loan, Loan.id == Proposal.loan_id)
                         .join(Officer, Officer.id == Proposal.officer_id)
                         .where(Loan.branch_id == officer.branch_id)
                         .order_by(Proposal.created_at.desc()).limit(limit)).all()
    return [ProposalLine(p.proposal_no, p.created_at, no, name, loan_no, officer_name, p.decision, p.valid_until)
            for p, no, name, loan_no, officer_name in rows]
