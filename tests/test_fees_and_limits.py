"""Worked examples of the prepayment fee, stamp duty, payoff, DSR counting and limits, and their invariants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retention_desktop.domain.fees import add_months, prepayment_fee, stamp_duty, stamp_duty_borrower
from retention_desktop.domain.limits import Borrower, Debt, NewLoan, debt_service, loan_limit, stress_weight
from retention_desktop.domain.payoff import payoff_quote
from retention_desktop.domain.schedule import RepaymentMethod

EP, EPR, BUL = RepaymentMethod.EQUAL_PAYMENT, RepaymentMethod.EQUAL_PRINCIPAL, RepaymentMethod.BULLET


def test_prepayment_fee_worked_example(policy):
    # 30,000,000 × 0.11 % × 473 remaining days ÷ 1,096 days of the fee period (2025-03-10 → 2028-03-10)
    fee = prepayment_fee(30_000_000, Decimal("0.11"), dt.date(2025, 3, 10), 36, dt.date(2026, 11, 23), policy)
    assert fee == 14_241


def test_fee_period_is_the_term_capped_at_three_years(policy):
    drawdown = dt.date(2024, 1, 15)
    # a 30-year mortgage: the fee period still ends three years after drawdown
    assert prepayment_fee(300_000_000, Decimal("0.58"), drawdown, 360, dt.date(2027, 1, 14), policy) == 1_587
    assert prepayment_fee(300_000_000, Decimal("0.58"), drawdown, 360, dt.date(2027, 1, 15), policy) == 0
    # (1,740,000 × 1 remaining day ÷ 1,096 days = 1,587.6, truncated)
    # a one-year loan: the period is its term; 2024 is a leap year: 10,000,000 × 1 % × 184 ÷ 366
    assert prepayment_fee(10_000_000, Decimal("1"), drawdown, 12, dt.date(2024, 7, 15), policy) == 50_273


def test_reloan_waiver_reduces_the_fee(policy):
    args = (300_000_000, Decimal("0.58"), dt.date(2025, 1, 10), 360, dt.date(2026, 1, 10), policy)
    full = prepayment_fee(*args)
    assert full == 1_160_000  # 300,000,000 × 0.58 % × 730 ÷ 1,095 days
    assert prepayment_fee(*args, waiver_pct=Decimal(50)) == 580_000
    assert prepayment_fee(*args, waiver_pct=Decimal(100)) == 0


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 2_000_000_000), st.integers(0, 500), st.integers(1, 480), st.integers(0, 3000),
       st.integers(0, 4000))
def test_fee_is_zero_after_three_years_and_never_exceeds_the_rate(policy, prepaid, fee_bp, term, offset, days):
    drawdown = dt.date(2022, 1, 1) + dt.timedelta(days=offset)
    rate = Decimal(fee_bp) / 100
    on = drawdown + dt.timedelta(days=days)
    fee = prepayment_fee(prepaid, rate, drawdown, term, on, policy)
    assert 0 <= fee <= prepaid * rate / 100
    if on >= add_months(drawdown, 36):
        assert fee == 0


@pytest.mark.parametrize(("amount", "total", "borrower"), [
    (50_000_000, 0, 0), (50_000_001, 70_000, 35_000), (100_000_000, 70_000, 35_000),
    (100_000_001, 150_000, 75_000), (1_000_000_000, 150_000, 75_000), (1_000_000_001, 350_000, 175_000),
])
def test_stamp_duty_bands_and_the_borrowers_half(policy, amount, total, borrower):
    assert stamp_duty(amount, policy) == total
    assert stamp_duty_borrower(amount, policy) == borrower


def test_payoff_accrues_actual_over_365_since_the_last_due_date(policy):
    payoff = payoff_quote(30_000_000, Decimal("5.2"), dt.date(2025, 3, 10), 36, Decimal("0.11"),
                          dt.date(2026, 11, 23), policy)
    # last due date 2026-11-10: 13 days × 30,000,000 × 5.2 % ÷ 365 = 55,561.6
    assert (payoff.balance, payoff.accrued_interest, payoff.prepayment_fee) == (30_000_000, 55_562, 14_241)
    assert payoff.total == 30_069_803


def test_dsr_counting_rules(policy):
    card = debt_service(Debt("card_loan", 8_000_000, Decimal("14.9"), 24, EP), policy)
    assert (card.principal, card.interest) == (3_704_373, 945_783)  # actual next 12 instalments
    bullet_credit = debt_service(Debt("credit", 12_000_000, Decimal("6.1"), 12, BUL), policy)
    assert (bullet_credit.principal, bullet_credit.interest) == (2_400_000, 732_000)  # ÷ 5 years
    overdraft = debt_service(Debt("overdraft", 4_000_000, Decimal("7"), 12, BUL, credit_limit=20_000_000), policy)
    assert (overdraft.principal, overdraft.interest) == (4_000_000, 1_400_000)  # at its limit
    bullet_mortgage = debt_service(Debt("mortgage", 300_000_000, Decimal("4"), 240, BUL), policy)
    assert bullet_mortgage.principal == 30_000_000  # ÷ term capped at 10 years
    assert not debt_service(Debt("jeonse", 200_000_000, Decimal("4"), 24, BUL), policy).counted
    assert not debt_service(Debt("card_loan", 3_000_000, Decimal("15"), 12, EP), policy).counted


def test_stress_weights_by_rate_type(policy):
    weights = policy.stress_rules[-1].weights  # phase 3
    assert stress_weight("variable", None, 360, weights) == 1
    assert stress_weight("fixed", None, 360, weights) == 0
    assert stress_weight("mixed", 36, 360, weights) == 1  # fixed period under five years counts as variable
    assert stress_weight("mixed", 60, 360, weights) == Decimal("0.8")  # 16.7 % of the term fixed
    assert stress_weight("periodic", 120, 360, weights) == Decimal("0.3")  # 33 %
    assert stress_weight("mixed", 252, 360, weights) == 0  # 70 %


def _mortgage_limit_by_formula(income: int, rate_pct: float, months: int) -> float:
    r = rate_pct / 1200
    yearly_per_won = 12 * r * (1 + r) ** months / ((1 + r) ** months - 1)
    return income * 0.4 / yearly_per_won


@pytest.mark.parametrize(("rate_type", "region", "stress"), [
    ("fixed", "capital", 0.0), ("variable", "capital", 3.0), ("variable", "non_capital", 0.75),
])
def test_mortgage_limit_worked_example(policy, rate_type, region, stress):
    # ₩100M income, 4 %, 30-year equal payment; the capital area's 3.0 %p floor since 10·15
    limit = loan_limit(Borrower(100_000_000, 900, region), [],
                       NewLoan("mortgage", Decimal("4"), 360, EP, rate_type, collateral_region=region), policy)
    expected = _mortgage_limit_by_formula(100_000_000, 4 + stress, 360)
    assert limit.binding_constraint == ("dsr" if stress == 0 else "stress_dsr")
    assert expected - 10_000 < limit.max_new_loan <= expected
    assert limit.max_new_loan % 10_000 == 0


def test_regulated_area_ltv_and_price_cap(policy):
    limit = loan_limit(Borrower(300_000_000, 950, "capital"), [],
                       NewLoan("mortgage", Decimal("4"), 360, EP, "fixed", collateral_value=2_000_000_000,
                               collateral_region="capital"), policy)
    assert limit.constraints["ltv"] == 800_000_000  # 40 % in a regulated area
    assert (limit.max_new_loan, limit.binding_constraint) == (400_000_000, "price_cap")  # ₩1.5–2.5bn band


def test_credit_loan_income_cap_binds_for_the_showcase_customer(policy):
    debts = [Debt("card_loan", 8_000_000, Decimal("14.9"), 24, EP),
             Debt("card_loan", 4_000_000, Decimal("15.9"), 18, EP),
             Debt("credit", 12_000_000, Decimal("6.1"), 12, BUL)]
    limit = loan_limit(Borrower(52_000_000, 780, "capital"), debts,
                       NewLoan("credit", Decimal("5.2"), 36, BUL), policy)
    assert (limit.max_new_loan, limit.binding_constraint) == (40_000_000, "credit_income_cap")


def test_credit_loans_carry_stress_only_above_the_threshold(policy):
    rich = Borrower(400_000_000, 950, "capital")
    small = loan_limit(rich, [Debt("credit", 50_000_000, Decimal("5"), 12, BUL)],
                       NewLoan("credit", Decimal("5"), 12, BUL, "variable"), policy)
    # the income cap would allow ₩350M; beyond ₩100M of credit loans the stress rate applies
    assert small.stress_add_pct == Decimal("1.5")


debts = st.lists(st.builds(
    lambda kind, bal, bp, m, method: Debt(kind, bal, Decimal(bp) / 100, m, method,
                                          credit_limit=bal if kind == "overdraft" else None),
    st.sampled_from(["credit", "card_loan", "mortgage", "instalment", "overdraft", "other_secured"]),
    st.integers(1_000_000, 500_000_000), st.integers(100, 1900), st.integers(1, 360),
    st.sampled_from([EP, EPR, BUL])), max_size=4)
new_loans = st.builds(
    lambda kind, bp, m, method, rt: NewLoan(kind, Decimal(bp) / 100, m, method, rt,
                                            collateral_value=900_000_000 if kind == "mortgage" else None),
    st.sampled_from(["credit", "mortgage", "other_secured"]), st.integers(200, 1500), st.integers(12, 480),
    st.sampled_from([EP, EPR, BUL]), st.sampled_from(["fixed", "variable"]))


@settings(max_examples=150, deadline=None)
@given(st.integers(10_000_000, 400_000_000), st.integers(1, 200_000_000), debts, new_loans)
def test_limit_never_falls_when_income_rises_or_a_debt_is_repaid(policy, income, raise_by, existing, loan):
    borrower = Borrower(income, 850, "capital")
    base = loan_limit(borrower, existing, loan, policy, product_max=2_000_000_000).max_new_loan
    richer = loan_limit(Borrower(income + raise_by, 850, "capital"), existing, loan, policy,
                        product_max=2_000_000_000).max_new_loan
    assert richer >= base
    if existing:
        repaid = loan_limit(borrower, existing[1:], loan, policy, product_max=2_000_000_000).max_new_loan
        assert repaid >= base
