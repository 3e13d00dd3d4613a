"""Probes of other branches limited, index history append-only, pricing rules bounded in the table (the outside
test of 30 Nov 2026, third round; docs/security.md).

* ``search_daily.probes``: per login role and day, the searches that could identify another branch's customer and
  found nobody in the officer's scope (or showed someone elsewhere) — counted hit or miss; ``search_probe_limits``:
  head office's dated budget of them per officer and day (50 to start; ``api.set_search_probe_limit``). Before,
  only hits counted, so name-and-birth-date searches that found nobody were free (db/sql/35_search.sql).
* ``pricing_rules``: CHECK constraints for what ``api.save_pricing_rules`` refuses beyond the shape — every loan
  kind in each per-kind map, the secured factor and the values within head office's bounds
  (``data.pricing_rules_bound_problem``), a plausible effective date — so a direct write (the owner's, a DBA's)
  cannot store what the function refuses. Added NOT VALID and validated when every stored version passes (an
  older database holding a version the bounds refuse keeps it, and the constraint guards every new one).
* The API (``db/sql``) is loaded again: the probe budget in ``api.record_search`` and ``api.search_summary`` (which
  gains columns, so it is dropped and made again), the review of probes (``api.audit_search_probes``), index rate
  history append-only (``api.import_index_rates``), the DEMO mark searched in every string encoding of a
  certificate's names (``api.add_trust_root``), the parameter checks' messages in Korean.

Downgrade drops the table, the column and the constraints, and puts revisions 0013-0014's ``api.record_search`` and
``api.search_summary`` back; the rest of the API stays the one loaded (its other changes need nothing of this
revision).

Revision ID: 0015
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

from retention_desktop.data import api_sql, roles

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

#: searches a day that may probe other branches (identifying, finding nobody in the officer's scope), to start with
PROBES_PER_DAY = 50
PRICING_RULES_CHECKS = (
    ("ck_pricing_rules_within_bounds", "data.pricing_rules_bound_problem(parameters) IS NULL"),
    ("ck_pricing_rules_effective_from_plausible", "data.plausible_date(effective_from)"),
)
NEW_FUNCTIONS = ("api.set_search_probe_limit(date, integer)", "api.audit_search_probes(date)",
                 "data.search_probe_limit(date)")
# revision 0013's search recording and summary, as they were (restored by the downgrade)
RECORD_SEARCH_0013 = r'''
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
    used integer := 0;
    allowed integer;
    remaining integer;
    held integer := 0;
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
    IF outside > 0 THEN
        allowed := data.search_outside_limit(today);
        -- the officer's count of the day, locked (a concurrent search waits; under REPEATABLE READ it fails
        -- with 40001 rather than count twice)
        INSERT INTO data.search_daily AS d (db_role, day, outside_hits, withheld) VALUES (session_user, today, 0, 0)
        ON CONFLICT (db_role, day) DO NOTHING;
        SELECT d.outside_hits INTO used FROM data.search_daily d WHERE d.db_role = session_user AND d.day = today FOR UPDATE;
        remaining := greatest(allowed - used, 0);
        IF outside > remaining THEN  -- the first `remaining` of them are shown, the rest withheld
            held := outside - remaining;
            SELECT coalesce(array_agg(y.id ORDER BY y.n), '{}'), coalesce(array_agg(y.s ORDER BY y.n), '{}')
              INTO ids, scoped
              FROM (SELECT x.id, x.s, x.n, count(*) FILTER (WHERE NOT x.s) OVER (ORDER BY x.n) AS k
                    FROM unnest(ids, scoped) WITH ORDINALITY AS x(id, s, n)) y
             WHERE y.s OR y.k <= remaining;
            outside := remaining;
        END IF;
        used := used + outside;
        UPDATE data.search_daily d SET outside_hits = used, withheld = d.withheld + held
        WHERE d.db_role = session_user AND d.day = today;
    END IF;  -- the day's count and limit are told by api.search_summary, after the commit
    ticket := data.audit('customer.search', NULL, jsonb_build_object(
        'query_kind', query_kind, 'query_hmac', data.search_query_hmac(query_kind, q, birth),
        'results', cardinality(ids), 'outside_branch', outside, 'withheld', held, 'offset', skip,
        'page_size', page_size, 'branch_id', m.branch_id, 'consultations', cardinality(extra)));
    DELETE FROM data.search_tickets t WHERE t.db_role = session_user AND t.created_at < now() - interval '10 minutes';
    INSERT INTO data.search_tickets (audit_id, db_role, xact, query_kind, customer_ids, in_scope)
    VALUES (ticket, session_user, pg_current_xact_id()::text::bigint, query_kind, ids, scoped);
    RETURN ticket;
END
$$;
ALTER FUNCTION api.record_search(text, text, date, integer, integer) OWNER TO rd_crossbranch;
'''
SEARCH_SUMMARY_0013 = r'''
CREATE OR REPLACE FUNCTION api.search_summary(ticket bigint)
RETURNS TABLE (results integer, outside_branch integer, limit_reached boolean, daily_limit integer,
               shown_today integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    t record;
    search_day date;
    used integer;
    allowed integer;
BEGIN
    PERFORM data.require_committed_search_ticket(ticket);
    SELECT s.customer_ids, s.in_scope, s.created_at INTO t FROM data.search_tickets s WHERE s.audit_id = ticket;
    search_day := (t.created_at AT TIME ZONE 'Asia/Seoul')::date;
    allowed := data.search_outside_limit(search_day);
    SELECT coalesce(max(d.outside_hits), 0) INTO used FROM data.search_daily d
    WHERE d.db_role = session_user AND d.day = search_day;
    results := cardinality(t.customer_ids);
    outside_branch := coalesce(cardinality(array_positions(t.in_scope, false)), 0);
    limit_reached := used >= allowed;
    daily_limit := allowed;
    shown_today := used;
    RETURN NEXT;
END
$$;
ALTER FUNCTION api.search_summary(bigint) OWNER TO rd_crossbranch;
'''


def upgrade() -> None:
    op.add_column("search_daily", sa.Column("probes", sa.Integer(), server_default="0", nullable=False), schema="data")
    op.execute("ALTER TABLE data.search_daily DROP CONSTRAINT ck_search_daily_counts, ADD CONSTRAINT "
               "ck_search_daily_counts CHECK (outside_hits >= 0 AND withheld >= 0 AND probes >= 0)")
    op.create_table(
        "search_probe_limits",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("probes_per_day", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.String(63), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("probes_per_day BETWEEN 0 AND 10000", name=op.f("ck_search_probe_limits_range")),
        sa.PrimaryKeyConstraint("valid_from", name=op.f("pk_search_probe_limits")),
        schema="data",
    )
    op.execute(f"INSERT INTO data.search_probe_limits (valid_from, probes_per_day) VALUES ('2000-01-01', {PROBES_PER_DAY})")
    api_sql.load(op.get_bind())
    for name, check in PRICING_RULES_CHECKS:
        op.execute(f"ALTER TABLE data.pricing_rules ADD CONSTRAINT {name} CHECK ({check}) NOT VALID")
        failing = op.get_bind().execute(sa.text(f"SELECT count(*) FROM data.pricing_rules WHERE NOT ({check})")).scalar()
        if not failing:
            op.execute(f"ALTER TABLE data.pricing_rules VALIDATE CONSTRAINT {name}")


def downgrade() -> None:
    for name, _check in PRICING_RULES_CHECKS:
        op.execute(f"ALTER TABLE data.pricing_rules DROP CONSTRAINT IF EXISTS {name}")
    for function in NEW_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.execute("DROP FUNCTION IF EXISTS api.search_summary(bigint)")
    with op.get_bind().connection.cursor() as cur:  # the driver's plain execute: the text is not a template
        cur.execute(roles.qualify_sql(RECORD_SEARCH_0013))
        cur.execute(roles.qualify_sql(SEARCH_SUMMARY_0013))
        cur.execute(roles.qualify_sql("GRANT EXECUTE ON FUNCTION api.search_summary(bigint) TO rd_officer"))
    op.drop_table("search_probe_limits", schema="data")
    op.execute("ALTER TABLE data.search_daily DROP CONSTRAINT ck_search_daily_counts, DROP COLUMN probes, "
               "ADD CONSTRAINT ck_search_daily_counts CHECK (outside_hits >= 0 AND withheld >= 0)")
