"""한도 시뮬레이션 for the screen: scenarios the officer toggles, the 36-month timeline, the suggested action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from retention_desktop.domain.personal_quote import request_dsr_pct
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.quote import QuoteRequest
from retention_desktop.domain.simulation import (
    Scenario,
    ScenarioResult,
    Suggestion,
    TimelinePoint,
    scenarios,
    standard_scenarios,
    suggest,
    timeline,
)
from retention_desktop.services.offer_comparison import OfferComparison
from retention_desktop.services.quoting import personal_rate


@dataclass(frozen=True)
class Toggles:
    income_change_pct: Decimal | None = Decimal(10)
    repay_card_loans: bool = True
    rate_shift_pct: Decimal | None = Decimal(-1)


@dataclass(frozen=True)
class SimulationView:
    scenarios: tuple[ScenarioResult, ...]
    timeline: tuple[TimelinePoint, ...]
    suggestion: Suggestion | None


def chosen_scenarios(t: Toggles) -> list[Scenario]:
    return list(standard_scenarios(t.income_change_pct, t.repay_card_loans, t.rate_shift_pct))


def simulate_for(base: OfferComparison, policies: Sequence[Policy], toggles: Toggles) -> SimulationView:
    request: QuoteRequest = base.request
    policy = base.policy

    def price_of(doc: QuoteRequest) -> Decimal:
        return personal_rate(doc, base.context, policy)

    return SimulationView(
        tuple(scenarios(request, policy, chosen_scenarios(toggles))),
        tuple(timeline(request, policies)),
        suggest(request, policy, price_of, lambda d: request_dsr_pct(d, policy), base.context.rules.dsr_band_edges()))
