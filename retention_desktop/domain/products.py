"""재대출 상품: the product a re-loan is booked on, and what it allows.

A re-loan is priced against the one product it will be booked on (its rate bounds, its prepayment-fee
waiver and its fees), never against bounds pooled over every product of a kind. The product is the
first on sale of the loan's kind whose amount, term and credit-score bounds hold the re-loan, preferring
the current loan's rate type; the application later books exactly that product.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from retention_desktop.domain.labels import LOAN_KIND
from retention_desktop.domain.money import format_rate_pct, format_won

FIXED_PERIOD_MONTHS = 60  # a mixed or periodic re-loan product fixes its rate for five years


@dataclass(frozen=True)
class ReloanProduct:
    code: str
    name: str
    loan_kind: str
    rate_type: str
    index_name: str | None
    min_amount: int
    max_amount: int
    min_term_months: int
    max_term_months: int
    min_credit_score: int
    min_rate_pct: Decimal
    max_rate_pct: Decimal
    prepayment_fee_pct: Decimal
    reloan_fee_waiver_pct: Decimal  # share of the old loan's prepayment fee this product forgives (%)
    fees: int  # the product's own fees, won

    @property
    def fixed_period_months(self) -> int | None:
        return FIXED_PERIOD_MONTHS if self.rate_type in ("mixed", "periodic") else None

    def failures(self, amount: int, term_months: int, credit_score: int,
                 rate_pct: Decimal | None = None) -> list[str]:
        """Why this product cannot hold the re-loan, in words with the figures (empty: it can)."""
        out = []
        if not self.min_amount <= amount <= self.max_amount:
            out.append(f"상품 {self.code} 금액 범위 {format_won(self.min_amount)}~{format_won(self.max_amount)} 밖 "
                       f"({format_won(amount)})")
        if not self.min_term_months <= term_months <= self.max_term_months:
            out.append(f"상품 {self.code} 기간 범위 {self.min_term_months}~{self.max_term_months}개월 밖 "
                       f"({term_months}개월)")
        if credit_score < self.min_credit_score:
            out.append(f"상품 {self.code} 최저 신용점수 {self.min_credit_score}점 미달 ({credit_score}점)")
        if rate_pct is not None and not self.min_rate_pct <= rate_pct <= self.max_rate_pct:
            out.append(f"상품 {self.code} 금리 범위 {format_rate_pct(self.min_rate_pct)}~"
                       f"{format_rate_pct(self.max_rate_pct)} 밖 ({format_rate_pct(rate_pct)})")
        return out


def booking_product(products: Iterable[ReloanProduct], kind: str, amount: int, term_months: int, credit_score: int,
                    rate_type: str, rate_pct: Decimal | None = None) -> ReloanProduct | None:
    """The product a re-loan of ``kind`` would be booked on (``products`` are those on sale, in code order), or
    ``None`` when none holds it. With ``rate_pct`` the rate must lie within the product's bounds too."""
    fitting = [p for p in products
               if p.loan_kind == kind and not p.failures(amount, term_months, credit_score, rate_pct)]
    same_type = [p for p in fitting if p.rate_type == rate_type]
    return (same_type or fitting or [None])[0]


def no_product_reason(products: Iterable[ReloanProduct], kind: str, amount: int, term_months: int,
                      credit_score: int) -> str:
    """Why no product holds the re-loan: none on sale for the kind, or the first product's failures."""
    of_kind = [p for p in products if p.loan_kind == kind]
    if not of_kind:
        return f"판매 중인 {LOAN_KIND.get(kind, kind)} 재대출 상품 없음"
    return "; ".join(of_kind[0].failures(amount, term_months, credit_score))
