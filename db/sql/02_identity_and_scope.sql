-- Who is asking, and which customers they may see.
--
-- The actor is always session_user (the login role), never an argument: a function cannot be told to act
-- for another officer. The time is the server's clock in the bank's time zone, never the client's.
--
-- Scope (row-level security, policies in 10_row_security.sql): an officer, manager or head-office admin
-- sees the customers of their own branch; a customer of another branch after an explicit consultation
-- access (reason required, a few hours, audited); a customer with whom the officer has business in hand (an
-- application in progress at the branch that the officer filed or must act on: data.my_extra_customers), and a
-- customer to whom the officer made a still-valid proposal. Loans, documents, proposals and applications follow
-- the customer; proposals and applications made at a branch stay visible to that branch.

-- What an error message may repeat of a typed value: an identifier of the bank's own shape (C00000001,
-- L0000000001, P20261130-1C09B6, A20261130-…), never free text. Error messages reach the server's log, and a
-- name, phone number or RRN typed into the wrong field must not (finding 9 of the outside test).
CREATE OR REPLACE FUNCTION data.echo_ref(value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$ SELECT CASE WHEN value ~ '^[A-Z][0-9A-F]{1,10}(-[0-9A-F]{1,8})?$' THEN value ELSE '(입력값)' END $$;

CREATE OR REPLACE FUNCTION data.bank_today() RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog
AS $$ SELECT (now() AT TIME ZONE 'Asia/Seoul')::date $$;

-- The officers row of the session, if the login role is an active officer AND a member of the group its
-- role names (a mis-provisioned role gets nothing).
CREATE OR REPLACE FUNCTION data.me() RETURNS data.officers
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT o.* FROM data.officers o
    WHERE o.db_role = session_user AND o.active
      AND pg_has_role(session_user, CASE o.role WHEN 'officer' THEN 'rd_officer' WHEN 'manager' THEN 'rd_manager'
                                                WHEN 'admin' THEN 'rd_admin' WHEN 'security' THEN 'rd_security' END,
                      'MEMBER')
$$;

-- The branch whose customers the session serves (NULL for security, batch and unknown sessions).
CREATE OR REPLACE FUNCTION data.my_branch_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT m.branch_id FROM data.me() m WHERE m.role IN ('officer', 'manager', 'admin') $$;

CREATE OR REPLACE FUNCTION data.my_officer_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT m.id FROM data.me() m $$;

-- A consultation access (상담 열람) is open from the first transaction that starts after the one that granted it
-- (granted_at is that transaction's start, api.request_consultation_access) until it expires. A grant written in
-- the caller's own transaction, committed or not yet (a DO block asking for every customer, catching the errors,
-- then reading and rolling back), never opens anything: the outside test of 1 Dec 2026, finding 1
-- (docs/security.md, "Consultation access"). The one rule for the scope and for archiving a proposal.
CREATE OR REPLACE FUNCTION data.consultation_open(granted_at timestamptz, expires_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$ SELECT granted_at < transaction_timestamp() AND expires_at > transaction_timestamp() $$;

-- The customers of other branches in this officer's scope, as one array computed once per query (an initplan of the
-- policies): those opened to the officer by a consultation access that is open (committed before this transaction
-- began, not expired: data.consultation_open); those with whom the officer has business in hand (below); and those to
-- whom the officer made a proposal that is still valid (the officer's own, not the branch's: a proposal never widens a
-- colleague's scope; and archiving one for another branch's customer needs a live consultation access, so proposals
-- cannot renew the scope: 40_proposals.sql). Owned by rd_crossbranch (set below): it reads grants, applications and
-- proposals without the officer's scope, which is what lets the customer policy use it without a cycle.
--
-- Business in hand (the outside test of 1 Dec 2026, finding 5 and finding 1's neighbour; revision 0017): an
-- application of the officer's branch opens its customer only
--   * from the transactions after the one that filed it (created_at, the filing transaction's start, earlier than this
--     transaction's start: as a consultation grant, data.consultation_open), so filing, reading and rolling back shows
--     nothing;
--   * as a draft (작성 중), to its author (created_by) alone, and only while the proposal it was filed from is valid
--     (proposals.valid_until, at most 30 days from archiving: the offer the customer accepted; api.file_application
--     refuses an expired one, and data.transition_refusal refuses to submit a draft past it);
--   * submitted (심사 요청), to its author and to the branch's approvers: whoever data.transition_refusal lets approve
--     or reject it — not its author, not the proposal's author; a manager or head-office admin of the branch, or an
--     officer (행원) when the application does not need a manager's approval (needs_manager_approval, set at filing
--     from the 행원's authority; an officer is refused approving one that does);
--   * approved (승인), to its author and to those who may execute it (data.transition_refusal): whoever of the branch
--     neither filed it, made its proposal nor approved it — a manager or head-office admin, or a 행원 when a manager
--     or admin approved it (filer, approver and executor three people, revision 0017).
-- Before, every draft, submitted or approved application put its customer in the scope of every officer of the branch,
-- from the transaction that filed it, with no time limit.
CREATE OR REPLACE FUNCTION data.my_extra_customers() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    WITH me AS (SELECT m.branch_id AS branch, m.id AS officer, m.role FROM data.me() m
                WHERE m.role IN ('officer', 'manager', 'admin'))
    SELECT coalesce(array_agg(DISTINCT x.customer_id), '{}')
    FROM (SELECT g.customer_id FROM data.consultation_grants g, me
          WHERE g.db_role = session_user AND data.consultation_open(g.granted_at, g.expires_at)
          UNION ALL
          SELECT a.customer_id FROM me, data.applications a JOIN data.proposals p ON p.id = a.proposal_id
          WHERE a.branch_id = me.branch AND a.state IN ('draft', 'submitted', 'approved')
            AND a.created_at < transaction_timestamp()
            AND CASE a.state
                    WHEN 'draft' THEN a.created_by = me.officer AND p.valid_until >= data.bank_today()
                    WHEN 'submitted' THEN a.created_by = me.officer
                        OR (p.officer_id <> me.officer
                            AND (me.role IN ('manager', 'admin') OR NOT a.needs_manager_approval))
                    ELSE a.created_by = me.officer
                        OR (p.officer_id <> me.officer AND a.approved_by IS DISTINCT FROM me.officer
                            AND (me.role IN ('manager', 'admin')
                                 OR EXISTS (SELECT 1 FROM data.officers o
                                            WHERE o.id = a.approved_by AND o.role IN ('manager', 'admin')))) END
          UNION ALL
          SELECT p.customer_id FROM data.proposals p, me
          WHERE p.officer_id = me.officer AND p.branch_id = me.branch AND p.valid_until >= data.bank_today()) x
$$;
ALTER FUNCTION data.my_extra_customers() OWNER TO rd_crossbranch;

-- The scope rule itself, for rows that belong to a customer, a loan or an application: the policies pass the
-- session's branch and extra customers (their initplans, computed once per query), and these look the row's
-- customer up by primary key (owned by rd_crossbranch: the lookup itself is not scoped again, and the planner
-- cannot turn it into a hash of every customer in scope, which is what made a correlated EXISTS slow).
CREATE OR REPLACE FUNCTION data.customer_in_scope(customer bigint, branch integer, extra bigint[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT branch IS NOT NULL AND EXISTS (SELECT 1 FROM data.customers c
                                          WHERE c.id = customer AND (c.home_branch_id = branch OR c.id = ANY (extra)))
$$;
ALTER FUNCTION data.customer_in_scope(bigint, integer, bigint[]) OWNER TO rd_crossbranch;

CREATE OR REPLACE FUNCTION data.loan_in_scope(loan bigint, branch integer, extra bigint[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT branch IS NOT NULL AND EXISTS (
        SELECT 1 FROM data.loans l JOIN data.customers c ON c.id = l.customer_id
        WHERE l.id = loan AND (l.branch_id = branch OR c.home_branch_id = branch OR c.id = ANY (extra)))
$$;
ALTER FUNCTION data.loan_in_scope(bigint, integer, bigint[]) OWNER TO rd_crossbranch;

CREATE OR REPLACE FUNCTION data.application_in_scope(application bigint, branch integer, extra bigint[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT branch IS NOT NULL AND EXISTS (
        SELECT 1 FROM data.applications a JOIN data.customers c ON c.id = a.customer_id
        WHERE a.id = application AND (a.branch_id = branch OR c.home_branch_id = branch OR c.id = ANY (extra)))
$$;
ALTER FUNCTION data.application_in_scope(bigint, integer, bigint[]) OWNER TO rd_crossbranch;

-- The refusal every function gives a session that is not one of the bank's officers.
CREATE OR REPLACE FUNCTION data.require_officer() RETURNS data.officers
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers;
BEGIN
    m := data.me();
    IF m.id IS NULL THEN
        RAISE EXCEPTION '등록된 직원의 데이터베이스 계정이 아닙니다 (%)', session_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = '직원 계정이 사용 중지되었거나 그룹 권한(rd_officer 등)이 직원 역할과 맞지 않습니다.';
    END IF;
    IF m.role NOT IN ('officer', 'manager', 'admin') THEN
        RAISE EXCEPTION '고객 업무 권한이 없는 계정입니다 (%)', m.role USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN m;
END
$$;

CREATE OR REPLACE FUNCTION data.require_admin() RETURNS data.officers
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers;
BEGIN
    m := data.me();
    -- a superuser (the embedded server's, i.e. whoever holds the data folder; a central DBA) could write the
    -- tables anyway: it may act as head office, recorded under its own name (data.audit: db_user)
    IF (m.id IS NULL OR m.role <> 'admin')
       AND NOT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION '본부 관리자만 상품·금리·정책·신뢰 루트를 바꿀 수 있습니다'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN m;
END
$$;

CREATE OR REPLACE FUNCTION data.require_group(kind text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
BEGIN
    IF NOT pg_has_role(session_user, CASE kind WHEN 'batch' THEN 'rd_batch' WHEN 'security' THEN 'rd_security' END,
                       'MEMBER') THEN
        RAISE EXCEPTION '이 작업은 % 그룹만 할 수 있습니다', kind USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- Masks: how personal data shows until it is revealed (010-****-2362, us***@naver.com, 서울 강남구 ***,
-- 김*늘, 800420-*******). The one place these rules live.
CREATE OR REPLACE FUNCTION data.mask_phone(phone text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN length(d) >= 8 THEN left(d, 3) || '-****-' || right(d, 4) ELSE '****' END
    FROM (SELECT regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') AS d) s
$$;

CREATE OR REPLACE FUNCTION data.mask_email(email text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN email IS NULL OR strpos(email, '@') = 0 THEN ''
                ELSE left(split_part(email, '@', 1), 2) || repeat('*', greatest(length(split_part(email, '@', 1)) - 2, 3))
                     || '@' || substr(email, strpos(email, '@') + 1) END
$$;

CREATE OR REPLACE FUNCTION data.mask_address(address text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN cardinality(w) > 2 THEN w[1] || ' ' || w[2] || ' ***' ELSE '***' END
    FROM (SELECT regexp_split_to_array(btrim(coalesce(address, ''), E' \t\r\n'), E'\\s+') AS w) s
$$;

CREATE OR REPLACE FUNCTION data.mask_name(name text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN length(name) <= 1 THEN '*'
                WHEN length(name) = 2 THEN left(name, 1) || '*'
                ELSE left(name, 1) || repeat('*', length(name) - 2) || right(name, 1) END
$$;

CREATE OR REPLACE FUNCTION data.mask_rrn(rrn_masked text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$ SELECT left(rrn_masked, 6) || '-*******' $$;

-- Labels for lists across branches: a customer's number and masked name, a loan's number. Owned by
-- rd_crossbranch so that a branch's proposal and application lists keep their rows after the customer's
-- consultation access has expired; they give nothing more than the number and the mask.
CREATE OR REPLACE FUNCTION data.customer_no_of(customer bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT c.customer_no FROM data.customers c WHERE c.id = customer $$;
ALTER FUNCTION data.customer_no_of(bigint) OWNER TO rd_crossbranch;

CREATE OR REPLACE FUNCTION data.customer_masked_name_of(customer bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT data.mask_name(c.name) FROM data.customers c WHERE c.id = customer $$;
ALTER FUNCTION data.customer_masked_name_of(bigint) OWNER TO rd_crossbranch;

CREATE OR REPLACE FUNCTION data.loan_no_of(loan bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT l.loan_no FROM data.loans l WHERE l.id = loan $$;
ALTER FUNCTION data.loan_no_of(bigint) OWNER TO rd_crossbranch;

-- Where a customer number is managed (any branch), for refusals about a customer already in the officer's scope
-- (api.confirm_income); never for one out of scope (data.customer_in_scope_or_refuse, revision 0017).
CREATE OR REPLACE FUNCTION data.home_branch_name_of(customer_number text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT b.name FROM data.customers c JOIN data.branches b ON b.id = c.home_branch_id
    WHERE c.customer_no = customer_number
$$;
ALTER FUNCTION data.home_branch_name_of(text) OWNER TO rd_crossbranch;
