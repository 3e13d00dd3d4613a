"""Proposals the branch has given customers, newest first, with the customer's decision: those made at the
branch (a walk-in customer of another branch included) and those on loans booked at the branch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from retention_desktop.data import api_views
from retention_desktop.data.models import Loan, Officer
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
    p = api_views.proposals.c
    with officer.database.session() as s:
        rows = s.execute(select(p.proposal_no, p.created_at, p.customer_no, p.customer_name, p.loan_no, Officer.name,
                                p.decision, p.valid_until)
                         .join_from(api_views.proposals, Officer, Officer.id == p.officer_id)
                         .where(or_(p.branch_id == officer.branch_id,
                                    p.loan_id.in_(select(Loan.id).where(Loan.branch_id == officer.branch_id))))
                         .order_by(p.created_at.desc()).limit(limit)).all()
    return [ProposalLine(*row) for row in rows]
