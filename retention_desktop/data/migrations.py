"""Alembic, driven from code: the schema in ``db/`` brought to a revision on a given engine.

Alembic itself is loaded only when there is something to do: a database already at the head (every start of
the demo after its first) is recognised from ``alembic_version`` and the revision files' own headers, which
keeps alembic's ~0.3 s import off the way to the login.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from retention_desktop.data.locations import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r'^(down_)?revision\s*(?::[^=\n]*)?=\s*["\']?(\w+)', re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and is_current(engine):
        return
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
    harden(engine)


def harden(engine: Engine) -> None:
    """Re-apply the database-level privileges of ``db/sql/01_roles_and_schemas.sql`` (no temporary objects, no
    connection outside the groups). They belong to the database itself, so a copy (CREATE DATABASE … TEMPLATE)
    or a restore into a new database starts without them; every upgrade puts them back."""
    from retention_desktop.data import api_sql

    with engine.begin() as conn:
        if conn.exec_driver_sql("SELECT to_regnamespace('api') IS NOT NULL").scalar():
            api_sql.run(conn, api_sql.sql_dir() / "01_roles_and_schemas.sql")


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert head is not None
    return head


def is_current(engine: Engine) -> bool:
    return stored_revision(engine) == script_head()


def stored_revision(engine: Engine) -> str | None:
    """The revision ``alembic_version`` records (None: a database never migrated, or several heads)."""
    with engine.connect() as conn:
        if conn.execute(text("SELECT to_regclass('public.alembic_version') IS NULL")).scalar():
            return None
        rows = conn.execute(text("SELECT version_num FROM public.alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def script_head() -> str | None:
    """The head of ``db/versions`` read from each revision file's ``revision``/``down_revision`` lines: the one
    revision no other revision follows (None when that is not exactly one)."""
    revisions, parents = set(), set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        found = dict((bool(down), value) for down, value in _REVISION.findall(path.read_text(encoding="utf-8")))
        if False in found:
            revisions.add(found[False])
            if found.get(True) not in (None, "None"):
                parents.add(found[True])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
