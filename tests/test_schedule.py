"""Repayment schedules as whole golden tables (in the style of Fineract's schedule features),
the domain's check value, property tests and a cross-check against numpy-financial."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retention_desktop.domain.schedule import ScheduleError, build_schedule, level_payment


def table(text: str) -> list[tuple[int, int, int, int, int]]:
    rows = []
    for line in text.strip().splitlines():
        cells = [c.strip().replace(",", "") for c in line.strip().strip("|").split("|")]
        rows.append(tuple(int(c) for c in cells))
    return rows


def rows_of(schedule) -> list[tuple[int, int, int, int, int]]:
    return [(r.month, r.payment, r.principal, r.interest, r.balance) for r in schedule.instalments]


def test_domain_check_value_equal_payment_100m_45pct_360():
    assert level_payment(100_000_000, Decimal("4.5"), 360) == 506_685
    schedule = build_schedule(100_000_000, Decimal("4.5"), 360, "equal_payment")
    assert schedule.instalments[0].payment == 506_685
    assert schedule.instalments[-1].payment == 506_926  # the last instalment takes the rounding remainder
    assert schedule.total_interest == 82_406_841


def test_equal_payment_12m_at_6pct_over_12_months():
    #         | month |    payment |  principal | interest |    balance |
    expected = table("""
        |  1 |  1,032,797 |    972,797 |  60,000 | 11,027,203 |
        |  2 |  1,032,797 |    977,661 |  55,136 | 10,049,542 |
        |  3 |  1,032,797 |    982,549 |  50,248 |  9,066,993 |
        |  4 |  1,032,797 |    987,462 |  45,335 |  8,079,531 |
        |  5 |  1,032,797 |    992,399 |  40,398 |  7,087,132 |
        |  6 |  1,032,797 |    997,361 |  35,436 |  6,089,771 |
        |  7 |  1,032,797 |  1,002,348 |  30,449 |  5,087,423 |
        |  8 |  1,032,797 |  1,007,360 |  25,437 |  4,080,063 |
        |  9 |  1,032,797 |  1,012,397 |  20,400 |  3,067,666 |
        | 10 |  1,032,797 |  1,017,459 |  15,338 |  2,050,207 |
        | 11 |  1,032,797 |  1,022,546 |  10,251 |  1,027,661 |
        | 12 |  1,032,799 |  1,027,661 |   5,138 |          0 |
    """)
    schedule = build_schedule(12_000_000, Decimal("6"), 12, "equal_payment")
    assert rows_of(schedule) == expected
    assert schedule.total_interest == 393_566


def test_equal_payment_with_three_grace_months():
    expected = table("""
        |  1 |     60,000 |          0 |  60,000 | 12,000,000 |
        |  2 |     60,000 |          0 |  60,000 | 12,000,000 |
        |  3 |     60,000 |          0 |  60,000 | 12,000,000 |
        |  4 |  1,366,888 |  1,306,888 |  60,000 | 10,693,112 |
        |  5 |  1,366,888 |  1,313,422 |  53,466 |  9,379,690 |
        |  6 |  1,366,888 |  1,319,990 |  46,898 |  8,059,700 |
        |  7 |  1,366,888 |  1,326,589 |  40,299 |  6,733,111 |
        |  8 |  1,366,888 |  1,333,222 |  33,666 |  5,399,889 |
        |  9 |  1,366,888 |  1,339,889 |  26,999 |  4,060,000 |
        | 10 |  1,366,888 |  1,346,588 |  20,300 |  2,713,412 |
        | 11 |  1,366,888 |  1,353,321 |  13,567 |  1,360,091 |
        | 12 |  1,366,891 |  1,360,091 |   6,800 |          0 |
    """)
    schedule = build_schedule(12_000_000, Decimal("6"), 12, "equal_payment", grace_months=3)
    assert rows_of(schedule) == expected
    assert schedule.regular_payment == 1_366_888


def test_equal_principal_with_two_grace_months():
    expected = table("""
        |  1 |     37,500 |          0 |  37,500 | 10,000,000 |
        |  2 |     37,500 |          0 |  37,500 | 10,000,000 |
        |  3 |  2,037,500 |  2,000,000 |  37,500 |  8,000,000 |
        |  4 |  2,030,000 |  2,000,000 |  30,000 |  6,000,000 |
        |  5 |  2,022,500 |  2,000,000 |  22,500 |  4,000,000 |
        |  6 |  2,015,000 |  2,000,000 |  15,000 |  2,000,000 |
        |  7 |  2,007,500 |  2,000,000 |   7,500 |          0 |
    """)
    assert rows_of(build_schedule(10_000_000, Decimal("4.5"), 7, "equal_principal", grace_months=2)) == expected


def test_equal_principal_remainder_goes_to_the_last_instalment():
    expected = table("""
        |  1 | 33,708,333 | 33,333,333 | 375,000 | 66,666,667 |
        |  2 | 33,583,333 | 33,333,333 | 250,000 | 33,333,334 |
        |  3 | 33,458,334 | 33,333,334 | 125,000 |          0 |
    """)
    assert rows_of(build_schedule(100_000_000, Decimal("4.5"), 3, "equal_principal")) == expected


def test_bullet():
    expected = table("""
        |  1 |     37,500 |          0 |  37,500 | 10,000,000 |
        |  2 |     37,500 |          0 |  37,500 | 10,000,000 |
        |  3 |     37,500 |          0 |  37,500 | 10,000,000 |
        |  4 |     37,500 |          0 |  37,500 | 10,000,000 |
        |  5 |     37,500 |          0 |  37,500 | 10,000,000 |
        |  6 | 10,037,500 | 10,000,000 |  37,500 |          0 |
    """)
    schedule = build_schedule(10_000_000, Decimal("4.5"), 6, "bullet")
    assert rows_of(schedule) == expected
    assert schedule.regular_payment == 37_500


def test_zero_rate_spreads_principal_evenly():
    schedule = build_schedule(1_000_000, Decimal("0"), 3, "equal_payment")
    assert [r.payment for r in schedule.instalments] == [333_333, 333_333, 333_334]


@pytest.mark.parametrize(("args", "message"), [
    ((0, Decimal("4"), 12, "bullet", 0), "principal"),
    ((1000, Decimal("4"), 0, "bullet", 0), "months"),
    ((1000, Decimal("4"), 12, "bullet", 12), "grace"),
])
def test_bad_schedule_arguments(args, message):
    with pytest.raises(ScheduleError, match=message):
        build_schedule(*args)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="balloon"):
        build_schedule(1000, Decimal("4"), 12, "balloon")


loans = st.builds(
    lambda p, bp, n, g, m: (p, Decimal(bp) / 100, n, min(g, n - 1), m),
    st.integers(1_000_000, 2_000_000_000),
    st.integers(0, 2000),
    st.integers(1, 480),
    st.integers(0, 24),
    st.sampled_from(["equal_payment", "equal_principal", "bullet"]),
)


@settings(max_examples=150, deadline=None)
@given(loans)
def test_principal_sums_exactly_and_nothing_is_negative(loan):
    principal, rate, months, grace, method = loan
    schedule = build_schedule(principal, rate, months, method, grace)
    assert schedule.total_principal == principal
    assert schedule.instalments[-1].balance == 0
    assert all(r.payment >= 0 and r.principal >= 0 and r.interest >= 0 for r in schedule.instalments)
    assert len(schedule.instalments) == months


@settings(max_examples=150, deadline=None)
@given(loans)
def test_equal_payment_is_level_except_grace_and_the_last(loan):
    principal, rate, months, grace, _ = loan
    # Below ₩10M at rates near the 20 % legal maximum over 40 years, the half-won rounding of the level
    # payment compounds into more than the last payment, so such a loan is paid off early (found by
    # hypothesis: ₩1M at 18.03 % over 461 months). docs/engine.md states the boundary.
    principal = max(principal, 10_000_000)
    schedule = build_schedule(principal, rate, months, "equal_payment", grace)
    amortising = [r.payment for r in schedule.instalments[grace:-1]]
    assert len(set(amortising)) <= 1


@settings(max_examples=200, deadline=None)
@given(loans, st.integers(1, 300))
def test_a_lower_rate_never_costs_more(loan, cut_bp):
    principal, rate, months, grace, method = loan
    # A whole-won level payment is off the exact one by up to half a won a month, and that difference
    # compounds at the loan's rate. For a small loan at an extreme rate and term (₩1M at 19.6 % over 417
    # months, found by this test) the drift outweighs a 1 bp cut; from ₩30M up a basis point always
    # moves total interest by more than the drift can, so the property holds for every realistic loan.
    principal = max(principal, 30_000_000)
    lower = max(rate - Decimal(cut_bp) / 100, Decimal(0))
    assert (build_schedule(principal, lower, months, method, grace).total_interest
            <= build_schedule(principal, rate, months, method, grace).total_interest)


def test_rounding_drift_of_a_tiny_loan_at_an_extreme_rate_is_bounded():
    """The counterexample itself: the cheaper rate costs more, but within what rounding can explain.

    Each schedule's total interest is off its exact value by at most half a won per instalment plus the
    compounded drift of the balance; the two schedules can be off in opposite directions.
    """
    r = Decimal("19.64") / 1200
    per_schedule = Decimal("0.5") * 417 + Decimal("0.5") * ((1 + r) ** 417 - 1) / r
    drift_bound = int(2 * per_schedule)
    cheaper = build_schedule(1_000_000, Decimal("19.64"), 417, "equal_payment").total_interest
    dearer = build_schedule(1_000_000, Decimal("19.65"), 417, "equal_payment").total_interest
    assert 0 < cheaper - dearer <= drift_bound


@pytest.mark.parametrize(("principal", "rate", "months"), [
    (100_000_000, "4.5", 360), (350_000_000, "3.85", 480), (5_000_000, "19.9", 12), (30_000_000, "5.2", 60),
])
def test_cross_check_with_numpy_financial(principal, rate, months):
    schedule = build_schedule(principal, Decimal(rate), months, "equal_payment")
    r = float(rate) / 1200
    payment = -npf.pmt(r, months, principal)
    rows = schedule.instalments
    assert all(abs(row.payment - payment) <= 1 for row in rows[:-1])
    # interest follows the exact schedule within one won while the level payment's rounding
    # (at most half a won a month) has not yet moved the balance by more than a few hundred won
    interest = -npf.ipmt(r, np.arange(1, months + 1), months, principal)
    early = min(months, 120)
    assert all(abs(row.interest - i) <= 1 for row, i in zip(rows[:early], interest[:early]))
