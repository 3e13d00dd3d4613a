"""Quotes and simulations from the command line and the screens.

The policy in force, the pricing rules, index rates, product bounds, market rates and the latest
models come from the database; the engine itself is pure.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from retention_desktop.data.database import Database
from retention_desktop.data.models import IndexRate, MarketOffer, PricingRules as PricingRulesRow, Product
from retention_desktop.data.locations import quote_schema_path
from retention_desktop.domain import bounded_json
from retention_desktop.domain.advice import personal_quote_document
from retention_desktop.domain.features import MARKET_KIND
from retention_desktop.domain.personal_quote import PricingContext, offer_prices, request_dsr_pct
from retention_desktop.domain.policy import Policy, PolicyError, policy_in_force
from retention_desktop.domain.pricing import PricingRules
from retention_desktop.domain.products import ReloanProduct
from retention_desktop.domain.quote import QuoteInputError, QuoteRequest, check_legal_maximum_rate, parse_request
from retention_desktop.domain.simulation import (
    DEFAULT_LIMIT_TARGET,
    parse_scenarios,
    scenarios,
    suggest,
    timeline,
)
from retention_desktop.services.regulation import load_policies

MAX_QUOTE_BYTES = 256_000  # a real quote is ~2 KB; the schema caps offers and debts well below this


@dataclass
class QuoteBasis:
    """Everything beyond the document that a quote or simulation needs, loaded once."""

    policies: list[Policy]
    rules: list[PricingRules]
    index_rates: dict[str, list[tuple[dt.date, Decimal]]]
    products: tuple[ReloanProduct, ...]  # re-loan products on sale, in code order
    market: list[tuple[str, int, int, dt.date, Decimal]]
    models: dict

    def policy(self, on: dt.date) -> Policy:
        """The policy in force on ``on``; none (a date before the first version) is the input's fault."""
        try:
            return policy_in_force(self.policies, on)
        except PolicyError:
            first = min((p.effective_from for p in self.policies), default=None)
            raise QuoteInputError("as_of", "{on}에 시행 중인 규제정책이 없습니다 (가장 이른 정책: {first}). 날짜를 고치거나 "
                                  "'retention-admin import policy FILE'로 그 기간의 정책을 추가하세요.",
                                  on=on.isoformat(), first=first.isoformat() if first else "없음") from None

    def rules_on(self, on: dt.date) -> PricingRules:
        candidates = [r for r in self.rules if r.effective_from <= on]
        if not candidates:
            first = min((r.effective_from for r in self.rules), default=None)
            raise QuoteInputError("as_of", "{on}에 시행 중인 가격 규칙이 없습니다 (가장 이른 규칙: {first}).",
                                  on=on.isoformat(), first=first.isoformat() if first else "없음")
        return max(candidates, key=lambda r: r.effective_from)

    def index_rates_on(self, on: dt.date) -> dict[str, Decimal]:
        """Each index's latest published rate on or before ``on`` (indexes not yet published are left out)."""
        rates = {name: next((rate for day, rate in reversed(series) if day <= on), None)
                 for name, series in self.index_rates.items()}
        return {name: rate for name, rate in rates.items() if rate is not None}

    def context(self, request: QuoteRequest, officer_role: str = "officer") -> PricingContext:
        """What pricing this document needs beyond it: the rules, indexes and market sheet in force on its date,
        the products on sale and the latest promoted models; the officer's role sets the authority."""
        on = request.as_of
        score = request.borrower.credit_score
        kind = MARKET_KIND[request.current_loan.kind]
        sheet = max((d for k, lo, hi, d, _r in self.market if k == kind and d <= on), default=None)
        best = [r for k, lo, hi, d, r in self.market if k == kind and d == sheet and lo <= score <= hi]
        return PricingContext(
            rules=self.rules_on(on), index_rates=self.index_rates_on(on), products=self.products,
            market_best_rate_pct={request.current_loan.kind: min(best)} if best else {},
            switching_model=self.models.get("switching"), risk_model=self.models.get("risk"),
            officer_role=officer_role)


def load_basis(db: Database) -> QuoteBasis:
    from retention_desktop.services.model_training import latest_models  # pandas: not at import

    with db.session() as s:
        rules = [PricingRules.from_parameters(r.version, r.effective_from, r.parameters)
                 for r in s.scalars(select(PricingRulesRow).order_by(PricingRulesRow.effective_from))]
        index_rates: dict[str, list[tuple[dt.date, Decimal]]] = {}
        for row in s.execute(select(IndexRate.index_name, IndexRate.rate_date, IndexRate.annual_rate_pct)
                             .order_by(IndexRate.index_name, IndexRate.rate_date)):
            index_rates.setdefault(row[0], []).append((row[1], row[2]))
        products = tuple(reloan_product(p) for p in s.scalars(select(Product).where(Product.active)
                                                                   .order_by(Product.code)))
        market = [tuple(r) for r in s.execute(select(
            MarketOffer.loan_kind, MarketOffer.credit_score_min, MarketOffer.credit_score_max, MarketOffer.as_of,
            MarketOffer.annual_rate_pct))]
    return QuoteBasis(load_policies(db), rules, index_rates, products, market, latest_models(db))


def reloan_product(p: Product) -> ReloanProduct:
    return ReloanProduct(p.code, p.name, p.loan_kind, p.rate_type, p.index_name, p.min_amount, p.max_amount,
                         p.min_term_months, p.max_term_months, p.min_credit_score, p.min_rate_pct, p.max_rate_pct,
                         p.prepayment_fee_pct, p.reloan_fee_waiver_pct, p.fees)


@functools.cache
def _contract() -> dict[str, Any]:
    """docs/quote.schema.json, numbers exact (its ``multipleOf`` 0.0001 must stay a Decimal)."""
    return json.loads(quote_schema_path().read_text(encoding="utf-8"), parse_float=Decimal)


@functools.cache
def _checker(definition: str):
    from retention_desktop.domain import schema_check  # jsonschema only where a document is read (not a proposal)

    return schema_check.validator(_contract(), definition)


def read_request(data: bytes | str, name: str = "(document)", simulate: bool = False) -> tuple[QuoteRequest, Any]:
    """A quote (or simulate) document read within bounds, checked against docs/quote.schema.json, then parsed.

    Every problem raises ``InputError`` naming the line and column (malformed or oversized JSON) or the
    JSON path (``current_loan.balance: 0 이상이어야 합니다.``)."""
    from retention_desktop.domain import schema_check

    document = bounded_json.loads(data, name, max_bytes=MAX_QUOTE_BYTES)
    schema_check.check(document, _checker("simulate_input" if simulate else "input"))
    return parse_request(document), document


def personal_rate(request: QuoteRequest, context: PricingContext, policy: Policy) -> Decimal:
    """The personalised rate a suggestion moves: the re-loan's, or the renegotiation's where no product holds one."""
    prices = offer_prices(request, context, policy)
    return (prices.reloan or prices.renegotiation).rate_pct


def quote(request: QuoteRequest, basis: QuoteBasis) -> dict[str, Any]:
    policy = basis.policy(request.as_of)
    check_legal_maximum_rate(request, policy)
    return personal_quote_document(request, basis.context(request), policy)


def simulate(request: QuoteRequest, document: Any, basis: QuoteBasis) -> dict[str, Any]:
    """``document`` was checked against the schema's ``simulate_input`` (``read_request(simulate=True)``)."""
    chosen = parse_scenarios(document)
    policy = basis.policy(request.as_of)
    check_legal_maximum_rate(request, policy)
    context = basis.context(request)
    growth = document.get("income_growth_pct_per_year", Decimal(3))
    target = int(document.get("limit_target", DEFAULT_LIMIT_TARGET))

    def price_of(doc: QuoteRequest) -> Decimal:
        return personal_rate(doc, basis.context(doc), policy)

    suggestion = suggest(request, policy, price_of, lambda doc: request_dsr_pct(doc, policy),
                         context.rules.dsr_band_edges(), limit_target=target)
    return {
        "as_of": request.as_of.isoformat(),
        "policy_version": policy.version,
        "scenarios": [{"name": r.name, "max_new_loan": r.max_new_loan, "binding_constraint": r.binding_constraint}
                      for r in scenarios(request, policy, chosen)],
        "timeline": [{"month": p.month, "date": p.on.isoformat(), "max_new_loan": p.max_new_loan,
                      "binding_constraint": p.binding_constraint, "policy_version": p.policy_version}
                     for p in timeline(request, basis.policies, income_growth_pct_per_year=Decimal(growth))],
        "suggestion": None if suggestion is None else {
            "action": suggestion.action, "amount": suggestion.amount, "within_months": suggestion.within_months,
            "rate_change_pct": suggestion.rate_change_pct, "limit_change": suggestion.limit_change,
            "binding_constraint": suggestion.binding_constraint, "explanation": suggestion.explanation,
        },
    }

