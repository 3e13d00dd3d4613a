-- The nightly batch (score-portfolio, train-models) and the security group's audit review.

-- Replace the call list of a date. entries: [{as_of, branch_id, officer_id, loan_id, customer_id, branch_rank, ...}],
-- one object per row with the columns of data.call_list_entries (whatever columns it has: the list is read
-- from the table itself).
CREATE OR REPLACE FUNCTION api.replace_call_list(as_of date, entries jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    columns text;
    n integer;
BEGIN
    PERFORM data.require_group('batch');
    IF jsonb_typeof(entries) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'entries must be a JSON array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_array_elements(entries) e WHERE (e ->> 'as_of')::date IS DISTINCT FROM as_of) THEN
        RAISE EXCEPTION 'every entry must be of %', as_of USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM data.call_list_entries e WHERE e.as_of = replace_call_list.as_of;
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute WHERE attrelid = 'data.call_list_entries'::regclass AND attnum > 0 AND NOT attisdropped
      AND attname <> 'id';
    EXECUTE format('INSERT INTO data.call_list_entries (%s) SELECT %s FROM jsonb_populate_recordset(NULL::data.call_list_entries, $1)',
                   columns, columns) USING entries;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM data.audit('batch.call_list', NULL, jsonb_build_object('as_of', as_of, 'entries', n));
    RETURN n;
END
$$;
ALTER FUNCTION api.replace_call_list(date, jsonb) OWNER TO rd_crossbranch;

-- A trained model (parameters are plain numbers, never code) with its model card.
CREATE OR REPLACE FUNCTION api.record_model_version(kind text, version text, parameters jsonb, card jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    new_id integer;
BEGIN
    PERFORM data.require_group('batch');
    INSERT INTO data.model_versions (kind, version, parameters, card)
    VALUES (record_model_version.kind, record_model_version.version, record_model_version.parameters,
            record_model_version.card)
    RETURNING id INTO new_id;
    PERFORM data.audit('batch.model', NULL, jsonb_build_object('kind', kind, 'version', version));
    RETURN new_id;
END
$$;

-- 콜리스트 내보내기 (Excel): the names in full, so only within scope — an officer gets their own branch's list,
-- the batch every branch's. data.call_list_rows says how many rows the caller may export (or refuses);
-- api.call_list_export(ticket) serves them once api.record_access('call_list.export', date) recorded that.
CREATE OR REPLACE FUNCTION data.call_list_scope() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    branch integer := data.my_branch_id();
BEGIN
    IF branch IS NOT NULL THEN
        RETURN branch;
    END IF;
    IF pg_has_role(session_user, 'rd_batch', 'MEMBER') THEN
        RETURN NULL;  -- every branch
    END IF;
    RAISE EXCEPTION '콜리스트를 내보낼 권한이 없습니다' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE FUNCTION data.call_list_rows(as_of date) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
    SELECT count(*)::integer FROM data.call_list_entries e, (SELECT data.call_list_scope() AS branch) s
    WHERE e.as_of = call_list_rows.as_of AND (s.branch IS NULL OR e.branch_id = s.branch)
$$;
ALTER FUNCTION data.call_list_rows(date) OWNER TO rd_crossbranch;

CREATE OR REPLACE FUNCTION api.call_list_export(ticket bigint)
RETURNS TABLE (branch_code text, branch_name text, branch_rank integer, officer_name text, customer_no text,
               customer_name text, loan_no text, kind text, balance bigint, action text, current_rate_pct numeric,
               recommended_rate_pct numeric, expected_value_gain bigint, customer_saving bigint,
               customer_monthly_saving bigint, eligibility text, switching_probability numeric, rate_cut_right boolean,
               fee_window_ends_on date, switch_eligible_from date, reasons jsonb)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    t data.access_tickets := data.redeem(ticket, 'call_list.export');
    branch integer := data.call_list_scope();
BEGIN
    RETURN QUERY
        SELECT b.code::text, b.name::text, e.branch_rank, o.name::text, c.customer_no::text, c.name::text, l.loan_no::text,
               l.kind::text, l.balance, e.action::text, e.current_rate_pct, e.recommended_rate_pct, e.expected_value_gain,
               e.customer_saving, e.customer_monthly_saving, e.eligibility, e.switching_probability, e.rate_cut_right,
               e.fee_window_ends_on, e.switch_eligible_from, e.reasons
        FROM data.call_list_entries e JOIN data.branches b ON b.id = e.branch_id JOIN data.loans l ON l.id = e.loan_id
        JOIN data.customers c ON c.id = e.customer_id LEFT JOIN data.officers o ON o.id = e.officer_id
        WHERE e.as_of = t.subject::date AND (branch IS NULL OR e.branch_id = branch)
        ORDER BY b.code, e.branch_rank;
END
$$;
ALTER FUNCTION api.call_list_export(bigint) OWNER TO rd_crossbranch;

-- The chain head, for anchoring outside the database (`retention-admin audit anchor`).
CREATE OR REPLACE FUNCTION api.audit_anchor()
RETURNS TABLE (last_id bigint, last_hash text, row_count bigint, anchored_at timestamptz, database_name text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    IF NOT (pg_has_role(session_user, 'rd_security', 'MEMBER') OR pg_has_role(session_user, 'rd_batch', 'MEMBER')) THEN
        RAISE EXCEPTION '접근기록 앵커는 보안·감사 또는 배치 계정이 내보냅니다' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT h.last_id, encode(h.last_hash, 'hex'), h.row_count, now(), current_database()::text
                 FROM data.audit_chain_head h;
END
$$;

-- 접근기록 점검 (a month): per officer, how many customers they viewed, how many outside their branch, reveals,
-- consultation accesses, exports and searches. For the security group.
CREATE OR REPLACE FUNCTION api.audit_review(month date)
RETURNS TABLE (employee_no text, officer_name text, branch_name text, logins bigint, searches bigint,
               customers_viewed bigint, outside_branch bigint, reveals bigint, consultation_accesses bigint,
               exports bigint, exported_rows bigint, document_downloads bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    first timestamptz := (date_trunc('month', month)::date)::timestamp AT TIME ZONE 'Asia/Seoul';
    after timestamptz := ((date_trunc('month', month) + interval '1 month')::date)::timestamp AT TIME ZONE 'Asia/Seoul';
BEGIN
    PERFORM data.require_group('security');
    RETURN QUERY
        WITH events AS (
            SELECT a.employee_no, a.action, a.customer_no, a.details, o.branch_id AS officer_branch, o.name AS o_name,
                   c.home_branch_id AS customer_branch
            FROM data.audit_log a
            LEFT JOIN data.officers o ON o.employee_no = a.employee_no
            LEFT JOIN data.customers c ON c.customer_no = a.customer_no
            WHERE a.at >= first AND a.at < after AND a.employee_no IS NOT NULL)
        SELECT e.employee_no::text, max(e.o_name)::text, max(b.name)::text,
               count(*) FILTER (WHERE e.action = 'session.login'),
               count(*) FILTER (WHERE e.action = 'customer.search'),
               count(DISTINCT e.customer_no) FILTER (WHERE e.action IN ('customer.view', 'customer.reveal', 'loan.view',
                                                                        'proposal.reopen', 'document.download')),
               count(DISTINCT e.customer_no) FILTER (WHERE e.customer_branch IS DISTINCT FROM e.officer_branch
                                                       AND e.customer_no IS NOT NULL),
               count(*) FILTER (WHERE e.action = 'customer.reveal'),
               count(*) FILTER (WHERE e.action = 'customer.consultation_access'),
               count(*) FILTER (WHERE e.action = 'call_list.export'),
               coalesce(sum((e.details ->> 'rows')::bigint) FILTER (WHERE e.action = 'call_list.export'), 0)::bigint,
               count(*) FILTER (WHERE e.action = 'document.download')
        FROM events e
        LEFT JOIN data.branches b ON b.id = e.officer_branch
        GROUP BY e.employee_no ORDER BY e.employee_no;
END
$$;
ALTER FUNCTION api.audit_review(date) OWNER TO rd_crossbranch;

-- The reasons given in a month: every reveal and consultation access, with the reason, and whether the
-- customer is of the officer's own branch.
CREATE OR REPLACE FUNCTION api.audit_reasons(month date)
RETURNS TABLE (at timestamptz, employee_no text, action text, customer_no text, reason text, outside_branch boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    first timestamptz := (date_trunc('month', month)::date)::timestamp AT TIME ZONE 'Asia/Seoul';
    after timestamptz := ((date_trunc('month', month) + interval '1 month')::date)::timestamp AT TIME ZONE 'Asia/Seoul';
BEGIN
    PERFORM data.require_group('security');
    RETURN QUERY
        SELECT a.at, a.employee_no::text, a.action::text, a.customer_no::text, a.details ->> 'reason',
               c.home_branch_id IS DISTINCT FROM o.branch_id
        FROM data.audit_log a
        LEFT JOIN data.officers o ON o.employee_no = a.employee_no
        LEFT JOIN data.customers c ON c.customer_no = a.customer_no
        WHERE a.at >= first AND a.at < after AND a.action IN ('customer.reveal', 'customer.consultation_access')
        ORDER BY a.id;
END
$$;
ALTER FUNCTION api.audit_reasons(date) OWNER TO rd_crossbranch;
