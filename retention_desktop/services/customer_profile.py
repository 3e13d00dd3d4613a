"""고객 상세: the customer's masked profile, credit history, loans, debts, repayments and badges.

The database opens the customer (``api.open_customer``, recorded) only within the officer's scope; a
customer of another branch needs a consultation access first (``request_consultation``: a reason, a few
hours, recorded). Revealing the masked contact details needs a reason and is recorded
(``api.reveal_customer``). The resident registration number is never revealed: only its mask is stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from retention_desktop.data.models import (
    CallListEntry,
    CreditScore,
    Customer,
    ExternalDebt,
    Loan,
    PricingRules as PricingRulesRow,
    Repayment,
)
from retention_desktop.data import api_calls
from retention_desktop.domain.sentences import say
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.fees import add_months, fee_period_end
from retention_desktop.domain.labels import LOAN_KIND
from retention_desktop.domain.pricing import PricingRules
from retention_desktop.services.officer_session import OfficerSession
from retention_desktop.services.regulation import policy_in

MIN_REVEAL_REASON = 4  # the database's rule (db/sql/30_customers.sql); the dialog checks it first for the officer


class ProfileError(UserError):
    pass


class ConsultationNeeded(ProfileError):
    """The customer is managed by another branch: opening needs consultation access (상담 열람) with a reason."""

    def __init__(self, customer_no: str, message: str):
        super().__init__(message)
        self.customer_no = customer_no


def request_consultation(officer: OfficerSession, customer_no: str, reason: str) -> dt.datetime:
    """Open another branch's customer to this officer for a few hours; returns when the access ends.

    Recorded first, as a search (``db/sql/30_customers.sql``, revision 0017): the request is one lookup of the day's
    budget of probes of other branches, committed in a transaction of its own, and only then does the database say
    what it came to (granted until …, no such customer, this branch's own, the budget spent: refused in words). The
    request is never repeated after a dropped connection (a write); the answer is a read."""
    try:
        with officer.database.session() as s:
            ticket = api_calls.scalar(s, "request_consultation_access", customer_no, reason)
        return officer.database.read(lambda s: api_calls.scalar(s, "consultation_access_result", ticket))
    except api_calls.Refused as exc:
        raise ProfileError(str(exc)) from exc


@dataclass(frozen=True)
class LoanLine:
    loan_no: str
    kind: str
    principal: int
    balance: int
    annual_rate_pct: Decimal
    rate_type: str
    method: str
    term_months: int
    drawdown_date: dt.date
    maturity_date: dt.date
    status: str


@dataclass(frozen=True)
class DebtLine:
    lender: str
    kind: str
    balance: int
    annual_rate_pct: Decimal
    remaining_months: int
    method: str
    credit_limit: int | None


@dataclass(frozen=True)
class RepaymentLine:
    loan_no: str
    due_date: dt.date
    paid_on: dt.date | None
    principal_paid: int
    interest_paid: int
    days_late: int


@dataclass(frozen=True)
class Badge:
    kind: str  # switching_risk | rate_cut_right | fee_window | switch_eligible
    text: str
    detail: tuple[str, ...] = ()
    level: str = ""  # switching_risk: high | medium | low (the screen's tone)


@dataclass(frozen=True)
class CustomerProfile:
    customer_no: str
    name: str
    birth_date: dt.date
    rrn_masked: str
    phone: str
    email: str
    address: str
    employer: str
    employment_type: str
    annual_income: int
    income_verified_on: dt.date | None
    branch_name: str
    salary_transfer: bool
    scores: tuple[tuple[dt.date, str, int], ...]
    loans: tuple[LoanLine, ...]
    debts: tuple[DebtLine, ...]
    repayments: tuple[RepaymentLine, ...]
    badges: tuple[Badge, ...]
    revealed: bool = False


_LOAN_COLUMNS = (Loan.id, Loan.loan_no, Loan.kind, Loan.principal, Loan.balance, Loan.annual_rate_pct, Loan.rate_type,
                 Loan.repayment_method, Loan.term_months, Loan.drawdown_date, Loan.maturity_date, Loan.status,
                 Loan.credit_score_at_drawdown)
_DEBT_COLUMNS = (ExternalDebt.lender, ExternalDebt.kind, ExternalDebt.balance, ExternalDebt.annual_rate_pct,
                 ExternalDebt.remaining_months, ExternalDebt.repayment_method, ExternalDebt.credit_limit)
_REPAYMENT_COLUMNS = (Repayment.loan_id, Repayment.due_date, Repayment.paid_on, Repayment.principal_paid,
                      Repayment.interest_paid, Repayment.days_late)


def _profile_rows(s, ticket: int, customer_no: str, today: dt.date, reveal: bool) -> tuple:
    """The customer's card (served for the committed access ``ticket``) and the rows of the profile, in one
    transaction: (card, scores, loans, debts, repayments, entries, rules)."""
    card = api_calls.one(s, "reveal_customer" if reveal else "open_customer", ticket)
    # the id looked up inside each statement (a unique-index probe) rather than in a round trip of its own
    customer_id = select(Customer.id).where(Customer.customer_no == customer_no).scalar_subquery()
    scores = tuple(s.execute(select(CreditScore.scored_on, CreditScore.bureau, CreditScore.score)
                             .where(CreditScore.customer_id == customer_id)
                             .order_by(CreditScore.scored_on)).all())
    loans = s.execute(select(*_LOAN_COLUMNS).where(Loan.customer_id == customer_id)
                      .order_by(Loan.status, Loan.drawdown_date.desc())).all()
    debts = s.execute(select(*_DEBT_COLUMNS).where(ExternalDebt.customer_id == customer_id)
                      .order_by(ExternalDebt.annual_rate_pct.desc())).all()
    # by the customer's loan ids, so the (loan_id, due_date) index answers it at any book size
    loan_numbers = {loan.id: loan.loan_no for loan in loans}
    repayments = [(loan_numbers[r.loan_id], r) for r in s.execute(
        select(*_REPAYMENT_COLUMNS).where(Repayment.loan_id.in_(list(loan_numbers)),
                                          Repayment.due_date > today - dt.timedelta(days=366))
        .order_by(Repayment.due_date.desc()))] if loan_numbers else []
    entries = s.execute(select(Loan.loan_no, CallListEntry.switching_probability, CallListEntry.reasons)
                        .join(Loan, Loan.id == CallListEntry.loan_id)
                        .where(CallListEntry.customer_id == customer_id)
                        .order_by(CallListEntry.as_of.desc())).all()
    rules = s.execute(select(PricingRulesRow.version, PricingRulesRow.effective_from,
                             PricingRulesRow.parameters)
                      .where(PricingRulesRow.effective_from <= today)
                      .order_by(PricingRulesRow.effective_from.desc()).limit(1)).first()
    return card, scores, loans, debts, repayments, entries, rules


def load_profile(officer: OfficerSession, customer_no: str, today: dt.date, reveal_reason: str | None = None
                 ) -> CustomerProfile:
    if reveal_reason is not None and len(reveal_reason.strip()) < MIN_REVEAL_REASON:
        raise ProfileError(f"열람 사유를 {MIN_REVEAL_REASON}자 이상 입력해야 합니다.")
    # Rows, not ORM objects, and the policy read in the access record's transaction: issue 16's "customer view
    # <= 20 ms" (docs/benchmarks.md).
    try:
        # recorded (and committed) first; only then shown (api_calls.recorded's rule). The policy in force is read
        # in the same transaction, before the record: none in force raises and nothing is recorded.
        purpose = "customer.view" if reveal_reason is None else "customer.reveal"
        # both retried once after a dropped connection (Database.read): an access recorded twice errs on the
        # safe side, and the rows are a read
        policy, ticket = officer.database.read(lambda s: (
            policy_in(s, today), api_calls.scalar(s, "record_access", purpose, customer_no, reveal_reason)))
        card, scores, loans, debts, repayments, entries, rules = officer.database.read(
            lambda s: _profile_rows(s, ticket, customer_no, today, reveal_reason is not None))
    except api_calls.Refused as exc:
        if exc.sqlstate == api_calls.NOT_ALLOWED and exc.hint and "request_consultation_access" in exc.hint:
            raise ConsultationNeeded(customer_no, str(exc)) from exc
        raise ProfileError(str(exc)) from exc
    pricing = PricingRules.from_parameters(rules.version, rules.effective_from, rules.parameters) if rules else None
    latest_score = scores[-1][2] if scores else None
    badges = _badges(loans, entries, latest_score, pricing, today, policy)
    return CustomerProfile(
        customer_no=card["customer_no"], name=card["name"], birth_date=card["birth_date"],
        rrn_masked=card["rrn_masked"], phone=card["phone"], email=card["email"], address=card["address"],
        employer=card["employer"], employment_type=card["employment_type"], annual_income=card["annual_income"],
        income_verified_on=card["income_verified_on"], branch_name=card["branch_name"],
        salary_transfer=card["salary_transfer"], scores=scores,
        loans=tuple(LoanLine(l.loan_no, l.kind, l.principal, l.balance, l.annual_rate_pct, l.rate_type,
                             l.repayment_method, l.term_months, l.drawdown_date, l.maturity_date, l.status)
                    for l in loans),
        debts=tuple(DebtLine(d.lender, d.kind, d.balance, d.annual_rate_pct, d.remaining_months,
                             d.repayment_method, d.credit_limit) for d in debts),
        repayments=tuple(RepaymentLine(no, r.due_date, r.paid_on, r.principal_paid, r.interest_paid, r.days_late)
                         for no, r in repayments),
        badges=badges, revealed=card["revealed"])


def _badges(loans, entries, latest_score, pricing: PricingRules | None, today, policy) -> tuple[Badge, ...]:
    """The customer view's flags: switching risk from the call list, and per active loan a 금리인하요구권 claim
    (the pricing rules' definition; none without pricing rules in force), the fee window, the switching date."""
    badges = []
    seen = set()
    for entry in entries:
        loan_no = entry.loan_no
        if loan_no in seen:
            continue
        seen.add(loan_no)
        level = "높음" if entry.switching_probability >= Decimal("0.3") else (
            "보통" if entry.switching_probability >= Decimal("0.1") else "낮음")
        share = f"{entry.switching_probability:.0%}" if entry.switching_probability >= Decimal("0.01") else "1% 미만"
        badges.append(Badge("switching_risk", say("이탈위험 {level} {share} ({loan})", level=say(level), share=share,
                                                  loan=loan_no),
                            tuple(entry.reasons), {"높음": "high", "보통": "medium", "낮음": "low"}[level]))
    for loan in loans:
        if loan.status not in ("active", "delinquent"):
            continue
        kind = LOAN_KIND.get(loan.kind, loan.kind)
        if pricing is not None and latest_score is not None and loan.credit_score_at_drawdown is not None \
                and pricing.rate_cut_owed_pct(loan.kind, loan.credit_score_at_drawdown, latest_score) is not None:
            badges.append(Badge("rate_cut_right", say("금리인하요구권 대상 ({kind} {loan}: 신용점수 {before}→{after})",
                                                      kind=kind, loan=loan.loan_no,
                                                      before=loan.credit_score_at_drawdown, after=latest_score)))
        end = fee_period_end(loan.drawdown_date, loan.term_months, policy)
        if end > today:
            badges.append(Badge("fee_window", say("중도상환수수료 {date} 종료 ({kind} {loan})", date=f"{end:%Y.%m.%d}",
                                                  kind=kind, loan=loan.loan_no)))
        if loan.kind == "mortgage":
            since = add_months(loan.drawdown_date, policy.mortgage_switch_min_months)
            if since > today:
                badges.append(Badge("switch_eligible", say("대환 가능일 {date} ({loan})", date=f"{since:%Y.%m.%d}",
                                                           loan=loan.loan_no)))
    return tuple(badges)
