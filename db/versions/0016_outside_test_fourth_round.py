"""Consultation access open only once committed, re-loans on the loan's own method and term, income confirmed by
the home branch only, proposals' quotes only in scope (the outside test of 1 Dec 2026, fourth round; docs/security.md).

* A consultation access (``api.request_consultation_access``) opens another branch's customer only to the
  transactions that start after the one that granted it (``data.consultation_open``): a grant asked for and read
  in one transaction — a DO block asking for every customer and swallowing the errors, then rolled back —
  opened every customer and loan of every branch with no grant and no audit row kept (db/sql/02, 30, 40).
* A re-loan is quoted on the loan's own repayment method and its remaining months, as the engine quotes it
  (domain/advice.py ``_reloan_offer``) and as execution books it (the old loan's method, the offer's term):
  ``data.quote_figures_refusal`` refused a renegotiation's other term only, and checked a re-loan's payment on the
  method its quote named — a bullet quote's interest-only payment archived and executed as an equal-payment loan,
  a 120-month re-loan of a loan with 21 months left executed (db/sql/40_proposals.sql).
* An income is confirmed (``api.confirm_income``) only at the customer's managing branch: under a consultation
  access another branch's officer confirmed 990억 won against junk starting %PDF (db/sql/30_customers.sql).
* ``api.proposals`` shows a proposal's quote (``quote_input``, ``quote_output``: income, credit score, employment,
  other debts) only to a viewer who has its customer in scope, and gains ``proposed_action`` for the branch's
  filing list (db/sql/20_views.sql).

The API (``db/sql``) is loaded again. No table or column changes: the downgrade leaves the API as loaded (its
changes need nothing of this revision, as 0015's downgrade does for the rest of its API).

Revision ID: 0016
Revises: 0015
"""
from alembic import op

from retention_desktop.data import api_sql

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    api_sql.load(op.get_bind())


def downgrade() -> None:
    pass  # nothing of this revision's own to remove: the API stays the one loaded (docstring)
