"""재대출 신청: filed from an accepted proposal, moved through its states with an event for every step,
guarded against two officers overwriting each other, and executed in one transaction (the old loan
closes, the new one opens)."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from retention_desktop.data.models import Application, ApplicationEvent, Customer, Loan, Officer, Product, Proposal
from retention_desktop.domain.applications import Actor, TransitionRefused, check_transition
from retention_desktop.domain.fees import add_months
from retention_desktop.services import audit
from retention_desktop.services.officer_session import OfficerSession


class ApplicationError(Exception):
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


def _officer_id(s, officer: OfficerSession) -> int:
    return s.scalar(select(Officer.id).where(Officer.employee_no == officer.employee_no))


def _view(s, app: Application) -> ApplicationView:
    customer_no = s.scalar(select(Customer.customer_no).where(Customer.id == app.customer_id))
    old = s.scalar(select(Loan.loan_no).where(Loan.id == app.old_loan_id))
    new = s.scalar(select(Loan.loan_no).where(Loan.id == app.new_loan_id)) if app.new_loan_id else None
    return ApplicationView(app.application_no, app.state, app.row_version, customer_no, old, new, app.annual_rate_pct,
                           app.amount, app.term_months, app.needs_manager_approval)


def create_from_proposal(officer: OfficerSession, proposal_no: str) -> ApplicationView:
    with officer.database.session() as s:
        proposal = s.scalars(select(Proposal).where(Proposal.proposal_no == proposal_no)).first()
        if proposal is None:
            raise ApplicationError(f"제안서 {proposal_no}가 없습니다.")
        if proposal.decision != "accepted":
            raise ApplicationError("고객이 수락한 제안서로만 재대출을 신청할 수 있습니다.")
        old = s.get(Loan, proposal.loan_id)
        product = s.scalars(select(Product).where(Product.loan_kind == old.kind, Product.active)
                            .order_by(Product.id)).first()
        if product is None:
            raise ApplicationError(f"{old.kind} 재대출 상품이 없습니다.")
        offer = proposal.quote_input["reloan_offer"]
        rate = Decimal(str(offer["annual_rate_pct"]))
        authority = proposal.quote_output.get("authority_rate_pct")
        app = Application(
            application_no=f"A{dt.date.today():%Y%m%d}-{secrets.token_hex(3).upper()}", proposal_id=proposal.id,
            customer_id=proposal.customer_id, old_loan_id=old.id, product_id=product.id, annual_rate_pct=rate,
            amount=old.balance, term_months=int(offer["term_months"]), state="draft",
            needs_manager_approval=authority is not None and rate < Decimal(str(authority)),
            created_by=_officer_id(s, officer))
        s.add(app)
        s.flush()
        s.add(ApplicationEvent(application_id=app.id, officer_id=app.created_by, from_state=None, to_state="draft",
                               comment=f"제안서 {proposal_no}에서 작성"))
        customer_no = s.scalar(select(Customer.customer_no).where(Customer.id == proposal.customer_id))
        audit.record(s, officer.employee_no, "application.create", customer_no, application_no=app.application_no)
        return _view(s, app)


def transition(officer: OfficerSession, application_no: str, target: str, seen_row_version: int,
               comment: str = "", today: dt.date | None = None) -> ApplicationView:
    """Move the application; ``seen_row_version`` is the version the officer was looking at."""
    try:
        with officer.database.session() as s:
            app = s.scalars(select(Application).where(Application.application_no == application_no)).first()
            if app is None:
                raise ApplicationError(f"신청 {application_no}가 없습니다.")
            if app.row_version != seen_row_version:
                raise ConflictError("다른 직원이 먼저 이 신청을 변경했습니다. 최신 내용을 다시 불러온 뒤 처리하세요.")
            creator = s.scalar(select(Officer.employee_no).where(Officer.id == app.created_by))
            try:
                check_transition(app.state, target, Actor(officer.employee_no, officer.role),
                                 app.needs_manager_approval, creator)
            except TransitionRefused as exc:
                raise ApplicationError(str(exc)) from exc
            previous = app.state
            if target == "executed":
                _execute(s, app, today or dt.date.today())
            app.state = target
            app.updated_at = func.now()
            s.add(ApplicationEvent(application_id=app.id, officer_id=_officer_id(s, officer), from_state=previous,
                                   to_state=target, comment=comment))
            s.flush()
            customer_no = s.scalar(select(Customer.customer_no).where(Customer.id == app.customer_id))
            audit.record(s, officer.employee_no, "application.transition", customer_no,
                         application_no=application_no, from_state=previous, to_state=target)
            return _view(s, app)
    except StaleDataError as exc:  # two officers at the same instant: the database kept the first
        raise ConflictError("다른 직원이 동시에 이 신청을 변경했습니다. 다시 불러온 뒤 처리하세요.") from exc


def _execute(s, app: Application, today: dt.date) -> None:
    """Close the old loan and open the new one; both happen in the caller's transaction or neither."""
    old = s.get(Loan, app.old_loan_id)
    if old.status not in ("active", "delinquent"):
        raise ApplicationError(f"기존 대출 {old.loan_no}이(가) 이미 종료되었습니다.")
    product = s.get(Product, app.product_id)
    number = s.scalar(select(func.nextval("loans_id_seq")))
    new = Loan(id=number, loan_no=f"L{number:010d}", customer_id=app.customer_id, product_id=product.id, branch_id=old.branch_id,
               officer_id=old.officer_id, kind=old.kind, principal=app.amount, balance=app.amount,
               annual_rate_pct=app.annual_rate_pct, rate_type=product.rate_type,
               fixed_period_months=60 if product.rate_type in ("mixed", "periodic") else None,
               index_name=product.index_name, repayment_method=old.repayment_method, term_months=app.term_months,
               grace_months=0, drawdown_date=today, maturity_date=add_months(today, app.term_months),
               collateral_value=old.collateral_value, collateral_region=old.collateral_region,
               prepayment_fee_pct=product.prepayment_fee_pct, credit_score_at_drawdown=old.credit_score_at_drawdown,
               status="active")
    s.add(new)
    old.status, old.balance, old.closed_on, old.closed_reason = "refinanced", 0, today, "refinanced"
    s.flush()
    app.new_loan_id = new.id
