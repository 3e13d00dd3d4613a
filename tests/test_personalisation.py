"""Personalised pricing, the future-limit simulation and its suggested action (pure engine)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retention_desktop.data.locations import migrations_dir
from retention_desktop.domain import exact_json
from retention_desktop.domain.limits import Debt, debt_service
from retention_desktop.domain.advice import personal_quote_document
from retention_desktop.domain.personal_quote import PricingContext, offer_prices
from retention_desktop.domain.policy import policy_in_force
from retention_desktop.domain.products import ReloanProduct
from retention_desktop.domain.portfolio_limits import annual_debt_service
from retention_desktop.domain.portfolio_schedules import METHOD_CODES
from retention_desktop.domain.pricing import PricingInput, PricingRules, price
from retention_desktop.domain.quote import parse_request
from retention_desktop.domain.schedule import RepaymentMethod
from retention_desktop.domain.simulation import apply_suggestion, limit_of, scenarios, suggest, timeline
from tests.support import TEST_AS_OF, seeded_policies, seeded_pricing_rules

SHOWCASE = json.loads((migrations_dir().parent / "docs" / "examples" / "showcase-quote.json").read_text("utf-8")) \
    if (migrations_dir().parent / "docs").exists() else None


@pytest.fixture(scope="module")
def rules() -> PricingRules:
    return seeded_pricing_rules()


CREDIT_PRODUCT = ReloanProduct("RL-CR-V12", "재대출 직장인신용대출(변동)", "credit", "variable", "BANK_BOND_12M",
                               5_000_000, 150_000_000, 12, 60, 600, Decimal("3.50"), Decimal("15.00"), Decimal("1.50"),
                               Decimal(100), 0)


@pytest.fixture
def context(rules) -> PricingContext:
    return PricingContext(rules, {"BANK_BOND_12M": Decimal("2.70"), "BANK_BOND_5Y": Decimal("3.10"),
                                  "COFIX_NEW": Decimal("2.62"), "BANK_BOND_6M": Decimal("2.62")},
                          products=(CREDIT_PRODUCT,))


def personal_rate(request, context, policy) -> Decimal:
    prices = offer_prices(request, context, policy)
    return (prices.reloan or prices.renegotiation).rate_pct


def showcase_request():
    return parse_request(exact_json.loads(json.dumps(SHOWCASE)))


pricing_inputs = st.builds(
    lambda kind, balance, months, current_bp, index_bp, score, dsr, salary, tenure, p_switch, p_default, role, lo, hi:
    PricingInput(kind, balance, months, Decimal(current_bp) / 100, "BANK_BOND_12M", Decimal(index_bp) / 100, score,
                 Decimal(dsr), salary, tenure, Decimal(p_switch) / 1000, Decimal(p_default) / 1000, role,
                 Decimal(lo) / 100, Decimal(lo + hi) / 100),
    st.sampled_from(["credit", "mortgage", "jeonse", "other_secured", "overdraft"]),
    st.integers(1_000_000, 900_000_000), st.integers(1, 480), st.integers(200, 1500), st.integers(100, 500),
    st.integers(300, 1000), st.integers(0, 80), st.booleans(), st.integers(0, 20), st.integers(1, 999),
    st.integers(0, 300), st.sampled_from(["officer", "manager"]), st.integers(200, 600), st.integers(0, 1500))


@settings(max_examples=200, deadline=None)
@given(pricing_inputs)
def test_price_respects_floor_bounds_authority_and_adds_up(rules, inp):
    result = price(inp, rules)
    assert result.rate_pct >= result.floor_rate_pct  # never below the floor
    if result.floor_rate_pct <= inp.product_max_rate_pct:
        assert inp.product_min_rate_pct <= result.rate_pct <= inp.product_max_rate_pct
    # never dearer than keeping, unless the floor or the product's minimum forbids going that low
    lowest_allowed = max(result.floor_rate_pct, inp.product_min_rate_pct)
    assert result.rate_pct <= max(inp.current_rate_pct, lowest_allowed + Decimal("0.0099"))
    assert result.needs_manager_approval == (result.rate_pct < result.authority_rate_pct)
    assert sum(r.pct for r in result.reasons) == result.rate_pct  # the reason codes add up to the price
    assert 0 <= result.retention_probability <= 1


def test_showcase_price_and_its_reason_codes(context):
    request = showcase_request()
    result = offer_prices(request, context, policy_in_force(seeded_policies(), TEST_AS_OF)).reloan
    texts = [r.text for r in result.reasons]
    assert texts[:4] == ["기준금리(금융채 12개월) 2.70%", "유동성 프리미엄 +0.25%p", "신용점수 780 → 가산금리 1.10%p",
                         "DSR 27% → 가산 +0.15%p"]
    assert result.floor_rate_pct == Decimal("4.75") and result.list_rate_pct == Decimal("5.15")
    assert Decimal("4.75") <= result.rate_pct <= Decimal("5.15")


def test_quote_without_reloan_offer_fills_the_personalised_one(context):
    doc = personal_quote_document(showcase_request(), context, policy_in_force(seeded_policies(), TEST_AS_OF))
    reloan = next(o for o in doc["options"] if o["label"] == "reloan")
    for field in ("floor_rate_pct", "authority_rate_pct", "retention_probability"):
        assert field in reloan
    assert reloan["floor_rate_pct"] <= reloan["annual_rate_pct"]
    assert sum(r["pct"] for r in reloan["reason_codes"]) == reloan["annual_rate_pct"]


def test_each_scenario_raises_the_showcase_limit_and_all_three_most():
    results = {r.name: r.max_new_loan for r in scenarios(showcase_request(), policy_in_force(seeded_policies(), TEST_AS_OF))}
    now = results.pop("현재 상태")
    assert 60_000_000 <= now <= 80_000_000  # "current limit about ₩70M"
    combined = results.pop("모두 적용")
    assert all(limit > now for limit in results.values()), results
    assert combined > max(results.values())


def test_timeline_follows_amortisation_income_and_policy_dates():
    points = timeline(showcase_request(), seeded_policies())
    assert [p.month for p in points] == list(range(1, 37))
    assert points[0].policy_version == "2025.10-1015" and points[-1].policy_version == "2027.01-relief-end"
    assert points[-1].max_new_loan >= points[0].max_new_loan  # debts amortise and income grows
    assert points[1].on == dt.date(2027, 1, 23)


def test_suggestion_round_trip(context):
    request = showcase_request()
    policy = policy_in_force(seeded_policies(), TEST_AS_OF)
    from retention_desktop.domain.personal_quote import request_dsr_pct

    def price_of(doc):
        return personal_rate(doc, context, policy)

    suggestion = suggest(request, policy, price_of, lambda d: request_dsr_pct(d, policy), context.rules.dsr_band_edges())
    assert suggestion is not None
    assert suggestion.action == "reduce_debt" and suggestion.amount == 8_000_000 and suggestion.within_months == 6
    assert suggestion.rate_change_pct < 0 and suggestion.limit_change > 0
    assert "800만 원을 상환하면 금리가 0.15%p 낮아지고" in suggestion.explanation
    after = apply_suggestion(request, suggestion)
    # quoting the customer after the action gives exactly what was promised
    assert price_of(after) - price_of(request) == suggestion.rate_change_pct
    assert limit_of(after, policy).max_new_loan - limit_of(request, policy).max_new_loan == suggestion.limit_change
    assert sum(d.balance for d in after.other_debts) == sum(d.balance for d in request.other_debts) - 8_000_000
    # the dearest debt went first: the 15.9 % card loan is gone
    assert all(d.annual_rate_pct != Decimal("15.9") for d in after.other_debts)


def test_no_suggestion_when_nothing_helps(context):
    doc = copy.deepcopy(SHOWCASE)
    doc["other_debts"] = []
    doc["current_loan"]["rate_type"] = "fixed"
    request = parse_request(exact_json.loads(json.dumps(doc)))
    policy = policy_in_force(seeded_policies(), TEST_AS_OF)
    from retention_desktop.domain.personal_quote import request_dsr_pct

    assert suggest(request, policy, lambda d: personal_rate(d, context, policy),
                   lambda d: request_dsr_pct(d, policy), context.rules.dsr_band_edges()) is None


def test_vectorised_debt_service_equals_the_rules(policy):
    rng = np.random.default_rng(3)
    n = 1500
    kinds = np.array(["credit", "mortgage", "jeonse", "other_secured", "overdraft", "card_loan", "instalment",
                      "student"])
    kind = kinds[rng.integers(0, len(kinds), n)]
    balance = np.where(rng.random(n) < 0.15, rng.integers(1, 4_000_000, n), rng.integers(0, 500_000_000, n))
    limit = np.where(kind == "overdraft", balance + rng.integers(0, 10_000_000, n), 0)
    rate, months, method = rng.integers(10_000, 200_000, n), rng.integers(1, 400, n), rng.integers(0, 3, n)
    vector = annual_debt_service(kind, balance, limit, rate, months, method, policy)
    names = {code: name for name, code in METHOD_CODES.items()}
    for i in range(n):
        debt = Debt(kind[i], int(balance[i]), Decimal(int(rate[i])) / 10_000, int(months[i]),
                    RepaymentMethod(names[int(method[i])]), int(limit[i]) if kind[i] == "overdraft" else None)
        assert debt_service(debt, policy).total == vector[i], debt
