"""꼭 알아두실 사항: what the printed proposal must explain under the 금융소비자보호법 (in force since
2021-03-25) for a loan (대출성 상품), each item with its source. docs/disclosures.md lists the sources.

The texts follow the recommended action: a new re-loan is a new contract (withdrawal right, stamp
duty, new prepayment-fee period); a rate renegotiation changes the rate of the existing contract only;
keeping changes nothing; a switch is a contract with another lender. Figures come from the comparison
and the policy version in force (withdrawal days, late-payment add-on and cap, fee period); the periods
fixed by the Act and its enforcement decree (위법계약해지: 5 years / 1 year / 10 days; 금리인하요구:
10 business days) are quoted here with their article, as dated text of this version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from retention_desktop.domain.money import format_rate_pct, format_won

VERSION = "2021.03.25"  # 금융소비자보호법 시행일; the texts below are those of this version
EFFECTIVE_FROM = dt.date(2021, 3, 25)
ACTIONS = ("keep", "renegotiate", "reloan", "switch")
NEW_CONTRACT = ("reloan", "switch")
FSS_PHONE = "1332"  # 금융감독원 금융민원·상담 (국번 없이)


@dataclass(frozen=True)
class Disclosure:
    title: str
    text: str
    source: str


@dataclass(frozen=True)
class DisclosureFacts:
    """What the texts state, for the recommended action. Money in won, rates in percent a year."""

    action: str
    rate_pct: Decimal
    rate_type: str  # in words: 변동, 고정, 혼합, 주기형
    method: str  # in words: 원리금균등, …
    term_months: int
    monthly_payment: int
    total_interest: int
    prepayment_fee: int  # due on the current loan under this action
    stamp_duty: int  # the customer's share
    fees: int
    current_prepayment_fee_pct: Decimal
    withdrawal_days: int
    late_add_pct: Decimal
    late_cap_pct: Decimal
    prepayment_fee_years: int
    bank_name: str
    branch_name: str
    branch_phone: str | None
    consumer_protection_name: str
    consumer_protection_phone: str
    lender: str = ""  # the other lender, for a switch


def disclosures(f: DisclosureFacts) -> list[Disclosure]:
    """The items, in reading order. Raises ValueError for an unknown action."""
    if f.action not in ACTIONS:
        raise ValueError(f"unknown action {f.action!r}; expected one of {ACTIONS}")
    late = min(f.rate_pct + f.late_add_pct, f.late_cap_pct)
    upfront = f.prepayment_fee + f.stamp_duty + f.fees
    items = [
        Disclosure("금리와 금리 변동", _rate_text(f), "금융소비자보호법 제19조제1항제1호다목"),
        Disclosure("상환 방법과 기간", f"상환 방식은 {f.method}, 남은 기간은 {f.term_months}개월이며 매달 "
                   f"{format_won(f.monthly_payment)}을 냅니다(마지막 회차는 끝수 조정으로 다를 수 있습니다). "
                   "상환 방식·기간은 '선택지별 비교' 표의 해당 열과 같습니다.", "금융소비자보호법 제19조제1항제1호다목"),
        Disclosure("부담하시는 금액의 총액", f"남은 기간 이자 {format_won(f.total_interest)}, 중도상환수수료 "
                   f"{format_won(f.prepayment_fee)}, 인지세(고객 부담분) {format_won(f.stamp_duty)}, 그 밖의 비용 "
                   f"{format_won(f.fees)}: 합계 {format_won(f.total_interest + upfront)}입니다(원금 제외).",
                   "금융소비자보호법 제19조제1항제1호다목"),
        Disclosure("중도상환수수료", _prepayment_text(f), "금융소비자보호법 제19조제1항제1호다목, 제20조제1항"),
        Disclosure("연체이자", f"약정한 날에 내지 못하면 약정금리에 연 {_pct(f.late_add_pct)}%p를 더한 연체이자율"
                   f"(최고 연 {_pct(f.late_cap_pct)}%)이 적용됩니다. 이 제안의 금리라면 연 {format_rate_pct(late)}입니다. "
                   "연체가 이어지면 신용점수가 낮아지고 금융거래가 제한될 수 있습니다.",
                   "금융소비자보호법 시행령 제13조(설명사항), 은행업감독규정(연체가산이자율 상한)"),
        Disclosure("청약철회권 (14일)" if f.action in NEW_CONTRACT else "청약철회권", _withdrawal_text(f),
                   "금융소비자보호법 제46조, 같은 법 시행령 제37조"),
        Disclosure("위법계약해지권 (안 날부터 1년, 계약일부터 5년 이내)",
                   "은행이 설명의무 등 판매 규칙을 어기고 계약했다면, 위반 사실을 안 날부터 1년 이내(계약일부터 5년 "
                   "이내에 한함)에 서면 등으로 계약 해지를 요구할 수 있습니다. 은행은 요구를 받은 날부터 10일 안에 수락 "
                   "여부를 알려야 하고, 정당한 해지에는 중도상환수수료 등 해지 비용을 받지 않습니다.",
                   "금융소비자보호법 제47조, 같은 법 시행령 제38조"),
        Disclosure("금리인하요구권", "취업·승진·소득 증가·신용점수 상승 등으로 신용상태가 좋아지면 언제든 금리 인하를 "
                   "요구할 수 있습니다. 은행은 요구를 받은 날부터 10영업일 안에 받아들일지와 그 이유를 알려 드립니다.",
                   "은행법 제30조의2, 같은 법 시행령"),
        Disclosure("자료열람요구권", "분쟁조정이나 소송을 위해 은행이 이 제안과 계약에 관해 기록·보관하는 자료를 "
                   "열람하도록 요구할 수 있습니다.", "금융소비자보호법 제28조"),
        Disclosure("비교의 근거", "유지·금리 조건변경·재대출은 이 은행의 조건으로, 대환(다른 금융회사로 옮기기)은 "
                   "은행연합회 공시 금리 또는 고객님이 제시한 금리로 계산한 참고치입니다. 다른 금융회사의 실제 금리와 "
                   "한도는 그 회사의 심사 결과에 따라 달라질 수 있습니다.", "금융소비자보호법 제21조(부당권유행위 금지)"),
        Disclosure("한도 시뮬레이션", "앞으로의 대출 한도는 현재 규제(DSR·스트레스 DSR·LTV)와 고객님이 알려 주신 "
                   "정보로 추정한 값이며, 대출 승인을 약속하지 않습니다.", "금융소비자보호법 제21조(부당권유행위 금지)"),
        Disclosure("문의·민원과 분쟁조정", _contacts_text(f), "금융소비자보호법 제36조(분쟁조정), 제19조"),
    ]
    return items


def _pct(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _rate_text(f: DisclosureFacts) -> str:
    how = ("기준금리에 가산금리(신용위험·유동성·업무원가·목표이익)를 더하고 우대금리를 뺀 값"
           " ('맞춤 금리 산정 근거' 표)이며, ")
    moves = ("변동금리는 약정한 주기마다 기준금리에 따라 오르거나 내립니다." if f.rate_type == "변동"
             else f"{f.rate_type}금리의 조건은 약정서에 적힌 대로입니다.")
    if f.action == "keep":
        return f"지금 대출의 금리 연 {format_rate_pct(f.rate_pct)}({f.rate_type})가 그대로 유지됩니다. {moves}"
    if f.action == "renegotiate":
        return (f"지금 계약은 그대로 두고 금리만 연 {format_rate_pct(f.rate_pct)}({f.rate_type})로 바꿉니다. 금리는 "
                + how + moves)
    if f.action == "switch":
        return (f"{f.lender or '다른 금융회사'}의 제시 금리 연 {format_rate_pct(f.rate_pct)}는 그 회사가 심사 후 확정합니다.")
    return f"새 대출의 금리는 연 {format_rate_pct(f.rate_pct)}({f.rate_type})입니다. 금리는 " + how + moves


def _prepayment_text(f: DisclosureFacts) -> str:
    rule = (f"대출 실행일부터 {f.prepayment_fee_years}년 안에 원금을 미리 갚으면 상환 원금 × 수수료율 × (남은 일수 ÷ "
            f"부과 기간 일수)의 수수료가 붙고, {f.prepayment_fee_years}년이 지나면 붙지 않습니다.")
    current = f"지금 대출의 수수료율은 {format_rate_pct(f.current_prepayment_fee_pct)}입니다."
    if f.action == "reloan":
        return (f"{rule} {current} 이번 재대출로 지금 대출을 갚을 때 내실 수수료는 {format_won(f.prepayment_fee)}"
                "(감면 반영)입니다. 새 대출의 수수료율과 부과 기간은 약정 때 상품설명서로 다시 알려 드립니다.")
    if f.action == "switch":
        return (f"{rule} {current} 다른 금융회사로 옮기며 지금 대출을 갚으면 수수료 {format_won(f.prepayment_fee)}을 "
                "내셔야 합니다.")
    return f"{rule} {current} 금리 조건변경이나 유지에는 중도상환수수료가 없습니다."


def _withdrawal_text(f: DisclosureFacts) -> str:
    if f.action == "reloan":
        return (f"새 대출 계약서류를 받은 날(대출금을 그보다 늦게 받으면 받은 날)부터 {f.withdrawal_days}일 안에 서면·"
                "전자우편·문자 등으로 철회할 수 있습니다. 받은 대출금과 그동안의 이자, 은행이 대신 낸 인지세 등을 "
                "돌려주시면 되고, 중도상환수수료는 받지 않습니다.")
    if f.action == "switch":
        return (f"다른 금융회사와 맺는 새 대출도 계약서류를 받은 날(또는 대출금을 받은 날)부터 {f.withdrawal_days}일 안에 "
                "철회할 수 있습니다(그 회사에 신청).")
    return ("새 대출 계약이 아니어서 청약철회 대상이 아닙니다. 금리 변경에 동의하지 않으시면 지금 조건이 그대로 "
            "유지됩니다." if f.action == "renegotiate" else "지금 계약이 그대로이므로 새로 철회할 계약이 없습니다.")


def _contacts_text(f: DisclosureFacts) -> str:
    branch = f"{f.branch_name} {f.branch_phone}" if f.branch_phone else f"{f.branch_name} (대표번호 미등록: 영업점에 문의)"
    return (f"궁금한 점이나 불만은 담당 지점({branch}) 또는 {f.bank_name} {f.consumer_protection_name}"
            f"({f.consumer_protection_phone})로 알려 주십시오. 해결되지 않으면 금융감독원(국번 없이 {FSS_PHONE}, "
            "e-금융민원센터 www.fcsc.kr)에 민원을 넣거나 금융분쟁조정을 신청하실 수 있습니다.")
