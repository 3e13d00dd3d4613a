"""Who is working: an officer logged in, and the database reached as that officer's own role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from retention_desktop.data import api_calls, roles
from retention_desktop.data.bank_day import bank_today
from retention_desktop.data.database import Database
from retention_desktop.data.models import Branch, Officer
from retention_desktop.data.failures import unreachable
from retention_desktop.domain.errors import Unavailable, UserError


class LoginError(UserError):
    """Why a login was refused, for the login screen."""


@dataclass(frozen=True)
class OfficerSession:
    employee_no: str
    name: str
    role: str
    branch_id: int
    branch_name: str
    db_role: str
    database: Database
    officer_id: int  # the officers row, for what this session records as its own
    bank_today: dt.date  # the bank's business date, read from the server's clock at login (data/bank_day.py)

    @property
    def role_label(self) -> str:
        return {"officer": "행원", "manager": "지점장", "admin": "본부 관리자", "security": "보안·감사 담당"}[self.role]


@dataclass(frozen=True)
class DemoLogin:
    employee_no: str
    name: str
    role: str
    branch_name: str


def demo_logins(db: Database) -> list[DemoLogin]:
    """The demo officers who serve customers, listed on the login screen of the embedded database (the
    security officer works with ``retention-admin audit``)."""
    with db.session() as s:
        rows = s.execute(select(Officer.employee_no, Officer.name, Officer.role, Branch.name)
                         .join(Branch, Officer.branch_id == Branch.id)
                         .where(Officer.active, Officer.role != "security").order_by(Officer.employee_no)).all()
    return [DemoLogin(*row) for row in rows]


def explain_connection_error(exc: Exception) -> str:
    """A connection failure in words an officer can act on (``data/failures.py``, the one place of the rule)."""
    from retention_desktop.data.failures import kind_of_text, unreachable, worded

    known = unreachable(exc)
    if known is None:  # a connection failure by definition here: its words say which
        kind = kind_of_text(str(getattr(exc, "orig", exc)))
        known = worded(kind) if kind is not None else None
    if known is not None:
        return known.message()
    if "does not exist" in str(getattr(exc, "orig", exc)).lower():
        return "등록되지 않은 직원번호입니다."
    return "데이터베이스 연결에 실패했습니다. 설정과 네트워크를 확인하고, 계속되면 IT 담당자에게 알리세요."


def log_in(db: Database, employee_no: str, password: str | None = None) -> OfficerSession:
    """Reach the database as the officer's own login role (``roles.login_role``); the database says who that
    role is (``api.log_in``, recorded), so nothing here trusts the number typed beyond choosing the role."""
    employee_no = employee_no.strip().upper()
    try:
        db_role = roles.login_role(employee_no)
    except ValueError as exc:
        raise LoginError(f"직원번호 형식이 아닙니다: {employee_no}") from exc
    try:
        as_officer = db.as_role(db_role, password)
        return session_of(as_officer, expected_employee_no=employee_no)
    except OperationalError as exc:
        refused = LoginError(explain_connection_error(exc))
        if isinstance(unreachable(exc), Unavailable):  # the server down, shutting down or full: not the login's
            refused.exit_code = Unavailable.exit_code  # fault (exit 3; a wrong password stays exit 2)
        raise refused from exc


def session_of(database: Database, expected_employee_no: str | None = None) -> OfficerSession:
    """The officer a database connection logs in as (its login role), recorded as 'session.login'."""
    try:
        with database.session() as s:
            me = api_calls.one(s, "log_in")
            today = bank_today(s)
    except api_calls.Refused as exc:
        database.engine.dispose()
        raise LoginError(f"등록되지 않았거나 사용이 중지된 직원번호입니다: {expected_employee_no or database.url.username}"
                         ) from exc
    except Exception:
        database.engine.dispose()
        raise
    if expected_employee_no is not None and me["employee_no"] != expected_employee_no:
        database.engine.dispose()
        raise LoginError(f"데이터베이스 계정 {me['db_role']}은(는) 직원 {me['employee_no']}의 계정입니다.")
    return OfficerSession(me["employee_no"], me["name"], me["role"], me["branch_id"], me["branch_name"],
                          me["db_role"], database, me["officer_id"], today)
