"""What the outside test of 1 Dec 2026 left open (docs/security.md, "Not yet met"), closed in the database.

Each part below names the rule it adds and where it lives; the API (``db/sql``) is loaded again at the end, so
a database holding data keeps it and gains the rules.

* An archived proposal's quote (``quote_input``, ``quote_output``) is at most 64 KiB of JSON text each: the
  fifth round archived proposals with quotes of any size, rows nobody can delete (``_quote_size_bound``; the
  desktop's quotes are 1.4 KiB and about 5 KiB).
* Business in hand opens a customer to the application's author and to whoever must act on it, no longer to the
  whole branch (finding 5): a draft to its author, submitted also to the branch's approvers (managers and admins;
  행원 only when ``needs_manager_approval`` is false), approved to those who may execute it; never through the
  proposal's author (``data.my_extra_customers``, db/sql/02_identity_and_scope.sql).
* A draft opens its customer only while the proposal it was filed from is valid (``proposals.valid_until``), and is
  not submitted past it (``data.transition_refusal``, db/sql/50_applications.sql).
* A 행원 may not approve or reject an application that needed a manager's approval at filing
  (``needs_manager_approval``): the approvers are exactly those the application opens its customer to.
* An application opens its customer only to transactions after the one that filed it
  (``created_at < transaction_timestamp()``, as a consultation grant).
* A consultation-access request is one probe of the day's budget, counted hit or miss in ``data.search_daily.probes``
  (``data.count_probe``, db/sql/35_search.sql); ``api.request_consultation_access`` returns a ticket alone (its return
  type changes from the access's end to the ticket: dropped and made again) and
  ``api.consultation_access_result(ticket)`` tells the outcome after the commit (db/sql/30_customers.sql); past the
  budget nothing is granted. ``api.audit_search_probes`` counts these requests with the searches.
* Opening a customer out of scope (``data.customer_in_scope_or_refuse``) gets one refusal whether the number exists
  at another branch or nowhere.

The branch-scope rules above change no table: they read columns that exist (``applications.created_at``,
``needs_manager_approval``, ``proposals.valid_until``) and write the tables searches and accesses already use
(``search_daily``, ``access_tickets``).

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
