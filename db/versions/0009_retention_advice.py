"""Retention advice: the rate-renegotiation rules (regulatory policy and bank pricing rules) and the call
list's recommended action, its expected value, eligibility and the customer's saving.

- Every policy version gains its ``renegotiation`` section (금리 조건변경: not a new loan for DSR, no new
  stamp duty, the 금리인하요구권's ten-business-day answer and six-monthly notice); sources in docs/advice.md.
- Every pricing-rules version gains the bank's own ``renegotiation`` and ``reloan`` rules (how far below
  the current rate a discretionary renegotiation may go, what booking each costs the bank) and the roll
  rate that turns the risk model's 30-days-late probability into a probability of default, and how likely
  a customer who brings another lender's offer is to leave unless it is matched.
- ``call_list_entries`` gains the action, the bank's expected value and its gain over keeping the loan as
  it is, the eligibility line, and the customer's saving (total and monthly). Lists written before this
  revision keep NULL there; a listed action never costs the customer more than keeping (CHECK).

Revision ID: 0009
Revises: 0008
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

RENEGOTIATION_POLICY = {
    "dsr_retest": False,
    "stamp_duty": False,
    "rate_cut_right_answer_business_days": 10,
    "rate_cut_right_notice_months": 6,
}
RENEGOTIATION_PRICING = {
    "renegotiation": {"discretionary_cut_pct": "0.40", "cost_won": 20_000},
    "reloan": {"cost_won": 80_000},
    # the risk model predicts 30+ days late within a year; this share of those loans defaults (roll rate)
    "expected_loss": {"default_share_of_late_pct": "20"},
    # a customer who brings another lender's offer leaves with this probability unless we match it
    # and a switch saving the customer less than this is not worth advising (rule 3 of docs/advice.md)
    "advice": {"shown_offer_switch_probability": "0.6", "min_switch_saving_won": 100_000},
}
ACTIONS = ("renegotiation", "reloan")


def upgrade() -> None:
    op.execute(sa.text("UPDATE policies SET parameters = parameters || jsonb_build_object('renegotiation', "
                       "CAST(:section AS jsonb)) WHERE NOT parameters ? 'renegotiation'")
               .bindparams(section=json.dumps(RENEGOTIATION_POLICY)))
    op.execute(sa.text("UPDATE pricing_rules SET parameters = CAST(:rules AS jsonb) || parameters "
                       "WHERE NOT parameters ? 'renegotiation'").bindparams(rules=json.dumps(RENEGOTIATION_PRICING)))
    op.add_column("call_list_entries", sa.Column("action", sa.String(length=16), nullable=True))
    op.add_column("call_list_entries", sa.Column("expected_value", sa.BigInteger(), nullable=True))
    op.add_column("call_list_entries", sa.Column("expected_value_gain", sa.BigInteger(), nullable=True))
    op.add_column("call_list_entries", sa.Column("eligibility", sa.Text(), nullable=True))
    op.add_column("call_list_entries", sa.Column("customer_saving", sa.BigInteger(), nullable=True))
    op.add_column("call_list_entries", sa.Column("customer_monthly_saving", sa.BigInteger(), nullable=True))
    op.create_check_constraint(
        op.f("ck_call_list_entries_action"), "call_list_entries",
        "action IS NULL OR (action IN ('renegotiation', 'reloan') AND recommended_rate_pct < current_rate_pct "
        "AND expected_value_gain > 0 AND customer_saving > 0)")


def downgrade() -> None:
    op.drop_constraint(op.f("ck_call_list_entries_action"), "call_list_entries", type_="check")
    for column in ("customer_monthly_saving", "customer_saving", "eligibility", "expected_value_gain",
                   "expected_value", "action"):
        op.drop_column("call_list_entries", column)
    op.execute("UPDATE pricing_rules SET parameters = parameters - 'renegotiation' - 'reloan' - 'expected_loss' - 'advice'")
    op.execute("UPDATE policies SET parameters = parameters - 'renegotiation'")
