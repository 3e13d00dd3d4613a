"""재대출 vs 대환 비교 for one of our loans: the quote document built from the database, then recomputed
live as the officer moves the re-loan rate or types in an offer the customer was shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select

from retention_desktop.data.models import Branch, CreditScore, Customer, ExternalDebt, Loan, MarketOffer
from retention_desktop.domain.comparison import Comparison, CurrentLoan, Offer, compare
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.features import MARKET_KIND
from retention_desktop.domain.fees import months_between
from retention_desktop.domain.limits import Borrower, Debt
from retention_desktop.domain.personal_quote import PricingContext, personal_price, reloan_offer
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.pricing import PersonalPrice
from retention_desktop.domain.quote import QuoteRequest
from retention_desktop.domain.schedule import RepaymentMethod
from retention_desktop.services.officer_session import OfficerSession
from retention_desktop.services.quoting import QuoteBasis, load_basis

MARKET_OFFERS_SHOWN = 3


class ComparisonError(UserError):
    pass


@dataclass(frozen=True)
class OfferComparison:
    customer_no: str
    customer_name: str
    loan_no: str
    request: QuoteRequest
    context: PricingContext
    policy: Policy
    personal: PersonalPrice
    comparison: Comparison
    reloan_rate_pct: Decimal
    typed_offer: Offer | None = None

    @property
    def slider_range(self) -> tuple[Decimal, Decimal]:
        """The re-loan rate control runs from the floor to the list rate."""
        return self.personal.floor_rate_pct, max(self.personal.list_rate_pct, self.personal.floor_rate_pct)


def build_request(officer: OfficerSession, loan_no: str, today: dt.date) -> tuple[QuoteRequest, dict]:
    with officer.database.session() as s:
        loan = s.scalars(select(Loan).where(Loan.loan_no == loan_no)).first()
        if loan is None:
            raise ComparisonError(f"대출번호 {loan_no}를 찾을 수 없습니다.")
        if loan.status not in ("active", "delinquent"):
            raise ComparisonError(f"대출 {loan_no}은(는) 이미 종료되었습니다.")
        customer = s.get(Customer, loan.customer_id)
        region = s.scalar(select(Branch.region).where(Branch.id == customer.home_branch_id))
        score = s.scalar(select(CreditScore.score).where(CreditScore.customer_id == customer.id,
                                                         CreditScore.scored_on <= today)
                         .order_by(CreditScore.scored_on.desc()).limit(1))
        others = s.scalars(select(Loan).where(Loan.customer_id == customer.id, Loan.id != loan.id,
                                              Loan.status.in_(("active", "delinquent")))).all()
        external = s.scalars(select(ExternalDebt).where(ExternalDebt.customer_id == customer.id)).all()
        kind = MARKET_KIND[loan.kind]
        sheet = s.scalar(select(MarketOffer.as_of).where(MarketOffer.loan_kind == kind, MarketOffer.as_of <= today)
                         .order_by(MarketOffer.as_of.desc()).limit(1))
        market = s.execute(select(MarketOffer.lender, MarketOffer.annual_rate_pct, MarketOffer.fees)
                           .where(MarketOffer.loan_kind == kind, MarketOffer.as_of == sheet,
                                  MarketOffer.credit_score_min <= score, MarketOffer.credit_score_max >= score)
                           .order_by(MarketOffer.annual_rate_pct, MarketOffer.lender)
                           .limit(MARKET_OFFERS_SHOWN)).all() if sheet else []
        facts = {"customer_no": customer.customer_no, "name": customer.name,
                 "salary_transfer": customer.salary_transfer,
                 "tenure_years": months_between(customer.created_on, today) // 12}
    remaining = max(loan.term_months - months_between(loan.drawdown_date, today), 1)
    method = RepaymentMethod(loan.repayment_method)
    current = CurrentLoan(loan.kind, max(loan.balance, 1), loan.annual_rate_pct, loan.rate_type, method,
                          loan.term_months, remaining, loan.drawdown_date, loan.prepayment_fee_pct,
                          loan.fixed_period_months, loan.collateral_value, loan.collateral_region,
                          loan.principal if loan.kind == "overdraft" else None)
    debts = [Debt(d.kind, d.balance, d.annual_rate_pct, max(d.remaining_months, 1),
                  RepaymentMethod(d.repayment_method), d.credit_limit) for d in external]
    debts += [Debt(o.kind, o.balance, o.annual_rate_pct,
                   max(o.term_months - months_between(o.drawdown_date, today), 1), RepaymentMethod(o.repayment_method),
                   o.principal if o.kind == "overdraft" else None) for o in others]
    switches = tuple(Offer(f"switch:{lender}", lender, rate, remaining, method, fees)
                     for lender, rate, fees in market)
    request = QuoteRequest(today, Borrower(customer.annual_income, score or 1, region), tuple(debts), current, None,
                           switches)
    return request, facts


def open_comparison(officer: OfficerSession, loan_no: str, today: dt.date,
                    basis: QuoteBasis | None = None) -> OfferComparison:
    """Everything the comparison screen shows first: the personalised re-loan beside the market's offers."""
    request, facts = build_request(officer, loan_no, today)
    basis = basis or load_basis(officer.database)
    context = basis.context(request, officer.role, facts["salary_transfer"], facts["tenure_years"])
    policy = basis.policy(today)
    personal = personal_price(request, context, policy)
    comparison = compare(today, request.borrower, list(request.other_debts), request.current_loan,
                         [reloan_offer(request, personal), *request.switch_offers], policy)
    return OfferComparison(facts["customer_no"], facts["name"], loan_no, request, context, policy, personal,
                           comparison, personal.rate_pct)


def recompute(base: OfferComparison, reloan_rate_pct: Decimal | None = None,
              typed_offer: Offer | None | bool = False) -> OfferComparison:
    """The comparison again with another re-loan rate and/or the officer's typed offer (pure engine, ~1 ms).

    ``typed_offer=False`` keeps the current one; ``None`` removes it.
    """
    rate = base.reloan_rate_pct if reloan_rate_pct is None else reloan_rate_pct
    low, high = base.slider_range
    if not low <= rate <= max(high, base.request.current_loan.annual_rate_pct):
        raise ComparisonError(f"재대출 금리는 {low:.2f}%와 {high:.2f}% 사이여야 합니다.")
    typed = base.typed_offer if typed_offer is False else typed_offer
    reloan = replace(reloan_offer(base.request, base.personal), annual_rate_pct=rate)
    offers = [reloan, *base.request.switch_offers, *([typed] if typed else [])]
    comparison = compare(base.request.as_of, base.request.borrower, list(base.request.other_debts),
                         base.request.current_loan, offers, base.policy)
    return replace(base, comparison=comparison, reloan_rate_pct=rate, typed_offer=typed)


def typed_offer(lender: str, rate_text: str, base: OfferComparison, fees: int = 0) -> Offer:
    """An offer the customer was shown elsewhere, typed by the officer ("토스에서 4.1%")."""
    lender = lender.strip()
    if not lender:
        raise ComparisonError("금융기관 이름을 입력하세요.")
    try:
        rate = Decimal(rate_text.strip().rstrip("%"))
    except ArithmeticError:
        raise ComparisonError(f"금리를 숫자로 입력하세요: {rate_text!r}") from None
    top = base.policy.legal_max_rate_pct  # 법정 최고금리: no offer above it is compared
    if not Decimal("0.5") <= rate <= top or rate != rate.quantize(Decimal("0.01")):
        raise ComparisonError(f"금리는 0.50%–{top:.2f}%(법정 최고금리) 사이, 소수 둘째 자리까지 입력하세요.")
    if fees < 0:
        raise ComparisonError("수수료는 0원 이상이어야 합니다.")
    loan = base.request.current_loan
    return Offer(f"switch:{lender} (고객 제시)", f"{lender} (고객 제시)", rate, loan.remaining_months, loan.method, fees)
