"""What the outside test of 1 Dec 2026 left open (docs/security.md, "Not yet met"), closed in the database.

Each part below names the rule it adds and where it lives; the API (``db/sql``) is loaded again at the end, so
a database holding data keeps it and gains the rules.

* **A renegotiation needs a second person below the proposer's authority** (finding 4; ``_renegotiation_approval``,
  db/sql/50_applications.sql): the customer's acceptance of a rate renegotiation (금리 조건변경) files its
  application (``data.renegotiation_accepted``); within the author's own authority (``data.authority_refusal``:
  the rate from greatest(list rate, the database's list-rate floor) less the role's ``authority_pct``, the amount
  within ``approval_limits``) it takes effect at once on the author's 전결, below it only once someone else whose
  authority covers it approves (never the filer or the author) and a manager executes it; execution changes the
  running loan's rate and nothing else (``data.book_renegotiation``, audited ``loan.rate_change``), after checking
  that the loan still carries the rate the proposal quoted. ``applications.product_id`` may be empty for a
  renegotiation (it books no product: the running contract keeps its own).
* **A renegotiation below every authority is not archived** (db/sql/40_proposals.sql ``data.quote_figures_refusal``):
  its rate is at least greatest(list rate, floor) less the widest ``authority_pct`` of the rules in force
  (``data.widest_authority_pct``), so no signed offer promises a rate nobody may approve.
* **A proposal names what it proposes** (db/sql/40_proposals.sql ``api.archive_proposal``): a quote output without
  ``proposed_action`` is refused in words; it was read as a re-loan, archived, accepted, filed, approved and
  executed with empty facts that could never verify.
* An archived proposal's quote (``quote_input``, ``quote_output``) is at most 64 KiB of JSON text each: the
  fifth round archived proposals with quotes of any size, rows nobody can delete (``_quote_size_bound``; the
  desktop's quotes are 1.4 KiB and about 5 KiB).

Revision ID: 0017
Revises: 0016
"""
from alembic import op

from retention_desktop.data import api_sql

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _renegotiation_approval() -> None:
    """A renegotiation's application books no product (the running loan keeps its contract)."""
    op.alter_column("applications", "product_id", nullable=True, schema="data")


def _renegotiation_approval_downgrade() -> None:
    # an application without a product (a renegotiation's) cannot stay under 0016's NOT NULL: refused in words
    op.execute("""
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM data.applications WHERE product_id IS NULL) THEN
                RAISE EXCEPTION 'renegotiation applications (product_id NULL) exist: revision 0016 cannot hold them';
            END IF;
        END $$""")
    op.alter_column("applications", "product_id", nullable=False, schema="data")


QUOTE_BYTES = 65536


def _quote_size_bound() -> None:
    op.create_check_constraint(
        op.f("ck_proposals_quote_size"), "proposals",
        f"octet_length(quote_input::text) <= {QUOTE_BYTES} AND octet_length(quote_output::text) <= {QUOTE_BYTES}",
        schema="data")


def upgrade() -> None:
    _renegotiation_approval()
    _quote_size_bound()
    api_sql.load(op.get_bind())


def downgrade() -> None:
    op.drop_constraint(op.f("ck_proposals_quote_size"), "proposals", type_="check", schema="data")
    _renegotiation_approval_downgrade()
    # the API stays the one loaded (its functions need nothing of this revision's own to load)
