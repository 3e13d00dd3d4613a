"""The personalised price of a retention offer (초개인화 금리): a re-loan, or a renegotiation of the existing
contract.

    rate = index + liquidity premium + risk spread + DSR surcharge + cost + margin
           − relationship discounts − retention discount

The list rate carries the target margin; the floor carries the minimum margin (funding cost, risk
and cost are always covered). Between floor and list (and within the booking product's bounds, and
always strictly below the customer's current rate) the engine picks the rate that maximises the
bank's expected value: P(retain | rate) × (margin × balance × expected life + what booking brings or
costs) + P(switch | rate) × the prepayment fee a leaving customer pays, where the switching
probability at the current rate comes from the switching model and moves with the rate by the price
sensitivity (logit per 1 %p). Below the officer's authority threshold a manager must approve. When
the officer moves the rate, ``price(..., at_rate_pct=…)`` re-prices it, so the reason codes always add
up to the rate shown.

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

from retention_desktop.domain.sentences import say
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
    # -- renegotiation (금리 조건변경) and re-loan booking: the bank's own rules (revision 0009) ----------
    renegotiation_discretionary_cut_pct: Decimal  # how far below the current rate without a 금리인하요구권 claim
    renegotiation_cost_won: int  # what a rate change on the existing contract costs the bank to process
    reloan_cost_won: int  # what booking a new loan costs the bank (documents, appraisal, staff time)
    default_share_of_late_pct: Decimal  # of loans 30+ days late within a year, the share that default (roll rate)
    shown_offer_switch_probability: Decimal  # a customer holding another lender's offer leaves unless it is matched
    min_switch_saving_won: int  # a switch saving less than this is not worth advising

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
            renegotiation_discretionary_cut_pct=p.pct("renegotiation.discretionary_cut_pct"),
            renegotiation_cost_won=p.won("renegotiation.cost_won"),
            reloan_cost_won=p.won("reloan.cost_won"),
            default_share_of_late_pct=p.pct("expected_loss.default_share_of_late_pct"),
            shown_offer_switch_probability=p.fraction("advice.shown_offer_switch_probability"),
            min_switch_saving_won=p.won("advice.min_switch_saving_won"),
        )

    def risk_spread_pct(self, credit_score: int, kind: str) -> Decimal:
        return (_band(self.risk_spread_by_score, credit_score) * self.secured_risk_factor.get(kind, Decimal(1))
                ).quantize(BP)

    def rate_cut_owed_pct(self, kind: str, score_then: int, score_now: int) -> Decimal | None:
        """금리인하요구권 grounds (은행법 제30조의2) as the bank records them: the credit score rose by at least
        ``rate_cut_score_improvement`` points since drawdown and the risk spread it earns on a loan of ``kind`` fell.
        ``None`` when the right does not hold, else the cut (%p) the improvement is worth. The one definition: the
        quote, the customer view's badge and (vectorised, tested equal) the book's advice."""
        cut = self.risk_spread_pct(score_then, kind) - self.risk_spread_pct(score_now, kind)
        return cut if score_now - score_then >= self.rate_cut_score_improvement and cut > 0 else None

    def expected_loss_pct(self, late_probability: Decimal, kind: str) -> Decimal:
        """PD × LGD in %p a year. The risk model gives the probability of an instalment 30+ days late within a
        year; the roll rate (``default_share_of_late_pct``) turns it into a probability of default."""
        return late_probability * self.default_share_of_late_pct / 100 * self.loss_given_default_pct[kind]

    def expected_loss_factor(self, kind: str) -> float:
        """``expected_loss_pct`` per unit of probability, in bp (for the whole book at once)."""
        return float(self.expected_loss_pct(Decimal(1), kind) * 100)

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
    """What the price of one offer (a re-loan, or a renegotiation of the existing contract) depends on.

    ``retained_extra_won``: money the bank receives (+) or spends (−) once if the customer takes the offer
    (the part of the prepayment fee not waived, the product's fees, less the bank's half of the stamp duty
    and the cost of booking); ``lost_extra_won``: what it receives if the customer leaves anyway (the full
    prepayment fee). ``lowest_rate_pct`` / ``highest_rate_pct`` narrow the search further (a renegotiation's
    discretionary limit, the cut a 금리인하요구권 claim is owed).
    """

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
    retained_extra_won: int = 0
    lost_extra_won: int = 0
    lowest_rate_pct: Decimal | None = None
    highest_rate_pct: Decimal | None = None
    discount_label: str = "재대출 유지 할인"
    capped_at_list: bool = True  # a new loan is never dearer than the list rate; a renegotiation only cheaper


@dataclass(frozen=True)
class ReasonCode:
    text: str
    pct: Decimal  # signed contribution to the rate, %p
    internal: bool = False  # the bank's own cost or margin (업무원가, 목표이익): the officer may hide it from the customer


@dataclass(frozen=True)
class RateBuild:
    """금리 구성: the components of the rate for one funding index, before the retention discount (%, %p)."""

    index_name: str
    index_rate_pct: Decimal
    liquidity_pct: Decimal
    risk_pct: Decimal
    dsr_surcharge_pct: Decimal
    cost_pct: Decimal
    target_margin_pct: Decimal
    min_margin_pct: Decimal
    salary_discount_pct: Decimal
    tenure_discount_pct: Decimal
    tenure_years_rule: int
    credit_score: int
    dsr_pct: Decimal

    @property
    def funding_pct(self) -> Decimal:
        return self.index_rate_pct + self.liquidity_pct

    @property
    def floor_pct(self) -> Decimal:
        """Funding, risk, DSR surcharge, cost and the minimum margin: the lowest rate the bank may offer."""
        return self.funding_pct + self.risk_pct + self.dsr_surcharge_pct + self.cost_pct + self.min_margin_pct

    @property
    def list_pct(self) -> Decimal:
        return (self.funding_pct + self.risk_pct + self.dsr_surcharge_pct + self.cost_pct + self.target_margin_pct
                - self.salary_discount_pct - self.tenure_discount_pct)

    def reason_codes(self, rate_pct: Decimal, discount_label: str) -> tuple[ReasonCode, ...]:
        """The components that add up to ``rate_pct`` exactly: the last one is the discount from the list rate."""
        reasons = [
            ReasonCode(say("기준금리({index}) {rate:.2f}%", index=INDEX_NAME.get(self.index_name, self.index_name),
                           rate=self.index_rate_pct), self.index_rate_pct),
            ReasonCode(say("유동성 프리미엄 +{pct:.2f}%p", pct=self.liquidity_pct), self.liquidity_pct),
            ReasonCode(say("신용점수 {score} → 가산금리 {pct:.2f}%p", score=self.credit_score, pct=self.risk_pct),
                       self.risk_pct),
        ]
        if self.dsr_surcharge_pct:
            reasons.append(ReasonCode(say("DSR {dsr:.0f}% → 가산 +{pct:.2f}%p", dsr=self.dsr_pct,
                                          pct=self.dsr_surcharge_pct), self.dsr_surcharge_pct))
        reasons.append(ReasonCode(say("업무원가 +{pct:.2f}%p", pct=self.cost_pct), self.cost_pct, internal=True))
        reasons.append(ReasonCode(say("목표이익 +{pct:.2f}%p", pct=self.target_margin_pct), self.target_margin_pct,
                                  internal=True))
        if self.salary_discount_pct:
            reasons.append(ReasonCode(say("급여이체 우대 −{pct:.2f}%p", pct=self.salary_discount_pct),
                                      -self.salary_discount_pct))
        if self.tenure_discount_pct:
            reasons.append(ReasonCode(say("거래 {years}년 이상 우대 −{pct:.2f}%p", years=self.tenure_years_rule,
                                          pct=self.tenure_discount_pct), -self.tenure_discount_pct))
        discount = rate_pct - self.list_pct
        if discount:
            reasons.append(ReasonCode(say("{label} {pct}", label=discount_label,
                                          pct=f"{discount:+.2f}%p".replace("-", "−")), discount))
        return tuple(reasons)


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
    lowest_rate_pct: Decimal = Decimal(0)  # the search range actually allowed (bounds, floor, limits)
    highest_rate_pct: Decimal = Decimal(0)
    admissible: bool = True  # a rate exists in range that is below the current rate
    build: RateBuild | None = None
    inputs: PricingInput | None = None

    def needs_approval_at(self, rate_pct: Decimal) -> bool:
        """Whether ``rate_pct`` (%) lies below this officer's authority (전결 한도): the manager-approval rule,
        for any rate of this offer (the screen's slider, a counter-offer); see :func:`needs_manager_approval`."""
        return needs_manager_approval(rate_pct, self.authority_rate_pct)


def needs_manager_approval(rate_pct: Decimal, authority_rate_pct: Decimal) -> bool:
    """전결 한도: a rate (%) below the officer's authority — the list rate less ``authority_pct`` of their role
    (pricing rules) — needs the branch manager's approval. The one definition on the workstation; the database
    applies the same rule when an application is approved (``db/sql/50_applications.sql``)."""
    return rate_pct < authority_rate_pct


def rate_build(inp: PricingInput, rules: PricingRules) -> RateBuild:
    return RateBuild(
        index_name=inp.index_name, index_rate_pct=inp.index_rate_pct,
        liquidity_pct=rules.liquidity_premium_pct[inp.kind], risk_pct=rules.risk_spread_pct(inp.credit_score, inp.kind),
        dsr_surcharge_pct=rules.dsr_surcharge_pct(inp.dsr_pct), cost_pct=rules.cost_pct[inp.kind],
        target_margin_pct=rules.target_margin_pct, min_margin_pct=rules.min_margin_pct,
        salary_discount_pct=rules.salary_transfer_discount_pct if inp.salary_transfer else Decimal(0),
        tenure_discount_pct=rules.tenure_discount_pct if inp.tenure_years >= rules.tenure_discount_years else Decimal(0),
        tenure_years_rule=rules.tenure_discount_years, credit_score=inp.credit_score, dsr_pct=inp.dsr_pct)


def price(inp: PricingInput, rules: PricingRules, at_rate_pct: Decimal | None = None) -> PersonalPrice:
    """The personalised price of one offer with its reason codes: the whole-bp rate in the allowed range that
    maximises the bank's expected value, or, with ``at_rate_pct`` (the officer's slider), that rate re-priced:
    its retention probability, expected value, approval and reason codes."""
    build = rate_build(inp, rules)
    floor, list_rate = build.floor_pct, build.list_pct
    lower, upper = search_bounds(floor, list_rate, inp)
    allowed = upper_limit(list_rate, inp) >= lower  # some rate in range lies below the current rate
    # the bank's expected value counts the model's expected loss (PD × LGD, %p a year,
    # ``rules.expected_loss_pct``) where the grid's risk spread (which also pays for capital) sets the floor
    if at_rate_pct is None:
        lower_bp = _to_bp(lower, ROUND_CEILING)
        upper_bp = max(_to_bp(upper, ROUND_FLOOR), lower_bp)
    else:
        lower_bp = upper_bp = _to_bp(at_rate_pct)
    chosen_bp, p_retain, value = optimal_rates(
        lower_bp=np.array([lower_bp]), upper_bp=np.array([upper_bp]),
        current_bp=np.array([_to_bp(inp.current_rate_pct)]),
        cost_bp=np.array([float((build.funding_pct + build.cost_pct) * 100)]),
        expected_loss_bp=np.array([float(inp.default_probability) * rules.expected_loss_factor(inp.kind)]),
        switch_probability=np.array([float(inp.switch_probability)]),
        balance=np.array([inp.balance]), life_years=np.array([_life_years(inp.remaining_months, rules)]),
        sensitivity=float(rules.price_sensitivity_per_pct),
        retained_extra=np.array([float(inp.retained_extra_won)]), lost_extra=np.array([float(inp.lost_extra_won)]))
    rate = Decimal(int(chosen_bp[0])) / 100
    authority = list_rate - rules.authority_pct.get(inp.officer_role, Decimal(0))
    return PersonalPrice(
        rate_pct=rate, list_rate_pct=list_rate, floor_rate_pct=floor, authority_rate_pct=authority,
        needs_manager_approval=needs_manager_approval(rate, authority),
        retention_probability=Decimal(repr(round(float(p_retain[0]), 4))),
        expected_value=int(round(float(value[0]))), reasons=build.reason_codes(rate, inp.discount_label),
        rules_version=rules.version, lowest_rate_pct=lower, highest_rate_pct=upper,
        admissible=allowed if at_rate_pct is None else lower <= at_rate_pct <= upper_limit(list_rate, inp),
        build=build, inputs=inp)


def search_bounds(floor: Decimal, list_rate: Decimal, inp: PricingInput) -> tuple[Decimal, Decimal]:
    """Where the price may lie: at or above the floor, the product minimum and the offer's own lowest rate; at or
    below the list rate (a new loan's), the product maximum and the offer's own highest rate, and strictly below
    the customer's current rate (an offer at or above it helps nobody). When nothing is left, both ends are the
    lower one."""
    lower = max(r for r in (floor, inp.product_min_rate_pct, inp.lowest_rate_pct) if r is not None)
    return lower, max(upper_limit(list_rate, inp), lower)


def upper_limit(list_rate: Decimal, inp: PricingInput) -> Decimal:
    return min(r for r in (list_rate if inp.capped_at_list else None, inp.product_max_rate_pct, inp.highest_rate_pct,
                            inp.current_rate_pct - BP) if r is not None)


def optimal_rates(lower_bp, upper_bp, current_bp, cost_bp, expected_loss_bp, switch_probability, balance,
                  life_years, sensitivity: float, step_bp: int = 1, retained_extra=None, lost_extra=None):
    """For each loan, the whole-bp rate in [lower, upper] maximising the bank's expected value

        margin(r) × balance × E[years kept | r] + P(retain | r) × retained_extra + P(switch | r) × lost_extra,

    the margin being the rate less ``cost_bp`` (funding and operating cost) and the expected loss, and the years
    kept those of the remaining life (at most ``max_life_years``) the customer stays, each year with the
    probability P(retain | r) (the switching model predicts a year); ``retained_extra`` / ``lost_extra`` are
    once-off won amounts (see ``PricingInput``).

    logit P(switch | r) = logit P(switch | current) + sensitivity × (r − current) in %p.
    Returns (rate_bp, P(retain) at it, expected value in won) as arrays.
    """
    lower_bp = np.asarray(lower_bp, dtype=np.int64)
    upper_bp = np.asarray(upper_bp, dtype=np.int64)
    n = len(lower_bp)
    retained_extra = np.zeros(n) if retained_extra is None else np.asarray(retained_extra, dtype=np.float64)
    lost_extra = np.zeros(n) if lost_extra is None else np.asarray(lost_extra, dtype=np.float64)
    span = int((upper_bp - lower_bp).max(initial=0)) // step_bp + 1
    offsets = np.arange(span, dtype=np.int64) * step_bp
    grid = lower_bp[:, None] + offsets[None, :]
    valid = grid <= upper_bp[:, None]
    p_retain = retention_probability(grid, np.asarray(current_bp)[:, None],
                                     np.asarray(switch_probability, dtype=np.float64)[:, None], sensitivity)
    margin = (grid - np.asarray(cost_bp)[:, None] - np.asarray(expected_loss_bp)[:, None]) / 10_000.0
    years = years_kept(p_retain, np.asarray(life_years, dtype=np.float64)[:, None])
    value = (margin * np.asarray(balance, dtype=np.float64)[:, None] * years
             + p_retain * retained_extra[:, None] + (1 - p_retain) * lost_extra[:, None])
    value = np.where(valid, value, -np.inf)
    best = np.argmax(value, axis=1)
    rows = np.arange(n)
    return grid[rows, best], p_retain[rows, best], value[rows, best]


def years_kept(p_retain, life_years):
    """Expected years the loan stays over ``life_years`` (≤ 5) when at the start of each year it stays with
    ``p_retain`` (the decision is taken now, and again each year): Σ_k p^(k+1) × min(1, life − k) — the whole
    life when nobody can leave."""
    total = np.zeros(np.broadcast(p_retain, life_years).shape)
    survive = np.ones_like(total)
    for k in range(int(np.ceil(np.max(life_years, initial=0)))):
        survive = survive * p_retain
        total += survive * np.clip(life_years - k, 0.0, 1.0)
    return total


def retention_probability(rate_bp, current_bp, switch_probability, sensitivity: float):
    """P(retain | r): the switching probability at the current rate moved by the price sensitivity (logit per
    1 %p). A switching probability of 0 (nobody can take the loan over) keeps it 1 at any rate."""
    p0 = np.asarray(switch_probability, dtype=np.float64)
    clipped = np.clip(p0, 1e-6, 1 - 1e-6)
    logit = np.log(clipped / (1 - clipped)) + sensitivity * (np.asarray(rate_bp) - np.asarray(current_bp)) / 100.0
    return np.where(p0 <= 0, 1.0, 1.0 / (1.0 + np.exp(logit)))


def _life_years(remaining_months: int, rules: PricingRules) -> float:
    return min(remaining_months / 12, rules.max_life_years)


def _to_bp(rate_pct: Decimal, rounding: str = ROUND_HALF_UP) -> int:
    return int((Decimal(rate_pct) * 100).to_integral_value(rounding=rounding))


def _band(bands: tuple[Band, ...], value: int) -> Decimal:
    for band in bands:
        if band.upto is None or value <= band.upto:
            return band.value
    raise AssertionError("bands end open-ended")
