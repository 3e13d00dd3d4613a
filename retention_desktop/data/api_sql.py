"""The database's API layer: the SQL files under ``db/sql`` (roles, row security, the audit chain, the api
views and functions, the grants), loaded in name order by the Alembic revision that introduced them (0011)
and by any later revision that changes them.

The files are written with the default role names; ``roles.qualify_sql`` gives them this installation's.
They run on the migration's own connection (so in its transaction) through the driver's plain
``execute``, which takes a whole script.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from retention_desktop.data import roles
from retention_desktop.data.locations import migrations_dir

META_KEY = "api_sql"


def sql_dir() -> Path:
    return migrations_dir() / "sql"


def files() -> list[Path]:
    return sorted(sql_dir().glob("*.sql"))


def text_of(path: Path) -> str:
    return roles.qualify_sql(path.read_text(encoding="utf-8"))


def _scripts() -> list[tuple[str, str]]:
    """(file name, SQL text with this installation's role names) of every file, in name order."""
    return [(path.name, text_of(path)) for path in files()]


def _checksum(scripts: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for name, sql in scripts:
        digest.update(name.encode() + b"\0" + sql.encode("utf-8") + b"\0")
    return digest.hexdigest()


def checksum() -> str:
    """sha256 over the files' names and texts (as loaded): what ``load`` records."""
    return _checksum(_scripts())


def _run(connection, name: str, sql: str) -> None:
    with connection.connection.cursor() as cur:
        try:
            cur.execute(sql)
        except Exception as exc:
            exc.add_note(f"while loading {name}")
            raise


def run(connection, path: Path) -> None:
    """Run one file on a SQLAlchemy connection (inside its transaction)."""
    _run(connection, path.name, text_of(path))


def load(connection) -> str:
    """Run every file in name order, then record their checksum in ``data.app_meta``; returns the checksum.
    Each file is read once: what runs is what the checksum covers."""
    scripts = _scripts()
    for name, sql in scripts:
        _run(connection, name, sql)
    value = _checksum(scripts)
    with connection.connection.cursor() as cur:
        cur.execute("INSERT INTO data.app_meta (key, value) VALUES (%s, %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (META_KEY, json.dumps({"sha256": value, "files": [name for name, _sql in scripts]})))
    return value


def loaded_checksum(connection) -> str | None:
    """The checksum of the API last loaded into this database (None before revision 0011)."""
    with connection.connection.cursor() as cur:
        cur.execute("SELECT to_regclass('data.app_meta') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute("SELECT value ->> 'sha256' FROM data.app_meta WHERE key = %s", (META_KEY,))
        row = cur.fetchone()
    return row[0] if row else None
