"""score-portfolio at any size: a run's staging, so a run resumes where it stopped and partitions share it.

- ``scoring_runs``: one run of a date in N parts (at most one open run per date), with the fingerprint of what
  its advice depends on besides the book (models, pricing rules, policy, products, index and market rates).
- ``scoring_chunks``: each chunk a part stored, with the last customer it covered (a resumed part goes on after
  it), its loans and its counts; ``final`` marks a part complete.
- ``scoring_candidates``: the loans worth a call, staged until every part is in; the ranking (a window per
  branch) writes the call list and empties the staging of the run.
- Privileges: the staging is the batch's, as the call list it feeds is (revision 0004 lets ``rd_admin`` write
  ``call_list_entries``): ``rd_admin`` may read and write it; officers and managers may not even read it (it
  holds every branch's customers' savings and gains before any ranking).
- A partial index of the late instalments (1–2 % of all): each chunk counts its loans' late payments of the
  year from it instead of reading every instalment of the year.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from retention_desktop.data import roles  # the installation's role prefix (RETENTION_ROLE_PREFIX)

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scoring_runs",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("parts", sa.SmallInteger(), nullable=False),
        sa.Column("basis_fingerprint", sa.String(64), nullable=False),
        sa.Column("model_version", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("entries", sa.Integer(), nullable=True),
        sa.CheckConstraint("parts BETWEEN 1 AND 1024", name=op.f("ck_scoring_runs_parts")),
    )
    op.create_index("uq_scoring_runs_open_per_day", "scoring_runs", ["as_of"], unique=True,
                    postgresql_where=sa.text("finished_at IS NULL"))
    op.create_table(
        "scoring_chunks",
        sa.Column("run_id", sa.BigInteger(), sa.ForeignKey("scoring_runs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("part", sa.SmallInteger(), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last_customer", sa.BigInteger(), nullable=False),
        sa.Column("loans", sa.Integer(), nullable=False),
        sa.Column("counts", postgresql.JSONB(), nullable=False),
        sa.Column("final", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("loans >= 0", name=op.f("ck_scoring_chunks_loans")),
    )
    op.create_table(
        "scoring_candidates",
        sa.Column("run_id", sa.BigInteger(), sa.ForeignKey("scoring_runs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("loan_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("expected_value", sa.BigInteger(), nullable=False),
        sa.Column("expected_value_gain", sa.BigInteger(), nullable=False),
        sa.Column("recommended_bp", sa.Integer(), nullable=False),
        sa.Column("current_bp", sa.Integer(), nullable=False),
        sa.Column("renegotiation_ok", sa.Boolean(), nullable=False),
        sa.Column("reloan_ok", sa.Boolean(), nullable=False),
        sa.Column("customer_saving", sa.BigInteger(), nullable=False),
        sa.Column("customer_monthly_saving", sa.BigInteger(), nullable=False),
        sa.Column("switching_probability", sa.Numeric(6, 4), nullable=False),
        sa.Column("value_at_risk", sa.BigInteger(), nullable=False),
        sa.Column("rate_cut_right", sa.Boolean(), nullable=False),
        sa.Column("fee_window_ends_on", sa.Date(), nullable=True),
        sa.Column("switch_eligible_from", sa.Date(), nullable=True),
        sa.Column("market_rate_pct", sa.Numeric(7, 4), nullable=True),
        sa.Column("score_change", sa.Integer(), nullable=False),
        sa.Column("reloan_dsr_exempt", sa.Boolean(), nullable=False),
        sa.Column("reloan_stressed", sa.Boolean(), nullable=False),
        sa.Column("reloan_dsr_hundredths", sa.Integer(), nullable=False),
        sa.CheckConstraint("action IN ('renegotiation', 'reloan') AND expected_value_gain > 0",
                           name=op.f("ck_scoring_candidates_worth_a_call")),
    )
    op.create_index("ix_scoring_candidates_run_id_branch_id_gain", "scoring_candidates",
                    ["run_id", "branch_id", "expected_value_gain"])
    for table in ("scoring_runs", "scoring_chunks", "scoring_candidates"):
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {roles.group('admin')}")
    op.execute(f"GRANT USAGE ON SEQUENCE scoring_runs_id_seq TO {roles.group('admin')}")
    op.create_index("ix_repayments_late_loan_id_due_date", "repayments", ["loan_id", "due_date"],
                    postgresql_include=["days_late"], postgresql_where=sa.text("days_late > 0"))


def downgrade() -> None:
    op.drop_index("ix_repayments_late_loan_id_due_date", table_name="repayments")
    op.drop_table("scoring_candidates")
    op.drop_table("scoring_chunks")
    op.drop_index("uq_scoring_runs_open_per_day", table_name="scoring_runs")
    op.drop_table("scoring_runs")
