"""재대출 신청: filed from an accepted proposal, moved through its states with an event for every step,
guarded against two officers overwriting each other, and executed in one transaction (the old loan
closes, the new one opens)."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from retention_desktop.data.models import (
    Application,
    ApplicationEvent,
    Customer,
    Loan,
    Officer,
    Product,
    Proposal,
)
from retention_desktop.domain.applications import (
    OPEN_STATES,
    Actor,
    TransitionRefused,
    allowed_targets,
    check_transition,
)
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.fees import add_months
from retention_desktop.domain.labels import LOAN_KIND
from retention_desktop.domain.products import booking_product
from retention_desktop.services import audit
from retention_desktop.services.quoting import reloan_product
from retention_desktop.services.officer_session import OfficerSession


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


def _view(s, app: Application) -> ApplicationView:
    customer_no = s.scalar(select(Customer.customer_no).where(Customer.id == app.customer_id))
    old = s.scalar(select(Loan.loan_no).where(Loan.id == app.old_loan_id))
    new = s.scalar(select(Loan.loan_no).where(Loan.id == app.new_loan_id)) if app.new_loan_id else None
    return ApplicationView(app.application_no, app.state, app.row_version, customer_no, old, new, app.annual_rate_pct,
                           app.amount, app.term_months, app.needs_manager_approval)


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
    product_name: str
    created_by: str
    proposal_no: str
    events: list[EventLine]
    next_states: list[str]  # what this officer may do now


@dataclass(frozen=True)
class AcceptedProposal:
    proposal_no: str
    customer_no: str
    customer_name: str
    loan_no: str


def branch_applications(officer: OfficerSession, states: tuple[str, ...] | None = None,
                        limit: int = 500) -> list[ApplicationLine]:
    """The branch's applications (the replaced loan's branch), most recently changed first."""
    query = (select(Application, Customer.customer_no, Customer.name, Loan.loan_no, Officer.name)
             .join(Customer, Customer.id == Application.customer_id).join(Loan, Loan.id == Application.old_loan_id)
             .join(Officer, Officer.id == Application.created_by).where(Loan.branch_id == officer.branch_id))
    if states:
        query = query.where(Application.state.in_(states))
    with officer.database.session() as s:
        rows = s.execute(query.order_by(Application.updated_at.desc(), Application.id.desc()).limit(limit)).all()
    return [ApplicationLine(a.application_no, a.state, no, name, loan_no, a.annual_rate_pct, a.amount, a.term_months,
                            a.needs_manager_approval, creator, a.updated_at)
            for a, no, name, loan_no, creator in rows]


def accepted_without_application(officer: OfficerSession) -> list[AcceptedProposal]:
    """Re-loan proposals of the branch the customer accepted and nobody has filed yet (or only cancelled/rejected);
    an accepted renegotiation changes the existing contract and is not filed as a new loan."""
    open_or_done = select(Application.proposal_id).where(Application.state.not_in(("cancelled", "rejected")))
    loans_in_progress = select(Application.old_loan_id).where(Application.state.in_(OPEN_STATES))
    with officer.database.session() as s:
        rows = s.execute(select(Proposal.proposal_no, Customer.customer_no, Customer.name, Loan.loan_no)
                         .join(Customer, Customer.id == Proposal.customer_id).join(Loan, Loan.id == Proposal.loan_id)
                         .where(Loan.branch_id == officer.branch_id, Proposal.decision == "accepted",
                                Loan.status.in_(("active", "delinquent")), Proposal.id.not_in(open_or_done),
                                Proposal.loan_id.not_in(loans_in_progress),
                                func.coalesce(Proposal.quote_output["proposed_action"].astext, "reloan") == "reloan")
                         .order_by(Proposal.created_at.desc())).all()
    return [AcceptedProposal(*row) for row in rows]


def application_detail(officer: OfficerSession, application_no: str) -> ApplicationDetail:
    with officer.database.session() as s:
        app = s.scalars(select(Application).where(Application.application_no == application_no)).first()
        if app is None:
            raise ApplicationError(f"신청 {application_no}가 없습니다.")
        customer_name, customer_income = s.execute(select(Customer.name, Customer.annual_income)
                                                   .where(Customer.id == app.customer_id)).one()
        product_name = s.scalar(select(Product.name).where(Product.id == app.product_id))
        creator = s.execute(select(Officer.employee_no, Officer.name).where(Officer.id == app.created_by)).one()
        proposal_no = s.scalar(select(Proposal.proposal_no).where(Proposal.id == app.proposal_id))
        events = [EventLine(*row) for row in s.execute(
            select(ApplicationEvent.at, Officer.name, ApplicationEvent.from_state, ApplicationEvent.to_state,
                   ApplicationEvent.comment).join(Officer, Officer.id == ApplicationEvent.officer_id)
            .where(ApplicationEvent.application_id == app.id).order_by(ApplicationEvent.id))]
        view = _view(s, app)
    next_states = allowed_targets(app.state, Actor(officer.employee_no, officer.role), app.needs_manager_approval,
                                  creator.employee_no)
    return ApplicationDetail(view, customer_name, customer_income, product_name, creator.name, proposal_no, events,
                             next_states)


def create_from_proposal(officer: OfficerSession, proposal_no: str) -> ApplicationView:
    try:
        return _create_from_proposal(officer, proposal_no)
    except IntegrityError as exc:
        if "uq_applications_open_per_loan" in str(exc.orig):  # someone filed for this loan a moment earlier
            raise ApplicationError("이 대출을 상환하는 신청이 방금 다른 직원에 의해 작성되었습니다. 목록을 다시 불러오세요.") \
                from exc
        raise


def _create_from_proposal(officer: OfficerSession, proposal_no: str) -> ApplicationView:
    with officer.database.session() as s:
        proposal = s.scalars(select(Proposal).where(Proposal.proposal_no == proposal_no)).first()
        if proposal is None:
            raise ApplicationError(f"제안서 {proposal_no}가 없습니다.")
        if proposal.decision != "accepted":
            raise ApplicationError("고객이 수락한 제안서로만 재대출을 신청할 수 있습니다.")
        filed = s.scalar(select(Application.application_no).where(
            Application.proposal_id == proposal.id, Application.state.not_in(("cancelled", "rejected"))))
        if filed is not None:
            raise ApplicationError(f"이 제안서로 이미 신청 {filed}이(가) 작성되어 있습니다.")
        pending = s.scalar(select(Application.application_no).where(
            Application.old_loan_id == proposal.loan_id, Application.state.in_(OPEN_STATES)))
        if pending is not None:
            raise ApplicationError(f"이 대출을 상환하는 신청 {pending}이(가) 진행 중입니다. 그 신청을 마치거나 취소한 뒤 "
                                   "작성하세요.")
        if proposal.quote_output.get("proposed_action", "reloan") != "reloan" or "reloan_offer" not in proposal.quote_input:
            raise ApplicationError("금리 조건변경 제안은 새 대출을 실행하지 않습니다: 재대출 신청 대상이 아닙니다.")
        old = s.get(Loan, proposal.loan_id)
        offer = proposal.quote_input["reloan_offer"]
        rate, term = Decimal(str(offer["annual_rate_pct"])), int(offer["term_months"])
        product = _product_for(s, old.kind, old.balance, term, rate, offer.get("product_code"),
                               proposal.quote_input.get("borrower", {}).get("credit_score", 1000))
        authority = proposal.quote_output.get("authority_rate_pct")
        app = Application(
            application_no=f"A{dt.date.today():%Y%m%d}-{secrets.token_hex(3).upper()}", proposal_id=proposal.id,
            customer_id=proposal.customer_id, old_loan_id=old.id, product_id=product.id, annual_rate_pct=rate,
            amount=old.balance, term_months=term, state="draft",
            needs_manager_approval=authority is not None and rate < Decimal(str(authority)),
            created_by=officer.officer_id)
        s.add(app)
        s.flush()
        s.add(ApplicationEvent(application_id=app.id, officer_id=app.created_by, from_state=None, to_state="draft",
                               comment=f"제안서 {proposal_no}에서 작성"))
        customer_no = s.scalar(select(Customer.customer_no).where(Customer.id == proposal.customer_id))
        audit.record(s, officer.employee_no, "application.create", customer_no, application_no=app.application_no)
        return _view(s, app)


def _product_for(s, kind: str, amount: int, term: int, rate: Decimal, code: str | None = None,
                 score: int = 1000) -> Product:
    """The re-loan product the application is booked on: the one the proposal priced (``code``) if it still holds
    the amount, term and rate, else the first on sale of the loan's kind that does (``products.booking_product``)."""
    rows = s.scalars(select(Product).where(Product.loan_kind == kind, Product.active).order_by(Product.code)).all()
    products = {p.code: p for p in rows}
    priced = [reloan_product(p) for p in rows if p.code == code]
    for pool in (priced, [reloan_product(p) for p in rows]):
        chosen = booking_product(pool, kind, amount, term, score, pool[0].rate_type, rate) if pool else None
        if chosen is not None:
            return products[chosen.code]
    if not rows:
        raise ApplicationError(f"판매 중인 {LOAN_KIND.get(kind, kind)} 재대출 상품이 없습니다.")
    raise ApplicationError(f"금액 {amount:,}원 · {term}개월 · 연 {rate}%를 담을 수 있는 {LOAN_KIND.get(kind, kind)} 재대출 "
                           "상품이 없습니다 (상품별 금액·기간·금리 범위는 본부 관리 화면에서 확인).")


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
            s.add(ApplicationEvent(application_id=app.id, officer_id=officer.officer_id, from_state=previous,
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
