"""The comparison as a table, the same on the screen and on the printed proposal: a title per option and the
rows of figures, each with how it reads."""

from __future__ import annotations

from collections.abc import Callable

from retention_desktop.domain.comparison import OptionResult
from retention_desktop.domain.eligibility import RULE_LABELS
from retention_desktop.domain.labels import REPAYMENT_METHOD
from retention_desktop.domain.money import format_rate_pct, format_won

ELIGIBLE_ROW = "가능 여부"
# The terms each option runs on: the printed proposal's disclosure points to them (상환 방법과 기간).
TERMS_ROWS: list[tuple[str, Callable[[OptionResult], str]]] = [
    ("상환 방식", lambda o: REPAYMENT_METHOD.get(o.method.value, o.method.value)),
    ("상환 기간", lambda o: f"{o.term_months}개월"),
]
OPTION_ROWS: list[tuple[str, Callable[[OptionResult], str]]] = [
    ("금리", lambda o: format_rate_pct(o.annual_rate_pct)),
    ("월 납입액", lambda o: format_won(o.monthly_payment)),
    ("총이자 (잔여기간)", lambda o: format_won(o.total_interest)),
    ("중도상환수수료", lambda o: format_won(o.prepayment_fee)),
    ("인지세 (고객 부담)", lambda o: format_won(o.stamp_duty_borrower)),
    ("부대비용", lambda o: format_won(o.fees)),
    ("총비용", lambda o: format_won(o.total_cost)),
    ("유지 대비 절감", lambda o: saving_text(o) if o.label != "keep" else "—"),
    ("손익분기 (실질)", lambda o: f"{o.break_even_month}개월" if o.break_even_month else "—"),
    ("손익분기 (현금)", lambda o: f"{o.cash_break_even_month}개월" if o.cash_break_even_month else "—"),
    ("실효 연 비용률", lambda o: format_rate_pct(o.effective_annual_cost_pct)),
    (ELIGIBLE_ROW, lambda o: eligibility_text(o)),
]


def saving_text(o: OptionResult) -> str:
    """The saving against keeping; a loss reads as what it costs more (``Z원 더 듦``), never as a negative saving."""
    if o.net_saving_vs_keep < 0:
        return f"{format_won(-o.net_saving_vs_keep)} 더 듦"
    return format_won(o.net_saving_vs_keep)


def eligibility_text(o: OptionResult) -> str:
    """가능, or 불가 with the first rule it fails (the figures are in the option's reasons)."""
    if o.eligible:
        return "가능"
    return f"불가 ({RULE_LABELS.get(o.blocked_by[0].rule, o.blocked_by[0].rule)})" if o.blocked_by else "불가"


def option_title(o: OptionResult, translate: Callable[[str], str] = str) -> str:
    """현재 유지, 재대출 (맞춤), or 대환: <lender>; ``translate`` gives the screen's language."""
    if o.label == "keep":
        return translate("현재 유지")
    if o.label == "reloan":
        return translate("재대출 (맞춤)")
    if o.label == "renegotiation":
        return translate("금리 조건변경")
    return f"{translate('대환')}: {o.lender}"


def display_order(options, recommended_label: str | None) -> list[OptionResult]:
    """The options as screen and proposal show them: the recommended one first, then what may be chosen by what it
    saves the customer (keeping the loan among them), then what is not available."""
    def key(o: OptionResult):
        return (o.label != recommended_label, not o.eligible, -o.net_saving_vs_keep, o.label)

    return sorted(options, key=key)
