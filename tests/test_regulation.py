"""Golden regulatory cases: the limits the FSC and the press published for each measure, the day before and
the day each measure starts, the legal maximum rate, the longest mortgage term. Sources: docs/regulation.md.

Figures are published in 백만원 (₩1M), so the engine's limit is compared after rounding to the nearest ₩1M.
Every limit here is a purchase-type mortgage of 30 years, equal payment (원리금균등), bank DSR 40 %, no other
debt, unless stated.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from retention_desktop.domain.comparison import CurrentLoan, Offer, compare
from retention_desktop.domain.limits import Borrower, NewLoan, loan_limit
from retention_desktop.domain.policy import PolicyError, policy_in_force
from retention_desktop.domain.quote import QuoteInputError, check_legal_maximum_rate, parse_request
from retention_desktop.domain.schedule import RepaymentMethod
from tests.support import seeded_policies

EP = RepaymentMethod.EQUAL_PAYMENT
D = dt.date
POLICIES = seeded_policies()


def limit(day: dt.date, income: int, rate: str, rate_type: str = "variable", region: str = "capital",
          fixed_period: int | None = None, value: int | None = None, regulated: bool | None = None,
          term: int = 360, first_time: bool = False, additional: bool = False) -> int:
    loan = NewLoan("mortgage", Decimal(rate), term, EP, rate_type, fixed_period, collateral_value=value,
                   collateral_region=region, regulated_area=regulated, first_time_buyer=first_time,
                   additional_home=additional)
    return loan_limit(Borrower(income, 900, region), [], loan, policy_in_force(POLICIES, day)).max_new_loan


def millions(won: int) -> int:
    return round(won / 1_000_000)


# -- stress DSR phase 1 (2024-02-26) and phase 2 (2024-09-01) ----------------------------------------------
def test_phase_2_published_limits_income_60m():
    """Asia Economy 2024-09-01, "Non-Capital Region Mortgage Loan Limits Decrease by 36 Million KRW", quoting
    the financial authorities' simulation: ₩60M income, bank, 30-year variable at 4 %: ₩419M before stress
    DSR, ₩400M under phase 1, ₩364M under phase 2 in the capital area (1.2 %p), ₩383M elsewhere (0.75 %p)."""
    assert millions(limit(D(2024, 9, 1), 60_000_000, "4", "fixed")) == 419  # no stress on a fixed rate
    assert millions(limit(D(2024, 8, 31), 60_000_000, "4")) == 400  # the day before phase 2: phase 1, 0.38 %p
    assert millions(limit(D(2024, 9, 1), 60_000_000, "4")) == 364
    assert millions(limit(D(2024, 9, 1), 60_000_000, "4", region="non_capital")) == 383


def test_phase_2_published_limits_income_50m():
    """KBS 2024-08-21, "Stricter mortgages in capital area" (FSC chair's announcement of the 1.2 %p capital-area
    rate): ₩50M income, 30 years at 4.5 %: ₩315M before 1 September, ₩287M in the capital area and ₩302M
    elsewhere from 1 September."""
    assert millions(limit(D(2024, 8, 31), 50_000_000, "4.5")) == 315
    assert millions(limit(D(2024, 9, 1), 50_000_000, "4.5")) == 287
    assert millions(limit(D(2024, 9, 1), 50_000_000, "4.5", region="non_capital")) == 302


def test_phase_1_starts_2024_02_26_with_bank_mortgages_only():
    """FSC 2024-02-26 (fsc.go.kr/eng/pr010101/81782): 0.38 %p on bank mortgages from 26 February; no earlier
    version is stored, so a quote before it is refused rather than priced on later rules."""
    with pytest.raises(PolicyError):
        policy_in_force(POLICIES, D(2024, 2, 25))
    assert millions(limit(D(2024, 2, 26), 60_000_000, "4")) == 400
    phase1 = policy_in_force(POLICIES, D(2024, 2, 26))
    credit = loan_limit(Borrower(400_000_000, 900, "capital"), [], NewLoan("credit", Decimal(5), 60, EP), phase1)
    assert credit.stress_add_pct == 0  # credit loans joined in phase 2
    nonbank = loan_limit(Borrower(60_000_000, 900, "capital"), [],
                         NewLoan("mortgage", Decimal(4), 360, EP, "variable"), phase1, sector="non_bank")
    assert nonbank.stress_add_pct == 0  # non-bank mortgages joined in phase 2


def test_phase_2_credit_loans_at_banks_only_above_100m():
    """Asia Economy 2024-06-24: from September, bank credit loans of borrowers whose credit loans exceed
    ₩100M carry the stress rate (0.75 %p); non-bank credit loans do not until phase 3."""
    phase2 = policy_in_force(POLICIES, D(2024, 9, 1))
    rich = Borrower(400_000_000, 950, "capital")
    loan = NewLoan("credit", Decimal(5), 60, EP, "variable")
    assert loan_limit(rich, [], loan, phase2).stress_add_pct == Decimal("0.75")
    assert loan_limit(rich, [], loan, phase2, sector="non_bank").stress_add_pct == 0
    assert loan_limit(rich, [], loan, policy_in_force(POLICIES, D(2025, 7, 1)), sector="non_bank"
                      ).stress_add_pct == Decimal("1.5")


# -- the 6·27 measures (2025-06-28) -----------------------------------------------------------------------
def test_627_caps_capital_area_mortgages_at_600m():
    """Chosun Biz 2025-06-27, "loan eligibility for ₩200M earners halved", quoting banks' simulations: ₩200M
    income, 4.20 % variable, 30 years: ₩1,148M under phase-3 stress DSR, ₩600M under the cap; ₩150M income:
    ₩861M → ₩600M. FSC/korea.net 2025-06-27: the cap is effective from Saturday 28 June."""
    # DSR alone (no home value given); banks quote limits cut to the million: ₩1,148.63M → "11억4,800만"
    assert limit(D(2025, 7, 1), 200_000_000, "4.2") // 1_000_000 == 1148
    assert millions(limit(D(2025, 7, 1), 150_000_000, "4.2")) == 861
    home = 3_000_000_000
    assert millions(limit(D(2025, 6, 27), 200_000_000, "4.2", value=home)) == 1187  # phase 2 DSR binds, no cap
    assert limit(D(2025, 6, 28), 200_000_000, "4.2", value=home) == 600_000_000
    assert limit(D(2025, 6, 28), 150_000_000, "4.2", value=home, regulated=False) == 600_000_000  # all of 수도권
    assert millions(limit(D(2025, 6, 28), 200_000_000, "4.2", region="non_capital", value=home)) == 1249  # no cap outside


def test_627_longest_term_30_years_in_the_capital_area():
    """korea.net 2025-06-27 / particle.news: capital-area mortgages at most 30 years from 28 June. A 40-year
    mortgage is tested (and offered) on 30 years from that day; outside the capital area 40 years stay."""
    day_before = limit(D(2025, 6, 27), 60_000_000, "4", "fixed", term=480)
    day_of = limit(D(2025, 6, 28), 60_000_000, "4", "fixed", term=480)
    assert millions(day_before) == 479 and millions(day_of) == 419  # 40 years, then 30 years at 4 %
    assert millions(limit(D(2025, 6, 28), 60_000_000, "4", "fixed", region="non_capital", term=480)) == 479


@pytest.mark.parametrize(("buyer", "before", "after"), [
    ({"first_time": True}, 400, 350), ({"additional": True}, 150, 0), ({}, 250, 250)])
def test_627_ltv_for_first_homes_and_additional_homes(buyer, before, after):
    """korea.net / Evrim Ağacı 2025-06-27: in the capital area and regulated areas first-time buyers' LTV
    80 % → 70 %, additional homes LTV 0 %; a regulated area's 50 % stays (FSC 2023-03-02 for the 30 % before).
    A ₩500M home in a regulated area, income high enough that LTV binds (₩ millions)."""
    args = dict(value=500_000_000, regulated=True, **buyer)
    assert millions(limit(D(2025, 6, 27), 300_000_000, "4", "fixed", **args)) == before
    assert millions(limit(D(2025, 6, 28), 300_000_000, "4", "fixed", **args)) == after


# -- stress DSR phase 3 (2025-07-01) ----------------------------------------------------------------------
@pytest.mark.parametrize(("rate_type", "fixed_period", "drop"), [
    ("variable", None, 19), ("mixed", 60, 33), ("periodic", 60, 18)])
def test_phase_3_published_drop_income_100m(rate_type, fixed_period, drop):
    """Chosun Biz 2025-05-20 on the FSC's phase-3 plan (and korea.net, FSC 2025-05-20): ₩100M income, 30 years
    at 4.2 %: capital-area limits fall by about ₩18M–33M (1.2 %p → 1.5 %p and mixed/periodic weights raised
    from 10–60 % to 20–80 %); non-capital mortgages keep the current limit (0.75 %p and phase-2 weights)."""
    args = dict(rate_type=rate_type, fixed_period=fixed_period)
    before, after = limit(D(2025, 6, 30), 100_000_000, "4.2", **args), limit(D(2025, 7, 1), 100_000_000, "4.2", **args)
    assert millions(before - after) == drop
    outside = [limit(day, 100_000_000, "4.2", region="non_capital", **args) for day in (D(2025, 6, 30), D(2025, 7, 1))]
    assert outside[0] == outside[1]  # "can borrow at the current limit until the end of the year"


# -- the 10·15 measures (2025-10-16) ----------------------------------------------------------------------
@pytest.mark.parametrize(("income", "rate_type", "before", "after"), [
    (50_000_000, "variable", 294, 251), (50_000_000, "mixed", None, -37), (50_000_000, "periodic", None, -22),
    (100_000_000, "mixed", 600, 533), (100_000_000, "periodic", 600, 600)])
def test_1015_stress_floor_published_examples(income, rate_type, before, after):
    """Chosun Biz 2025-10-15, quoting the FSC's "analysis of borrower impact from stress rate increase": 4.0 %,
    30 years, equal payment, capital area or regulated zone, stress floor 1.5 % → 3.0 % from 16 October.
    ₩100M income: hybrid (5-year fixed) ₩600M → ₩533M, periodic (5-year reset) unchanged (the ₩600M cap binds
    both days); ₩50M income: variable ₩294M → ₩251M, hybrid −₩37M, periodic −₩22M. The home (₩1.2bn, not
    in a regulated area) leaves LTV slack so that the published DSR figures show."""
    args = dict(rate_type=rate_type, fixed_period=None if rate_type == "variable" else 60, value=1_200_000_000,
                regulated=False)
    day_before, day_of = limit(D(2025, 10, 15), income, "4", **args), limit(D(2025, 10, 16), income, "4", **args)
    if before is None:
        assert millions(day_of - day_before) == after
    else:
        assert (millions(day_before), millions(day_of)) == (before, after)


def test_1015_variable_income_100m_published_drop():
    """The same FSC table gives ₩100M income, variable: ₩596M → ₩510M (−₩86M). The engine reproduces the drop
    (−₩86M) but gives ₩587M → ₩501M: 40 % of ₩100M over 12 level payments at 5.5 % and 7.0 % (the ₩50M row,
    half of it, matches to the million: ₩294M → ₩251M). docs/regulation.md records the discrepancy."""
    args = dict(value=1_200_000_000, regulated=False)
    day_before, day_of = limit(D(2025, 10, 15), 100_000_000, "4", **args), limit(D(2025, 10, 16), 100_000_000, "4", **args)
    assert millions(day_before - day_of) == 86
    assert (millions(day_before), millions(day_of)) == (587, 501)


@pytest.mark.parametrize(("home", "before", "after"), [
    (1_400_000_000, 600, 560), (2_000_000_000, 600, 400), (3_000_000_000, 600, 200)])
def test_1015_price_tiered_caps_and_regulated_ltv(home, before, after):
    """FSC 2025-10-15 (fsc.go.kr/eng/pr010101/85413): from 16 October the cap in the capital area and regulated
    areas is ₩600M up to a ₩1.5bn home, ₩400M up to ₩2.5bn, ₩200M above; regulated areas' LTV 40 % (50 %
    before). A high income so that LTV and caps bind (₩ millions)."""
    assert millions(limit(D(2025, 10, 15), 400_000_000, "4", "fixed", value=home)) == before
    assert millions(limit(D(2025, 10, 16), 400_000_000, "4", "fixed", value=home)) == after


# -- the end of the non-capital relief (2027-01-01) -------------------------------------------------------
def test_non_capital_relief_ends_after_2026():
    """Aju Press 2026-06-30: on 18 June 2026 the authorities extended the non-capital mortgage relief (phase-2
    level, 0.75 %p) for six more months, to 31 December 2026. From 2027-01-01 (the seeded, scheduled version)
    non-capital mortgages take phase 3: 1.5 %p and the phase-3 weights."""
    for rate_type, fixed in (("variable", None), ("mixed", 60)):
        last = loan_limit(Borrower(60_000_000, 900, "non_capital"), [],
                          NewLoan("mortgage", Decimal(4), 360, EP, rate_type, fixed), policy_in_force(POLICIES, D(2026, 12, 31)))
        first = loan_limit(Borrower(60_000_000, 900, "non_capital"), [],
                           NewLoan("mortgage", Decimal(4), 360, EP, rate_type, fixed), policy_in_force(POLICIES, D(2027, 1, 1)))
        assert (last.stress_add_pct, first.stress_add_pct) == (
            (Decimal("0.75"), Decimal("1.5")) if rate_type == "variable" else (Decimal("0.450"), Decimal("1.20")))


# -- no value of a measure before its day -----------------------------------------------------------------
MEASURES = [  # (day it starts, what only it (and later versions) may hold)
    (D(2024, 9, 1), lambda p: any(r.rate_pct in (Decimal("0.75"), Decimal("1.2")) for r in p.stress_rules)),
    (D(2025, 6, 28), lambda p: bool(p.mortgage_price_caps) or p.mortgage_max_term_months is not None
     or p.ltv_by_area["capital"].additional_home_pct == 0),
    (D(2025, 7, 1), lambda p: any(r.rate_pct == Decimal("1.5") for r in p.stress_rules)),
    (D(2025, 10, 16), lambda p: len(p.mortgage_price_caps) > 1 or p.ltv_by_area["regulated"].default_pct == 40
     or any(r.rate_pct == Decimal("3.0") for r in p.stress_rules)),
]


@pytest.mark.parametrize(("starts", "holds_value_of_measure"), MEASURES)
def test_no_version_holds_a_value_of_a_measure_before_it_starts(starts, holds_value_of_measure):
    early = [p.version for p in POLICIES if p.effective_from < starts and holds_value_of_measure(p)]
    assert early == []
    assert holds_value_of_measure(policy_in_force(POLICIES, starts))


# -- the legal maximum interest rate ----------------------------------------------------------------------
def _request(rate: str) -> dict:
    return {"as_of": "2026-11-23", "borrower": {"annual_income": 52000000, "credit_score": 780, "region": "capital"},
            "current_loan": {"kind": "credit", "balance": 30000000, "annual_rate_pct": Decimal("5.2"),
                             "rate_type": "variable", "method": "bullet", "term_months": 36, "remaining_months": 16,
                             "drawdown_date": "2025-07-15", "prepayment_fee_pct": Decimal("0.11")},
            "switch_offers": [{"lender": "X", "annual_rate_pct": Decimal(rate), "term_months": 16, "method": "bullet"}]}


def test_a_rate_above_the_legal_maximum_is_refused_at_the_quote_edge():
    """이자제한법 제2조 and 대부업법 시행령 제5조: 20 % a year since 2021-07-07 (the policy's legal_max_rate_pct)."""
    policy = policy_in_force(POLICIES, D(2026, 11, 23))
    check_legal_maximum_rate(parse_request(_request("20")), policy)
    for rate in ("20.01", "100"):
        with pytest.raises(QuoteInputError, match=r"switch_offers\[0\].annual_rate_pct: .* legal maximum"):
            check_legal_maximum_rate(parse_request(_request(rate)), policy)


def test_the_engine_never_makes_an_offer_above_the_legal_maximum_eligible():
    policy = policy_in_force(POLICIES, D(2026, 11, 23))
    current = CurrentLoan("credit", 30_000_000, Decimal("5.2"), "variable", RepaymentMethod.BULLET, 36, 16,
                          D(2025, 7, 15), Decimal("0.11"))
    offers = [Offer("switch:A", "A", Decimal("20"), 16, RepaymentMethod.BULLET),
              Offer("switch:B", "B", Decimal("20.5"), 16, RepaymentMethod.BULLET)]
    result = compare(D(2026, 11, 23), Borrower(52_000_000, 780, "capital"), [], current, offers, policy)
    assert result.option("switch:A").eligible
    b = result.option("switch:B")
    assert not b.eligible and any("법정 최고금리" in r for r in b.reasons)


def test_a_capital_area_mortgage_offer_runs_at_most_30_years():
    policy = policy_in_force(POLICIES, D(2026, 11, 23))
    for region, term in (("capital", 360), ("non_capital", 456)):
        current = CurrentLoan("mortgage", 300_000_000, Decimal("4.8"), "fixed", EP, 480, 456, D(2024, 11, 2),
                              Decimal("0.58"), collateral_value=900_000_000, collateral_region=region)
        result = compare(D(2026, 11, 23), Borrower(150_000_000, 900, region), [], current,
                         [Offer("reloan", "", Decimal("4.2"), 456, EP)], policy)
        reloan = result.option("reloan")
        assert reloan.term_months == term
        assert any("최장 만기 30년" in r for r in reloan.reasons) == (region == "capital")
