"""A proposal's PDF tied to its quote (docs/security.md, finding 3), head-office sanity bounds (finding 9).

* ``data.proposals.quote_sha256``: the quote's canonical sha256 computed by the database
  (``data.quote_sha256``: sha256 of the jsonb text of ``{"input": …, "output": …}``), stored by
  ``api.archive_proposal`` and recorded, with the proposal's facts (``data.proposal_facts``), in the chained audit
  row ``proposal.create``. Proposals archived before this revision get their hash computed here; their audit rows
  recorded no facts, so verification says that they cannot be compared.
* The API (``db/sql``) is loaded again: archive, fingerprint and check functions, head office's bounds.

The functions of ``db/sql`` that name the new column are plpgsql (bodies not checked at creation), because
revision 0011 loads the same files before this column exists.

Downgrade drops the column; the API stays the one loaded (a further downgrade past 0011 removes it).

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

from retention_desktop.data import api_sql

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("proposals", sa.Column("quote_sha256", sa.String(64), nullable=True), schema="data")
    op.create_check_constraint(op.f("ck_proposals_quote_sha256"), "proposals",
                               "quote_sha256 IS NULL OR quote_sha256 ~ '^[0-9a-f]{64}$'", schema="data")
    # the archive-once trigger set aside for this once (the hash is computed from what is archived, nothing else
    # changes), as revision 0011 did to chain the audit rows
    op.execute("ALTER TABLE data.proposals DISABLE TRIGGER proposals_archived_once")
    op.execute("""
        UPDATE data.proposals SET quote_sha256 = encode(sha256(convert_to(
            jsonb_build_object('input', quote_input, 'output', quote_output)::text, 'UTF8')), 'hex')
        WHERE quote_sha256 IS NULL""")
    op.execute("ALTER TABLE data.proposals ENABLE TRIGGER proposals_archived_once")
    api_sql.load(op.get_bind())


def downgrade() -> None:
    op.drop_constraint("ck_proposals_quote_sha256", "proposals", schema="data")
    op.drop_column("proposals", "quote_sha256", schema="data")
