-- Serving customers: logging in, searching, opening and revealing a customer, consultation access for a
-- customer of another branch, documents, and the income confirmed from a proof. Every access to personal
-- data writes its audit row in the same transaction.

-- The session's officer (who the login role is); refuses roles that are not active officers.
CREATE OR REPLACE FUNCTION api.session_officer()
RETURNS TABLE (officer_id integer, employee_no text, name text, role text, branch_id integer, branch_name text,
               db_role text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.me();
BEGIN
    IF m.id IS NULL THEN
        RAISE EXCEPTION '등록되지 않았거나 사용이 중지된 직원 계정입니다 (%)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT m.id, m.employee_no::text, m.name::text, m.role::text, m.branch_id, b.name::text, m.db_role::text
                 FROM data.branches b WHERE b.id = m.branch_id;
END
$$;

-- Log in: who the session is, recorded ('session.login').
CREATE OR REPLACE FUNCTION api.log_in()
RETURNS TABLE (officer_id integer, employee_no text, name text, role text, branch_id integer, branch_name text,
               db_role text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
BEGIN
    RETURN QUERY SELECT * FROM api.session_officer();
    PERFORM data.audit('session.login', NULL, '{}'::jsonb);
END
$$;

-- 고객 검색: db/sql/35_search.sql (recorded first, as the accesses below).

-- The customer in scope, or the refusal: "not in your scope: ask for consultation access" (42501, with the call to
-- make in the hint), one answer whether the number exists at another branch or nowhere (revision 0017): which numbers
-- exist and where is told only by api.consultation_access_result, after a request counted against the day's probes.
-- Before, "not found" and "managed by 본점영업부" answered any officer, uncounted and unrecorded (the function refuses
-- before anything is written), even inside BEGIN … ROLLBACK. A number not of the customer number's shape: not found.
CREATE OR REPLACE FUNCTION data.customer_in_scope_or_refuse(customer_number text) RETURNS data.customers
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    c data.customers;
BEGIN
    SELECT * INTO c FROM data.customers WHERE customer_no = customer_number;  -- row security: scope only
    IF FOUND THEN
        RETURN c;
    END IF;
    IF customer_number IS NULL OR customer_number !~ '^C[0-9]{1,8}$' THEN
        RAISE EXCEPTION '고객번호 %를 찾을 수 없습니다', data.echo_ref(customer_number) USING ERRCODE = 'no_data_found';
    END IF;
    RAISE EXCEPTION '고객 %는 이 영업점의 조회 범위 밖입니다: 다른 영업점 고객이면 사유를 적어 상담 열람을 신청하세요',
        data.echo_ref(customer_number) USING ERRCODE = 'insufficient_privilege',
        HINT = format('SELECT api.request_consultation_access(%L, ''사유'')', customer_number);
END
$$;

-- The customer of a loan the officer reads (a loan booked at the branch is read even when its customer is not in
-- scope), or the loan's own "not found" when the customer is outside the scope: a loan number answers as one that
-- does not exist, never with its customer's number.
CREATE OR REPLACE FUNCTION data.loan_customer_in_scope_or_refuse(l data.loans) RETURNS data.customers
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    c data.customers;
BEGIN
    SELECT * INTO c FROM data.customers WHERE id = l.customer_id;  -- row security: scope only
    IF FOUND THEN
        RETURN c;
    END IF;
    RAISE EXCEPTION '대출번호 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(l.loan_no) USING ERRCODE = 'no_data_found';
END
$$;

-- Record first, then show. An access to personal data in full is recorded by api.record_access in a
-- transaction of its own, which the caller commits; only then does the function that shows the data (called
-- with the record's id, the "ticket") serve it. Recording and reading in one transaction would let whoever
-- rolls back read without a trace; a ticket recorded in the reading transaction itself is refused.
--
--   purpose            subject        records                 redeemed by
--   customer.view      customer no    'customer.view'         api.open_customer(ticket)
--   customer.reveal    customer no    'customer.reveal'       api.reveal_customer(ticket)      (reason ≥ 4)
--   proposal.prepare   loan no        'customer.view'         api.customer_for_proposal(ticket)
--   proposal.reopen    proposal no    'proposal.reopen'       api.proposal_pdf(ticket)
--   document.download  document id    'document.download'     api.document_content(ticket)
--   call_list.export   as-of date     'call_list.export'      api.call_list_export(ticket)
--   proposal.check     proposal no    'proposal.check'        api.proposal_check(ticket, check code)
-- A ticket is the recording officer's, for its purpose, for 10 minutes.
CREATE OR REPLACE FUNCTION api.record_access(purpose text, subject text, reason text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.me();
    c data.customers;
    l data.loans;
    p data.proposals;
    d data.documents;
    why text := btrim(coalesce(reason, ''));
    action text := purpose;
    customer text;
    details jsonb;
    ticket bigint;
    rows_shown integer;
BEGIN
    IF purpose = 'proposal.check' THEN
        IF m.id IS NULL AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN
            m := data.require_officer();  -- refuses, in words
        END IF;
        IF subject IS NULL OR subject !~ '^P\d{8}-[0-9A-F]{6}$' THEN
            RAISE EXCEPTION '제안서 번호(P20261130-1C09B6 형식)가 필요합니다' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT s.customer_no, jsonb_build_object('proposal_no', subject, 'found', s.found,
                                                 'outside_branch', s.branch_id IS DISTINCT FROM m.branch_id)
          INTO customer, details FROM data.proposal_check_subject(subject) s;
    ELSIF purpose = 'call_list.export' THEN
        IF subject IS NULL OR subject !~ '^\d{4}-\d{2}-\d{2}$' THEN
            RAISE EXCEPTION '내보낼 콜리스트의 날짜(YYYY-MM-DD)가 필요합니다' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        rows_shown := data.call_list_rows(subject::date);  -- refuses whoever may not export
        details := jsonb_build_object('as_of', subject, 'rows', rows_shown,
                                      'branch_id', CASE WHEN data.my_branch_id() IS NULL THEN NULL ELSE m.branch_id END);
    ELSE
        m := data.require_officer();
        IF purpose IN ('customer.view', 'customer.reveal') THEN
            IF purpose = 'customer.reveal' AND length(why) < 4 THEN
                RAISE EXCEPTION '열람 사유를 4자 이상 입력해야 합니다' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF length(why) > 200 THEN
                RAISE EXCEPTION '사유는 200자 이내로 입력하세요' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            c := data.customer_in_scope_or_refuse(subject);
            customer := c.customer_no;
            details := jsonb_build_object('outside_branch', c.home_branch_id <> m.branch_id);
            IF purpose = 'customer.reveal' THEN
                details := details || jsonb_build_object('reason', why, 'fields', jsonb_build_array('phone', 'email', 'address'));
            END IF;
        ELSIF purpose = 'proposal.prepare' THEN
            SELECT * INTO l FROM data.loans WHERE loan_no = subject;
            IF NOT FOUND THEN
                RAISE EXCEPTION '대출번호 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(subject) USING ERRCODE = 'no_data_found';
            END IF;
            c := data.loan_customer_in_scope_or_refuse(l);
            customer := c.customer_no;
            action := 'customer.view';
            details := jsonb_build_object('purpose', 'proposal', 'loan_no', l.loan_no,
                                          'outside_branch', c.home_branch_id <> m.branch_id);
        ELSIF purpose = 'proposal.reopen' THEN
            SELECT * INTO p FROM data.proposals WHERE proposal_no = subject;
            IF NOT FOUND OR p.pdf IS NULL THEN
                RAISE EXCEPTION '제안서 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(subject) USING ERRCODE = 'no_data_found';
            END IF;
            customer := data.customer_no_of(p.customer_id);
            details := jsonb_build_object('proposal_no', p.proposal_no);
        ELSIF purpose = 'document.download' THEN
            SELECT * INTO d FROM data.documents WHERE id = CASE WHEN subject ~ '^\d{1,18}$' THEN subject::bigint END;
            IF NOT FOUND THEN
                RAISE EXCEPTION '서류를 찾을 수 없습니다 (없거나 조회 범위 밖)' USING ERRCODE = 'no_data_found';
            END IF;
            customer := coalesce(data.customer_no_of(d.customer_id),
                                 data.customer_no_of((SELECT a.customer_id FROM data.applications a WHERE a.id = d.application_id)));
            details := jsonb_build_object('kind', d.kind, 'sha256', d.sha256);
        ELSE
            RAISE EXCEPTION '기록할 수 없는 열람 목적입니다' USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    ticket := data.audit(action, customer, details);
    INSERT INTO data.access_tickets (audit_id, db_role, purpose, subject, reason, xact)
    VALUES (ticket, session_user, purpose, subject, nullif(why, ''), pg_current_xact_id()::text::bigint);
    RETURN ticket;
END
$$;

-- The ticket of a recorded access, if it is this session's, for this purpose, recorded by a transaction that
-- has committed (not this one), within the last 10 minutes.
CREATE OR REPLACE FUNCTION data.redeem(ticket bigint, wanted text) RETURNS data.access_tickets
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    t data.access_tickets;
BEGIN
    SELECT * INTO t FROM data.access_tickets WHERE audit_id = ticket;
    IF NOT FOUND OR t.db_role <> session_user OR t.purpose <> wanted THEN
        RAISE EXCEPTION '기록되지 않은 열람입니다: 먼저 api.record_access(''%'', …)로 열람을 기록하세요', wanted
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF t.xact = pg_current_xact_id()::text::bigint THEN
        RAISE EXCEPTION '열람 기록을 먼저 커밋한 뒤 조회하세요 (기록이 남지 않는 조회는 없습니다)'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF t.created_at < now() - interval '10 minutes' THEN
        RAISE EXCEPTION '열람 기록이 10분이 지나 만료되었습니다: 다시 기록하세요' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN t;
END
$$;

CREATE OR REPLACE FUNCTION data.customer_card(ticket bigint, purpose text)
RETURNS TABLE (customer_no text, name text, birth_date date, rrn_masked text, phone text, email text, address text,
               employer text, employment_type text, annual_income bigint, income_verified_on date,
               home_branch_id integer, branch_name text, salary_transfer boolean, created_on date, revealed boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    t data.access_tickets := data.redeem(ticket, purpose);
    c data.customers := data.customer_in_scope_or_refuse(t.subject);
    show boolean := purpose = 'customer.reveal';
BEGIN
    RETURN QUERY SELECT c.customer_no::text, c.name::text, c.birth_date, data.mask_rrn(c.rrn_masked),
        CASE WHEN show THEN c.phone::text ELSE data.mask_phone(c.phone) END,
        CASE WHEN show THEN coalesce(c.email, '')::text ELSE data.mask_email(c.email) END,
        CASE WHEN show THEN c.address ELSE data.mask_address(c.address) END,
        coalesce(c.employer, '')::text, c.employment_type::text, c.annual_income, c.income_verified_on, c.home_branch_id,
        b.name::text, c.salary_transfer, c.created_on, show
        FROM data.branches b WHERE b.id = c.home_branch_id;
END
$$;

-- 고객 상세 (the customer being served): full name, contacts masked. Ticket: api.record_access('customer.view', no).
CREATE OR REPLACE FUNCTION api.open_customer(ticket bigint)
RETURNS TABLE (customer_no text, name text, birth_date date, rrn_masked text, phone text, email text, address text,
               employer text, employment_type text, annual_income bigint, income_verified_on date,
               home_branch_id integer, branch_name text, salary_transfer boolean, created_on date, revealed boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT * FROM data.customer_card(ticket, 'customer.view') $$;

-- 개인정보 열람: the contacts in full. Ticket: api.record_access('customer.reveal', no, reason) — the reason (4
-- characters or more) is recorded with it.
CREATE OR REPLACE FUNCTION api.reveal_customer(ticket bigint)
RETURNS TABLE (customer_no text, name text, birth_date date, rrn_masked text, phone text, email text, address text,
               employer text, employment_type text, annual_income bigint, income_verified_on date,
               home_branch_id integer, branch_name text, salary_transfer boolean, created_on date, revealed boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT * FROM data.customer_card(ticket, 'customer.reveal') $$;

-- 상담 열람: a customer of another branch opened to this officer for 8 hours, for a reason; recorded first, as a search
-- (35_search.sql). Asking is an identifying lookup by customer number, so (revision 0017; the outside test of 1 Dec
-- 2026, "consultation access as a lookup") it is one probe of the day's budget of the searches (data.count_probe:
-- data.search_daily.probes, data.search_probe_limit), counted hit or miss, and the call returns a ticket alone: whether
-- the number exists, is this branch's, or was granted is told by api.consultation_access_result(ticket) once this
-- recording has committed (refused in the recording transaction, as api.search_summary is). Asked and rolled back, it
-- told nothing; committed, it is counted and in the audit trail (customer.consultation_access, with the outcome). Past
-- the budget no access is granted. The grant opens the customer to the transactions after the one that made it
-- (data.consultation_open). Before, the answer (not found; this branch's; granted until …) came in the asking
-- transaction, uncounted: an oracle of which numbers exist and where, even rolled back.
-- (Dropped first: it returned the access's end, timestamptz, before revision 0017.)
DROP FUNCTION IF EXISTS api.request_consultation_access(text, text);
CREATE FUNCTION api.request_consultation_access(customer_number text, reason text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.require_officer();
    c data.customers;
    until timestamptz := now() + interval '8 hours';
    why text := btrim(coalesce(reason, ''));
    within_budget boolean;
    outcome text;
    ticket bigint;
BEGIN
    IF length(why) < 4 THEN
        RAISE EXCEPTION '상담 사유를 4자 이상 입력해야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF length(reason) > 200 THEN
        RAISE EXCEPTION '상담 사유는 200자 이내로 입력하세요' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF customer_number IS NULL OR customer_number !~ '^C[0-9]{1,8}$' THEN  -- the shape only: says nothing of who exists
        RAISE EXCEPTION '고객번호 형식이 아닙니다: %', data.echo_ref(customer_number) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    within_budget := data.count_probe();  -- counted first, hit or miss
    SELECT * INTO c FROM data.customers WHERE customer_no = customer_number;  -- any branch (rd_crossbranch)
    outcome := CASE WHEN NOT within_budget THEN 'probe_limit'
                    WHEN c.id IS NULL THEN 'not_found'
                    WHEN c.home_branch_id = m.branch_id THEN 'own_branch'
                    ELSE 'granted' END;
    IF outcome = 'granted' THEN
        -- granted at this transaction's start: open only once committed, to later transactions (data.consultation_open)
        INSERT INTO data.consultation_grants (officer_id, db_role, customer_id, reason, granted_at, expires_at)
        VALUES (m.id, session_user, c.id, why, transaction_timestamp(), until);
    ELSE
        -- every outcome takes a grant number: a sequence is not rolled back, so a number taken only on a grant let
        -- the gap between two committed grants' numbers count the hits of requests rolled back in between (re-test
        -- of the fifth round: free lookups of other branches' customer numbers, past the probe budget, no trace)
        PERFORM nextval('data.consultation_grants_id_seq');
    END IF;
    ticket := data.audit('customer.consultation_access', c.customer_no,
                         jsonb_build_object('reason', why, 'outcome', outcome, 'probe', true,
                                            'probe_blocked', NOT within_budget,
                                            'results', CASE WHEN outcome = 'granted' THEN 1 ELSE 0 END, 'withheld', 0,
                                            'expires_at', CASE WHEN outcome = 'granted' THEN until END,
                                            'home_branch_id', c.home_branch_id));
    INSERT INTO data.access_tickets (audit_id, db_role, purpose, subject, reason, xact)
    VALUES (ticket, session_user, 'consultation.access', customer_number, why, pg_current_xact_id()::text::bigint);
    RETURN ticket;
END
$$;
ALTER FUNCTION api.request_consultation_access(text, text) OWNER TO rd_crossbranch;

-- What a committed consultation-access request came to: when the access ends (granted), or the refusal in words —
-- no such customer number (P0002), this branch's own customer (22023), the day's probe budget spent (42501). Only to
-- the asking role, from a transaction after the one that asked, within 10 minutes (data.redeem: 42501, 55000).
CREATE OR REPLACE FUNCTION api.consultation_access_result(ticket bigint) RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    t data.access_tickets := data.redeem(ticket, 'consultation.access');
    d jsonb;
BEGIN
    SELECT a.details INTO d FROM data.audit_log a WHERE a.id = ticket;
    CASE d ->> 'outcome'
        WHEN 'granted' THEN
            RETURN (d ->> 'expires_at')::timestamptz;
        WHEN 'not_found' THEN
            RAISE EXCEPTION '고객번호 %를 찾을 수 없습니다', data.echo_ref(t.subject) USING ERRCODE = 'no_data_found';
        WHEN 'own_branch' THEN
            RAISE EXCEPTION '고객 %는 이 영업점 고객이라 상담 열람 신청이 필요 없습니다', data.echo_ref(t.subject)
                USING ERRCODE = 'invalid_parameter_value';
        ELSE
            RAISE EXCEPTION '%', format(
                '오늘 다른 영업점 고객을 찾는 조회(검색과 상담 열람 신청) 한도 하루 %s회를 모두 써서 상담 열람을 신청할 수 '
                '없습니다. 이 영업점 고객은 그대로 찾을 수 있습니다. 한도는 본부가 정합니다.',
                to_char(data.search_probe_limit((t.created_at AT TIME ZONE 'Asia/Seoul')::date), 'FM999,999'))
                USING ERRCODE = 'insufficient_privilege';
    END CASE;
END
$$;
ALTER FUNCTION api.consultation_access_result(bigint) OWNER TO rd_crossbranch;

-- 대출 상세 opened (the loan's schedule and payoff): recorded as 'loan.view'; the loan (read it from api.loans)
-- and its customer's number come back.
CREATE OR REPLACE FUNCTION api.open_loan(loan_number text) RETURNS TABLE (loan_id bigint, customer_no text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    l data.loans;
BEGIN
    SELECT * INTO l FROM data.loans WHERE loan_no = loan_number;
    IF NOT FOUND THEN
        RAISE EXCEPTION '대출번호 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(loan_number) USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM data.audit('loan.view', data.customer_no_of(l.customer_id), jsonb_build_object('loan_no', l.loan_no));
    RETURN QUERY SELECT l.id, data.customer_no_of(l.customer_id);
END
$$;

-- 첨부 서류: an income proof, an ID copy or another file for a customer or an application in scope. The type is
-- read from the content (PDF, PNG, JPEG only) and must match the name; the hash is computed here.
CREATE OR REPLACE FUNCTION api.attach_document(customer_number text, application_number text, kind text,
                                               filename text, content bytea)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.require_officer();
    c data.customers;
    a data.applications;
    media text;
    same record;
    extension text;
    clean_name text := regexp_replace(btrim(coalesce(filename, '')), '^.*[/\\]', '');
    digest text;
BEGIN
    IF kind IS NULL OR kind NOT IN ('income_proof', 'id_copy', 'other') THEN
        RAISE EXCEPTION '서류 종류는 income_proof, id_copy, other 중 하나여야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF content IS NULL OR octet_length(content) = 0 THEN
        RAISE EXCEPTION '빈 파일입니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF octet_length(content) > 20971520 THEN
        RAISE EXCEPTION '파일이 너무 큽니다 (최대 20MB)' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    media := CASE WHEN substring(content FROM 1 FOR 5) = '\x255044462d'::bytea THEN 'application/pdf'
                  WHEN substring(content FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea THEN 'image/png'
                  WHEN substring(content FROM 1 FOR 3) = '\xffd8ff'::bytea THEN 'image/jpeg' END;
    IF media IS NULL THEN
        RAISE EXCEPTION 'PDF, PNG, JPEG 파일만 첨부할 수 있습니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    extension := CASE media WHEN 'application/pdf' THEN '\.pdf$' WHEN 'image/png' THEN '\.png$' ELSE '\.jpe?g$' END;
    IF length(clean_name) NOT BETWEEN 1 AND 255 OR lower(clean_name) !~ extension THEN
        RAISE EXCEPTION '파일 이름과 실제 형식(%)이 다릅니다', media USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF customer_number IS NULL AND application_number IS NULL THEN
        RAISE EXCEPTION '고객 또는 신청에 첨부해야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF customer_number IS NOT NULL THEN
        c := data.customer_in_scope_or_refuse(customer_number);
    END IF;
    IF application_number IS NOT NULL THEN
        SELECT * INTO a FROM data.applications WHERE application_no = application_number;
        IF NOT FOUND THEN
            RAISE EXCEPTION '신청 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(application_number) USING ERRCODE = 'no_data_found';
        END IF;
        IF c.id IS NOT NULL AND a.customer_id <> c.id THEN
            RAISE EXCEPTION '신청 %는 고객 %의 신청이 아닙니다', data.echo_ref(application_number), data.echo_ref(customer_number) USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    digest := encode(sha256(content), 'hex');
    -- the same file twice on the same customer or application: refused, in words; the unique constraint
    -- uq_documents_same_file is the last line (two uploads at the same instant: the second fails there)
    SELECT d.filename, d.uploaded_at INTO same FROM data.documents d
    WHERE d.sha256 = digest AND d.customer_id IS NOT DISTINCT FROM c.id AND d.application_id IS NOT DISTINCT FROM a.id
    ORDER BY d.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '같은 파일이 이미 첨부되어 있습니다 (%에 첨부). 다시 첨부하지 않았습니다.',
            to_char(same.uploaded_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI') USING ERRCODE = 'unique_violation';
    END IF;
    BEGIN
        INSERT INTO data.documents (customer_id, application_id, kind, filename, media_type, size_bytes, sha256, content,
                                    uploaded_by)
        VALUES (c.id, a.id, kind, clean_name, media, octet_length(content), digest, content, m.id);
    EXCEPTION WHEN unique_violation THEN
        RAISE EXCEPTION '같은 파일이 이미 첨부되어 있습니다 (방금 다른 창에서). 다시 첨부하지 않았습니다.' USING ERRCODE = 'unique_violation';
    END;
    PERFORM data.audit('document.attach', coalesce(c.customer_no, data.customer_no_of(a.customer_id)),
                       jsonb_build_object('kind', kind, 'sha256', digest, 'application_no', application_number));
    RETURN digest;
END
$$;

-- A stored document's file (an ID copy, an income proof). Ticket: api.record_access('document.download', id).
CREATE OR REPLACE FUNCTION api.document_content(ticket bigint) RETURNS bytea
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.require_officer();
    t data.access_tickets := data.redeem(ticket, 'document.download');
    d data.documents;
BEGIN
    SELECT * INTO d FROM data.documents WHERE id = t.subject::bigint;
    IF NOT FOUND THEN
        RAISE EXCEPTION '서류를 찾을 수 없습니다 (없거나 조회 범위 밖)' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN d.content;
END
$$;

-- 소득 이중 확인 기준 in force on day: head office's dated threshold (won a year) and its source
-- (data.income_confirmation_thresholds, revision 0017; the bank's internal control rule, no regulation sets it).
-- NULL when none is set: then no second person is needed. (plpgsql: the API is loaded by revisions older than the
-- table too, and a plpgsql body reads its tables only when it runs.)
CREATE OR REPLACE FUNCTION data.income_confirmation_threshold(day date, OUT amount bigint, OUT source text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, data
AS $$
BEGIN
    SELECT t.amount, t.source INTO amount, source FROM data.income_confirmation_thresholds t
    WHERE t.valid_from <= day ORDER BY t.valid_from DESC LIMIT 1;
END
$$;

-- 소득 확인: the officer confirmed the gross pay read from an income proof attached to this customer (or to one
-- of their applications); the proof's sha256 is the evidence. Recorded with the previous and new income. Only at
-- the customer's managing branch (home_branch_id): a consultation access lets another branch read the customer and
-- attach a proof, never change the income every branch's limits are computed from (the outside test of 1 Dec 2026,
-- finding 7; docs/security.md). The bound, 1,000억 won, is the one the desktop reads a proof's gross pay within
-- (services/documents.py); the database cannot read the proof itself, so above head office's threshold
-- (data.income_confirmation_threshold, revision 0017: 1억 won to start) a second person confirms: an officer's
-- confirmation (or a manager's own request, or one against a proof they attached) is recorded as a request
-- (data.income_confirmations, audited 'customer.income_pending') and the income does not change; it takes effect
-- when a manager (지점장, or head office) of the branch who neither asked nor attached the proof confirms the same
-- amount against the same proof. Returns {"state": "confirmed" | "pending", "amount", "threshold", "notice"}, the
-- notice in words for psql and the desktop.
CREATE OR REPLACE FUNCTION api.confirm_income(customer_number text, amount bigint, evidence_sha256 text)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.require_officer();
    c data.customers;
    bound record := data.income_confirmation_threshold(data.bank_today());
    asked bigint;  -- the request confirmed or recorded (data.income_confirmations.id)
    asked_by integer;
    attached_by_me boolean;
BEGIN
    IF amount IS NULL OR amount < 0 OR amount > 100000000000 THEN
        RAISE EXCEPTION '연소득은 0원 이상 1,000억 원 이하의 원 단위 정수여야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    c := data.customer_in_scope_or_refuse(customer_number);
    IF c.home_branch_id IS DISTINCT FROM m.branch_id THEN
        RAISE EXCEPTION '고객 %의 소득은 관리 영업점(%)에서만 확인할 수 있습니다', c.customer_no,
                        data.home_branch_name_of(c.customer_no)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM data.documents d
                   WHERE d.sha256 = evidence_sha256 AND d.kind = 'income_proof'
                     AND (d.customer_id = c.id
                          OR d.application_id IN (SELECT a.id FROM data.applications a WHERE a.customer_id = c.id))) THEN
        RAISE EXCEPTION '이 고객에게 첨부된 소득 증빙(income_proof)이 있어야 소득을 확인할 수 있습니다'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF bound.amount IS NOT NULL AND amount > bound.amount THEN
        attached_by_me := EXISTS (SELECT 1 FROM data.documents d
                                  WHERE d.sha256 = evidence_sha256 AND d.kind = 'income_proof' AND d.uploaded_by = m.id
                                    AND (d.customer_id = c.id
                                         OR d.application_id IN (SELECT a.id FROM data.applications a
                                                                 WHERE a.customer_id = c.id)));
        SELECT q.id, q.requested_by INTO asked, asked_by FROM data.income_confirmations q
        WHERE q.customer_id = c.id AND q.state = 'pending' AND q.amount = confirm_income.amount
          AND q.evidence_sha256 = confirm_income.evidence_sha256 AND q.requested_by <> m.id
        ORDER BY q.id DESC LIMIT 1 FOR UPDATE;
        IF m.role NOT IN ('manager', 'admin') OR attached_by_me OR asked IS NULL THEN
            -- recorded, not in effect: this request replaces whatever was waiting for this customer
            UPDATE data.income_confirmations q SET state = 'superseded', decided_by = m.id, decided_at = now()
            WHERE q.customer_id = c.id AND q.state = 'pending';
            INSERT INTO data.income_confirmations (customer_id, amount, evidence_sha256, requested_by)
            VALUES (c.id, amount, evidence_sha256, m.id) RETURNING id INTO asked;
            PERFORM data.audit('customer.income_pending', c.customer_no, jsonb_build_object(
                'previous', c.annual_income, 'requested', amount, 'threshold', bound.amount,
                'evidence_sha256', evidence_sha256, 'request', asked));
            RETURN jsonb_build_object('state', 'pending', 'amount', amount, 'threshold', bound.amount, 'notice', format(
                '연소득 %s원은 소득 이중 확인 기준 %s원을 넘어 지점장의 확인 후에 반영됩니다 (증빙과 요청을 기록했습니다. '
                '요청하거나 증빙을 첨부하지 않은 지점장이 같은 금액을 확인하면 반영됩니다)',
                to_char(amount, 'FM999,999,999,999'), to_char(bound.amount, 'FM999,999,999,999')));
        END IF;
        UPDATE data.income_confirmations q SET state = CASE WHEN q.id = asked THEN 'confirmed' ELSE 'superseded' END,
                                               decided_by = m.id, decided_at = now()
        WHERE q.customer_id = c.id AND q.state = 'pending';
    END IF;
    UPDATE data.customers SET annual_income = amount, income_verified_on = data.bank_today() WHERE id = c.id;
    PERFORM data.audit('customer.income_confirmed', c.customer_no, jsonb_build_object(
        'previous', c.annual_income, 'confirmed', amount, 'evidence_sha256', evidence_sha256, 'request', asked,
        'requested_by', (SELECT o.employee_no FROM data.officers o WHERE o.id = asked_by)));
    RETURN jsonb_build_object('state', 'confirmed', 'amount', amount, 'threshold', bound.amount, 'notice', format(
        '연소득을 %s원으로 확인했습니다', to_char(amount, 'FM999,999,999,999')));
END
$$;

-- The income confirmations of a customer in scope waiting for a manager (api.confirm_income above head office's
-- threshold): what the desktop shows, and whether the caller may confirm each (a manager or head office of the
-- managing branch who neither asked nor attached its proof).
CREATE OR REPLACE FUNCTION api.pending_income_confirmations(customer_number text)
RETURNS TABLE (request_id bigint, amount bigint, evidence_sha256 text, requested_by text, requested_at timestamptz,
               threshold bigint, may_confirm boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.require_officer();
    c data.customers := data.customer_in_scope_or_refuse(customer_number);
BEGIN
    RETURN QUERY
    SELECT q.id, q.amount, q.evidence_sha256::text, o.employee_no::text, q.requested_at,
           (data.income_confirmation_threshold(data.bank_today())).amount,
           m.role IN ('manager', 'admin') AND c.home_branch_id = m.branch_id AND q.requested_by <> m.id
           AND NOT EXISTS (SELECT 1 FROM data.documents d
                           WHERE d.sha256 = q.evidence_sha256 AND d.kind = 'income_proof' AND d.uploaded_by = m.id
                             AND (d.customer_id = c.id
                                  OR d.application_id IN (SELECT a.id FROM data.applications a
                                                          WHERE a.customer_id = c.id)))
    FROM data.income_confirmations q JOIN data.officers o ON o.id = q.requested_by
    WHERE q.customer_id = c.id AND q.state = 'pending'
    ORDER BY q.id;
END
$$;
