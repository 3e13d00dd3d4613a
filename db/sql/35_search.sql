-- 고객 검색, recorded first (revision 0013; the outside test of 30 Nov 2026, findings 2 and 6).
--
-- A search shows names and birth dates, so it is an access like a reveal: it is recorded and committed before
-- anything is shown. Two calls, two transactions:
--
--     SELECT api.record_search('name', '김하늘');          -- ticket 4712, and nothing else; COMMIT
--     SELECT * FROM api.search_summary(4712);             -- how many rows, of other branches, the day's limit
--     SELECT * FROM api.search_customers(4712);           -- the rows; both refused in the recording transaction
--
-- api.record_search runs the search, records who, when, the kind of query, a keyed hash of the query
-- (HMAC-SHA-256 with data.search_secret, which only rd_owner reads: the monthly review counts repeated
-- queries without storing a name), the officer's scope, how many rows and how many of other branches it
-- will show, and keeps the customers' ids with the ticket. api.search_customers(ticket) serves exactly those
-- rows, only to the recording session's role, only from a transaction other than the one that recorded it
-- (a ticket never committed is invisible to every other transaction), within 10 minutes. So a search run
-- inside BEGIN … ROLLBACK shows nothing, and every search that showed rows has its committed audit row.
--
-- Other branches' customers (they walk into any branch) come only on a query that identifies them, masked
-- to the surname (김**: data.mask_surname), and at most data.search_outside_limit(day) of them per officer per
-- day (data.search_limits, head office: api.set_search_limit). The search that reaches the limit shows what
-- is left of it; past it a search still shows the officer's own scope and withholds the other branches' hits
-- (recorded, counted). The officer learns only that the limit is reached — on every search from then on,
-- found or not, so the answer is no oracle of whether a full name exists at another branch.
--
-- Probes of other branches (revision 0015; the outside test of 30 Nov 2026, third round): a search that could
-- identify another branch's customer — a full name, a name and birth date, a full customer or loan number — and
-- found nobody in the officer's own scope (or showed someone of another branch) is a probe, counted whether it
-- hit or not, at most data.search_probe_limit(day) a day (data.search_probe_limits, head office:
-- api.set_search_probe_limit). Before, only hits counted: name-and-birth-date searches that found nobody were
-- free, so a known name's birth date could be guessed date by date at another branch (each miss audited, none
-- limited). Past the budget the officer's own scope still answers and other branches' customers are withheld
-- (recorded); every search says so from then on, found or not. A search that found the officer's own customers
-- and nobody elsewhere is the officer's daily work and no probe; the review (api.audit_search_probes) shows the
-- probes per officer and day, how many found nobody and how many came past the budget.

-- HMAC-SHA-256 (RFC 2104) from the built-in sha256: no extension needed.
CREATE OR REPLACE FUNCTION data.hmac_sha256(key bytea, message bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog
AS $$
DECLARE
    k bytea := CASE WHEN octet_length(key) > 64 THEN sha256(key) ELSE key END;
    inner_pad bytea := decode(repeat('36', 64), 'hex');
    outer_pad bytea := decode(repeat('5c', 64), 'hex');
BEGIN
    k := k || decode(repeat('00', 64 - octet_length(k)), 'hex');
    FOR i IN 0..63 LOOP
        inner_pad := set_byte(inner_pad, i, get_byte(k, i) # 54);
        outer_pad := set_byte(outer_pad, i, get_byte(k, i) # 92);
    END LOOP;
    RETURN sha256(outer_pad || sha256(inner_pad || message));
END
$$;

-- The keyed hash of a search (hex): kind, the query as searched (trimmed; the birth date with name_birth).
-- Owned by rd_owner, the only role that reads data.search_secret; executable by rd_crossbranch only.
CREATE OR REPLACE FUNCTION data.search_query_hmac(query_kind text, query text, birth date) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    secret bytea;
BEGIN
    SELECT s.key INTO secret FROM data.search_secret s WHERE s.id = 1;
    IF secret IS NULL THEN
        RAISE EXCEPTION '검색 기록용 키(data.search_secret)가 없습니다: 관리자가 데이터베이스를 최신 버전으로 올려야 합니다'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN encode(data.hmac_sha256(secret, convert_to(concat_ws(chr(31), 'rd-search-v1', query_kind, btrim(query),
                                                                 birth::text), 'UTF8')), 'hex');
END
$$;

-- Another branch's customer in a search: the surname only, the rest a fixed '**' (no length either). The
-- two-syllable surnames keep both syllables (남궁**).
CREATE OR REPLACE FUNCTION data.mask_surname(name text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN coalesce(length(name), 0) = 0 THEN '**'
                WHEN length(name) > 2 AND left(name, 2) IN ('남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '어금', '망절')
                    THEN left(name, 2) || '**'
                ELSE left(name, 1) || '**' END
$$;

-- How many other branches' customers one officer may be shown by searches on a day (head office's dated
-- setting; the latest row in force that day).
CREATE OR REPLACE FUNCTION data.search_outside_limit(day date) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    found_limit integer;
BEGIN
    SELECT l.outside_hits_per_day INTO found_limit FROM data.search_limits l
    WHERE l.valid_from <= day ORDER BY l.valid_from DESC LIMIT 1;
    RETURN coalesce(found_limit, 0);  -- no setting: other branches' customers are not listed at all
END
$$;

-- Identifying searches of other branches (probes) an officer may make on day, head office's dated budget
-- (data.search_probe_limits, revision 0015). A search that could identify another branch's customer and found
-- nobody in the officer's scope counts, hit or miss (see the top of this file).
CREATE OR REPLACE FUNCTION data.search_probe_limit(day date) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    found_limit integer;
BEGIN
    SELECT l.probes_per_day INTO found_limit FROM data.search_probe_limits l
    WHERE l.valid_from <= day ORDER BY l.valid_from DESC LIMIT 1;
    RETURN coalesce(found_limit, 0);  -- no setting: no probe of other branches at all
END
$$;

-- One probe of other branches for the session's officer today, counted hit or miss in the searches' own counter
-- (data.search_daily.probes, row-locked as api.record_search locks it: a concurrent lookup waits); true when it was
-- within the day's budget (data.search_probe_limit). Used by api.request_consultation_access (revision 0017), whose
-- caller commits it before learning anything (30_customers.sql), as a search's.
CREATE OR REPLACE FUNCTION data.count_probe() RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    today date := data.bank_today();
    before integer;
BEGIN
    INSERT INTO data.search_daily AS d (db_role, day, outside_hits, withheld) VALUES (session_user, today, 0, 0)
    ON CONFLICT (db_role, day) DO NOTHING;
    UPDATE data.search_daily d SET probes = d.probes + 1 WHERE d.db_role = session_user AND d.day = today
    RETURNING d.probes - 1 INTO before;
    RETURN before < data.search_probe_limit(today);
END
$$;
ALTER FUNCTION data.count_probe() OWNER TO rd_crossbranch;

-- 검색 기록: run the search, record it (committed by the caller before anything is shown), keep its rows with
-- the ticket. query_kind: customer_no | loan_no | phone_last4 | name | name_birth (query = the name, birth =
-- the date). Customers in the officer's scope match as typed (prefixes included). A customer of another
-- branch matches only a query that identifies them — the full name, name and birth date, the full customer
-- or loan number — never a prefix (a prefix plus a mask would spell names). Each form is answered from its
-- own index (revision 0005), planned with the literal the officer typed.
-- Returns the ticket only: what the search found (even how many, or whether another branch has such a
-- customer) is told by api.search_summary and api.search_customers once the recording has committed. A count
-- returned here could be read inside BEGIN … ROLLBACK with the recording undone: an oracle of who banks
-- elsewhere (the outside test of 30 Nov 2026, second round: 20,819 rolled-back name-and-birth-date searches
-- found a customer's birth date in 27 s, with no trace).
CREATE OR REPLACE FUNCTION api.record_search(query_kind text, query text, birth date DEFAULT NULL,
                                             page_size integer DEFAULT 50, skip integer DEFAULT 0)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    extra bigint[] := data.my_extra_customers();
    q text := btrim(coalesce(query, ''));
    today date := data.bank_today();
    name_order constant text := 'c.name COLLATE "C", c.birth_date, c.customer_no';
    condition text;
    identifying text := 'false';  -- what lets another branch's customer through
    scope text;
    ordering text := name_order;
    ids bigint[];
    scoped boolean[];
    outside integer;
    inside integer;
    used integer := 0;
    allowed integer;
    remaining integer;
    held integer := 0;
    probes integer := 0;
    probe boolean := false;
    probe_blocked boolean := false;
    ticket bigint;
BEGIN
    IF page_size NOT BETWEEN 1 AND 200 OR skip NOT BETWEEN 0 AND 100000 THEN
        RAISE EXCEPTION '검색 범위가 올바르지 않습니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF length(q) NOT BETWEEN 1 AND 40 THEN
        RAISE EXCEPTION '검색어는 1~40자입니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    scope := format('(c.home_branch_id = %s OR c.id = ANY (%L::bigint[]))', m.branch_id, extra);
    CASE query_kind
        WHEN 'customer_no' THEN
            IF q !~ '^C[0-9]{1,8}$' THEN RAISE EXCEPTION '고객번호 형식이 아닙니다: %', data.echo_ref(q) USING ERRCODE = 'invalid_parameter_value'; END IF;
            condition := format('c.customer_no COLLATE "C" LIKE %L', q || '%');
            identifying := format('c.customer_no = %L', q);
            ordering := 'c.customer_no COLLATE "C"';
        WHEN 'loan_no' THEN
            IF q !~ '^L[0-9]{1,10}$' THEN RAISE EXCEPTION '대출번호 형식이 아닙니다: %', data.echo_ref(q) USING ERRCODE = 'invalid_parameter_value'; END IF;
            condition := format('c.id IN (SELECT l.customer_id FROM data.loans l WHERE l.loan_no COLLATE "C" LIKE %L '
                                'AND (l.branch_id = %s OR l.customer_id = ANY (%L::bigint[]) OR l.loan_no = %L) LIMIT %s)',
                                q || '%', m.branch_id, extra, q, page_size + skip);
            identifying := format('c.id IN (SELECT l.customer_id FROM data.loans l WHERE l.loan_no = %L)', q);
        WHEN 'phone_last4' THEN
            IF q !~ '^[0-9]{4}$' THEN RAISE EXCEPTION '전화번호 끝 네 자리가 아닙니다' USING ERRCODE = 'invalid_parameter_value'; END IF;
            condition := format('c.phone_last4 = %L', q);
            ordering := 'c.phone_last4, ' || name_order;
        WHEN 'name' THEN
            IF q !~ '^[가-힣A-Za-z ]+$' THEN RAISE EXCEPTION '이름은 한글·영문만 검색합니다' USING ERRCODE = 'invalid_parameter_value'; END IF;
            condition := format('c.name COLLATE "C" LIKE %L', q || '%');
            identifying := format('c.name COLLATE "C" = %L', q);
        WHEN 'name_birth' THEN
            IF q !~ '^[가-힣A-Za-z]+$' OR birth IS NULL THEN
                RAISE EXCEPTION '이름과 생년월일로 검색합니다' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            condition := format('c.name COLLATE "C" = %L AND c.birth_date = %L', q, birth);
            identifying := 'true';
        ELSE
            RAISE EXCEPTION '검색 종류가 올바르지 않습니다' USING ERRCODE = 'invalid_parameter_value';
    END CASE;
    EXECUTE format(
        'SELECT coalesce(array_agg(c.id ORDER BY c.n), ''{}''), coalesce(array_agg(c.in_scope ORDER BY c.n), ''{}'')
         FROM (SELECT c.id, %s AS in_scope, row_number() OVER (ORDER BY %s) AS n
               FROM (SELECT * FROM data.customers c WHERE %s AND (%s OR %s) ORDER BY %s LIMIT %s OFFSET %s) c) c',
        scope, ordering, condition, scope, identifying, ordering, page_size, skip)
    INTO ids, scoped;
    outside := cardinality(array_positions(scoped, false));
    inside := cardinality(ids) - outside;
    IF outside > 0 OR (identifying <> 'false' AND inside = 0) THEN
        -- the officer's counts of the day, locked (a concurrent search waits; under REPEATABLE READ it fails
        -- with 40001 rather than count twice)
        INSERT INTO data.search_daily AS d (db_role, day, outside_hits, withheld) VALUES (session_user, today, 0, 0)
        ON CONFLICT (db_role, day) DO NOTHING;
        SELECT d.outside_hits, d.probes INTO used, probes FROM data.search_daily d
        WHERE d.db_role = session_user AND d.day = today FOR UPDATE;
        -- past the day's probe budget nobody of another branch is shown (withheld, recorded); else at most what is
        -- left of the day's limit of other branches' customers, the first `remaining` of them, the rest withheld
        remaining := CASE WHEN probes >= data.search_probe_limit(today) THEN 0
                          ELSE greatest(data.search_outside_limit(today) - used, 0) END;
        IF outside > remaining THEN
            held := outside - remaining;
            SELECT coalesce(array_agg(y.id ORDER BY y.n), '{}'), coalesce(array_agg(y.s ORDER BY y.n), '{}')
              INTO ids, scoped
              FROM (SELECT x.id, x.s, x.n, count(*) FILTER (WHERE NOT x.s) OVER (ORDER BY x.n) AS k
                    FROM unnest(ids, scoped) WITH ORDINALITY AS x(id, s, n)) y
             WHERE y.s OR y.k <= remaining;
            outside := remaining;
        END IF;
        used := used + outside;
        -- a probe: an identifying search that found nobody in the officer's scope (counted hit or miss, so the count
        -- tells nothing of who exists), or that showed someone of another branch. One that found the officer's own
        -- customers and showed nobody else is not one, whether another branch's customer was withheld or not.
        probe := identifying <> 'false' AND (inside = 0 OR outside > 0);
        -- made past the budget: a probe, or a search whose other branches' customers the budget withheld
        probe_blocked := probes >= data.search_probe_limit(today) AND (probe OR held > 0);
        UPDATE data.search_daily d SET outside_hits = used, withheld = d.withheld + held,
                                       probes = d.probes + CASE WHEN probe THEN 1 ELSE 0 END
        WHERE d.db_role = session_user AND d.day = today;
    END IF;  -- the day's count and limit are told by api.search_summary, after the commit
    ticket := data.audit('customer.search', NULL, jsonb_build_object(
        'query_kind', query_kind, 'query_hmac', data.search_query_hmac(query_kind, q, birth),
        'results', cardinality(ids), 'outside_branch', outside, 'withheld', held, 'offset', skip,
        'page_size', page_size, 'branch_id', m.branch_id, 'consultations', cardinality(extra),
        'probe', probe, 'probe_blocked', probe_blocked));
    DELETE FROM data.search_tickets t WHERE t.db_role = session_user AND t.created_at < now() - interval '10 minutes';
    INSERT INTO data.search_tickets (audit_id, db_role, xact, query_kind, customer_ids, in_scope)
    VALUES (ticket, session_user, pg_current_xact_id()::text::bigint, query_kind, ids, scoped);
    RETURN ticket;
END
$$;
ALTER FUNCTION api.record_search(text, text, date, integer, integer) OWNER TO rd_crossbranch;

-- Refuses a ticket that is not the session's own committed search: another role's ticket or none (42501), a
-- ticket recorded in this very transaction or older than 10 minutes (55000). (Returns nothing: this file is
-- loaded by revision 0011, before 0013 makes data.search_tickets, so no signature may name its row type.)
CREATE OR REPLACE FUNCTION data.require_committed_search_ticket(ticket bigint) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    t record;
BEGIN
    SELECT s.db_role, s.xact, s.created_at INTO t FROM data.search_tickets s WHERE s.audit_id = ticket;
    IF NOT FOUND OR t.db_role <> session_user THEN
        RAISE EXCEPTION '기록되지 않은 검색입니다: 먼저 api.record_search(…)로 검색을 기록하고 커밋하세요'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF t.xact = pg_current_xact_id()::text::bigint THEN
        RAISE EXCEPTION '검색 기록을 먼저 커밋한 뒤 결과를 조회하세요 (기록이 남지 않는 검색은 없습니다)'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF t.created_at < now() - interval '10 minutes' THEN
        RAISE EXCEPTION '검색 기록이 10분이 지나 만료되었습니다: 다시 검색하세요' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
END
$$;
ALTER FUNCTION data.require_committed_search_ticket(bigint) OWNER TO rd_crossbranch;

-- What a committed search found: how many rows it shows, how many of them of other branches, whether the
-- officer has reached the day's limit of other branches' customers (true on every search from then on), the
-- limit, and how many the officer has been shown today; the same of the day's probes of other branches
-- (revision 0015), and when a limit is reached, the notice in words. Refused as api.search_customers is.
-- (Dropped first: revision 0015 added columns, which CREATE OR REPLACE cannot.)
DROP FUNCTION IF EXISTS api.search_summary(bigint);
CREATE FUNCTION api.search_summary(ticket bigint)
RETURNS TABLE (results integer, outside_branch integer, limit_reached boolean, daily_limit integer,
               shown_today integer, probe_limit_reached boolean, probe_limit integer, probes_today integer,
               notice text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    t record;
    search_day date;
    used integer;
    allowed integer;
    probed integer;
    budget integer;
BEGIN
    PERFORM data.require_committed_search_ticket(ticket);
    SELECT s.customer_ids, s.in_scope, s.created_at INTO t FROM data.search_tickets s WHERE s.audit_id = ticket;
    search_day := (t.created_at AT TIME ZONE 'Asia/Seoul')::date;
    allowed := data.search_outside_limit(search_day);
    budget := data.search_probe_limit(search_day);
    SELECT coalesce(max(d.outside_hits), 0), coalesce(max(d.probes), 0) INTO used, probed FROM data.search_daily d
    WHERE d.db_role = session_user AND d.day = search_day;
    results := cardinality(t.customer_ids);
    outside_branch := coalesce(cardinality(array_positions(t.in_scope, false)), 0);
    limit_reached := used >= allowed;
    daily_limit := allowed;
    shown_today := used;
    probe_limit_reached := probed >= budget;
    probe_limit := budget;
    probes_today := probed;
    notice := CASE
        WHEN probe_limit_reached THEN format(
            '오늘 다른 영업점 고객을 찾는 검색(전체 이름, 이름과 생년월일, 고객번호·대출번호) 한도 하루 %s회를 모두 써서 '
            '다른 영업점 고객은 표시하지 않습니다. 이 영업점 고객은 그대로 찾을 수 있습니다. 한도는 본부가 정합니다.',
            to_char(budget, 'FM999,999'))
        WHEN limit_reached THEN format(
            '오늘의 타지점 검색 한도(하루 %s명)에 도달해 다른 영업점 고객은 더 표시하지 않습니다. '
            '이 영업점 고객은 그대로 찾을 수 있습니다. 한도는 본부가 정합니다.', to_char(allowed, 'FM999,999'))
        END;
    RETURN NEXT;
END
$$;
ALTER FUNCTION api.search_summary(bigint) OWNER TO rd_crossbranch;

-- 고객 검색 결과: the rows a committed search ticket recorded, in its order. Refused: another role's ticket or
-- none (42501), a ticket recorded in this very transaction or older than 10 minutes (55000).
CREATE OR REPLACE FUNCTION api.search_customers(ticket bigint)
RETURNS TABLE (customer_no text, name text, birth_date date, phone_masked text, branch_name text, in_scope boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    extra bigint[] := data.my_extra_customers();
    t record;
BEGIN
    PERFORM data.require_committed_search_ticket(ticket);
    SELECT s.customer_ids, s.in_scope, s.query_kind INTO t FROM data.search_tickets s WHERE s.audit_id = ticket;
    RETURN QUERY
        SELECT c.customer_no::text,
               CASE WHEN s.here THEN c.name::text ELSE data.mask_surname(c.name) END,
               CASE WHEN s.here OR t.query_kind = 'name_birth' THEN c.birth_date END,
               CASE WHEN s.here THEN data.mask_phone(c.phone) ELSE '***-****-****' END,
               b.name::text, s.here
        FROM (SELECT x.id, x.n, x.recorded AND (cu.home_branch_id = m.branch_id OR cu.id = ANY (extra)) AS here
              FROM unnest(t.customer_ids, t.in_scope) WITH ORDINALITY AS x(id, recorded, n)
              JOIN data.customers cu ON cu.id = x.id) s
        JOIN data.customers c ON c.id = s.id
        JOIN data.branches b ON b.id = c.home_branch_id
        ORDER BY s.n;
END
$$;
ALTER FUNCTION api.search_customers(bigint) OWNER TO rd_crossbranch;

-- 타지점 검색 한도 (head office): from valid_from (today or later), an officer may be shown at most
-- outside_hits_per_day customers of other branches a day by searches (0: none). Recorded.
CREATE OR REPLACE FUNCTION api.set_search_limit(valid_from date, outside_hits_per_day integer) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
BEGIN
    PERFORM data.require_admin();
    IF valid_from IS NULL OR valid_from < data.bank_today() OR valid_from > data.bank_today() + 366 THEN
        RAISE EXCEPTION '적용일은 오늘부터 1년 안이어야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF outside_hits_per_day IS NULL OR outside_hits_per_day NOT BETWEEN 0 AND 10000 THEN
        RAISE EXCEPTION '하루 타지점 검색 한도는 0~10,000명입니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO data.search_limits AS l (valid_from, outside_hits_per_day) VALUES (valid_from, outside_hits_per_day)
    ON CONFLICT ON CONSTRAINT pk_search_limits DO UPDATE
        SET outside_hits_per_day = excluded.outside_hits_per_day, set_by = session_user, set_at = now();
    PERFORM data.audit('head_office.search_limit', NULL, jsonb_build_object(
        'valid_from', valid_from, 'outside_hits_per_day', outside_hits_per_day));
END
$$;

-- 타지점 식별 검색 한도 (head office, revision 0015): from valid_from (today or later), an officer may make at
-- most probes_per_day searches a day that could identify another branch's customer and found nobody in their own
-- scope (0: none). Recorded.
CREATE OR REPLACE FUNCTION api.set_search_probe_limit(valid_from date, probes_per_day integer) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
BEGIN
    PERFORM data.require_admin();
    IF valid_from IS NULL OR valid_from < data.bank_today() OR valid_from > data.bank_today() + 366 THEN
        RAISE EXCEPTION '적용일은 오늘부터 1년 안이어야 합니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF probes_per_day IS NULL OR probes_per_day NOT BETWEEN 0 AND 10000 THEN
        RAISE EXCEPTION '하루 타지점 식별 검색 한도는 0~10,000회입니다' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO data.search_probe_limits AS l (valid_from, probes_per_day) VALUES (valid_from, probes_per_day)
    ON CONFLICT ON CONSTRAINT pk_search_probe_limits DO UPDATE
        SET probes_per_day = excluded.probes_per_day, set_by = session_user, set_at = now();
    PERFORM data.audit('head_office.search_probe_limit', NULL, jsonb_build_object(
        'valid_from', valid_from, 'probes_per_day', probes_per_day));
END
$$;

-- 타지점 식별 검색 (접근기록 점검, revision 0015): in a month, per officer and day, the searches that probed other
-- branches (see the top of this file) and, since revision 0017, the consultation-access requests (each a probe,
-- 30_customers.sql), how many of them found nobody at all, and how many came past the day's budget (other branches'
-- customers withheld, access refused). Many probes finding nobody is what guessing looks like.
CREATE OR REPLACE FUNCTION api.audit_search_probes(month date)
RETURNS TABLE (employee_no text, officer_name text, day date, probes bigint, found_nobody bigint, past_budget bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    first timestamptz := (date_trunc('month', month)::date)::timestamp AT TIME ZONE 'Asia/Seoul';
    after timestamptz := ((date_trunc('month', month) + interval '1 month')::date)::timestamp AT TIME ZONE 'Asia/Seoul';
BEGIN
    PERFORM data.require_group('security');
    RETURN QUERY
        SELECT a.employee_no::text, max(o.name)::text, (a.at AT TIME ZONE 'Asia/Seoul')::date,
               count(*) FILTER (WHERE (a.details ->> 'probe')::boolean),
               count(*) FILTER (WHERE (a.details ->> 'probe')::boolean AND (a.details ->> 'results')::integer = 0
                                  AND (a.details ->> 'withheld')::integer = 0),
               count(*) FILTER (WHERE (a.details ->> 'probe_blocked')::boolean)
        FROM data.audit_log a
        LEFT JOIN data.officers o ON o.employee_no = a.employee_no
        WHERE a.at >= first AND a.at < after AND a.action IN ('customer.search', 'customer.consultation_access')
          AND a.employee_no IS NOT NULL
          AND ((a.details ->> 'probe')::boolean OR (a.details ->> 'probe_blocked')::boolean)
        GROUP BY a.employee_no, (a.at AT TIME ZONE 'Asia/Seoul')::date
        ORDER BY (a.at AT TIME ZONE 'Asia/Seoul')::date, a.employee_no;
END
$$;
ALTER FUNCTION api.audit_search_probes(date) OWNER TO rd_crossbranch;

-- 반복 검색 (접근기록 점검): in a month, the same query (by its keyed hash) searched by one officer at least
-- min_repeats times — a name tried again and again — with how many of other branches it showed or had
-- withheld. The query itself is not stored; the hash tells identical queries apart, nothing more.
CREATE OR REPLACE FUNCTION api.audit_repeated_searches(month date, min_repeats integer DEFAULT 3)
RETURNS TABLE (employee_no text, officer_name text, query_kind text, query_hmac text, searches bigint,
               outside_branch bigint, withheld bigint, first_at timestamptz, last_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    first timestamptz := (date_trunc('month', month)::date)::timestamp AT TIME ZONE 'Asia/Seoul';
    after timestamptz := ((date_trunc('month', month) + interval '1 month')::date)::timestamp AT TIME ZONE 'Asia/Seoul';
BEGIN
    PERFORM data.require_group('security');
    RETURN QUERY
        SELECT a.employee_no::text, max(o.name)::text, a.details ->> 'query_kind', a.details ->> 'query_hmac',
               count(*), coalesce(sum((a.details ->> 'outside_branch')::bigint), 0)::bigint,
               coalesce(sum((a.details ->> 'withheld')::bigint), 0)::bigint, min(a.at), max(a.at)
        FROM data.audit_log a
        LEFT JOIN data.officers o ON o.employee_no = a.employee_no
        WHERE a.at >= first AND a.at < after AND a.action = 'customer.search' AND a.details ? 'query_hmac'
          AND a.employee_no IS NOT NULL AND coalesce(a.details ->> 'offset', '0') = '0'  -- a next page is no new query
        GROUP BY a.employee_no, a.details ->> 'query_kind', a.details ->> 'query_hmac'
        HAVING count(*) >= greatest(coalesce(min_repeats, 3), 2)
        ORDER BY count(*) DESC, a.employee_no, a.details ->> 'query_hmac';
END
$$;
ALTER FUNCTION api.audit_repeated_searches(date, integer) OWNER TO rd_crossbranch;
