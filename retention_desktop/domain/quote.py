"""The quote contract: read a checked input document, run the comparison, shape the output document.

The field names are a contract (docs/quote.md, docs/quote.schema.json). The document's shape, types
and ranges are checked against the schema itself (``services.quoting.read_request``, with
``domain.schema_check``) before it reaches ``parse_request``; what a schema cannot say (a remaining term
within the term, a drawdown not after the quote date) is checked here, each failure naming its JSON
path (``current_loan.remaining_months: …``). Money is whole won as JSON integers, rates are percent,
read exactly (``bounded_json.loads``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from retention_desktop.domain.comparison import Comparison, CurrentLoan, Offer, OptionResult, compare
from retention_desktop.domain.errors import InputError
from retention_desktop.domain.features import EMPLOYMENT_TYPES, CustomerFacts
from retention_desktop.domain.kinds import DEBT_KINDS, LOAN_KINDS, METHODS, RATE_TYPES, REGIONS  # noqa: F401
from retention_desktop.domain.labels import INDEX_NAME
from retention_desktop.domain.limits import Borrower, Debt
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.schedule import RepaymentMethod

INDEX_NAMES = tuple(INDEX_NAME)


class QuoteInputError(InputError):
    """A quote or simulate document that cannot be used; ``field`` is the JSON path at fault."""

    def __init__(self, field: str, text: str, **params: object):
        self.field = field
        super().__init__(text, where=field, **params)


@dataclass(frozen=True)
class QuoteRequest:
    as_of: dt.date
    borrower: Borrower
    other_debts: tuple[Debt, ...]
    current_loan: CurrentLoan
    reloan_offer: Offer | None
    switch_offers: tuple[Offer, ...]
    facts: CustomerFacts = CustomerFacts()  # the model's inputs the document gives (None: assumed)
    our_debts: tuple[Debt, ...] = ()  # other loans of ours among ``other_debts`` (not another lender's)
    renegotiation_offer: Offer | None = None  # a given renegotiated rate (else the engine prices one)

    @property
    def external_debts(self) -> tuple[Debt, ...]:
        """Other lenders' loans (what the credit bureau reports besides ours)."""
        ours = list(self.our_debts)
        out = []
        for debt in self.other_debts:
            if debt in ours:
                ours.remove(debt)
            else:
                out.append(debt)
        return tuple(out)


class _Fields:
    """Reads from a JSON object the schema has already checked; each value converted to its Python type."""

    def __init__(self, node: Any, path: str):
        if not isinstance(node, dict):  # only when a caller skipped the schema
            raise QuoteInputError(path or "(document)", "객체({…}) 값이어야 합니다.")
        self.node, self.path = node, path

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return self.node.get(key) is not None

    def raw(self, key: str) -> Any:
        if key not in self.node or self.node[key] is None:
            raise QuoteInputError(self._name(key), "값이 없습니다.")
        return self.node[key]

    def won(self, key: str, default: int | None = None, positive: bool = False) -> int:
        if default is not None and not self.has(key):
            return default
        return int(self.raw(key))  # the schema admits integers only (a Decimal without a fraction is one)

    def count(self, key: str, low: int, high: int, default: int | None = None) -> int:
        """A whole number; ``high`` may come from another field (a cross-field rule the schema cannot state)."""
        if default is not None and not self.has(key):
            return default
        value = int(self.raw(key))
        if not low <= value <= high:
            raise QuoteInputError(self._name(key), "{low}에서 {high} 사이여야 합니다.", low=low, high=high)
        return value

    def rate(self, key: str, high: Decimal = Decimal(100), default: Decimal | None = None) -> Decimal:
        if default is not None and not self.has(key):
            return default
        return Decimal(self.raw(key))

    def flag(self, key: str) -> bool:
        value = self.raw(key)
        if not isinstance(value, bool):
            raise QuoteInputError(self._name(key), "true 또는 false여야 합니다.")
        return value

    def choice(self, key: str, options: tuple[str, ...], default: str | None = None) -> str:
        if default is not None and not self.has(key):
            return default
        return self.raw(key)

    def date(self, key: str) -> dt.date:
        return dt.date.fromisoformat(self.raw(key))

    def text(self, key: str) -> str:
        return self.raw(key).strip()

    def items(self, key: str) -> list[_Fields]:
        if not self.has(key):
            return []
        return [_Fields(item, f"{self._name(key)}[{i}]") for i, item in enumerate(self.raw(key))]

    def sub(self, key: str) -> _Fields:
        return _Fields(self.raw(key), self._name(key))


def parse_request(document: Any) -> QuoteRequest:
    root = _Fields(document, "")
    as_of = root.date("as_of")
    b = root.sub("borrower")
    borrower = Borrower(b.won("annual_income"), b.count("credit_score", 1, 1000), b.choice("region", REGIONS))
    debts, ours = [], []
    for d in root.items("other_debts"):
        debt = Debt(d.choice("kind", DEBT_KINDS), d.won("balance"), d.rate("annual_rate_pct"),
                    d.count("remaining_months", 1, 600), RepaymentMethod(d.choice("method", METHODS)),
                    d.won("credit_limit") if d.has("credit_limit") else None)
        debts.append(debt)
        if d.has("ours") and d.flag("ours"):
            ours.append(debt)
    c = root.sub("current_loan")
    term = c.count("term_months", 1, 600)
    rate_type = c.choice("rate_type", RATE_TYPES)
    current = CurrentLoan(
        kind=c.choice("kind", LOAN_KINDS), balance=c.won("balance", positive=True),
        annual_rate_pct=c.rate("annual_rate_pct"), rate_type=rate_type,
        method=RepaymentMethod(c.choice("method", METHODS)), term_months=term,
        remaining_months=c.count("remaining_months", 1, term), drawdown_date=c.date("drawdown_date"),
        prepayment_fee_pct=c.rate("prepayment_fee_pct", high=Decimal(5)),
        fixed_period_months=c.count("fixed_period_months", 1, term) if rate_type in ("mixed", "periodic") else None,
        collateral_value=c.won("collateral_value") if c.has("collateral_value") else None,
        collateral_region=c.choice("collateral_region", REGIONS) if c.has("collateral_region") else None,
        credit_limit=c.won("credit_limit") if c.has("credit_limit") else None,
        delinquent=c.flag("delinquent") if c.has("delinquent") else False,
        index_name=c.choice("index_name", INDEX_NAMES) if c.has("index_name") else None)
    facts = CustomerFacts(
        credit_score_at_drawdown=c.count("credit_score_at_drawdown", 1, 1000) if c.has("credit_score_at_drawdown")
        else None,
        late_payments_12m=c.count("late_payments_12m", 0, 12) if c.has("late_payments_12m") else None,
        employment_type=b.choice("employment_type", EMPLOYMENT_TYPES) if b.has("employment_type") else None,
        salary_transfer=b.flag("salary_transfer") if b.has("salary_transfer") else None,
        relationship_years=b.count("relationship_years", 0, 100) if b.has("relationship_years") else None,
        principal=c.won("principal", positive=True) if c.has("principal") else None)
    if facts.principal is not None and facts.principal < current.balance and current.kind != "overdraft":
        raise QuoteInputError("current_loan.principal", "잔액({balance}원)보다 작을 수 없습니다.", balance=current.balance)
    if current.drawdown_date > as_of:
        raise QuoteInputError("current_loan.drawdown_date", "as_of({as_of})보다 늦을 수 없습니다.",
                              as_of=as_of.isoformat())
    reloan = None
    if root.has("reloan_offer"):
        r = root.sub("reloan_offer")
        reloan = Offer("reloan", "", r.rate("annual_rate_pct"), r.count("term_months", 1, 600),
                       RepaymentMethod(r.choice("method", METHODS)), r.won("fees", default=0),
                       prepayment_fee_waiver_pct=r.rate("prepayment_fee_waiver_pct")
                       if r.has("prepayment_fee_waiver_pct") else None,
                       product_code=r.text("product_code") if r.has("product_code") else None)
    renegotiation = None
    if root.has("renegotiation_offer"):
        n = root.sub("renegotiation_offer")
        rate = n.rate("annual_rate_pct")
        if rate > current.annual_rate_pct:  # the same contract at another rate: never a dearer one
            raise QuoteInputError("renegotiation_offer.annual_rate_pct", "현재 금리({rate}%)보다 높을 수 없습니다.",
                                  rate=current.annual_rate_pct)
        renegotiation = Offer("renegotiation", "", rate, current.remaining_months, current.method)
    switches = []
    for s in root.items("switch_offers"):
        lender = s.text("lender")
        switches.append(Offer(f"switch:{lender}", lender, s.rate("annual_rate_pct"), s.count("term_months", 1, 600),
                              RepaymentMethod(s.choice("method", METHODS)), s.won("fees", default=0),
                              lender_sector=s.choice("lender_sector", ("bank", "non_bank"), default="bank"),
                              shown_to_customer=s.flag("shown_to_customer") if s.has("shown_to_customer") else False))
    return QuoteRequest(as_of, borrower, tuple(debts), current, reloan, tuple(switches), facts, tuple(ours),
                        renegotiation)


def check_legal_maximum_rate(request: QuoteRequest, policy: Policy) -> None:
    """Refuse any rate above the legal maximum interest rate in force on ``as_of`` (법정 최고금리, 연 20 % since
    2021-07-07: 이자제한법 and 대부업법 enforcement decrees): no such loan may be held, offered or compared.
    ``QuoteInputError`` names the first field at fault."""
    top = policy.legal_max_rate_pct
    rates = [("current_loan.annual_rate_pct", request.current_loan.annual_rate_pct)]
    rates += [(f"other_debts[{i}].annual_rate_pct", d.annual_rate_pct) for i, d in enumerate(request.other_debts)]
    if request.reloan_offer is not None:
        rates.append(("reloan_offer.annual_rate_pct", request.reloan_offer.annual_rate_pct))
    if request.renegotiation_offer is not None:
        rates.append(("renegotiation_offer.annual_rate_pct", request.renegotiation_offer.annual_rate_pct))
    rates += [(f"switch_offers[{i}].annual_rate_pct", o.annual_rate_pct) for i, o in enumerate(request.switch_offers)]
    for field, rate in rates:
        if rate > top:
            raise QuoteInputError(field, f"{rate}% is above the legal maximum interest rate of {top}% "
                                         f"(법정 최고금리, policy {policy.version})")


def run_quote(request: QuoteRequest, policy: Policy, reloan: Offer | None = None) -> Comparison:
    """Compare keep, the given renegotiation, the re-loan (given, or ``reloan`` priced elsewhere) and every switch
    offer, without pricing or advice (``advice.advise`` adds both)."""
    offers = [o for o in (request.renegotiation_offer, request.reloan_offer or reloan) if o is not None]
    offers += list(request.switch_offers)
    return compare(request.as_of, request.borrower, list(request.other_debts), request.current_loan, offers, policy)


def option_document(option: OptionResult) -> dict[str, Any]:
    return {
        "label": option.label,
        "annual_rate_pct": option.annual_rate_pct,
        "term_months": option.term_months,
        "method": option.method.value,
        "monthly_payment": option.monthly_payment,
        "total_interest": option.total_interest,
        "prepayment_fee": option.prepayment_fee,
        "stamp_duty_borrower": option.stamp_duty_borrower,
        "fees": option.fees,
        "total_cost": option.total_cost,
        "net_saving_vs_keep": option.net_saving_vs_keep,
        "break_even_month": option.break_even_month,
        "cash_break_even_month": option.cash_break_even_month,
        "effective_annual_cost_pct": option.effective_annual_cost_pct,
        "eligible": option.eligible,
        "reasons": list(option.reasons),
        "blocked_by": [{"rule": c.rule, "text": c.text} for c in option.blocked_by],
    }


def quote_document(comparison: Comparison) -> dict[str, Any]:
    limits = comparison.limits
    return {
        "as_of": comparison.as_of.isoformat(),
        "policy_version": comparison.policy_version,
        "engine_version": comparison.engine_version,
        "options": [option_document(o) for o in comparison.options],
        "limits": {
            "dsr_pct": limits.dsr_pct,
            "stress_dsr_pct": limits.stress_dsr_pct,
            "max_new_loan": limits.max_new_loan,
            "binding_constraint": limits.binding_constraint,
        },
    }


def request_document(request: QuoteRequest) -> dict[str, Any]:
    """The quote input document of ``request``: ``parse_request`` reads it back to an equal request (the proposal
    archive stores it so a proposal can be reproduced)."""
    loan = request.current_loan
    facts = request.facts
    ours = list(request.our_debts)

    def debt(d: Debt) -> dict[str, Any]:
        mine = d in ours
        if mine:
            ours.remove(d)
        return {"kind": d.kind, "balance": d.balance, "annual_rate_pct": d.annual_rate_pct,
                "remaining_months": d.remaining_months, "method": d.method.value,
                **({"credit_limit": d.credit_limit} if d.credit_limit else {}), **({"ours": True} if mine else {})}

    def optional(**values: Any) -> dict[str, Any]:
        return {k: v for k, v in values.items() if v is not None}

    doc: dict[str, Any] = {
        "as_of": request.as_of.isoformat(),
        "borrower": {"annual_income": request.borrower.annual_income, "credit_score": request.borrower.credit_score,
                     "region": request.borrower.region,
                     **optional(employment_type=facts.employment_type, salary_transfer=facts.salary_transfer,
                                relationship_years=facts.relationship_years)},
        "other_debts": [debt(d) for d in request.other_debts],
        "current_loan": {"kind": loan.kind, "balance": loan.balance, "annual_rate_pct": loan.annual_rate_pct,
                         "rate_type": loan.rate_type, "method": loan.method.value, "term_months": loan.term_months,
                         "remaining_months": loan.remaining_months, "drawdown_date": loan.drawdown_date.isoformat(),
                         "prepayment_fee_pct": loan.prepayment_fee_pct,
                         **optional(fixed_period_months=loan.fixed_period_months,
                                    collateral_value=loan.collateral_value, collateral_region=loan.collateral_region,
                                    credit_limit=loan.credit_limit, index_name=loan.index_name,
                                    principal=facts.principal, credit_score_at_drawdown=facts.credit_score_at_drawdown,
                                    late_payments_12m=facts.late_payments_12m),
                         **({"delinquent": True} if loan.delinquent else {})},
        "switch_offers": [{"lender": o.lender, "annual_rate_pct": o.annual_rate_pct, "term_months": o.term_months,
                           "method": o.method.value, "fees": o.fees, "lender_sector": o.lender_sector,
                           **({"shown_to_customer": True} if o.shown_to_customer else {})}
                          for o in request.switch_offers],
    }
    if request.renegotiation_offer is not None:
        doc["renegotiation_offer"] = {"annual_rate_pct": request.renegotiation_offer.annual_rate_pct}
    if request.reloan_offer is not None:
        r = request.reloan_offer
        doc["reloan_offer"] = {"annual_rate_pct": r.annual_rate_pct, "term_months": r.term_months,
                               "method": r.method.value, "fees": r.fees,
                               **optional(prepayment_fee_waiver_pct=r.prepayment_fee_waiver_pct,
                                          product_code=r.product_code)}
    return doc
