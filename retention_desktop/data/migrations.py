"""Alembic, driven from code: the schema in ``db/`` brought to a revision on a given engine."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from retention_desktop.data.locations import migrations_dir


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
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
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str:
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert head is not None
    return head


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)
