"""Application roles, their grants, and the append-only audit log.

Officers reach the database with their own login roles, members of one of three group roles:
rd_officer (read, record proposals, applications, documents, audit events), rd_manager (also
executes re-loans) and rd_admin (also head-office reference data). No application role may
UPDATE or DELETE the audit log, and a trigger refuses it even to the owner.

Roles are cluster-wide and may serve other databases, so downgrade revokes this database's
grants and leaves the roles.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

from retention_desktop.data import roles


def _execute(statement) -> None:
    # the group roles under this installation's prefix (roles.py), so a test run on a shared cluster with
    # RETENTION_ROLE_PREFIX touches only its own roles
    op.execute(roles.qualify_sql(statement) if isinstance(statement, str) else statement)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GROUP_ROLES = tuple(roles.group(k) for k in ("officer", "manager", "admin"))


def upgrade() -> None:
    _execute("""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rd_officer') THEN
                CREATE ROLE rd_officer NOLOGIN;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rd_manager') THEN
                CREATE ROLE rd_manager NOLOGIN IN ROLE rd_officer;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rd_admin') THEN
                CREATE ROLE rd_admin NOLOGIN IN ROLE rd_manager;
            END IF;
        END
        $$
    """)
    _execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    _execute("GRANT USAGE ON SCHEMA public TO rd_officer")
    _execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO rd_officer")
    _execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO rd_officer")
    _execute("GRANT INSERT ON audit_log, proposals, applications, application_events, documents TO rd_officer")
    _execute("GRANT UPDATE (decision, decided_at, pdf, pdf_sha256) ON proposals TO rd_officer")
    _execute("GRANT UPDATE ON applications TO rd_officer")
    _execute("GRANT UPDATE (annual_income, income_verified_on) ON customers TO rd_officer")
    _execute("GRANT INSERT, UPDATE ON loans TO rd_manager")
    _execute("GRANT INSERT, UPDATE, DELETE ON products, market_offers, index_rates TO rd_admin")
    _execute("GRANT INSERT ON policies TO rd_admin")

    _execute("""
        CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '접근기록(audit_log)은 추가만 할 수 있습니다: % 거부', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$
    """)
    _execute("""
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()
    """)
    _execute("""
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()
    """)


def downgrade() -> None:
    _execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
    _execute("DROP TRIGGER audit_log_append_only ON audit_log")
    _execute("DROP FUNCTION audit_log_is_append_only()")
    for role in GROUP_ROLES:
        _execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}")
        _execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role}")
    _execute("REVOKE USAGE ON SCHEMA public FROM rd_officer")
