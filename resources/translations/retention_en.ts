<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
<context>
    <name>RetentionDesktop</name>
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
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Retention Desktop 로그인</source>
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
</context>
</TS>
