"""Reaching the database and logging the officer in, for the login screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from retention_desktop.data import credentials, roles
from retention_desktop.data.connection_policy import WORKSTATION
from retention_desktop.data.database import Database, central_url, create_app_engine
from retention_desktop.data.settings import CentralServer, load_settings, save_settings
from retention_desktop.services.officer_session import LoginError, OfficerSession, log_in
from retention_desktop.services.regulation import policy_for


@dataclass
class Connected:
    officer: OfficerSession
    policy_version: str
    base: Database | None  # the embedded server's superuser connection, closed at exit


def log_in_embedded(db: Database, employee_no: str, today: dt.date | None = None) -> Connected:
    """Log in on the embedded server; the policy shown is the one in force on ``today`` (default: the bank's
    business date, read from the server at login)."""
    officer = log_in(db, employee_no)
    return Connected(officer, policy_for(officer.database, today or officer.bank_today).version, None)


def log_in_central(data_dir: Path, central: CentralServer, employee_no: str, password: str | None, remember: bool,
                   today: dt.date | None = None) -> Connected:
    """Connect as the officer's own role; the password comes from the form, else the keyring. The policy shown
    is the one in force on ``today`` (default: the bank's business date, read from the server at login)."""
    try:
        central = replace(central, user=roles.login_role(employee_no))
    except ValueError:
        raise LoginError("직원번호 형식이 아닙니다: {no}", no=employee_no) from None
    password = password or credentials.get_secret(central.keyring_account)
    if not password:
        raise LoginError("비밀번호를 입력하세요.")
    url = central_url(central, password)
    db = Database("central", url, create_app_engine(url, policy=WORKSTATION))
    try:
        officer = log_in(db, employee_no, password)
    finally:
        db.engine.dispose()
    if remember:
        credentials.store_secret(central.keyring_account, password)
    settings = load_settings(data_dir)
    save_settings(data_dir, replace(settings, central=replace(central, user=""), remembered_employee_no=employee_no))
    return Connected(officer, policy_for(officer.database, today or officer.bank_today).version, None)


def ping(database: Database) -> None:
    """Is the server back? One trivial read (retried once on a dropped connection); raises if not."""
    from sqlalchemy import text

    database.read(lambda s: s.execute(text("SELECT 1")).scalar())
