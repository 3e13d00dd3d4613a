"""What the outside test of 1 Dec 2026 left open (docs/security.md, "Not yet met"), closed in the database.

Each part below names the rule it adds and where it lives; the API (``db/sql``) is loaded again at the end, so
a database holding data keeps it and gains the rules.

Revision ID: 0017
Revises: 0016
"""
from alembic import op

from retention_desktop.data import api_sql

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    api_sql.load(op.get_bind())


def downgrade() -> None:
    pass  # nothing of this revision's own to remove yet: the API stays the one loaded
