"""Officers' database logins, enrolled and checked by the DBA (직원 계정 등록·중지·점검).

Each officer is a row of ``data.officers`` AND a login role (``roles.login_role``) that is a member of
exactly the group its row names; ``data.me()`` refuses a login whose two disagree. These functions keep
the two together, in one transaction each, run by the DBA's own connection (a superuser, or a role with
CREATEROLE that is a member of the owner role, as after ``db provision``).

Passwords never travel in SQL text: the SCRAM-SHA-256 verifier is computed on the client
(``PQencryptPasswordConn``) and only the verifier is sent, so a server logging DDL logs no password.
Every enrolment, disabling and password change is an audit row (``data.audit``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from psycopg2 import sql
from psycopg2.extensions import encrypt_password
from sqlalchemy import Engine

from retention_desktop.data import roles
from retention_desktop.domain.errors import InputError, UserError

#: Per-login-role server settings: the server-side half of the workstation's connection policy
#: (data/connection_policy.py). Set on the role, they hold through PgBouncer's transaction pooling,
#: where a session's own SET would not. Settings are not inherited from a group, so each officer's login role
#: gets them (enrolment, ``db provision``, the demo's officers); ``check`` reports a role without them. The
#: batch's login roles (score-portfolio, train-models: long statements by design) are not officers and get
#: none of them.
ROLE_SETTINGS = {
    "statement_timeout": "30s",
    "idle_in_transaction_session_timeout": "15s",
    "lock_timeout": "10s",
}
#: A workstation's pool (data/connection_policy.py) plus a login window and psql: more is a misbehaving client.
CONNECTION_LIMIT = 6
ENROLLED_COMMENT = "retention-desktop officer login"


class EnrolmentError(UserError):
    """A refused enrolment (unknown branch, duplicate employee number, no such officer)."""


@dataclass(frozen=True)
class OfficerLogin:
    employee_no: str
    name: str
    branch_code: str
    role: str
    db_role: str
    active: bool
    can_login: bool | None  # None: the login role does not exist
    valid_until: dt.datetime | None
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    """One thing ``check`` found wrong: who, and what, in words."""

    subject: str
    problem: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.problem}"


def _verifier(cur, db_role: str, password: str) -> str:
    return encrypt_password(password, db_role, cur.connection, "scram-sha-256")


def _role_exists(cur, name: str) -> bool:
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
    return cur.fetchone() is not None


def apply_role_settings(cur, db_role: str) -> None:
    """The per-role server settings and connection limit of an officer's login role."""
    apply_role_timeouts(cur, db_role)
    cur.execute(sql.SQL("ALTER ROLE {} CONNECTION LIMIT {}").format(sql.Identifier(db_role),
                                                                     sql.Literal(CONNECTION_LIMIT)))


def apply_role_timeouts(cur, db_role: str) -> None:
    """``ROLE_SETTINGS`` (statement, idle-in-transaction and lock timeouts) on an officer's login role."""
    ident = sql.Identifier(db_role)
    cur.execute("SELECT current_database()")
    here = sql.Identifier(cur.fetchone()[0])
    for name, value in ROLE_SETTINGS.items():
        cur.execute(sql.SQL("ALTER ROLE {} SET {} = {}").format(ident, sql.Identifier(name), sql.Literal(value)))
        # a setting for this database overrides the role's own: an officer may have switched one off there
        cur.execute(sql.SQL("ALTER ROLE {} IN DATABASE {} RESET {}").format(ident, here, sql.Identifier(name)))


def missing_role_settings(settings: list[str] | None) -> list[str]:
    """The ``ROLE_SETTINGS`` a login role's stored settings (``pg_db_role_setting.setconfig``, ``name=value``)
    lack or switch off (``0``), by name."""
    stored = _stored(settings)
    return [name for name in ROLE_SETTINGS if _off(stored.get(name))]


def _stored(settings: list[str] | None) -> dict[str, str]:
    return dict(item.split("=", 1) for item in settings or [] if "=" in item)


#: A timeout switched off: 0 in any unit PostgreSQL takes ('0', '0ms', '0s', '0min', "'0'" …), or empty.
_OFF = re.compile(r"\s*'?\s*(0+(\.0*)?\s*(us|ms|s|min|h|d)?)?\s*'?\s*", re.IGNORECASE)


def _off(value: str | None) -> bool:
    return value is None or _OFF.fullmatch(value) is not None


def missing_database_settings(settings: list[str] | None) -> list[str]:
    """The statement and lock timeouts of ``ROLE_SETTINGS`` the database's own defaults (``ALTER DATABASE … SET``,
    ``provisioning.DATABASE_SETTINGS``) lack or switch off, by name."""
    stored = _stored(settings)
    return [name for name in ("statement_timeout", "lock_timeout") if _off(stored.get(name))]


def switched_off(settings: list[str] | None) -> list[str]:
    """The ``ROLE_SETTINGS`` that a login role's settings for one database set to 0 (they override its own)."""
    stored = _stored(settings)
    return [name for name in ROLE_SETTINGS if name in stored and _off(stored[name])]


def add_officer(engine: Engine, employee_no: str, name: str, branch_code: str, role: str, password: str,
                valid_until: dt.date) -> OfficerLogin:
    """Enrol an officer: the ``data.officers`` row, the login role (LOGIN, password verifier, VALID UNTIL, member
    of the group of ``role`` only, per-role timeouts), one audit row. ``EnrolmentError`` if the employee number
    or its role exists already or the branch is unknown."""
    employee_no = employee_no.strip().upper()
    if role not in roles.OFFICER_ROLES:
        raise InputError("직원 역할은 {choices} 중 하나여야 합니다: {role}", choices=", ".join(roles.OFFICER_ROLES),
                         role=role)
    if not name.strip() or len(name) > 100:
        raise InputError("이름은 1–100자여야 합니다.")
    try:
        db_role = roles.login_role(employee_no)
    except ValueError:
        raise InputError("직원번호 형식이 아닙니다 (영문·숫자): {no}", no=employee_no) from None
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute("SELECT id FROM data.branches WHERE code = %s", (branch_code,))
            branch = cur.fetchone()
            if branch is None:
                raise EnrolmentError("영업점 코드 {code}가 없습니다.", code=branch_code)
            cur.execute("SELECT 1 FROM data.officers WHERE employee_no = %s OR db_role = %s", (employee_no, db_role))
            if cur.fetchone() is not None:
                raise EnrolmentError("직원 {no}은(는) 이미 등록되어 있습니다 ('officers list').", no=employee_no)
            if _role_exists(cur, db_role):
                raise EnrolmentError("데이터베이스 계정 {role}이(가) 이미 있지만 직원으로 등록되어 있지 않습니다: DBA가 "
                                     "누구의 계정인지 확인하세요 ('officers check').", role=db_role)
            cur.execute(sql.SQL("CREATE ROLE {} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                                "NOBYPASSRLS PASSWORD {} VALID UNTIL {}").format(
                sql.Identifier(db_role), sql.Literal(_verifier(cur, db_role, password)),
                sql.Literal(f"{valid_until.isoformat()} 23:59:59+09")))
            cur.execute(sql.SQL("COMMENT ON ROLE {} IS {}").format(sql.Identifier(db_role),
                                                                    sql.Literal(ENROLLED_COMMENT)))
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(roles.group(role)), sql.Identifier(db_role)))
            apply_role_settings(cur, db_role)
            cur.execute("INSERT INTO data.officers (id, employee_no, name, branch_id, role, db_role, active) "
                        "VALUES ((SELECT coalesce(max(id), 0) + 1 FROM data.officers), %s, %s, %s, %s, %s, true)",
                        (employee_no, name.strip(), branch[0], role, db_role))
            cur.execute("SELECT data.audit('officer.enrol', NULL, jsonb_build_object('employee_no', %s::text, "
                        "'role', %s::text, 'branch', %s::text, 'valid_until', %s::text))",
                        (employee_no, role, branch_code, valid_until.isoformat()))
        raw.commit()
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()
    return next(o for o in list_officers(engine) if o.employee_no == employee_no)


def set_password(engine: Engine, employee_no: str, password: str, valid_until: dt.date) -> None:
    """A new password (verifier only) and expiry for an enrolled officer; audited."""
    db_role = _enrolled_role(engine, employee_no)
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute(sql.SQL("ALTER ROLE {} PASSWORD {} VALID UNTIL {}").format(
                sql.Identifier(db_role), sql.Literal(_verifier(cur, db_role, password)),
                sql.Literal(f"{valid_until.isoformat()} 23:59:59+09")))
            cur.execute("SELECT data.audit('officer.password', NULL, jsonb_build_object('employee_no', %s::text, "
                        "'valid_until', %s::text))", (employee_no.strip().upper(), valid_until.isoformat()))
        raw.commit()
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()


def disable_officer(engine: Engine, employee_no: str) -> int:
    """Disable an officer: row inactive, login role NOLOGIN, their open sessions ended; audited. Returns how many
    sessions were ended. The row and role stay (the audit trail names them)."""
    db_role = _enrolled_role(engine, employee_no)
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute("UPDATE data.officers SET active = false WHERE db_role = %s", (db_role,))
            cur.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(db_role)))
            cur.execute("SELECT data.audit('officer.disable', NULL, jsonb_build_object('employee_no', %s::text))",
                        (employee_no.strip().upper(),))
        raw.commit()
        with raw.cursor() as cur:  # after the commit: a session ended now cannot log in again
            cur.execute("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE usename = %s AND pid <> pg_backend_pid()", (db_role,))
            ended = cur.fetchone()[0]
        raw.commit()
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()
    return ended


def _enrolled_role(engine: Engine, employee_no: str) -> str:
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT db_role FROM data.officers WHERE employee_no = %s",
                                   (employee_no.strip().upper(),)).first()
    if row is None:
        raise EnrolmentError("등록된 직원이 아닙니다: {no}", no=employee_no)
    return row[0]


_GROUPS_OF = """
    SELECT coalesce(array_agg(g.rolname ORDER BY g.rolname), '{}')
    FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
    WHERE m.member = r.oid AND g.rolname = ANY (%(groups)s)
"""


def list_officers(engine: Engine) -> list[OfficerLogin]:
    """Every officer row with its login role's state (LOGIN, VALID UNTIL, the groups it is a direct member of)."""
    groups = [roles.group(k) for k in roles.GROUP_KINDS]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"""
            SELECT o.employee_no, o.name, b.code, o.role, o.db_role, o.active, r.rolcanlogin, r.rolvaliduntil,
                   CASE WHEN r.oid IS NULL THEN '{{}}' ELSE ({_GROUPS_OF}) END
            FROM data.officers o JOIN data.branches b ON b.id = o.branch_id
            LEFT JOIN pg_roles r ON r.rolname = o.db_role
            ORDER BY o.employee_no
        """, {"groups": groups}).all()
    return [OfficerLogin(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], tuple(r[8])) for r in rows]


def check(engine: Engine, today: dt.date, warn_days: int = 14) -> list[Finding]:
    """Everything where the officers table and the roles the database grants disagree, or a login is unsafe.

    Findings: a row whose login role is missing, a member of another group than its row's role (or of several),
    active but NOLOGIN, disabled but still LOGIN; an expired password or one expiring within ``warn_days``;
    a login role in an officer group with no officer row; a group or system role that can log in; a login
    role that is a superuser, may create roles or databases, or bypasses row security; an active officer's
    login role without the timeouts of ``ROLE_SETTINGS`` (or with one switched off)."""
    findings: list[Finding] = []
    for o in list_officers(engine):
        subject = f"{o.employee_no} ({o.db_role})"
        expected = roles.group(o.role)
        if o.can_login is None:
            if o.active:
                findings.append(Finding(subject, "데이터베이스 계정이 없습니다"))
            continue
        if set(o.groups) != {expected}:
            granted = ", ".join(o.groups) or "없음"
            findings.append(Finding(subject, f"직원 역할은 {o.role}({expected})인데 부여된 그룹은 {granted}입니다"))
        if o.active and not o.can_login:
            findings.append(Finding(subject, "사용 중인 직원인데 로그인할 수 없습니다 (NOLOGIN)"))
        if not o.active and o.can_login:
            findings.append(Finding(subject, "사용 중지된 직원인데 아직 로그인할 수 있습니다"))
        if o.active and o.can_login and o.valid_until is not None:
            left = (o.valid_until.date() - today).days
            if left < 0:
                findings.append(Finding(subject, f"비밀번호가 {o.valid_until:%Y-%m-%d}에 만료되었습니다"))
            elif left <= warn_days:
                findings.append(Finding(subject, f"비밀번호가 {o.valid_until:%Y-%m-%d}에 만료됩니다 ({left}일 남음)"))
        if o.active and o.can_login and o.valid_until is None:
            findings.append(Finding(subject, "비밀번호 유효기간(VALID UNTIL)이 없습니다"))
    officer_groups = [roles.group(k) for k in roles.OFFICER_ROLES]
    system = [roles.group(k) for k in roles.GROUP_KINDS] + [roles.system(k) for k in roles.SYSTEM_KINDS]
    with engine.connect() as conn:
        for name, in conn.exec_driver_sql("""
                SELECT DISTINCT r.rolname FROM pg_roles r
                JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid
                WHERE g.rolname = ANY (%(groups)s) AND r.rolcanlogin
                  AND NOT EXISTS (SELECT 1 FROM data.officers o WHERE o.db_role = r.rolname)
                ORDER BY 1""", {"groups": officer_groups}):
            findings.append(Finding(name, "직원 그룹의 로그인 계정인데 직원으로 등록되어 있지 않습니다"))
        for name, in conn.exec_driver_sql("SELECT rolname FROM pg_roles WHERE rolname = ANY (%(names)s) "
                                          "AND rolcanlogin ORDER BY 1", {"names": system}):
            findings.append(Finding(name, "아무도 로그인하지 않아야 할 역할인데 LOGIN입니다"))
        for name, in conn.exec_driver_sql("""
                SELECT r.rolname FROM data.officers o JOIN pg_roles r ON r.rolname = o.db_role
                WHERE r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls OR r.rolreplication
                ORDER BY 1"""):
            findings.append(Finding(name, "직원 계정에 관리자 권한(SUPERUSER/CREATEROLE/CREATEDB/BYPASSRLS)이 있습니다"))
        # the database's defaults (db provision): what an officer's session falls back to after the officer reset
        # the login role's own settings (ALTER ROLE <self> RESET ALL, which PostgreSQL allows any role)
        database_settings = conn.exec_driver_sql("""
                SELECT s.setconfig FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
                WHERE s.setrole = 0 AND d.datname = current_database()""").scalar()
        fallback = missing_database_settings(database_settings)
        if fallback:
            findings.append(Finding(conn.exec_driver_sql("SELECT current_database()").scalar(),
                                    f"데이터베이스 기본 시간 제한이 없습니다: {', '.join(fallback)} — 직원이 자기 계정의 "
                                    f"설정을 지우면(ALTER ROLE … RESET ALL) 제한 없이 접속합니다 ('db provision'이 "
                                    f"설정합니다)"))
        # settings are not inherited from the groups: each active officer's login role carries its timeouts, and
        # none is switched off for this database (ALTER ROLE <self> IN DATABASE … SET, which overrides the role's)
        for name, settings, here in conn.exec_driver_sql("""
                SELECT r.rolname, s.setconfig, h.setconfig FROM data.officers o JOIN pg_roles r ON r.rolname = o.db_role
                LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
                LEFT JOIN pg_db_role_setting h ON h.setrole = r.oid
                      AND h.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                WHERE o.active AND r.rolcanlogin ORDER BY 1"""):
            missing = missing_role_settings(settings)
            if missing:
                meanwhile = ("그동안은 데이터베이스 기본값이 적용됩니다" if not fallback
                             else "데이터베이스 기본값도 없어 제한 없이 접속합니다")
                findings.append(Finding(name, f"직원 계정에 시간 제한 설정이 없습니다: {', '.join(missing)} "
                                              f"({meanwhile}; 'db provision'이 다시 설정합니다)"))
            lifted = switched_off(here)
            if lifted:
                findings.append(Finding(name, f"직원 계정의 이 데이터베이스용 설정이 시간 제한을 끕니다: {', '.join(lifted)} "
                                              f"(ALTER ROLE … IN DATABASE; 'db provision'이 지웁니다)"))
    return findings
