"""The regulatory policy versions from the database, as domain ``Policy`` objects."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from retention_desktop.data.database import Database
from retention_desktop.data.models import PolicyVersion
from retention_desktop.domain.policy import Policy, policy_in_force


def load_policies(db: Database) -> list[Policy]:
    with db.session() as s:
        rows = s.scalars(select(PolicyVersion).order_by(PolicyVersion.effective_from)).all()
        return [Policy.from_parameters(r.version, r.effective_from, r.parameters) for r in rows]


def policy_for(db: Database, on: dt.date) -> Policy:
    return policy_in_force(load_policies(db), on)
