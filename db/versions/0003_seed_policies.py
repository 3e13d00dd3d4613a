"""Seed the regulatory policy versions (values from shared/domain.md, current to mid-2026).

Three versions: stress-DSR phase 3 (2025-07-01); the 10·15 measures (2025-10-16: capital-area
mortgages stress floor 3.0 %p, all of Seoul regulated at LTV 40 %); and the scheduled end of the
non-capital mortgage relief (2027-01-01: 0.75 %p → 1.5 %p). Head office adds later versions.

Revision ID: 0003
Revises: 0002
"""
import copy
import datetime as dt
import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PHASE_3 = {
    "dsr": {
        "cap_pct_bank": "40",
        "cap_pct_nonbank": "50",
        "borrower_level_threshold": 100_000_000,
        "small_loan_exclusion": 3_000_000,
        "amortisation_years": {"credit": 5, "overdraft": 5, "other_secured": 8, "jeonse_deposit_secured": 4},
        "bullet_mortgage_term_cap_years": 10,
    },
    "stress": {
        "rate_pct": "1.5",
        "mortgage_non_capital_rate_pct": "0.75",
        "mortgage_capital_floor_pct": "1.5",
        "credit_loan_threshold": 100_000_000,
        "weights": {
            "variable": "1",
            "fixed": "0",
            "mixed": [[30, "0.8"], [50, "0.6"], [70, "0.4"], [None, "0"]],
            "periodic": [[30, "0.4"], [50, "0.3"], [70, "0.2"], [None, "0"]],
        },
    },
    "ltv": {
        "non_regulated_pct": "70",
        "regulated_pct": "40",
        "regulated_additional_home_pct": "0",
        "first_time_buyer_pct": "70",
        "price_caps": [[1_500_000_000, 600_000_000], [2_500_000_000, 400_000_000], [None, 200_000_000]],
        "max_term_months_capital": 360,
    },
    "credit_loan_income_cap_pct": "100",
    "stamp_duty": {
        "bands": [[50_000_000, 0], [100_000_000, 70_000], [1_000_000_000, 150_000], [None, 350_000]],
        "borrower_share_pct": "50",
    },
    "prepayment_fee": {"max_years": 3},
    "switching": {"mortgage_min_months": 6},
    "late_payment": {"add_pct": "3", "cap_pct": "15"},
    "withdrawal_days": 14,
}

OCT_15 = copy.deepcopy(PHASE_3)
OCT_15["stress"]["mortgage_capital_floor_pct"] = "3.0"

RELIEF_ENDS = copy.deepcopy(OCT_15)
RELIEF_ENDS["stress"]["mortgage_non_capital_rate_pct"] = "1.5"

VERSIONS = [
    ("2025.07-phase3", "2025-07-01", PHASE_3, "스트레스 DSR 3단계: 가산금리 1.5%p, 지방 주담대 0.75%p"),
    ("2025.10-1015", "2025-10-16", OCT_15, "10·15 대책: 수도권·규제지역 주담대 스트레스 하한 3.0%p"),
    ("2027.01-relief-end", "2027-01-01", RELIEF_ENDS, "지방 주담대 0.75%p 특례 종료(2026-12-31) 예정"),
]


def upgrade() -> None:
    policies = sa.table(
        "policies",
        sa.column("version", sa.String),
        sa.column("effective_from", sa.Date),
        sa.column("parameters", JSONB),
        sa.column("note", sa.Text),
    )
    op.bulk_insert(policies, [
        {"version": v, "effective_from": dt.date.fromisoformat(d), "parameters": json.loads(json.dumps(p)),
         "note": note}
        for v, d, p, note in VERSIONS
    ])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM policies WHERE version IN :versions").bindparams(
        sa.bindparam("versions", [v for v, *_ in VERSIONS], expanding=True)))
