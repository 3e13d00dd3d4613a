"""The proposal's check code and QR text read back as typed or scanned, Korean time, the form settings and
the disclosures per recommended action (pure domain: no database, no Qt)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from retention_desktop.domain.disclosures import ACTIONS, DisclosureFacts, disclosures
from retention_desktop.domain.korean_time import KST, format_date_ko, format_datetime_ko, korean_time
from retention_desktop.domain.proposal_code import ProposalCodeError, check_code, grouped, qr_payload, read_scanned
from retention_desktop.domain.proposal_form import ProposalForm, ProposalFormError

NUMBER = "P20261130-1C09B6"
INPUT = "ab" * 32


def test_check_code_is_64_bits_of_the_number_and_the_input_hash():
    code = check_code(NUMBER, INPUT)
    assert re.fullmatch(r"[0-9A-F]{16}", code)
    assert code != check_code("P20261130-1C09B7", INPUT) and code != check_code(NUMBER, "cd" * 32)
    assert qr_payload(NUMBER, code) == f"{NUMBER} CHECK {code}" and qr_payload(NUMBER, code).isascii()


@pytest.mark.parametrize("typed", [
    f"{NUMBER} CHECK 2D19B60F3FE04201",
    f"  {NUMBER.lower()}  check 2d19-b60f-3fe0-4201 ",
    f"{NUMBER} 2D19 B60F 3FE0 4201",
    # a scanner typing through a Korean input method left in Hangul mode (두벌식): P→ㅖ, C→ㅊ, B→ㅠ, D→ㅇ, F→ㄹ, E→ㄸ
    "ㅖ20261130-1ㅊ09ㅠ6 초ㄸ차 2ㅇ19ㅠ60ㄹ3ㄹㄸ04201",
])
def test_a_typed_or_scanned_code_is_read_back(typed):
    scanned = read_scanned(typed)
    assert scanned.proposal_no == NUMBER and scanned.check_code == "2D19B60F3FE04201"


def test_a_number_alone_is_read_without_a_code_and_nonsense_is_refused():
    assert read_scanned(NUMBER).check_code is None
    with pytest.raises(ProposalCodeError, match="제안서 번호"):
        read_scanned("hello 1234")
    assert grouped("2D19B60F3FE04201") == "2D19 B60F 3FE0 4201"


def test_korean_dates_and_times():
    utc = dt.datetime(2026, 11, 30, 10, 37, 2, tzinfo=dt.timezone.utc)
    assert format_datetime_ko(utc) == "2026년 11월 30일 오후 7시 37분"
    assert format_datetime_ko(utc, seconds=True) == "2026년 11월 30일 오후 7시 37분 2초"
    assert format_datetime_ko(dt.datetime(2026, 11, 30, 15, 5, tzinfo=dt.timezone.utc)) == "2026년 12월 1일 오전 12시 5분"
    assert format_date_ko(dt.date(2026, 3, 1)) == "2026년 3월 1일"
    assert korean_time(utc).utcoffset() == dt.timedelta(hours=9)
    with pytest.raises(ValueError):
        korean_time(dt.datetime(2026, 1, 1))
    assert KST.tzname(None) == "KST"


def test_the_form_settings_are_validated_and_a_lapsed_review_is_refused():
    form = ProposalForm.from_document({"ad_review_no": "준법감시인 심의필 제2026-0123호", "consumer_protection_phone": "1588-0000",
                                       "ad_review_valid_until": "2026-12-31", "bank_name": "레텐션은행"})
    form.require_valid_on(dt.date(2026, 12, 31))
    with pytest.raises(ProposalFormError, match="유효기한"):
        form.require_valid_on(dt.date(2027, 1, 1))
    for bad in (None, {}, {"ad_review_no": "", "consumer_protection_phone": "1588-0000"},
                {"ad_review_no": "x", "consumer_protection_phone": "call us"},
                {"ad_review_no": "x", "consumer_protection_phone": "1588-0000", "ad_review_valid_until": "soon"}):
        with pytest.raises(ProposalFormError):
            ProposalForm.from_document(bad)


def _facts(action: str) -> DisclosureFacts:
    return DisclosureFacts(
        action=action, rate_pct=Decimal("4.85"), rate_type="변동", method="원리금균등", term_months=341,
        monthly_payment=1_234_567, total_interest=500_000_000, prepayment_fee=1_000_000, stamp_duty=75_000, fees=0,
        current_prepayment_fee_pct=Decimal("0.56"), withdrawal_days=14, late_add_pct=Decimal(3),
        late_cap_pct=Decimal(15), prepayment_fee_years=3, bank_name="레텐션은행", branch_name="강남역지점",
        branch_phone="02-0000-0101", consumer_protection_name="금융소비자보호부", consumer_protection_phone="1588-0000",
        lender="토스뱅크")


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_gets_every_right_with_its_time_limit_and_source(action):
    items = {d.title.split(" (")[0]: d for d in disclosures(_facts(action))}
    for title in ("금리와 금리 변동", "상환 방법과 기간", "중도상환수수료", "연체이자", "청약철회권", "위법계약해지권",
                  "금리인하요구권", "문의·민원과 분쟁조정"):
        assert title in items and items[title].source, title
    assert "1년" in items["위법계약해지권"].text and "5년" in items["위법계약해지권"].text
    assert "10일" in items["위법계약해지권"].text and "10영업일" in items["금리인하요구권"].text
    assert "1332" in items["문의·민원과 분쟁조정"].text and "02-0000-0101" in items["문의·민원과 분쟁조정"].text
    assert "연 7.85%" in items["연체이자"].text  # 4.85 + 3, under the 15 % cap
    withdrawal = items["청약철회권"].text
    assert ("14일" in withdrawal) == (action in ("reloan", "switch"))
    if action == "renegotiate":
        assert "청약철회 대상이 아닙니다" in withdrawal and "금리만" in items["금리와 금리 변동"].text


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError):
        disclosures(_facts("maybe"))


def test_the_charts_sentence_reads_as_korean_without_a_bracketed_particle():
    """"재대출 (맞춤)은(는) 처음 드는 비용 때문에 …" was printed under a long mortgage's chart: the particle follows the
    option's last syllable (은 after a final consonant, else 는)."""
    from retention_desktop.proposal.chart import caption

    assert caption(370, 474, "재대출 (맞춤)").startswith("재대출 (맞춤)은 처음 드는 비용 때문에 369개월째까지는")
    assert caption(12, 60, "금리 조건변경").startswith("금리 조건변경은 ")
    assert caption(12, 60, "금리 인하").startswith("금리 인하는 ")
    assert "(는)" not in caption(12, 60, "재대출 (맞춤)")
