"""The regulatory policy versions from the database, as domain ``Policy`` objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from retention_desktop.data.database import Database
from retention_desktop.data.models import PolicyVersion
from retention_desktop.domain.policy import NOT_IN_FORCE, Policy, PolicyError, policy_in_force


def load_policies(db: Database) -> list[Policy]:
    with db.session() as s:
        rows = s.scalars(select(PolicyVersion).order_by(PolicyVersion.effective_from)).all()
        return [Policy.from_parameters(r.version, r.effective_from, r.parameters) for r in rows]


def policy_for(db: Database, on: dt.date) -> Policy:
    """The version in force on ``on`` (``policy_in_force``'s rule, asked of the database: only that version's
    document is read and parsed, not every version's, as each screen asks for it). Raises ``PolicyError`` when
    none is in force yet."""
    with db.session() as s:
        return policy_in(s, on)


def policy_in(session: Session, on: dt.date) -> Policy:
    """``policy_for`` within a transaction the caller holds (one round trip fewer for a screen that reads more)."""
    row = session.execute(select(PolicyVersion.version, PolicyVersion.effective_from, PolicyVersion.parameters)
                          .where(PolicyVersion.effective_from <= on)
                          .order_by(PolicyVersion.effective_from.desc()).limit(1)).first()
    if row is None:
        raise PolicyError(NOT_IN_FORCE, date=on.isoformat())
    return policy_in_force([Policy.from_parameters(row.version, row.effective_from, row.parameters)], on)


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
