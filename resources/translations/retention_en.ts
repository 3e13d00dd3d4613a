<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
<context>
    <name>RetentionDesktop</name>
    <message>
        <source>공시된 지수 금리 이력은 고치거나 끼워 넣을 수 없습니다 (가장 최근 공시일 이후의 금리를 추가하거나 그날의 금리만 고칠 수 있습니다)</source>
        <translation>Published index rate history cannot be changed or filled in between (add rates after the latest published date, or correct that date's rate only)</translation>
    </message>
    <message>
        <source>DSR 구간별 가산금리(dsr_surcharge)는 0%p 이상 5%p 이하여야 합니다</source>
        <translation>The DSR surcharges (dsr_surcharge) must be from 0 to 5 percentage points</translation>
    </message>
    <message>
        <source>지수 금리가 같은 지수의 앞뒤 금리와 1.0%p 넘게 다릅니다 (한 달 변동은 보통 0.5%p 미만입니다)</source>
        <translation>An index rate must not differ by more than 1.0 percentage point from the same index's neighbouring rates (a month's move is usually under 0.5 points)</translation>
    </message>
    <message>
        <source>담보대출의 위험 가산금리 반영률(secured_risk_factor)은 0.2 이상 1 이하, 신용대출·마이너스통장은 1이어야 합니다</source>
        <translation>The secured risk factor (secured_risk_factor) must be from 0.2 to 1 for secured loans and exactly 1 for credit loans and overdrafts</translation>
    </message>
    <message>
        <source>승인 금액 한도는 0원보다 크고 100억 원 이하이며 행원 ≤ 지점장 ≤ 본부 순이어야 합니다</source>
        <translation>An approval amount limit must be above 0 won and at most 10 billion won, with officer ≤ branch manager ≤ head office</translation>
    </message>
    <message>
        <source>상품의 최저·최고 금리는 연 0.5% 이상 20% 이하여야 합니다 (소수로 적은 금리인지 확인하세요)</source>
        <translation>A product's lowest and highest rate must be from 0.5% to 20% a year (check for a rate written as a fraction)</translation>
    </message>
    <message>
        <source>상품의 대출 금액은 0원보다 크고 100억 원 이하여야 합니다</source>
        <translation>A product's loan amounts must be above 0 won and at most 10 billion won</translation>
    </message>
    <message>
        <source>날짜는 2000-01-01 이후의 실제 날짜여야 합니다 (infinity 불가)</source>
        <translation>A date must be a real date from 2000-01-01 on (not infinity)</translation>
    </message>
    <message>
        <source>가격 기준의 대출 종류별 항목에는 모든 대출 종류(신용·주택담보·전세·기타담보·마이너스통장)의 값이 있어야 합니다</source>
        <translation>Each per-kind part of the pricing rules must give a value for every loan kind (credit, mortgage, jeonse, other secured, overdraft)</translation>
    </message>
    <message>
        <source>가격 기준의 대출 종류별 항목에는 알려진 대출 종류만 적을 수 있습니다</source>
        <translation>A per-kind part of the pricing rules may name only the known loan kinds</translation>
    </message>
    <message>
        <source>숫자나 날짜로 읽을 수 없거나 범위를 벗어난 값이 있습니다</source>
        <translation>A value cannot be read as a number or a date, or is out of range</translation>
    </message>
    <message>
        <source>데모(DEMO) 인증서는 신뢰 루트로 등록할 수 없습니다</source>
        <translation>A DEMO certificate cannot be added as a trust root</translation>
    </message>
    <message>
        <source>기준금리나 가격 기준(이 대출 종류의 유동성 프리미엄·위험 가산금리·담보 반영률·업무원가)이 없어 정상가를 확인할 수 없습니다: 전결 한도를 판단할 수 없습니다</source>
        <translation>The list rate cannot be checked because an index rate or part of the pricing rules (this loan kind's liquidity premium, risk spread, secured risk factor or cost) is missing: the approval authority cannot be judged</translation>
    </message>
    <message>
        <source>전결 한도를 판단할 수 없습니다</source>
        <translation>The approval authority cannot be judged</translation>
    </message>
    <message>
        <source>가격 기준의 유동성 프리미엄·업무원가·마진은 0%p 이상 5%p 이하여야 합니다</source>
        <translation>The pricing rules' liquidity premium, cost and margins must be from 0 to 5 percentage points</translation>
    </message>
    <message>
        <source>신용점수별 위험 가산금리는 0%p 이상 15%p 이하여야 합니다</source>
        <translation>A risk spread by credit score must be from 0 to 15 percentage points</translation>
    </message>
    <message>
        <source>우대금리(급여이체·거래기간)는 0%p 이상 2%p 이하여야 합니다</source>
        <translation>A relationship discount (salary transfer, tenure) must be from 0 to 2 percentage points</translation>
    </message>
    <message>
        <source>전결 금리 재량(authority_pct)은 0%p 이상 2%p 이하여야 합니다</source>
        <translation>An approval authority (authority_pct) must be from 0 to 2 percentage points</translation>
    </message>
    <message>
        <source>지수 금리는 연 0.1% 이상 20% 이하여야 합니다 (소수로 적은 금리인지 확인하세요)</source>
        <translation>An index rate must be from 0.1% to 20% a year (check for a rate written as a fraction)</translation>
    </message>
    <message>
        <source>다른 금융회사의 금리는 연 1% 이상, 법정 최고금리 이하여야 합니다</source>
        <translation>Another lender's rate must be at least 1% a year and at most the legal maximum rate</translation>
    </message>
    <message>
        <source>시행일은 오늘(은행 영업일) 이후여야 합니다 (지난 날짜로 등록하면 그날 이후의 견적·제안·승인을 판단한 기준이 바뀝니다)</source>
        <translation>The effective date must be today (the bank's business date) or later (a past date would change the rules quotes, proposals and approvals since that day were judged by)</translation>
    </message>
    <message>
        <source>법정 최고금리는 연 25%를 넘을 수 없습니다 (이자제한법 제2조제1항은 대통령령의 최고이자율을 연 25% 이내로 정합니다. 2021-07-07부터 연 20%)</source>
        <translation>The legal maximum rate cannot exceed 25% a year (Interest Limitation Act, Article 2(1), lets the decree set the maximum within 25% a year; 20% since 2021-07-07)</translation>
    </message>
    <message>
        <source>법정 최고금리가 판매 중인 상품의 최고금리보다 낮으면 은행 금리표대로 낸 제안이 거절됩니다 (상품의 최고금리를 먼저 낮추세요)</source>
        <translation>With a legal maximum rate below the highest rate of a product on sale, proposals priced on the bank's own rate sheet are refused (lower the products' highest rate first)</translation>
    </message>
    <message>
        <source>상품의 가산금리는 -5%p 이상 20%p 이하여야 합니다</source>
        <translation>A product's spread must be from -5 to 20 percentage points</translation>
    </message>
    <message>
        <source>기준일이 없거나 오늘보다 뒤입니다</source>
        <translation>The rate date is missing or after today</translation>
    </message>
    <message>
        <source>공시일이 오늘보다 뒤입니다</source>
        <translation>The publication date is after today</translation>
    </message>
    <message>
        <source>제안서 파일에 기계 판독용 제안 내용(proposal-facts.json)이 없어 보관된 견적과 대조할 수 없습니다: 은행 프로그램으로 만든 제안서가 아닙니다.</source>
        <translation>The proposal file carries no machine-readable facts (proposal-facts.json) to compare with the archived quote: it was not made by the bank's program.</translation>
    </message>
    <message>
        <source>보관 당시 제안 내용이 기록되지 않은 제안서입니다 (이전 버전): 견적과의 일치를 확인할 수 없습니다.</source>
        <translation>No facts were recorded when this proposal was archived (an earlier version): whether it matches its quote cannot be checked.</translation>
    </message>
    <message>
        <source>보관된 견적이 보관 당시 접근기록(해시 체인)에 기록된 것과 다릅니다: 보안 담당자에게 알리세요.</source>
        <translation>The archived quote differs from what the audit trail (hash chain) recorded when it was archived: tell the security officer.</translation>
    </message>
    <message>
        <source>제안서에 적힌 내용이 보관된 견적과 다릅니다</source>
        <translation>What the proposal states differs from the archived quote</translation>
    </message>
    <message>
        <source>DEMO 인증서로 서명된 제안서는 중앙(운영) 모드에서 인정하지 않습니다.</source>
        <translation>A proposal signed with a DEMO certificate is not accepted in central (production) mode.</translation>
    </message>
    <message>
        <source>서명 유효, 보관본·접근기록·견적과 일치</source>
        <translation>Signature valid; matches the archive, the audit trail and the quote</translation>
    </message>
    <message>
        <source>DEMO 인증서는 중앙(운영) 모드의 신뢰 루트가 될 수 없습니다.</source>
        <translation>A DEMO certificate cannot be a trust root in central (production) mode.</translation>
    </message>
    <message>
        <source>재대출 신청</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>본부 관리</source>
        <translation>Head office</translation>
    </message>
    <message>
        <source>고객이 수락했습니다: 재대출 신청 화면에서 신청서를 작성하세요.</source>
        <translation>The customer accepted: file the re-loan application on the Applications screen.</translation>
    </message>
    <message>
        <source>가져오기</source>
        <translation>import</translation>
    </message>
    <message>
        <source>서류 첨부</source>
        <translation>Attach a document</translation>
    </message>
    <message>
        <source>소득 확인</source>
        <translation>Confirm income</translation>
    </message>
    <message>
        <source>대시보드</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>고객 검색</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>콜리스트</source>
        <translation>Call list</translation>
    </message>
    <message>
        <source>제안서</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>내장 데모 DB</source>
        <translation>Embedded demo DB</translation>
    </message>
    <message>
        <source>중앙 서버</source>
        <translation>Central server</translation>
    </message>
    <message>
        <source>규제정책</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>서명 PDF 제안서(미리보기·인쇄·보관)는 제안서 기능에서 제공됩니다.</source>
        <translation>Signed PDF proposals (preview, print, archive) come with the proposal feature.</translation>
    </message>
    <message>
        <source>지점 고객</source>
        <translation>Branch customers</translation>
    </message>
    <message>
        <source>대출 (전체)</source>
        <translation>Loans (all)</translation>
    </message>
    <message>
        <source>정상 대출</source>
        <translation>Active loans</translation>
    </message>
    <message>
        <source>평균 잔액</source>
        <translation>Average balance</translation>
    </message>
    <message>
        <source>오늘의 콜리스트</source>
        <translation>Today's call list</translation>
    </message>
    <message>
        <source>내 담당 콜</source>
        <translation>My calls</translation>
    </message>
    <message>
        <source>개인정보 열람…</source>
        <translation>Reveal personal data…</translation>
    </message>
    <message>
        <source>상환 스케줄·완제금액</source>
        <translation>Schedule and payoff</translation>
    </message>
    <message>
        <source>재대출 vs 대환 비교</source>
        <translation>Re-loan vs switch</translation>
    </message>
    <message>
        <source>한도 시뮬레이션</source>
        <translation>Limit simulation</translation>
    </message>
    <message>
        <source>우리 은행 대출</source>
        <translation>Our loans</translation>
    </message>
    <message>
        <source>타 금융기관 부채</source>
        <translation>Other lenders' debts</translation>
    </message>
    <message>
        <source>최근 12개월 상환</source>
        <translation>Repayments (12 months)</translation>
    </message>
    <message>
        <source>제시 금리 추가</source>
        <translation>Add quoted rate</translation>
    </message>
    <message>
        <source>제안서 만들기…</source>
        <translation>Make proposal…</translation>
    </message>
    <message>
        <source>재대출 금리</source>
        <translation>Re-loan rate</translation>
    </message>
    <message>
        <source>내 담당만</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <source>미래 대출 한도 시뮬레이션</source>
        <translation>Future borrowing limit</translation>
    </message>
    <message>
        <source>소득 변화</source>
        <translation>Income change</translation>
    </message>
    <message>
        <source>카드론 전액 상환</source>
        <translation>Card loans repaid</translation>
    </message>
    <message>
        <source>금리 변화</source>
        <translation>Rate change</translation>
    </message>
    <message>
        <source>제안</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>오늘 완제 시</source>
        <translation>Payoff today</translation>
    </message>
    <message>
        <source>남은 상환 스케줄</source>
        <translation>Remaining schedule</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>가산금리</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>값</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>경로</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>고객 결정</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>고객번호</source>
        <translation>Customer no.</translation>
    </message>
    <message>
        <source>고시일</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>관리점</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>금리</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>금리 범위</source>
        <translation>Rate range</translation>
    </message>
    <message>
        <source>금리유형</source>
        <translation>Rate type</translation>
    </message>
    <message>
        <source>금액</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>금융기관</source>
        <translation>Lender</translation>
    </message>
    <message>
        <source>금융회사</source>
        <translation>Lender</translation>
    </message>
    <message>
        <source>기간</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>기준일</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>납입액</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>납입일</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>담당</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>대출</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>대출번호</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>등록</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>등록자</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>만기일</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <source>버전</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>변경</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>보유 대출</source>
        <translation>Active loans</translation>
    </message>
    <message>
        <source>부대비용</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>상품명</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>상환방식</source>
        <translation>Repayment</translation>
    </message>
    <message>
        <source>상환할 대출</source>
        <translation>Loan repaid</translation>
    </message>
    <message>
        <source>생년월일</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>설명</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>순위</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>시행일</source>
        <translation>Effective</translation>
    </message>
    <message>
        <source>신용점수</source>
        <translation>Credit score</translation>
    </message>
    <message>
        <source>신청번호</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>실행일</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <source>약정일</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>연체일수</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>원금</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>위험가치</source>
        <translation>Value at risk</translation>
    </message>
    <message>
        <source>유효기한</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>의견</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>이자</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>이탈확률</source>
        <translation>Switch prob.</translation>
    </message>
    <message>
        <source>일시</source>
        <translation>When</translation>
    </message>
    <message>
        <source>작성</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <source>작성일</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>잔액</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>잔여기간</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>제안서 번호</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>종류</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>중도상환수수료</source>
        <translation>Prepayment fee</translation>
    </message>
    <message>
        <source>지표</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>직원</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>직전 대비</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>첨부</source>
        <translation>Attached</translation>
    </message>
    <message>
        <source>최근 변경</source>
        <translation>Last change</translation>
    </message>
    <message>
        <source>최저 점수</source>
        <translation>Min. score</translation>
    </message>
    <message>
        <source>출처</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>코드</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>크기</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <source>판매</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>한도</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>항목</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>현재</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>회차</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>휴대전화</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>현재 유지</source>
        <translation>Keep current</translation>
    </message>
    <message>
        <source>권고</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>기대가치 증가</source>
        <translation>Value gain</translation>
    </message>
    <message>
        <source>고객 절감</source>
        <translation>Customer saves</translation>
    </message>
    <message>
        <source>월 절감</source>
        <translation>Monthly saving</translation>
    </message>
    <message>
        <source>금리 조건변경</source>
        <translation>Rate renegotiation</translation>
    </message>
    <message>
        <source>절약</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>은행 기대가치</source>
        <translation>bank's expected value</translation>
    </message>
    <message>
        <source>유지 시</source>
        <translation>if kept</translation>
    </message>
    <message>
        <source>유지 확률</source>
        <translation>retention probability</translation>
    </message>
    <message>
        <source>제안서를 만들 수 없습니다</source>
        <translation>No proposal can be made</translation>
    </message>
    <message>
        <source>제시 금리</source>
        <translation>Offered rate</translation>
    </message>
    <message>
        <source>재대출 (맞춤)</source>
        <translation>Re-loan (personal)</translation>
    </message>
    <message>
        <source>대환</source>
        <translation>Switch</translation>
    </message>
    <message>
        <source>월 납입액</source>
        <translation>Monthly payment</translation>
    </message>
    <message>
        <source>총이자 (잔여기간)</source>
        <translation>Total interest (remaining)</translation>
    </message>
    <message>
        <source>인지세 (고객 부담)</source>
        <translation>Stamp duty (customer)</translation>
    </message>
    <message>
        <source>총비용</source>
        <translation>Total cost</translation>
    </message>
    <message>
        <source>유지 대비 절감</source>
        <translation>Saving vs keep</translation>
    </message>
    <message>
        <source>손익분기 (실질)</source>
        <translation>Break-even (true)</translation>
    </message>
    <message>
        <source>손익분기 (현금)</source>
        <translation>Break-even (cash)</translation>
    </message>
    <message>
        <source>실효 연 비용률</source>
        <translation>Effective annual cost</translation>
    </message>
    <message>
        <source>가능 여부</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>조회</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>상담 열람 신청</source>
        <translation>Request consultation access</translation>
    </message>
    <message>
        <source>개인정보 열람</source>
        <translation>Reveal personal data</translation>
    </message>
    <message>
        <source>값이 없습니다.</source>
        <translation>is missing.</translation>
    </message>
    <message>
        <source>정수 값이어야 합니다.</source>
        <translation>must be a whole number.</translation>
    </message>
    <message>
        <source>숫자 값이어야 합니다.</source>
        <translation>must be a number.</translation>
    </message>
    <message>
        <source>문자열 값이어야 합니다.</source>
        <translation>must be a text.</translation>
    </message>
    <message>
        <source>객체({…}) 값이어야 합니다.</source>
        <translation>must be an object ({…}).</translation>
    </message>
    <message>
        <source>목록([…]) 값이어야 합니다.</source>
        <translation>must be a list ([…]).</translation>
    </message>
    <message>
        <source>true 또는 false 값이어야 합니다.</source>
        <translation>must be true or false.</translation>
    </message>
    <message>
        <source>{limit} 이상이어야 합니다.</source>
        <translation>must be at least {limit}.</translation>
    </message>
    <message>
        <source>{limit} 이하여야 합니다.</source>
        <translation>must be at most {limit}.</translation>
    </message>
    <message>
        <source>{limit}보다 커야 합니다.</source>
        <translation>must be more than {limit}.</translation>
    </message>
    <message>
        <source>{limit}보다 작아야 합니다.</source>
        <translation>must be less than {limit}.</translation>
    </message>
    <message>
        <source>{options} 중 하나여야 합니다 (받은 값: {value}).</source>
        <translation>must be one of {options} (got {value}).</translation>
    </message>
    <message>
        <source>{value}이어야 합니다.</source>
        <translation>must be {value}.</translation>
    </message>
    <message>
        <source>{step} 단위여야 합니다 (소수 자릿수가 너무 많습니다).</source>
        <translation>must be a multiple of {step} (too many decimals).</translation>
    </message>
    <message>
        <source>YYYY-MM-DD 형식의 날짜(1900–2099년)여야 합니다.</source>
        <translation>must be a date YYYY-MM-DD (1900–2099).</translation>
    </message>
    <message>
        <source>비어 있으면 안 됩니다.</source>
        <translation>must not be empty.</translation>
    </message>
    <message>
        <source>형식이 맞지 않습니다.</source>
        <translation>has the wrong form.</translation>
    </message>
    <message>
        <source>{limit}자 이상이어야 합니다.</source>
        <translation>must be at least {limit} characters.</translation>
    </message>
    <message>
        <source>{limit}자 이하여야 합니다.</source>
        <translation>must be at most {limit} characters.</translation>
    </message>
    <message>
        <source>항목이 {limit}개 이상 있어야 합니다.</source>
        <translation>needs at least {limit} items.</translation>
    </message>
    <message>
        <source>항목은 {limit}개까지입니다.</source>
        <translation>takes at most {limit} items.</translation>
    </message>
    <message>
        <source>알 수 없는 항목입니다: {names}. 허용되는 항목: {allowed}.</source>
        <translation>unknown key: {names}. Allowed keys: {allowed}.</translation>
    </message>
    <message>
        <source>{low}에서 {high} 사이여야 합니다.</source>
        <translation>must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>as_of({as_of})보다 늦을 수 없습니다.</source>
        <translation>must not be after as_of ({as_of}).</translation>
    </message>
    <message>
        <source>true 또는 false여야 합니다.</source>
        <translation>must be true or false.</translation>
    </message>
    <message>
        <source>잔액({balance}원)보다 작을 수 없습니다.</source>
        <translation>must not be below the balance ({balance} won).</translation>
    </message>
    <message>
        <source>현재 금리({rate}%)보다 높을 수 없습니다.</source>
        <translation>must not be above the current rate ({rate}%).</translation>
    </message>
    <message>
        <source>문서가 너무 큽니다 ({size:,}바이트, 최대 {limit:,}바이트).</source>
        <translation>the document is too large ({size:,} bytes, at most {limit:,}).</translation>
    </message>
    <message>
        <source>JSON 문법 오류입니다: {reason}</source>
        <translation>malformed JSON: {reason}</translation>
    </message>
    <message>
        <source>JSON이 너무 깊게 중첩되어 있습니다 (최대 {limit}단계).</source>
        <translation>JSON nested too deep (at most {limit} levels).</translation>
    </message>
    <message>
        <source>JSON이 너무 깊게 중첩되어 있습니다.</source>
        <translation>JSON nested too deep.</translation>
    </message>
    <message>
        <source>숫자 {literal}은(는) 쓸 수 없습니다: 금액과 비율은 10^-{limit}에서 10^{limit} 사이여야 합니다.</source>
        <translation>the number {literal} cannot be used: amounts and rates lie between 10^-{limit} and 10^{limit}.</translation>
    </message>
    <message>
        <source>{literal}은(는) JSON의 숫자가 아닙니다: 실제 값을 쓰세요.</source>
        <translation>{literal} is not a JSON number: give the actual value.</translation>
    </message>
    <message>
        <source>같은 항목 "{key}"이(가) 한 객체에 두 번 있습니다.</source>
        <translation>the key "{key}" appears twice in one object.</translation>
    </message>
    <message>
        <source>NUL 문자(\u0000)는 쓸 수 없습니다.</source>
        <translation>NUL characters (\u0000) are not allowed.</translation>
    </message>
    <message>
        <source>NUL 문자(0x00)가 들어 있습니다. 텍스트 파일이 맞는지 확인하세요.</source>
        <translation>the file holds a NUL character (0x00): is it a text file?</translation>
    </message>
    <message>
        <source>NUL 문자(0x00)가 들어 있습니다.</source>
        <translation>a NUL character (0x00) is not allowed.</translation>
    </message>
    <message>
        <source>글자를 읽을 수 없습니다 (0x{byte:02X}). 파일을 UTF-8 또는 CP949(한글 Excel의 CSV)로 저장하세요.</source>
        <translation>unreadable character (0x{byte:02X}): save the file as UTF-8 or CP949 (Korean Excel's CSV).</translation>
    </message>
    <message>
        <source>파일이 너무 큽니다 ({size:,}바이트, 최대 {limit:,}바이트).</source>
        <translation>the file is too large ({size:,} bytes, at most {limit:,}).</translation>
    </message>
    <message>
        <source>파일을 읽을 수 없습니다: {reason}</source>
        <translation>cannot read the file: {reason}</translation>
    </message>
    <message>
        <source>{file}을(를) 읽을 수 없습니다: {reason}</source>
        <translation>cannot read {file}: {reason}</translation>
    </message>
    <message>
        <source>Excel 97-2003 통합 문서(.xls)는 읽지 않습니다. .xlsx나 CSV로 다시 저장하세요.</source>
        <translation>Excel 97-2003 workbooks (.xls) are not read: save it again as .xlsx or CSV.</translation>
    </message>
    <message>
        <source>Excel 통합 문서(.xlsx)를 열 수 없습니다: {reason}</source>
        <translation>cannot open the Excel workbook (.xlsx): {reason}</translation>
    </message>
    <message>
        <source>Excel 통합 문서(.xlsx)를 읽을 수 없습니다: {reason}</source>
        <translation>cannot read the Excel workbook (.xlsx): {reason}</translation>
    </message>
    <message>
        <source>통합 문서의 압축을 풀면 너무 큽니다 ({size:,}바이트).</source>
        <translation>the workbook unpacks too large ({size:,} bytes).</translation>
    </message>
    <message>
        <source>통합 문서에 시트가 없습니다.</source>
        <translation>the workbook has no sheet.</translation>
    </message>
    <message>
        <source>줄이 너무 깁니다 ({length:,}자, 최대 {limit:,}자).</source>
        <translation>the line is too long ({length:,} characters, at most {limit:,}).</translation>
    </message>
    <message>
        <source>칸의 글자가 너무 많습니다 ({length:,}자, 최대 {limit:,}자).</source>
        <translation>the cell is too long ({length:,} characters, at most {limit:,}).</translation>
    </message>
    <message>
        <source>행이 너무 많습니다 (최대 {limit:,}행).</source>
        <translation>too many rows (at most {limit:,}).</translation>
    </message>
    <message>
        <source>CSV 형식 오류입니다: {reason}</source>
        <translation>malformed CSV: {reason}</translation>
    </message>
    <message>
        <source>{on}에 시행 중인 규제정책이 없습니다 (가장 이른 정책: {first}). 날짜를 고치거나 'retention-admin import policy FILE'로 그 기간의 정책을 추가하세요.</source>
        <translation>no regulatory policy is in force on {on} (the earliest starts {first}). Correct the date, or add a policy for that period with 'retention-admin import policy FILE'.</translation>
    </message>
    <message>
        <source>{on}에 시행 중인 가격 규칙이 없습니다 (가장 이른 규칙: {first}).</source>
        <translation>no pricing rules are in force on {on} (the earliest start {first}).</translation>
    </message>
    <message>
        <source>{index} 기준금리가 {on} 이전 날짜로 하나도 없습니다. 'retention-admin import index-rates FILE'로 기준금리를 가져오세요 (형식: docs/head-office.md, 예: resources/samples/index_rates.csv).</source>
        <translation>no {index} index rate on or before {on}. Load index rates with 'retention-admin import index-rates FILE' (format: docs/head-office.md, e.g. resources/samples/index_rates.csv).</translation>
    </message>
    <message>
        <source>저장하지 못했습니다: 데이터베이스의 무결성 규칙({constraint})에 맞지 않습니다 (SQLSTATE {code}). 입력을 확인하고, 계속되면 본점 담당자에게 알려 주세요.</source>
        <translation>not saved: the database's integrity rule {constraint} refuses it (SQLSTATE {code}). Check the input; if it keeps happening, tell head office.</translation>
    </message>
    <message>
        <source>데이터베이스에 연결할 수 없습니다 ({reason}). 서버가 실행 중인지, 네트워크가 연결되어 있는지 확인한 뒤 다시 시도하세요.</source>
        <translation>the database cannot be reached ({reason}). Check that the server is running and the network is connected, then try again.</translation>
    </message>
    <message>
        <source>내장 PostgreSQL을 시작하지 못했습니다 ({folder}): {reason}. 잠시 뒤 다시 시도하고, 계속되면 'retention-admin db stop' 후 다시 시작하세요 (자세한 내용: {log}).</source>
        <translation>the embedded PostgreSQL did not start ({folder}): {reason}. Try again in a moment; if it persists, run 'retention-admin db stop' and start again (details: {log}).</translation>
    </message>
    <message>
        <source>내장 데이터베이스 폴더를 만들 수 없습니다 ({folder}): {reason}</source>
        <translation>cannot create the embedded database folder ({folder}): {reason}</translation>
    </message>
    <message>
        <source>내장 서버가 실행 중이 아닙니다. 'retention-admin db start'로 시작하세요.</source>
        <translation>the embedded server is not running: start it with 'retention-admin db start'.</translation>
    </message>
    <message>
        <source>설정 파일 {path}을(를) 쓸 수 없습니다: {problem} — 파일을 고치거나, 지우고 다시 시작하세요 (지우면 기본 설정으로 시작합니다). 비밀번호는 설정 파일이 아니라 OS 키링에 둡니다.</source>
        <translation>the settings file {path} cannot be used: {problem} — correct the file, or delete it and start again (the defaults are then used). Passwords belong in the OS keyring, never in the settings file.</translation>
    </message>
    <message>
        <source>이 프로그램보다 새 버전의 설정입니다 ({version}).</source>
        <translation>settings of a newer version than this program ({version}).</translation>
    </message>
    <message>
        <source>0 이상의 정수여야 합니다.</source>
        <translation>must be a whole number of 0 or more.</translation>
    </message>
    <message>
        <source>{marker} 파일이 손상되어 내장 데이터베이스가 어디 있는지 알 수 없습니다. 데이터베이스 폴더를 {{"cluster_dir": "..."}} 형식으로 적어 두거나, 이 파일을 지우면 새 데모 데이터베이스를 만듭니다.</source>
        <translation>{marker} is damaged, so where the embedded database lives is unknown. Write its folder as {{"cluster_dir": "..."}}, or delete the file to create a new demo database.</translation>
    </message>
    <message>
        <source>PDF, PNG, JPEG 파일만 첨부할 수 있습니다.</source>
        <translation>only PDF, PNG and JPEG files can be attached.</translation>
    </message>
    <message>
        <source>파일 이름({filename})과 실제 형식({kind})이 다릅니다.</source>
        <translation>the file name ({filename}) does not match its content ({kind}).</translation>
    </message>
    <message>
        <source>파일 이름은 1–255자여야 합니다.</source>
        <translation>the file name must be 1–255 characters.</translation>
    </message>
    <message>
        <source>암호가 걸린 PDF는 첨부할 수 없습니다. 암호를 풀어 저장한 뒤 첨부하세요.</source>
        <translation>a password-protected PDF cannot be attached: save it without the password, then attach it.</translation>
    </message>
    <message>
        <source>PDF가 손상되었거나 완전하지 않아 열 수 없습니다 ({reason}). 원본 파일을 다시 받으세요.</source>
        <translation>the PDF is damaged or incomplete and does not open ({reason}): get the original file again.</translation>
    </message>
    <message>
        <source>PDF가 손상되어 열 수 없습니다 ({reason}).</source>
        <translation>the PDF is damaged and does not open ({reason}).</translation>
    </message>
    <message>
        <source>쪽이 없는 PDF입니다.</source>
        <translation>the PDF has no pages.</translation>
    </message>
    <message>
        <source>쪽이 너무 많습니다 ({pages}쪽, 최대 {limit}쪽).</source>
        <translation>too many pages ({pages}, at most {limit}).</translation>
    </message>
    <message>
        <source>PDF {page}쪽의 크기를 읽을 수 없습니다.</source>
        <translation>page {page} of the PDF has no readable size.</translation>
    </message>
    <message>
        <source>이미지 형식을 알 수 없습니다.</source>
        <translation>unknown image format.</translation>
    </message>
    <message>
        <source>이미지 크기가 맞지 않습니다 ({width}×{height}).</source>
        <translation>unusable image size ({width}×{height}).</translation>
    </message>
    <message>
        <source>이미지가 손상되었거나 완전하지 않아 열 수 없습니다 ({reason}).</source>
        <translation>the image is damaged or incomplete and does not open ({reason}).</translation>
    </message>
    <message>
        <source>같은 파일이 이미 첨부되어 있습니다 ({filename}, {when}). 다시 첨부하지 않았습니다.</source>
        <translation>the same file is attached already ({filename}, {when}); it was not attached again.</translation>
    </message>
    <message>
        <source>PDF를 읽을 수 없습니다: {reason}</source>
        <translation>cannot read the PDF: {reason}</translation>
    </message>
    <message>
        <source>PDF의 글자를 읽을 수 없습니다 ({kind}).</source>
        <translation>cannot read the PDF's text ({kind}).</translation>
    </message>
    <message>
        <source>대출번호 {loan_no}가 없습니다.</source>
        <translation>there is no loan {loan_no}.</translation>
    </message>
    <message>
        <source>대출 {loan_no}은(는) 고객 {customer_no}의 대출이 아닙니다.</source>
        <translation>loan {loan_no} is not customer {customer_no}'s.</translation>
    </message>
    <message>
        <source>이 데이터베이스에는 대출이 하나도 없습니다. 데모 데이터로 해 보려면 --demo를 붙이세요 (처음 쓸 때 만들어집니다).</source>
        <translation>this database holds no loans at all. Add --demo to try the demo data (it is created on first use).</translation>
    </message>
    <message>
        <source>중앙 서버의 데이터를 데모로 바꾸지 않습니다. 정말 그러려면 --force를 붙이세요.</source>
        <translation>refusing to replace data on a central server with the demo; add --force if you really mean it.</translation>
    </message>
    <message>
        <source>Excel 파일 이름은 .xlsx로 끝나야 합니다: {excel}</source>
        <translation>the Excel file must end in .xlsx: {excel}</translation>
    </message>
    <message>
        <source>알 수 없는 동작입니다: {action}</source>
        <translation>unknown action: {action}</translation>
    </message>
    <message>
        <source>db start/stop/status는 내장 서버를 다룹니다. 이 데이터 폴더는 중앙 서버를 씁니다 (내장 서버를 다루려면 --demo를 붙이세요).</source>
        <translation>db start/stop/status manage the embedded server; this data folder uses a central server (add --demo to manage its embedded server).</translation>
    </message>
    <message>
        <source>중앙 데이터베이스 스키마가 최신이 아닙니다. 관리자가 'retention-admin db upgrade'를 실행해야 합니다.</source>
        <translation>the central database schema is not current: an administrator must run 'retention-admin db upgrade'.</translation>
    </message>
    <message>
        <source>중단했습니다.</source>
        <translation>interrupted.</translation>
    </message>
    <message>
        <source>예상하지 못한 오류입니다 (프로그램 결함): {kind}. 자세한 내용은 로그 파일 {log}에 있습니다; 지원 담당자에게 보내 주세요.</source>
        <translation>unexpected error (a bug in the program): {kind}. The details are in the log file {log}; please send it to support.</translation>
    </message>
    <message>
        <source>예상하지 못한 오류가 발생했습니다. 방금 한 작업이 끝나지 않았을 수 있으니 화면을 다시 열어 확인하세요.</source>
        <translation>An unexpected error occurred. What you just did may not have finished: open the screen again to check.</translation>
    </message>
    <message>
        <source>문제가 계속되면 '자세한 정보 표시'의 내용과 로그 파일을 지원 담당자에게 보내 주세요.</source>
        <translation>If it happens again, send the 'Show Details' text and the log file to support.</translation>
    </message>
    <message>
        <source>그 밖에 오류 {count}건이 더 있습니다 ('자세한 정보 표시' 참고).</source>
        <translation>{count} more error(s) (see 'Show Details').</translation>
    </message>
    <message>
        <source>오류</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>데이터베이스 연결</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <source>확인해 주세요</source>
        <translation>Please check</translation>
    </message>
    <message>
        <source>로그 파일</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>이 데이터베이스에는 대출이 하나도 없어 학습하거나 점수를 매길 수 없습니다. 데모 데이터로 해 보려면 --demo를 붙이세요 (처음 쓸 때 만들어집니다).</source>
        <translation>this database holds no loans to learn from or score. Add --demo to try the demo data (it is created on first use).</translation>
    </message>
    <message>
        <source>인쇄할 쪽이 없습니다: 이 제안서는 1–{total}쪽입니다.</source>
        <translation>no page to print: this proposal has pages 1–{total}.</translation>
    </message>
    <message>
        <source>프린터를 열 수 없습니다: {target}</source>
        <translation>the printer cannot be opened: {target}</translation>
    </message>
    <message>
        <source>{path}에 쓸 수 없습니다: {reason}</source>
        <translation>cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>제안서를 만들지 못했습니다</source>
        <translation>The proposal was not made</translation>
    </message>
    <message>
        <source>제안서를 열지 못했습니다</source>
        <translation>The proposal did not open</translation>
    </message>
    <message>
        <source>원</source>
        <translation>won</translation>
    </message>
    <message>
        <source>연소득 반영</source>
        <translation>Use as annual income</translation>
    </message>
    <message>
        <source>반영하지 않음</source>
        <translation>Do not use</translation>
    </message>
    <message>
        <source>을(를) 첨부했습니다.</source>
        <translation> attached.</translation>
    </message>
    <message>
        <source>소득 증빙에서 연소득 {amount}({reading})을 찾았습니다.
읽은 줄: {line}

현재 등록된 연소득: {current}
서류를 직접 확인한 뒤 고객 연소득을 이 금액으로 바꾸시겠습니까?</source>
        <translation>The income proof states an annual income of {amount} ({reading}).
Line read: {line}

Annual income on file: {current}
Having checked the document yourself, change the customer's annual income to this amount?</translation>
    </message>
    <message>
        <source>연소득을 {amount}으로 확인했습니다.</source>
        <translation>Annual income confirmed as {amount}.</translation>
    </message>
    <message>
        <source>연소득 {amount}은(는) 소득 이중 확인 기준 {threshold}을(를) 넘어 아직 반영되지 않았습니다. 증빙과 요청을 기록했습니다: 지점장이 확인하면 반영됩니다.</source>
        <translation>The annual income of {amount} is above the second-confirmation threshold of {threshold} and does not count yet. The proof and the request are recorded: it counts once a manager confirms it.</translation>
    </message>
    <message>
        <source>지점장 확인 대기: 연소득 {amount} ({reading}), 요청 {who} {when}</source>
        <translation>Waiting for a manager: annual income {amount} ({reading}), asked by {who} {when}</translation>
    </message>
    <message>
        <source>요청하거나 증빙을 첨부하지 않은 지점장이 확인하면 반영됩니다.</source>
        <translation>It counts once a manager who neither asked nor attached the proof confirms it.</translation>
    </message>
    <message>
        <source>대기 중인 연소득 확인</source>
        <translation>Confirm the waiting income</translation>
    </message>
    <message>
        <source>{who}이(가) 요청한 연소득 {amount}({reading})을 확인합니다.
현재 등록된 연소득: {current}

첨부된 증빙을 직접 확인한 뒤 고객 연소득을 이 금액으로 바꾸시겠습니까?</source>
        <translation>Confirming the annual income of {amount} ({reading}) asked by {who}.
Annual income on record: {current}

Have you checked the attached proof yourself, and should the customer's annual income become this amount?</translation>
    </message>
    <message>
        <source>제안서 쪽을 그리는 중…</source>
        <translation>Rendering the proposal's pages…</translation>
    </message>
    <message>
        <source>인쇄…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>다른 이름으로 저장…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>고객 결정 기록</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>제안서 인쇄</source>
        <translation>Print proposal</translation>
    </message>
    <message>
        <source>제안서 저장</source>
        <translation>Save proposal</translation>
    </message>
    <message>
        <source>인쇄하지 못했습니다</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <source>제안서를 표시하지 못했습니다</source>
        <translation>Could not show the proposal</translation>
    </message>
    <message>
        <source>인쇄 중… ({n}쪽)</source>
        <translation>Printing… ({n} pages)</translation>
    </message>
    <message>
        <source>인쇄를 보냈습니다</source>
        <translation>Sent to the printer</translation>
    </message>
    <message>
        <source>저장하지 못했습니다</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>저장했습니다</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>고객 결정을 기록하지 못했습니다</source>
        <translation>Could not record the decision</translation>
    </message>
    <message>
        <source>고객 결정을 기록했습니다</source>
        <translation>Decision recorded</translation>
    </message>
    <message>
        <source>서명·보관됨</source>
        <translation>signed and archived</translation>
    </message>
    <message>
        <source>리텐션 데스크톱</source>
        <translation>Retention Desktop</translation>
    </message>
    <message>
        <source>화면 이동</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>제안서를 만들고 서명하는 중…</source>
        <translation>Building and signing the proposal…</translation>
    </message>
    <message>
        <source>없음 (고정금리)</source>
        <translation>None (fixed rate)</translation>
    </message>
    <message>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>저장 중…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>새 재대출 상품</source>
        <translation>New re-loan product</translation>
    </message>
    <message>
        <source>저장하지 않았습니다</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>재대출 상품 {code} 수정</source>
        <translation>Edit re-loan product {code}</translation>
    </message>
    <message>
        <source>확인 중…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>{label}: {text}을(를) 값으로 읽을 수 없습니다</source>
        <translation>{label}: {text} cannot be read as a value</translation>
    </message>
    <message>
        <source>항목 (단위)</source>
        <translation>Item (unit)</translation>
    </message>
    <message>
        <source>새 값</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>바뀐 값이 없습니다: 이전 버전과 같은 정책은 등록하지 않습니다.</source>
        <translation>Nothing changed: a policy identical to the previous version is not registered.</translation>
    </message>
    <message>
        <source>{version} ({date} 시행)의 값에서 시작합니다. 바꿀 값만 '새 값' 칸에서 고치세요. 구간 값은 [상한, 값] 목록입니다 (null = 상한 없음).</source>
        <translation>Starts from the values of {version} (in force from {date}). Change only what changes, in the 'New value' column. Bands are lists of [up to, value] (null = no upper limit).</translation>
    </message>
    <message>
        <source>등록하지 않았습니다</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>현재 값</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>행원</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>지점장</source>
        <translation>Branch manager</translation>
    </message>
    <message>
        <source>본부</source>
        <translation>Head office</translation>
    </message>
    <message>
        <source>로그인 중…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>내장 데이터베이스를 준비하는 중…</source>
        <translation>Preparing the embedded database…</translation>
    </message>
    <message>
        <source>직원번호를 입력하세요.</source>
        <translation>Enter your employee number.</translation>
    </message>
    <message>
        <source>내장 데이터베이스가 아직 준비되지 않았습니다.</source>
        <translation>The embedded database is not ready yet.</translation>
    </message>
    <message>
        <source>차트를 불러오는 중…</source>
        <translation>Loading the chart…</translation>
    </message>
    <message>
        <source>재대출 면제</source>
        <translation>Waived on re-loan</translation>
    </message>
    <message>
        <source>이 값의 시행일</source>
        <translation>Value in force since</translation>
    </message>
    <message>
        <source>근거 (버전 · 설명)</source>
        <translation>Source (version · note)</translation>
    </message>
    <message>
        <source>. 같은 금융회사·종류·기준일의 공시는 다시 가져오면 교체됩니다.</source>
        <translation>. Importing a sheet of the same lender, kind and date again replaces it.</translation>
    </message>
    <message>
        <source>상품 {n}개 (판매 중 {selling}개). 코드가 같은 행은 수정, 새 코드는 추가됩니다.</source>
        <translation>{n} products ({selling} on sale). A row with an existing code changes that product; a new code adds one.</translation>
    </message>
    <message>
        <source>지표별 최근 고시 {n}건. 같은 지표·고시일은 교체됩니다.</source>
        <translation>{n} recent fixings per index. The same index and date is replaced.</translation>
    </message>
    <message>
        <source>{date} 시행 중: {version} · 정책은 추가만 됩니다 (고치려면 새 버전을 등록)</source>
        <translation>In force on {date}: {version} · policies are only added (to correct one, register a new version)</translation>
    </message>
    <message>
        <source>행</source>
        <translation> rows</translation>
    </message>
    <message>
        <source>{kind}: {file}에서 {what}을(를) 가져왔습니다.</source>
        <translation>{kind}: imported {what} from {file}.</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>none</translation>
    </message>
    <message>
        <source>금융회사·대출 종류별 최신 공시 {n}행</source>
        <translation>{n} rows of the latest published rates per lender and loan kind</translation>
    </message>
    <message>
        <source>아무것도 바뀌지 않았습니다. 다음을 고쳐 다시 가져오세요:</source>
        <translation>Nothing was changed. Fix the following and import again:</translation>
    </message>
    <message>
        <source>, 가장 최근 {date}</source>
        <translation>, latest {date}</translation>
    </message>
    <message>
        <source>상품 {code}을(를) 저장했습니다.</source>
        <translation>Product {code} saved.</translation>
    </message>
    <message>
        <source>규제 정책 {version}을(를) 등록했습니다.</source>
        <translation>Policy version {version} registered.</translation>
    </message>
    <message>
        <source>… 외 {n}건</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>이 대출을 갈아탈 같은 종류의 새 대출로 지금 받을 수 있는 최대 금액</source>
        <translation>the most a new loan of the same kind, replacing this one, could be today</translation>
    </message>
    <message>
        <source>먼저 걸리는 규칙</source>
        <translation>set by</translation>
    </message>
    <message>
        <source>소득 변화 (%)</source>
        <translation>Income change (%)</translation>
    </message>
    <message>
        <source>금리 변화 (%p)</source>
        <translation>Rate change (%p)</translation>
    </message>
    <message>
        <source>시나리오별 한도 (원)</source>
        <translation>Limit by scenario (won)</translation>
    </message>
    <message>
        <source>현재 잔액</source>
        <translation>The current balance of</translation>
    </message>
    <message>
        <source>전부를 재대출로 옮길 수 없습니다</source>
        <translation>cannot all move to a re-loan</translation>
    </message>
    <message>
        <source>부족</source>
        <translation>short by</translation>
    </message>
    <message>
        <source>지금 바로 한도나 금리를 개선할 수 있는 간단한 조치는 없습니다.</source>
        <translation>No simple step would improve the limit or the rate right now.</translation>
    </message>
    <message>
        <source>기준 향후 36개월 한도 (원)</source>
        <translation>— limit over the next 36 months (won)</translation>
    </message>
    <message>
        <source>36개월 동안 한도는 소득 증가(연 3%)와 부채 상환에 따라 조금씩 바뀝니다.</source>
        <translation>Over 36 months the limit moves a little with income growth (3% a year) and repayments.</translation>
    </message>
    <message>
        <source>기준</source>
        <translation>Binding rule</translation>
    </message>
    <message>
        <source>현재 한도</source>
        <translation>Limit today</translation>
    </message>
    <message>
        <source>예, 진행합니다</source>
        <translation>Yes, go ahead</translation>
    </message>
    <message>
        <source>아니요</source>
        <translation>No</translation>
    </message>
    <message>
        <source>해당하는 신청이 없습니다.</source>
        <translation>No applications match.</translation>
    </message>
    <message>
        <source>신청을 기다리는 수락 제안서가 없습니다</source>
        <translation>No accepted proposal is waiting for an application</translation>
    </message>
    <message>
        <source>계속하시겠습니까?</source>
        <translation>Continue?</translation>
    </message>
    <message>
        <source>연소득</source>
        <translation>Annual income</translation>
    </message>
    <message>
        <source>전결 한도 아래: 지점장 승인 필요</source>
        <translation>below the officer's authority: branch manager's approval needed</translation>
    </message>
    <message>
        <source>연</source>
        <translation>p.a.</translation>
    </message>
    <message>
        <source>개월</source>
        <translation> months</translation>
    </message>
    <message>
        <source>건</source>
        <translation></translation>
    </message>
    <message>
        <source>실행 전</source>
        <translation>not yet booked</translation>
    </message>
    <message>
        <source>금리를 바꿀 대출</source>
        <translation>Loan whose rate changes</translation>
    </message>
    <message>
        <source>적용됨</source>
        <translation>applied</translation>
    </message>
    <message>
        <source>기존 약정 유지 (새 대출 없음)</source>
        <translation>the existing contract continues (no new loan)</translation>
    </message>
    <message>
        <source>기존 대출의 금리를 승인된 금리로 바꿉니다 (새 대출 없음).</source>
        <translation>The existing loan's rate changes to the approved rate (no new loan).</translation>
    </message>
    <message>
        <source>금리 조건변경 적용</source>
        <translation>rate renegotiation applied to</translation>
    </message>
    <message>
        <source>새 대출</source>
        <translation>new loan</translation>
    </message>
    <message>
        <source>신청 {no}을(를) 작성했습니다.</source>
        <translation>Application {no} created.</translation>
    </message>
    <message>
        <source>금리 조건변경 신청 {application}을(를) 작성했습니다: 재대출 신청 화면에서 심사 요청하세요. 작성자·제안자가 아닌, 승인 권한이 있는 다른 직원이 승인하고 실행하면 대출 {loan}의 금리가 연 {before}%에서 연 {after}%로 바뀝니다.</source>
        <translation>Rate renegotiation application {application} filed: submit it for review on the Applications screen. The rate of loan {loan} changes from {before}% to {after}% a year once a colleague with the authority, neither its filer nor the proposal's author, approves it and it is executed.</translation>
    </message>
    <message>
        <source>금리 조건변경 신청 {application}을(를) 작성했습니다: 재대출 신청 화면에서 심사 요청하세요. 작성자·제안자가 아닌, 승인 권한이 있는 다른 직원이 승인하고 실행하면 대출 {loan}의 금리가 연 {before}%에서 연 {after}%로 바뀝니다. {reason}</source>
        <translation>Rate renegotiation application {application} filed: submit it for review on the Applications screen. The rate of loan {loan} changes from {before}% to {after}% a year once a colleague with the authority, neither its filer nor the proposal's author, approves it and it is executed. {reason}</translation>
    </message>
    <message>
        <source>금리 연 {rate}%는 행원 전결 한도(연 {lowest}% 이상) 아래라 지점장 승인이 필요합니다.</source>
        <translation>A rate of {rate}% is below an officer's authority ({lowest}% or more): a branch manager must approve.</translation>
    </message>
    <message>
        <source>금액 {amount}원은 행원 승인 한도({limit}원)를 넘어 지점장 승인이 필요합니다.</source>
        <translation>The amount of ₩{amount} is above an officer's approval limit (₩{limit}): a branch manager must approve.</translation>
    </message>
    <message>
        <source>지점장 승인이 필요합니다.</source>
        <translation>A branch manager must approve.</translation>
    </message>
    <message>
        <source>같은 대출의 신청 {application}이(가) {role}의 거절로 끝나 {role} 이상이 승인합니다.</source>
        <translation>Application {application} on the same loan ended in a rejection by the {role}: the {role} or above approves.</translation>
    </message>
    <message>
        <source>검색어를 알아볼 수 없습니다. 이름(예: 김하늘), 이름과 생년월일(예: 김하늘 860311), 고객번호(C…), 휴대전화 끝 4자리, 대출번호(L…) 중 하나로 찾으세요.</source>
        <translation>The search could not be read. Search by name (e.g. 김하늘), name and birth date (e.g. 김하늘 860311), customer number (C…), the last 4 digits of a mobile number, or a loan number (L…).</translation>
    </message>
    <message>
        <source>에 맞는 고객이 없습니다. 이름은 앞부분부터 맞춰 찾습니다: 성만(예: 김) 또는 고객번호·휴대전화 끝 4자리·대출번호로 찾아 보세요.</source>
        <translation>matches no customer. Names match from their start: try the family name alone (e.g. 김), or the customer number, the last 4 digits of the mobile number or a loan number.</translation>
    </message>
    <message>
        <source>검색 결과</source>
        <translation>results:</translation>
    </message>
    <message>
        <source>명 표시</source>
        <translation> shown</translation>
    </message>
    <message>
        <source>더 있습니다</source>
        <translation>more available</translation>
    </message>
    <message>
        <source>명</source>
        <translation></translation>
    </message>
    <message>
        <source>아직 콜리스트가 없습니다: 본부가 포트폴리오를 평가하면 여기에 나타납니다.</source>
        <translation>No call list yet: it appears here once head office has scored the portfolio.</translation>
    </message>
    <message>
        <source>금리 조건변경·재대출이 은행 기대가치를 높이는 대출만, 기대가치 증가 순. 줄임표(…)로 줄인 칸은 마우스를 올리면 전부 보입니다.</source>
        <translation>only loans where a rate renegotiation or re-loan raises the bank's expected value, largest gain first. Hover over a cell cut short (…) to read all of it.</translation>
    </message>
    <message>
        <source>상품별 정상 대출 건수 (건)</source>
        <translation>Active loans by product (loans)</translation>
    </message>
    <message>
        <source>미생성</source>
        <translation>not generated</translation>
    </message>
    <message>
        <source>대출 상태</source>
        <translation>Loan status</translation>
    </message>
    <message>
        <source>이번 달 제안서 결과</source>
        <translation>This month's proposal outcomes</translation>
    </message>
    <message>
        <source>제안서 번호를 입력하거나 QR을 스캔하세요 (예: P20261130-1C09B6)</source>
        <translation>Type a proposal number or scan its QR code (e.g. P20261130-1C09B6)</translation>
    </message>
    <message>
        <source>확인할 제안서 번호</source>
        <translation>Proposal number to check</translation>
    </message>
    <message>
        <source>확인</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>확인 안 됨</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>확인됨</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>제안서 확인</source>
        <translation>Check a proposal</translation>
    </message>
    <message>
        <source>아직 작성된 제안서가 없습니다.</source>
        <translation>No proposals yet.</translation>
    </message>
    <message>
        <source>제안서를 확인하지 못했습니다</source>
        <translation>Could not check the proposal</translation>
    </message>
    <message>
        <source>권해 드린 선택</source>
        <translation>Recommended option</translation>
    </message>
    <message>
        <source>월</source>
        <translation>monthly</translation>
    </message>
    <message>
        <source>총 절약</source>
        <translation>total saving</translation>
    </message>
    <message>
        <source>지점과 내가 만든 제안서</source>
        <translation>Proposals of the branch and made by you:</translation>
    </message>
    <message>
        <source>확인하지 못했습니다</source>
        <translation>Could not check</translation>
    </message>
    <message>
        <source>범위 전체가 담당자 전결</source>
        <translation>the whole range is within the officer's authority</translation>
    </message>
    <message>
        <source>지점장 승인 필요</source>
        <translation>branch manager's approval needed</translation>
    </message>
    <message>
        <source>전결 가능</source>
        <translation>within the officer's authority</translation>
    </message>
    <message>
        <source>제시 가능</source>
        <translation>Can offer</translation>
    </message>
    <message>
        <source>정상가</source>
        <translation>list rate</translation>
    </message>
    <message>
        <source>선택지 비교표</source>
        <translation>Options compared</translation>
    </message>
    <message>
        <source>예: 토스뱅크</source>
        <translation>e.g. Toss Bank</translation>
    </message>
    <message>
        <source>고객이 받은 제시: 금융기관</source>
        <translation>Offer the customer received: lender</translation>
    </message>
    <message>
        <source>예: 4.10</source>
        <translation>e.g. 4.10</translation>
    </message>
    <message>
        <source>고객이 받은 제시: 연 금리 (%)</source>
        <translation>Offer the customer received: annual rate (%)</translation>
    </message>
    <message>
        <source>고객이 다른 금융기관에서 받은 금리를 비교에 넣습니다 (Ctrl+Enter)</source>
        <translation>Adds the rate the customer was offered elsewhere to the comparison (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>내부 수치 숨기기</source>
        <translation>Hide internal figures</translation>
    </message>
    <message>
        <source>고객이 보는 화면: 업무원가·목표이익, 은행 기대가치와 유지 확률을 가립니다 (Ctrl+H)</source>
        <translation>For a screen the customer sees: hides the bank's cost and target margin, expected value and retention probability (Ctrl+H)</translation>
    </message>
    <message>
        <source>서명된 PDF 제안서를 만들어 보관합니다 (Ctrl+P)</source>
        <translation>Builds, signs and archives the PDF proposal (Ctrl+P)</translation>
    </message>
    <message>
        <source>이 대출의 미래 한도 (Ctrl+L)</source>
        <translation>This loan's future limit (Ctrl+L)</translation>
    </message>
    <message>
        <source>고객이 받은 제시:</source>
        <translation>Offer the customer received:</translation>
    </message>
    <message>
        <source>연 금리 (%)</source>
        <translation>Annual rate (%)</translation>
    </message>
    <message>
        <source>선택지별 누적 비용 (선취비용 + 이자, 원)</source>
        <translation>Cumulative cost by option (upfront costs + interest, won)</translation>
    </message>
    <message>
        <source>미만은 지점장 승인</source>
        <translation>and below: branch manager's approval</translation>
    </message>
    <message>
        <source>제안 금리</source>
        <translation>offered rate</translation>
    </message>
    <message>
        <source>맞춤 금리 산정 근거</source>
        <translation>How the personal rate is built</translation>
    </message>
    <message>
        <source>판단 근거</source>
        <translation>Why this advice</translation>
    </message>
    <message>
        <source>제시할 수 있는 금리 조건변경·재대출이 없습니다.</source>
        <translation>No rate renegotiation or re-loan can be offered.</translation>
    </message>
    <message>
        <source>은행 가산금리</source>
        <translation>bank's spread</translation>
    </message>
    <message>
        <source>불가</source>
        <translation>Not available</translation>
    </message>
    <message>
        <source>손익분기</source>
        <translation>break-even</translation>
    </message>
    <message>
        <source>개인정보 열람</source>
        <translation>Reveal personal data</translation>
    </message>
    <message>
        <source>예: 재대출 상담 중 연락처 확인</source>
        <translation>e.g. confirming contact details during a re-loan consultation</translation>
    </message>
    <message>
        <source>열람 사유</source>
        <translation>Reason for revealing</translation>
    </message>
    <message>
        <source>고객 상세</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>서류</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>열람 중 (기록됨)</source>
        <translation>Revealed (recorded)</translation>
    </message>
    <message>
        <source>신용점수 추이 (점)</source>
        <translation>Credit score history (points)</translation>
    </message>
    <message>
        <source>열람 사유를 {n}자 이상 입력하세요. 열람 기록이 남습니다.</source>
        <translation>Enter a reason of at least {n} characters. The access is recorded.</translation>
    </message>
    <message>
        <source>사유가 너무 짧습니다. {n}자 이상 입력하세요.</source>
        <translation>The reason is too short. Enter at least {n} characters.</translation>
    </message>
    <message>
        <source>급여이체</source>
        <translation>salary account</translation>
    </message>
    <message>
        <source>대출 상세</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>← 고객 상세로</source>
        <translation>← Back to the customer</translation>
    </message>
    <message>
        <source>이전 화면으로 (Esc)</source>
        <translation>Back to the previous screen (Esc)</translation>
    </message>
    <message>
        <source>이전 화면으로</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>종료된 대출입니다.</source>
        <translation>This loan is closed.</translation>
    </message>
    <message>
        <source>잔여</source>
        <translation>remaining</translation>
    </message>
    <message>
        <source>완제 금액</source>
        <translation>payoff amount</translation>
    </message>
    <message>
        <source>경과이자</source>
        <translation>accrued interest</translation>
    </message>
    <message>
        <source>신용대출</source>
        <translation>Credit loan</translation>
    </message>
    <message>
        <source>주택담보대출</source>
        <translation>Mortgage</translation>
    </message>
    <message>
        <source>전세대출</source>
        <translation>Jeonse loan</translation>
    </message>
    <message>
        <source>기타담보대출</source>
        <translation>Other secured loan</translation>
    </message>
    <message>
        <source>마이너스통장</source>
        <translation>Overdraft line</translation>
    </message>
    <message>
        <source>카드론</source>
        <translation>Card loan</translation>
    </message>
    <message>
        <source>할부금융</source>
        <translation>Instalment finance</translation>
    </message>
    <message>
        <source>학자금대출</source>
        <translation>Student loan</translation>
    </message>
    <message>
        <source>고정</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <source>변동</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>혼합</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <source>주기형</source>
        <translation>Periodic</translation>
    </message>
    <message>
        <source>신규취급액 COFIX</source>
        <translation>COFIX (new loans)</translation>
    </message>
    <message>
        <source>잔액 COFIX</source>
        <translation>COFIX (balances)</translation>
    </message>
    <message>
        <source>금융채 6개월</source>
        <translation>Bank bond 6M</translation>
    </message>
    <message>
        <source>금융채 12개월</source>
        <translation>Bank bond 12M</translation>
    </message>
    <message>
        <source>금융채 5년</source>
        <translation>Bank bond 5Y</translation>
    </message>
    <message>
        <source>원리금균등</source>
        <translation>Equal payments</translation>
    </message>
    <message>
        <source>원금균등</source>
        <translation>Equal principal</translation>
    </message>
    <message>
        <source>만기일시</source>
        <translation>Bullet</translation>
    </message>
    <message>
        <source>미결정</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>수락</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>거절</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>타행 대환</source>
        <translation>Switched to another lender</translation>
    </message>
    <message>
        <source>재대출</source>
        <translation>Re-loan</translation>
    </message>
    <message>
        <source>대환 권유</source>
        <translation>Let them switch</translation>
    </message>
    <message>
        <source>DSR 한도 — 은행 (%)</source>
        <translation>DSR cap — banks (%)</translation>
    </message>
    <message>
        <source>DSR 한도 — 2금융권 (%)</source>
        <translation>DSR cap — non-banks (%)</translation>
    </message>
    <message>
        <source>차주단위 DSR 적용 기준 총대출 (원)</source>
        <translation>Borrower-level DSR from total loans of (won)</translation>
    </message>
    <message>
        <source>DSR 산정 제외 소액 신용대출 (원)</source>
        <translation>Small credit loans left out of DSR (won)</translation>
    </message>
    <message>
        <source>DSR 환산 만기 — 신용대출 (년)</source>
        <translation>DSR notional term — credit loan (years)</translation>
    </message>
    <message>
        <source>DSR 환산 만기 — 마이너스통장 (년)</source>
        <translation>DSR notional term — overdraft line (years)</translation>
    </message>
    <message>
        <source>DSR 환산 만기 — 기타담보 (년)</source>
        <translation>DSR notional term — other secured (years)</translation>
    </message>
    <message>
        <source>DSR 환산 만기 — 카드론 (년)</source>
        <translation>DSR notional term — card loan (years)</translation>
    </message>
    <message>
        <source>DSR 환산 만기 — 할부 (년)</source>
        <translation>DSR notional term — instalment (years)</translation>
    </message>
    <message>
        <source>DSR 환산 만기 — 학자금 (년)</source>
        <translation>DSR notional term — student loan (years)</translation>
    </message>
    <message>
        <source>일시상환 주담대 환산 만기 상한 (년)</source>
        <translation>Bullet mortgage notional term cap (years)</translation>
    </message>
    <message>
        <source>신용대출 스트레스 적용 기준 총액 (원)</source>
        <translation>Stress rate on credit loans from a total of (won)</translation>
    </message>
    <message>
        <source>스트레스 금리 규칙 [적용 범위(대출종류·지역·업권·금리유형), 가산금리 %p, 반영비율표] — 위에서부터 처음 맞는 규칙</source>
        <translation>Stress rate rules [scope (kind, region, sector, rate type), add-on %p, weights] — the first rule that matches, from the top</translation>
    </message>
    <message>
        <source>반영비율(1·2단계) — 변동</source>
        <translation>Stress weight (phases 1–2) — variable</translation>
    </message>
    <message>
        <source>반영비율(1·2단계) — 고정</source>
        <translation>Stress weight (phases 1–2) — fixed</translation>
    </message>
    <message>
        <source>반영비율(1·2단계) — 혼합 [고정기간 비중 % 미만, 비율]</source>
        <translation>Stress weight (phases 1–2) — mixed [fixed share below %, weight]</translation>
    </message>
    <message>
        <source>반영비율(1·2단계) — 주기형 [주기 비중 % 미만, 비율]</source>
        <translation>Stress weight (phases 1–2) — periodic [period share below %, weight]</translation>
    </message>
    <message>
        <source>반영비율(3단계) — 변동</source>
        <translation>Stress weight (phase 3) — variable</translation>
    </message>
    <message>
        <source>반영비율(3단계) — 고정</source>
        <translation>Stress weight (phase 3) — fixed</translation>
    </message>
    <message>
        <source>반영비율(3단계) — 혼합 [고정기간 비중 % 미만, 비율]</source>
        <translation>Stress weight (phase 3) — mixed [fixed share below %, weight]</translation>
    </message>
    <message>
        <source>반영비율(3단계) — 주기형 [주기 비중 % 미만, 비율]</source>
        <translation>Stress weight (phase 3) — periodic [period share below %, weight]</translation>
    </message>
    <message>
        <source>LTV — 규제지역 (%)</source>
        <translation>LTV — regulated areas (%)</translation>
    </message>
    <message>
        <source>LTV — 규제지역 생애최초 (%)</source>
        <translation>LTV — regulated areas, first-time buyer (%)</translation>
    </message>
    <message>
        <source>LTV — 규제지역 추가 주택 (%)</source>
        <translation>LTV — regulated areas, additional home (%)</translation>
    </message>
    <message>
        <source>LTV — 수도권(비규제) (%)</source>
        <translation>LTV — capital area, not regulated (%)</translation>
    </message>
    <message>
        <source>LTV — 수도권(비규제) 생애최초 (%)</source>
        <translation>LTV — capital area, first-time buyer (%)</translation>
    </message>
    <message>
        <source>LTV — 수도권(비규제) 추가 주택 (%)</source>
        <translation>LTV — capital area, additional home (%)</translation>
    </message>
    <message>
        <source>LTV — 그 밖의 지역 (%)</source>
        <translation>LTV — other areas (%)</translation>
    </message>
    <message>
        <source>LTV — 그 밖의 지역 생애최초 (%)</source>
        <translation>LTV — other areas, first-time buyer (%)</translation>
    </message>
    <message>
        <source>LTV — 그 밖의 지역 추가 주택 (%)</source>
        <translation>LTV — other areas, additional home (%)</translation>
    </message>
    <message>
        <source>규제지역 여부를 모르는 수도권 주택은 규제지역으로 봄 (true/false)</source>
        <translation>A capital-area home of unknown status counts as regulated (true/false)</translation>
    </message>
    <message>
        <source>주택가격별 주담대 한도 (null: 없음)</source>
        <translation>Mortgage cap by home price (null: none)</translation>
    </message>
    <message>
        <source>주택가격별 한도 적용 지역</source>
        <translation>Areas of the price-based cap</translation>
    </message>
    <message>
        <source>주택가격별 한도 [주택가격까지, 한도] (원)</source>
        <translation>Cap by home price [price up to, cap] (won)</translation>
    </message>
    <message>
        <source>주담대 최장 만기 (null: 없음)</source>
        <translation>Longest mortgage term (null: none)</translation>
    </message>
    <message>
        <source>최장 만기 적용 지역</source>
        <translation>Areas of the longest term</translation>
    </message>
    <message>
        <source>주담대 최장 만기 (개월)</source>
        <translation>Longest mortgage term (months)</translation>
    </message>
    <message>
        <source>법정 최고금리 (%)</source>
        <translation>Legal maximum rate (%)</translation>
    </message>
    <message>
        <source>신용대출 연소득 대비 한도 (%)</source>
        <translation>Credit loans up to this share of annual income (%)</translation>
    </message>
    <message>
        <source>인지세 [대출금액까지, 세액] (원)</source>
        <translation>Stamp duty [loan amount up to, duty] (won)</translation>
    </message>
    <message>
        <source>인지세 고객 부담 비율 (%)</source>
        <translation>Stamp duty borne by the customer (%)</translation>
    </message>
    <message>
        <source>중도상환수수료 부과 기간 (년)</source>
        <translation>Prepayment fee period (years)</translation>
    </message>
    <message>
        <source>주담대 대환 가능 최소 보유 기간 (개월)</source>
        <translation>Mortgage held at least this long before a switch (months)</translation>
    </message>
    <message>
        <source>연체 가산금리 (%p)</source>
        <translation>Late payment add-on (%p)</translation>
    </message>
    <message>
        <source>연체 최고금리 (%)</source>
        <translation>Late payment rate cap (%)</translation>
    </message>
    <message>
        <source>청약철회 기간 (일)</source>
        <translation>Withdrawal period (days)</translation>
    </message>
    <message>
        <source>금리 조건변경 시 DSR 재심사 (true/false)</source>
        <translation>DSR re-tested on a rate renegotiation (true/false)</translation>
    </message>
    <message>
        <source>금리 조건변경 시 인지세 부과 (true/false)</source>
        <translation>Stamp duty on a rate renegotiation (true/false)</translation>
    </message>
    <message>
        <source>금리인하요구 답변 기한 (영업일)</source>
        <translation>Answer to a rate-cut request within (business days)</translation>
    </message>
    <message>
        <source>금리인하요구권 안내 주기 (개월)</source>
        <translation>Rate-cut right notice every (months)</translation>
    </message>
    <message>
        <source>정상</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>연체</source>
        <translation>In arrears</translation>
    </message>
    <message>
        <source>종료</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>재대출 전환</source>
        <translation>Re-loaned</translation>
    </message>
    <message>
        <source>급여소득자</source>
        <translation>Salaried</translation>
    </message>
    <message>
        <source>공무원</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <source>자영업</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <source>프리랜서</source>
        <translation>Freelancer</translation>
    </message>
    <message>
        <source>은퇴</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>무직</source>
        <translation>Not employed</translation>
    </message>
    <message>
        <source>작성 중</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>심사 요청</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>승인</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>실행</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>재대출 상품</source>
        <translation>Re-loan products</translation>
    </message>
    <message>
        <source>타행 금리 공시</source>
        <translation>Other lenders' rates</translation>
    </message>
    <message>
        <source>지표금리</source>
        <translation>Index rates</translation>
    </message>
    <message>
        <source>규제 정책</source>
        <translation>Regulatory policy</translation>
    </message>
    <message>
        <source>이 신청을 거절합니다.</source>
        <translation>This rejects the application.</translation>
    </message>
    <message>
        <source>기존 대출을 상환 처리하고 새 대출을 실행합니다.</source>
        <translation>This repays the existing loan and books the new one.</translation>
    </message>
    <message>
        <source>이 신청을 취소합니다.</source>
        <translation>This cancels the application.</translation>
    </message>
    <message>
        <source>DSR 한도</source>
        <translation>DSR cap</translation>
    </message>
    <message>
        <source>스트레스 DSR 한도</source>
        <translation>stress DSR cap</translation>
    </message>
    <message>
        <source>LTV(담보인정비율) 한도</source>
        <translation>LTV cap</translation>
    </message>
    <message>
        <source>주택가격별 대출한도</source>
        <translation>cap by home price</translation>
    </message>
    <message>
        <source>신용대출 연소득 한도</source>
        <translation>credit-loan income cap</translation>
    </message>
    <message>
        <source>대환 대상 대출 잔액</source>
        <translation>balance of the loan replaced</translation>
    </message>
    <message>
        <source>상품 최고한도</source>
        <translation>product maximum</translation>
    </message>
    <message>
        <source>상품 최저금액 미달</source>
        <translation>below the product minimum</translation>
    </message>
    <message>
        <source>진행 중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>전체</source>
        <translation>All</translation>
    </message>
    <message>
        <source>판매 중</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>판매 중지</source>
        <translation>Not on sale</translation>
    </message>
    <message>
        <source>시행 중</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>시행 예정</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>소득 증빙</source>
        <translation>Income proof</translation>
    </message>
    <message>
        <source>신분증 사본</source>
        <translation>ID copy</translation>
    </message>
    <message>
        <source>기타</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>초기 설정 (설치 시 등록)</source>
        <translation>Initial setup (installed with the schema)</translation>
    </message>
    <message>
        <source>가능</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>더 듦</source>
        <translation>more</translation>
    </message>
    <message>
        <source>만</source>
        <translation>age</translation>
    </message>
    <message>
        <source>세</source>
        <translation></translation>
    </message>
    <message>
        <source>취소됨</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>예</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>아니오</source>
        <translation>No</translation>
    </message>
    <message>
        <source>그 초과</source>
        <translation>above that</translation>
    </message>
    <message>
        <source>이하</source>
        <translation>up to</translation>
    </message>
    <message>
        <source>미만</source>
        <translation>below</translation>
    </message>
    <message>
        <source>규제지역</source>
        <translation>regulated areas</translation>
    </message>
    <message>
        <source>수도권</source>
        <translation>capital area</translation>
    </message>
    <message>
        <source>그 밖의 지역</source>
        <translation>other areas</translation>
    </message>
    <message>
        <source>그 밖의 모든 대출</source>
        <translation>all other loans</translation>
    </message>
    <message>
        <source>은행</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>2금융권</source>
        <translation>Non-bank</translation>
    </message>
    <message>
        <source>상환 완료</source>
        <translation>repaid</translation>
    </message>
    <message>
        <source>주민등록번호</source>
        <translation>Resident registration no.</translation>
    </message>
    <message>
        <source>이메일</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>직업</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>본부 관리자</source>
        <translation>Head office administrator</translation>
    </message>
    <message>
        <source>다음 {n}명 더 보기</source>
        <translation>Show {n} more</translation>
    </message>
    <message>
        <source>오늘의 타지점 검색 한도(하루 {limit}명)에 도달해 다른 영업점 고객은 더 표시하지 않습니다. 이 영업점 고객은 그대로 찾을 수 있습니다. 한도는 본부가 정합니다.</source>
        <translation>Today's limit of other branches' customers in searches ({limit} a day) is reached: no more customers of other branches are shown. This branch's customers are still found. Head office sets the limit.</translation>
    </message>
    <message>
        <source>오늘 다른 영업점 고객을 찾는 검색(전체 이름, 이름과 생년월일, 고객번호·대출번호) 한도 하루 {limit}회를 모두 써서 다른 영업점 고객은 표시하지 않습니다. 이 영업점 고객은 그대로 찾을 수 있습니다. 한도는 본부가 정합니다.</source>
        <translation>Today's limit of searches that look for other branches' customers (full name, name and birth date, customer or loan number) of {limit} a day is used up: customers of other branches are not shown. This branch's customers are still found. Head office sets the limit.</translation>
    </message>
    <message>
        <source>에 맞는 고객이 없습니다. 이름은 앞부분부터 맞춰 찾습니다: 성만 입력하거나 고객번호·휴대전화 끝 4자리·대출번호로 찾아 보세요.</source>
        <translation>matches no customer. Names match from their start: type the family name alone, or search by customer number, the last 4 digits of the mobile number or a loan number.</translation>
    </message>
    <message>
        <source>{0} {1}이(가) {2} {3}보다 낮습니다</source>
        <translation>{0} {1} is below {2} {3}</translation>
    </message>
    <message>
        <source>{0}: {1}~{2} 사이여야 합니다 (입력 {3})</source>
        <translation>{0}: must be between {1} and {2} (entered {3})</translation>
    </message>
    <message>
        <source>{0}: 정수를 입력하세요 (입력 {1})</source>
        <translation>{0}: enter a whole number (entered {1})</translation>
    </message>
    <message>
        <source>{0}: 숫자를 입력하세요 (입력 {1})</source>
        <translation>{0}: enter a number (entered {1})</translation>
    </message>
    <message>
        <source>{0}: 0~100, 소수 넷째 자리까지 (입력 {1})</source>
        <translation>{0}: 0 to 100, at most four decimals (entered {1})</translation>
    </message>
    <message>
        <source>{0}: 0 초과 100 이하, 소수 넷째 자리까지 (입력 {1})</source>
        <translation>{0}: above 0 up to 100, at most four decimals (entered {1})</translation>
    </message>
    <message>
        <source>{0}: {1} 이상 {2} 이하여야 합니다 (입력 {3})</source>
        <translation>{0}: must be from {1} to {2} (entered {3})</translation>
    </message>
    <message>
        <source>{0}: {1} 초과 {2} 이하여야 합니다 (입력 {3})</source>
        <translation>{0}: must be above {1} up to {2} (entered {3})</translation>
    </message>
    <message>
        <source>소득 확인일</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>만 {n}세</source>
        <translation>age {n}</translation>
    </message>
    <message>
        <source>금리 (현재 → 제안)</source>
        <translation>Rate (now → offered)</translation>
    </message>
    <message>
        <source>고객 절감 (월)</source>
        <translation>Customer saving (monthly)</translation>
    </message>
    <message>
        <source>현재 상태</source>
        <translation>Current state</translation>
    </message>
    <message>
        <source>카드론 상환</source>
        <translation>Cards repaid</translation>
    </message>
    <message>
        <source>모두 적용</source>
        <translation>All applied</translation>
    </message>
    <message>
        <source>고객이 수락한 제안서</source>
        <translation>Proposals the customer accepted</translation>
    </message>
    <message>
        <source>처리 의견</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>재대출 신청 목록</source>
        <translation>Re-loan applications</translation>
    </message>
    <message>
        <source>진행 이력</source>
        <translation>History</translation>
    </message>
    <message>
        <source>서류 종류</source>
        <translation>Document kind</translation>
    </message>
    <message>
        <source>선택한 버전의 규제 값</source>
        <translation>Values of the selected version</translation>
    </message>
    <message>
        <source>접속 방식</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>규제 값</source>
        <translation>Policy values</translation>
    </message>
    <message>
        <source>첨부 서류</source>
        <translation>Documents attached</translation>
    </message>
    <message>
        <source>포트</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>데이터베이스</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>SSL 모드</source>
        <translation>SSL mode</translation>
    </message>
    <message>
        <source>제안서 목록</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>(확인 {date})</source>
        <translation>(verified {date})</translation>
    </message>
    <message>
        <source>code: {0}은(는) 이미 있는 상품입니다 ({1})</source>
        <translation>code: {0} already exists ({1})</translation>
    </message>
    <message>
        <source>한 줄에 한 구간: '상한' 이하(미만)인 경우의 값입니다. 마지막 줄은 상한 없이 그 초과 전부입니다.</source>
        <translation>One band a row: the value up to (below) the 'up to' amount. The last row has no upper limit: everything above.</translation>
    </message>
    <message>
        <source>상한</source>
        <translation>Up to</translation>
    </message>
    <message>
        <source>구간 추가</source>
        <translation>Add a band</translation>
    </message>
    <message>
        <source>선택한 구간 삭제</source>
        <translation>Remove the selected band</translation>
    </message>
    <message>
        <source>(상한 없음)</source>
        <translation>(no limit)</translation>
    </message>
    <message>
        <source>{row}번째 줄: 숫자가 아닙니다 ({text})</source>
        <translation>Row {row}: not a number ({text})</translation>
    </message>
    <message>
        <source>{version} ({date} 시행)의 값에서 시작합니다. 바꿀 값만 '새 값' 칸에서 고치세요. 구간 값은 두 번 누르면 구간별 입력 양식이 열립니다.</source>
        <translation>Starts from the values of {version} (in force from {date}). Change only what changes, in the 'New value' column; double-click a band list to edit it band by band.</translation>
    </message>
    <message>
        <source>예: 내점 고객 재대출 상담</source>
        <translation>e.g. re-loan consultation for a walk-in customer</translation>
    </message>
    <message>
        <source>타지점 고객</source>
        <translation>customer of another branch</translation>
    </message>
    <message>
        <source>신청을 승인한 직원은 그 신청을 실행할 수 없습니다 (작성·승인·실행은 세 사람이 합니다).</source>
        <translation>Whoever approved an application cannot execute it (filing, approval and execution take three people).</translation>
    </message>
    <message>
        <source>재대출·금리 조건변경의 실행은 지점장이 합니다 (지점장이 승인한 신청은 다른 직원이 실행합니다).</source>
        <translation>A re-loan or rate renegotiation is executed by the branch manager (an application the branch manager approved is executed by another colleague).</translation>
    </message>
    <message>
        <source>사유를 {n}자 이상 입력하면 8시간 동안 이 고객을 상담할 수 있습니다. 신청은 오늘의 타지점 조회 한도(검색과 함께)에 포함되고, 기록이 남아 보안 담당자가 매월 점검합니다.</source>
        <translation>Enter a reason of at least {n} characters to consult this customer for 8 hours. The request counts against today's limit of lookups of other branches (with searches), is recorded and reviewed monthly by security.</translation>
    </message>
    <message>
        <source>타지점</source>
        <translation>other branch</translation>
    </message>
    <message>
        <source>상담 열람 신청 필요</source>
        <translation>consultation access needed</translation>
    </message>
    <message>
        <source>기본 프린터</source>
        <translation>default printer</translation>
    </message>
    <message>
        <source>지금 다시 연결</source>
        <translation>Reconnect now</translation>
    </message>
    <message>
        <source>암호화하고 서버 인증서를 은행 CA로 확인합니다</source>
        <translation>Encrypted, and the server's certificate checked against the bank's CA</translation>
    </message>
    <message>
        <source> (서버 이름까지)</source>
        <translation> (server name included)</translation>
    </message>
    <message>
        <source> (재시도 {n}회 실패)</source>
        <translation> ({n} retries failed)</translation>
    </message>
    <message>
        <source>데이터베이스 서버에 다시 연결하는 중…</source>
        <translation>Reconnecting to the database server…</translation>
    </message>
    <message>
        <source>암호화하지만 서버 인증서를 확인하지 않습니다: 가짜 서버를 막지 못합니다 (verify-full 권장).</source>
        <translation>Encrypted, but the server's certificate is not checked: a fake server would not be stopped (verify-full recommended).</translation>
    </message>
    <message>
        <source>은행 CA 인증서</source>
        <translation>Bank CA certificate</translation>
    </message>
    <message>
        <source>인증서 (*.crt *.pem *.cer);;모든 파일 (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>이탈위험 {level} {share} ({loan})</source>
        <translation>Switching risk {level} {share} ({loan})</translation>
    </message>
    <message>
        <source>높음</source>
        <translation>high</translation>
    </message>
    <message>
        <source>보통</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>낮음</source>
        <translation>low</translation>
    </message>
    <message>
        <source>1% 미만</source>
        <translation>under 1%</translation>
    </message>
    <message>
        <source>비수도권</source>
        <translation>outside the capital area</translation>
    </message>
    <message>
        <source>정상가 대비 조정</source>
        <translation>Adjustment to list rate</translation>
    </message>
    <message>
        <source>재대출 유지 할인</source>
        <translation>Re-loan retention discount</translation>
    </message>
    <message>
        <source>금리인하요구권 대상 ({kind} {loan}: 신용점수 {before}→{after})</source>
        <translation>Right to request a rate cut ({kind} {loan}: credit score {before}→{after})</translation>
    </message>
    <message>
        <source>중도상환수수료 {date} 종료 ({kind} {loan})</source>
        <translation>Prepayment fee ends {date} ({kind} {loan})</translation>
    </message>
    <message>
        <source>대환 가능일 {date} ({loan})</source>
        <translation>May switch from {date} ({loan})</translation>
    </message>
    <message>
        <source>그 초과 {value}</source>
        <translation>above that {value}</translation>
    </message>
    <message>
        <source>{upto} 미만 {value}</source>
        <translation>under {upto}: {value}</translation>
    </message>
    <message>
        <source>{upto} 이하 {value}</source>
        <translation>up to {upto}: {value}</translation>
    </message>
    <message>
        <source>1·2단계 반영비율</source>
        <translation>phase 1–2 weights</translation>
    </message>
    <message>
        <source>3단계 반영비율</source>
        <translation>phase 3 weights</translation>
    </message>
    <message>
        <source>{n}년</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>{n}개월</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>{n}일</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>{n}영업일</source>
        <translation>{n} business days</translation>
    </message>
    <message>
        <source>고정금리로 바꾸면 스트레스 DSR 가산이 없어져 {effect}</source>
        <translation>Moving to a fixed rate removes the stress DSR add-on: {effect}</translation>
    </message>
    <message>
        <source>금리가 {rate} 낮아지고, 한도가 {limit} 늘어날 것으로 예상됩니다.</source>
        <translation>the rate is expected to fall by {rate} and the limit to rise by {limit}.</translation>
    </message>
    <message>
        <source>금리가 {rate} 낮아지고, 한도가 {limit} 줄어들 것으로 예상됩니다.</source>
        <translation>the rate is expected to fall by {rate} and the limit to drop by {limit}.</translation>
    </message>
    <message>
        <source>금리가 {rate} 높아지고, 한도가 {limit} 늘어날 것으로 예상됩니다.</source>
        <translation>the rate is expected to rise by {rate} and the limit to rise by {limit}.</translation>
    </message>
    <message>
        <source>금리가 {rate} 높아지고, 한도가 {limit} 줄어들 것으로 예상됩니다.</source>
        <translation>the rate is expected to rise by {rate} and the limit to drop by {limit}.</translation>
    </message>
    <message>
        <source>금리가 {rate} 낮아질 것으로 예상됩니다.</source>
        <translation>the rate is expected to fall by {rate}.</translation>
    </message>
    <message>
        <source>금리가 {rate} 높아질 것으로 예상됩니다.</source>
        <translation>the rate is expected to rise by {rate}.</translation>
    </message>
    <message>
        <source>한도가 {limit} 늘어날 것으로 예상됩니다.</source>
        <translation>the limit is expected to rise by {limit}.</translation>
    </message>
    <message>
        <source>한도가 {limit} 줄어들 것으로 예상됩니다.</source>
        <translation>the limit is expected to drop by {limit}.</translation>
    </message>
    <message>
        <source>조건이 개선됩니다.</source>
        <translation>the terms improve.</translation>
    </message>
    <message>
        <source>다음 {months}개월 안에 금리가 높은 부채부터 {amount}을 상환하면 {effect}</source>
        <translation>Repaying {amount} of the highest-rate debts within the next {months} months: {effect}</translation>
    </message>
    <message>
        <source>카드론 {amount}을 재대출로 통합하면 {effect}</source>
        <translation>Consolidating {amount} of card loans into a re-loan: {effect}</translation>
    </message>
    <message>
        <source>소득 {pct}% 증가</source>
        <translation>Income +{pct}%</translation>
    </message>
    <message>
        <source>소득 {pct}% 감소</source>
        <translation>Income -{pct}%</translation>
    </message>
    <message>
        <source>금리 {shift} 하락</source>
        <translation>Rate -{shift}</translation>
    </message>
    <message>
        <source>금리 {shift} 상승</source>
        <translation>Rate +{shift}</translation>
    </message>
    <message>
        <source>규제정책 {version} 시행</source>
        <translation>policy {version} takes effect</translation>
    </message>
    <message>
        <source>{kind} {amount} 상환 완료</source>
        <translation>{kind} {amount} repaid</translation>
    </message>
    <message>
        <source>스트레스 DSR</source>
        <translation>Stress DSR</translation>
    </message>
    <message>
        <source>{who}: {label} {ratio}% (한도 {cap}%) 충족</source>
        <translation>{who}: {label} {ratio}% (cap {cap}%) met</translation>
    </message>
    <message>
        <source>{who}: 전세대출은 DSR 산정 제외</source>
        <translation>{who}: jeonse loans are outside the DSR</translation>
    </message>
    <message>
        <source>{who}: 총대출 {total}으로 차주단위 DSR 적용 대상 아님</source>
        <translation>{who}: total loans {total}, below the borrower-level DSR threshold</translation>
    </message>
    <message>
        <source>{who}: {label} {ratio}% &gt; 한도 {cap}%로 불가</source>
        <translation>{who}: {label} {ratio}% &gt; cap {cap}%, not allowed</translation>
    </message>
    <message>
        <source>연 {rate}%는 법정 최고금리 연 {legal}%를 넘어 제안 불가</source>
        <translation>{rate}% a year exceeds the legal maximum of {legal}% a year: cannot be offered</translation>
    </message>
    <message>
        <source>연체 중인 대출은 재대출·대환 불가</source>
        <translation>A loan in arrears cannot be re-loaned or switched</translation>
    </message>
    <message>
        <source>신용대출 합계 {total} {sign} 연소득 한도 {cap}</source>
        <translation>Credit loans in total {total} {sign} income cap {cap}</translation>
    </message>
    <message>
        <source>주택담보대출은 실행 {months}개월 후부터 대환 가능 ({date}부터)</source>
        <translation>A mortgage may switch {months} months after drawdown (from {date})</translation>
    </message>
    <message>
        <source>LTV {ratio:.1f}% {sign} 한도 {pct}% (담보 {collateral})</source>
        <translation>LTV {ratio:.1f}% {sign} cap {pct}% (collateral {collateral})</translation>
    </message>
    <message>
        <source>주택가격별 대출한도 {cap} 이내 ({amount})</source>
        <translation>Within the house-price cap {cap} ({amount})</translation>
    </message>
    <message>
        <source>주택가격별 대출한도 {cap} 초과 ({amount})</source>
        <translation>Over the house-price cap {cap} ({amount})</translation>
    </message>
    <message>
        <source>기준금리({index}) {rate:.2f}%</source>
        <translation>Base rate ({index}) {rate:.2f}%</translation>
    </message>
    <message>
        <source>유동성 프리미엄 +{pct:.2f}%p</source>
        <translation>Liquidity premium +{pct:.2f}%p</translation>
    </message>
    <message>
        <source>신용점수 {score} → 가산금리 {pct:.2f}%p</source>
        <translation>Credit score {score} → risk spread {pct:.2f}%p</translation>
    </message>
    <message>
        <source>업무원가 +{pct:.2f}%p</source>
        <translation>Operating cost +{pct:.2f}%p</translation>
    </message>
    <message>
        <source>목표이익 +{pct:.2f}%p</source>
        <translation>Target margin +{pct:.2f}%p</translation>
    </message>
    <message>
        <source>DSR {dsr:.0f}% → 가산 +{pct:.2f}%p</source>
        <translation>DSR {dsr:.0f}% → surcharge +{pct:.2f}%p</translation>
    </message>
    <message>
        <source>급여이체 우대 −{pct:.2f}%p</source>
        <translation>Salary-transfer discount −{pct:.2f}%p</translation>
    </message>
    <message>
        <source>거래 {years}년 이상 우대 −{pct:.2f}%p</source>
        <translation>Customer of {years}+ years discount −{pct:.2f}%p</translation>
    </message>
    <message>
        <source>{action} 시 남은 {months}개월 총 {saving} 절약 (수수료 포함)</source>
        <translation>{action}: saves {saving} over the remaining {months} months (fees included)</translation>
    </message>
    <message>
        <source>대환이 더 유리합니다: {lender} {rate}, 남은 {months}개월 총 {saving} 절약 (수수료 포함)</source>
        <translation>Switching is better: {lender} {rate} saves {saving} over the remaining {months} months (fees included)</translation>
    </message>
    <message>
        <source>{action} 시 매달 {monthly}, 남은 {months}개월 총 {saving} 절약 (수수료 포함)</source>
        <translation>{action}: saves {monthly} a month, {saving} over the remaining {months} months (fees included)</translation>
    </message>
    <message>
        <source>은행 기대가치 {value} (현재 유지 시 {keep}, 유지 확률 {probability:.0%})</source>
        <translation>Bank's expected value {value} (keeping as is {keep}, retention probability {probability:.0%})</translation>
    </message>
    <message>
        <source>{action} 불가: {why}</source>
        <translation>{action} unavailable: {why}</translation>
    </message>
    <message>
        <source>재대출 {rate}: 새 계약 ({product}), 고객 부담 인지세·수수료 {cost}</source>
        <translation>Re-loan at {rate}: a new contract ({product}); stamp duty and fees paid by the customer {cost}</translation>
    </message>
    <message>
        <source>재대출 {rate}: 새 계약 ({product}, 중도상환수수료 {waiver}% 감면), 고객 부담 인지세·수수료 {cost}</source>
        <translation>Re-loan at {rate}: a new contract ({product}, prepayment fee {waiver}% waived); stamp duty and fees paid by the customer {cost}</translation>
    </message>
    <message>
        <source>중도상환수수료 면제 {date}부터</source>
        <translation>No prepayment fee from {date}</translation>
    </message>
    <message>
        <source>대환 가능일 {date}</source>
        <translation>May switch from {date}</translation>
    </message>
    <message>
        <source>{action} 최저 {rate}</source>
        <translation>{action} lowest {rate}</translation>
    </message>
    <message>
        <source>우리가 줄 수 있는 최저 금리({floors})로도 {lender} {rate}보다 고객 부담이 큽니다</source>
        <translation>Even at the lowest rates we may offer ({floors}) the customer pays more than with {lender} {rate}</translation>
    </message>
    <message>
        <source>대환 시 은행 기대가치 0원 (현재 유지 시 {keep}): 고객에게 유리한 대환을 막지 않습니다</source>
        <translation>Bank's expected value on a switch ₩0 (keeping as is {keep}): we do not stand in the way of a switch that is better for the customer</translation>
    </message>
    <message>
        <source>중도상환수수료·새 계약 인지세 없음</source>
        <translation>no prepayment fee or new stamp duty</translation>
    </message>
    <message>
        <source>중도상환수수료 없음</source>
        <translation>no prepayment fee</translation>
    </message>
    <message>
        <source>DSR 재심사 없음</source>
        <translation>no DSR re-test</translation>
    </message>
    <message>
        <source>DSR 재심사 충족</source>
        <translation>DSR re-test met</translation>
    </message>
    <message>
        <source>같은 계약의 금리만 {old} → {new}로 변경 (신규대출 아님): {free}, {dsr}</source>
        <translation>Only the rate of the same contract changes, {old} → {new} (not a new loan): {free}, {dsr}</translation>
    </message>
    <message>
        <source>{competitor}가 {ours}보다 유리하고, 하한 {floor}로도 맞출 수 없습니다</source>
        <translation>{competitor} is better than {ours}, and even the floor {floor} cannot match it</translation>
    </message>
    <message>
        <source>시장 최저 {market}보다 {gap:.2f}%p 높은 금리</source>
        <translation>Rate {gap:.2f}%p above the market low of {market}</translation>
    </message>
    <message>
        <source>현재 금리가 시장 최저 {market} 이하</source>
        <translation>Current rate at or below the market low of {market}</translation>
    </message>
    <message>
        <source>신용점수 +{points}점: 금리인하요구권 대상</source>
        <translation>Credit score +{points}: right to request a rate cut</translation>
    </message>
    <message>
        <source>신용점수 +{points}점: 금리인하요구권 대상 ({months}개월마다 안내)</source>
        <translation>Credit score +{points}: right to request a rate cut (the customer is told every {months} months)</translation>
    </message>
    <message>
        <source>신용점수 +{points}점 상승</source>
        <translation>Credit score up {points} points</translation>
    </message>
    <message>
        <source>신용점수 {points}점 하락</source>
        <translation>Credit score {points} points</translation>
    </message>
    <message>
        <source>현재 대출 유지를 권합니다: {why}</source>
        <translation>Keep the loan as it is: {why}</translation>
    </message>
    <message>
        <source>신용점수 +{points}점으로 금리인하요구권 대상 (은행법 제30조의2): 가산금리 {cut:.2f}%p 인하 반영, 신청 시 {days}영업일 안에 답변</source>
        <translation>Credit score +{points}: right to request a rate cut (Banking Act art. 30-2): spread cut by {cut:.2f}%p; an application is answered within {days} business days</translation>
    </message>
    <message>
        <source>{lender} {rate}로 대환하는 것보다 남은 {months}개월 총 {gap} 덜 듭니다 (중도상환수수료·인지세 포함)</source>
        <translation>Costs {gap} less over the remaining {months} months than switching to {lender} {rate} (prepayment fee and stamp duty included)</translation>
    </message>
    <message>
        <source>{lender} {rate}로 대환하면 남은 {months}개월 총 {gap} 더 아낄 수 있습니다 (중도상환수수료·인지세 포함)</source>
        <translation>Switching to {lender} {rate} saves {gap} more over the remaining {months} months (prepayment fee and stamp duty included)</translation>
    </message>
    <message>
        <source>조건 미충족</source>
        <translation>conditions not met</translation>
    </message>
    <message>
        <source>금리를 낮출 수 있는 방법이 없습니다</source>
        <translation>There is no way to lower the rate</translation>
    </message>
    <message>
        <source>현재 대출</source>
        <translation>the current loan</translation>
    </message>
    <message>
        <source>제시 가능한 금리 없음</source>
        <translation>no rate we may offer</translation>
    </message>
    <message>
        <source>다른 금융기관으로 대환할 수 없어 금리를 낮춰도 은행 기대가치만 줄어듭니다</source>
        <translation>No other lender can take the loan over: a lower rate would only cut the bank's expected value</translation>
    </message>
    <message>
        <source>금리를 낮춰도 은행 기대가치가 늘지 않습니다: 유지 {keep} ≥ {action} {rate} {value}</source>
        <translation>A lower rate does not raise the bank's expected value: keeping {keep} ≥ {action} {rate} {value}</translation>
    </message>
    <message>
        <source>금리를 낮춰도 은행 기대가치가 늘지 않습니다</source>
        <translation>A lower rate does not raise the bank's expected value</translation>
    </message>
    <message>
        <source>{action} 불가</source>
        <translation>{action} unavailable</translation>
    </message>
    <message>
        <source>{competitor}가 {ours}보다 유리합니다: 전결 한도({authority}) 안에서 {action} 금리를 {rate}까지 낮추면 대환보다 고객 부담이 같거나 적습니다</source>
        <translation>{competitor} beats {ours}: offer {rate} ({action}), within your authority ({authority}), and the customer pays no more than by switching</translation>
    </message>
    <message>
        <source>{competitor}가 {ours}보다 유리합니다: 전결 한도({authority}) 아래라 지점장 승인을 받아 {action} 금리를 {rate}까지 낮추면 대환보다 고객 부담이 같거나 적습니다</source>
        <translation>{competitor} beats {ours}: offer {rate} ({action}) with the branch manager's approval (below your authority, {authority}), and the customer pays no more than by switching</translation>
    </message>
    <message>
        <source>수도권·규제지역 주택담보대출 최장 만기 {years}년: {asked}개월 대신 {longest}개월로 계산</source>
        <translation>Capital-area and regulated-area mortgages run at most {years} years: computed over {longest} months instead of {asked}</translation>
    </message>
    <message>
        <source>현재 대출 유지: 추가 비용 없음</source>
        <translation>Keep the current loan: no extra cost</translation>
    </message>
    <message>
        <source>인지세 고객 부담분 {duty}</source>
        <translation>Customer's share of stamp duty {duty}</translation>
    </message>
    <message>
        <source>유지 대비 총비용 {amount} 절감</source>
        <translation>Total cost {amount} lower than keeping</translation>
    </message>
    <message>
        <source>유지 대비 총비용 {amount} 더 듦</source>
        <translation>Total cost {amount} higher than keeping</translation>
    </message>
    <message>
        <source>상환기간이 {before}개월에서 {after}개월로 바뀌어 총이자 비교에 유의</source>
        <translation>The term changes from {before} to {after} months: compare total interest with care</translation>
    </message>
    <message>
        <source>타 금융기관 금리는 공시·제시 기준 참고치이며 심사 결과에 따라 달라질 수 있음</source>
        <translation>Other lenders' rates are as disclosed or quoted, for reference: their review may change them</translation>
    </message>
    <message>
        <source>같은 계약의 금리만 변경: 중도상환수수료 없음</source>
        <translation>Only the rate of the same contract changes: no prepayment fee</translation>
    </message>
    <message>
        <source>같은 계약의 금리만 변경: 중도상환수수료 없음, 새 계약 인지세 없음</source>
        <translation>Only the rate of the same contract changes: no prepayment fee, no new stamp duty</translation>
    </message>
    <message>
        <source>재대출 심사</source>
        <translation>Re-loan review</translation>
    </message>
    <message>
        <source>대환 시 DSR 재심사</source>
        <translation>DSR re-test on switching</translation>
    </message>
    <message>
        <source>연체 중인 대출은 금리 조건변경 불가</source>
        <translation>A loan in arrears cannot be renegotiated</translation>
    </message>
    <message>
        <source>조건변경 심사</source>
        <translation>Renegotiation review</translation>
    </message>
    <message>
        <source>조건변경은 신규대출이 아니어서 DSR 재심사 없음</source>
        <translation>A renegotiation is not a new loan: no DSR re-test</translation>
    </message>
    <message>
        <source>중도상환수수료 {fee} (재대출 감면 {waived})</source>
        <translation>Prepayment fee {fee} ({waived} waived for the re-loan)</translation>
    </message>
    <message>
        <source>중도상환수수료 {fee}</source>
        <translation>Prepayment fee {fee}</translation>
    </message>
    <message>
        <source>재대출 시 중도상환수수료 전액 면제</source>
        <translation>Prepayment fee waived in full on a re-loan</translation>
    </message>
    <message>
        <source>{field}: 정수여야 합니다 (입력 {value})</source>
        <translation>{field}: whole number expected, got {value}</translation>
    </message>
    <message>
        <source>{field}: {low}~{high} 사이여야 합니다 (입력 {value})</source>
        <translation>{field}: must be between {low} and {high}, got {value}</translation>
    </message>
    <message>
        <source>{field}: 비어 있으면 안 됩니다</source>
        <translation>{field}: must not be empty</translation>
    </message>
    <message>
        <source>{field}: 최대 {limit}자입니다 (입력 {length}자)</source>
        <translation>{field}: at most {limit} characters, got {length}</translation>
    </message>
    <message>
        <source>{field}: 숫자여야 합니다 (입력 {value})</source>
        <translation>{field}: number expected, got {value}</translation>
    </message>
    <message>
        <source>{field}: 0~100, 소수 넷째 자리까지여야 합니다 (입력 {value})</source>
        <translation>{field}: must be 0 to 100 with at most four decimals, got {value}</translation>
    </message>
    <message>
        <source>{field}: 0 초과 100 이하, 소수 넷째 자리까지여야 합니다 (입력 {value})</source>
        <translation>{field}: must be above 0 to 100 with at most four decimals, got {value}</translation>
    </message>
    <message>
        <source>{field}: 날짜는 YYYY-MM-DD 형식이어야 합니다 (입력 {value})</source>
        <translation>{field}: date YYYY-MM-DD expected, got {value}</translation>
    </message>
    <message>
        <source>{field}: {choices} 중 하나여야 합니다 (입력 {value})</source>
        <translation>{field}: must be one of {choices}, got {value}</translation>
    </message>
    <message>
        <source>{low_field} {low}이(가) {high_field} {high}보다 큽니다</source>
        <translation>{low_field} {low} is above {high_field} {high}</translation>
    </message>
    <message>
        <source>{field}: {rate}%는 {day} 법정 최고금리 {top}%를 넘습니다</source>
        <translation>{field}: {rate} is above the legal maximum interest rate of {top}% on {day}</translation>
    </message>
    <message>
        <source>{line}번째 줄과 금융기관·대출 종류·구간·날짜가 같습니다</source>
        <translation>the same lender, loan kind, band and date as line {line}</translation>
    </message>
    <message>
        <source>{line}번째 줄과 지표·날짜가 같습니다</source>
        <translation>the same index and date as line {line}</translation>
    </message>
    <message>
        <source>JSON 객체여야 합니다</source>
        <translation>a JSON object is expected</translation>
    </message>
    <message>
        <source>{key}이(가) 없습니다</source>
        <translation>{key} is missing</translation>
    </message>
    <message>
        <source>{field}: 1~{limit}자여야 합니다</source>
        <translation>{field}: 1 to {limit} characters</translation>
    </message>
    <message>
        <source>{field}: {low} 이상 {high} 이하여야 합니다 (입력 {value})</source>
        <translation>{field}: must be from {low} to {high}, got {value}</translation>
    </message>
    <message>
        <source>{field}: {low} 초과 {high} 이하여야 합니다 (입력 {value})</source>
        <translation>{field}: must be above {low} to {high}, got {value}</translation>
    </message>
    <message>
        <source>{field}: 영문 대문자·숫자·'-' 1~32자여야 합니다 (입력 {value})</source>
        <translation>{field}: 1–32 capital letters, digits or '-', got {value}</translation>
    </message>
    <message>
        <source>{field}: 고정금리 상품에는 지표가 없습니다 (비워 두세요)</source>
        <translation>{field}: a fixed-rate product has no index (leave it empty)</translation>
    </message>
    <message>
        <source>{field}: {rate_type} 상품에는 {choices} 중 하나가 필요합니다</source>
        <translation>{field}: a {rate_type} product needs one of {choices}</translation>
    </message>
    <message>
        <source>{high_field} {high}이(가) {low_field} {low}보다 작습니다</source>
        <translation>{high_field} {high} is below {low_field} {low}</translation>
    </message>
    <message>
        <source>{field}: true 또는 false여야 합니다 (입력 {value})</source>
        <translation>{field}: true or false, got {value}</translation>
    </message>
    <message>
        <source>상품 {code}은(는) 이미 {line}번째 줄에 있습니다</source>
        <translation>product {code} is already on line {line}</translation>
    </message>
    <message>
        <source>{field}: {code}은(는) 이미 있는 상품입니다 ({name})</source>
        <translation>{field}: {code} already exists ({name})</translation>
    </message>
    <message>
        <source>{field}: {code}은(는) {kind} 상품이며 종류를 바꿀 수 없습니다 (다른 종류는 새 코드로 추가하세요)</source>
        <translation>{field}: {code} is a {kind} product and stays one (add a new code for another kind)</translation>
    </message>
    <message>
        <source>{field}: {rate}%는 법정 최고금리 {top}%를 넘습니다</source>
        <translation>{field}: {rate} is above the legal maximum interest rate of {top}%</translation>
    </message>
    <message>
        <source>행이 없습니다</source>
        <translation>no rows</translation>
    </message>
    <message>
        <source>{place}: 칸이 {expected}개여야 합니다 (입력 {got}개)</source>
        <translation>{place}: expected {expected} fields, got {got}</translation>
    </message>
    <message>
        <source>첫 줄(머리글)은 {header}여야 합니다</source>
        <translation>header must be {header}</translation>
    </message>
    <message>
        <source>가능 (DSR 재심사 없음)</source>
        <translation>Available (no DSR re-test)</translation>
    </message>
    <message>
        <source>가능 (차주단위 DSR 비대상)</source>
        <translation>Available (below the borrower-level DSR threshold)</translation>
    </message>
    <message>
        <source>가능 (스트레스 DSR {ratio}% / {cap}%)</source>
        <translation>Available (stress DSR {ratio}% / {cap}%)</translation>
    </message>
    <message>
        <source>가능 (DSR {ratio}% / {cap}%)</source>
        <translation>Available (DSR {ratio}% / {cap}%)</translation>
    </message>
    <message>
        <source>금리 인하 시 은행 기대가치 증가</source>
        <translation>A lower rate raises the bank's expected value</translation>
    </message>
    <message>
        <source>정책 변수는 객체여야 합니다</source>
        <translation>policy parameters must be an object</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'({value})은(는) '{limit_path}'({limit})보다 클 수 없습니다</source>
        <translation>policy parameter '{path}' ({value}) must not exceed '{limit_path}' ({limit})</translation>
    </message>
    <message>
        <source>{date}에 시행 중인 정책이 없습니다</source>
        <translation>no policy is in force on {date}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'이(가) 없습니다</source>
        <translation>policy parameter '{path}' is missing</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 엔진이 읽는 변수가 아닙니다 (알 수 없는 변수: {unknown})</source>
        <translation>policy parameter '{path}' is not a parameter the engine reads (unknown: {unknown})</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'에는 모든 대출 종류({kinds})의 값이 있어야 합니다 (빠진 종류: {missing})</source>
        <translation>policy parameter '{path}' must give a value for every loan kind ({kinds}); missing: {missing}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'에는 알려진 대출 종류({kinds})만 쓸 수 있습니다 (입력 {unknown})</source>
        <translation>policy parameter '{path}' may name only the known loan kinds ({kinds}); got {unknown}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 비어 있지 않은 객체여야 합니다</source>
        <translation>policy parameter '{path}' must be a non-empty object</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 객체이거나 null(미시행)이어야 합니다</source>
        <translation>policy parameter '{path}' must be an object or null (not in force)</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 문자열이나 정수여야 합니다 (입력 형식 {type})</source>
        <translation>policy parameter '{path}' must be a string or integer, not {type}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'이(가) 숫자가 아닙니다: {value}</source>
        <translation>policy parameter '{path}' is not a number: {value}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'이(가) 유한한 숫자가 아닙니다: {value}</source>
        <translation>policy parameter '{path}' is not a finite number: {value}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 0~{upper}퍼센트 사이여야 합니다 (입력 {value})</source>
        <translation>policy parameter '{path}' must be between 0 and {upper} percent, got {value}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 0~1 사이의 비율이어야 합니다 (입력 {value})</source>
        <translation>policy parameter '{path}' must be a fraction between 0 and 1, got {value}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 0 이상의 정수 금액(원)이어야 합니다</source>
        <translation>policy parameter '{path}' must be a whole, non-negative number of won</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 양의 정수여야 합니다</source>
        <translation>policy parameter '{path}' must be a positive whole number</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) true 또는 false여야 합니다</source>
        <translation>policy parameter '{path}' must be true or false</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) {choices} 중에서 고른 비어 있지 않은 목록이어야 합니다</source>
        <translation>policy parameter '{path}' must be a non-empty list of {choices}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) overdraft를 포함해 {kinds}의 연수만 정해야 합니다 (허용되지 않는 항목: {unknown})</source>
        <translation>policy parameter '{path}' must give years for overdraft and only for {kinds} (not {unknown})</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) overdraft를 포함해 {kinds}의 연수만 정해야 합니다 (overdraft 없음)</source>
        <translation>policy parameter '{path}' must give years for overdraft and only for {kinds} (not without overdraft)</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) 비어 있지 않은 규칙 목록이어야 합니다</source>
        <translation>policy parameter '{path}' must be a non-empty list of rules</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) {keys} 항목을 가진 객체여야 합니다</source>
        <translation>policy parameter '{path}' must be {keys}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'에는 {keys}만 쓸 수 있습니다</source>
        <translation>policy parameter '{path}' may only name {keys}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) stress.weights의 {tables} 중 하나를 가리켜야 합니다</source>
        <translation>policy parameter '{path}' must name one of stress.weights: {tables}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}': 마지막 규칙의 scope는 {{}}(그 밖의 모든 대출)여야 합니다</source>
        <translation>policy parameter '{path}': the last rule's scope must be {{}} (every other loan)</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) [상한, 값] 구간의 비어 있지 않은 목록이어야 합니다</source>
        <translation>policy parameter '{path}' must be a non-empty list of [upto, value]</translation>
    </message>
    <message>
        <source>정책 변수 '{path}'은(는) [상한, 값]이어야 합니다</source>
        <translation>policy parameter '{path}' must be [upto, value]</translation>
    </message>
    <message>
        <source>정책 변수 '{path}': 구간은 상한이 커지는 순서여야 합니다</source>
        <translation>policy parameter '{path}': bands must be in increasing order</translation>
    </message>
    <message>
        <source>정책 변수 '{path}': 상한 없는 구간은 마지막 구간뿐이어야 합니다</source>
        <translation>policy parameter '{path}': only the last band may be open-ended</translation>
    </message>
    <message>
        <source>정책 변수 '{path}': 마지막 구간은 상한이 없어야 합니다 (upto null)</source>
        <translation>policy parameter '{path}': the last band must be open-ended (upto null)</translation>
    </message>
    <message>
        <source>정책 변수 '{path}': {value}을(를) 값으로 읽을 수 없습니다</source>
        <translation>policy parameter '{path}': cannot read {value}</translation>
    </message>
    <message>
        <source>정책 변수 '{path}': {value}을(를) 값으로 읽을 수 없습니다 ([[상한, 값], …] 형식의 목록이어야 합니다)</source>
        <translation>policy parameter '{path}': cannot read {value} (a list like [[upto, value], …] is expected)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>리텐션 데스크톱 로그인</source>
        <translation>Retention Desktop sign-in</translation>
    </message>
    <message>
        <source>재대출 상담 시스템</source>
        <translation>Re-loan consultation</translation>
    </message>
    <message>
        <source>연결</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>내장 데모 데이터베이스</source>
        <translation>Embedded demo database</translation>
    </message>
    <message>
        <source>본점 중앙 서버</source>
        <translation>Head-office central server</translation>
    </message>
    <message>
        <source>서버 주소</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>포트 / DB</source>
        <translation>Port / DB</translation>
    </message>
    <message>
        <source>직원번호</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>비밀번호를 운영체제 키체인에 저장</source>
        <translation>Remember the password in the OS keyring</translation>
    </message>
    <message>
        <source>데모 직원 (더블클릭하여 로그인, 비밀번호 없음)</source>
        <translation>Demo staff (double-click to sign in, no password)</translation>
    </message>
    <message>
        <source>예: E1007</source>
        <translation>e.g. E1007</translation>
    </message>
    <message>
        <source>CA 인증서</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>은행 CA 인증서 파일 (.crt/.pem; 비우면 ~/.postgresql/root.crt)</source>
        <translation>Bank CA certificate file (.crt/.pem; empty: ~/.postgresql/root.crt)</translation>
    </message>
    <message>
        <source>찾기…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>클라이언트 인증서</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>인증서 파일 (은행이 쓰는 경우만)</source>
        <translation>Certificate file (only if the bank uses them)</translation>
    </message>
    <message>
        <source>개인키 파일</source>
        <translation>Private key file</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>고객 검색</source>
        <translation>Customer search</translation>
    </message>
    <message>
        <source>이름(예: 김하늘), 고객번호(C…), 휴대전화 끝 4자리, 대출번호(L…) — Ctrl+F</source>
        <translation>Name, customer no. (C…), last 4 phone digits, loan no. (L…) — Ctrl+F</translation>
    </message>
    <message>
        <source>고객 검색어</source>
        <translation>Customer search</translation>
    </message>
    <message>
        <source>검색 결과</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>다음 50명 더 보기</source>
        <translation>Show 50 more</translation>
    </message>
    <message>
        <source>결과를 50명씩 더 불러옵니다 (목록 끝까지 스크롤해도 불러옵니다)</source>
        <translation>Loads 50 more results (scrolling to the end of the list does too)</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>재대출 신청</source>
        <translation>Re-loan applications</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>고객이 수락한 제안서</source>
        <translation>Proposals the customer accepted</translation>
    </message>
    <message>
        <source>신청서 작성</source>
        <translation>File application</translation>
    </message>
    <message>
        <source>신청을 선택하세요</source>
        <translation>Select an application</translation>
    </message>
    <message>
        <source>고객</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>상환할 대출 → 새 대출</source>
        <translation>Loan repaid → new loan</translation>
    </message>
    <message>
        <source>상품</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>금액 · 금리 · 기간</source>
        <translation>Amount · rate · term</translation>
    </message>
    <message>
        <source>작성</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <source>진행 이력</source>
        <translation>History</translation>
    </message>
    <message>
        <source>처리 의견 (이력에 남습니다)</source>
        <translation>Comment (kept in the history)</translation>
    </message>
    <message>
        <source>심사 요청</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>승인</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>거절</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>실행</source>
        <translation>Execute</translation>
    </message>
    <message>
        <source>신청 취소</source>
        <translation>Cancel application</translation>
    </message>
    <message>
        <source>첨부 서류</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>HeadOfficePage</name>
    <message>
        <source>본부 관리</source>
        <translation>Head office</translation>
    </message>
    <message>
        <source>재대출 상품</source>
        <translation>Re-loan products</translation>
    </message>
    <message>
        <source>CSV 가져오기…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <source>새 상품…</source>
        <translation>New product…</translation>
    </message>
    <message>
        <source>수정…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>타행 금리 공시</source>
        <translation>Other lenders' rates</translation>
    </message>
    <message>
        <source>지표금리</source>
        <translation>Index rates</translation>
    </message>
    <message>
        <source>규제 정책</source>
        <translation>Regulatory policy</translation>
    </message>
    <message>
        <source>JSON 가져오기…</source>
        <translation>Import JSON…</translation>
    </message>
    <message>
        <source>새 정책 버전…</source>
        <translation>New policy version…</translation>
    </message>
    <message>
        <source>선택한 버전의 규제 값</source>
        <translation>Values of the selected version</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>재대출 상품</source>
        <translation>Re-loan product</translation>
    </message>
    <message>
        <source>상품 코드</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>예: RL-CR-FX36 (영문 대문자·숫자·-)</source>
        <translation>e.g. RL-CR-FX36 (capital letters, digits, -)</translation>
    </message>
    <message>
        <source>상품명</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>대출 종류</source>
        <translation>Loan kind</translation>
    </message>
    <message>
        <source>금리 유형</source>
        <translation>Rate type</translation>
    </message>
    <message>
        <source>기준 지표</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>최소 금액 (원)</source>
        <translation>Minimum amount (won)</translation>
    </message>
    <message>
        <source>예: 5,000,000</source>
        <translation>e.g. 5,000,000</translation>
    </message>
    <message>
        <source>최대 금액 (원)</source>
        <translation>Maximum amount (won)</translation>
    </message>
    <message>
        <source>예: 150,000,000</source>
        <translation>e.g. 150,000,000</translation>
    </message>
    <message>
        <source>최단 기간 (개월)</source>
        <translation>Shortest term (months)</translation>
    </message>
    <message>
        <source>최장 기간 (개월)</source>
        <translation>Longest term (months)</translation>
    </message>
    <message>
        <source>최저 신용점수</source>
        <translation>Lowest credit score</translation>
    </message>
    <message>
        <source>기준 가산금리 (%p)</source>
        <translation>List spread (%p)</translation>
    </message>
    <message>
        <source>최저 금리 (%)</source>
        <translation>Lowest rate (%)</translation>
    </message>
    <message>
        <source>최고 금리 (%)</source>
        <translation>Highest rate (%)</translation>
    </message>
    <message>
        <source>중도상환수수료율 (%)</source>
        <translation>Prepayment fee (%)</translation>
    </message>
    <message>
        <source>재대출 시 수수료 면제 (%)</source>
        <translation>Fee waived on re-loan (%)</translation>
    </message>
    <message>
        <source>부대비용 (원)</source>
        <translation>Fees (won)</translation>
    </message>
    <message>
        <source>판매 중 (해제하면 새 재대출에 쓰이지 않습니다)</source>
        <translation>On sale (untick to stop using it for new re-loans)</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>새 규제 정책 버전</source>
        <translation>New regulatory policy version</translation>
    </message>
    <message>
        <source>버전</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>예: 2027.07-h2</source>
        <translation>e.g. 2027.07-h2</translation>
    </message>
    <message>
        <source>시행일</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>근거·설명</source>
        <translation>Basis / note</translation>
    </message>
    <message>
        <source>예: 금융위 보도자료 2027.06.xx, 스트레스 금리 1.75%p</source>
        <translation>e.g. FSC press release 2027.06.xx, stress rate 1.75%p</translation>
    </message>
    <message>
        <source>지금 다시 연결</source>
        <translation>Reconnect now</translation>
    </message>
    <message>
        <source> (재시도 {n}회 실패)</source>
        <translation> ({n} retries failed)</translation>
    </message>
    <message>
        <source>데이터베이스 서버와 연결이 끊겼습니다. {seconds}초 뒤 다시 연결합니다{tried}. 화면에 입력한 내용은 그대로 있으니, 다시 연결되면 이어서 하세요.</source>
        <translation>The connection to the database server was lost. Reconnecting in {seconds} s{tried}. What you entered on this screen is kept: carry on once reconnected.</translation>
    </message>
    <message>
        <source>데이터베이스 서버에 다시 연결하는 중…</source>
        <translation>Reconnecting to the database server…</translation>
    </message>
    <message>
        <source>데이터베이스에 다시 연결되었습니다.</source>
        <translation>Reconnected to the database.</translation>
    </message>
    <message>
        <source>TLS 없음: 시험 서버에만 쓰세요. 비밀번호와 고객 정보가 암호화되지 않은 채 네트워크로 갑니다 (sslmode={mode}).</source>
        <translation>No TLS: for a test server only. Passwords and customer data cross the network unencrypted (sslmode={mode}).</translation>
    </message>
    <message>
        <source>암호화하지만 서버 인증서를 확인하지 않습니다: 가짜 서버를 막지 못합니다 (verify-full 권장).</source>
        <translation>Encrypted, but the server's certificate is not checked: an impostor server is not stopped (verify-full recommended).</translation>
    </message>
    <message>
        <source>암호화하고 서버 인증서를 은행 CA로 확인합니다</source>
        <translation>Encrypted, and the server's certificate is checked against the bank's CA</translation>
    </message>
    <message>
        <source> (서버 이름까지)</source>
        <translation> (including the server's name)</translation>
    </message>
    <message>
        <source>은행 CA 인증서</source>
        <translation>Bank CA certificate</translation>
    </message>
    <message>
        <source>인증서 (*.crt *.pem *.cer);;모든 파일 (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>CA 인증서</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>클라이언트 인증서</source>
        <translation>Client certificate</translation>
    </message>
    <message>
        <source>찾기…</source>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>리텐션 데스크톱</source>
        <translation>Retention Desktop</translation>
    </message>
</context>
</TS>
