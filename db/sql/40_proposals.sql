-- 제안서: built and signed on the workstation, archived here once and never changed. The archive's sha256 is
-- computed here and written into the chained audit trail ('proposal.create'), which verify-proposal
-- compares with the file in hand.

-- The full name printed on the proposal for the customer who is present. Ticket:
-- api.record_access('proposal.prepare', loan no) (recorded as a view of the customer, purpose proposal).
CREATE OR REPLACE FUNCTION api.customer_for_proposal(ticket bigint)
RETURNS TABLE (customer_no text, customer_name text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    t data.access_tickets := data.redeem(ticket, 'proposal.prepare');
    l data.loans;
    c data.customers;
BEGIN
    SELECT * INTO l FROM data.loans WHERE loan_no = t.subject;
    IF NOT FOUND THEN
        RAISE EXCEPTION '대출번호 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(t.subject) USING ERRCODE = 'no_data_found';
    END IF;
    c := data.loan_customer_in_scope_or_refuse(l);
    RETURN QUERY SELECT c.customer_no::text, c.name::text;
END
$$;

CREATE OR REPLACE FUNCTION data.json_is_rate(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN value::numeric > 0 AND value::numeric <= 100
                WHEN jsonb_typeof(value) = 'string' AND value #>> '{}' ~ '^\s*[0-9]+(\.[0-9]+)?\s*$'
                    THEN (value #>> '{}')::numeric > 0 AND (value #>> '{}')::numeric <= 100
                ELSE false END
$$;

CREATE OR REPLACE FUNCTION data.json_numeric(value jsonb) RETURNS numeric
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN value::numeric
                WHEN jsonb_typeof(value) = 'string' AND value #>> '{}' ~ '^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$'
                    THEN (value #>> '{}')::numeric END
$$;

-- The quote's canonical sha256, computed by the database: over PostgreSQL's own text of the archived quote
-- {"input": quote_input, "output": quote_output} as jsonb (keys in jsonb's order, one spacing, numbers as stored),
-- so it never depends on how a workstation wrote the JSON. archive_proposal stores it and records it in the
-- chained audit row; the workstation asks for it (api.quote_sha256) before signing and embeds it in the PDF.
CREATE OR REPLACE FUNCTION data.quote_sha256(quote_input jsonb, quote_output jsonb) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT encode(sha256(convert_to(jsonb_build_object('input', quote_input, 'output', quote_output)::text, 'UTF8')),
                  'hex')
$$;

CREATE OR REPLACE FUNCTION api.quote_sha256(quote_input jsonb, quote_output jsonb) RETURNS text
LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT data.quote_sha256(quote_input, quote_output)
$$;

-- What a proposal prints, as the database reads it from the archived quote (docs/security.md, finding 3): the
-- number, the loan, the action proposed, its rate (the offer in the quote input), term and monthly payment (the
-- quote output's option of that action), the amount (the current loan's balance in the quote input), the
-- validity and the quote's canonical sha256 (computed afresh from the stored quote). verify-proposal and
-- 제안서 확인 compare it with the facts embedded in the signed PDF (proposal-facts.json) and with the facts the
-- chained audit row recorded at archiving; domain/proposal_facts.py names the fields. Rates as text without
-- trailing zeros (4.1, not 4.10), won and months as integers. Since revision 0014 also 'saving' (won: the option's
-- net_saving_vs_keep, what the summary box prints as 총 절약액), which the printed-page check reads
-- (proposal/page_check.py); it is not one of the fields compared with the file's facts or the audit row's.
CREATE OR REPLACE FUNCTION data.proposal_facts(loan_number text, proposal_number text, valid_until date,
                                               quote_input jsonb, quote_output jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    action text := quote_output ->> 'proposed_action';
    option jsonb;
BEGIN
    SELECT o INTO option FROM jsonb_array_elements(CASE WHEN jsonb_typeof(quote_output -> 'options') = 'array'
                                                        THEN quote_output -> 'options' ELSE '[]' END) o
    WHERE o ->> 'label' = action LIMIT 1;
    RETURN jsonb_build_object(
        'proposal_no', proposal_number, 'loan_no', loan_number, 'action', action,
        'annual_rate_pct', trim_scale(data.json_numeric(quote_input -> (action || '_offer') -> 'annual_rate_pct'))::text,
        'term_months', data.json_numeric(option -> 'term_months'),
        'amount', data.json_numeric(quote_input -> 'current_loan' -> 'balance'),
        'monthly_payment', data.json_numeric(option -> 'monthly_payment'),
        'valid_until', valid_until::text,
        'saving', data.json_numeric(option -> 'net_saving_vs_keep'),
        'quote_sha256', data.quote_sha256(quote_input, quote_output));
END
$$;

-- Why the quote's figures are not the bank's (sqlstate, message in Korean), or NULL when they are: what
-- api.archive_proposal checks before it archives a quote (its shape already checked: the option of the proposed
-- action, its rate the offer's, whole-won payment and balance). The figures, each against the database:
--   current_loan.balance          = data.loans.balance (at least 1 won, as the app quotes a paid-off line)
--   current_loan.annual_rate_pct  = data.loans.annual_rate_pct
--   the term of either action     = max(term − months_between(drawdown, as_of), 1) (the remaining months): the
--                                    engine quotes both on the loan's remaining months (domain/advice.py
--                                    _reloan_offer, Offer("renegotiation", …)), and a re-loan is booked on its
--                                    offer's term (50_applications.sql): a longer one costs the customer more
--                                    interest than the proposal's saving says (the outside test of 1 Dec 2026, 3)
--   a re-loan's repayment method  = data.loans.repayment_method (its option's and its offer's, when given): the
--                                    engine quotes it on the loan's own method and execution books the old loan's
--                                    (50_applications.sql), so a payment checked on another method would not be
--                                    what is booked (the outside test of 1 Dec 2026, 2)
--   the option's monthly_payment  = data.first_instalment(balance, the offered rate, the option's term, the
--                                    loan's method) ± 1 won
--   list_rate_pct                 between data.list_rate_floor_for(customer, kind, as_of) and the legal maximum
--                                    of as_of (data.legal_max_rate_on), the offered rate at most that maximum too
--   a renegotiation's rate        at least greatest(list rate, floor) − data.widest_authority_pct(as_of): the lowest
--                                    rate anyone's authority reaches (data.authority_refusal measures from the same
--                                    greatest), so no approval could let a lower one take effect (revision 0017; the
--                                    outside test of 1 Dec 2026, 4: 5.40 % renegotiated to 0.01 %)
-- The proposer's own approval authority is not checked: an officer may propose below it (services/offer_comparison
-- slider), the approval is someone else's later (50_applications.sql; a renegotiation's too).
CREATE OR REPLACE FUNCTION data.quote_figures_refusal(l data.loans, as_of date, action text, quote_input jsonb,
                                                     quote_output jsonb, option jsonb,
                                                     OUT sqlstate text, OUT message text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    quoted_balance numeric := data.json_numeric(quote_input -> 'current_loan' -> 'balance');
    quoted_rate numeric := data.json_numeric(quote_input -> 'current_loan' -> 'annual_rate_pct');
    balance bigint := greatest(l.balance, 1);
    remaining integer := greatest(l.term_months - data.months_between(l.drawdown_date, as_of), 1);
    rate numeric := data.json_numeric(option -> 'annual_rate_pct');
    term integer := CASE WHEN option ->> 'term_months' ~ '^[0-9]{1,4}$' THEN (option ->> 'term_months')::integer END;
    method text := l.repayment_method;
    payment numeric := data.json_numeric(option -> 'monthly_payment');
    expected bigint;
    list_rate numeric := data.json_numeric(quote_output -> 'list_rate_pct');
    floor_rate numeric := data.list_rate_floor_for(l.customer_id, l.kind, as_of);
    legal numeric := data.legal_max_rate_on(as_of);
    widest numeric := data.widest_authority_pct(as_of);
BEGIN
    sqlstate := 'check_violation';
    IF quoted_balance IS DISTINCT FROM balance THEN
        message := format('견적의 대출 잔액 %s원이 은행 기록의 잔액 %s원과 다릅니다: 대출 %s의 지금 잔액으로 다시 견적하세요',
                          coalesce(to_char(quoted_balance, 'FM999,999,999,999,999,999'), '(없음)'),
                          to_char(balance, 'FM999,999,999,999,999'), l.loan_no);
        RETURN;
    END IF;
    IF quoted_rate IS DISTINCT FROM l.annual_rate_pct THEN
        message := format('견적의 현재 금리 연 %s%%가 은행 기록의 금리 연 %s%%와 다릅니다 (대출 %s)',
                          coalesce(trim_scale(quoted_rate)::text, '(없음)'), trim_scale(l.annual_rate_pct), l.loan_no);
        RETURN;
    END IF;
    IF term IS DISTINCT FROM remaining THEN
        message := format('%s의 기간 %s개월이 대출의 남은 기간 %s개월(약정 %s개월, 실행일 %s, 견적일 %s)과 다릅니다',
                          CASE WHEN action = 'renegotiation' THEN '금리 조건변경' ELSE '재대출' END,
                          term, remaining, l.term_months, l.drawdown_date, as_of);
        RETURN;
    END IF;
    IF action = 'reloan' AND (option ->> 'method' IS DISTINCT FROM method
                              OR (quote_input -> 'reloan_offer' ? 'method'
                                  AND quote_input -> 'reloan_offer' ->> 'method' IS DISTINCT FROM method)) THEN
        sqlstate := 'invalid_parameter_value';
        message := format('재대출의 상환 방식(%s)이 대출 %s의 상환 방식(%s)과 다릅니다: 재대출은 지금 대출의 상환 방식으로 실행됩니다',
                          coalesce(CASE WHEN option ->> 'method' IS DISTINCT FROM method THEN option ->> 'method'
                                        ELSE quote_input -> 'reloan_offer' ->> 'method' END, '(없음)'),
                          l.loan_no, method);
        RETURN;
    END IF;
    expected := data.first_instalment(balance, rate, term, method);
    IF expected IS NULL THEN
        sqlstate := 'invalid_parameter_value';
        message := format('제안 금리 연 %s%%·기간 %s개월로는 상환 일정을 계산할 수 없습니다 (금리는 소수 넷째 자리까지)',
                          trim_scale(rate), term);
        RETURN;
    END IF;
    IF abs(payment - expected) > 1 THEN
        message := format('월 상환액 %s원이 상환 일정(%s, 원금 %s원, 연 %s%%, %s개월)의 첫 회차 %s원과 다릅니다',
                          to_char(payment, 'FM999,999,999,999,999'),
                          CASE method WHEN 'equal_payment' THEN '원리금균등' WHEN 'equal_principal' THEN '원금균등'
                                      ELSE '만기일시' END,
                          to_char(balance, 'FM999,999,999,999,999'), trim_scale(rate), term,
                          to_char(expected, 'FM999,999,999,999,999'));
        RETURN;
    END IF;
    IF floor_rate IS NULL THEN
        sqlstate := 'object_not_in_prerequisite_state';
        message := '기준금리나 가격 기준(이 대출 종류의 유동성 프리미엄·위험 가산금리·담보 반영률·업무원가)이 없어 정상가 하한을 '
                   '확인할 수 없습니다: 제안서를 보관할 수 없습니다';
        RETURN;
    END IF;
    IF list_rate < floor_rate THEN
        message := format('견적의 기준(정가) 금리 연 %s%%가 이 고객·대출 종류의 정상가 하한 연 %s%%보다 낮습니다 '
                          '(가격 기준과 기준금리로 계산, 견적일 %s)', trim_scale(list_rate), trim_scale(floor_rate), as_of);
        RETURN;
    END IF;
    IF action = 'renegotiation' AND (widest IS NULL OR rate < greatest(list_rate, floor_rate) - widest) THEN
        message := format('금리 조건변경 금리 연 %s%%는 어느 전결 한도로도 승인할 수 없습니다 (정상가 연 %s%%에서 가장 넓은 전결 '
                          '%s%%p까지: 연 %s%% 이상, 견적일 %s)', trim_scale(rate), trim_scale(greatest(list_rate, floor_rate)),
                          coalesce(trim_scale(widest)::text, '(없음)'),
                          coalesce(trim_scale(greatest(list_rate, floor_rate) - widest)::text, '(없음)'), as_of);
        RETURN;
    END IF;
    IF list_rate > legal OR rate > legal THEN
        message := format('견적의 %s 연 %s%%가 법정 최고금리 연 %s%%를 넘습니다',
                          CASE WHEN list_rate > legal THEN '기준(정가) 금리' ELSE '제안 금리' END,
                          trim_scale(greatest(list_rate, rate)), trim_scale(legal));
        RETURN;
    END IF;
    sqlstate := NULL;
END
$$;

-- Archive a signed proposal: once. The officer, the branch, the time and the hash are the database's.
CREATE OR REPLACE FUNCTION api.archive_proposal(proposal_number text, loan_number text, valid_until date,
                                                policy_version text, engine_version text, quote_input jsonb,
                                                quote_output jsonb, input_sha256 text, pdf bytea)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.require_officer();
    l data.loans;
    c data.customers;
    action text := quote_output ->> 'proposed_action';  -- none: refused (revision 0017), never read as a re-loan
    offer jsonb := quote_input -> (action || '_offer');
    as_of date;
    digest text;
    option jsonb;
    facts jsonb;
    refusal record;
BEGIN
    IF proposal_number IS NULL OR proposal_number !~ '^P[0-9]{8}-[0-9A-F]{6}$' THEN
        RAISE EXCEPTION '제안서 번호 형식이 아닙니다: %', data.echo_ref(proposal_number) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO l FROM data.loans WHERE loan_no = loan_number;
    IF NOT FOUND THEN
        RAISE EXCEPTION '대출번호 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(loan_number) USING ERRCODE = 'no_data_found';
    END IF;
    IF l.status NOT IN ('active', 'delinquent') THEN
        RAISE EXCEPTION '대출 %은(는) 이미 종료되었습니다', data.echo_ref(loan_number) USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    c := data.loan_customer_in_scope_or_refuse(l);
    -- the engine's eligibility the database holds the data for (data.loan_refusal, 50_applications.sql): a loan in
    -- arrears is neither re-loaned nor renegotiated
    IF data.loan_refusal(l, action, data.bank_today()) IS NOT NULL THEN
        RAISE EXCEPTION '%', data.loan_refusal(l, action, data.bank_today()) USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    -- another branch's customer: only under the officer's own live consultation access (a proposal must not
    -- keep the customer in scope by itself, proposal after proposal)
    IF c.home_branch_id IS DISTINCT FROM m.branch_id AND NOT EXISTS (
           SELECT 1 FROM data.consultation_grants g
           WHERE g.db_role = session_user AND g.customer_id = c.id
             AND data.consultation_open(g.granted_at, g.expires_at)) THEN
        RAISE EXCEPTION '다른 영업점 고객의 제안서는 상담 열람(api.request_consultation_access) 중에만 만들 수 있습니다'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM data.policies p WHERE p.version = policy_version) THEN
        RAISE EXCEPTION '그런 규제정책 버전이 없습니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF length(coalesce(engine_version, '')) NOT BETWEEN 1 AND 32 THEN
        RAISE EXCEPTION '엔진 버전이 없습니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- what is proposed: a re-loan (재대출) or a rate renegotiation of the running loan (금리 조건변경), with its
    -- rate (and a re-loan's term) in the quote input; never at or above the loan's current rate (advice never
    -- costs the customer more than keeping the loan: the engine refuses it first, the database refuses it too)
    IF jsonb_typeof(quote_output) IS DISTINCT FROM 'object' OR action IS NULL THEN
        RAISE EXCEPTION '견적 결과(quote_output)에 제안 조치(proposed_action)가 없습니다: 재대출(reloan)인지 금리 조건변경(renegotiation)인지 있어야 제안서를 보관합니다'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF action NOT IN ('reloan', 'renegotiation') THEN
        RAISE EXCEPTION '제안 조치(proposed_action)는 reloan 또는 renegotiation이어야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_typeof(quote_input) IS DISTINCT FROM 'object' OR jsonb_typeof(offer) IS DISTINCT FROM 'object'
       OR NOT data.json_is_rate(offer -> 'annual_rate_pct')
       OR (action = 'reloan' AND (jsonb_typeof(offer -> 'term_months') IS DISTINCT FROM 'number'
           OR (offer ->> 'term_months') !~ '^[0-9]+$' OR (offer ->> 'term_months')::integer NOT BETWEEN 1 AND 600))
       OR coalesce(quote_input ->> 'as_of', '') !~ '^\d{4}-\d{2}-\d{2}$' THEN
        RAISE EXCEPTION '견적 입력(quote_input)에 as_of와 제안하는 금리·기간(reloan_offer 또는 renegotiation_offer)이 있어야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF data.json_numeric(offer -> 'annual_rate_pct') >= l.annual_rate_pct THEN
        RAISE EXCEPTION '%', format('제안 금리(연 %s%%)가 현재 금리(연 %s%%)보다 낮지 않습니다: 고객에게 손해인 제안은 '
                                    '보관하지 않습니다', trim_scale(data.json_numeric(offer -> 'annual_rate_pct')),
                                    trim_scale(l.annual_rate_pct))
            USING ERRCODE = 'check_violation';
    END IF;
    IF jsonb_typeof(quote_output) IS DISTINCT FROM 'object' OR NOT data.json_is_rate(quote_output -> 'list_rate_pct') THEN
        RAISE EXCEPTION '견적 결과(quote_output)에 기준(정가) 금리 list_rate_pct가 있어야 합니다 (전결 한도의 기준)'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- the quote's date and the validity are bounded by the server's date (the bank's, Korea): a quote of today
    -- or of the last 30 days (a quote prepared before midnight, a proposal finished the next morning), valid
    -- from today up to 30 days after the quote (the proposal form prints 14: services/proposal_service.py)
    BEGIN
        as_of := (quote_input ->> 'as_of')::date;
    EXCEPTION WHEN OTHERS THEN
        RAISE EXCEPTION '견적일(as_of)이 날짜가 아닙니다' USING ERRCODE = 'invalid_parameter_value';
    END;
    IF as_of > data.bank_today() OR as_of < data.bank_today() - 30 THEN
        RAISE EXCEPTION '견적일(as_of)은 오늘부터 30일 전까지여야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF valid_until IS NULL OR valid_until < data.bank_today() OR valid_until < as_of OR valid_until > as_of + 30 THEN
        RAISE EXCEPTION '유효기간은 오늘 이후, 견적일부터 30일 이내여야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- the quote output's option of the proposed action is the offer (its rate; a re-loan's term too), with a
    -- whole-won monthly payment: what the PDF prints is compared with it (data.proposal_facts)
    SELECT o INTO option FROM jsonb_array_elements(CASE WHEN jsonb_typeof(quote_output -> 'options') = 'array'
                                                        THEN quote_output -> 'options' ELSE '[]' END) o
    WHERE o ->> 'label' = action LIMIT 1;
    IF option IS NULL
       OR data.json_numeric(option -> 'annual_rate_pct') IS DISTINCT FROM data.json_numeric(offer -> 'annual_rate_pct')
       OR coalesce(option ->> 'term_months', '') !~ '^[0-9]+$'
       OR (action = 'reloan' AND (option ->> 'term_months') <> (offer ->> 'term_months'))
       OR coalesce(option ->> 'monthly_payment', '') !~ '^[0-9]+$'
       OR coalesce(quote_input -> 'current_loan' ->> 'balance', '') !~ '^[0-9]+$' THEN
        RAISE EXCEPTION '견적 결과(quote_output)에 제안 조치의 선택지(금리·기간·월 상환액)가 견적 입력의 제안과 같게 있어야 합니다'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- the quote's figures are the bank's own (docs/security.md, finding 3): the current loan's balance and rate as
    -- data.loans holds them (services/offer_comparison.py build_request: the balance, at least 1 won), a
    -- renegotiation's or re-loan's term the loan's remaining months on the quote's date, a re-loan on the loan's own
    -- repayment method, the monthly payment the schedule's, and the list rate between the rules' floor for this
    -- customer and kind and the legal maximum
    refusal := data.quote_figures_refusal(l, as_of, action, quote_input, quote_output, option);
    IF refusal.message IS NOT NULL THEN
        RAISE EXCEPTION '%', refusal.message USING ERRCODE = refusal.sqlstate;
    END IF;
    IF input_sha256 IS NULL OR input_sha256 !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION '견적 입력 해시(sha256)가 올바르지 않습니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- what the database can check of a PDF: the header, a size a signed proposal has (1 KB to 20 MB) and the
    -- end-of-file marker in the last 1,024 bytes; that it parses, is signed and that the facts embedded in it
    -- (proposal-facts.json) are the quote's (data.proposal_facts) is checked by verify-proposal and 제안서 확인
    IF pdf IS NULL OR substring(pdf FROM 1 FOR 7) <> '\x255044462d312e'::bytea
       OR octet_length(pdf) NOT BETWEEN 1024 AND 20971520
       OR position('\x2525454f46'::bytea IN substring(pdf FROM greatest(1, octet_length(pdf) - 1023))) = 0 THEN
        RAISE EXCEPTION '서명된 PDF가 아닙니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    digest := encode(sha256(pdf), 'hex');
    facts := data.proposal_facts(l.loan_no, proposal_number, valid_until, quote_input, quote_output);
    BEGIN
        INSERT INTO data.proposals (proposal_no, customer_id, loan_id, officer_id, branch_id, valid_until, policy_version,
                                    engine_version, quote_input, quote_output, input_sha256, pdf, pdf_sha256,
                                    quote_sha256)
        VALUES (proposal_number, c.id, l.id, m.id, m.branch_id, valid_until, policy_version, engine_version, quote_input,
                quote_output, input_sha256, pdf, digest, facts ->> 'quote_sha256');
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION '같은 번호나 같은 파일의 제안서가 이미 보관되어 있습니다: %', data.echo_ref(proposal_number) USING ERRCODE = 'unique_violation';
    END;
    PERFORM data.audit('proposal.create', c.customer_no, jsonb_build_object(
        'proposal_no', proposal_number, 'loan_no', l.loan_no, 'pdf_sha256', digest, 'input_sha256', input_sha256,
        'proposed_action', action, 'quote_sha256', facts ->> 'quote_sha256', 'facts', facts));
    RETURN digest;
END
$$;

-- Reopen an archived proposal's PDF (it names the customer in full). Ticket:
-- api.record_access('proposal.reopen', proposal no).
CREATE OR REPLACE FUNCTION api.proposal_pdf(ticket bigint)
RETURNS TABLE (proposal_no text, pdf bytea, pdf_sha256 text, decision text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    t data.access_tickets := data.redeem(ticket, 'proposal.reopen');
    p data.proposals;
BEGIN
    SELECT * INTO p FROM data.proposals WHERE proposals.proposal_no = t.subject;
    IF NOT FOUND OR p.pdf IS NULL THEN
        RAISE EXCEPTION '제안서 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(t.subject) USING ERRCODE = 'no_data_found';
    END IF;
    RETURN QUERY SELECT p.proposal_no::text, p.pdf, p.pdf_sha256::text, p.decision::text;
END
$$;

-- The customer's decision on a proposal made at this branch. Fixed once an application is filed from it. A
-- renegotiation's acceptance files its application, which takes effect only after someone else approves and it is
-- executed, within the author's own authority too (data.renegotiation_accepted, revision 0017): the answer says
-- what happens next, in words (NULL for anything else).
CREATE OR REPLACE FUNCTION api.record_proposal_decision(proposal_number text, decision text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    m data.officers := data.require_officer();
    p data.proposals;
    filed text;
BEGIN
    IF decision IS NULL OR decision NOT IN ('none', 'accepted', 'declined', 'switched_away') THEN
        RAISE EXCEPTION '결정은 none, accepted, declined, switched_away 중 하나여야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO p FROM data.proposals WHERE proposal_no = proposal_number FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION '제안서 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(proposal_number) USING ERRCODE = 'no_data_found';
    END IF;
    IF p.branch_id <> m.branch_id THEN
        RAISE EXCEPTION '다른 영업점에서 만든 제안서의 결정은 그 영업점에서 기록합니다' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- the customer accepts in front of the officer who made the proposal (who then never approves or executes
    -- what follows from it: 50_applications.sql); an accepted offer must still be valid
    IF decision = 'accepted' AND p.officer_id <> m.id THEN
        RAISE EXCEPTION '고객의 수락은 제안서를 만든 직원이 기록합니다' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF decision = 'accepted' AND p.valid_until < data.bank_today() THEN
        RAISE EXCEPTION '제안서의 유효기간(%)이 지나 수락할 수 없습니다: 새 제안서를 만드세요', p.valid_until
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT a.application_no INTO filed FROM data.applications a
    WHERE a.proposal_id = p.id AND a.state <> 'cancelled' LIMIT 1;  -- a rejected one too: its decision stands (re-test, fifth round)
    IF filed IS NOT NULL THEN
        RAISE EXCEPTION '이 제안서로 신청 %이(가) 작성되어 고객의 결정을 바꿀 수 없습니다', filed
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE data.proposals SET decision = decision, decided_at = CASE WHEN decision = 'none' THEN NULL ELSE now() END
    WHERE id = p.id;
    PERFORM data.audit('proposal.decision', data.customer_no_of(p.customer_id),
                       jsonb_build_object('proposal_no', p.proposal_no, 'decision', decision));
    IF decision = 'accepted' AND data.proposed_action(p) = 'renegotiation' THEN
        RETURN data.renegotiation_accepted(p, m);
    END IF;
    RETURN NULL;
END
$$;

-- What verify-proposal compares a file with: the archive's hashes and the chained audit row written when it
-- was archived (its fields, so the verifier recomputes that row's hash itself). The audit row names the
-- customer and loan numbers and the officer, so it answers only whoever holds the file (file_sha256, the
-- sha256 of the PDF being verified, is the archive's or the one the audit row recorded), the security group,
-- a superuser, or an officer whose scope holds the proposal; anyone else gets no row, as for an unknown number.
CREATE OR REPLACE FUNCTION api.proposal_fingerprint(proposal_number text, file_sha256 text DEFAULT NULL)
RETURNS TABLE (proposal_no text, pdf_sha256 text, input_sha256 text, audit_id bigint, audit_at timestamptz,
               audit_db_user text, audit_employee_no text, audit_client_addr text, audit_workstation text,
               audit_action text, audit_customer_no text, audit_details text, audit_prev_hash bytea,
               audit_row_hash bytea, quote_sha256 text, archived_facts text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    -- plpgsql, not sql: the body names quote_sha256 (revision 0012), which revision 0011's load of these files
    -- must not check for
    RETURN QUERY
    SELECT p.proposal_no::text, p.pdf_sha256::text, p.input_sha256::text, a.id, a.at, a.db_user::text,
           a.employee_no::text, a.client_addr::text, a.workstation::text, a.action::text, a.customer_no::text,
           a.details::text, a.prev_hash, a.row_hash, p.quote_sha256::text,
           data.proposal_facts(l.loan_no, p.proposal_no, p.valid_until, p.quote_input, p.quote_output)::text
    FROM data.proposals p
    JOIN data.loans l ON l.id = p.loan_id
    LEFT JOIN LATERAL (SELECT * FROM data.audit_log x
                       WHERE x.action = 'proposal.create' AND x.details ->> 'proposal_no' = p.proposal_no
                       ORDER BY x.id LIMIT 1) a ON true
    WHERE p.proposal_no = proposal_number
      AND (lower(file_sha256) IN (p.pdf_sha256, a.details ->> 'pdf_sha256')
           OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)
           OR pg_has_role(session_user, 'rd_security', 'MEMBER')
           OR p.branch_id = data.my_branch_id()
           OR p.customer_id IN (SELECT c.id FROM data.customers c
                                WHERE c.home_branch_id = data.my_branch_id() OR c.id = ANY (data.my_extra_customers())));
END
$$;
ALTER FUNCTION api.proposal_fingerprint(text, text) OWNER TO rd_crossbranch;

-- 제안서 확인 (a paper proposal's number, or its QR, checked at any branch's counter: a customer may bring it
-- anywhere). Ticket: api.record_access('proposal.check', proposal no), which any registered officer (the
-- security role included) may record, found or not. Answers with the customer masked, the officer and
-- branch, the hashes the archive and the chained audit trail hold, and the archived PDF — which names the
-- customer in full, so only when the proposal is within the caller's scope or the caller gave the check
-- code printed beside the QR (which only a holder of the paper knows); otherwise pdf, the hashes and the facts
-- are NULL and pdf_withheld true. Check code: the first 16 hex digits of sha256("<number>\n<input sha256>"), upper case
-- (domain/proposal_code.py).
CREATE OR REPLACE FUNCTION data.proposal_check_subject(proposal_number text)
RETURNS TABLE (found boolean, customer_no text, branch_id integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT true, c.customer_no::text, p.branch_id FROM data.proposals p JOIN data.customers c ON c.id = p.customer_id
    WHERE p.proposal_no = proposal_number
    UNION ALL SELECT false, NULL, NULL
    WHERE NOT EXISTS (SELECT 1 FROM data.proposals p WHERE p.proposal_no = proposal_number)
$$;
ALTER FUNCTION data.proposal_check_subject(text) OWNER TO rd_crossbranch;

CREATE OR REPLACE FUNCTION api.proposal_check(ticket bigint, check_code text DEFAULT NULL)
RETURNS TABLE (proposal_no text, customer text, officer_name text, branch_name text, created_at timestamptz,
               valid_until date, decision text, input_sha256 text, pdf_sha256 text, stored_pdf_sha256 text,
               recorded_pdf_sha256 text, pdf bytea, pdf_withheld boolean, quote_sha256 text, archived_facts text,
               recorded_facts text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    t data.access_tickets := data.redeem(ticket, 'proposal.check');
    p data.proposals;
    c data.customers;
    mine integer := data.my_branch_id();
    show boolean;
BEGIN
    SELECT * INTO p FROM data.proposals WHERE proposals.proposal_no = t.subject;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT * INTO c FROM data.customers WHERE customers.id = p.customer_id;
    show := (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)
            OR p.branch_id = mine OR c.home_branch_id = mine OR c.id = ANY (data.my_extra_customers())
            OR upper(btrim(coalesce(check_code, ''))) =
               upper(left(encode(sha256(convert_to(p.proposal_no || E'\n' || p.input_sha256, 'UTF8')), 'hex'), 16));
    -- Withheld, the answer carries no hash and no fact either: the check code is derived from the input's
    -- sha256, and the PDF's sha256 opens api.proposal_fingerprint, so either would hand the code (and the
    -- PDF) to someone who never held the paper (outside test of 1 Dec 2026, fifth round)
    RETURN QUERY
    SELECT p.proposal_no::text, data.mask_name(c.name) || ' (' || c.customer_no || ')', o.name::text, b.name::text,
           p.created_at, p.valid_until, p.decision::text,
           CASE WHEN show THEN p.input_sha256::text END, CASE WHEN show THEN p.pdf_sha256::text END,
           CASE WHEN show AND p.pdf IS NOT NULL THEN encode(sha256(p.pdf), 'hex') END,
           CASE WHEN show THEN
               (SELECT x.details ->> 'pdf_sha256' FROM data.audit_log x
                WHERE x.action = 'proposal.create' AND x.details ->> 'proposal_no' = p.proposal_no
                ORDER BY x.id LIMIT 1) END,
           CASE WHEN show THEN p.pdf END, NOT show AND p.pdf IS NOT NULL, CASE WHEN show THEN p.quote_sha256::text END,
           CASE WHEN show THEN data.proposal_facts(data.loan_no_of(p.loan_id), p.proposal_no, p.valid_until,
                                                   p.quote_input, p.quote_output)::text END,
           CASE WHEN show THEN
               (SELECT (x.details -> 'facts')::text FROM data.audit_log x
                WHERE x.action = 'proposal.create' AND x.details ->> 'proposal_no' = p.proposal_no
                ORDER BY x.id LIMIT 1) END
    FROM data.officers o JOIN data.branches b ON b.id = coalesce(p.branch_id, o.branch_id)
    WHERE o.id = p.officer_id;
END
$$;
ALTER FUNCTION api.proposal_check(bigint, text) OWNER TO rd_crossbranch;

-- Archived proposals never change: only the customer's decision moves (api.record_proposal_decision); no
-- row is deleted. Applies to the owner too.
CREATE OR REPLACE FUNCTION data.proposal_archive_is_immutable() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
DECLARE
    kept data.proposals;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '보관된 제안서는 지울 수 없습니다' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- every column but the decision, whatever columns later revisions add
    kept := NEW;
    kept.decision := OLD.decision;
    kept.decided_at := OLD.decided_at;
    IF kept IS DISTINCT FROM OLD THEN
        RAISE EXCEPTION '보관된 제안서는 바꿀 수 없습니다 (고객의 결정만 기록합니다)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS proposals_archived_once ON data.proposals;
CREATE TRIGGER proposals_archived_once BEFORE UPDATE OR DELETE ON data.proposals
    FOR EACH ROW EXECUTE FUNCTION data.proposal_archive_is_immutable();
