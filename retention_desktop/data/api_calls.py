"""Calling the database's API functions (schema ``api``, ``db/sql``) from a session.

Every change an officer makes is one of these calls; the database decides. A refusal comes back as
:class:`Refused` with the SQLSTATE and the database's own sentence (never its DETAIL, which may quote a row
of personal data): ``42501`` not allowed, ``P0002`` not found or out of scope, ``22023`` bad input,
``55000`` not in a state that allows it, ``40001`` someone else changed it first, ``23505`` already exists.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, LargeBinary, Numeric, bindparam, func, literal_column, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from retention_desktop.domain.errors import InputError

NOT_ALLOWED = "42501"
NOT_FOUND = "P0002"
BAD_INPUT = "22023"
WRONG_STATE = "55000"
CONFLICT = "40001"
DUPLICATE = "23505"
CHECK_VIOLATION = "23514"

log = logging.getLogger(__name__)
_HANGUL = re.compile("[\uac00-\ud7a3]")
#: what the officer reads when one of the tables' own constraints refuses a row (the last line of defence, which the
#: API's worded checks should have caught first): the server's sentence goes to the log only
UNWORDED_CONSTRAINT = ("저장하지 못했습니다: 데이터베이스의 무결성 규칙({constraint})에 맞지 않습니다 (SQLSTATE {code}). "
                       "입력을 확인하고, 계속되면 본점 담당자에게 알려 주세요.")


class Refused(InputError):
    """The database refused the call; ``str()`` is its sentence for the officer (an ``InputError``: the GUI
    shows it in words, the command line exits 2). ``sentence`` is the database's message as written. The API's
    refusals are worded in Korean (``db/sql``); a message with no Korean in it — a constraint's or the server's own
    English naming a table's ``constraint``, the last line of defence the API's checks did not word — is shown as a
    worded sentence with the constraint and its SQLSTATE instead, and logged as written."""

    def __init__(self, sqlstate: str | None, message: str, hint: str | None = None, constraint: str | None = None):
        if constraint and not _HANGUL.search(message):  # the server's own English about a table's constraint
            log.warning("constraint %s refused a row (SQLSTATE %s): %s", constraint, sqlstate, message)
            super().__init__(UNWORDED_CONSTRAINT, constraint=constraint, code=sqlstate)
        else:
            super().__init__("{detail}", detail=message)
        self.sqlstate = sqlstate
        self.sentence = message
        self.hint = hint


def refusal(exc: DBAPIError) -> Refused:
    """The refusal inside a driver error: its SQLSTATE and primary message only."""
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    message = getattr(diag, "message_primary", None) or str(orig).splitlines()[0]
    return Refused(getattr(orig, "pgcode", None), message, getattr(diag, "message_hint", None),
                   getattr(diag, "constraint_name", None))


@contextmanager
def refusals() -> Iterator[None]:
    """Turn a database error raised inside the block into :class:`Refused` (connection failures pass through)."""
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc, "connection_invalidated", False) or getattr(getattr(exc, "orig", None), "pgcode", None) is None:
            raise
        raise refusal(exc) from None


def _bind(value: Any):
    if isinstance(value, (dict, list)):
        return bindparam(None, value, type_=JSONB)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bindparam(None, bytes(value), type_=LargeBinary)
    if isinstance(value, Decimal):
        return bindparam(None, value, type_=Numeric)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return bindparam(None, value, type_=Date)
    return bindparam(None, value)


def _call(function: str, args: Sequence[Any]):
    return getattr(func.api, function)(*[_bind(a) for a in args])


def rows(session: Session, function: str, *args: Any) -> list[dict[str, Any]]:
    """``SELECT * FROM api.<function>(args…)`` as dicts."""
    with refusals():
        return [dict(r) for r in session.execute(select(literal_column("*")).select_from(_call(function, args)))
                .mappings()]


def one(session: Session, function: str, *args: Any) -> dict[str, Any]:
    found = rows(session, function, *args)
    if len(found) != 1:
        raise Refused(NOT_FOUND, f"api.{function}: {len(found)} rows, one expected")
    return found[0]


def scalar(session: Session, function: str, *args: Any) -> Any:
    """``SELECT api.<function>(args…)``."""
    with refusals():
        return session.execute(select(_call(function, args))).scalar()


def recorded(database, purpose: str, subject: str, reason: str | None = None) -> int:
    """Record an access to personal data in a transaction of its own (committed before anything is shown) and
    return its ticket for the function that shows the data (``db/sql/30_customers.sql``, "Record first")."""
    with database.session() as s:
        return scalar(s, "record_access", purpose, subject, reason)
