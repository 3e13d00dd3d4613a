"""The personalised re-loan price (초개인화 재대출 금리).

    rate = index + liquidity premium + risk spread + DSR surcharge + cost + margin
           − relationship discounts − retention discount

The list rate carries the target margin; the floor carries the minimum margin (funding cost, risk
and cost are always covered). Between floor and list (and within the product's bounds, and never
above the customer's current rate) the engine picks the rate that maximises the bank's expected
value: P(retain | rate) × margin × balance × expected life, where the switching probability at the
current rate comes from the switching model and moves with the rate by the price sensitivity
(logit per 1 %p). Below the officer's authority threshold a manager must approve.

The search runs on whole basis points in numpy, for one loan or a whole portfolio alike; the
probabilities and expected values it ranks are model estimates (floats), the rates it returns are
exact Decimals and the reason codes add up to the rate to the basis point.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

from retention_desktop.domain.labels import INDEX_NAME
from retention_desktop.domain.policy import Band, _Reader

BP = Decimal("0.01")


@dataclass(frozen=True)
class PricingRules:
    version: str
    effective_from: dt.date
    liquidity_premium_pct: Mapping[str, Decimal]
    cost_pct: Mapping[str, Decimal]
    risk_spread_by_score: tuple[Band, ...]
    secured_risk_factor: Mapping[str, Decimal]
    dsr_surcharge: tuple[Band, ...]
    target_margin_pct: Decimal
    min_margin_pct: Decimal
    salary_transfer_discount_pct: Decimal
    tenure_discount_pct: Decimal
    tenure_discount_years: int
    authority_pct: Mapping[str, Decimal]
    price_sensitivity_per_pct: Decimal
    switching_hassle_pct: Decimal
    loss_given_default_pct: Mapping[str, Decimal]
    max_life_years: int
    rate_cut_score_improvement: int
    call_list_size_per_branch: int
    fee_window_notice_days: int

    @classmethod
    def from_parameters(cls, version: str, effective_from: dt.date, params: Mapping[str, Any]) -> PricingRules:
        p = _Reader(params)

        def per_kind(path: str) -> dict[str, Decimal]:
            return {k: p.pct(f"{path}.{k}") for k in p.mapping(path)}

        return cls(
            version=version, effective_from=effective_from,
            liquidity_premium_pct=per_kind("liquidity_premium_pct"), cost_pct=per_kind("cost_pct"),
            risk_spread_by_score=p.bands("risk_spread_by_score"),
            secured_risk_factor={k: p.fraction(f"secured_risk_factor.{k}") for k in p.mapping("secured_risk_factor")},
            dsr_surcharge=p.bands("dsr_surcharge"),
            target_margin_pct=p.pct("target_margin_pct"), min_margin_pct=p.pct("min_margin_pct"),
            salary_transfer_discount_pct=p.pct("salary_transfer_discount_pct"),
            tenure_discount_pct=p.pct("tenure_discount_pct"), tenure_discount_years=p.positive_int("tenure_discount_years"),
            authority_pct=per_kind("authority_pct"),
            price_sensitivity_per_pct=p.decimal("price_sensitivity_per_pct"),
            switching_hassle_pct=p.pct("switching_hassle_pct"),
            loss_given_default_pct=per_kind("loss_given_default_pct"),
            max_life_years=p.positive_int("max_life_years"),
            rate_cut_score_improvement=p.positive_int("rate_cut_score_improvement"),
            call_list_size_per_branch=p.positive_int("call_list_size_per_branch"),
            fee_window_notice_days=p.positive_int("fee_window_notice_days"),
        )

    def risk_spread_pct(self, credit_score: int, kind: str) -> Decimal:
        return (_band(self.risk_spread_by_score, credit_score) * self.secured_risk_factor.get(kind, Decimal(1))
                ).quantize(BP)

    def dsr_surcharge_pct(self, dsr_pct: Decimal) -> Decimal:
        """DSR bands are 'below the bound' (DSR 30 % falls in the 30–40 band)."""
        for band in self.dsr_surcharge:
            if band.upto is None or dsr_pct < band.upto:
                return band.value
        raise AssertionError("bands end open-ended")

    def dsr_band_edges(self) -> list[int]:
        return [b.upto for b in self.dsr_surcharge if b.upto is not None]


@dataclass(frozen=True)
class PricingInput:
    """What the price of one re-loan depends on."""

    kind: str
    balance: int
    remaining_months: int
    current_rate_pct: Decimal
    index_name: str
    index_rate_pct: Decimal
    credit_score: int
    dsr_pct: Decimal
    salary_transfer: bool
    tenure_years: int
    switch_probability: Decimal  # the switching model's estimate at the current rate
    default_probability: Decimal  # the risk model's estimate
    officer_role: str = "officer"
    product_min_rate_pct: Decimal | None = None
    product_max_rate_pct: Decimal | None = None


@dataclass(frozen=True)
class ReasonCode:
    text: str
    pct: Decimal  # signed contribution to the rate, %p


@dataclass(frozen=True)
class PersonalPrice:
    rate_pct: Decimal
    list_rate_pct: Decimal
    floor_rate_pct: Decimal
    authority_rate_pct: Decimal
    needs_manager_approval: bool
    retention_probability: Decimal
    expected_value: int
    reasons: tuple[ReasonCode, ...]
    rules_version: str


def price(inp: PricingInput, rules: PricingRules) -> PersonalPrice:
    """The personalised price of one re-loan, with its reason codes."""
    liquidity = rules.liquidity_premium_pct[inp.kind]
    risk = rules.risk_spread_pct(inp.credit_score, inp.kind)
    dsr = rules.dsr_surcharge_pct(inp.dsr_pct)
    cost = rules.cost_pct[inp.kind]
    salary = rules.salary_transfer_discount_pct if inp.salary_transfer else Decimal(0)
    tenure = rules.tenure_discount_pct if inp.tenure_years >= rules.tenure_discount_years else Decimal(0)
    funding = inp.index_rate_pct + liquidity
    floor = funding + risk + dsr + cost + rules.min_margin_pct
    list_rate = funding + risk + dsr + cost + rules.target_margin_pct - salary - tenure
    lower, upper = search_bounds(floor, list_rate, inp)
    # the bank's expected value counts the model's expected loss (PD × LGD, %p a year) where the grid's
    # risk spread (which also pays for capital) sets the floor
    expected_loss = inp.default_probability * rules.loss_given_default_pct[inp.kind]
    lower_bp = _to_bp(lower, ROUND_CEILING)
    upper_bp = max(_to_bp(upper, ROUND_FLOOR), lower_bp)
    chosen_bp, p_retain, value = optimal_rates(
        lower_bp=np.array([lower_bp]), upper_bp=np.array([upper_bp]),
        current_bp=np.array([_to_bp(inp.current_rate_pct)]),
        cost_bp=np.array([float((funding + cost) * 100)]),
        expected_loss_bp=np.array([float(expected_loss * 100)]),
        switch_probability=np.array([float(inp.switch_probability)]),
        balance=np.array([inp.balance]), life_years=np.array([_life_years(inp.remaining_months, rules)]),
        sensitivity=float(rules.price_sensitivity_per_pct))
    rate = Decimal(int(chosen_bp[0])) / 100
    authority = list_rate - rules.authority_pct.get(inp.officer_role, Decimal(0))
    reasons = [
        ReasonCode(f"기준금리({INDEX_NAME.get(inp.index_name, inp.index_name)}) {inp.index_rate_pct:.2f}%",
                   inp.index_rate_pct),
        ReasonCode(f"유동성 프리미엄 +{liquidity:.2f}%p", liquidity),
        ReasonCode(f"신용점수 {inp.credit_score} → 가산금리 {risk:.2f}%p", risk),
    ]
    if dsr:
        reasons.append(ReasonCode(f"DSR {inp.dsr_pct:.0f}% → 가산 +{dsr:.2f}%p", dsr))
    reasons.append(ReasonCode(f"업무원가 +{cost:.2f}%p", cost))
    reasons.append(ReasonCode(f"목표이익 +{rules.target_margin_pct:.2f}%p", rules.target_margin_pct))
    if salary:
        reasons.append(ReasonCode(f"급여이체 우대 −{salary:.2f}%p", -salary))
    if tenure:
        reasons.append(ReasonCode(f"거래 {rules.tenure_discount_years}년 이상 우대 −{tenure:.2f}%p", -tenure))
    retention = rate - list_rate
    if retention:
        reasons.append(ReasonCode(f"재대출 유지 할인 {retention:+.2f}%p".replace("-", "−"), retention))
    return PersonalPrice(
        rate_pct=rate, list_rate_pct=list_rate, floor_rate_pct=floor, authority_rate_pct=authority,
        needs_manager_approval=rate < authority,
        retention_probability=Decimal(repr(round(float(p_retain[0]), 4))),
        expected_value=int(round(float(value[0]))), reasons=tuple(reasons), rules_version=rules.version)


def search_bounds(floor: Decimal, list_rate: Decimal, inp: PricingInput) -> tuple[Decimal, Decimal]:
    """Where the price may lie: above the floor and the product minimum, below the list rate, the product
    maximum and the customer's current rate (a re-loan dearer than keeping helps nobody)."""
    lower = max(floor, inp.product_min_rate_pct or floor)
    upper = min(list_rate, inp.product_max_rate_pct or list_rate, inp.current_rate_pct)
    return lower, max(upper, lower)


def optimal_rates(lower_bp, upper_bp, current_bp, cost_bp, expected_loss_bp, switch_probability, balance,
                  life_years, sensitivity: float, step_bp: int = 1):
    """For each loan, the whole-bp rate in [lower, upper] maximising P(retain) × margin × balance × life,
    the margin being the rate less ``cost_bp`` (funding and operating cost) and the expected loss.

    logit P(switch | r) = logit P(switch | current) + sensitivity × (r − current) in %p.
    Returns (rate_bp, P(retain) at it, expected value in won) as arrays.
    """
    lower_bp = np.asarray(lower_bp, dtype=np.int64)
    upper_bp = np.asarray(upper_bp, dtype=np.int64)
    span = int((upper_bp - lower_bp).max(initial=0)) // step_bp + 1
    offsets = np.arange(span, dtype=np.int64) * step_bp
    grid = lower_bp[:, None] + offsets[None, :]
    valid = grid <= upper_bp[:, None]
    p0 = np.clip(np.asarray(switch_probability, dtype=np.float64), 1e-6, 1 - 1e-6)
    base_logit = np.log(p0 / (1 - p0))
    logit = base_logit[:, None] + sensitivity * (grid - np.asarray(current_bp)[:, None]) / 100.0
    p_retain = 1.0 / (1.0 + np.exp(logit))
    margin = (grid - np.asarray(cost_bp)[:, None] - np.asarray(expected_loss_bp)[:, None]) / 10_000.0
    value = p_retain * margin * (np.asarray(balance, dtype=np.float64) * np.asarray(life_years))[:, None]
    value = np.where(valid, value, -np.inf)
    best = np.argmax(value, axis=1)
    rows = np.arange(len(lower_bp))
    return grid[rows, best], p_retain[rows, best], value[rows, best]


def _life_years(remaining_months: int, rules: PricingRules) -> float:
    return min(remaining_months / 12, rules.max_life_years)


def _to_bp(rate_pct: Decimal, rounding: str = ROUND_HALF_UP) -> int:
    return int((Decimal(rate_pct) * 100).to_integral_value(rounding=rounding))


def _band(bands: tuple[Band, ...], value: int) -> Decimal:
    for band in bands:
        if band.upto is None or value <= band.upto:
            return band.value
    raise AssertionError("bands end open-ended")
