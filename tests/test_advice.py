"""The retention advice (pure engine): golden cases for each recommended action, and the rules it must never break.

The documents are written out literally; the products are the demo's (bounds, waivers); no model is trained, so
the switching probability is the prior of the rate gap and the default probability the prior (1 %).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retention_desktop.data.demo_population import _products
from retention_desktop.domain import exact_json
from retention_desktop.domain.advice import advice_document, advise, choose_actions
from retention_desktop.domain.fees import prepayment_fee
from retention_desktop.domain.personal_quote import PricingContext
from retention_desktop.domain.policy import Policy, with_changes
from retention_desktop.domain.pricing import price
from retention_desktop.domain.products import ReloanProduct
from retention_desktop.domain.quote import parse_request
from tests.support import seed_revision, seeded_policies, seeded_pricing_rules

AS_OF = dt.date(2026, 11, 23)
INDEX = {"BANK_BOND_12M": Decimal("2.70"), "BANK_BOND_5Y": Decimal("3.10"), "COFIX_NEW": Decimal("2.62"),
         "BANK_BOND_6M": Decimal("2.62")}


def demo_products() -> tuple[ReloanProduct, ...]:
    frame = _products().sort_values("code")
    return tuple(ReloanProduct(r.code, r.name, r.loan_kind, r.rate_type,
                               r.index_name if isinstance(r.index_name, str) and r.index_name else None,
                               int(r.min_amount),
                               int(r.max_amount), int(r.min_term_months), int(r.max_term_months),
                               int(r.min_credit_score), Decimal(r.min_rate_pct), Decimal(r.max_rate_pct),
                               Decimal(r.prepayment_fee_pct), Decimal(r.reloan_fee_waiver_pct), int(r.fees))
                 for r in frame.itertuples())


@pytest.fixture(scope="module")
def policy():
    return next(p for p in seeded_policies() if p.version == "2025.10-1015")


def context(kind: str, market: str | None) -> PricingContext:
    return PricingContext(seeded_pricing_rules(), INDEX, demo_products(),
                          {kind: Decimal(market)} if market else {})


def request(doc: dict):
    return parse_request(exact_json.loads(json.dumps(doc, ensure_ascii=False)))


# The showcase, as the demo holds it: score 780, a 30,000,000 won bullet credit loan at 5.40 % (16 months left),
# a mortgage and a card loan elsewhere, salary paid in; the market's best offer for 751–800 points is 5.05 %.
SHOWCASE = {
    "as_of": "2026-11-23",
    "borrower": {"annual_income": 75_000_000, "credit_score": 780, "region": "capital",
                 "employment_type": "salaried", "salary_transfer": True, "relationship_years": 8},
    "other_debts": [
        {"kind": "mortgage", "balance": 90_000_000, "annual_rate_pct": 4.1, "remaining_months": 300,
         "method": "equal_payment"},
        {"kind": "card_loan", "balance": 7_000_000, "annual_rate_pct": 14.9, "remaining_months": 24,
         "method": "equal_payment"},
    ],
    "current_loan": {"kind": "credit", "balance": 30_000_000, "annual_rate_pct": 5.4, "rate_type": "variable",
                     "method": "bullet", "term_months": 36, "remaining_months": 16, "drawdown_date": "2025-03-10",
                     "prepayment_fee_pct": 0.11, "index_name": "BANK_BOND_12M", "principal": 30_000_000,
                     "credit_score_at_drawdown": 760, "late_payments_12m": 0},
    "switch_offers": [
        {"lender": "토스뱅크", "annual_rate_pct": 5.05, "term_months": 16, "method": "bullet", "fees": 0},
        {"lender": "카카오뱅크", "annual_rate_pct": 5.15, "term_months": 16, "method": "bullet", "fees": 0},
    ],
}


def showcase(**typed) -> dict:
    doc = copy.deepcopy(SHOWCASE)
    if typed:
        doc["switch_offers"].append({"lender": "토스뱅크 (고객 제시)", "term_months": 16, "method": "bullet",
                                     "fees": 0, "shown_to_customer": True, **typed})
    return doc


def test_golden_keep_when_cutting_the_rate_only_costs_the_bank(policy):
    """Nobody offers this customer less than 5.40 %: keeping the loan as it is is worth most to the bank."""
    doc = showcase()
    doc["switch_offers"] = [{"lender": "카카오뱅크", "annual_rate_pct": 5.6, "term_months": 16, "method": "bullet"}]
    advice = advise(request(doc), context("credit", "5.60"), policy)
    r = advice.recommendation
    assert r.action == "keep" and r.option_label == "keep"
    assert r.headline.startswith("현재 대출 유지를 권합니다: 금리를 낮춰도 은행 기대가치가 늘지 않습니다")
    assert r.customer_total_saving == 0 and r.expected_value == r.expected_value_keep
    assert r.counter_offer is None
    assert "현재 금리가 시장 최저 5.60% 이하" in r.signals


def test_a_loss_reads_as_what_it_costs_more_and_the_answer_comes_first(policy):
    """The comparison grid (screen and proposal: ``OPTION_ROWS``) writes a loss as "Z원 더 듦", never as a negative
    saving under the heading 절감; the recommended option comes first, then the others by what they save, then what
    is not available."""
    from retention_desktop.domain.comparison_table import OPTION_ROWS, display_order

    doc = showcase()
    doc["switch_offers"] = [{"lender": "카카오뱅크", "annual_rate_pct": 5.6, "term_months": 16, "method": "bullet"}]
    advice = advise(request(doc), context("credit", "5.60"), policy)
    kakao = advice.comparison.option("switch:카카오뱅크")
    assert kakao.net_saving_vs_keep == -94_241  # 0.20 %p dearer for 16 months, and the 14,241 won fee
    saving = dict(OPTION_ROWS)["유지 대비 절감"]
    assert saving(kakao) == "94,241원 더 듦"
    cells = [shown(o) for o in advice.comparison.options for _label, shown in OPTION_ROWS]
    assert not [c for c in cells if c.startswith("-")], cells
    order = [o.label for o in display_order(advice.comparison.options, advice.recommendation.option_label)]
    assert order == ["keep", "reloan", "renegotiation", "switch:카카오뱅크"]  # keep advised; 220,000 > 4,000 > −94,241


def test_golden_renegotiation_matches_the_offer_the_customer_brought(policy):
    """The customer shows 토스뱅크's 5.05 %: the bank lowers the rate of the same contract to 5.08 %, which costs
    the customer less than switching (a switch pays the 14,241 won prepayment fee)."""
    advice = advise(request(showcase(annual_rate_pct=5.05)), context("credit", "5.05"), policy)
    r = advice.recommendation
    assert (r.action, r.option_label, r.annual_rate_pct) == ("renegotiation", "renegotiation", Decimal("5.08"))
    reneg = advice.comparison.option("renegotiation")
    toss = advice.comparison.option("switch:토스뱅크 (고객 제시)")
    assert reneg.prepayment_fee == 0 and reneg.stamp_duty_borrower == 0
    assert toss.prepayment_fee == prepayment_fee(30_000_000, Decimal("0.11"), dt.date(2025, 3, 10), 36, AS_OF,
                                                 policy) == 14_241
    assert reneg.net_saving_vs_keep == 128_000 >= toss.net_saving_vs_keep
    assert r.headline == "금리 조건변경 시 매달 8,000원, 남은 16개월 총 12만 원 절약 (수수료 포함)"
    assert r.expected_value > r.expected_value_keep  # matching keeps the customer: worth more than doing nothing
    assert any("DSR 재심사 없음" in reason for reason in r.reasons)
    # the price's reason codes add up to the rate offered
    assert sum(c.pct for c in advice.candidates["renegotiation"].price.reasons) == Decimal("5.08")


def test_golden_switch_when_even_the_floor_cannot_match(policy):
    """The customer shows 4.10 %; the lowest rate the bank may offer is 4.75 %: let them switch, and say why."""
    advice = advise(request(showcase(annual_rate_pct=4.1)), context("credit", "5.05"), policy)
    r = advice.recommendation
    assert r.action == "switch" and r.option_label == "switch:토스뱅크 (고객 제시)"
    assert r.headline.startswith("대환이 더 유리합니다: 토스뱅크 (고객 제시) 4.10%, 남은 16개월 총")
    assert "(수수료 포함)" in r.headline
    assert "재대출 최저 4.75%" in r.reasons[0] and "고객 부담이 큽니다" in r.reasons[0]
    assert r.expected_value == 0 and r.customer_total_saving > 0
    assert r.retention_probability < Decimal("0.5")  # the typed offer moved the retention probability


def test_golden_reloan_when_only_a_new_loan_can_match(policy):
    """At 6.20 % the renegotiation may go down only 0.40 %p (5.80 %); the customer shows 5.05 %: only a re-loan
    (floor 4.75 %) can match it, and matching is worth more to the bank than a 60 % chance of losing the loan."""
    doc = showcase(annual_rate_pct=5.05)
    doc["current_loan"]["annual_rate_pct"] = 6.2
    advice = advise(request(doc), context("credit", "5.05"), policy)
    r = advice.recommendation
    assert r.action == "reloan", r.reasons
    reloan = advice.comparison.option("reloan")
    assert advice.candidates["renegotiation"].price.lowest_rate_pct == Decimal("5.80")
    assert Decimal("4.75") <= reloan.annual_rate_pct < Decimal("6.20")
    assert reloan.net_saving_vs_keep >= advice.comparison.option("switch:토스뱅크 (고객 제시)").net_saving_vs_keep
    assert reloan.prepayment_fee == 0  # the credit product waives the whole fee
    assert r.headline.startswith("재대출 시 매달")


HIGH_DSR_MORTGAGE = {
    "as_of": "2026-11-23",
    "borrower": {"annual_income": 40_000_000, "credit_score": 810, "region": "capital"},
    "other_debts": [{"kind": "credit", "balance": 20_000_000, "annual_rate_pct": 6.5, "remaining_months": 24,
                     "method": "equal_payment"}],
    "current_loan": {"kind": "mortgage", "balance": 280_000_000, "annual_rate_pct": 4.9, "rate_type": "variable",
                     "method": "equal_payment", "term_months": 360, "remaining_months": 320,
                     "drawdown_date": "2023-11-10", "prepayment_fee_pct": 0.58, "collateral_value": 800_000_000,
                     "collateral_region": "capital", "index_name": "COFIX_NEW", "credit_score_at_drawdown": 700},
    "switch_offers": [{"lender": "케이뱅크", "annual_rate_pct": 3.95, "term_months": 320, "method": "equal_payment",
                       "fees": 300_000}],
}


def test_golden_high_dsr_mortgage_can_only_be_renegotiated(policy):
    """DSR far above 40 %: neither a re-loan nor a switch passes the stress DSR, so nobody can take the loan over.
    The score rose 110 points since drawdown (금리인하요구권): the rate of the existing contract comes down by what
    the improvement is worth at least, which needs no new loan and no DSR test."""
    advice = advise(request(HIGH_DSR_MORTGAGE), context("mortgage", "3.95"), policy)
    reloan = advice.comparison.option("reloan")
    switch = advice.comparison.option("switch:케이뱅크")
    assert not reloan.eligible and not switch.eligible
    assert {c.rule for c in reloan.blocked_by} >= {"stress_dsr"} and any(
        "스트레스 DSR" in c.text and "> 한도 40%" in c.text for c in switch.blocked_by)
    assert not advice.switch_possible and advice.prices.switch_probability == 0
    assert advice.prices.rate_cut_right.holds and advice.prices.rate_cut_right.cut_pct == Decimal("0.49")
    r = advice.recommendation
    assert r.action == "renegotiation"
    reneg = advice.comparison.option("renegotiation")
    # at least the cut the improvement is worth: risk spread 2.20 %p × 0.35 at 700 points, 0.80 %p × 0.35 at 810
    assert reneg.eligible and reneg.annual_rate_pct <= Decimal("4.41")
    assert "재대출 불가" in " ".join(r.reasons) and "금리인하요구권" in " ".join(r.reasons)
    assert advice.offered_action == "renegotiation"


def test_the_rate_cut_right_is_said_with_the_policys_notice_period(policy):
    """``renegotiation.rate_cut_right_notice_months`` is read: the signal of a 금리인하요구권 claim says how often
    the bank must tell the customer (every six months since the FSC's 2023-02-09 improvements), from the policy."""
    signals = advise(request(HIGH_DSR_MORTGAGE), context("mortgage", "3.95"), policy).recommendation.signals
    assert "신용점수 +110점: 금리인하요구권 대상 (6개월마다 안내)" in signals
    params = with_changes(seed_revision().OCT_15, {"renegotiation.rate_cut_right_notice_months": "3"})
    quarterly = Policy.from_parameters("x", policy.effective_from, params)
    signals = advise(request(HIGH_DSR_MORTGAGE), context("mortgage", "3.95"), quarterly).recommendation.signals
    assert "신용점수 +110점: 금리인하요구권 대상 (3개월마다 안내)" in signals


def test_the_customer_view_flags_a_rate_cut_claim_as_the_engine_does(policy):
    """One definition of the 금리인하요구권 grounds (PricingRules.rate_cut_owed_pct): the score rose by the threshold
    *and* the risk spread it earns fell. With a flat spread grid a 110-point rise earns nothing: the quote holds no
    claim, and the customer view's badge (which once looked at the points alone) shows none either."""
    from types import SimpleNamespace

    from retention_desktop.domain.pricing import PricingRules
    from retention_desktop.services.customer_profile import _badges
    from tests.support import revision_module

    params = {**revision_module("0009").RENEGOTIATION_PRICING, **revision_module("0004").PRICING_2025,
              "risk_spread_by_score": [[None, "1.10"]]}
    flat = PricingRules.from_parameters("flat", dt.date(2025, 1, 1), params)
    loan = SimpleNamespace(status="active", kind="mortgage", loan_no="L0000000009", credit_score_at_drawdown=700,
                           drawdown_date=dt.date(2023, 11, 10), term_months=360)

    def claims(rules) -> bool:
        return any(b.kind == "rate_cut_right" for b in _badges([loan], [], 810, rules, AS_OF, policy))

    assert claims(seeded_pricing_rules()) and advise(
        request(HIGH_DSR_MORTGAGE), context("mortgage", "3.95"), policy).prices.rate_cut_right.holds
    assert not claims(flat) and not claims(None)
    flat_context = PricingContext(flat, INDEX, demo_products(), {"mortgage": Decimal("3.95")})
    assert not advise(request(HIGH_DSR_MORTGAGE), flat_context, policy).prices.rate_cut_right.holds


def test_without_the_right_a_captive_mortgage_is_kept(policy):
    doc = copy.deepcopy(HIGH_DSR_MORTGAGE)
    doc["current_loan"]["credit_score_at_drawdown"] = 810
    r = advise(request(doc), context("mortgage", "3.95"), policy).recommendation
    assert r.action == "keep" and "대환할 수 없어" in r.reasons[0]


@pytest.mark.parametrize(("kind", "code", "waiver"), [
    ("credit", "RL-CR-V12", 100), ("mortgage", "RL-MG-VC", 50), ("jeonse", "RL-JS-V", 100),
    ("other_secured", "RL-OS-FX", 50)])
def test_reloan_waives_what_its_booking_product_waives(policy, kind, code, waiver):
    """The re-loan's prepayment fee is the old loan's fee less the booking product's waiver (mortgage and other
    secured products forgive half), never an assumed 100 %."""
    term = {"credit": 36, "jeonse": 36, "mortgage": 360, "other_secured": 120}[kind]
    doc = {"as_of": "2026-11-23", "borrower": {"annual_income": 120_000_000, "credit_score": 900, "region": "non_capital"},
           "current_loan": {"kind": kind, "balance": 60_000_000, "annual_rate_pct": 6.5, "rate_type": "variable",
                            "method": "bullet" if kind in ("credit", "jeonse") else "equal_payment",
                            "term_months": term, "remaining_months": term - 6, "drawdown_date": "2026-05-10",
                            "prepayment_fee_pct": 0.6,
                            **({"collateral_value": 400_000_000, "collateral_region": "non_capital"}
                               if kind == "mortgage" else {})}}
    advice = advise(request(doc), context(kind, None), policy)
    assert advice.prices.product.code == code and advice.prices.product.reloan_fee_waiver_pct == waiver
    loan = request(doc).current_loan
    full = prepayment_fee(loan.balance, loan.prepayment_fee_pct, loan.drawdown_date, loan.term_months, AS_OF, policy)
    reloan = advice.comparison.option("reloan")
    assert full > 0
    assert reloan.prepayment_fee == full - full * waiver // 100 or reloan.prepayment_fee == prepayment_fee(
        loan.balance, loan.prepayment_fee_pct, loan.drawdown_date, loan.term_months, AS_OF, policy, Decimal(waiver))
    assert (reloan.prepayment_fee == 0) == (waiver == 100)


def test_overdraft_has_no_reloan_product_and_is_renegotiated_or_kept(policy):
    doc = {"as_of": "2026-11-23", "borrower": {"annual_income": 60_000_000, "credit_score": 880, "region": "capital"},
           "current_loan": {"kind": "overdraft", "balance": 12_000_000, "annual_rate_pct": 6.0,
                            "rate_type": "variable", "method": "bullet", "term_months": 12, "remaining_months": 8,
                            "drawdown_date": "2026-07-01", "prepayment_fee_pct": 0, "credit_limit": 30_000_000},
           "switch_offers": [{"lender": "토스뱅크", "annual_rate_pct": 4.4, "term_months": 8, "method": "bullet",
                              "shown_to_customer": True}]}
    advice = advise(request(doc), context("overdraft", "4.40"), policy)
    reloan = advice.candidates["reloan"]
    assert reloan.option is None and not reloan.available and "마이너스통장 재대출 상품 없음" in reloan.why_not[0]
    assert advice.recommendation.action in ("renegotiation", "keep", "switch")


def test_a_delinquent_loan_gets_no_new_rate(policy):
    doc = showcase(annual_rate_pct=5.05)
    doc["current_loan"]["delinquent"] = True
    advice = advise(request(doc), context("credit", "5.05"), policy)
    for label in ("renegotiation", "reloan", "switch:토스뱅크"):
        option = advice.comparison.option(label)
        assert not option.eligible and option.blocked_by[0].rule == "delinquent"
    assert advice.recommendation.action == "keep" and advice.offered_action is None


def test_the_officers_rate_is_repriced_so_reason_codes_add_up(policy):
    advice = advise(request(showcase(annual_rate_pct=5.05)), context("credit", "5.05"), policy,
                    pinned={"renegotiation": Decimal("5.11")})
    reneg = advice.candidates["renegotiation"]
    assert reneg.option.annual_rate_pct == Decimal("5.11")
    assert sum(c.pct for c in reneg.price.reasons) == Decimal("5.11")
    assert (reneg.price.reasons[-1].text, reneg.price.reasons[-1].pct) == ("정상가 대비 조정 +0.26%p", Decimal("0.26"))


def test_the_quote_document_carries_the_recommendation_and_the_assumed_facts(policy):
    doc = showcase(annual_rate_pct=5.05)
    del doc["borrower"]["salary_transfer"]
    out = advice_document(advise(request(doc), context("credit", "5.05"), policy))
    assert out["recommendation"]["action"] == out["recommendation"]["option"] == "renegotiation"
    assert out["recommendation"]["customer"] == {"monthly_saving": 8_000, "total_saving": 128_000, "months": 16}
    assert [a["feature"] for a in out["assumed_features"]] == ["salary_transfer"]
    assert all("blocked_by" in o for o in out["options"])


def test_no_reason_names_who_the_customer_is(policy):
    for doc in (showcase(), showcase(annual_rate_pct=5.05), showcase(annual_rate_pct=4.1), HIGH_DSR_MORTGAGE):
        r = advise(request(doc), context(doc["current_loan"]["kind"], "5.05"), policy).recommendation
        text = " ".join((*r.reasons, *r.signals, r.headline))
        assert not re.search(r"연령|나이|성별|\d+세", text), text


def test_choose_actions_rules():
    # expected value decides; ties go to the larger saving; keep is never advised over a 금리인하요구권 claim;
    # cannot-match overrides
    assert list(choose_actions([10, 10, 10], [12, 10, 5], [11, 10, 5], [True, True, True], [True, True, True],
                               [5, 5, 5], [9, 9, 9], [False, False, True], [False, False, False])) == [1, 2, 2]
    assert list(choose_actions([10], [12], [11], [True], [True], [1], [2], [False], [True])) == [3]
    assert list(choose_actions([10], [12], [11], [False], [False], [1], [2], [True], [False])) == [0]


# -- properties ------------------------------------------------------------------------------------
rates = st.integers(250, 1200).map(lambda bp: Decimal(bp) / 100)
documents = st.fixed_dictionaries({
    "kind": st.sampled_from(["credit", "mortgage", "jeonse", "other_secured", "overdraft"]),
    "rate": rates, "market": st.one_of(st.none(), rates), "typed": st.one_of(st.none(), rates),
    "score": st.integers(450, 1000), "score_then": st.integers(450, 1000), "income": st.integers(15, 200),
    "balance": st.integers(3, 600), "remaining": st.integers(1, 300), "held": st.integers(0, 40),
    "debt": st.integers(0, 300), "region": st.sampled_from(["capital", "non_capital"]),
    "method": st.sampled_from(["equal_payment", "equal_principal", "bullet"]), "fee": st.integers(0, 120),
})


def document_of(d) -> dict:
    kind = d["kind"]
    remaining = d["remaining"] if kind in ("mortgage", "other_secured") else min(d["remaining"], 48)
    term = remaining + d["held"]
    drawdown = dt.date(2026, 11, 23) - dt.timedelta(days=int(d["held"] * 30.5))
    loan = {"kind": kind, "balance": d["balance"] * 1_000_000, "annual_rate_pct": d["rate"],
            "rate_type": "variable", "method": d["method"], "term_months": term, "remaining_months": remaining,
            "drawdown_date": drawdown.isoformat(), "prepayment_fee_pct": Decimal(d["fee"]) / 100,
            "credit_score_at_drawdown": d["score_then"]}
    if kind == "mortgage":
        loan.update(collateral_value=d["balance"] * 2_500_000, collateral_region=d["region"])
    if kind == "overdraft":
        loan.update(credit_limit=d["balance"] * 1_000_000 + 5_000_000)
    offers = []
    if d["market"] is not None:
        offers.append({"lender": "A은행", "annual_rate_pct": d["market"], "term_months": remaining,
                       "method": d["method"], "fees": 100_000})
    if d["typed"] is not None:
        offers.append({"lender": "B은행 (고객 제시)", "annual_rate_pct": d["typed"], "term_months": remaining,
                       "method": d["method"], "shown_to_customer": True})
    return {"as_of": "2026-11-23",
            "borrower": {"annual_income": d["income"] * 1_000_000, "credit_score": d["score"], "region": d["region"]},
            "other_debts": [{"kind": "credit", "balance": d["debt"] * 1_000_000, "annual_rate_pct": 7,
                             "remaining_months": 24, "method": "equal_payment"}] if d["debt"] else [],
            "current_loan": loan, "switch_offers": offers}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_advice_never_recommends_a_dearer_or_impossible_option(policy, d):
    doc = document_of(d)
    req = parse_request(exact_json.loads(exact_json.dumps(doc)))
    advice = advise(req, context(d["kind"], str(d["market"]) if d["market"] else None), policy)
    r = advice.recommendation
    chosen = advice.comparison.option(r.option_label)
    current = req.current_loan.annual_rate_pct
    if r.action in ("renegotiation", "reloan"):
        assert chosen.eligible and chosen.annual_rate_pct < current and chosen.net_saving_vs_keep > 0
        assert chosen.annual_rate_pct >= advice.candidates[r.action].price.floor_rate_pct or r.action == "reloan" and \
            chosen.annual_rate_pct >= advice.candidates[r.action].price.lowest_rate_pct
    if r.action == "switch":
        assert chosen.eligible and chosen.net_saving_vs_keep >= seeded_pricing_rules().min_switch_saving_won
    assert r.customer_total_saving >= 0
    offered = advice.offered_action
    if offered is not None:  # whatever the screen would put into a proposal is available
        candidate = advice.candidates[offered]
        assert candidate.available and candidate.option.annual_rate_pct < current
        assert candidate.option.net_saving_vs_keep > 0
    for action in ("renegotiation", "reloan"):
        c = advice.candidates[action]
        if c.available:
            assert c.option.eligible and c.option.annual_rate_pct < current and c.option.net_saving_vs_keep > 0
    reasons = " ".join((*r.reasons, *r.signals))
    assert "연령" not in reasons


def test_priced_at_any_rate_the_reason_codes_add_up():
    rules = seeded_pricing_rules()
    advice = advise(request(showcase()), context("credit", "5.05"), next(
        p for p in seeded_policies() if p.version == "2025.10-1015"))
    base = advice.candidates["reloan"].price
    for bp in range(int(base.lowest_rate_pct * 100), int(base.highest_rate_pct * 100) + 1, 7):
        again = price(base.inputs, rules, at_rate_pct=Decimal(bp) / 100)
        assert sum(c.pct for c in again.reasons) == Decimal(bp) / 100
        assert again.needs_manager_approval == (Decimal(bp) / 100 < again.authority_rate_pct)
