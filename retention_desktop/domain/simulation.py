"""미래 대출 한도 시뮬레이션: the limit under scenarios, over the next 36 months, and the suggested action.

The limit is the largest new loan of the current loan's kind and terms that would replace it (the
re-loan's limit), from ``limits.loan_limit``. Scenarios change the income, repay debts of chosen
kinds, and shift the rate of the new loan; the timeline lets existing debts amortise, the income
grow, and the policy change on its effective dates. The suggestion is the smallest action that
reaches the next pricing band (a lower DSR surcharge) or raises the limit by the target: repaying
the dearest debts first, consolidating card loans into the re-loan, or a rate type with a lower
stress weight. ``apply_suggestion`` turns it into the quote document it promises; quoting that
again gives exactly the promised rate and limit changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, Decimal

from retention_desktop.domain.sentences import say
from retention_desktop.domain.comparison import CurrentLoan
from retention_desktop.domain.fees import add_months
from retention_desktop.domain.labels import LOAN_KIND
from retention_desktop.domain.limits import Debt, LoanLimit, NewLoan, loan_limit
from retention_desktop.domain.money import format_won_korean
from retention_desktop.domain.policy import Policy, policy_in_force
from retention_desktop.domain.quote import QuoteRequest
from retention_desktop.domain.schedule import build_schedule

REPAYABLE_KINDS = ("card_loan", "credit", "instalment", "overdraft", "student")
REPAYMENT_STEP = 1_000_000
DEFAULT_LIMIT_TARGET = 10_000_000
DEFAULT_WITHIN_MONTHS = 6


@dataclass(frozen=True)
class Scenario:
    name: str
    income_change_pct: Decimal = Decimal(0)
    repay_kinds: tuple[str, ...] = ()
    rate_shift_pct: Decimal = Decimal(0)


CURRENT_STATE = "현재 상태"
ALL_APPLIED = "모두 적용"


def rate_shift_text(shift_pct: Decimal) -> str:
    """A rate change in percentage points, written one way everywhere (screen, chart, documents): ``-1.00%p``."""
    return f"{Decimal(shift_pct):.2f}%p"


def standard_scenarios(income_change_pct: Decimal | None = Decimal(10), repay_card_loans: bool = True,
                       rate_shift_pct: Decimal | None = Decimal(-1)) -> tuple[Scenario, ...]:
    """The current state, then each chosen change on its own (income ±%, card loans repaid, rate ±%p), then all
    of them together when more than one is chosen: the one definition the screen and the documents share."""
    parts = []
    if income_change_pct is not None:
        change = Decimal(income_change_pct)
        parts.append(Scenario(say("소득 {pct}% 증가" if change >= 0 else "소득 {pct}% 감소", pct=f"{abs(change):g}"),
                              income_change_pct=change))
    if repay_card_loans:
        parts.append(Scenario(say("카드론 상환"), repay_kinds=("card_loan",)))
    if rate_shift_pct is not None:
        shift = Decimal(rate_shift_pct)
        parts.append(Scenario(say("금리 {shift} 하락" if shift <= 0 else "금리 {shift} 상승",
                                  shift=rate_shift_text(abs(shift))), rate_shift_pct=shift))
    combined = [Scenario(ALL_APPLIED, sum((p.income_change_pct for p in parts), Decimal(0)),
                         tuple(k for p in parts for k in p.repay_kinds),
                         sum((p.rate_shift_pct for p in parts), Decimal(0)))] if len(parts) > 1 else []
    return (Scenario(CURRENT_STATE), *parts, *combined)


DEFAULT_SCENARIOS = standard_scenarios()


@dataclass(frozen=True)
class ScenarioResult:
    name: str
    max_new_loan: int
    binding_constraint: str


@dataclass(frozen=True)
class TimelinePoint:
    month: int
    on: dt.date
    max_new_loan: int
    binding_constraint: str
    policy_version: str
    events: tuple[str, ...] = ()  # what changed this month: a debt paid off, a policy version taking effect

@dataclass(frozen=True)
class Suggestion:
    action: str  # "reduce_debt" | "consolidate_card_loans" | "switch_to_fixed_rate"
    amount: int
    within_months: int
    rate_change_pct: Decimal
    limit_change: int
    binding_constraint: str
    explanation: str


def new_loan_like(loan: CurrentLoan, rate_shift: Decimal = Decimal(0), rate_type: str | None = None) -> NewLoan:
    return NewLoan(loan.kind, max(loan.annual_rate_pct + rate_shift, Decimal(0)), loan.remaining_months, loan.method,
                   rate_type or loan.rate_type, loan.fixed_period_months,
                   collateral_value=loan.collateral_value, collateral_region=loan.collateral_region)


def limit_of(request: QuoteRequest, policy: Policy) -> LoanLimit:
    """The re-loan's limit today: a new loan of the current loan's kind and terms that would repay it."""
    return loan_limit(request.borrower, list(request.other_debts), new_loan_like(request.current_loan), policy,
                      refinanced_balance=request.current_loan.balance)


def run_scenario(request: QuoteRequest, scenario: Scenario, policy: Policy) -> ScenarioResult:
    income = int((Decimal(request.borrower.annual_income) * (100 + scenario.income_change_pct) / 100)
                 .to_integral_value(rounding=ROUND_FLOOR))
    borrower = replace(request.borrower, annual_income=max(income, 0))
    debts = [d for d in request.other_debts if d.kind not in scenario.repay_kinds]
    loan = new_loan_like(request.current_loan, scenario.rate_shift_pct)
    limit = loan_limit(borrower, debts, loan, policy, refinanced_balance=request.current_loan.balance)
    return ScenarioResult(scenario.name, limit.max_new_loan, limit.binding_constraint)


def scenarios(request: QuoteRequest, policy: Policy,
              chosen: Sequence[Scenario] = DEFAULT_SCENARIOS) -> list[ScenarioResult]:
    return [run_scenario(request, s, policy) for s in chosen]


def timeline(request: QuoteRequest, policies: Sequence[Policy], months: int = 36,
             income_growth_pct_per_year: Decimal = Decimal(3)) -> list[TimelinePoint]:
    """The limit month by month: debts amortise, income grows, policy versions take effect."""
    schedules = [(d, build_schedule(d.balance, d.annual_rate_pct, d.remaining_months, d.method).instalments)
                 if d.balance > 0 else (d, ()) for d in request.other_debts]
    points = []
    for month in range(1, months + 1):
        on = add_months(request.as_of, month)
        debts = []
        events = []
        for debt, rows in schedules:
            if month < len(rows):
                debts.append(replace(debt, balance=rows[month - 1].balance,
                                     remaining_months=debt.remaining_months - month))
            elif month == len(rows):
                events.append(say("{kind} {amount} 상환 완료", kind=LOAN_KIND.get(debt.kind, debt.kind),
                                  amount=format_won_korean(debt.balance)))
        growth = (1 + income_growth_pct_per_year / 100 / 12) ** month  # the yearly trend, compounded monthly
        income = int((Decimal(request.borrower.annual_income) * growth).to_integral_value(rounding=ROUND_FLOOR))
        policy = policy_in_force(policies, on)
        limit = loan_limit(replace(request.borrower, annual_income=income), debts,
                           new_loan_like(request.current_loan), policy,
                           refinanced_balance=request.current_loan.balance)
        if points and policy.version != points[-1].policy_version:
            events.append(say("규제정책 {version} 시행", version=policy.version))
        points.append(TimelinePoint(month, on, limit.max_new_loan, limit.binding_constraint, policy.version,
                                    tuple(events)))
    return points


# -- the suggested action ------------------------------------------------------------------------
def repay(debts: Sequence[Debt], amount: int) -> tuple[Debt, ...]:
    """Repay ``amount`` from the dearest repayable debts first (a debt repaid in full disappears)."""
    left = amount
    out = []
    for debt in sorted(debts, key=lambda d: (d.kind not in REPAYABLE_KINDS, -d.annual_rate_pct)):
        if left > 0 and debt.kind in REPAYABLE_KINDS:
            paid = min(left, debt.balance)
            left -= paid
            if debt.balance - paid > 0:
                out.append(replace(debt, balance=debt.balance - paid))
        else:
            out.append(debt)
    return tuple(out)


def apply_suggestion(request: QuoteRequest, suggestion: Suggestion) -> QuoteRequest:
    """The quote document as it will be once the customer has done what the suggestion says.

    Prices and policy stay those of the quote date: the promise is about the action, not the market.
    """
    if suggestion.action == "reduce_debt":
        return replace(request, other_debts=repay(request.other_debts, suggestion.amount))
    if suggestion.action == "consolidate_card_loans":
        cards = [d for d in request.other_debts if d.kind == "card_loan"]
        loan = replace(request.current_loan, balance=request.current_loan.balance + sum(d.balance for d in cards))
        return replace(request, current_loan=loan,
                       other_debts=tuple(d for d in request.other_debts if d.kind != "card_loan"))
    if suggestion.action == "switch_to_fixed_rate":
        return replace(request, current_loan=replace(request.current_loan, rate_type="fixed", fixed_period_months=None))
    raise ValueError(f"unknown action {suggestion.action}")


def suggest(request: QuoteRequest, policy: Policy, price_of: Callable[[QuoteRequest], Decimal],
            dsr_of: Callable[[QuoteRequest], Decimal], band_edges: Sequence[int],
            limit_target: int = DEFAULT_LIMIT_TARGET, within_months: int = DEFAULT_WITHIN_MONTHS
            ) -> Suggestion | None:
    """The smallest action that reaches the next pricing band or raises the limit by ``limit_target``.

    ``price_of`` prices a document (the personalised re-loan rate), ``dsr_of`` gives its pricing DSR,
    ``band_edges`` are the DSR bounds of the pricing bands.
    """
    rate_now = price_of(request)
    limit_now = limit_of(request, policy)
    dsr_now = dsr_of(request)
    lower_edges = [e for e in band_edges if e <= dsr_now]
    next_edge = max(lower_edges) if lower_edges else None

    def outcome(action: str, amount: int) -> Suggestion:
        probe = Suggestion(action, amount, within_months, Decimal(0), 0, "", "")
        after = apply_suggestion(request, probe)
        rate_change = price_of(after) - rate_now
        limit_after = limit_of(after, policy)
        return Suggestion(action, amount, within_months, rate_change, limit_after.max_new_loan - limit_now.max_new_loan,
                          limit_after.binding_constraint, "")

    def good(s: Suggestion) -> bool:
        return s.rate_change_pct < 0 or s.limit_change >= limit_target

    candidates: list[Suggestion] = []
    repayable = sum(d.balance for d in request.other_debts if d.kind in REPAYABLE_KINDS)
    amount = REPAYMENT_STEP
    while amount <= repayable + REPAYMENT_STEP - 1:
        trial = outcome("reduce_debt", min(amount, repayable))
        reaches_band = next_edge is not None and dsr_of(apply_suggestion(request, trial)) < next_edge
        if good(trial) and (reaches_band or trial.limit_change >= limit_target):
            candidates.append(trial)
            break
        amount += REPAYMENT_STEP
    if any(d.kind == "card_loan" for d in request.other_debts):
        trial = outcome("consolidate_card_loans", sum(d.balance for d in request.other_debts if d.kind == "card_loan"))
        if good(trial):
            candidates.append(replace(trial, amount=0))
    if request.current_loan.rate_type != "fixed":
        trial = outcome("switch_to_fixed_rate", 0)
        if good(trial):
            candidates.append(trial)
    if not candidates:
        return None
    best = min(candidates, key=lambda s: (s.amount, s.rate_change_pct, -s.limit_change))
    return replace(best, explanation=_explain(best, request))


def _explain(s: Suggestion, request: QuoteRequest) -> str:
    """The suggestion in one sentence (``domain.sentences``: each effect a whole clause the catalogue can say)."""
    rate = f"{abs(s.rate_change_pct):.2f}%p"
    limit = format_won_korean(abs(s.limit_change))
    down, more = s.rate_change_pct < 0, s.limit_change > 0
    if s.rate_change_pct and s.limit_change:
        effect = say({(True, True): "금리가 {rate} 낮아지고, 한도가 {limit} 늘어날 것으로 예상됩니다.",
                      (True, False): "금리가 {rate} 낮아지고, 한도가 {limit} 줄어들 것으로 예상됩니다.",
                      (False, True): "금리가 {rate} 높아지고, 한도가 {limit} 늘어날 것으로 예상됩니다.",
                      (False, False): "금리가 {rate} 높아지고, 한도가 {limit} 줄어들 것으로 예상됩니다."}[down, more],
                     rate=rate, limit=limit)
    elif s.rate_change_pct:
        effect = say("금리가 {rate} 낮아질 것으로 예상됩니다." if down else "금리가 {rate} 높아질 것으로 예상됩니다.",
                     rate=rate)
    elif s.limit_change:
        effect = say("한도가 {limit} 늘어날 것으로 예상됩니다." if more else "한도가 {limit} 줄어들 것으로 예상됩니다.",
                     limit=limit)
    else:
        effect = say("조건이 개선됩니다.")
    if s.action == "reduce_debt":
        return say("다음 {months}개월 안에 금리가 높은 부채부터 {amount}을 상환하면 {effect}", months=s.within_months,
                   amount=format_won_korean(s.amount), effect=effect)
    if s.action == "consolidate_card_loans":
        cards = sum(d.balance for d in request.other_debts if d.kind == "card_loan")
        return say("카드론 {amount}을 재대출로 통합하면 {effect}", amount=format_won_korean(cards), effect=effect)
    return say("고정금리로 바꾸면 스트레스 DSR 가산이 없어져 {effect}", effect=effect)



def parse_scenarios(document: dict) -> tuple[Scenario, ...]:
    """Optional ``scenarios`` of a simulate document (checked against the schema's ``simulate_input``);
    the defaults when absent."""
    raw = document.get("scenarios")
    if raw is None:
        return DEFAULT_SCENARIOS
    return (Scenario(CURRENT_STATE),) + tuple(
        Scenario(item["name"].strip(), Decimal(item.get("income_change_pct", 0)), tuple(item.get("repay_kinds", ())),
                 Decimal(item.get("rate_shift_pct", 0)))
        for item in raw)
