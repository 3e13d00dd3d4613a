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
</TS>
