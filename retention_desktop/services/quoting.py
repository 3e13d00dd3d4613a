"""Quotes and simulations from the command line and the screens.

The policy in force, the pricing rules, index rates, product bounds, market rates and the latest
models come from the database; the engine itself is pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from retention_desktop.data import migrations
from retention_desktop.data.database import Database
from retention_desktop.data.models import IndexRate, MarketOffer, PricingRules as PricingRulesRow, Product
from retention_desktop.domain import exact_json
from retention_desktop.domain.features import MARKET_KIND
from retention_desktop.domain.personal_quote import (
    PricingContext,
    personal_price,
    personal_quote_document,
    request_dsr_pct,
)
from retention_desktop.domain.policy import Policy, policy_in_force
from retention_desktop.domain.pricing import PricingRules
from retention_desktop.domain.quote import QuoteInputError, QuoteRequest, check_legal_maximum_rate, parse_request
from retention_desktop.domain.simulation import (
    DEFAULT_LIMIT_TARGET,
    parse_scenarios,
    scenarios,
    suggest,
    timeline,
)
from retention_desktop.services.administration import AdminError, open_for_admin
from retention_desktop.services.model_training import latest_models
from retention_desktop.services.regulation import load_policies


@dataclass
class QuoteBasis:
    """Everything beyond the document that a quote or simulation needs, loaded once."""

    policies: list[Policy]
    rules: list[PricingRules]
    index_rates: dict[str, list[tuple[dt.date, Decimal]]]
    product_bounds: dict[str, tuple[Decimal, Decimal]]
    market: list[tuple[str, int, int, dt.date, Decimal]]
    models: dict

    def policy(self, on: dt.date) -> Policy:
        return policy_in_force(self.policies, on)

    def rules_on(self, on: dt.date) -> PricingRules:
        candidates = [r for r in self.rules if r.effective_from <= on]
        if not candidates:
            raise AdminError(f"no pricing rules in force on {on}")
        return max(candidates, key=lambda r: r.effective_from)

    def index_rates_on(self, on: dt.date) -> dict[str, Decimal]:
        """Each index's latest published rate on or before ``on`` (indexes not yet published are left out)."""
        rates = {name: next((rate for day, rate in reversed(series) if day <= on), None)
                 for name, series in self.index_rates.items()}
        return {name: rate for name, rate in rates.items() if rate is not None}

    def context(self, request: QuoteRequest, officer_role: str = "officer", salary_transfer: bool = False,
                tenure_years: int = 0) -> PricingContext:
        on = request.as_of
        score = request.borrower.credit_score
        kind = MARKET_KIND[request.current_loan.kind]
        sheet = max((d for k, lo, hi, d, _r in self.market if k == kind and d <= on), default=None)
        best = [r for k, lo, hi, d, r in self.market if k == kind and d == sheet and lo <= score <= hi]
        return PricingContext(
            rules=self.rules_on(on), index_rates=self.index_rates_on(on),
            product_bounds=self.product_bounds,
            market_best_rate_pct={request.current_loan.kind: min(best)} if best else {},
            switching_model=self.models.get("switching"), risk_model=self.models.get("risk"),
            officer_role=officer_role, salary_transfer=salary_transfer, tenure_years=tenure_years)


def load_basis(db: Database) -> QuoteBasis:
    with db.session() as s:
        rules = [PricingRules.from_parameters(r.version, r.effective_from, r.parameters)
                 for r in s.scalars(select(PricingRulesRow).order_by(PricingRulesRow.effective_from))]
        index_rates: dict[str, list[tuple[dt.date, Decimal]]] = {}
        for row in s.execute(select(IndexRate.index_name, IndexRate.rate_date, IndexRate.annual_rate_pct)
                             .order_by(IndexRate.index_name, IndexRate.rate_date)):
            index_rates.setdefault(row[0], []).append((row[1], row[2]))
        bounds = {kind: (low, high) for kind, low, high in s.execute(
            select(Product.loan_kind, func.min(Product.min_rate_pct), func.max(Product.max_rate_pct))
            .where(Product.active).group_by(Product.loan_kind))}
        market = [tuple(r) for r in s.execute(select(
            MarketOffer.loan_kind, MarketOffer.credit_score_min, MarketOffer.credit_score_max, MarketOffer.as_of,
            MarketOffer.annual_rate_pct))]
    return QuoteBasis(load_policies(db), rules, index_rates, bounds, market, latest_models(db))


def read_request(text: str) -> tuple[QuoteRequest, Any]:
    """Parse a quote document; every problem raises ``QuoteInputError`` naming the field."""
    try:
        document = exact_json.loads(text)
    except ValueError as exc:
        raise QuoteInputError("(document)", f"malformed JSON: {exc}") from None
    return parse_request(document), document


def basis_from_data_dir(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None]) -> QuoteBasis:
    db = open_for_admin(data_dir, demo, ask_password)
    try:
        if db.mode == "embedded":
            migrations.upgrade(db.engine)  # policy and pricing rules are seeded by the migrations
        return load_basis(db)
    except AdminError:
        raise
    except Exception as exc:
        raise AdminError(f"규제정책·가격 기준을 데이터베이스에서 읽지 못했습니다: {exc}") from exc
    finally:
        db.close()


def quote(request: QuoteRequest, basis: QuoteBasis) -> dict[str, Any]:
    policy = basis.policy(request.as_of)
    check_legal_maximum_rate(request, policy)
    return personal_quote_document(request, basis.context(request), policy)


def simulate(request: QuoteRequest, document: Any, basis: QuoteBasis) -> dict[str, Any]:
    chosen = parse_scenarios(document)
    policy = basis.policy(request.as_of)
    check_legal_maximum_rate(request, policy)
    context = basis.context(request)
    growth = document.get("income_growth_pct_per_year", Decimal(3))
    target = document.get("limit_target", DEFAULT_LIMIT_TARGET)
    if isinstance(growth, bool) or not isinstance(growth, (int, Decimal)) or not -20 <= growth <= 50:
        raise QuoteInputError("income_growth_pct_per_year", "must be a number between -20 and 50")
    if isinstance(target, bool) or not isinstance(target, int) or target <= 0:
        raise QuoteInputError("limit_target", "must be a positive whole number of won")

    def price_of(doc: QuoteRequest) -> Decimal:
        return personal_price(doc, basis.context(doc), policy).rate_pct

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

