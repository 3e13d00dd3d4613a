"""Searches recorded first (the outside test of 30 Nov 2026, findings 2 and 6).

``api.record_search`` runs a search and records it — the kind of query, a keyed hash of it, the scope, how many
rows and how many of other branches it shows — in a transaction the desktop commits before
``api.search_customers(ticket)`` serves the rows (``db/sql/35_search.sql``). New tables:

* ``search_tickets``: a recorded search's rows (customer ids, in scope or not), for 10 minutes;
* ``search_daily``: per login role and day, how many other branches' customers searches showed (and withheld);
* ``search_limits``: head office's dated limit of those per officer per day (100 to start);
* ``search_secret``: the key of the queries' HMAC, 32 random bytes made here; only rd_owner reads it.

Downgrade drops them and puts revision 0011's ``api.search_customers(kind, query, …)`` back (recording in the
caller's transaction; revision 0012 did not change it).

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

from retention_desktop.data import api_sql, roles

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

#: other branches' customers an officer may be shown by searches per day, to start with (api.set_search_limit)
OUTSIDE_HITS_PER_DAY = 100
NEW_FUNCTIONS = ("api.record_search(text, text, date, integer, integer)", "api.search_customers(bigint)",
                 "api.set_search_limit(date, integer)", "api.audit_repeated_searches(date, integer)",
                 "data.search_query_hmac(text, text, date)", "data.search_outside_limit(date)",
                 "data.mask_surname(text)", "data.hmac_sha256(bytea, bytea)")
# revision 0011's search, as it was (restored by the downgrade)
SEARCH_CUSTOMERS_0011 = r'''
-- 고객 검색. query_kind: customer_no | loan_no | phone_last4 | name | name_birth (query = the name, birth =
-- the date). Customers in the officer's scope match as typed (prefixes included) and come with name, birth
-- date and masked phone. A customer of another branch (they walk into any branch) matches only a query that
-- identifies them — the full name, name and birth date, the full customer or loan number — and comes masked,
-- with their branch, so the officer can ask for consultation access; prefixes never list other branches'
-- customers (a prefix plus a mask would spell their names). Each form is answered from its own index
-- (revision 0005), planned with the literal the officer typed.
CREATE OR REPLACE FUNCTION api.search_customers(query_kind text, query text, birth date DEFAULT NULL,
                                                page_size integer DEFAULT 50, skip integer DEFAULT 0)
RETURNS TABLE (customer_no text, name text, birth_date date, phone_masked text, branch_name text, in_scope boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    m data.officers := data.require_officer();
    extra bigint[] := data.my_extra_customers();
    q text := btrim(coalesce(query, ''));
    name_order constant text := 'c.name COLLATE "C", c.birth_date, c.customer_no';
    condition text;
    identifying text := 'false';  -- what lets another branch's customer through
    scope text;
    ordering text := name_order;
    hit record;
    found_rows integer := 0;
    outside integer := 0;
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
    FOR hit IN EXECUTE format(
        'SELECT c.id, c.customer_no, c.name, c.birth_date, c.phone, c.home_branch_id, b.name AS branch_name
         FROM (SELECT * FROM data.customers c WHERE %s AND (%s OR %s) ORDER BY %s LIMIT %s OFFSET %s) c
         JOIN data.branches b ON b.id = c.home_branch_id ORDER BY %s',
        condition, scope, identifying, ordering, page_size, skip, ordering)
    LOOP
        found_rows := found_rows + 1;
        in_scope := hit.home_branch_id = m.branch_id OR hit.id = ANY (extra);
        IF NOT in_scope THEN
            outside := outside + 1;
        END IF;
        customer_no := hit.customer_no;
        name := CASE WHEN in_scope THEN hit.name ELSE data.mask_name(hit.name) END;
        birth_date := CASE WHEN in_scope OR query_kind = 'name_birth' THEN hit.birth_date END;
        phone_masked := CASE WHEN in_scope THEN data.mask_phone(hit.phone) ELSE '***-****-****' END;
        branch_name := hit.branch_name;
        RETURN NEXT;
    END LOOP;
    -- the query itself is not recorded (it is often a name); what was shown is
    PERFORM data.audit('customer.search', NULL, jsonb_build_object('query_kind', query_kind, 'results', found_rows,
                                                                   'outside_branch', outside, 'offset', skip));
END
$$;
ALTER FUNCTION api.search_customers(text, text, date, integer, integer) OWNER TO rd_crossbranch;
'''


def upgrade() -> None:
    op.create_table(
        "search_tickets",
        sa.Column("audit_id", sa.BigInteger(), nullable=False),
        sa.Column("db_role", sa.String(63), nullable=False),
        sa.Column("xact", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("query_kind", sa.String(16), nullable=False),
        sa.Column("customer_ids", sa.ARRAY(sa.BigInteger()), nullable=False),
        sa.Column("in_scope", sa.ARRAY(sa.Boolean()), nullable=False),
        sa.CheckConstraint("cardinality(customer_ids) = cardinality(in_scope)",
                           name=op.f("ck_search_tickets_one_flag_per_customer")),
        sa.PrimaryKeyConstraint("audit_id", name=op.f("pk_search_tickets")),
        schema="data",
    )
    op.create_index("ix_search_tickets_db_role_created_at", "search_tickets", ["db_role", "created_at"], schema="data")
    op.create_table(
        "search_daily",
        sa.Column("db_role", sa.String(63), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outside_hits", sa.Integer(), server_default="0", nullable=False),
        sa.Column("withheld", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("outside_hits >= 0 AND withheld >= 0", name=op.f("ck_search_daily_counts")),
        sa.PrimaryKeyConstraint("db_role", "day", name=op.f("pk_search_daily")),
        schema="data",
    )
    op.create_table(
        "search_limits",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("outside_hits_per_day", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.String(63), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("outside_hits_per_day BETWEEN 0 AND 10000", name=op.f("ck_search_limits_range")),
        sa.PrimaryKeyConstraint("valid_from", name=op.f("pk_search_limits")),
        schema="data",
    )
    op.execute(f"INSERT INTO data.search_limits (valid_from, outside_hits_per_day) "
               f"VALUES ('2000-01-01', {OUTSIDE_HITS_PER_DAY})")
    op.create_table(
        "search_secret",
        sa.Column("id", sa.SmallInteger(), server_default="1", nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_search_secret_single_row")),
        sa.CheckConstraint("octet_length(key) = 32", name=op.f("ck_search_secret_key_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_secret")),
        schema="data",
    )
    # 32 bytes from the server's strong random source (gen_random_uuid: 122 random bits each, four of them)
    op.execute("INSERT INTO data.search_secret (id, key) SELECT 1, substring(sha256(convert_to("
               "gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text || "
               "gen_random_uuid()::text, 'UTF8')) FROM 1 FOR 32)")
    api_sql.load(op.get_bind())


def downgrade() -> None:
    for function in NEW_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    for table in ("search_tickets", "search_daily", "search_limits", "search_secret"):
        op.drop_table(table, schema="data")
    with op.get_bind().connection.cursor() as cur:  # the driver's plain execute: the text is not a template
        cur.execute(roles.qualify_sql(SEARCH_CUSTOMERS_0011))
        cur.execute(roles.qualify_sql("GRANT EXECUTE ON FUNCTION api.search_customers(text, text, date, integer, "
                                      "integer) TO rd_officer"))
    op.execute("DELETE FROM data.app_meta WHERE key = 'api_sql'")
