"""Test fixtures: a real PostgreSQL (the embedded server, or RETENTION_TEST_DATABASE_URL), never a mock.

The session builds one template database (migrated, with a small demo population); each test
that writes gets its own copy (CREATE DATABASE ... TEMPLATE), so tests never see each other.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Clusters of awkward test folders go under /tmp, never into the real user's home folder.
os.environ["RETENTION_DESKTOP_CLUSTER_ROOT"] = tempfile.mkdtemp(prefix="rdc-")

from retention_desktop.data import demo_data, migrations  # noqa: E402
from retention_desktop.data.database import Database, create_app_engine  # noqa: E402
from retention_desktop.data.embedded import EmbeddedServer  # noqa: E402

TEST_AS_OF = dt.date(2026, 11, 23)
TEST_CUSTOMERS = 300
TEST_SEED = 7
_counter = itertools.count()


class MemoryKeyring(KeyringBackend):
    """In-memory keyring for tests: nothing reaches the machine's real keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True, scope="session")
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def server_url(tmp_path_factory) -> Iterator[URL]:
    """A superuser (or CREATEDB + CREATEROLE) URL of a real PostgreSQL server."""
    external = os.environ.get("RETENTION_TEST_DATABASE_URL")
    if external:
        yield make_url(external).set(drivername="postgresql+psycopg2")
        return
    data_dir = Path(tempfile.mkdtemp(prefix="rdtest-"))
    server = EmbeddedServer(data_dir)
    url = make_url(server.start())
    yield url
    server.release()


def _admin_execute(server_url: URL, *statements: str) -> None:
    engine = create_app_engine(server_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def new_database(server_url: URL, template: str | None = None) -> Database:
    name = f"rdt_{os.getpid()}_{next(_counter)}"
    clause = f" TEMPLATE {template}" if template else " TEMPLATE template0 ENCODING 'UTF8'"
    _admin_execute(server_url, f"CREATE DATABASE {name}{clause}")
    url = server_url.set(database=name)
    return Database("embedded", url, create_app_engine(url))


def drop_database(server_url: URL, db: Database) -> None:
    db.engine.dispose()
    _admin_execute(server_url, f"DROP DATABASE IF EXISTS {db.url.database} WITH (FORCE)")


@pytest.fixture(scope="session")
def template_db(server_url: URL) -> Iterator[str]:
    """A migrated database holding a small, fixed demo population, copied for each test."""
    db = new_database(server_url)
    migrations.upgrade(db.engine)
    demo_data.regenerate(db.engine, TEST_CUSTOMERS, TEST_SEED, TEST_AS_OF)
    db.engine.dispose()
    yield db.url.database
    drop_database(server_url, db)


@pytest.fixture
def db(server_url: URL, template_db: str) -> Iterator[Database]:
    """A private copy of the demo database for one test."""
    database = new_database(server_url, template=template_db)
    yield database
    drop_database(server_url, database)


@pytest.fixture
def login(db: Database, server_url: URL):
    """Log a demo officer in as their own database role.

    The embedded server trusts local logins; an external server (RETENTION_TEST_DATABASE_URL) gets a
    random one-off password on the role, as a central server would have one per officer. Such a
    server must accept password logins from where the tests run (e.g. host=localhost).
    """
    from retention_desktop.services.officer_session import log_in

    sessions = []

    def _login(employee_no: str):
        password = None
        if os.environ.get("RETENTION_TEST_DATABASE_URL"):
            password = secrets.token_urlsafe(16)
            _admin_execute(server_url, f"ALTER ROLE rd_{employee_no.lower()} PASSWORD '{password}'")
        session = log_in(db, employee_no, password)
        sessions.append(session)
        return session

    yield _login
    for session in sessions:
        session.database.close()


@pytest.fixture
def empty_db(server_url: URL) -> Iterator[Database]:
    """A brand-new database with no schema at all."""
    database = new_database(server_url)
    yield database
    drop_database(server_url, database)


def seeded_policies():
    """The policy versions revision 0003 seeds, read from the revision itself (no database needed)."""
    import importlib.util

    from retention_desktop.data.locations import migrations_dir
    from retention_desktop.domain.policy import Policy

    path = migrations_dir() / "versions" / "0003_seed_policies.py"
    spec = importlib.util.spec_from_file_location("seed_policies", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [Policy.from_parameters(v, dt.date.fromisoformat(d), p) for v, d, p, _ in module.VERSIONS]


@pytest.fixture(scope="session")
def policy():
    """The policy in force on the tests' as-of date (2025-10-16 version)."""
    from retention_desktop.domain.policy import policy_in_force

    return policy_in_force(seeded_policies(), TEST_AS_OF)
