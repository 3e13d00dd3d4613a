"""A central database made ready by the DBA (``retention-admin db provision``).

What it does, idempotently (run it again after every upgrade of the app):

1. checks the DBA's own connection may do it (a superuser, or CREATEROLE: then it is made a member of the
   owner roles by the schema's first file);
2. brings the schema to the latest revision (``db/sql/01_roles_and_schemas.sql`` creates the group roles and
   the owner roles NOLOGIN — nobody logs in as the owner — and takes CONNECT and TEMPORARY from PUBLIC);
3. re-applies the per-role timeouts and connection limit to every enrolled officer's login role
   (``enrolment.apply_role_settings``) and the database's defaults (``DATABASE_SETTINGS``);
4. reports every role of the installation: kind, LOGIN or not, members.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg2 import sql
from sqlalchemy import Engine

from retention_desktop.data import enrolment, migrations, roles
from retention_desktop.domain.errors import UserError

#: The database's defaults for every session (``ALTER DATABASE … SET``): what an officer's session falls back to
#: when the officer resets the login role's own settings (``ALTER ROLE <self> RESET ALL``, which PostgreSQL lets
#: any role do): the officers' statement and lock timeouts (``enrolment.ROLE_SETTINGS``), and 5 min idle in a
#: transaction (a transaction left open holds locks and a server connection; the officers' roles have 15 s).
#: The batch and the DBA lift the statement and lock timeouts in their own sessions (``connection_policy.ADMIN``).
DATABASE_SETTINGS = {"statement_timeout": enrolment.ROLE_SETTINGS["statement_timeout"],
                     "lock_timeout": enrolment.ROLE_SETTINGS["lock_timeout"],
                     "idle_in_transaction_session_timeout": "5min"}


#: The DBA's watchdog (docs/deployment.md, "Limits an officer cannot lift"): ends every officer's, manager's and
#: head office's session (members of the officers' group) whose transaction is older than ``older_than`` (60 s in
#: production: longer than PgBouncer's ``query_timeout``), running or idle. PgBouncer cuts the client off at its
#: ``query_timeout``, and the server's ``client_connection_check_interval`` ends the backend then — unless the
#: officer switched that off in the same session too (any session may): this ends it. Run every minute by the DBA
#: (cron, a superuser or a member of ``pg_signal_backend``); parameters ``older_than`` (an interval) and ``group``
#: (``roles.group("officer")``).
RUNAWAY_OFFICER_SESSIONS = """
SELECT a.pid, a.usename, a.state, pg_terminate_backend(a.pid) AS ended
FROM pg_stat_activity a
WHERE a.backend_type = 'client backend' AND a.state <> 'idle' AND a.pid <> pg_backend_pid()
  AND now() - coalesce(a.xact_start, a.query_start) > %(older_than)s::interval
  AND pg_has_role(a.usesysid, %(group)s, 'MEMBER')"""


class ProvisionError(UserError):
    """The DBA's connection cannot provision (not a superuser and no CREATEROLE)."""


@dataclass(frozen=True)
class RoleState:
    name: str
    kind: str  # "owner", "crossbranch", "officer", … (roles.GROUP_KINDS + SYSTEM_KINDS)
    can_login: bool
    members: int


def provision(engine: Engine) -> tuple[str | None, str, list[RoleState]]:
    """Provision the database ``engine`` reaches; returns (revision before, revision after, the roles)."""
    with engine.connect() as conn:
        me = conn.exec_driver_sql("SELECT rolsuper, rolcreaterole, current_database() FROM pg_roles "
                                  "WHERE rolname = current_user").one()
    if not (me[0] or me[1]):
        raise ProvisionError("db provision은 슈퍼유저나 CREATEROLE 권한이 있는 DBA 계정으로 실행해야 합니다 "
                             "(설정의 central.user).")
    before = migrations.current_revision(engine)
    migrations.upgrade(engine)
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            for name, value in DATABASE_SETTINGS.items():
                cur.execute(sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                    sql.Identifier(me[2]), sql.Identifier(name), sql.Literal(value)))
            cur.execute("SELECT o.db_role FROM data.officers o JOIN pg_roles r ON r.rolname = o.db_role")
            for (db_role,) in cur.fetchall():
                enrolment.apply_role_settings(cur, db_role)
        raw.commit()
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()
    return before, migrations.current_revision(engine) or "", role_states(engine)


def role_states(engine: Engine) -> list[RoleState]:
    kinds = {roles.system(k): k for k in roles.SYSTEM_KINDS} | {roles.group(k): k for k in roles.GROUP_KINDS}
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("""
            SELECT r.rolname, r.rolcanlogin, (SELECT count(*) FROM pg_auth_members m WHERE m.roleid = r.oid)
            FROM pg_roles r WHERE r.rolname = ANY (%(names)s) ORDER BY r.rolname""",
                                    {"names": list(kinds)}).all()
    return [RoleState(name, kinds[name], login, members) for name, login, members in rows]
