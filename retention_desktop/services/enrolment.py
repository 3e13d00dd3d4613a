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

from retention_desktop.data import enrolment, provisioning
from retention_desktop.domain.password_policy import CURRENT, PasswordPolicy
from retention_desktop.services.administration import open_for_admin

AskPassword = Callable[[str], str | None]


def provision(data_dir: Path, demo: bool, ask_password: AskPassword):
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        return provisioning.provision(db.engine)
    finally:
        db.close()


def add(data_dir: Path, demo: bool, ask_password: AskPassword, employee_no: str, name: str, branch_code: str,
        role: str, new_password: str, valid_days: int | None, today: dt.date,
        policy: PasswordPolicy = CURRENT) -> enrolment.OfficerLogin:
    """Enrol an officer after checking the password against ``policy`` (``InputError`` naming each broken rule)."""
    policy.check(new_password, employee_no)
    valid_until = policy.valid_until(today, valid_days)
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        return enrolment.add_officer(db.engine, employee_no, name, branch_code, role, new_password, valid_until)
    finally:
        db.close()


def set_password(data_dir: Path, demo: bool, ask_password: AskPassword, employee_no: str, new_password: str,
                 valid_days: int | None, today: dt.date, policy: PasswordPolicy = CURRENT) -> dt.date:
    policy.check(new_password, employee_no)
    valid_until = policy.valid_until(today, valid_days)
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        enrolment.set_password(db.engine, employee_no, new_password, valid_until)
    finally:
        db.close()
    return valid_until


def disable(data_dir: Path, demo: bool, ask_password: AskPassword, employee_no: str) -> int:
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        return enrolment.disable_officer(db.engine, employee_no)
    finally:
        db.close()


def listing(data_dir: Path, demo: bool, ask_password: AskPassword) -> list[enrolment.OfficerLogin]:
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        return enrolment.list_officers(db.engine)
    finally:
        db.close()


def check(data_dir: Path, demo: bool, ask_password: AskPassword, today: dt.date) -> list[enrolment.Finding]:
    db = open_for_admin(data_dir, demo, ask_password, api=False)
    try:
        return enrolment.check(db.engine, today)
    finally:
        db.close()
