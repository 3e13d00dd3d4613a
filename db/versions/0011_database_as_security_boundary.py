"""The database as the security boundary: tables move to the private schema ``data`` (owned by the NOLOGIN
role rd_owner), officers get only the ``api`` schema of views and functions (``db/sql``), branch scope by
row-level security, a hash-chained audit trail, archived proposals that never change, head-office writes
validated in the database.

Upgrades a database holding data: tables are moved (``ALTER TABLE … SET SCHEMA``), new columns are filled
from what is there (the branch a proposal or application was made at is its officer's branch; an approved
application's approver is the officer of its approval event), and the existing audit rows are chained in id
order. Downgrade moves everything back and restores revision 0002's grants; the chain hashes, consultation
accesses, trust roots and approval limits are dropped with it.

Revision 0010's scoring staging (``scoring_runs``, ``scoring_chunks``, ``scoring_candidates``) moves to ``data``
with the rest and becomes the batch's (rd_batch), as the call list it feeds; nobody else reads it.

Revision 0008's ``public.set_proposal_form`` is replaced by ``api.set_proposal_form`` (the same checks, the
table in its new schema, the audit row chained); downgrade puts 0008's function back.

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

from retention_desktop.data import api_sql, roles

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLES = ("app_meta", "audit_log", "branches", "index_rates", "market_offers", "policies", "products", "customers",
          "officers", "credit_scores", "external_debts", "loans", "proposals", "repayments", "applications",
          "application_events", "documents", "pricing_rules", "model_versions", "call_list_entries",
          "scoring_runs", "scoring_chunks", "scoring_candidates")
NEW_TABLES = ("access_tickets", "consultation_grants", "trust_roots", "approval_limits", "audit_chain_head")
RLS_TABLES = ("customers", "credit_scores", "external_debts", "loans", "repayments", "proposals", "applications",
              "application_events", "documents", "call_list_entries", "consultation_grants")
# 전결 금액 한도 to start with (head office changes them with api.set_approval_limit)
APPROVAL_LIMITS = {"officer": 100_000_000, "manager": 1_000_000_000, "admin": 3_000_000_000}
OLD_GROUPS = ("officer", "manager", "admin")
PHONE = r"^(0[0-9]{1,2}-[0-9]{3,4}|1[0-9]{3})-[0-9]{4}$"
# revision 0008's function, as it was (restored by the downgrade)
SET_PROPOSAL_FORM_0008 = f"""
    CREATE FUNCTION set_proposal_form(form jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
        IF form IS NULL OR jsonb_typeof(form) <> 'object' THEN
            RAISE EXCEPTION '제안서 양식 설정은 JSON 객체여야 합니다' USING ERRCODE = 'check_violation';
        END IF;
        IF coalesce(btrim(form->>'ad_review_no'), '') = '' OR length(form->>'ad_review_no') > 80 THEN
            RAISE EXCEPTION '광고 심의필 번호(ad_review_no)가 비었거나 80자를 넘습니다'
                USING ERRCODE = 'check_violation';
        END IF;
        IF coalesce(form->>'consumer_protection_phone', '') !~ '{PHONE}' THEN
            RAISE EXCEPTION '소비자보호 연락처(consumer_protection_phone)는 1588-0000 또는 02-000-0000 형식이어야 합니다'
                USING ERRCODE = 'check_violation';
        END IF;
        IF form ? 'ad_review_valid_until' AND form->>'ad_review_valid_until' IS NOT NULL
           AND form->>'ad_review_valid_until' !~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$' THEN
            RAISE EXCEPTION '심의필 유효기한(ad_review_valid_until)은 YYYY-MM-DD 형식이어야 합니다'
                USING ERRCODE = 'check_violation';
        END IF;
        INSERT INTO app_meta (key, value) VALUES ('proposal_form', form)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
        INSERT INTO audit_log (employee_no, workstation, action, details)
        VALUES (NULL, 'database', 'head_office.proposal_form',
                jsonb_build_object('by', session_user, 'form', form));
    END
    $$
"""


def _run_file(name: str) -> None:
    api_sql.run(op.get_bind(), api_sql.sql_dir() / name)


def upgrade() -> None:
    _run_file("01_roles_and_schemas.sql")
    groups = ", ".join(roles.group(g) for g in OLD_GROUPS)
    # revision 0002's grants and trigger go; 90_grants.sql gives what each group needs now
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON public.audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON public.audit_log")
    op.execute("DROP FUNCTION IF EXISTS public.audit_log_is_append_only()")
    op.execute("DROP FUNCTION IF EXISTS public.set_proposal_form(jsonb)")  # 0008's: api.set_proposal_form now
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {groups}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {groups}")
    op.execute(f"REVOKE USAGE ON SCHEMA public FROM {roles.group('officer')}")
    for table in TABLES:
        op.execute(f"ALTER TABLE public.{table} SET SCHEMA data")

    # officers: the security role; login role names from roles.py (any prefix)
    op.drop_constraint("ck_officers_role", "officers", schema="data")
    op.create_check_constraint(op.f("ck_officers_role"), "officers", "role IN ('officer', 'manager', 'admin', 'security')",
                               schema="data")
    op.drop_constraint("ck_officers_db_role_name", "officers", schema="data")
    op.create_check_constraint(op.f("ck_officers_db_role_name"), "officers", "db_role ~ '^[a-z_][a-z0-9_]{0,62}$'",
                               schema="data")

    # where a proposal / an application was made: its officer's branch
    for table, officer in (("proposals", "officer_id"), ("applications", "created_by")):
        op.add_column(table, sa.Column("branch_id", sa.Integer(), nullable=True), schema="data")
        op.execute(f"UPDATE data.{table} t SET branch_id = o.branch_id FROM data.officers o WHERE o.id = t.{officer}")
        op.alter_column(table, "branch_id", nullable=False, schema="data")
        op.create_foreign_key(f"fk_{table}_branch_id_branches", table, "branches", ["branch_id"], ["id"],
                              source_schema="data", referent_schema="data")
    op.create_index("ix_proposals_branch_id_created_at", "proposals", ["branch_id", "created_at"], schema="data")
    # the customer policy reads (home_branch_id, id): one index answers it without the table
    op.create_index("ix_customers_home_branch_id_id", "customers", ["home_branch_id", "id"], schema="data")
    op.drop_index("ix_customers_home_branch_id", "customers", schema="data")
    op.create_index("ix_applications_branch_id_updated_at", "applications", ["branch_id", "updated_at"], schema="data")

    # the same file twice on the same customer or application: refused by a unique constraint (whoever inserts,
    # however many at the same instant). Copies stored before this revision are kept, numbered 1, 2, … in
    # copy_no; every document stored from now on has copy_no 0.
    op.add_column("documents", sa.Column("copy_no", sa.SmallInteger(), server_default="0", nullable=False),
                  schema="data")
    op.execute("""
        UPDATE data.documents d SET copy_no = n.copy_no
        FROM (SELECT id, row_number() OVER (PARTITION BY sha256, customer_id, application_id ORDER BY id) - 1 AS copy_no
              FROM data.documents) n
        WHERE n.id = d.id AND n.copy_no > 0""")
    op.create_check_constraint(op.f("ck_documents_copy_no"), "documents", "copy_no >= 0", schema="data")
    op.execute("ALTER TABLE data.documents ADD CONSTRAINT uq_documents_same_file "
               "UNIQUE NULLS NOT DISTINCT (sha256, customer_id, application_id, copy_no)")

    # the approval as given: who, when, on which terms (from the approval event of applications approved so far)
    op.add_column("applications", sa.Column("approved_by", sa.Integer(), nullable=True), schema="data")
    op.add_column("applications", sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True), schema="data")
    op.add_column("applications", sa.Column("approved_rate_pct", sa.Numeric(7, 4), nullable=True), schema="data")
    op.add_column("applications", sa.Column("approved_amount", sa.BigInteger(), nullable=True), schema="data")
    op.add_column("applications", sa.Column("approved_term_months", sa.SmallInteger(), nullable=True), schema="data")
    op.create_foreign_key("fk_applications_approved_by_officers", "applications", "officers", ["approved_by"], ["id"],
                          source_schema="data", referent_schema="data")
    op.execute("""
        UPDATE data.applications a SET approved_by = e.officer_id, approved_at = e.at, approved_rate_pct = a.annual_rate_pct,
               approved_amount = a.amount, approved_term_months = a.term_months
        FROM (SELECT DISTINCT ON (application_id) application_id, officer_id, at FROM data.application_events
              WHERE to_state = 'approved' ORDER BY application_id, id DESC) e
        WHERE e.application_id = a.id AND a.state IN ('approved', 'executed')""")
    op.create_check_constraint(op.f("ck_applications_approved_by_when_approved"), "applications",
                               "state NOT IN ('approved', 'executed') OR approved_by IS NOT NULL", schema="data")

    # the audit trail: the server-side address, the chain
    op.add_column("audit_log", sa.Column("client_addr", sa.String(64), nullable=True), schema="data")
    op.add_column("audit_log", sa.Column("prev_hash", sa.LargeBinary(), nullable=True), schema="data")
    op.add_column("audit_log", sa.Column("row_hash", sa.LargeBinary(), nullable=True), schema="data")
    op.alter_column("audit_log", "db_user", server_default=sa.text("SESSION_USER"), schema="data")
    op.create_index("ix_audit_log_at", "audit_log", ["at"], schema="data")
    op.execute("CREATE INDEX ix_audit_log_proposal_no ON data.audit_log ((details ->> 'proposal_no')) "
               "WHERE action = 'proposal.create'")
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.SmallInteger(), server_default="1", nullable=False),
        sa.Column("last_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("last_hash", sa.LargeBinary(), nullable=False),
        sa.Column("row_count", sa.BigInteger(), server_default="0", nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
        schema="data",
    )
    op.execute("INSERT INTO data.audit_chain_head (id, last_id, last_hash, row_count) "
               "VALUES (1, 0, decode(repeat('00', 32), 'hex'), 0)")

    op.create_table(
        "access_tickets",
        sa.Column("audit_id", sa.BigInteger(), nullable=False),
        sa.Column("db_role", sa.String(63), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("xact", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("audit_id", name=op.f("pk_access_tickets")),
        schema="data",
    )
    op.create_table(
        "consultation_grants",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("db_role", sa.String(63), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(btrim(reason)) BETWEEN 4 AND 200", name=op.f("ck_consultation_grants_reason_length")),
        sa.CheckConstraint("expires_at > granted_at", name=op.f("ck_consultation_grants_expires_after_grant")),
        sa.ForeignKeyConstraint(["officer_id"], ["data.officers.id"], name=op.f("fk_consultation_grants_officer_id_officers")),
        sa.ForeignKeyConstraint(["customer_id"], ["data.customers.id"], ondelete="CASCADE",
                                name=op.f("fk_consultation_grants_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_grants")),
        schema="data",
    )
    op.create_index("ix_consultation_grants_customer_id", "consultation_grants", ["customer_id"], schema="data")
    op.create_index("ix_consultation_grants_db_role_expires_at", "consultation_grants", ["db_role", "expires_at"],
                    schema="data")
    op.create_table(
        "trust_roots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint_sha256", sa.String(64), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column("added_by", sa.String(63), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("fingerprint_sha256 ~ '^[0-9a-f]{64}$'", name=op.f("ck_trust_roots_fingerprint_form")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_roots")),
        sa.UniqueConstraint("fingerprint_sha256", name=op.f("uq_trust_roots_fingerprint_sha256")),
        schema="data",
    )
    op.create_table(
        "approval_limits",
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("max_amount", sa.BigInteger(), nullable=False),
        sa.Column("updated_by", sa.String(63), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("role IN ('officer', 'manager', 'admin')", name=op.f("ck_approval_limits_role")),
        sa.CheckConstraint("max_amount > 0", name=op.f("ck_approval_limits_max_amount_positive")),
        sa.PrimaryKeyConstraint("role", name=op.f("pk_approval_limits")),
        schema="data",
    )
    limits = sa.table("approval_limits", sa.column("role", sa.String), sa.column("max_amount", sa.BigInteger),
                      schema="data")
    op.bulk_insert(limits, [{"role": r, "max_amount": a} for r, a in APPROVAL_LIMITS.items()])

    # the API: functions, row security, views, grants (db/sql)
    api_sql.load(op.get_bind())

    # chain the audit rows written so far, in id order (the append-only trigger set aside for this once)
    op.execute("ALTER TABLE data.audit_log DISABLE TRIGGER audit_log_append_only")
    op.execute("ALTER TABLE data.audit_chain_head DISABLE TRIGGER audit_chain_head_forward")
    op.execute("""
        DO $$
        DECLARE
            r record;
            previous bytea := decode(repeat('00', 32), 'hex');
            digest bytea;
            last bigint := 0;
            n bigint := 0;
        BEGIN
            FOR r IN SELECT * FROM data.audit_log ORDER BY id LOOP
                digest := sha256(previous || data.audit_row_bytes(r.id, r.at, r.db_user, r.employee_no, r.client_addr,
                                                                  r.workstation, r.action, r.customer_no, r.details));
                UPDATE data.audit_log SET prev_hash = previous, row_hash = digest WHERE id = r.id;
                previous := digest;
                last := r.id;
                n := n + 1;
            END LOOP;
            UPDATE data.audit_chain_head SET last_id = last, last_hash = previous, row_count = n WHERE id = 1;
        END
        $$""")
    op.execute("ALTER TABLE data.audit_chain_head ENABLE TRIGGER audit_chain_head_forward")
    op.execute("ALTER TABLE data.audit_log ENABLE TRIGGER audit_log_append_only")
    op.alter_column("audit_log", "prev_hash", nullable=False, schema="data")
    op.alter_column("audit_log", "row_hash", nullable=False, schema="data")
    op.create_check_constraint(op.f("ck_audit_log_hash_lengths"), "audit_log",
                               "octet_length(prev_hash) = 32 AND octet_length(row_hash) = 32", schema="data")
    op.create_unique_constraint(op.f("uq_audit_log_row_hash"), "audit_log", ["row_hash"], schema="data")

    # a policy or pricing-rules document that the engine cannot read cannot be stored, by anyone
    op.execute("ALTER TABLE data.policies ADD CONSTRAINT ck_policies_parameters_valid "
               "CHECK (data.policy_problem(parameters) IS NULL)")
    op.execute("ALTER TABLE data.pricing_rules ADD CONSTRAINT ck_pricing_rules_parameters_valid "
               "CHECK (data.pricing_rules_problem(parameters) IS NULL)")


def downgrade() -> None:
    groups = {g: roles.group(g) for g in OLD_GROUPS}
    op.execute("DROP SCHEMA IF EXISTS api CASCADE")
    op.execute("ALTER TABLE data.policies DROP CONSTRAINT IF EXISTS ck_policies_parameters_valid")
    op.execute("ALTER TABLE data.pricing_rules DROP CONSTRAINT IF EXISTS ck_pricing_rules_parameters_valid")
    for table in RLS_TABLES:
        if table in NEW_TABLES:
            continue
        for policy in ("in_scope", "cross_branch", "batch_reads"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON data.{table}")
        op.execute(f"ALTER TABLE data.{table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE data.{table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP TRIGGER IF EXISTS proposals_archived_once ON data.proposals")
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON data.audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON data.audit_log")
    # the functions of db/sql (some take the new tables' row types)
    op.execute("""
        DO $$
        DECLARE
            f record;
        BEGIN
            FOR f IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = 'data' LOOP
                EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', f.name);
            END LOOP;
        END
        $$""")
    op.execute("DELETE FROM data.app_meta WHERE key = 'api_sql'")
    for table in NEW_TABLES:
        op.drop_table(table, schema="data")
    op.drop_constraint("uq_audit_log_row_hash", "audit_log", schema="data")
    op.drop_constraint("ck_audit_log_hash_lengths", "audit_log", schema="data")
    op.execute("DROP INDEX data.ix_audit_log_proposal_no")
    op.drop_index("ix_audit_log_at", "audit_log", schema="data")
    op.alter_column("audit_log", "db_user", server_default=sa.text("CURRENT_USER"), schema="data")
    for column in ("row_hash", "prev_hash", "client_addr"):
        op.drop_column("audit_log", column, schema="data")
    op.drop_constraint("ck_applications_approved_by_when_approved", "applications", schema="data")
    op.drop_constraint("fk_applications_approved_by_officers", "applications", schema="data")
    for column in ("approved_term_months", "approved_amount", "approved_rate_pct", "approved_at", "approved_by"):
        op.drop_column("applications", column, schema="data")
    op.drop_index("ix_applications_branch_id_updated_at", "applications", schema="data")
    op.drop_constraint("uq_documents_same_file", "documents", schema="data")
    op.drop_constraint("ck_documents_copy_no", "documents", schema="data")
    op.drop_column("documents", "copy_no", schema="data")
    op.drop_index("ix_proposals_branch_id_created_at", "proposals", schema="data")
    op.create_index("ix_customers_home_branch_id", "customers", ["home_branch_id"], schema="data")
    op.drop_index("ix_customers_home_branch_id_id", "customers", schema="data")
    for table in ("proposals", "applications"):
        op.drop_constraint(f"fk_{table}_branch_id_branches", table, schema="data")
        op.drop_column(table, "branch_id", schema="data")
    op.execute("DELETE FROM data.officers WHERE role = 'security'")
    op.drop_constraint("ck_officers_role", "officers", schema="data")
    op.create_check_constraint(op.f("ck_officers_role"), "officers", "role IN ('officer', 'manager', 'admin')", schema="data")
    op.drop_constraint("ck_officers_db_role_name", "officers", schema="data")
    op.create_check_constraint(op.f("ck_officers_db_role_name"), "officers", f"db_role ~ '^{roles.prefix()}[a-z0-9_]{{1,59}}$'",
                               schema="data")
    # the tables back where they were, owned by whoever migrates
    for table in TABLES:
        op.execute(f"ALTER TABLE data.{table} SET SCHEMA public")
        op.execute(f"ALTER TABLE public.{table} OWNER TO CURRENT_USER")
    op.execute("DROP SCHEMA data")
    op.execute("""
        DO $$
        BEGIN
            EXECUTE format('GRANT TEMPORARY, CONNECT ON DATABASE %I TO PUBLIC', current_database());
        END
        $$""")
    op.execute("GRANT EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer), "
               "pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_put(oid, bigint, bytea) TO PUBLIC")
    # revisions 0002 and 0004 as they were
    officer, manager, admin = groups["officer"], groups["manager"], groups["admin"]
    op.execute(f"GRANT USAGE ON SCHEMA public TO {officer}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {officer}")
    op.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {officer}")
    op.execute(f"GRANT INSERT ON audit_log, proposals, applications, application_events, documents TO {officer}")
    op.execute(f"GRANT UPDATE (decision, decided_at, pdf, pdf_sha256) ON proposals TO {officer}")
    op.execute(f"GRANT UPDATE ON applications TO {officer}")
    op.execute(f"GRANT UPDATE (annual_income, income_verified_on) ON customers TO {officer}")
    op.execute(f"GRANT INSERT, UPDATE ON loans TO {manager}")
    op.execute(f"GRANT INSERT, UPDATE, DELETE ON products, market_offers, index_rates TO {admin}")
    op.execute(f"GRANT INSERT ON policies, pricing_rules, model_versions TO {admin}")
    op.execute(f"GRANT INSERT, DELETE ON call_list_entries TO {admin}")
    # revision 0010's: a run's staging is rd_admin's (0011 gives it to rd_batch)
    for table in ("scoring_runs", "scoring_chunks", "scoring_candidates"):
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {admin}")
    op.execute(f"GRANT USAGE ON SEQUENCE scoring_runs_id_seq TO {admin}")
    op.execute("""
        CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '접근기록(audit_log)은 추가만 할 수 있습니다: % 거부', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$""")
    op.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()")
    op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
               "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()")
    op.execute(SET_PROPOSAL_FORM_0008)
    op.execute("REVOKE EXECUTE ON FUNCTION set_proposal_form(jsonb) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION set_proposal_form(jsonb) TO {admin}")
