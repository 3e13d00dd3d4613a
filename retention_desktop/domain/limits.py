"""Borrowing limits: DSR and stress DSR, LTV and price-band caps, the credit-loan income cap, product bounds.

DSR = Σ (principal counted for the next 12 months + interest for the next 12 months) ÷ annual income.
Principal counted per loan follows the supervisory rules (별표18) as the policy parameterises them:

==========================  ==================================================================
loan                        principal counted for a year
==========================  ==================================================================
amortising loans            what the schedule actually repays in the next 12 months
bullet mortgage             balance ÷ remaining term in years (at most the policy's cap, 10)
bullet credit loan          balance ÷ the policy's years for credit loans (5)
overdraft                   its *limit* ÷ the policy's years for overdrafts (5), interest on the limit
bullet other secured        balance ÷ the policy's years (8)
jeonse loans                not counted (excluded)
loans at most ₩3M           not counted (credit, card, instalment, overdraft lines)
==========================  ==================================================================

Stress DSR adds ``s × w`` to the rate of the *new* loan only (existing loans at their actual rates):
``s`` from the first stress rule of the policy whose scope (loan kind, region of the collateral or the
borrower, lender sector, rate type) covers the loan (credit loans only above the credit-balance
threshold), ``w`` from that rule's weight table by rate type (variable 1, fixed 0, mixed/periodic by the
fixed share of the term; fixed periods under five years count as variable).

LTV, the price-tiered caps and the longest mortgage term apply by area: a regulated area (규제지역), the
rest of the capital area, or elsewhere; a capital-area home whose status is not given is presumed
regulated when the policy says so. A mortgage in the longest term's areas is tested on at most that
term (a longer term is not offered). A jeonse loan sits outside DSR: when it replaces an existing jeonse
loan (재대출 or 대환) it may not exceed the balance it repays (``refinanced_balance``; see
``loan_limit``). The limit is the largest new loan every constraint allows, floored to whole 만원, with
the constraint that binds named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from retention_desktop.domain.policy import Policy, StressRule, StressWeights
from retention_desktop.domain.schedule import RepaymentMethod, first_months

LIMIT_UNIT = 10_000  # limits are quoted in whole 만원
CREDIT_KINDS = ("credit", "overdraft")  # 신용대출 for the income cap and the stress threshold
SMALL_LOAN_KINDS = ("credit", "overdraft", "card_loan", "instalment")
VARIABLE_EQUIVALENT_FIXED_MONTHS = 60
_FACTOR_PROBE = 1_000_000_000  # a ₩1bn probe loan: rounding error of the per-won factor < 1e-8

CONSTRAINT_LABELS = {
    "dsr": "DSR 한도",
    "stress_dsr": "스트레스 DSR 한도",
    "ltv": "LTV(담보인정비율) 한도",
    "price_cap": "주택가격별 대출한도",
    "credit_income_cap": "신용대출 연소득 한도",
    "refinanced_balance": "대환 대상 대출 잔액",
    "product_max": "상품 최고한도",
    "product_min": "상품 최저금액 미달",
}


@dataclass(frozen=True)
class Borrower:
    annual_income: int
    credit_score: int
    region: str  # "capital" | "non_capital"


@dataclass(frozen=True)
class Debt:
    """A loan the borrower carries (ours or another lender's), as the DSR sees it."""

    kind: str
    balance: int
    annual_rate_pct: Decimal
    remaining_months: int
    method: RepaymentMethod
    credit_limit: int | None = None


@dataclass(frozen=True)
class NewLoan:
    """The terms of the loan whose limit is sought (re-loan, switch, or a new loan)."""

    kind: str
    annual_rate_pct: Decimal
    term_months: int
    method: RepaymentMethod
    rate_type: str = "variable"
    fixed_period_months: int | None = None
    grace_months: int = 0
    collateral_value: int | None = None
    collateral_region: str | None = None
    regulated_area: bool | None = None  # None: the capital area counts as regulated (10·15 measures)
    additional_home: bool = False
    first_time_buyer: bool = False


@dataclass(frozen=True)
class DebtService:
    principal: int
    interest: int
    counted: bool
    note: str = ""

    @property
    def total(self) -> int:
        return self.principal + self.interest if self.counted else 0


@dataclass(frozen=True)
class LoanLimit:
    max_new_loan: int
    binding_constraint: str
    constraints: dict[str, int] = field(default_factory=dict)
    stress_add_pct: Decimal = Decimal(0)
    existing_service: int = 0

    @property
    def binding_label(self) -> str:
        return CONSTRAINT_LABELS[self.binding_constraint]


def exposure(debt: Debt) -> int:
    """What a debt counts as, everywhere (DSR, the borrower-level threshold, the credit-loan caps): its balance,
    and an overdraft line its limit (한도 기준) whatever is drawn."""
    return debt.credit_limit if debt.kind == "overdraft" and debt.credit_limit else debt.balance


def credit_total(debts: list[Debt]) -> int:
    """All credit loans (신용대출 and overdraft lines at their limits) among ``debts``."""
    return sum(exposure(d) for d in debts if d.kind in CREDIT_KINDS)


def debt_service(debt: Debt, policy: Policy) -> DebtService:
    """What one existing loan adds to the DSR numerator for a year, by the counting rules."""
    if debt.kind == "jeonse":
        return DebtService(0, 0, False, "전세대출은 DSR 산정에서 제외")
    counted = exposure(debt)
    if counted <= 0:
        return DebtService(0, 0, False, "잔액 없음")
    if debt.kind in SMALL_LOAN_KINDS and counted <= policy.dsr_small_loan_exclusion:
        return DebtService(0, 0, False, "소액 대출은 DSR 산정에서 제외")
    months = max(debt.remaining_months, 1)
    actual_principal, interest = first_months(counted, debt.annual_rate_pct, months, debt.method, 12)
    years = policy.dsr_amortisation_years
    if debt.kind == "overdraft":
        return DebtService(_per_year(counted, years["overdraft"]), _year_interest(counted, debt), True,
                           "마이너스통장은 한도 기준")
    if debt.method is RepaymentMethod.BULLET:
        if debt.kind == "mortgage":
            term_years = max(min(Fraction(months, 12), policy.dsr_bullet_mortgage_term_cap_years), 1)
            return DebtService(int(counted / term_years), _year_interest(counted, debt), True)
        if debt.kind in years:
            return DebtService(_per_year(counted, years[debt.kind]), _year_interest(counted, debt), True)
    return DebtService(actual_principal, interest, True)


def dsr_pct(income: int, services: list[DebtService]) -> Decimal:
    if income <= 0:
        return Decimal("999.99")
    total = sum(s.total for s in services)
    return (Decimal(total) * 100 / income).quantize(Decimal("0.01"))


def stress_weight(rate_type: str, fixed_period_months: int | None, term_months: int,
                  weights: StressWeights) -> Decimal:
    """The weight w of one weight table for a rate type (fixed periods under five years count as variable)."""
    if rate_type == "fixed":
        return weights.fixed
    if rate_type == "variable" or not fixed_period_months or fixed_period_months < VARIABLE_EQUIVALENT_FIXED_MONTHS:
        return weights.variable
    share = Decimal(fixed_period_months) * 100 / term_months
    bands = weights.mixed if rate_type == "mixed" else weights.periodic
    for band in bands:
        if band.upto is None or share < band.upto:
            return band.value
    raise AssertionError("weight bands end open-ended")


def loan_region(loan: NewLoan, borrower: Borrower) -> str:
    """Where a loan is: its collateral's region, else the borrower's."""
    return loan.collateral_region or borrower.region


def stress_rule(loan: NewLoan, borrower: Borrower, policy: Policy, sector: str = "bank") -> StressRule:
    """The first stress rule whose scope covers the new loan (the last rule covers every loan)."""
    region = loan_region(loan, borrower)
    for rule in policy.stress_rules:
        if all(allowed is None or value in allowed for value, allowed in (
                (loan.kind, rule.kinds), (region, rule.regions), (sector, rule.sectors),
                (loan.rate_type, rule.rate_types))):
            return rule
    raise AssertionError("the last stress rule covers every loan")


def stress_add_pct(loan: NewLoan, borrower: Borrower, credit_total_after: int, policy: Policy,
                   sector: str = "bank") -> Decimal:
    """The stress add-on s × w (%p) for this new loan; 0 for jeonse loans (outside DSR) and for credit loans
    while all credit loans together stay at or below the policy's threshold."""
    if loan.kind == "jeonse":
        return Decimal(0)
    if loan.kind in CREDIT_KINDS and credit_total_after <= policy.stress_credit_loan_threshold:
        return Decimal(0)
    rule = stress_rule(loan, borrower, policy, sector)
    return rule.rate_pct * stress_weight(loan.rate_type, loan.fixed_period_months, loan.term_months, rule.weights)


def ltv_area(loan: NewLoan, borrower: Borrower, policy: Policy) -> str:
    """"regulated", "capital" (the rest of the capital area) or "other" for a mortgage's home."""
    region = loan_region(loan, borrower)
    regulated = loan.regulated_area
    if regulated is None:
        regulated = region == "capital" and policy.ltv_capital_presumed_regulated
    return "regulated" if regulated else "capital" if region == "capital" else "other"


def max_term_months(loan: NewLoan, borrower: Borrower, policy: Policy) -> int | None:
    """The longest term a new loan of this kind may run where its home is (6·27: 30 years in the capital
    area and regulated areas), or ``None`` when no limit applies."""
    if loan.kind != "mortgage" or policy.mortgage_max_term_months is None:
        return None
    return policy.mortgage_max_term_months if ltv_area(loan, borrower, policy) in policy.mortgage_max_term_areas \
        else None


def mortgage_caps(loan: NewLoan, borrower: Borrower, policy: Policy) -> dict[str, tuple[int, Decimal | None]]:
    """The LTV limit (with its percent) and, where the policy's price-tiered cap applies, that cap, for a new
    mortgage, in won: ``{"ltv": (limit, pct), "price_cap": (cap, None)}``; empty without collateral."""
    if loan.kind != "mortgage" or not loan.collateral_value:
        return {}
    area = ltv_area(loan, borrower, policy)
    rates = policy.ltv_by_area[area]
    ltv = (rates.additional_home_pct if loan.additional_home
           else rates.first_time_buyer_pct if loan.first_time_buyer else rates.default_pct)
    caps: dict[str, tuple[int, Decimal | None]] = {}
    if area in policy.mortgage_price_cap_areas:
        for band in policy.mortgage_price_caps:
            if band.upto is None or loan.collateral_value <= band.upto:
                caps["price_cap"] = (int(band.value), None)
                break
    caps["ltv"] = (int((Decimal(loan.collateral_value) * ltv / 100).to_integral_value(rounding=ROUND_FLOOR)), ltv)
    return caps


def credit_income_cap(borrower: Borrower, policy: Policy) -> int | None:
    """The most all credit loans together may reach (신용대출 연소득 한도), won; ``None`` when no cap is in force."""
    if policy.credit_loan_income_cap_pct is None:
        return None
    return int(Decimal(borrower.annual_income) * policy.credit_loan_income_cap_pct / 100)


def new_loan_service_factor(loan: NewLoan, rate_pct: Decimal, policy: Policy) -> Fraction:
    """DSR won per won borrowed for the new loan at ``rate_pct`` (its first-year service ÷ amount)."""
    probe = Debt(loan.kind, _FACTOR_PROBE, rate_pct, loan.term_months, loan.method,
                 credit_limit=_FACTOR_PROBE if loan.kind == "overdraft" else None)
    if loan.grace_months and loan.method is not RepaymentMethod.BULLET:
        principal, interest = first_months(_FACTOR_PROBE, rate_pct, loan.term_months, loan.method, 12,
                                           loan.grace_months)
        return Fraction(principal + interest, _FACTOR_PROBE)
    service = debt_service(probe, policy)
    return Fraction(service.principal + service.interest, _FACTOR_PROBE)


def loan_limit(borrower: Borrower, debts: list[Debt], loan: NewLoan, policy: Policy,
               product_min: int | None = None, product_max: int | None = None,
               refinanced_balance: int | None = None, sector: str = "bank") -> LoanLimit:
    """The largest new loan of ``loan``'s terms beside ``debts`` (which exclude any loan it replaces).

    ``refinanced_balance``: the balance of the loan it would repay (a re-loan 재대출 or a switch 대환). A
    jeonse loan sits outside DSR and its own limit is set on the lease deposit (보증금의 일정 비율, the
    guarantor's cap); a loan that refinances one on the same lease may not exceed the balance it repays
    (the FSC's refinancing platform moves the balance, never more; an increase needs a new lease), so
    for jeonse that balance is the limit (and ``ValueError`` if neither it nor a product maximum is given).
    A mortgage in the policy's longest-term areas is tested on at most that term.
    """
    longest = max_term_months(loan, borrower, policy)
    if longest is not None and loan.term_months > longest:
        loan = replace(loan, term_months=longest)
    services = [debt_service(d, policy) for d in debts]
    existing = sum(s.total for s in services)
    others_total = sum(exposure(d) for d in debts)
    credit_others = credit_total(debts)
    caps: dict[str, int] = {}

    # DSR is linear in the amount, so solve for it; below the borrower-level threshold it does not apply.
    dsr_cap = policy.dsr_cap_pct_bank if sector == "bank" else policy.dsr_cap_pct_nonbank
    dsr_room = Fraction(borrower.annual_income) * Fraction(dsr_cap) / 100 - existing
    exempt_room = max(policy.dsr_borrower_level_threshold - others_total, 0)

    def by_dsr(add: Decimal) -> int:
        factor = new_loan_service_factor(loan, loan.annual_rate_pct + add, policy)
        return max(int(max(dsr_room, 0) / factor), exempt_room)

    add = stress_add_pct(loan, borrower, 0, policy, sector)
    if loan.kind != "jeonse":
        amount = by_dsr(add)
        if loan.kind in CREDIT_KINDS:
            # credit loans carry the stress rate only once all credit loans exceed the threshold
            room_unstressed = max(policy.stress_credit_loan_threshold - credit_others, 0)
            if amount > room_unstressed:
                add = stress_add_pct(loan, borrower, credit_others + amount, policy, sector)
                amount = max(by_dsr(add), room_unstressed)
        caps["stress_dsr" if add > 0 else "dsr"] = amount
    elif refinanced_balance is not None:
        caps["refinanced_balance"] = refinanced_balance

    income_cap = credit_income_cap(borrower, policy)
    if loan.kind in CREDIT_KINDS and income_cap is not None:
        caps["credit_income_cap"] = max(income_cap - credit_others, 0)
    for rule, (cap, _pct) in mortgage_caps(loan, borrower, policy).items():
        caps[rule] = cap
    if product_max is not None:
        caps["product_max"] = product_max

    if not caps:
        raise ValueError("no constraint applies to this loan: a jeonse loan needs the balance it refinances "
                         "or a product maximum")
    binding = min(caps, key=lambda k: (caps[k], k))
    # quoted in whole 만원, except the balance being refinanced, which the new loan repays to the won
    amount = caps[binding] if binding == "refinanced_balance" else caps[binding] // LIMIT_UNIT * LIMIT_UNIT
    if product_min is not None and amount < product_min:
        caps["product_min"] = 0
        binding, amount = "product_min", 0
    return LoanLimit(amount, binding, caps, add, existing)


def _per_year(amount: int, years: int) -> int:
    return amount // years


def _year_interest(amount: int, debt: Debt) -> int:
    months = min(max(debt.remaining_months, 1), 12)
    return int((Decimal(amount) * debt.annual_rate_pct / 100 * months / 12).to_integral_value(rounding=ROUND_FLOOR))
