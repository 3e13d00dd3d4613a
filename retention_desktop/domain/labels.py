"""Korean names of the codes the engine and the database use (대출 종류, 금리 유형, 기준 지표, 상환 방식,
고객 결정, 권고 조치). Every screen, document and export reads its labels here."""

LOAN_KIND = {"credit": "신용대출", "mortgage": "주택담보대출", "jeonse": "전세대출", "other_secured": "기타담보대출",
             "overdraft": "마이너스통장", "card_loan": "카드론", "instalment": "할부금융", "student": "학자금대출"}
RATE_TYPE = {"fixed": "고정", "variable": "변동", "mixed": "혼합", "periodic": "주기형"}
INDEX_NAME = {"COFIX_NEW": "신규취급액 COFIX", "COFIX_BALANCE": "잔액 COFIX", "BANK_BOND_6M": "금융채 6개월",
              "BANK_BOND_12M": "금융채 12개월", "BANK_BOND_5Y": "금융채 5년"}
REPAYMENT_METHOD = {"equal_payment": "원리금균등", "equal_principal": "원금균등", "bullet": "만기일시"}
# 제안서에 대한 고객 결정 (proposals.decision), in the order a form offers them
PROPOSAL_DECISION = {"none": "미결정", "accepted": "수락", "declined": "거절", "switched_away": "타행 대환"}
# 권고 조치 (domain/advice.py): what the bank should do about one loan
RETENTION_ACTION = {"keep": "현재 유지", "renegotiation": "금리 조건변경", "reloan": "재대출", "switch": "대환 권유"}

# 규제 정책 값: the parameter paths of a policy version (domain/policy.py) in words, for the head-office screen.
POLICY_PARAMETER = {
    "dsr.cap_pct_bank": "DSR 한도 — 은행 (%)",
    "dsr.cap_pct_nonbank": "DSR 한도 — 2금융권 (%)",
    "dsr.borrower_level_threshold": "차주단위 DSR 적용 기준 총대출 (원)",
    "dsr.small_loan_exclusion": "DSR 산정 제외 소액 신용대출 (원)",
    "dsr.amortisation_years.credit": "DSR 환산 만기 — 신용대출 (년)",
    "dsr.amortisation_years.overdraft": "DSR 환산 만기 — 마이너스통장 (년)",
    "dsr.amortisation_years.other_secured": "DSR 환산 만기 — 기타담보 (년)",
    "dsr.amortisation_years.card_loan": "DSR 환산 만기 — 카드론 (년)",
    "dsr.amortisation_years.instalment": "DSR 환산 만기 — 할부 (년)",
    "dsr.amortisation_years.student": "DSR 환산 만기 — 학자금 (년)",
    "dsr.bullet_mortgage_term_cap_years": "일시상환 주담대 환산 만기 상한 (년)",
    "stress.credit_loan_threshold": "신용대출 스트레스 적용 기준 총액 (원)",
    "stress.rules": "스트레스 금리 규칙 [적용 범위(대출종류·지역·업권·금리유형), 가산금리 %p, 반영비율표] — 위에서부터 처음 맞는 규칙",
    "stress.weights.phase1_2.variable": "반영비율(1·2단계) — 변동",
    "stress.weights.phase1_2.fixed": "반영비율(1·2단계) — 고정",
    "stress.weights.phase1_2.mixed": "반영비율(1·2단계) — 혼합 [고정기간 비중 % 미만, 비율]",
    "stress.weights.phase1_2.periodic": "반영비율(1·2단계) — 주기형 [주기 비중 % 미만, 비율]",
    "stress.weights.phase3.variable": "반영비율(3단계) — 변동",
    "stress.weights.phase3.fixed": "반영비율(3단계) — 고정",
    "stress.weights.phase3.mixed": "반영비율(3단계) — 혼합 [고정기간 비중 % 미만, 비율]",
    "stress.weights.phase3.periodic": "반영비율(3단계) — 주기형 [주기 비중 % 미만, 비율]",
    "ltv.by_area.regulated.default_pct": "LTV — 규제지역 (%)",
    "ltv.by_area.regulated.first_time_buyer_pct": "LTV — 규제지역 생애최초 (%)",
    "ltv.by_area.regulated.additional_home_pct": "LTV — 규제지역 추가 주택 (%)",
    "ltv.by_area.capital.default_pct": "LTV — 수도권(비규제) (%)",
    "ltv.by_area.capital.first_time_buyer_pct": "LTV — 수도권(비규제) 생애최초 (%)",
    "ltv.by_area.capital.additional_home_pct": "LTV — 수도권(비규제) 추가 주택 (%)",
    "ltv.by_area.other.default_pct": "LTV — 그 밖의 지역 (%)",
    "ltv.by_area.other.first_time_buyer_pct": "LTV — 그 밖의 지역 생애최초 (%)",
    "ltv.by_area.other.additional_home_pct": "LTV — 그 밖의 지역 추가 주택 (%)",
    "ltv.capital_presumed_regulated": "규제지역 여부를 모르는 수도권 주택은 규제지역으로 봄 (true/false)",
    "ltv.price_caps": "주택가격별 주담대 한도 (null: 없음)",
    "ltv.price_caps.areas": "주택가격별 한도 적용 지역",
    "ltv.price_caps.bands": "주택가격별 한도 [주택가격까지, 한도] (원)",
    "ltv.max_term": "주담대 최장 만기 (null: 없음)",
    "ltv.max_term.areas": "최장 만기 적용 지역",
    "ltv.max_term.months": "주담대 최장 만기 (개월)",
    "legal_max_rate_pct": "법정 최고금리 (%)",
    "credit_loan_income_cap_pct": "신용대출 연소득 대비 한도 (%)",
    "stamp_duty.bands": "인지세 [대출금액까지, 세액] (원)",
    "stamp_duty.borrower_share_pct": "인지세 고객 부담 비율 (%)",
    "prepayment_fee.max_years": "중도상환수수료 부과 기간 (년)",
    "switching.mortgage_min_months": "주담대 대환 가능 최소 보유 기간 (개월)",
    "late_payment.add_pct": "연체 가산금리 (%p)",
    "late_payment.cap_pct": "연체 최고금리 (%)",
    "withdrawal_days": "청약철회 기간 (일)",
    "renegotiation.dsr_retest": "금리 조건변경 시 DSR 재심사 (true/false)",
    "renegotiation.stamp_duty": "금리 조건변경 시 인지세 부과 (true/false)",
    "renegotiation.rate_cut_right_answer_business_days": "금리인하요구 답변 기한 (영업일)",
    "renegotiation.rate_cut_right_notice_months": "금리인하요구권 안내 주기 (개월)",
}
