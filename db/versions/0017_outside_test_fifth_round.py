"""What the outside test of 1 Dec 2026 left open (docs/security.md, "Not yet met"), closed in the database.

Each part below names the rule it adds and where it lives; the API (``db/sql``) is loaded again at the end, so
a database holding data keeps it and gains the rules.

* An archived proposal's quote (``quote_input``, ``quote_output``) is at most 64 KiB of JSON text each: the
  fifth round archived proposals with quotes of any size, rows nobody can delete (``_quote_size_bound``; the
  desktop's quotes are 1.4 KiB and about 5 KiB).
* A loan in arrears (status delinquent, or its maturity passed with a balance left) or closed is neither archived
  in a proposal (either action), nor filed, nor executed: ``data.loan_refusal`` (50_applications.sql), in the
  engine's words.
* A proposal whose application was rejected is never filed again; for 30 days after a rejection a new application
  on the same loan is flagged, names the rejection and is approved only at the rejecter's level or above
  (``data.recent_rejection``).
* Filer, approver and executor are three people: the approver never executes; after a 지점장's approval a 행원 who
  neither filed nor approved it executes (``data.transition_refusal``).
* A customer or loan number outside the officer's scope answers as one that does not exist: one message,
  SQLSTATE and hint (``data.customer_in_scope_or_refuse``, ``data.loan_customer_in_scope_or_refuse``).

Revision ID: 0017
Revises: 0016
"""
from alembic import op

from retention_desktop.data import api_sql

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


QUOTE_BYTES = 65536


def _quote_size_bound() -> None:
    op.create_check_constraint(
        op.f("ck_proposals_quote_size"), "proposals",
        f"octet_length(quote_input::text) <= {QUOTE_BYTES} AND octet_length(quote_output::text) <= {QUOTE_BYTES}",
        schema="data")


def upgrade() -> None:
    _quote_size_bound()
    api_sql.load(op.get_bind())


def downgrade() -> None:
    op.drop_constraint(op.f("ck_proposals_quote_size"), "proposals", type_="check", schema="data")
    # the API stays the one loaded
