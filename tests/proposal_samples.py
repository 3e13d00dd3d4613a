"""Fixed proposal contents for layout tests: every value written out (no database, no clock, no engine), so a
change in the rendering shows as a change in the pages and nothing else does."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from retention_desktop.domain.disclosures import DisclosureFacts, disclosures
from retention_desktop.domain.korean_time import KST
from retention_desktop.domain.money import format_rate_pct, format_won
from retention_desktop.domain.proposal_code import check_code
from retention_desktop.proposal.chart import ChartLine
from retention_desktop.proposal.document import ProposalContent, Summary

GOLDEN_NO = "P20261123-00C0DE"
GOLDEN_INPUT_SHA = "0" * 63 + "1"
GOLDEN_SIGNED_AT = dt.datetime(2026, 11, 23, 14, 5, 9, tzinfo=KST)


def _cumulative(balance: int, rate: Decimal, months: int, upfront: int = 0) -> list[int]:
    """Bullet-loan interest accumulated month by month (plain arithmetic, enough for a chart)."""
    monthly = int(balance * rate / 1200)
    return [upfront + monthly * m for m in range(1, months + 1)]


def _options(balance: int, months: int, switches: list[tuple[str, str]]):
    keep_rate, reloan_rate = Decimal("5.20"), Decimal("4.85")
    options = [("현재 유지", keep_rate, 0), ("재대출 (맞춤)", reloan_rate, 0)]
    options += [(f"대환: {name}", Decimal(rate), 14_031) for name, rate in switches]
    rows_for = []
    for title, rate, fee in options:
        monthly = int(balance * rate / 1200)
        total_interest = monthly * months
        keep_total = int(balance * keep_rate / 1200) * months
        rows_for.append({"title": title, "rate": rate, "monthly": monthly, "interest": total_interest, "fee": fee,
                         "total": total_interest + fee, "saving": keep_total - total_interest - fee})
    labels = [("상환 방식", lambda o: "만기일시"), ("상환 기간", lambda o: f"{months}개월"),
              ("금리", lambda o: format_rate_pct(o["rate"])), ("월 납입액", lambda o: format_won(o["monthly"])),
              ("총이자 (잔여기간)", lambda o: format_won(o["interest"])),
              ("중도상환수수료", lambda o: format_won(o["fee"])), ("인지세 (고객 부담)", lambda o: "0원"),
              ("부대비용", lambda o: "0원"), ("총비용", lambda o: format_won(o["total"])),
              ("유지 대비 절감", lambda o: "—" if o["title"] == "현재 유지" else format_won(o["saving"])),
              ("손익분기 (실질)", lambda o: "1개월" if o["saving"] > 0 and o["title"] != "현재 유지" else "—"),
              ("손익분기 (현금)", lambda o: "1개월" if o["saving"] > 0 and o["title"] != "현재 유지" else "—"),
              ("실효 연 비용률", lambda o: format_rate_pct(o["rate"] + Decimal("0.13"))),
              ("가능 여부", lambda o: "가능")]
    rows = [(label, [shown(o) for o in rows_for]) for label, shown in labels]
    lines = [ChartLine(f"{o['title']} {format_rate_pct(o['rate'])}",
                       _cumulative(balance, o["rate"], months, o["fee"])) for o in rows_for]
    return rows_for, rows, lines


def sample_content(**overrides) -> ProposalContent:
    """The golden case: the showcase customer's 3,000만 원 credit loan, 16 months left, three switch offers."""
    balance, months = 30_000_000, 16
    customer_name = overrides.pop("customer_name", "김하늘")
    switches = overrides.pop("switches", [("토스뱅크", "7.37"), ("카카오뱅크", "7.42"), ("케이뱅크", "7.52")])
    balance = overrides.pop("balance", balance)
    months = overrides.pop("months", months)
    options, rows, lines = _options(balance, months, switches)
    keep, reloan = options[0], options[1]
    valid_until = dt.date(2026, 12, 7)
    summary = Summary(action="reloan", headline=f"재대출 (맞춤 금리 연 {format_rate_pct(reloan['rate'])})",
                      option_title="재대출 (맞춤)", new_rate_pct=reloan["rate"], current_rate_pct=keep["rate"],
                      monthly_payment=reloan["monthly"], current_monthly_payment=keep["monthly"],
                      total_saving=reloan["saving"], months=months, break_even_month=1, valid_until=valid_until,
                      reasons=("금리가 지금보다 0.35%p 낮습니다", f"처음 드는 비용 없이 {format_won(reloan['saving'])} 절약",
                               "재대출 시 중도상환수수료 전액 면제"))
    facts = DisclosureFacts(
        action="reloan", rate_pct=reloan["rate"], rate_type="변동", method="만기일시", term_months=months,
        monthly_payment=reloan["monthly"], total_interest=reloan["interest"], prepayment_fee=0, stamp_duty=0, fees=0,
        current_prepayment_fee_pct=Decimal("0.11"), withdrawal_days=14, late_add_pct=Decimal(3),
        late_cap_pct=Decimal(15), prepayment_fee_years=3, bank_name="레텐션은행 (DEMO)", branch_name="강남역지점",
        branch_phone="02-0000-0101", consumer_protection_name="금융소비자보호부", consumer_protection_phone="1500-0000")
    content = ProposalContent(
        proposal_no=GOLDEN_NO, created_at=GOLDEN_SIGNED_AT, bank_name="레텐션은행 (DEMO)", branch_name="강남역지점",
        branch_phone="02-0000-0101", officer_name="권명숙", officer_title="행원", officer_employee_no="E1007",
        customer_name=customer_name, customer_no="C00000001", summary=summary,
        current_loan=[("대출", "신용대출 L0000000001"), ("잔액", format_won(balance)), ("금리", "5.20%"),
                      ("금리 유형", "변동"), ("상환 방식", "만기일시"), ("남은 기간", f"{months}개월"),
                      ("실행일", "2025년 3월 10일")],
        option_titles=[o["title"] for o in options], option_rows=rows, proposed_column=1, chart_lines=lines,
        break_even_month=1,
        reason_codes=[("기준금리(금융채 12개월) 2.70%", "+2.70"), ("유동성 프리미엄 +0.25%p", "+0.25"),
                      ("신용점수 780 → 가산금리 1.10%p", "+1.10"), ("DSR 27% → 가산 +0.15%p", "+0.15"),
                      ("업무원가 +0.35%p", "+0.35"), ("목표이익 +0.60%p", "+0.60"), ("급여이체 우대 -0.20%p", "-0.20"),
                      ("거래 5년 이상 우대 -0.10%p", "-0.10"), ("= 제안 금리", "4.85%")],
        scenarios=[("현재 상태", "6,807만 원", "DSR 한도"), ("소득 +10%", "7,998만 원", "DSR 한도"),
                   ("카드론 상환", "7,500만 원", "신용대출 연소득 한도"), ("금리 -1%p", "7,089만 원", "DSR 한도"),
                   ("모두 적용", "8,250만 원", "신용대출 연소득 한도")],
        suggestion="다음 6개월 안에 금리가 높은 부채부터 800만 원을 상환하면 금리가 0.15%p 낮아지고, 한도가 693만 원 "
                   "늘어날 것으로 예상됩니다.",
        disclosures=disclosures(facts), ad_review_no="준법감시인 심의필 제2026-0001호 (DEMO)",
        check_code=check_code(GOLDEN_NO, GOLDEN_INPUT_SHA), engine_version="1.0.0", policy_version="2025.10-1015",
        input_sha256=GOLDEN_INPUT_SHA, quote_input={"golden": True}, demo=True)
    return dataclasses.replace(content, **overrides) if overrides else content


def stamp_lines() -> list[str]:
    return ["레텐션은행 (DEMO) 전자서명", "서명 권명숙 행원 (E1007)", "강남역지점 · 전화 02-0000-0101",
            "2026년 11월 23일 오후 2시 5분 9초 (한국 시간)", "DEMO 인증서 · 효력 없음"]
