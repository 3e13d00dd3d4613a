"""A bank's central server in miniature, on loopback: Debian's PostgreSQL 15 with TLS, behind PgBouncer in
transaction pooling with TLS, with a throwaway CA made by openssl. Used by the end-to-end tests
(tests/test_central_e2e.py) and bench/bench_branches.py.

* CA and server certificate (``CN=localhost``, SAN ``DNS:localhost, IP:127.0.0.1``) made with ``openssl`` at
  start, valid for two days; clients verify them with ``sslmode=verify-full`` and ``sslrootcert=ca.crt``.
* PostgreSQL: ``hostssl … scram-sha-256`` only on 127.0.0.1 (a plain TCP connection is rejected), ``local``
  trust on a private socket folder (the DBA's and PgBouncer's own way in).
* PgBouncer: ``pool_mode = transaction``, clients authenticated with SCRAM against the server's own verifiers
  (``auth_query`` as the superuser over the socket), ``client_tls_sslmode = require``, ``server_idle_timeout``.

Run as root (CI containers), the servers run as the ``postgres`` system user of the Debian package.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from retention_desktop.data import roles
from retention_desktop.data.connection_policy import PGBOUNCER_TIMEOUTS

# a backend whose client went (PgBouncer's query_timeout closes it) notices within this (docs/deployment.md)
CLIENT_CONNECTION_CHECK_INTERVAL = "2s"
PG_BIN = Path(os.environ.get("RETENTION_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"
DATABASE = "retention"


def missing_binaries() -> list[str]:
    """What is missing to run the central cluster here (empty: everything is installed)."""
    missing = [str(PG_BIN / b) for b in ("initdb", "pg_ctl", "postgres") if not (PG_BIN / b).exists()]
    missing += [b for b in ("pgbouncer", "openssl") if shutil.which(b) is None and not Path(f"/usr/sbin/{b}").exists()]
    return missing


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> dict:
    if os.geteuid() != 0:
        return {}
    return {"user": "postgres", "group": pwd.getpwnam("postgres").pw_gid}


def _own(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(folder: Path) -> None:
    """ca.crt/ca.key (a throwaway bank CA), server.crt/server.key for localhost and 127.0.0.1."""
    folder.mkdir(parents=True, exist_ok=True)
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
             "-subj", "/O=Test Bank/CN=Test Bank Root CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
             "-subj", "/O=Test Bank/CN=localhost", cwd=folder)
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.crt", "-days", "2", "-extfile", "san.ext", cwd=folder)
    for name in ("server.key", "server.crt", "ca.crt"):
        _own(folder / name)
    os.chmod(folder / "server.key", 0o600)


@dataclass
class CentralCluster:
    root: Path
    max_connections: int = 100
    pool_size: int = 20
    server_idle_timeout: int = 30
    # PgBouncer's limits an officer cannot lift (data/connection_policy.py PGBOUNCER_TIMEOUTS, docs/deployment.md)
    query_timeout: int = PGBOUNCER_TIMEOUTS["query_timeout"]
    idle_transaction_timeout: int = PGBOUNCER_TIMEOUTS["idle_transaction_timeout"]
    pg_port: int = field(default_factory=free_port)
    bouncer_port: int = field(default_factory=free_port)
    bouncer: subprocess.Popen | None = None

    @property
    def data(self) -> Path:
        return self.root / "pgdata"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def certs(self) -> Path:
        return self.root / "certs"

    @property
    def ca_file(self) -> Path:
        return self.certs / "ca.crt"

    def superuser_url(self, database: str = DATABASE) -> str:
        """The DBA's way in: the private socket (trust), never the network."""
        return f"postgresql+psycopg2://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.pg_port}"

    # -- lifecycle ---------------------------------------------------------------------------
    def create(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        _own(self.root)
        os.chmod(self.root, 0o755)
        make_certificates(self.certs)
        self.socket_dir.mkdir(exist_ok=True)
        _own(self.socket_dir)
        subprocess.run([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8", "--locale=C",
                        "--auth-local=trust", "--auth-host=reject"], check=True, capture_output=True, **_run_as())
        conf = self.data / "postgresql.conf"
        with conf.open("a") as handle:
            handle.write(f"""
port = {self.pg_port}
listen_addresses = '127.0.0.1'
unix_socket_directories = '{self.socket_dir}'
max_connections = {self.max_connections}
password_encryption = 'scram-sha-256'
ssl = on
ssl_cert_file = '{self.certs / "server.crt"}'
ssl_key_file = '{self.certs / "server.key"}'
ssl_min_protocol_version = 'TLSv1.2'
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_error_verbosity = terse
log_min_error_statement = panic
log_connections = off
client_connection_check_interval = {CLIENT_CONNECTION_CHECK_INTERVAL}
""")
        # docs/deployment.md's rules: the application's roles reach the retention database and no other (an
        # officer could otherwise fill "postgres" with temporary tables or template1 with large objects); unlike
        # a bank's, officers may also reach it directly over loopback (a test needs the server's connection limit)
        groups = ",".join(f"+{roles.group(kind)}" for kind in ("officer", "security", "batch"))
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"hostssl {DATABASE} all 127.0.0.1/32 scram-sha-256\n"
            f"hostssl all {groups} 127.0.0.1/32 reject\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            "hostnossl all all 127.0.0.1/32 reject\n")
        self.start_postgres()
        self.psql(f"CREATE DATABASE {DATABASE}", database="postgres")
        self.start_bouncer()

    def start_postgres(self) -> None:
        subprocess.run([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "postgres.log"), "-w",
                        "-t", "60", "start"], check=True, capture_output=True, **_run_as())

    def stop_postgres(self, mode: str = "fast") -> None:
        subprocess.run([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop"],
                       capture_output=True, **_run_as())

    def kill_postgres(self) -> None:
        """kill -9 of the postmaster: a crash, not a shutdown."""
        pid_file = self.data / "postmaster.pid"
        pid = int(pid_file.read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):  # the children notice and go
            if subprocess.run(["pgrep", "-P", str(pid)], capture_output=True).returncode != 0:
                break
            time.sleep(0.05)

    def bouncer_ini(self) -> Path:
        ini = self.root / "pgbouncer.ini"
        userlist = self.root / "userlist.txt"
        userlist.write_text(f'"{SUPERUSER}" ""\n')
        ini.write_text(f"""[databases]
{DATABASE} = host={self.socket_dir} port={self.pg_port} dbname={DATABASE}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {self.bouncer_port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = {userlist}
auth_user = {SUPERUSER}
auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename = $1
pool_mode = transaction
default_pool_size = {self.pool_size}
max_client_conn = 2000
max_db_connections = {max(self.max_connections - 10, 10)}
server_idle_timeout = {self.server_idle_timeout}
server_lifetime = 3600
server_connect_timeout = 5
server_login_retry = 1
query_wait_timeout = 5
query_timeout = {self.query_timeout}
idle_transaction_timeout = {self.idle_transaction_timeout}
client_tls_sslmode = require
client_tls_cert_file = {self.certs / "server.crt"}
client_tls_key_file = {self.certs / "server.key"}
client_tls_ca_file = {self.certs / "ca.crt"}
server_tls_sslmode = disable
ignore_startup_parameters = extra_float_digits
logfile = {self.root / "pgbouncer.log"}
pidfile = {self.root / "pgbouncer.pid"}
admin_users = {SUPERUSER}
stats_users = {SUPERUSER}
""")
        for path in (ini, userlist):
            _own(path)
        return ini

    def start_bouncer(self) -> None:
        pgbouncer = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
        self.bouncer = subprocess.Popen([pgbouncer, str(self.bouncer_ini())], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, **_run_as())
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.bouncer_port), timeout=0.5):
                    return
            except OSError:
                if self.bouncer.poll() is not None:
                    raise RuntimeError("pgbouncer exited: " + (self.root / "pgbouncer.log").read_text()[-2000:])
                time.sleep(0.1)
        raise RuntimeError("pgbouncer did not start listening")

    def reload_bouncer(self, **changes: int) -> None:
        """Write PgBouncer's configuration again with ``changes`` (e.g. ``query_timeout=2``; none: the shipped values)
        and have it re-read it (SIGHUP), waiting until its log says so."""
        for name in ("query_timeout", "idle_transaction_timeout"):
            setattr(self, name, changes.get(name, PGBOUNCER_TIMEOUTS[name]))
        log = self.root / "pgbouncer.log"
        seen = log.read_text().count("SIGHUP") if log.exists() else 0
        self.bouncer_ini()
        self.bouncer.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (log.read_text().count("SIGHUP") if log.exists() else 0) <= seen:
            time.sleep(0.1)
        time.sleep(0.2)

    def close(self) -> None:
        if self.bouncer is not None and self.bouncer.poll() is None:
            self.bouncer.terminate()
            try:
                self.bouncer.wait(10)
            except subprocess.TimeoutExpired:
                self.bouncer.kill()
        self.stop_postgres("immediate")

    # -- helpers -----------------------------------------------------------------------------
    def psql(self, statement: str, database: str = DATABASE) -> str:
        import psycopg2

        conn = psycopg2.connect(host=str(self.socket_dir), port=self.pg_port, user=SUPERUSER, dbname=database)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(statement)
                return str(cur.fetchall()) if cur.description else ""
        finally:
            conn.close()

    def server_connections(self) -> tuple[int, int]:
        """Client backends on the server (not PgBouncer's clients), and how many of them sit idle in a
        transaction: what the capacity plan counts."""
        row = self.psql("SELECT count(*), count(*) FILTER (WHERE state LIKE 'idle in transaction%') "
                        "FROM pg_stat_activity WHERE backend_type = 'client backend'", database="postgres")
        total, idle = (int(x) for x in row.strip("[]()").split(",")[:2])
        return total, idle
