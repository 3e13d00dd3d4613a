"""A proposal's quote checked against the bank's own records when it is archived (docs/security.md, finding 3).

``api.archive_proposal`` now refuses a quote whose current loan's balance or rate is not the one ``data.loans``
holds, whose renegotiation term is not the loan's remaining months on the quote's date, whose monthly payment is
not the one the schedule gives (``data.first_instalment``, ``db/sql/38_schedule.sql``: the engine's arithmetic,
exact), or whose list rate lies below the floor the pricing rules and index rates give this customer and loan kind
(``data.list_rate_floor_for``, which ``data.list_rate_floor`` now reads too) or above the legal maximum. No table
changes: the API (``db/sql``) is loaded again. Proposals already archived are kept as they are (archived once,
never changed).

Downgrade leaves the API loaded (the checks are stricter, nothing depends on their absence); a further downgrade
past 0011 removes the API.

Revision ID: 0014
Revises: 0013
"""
from alembic import op

from retention_desktop.data import api_sql

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    api_sql.load(op.get_bind())


def downgrade() -> None:
    pass
