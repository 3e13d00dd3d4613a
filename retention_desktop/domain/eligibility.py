"""Whether a new loan that repays the current one (our re-loan, another lender's switch) is allowed, rule by rule.

Each check names its rule and shows its figures, so an option that is not available says why in words
("스트레스 DSR 52.30% > 한도 40%"). The rules, in the order they are shown:

=================  ======================================================================================
rule               a new loan of the current balance is allowed when …
=================  ======================================================================================
``delinquent``     the current loan is not delinquent (a delinquent loan can be neither switched nor re-loaned)
``six_months``     a mortgage switch comes at least ``switching.mortgage_min_months`` after drawdown
``dsr`` /          the borrower's DSR with the new loan (its rate plus the stress add-on where one applies) is
``stress_dsr``     within the lender's cap (bank 40 %, non-bank 50 %), or total debts stay at or below the
                   borrower-level threshold (overdraft lines counted at their limits, ``limits.exposure``)
``ltv``            a mortgage's amount is within the LTV limit of its collateral's area
``price_cap``      where the policy's price-tiered cap applies, the amount is within it
``credit_income``  all credit loans with the new one stay within the income cap (신용대출 연소득 한도)
``legal_max``      the rate is at most the legal maximum (법정 최고금리, ``legal_max_rate_pct``)
``product``        (re-loan) a product on sale holds the amount, term, credit score and rate
=================  ======================================================================================

A mortgage in the policy's longest-term areas is offered on at most that term (``comparison``), so the
longest term is met rather than failed. ``portfolio_advice.new_loan_checks`` applies the same rules to the
whole book at once (tested equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from retention_desktop.domain.sentences import say
from retention_desktop.domain.fees import add_months, months_between
from retention_desktop.domain.limits import (
    CREDIT_KINDS,
    Borrower,
    Debt,
    NewLoan,
    credit_income_cap,
    credit_total,
    debt_service,
    dsr_pct,
    exposure,
    mortgage_caps,
    stress_add_pct,
)
from retention_desktop.domain.money import format_won
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.products import ReloanProduct

RULE_LABELS = {
    "delinquent": "연체", "six_months": "주담대 대환 가능 시기", "dsr": "DSR", "stress_dsr": "스트레스 DSR",
    "ltv": "LTV", "price_cap": "주택가격별 한도", "credit_income": "신용대출 연소득 한도", "legal_max": "법정 최고금리",
    "product": "상품 조건", "floor": "금리 하한", "saving": "유지보다 비쌈",
}


@dataclass(frozen=True)
class Check:
    rule: str
    ok: bool
    text: str


@dataclass(frozen=True)
class Eligibility:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.ok)


def new_loan_eligibility(borrower: Borrower, other_debts: list[Debt], loan: NewLoan, amount: int, who: str,
                         policy: Policy, lender_sector: str = "bank", delinquent: bool = False,
                         drawdown=None, as_of=None, switching: bool = False,
                         product: ReloanProduct | None = None, product_missing: str | None = None) -> Eligibility:
    """Every rule for a new loan of ``amount`` on ``loan``'s terms beside ``other_debts`` (without the loan it
    repays). ``who`` heads the DSR line ("재대출 심사", "대환 시 DSR 재심사"); ``switching`` adds the six-month
    rule for mortgages (needs ``drawdown`` and ``as_of``); ``product`` adds its bounds, ``product_missing``
    says why no product holds a re-loan."""
    checks: list[Check] = []
    if loan.annual_rate_pct > policy.legal_max_rate_pct:
        checks.append(Check("legal_max", False, say("연 {rate}%는 법정 최고금리 연 {legal}%를 넘어 제안 불가",
                                                    rate=loan.annual_rate_pct, legal=policy.legal_max_rate_pct)))
    if delinquent:
        checks.append(Check("delinquent", False, say("연체 중인 대출은 재대출·대환 불가")))
    if switching and loan.kind == "mortgage" and drawdown is not None and as_of is not None:
        held = months_between(drawdown, as_of)
        if held < policy.mortgage_switch_min_months:
            since = add_months(drawdown, policy.mortgage_switch_min_months)
            checks.append(Check("six_months", False, say("주택담보대출은 실행 {months}개월 후부터 대환 가능 ({date}부터)",
                                                         months=policy.mortgage_switch_min_months,
                                                         date=f"{since:%Y.%m.%d}")))
    checks.append(dsr_check(borrower, other_debts, loan, amount, who, policy, lender_sector))
    for rule, (cap, pct) in mortgage_caps(loan, borrower, policy).items():
        if rule == "ltv":
            ratio = Decimal(amount) * 100 / loan.collateral_value
            checks.append(Check("ltv", amount <= cap, say("LTV {ratio:.1f}% {sign} 한도 {pct}% (담보 {collateral})",
                                                          ratio=ratio, sign="≤" if amount <= cap else ">", pct=pct,
                                                          collateral=format_won(loan.collateral_value))))
        else:
            checks.append(Check("price_cap", amount <= cap, say(
                "주택가격별 대출한도 {cap} 이내 ({amount})" if amount <= cap else "주택가격별 대출한도 {cap} 초과 ({amount})",
                cap=format_won(cap), amount=format_won(amount))))
    cap = credit_income_cap(borrower, policy)
    if loan.kind in CREDIT_KINDS and cap is not None:
        after = credit_total(other_debts) + amount
        checks.append(Check("credit_income", after <= cap,
                            say("신용대출 합계 {total} {sign} 연소득 한도 {cap}", total=format_won(after),
                                sign="≤" if after <= cap else ">", cap=format_won(cap))))
    if product_missing:
        checks.append(Check("product", False, product_missing))
    elif product is not None:
        for text in product.failures(amount, loan.term_months, borrower.credit_score, loan.annual_rate_pct):
            checks.append(Check("product", False, text))
    return Eligibility(tuple(checks))


def dsr_check(borrower: Borrower, other_debts: list[Debt], loan: NewLoan, amount: int, who: str, policy: Policy,
              lender_sector: str = "bank") -> Check:
    """The lender's DSR test of the new loan, with the stress add-on on the new loan only."""
    if loan.kind == "jeonse":
        return Check("dsr", True, say("{who}: 전세대출은 DSR 산정 제외", who=who))
    total_after = sum(exposure(d) for d in other_debts) + amount
    if total_after <= policy.dsr_borrower_level_threshold:
        return Check("dsr", True, say("{who}: 총대출 {total}으로 차주단위 DSR 적용 대상 아님", who=who,
                                      total=format_won(total_after)))
    add = stress_add_pct(loan, borrower, credit_total(other_debts) + (amount if loan.kind in CREDIT_KINDS else 0),
                         policy, lender_sector)
    service = debt_service(Debt(loan.kind, amount, loan.annual_rate_pct + add, loan.term_months, loan.method,
                                amount if loan.kind == "overdraft" else None), policy)
    ratio = dsr_pct(borrower.annual_income, [*(debt_service(d, policy) for d in other_debts), service])
    cap = policy.dsr_cap_pct_bank if lender_sector == "bank" else policy.dsr_cap_pct_nonbank
    rule = "stress_dsr" if add > 0 else "dsr"
    label = say("스트레스 DSR") if add > 0 else "DSR"
    if ratio > cap:
        return Check(rule, False, say("{who}: {label} {ratio}% > 한도 {cap}%로 불가", who=who, label=label, ratio=ratio,
                                      cap=cap))
    return Check(rule, True, say("{who}: {label} {ratio}% (한도 {cap}%) 충족", who=who, label=label, ratio=ratio,
                                 cap=cap))
