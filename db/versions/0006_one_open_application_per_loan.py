"""One re-loan application in progress per loan: a partial unique index, the last line behind the
service's check when two officers file for the same loan at the same instant.

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE UNIQUE INDEX uq_applications_open_per_loan ON applications (old_loan_id) "
               "WHERE state IN ('draft', 'submitted', 'approved')")


def downgrade() -> None:
    op.execute("DROP INDEX uq_applications_open_per_loan")
