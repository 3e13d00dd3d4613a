"""What the outside test of 1 Dec 2026 left open (docs/security.md, "Not yet met"), closed in the database.

Each part below names the rule it adds and where it lives; the API (``db/sql``) is loaded again at the end, so
a database holding data keeps it and gains the rules.

* **A renegotiation always needs a second person** (finding 4; ``_renegotiation_approval``,
  db/sql/50_applications.sql): the customer's acceptance of a rate renegotiation (금리 조건변경) files its
  application (``data.renegotiation_accepted``) and never approves or executes it, within the author's own
  authority too (the one who files never approves: no 전결 by the proposer alone, as for a re-loan). It takes
  effect only once it is submitted, approved by someone other than the filer and the author whose authority covers
  it (``data.authority_refusal``: the rate from greatest(list rate, the database's list-rate floor) less the role's
  ``authority_pct``, the amount within ``approval_limits``; a 행원 only within a 행원's) and executed as the
  workflow allows; execution changes the running loan's rate and nothing else (``data.book_renegotiation``, audited
  ``loan.rate_change``), after checking that the loan still carries the rate the proposal quoted. The acceptance's
  answer says so in words. ``applications.product_id`` may be empty for a renegotiation (it books no product: the
  running contract keeps its own).
* **A renegotiation below every authority is not archived** (db/sql/40_proposals.sql ``data.quote_figures_refusal``):
  its rate is at least greatest(list rate, floor) less the widest ``authority_pct`` of the rules in force
  (``data.widest_authority_pct``), so no signed offer promises a rate nobody may approve.
* **A proposal names what it proposes** (db/sql/40_proposals.sql ``api.archive_proposal``): a quote output without
  ``proposed_action`` is refused in words; it was read as a re-loan, archived, accepted, filed, approved and
  executed with empty facts that could never verify.
* An archived proposal's quote (``quote_input``, ``quote_output``) is at most 64 KiB of JSON text each: the
  fifth round archived proposals with quotes of any size, rows nobody can delete (``_quote_size_bound``; the
  desktop's quotes are 1.4 KiB and about 5 KiB).
* Head office's policy dates: ``api.save_policy`` and ``api.save_pricing_rules`` refuse an effective date before
  the bank's business date (``data.bank_today()``, KST), in words: a version dated in the past rewrote what past
  quotes were judged by. On the write path only: the stored versions (revisions 0003, 0007, the demo's) keep theirs
  (db/sql/60_head_office.sql ``data.save_versioned``).
* Head office's legal maximum rate: a policy's ``legal_max_rate_pct`` is at most 25 % (이자제한법 제2조제1항: the
  decree's maximum "연 25퍼센트를 초과하지 아니하는 범위 안에서"; the decree says 20 % since 2021-07-07) and not below
  the highest rate of a product on sale (a legal maximum of 1 % refused every proposal of the bank), in words
  (``data.policy_bound_problem``, the bound ``legal_max_rate_pct`` of ``data.head_office_bounds``).
* Confirmed incomes above head office's threshold need a second person: ``_income_second_confirmation`` adds
  ``data.income_confirmation_thresholds`` (dated, with its source: the bank's internal control rule, 1억 won from
  this revision; ``api.set_income_confirmation_threshold``) and ``data.income_confirmations`` (requests waiting
  for a manager). Above the threshold ``api.confirm_income`` by an officer records the proof and the request and
  changes nothing; the income takes effect when a manager of the branch who neither asked nor attached the proof
  confirms the same amount against the same proof (db/sql/30_customers.sql; ``api.pending_income_confirmations``
  for the desktop).
* Officers' timeouts (no database object of this revision): ``db provision`` sets the officers' statement and lock
  timeouts as the database's defaults, ``officers check`` reports a database without them and a login role's
  per-database setting that switches one off, and PgBouncer's ``query_timeout``/``idle_transaction_timeout`` are
  the limits an officer cannot lift (docs/deployment.md).
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
* A loan in arrears (status delinquent, or its maturity passed with a balance left) or closed is neither archived
  in a proposal (either action), nor filed, nor executed: ``data.loan_refusal`` (50_applications.sql), in the
  engine's words.
* A proposal whose application was rejected is never filed again; for 30 days after a rejection a new application
  on the same loan is flagged, names the rejection and is approved only at the rejecter's level or above
  (``data.recent_rejection``; a renegotiation's acceptance then names it as the reason a 지점장 approves).
  A renegotiation is executed by a third person as a re-loan is; the loan's arrears refuse it the same way.
* Filer, approver and executor are three people: the approver never executes; after a 지점장's approval a 행원 who
  neither filed nor approved it executes (``data.transition_refusal``).
* A loan number whose customer is outside the officer's scope answers as one that does not exist, never with its
  customer's number (``data.loan_customer_in_scope_or_refuse``: preparing a proposal, archiving one).

The branch-scope rules above change no table: they read columns that exist (``applications.created_at``,
``needs_manager_approval``, ``proposals.valid_until``) and write the tables searches and accesses already use
(``search_daily``, ``access_tickets``).

Revision ID: 0017
Revises: 0016
"""
import sqlalchemy as sa
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


#: 소득 이중 확인 기준 (won a year) from revision 0017: above it an income confirmed by an officer takes effect only
#: once a manager who neither asked nor attached the proof confirms it. The bank's internal-control choice, not a
#: regulation (no statute or supervisory rule sets such a figure): a round 1억 원, well above what most branch
#: customers declare, so a second person looks at the incomes that widen a DSR limit most. Head office changes it
#: (api.set_income_confirmation_threshold, dated, with its source).
INCOME_SECOND_CONFIRMATION_WON = 100_000_000
INCOME_SECOND_CONFIRMATION_SOURCE = ("은행 내부통제기준(본부 설정, 2026-12-01): 법령이나 감독규정이 정한 금액이 아닙니다. "
                                     "연소득 1억 원 초과는 지점장 확인 후 반영")


def _income_second_confirmation() -> None:
    """Confirmed incomes above head office's threshold need a second person (docs/security.md, "Confirmed
    incomes"): the dated threshold with its source, and the confirmations waiting for a manager."""
    op.create_table(
        "income_confirmation_thresholds",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("set_by", sa.String(63), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("amount BETWEEN 1 AND 100000000000", name=op.f("ck_income_confirmation_thresholds_range")),
        sa.CheckConstraint("length(btrim(source)) BETWEEN 4 AND 500",
                           name=op.f("ck_income_confirmation_thresholds_source")),
        sa.PrimaryKeyConstraint("valid_from", name=op.f("pk_income_confirmation_thresholds")),
        schema="data",
    )
    op.execute(sa.text("INSERT INTO data.income_confirmation_thresholds (valid_from, amount, source) "
                       "VALUES ('2000-01-01', :amount, :source)").bindparams(
        amount=INCOME_SECOND_CONFIRMATION_WON, source=INCOME_SECOND_CONFIRMATION_SOURCE))
    op.create_table(
        "income_confirmations",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("evidence_sha256", sa.String(64), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("state", sa.String(16), server_default="pending", nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("amount BETWEEN 0 AND 100000000000", name=op.f("ck_income_confirmations_amount")),
        sa.CheckConstraint("state IN ('pending', 'confirmed', 'superseded')",
                           name=op.f("ck_income_confirmations_state")),
        sa.CheckConstraint("(state = 'pending') = (decided_at IS NULL)", name=op.f("ck_income_confirmations_decided")),
        sa.ForeignKeyConstraint(["customer_id"], ["data.customers.id"],
                                name=op.f("fk_income_confirmations_customer_id_customers")),
        sa.ForeignKeyConstraint(["requested_by"], ["data.officers.id"],
                                name=op.f("fk_income_confirmations_requested_by_officers")),
        sa.ForeignKeyConstraint(["decided_by"], ["data.officers.id"],
                                name=op.f("fk_income_confirmations_decided_by_officers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_income_confirmations")),
        schema="data",
    )
    op.create_index(op.f("ix_income_confirmations_customer_id"), "income_confirmations", ["customer_id"],
                    schema="data")


def _drop_income_second_confirmation() -> None:
    for function in ("api.set_income_confirmation_threshold(date, bigint, text)",
                     "api.pending_income_confirmations(text)", "data.income_confirmation_threshold(date)"):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_table("income_confirmations", schema="data")
    op.drop_table("income_confirmation_thresholds", schema="data")


def upgrade() -> None:
    _renegotiation_approval()
    _quote_size_bound()
    _income_second_confirmation()
    api_sql.load(op.get_bind())


def downgrade() -> None:
    _drop_income_second_confirmation()
    op.drop_constraint(op.f("ck_proposals_quote_size"), "proposals", type_="check", schema="data")
    _renegotiation_approval_downgrade()
    # the API stays the one loaded (as 0016's downgrade leaves it): without the tables api.confirm_income fails
    # (relation missing) rather than confirming a large income without the second person
