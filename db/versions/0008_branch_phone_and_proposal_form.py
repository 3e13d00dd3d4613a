"""The branch's telephone number and head office's proposal form settings, for the printed proposal.

- ``branches.phone``: the number a customer calls with a question or a complaint (민원), printed on
  every proposal beside the officer's name. Existing branches keep NULL until head office fills it in;
  the proposal then says the number is not on file rather than inventing one.
- ``app_meta['proposal_form']``: the advertising review number (준법감시인 심의필 번호, 금융소비자보호법
  제22조) and the bank's consumer-protection contact, set by head office only through
  ``set_proposal_form(jsonb)`` (SECURITY DEFINER, granted to rd_admin, validated, audited).

Revision ID: 0008
Revises: 0007
"""
from alembic import op

from retention_desktop.data import roles


def _execute(statement) -> None:
    # the group roles under this installation's prefix (roles.py), so a test run on a shared cluster with
    # RETENTION_ROLE_PREFIX touches only its own roles
    op.execute(roles.qualify_sql(statement) if isinstance(statement, str) else statement)
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PHONE = r"^(0[0-9]{1,2}-[0-9]{3,4}|1[0-9]{3})-[0-9]{4}$"


def upgrade() -> None:
    op.add_column("branches", sa.Column("phone", sa.String(length=20), nullable=True))
    op.create_check_constraint(op.f("ck_branches_phone_format"), "branches", f"phone IS NULL OR phone ~ '{PHONE}'")
    _execute(f"""
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
    """)
    _execute("REVOKE EXECUTE ON FUNCTION set_proposal_form(jsonb) FROM PUBLIC")
    _execute("GRANT EXECUTE ON FUNCTION set_proposal_form(jsonb) TO rd_admin")


def downgrade() -> None:
    _execute("DROP FUNCTION set_proposal_form(jsonb)")
    _execute("DELETE FROM app_meta WHERE key = 'proposal_form'")
    op.drop_constraint(op.f("ck_branches_phone_format"), "branches", type_="check")
    op.drop_column("branches", "phone")
