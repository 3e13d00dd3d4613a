"""Which database the app uses, and the engine and sessions to reach it.

Embedded mode (``--demo``, and the default when no central server is configured) starts the
private server in the data folder. Central mode connects to the bank's PostgreSQL with the
settings' host/port/database/user and the password from the keyring (else asked for).
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable, Iterator
from typing import TypeVar
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from retention_desktop.data import credentials
from retention_desktop.domain import exact_json
from retention_desktop.data.connection_policy import ADMIN, READ_RETRY_DELAYS, WORKSTATION, ConnectionPolicy
from retention_desktop.data.embedded import EmbeddedServer
from retention_desktop.data.models import API_SCHEMA, SCHEMA
from retention_desktop.data.settings import CentralServer, load_settings
from retention_desktop.domain.errors import Unavailable

log = logging.getLogger(__name__)
T = TypeVar("T")


class DatabaseUnavailable(Unavailable):
    """The database cannot be reached; the message is for the user."""


def without_password(url: URL) -> URL:
    # URL.set(password=None) means "leave unchanged" in SQLAlchemy, so rebuild the URL instead.
    return URL.create(url.drivername, username=url.username, host=url.host, port=url.port,
                      database=url.database, query=url.query)


def public_url(url: URL) -> str:
    """The URL with no password in it at all (not even a mask), for printing and logs."""
    return without_password(url).render_as_string(hide_password=False)


def _store_json(value) -> str:
    return exact_json.dumps(value, indent=None, allow_float=True)


def application_name() -> str:
    """What the audit trail records as the workstation (PostgreSQL keeps 63 ASCII characters of it)."""
    node = (platform.node() or "unknown").encode("ascii", "replace").decode()
    return f"retention-desktop@{node}"[:63]


def create_app_engine(url: URL | str, officer: bool = False, policy: ConnectionPolicy | None = None,
                      **kwargs) -> Engine:
    """An engine on ``url``. ``officer``: the connection is an officer's own login role, which reaches only the
    ``api`` schema: the models' schema ``data`` is read as ``api`` (the views of the same names). ``policy``:
    the pool, timeouts and keepalives of ``data/connection_policy.py`` (``kwargs`` override it)."""
    tuned = policy.engine_kwargs() if policy is not None else {"connect_args": {}}
    # application_name as a startup parameter (the one place it is set): PgBouncer restores it for each client
    # in transaction pooling, where a SET would stay on whichever server connection ran it
    tuned["connect_args"] = {**tuned["connect_args"], "application_name": application_name(),
                             **kwargs.pop("connect_args", {})}
    kwargs = {**tuned, **kwargs}
    settings = policy.session_settings() if policy is not None else {}
    # JSONB keeps numbers exact (NUMERIC); so do these: Decimals go in and come out as Decimals.
    # hide_parameters: a failed statement's values (names, reasons, amounts) stay out of messages and logs.
    engine = create_engine(url, pool_pre_ping=True, future=True, json_serializer=_store_json,
                           json_deserializer=exact_json.loads, hide_parameters=True, **kwargs)
    search_path = API_SCHEMA if officer else f"{SCHEMA}, public"

    @event.listens_for(engine, "connect")
    def _session_settings(dbapi_conn, _record):  # noqa: ANN001 - DBAPI types
        with dbapi_conn.cursor() as cur:
            # Korean text sorts and compares the same on every server; stamps are stored in UTC.
            cur.execute("SET TIME ZONE 'Asia/Seoul'")
            cur.execute(f"SET search_path = {search_path}")
            for name, value in settings.items():  # names from the policy's own fields, values bound
                cur.execute(f"SELECT set_config('{name}', %s, false)", (value,))
        dbapi_conn.commit()

    if officer:
        return engine.execution_options(schema_translate_map={SCHEMA: API_SCHEMA})
    return engine


@dataclass
class Database:
    mode: str  # "embedded" or "central"
    url: URL
    engine: Engine
    embedded: EmbeddedServer | None = None
    _sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def display_url(self) -> str:
        return public_url(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on error. One per task, never shared."""
        with self._sessions() as session:
            with session.begin():
                yield session

    def read(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in one short transaction, retried on a fresh connection if the connection dropped
        (a server restart, PgBouncer or a firewall closing it): at once, then while the server is still
        restarting or refusing, after ``connection_policy.READ_RETRY_DELAYS`` (3 s in all). Only for reads: a
        write whose connection dropped may have committed, so it is never repeated behind the officer's back.
        If the last retry fails too, the error says the database cannot be reached (``failures.unreachable``)."""
        import time

        from retention_desktop.data.failures import dropped, kind_of

        waits = (None, *READ_RETRY_DELAYS)  # the first try, then each retry after its delay
        for attempt, delay in enumerate(waits):
            if delay is not None:
                time.sleep(delay)
                self.engine.dispose()  # every pooled connection went with the server
            try:
                with self.session() as session:
                    return work(session)
            except Exception as exc:
                # a refused connection is a server still coming back only once one has dropped under us
                retry = dropped(exc) or (delay is not None and kind_of(exc) == "refused")
                if not retry or attempt == len(waits) - 1:
                    raise
                log.info("read attempt %d failed (%s); retrying", attempt + 1, kind_of(exc) or type(exc).__name__)
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def as_role(self, db_role: str, password: str | None = None) -> Database:
        """The same database reached as an officer's own login role (which sees only the ``api`` schema)."""
        url = without_password(self.url).set(username=db_role)
        if password is not None:
            url = url.set(password=password)
        return Database(self.mode, url, create_app_engine(url, officer=True, policy=WORKSTATION), embedded=None)

    def close(self) -> None:
        self.engine.dispose()
        if self.embedded is not None:
            self.embedded.release()
            self.embedded = None


def open_embedded(data_dir: Path) -> Database:
    server = EmbeddedServer(data_dir)
    url = make_url(server.start())
    return Database("embedded", url, create_app_engine(url), embedded=server)


def central_url(central: CentralServer, password: str | None) -> URL:
    return URL.create(
        "postgresql+psycopg2",
        username=central.user,
        password=password,
        host=central.host,
        port=central.port,
        database=central.database,
        query=central.tls_parameters(),
    )


def open_central(central: CentralServer, ask_password: Callable[[str], str | None], api: bool = True) -> Database:
    """The central server as the settings' login role. ``api``: the role reads the ``api`` views (officers,
    head office, security); the batch role reads the portfolio's tables themselves (``api=False``)."""
    password = credentials.secret_or_ask(central.keyring_account, ask_password)
    if password is None:
        raise DatabaseUnavailable("비밀번호가 없어 중앙 서버에 연결하지 않았습니다: OS 키링에 두거나, 무인 실행이면 "
                                  "--password-fd N으로 주세요 (docs/deployment.md).")
    url = central_url(central, password)
    return Database("central", url, create_app_engine(url, officer=api, policy=WORKSTATION if api else ADMIN))


def open_database(data_dir: Path, demo: bool, ask_password: Callable[[str], str | None], api: bool = True
                  ) -> Database:
    if demo:  # the demo needs nothing from the settings: a broken settings file does not stop it
        return open_embedded(data_dir)
    settings = load_settings(data_dir)
    if settings.central is None:
        return open_embedded(data_dir)
    return open_central(settings.central, ask_password, api)
