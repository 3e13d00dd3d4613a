"""Keep the loan, renegotiate its rate (금리 조건변경), re-loan with us (재대출), or switch lenders (대환): what
each really costs the customer.

For every option: the monthly payment, total interest over its life, the prepayment fee on the
loan being left (after the booking product's waiver for a re-loan), the borrower's stamp duty on the
new contract, fees, total cost, the saving against keeping, the cash and the true break-even month,
the effective annual cost, and eligibility rule by rule (``domain/eligibility.py``) with its reasons
in plain Korean. A renegotiation changes the rate of the existing contract: nothing is repaid, no new
contract is signed and it is not a new loan for the DSR (policy section ``renegotiation``).
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import accumulate

from retention_desktop.domain.sentences import say
from retention_desktop.domain.apr import effective_annual_cost_pct
from retention_desktop.domain.eligibility import Check, Eligibility, dsr_check, new_loan_eligibility
from retention_desktop.domain.fees import prepayment_fee, stamp_duty_borrower
from retention_desktop.domain.limits import (
    Borrower,
    Debt,
    LoanLimit,
    NewLoan,
    credit_total,
    debt_service,
    dsr_pct,
    loan_limit,
    max_term_months,
    stress_add_pct,
)
from retention_desktop.domain.money import format_won
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.products import ReloanProduct
from retention_desktop.domain.schedule import RepaymentMethod, Schedule, build_schedule

ENGINE_VERSION = "1.1.0"


@dataclass(frozen=True)
class CurrentLoan:
    kind: str
    balance: int
    annual_rate_pct: Decimal
    rate_type: str
    method: RepaymentMethod
    term_months: int
    remaining_months: int
    drawdown_date: dt.date
    prepayment_fee_pct: Decimal
    fixed_period_months: int | None = None
    collateral_value: int | None = None
    collateral_region: str | None = None
    credit_limit: int | None = None  # an overdraft line's limit: the DSR counts the line at its limit
    delinquent: bool = False  # 연체 중: neither switched, re-loaned nor renegotiated
    index_name: str | None = None  # the contract's funding index (None: fixed, or not known)

    def as_debt(self) -> Debt:
        return Debt(self.kind, self.balance, self.annual_rate_pct, self.remaining_months, self.method,
                    self.credit_limit if self.kind == "overdraft" else None)


@dataclass(frozen=True)
class Offer:
    """What could replace the current terms: a renegotiated rate on the same contract, our re-loan (a new loan
    booked on ``product``), or another lender's offer."""

    label: str  # "renegotiation", "reloan" or "switch:<lender>"
    lender: str
    annual_rate_pct: Decimal
    term_months: int
    method: RepaymentMethod
    fees: int = 0
    rate_type: str | None = None  # None: the current loan's
    prepayment_fee_waiver_pct: Decimal | None = Decimal(0)  # a re-loan's; None: its product's (0 without one)
    lender_sector: str = "bank"
    fixed_period_months: int | None = None  # None: the current loan's
    product: ReloanProduct | None = None  # the re-loan's booking product (its bounds are checked)
    product_missing: str | None = None  # why no product on sale holds this re-loan
    product_code: str | None = None  # the booking product a quote document names
    shown_to_customer: bool = False  # another lender's offer the customer brought (typed in by the officer)

    @property
    def is_reloan(self) -> bool:
        return self.label == "reloan"

    @property
    def is_renegotiation(self) -> bool:
        return self.label == "renegotiation"

    @property
    def is_switch(self) -> bool:
        return self.label.startswith("switch:")


@dataclass(frozen=True)
class OptionResult:
    label: str
    lender: str
    annual_rate_pct: Decimal
    term_months: int
    method: RepaymentMethod
    monthly_payment: int
    total_interest: int
    prepayment_fee: int
    stamp_duty_borrower: int
    fees: int
    total_cost: int
    net_saving_vs_keep: int
    break_even_month: int | None
    cash_break_even_month: int | None
    effective_annual_cost_pct: Decimal
    eligible: bool
    reasons: tuple[str, ...]
    interest_parts: tuple[int, ...] = field(repr=False)
    blocked_by: tuple[Check, ...] = ()  # the rules an ineligible option fails, with their figures

    @property
    def upfront_cost(self) -> int:
        return self.prepayment_fee + self.stamp_duty_borrower + self.fees

    @property
    def cumulative_cost(self) -> tuple[int, ...]:
        """Up-front costs plus interest paid so far, month by month (the chart's line)."""
        return tuple(accumulate(self.interest_parts, initial=self.upfront_cost))[1:]


@dataclass(frozen=True)
class LimitSummary:
    dsr_pct: Decimal
    stress_dsr_pct: Decimal
    max_new_loan: int
    binding_constraint: str
    detail: LoanLimit


@dataclass(frozen=True)
class Comparison:
    as_of: dt.date
    policy_version: str
    engine_version: str
    options: tuple[OptionResult, ...]
    limits: LimitSummary

    def option(self, label: str) -> OptionResult:
        return next(o for o in self.options if o.label == label)

    def find(self, label: str) -> OptionResult | None:
        return next((o for o in self.options if o.label == label), None)


def compare(as_of: dt.date, borrower: Borrower, other_debts: list[Debt], current: CurrentLoan,
            offers: list[Offer], policy: Policy) -> Comparison:
    keep_schedule = build_schedule(current.balance, current.annual_rate_pct, current.remaining_months,
                                   current.method)
    keep_payments = _payments(keep_schedule)
    keep = OptionResult(
        "keep", "", current.annual_rate_pct, current.remaining_months, current.method,
        keep_schedule.regular_payment, keep_schedule.total_interest, 0, 0, 0, keep_schedule.total_interest, 0,
        None, None, effective_annual_cost_pct(current.balance, keep_payments, _guess(current.annual_rate_pct)),
        True, (say("현재 대출 유지: 추가 비용 없음"),), keep_schedule.interest_parts)
    other_services = [debt_service(d, policy) for d in other_debts]
    results = [keep] + [
        _option(as_of, borrower, other_debts, other_services, current, offer, keep, keep_payments, policy)
        for offer in offers]
    return Comparison(as_of, policy.version, ENGINE_VERSION, tuple(results),
                      _limits(borrower, other_debts, other_services, current, policy))


def _option(as_of, borrower, other_debts, other_services, current: CurrentLoan, offer: Offer,
            keep: OptionResult, keep_payments: list[int], policy: Policy) -> OptionResult:
    amount = current.balance  # a switch or re-loan repays the balance, never more
    longest = max_term_months(_as_new_loan(current, offer), borrower, policy)
    term_note = None
    if longest is not None and offer.term_months > longest and not offer.is_renegotiation:
        # 6·27: a new mortgage in the capital area or a regulated area runs at most the policy's term
        term_note = say("수도권·규제지역 주택담보대출 최장 만기 {years}년: {asked}개월 대신 {longest}개월로 계산",
                        years=longest // 12, asked=offer.term_months, longest=longest)
        offer = replace(offer, term_months=longest)
    schedule = build_schedule(amount, offer.annual_rate_pct, offer.term_months, offer.method)
    payments = _payments(schedule)
    reasons: list[str] = [term_note] if term_note else []
    if offer.is_renegotiation:
        fee = full = 0  # nothing is repaid: the same contract carries on at another rate
        duty = stamp_duty_borrower(amount, policy) if policy.renegotiation.stamp_duty else 0
        eligibility = _renegotiation_eligibility(borrower, other_debts, current, offer, policy)
        reasons.append(say("같은 계약의 금리만 변경: 중도상환수수료 없음") if policy.renegotiation.stamp_duty else
                       say("같은 계약의 금리만 변경: 중도상환수수료 없음, 새 계약 인지세 없음"))
    else:
        waiver = (offer.prepayment_fee_waiver_pct or Decimal(0)) if offer.is_reloan else Decimal(0)
        full = prepayment_fee(current.balance, current.prepayment_fee_pct, current.drawdown_date,
                              current.term_months, as_of, policy)
        fee = prepayment_fee(current.balance, current.prepayment_fee_pct, current.drawdown_date,
                             current.term_months, as_of, policy, waiver) if waiver else full
        duty = stamp_duty_borrower(amount, policy)
        eligibility = new_loan_eligibility(
            borrower, other_debts, _as_new_loan(current, offer), amount, say("재대출 심사") if offer.is_reloan else say("대환 시 DSR 재심사"), policy,
            offer.lender_sector, current.delinquent, current.drawdown_date, as_of, switching=not offer.is_reloan,
            product=offer.product, product_missing=offer.product_missing)
        if fee:
            reasons.append(say("중도상환수수료 {fee} (재대출 감면 {waived})", fee=format_won(fee),
                               waived=format_won(full - fee)) if full != fee else
                           say("중도상환수수료 {fee}", fee=format_won(fee)))
        elif full:
            reasons.append(say("재대출 시 중도상환수수료 전액 면제"))
    upfront = fee + duty + offer.fees
    total_cost = schedule.total_interest + upfront
    if duty:
        reasons.append(say("인지세 고객 부담분 {duty}", duty=format_won(duty)))
    reasons.extend(c.text for c in eligibility.checks)

    saving = keep.total_cost - total_cost
    # true break-even: upfront + Σ interest_option − Σ interest_keep ≤ 0; cash: Σ payment saving ≥ upfront
    horizon = max(len(payments), len(keep_payments))
    break_even = _first_month_reaching(
        map(operator.sub, _padded(keep.interest_parts, horizon), _padded(schedule.interest_parts, horizon)), upfront)
    cash_break_even = _first_month_reaching(
        map(operator.sub, _padded(keep_payments, horizon), _padded(payments, horizon)), upfront)
    if saving > 0:
        reasons.append(say("유지 대비 총비용 {amount} 절감", amount=format_won(saving)))
    else:
        reasons.append(say("유지 대비 총비용 {amount} 더 듦", amount=format_won(-saving)))
    if offer.term_months != current.remaining_months:
        reasons.append(say("상환기간이 {before}개월에서 {after}개월로 바뀌어 총이자 비교에 유의",
                           before=current.remaining_months, after=offer.term_months))
    if offer.is_switch:
        reasons.append(say("타 금융기관 금리는 공시·제시 기준 참고치이며 심사 결과에 따라 달라질 수 있음"))

    return OptionResult(
        offer.label, offer.lender, offer.annual_rate_pct, offer.term_months, offer.method,
        schedule.regular_payment, schedule.total_interest, fee, duty, offer.fees, total_cost, saving,
        break_even, cash_break_even,
        effective_annual_cost_pct(amount - upfront, payments, _guess(offer.annual_rate_pct)) if amount > upfront
        else Decimal("999.9999"),
        eligibility.ok, tuple(reasons), schedule.interest_parts, eligibility.failures)


def _renegotiation_eligibility(borrower, other_debts, current: CurrentLoan, offer: Offer,
                               policy: Policy) -> Eligibility:
    """A rate change on the existing contract: refused for a delinquent loan or above the legal maximum rate;
    re-tested for DSR only if the policy says a renegotiation counts as a new loan (since borrower-level DSR it
    does not)."""
    checks = []
    if offer.annual_rate_pct > policy.legal_max_rate_pct:
        checks.append(Check("legal_max", False, say("연 {rate}%는 법정 최고금리 연 {legal}%를 넘어 제안 불가",
                                                    rate=offer.annual_rate_pct, legal=policy.legal_max_rate_pct)))
    if current.delinquent:
        checks.append(Check("delinquent", False, say("연체 중인 대출은 금리 조건변경 불가")))
    if policy.renegotiation.dsr_retest:
        loan = NewLoan(current.kind, offer.annual_rate_pct, offer.term_months, offer.method, current.rate_type,
                       current.fixed_period_months, collateral_value=current.collateral_value,
                       collateral_region=current.collateral_region)
        checks.append(dsr_check(borrower, other_debts, loan, current.balance, say("조건변경 심사"), policy))
    else:
        checks.append(Check("dsr", True, say("조건변경은 신규대출이 아니어서 DSR 재심사 없음")))
    return Eligibility(tuple(checks))


def _as_new_loan(current: CurrentLoan, offer: Offer) -> NewLoan:
    """The offer as the new loan the regulations test: the current loan's kind and home, the offer's rate type
    and fixed period (a re-loan's are its booking product's), else the current loan's."""
    return NewLoan(current.kind, offer.annual_rate_pct, offer.term_months, offer.method,
                   offer.rate_type or current.rate_type,
                   offer.fixed_period_months if offer.rate_type else current.fixed_period_months,
                   collateral_value=current.collateral_value, collateral_region=current.collateral_region)


def _limits(borrower, other_debts, other_services, current: CurrentLoan, policy: Policy) -> LimitSummary:
    current_service = debt_service(current.as_debt(), policy)
    as_new = NewLoan(current.kind, current.annual_rate_pct, current.remaining_months, current.method,
                     current.rate_type, current.fixed_period_months,
                     collateral_value=current.collateral_value, collateral_region=current.collateral_region)
    credit_after = credit_total([*other_debts, current.as_debt()])
    add = stress_add_pct(as_new, borrower, credit_after, policy)
    stressed = debt_service(Debt(current.kind, current.balance, current.annual_rate_pct + add,
                                 current.remaining_months, current.method, current.credit_limit), policy)
    limit = loan_limit(borrower, other_debts, as_new, policy, refinanced_balance=current.balance)
    return LimitSummary(
        dsr_pct(borrower.annual_income, [*other_services, current_service]),
        dsr_pct(borrower.annual_income, [*other_services, stressed]),
        limit.max_new_loan, limit.binding_constraint, limit)


def _payments(schedule: Schedule) -> list[int]:
    return [p + i for p, i in zip(schedule.principal_parts, schedule.interest_parts)]


def _padded(series, length: int) -> list[int]:
    """A monthly series with zeros after the loan has ended."""
    return list(series) + [0] * (length - len(series))


def _first_month_reaching(monthly_savings, target: int) -> int | None:
    """The first month whose accumulated saving reaches ``target`` (lazy: stops at the crossing).

    """
    for month, saved in enumerate(accumulate(monthly_savings), start=1):
        if saved >= target:
            return month
    return None


def _guess(rate_pct: Decimal) -> float:
    return float(rate_pct) / 1200 or 0.001
