"""권고 (retention advice): for every loan, one recommended action, its reasons, and the money on both sides.

Actions (``RETENTION_ACTION`` in labels): ``keep`` the loan as it is; ``renegotiation`` — lower the rate
of the existing contract (금리 조건변경, or granting a 금리인하요구권 claim): no prepayment fee, no new
stamp duty, not a new loan for the DSR; ``reloan`` — a new loan with us that repays the old one (재대출);
``switch`` — we cannot match the market: let the customer switch (대환).

The decision (docs/advice.md has a worked example of each):

1. **Candidates.** The renegotiation and the re-loan are priced (``personal_quote.offer_prices``): the
   whole-bp rate maximising the bank's expected value between the floor (and the product's and the
   renegotiation's limits) and strictly below the current rate. A candidate is *available* when such a
   rate exists, the option passes every eligibility rule (``domain/eligibility.py``) and it costs the
   customer less than keeping the loan, fees and stamp duty included.
2. **The market.** The best eligible switch is what the customer can get elsewhere. When no other lender
   can take the loan over (every switch fails a rule), nobody leaves for a better rate: the switching
   probability is 0 and cutting the rate only costs the bank.
3. **Cannot match.** When an eligible switch saves the customer more than anything the bank could offer
   at the lowest rate it may charge, the advice is to let them switch — and say that the floor is the reason.
4. **The customer's right.** When the customer holds a 금리인하요구권 claim and the renegotiation is
   available, keeping the loan as it is is not advised.
5. **Expected value decides** among what is left: P(retain | r) × (margin(r) × balance × life + what
   booking brings or costs) + P(switch | r) × the prepayment fee a leaving customer pays. Ties go to the
   larger saving for the customer.

``choose_actions`` is that rule on arrays: the single quote calls it with one loan, ``portfolio_advice``
with the whole book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

import numpy as np

from retention_desktop.domain.comparison import Comparison, Offer, OptionResult, compare
from retention_desktop.domain.eligibility import Check
from retention_desktop.domain.fees import add_months, fee_period_end
from retention_desktop.domain.labels import RETENTION_ACTION
from retention_desktop.domain.money import format_rate_pct, format_won, format_won_korean
from retention_desktop.domain.personal_quote import (
    OfferPrices,
    PricingContext,
    best_switch_rate,
    offer_prices,
)
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.pricing import PersonalPrice, price
from retention_desktop.domain.features import ASSUMED
from retention_desktop.domain.quote import QuoteRequest, quote_document
from retention_desktop.domain.schedule import build_schedule
from retention_desktop.domain.sentences import joined, say

ACTIONS = ("keep", "renegotiation", "reloan", "switch")
KEEP, RENEGOTIATION, RELOAN, SWITCH = range(4)
BANK_ACTIONS = ("renegotiation", "reloan")
MARKET_PROBE = "switch:시장 최저"  # the best disclosed offer, checked for eligibility but not shown


def choose_actions(ev_keep, ev_renegotiation, ev_reloan, renegotiation_ok, reloan_ok, renegotiation_saving,
                   reloan_saving, rate_cut_right, cannot_match) -> np.ndarray:
    """The decision rule on arrays (one element per loan): indexes into ``ACTIONS``.

    ``*_ok``: the action is available (rule 1); ``rate_cut_right``: the customer holds a 금리인하요구권 claim
    (rule 4); ``cannot_match``: an eligible switch beats the best the bank could offer (rule 3). Expected values
    are compared in whole won; ties go to the larger customer saving (keep saves nothing).
    """
    renegotiation_ok = np.asarray(renegotiation_ok, dtype=bool)
    reloan_ok = np.asarray(reloan_ok, dtype=bool)
    keep_ok = ~(np.asarray(rate_cut_right, dtype=bool) & renegotiation_ok)
    value = np.stack([np.where(keep_ok, np.round(np.asarray(ev_keep, dtype=np.float64)), -np.inf),
                      np.where(renegotiation_ok, np.round(np.asarray(ev_renegotiation, dtype=np.float64)), -np.inf),
                      np.where(reloan_ok, np.round(np.asarray(ev_reloan, dtype=np.float64)), -np.inf)], axis=1)
    saving = np.stack([np.zeros(len(keep_ok)), np.asarray(renegotiation_saving, dtype=np.float64),
                       np.asarray(reloan_saving, dtype=np.float64)], axis=1)
    best_value = value.max(axis=1, keepdims=True)
    tied = value == best_value
    chosen = np.argmax(np.where(tied, saving, -np.inf), axis=1)
    return np.where(np.asarray(cannot_match, dtype=bool), SWITCH, chosen).astype(np.int8)


@dataclass(frozen=True)
class CounterOffer:
    """A competitor beats what we offer: the rate that would match it, and whether the officer may give it."""

    lender: str
    competitor_rate_pct: Decimal
    action: str
    our_rate_pct: Decimal
    counter_rate_pct: Decimal | None  # None: not even our lowest rate matches
    within_authority: bool
    text: str


@dataclass(frozen=True)
class Candidate:
    """One answer the bank could give: its option in the comparison, whether it may be given, what it is worth."""

    action: str
    option: OptionResult | None
    price: PersonalPrice | None
    available: bool
    why_not: tuple[str, ...]
    expected_value: int
    offer: Offer | None = None


@dataclass(frozen=True)
class Recommendation:
    action: str
    option_label: str
    annual_rate_pct: Decimal
    headline: str
    reasons: tuple[str, ...]
    customer_monthly_saving: int
    customer_total_saving: int
    months: int
    expected_value: int  # the bank's, of the recommended action (0 when the loan leaves)
    expected_value_keep: int
    retention_probability: Decimal
    counter_offer: CounterOffer | None
    signals: tuple[str, ...]  # the actionable facts behind it (rate gap, fee window, switch date, score)

    @property
    def expected_value_gain(self) -> int:
        return self.expected_value - self.expected_value_keep


@dataclass(frozen=True)
class Advice:
    request: QuoteRequest
    comparison: Comparison
    prices: OfferPrices
    candidates: Mapping[str, Candidate]
    recommendation: Recommendation
    switch_possible: bool

    def offer(self, action: str) -> Candidate:
        return self.candidates[action]

    @property
    def offered_action(self) -> str | None:
        """The bank action the officer works on (the slider, the proposal): the recommended one, else the one the
        counter-offer names, else the available one that saves the customer most (when the advice is to switch) or
        is worth most to the bank, else ``None``."""
        if self.recommendation.action in BANK_ACTIONS:
            return self.recommendation.action
        counter = self.recommendation.counter_offer
        if counter is not None and counter.counter_rate_pct is not None and self.candidates[counter.action].available:
            return counter.action
        available = [c for c in (self.candidates[a] for a in BANK_ACTIONS) if c.available]
        if not available:
            return None
        if self.recommendation.action == "switch":  # the best we can do for a customer we cannot keep
            return max(available, key=lambda c: c.option.net_saving_vs_keep).action
        return max(available, key=lambda c: c.expected_value).action


def advise(request: QuoteRequest, context: PricingContext, policy: Policy,
           pinned: Mapping[str, Decimal] | None = None) -> Advice:
    """The comparison of keep, renegotiation, re-loan and every switch offer, and the one recommendation."""
    loan = request.current_loan
    market_rate = context.market_best_rate_pct.get(loan.kind)
    probe = ([Offer(MARKET_PROBE, "시장 최저", market_rate, loan.remaining_months, loan.method)]
             if market_rate is not None else [])
    market = compare(request.as_of, request.borrower, list(request.other_debts), loan,
                     [*request.switch_offers, *probe], policy)
    switches = [o for o in market.options if o.label.startswith("switch:") and o.label != MARKET_PROBE]
    notice = dt.timedelta(days=context.rules.fee_window_notice_days)
    switch_possible = any(_switchable(o, loan, policy, request.as_of + notice) for o in market.options[1:])
    prices = offer_prices(request, context, policy, switch_possible, pinned)

    bank_offers = [Offer("renegotiation", "", prices.renegotiation.rate_pct, loan.remaining_months, loan.method)]
    if prices.reloan is not None or request.reloan_offer is not None:
        bank_offers.append(_reloan_offer(request, prices))
    ours = compare(request.as_of, request.borrower, list(request.other_debts), loan, bank_offers, policy)
    keep = ours.options[0]
    candidates = {"keep": Candidate("keep", keep, prices.keep, True, (), prices.keep.expected_value)}
    options = [keep]
    for offer, option in zip(bank_offers, ours.options[1:]):
        price = prices.renegotiation if offer.is_renegotiation else prices.reloan
        option, candidate = _candidate(option, price, loan.annual_rate_pct)
        candidates[option.label] = replace(candidate, offer=offer)
        options.append(option)
    if "reloan" not in candidates:
        candidates["reloan"] = Candidate("reloan", None, None, False, (prices.product_missing or "재대출 상품 없음",), 0)
    comparison = replace(ours, options=(*options, *switches))

    shown_labels = {o.label for o in request.switch_offers if o.shown_to_customer}
    shown = max((o for o in switches if o.label in shown_labels and o.eligible and o.net_saving_vs_keep > 0),
                key=lambda o: (o.net_saving_vs_keep, o.label), default=None)
    if shown is not None:
        candidates = _answer_shown_offer(request, context, policy, candidates, shown, pinned or {})
        comparison = replace(comparison, options=(keep, *(candidates[o.label].option for o in options[1:]),
                                                  *switches))
    best_switch = max((o for o in switches if o.eligible and o.net_saving_vs_keep > 0),
                      key=lambda o: (o.net_saving_vs_keep, o.label), default=None)
    # rule 3, with a saving worth sending a customer to another lender for
    material = best_switch is not None and best_switch.net_saving_vs_keep >= context.rules.min_switch_saving_won
    cannot_match, lowest = _cannot_match(request, policy, candidates, best_switch if material else None)
    reneg, reloan = candidates["renegotiation"], candidates["reloan"]
    action = ACTIONS[int(choose_actions(
        [candidates["keep"].expected_value], [reneg.expected_value], [reloan.expected_value], [reneg.available],
        [reloan.available], [_saving(reneg.option)], [_saving(reloan.option)], [prices.rate_cut_right.holds],
        [cannot_match])[0])]
    recommendation = _recommendation(request, context, policy, prices, candidates, action, best_switch, lowest)
    return Advice(request, comparison, prices, candidates, recommendation, switch_possible)


def _answer_shown_offer(request: QuoteRequest, context: PricingContext, policy: Policy,
                        candidates: Mapping[str, Candidate], shown: OptionResult,
                        pinned: Mapping[str, Decimal]) -> dict[str, Candidate]:
    """A customer who brings another lender's offer leaves with the bank's ``shown_offer_switch_probability``
    unless we match it (save them at least as much): keeping the loan as it is, or any offer that does not match,
    is valued at that probability; each bank action may instead go down to the rate that matches, valued at the
    model's probability there. Expected value keeps whichever is worth more."""
    rules = context.rules
    intent = rules.shown_offer_switch_probability
    current = request.current_loan.annual_rate_pct
    out = dict(candidates)

    def doubting(p: PersonalPrice, rate: Decimal) -> PersonalPrice:
        worried = replace(p.inputs, switch_probability=max(p.inputs.switch_probability, intent))
        return replace(price(worried, rules, at_rate_pct=rate), lowest_rate_pct=p.lowest_rate_pct,
                       highest_rate_pct=p.highest_rate_pct, admissible=p.admissible)

    keep = candidates["keep"]
    keep_price = doubting(keep.price, current)
    out["keep"] = replace(keep, price=keep_price, expected_value=keep_price.expected_value)
    for action in BANK_ACTIONS:
        c = candidates[action]
        if c.option is None or c.price is None or c.option.net_saving_vs_keep >= shown.net_saving_vs_keep:
            continue
        unmatched = doubting(c.price, c.option.annual_rate_pct)
        out[action] = replace(c, price=unmatched, expected_value=unmatched.expected_value)
        if not c.available or action in pinned:
            continue
        rate = counter_rate(request, policy, c, shown.net_saving_vs_keep)
        if rate is None:
            continue
        matched = replace(price(c.price.inputs, rules, at_rate_pct=rate), lowest_rate_pct=c.price.lowest_rate_pct,
                          highest_rate_pct=c.price.highest_rate_pct)
        option, candidate = _candidate(_option_at(request, policy, c.offer, rate), matched, current)
        if candidate.available and matched.expected_value > unmatched.expected_value:
            out[action] = replace(candidate, offer=replace(c.offer, annual_rate_pct=rate))
    return out


def _switchable(option: OptionResult, loan, policy: Policy, horizon: dt.date) -> bool:
    """Another lender can take the loan over now, or once the six-month rule lifts within the notice window."""
    if option.eligible:
        return True
    if all(c.rule == "six_months" for c in option.blocked_by):
        return add_months(loan.drawdown_date, policy.mortgage_switch_min_months) <= horizon
    return False


def _reloan_offer(request: QuoteRequest, prices: OfferPrices) -> Offer:
    loan = request.current_loan
    product = prices.product
    given = request.reloan_offer
    if given is not None:
        waiver = given.prepayment_fee_waiver_pct
        if waiver is None:
            waiver = product.reloan_fee_waiver_pct if product else Decimal(0)
        return replace(given, prepayment_fee_waiver_pct=waiver, product=product, product_missing=prices.product_missing,
                       rate_type=product.rate_type if product else None,
                       fixed_period_months=product.fixed_period_months if product else None)
    return Offer("reloan", "", prices.reloan.rate_pct, loan.remaining_months, loan.method, product.fees,
                 rate_type=product.rate_type, prepayment_fee_waiver_pct=product.reloan_fee_waiver_pct,
                 fixed_period_months=product.fixed_period_months, product=product, product_code=product.code)


def _candidate(option: OptionResult, price: PersonalPrice | None, current_rate: Decimal
               ) -> tuple[OptionResult, Candidate]:
    """Availability of a bank option: a rate below the current one and at or above the floor, every rule met, and
    a saving for the customer. What fails is added to the option, so the comparison shows it too."""
    extra: list[Check] = []
    if option.annual_rate_pct >= current_rate:
        extra.append(Check("floor", False, f"제시 가능한 최저 금리 {format_rate_pct(option.annual_rate_pct)}가 현재 금리 "
                                           f"{format_rate_pct(current_rate)} 이상"))
    elif price is not None and not price.admissible:
        extra.append(Check("floor", False, f"금리 {format_rate_pct(option.annual_rate_pct)}는 허용 범위 "
                                           f"{format_rate_pct(price.lowest_rate_pct)}~"
                                           f"{format_rate_pct(max(price.highest_rate_pct, price.lowest_rate_pct))} 밖"))
    if option.net_saving_vs_keep <= 0 and not extra:
        extra.append(Check("saving", False, f"수수료 포함 시 유지보다 {format_won(-option.net_saving_vs_keep)} 더 듦"))
    if extra:
        option = replace(option, eligible=False, blocked_by=(*option.blocked_by, *extra),
                         reasons=(*option.reasons, *(c.text for c in extra)))
    available = option.eligible
    value = price.expected_value if price is not None else 0
    return option, Candidate(option.label, option, price, available,
                             tuple(c.text for c in option.blocked_by), value)


def _saving(option: OptionResult | None) -> int:
    return option.net_saving_vs_keep if option is not None else 0


def _cannot_match(request: QuoteRequest, policy: Policy, candidates: Mapping[str, Candidate],
                  best_switch: OptionResult | None) -> tuple[bool, dict[str, OptionResult]]:
    """Rule 3: whether the best eligible switch saves the customer more than each bank action could at its lowest
    rate; returns the verdict and those lowest-rate options (for the reasons)."""
    if best_switch is None:
        return False, {}
    lowest: dict[str, OptionResult] = {}
    for action in BANK_ACTIONS:
        c = candidates[action]
        if c.option is None or c.price is None:
            continue
        if c.available and c.option.net_saving_vs_keep >= best_switch.net_saving_vs_keep:
            return False, {}
        structural = [b for b in c.option.blocked_by if b.rule not in ("floor", "saving")]
        if structural or c.price.lowest_rate_pct >= request.current_loan.annual_rate_pct:
            continue
        at_lowest = _option_at(request, policy, c.offer, c.price.lowest_rate_pct)
        lowest[action] = at_lowest
        if at_lowest.eligible and at_lowest.net_saving_vs_keep >= best_switch.net_saving_vs_keep:
            return False, lowest
    return True, lowest


def _option_at(request: QuoteRequest, policy: Policy, offer: Offer, rate: Decimal) -> OptionResult:
    """The same offer at another rate, recomputed by the comparison engine."""
    return compare(request.as_of, request.borrower, list(request.other_debts), request.current_loan,
                   [replace(offer, annual_rate_pct=rate)], policy).options[1]


def counter_rate(request: QuoteRequest, policy: Policy, candidate: Candidate, target_saving: int) -> Decimal | None:
    """The highest whole-bp rate the candidate may be offered at (from its lowest allowed rate up to its highest,
    below the current rate) that still saves the customer at least ``target_saving`` (what the best switch saves);
    ``None`` if none does."""
    low = int((candidate.price.lowest_rate_pct * 100).to_integral_value(rounding="ROUND_CEILING"))
    high = int((min(candidate.price.highest_rate_pct, request.current_loan.annual_rate_pct - Decimal("0.01"))
                * 100).to_integral_value(rounding="ROUND_FLOOR"))
    if high < low:
        return None

    first = _option_at(request, policy, candidate.offer, Decimal(low) / 100)
    if first.net_saving_vs_keep < target_saving:
        return None
    # only the interest moves with the rate (fees, stamp duty and the term do not): the comparison's own
    # saving, keep's total cost less the option's, from the schedule alone
    keep_total_cost = first.total_cost + first.net_saving_vs_keep
    balance = request.current_loan.balance

    def saving(bp: int) -> int:
        interest = build_schedule(balance, Decimal(bp) / 100, first.term_months, first.method).total_interest
        return keep_total_cost - (interest + first.upfront_cost)

    while low < high:  # the saving falls as the rate rises: the last bp that still reaches the target
        mid = (low + high + 1) // 2
        if saving(mid) >= target_saving:
            low = mid
        else:
            high = mid - 1
    return Decimal(low) / 100


# -- words (``domain.sentences``: Korean here, said in the officer's language on screen) ---------------------
def _first_clause(reason: str) -> str:
    """A reason up to its colon (``금리를 낮춰도 … 늘지 않습니다: 유지 …`` → the first clause), as a sentence."""
    from retention_desktop.domain.sentences import Sentence

    if isinstance(reason, Sentence) and reason.template:
        if ": " not in reason.template:
            return reason
        head = reason.template.split(": ")[0]
        return say(head, **{k: v for k, v in reason.values.items() if "{" + k in head})
    return reason.split(": ")[0]


def saving_text(amount: int) -> str:
    """A saving as said to a customer: under 1만 원 to the won, else floored to whole 만 원 (never overstated)."""
    return format_won(amount) if amount < 10_000 else format_won_korean(amount // 10_000 * 10_000)


def signal_texts(*, current_rate_pct: Decimal, market_rate_pct: Decimal | None, as_of: dt.date,
                 fee_window_ends_on: dt.date | None, switch_allowed_from: dt.date | None, score_change: int,
                 score_threshold: int, rate_cut_right: bool, notice_days: int,
                 rate_cut_right_notice_months: int) -> list[str]:
    """The facts an officer can act on and say to the customer, never who the customer is: the rate gap to the
    market, the end of the prepayment-fee window, the day a mortgage may switch, the credit-score change.

    ``notice_days``: how many days ahead the end of the fee window is worth a call (pricing rules);
    ``rate_cut_right_notice_months``: how often the bank must tell a customer whose credit improved about the
    금리인하요구권 (policy ``renegotiation.rate_cut_right_notice_months``, FSC 2023-02-09), said with the claim."""
    texts = []
    if market_rate_pct is not None:
        gap = current_rate_pct - market_rate_pct
        market = format_rate_pct(market_rate_pct)
        texts.append(say("시장 최저 {market}보다 {gap:.2f}%p 높은 금리", market=market, gap=gap) if gap > 0 else
                     say("현재 금리가 시장 최저 {market} 이하", market=market))
    if fee_window_ends_on is not None and as_of < fee_window_ends_on <= as_of + dt.timedelta(days=notice_days):
        texts.append(say("중도상환수수료 면제 {date}부터", date=f"{fee_window_ends_on:%Y.%m.%d}"))
    if switch_allowed_from is not None and switch_allowed_from > as_of:
        texts.append(say("대환 가능일 {date}", date=f"{switch_allowed_from:%Y.%m.%d}"))
    if score_change >= score_threshold:
        texts.append(say("신용점수 +{points}점: 금리인하요구권 대상 ({months}개월마다 안내)", points=score_change,
                         months=rate_cut_right_notice_months) if rate_cut_right else
                     say("신용점수 +{points}점 상승", points=score_change))
    elif score_change <= -score_threshold:
        texts.append(say("신용점수 {points}점 하락", points=score_change))
    return texts


def headline(action: str, option: OptionResult, keep: OptionResult, lender: str = "") -> str:
    """The answer first: what the customer saves a month and in all, fees included (switch, renegotiation, re-loan)."""
    monthly = keep.monthly_payment - option.monthly_payment
    total = option.net_saving_vs_keep
    months = option.term_months
    if action == "switch":
        return say("대환이 더 유리합니다: {lender} {rate}, 남은 {months}개월 총 {saving} 절약 (수수료 포함)",
                   lender=lender, rate=format_rate_pct(option.annual_rate_pct), months=months,
                   saving=saving_text(total))
    what = RETENTION_ACTION[action]
    if monthly > 0:
        return say("{action} 시 매달 {monthly}, 남은 {months}개월 총 {saving} 절약 (수수료 포함)", action=what,
                   monthly=format_won(monthly), months=months, saving=saving_text(total))
    return say("{action} 시 남은 {months}개월 총 {saving} 절약 (수수료 포함)", action=what, months=months,
               saving=saving_text(total))


def _recommendation(request: QuoteRequest, context: PricingContext, policy: Policy, prices: OfferPrices,
                    candidates: Mapping[str, Candidate], action: str, best_switch: OptionResult | None,
                    lowest: Mapping[str, OptionResult]) -> Recommendation:
    loan = request.current_loan
    rules = context.rules
    keep = candidates["keep"].option
    keep_value = candidates["keep"].expected_value
    reneg, reloan = candidates["renegotiation"], candidates["reloan"]
    right = prices.rate_cut_right
    market = best_switch_rate(request, context)
    fee_end = fee_period_end(loan.drawdown_date, loan.term_months, policy)
    signals = signal_texts(
        current_rate_pct=loan.annual_rate_pct, market_rate_pct=market, as_of=request.as_of,
        fee_window_ends_on=fee_end, notice_days=rules.fee_window_notice_days,
        switch_allowed_from=add_months(loan.drawdown_date, policy.mortgage_switch_min_months)
        if loan.kind == "mortgage" else None,
        score_change=right.score_change, score_threshold=rules.rate_cut_score_improvement,
        rate_cut_right=right.holds, rate_cut_right_notice_months=policy.renegotiation.rate_cut_right_notice_months)

    def value_line(c: Candidate) -> str:
        return say("은행 기대가치 {value} (현재 유지 시 {keep}, 유지 확률 {probability:.0%})",
                   value=format_won_korean(c.expected_value), keep=format_won_korean(keep_value),
                   probability=c.price.retention_probability)

    def unavailable(c: Candidate) -> str:
        return say("{action} 불가: {why}", action=RETENTION_ACTION[c.action],
                   why=c.why_not[0] if c.why_not else say("조건 미충족"))

    reasons: list[str] = []
    if action == "switch":
        chosen, lender, value = best_switch, best_switch.lender, 0
        floors = [say("{action} 최저 {rate}", action=RETENTION_ACTION[a], rate=format_rate_pct(o.annual_rate_pct))
                  for a, o in lowest.items()]
        reasons.append(say("우리가 줄 수 있는 최저 금리({floors})로도 {lender} {rate}보다 고객 부담이 큽니다",
                           floors=joined(", ", floors) if floors else say("제시 가능한 금리 없음"), lender=lender,
                           rate=format_rate_pct(best_switch.annual_rate_pct)))
        for c in (reneg, reloan):
            if not c.available:
                reasons.append(unavailable(c))
        reasons.append(say("대환 시 은행 기대가치 0원 (현재 유지 시 {keep}): 고객에게 유리한 대환을 막지 않습니다",
                           keep=format_won_korean(keep_value)))
        probability = candidates["keep"].price.retention_probability
    elif action == "keep":
        chosen, lender, value = keep, "", keep_value
        available = [c for c in (reneg, reloan) if c.available]
        if not any(c.available for c in (reneg, reloan)):
            reasons.append(say("금리를 낮출 수 있는 방법이 없습니다"))
        elif prices.switch_probability == 0:
            reasons.append(say("다른 금융기관으로 대환할 수 없어 금리를 낮춰도 은행 기대가치만 줄어듭니다"))
        else:
            best = max(available, key=lambda c: c.expected_value)
            reasons.append(say("금리를 낮춰도 은행 기대가치가 늘지 않습니다: 유지 {keep} ≥ {action} {rate} {value}",
                               keep=format_won_korean(keep_value), action=RETENTION_ACTION[best.action],
                               rate=format_rate_pct(best.option.annual_rate_pct),
                               value=format_won_korean(best.expected_value)))
        for c in (reneg, reloan):
            if not c.available:
                reasons.append(unavailable(c))
        probability = candidates["keep"].price.retention_probability
    else:
        mine = candidates[action]
        other = reloan if action == "renegotiation" else reneg
        chosen, lender, value = mine.option, "", mine.expected_value
        reasons.extend(_deal_lines(loan, policy, prices, mine))
        reasons.append(value_line(mine))
        if other.available:
            better = ("{other}({rate})보다 기대가치가 큼: {mine} vs {theirs}" if mine.expected_value > other.expected_value
                      else "{other}({rate})보다 고객 절감가 큼: {mine} vs {theirs}")
            reasons.append(say(better, other=RETENTION_ACTION[other.action],
                               rate=format_rate_pct(other.option.annual_rate_pct),
                               mine=format_won_korean(mine.expected_value),
                               theirs=format_won_korean(other.expected_value)))
        else:
            reasons.append(unavailable(other))
        probability = mine.price.retention_probability
    counter = _counter_offer(request, policy, rules, candidates, action, chosen, best_switch)
    if counter is not None:
        reasons.append(counter.text)
    return Recommendation(
        action=action, option_label=chosen.label, annual_rate_pct=chosen.annual_rate_pct,
        headline=say("현재 대출 유지를 권합니다: {why}", why=_first_clause(reasons[0])) if action == "keep" else
        headline(action, chosen, keep, lender),
        reasons=tuple(reasons), customer_monthly_saving=keep.monthly_payment - chosen.monthly_payment,
        customer_total_saving=chosen.net_saving_vs_keep, months=chosen.term_months, expected_value=value,
        expected_value_keep=keep_value, retention_probability=probability, counter_offer=counter,
        signals=tuple(signals))


def _deal_lines(loan, policy: Policy, prices: OfferPrices, candidate: Candidate) -> list[str]:
    """What a bank action changes for the customer and what it costs them (the first reasons of a recommended
    renegotiation or re-loan, and of the proposal's summary)."""
    option = candidate.option
    if candidate.action == "renegotiation":
        free = say("중도상환수수료·새 계약 인지세 없음") if not policy.renegotiation.stamp_duty else say("중도상환수수료 없음")
        dsr = say("DSR 재심사 없음") if not policy.renegotiation.dsr_retest else say("DSR 재심사 충족")
        lines = [say("같은 계약의 금리만 {old} → {new}로 변경 (신규대출 아님): {free}, {dsr}",
                     old=format_rate_pct(loan.annual_rate_pct), new=format_rate_pct(option.annual_rate_pct),
                     free=free, dsr=dsr)]
        right = prices.rate_cut_right
        if right.holds:
            lines.append(say("신용점수 +{points}점으로 금리인하요구권 대상 (은행법 제30조의2): 가산금리 {cut:.2f}%p 인하 "
                             "반영, 신청 시 {days}영업일 안에 답변", points=right.score_change, cut=right.cut_pct,
                             days=policy.renegotiation.rate_cut_right_answer_business_days))
        return lines
    product = prices.product
    rate, cost, name = format_rate_pct(option.annual_rate_pct), format_won(option.upfront_cost), product.name if product else ""
    if product and prices.full_prepayment_fee:
        return [say("재대출 {rate}: 새 계약 ({product}, 중도상환수수료 {waiver}% 감면), 고객 부담 인지세·수수료 {cost}",
                    rate=rate, product=name, waiver=f"{product.reloan_fee_waiver_pct.normalize():f}", cost=cost)]
    return [say("재대출 {rate}: 새 계약 ({product}), 고객 부담 인지세·수수료 {cost}", rate=rate, product=name, cost=cost)]


def customer_reasons(advice: Advice, policy: Policy, action: str) -> tuple[str, ...]:
    """The reasons the customer reads beside an offered bank action (the proposal's summary): what changes and
    what it costs them, and how it compares with the best eligible offer of another lender, fees included. Never
    the bank's own value, the retention probability or the officer's authority (those are for the officer)."""
    candidate = advice.candidates[action]
    option = candidate.option
    lines = _deal_lines(advice.request.current_loan, policy, advice.prices, candidate)
    best = max((o for o in advice.comparison.options
                if o.label.startswith("switch:") and o.eligible and o.net_saving_vs_keep > 0),
               key=lambda o: (o.net_saving_vs_keep, o.label), default=None)
    if best is not None:
        lender, rate = best.lender, format_rate_pct(best.annual_rate_pct)
        gap = option.net_saving_vs_keep - best.net_saving_vs_keep
        if gap >= 0:
            lines.append(say("{lender} {rate}로 대환하는 것보다 남은 {months}개월 총 {gap} 덜 듭니다 "
                             "(중도상환수수료·인지세 포함)", lender=lender, rate=rate, months=option.term_months,
                             gap=format_won(gap)))
        else:
            lines.append(say("{lender} {rate}로 대환하면 남은 {months}개월 총 {gap} 더 아낄 수 있습니다 "
                             "(중도상환수수료·인지세 포함)", lender=lender, rate=rate, months=best.term_months,
                             gap=format_won(-gap)))
    return tuple(lines)


def _counter_offer(request: QuoteRequest, policy: Policy, rules, candidates: Mapping[str, Candidate], action: str,
                   chosen: OptionResult, best_switch: OptionResult | None) -> CounterOffer | None:
    """When an eligible switch saves the customer more than what we recommend: the rate that would match it, on
    the recommended bank action, else on whichever available one can match and is worth most to the bank there."""
    if action == "switch" or best_switch is None or best_switch.net_saving_vs_keep <= chosen.net_saving_vs_keep:
        return None
    pool = [candidates[action]] if action in BANK_ACTIONS else [
        c for c in (candidates[a] for a in BANK_ACTIONS) if c.available]
    if not pool:
        return None
    target = best_switch.net_saving_vs_keep
    matches = [(c, rate) for c in pool if (rate := counter_rate(request, policy, c, target)) is not None]
    competitor = say("{lender} {rate}", lender=best_switch.lender, rate=format_rate_pct(best_switch.annual_rate_pct))
    if not matches:
        c = min(pool, key=lambda c: c.price.lowest_rate_pct)
        ours = say("{action} {rate}", action=RETENTION_ACTION[c.action], rate=format_rate_pct(c.option.annual_rate_pct))
        return CounterOffer(best_switch.lender, best_switch.annual_rate_pct, c.action, c.option.annual_rate_pct, None,
                            False, say("{competitor}가 {ours}보다 유리하고, 하한 {floor}로도 맞출 수 없습니다",
                                       competitor=competitor, ours=ours,
                                       floor=format_rate_pct(c.price.lowest_rate_pct)))
    c, rate = max(matches, key=lambda m: price(m[0].price.inputs, rules, at_rate_pct=m[1]).expected_value)
    ours = say("{action} {rate}", action=RETENTION_ACTION[c.action], rate=format_rate_pct(c.option.annual_rate_pct))
    within = not c.price.needs_approval_at(rate)
    text = ("{competitor}가 {ours}보다 유리합니다: 전결 한도({authority}) 안에서 {action} 금리를 {rate}까지 낮추면 "
            "대환보다 고객 부담이 같거나 적습니다" if within else
            "{competitor}가 {ours}보다 유리합니다: 전결 한도({authority}) 아래라 지점장 승인을 받아 {action} 금리를 "
            "{rate}까지 낮추면 대환보다 고객 부담이 같거나 적습니다")
    return CounterOffer(best_switch.lender, best_switch.annual_rate_pct, c.action, c.option.annual_rate_pct, rate,
                        within, say(text, competitor=competitor, ours=ours if action in BANK_ACTIONS else say("현재 대출"),
                                    authority=format_rate_pct(c.price.authority_rate_pct),
                                    action=RETENTION_ACTION[c.action], rate=format_rate_pct(rate)))


def settled_request(advice: Advice) -> QuoteRequest:
    """The request with the advised (or officer-set) rates written in as its offers: quoting it again gives the
    same comparison and advice; the proposal archive stores its document."""
    reneg = advice.candidates["renegotiation"].offer
    reloan = advice.candidates["reloan"].offer
    return replace(advice.request, renegotiation_offer=reneg, reloan_offer=reloan)


# -- the quote document ---------------------------------------------------------------------------
def advice_document(advice: Advice) -> dict:
    """The quote output (docs/quote.md): the comparison, each bank option's pricing, the recommendation, and the
    customer facts the engine had to assume."""
    doc = quote_document(advice.comparison)
    for option in doc["options"]:
        candidate = advice.candidates.get(option["label"])
        if candidate is None or candidate.price is None or option["label"] == "keep":
            continue
        p = candidate.price
        option.update({
            "floor_rate_pct": p.floor_rate_pct.quantize(Decimal("0.01")),
            "authority_rate_pct": p.authority_rate_pct.quantize(Decimal("0.01")),
            "list_rate_pct": p.list_rate_pct.quantize(Decimal("0.01")),
            "retention_probability": p.retention_probability,
            "expected_value": p.expected_value,
            "needs_manager_approval": p.needs_manager_approval,
            "reason_codes": [{"text": r.text, "pct": r.pct.normalize()} for r in p.reasons],
            "pricing_rules_version": p.rules_version,
        })
        if option["label"] == "reloan" and advice.prices.product is not None:
            option["product_code"] = advice.prices.product.code
    doc["recommendation"] = recommendation_document(advice.recommendation)
    doc["assumed_features"] = [{"feature": f, "assumed": ASSUMED[f]} for f in advice.request.facts.assumed()]
    return doc


def recommendation_document(r: Recommendation) -> dict:
    c = r.counter_offer
    return {
        "action": r.action, "option": r.option_label, "annual_rate_pct": r.annual_rate_pct, "headline": r.headline,
        "reasons": list(r.reasons), "signals": list(r.signals),
        "customer": {"monthly_saving": r.customer_monthly_saving, "total_saving": r.customer_total_saving,
                     "months": r.months},
        "bank": {"expected_value": r.expected_value, "expected_value_keep": r.expected_value_keep,
                 "expected_value_gain": r.expected_value_gain, "retention_probability": r.retention_probability},
        "counter_offer": None if c is None else {
            "lender": c.lender, "competitor_rate_pct": c.competitor_rate_pct, "action": c.action,
            "our_rate_pct": c.our_rate_pct, "counter_rate_pct": c.counter_rate_pct,
            "within_authority": c.within_authority, "text": c.text},
    }


def personal_quote_document(request: QuoteRequest, context: PricingContext, policy: Policy) -> dict:
    return advice_document(advise(request, context, policy))
