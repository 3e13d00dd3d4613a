"""고객 상세: the customer's masked profile, credit history, loans, debts, repayments and badges.

Opening it writes an access record; revealing the masked contact details needs a reason and writes
another. The resident registration number is never revealed: only its mask is stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from retention_desktop.data.models import (
    Branch,
    CallListEntry,
    CreditScore,
    Customer,
    ExternalDebt,
    Loan,
    PricingRules as PricingRulesRow,
    Repayment,
)
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.fees import add_months, fee_period_end
from retention_desktop.domain.labels import LOAN_KIND
from retention_desktop.domain.masking import mask_address, mask_email, mask_phone
from retention_desktop.domain.pricing import PricingRules
from retention_desktop.services import audit
from retention_desktop.services.officer_session import OfficerSession
from retention_desktop.services.regulation import policy_for

MIN_REVEAL_REASON = 4


class ProfileError(UserError):
    pass


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


def load_profile(officer: OfficerSession, customer_no: str, today: dt.date, reveal_reason: str | None = None
                 ) -> CustomerProfile:
    if reveal_reason is not None and len(reveal_reason.strip()) < MIN_REVEAL_REASON:
        raise ProfileError(f"열람 사유를 {MIN_REVEAL_REASON}자 이상 입력해야 합니다.")
    policy = policy_for(officer.database, today)
    with officer.database.session() as s:
        row = s.execute(select(Customer, Branch.name).join(Branch, Branch.id == Customer.home_branch_id)
                        .where(Customer.customer_no == customer_no)).first()
        if row is None:
            raise ProfileError(f"고객번호 {customer_no}를 찾을 수 없습니다.")
        customer, branch_name = row
        scores = tuple(s.execute(select(CreditScore.scored_on, CreditScore.bureau, CreditScore.score)
                                 .where(CreditScore.customer_id == customer.id).order_by(CreditScore.scored_on)).all())
        loans = s.scalars(select(Loan).where(Loan.customer_id == customer.id)
                          .order_by(Loan.status, Loan.drawdown_date.desc())).all()
        debts = s.scalars(select(ExternalDebt).where(ExternalDebt.customer_id == customer.id)
                          .order_by(ExternalDebt.annual_rate_pct.desc())).all()
        # by the customer's loan ids, so the (loan_id, due_date) index answers it at any book size
        loan_numbers = {loan.id: loan.loan_no for loan in loans}
        repayments = [(loan_numbers[r.loan_id], r) for r in s.scalars(
            select(Repayment).where(Repayment.loan_id.in_(list(loan_numbers)),
                                    Repayment.due_date > today - dt.timedelta(days=366))
            .order_by(Repayment.due_date.desc()))] if loan_numbers else []
        entries = s.execute(select(Loan.loan_no, CallListEntry).join(Loan, Loan.id == CallListEntry.loan_id)
                            .where(CallListEntry.customer_id == customer.id)
                            .order_by(CallListEntry.as_of.desc())).all()
        rules = s.scalars(select(PricingRulesRow).where(PricingRulesRow.effective_from <= today)
                          .order_by(PricingRulesRow.effective_from.desc()).limit(1)).first()
        if reveal_reason is None:
            audit.record(s, officer.employee_no, "customer.view", customer_no)
        else:
            audit.record(s, officer.employee_no, "customer.reveal", customer_no, reason=reveal_reason.strip(),
                         fields=["phone", "email", "address"])
    threshold = PricingRules.from_parameters(rules.version, rules.effective_from, rules.parameters
                                             ).rate_cut_score_improvement if rules else 50
    latest_score = scores[-1][2] if scores else None
    badges = _badges(loans, entries, latest_score, threshold, today, policy)
    revealed = reveal_reason is not None
    return CustomerProfile(
        customer_no=customer.customer_no, name=customer.name, birth_date=customer.birth_date,
        rrn_masked=customer.rrn_masked,
        phone=customer.phone if revealed else mask_phone(customer.phone),
        email=(customer.email or "") if revealed else mask_email(customer.email),
        address=customer.address if revealed else mask_address(customer.address),
        employer=customer.employer or "", employment_type=customer.employment_type,
        annual_income=customer.annual_income, income_verified_on=customer.income_verified_on,
        branch_name=branch_name, salary_transfer=customer.salary_transfer, scores=scores,
        loans=tuple(LoanLine(l.loan_no, l.kind, l.principal, l.balance, l.annual_rate_pct, l.rate_type,
                             l.repayment_method, l.term_months, l.drawdown_date, l.maturity_date, l.status)
                    for l in loans),
        debts=tuple(DebtLine(d.lender, d.kind, d.balance, d.annual_rate_pct, d.remaining_months,
                             d.repayment_method, d.credit_limit) for d in debts),
        repayments=tuple(RepaymentLine(no, r.due_date, r.paid_on, r.principal_paid, r.interest_paid, r.days_late)
                         for no, r in repayments),
        badges=badges, revealed=revealed)


def _badges(loans, entries, latest_score, threshold, today, policy) -> tuple[Badge, ...]:
    badges = []
    seen = set()
    for loan_no, entry in entries:
        if loan_no in seen:
            continue
        seen.add(loan_no)
        level = "높음" if entry.switching_probability >= Decimal("0.3") else (
            "보통" if entry.switching_probability >= Decimal("0.1") else "낮음")
        share = f"{entry.switching_probability:.0%}" if entry.switching_probability >= Decimal("0.01") else "1% 미만"
        badges.append(Badge("switching_risk", f"이탈위험 {level} {share} ({loan_no})",
                            tuple(entry.reasons), {"높음": "high", "보통": "medium", "낮음": "low"}[level]))
    for loan in loans:
        if loan.status not in ("active", "delinquent"):
            continue
        kind = LOAN_KIND.get(loan.kind, loan.kind)
        if latest_score is not None and loan.credit_score_at_drawdown is not None \
                and latest_score - loan.credit_score_at_drawdown >= threshold:
            badges.append(Badge("rate_cut_right", f"금리인하요구권 대상 ({kind} {loan.loan_no}: 신용점수 "
                                                  f"{loan.credit_score_at_drawdown}→{latest_score})"))
        end = fee_period_end(loan.drawdown_date, loan.term_months, policy)
        if end > today:
            badges.append(Badge("fee_window", f"중도상환수수료 {end:%Y.%m.%d} 종료 ({kind} {loan.loan_no})"))
        if loan.kind == "mortgage":
            since = add_months(loan.drawdown_date, policy.mortgage_switch_min_months)
            if since > today:
                badges.append(Badge("switch_eligible", f"대환 가능일 {since:%Y.%m.%d} ({loan.loan_no})"))
    return tuple(badges)
