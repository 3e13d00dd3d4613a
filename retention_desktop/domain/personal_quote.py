"""The personalised prices of one quote document: keeping the loan, renegotiating its rate, and re-loaning.

Everything the prices depend on beyond the document (pricing rules, index rates, the products on sale,
the best market rate, the models) arrives in a ``PricingContext`` the services load. The features come
from ``features.customer_features`` — the very function that describes the whole book for the call list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from retention_desktop.domain.errors import UserError
from retention_desktop.domain.features import customer_features
from retention_desktop.domain.fees import prepayment_fee, stamp_duty, stamp_duty_borrower
from retention_desktop.domain.limits import debt_service, dsr_pct
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.pricing import PersonalPrice, PricingInput, PricingRules, price
from retention_desktop.domain.products import ReloanProduct, booking_product, no_product_reason
from retention_desktop.domain.propensity import LogisticModel, prior_switching_probability
from retention_desktop.domain.quote import QuoteRequest

DEFAULT_INDEX = {"credit": "BANK_BOND_12M", "overdraft": "BANK_BOND_12M", "other_secured": "BANK_BOND_12M",
                 "jeonse": "BANK_BOND_6M", "mortgage": "BANK_BOND_5Y"}
PRIOR_DEFAULT_PROBABILITY = Decimal("0.01")


class PricingDataMissing(UserError):
    """The context lacks what a price needs (an index rate on or before the quote date); says which import
    loads it (exit 2 on the command line)."""


@dataclass(frozen=True)
class PricingContext:
    rules: PricingRules
    index_rates: Mapping[str, Decimal]  # latest on or before the quote date
    products: tuple[ReloanProduct, ...] = ()  # re-loan products on sale, in code order
    market_best_rate_pct: Mapping[str, Decimal] = field(default_factory=dict)  # kind → best disclosed rate
    switching_model: LogisticModel | None = None
    risk_model: LogisticModel | None = None
    officer_role: str = "officer"


@dataclass(frozen=True)
class RateCutRight:
    """금리인하요구권 grounds (은행법 제30조의2): the credit score rose by the bank's threshold since drawdown and the
    risk spread it earns fell; ``cut_pct`` is what the improvement is worth on the rate."""

    holds: bool
    score_change: int
    cut_pct: Decimal


@dataclass(frozen=True)
class OfferPrices:
    """The three prices of one loan and what they rest on."""

    keep: PersonalPrice  # the current rate, valued (its expected value is keeping's)
    renegotiation: PersonalPrice
    reloan: PersonalPrice | None  # None: no product on sale holds the re-loan
    product: ReloanProduct | None
    product_missing: str | None
    switch_probability: Decimal
    default_probability: Decimal
    rate_cut_right: RateCutRight
    full_prepayment_fee: int


def index_for(kind: str, rate_type: str, product: ReloanProduct | None = None,
              loan_index: str | None = None) -> str:
    """The funding index: a re-loan's product's, or the existing contract's own (fixed rates: the kind's default)."""
    if product is not None:
        return product.index_name or DEFAULT_INDEX[kind]
    if loan_index:
        return loan_index
    if kind == "mortgage" and rate_type == "variable":
        return "COFIX_NEW"
    return DEFAULT_INDEX[kind]


def request_dsr_pct(request: QuoteRequest, policy: Policy) -> Decimal:
    services = [debt_service(d, policy) for d in request.other_debts]
    services.append(debt_service(request.current_loan.as_debt(), policy))
    return dsr_pct(request.borrower.annual_income, services)


def best_switch_rate(request: QuoteRequest, context: PricingContext) -> Decimal | None:
    """The lowest rate another lender offers this customer: the disclosed sheet's, or any offer in the document
    (a typed-in offer the customer was shown counts too)."""
    offered = [o.annual_rate_pct for o in request.switch_offers]
    market = context.market_best_rate_pct.get(request.current_loan.kind)
    candidates = offered + ([market] if market is not None else [])
    return min(candidates) if candidates else None


def model_features(request: QuoteRequest, context: PricingContext, policy: Policy) -> Mapping[str, float]:
    loan = request.current_loan
    external = request.external_debts
    return customer_features(
        rate_pct=loan.annual_rate_pct, market_rate_pct=best_switch_rate(request, context),
        credit_score=request.borrower.credit_score, facts=request.facts, drawdown=loan.drawdown_date,
        as_of=request.as_of, term_months=loan.term_months, balance=loan.credit_limit or loan.balance,
        kind=loan.kind, annual_income=request.borrower.annual_income, external_debt_count=len(external),
        card_debt=sum(d.balance for d in external if d.kind == "card_loan"),
        fee_window_months=12 * policy.prepayment_fee_max_years)


def probabilities(request: QuoteRequest, context: PricingContext, policy: Policy) -> tuple[Decimal, Decimal]:
    """(switching, default) probabilities for the customer of this document."""
    row = model_features(request, context, policy)
    if context.switching_model is not None:
        p_switch = float(context.switching_model.predict(context.switching_model.matrix(
            {k: [v] for k, v in row.items()}))[0])
    else:
        p_switch = prior_switching_probability(row["rate_gap_pct"])
    if context.risk_model is not None:
        p_default = float(context.risk_model.predict(context.risk_model.matrix({k: [v] for k, v in row.items()}))[0])
    else:
        p_default = float(PRIOR_DEFAULT_PROBABILITY)
    return rounded_probability(p_switch), rounded_probability(p_default)


def rounded_probability(p: float) -> Decimal:
    """Model probabilities carried as four-decimal Decimals, the same in the single quote and the book."""
    return Decimal(repr(round(float(np.float64(p)), 4)))


def rate_cut_right(request: QuoteRequest, rules: PricingRules) -> RateCutRight:
    loan = request.current_loan
    now = request.borrower.credit_score
    then = request.facts.credit_score_at_drawdown
    if then is None:
        return RateCutRight(False, 0, Decimal(0))
    cut = rules.rate_cut_owed_pct(loan.kind, then, now)
    return RateCutRight(cut is not None, now - then, cut if cut is not None else Decimal(0))


def reloan_product(request: QuoteRequest, context: PricingContext) -> tuple[ReloanProduct | None, str | None]:
    loan = request.current_loan
    given = request.reloan_offer.product_code if request.reloan_offer else None
    if given is not None:
        found = next((p for p in context.products if p.code == given), None)
        return (found, None) if found else (None, f"재대출 상품 {given}이(가) 판매 중이 아님")
    term = request.reloan_offer.term_months if request.reloan_offer else loan.remaining_months
    product = booking_product(context.products, loan.kind, loan.balance, term, request.borrower.credit_score,
                              loan.rate_type)
    if product is None:
        return None, no_product_reason(context.products, loan.kind, loan.balance, term, request.borrower.credit_score)
    return product, None


def offer_prices(request: QuoteRequest, context: PricingContext, policy: Policy, switch_possible: bool = True,
                 pinned: Mapping[str, Decimal] | None = None) -> OfferPrices:
    """Keep, renegotiation and re-loan priced for this customer. ``switch_possible`` False (no other lender can
    take the loan over) makes the switching probability 0; ``pinned`` holds a rate the officer set for an action
    (``{"reloan": Decimal("4.80")}``), re-priced there instead of searched."""
    pinned = pinned or {}
    loan = request.current_loan
    rules = context.rules
    p_switch, p_default = probabilities(request, context, policy)
    if not switch_possible:
        p_switch = Decimal(0)
    right = rate_cut_right(request, rules)
    full_fee = prepayment_fee(loan.balance, loan.prepayment_fee_pct, loan.drawdown_date, loan.term_months,
                              request.as_of, policy)
    dsr = request_dsr_pct(request, policy)
    facts = request.facts

    def inputs(index: str, **extra) -> PricingInput:
        if index not in context.index_rates:
            raise PricingDataMissing(
                "{index} 기준금리가 {on} 이전 날짜로 하나도 없습니다. 'retention-admin import index-rates FILE'로 "
                "기준금리를 가져오세요 (형식: docs/head-office.md, 예: resources/samples/index_rates.csv).",
                index=index, on=request.as_of.isoformat())
        return PricingInput(
            kind=loan.kind, balance=loan.balance, remaining_months=loan.remaining_months,
            current_rate_pct=loan.annual_rate_pct, index_name=index, index_rate_pct=context.index_rates[index],
            credit_score=request.borrower.credit_score, dsr_pct=dsr, salary_transfer=bool(facts.salary_transfer),
            tenure_years=facts.relationship_years or 0, switch_probability=p_switch, default_probability=p_default,
            officer_role=context.officer_role, lost_extra_won=full_fee, **extra)

    own_index = index_for(loan.kind, loan.rate_type, loan_index=loan.index_name)
    keep = price(inputs(own_index), rules, at_rate_pct=loan.annual_rate_pct)
    cut = right.cut_pct + rules.renegotiation_discretionary_cut_pct
    renegotiation = price(inputs(own_index, retained_extra_won=-rules.renegotiation_cost_won,
                                 lowest_rate_pct=loan.annual_rate_pct - cut,
                                 highest_rate_pct=loan.annual_rate_pct - right.cut_pct if right.holds else None,
                                 discount_label="정상가 대비 조정", capped_at_list=False),
                          rules, at_rate_pct=_given(request, "renegotiation", pinned))
    product, missing = reloan_product(request, context)
    reloan = None
    if product is not None:
        charged = prepayment_fee(loan.balance, loan.prepayment_fee_pct, loan.drawdown_date, loan.term_months,
                                 request.as_of, policy, product.reloan_fee_waiver_pct)
        bank_stamp = stamp_duty(loan.balance, policy) - stamp_duty_borrower(loan.balance, policy)
        reloan = price(inputs(index_for(loan.kind, product.rate_type, product),
                              product_min_rate_pct=product.min_rate_pct, product_max_rate_pct=product.max_rate_pct,
                              retained_extra_won=charged + product.fees - bank_stamp - rules.reloan_cost_won),
                       rules, at_rate_pct=_given(request, "reloan", pinned))
    return OfferPrices(keep, renegotiation, reloan, product, missing, p_switch, p_default, right, full_fee)


def _given(request: QuoteRequest, action: str, pinned: Mapping[str, Decimal]) -> Decimal | None:
    if action in pinned:
        return pinned[action]
    offer = request.reloan_offer if action == "reloan" else request.renegotiation_offer
    return offer.annual_rate_pct if offer is not None else None


def price_note(p: PersonalPrice) -> str:
    """하한 · 전결 한도 · 정상가 in one line."""
    return (f"하한 {format_rate_pct(p.floor_rate_pct)} · 전결 한도 {format_rate_pct(p.authority_rate_pct)} · "
            f"정상가 {format_rate_pct(p.list_rate_pct)}")
