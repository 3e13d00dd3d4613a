-- 재대출 신청: the state machine, segregation of duties, approval authority and execution. The one place
-- these rules live; the desktop asks api.application_actions() what the officer may do now.
--
--   draft → submitted → approved → executed          (rejected from submitted; cancelled from any open state)
--
--   submit   any officer of the branch where the application was filed, while the proposal is valid
--   approve  not the filer, not the proposal's author; an officer of that branch whose authority covers the rate and the amount
--            (a 행원 only when the application did not need a manager's approval at filing: needs_manager_approval):
--   reject     rate ≥ the proposal's list rate − authority_pct[role] (pricing rules in force) and
--              amount ≤ approval_limits[role]
--   execute  a manager (or head-office admin) of that branch, not the filer, not the proposal's author and not
--            the approver (filer, approver and executor are three people); an officer of the branch when a manager
--            (or admin) approved it (each branch has one manager and three officers: a manager's approval is then
--            executed by a colleague, as a 여신 담당 books what the 지점장 decided); the rate, amount and term are
--            re-checked against the product's bounds and the approval, the old loan's balance must still be
--            the approved amount, the loan still eligible (data.loan_refusal); the old loan closes and the new one
--            opens in one transaction, audited
--   rejected a proposal whose application was rejected is never filed again; for 30 days after a rejection a new
--            application on the same loan is approved only at the rejecter's level or above (data.recent_rejection)
--   cancel   any officer of that branch
--
-- A rate renegotiation (금리 조건변경 of the running loan, revision 0017) goes the same way, with no new loan: the
-- customer's acceptance files its application (data.renegotiation_accepted) and nothing more, whatever the proposer's
-- authority (the one who files never approves: there is no 전결 by the proposer alone, as for a re-loan); it is
-- submitted, approved by someone other than the filer and the proposal's author whose authority covers it, and
-- executed by a third person as above (the loan's rate changes, nothing else).

CREATE OR REPLACE FUNCTION data.role_label(role text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$ SELECT CASE role WHEN 'officer' THEN '행원' WHEN 'manager' THEN '지점장' WHEN 'admin' THEN '본부 관리자' ELSE role END $$;

CREATE OR REPLACE FUNCTION data.state_label(state text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE state WHEN 'draft' THEN '작성 중' WHEN 'submitted' THEN '심사 요청' WHEN 'approved' THEN '승인'
                      WHEN 'rejected' THEN '거절' WHEN 'executed' THEN '실행' WHEN 'cancelled' THEN '취소' ELSE state END
$$;

-- Why this loan may not be re-loaned or renegotiated on on_day (NULL when it may): the engine's eligibility rules
-- the database holds the data for (domain/eligibility.py "delinquent", domain/comparison.py
-- _renegotiation_eligibility), in the engine's own words: a loan that is closed or refinanced, or in arrears — status
-- 'delinquent', or its maturity passed with a balance left (principal unpaid at maturity is arrears; the engine
-- reads the same, services/offer_comparison.py build_request). The one rule, read by api.archive_proposal,
-- api.file_application and data.execute_application (the outside test of 1 Dec 2026, fifth round, A). The DSR
-- cap, LTV and the credit-loan income cap stay the engine's (docs/security.md).
CREATE OR REPLACE FUNCTION data.loan_refusal(l data.loans, action text, on_day date) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT CASE WHEN l.status NOT IN ('active', 'delinquent') THEN format('대출 %s은(는) 이미 종료되었습니다', l.loan_no)
                WHEN l.status = 'delinquent' OR (l.maturity_date < on_day AND l.balance > 0)
                     -- an instalment due before the day and unpaid: in arrears from the day after its due date,
                     -- whatever the status says until the ledger's run marks it (re-test of the fifth round)
                     OR EXISTS (SELECT 1 FROM data.repayments r
                                WHERE r.loan_id = l.id AND r.paid_on IS NULL AND r.due_date < on_day)
                    THEN CASE WHEN action = 'renegotiation' THEN '연체 중인 대출은 금리 조건변경 불가'
                              ELSE '연체 중인 대출은 재대출·대환 불가' END END
$$;

CREATE OR REPLACE FUNCTION data.role_rank(role text) RETURNS integer
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$ SELECT CASE role WHEN 'officer' THEN 1 WHEN 'manager' THEN 2 WHEN 'admin' THEN 3 ELSE 0 END $$;

-- The latest rejection, in the last 30 days, of another application on this loan (NULL fields when none): its
-- number, when, and the rejecter's role. A rejection is not undone by a new proposal: for 30 days (a proposal's
-- quote is at most 30 days old and valid at most 30 days after it, 40_proposals.sql, so a proposal made on the
-- figures of the rejected one falls within it) a new application on the loan needs an approver of the rejecter's
-- level or above, and says so (the outside test of 1 Dec 2026, fifth round, B).
CREATE OR REPLACE FUNCTION data.recent_rejection(loan bigint, except_application bigint,
                                                 OUT application_no text, OUT rejected_at timestamptz,
                                                 OUT rejecter_role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT x.application_no::text, e.at, o.role::text
    FROM data.applications x JOIN data.application_events e ON e.application_id = x.id AND e.to_state = 'rejected'
    JOIN data.officers o ON o.id = e.officer_id
    WHERE x.old_loan_id = loan AND x.id IS DISTINCT FROM except_application AND e.at >= now() - interval '30 days'
    ORDER BY data.role_rank(o.role) DESC, e.at DESC LIMIT 1
$$;

-- 전결 한도 (rate): how far below the list rate a role may approve, from the pricing rules in force on a day.
CREATE OR REPLACE FUNCTION data.authority_pct(role text, on_day date) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT data.json_numeric(r.parameters -> 'authority_pct' -> role)
    FROM data.pricing_rules r WHERE r.effective_from <= on_day ORDER BY r.effective_from DESC LIMIT 1
$$;

-- The widest rate authority of any role in the pricing rules in force on a day (%p): how far below the list rate
-- anyone at the bank may approve. A renegotiation below it is archived by nobody (data.quote_figures_refusal):
-- no approval could ever let it take effect.
CREATE OR REPLACE FUNCTION data.widest_authority_pct(on_day date) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT max(data.json_numeric(e.value))
    FROM (SELECT r.parameters FROM data.pricing_rules r WHERE r.effective_from <= on_day
          ORDER BY r.effective_from DESC LIMIT 1) r,
         jsonb_each(CASE WHEN jsonb_typeof(r.parameters -> 'authority_pct') = 'object'
                         THEN r.parameters -> 'authority_pct' ELSE '{}' END) e
$$;

-- What a proposal proposes: 'reloan' or 'renegotiation' (proposals archived before revision 0011 named none and
-- were re-loans; api.archive_proposal refuses a proposal naming none since revision 0017).
CREATE OR REPLACE FUNCTION data.proposed_action(p data.proposals) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$ SELECT coalesce(p.quote_output ->> 'proposed_action', 'reloan') $$;

-- 전결 한도 (amount).
CREATE OR REPLACE FUNCTION data.approval_limit(role text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$ SELECT l.max_amount FROM data.approval_limits l WHERE l.role = approval_limit.role $$;

-- The list rate the proposal priced from (recorded in its quote output; proposals archived before revision
-- 0011 recorded the maker's authority rate instead, from which the list rate follows).
CREATE OR REPLACE FUNCTION data.proposal_list_rate(proposal bigint) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT coalesce(data.json_numeric(p.quote_output -> 'list_rate_pct'),
                    data.json_numeric(p.quote_output -> 'authority_rate_pct')
                        + data.authority_pct(o.role, (p.created_at AT TIME ZONE 'Asia/Seoul')::date))
    FROM data.proposals p JOIN data.officers o ON o.id = p.officer_id
    WHERE p.id = proposal
$$;

-- The customer's credit score as the database holds it (data.credit_scores, the latest day's; on a day with
-- two bureaus' scores the lower): what the product's minimum score and the list rate's risk spread read,
-- never the score typed into a quote.
CREATE OR REPLACE FUNCTION data.credit_score_of(customer bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT s.score FROM data.credit_scores s WHERE s.customer_id = customer
    ORDER BY s.scored_on DESC, s.score ASC LIMIT 1
$$;

-- The value of a band list [[upto, value], …, [null, value]] for x (domain/pricing.py _band).
CREATE OR REPLACE FUNCTION data.band_value(bands jsonb, x numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, data
AS $$
    SELECT data.json_numeric(b.e -> 1) FROM jsonb_array_elements(bands) WITH ORDINALITY b(e, n)
    WHERE jsonb_typeof(b.e -> 0) = 'null' OR x <= (b.e ->> 0)::numeric ORDER BY b.n LIMIT 1
$$;

-- The lowest list rate (정상가) the pricing rules in force on on_day can give a loan of this kind to this customer,
-- from the database alone: the lowest funding index on record (latest rate of each index, on or before on_day) +
-- the liquidity premium, the risk spread of the customer's credit score in data.credit_scores (the latest on or
-- before on_day; on a day with two bureaus' scores the lower), the cost and the target margin of the loan's kind,
-- less the discounts the customer earns in data.customers (급여이체 when salary_transfer; 거래기간 when the customer
-- has been one for tenure_discount_years full years by on_day: the engine counts them at the quote's date, never
-- later, so the floor never counts fewer), plus the smallest DSR surcharge of the rules' bands (revision 0015:
-- whatever the customer's DSR, the engine adds at least that; the DSR itself is the engine's, from debts and
-- incomes the database cannot vouch for, so the band it falls in is not the floor's — docs/security.md). The
-- engine's list rate (domain/pricing.py RateBuild.list_pct) is never below it. NULL when the rules or the index rates are missing, or
-- the rules lack a part for the loan's kind (liquidity premium, risk spread, secured risk factor, cost: never read
-- as 0). The index is the lowest of the indexes' LATEST rates (one per index, on or before on_day), never the
-- lowest ever recorded; api.import_index_rates refuses a rate more than 1.0 %p from its neighbours
-- (data.head_office_bounds index_move_pct), so one bogus rate cannot pull it down. Read by api.archive_proposal
-- (a proposal's list rate is never below it, on the quote's date) and by data.list_rate_floor (approvals).
CREATE OR REPLACE FUNCTION data.list_rate_floor_for(customer bigint, loan_kind text, on_day date) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    WITH p AS (SELECT customer AS customer_id, loan_kind AS kind, c.salary_transfer, c.created_on
               FROM (SELECT 1) one LEFT JOIN data.customers c ON c.id = customer),
         r AS (SELECT r.parameters AS v FROM data.pricing_rules r WHERE r.effective_from <= on_day
               ORDER BY r.effective_from DESC LIMIT 1),
         i AS (SELECT min(x.annual_rate_pct) AS rate FROM (
                   SELECT DISTINCT ON (ir.index_name) ir.annual_rate_pct FROM data.index_rates ir
                   WHERE ir.rate_date <= on_day ORDER BY ir.index_name, ir.rate_date DESC) x),
         s AS (SELECT (SELECT x.score FROM data.credit_scores x WHERE x.customer_id = customer AND x.scored_on <= on_day
                       ORDER BY x.scored_on DESC, x.score ASC LIMIT 1) AS score)
    SELECT i.rate + data.json_numeric(r.v -> 'liquidity_premium_pct' -> p.kind)
           + trunc(data.band_value(r.v -> 'risk_spread_by_score', coalesce(s.score, 1000))
                   * data.json_numeric(r.v -> 'secured_risk_factor' -> p.kind), 2)
           + data.json_numeric(r.v -> 'cost_pct' -> p.kind)
           + data.json_numeric(r.v -> 'target_margin_pct')
           + (SELECT min(data.json_numeric(b.e -> 1)) FROM jsonb_array_elements(r.v -> 'dsr_surcharge') b(e))
           - CASE WHEN p.salary_transfer IS FALSE THEN 0
                  ELSE coalesce(data.json_numeric(r.v -> 'salary_transfer_discount_pct'), 0) END
           - CASE WHEN p.created_on IS NOT NULL AND extract(year FROM age(on_day, p.created_on))
                       < coalesce(data.json_numeric(r.v -> 'tenure_discount_years'), 0) THEN 0
                  ELSE coalesce(data.json_numeric(r.v -> 'tenure_discount_pct'), 0) END
    FROM p, r, i, s
$$;

-- The floor of this proposal's loan and customer today (data.list_rate_floor_for): the approval authority is
-- measured from greatest(archived list rate, this), so it is never wider than the rules allow, whatever list rate a
-- proposal's JSON claims; NULL (then nobody may approve, and the refusal says why) as list_rate_floor_for.
CREATE OR REPLACE FUNCTION data.list_rate_floor(proposal bigint) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT data.list_rate_floor_for(x.customer_id, l.kind, data.bank_today())
    FROM data.proposals x JOIN data.loans l ON l.id = x.loan_id WHERE x.id = proposal
$$;

-- Whose authority covers this rate and amount: NULL if the role's does, else the refusal in words. The list
-- rate is the archived one, but never below what the database's own rules and data give (list_rate_floor).
CREATE OR REPLACE FUNCTION data.authority_refusal(a data.applications, role text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    floor_rate numeric := data.list_rate_floor(a.proposal_id);
    list_rate numeric := greatest(data.proposal_list_rate(a.proposal_id), floor_rate);
    authority numeric := data.authority_pct(role, data.bank_today());
    lowest numeric;
    ceiling bigint := data.approval_limit(role);
BEGIN
    IF floor_rate IS NULL THEN
        RETURN '기준금리나 가격 기준(이 대출 종류의 유동성 프리미엄·위험 가산금리·담보 반영률·업무원가)이 없어 정상가를 확인할 수 없습니다: 전결 한도를 판단할 수 없습니다';
    END IF;
    IF list_rate IS NULL OR authority IS NULL OR ceiling IS NULL THEN
        RETURN format('%s의 전결 한도가 정해져 있지 않습니다 (가격 기준의 authority_pct, 승인 금액 한도)', data.role_label(role));
    END IF;
    lowest := list_rate - authority;
    IF a.annual_rate_pct < lowest THEN
        RETURN CASE WHEN role = 'officer'
                    THEN format('금리 연 %s%%는 행원 전결 한도(연 %s%% 이상) 아래라 지점장 승인이 필요합니다.',
                                trim_scale(a.annual_rate_pct), trim_scale(lowest))
                    ELSE format('금리 연 %s%%는 %s 전결 한도(연 %s%% 이상)를 벗어납니다.',
                                trim_scale(a.annual_rate_pct), data.role_label(role), trim_scale(lowest)) END;
    END IF;
    IF a.amount > ceiling THEN
        RETURN CASE WHEN role = 'officer'
                    THEN format('금액 %s원은 행원 승인 한도(%s원)를 넘어 지점장 승인이 필요합니다.',
                                to_char(a.amount, 'FM999,999,999,999,999'), to_char(ceiling, 'FM999,999,999,999,999'))
                    ELSE format('금액 %s원은 %s 승인 한도(%s원)를 넘습니다.', to_char(a.amount, 'FM999,999,999,999,999'),
                                data.role_label(role), to_char(ceiling, 'FM999,999,999,999,999')) END;
    END IF;
    RETURN NULL;
END
$$;

-- Why the session may not move application a to target: (sqlstate, message), or NULL when it may.
CREATE OR REPLACE FUNCTION data.transition_refusal(a data.applications, target text, OUT sqlstate text, OUT message text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    m data.officers := data.me();
    authority text;
    rejection record;
BEGIN
    IF m.id IS NULL OR m.role NOT IN ('officer', 'manager', 'admin') THEN
        sqlstate := '42501'; message := '재대출 신청을 처리할 권한이 없습니다.'; RETURN;
    END IF;
    IF (a.state, target) NOT IN (('draft', 'submitted'), ('submitted', 'approved'), ('submitted', 'rejected'),
                                 ('approved', 'executed'), ('draft', 'cancelled'), ('submitted', 'cancelled'),
                                 ('approved', 'cancelled')) THEN
        sqlstate := '55000';
        message := format('''%s'' 상태에서 ''%s''(으)로 바꿀 수 없습니다.', data.state_label(a.state), data.state_label(target));
        RETURN;
    END IF;
    IF a.branch_id <> m.branch_id THEN
        sqlstate := '42501'; message := '다른 영업점에서 작성된 신청은 그 영업점에서 처리합니다.'; RETURN;
    END IF;
    IF target IN ('approved', 'rejected') THEN
        IF a.created_by = m.id THEN
            sqlstate := '42501'; message := '신청을 작성한 직원은 스스로 승인하거나 거절할 수 없습니다.'; RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM data.proposals p WHERE p.id = a.proposal_id AND p.officer_id = m.id) THEN
            sqlstate := '42501'; message := '제안서를 만든 직원은 그 제안의 신청을 승인하거나 거절할 수 없습니다.'; RETURN;
        END IF;
        -- a rejection on the loan in the last 30 days: its level or above approves (said before the flag it sets)
        SELECT * INTO rejection FROM data.recent_rejection(a.old_loan_id, a.id);
        IF target = 'approved' AND data.role_rank(m.role) < data.role_rank(rejection.rejecter_role) THEN
            sqlstate := '42501';
            message := format('같은 대출의 신청 %s이(가) %s에 %s의 거절로 끝났습니다: 30일 동안 이 대출의 신청은 %s 이상이 승인합니다.',
                              rejection.application_no, to_char(rejection.rejected_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD'),
                              data.role_label(rejection.rejecter_role), data.role_label(rejection.rejecter_role));
            RETURN;
        END IF;
        -- the approvers are those the application opens its customer to (data.my_extra_customers): a 행원 only when
        -- the 행원's authority covered it at filing (the pricing rules may have changed since); the authority below is
        -- measured on the customer's data, which only the approvers' scope reads
        IF m.role = 'officer' AND a.needs_manager_approval THEN
            sqlstate := '42501'; message := '작성 당시 행원 전결 한도를 벗어나 지점장 승인이 필요합니다.'; RETURN;
        END IF;
        authority := data.authority_refusal(a, m.role);
        IF authority IS NOT NULL THEN
            sqlstate := '42501'; message := authority; RETURN;
        END IF;
    ELSIF target = 'submitted' THEN
        -- a draft opens its customer to its author only while the proposal is valid (data.my_extra_customers);
        -- submitted past it, it would open the customer again, to the approvers, with no end
        IF EXISTS (SELECT 1 FROM data.proposals p WHERE p.id = a.proposal_id AND p.valid_until < data.bank_today()) THEN
            sqlstate := '55000';
            message := '제안서의 유효기간이 지난 신청은 심사 요청할 수 없습니다: 취소하고 새 제안서로 신청하세요.'; RETURN;
        END IF;
    ELSIF target = 'executed' THEN
        IF a.created_by = m.id THEN
            sqlstate := '42501'; message := '신청을 작성한 직원은 스스로 실행할 수 없습니다.'; RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM data.proposals p WHERE p.id = a.proposal_id AND p.officer_id = m.id) THEN
            sqlstate := '42501'; message := '제안서를 만든 직원은 그 제안의 신청을 실행할 수 없습니다.'; RETURN;
        END IF;
        IF a.approved_by = m.id THEN
            sqlstate := '42501'; message := '신청을 승인한 직원은 그 신청을 실행할 수 없습니다 (작성·승인·실행은 세 사람이 합니다).'; RETURN;
        END IF;
        IF m.role NOT IN ('manager', 'admin') AND NOT EXISTS (
               SELECT 1 FROM data.officers o WHERE o.id = a.approved_by AND o.role IN ('manager', 'admin')) THEN
            sqlstate := '42501'; message := '재대출·금리 조건변경의 실행은 지점장이 합니다 (지점장이 승인한 신청은 다른 직원이 실행합니다).'; RETURN;
        END IF;
    END IF;
END
$$;

-- What this officer may do with the application now, in the workflow's order.
CREATE OR REPLACE FUNCTION api.application_actions(application_number text) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    a data.applications;
    target text;
    allowed text[] := '{}';
BEGIN
    SELECT * INTO a FROM data.applications WHERE application_no = application_number;
    IF NOT FOUND THEN
        RAISE EXCEPTION '신청 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(application_number) USING ERRCODE = 'no_data_found';
    END IF;
    FOREACH target IN ARRAY ARRAY['submitted', 'approved', 'rejected', 'executed', 'cancelled'] LOOP
        IF (data.transition_refusal(a, target)).sqlstate IS NULL THEN
            allowed := allowed || target;
        END IF;
    END LOOP;
    RETURN allowed;
END
$$;

-- A new application (draft) of proposal p on loan l for amount (won) at rate and term, filed by m: its number, the
-- flag the lists show, the first event and the audit row. What api.file_application (and through it
-- data.renegotiation_accepted) files with.
CREATE OR REPLACE FUNCTION data.open_application(p data.proposals, l data.loans, product_id bigint, amount bigint,
                                                 rate numeric, term integer, m data.officers) RETURNS data.applications
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    number text;
    a data.applications;
    rejection record;
BEGIN
    -- the engine's eligibility the database holds the data for (data.loan_refusal): a loan in arrears is neither
    -- re-loaned nor renegotiated, whichever way it is filed (api.file_application, a renegotiation's acceptance)
    IF data.loan_refusal(l, data.proposed_action(p), data.bank_today()) IS NOT NULL THEN
        RAISE EXCEPTION '%', data.loan_refusal(l, data.proposed_action(p), data.bank_today())
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    LOOP
        number := 'A' || to_char(data.bank_today(), 'YYYYMMDD') || '-'
                  || upper(substr(md5(random()::text || clock_timestamp()::text), 1, 6));
        EXIT WHEN NOT EXISTS (SELECT 1 FROM data.applications x WHERE x.application_no = number);
    END LOOP;
    BEGIN
        INSERT INTO data.applications (application_no, proposal_id, customer_id, old_loan_id, product_id, annual_rate_pct,
                                       amount, term_months, state, needs_manager_approval, created_by, branch_id)
        VALUES (number, p.id, p.customer_id, l.id, open_application.product_id, rate, open_application.amount, term,
                'draft', false, m.id, m.branch_id)
        RETURNING * INTO a;
    EXCEPTION WHEN unique_violation THEN  -- two officers filing for the same loan at the same instant
        RAISE EXCEPTION '이 대출에 대한 신청이 방금 다른 직원에 의해 작성되었습니다. 목록을 다시 불러오세요'
            USING ERRCODE = 'serialization_failure';
    END;
    -- the flag the lists show: does an officer's authority fall short (so a manager must decide)? A manager's recent
    -- rejection on the loan says so too, and the first event names it
    SELECT * INTO rejection FROM data.recent_rejection(l.id, a.id);
    UPDATE data.applications x SET needs_manager_approval = data.authority_refusal(a, 'officer') IS NOT NULL
                                                            OR data.role_rank(rejection.rejecter_role) > 1
    WHERE x.id = a.id RETURNING * INTO a;
    INSERT INTO data.application_events (application_id, officer_id, from_state, to_state, comment)
    VALUES (a.id, m.id, NULL, 'draft', format('제안서 %s에서 작성', p.proposal_no)
            || CASE WHEN rejection.application_no IS NOT NULL
                    THEN format(' (같은 대출의 신청 %s: %s 거절)', rejection.application_no,
                                data.role_label(rejection.rejecter_role)) ELSE '' END);
    PERFORM data.audit('application.create', data.customer_no_of(p.customer_id), jsonb_build_object(
        'application_no', number, 'proposal_no', p.proposal_no, 'loan_no', l.loan_no, 'amount', amount,
        'annual_rate_pct', rate, 'term_months', term, 'proposed_action', data.proposed_action(p)));
    RETURN a;
END
$$;

-- File an application from a proposal the customer accepted: the rate and term are the proposal's, the amount the
-- old loan's balance; a re-loan's product the first on sale whose bounds hold them, a renegotiation's the loan's own
-- (no new loan: the running contract's rate changes at execution). A renegotiation's acceptance files it already
-- (data.renegotiation_accepted); this files it again after its application was cancelled (a rejected one's
-- proposal is never filed again).
CREATE OR REPLACE FUNCTION api.file_application(proposal_number text)
RETURNS TABLE (application_no text, state text, row_version integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    p data.proposals;
    l data.loans;
    product data.products;
    rate numeric;
    term integer;
    filed text;
    a data.applications;
    kind_label text;
    score numeric;
    priced text;
BEGIN
    SELECT * INTO p FROM data.proposals WHERE proposal_no = proposal_number;
    IF NOT FOUND THEN
        RAISE EXCEPTION '제안서 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(proposal_number) USING ERRCODE = 'no_data_found';
    END IF;
    IF p.decision <> 'accepted' THEN
        RAISE EXCEPTION '고객이 수락한 제안서로만 신청할 수 있습니다' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF p.branch_id <> m.branch_id THEN
        RAISE EXCEPTION '제안서를 만든 영업점에서 신청합니다' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p.valid_until < data.bank_today() THEN
        RAISE EXCEPTION '제안서의 유효기간(%)이 지났습니다: 새 제안서를 만드세요', p.valid_until
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT x.application_no INTO filed FROM data.applications x
    WHERE x.proposal_id = p.id AND x.state NOT IN ('cancelled', 'rejected') LIMIT 1;
    IF filed IS NOT NULL THEN
        RAISE EXCEPTION '이 제안서로 이미 신청 %이(가) 작성되어 있습니다', filed USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    -- a rejection is the approver's decision: the same proposal is never filed again (a new proposal is)
    SELECT x.application_no INTO filed FROM data.applications x WHERE x.proposal_id = p.id AND x.state = 'rejected' LIMIT 1;
    IF filed IS NOT NULL THEN
        RAISE EXCEPTION '이 제안서로 작성한 신청 %이(가) 거절되었습니다: 같은 제안서로 다시 신청할 수 없습니다 (새 제안서를 만드세요)', filed
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT x.application_no INTO filed FROM data.applications x
    WHERE x.old_loan_id = p.loan_id AND x.state IN ('draft', 'submitted', 'approved') LIMIT 1;
    IF filed IS NOT NULL THEN
        RAISE EXCEPTION '이 대출에 대한 신청 %이(가) 진행 중입니다. 그 신청을 마치거나 취소한 뒤 작성하세요', filed
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT * INTO l FROM data.loans WHERE id = p.loan_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION '제안서의 대출을 찾을 수 없습니다 (조회 범위 밖)' USING ERRCODE = 'no_data_found';
    END IF;
    IF l.status NOT IN ('active', 'delinquent') OR (l.balance <= 0 AND data.proposed_action(p) = 'reloan') THEN
        RAISE EXCEPTION '대출 %은(는) 이미 종료되었습니다', l.loan_no USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    -- a rate renegotiation (금리 조건변경) changes the running contract: no product, no new loan; its rate and the
    -- loan's remaining months, approved and executed as a re-loan is, for the balance (at least 1 won, as the quote:
    -- a paid-off overdraft line keeps running)
    IF data.proposed_action(p) = 'renegotiation' THEN
        rate := data.json_numeric(p.quote_input -> 'renegotiation_offer' -> 'annual_rate_pct');
        IF rate IS NULL THEN
            RAISE EXCEPTION '금리 조건변경 제안에 제안 금리(renegotiation_offer)가 없습니다' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        a := data.open_application(p, l, l.product_id, greatest(l.balance, 1), rate,
                                   greatest(l.term_months - data.months_between(l.drawdown_date, data.bank_today()), 1), m);
        RETURN QUERY SELECT a.application_no::text, a.state::text, a.row_version;
        RETURN;
    END IF;
    IF data.proposed_action(p) <> 'reloan' OR jsonb_typeof(p.quote_input -> 'reloan_offer') IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION '재대출 제안(reloan_offer)이 없는 제안서입니다' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    rate := data.json_numeric(p.quote_input -> 'reloan_offer' -> 'annual_rate_pct');
    term := (p.quote_input -> 'reloan_offer' ->> 'term_months')::integer;
    score := data.credit_score_of(p.customer_id);  -- the database's, never the quote's
    IF score IS NULL THEN
        RAISE EXCEPTION '고객의 신용점수 기록이 없어 상품 조건을 확인할 수 없습니다' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    -- the product the proposal priced if it still holds the re-loan, else the first on sale of the loan's kind
    -- that does, in code order, preferring the priced product's rate type (domain/products.py booking_product)
    priced := p.quote_input -> 'reloan_offer' ->> 'product_code';
    SELECT * INTO product FROM data.products x
    WHERE x.loan_kind = l.kind AND x.active AND l.balance BETWEEN x.min_amount AND x.max_amount
      AND term BETWEEN x.min_term_months AND x.max_term_months AND rate BETWEEN x.min_rate_pct AND x.max_rate_pct
      AND score >= x.min_credit_score
    ORDER BY x.code = priced DESC NULLS LAST,
             x.rate_type = (SELECT y.rate_type FROM data.products y WHERE y.loan_kind = l.kind AND y.active
                            ORDER BY y.code LIMIT 1) DESC NULLS LAST,
             x.code
    LIMIT 1;
    IF NOT FOUND THEN
        kind_label := CASE l.kind WHEN 'credit' THEN '신용대출' WHEN 'mortgage' THEN '주택담보대출' WHEN 'jeonse' THEN '전세대출'
                                  WHEN 'other_secured' THEN '기타담보대출' WHEN 'overdraft' THEN '마이너스통장' ELSE l.kind END;
        IF NOT EXISTS (SELECT 1 FROM data.products x WHERE x.loan_kind = l.kind AND x.active) THEN
            RAISE EXCEPTION '판매 중인 % 재대출 상품이 없습니다', kind_label USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        RAISE EXCEPTION '%', format('금액 %s원 · %s개월 · 연 %s%%를 담을 수 있는 %s 재대출 상품이 없습니다 '
                                    '(상품별 금액·기간·금리 범위는 본부 관리 화면에서 확인)',
                                    to_char(l.balance, 'FM999,999,999,999,999'), term, trim_scale(rate), kind_label)
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    a := data.open_application(p, l, product.id, l.balance, rate, term, m);
    RETURN QUERY SELECT a.application_no::text, a.state::text, a.row_version;
END
$$;

-- The customer accepted renegotiation p in front of its author m (api.record_proposal_decision): its application is
-- filed (a draft, as api.file_application files a re-loan's) and nothing more. It takes effect only as a re-loan
-- does: submitted, approved by someone other than the filer and the author whose authority covers it
-- (data.transition_refusal), executed as the workflow allows — within the author's own authority too (the one who
-- files never approves; the outside test of 1 Dec 2026, fifth round, finding 4). Returns what happens next, in words
-- (the desktop shows it beside the decision; a catalogue template says it in English): when a manager must approve,
-- why (data.authority_refusal for a 행원, the flag the lists show).
CREATE OR REPLACE FUNCTION data.renegotiation_accepted(p data.proposals, m data.officers) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    filed record;
    a data.applications;
    l data.loans;
    said text;
BEGIN
    SELECT * INTO filed FROM api.file_application(p.proposal_no);
    SELECT * INTO a FROM data.applications x WHERE x.application_no = filed.application_no;
    SELECT * INTO l FROM data.loans x WHERE x.id = a.old_loan_id;
    said := format('금리 조건변경 신청 %s을(를) 작성했습니다: 재대출 신청 화면에서 심사 요청하세요. 작성자·제안자가 아닌, '
                   '승인 권한이 있는 다른 직원이 승인하고 실행하면 대출 %s의 금리가 연 %s%%에서 연 %s%%로 바뀝니다.',
                   a.application_no, l.loan_no, trim_scale(l.annual_rate_pct), trim_scale(a.annual_rate_pct));
    IF a.needs_manager_approval THEN  -- why: a 행원's authority falls short, or a manager's recent rejection
        said := said || ' ' || coalesce(
            data.authority_refusal(a, 'officer'),
            (SELECT format('같은 대출의 신청 %s이(가) %s의 거절로 끝나 %s 이상이 승인합니다.', r.application_no,
                           data.role_label(r.rejecter_role), data.role_label(r.rejecter_role))
             FROM data.recent_rejection(a.old_loan_id, a.id) r WHERE r.application_no IS NOT NULL),
            '지점장 승인이 필요합니다.');
    END IF;
    RETURN said;
END
$$;

-- A renegotiation approved (application a): the running loan's rate becomes the approved one, nothing else changes
-- (balance, term, method, product). The loan must still carry the rate the proposal quoted (another change since
-- would be overwritten), and the new rate must be below it. Recorded in the chained audit trail ('loan.rate_change').
CREATE OR REPLACE FUNCTION data.book_renegotiation(a data.applications) RETURNS data.loans
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    l data.loans;
    quoted numeric;
    changed data.loans;
BEGIN
    SELECT * INTO l FROM data.loans WHERE id = a.old_loan_id FOR UPDATE;
    SELECT data.json_numeric(p.quote_input -> 'current_loan' -> 'annual_rate_pct') INTO quoted
    FROM data.proposals p WHERE p.id = a.proposal_id;
    IF quoted IS DISTINCT FROM l.annual_rate_pct THEN
        RAISE EXCEPTION '%', format('대출 %s의 금리(연 %s%%)가 제안 당시(연 %s%%)와 다릅니다: 새 제안서를 만드세요',
                                    l.loan_no, trim_scale(l.annual_rate_pct), coalesce(trim_scale(quoted)::text, '없음'))
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF a.annual_rate_pct >= l.annual_rate_pct THEN
        RAISE EXCEPTION '%', format('금리 조건변경 금리(연 %s%%)가 지금 금리(연 %s%%)보다 낮지 않습니다',
                                    trim_scale(a.annual_rate_pct), trim_scale(l.annual_rate_pct))
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE data.loans SET annual_rate_pct = a.annual_rate_pct WHERE id = l.id RETURNING * INTO changed;
    PERFORM data.audit('loan.rate_change', data.customer_no_of(l.customer_id), jsonb_build_object(
        'loan_no', l.loan_no, 'from_rate_pct', l.annual_rate_pct, 'to_rate_pct', a.annual_rate_pct,
        'application_no', a.application_no, 'proposal_no', (SELECT p.proposal_no FROM data.proposals p
                                                              WHERE p.id = a.proposal_id)));
    RETURN changed;
END
$$;

-- Execution (in the caller's transaction): a re-loan closes the old loan and opens the new one; a renegotiation
-- changes the running loan's rate (data.book_renegotiation). Either way the terms must be the approved ones, the
-- old loan still running with the approved amount as its balance (a renegotiated loan's at most that: repaid since
-- is still within the approval), and the approver's authority must still cover them under today's rules; a re-loan's
-- product must still hold them.
CREATE OR REPLACE FUNCTION data.execute_application(a data.applications) RETURNS data.loans
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    old data.loans;
    product data.products;
    approver data.officers;
    fresh data.loans;
    authority text;
    today date := data.bank_today();
    new_id bigint;
    renegotiation boolean := (SELECT data.proposed_action(p) = 'renegotiation' FROM data.proposals p
                              WHERE p.id = a.proposal_id);
BEGIN
    SELECT * INTO old FROM data.loans WHERE id = a.old_loan_id FOR UPDATE;
    IF NOT FOUND OR old.status NOT IN ('active', 'delinquent') THEN
        RAISE EXCEPTION '기존 대출이 이미 종료되었거나 조회 범위 밖입니다' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF data.loan_refusal(old, CASE WHEN renegotiation THEN 'renegotiation' ELSE 'reloan' END, today) IS NOT NULL THEN
        RAISE EXCEPTION '%', data.loan_refusal(old, CASE WHEN renegotiation THEN 'renegotiation' ELSE 'reloan' END, today)
            USING ERRCODE = 'object_not_in_prerequisite_state';  -- in arrears since it was filed
    END IF;
    IF (a.approved_rate_pct, a.approved_amount, a.approved_term_months) IS DISTINCT FROM (a.annual_rate_pct, a.amount, a.term_months) THEN
        RAISE EXCEPTION '신청 조건이 승인된 조건과 다릅니다: 다시 승인받아야 합니다' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF renegotiation AND greatest(old.balance, 1) > a.amount THEN  -- repaid since: still within the approval
        RAISE EXCEPTION '기존 대출 잔액(%원)이 승인 금액(%원)보다 큽니다: 새로 신청하세요',
            to_char(old.balance, 'FM999,999,999,999,999'), to_char(a.amount, 'FM999,999,999,999,999')
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF NOT renegotiation AND old.balance <> a.amount THEN
        RAISE EXCEPTION '기존 대출 잔액(%원)이 승인 금액(%원)과 다릅니다: 새로 신청하세요',
            to_char(old.balance, 'FM999,999,999,999,999'), to_char(a.amount, 'FM999,999,999,999,999')
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT * INTO approver FROM data.officers WHERE id = a.approved_by;
    authority := data.authority_refusal(a, approver.role);
    IF authority IS NOT NULL THEN
        RAISE EXCEPTION '승인 이후 전결 기준이 바뀌었습니다: %', authority USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF renegotiation THEN
        RETURN data.book_renegotiation(a);
    END IF;
    SELECT * INTO product FROM data.products WHERE id = a.product_id;
    IF NOT FOUND OR NOT product.active OR product.loan_kind <> old.kind
       OR a.annual_rate_pct NOT BETWEEN product.min_rate_pct AND product.max_rate_pct
       OR a.amount NOT BETWEEN product.min_amount AND product.max_amount
       OR a.term_months NOT BETWEEN product.min_term_months AND product.max_term_months
       OR coalesce(data.credit_score_of(a.customer_id), 0) < product.min_credit_score THEN
        RAISE EXCEPTION '%', format('상품 %s의 현재 판매 조건(금리 %s~%s%%, 금액, 기간)이 신청을 담지 못합니다: 새로 신청하세요',
                                    product.code, trim_scale(product.min_rate_pct), trim_scale(product.max_rate_pct))
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    new_id := nextval('data.loans_id_seq');
    INSERT INTO data.loans (id, loan_no, customer_id, product_id, branch_id, officer_id, kind, principal, balance,
                            annual_rate_pct, rate_type, fixed_period_months, index_name, repayment_method, term_months,
                            grace_months, drawdown_date, maturity_date, collateral_value, collateral_region,
                            prepayment_fee_pct, credit_score_at_drawdown, status)
    VALUES (new_id, 'L' || lpad(new_id::text, 10, '0'), a.customer_id, product.id, a.branch_id, a.created_by, old.kind,
            a.amount, a.amount, a.annual_rate_pct, product.rate_type,
            CASE WHEN product.rate_type IN ('mixed', 'periodic') THEN least(60, a.term_months) END, product.index_name,
            old.repayment_method, a.term_months, 0, today, (today + make_interval(months => a.term_months))::date,
            old.collateral_value, old.collateral_region, product.prepayment_fee_pct, old.credit_score_at_drawdown, 'active')
    RETURNING * INTO fresh;
    UPDATE data.loans SET status = 'refinanced', balance = 0, closed_on = today, closed_reason = 'refinanced'
    WHERE id = old.id;
    RETURN fresh;
END
$$;

-- Move an application (optimistic locking: seen_row_version is the version the officer was looking at).
CREATE OR REPLACE FUNCTION api.move_application(application_number text, target text, seen_row_version integer,
                                                comment text DEFAULT '')
RETURNS TABLE (application_no text, state text, row_version integer, new_loan_no text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    a data.applications;
    refusal record;
    fresh data.loans;
    note text := btrim(coalesce(comment, ''));
BEGIN
    IF length(note) > 500 THEN
        RAISE EXCEPTION '의견은 500자 이내로 입력하세요' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO a FROM data.applications x WHERE x.application_no = application_number FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION '신청 %를 찾을 수 없습니다 (없거나 조회 범위 밖)', data.echo_ref(application_number) USING ERRCODE = 'no_data_found';
    END IF;
    IF a.row_version <> seen_row_version THEN
        RAISE EXCEPTION '다른 직원이 먼저 이 신청을 변경했습니다. 최신 내용을 다시 불러온 뒤 처리하세요'
            USING ERRCODE = 'serialization_failure';
    END IF;
    refusal := data.transition_refusal(a, target);
    IF refusal.sqlstate IS NOT NULL THEN
        RAISE EXCEPTION '%', refusal.message USING ERRCODE = refusal.sqlstate;
    END IF;
    IF target = 'executed' THEN
        fresh := data.execute_application(a);
    END IF;
    UPDATE data.applications x
    SET state = target, new_loan_id = coalesce(fresh.id, x.new_loan_id), updated_at = now(), row_version = x.row_version + 1,
        approved_by = CASE WHEN target = 'approved' THEN m.id ELSE x.approved_by END,
        approved_at = CASE WHEN target = 'approved' THEN now() ELSE x.approved_at END,
        approved_rate_pct = CASE WHEN target = 'approved' THEN x.annual_rate_pct ELSE x.approved_rate_pct END,
        approved_amount = CASE WHEN target = 'approved' THEN x.amount ELSE x.approved_amount END,
        approved_term_months = CASE WHEN target = 'approved' THEN x.term_months ELSE x.approved_term_months END
    WHERE x.id = a.id;
    INSERT INTO data.application_events (application_id, officer_id, from_state, to_state, comment)
    VALUES (a.id, m.id, a.state, target, note);
    PERFORM data.audit('application.transition', data.customer_no_of(a.customer_id), jsonb_strip_nulls(jsonb_build_object(
        'application_no', a.application_no, 'from_state', a.state, 'to_state', target,
        'annual_rate_pct', a.annual_rate_pct, 'amount', a.amount, 'old_loan_no', data.loan_no_of(a.old_loan_id),
        'new_loan_no', fresh.loan_no)));
    RETURN QUERY SELECT a.application_no::text, target, a.row_version + 1, fresh.loan_no::text;
END
$$;
