"""Why loans closed, the bank's pricing rules, trained models, and the dated retention call lists.

Existing closed loans are marked as matured (or refinanced); the pricing rules are seeded with the
bank's initial re-loan pricing grid.

Revision ID: 0004
Revises: 0003
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

from retention_desktop.data import roles


def _execute(statement) -> None:
    # the group roles under this installation's prefix (roles.py), so a test run on a shared cluster with
    # RETENTION_ROLE_PREFIX touches only its own roles
    op.execute(roles.qualify_sql(statement) if isinstance(statement, str) else statement)
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Pricing grid (bank policy, not regulation). Percent values as strings; bands: upper bound inclusive.
PRICING_2025 = {
    "liquidity_premium_pct": {"credit": "0.25", "overdraft": "0.35", "mortgage": "0.20", "jeonse": "0.15",
                              "other_secured": "0.25"},
    "cost_pct": {"credit": "0.35", "overdraft": "0.45", "mortgage": "0.15", "jeonse": "0.15", "other_secured": "0.30"},
    "risk_spread_by_score": [[600, "4.00"], [650, "3.00"], [700, "2.20"], [750, "1.60"], [800, "1.10"],
                             [850, "0.80"], [900, "0.55"], [950, "0.40"], [None, "0.30"]],
    "secured_risk_factor": {"credit": "1", "overdraft": "1", "mortgage": "0.35", "jeonse": "0.30",
                            "other_secured": "0.6"},
    "dsr_surcharge": [[20, "0.00"], [30, "0.15"], [40, "0.30"], [None, "0.50"]],
    "target_margin_pct": "0.60",
    "min_margin_pct": "0.20",
    "salary_transfer_discount_pct": "0.20",
    "tenure_discount_pct": "0.10",
    "tenure_discount_years": 5,
    "authority_pct": {"officer": "0.20", "manager": "0.50", "admin": "0.50"},
    "price_sensitivity_per_pct": "1.40",
    "switching_hassle_pct": "0.25",
    "loss_given_default_pct": {"credit": "60", "overdraft": "60", "mortgage": "15", "jeonse": "10",
                               "other_secured": "35"},
    "max_life_years": 5,
    "rate_cut_score_improvement": 50,
    "call_list_size_per_branch": 200,
    "fee_window_notice_days": 90,
}


def upgrade() -> None:
    op.add_column("loans", sa.Column("closed_reason", sa.String(length=16), nullable=True))
    _execute("UPDATE loans SET closed_reason = CASE status WHEN 'refinanced' THEN 'refinanced' ELSE 'matured' END "
               "WHERE closed_on IS NOT NULL")
    op.create_check_constraint(op.f("ck_loans_closed_reason_with_date"), "loans", "(closed_on IS NULL) = (closed_reason IS NULL)")
    op.create_check_constraint(
        op.f("ck_loans_closed_reason"), "loans",
        "closed_reason IS NULL OR closed_reason IN ('matured', 'repaid_early', 'switched_away', 'refinanced')")

    op.create_table(
        "pricing_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("parameters", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_by", sa.String(length=63), server_default=sa.text("CURRENT_USER"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pricing_rules")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_pricing_rules_effective_from")),
        sa.UniqueConstraint("version", name=op.f("uq_pricing_rules_version")),
    )
    op.create_table(
        "model_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("trained_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("parameters", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("card", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.CheckConstraint("kind IN ('risk', 'switching')", name=op.f("ck_model_versions_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_versions")),
        sa.UniqueConstraint("version", name=op.f("uq_model_versions_version")),
    )
    op.create_index("ix_model_versions_kind_trained_at", "model_versions", ["kind", "trained_at"], unique=False)
    op.create_table(
        "call_list_entries",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("loan_id", sa.BigInteger(), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("branch_rank", sa.Integer(), nullable=False),
        sa.Column("switching_probability", sa.Numeric(precision=6, scale=4), nullable=False),
        sa.Column("value_at_risk", sa.BigInteger(), nullable=False),
        sa.Column("recommended_rate_pct", sa.Numeric(precision=7, scale=4), nullable=False),
        sa.Column("current_rate_pct", sa.Numeric(precision=7, scale=4), nullable=False),
        sa.Column("rate_cut_right", sa.Boolean(), nullable=False),
        sa.Column("fee_window_ends_on", sa.Date(), nullable=True),
        sa.Column("switch_eligible_from", sa.Date(), nullable=True),
        sa.Column("reasons", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("model_version", sa.String(length=64), nullable=False),
        sa.CheckConstraint("branch_rank >= 1", name=op.f("ck_call_list_entries_branch_rank")),
        sa.CheckConstraint("switching_probability BETWEEN 0 AND 1", name=op.f("ck_call_list_entries_probability")),
        sa.CheckConstraint("value_at_risk >= 0", name=op.f("ck_call_list_entries_value_at_risk")),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"], name=op.f("fk_call_list_entries_branch_id_branches")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE",
                                name=op.f("fk_call_list_entries_customer_id_customers")),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], ondelete="CASCADE",
                                name=op.f("fk_call_list_entries_loan_id_loans")),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], name=op.f("fk_call_list_entries_officer_id_officers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_list_entries")),
        sa.UniqueConstraint("as_of", "loan_id", name=op.f("uq_call_list_entries_as_of_loan_id")),
    )
    op.create_index("ix_call_list_entries_as_of_branch_id_branch_rank", "call_list_entries",
                    ["as_of", "branch_id", "branch_rank"], unique=False)
    op.create_index("ix_call_list_entries_as_of_officer_id", "call_list_entries", ["as_of", "officer_id"],
                    unique=False)

    for table in ("pricing_rules", "model_versions", "call_list_entries"):
        _execute(f"REVOKE ALL ON {table} FROM PUBLIC")
        _execute(f"GRANT SELECT ON {table} TO rd_officer")
    _execute("GRANT INSERT ON pricing_rules TO rd_admin")
    _execute("GRANT INSERT ON model_versions TO rd_admin")
    _execute("GRANT INSERT, DELETE ON call_list_entries TO rd_admin")
    _execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO rd_officer")

    rules = sa.table("pricing_rules", sa.column("version", sa.String), sa.column("effective_from", sa.Date),
                     sa.column("parameters", postgresql.JSONB), sa.column("note", sa.Text))
    op.bulk_insert(rules, [{"version": "2025.01-grid", "effective_from": dt.date(2025, 1, 1),
                            "parameters": PRICING_2025, "note": "재대출 초기 가격 체계"}])


def downgrade() -> None:
    op.drop_index("ix_call_list_entries_as_of_officer_id", table_name="call_list_entries")
    op.drop_index("ix_call_list_entries_as_of_branch_id_branch_rank", table_name="call_list_entries")
    op.drop_table("call_list_entries")
    op.drop_index("ix_model_versions_kind_trained_at", table_name="model_versions")
    op.drop_table("model_versions")
    op.drop_table("pricing_rules")
    op.drop_constraint(op.f("ck_loans_closed_reason"), "loans", type_="check")
    op.drop_constraint(op.f("ck_loans_closed_reason_with_date"), "loans", type_="check")
    op.drop_column("loans", "closed_reason")
