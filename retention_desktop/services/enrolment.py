"""The DBA's commands: provision the central database, enrol, disable, list and check officers' logins.

They run as the connection the data folder's settings name (the DBA's login in central mode, the embedded
server's superuser with ``--demo`` or no central server), reading the private schema (``api=False``).
The officer's password is checked against the password policy here (domain/password_policy.py) before the
database sees anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from retention_desktop.data import enrolment, migrations, provisioning
from retention_desktop.data.bank_day import bank_today_of
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.password_policy import CURRENT, PasswordPolicy
from retention_desktop.services.administration import open_for_admin

AskPassword = Callable[[str], str | None]


def _open(data_dir: Path, demo: bool, ask_password: AskPassword):
    """The DBA's connection to a provisioned database (``UserError`` naming ``db provision`` otherwise)."""
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        provisioned = migrations.current_revision(db.engine) is not None
    except BaseException:
        db.close()
        raise
    if not provisioned:
        db.close()
        raise UserError("이 데이터베이스에는 아직 스키마가 없습니다: 먼저 'retention-admin db provision'을 실행하세요.")
    return db


def provision(data_dir: Path, demo: bool, ask_password: AskPassword):
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        return provisioning.provision(db.engine)
    finally:
        db.close()


def add(data_dir: Path, demo: bool, ask_password: AskPassword, employee_no: str, name: str, branch_code: str,
        role: str, new_password: str, valid_days: int | None, today: dt.date | None = None,
        policy: PasswordPolicy = CURRENT) -> enrolment.OfficerLogin:
    """Enrol an officer after checking the password against ``policy`` (``InputError`` naming each broken rule);
    the password's validity counts from ``today`` (default: the bank's business date, the server's clock, which
    checks the expiry)."""
    policy.check(new_password, employee_no)
    db = _open(data_dir, demo, ask_password)
    try:
        valid_until = policy.valid_until(today or bank_today_of(db), valid_days)
        return enrolment.add_officer(db.engine, employee_no, name, branch_code, role, new_password, valid_until)
    finally:
        db.close()


def set_password(data_dir: Path, demo: bool, ask_password: AskPassword, employee_no: str, new_password: str,
                 valid_days: int | None, today: dt.date | None = None, policy: PasswordPolicy = CURRENT) -> dt.date:
    """A new password, valid from ``today`` (default: the bank's business date) for ``valid_days``."""
    policy.check(new_password, employee_no)
    db = _open(data_dir, demo, ask_password)
    try:
        valid_until = policy.valid_until(today or bank_today_of(db), valid_days)
        enrolment.set_password(db.engine, employee_no, new_password, valid_until)
    finally:
        db.close()
    return valid_until


def disable(data_dir: Path, demo: bool, ask_password: AskPassword, employee_no: str) -> int:
    db = _open(data_dir, demo, ask_password)
    try:
        return enrolment.disable_officer(db.engine, employee_no)
    finally:
        db.close()


def listing(data_dir: Path, demo: bool, ask_password: AskPassword) -> list[enrolment.OfficerLogin]:
    db = _open(data_dir, demo, ask_password)
    try:
        return enrolment.list_officers(db.engine)
    finally:
        db.close()


def check(data_dir: Path, demo: bool, ask_password: AskPassword, today: dt.date | None = None
          ) -> list[enrolment.Finding]:
    db = _open(data_dir, demo, ask_password)
    try:
        return enrolment.check(db.engine, today or bank_today_of(db))
    finally:
        db.close()
