"""Korean names of the codes the engine and the database use (대출 종류, 금리 유형, 상환 방식)."""

LOAN_KIND = {"credit": "신용대출", "mortgage": "주택담보대출", "jeonse": "전세대출", "other_secured": "기타담보대출",
             "overdraft": "마이너스통장", "card_loan": "카드론", "instalment": "할부금융", "student": "학자금대출"}
RATE_TYPE = {"fixed": "고정", "variable": "변동", "mixed": "혼합", "periodic": "주기형"}
REPAYMENT_METHOD = {"equal_payment": "원리금균등", "equal_principal": "원금균등", "bullet": "만기일시"}
