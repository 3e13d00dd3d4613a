"""The regulatory policy versions from the database, as domain ``Policy`` objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import select

from retention_desktop.data.database import Database
from retention_desktop.data.models import PolicyVersion
from retention_desktop.domain.policy import Policy, PolicyError, policy_in_force


def load_policies(db: Database) -> list[Policy]:
    with db.session() as s:
        rows = s.scalars(select(PolicyVersion).order_by(PolicyVersion.effective_from)).all()
        return [Policy.from_parameters(r.version, r.effective_from, r.parameters) for r in rows]


def policy_for(db: Database, on: dt.date) -> Policy:
    return policy_in_force(load_policies(db), on)


def legal_maximum_rate(db: Database) -> Callable[[dt.date], Decimal | None]:
    """The legal maximum interest rate (법정 최고금리, %) in force on a day, from the stored policy versions;
    before the first version, the first version's (the maximum has only ever been lowered); ``None`` when no
    policy is stored at all."""
    policies = load_policies(db)

    def on(day: dt.date) -> Decimal | None:
        if not policies:
            return None
        try:
            return policy_in_force(policies, day).legal_max_rate_pct
        except PolicyError:
            return policies[0].legal_max_rate_pct
    return on
