"""How a workstation connects: the one tuned connection policy (pool, timeouts, keepalives, retries).

A branch workstation is one officer doing one thing at a time, a few background tasks at most, across a
WAN that drops connections; thousands of them share one primary behind PgBouncer (docs/deployment.md,
"Capacity"). So:

* a **small pool** (2 + 2 overflow: the GUI's few worker threads), connections recycled every 30 min and
  pinged at checkout (a connection the server or PgBouncer closed is replaced, not handed out);
* a **connect timeout** (5 s) and **TCP keepalives** (idle 30 s, every 5 s, 3 probes, and
  ``tcp_user_timeout`` 15 s): a dead server or a cut line is noticed in seconds, never a frozen call;
* **statement_timeout** 30 s, **idle_in_transaction_session_timeout** 15 s and **lock_timeout** 10 s for
  the session (``SET`` at connect) and, because a ``SET`` does not survive PgBouncer's transaction pooling,
  the same values on every officer's login role (``enrolment.ROLE_SETTINGS``, ``db provision``);
* **reads retried** after a dropped connection (``Database.read``): at once on a fresh connection, then, while
  the server is still restarting or refusing, after ``READ_RETRY_DELAYS`` (3 s in all: a 0.4 s restart under
  100 officers failed six reads retried only once); writes never are (a dropped COMMIT may have happened),
  they fail with a message and the officer decides.

The batch and the DBA's commands (score-portfolio, train-models, db upgrade) connect with ``ADMIN``: the
same connect timeout and keepalives, no statement or lock timeout (a migration or a scoring run is long). They
connect to PostgreSQL directly, not through PgBouncer, so their session ``SET`` holds; they set both to 0
explicitly because ``db provision`` gives the database the officers' values as defaults
(``provisioning.DATABASE_SETTINGS``: what an officer's session falls back to after ``ALTER ROLE … RESET ALL``).

None of this binds an officer who wants to lift it: a session may ``SET statement_timeout = 0`` and a role may
reset its own defaults. The limits an officer cannot lift are outside the session: PgBouncer's
``query_timeout`` and ``idle_transaction_timeout`` (docs/deployment.md, ``PGBOUNCER_TIMEOUTS``).
"""

from __future__ import annotations

from dataclasses import dataclass


#: Seconds to wait before each retry of a read whose connection dropped: the first at once (a connection the
#: server or PgBouncer closed), the next while a restarting server comes back (PostgreSQL's fast restart takes
#: 0.2–0.5 s, a failover longer: then the officer is told in words). Their sum (3 s) stays under the connect
#: timeout, so no read freezes longer than a connection attempt could.
READ_RETRY_DELAYS = (0.0, 0.5, 1.0, 1.5)


@dataclass(frozen=True)
class ConnectionPolicy:
    """Pool sizes (connections), timeouts (seconds unless named ``_ms``) and session settings."""

    pool_size: int = 2
    max_overflow: int = 2
    pool_timeout: float = 10.0
    pool_recycle: int = 1800
    connect_timeout: int = 5
    keepalives_idle: int = 30
    keepalives_interval: int = 5
    keepalives_count: int = 3
    tcp_user_timeout_ms: int = 15_000
    statement_timeout: str | None = "30s"
    idle_in_transaction_session_timeout: str | None = "15s"
    lock_timeout: str | None = "10s"

    def connect_args(self) -> dict[str, int]:
        """libpq connection parameters (psycopg2 ``connect`` keywords)."""
        return {"connect_timeout": self.connect_timeout, "keepalives": 1, "keepalives_idle": self.keepalives_idle,
                "keepalives_interval": self.keepalives_interval, "keepalives_count": self.keepalives_count,
                "tcp_user_timeout": self.tcp_user_timeout_ms}

    def engine_kwargs(self) -> dict:
        """``create_engine`` keywords for the pool."""
        return {"pool_size": self.pool_size, "max_overflow": self.max_overflow, "pool_timeout": self.pool_timeout,
                "pool_recycle": self.pool_recycle, "connect_args": self.connect_args()}

    def session_settings(self) -> dict[str, str]:
        """The ``SET`` statements each new connection runs (None: leave the server's default)."""
        values = {"statement_timeout": self.statement_timeout,
                  "idle_in_transaction_session_timeout": self.idle_in_transaction_session_timeout,
                  "lock_timeout": self.lock_timeout}
        return {name: value for name, value in values.items() if value is not None}


#: An officer's workstation (the desktop, and the CLI commands an officer runs).
WORKSTATION = ConnectionPolicy()
#: The batch and the DBA: long statements allowed (the database's defaults, which are the officers', lifted
#: explicitly), a dead server still noticed in seconds; idle in a transaction: the database's 5 min.
ADMIN = ConnectionPolicy(pool_size=1, max_overflow=2, statement_timeout="0",
                         idle_in_transaction_session_timeout=None, lock_timeout="0")

#: PgBouncer's own limits in front of the officers (seconds; docs/deployment.md, tests/central_cluster.py): the
#: ones an officer cannot lift from a session. A query still running after ``query_timeout`` has its client and
#: server connection closed — a little longer than the workstation's ``statement_timeout`` (30 s), so the server's
#: own timeout, with its clear message, comes first for every officer who has not lifted it; a client idle inside a
#: transaction for ``idle_transaction_timeout`` is disconnected — a little longer than the role's
#: ``idle_in_transaction_session_timeout`` (15 s).
PGBOUNCER_TIMEOUTS = {"query_timeout": 40, "idle_transaction_timeout": 20}
