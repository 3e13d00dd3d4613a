"""재대출 신청: filed from an accepted proposal, moved through its states with an event for every step,
guarded against two officers overwriting each other, and executed in one transaction (the old loan
closes, the new one opens). A rate renegotiation (금리 조건변경) goes the same way without a new loan: its
execution changes the running loan's rate (revision 0017).

The rules — the state machine, who may make each move (the filer never approves or executes; approval
needs the authority for the rate and the amount), the re-checks at execution — live in the database
(``db/sql/50_applications.sql``); this module asks it (``api.file_application``, ``api.move_application``,
``api.application_actions``) and reads the branch's lists from its views."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select

from retention_desktop.data import api_calls, api_views
from retention_desktop.data.models import ApplicationEvent, Customer, Loan, Officer, Product
from retention_desktop.domain.errors import UserError
from retention_desktop.services.officer_session import OfficerSession

OPEN_STATES = ("draft", "submitted", "approved")


class ApplicationError(UserError):
    pass


class ConflictError(ApplicationError):
    """Someone else changed the application since this officer read it."""


@dataclass(frozen=True)
class ApplicationView:
    application_no: str
    state: str
    row_version: int
    customer_no: str
    old_loan_no: str
    new_loan_no: str | None
    annual_rate_pct: Decimal
    amount: int
    term_months: int
    needs_manager_approval: bool


def _view(s, application_no: str) -> ApplicationView:
    a = api_views.applications.c
    row = s.execute(select(a.application_no, a.state, a.row_version, a.customer_no, a.old_loan_no, a.new_loan_no,
                           a.annual_rate_pct, a.amount, a.term_months, a.needs_manager_approval)
                    .where(a.application_no == application_no)).first()
    if row is None:
        raise ApplicationError(f"신청 {application_no}가 없습니다.")
    return ApplicationView(*row)


@dataclass(frozen=True)
class ApplicationLine:
    application_no: str
    state: str
    customer_no: str
    customer_name: str
    old_loan_no: str
    annual_rate_pct: Decimal
    amount: int
    term_months: int
    needs_manager_approval: bool
    created_by: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class EventLine:
    at: dt.datetime
    officer_name: str
    from_state: str | None
    to_state: str
    comment: str


@dataclass(frozen=True)
class ApplicationDetail:
    application: ApplicationView
    customer_name: str
    customer_income: int
    product_name: str | None  # None: a renegotiation (the running loan keeps its contract)
    created_by: str
    proposal_no: str
    events: list[EventLine]
    next_states: list[str]  # what this officer may do now
    action: str = "reloan"  # reloan | renegotiation (금리 조건변경: execution changes the loan's rate)


@dataclass(frozen=True)
class AcceptedProposal:
    proposal_no: str
    customer_no: str
    customer_name: str
    loan_no: str
    action: str = "reloan"  # reloan | renegotiation


def _made_or_booked_here(officer: OfficerSession, made_at, loan_id):
    """Made at the officer's branch, or on a loan booked there (a walk-in's proposal stays with the branch that
    served them)."""
    return or_(made_at == officer.branch_id,
               loan_id.in_(select(Loan.id).where(Loan.branch_id == officer.branch_id)))


def branch_applications(officer: OfficerSession, states: tuple[str, ...] | None = None,
                        limit: int = 500) -> list[ApplicationLine]:
    """The branch's applications (filed here, or replacing a loan booked here), most recently changed first."""
    a = api_views.applications.c
    query = (select(a.application_no, a.state, a.customer_no, a.customer_name, a.old_loan_no, a.annual_rate_pct,
                    a.amount, a.term_months, a.needs_manager_approval, Officer.name, a.updated_at)
             .join_from(api_views.applications, Officer, Officer.id == a.created_by)
             .where(_made_or_booked_here(officer, a.branch_id, a.old_loan_id)))
    if states:
        query = query.where(a.state.in_(states))
    with officer.database.session() as s:
        rows = s.execute(query.order_by(a.updated_at.desc(), a.id.desc()).limit(limit)).all()
    return [ApplicationLine(*row) for row in rows]


def accepted_without_application(officer: OfficerSession) -> list[AcceptedProposal]:
    """Proposals made at the branch that the customer accepted and nobody has filed yet (or only cancelled), on a
    loan still running: re-loans, and renegotiations whose application (filed at acceptance) was cancelled; a
    proposal whose application was rejected is never filed again (api.file_application)."""
    p, a = api_views.proposals.c, api_views.applications.c
    open_or_done = select(a.proposal_id).where(a.state != "cancelled")
    loans_in_progress = select(a.old_loan_id).where(a.state.in_(OPEN_STATES))
    with officer.database.session() as s:
        rows = s.execute(select(p.proposal_no, p.customer_no, p.customer_name, p.loan_no, p.proposed_action)
                         .join_from(api_views.proposals, Loan, Loan.id == p.loan_id)
                         .where(p.branch_id == officer.branch_id, p.decision == "accepted",
                                Loan.status.in_(("active", "delinquent")), p.id.not_in(open_or_done),
                                p.loan_id.not_in(loans_in_progress))
                         .order_by(p.created_at.desc())).all()
    return [AcceptedProposal(*row) for row in rows]


def application_detail(officer: OfficerSession, application_no: str) -> ApplicationDetail:
    """One application with its history, and what this officer may do with it now (the database says)."""
    a, p = api_views.applications.c, api_views.proposals.c
    try:
        with officer.database.session() as s:
            row = s.execute(select(a.customer_id, a.product_id, a.created_by, a.proposal_id, a.customer_name)
                            .where(a.application_no == application_no)).first()
            if row is None:
                raise ApplicationError(f"신청 {application_no}가 없습니다.")
            customer_id, product_id, created_by, proposal_id, customer_name = row
            income = s.scalar(select(Customer.annual_income).where(Customer.id == customer_id))
            product_name = s.scalar(select(Product.name).where(Product.id == product_id))
            creator = s.scalar(select(Officer.name).where(Officer.id == created_by))
            proposal_no, action = s.execute(select(p.proposal_no, p.proposed_action)
                                            .where(p.id == proposal_id)).one()
            events = [EventLine(*r) for r in s.execute(
                select(ApplicationEvent.at, Officer.name, ApplicationEvent.from_state, ApplicationEvent.to_state,
                       ApplicationEvent.comment).join(Officer, Officer.id == ApplicationEvent.officer_id)
                .where(ApplicationEvent.application_id == select(a.id).where(a.application_no == application_no)
                       .scalar_subquery())
                .order_by(ApplicationEvent.id))]
            view = _view(s, application_no)
            next_states = list(api_calls.scalar(s, "application_actions", application_no))
    except api_calls.Refused as exc:
        raise ApplicationError(str(exc)) from exc
    return ApplicationDetail(view, customer_name, income or 0, product_name, creator, proposal_no, events, next_states,
                             action)


def create_from_proposal(officer: OfficerSession, proposal_no: str) -> ApplicationView:
    """File the application of an accepted proposal (rate, term from the proposal; amount the loan's balance)."""
    try:
        with officer.database.session() as s:
            made = api_calls.one(s, "file_application", proposal_no)
            return _view(s, made["application_no"])
    except api_calls.Refused as exc:
        raise ApplicationError(str(exc)) from exc


def transition(officer: OfficerSession, application_no: str, target: str, seen_row_version: int,
               comment: str = "", today: dt.date | None = None) -> ApplicationView:
    """Move the application; ``seen_row_version`` is the version the officer was looking at. The database
    decides whether this officer may, and executes on its own clock (``today`` is not used)."""
    try:
        with officer.database.session() as s:
            api_calls.one(s, "move_application", application_no, target, seen_row_version, comment)
            return _view(s, application_no)
    except api_calls.Refused as exc:
        if exc.sqlstate == api_calls.CONFLICT:
            raise ConflictError(str(exc)) from exc
        raise ApplicationError(str(exc)) from exc
