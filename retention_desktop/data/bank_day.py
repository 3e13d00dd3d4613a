"""The bank's business date (오늘, 영업일 기준): the day the database server's clock shows in Korea.

The server stamps and checks proposals, applications and imports with ``data.bank_today()``
(``db/sql/02_identity_and_scope.sql``: its ``now()`` in Asia/Seoul). The desktop takes its business date from
that same clock, once at login (``OfficerSession.bank_today``) or once per command, never from the
workstation's: a workstation on UTC would otherwise date a proposal made at 03:00 in Seoul the day before, and
price it on the day before's policy and rates.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import text

from retention_desktop.domain.korean_time import korean_time

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from retention_desktop.data.database import Database


def bank_today(session: Session | Connection) -> dt.date:
    """The server's ``now()`` as a date in Korean time (the day ``data.bank_today()`` returns)."""
    return korean_time(session.execute(text("SELECT now()")).scalar_one()).date()


def bank_today_of(database: Database) -> dt.date:
    """``bank_today`` on a short read of its own (retried like any read when the connection dropped)."""
    return database.read(bank_today)
