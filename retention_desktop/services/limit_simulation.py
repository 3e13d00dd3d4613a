"""한도 시뮬레이션 for the screen: scenarios the officer toggles, the 36-month timeline, the suggested action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from retention_desktop.domain.personal_quote import personal_price, request_dsr_pct
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.quote import QuoteRequest
from retention_desktop.domain.simulation import (
    Scenario,
    ScenarioResult,
    Suggestion,
    TimelinePoint,
    scenarios,
    suggest,
    timeline,
)
from retention_desktop.services.offer_comparison import OfferComparison


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
    chosen = [Scenario("현재 상태")]
    parts = []
    if t.income_change_pct is not None:
        chosen.append(Scenario(f"소득 {t.income_change_pct:+}%", income_change_pct=t.income_change_pct))
        parts.append(chosen[-1])
    if t.repay_card_loans:
        chosen.append(Scenario("카드론 상환", repay_kinds=("card_loan",)))
        parts.append(chosen[-1])
    if t.rate_shift_pct is not None:
        chosen.append(Scenario(f"금리 {t.rate_shift_pct:+}%p", rate_shift_pct=t.rate_shift_pct))
        parts.append(chosen[-1])
    if len(parts) > 1:
        chosen.append(Scenario("모두 적용", sum((p.income_change_pct for p in parts), Decimal(0)),
                               tuple(k for p in parts for k in p.repay_kinds),
                               sum((p.rate_shift_pct for p in parts), Decimal(0))))
    return chosen


def simulate_for(base: OfferComparison, policies: Sequence[Policy], toggles: Toggles) -> SimulationView:
    request: QuoteRequest = base.request
    policy = base.policy

    def price_of(doc: QuoteRequest) -> Decimal:
        return personal_price(doc, base.context, policy).rate_pct

    return SimulationView(
        tuple(scenarios(request, policy, chosen_scenarios(toggles))),
        tuple(timeline(request, policies)),
        suggest(request, policy, price_of, lambda d: request_dsr_pct(d, policy), base.context.rules.dsr_band_edges()))
