"""The personalised re-loan for one quote document: price it, and put it into the comparison.

Everything the price depends on beyond the document (pricing rules, index rates, the models, the
product's bounds, the best market rate) arrives in a ``PricingContext`` the services load.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from retention_desktop.domain.comparison import Comparison, Offer, compare
from retention_desktop.domain.fees import months_between
from retention_desktop.domain.limits import debt_service, dsr_pct
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.pricing import PersonalPrice, PricingInput, PricingRules, price
from retention_desktop.domain.propensity import LogisticModel, prior_switching_probability
from retention_desktop.domain.quote import QuoteRequest, quote_document

DEFAULT_INDEX = {"credit": "BANK_BOND_12M", "overdraft": "BANK_BOND_12M", "other_secured": "BANK_BOND_12M",
                 "jeonse": "BANK_BOND_6M", "mortgage": "BANK_BOND_5Y"}
PRIOR_DEFAULT_PROBABILITY = Decimal("0.01")


@dataclass(frozen=True)
class PricingContext:
    rules: PricingRules
    index_rates: Mapping[str, Decimal]  # latest on or before the quote date
    product_bounds: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=dict)  # kind → (min, max)
    market_best_rate_pct: Mapping[str, Decimal] = field(default_factory=dict)  # kind → best disclosed rate
    switching_model: LogisticModel | None = None
    risk_model: LogisticModel | None = None
    officer_role: str = "officer"
    salary_transfer: bool = False
    tenure_years: int = 0


def index_for(request: QuoteRequest) -> str:
    loan = request.current_loan
    if loan.kind == "mortgage" and loan.rate_type == "variable":
        return "COFIX_NEW"
    return DEFAULT_INDEX[loan.kind]


def request_dsr_pct(request: QuoteRequest, policy: Policy) -> Decimal:
    services = [debt_service(d, policy) for d in request.other_debts]
    services.append(debt_service(request.current_loan.as_debt(), policy))
    return dsr_pct(request.borrower.annual_income, services)


def _best_switch_rate(request: QuoteRequest, context: PricingContext) -> Decimal | None:
    offered = [o.annual_rate_pct for o in request.switch_offers]
    market = context.market_best_rate_pct.get(request.current_loan.kind)
    candidates = offered + ([market] if market is not None else [])
    return min(candidates) if candidates else None


def _model_row(request: QuoteRequest, context: PricingContext, best: Decimal | None) -> dict[str, float]:
    loan = request.current_loan
    held = months_between(loan.drawdown_date, request.as_of)
    gap = float(loan.annual_rate_pct - best) if best is not None else 0.0
    card = sum(d.balance for d in request.other_debts if d.kind == "card_loan")
    income = max(request.borrower.annual_income, 1_000_000)
    return {
        "rate_gap_pct": gap, "score_change": 0.0, "months_held": float(min(held, 120)),
        "fee_window_over": float(held >= 36 or held >= loan.term_months),
        "log_principal": float(np.log(max(loan.balance, 1_000_000) / 1e7)), "late_payments_12m": 0.0,
        "external_debt_count": float(len(request.other_debts)), "age_years": 40.0,
        "salary_transfer": float(context.salary_transfer), "is_mortgage": float(loan.kind == "mortgage"),
        "is_overdraft": float(loan.kind == "overdraft"), "credit_score": float(request.borrower.credit_score),
        "log_income": float(np.log(income / 1e7)), "card_debt_to_income": card / income,
        "self_employed": 0.0, "unemployed": 0.0,
    }


def probabilities(request: QuoteRequest, context: PricingContext) -> tuple[Decimal, Decimal]:
    """(switching, default) probabilities for the customer of this document."""
    best = _best_switch_rate(request, context)
    row = _model_row(request, context, best)
    if context.switching_model is not None:
        p_switch = float(context.switching_model.predict(context.switching_model.matrix(
            {k: [v] for k, v in row.items()}))[0])
    else:
        p_switch = prior_switching_probability(row["rate_gap_pct"])
    if context.risk_model is not None:
        p_default = float(context.risk_model.predict(context.risk_model.matrix({k: [v] for k, v in row.items()}))[0])
    else:
        p_default = float(PRIOR_DEFAULT_PROBABILITY)
    return Decimal(repr(round(p_switch, 4))), Decimal(repr(round(p_default, 4)))


def personal_price(request: QuoteRequest, context: PricingContext, policy: Policy) -> PersonalPrice:
    loan = request.current_loan
    index = index_for(request)
    if index not in context.index_rates:
        raise ValueError(f"no {index} index rate on or before {request.as_of}")
    p_switch, p_default = probabilities(request, context)
    bounds = context.product_bounds.get(loan.kind)
    return price(PricingInput(
        kind=loan.kind, balance=loan.balance, remaining_months=loan.remaining_months,
        current_rate_pct=loan.annual_rate_pct, index_name=index, index_rate_pct=context.index_rates[index],
        credit_score=request.borrower.credit_score, dsr_pct=request_dsr_pct(request, policy),
        salary_transfer=context.salary_transfer, tenure_years=context.tenure_years,
        switch_probability=p_switch, default_probability=p_default, officer_role=context.officer_role,
        product_min_rate_pct=bounds[0] if bounds else None, product_max_rate_pct=bounds[1] if bounds else None,
    ), context.rules)


def reloan_offer(request: QuoteRequest, offer_price: PersonalPrice) -> Offer:
    """The personalised re-loan on the current loan's remaining term and method, fee waived."""
    loan = request.current_loan
    return Offer("reloan", "", offer_price.rate_pct, loan.remaining_months, loan.method, 0,
                 prepayment_fee_waiver_pct=Decimal(100))


def personal_comparison(request: QuoteRequest, context: PricingContext, policy: Policy
                        ) -> tuple[Comparison, PersonalPrice | None]:
    """The comparison with the given re-loan offer, or with the personalised one when none is given."""
    offered = request.reloan_offer
    personal = None
    if offered is None:
        personal = personal_price(request, context, policy)
        offered = reloan_offer(request, personal)
    result = compare(request.as_of, request.borrower, list(request.other_debts), request.current_loan,
                     [offered, *request.switch_offers], policy)
    return result, personal


def personal_quote_document(request: QuoteRequest, context: PricingContext, policy: Policy) -> dict:
    result, personal = personal_comparison(request, context, policy)
    doc = quote_document(result)
    if personal is not None:
        reloan = next(o for o in doc["options"] if o["label"] == "reloan")
        reloan.update({
            "floor_rate_pct": personal.floor_rate_pct.quantize(Decimal("0.01")),
            "authority_rate_pct": personal.authority_rate_pct.quantize(Decimal("0.01")),
            "list_rate_pct": personal.list_rate_pct.quantize(Decimal("0.01")),
            "retention_probability": personal.retention_probability,
            "expected_value": personal.expected_value,
            "needs_manager_approval": personal.needs_manager_approval,
            "reason_codes": [{"text": r.text, "pct": r.pct.normalize()} for r in personal.reasons],
            "pricing_rules_version": personal.rules_version,
        })
    return doc

