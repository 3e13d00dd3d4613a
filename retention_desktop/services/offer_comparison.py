"""재대출 vs 대환 비교 for one of our loans: the quote document built from the database (with the customer's
real facts), the engine's advice on it, then recomputed live as the officer moves the offered rate or types in
an offer the customer was shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select

from retention_desktop.data.models import Branch, CreditScore, Customer, ExternalDebt, Loan, MarketOffer, Repayment
from retention_desktop.domain.advice import BANK_ACTIONS, Advice, Candidate, Recommendation, advise
from retention_desktop.domain.comparison import Comparison, CurrentLoan, Offer
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.features import MARKET_KIND, CustomerFacts
from retention_desktop.domain.fees import months_between
from retention_desktop.domain.labels import RETENTION_ACTION
from retention_desktop.domain.limits import Borrower, Debt
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.domain.personal_quote import PricingContext
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.pricing import PersonalPrice
from retention_desktop.domain.quote import QuoteRequest
from retention_desktop.domain.schedule import RepaymentMethod
from retention_desktop.services.officer_session import OfficerSession
from retention_desktop.services.quoting import QuoteBasis, load_basis

MARKET_OFFERS_SHOWN = 3
TYPED = " (고객 제시)"  # marks the offer the customer was shown (typed by the officer) beside the lender's name


class ComparisonError(UserError):
    pass


@dataclass(frozen=True)
class OfferComparison:
    customer_no: str
    customer_name: str
    loan_no: str
    request: QuoteRequest  # as built from the database (without the officer's typed offer)
    context: PricingContext
    policy: Policy
    advice: Advice
    typed_offer: Offer | None = None
    pinned: Mapping[str, Decimal] = field(default_factory=dict)  # rates the officer set, by action

    @property
    def comparison(self) -> Comparison:
        return self.advice.comparison

    @property
    def recommendation(self) -> Recommendation:
        return self.advice.recommendation

    @property
    def offered_action(self) -> str | None:
        """The bank action the slider and the proposal work on: the one the officer set a rate for, else the
        engine's offer (``Advice.offered_action``)."""
        return next(iter(self.pinned), None) or self.advice.offered_action

    @property
    def offer(self) -> Candidate | None:
        action = self.offered_action
        return self.advice.candidates[action] if action else None

    @property
    def personal(self) -> PersonalPrice | None:
        """The offered action's price: floor, authority, list rate, retention probability, reason codes."""
        offer = self.offer
        return offer.price if offer else None

    @property
    def slider_range(self) -> tuple[Decimal, Decimal] | None:
        """The offered rate may move from the lowest allowed rate up to just below the current one (``None``: no
        bank action can be offered at any rate)."""
        p = self.personal
        if p is None or p.lowest_rate_pct >= self.request.current_loan.annual_rate_pct:
            return None
        return p.lowest_rate_pct, max(p.highest_rate_pct, p.lowest_rate_pct)

    def proposal_refusal(self) -> str | None:
        """Why the offered action may not go into a proposal (``None``: it may)."""
        offer = self.offer
        if offer is None:
            reasons = [f"{RETENTION_ACTION[a]}: {self.advice.candidates[a].why_not[0]}"
                       for a in ("renegotiation", "reloan") if self.advice.candidates[a].why_not]
            return "제안할 수 있는 금리 조건변경·재대출이 없습니다" + (f" ({'; '.join(reasons)})" if reasons else "")
        if not offer.available:
            return f"{RETENTION_ACTION[offer.action]}은(는) 제안할 수 없습니다: {'; '.join(offer.why_not)}"
        return None


def in_arrears(loan: Loan, today: dt.date, unpaid_past_due: int = 0) -> bool:
    """연체: the loan's status says so, its maturity has passed with a balance left (principal unpaid at maturity), or
    ``unpaid_past_due`` instalments (due before ``today``, not paid) are outstanding — the status may lag the
    ledger. The database reads the same (``data.loan_refusal``, db/sql/50_applications.sql) and refuses such a
    loan's proposal, application and execution."""
    return (loan.status == "delinquent" or (loan.maturity_date < today and loan.balance > 0)
            or unpaid_past_due > 0)


def build_request(officer: OfficerSession, loan_no: str, today: dt.date) -> tuple[QuoteRequest, dict]:
    """The quote document of one of our loans, with the customer's own facts (score at drawdown, late payments,
    employment, salary transfer, relationship years) so the screen prices the person the call list scored."""
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
        if score is None:
            # the price, the market's offers and the regulatory checks all read the score: none is guessed
            raise ComparisonError(f"고객 {customer.customer_no}의 {today:%Y.%m.%d} 기준 신용점수가 없습니다. "
                                  "신용평가(CB) 조회 결과가 등록된 뒤에 비교할 수 있습니다.")
        others = s.scalars(select(Loan).where(Loan.customer_id == customer.id, Loan.id != loan.id,
                                              Loan.status.in_(("active", "delinquent")))).all()
        external = s.scalars(select(ExternalDebt).where(ExternalDebt.customer_id == customer.id)).all()
        late = s.scalar(select(func.count()).select_from(Repayment).where(
            Repayment.loan_id == loan.id, Repayment.days_late > 0, Repayment.due_date > today - dt.timedelta(days=365),
            Repayment.due_date <= today))
        unpaid_past_due = s.scalar(select(func.count()).select_from(Repayment).where(
            Repayment.loan_id == loan.id, Repayment.paid_on.is_(None), Repayment.due_date < today))
        kind = MARKET_KIND[loan.kind]
        sheet = s.scalar(select(MarketOffer.as_of).where(MarketOffer.loan_kind == kind, MarketOffer.as_of <= today)
                         .order_by(MarketOffer.as_of.desc()).limit(1))
        market = s.execute(select(MarketOffer.lender, MarketOffer.annual_rate_pct, MarketOffer.fees)
                           .where(MarketOffer.loan_kind == kind, MarketOffer.as_of == sheet,
                                  MarketOffer.credit_score_min <= score, MarketOffer.credit_score_max >= score)
                           .order_by(MarketOffer.annual_rate_pct, MarketOffer.lender)
                           .limit(MARKET_OFFERS_SHOWN)).all() if sheet else []
        facts = CustomerFacts(
            credit_score_at_drawdown=loan.credit_score_at_drawdown, late_payments_12m=int(late or 0),
            employment_type=customer.employment_type, salary_transfer=customer.salary_transfer,
            relationship_years=months_between(customer.created_on, today) // 12, principal=loan.principal)
        names = {"customer_no": customer.customer_no, "name": customer.name}
    remaining = max(loan.term_months - months_between(loan.drawdown_date, today), 1)
    method = RepaymentMethod(loan.repayment_method)
    current = CurrentLoan(loan.kind, max(loan.balance, 1), loan.annual_rate_pct, loan.rate_type, method,
                          loan.term_months, remaining, loan.drawdown_date, loan.prepayment_fee_pct,
                          loan.fixed_period_months, loan.collateral_value, loan.collateral_region,
                          loan.principal if loan.kind == "overdraft" else None, in_arrears(loan, today, unpaid_past_due or 0),
                          loan.index_name)
    debts = [Debt(d.kind, d.balance, d.annual_rate_pct, max(d.remaining_months, 1),
                  RepaymentMethod(d.repayment_method), d.credit_limit) for d in external]
    ours = [Debt(o.kind, o.balance, o.annual_rate_pct,
                 max(o.term_months - months_between(o.drawdown_date, today), 1), RepaymentMethod(o.repayment_method),
                 o.principal if o.kind == "overdraft" else None) for o in others]
    switches = tuple(Offer(f"switch:{lender}", lender, rate, remaining, method, fees)
                     for lender, rate, fees in market)
    request = QuoteRequest(today, Borrower(customer.annual_income, score, region), tuple(debts + ours), current,
                           None, switches, facts, tuple(ours))
    return request, names


def open_comparison(officer: OfficerSession, loan_no: str, today: dt.date,
                    basis: QuoteBasis | None = None) -> OfferComparison:
    """Everything the comparison screen shows first: the engine's advice on keep, renegotiation, re-loan and the
    market's offers."""
    request, names = build_request(officer, loan_no, today)
    basis = basis or load_basis(officer.database)
    context = basis.context(request, officer.role)
    policy = basis.policy(today)
    return OfferComparison(names["customer_no"], names["name"], loan_no, request, context, policy,
                           _advise(request, context, policy, {}))


def _advise(request: QuoteRequest, context: PricingContext, policy: Policy,
            pinned: Mapping[str, Decimal]) -> Advice:
    """The engine's advice; when the officer has set no rate, the engine keeps the loan as it is (or lets it go)
    and a competitor beats it, the bank action is priced at the counter-offer the officer may give within their
    authority: the rate that matches the competitor (``Recommendation.counter_offer``). The screen, the slider
    and the proposal then start from the offer that keeps the customer."""
    advice = advise(request, context, policy, pinned)
    counter = advice.recommendation.counter_offer
    if (pinned or advice.recommendation.action in BANK_ACTIONS or counter is None or counter.counter_rate_pct is None
            or not counter.within_authority or not advice.candidates[counter.action].available):
        return advice
    return advise(request, context, policy, {counter.action: counter.counter_rate_pct})


def recompute(base: OfferComparison, rate_pct: Decimal | None = None,
              typed_offer: Offer | None | bool = False) -> OfferComparison:
    """The advice again with the officer's rate for the offered action and/or the offer the customer was shown
    (pure engine, a few ms): prices, retention probability and reason codes follow the rate set.

    ``typed_offer=False`` keeps the current one; ``None`` removes it.
    """
    typed = base.typed_offer if typed_offer is False else typed_offer
    pinned = dict(base.pinned)
    if rate_pct is not None:
        action = base.offered_action
        bounds = base.slider_range
        if action is None or bounds is None:
            raise ComparisonError("제시할 수 있는 금리 조건변경·재대출이 없어 금리를 정할 수 없습니다.")
        low, high = bounds
        if not low <= rate_pct <= high:
            raise ComparisonError(f"{RETENTION_ACTION[action]} 금리는 {format_rate_pct(low)}와 "
                                  f"{format_rate_pct(high)} 사이여야 합니다.")
        pinned = {action: rate_pct}
    request = base.request
    if typed is not None:  # the customer's own offer from a lender supersedes that lender's disclosed sheet rate
        market = tuple(o for o in request.switch_offers if f"{o.lender}{TYPED}" != typed.lender)
        request = QuoteRequest(request.as_of, request.borrower, request.other_debts, request.current_loan,
                               request.reloan_offer, (*market, typed), request.facts,
                               request.our_debts, request.renegotiation_offer)
    advice = _advise(request, base.context, base.policy, pinned)
    return OfferComparison(base.customer_no, base.customer_name, base.loan_no, base.request, base.context,
                           base.policy, advice, typed, pinned)


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
    if not rate.is_finite() or not Decimal("0.5") <= rate <= top or rate != rate.quantize(Decimal("0.01")):
        raise ComparisonError(f"금리는 0.50%–{top:.2f}%(법정 최고금리) 사이, 소수 둘째 자리까지 입력하세요.")
    if fees < 0:
        raise ComparisonError("수수료는 0원 이상이어야 합니다.")
    loan = base.request.current_loan
    return Offer(f"switch:{lender}{TYPED}", f"{lender}{TYPED}", rate, loan.remaining_months, loan.method, fees,
                 shown_to_customer=True)
