"""Database failures in words: which driver errors mean "the database cannot be reached", and what to say.

Every caller (the command line's exit status, the GUI's error dialog and reconnect banner, the login
screen) asks ``unreachable(exc)`` instead of reading driver messages itself, so the rule lives here once.
It answers ``Unavailable`` (exit 3: the server is down, refused, full, too slow, the line dropped, TLS
failed) or ``CredentialsRefused`` (exit 2: a wrong or expired password, a disabled login), each with a
sentence an officer or an administrator can act on, never libpq's or PgBouncer's raw text
(``FATAL: SASL authentication failed``, ``remaining connection slots are reserved…``).
"""

from __future__ import annotations

from retention_desktop.domain.errors import Unavailable, UserError

PREFIX = "데이터베이스에 연결할 수 없습니다: "
AFTER = " 서버가 돌아오면 화면의 입력은 그대로이니 다시 시도하세요."


class CredentialsRefused(UserError):
    """The server (or PgBouncer) refused the login itself: wrong or expired password, login disabled (exit 2)."""


# SQLSTATE class 08 (connection exception), 57P01–57P05 (admin/crash shutdown, cannot connect now, idle-session
# timeout), 53300 (too many connections): the server is gone, going or full, not the statement wrong.
_UNREACHABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "57P05", "53300")

# (words libpq, the server or PgBouncer use, lower-case) → (kind, sentence). First match wins.
_KINDS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("password authentication failed", "sasl authentication failed", "no password supplied",
      "password is expired", "is not permitted to log in", "authentication failed"),
     "credentials", "직원번호(데이터베이스 계정) 또는 비밀번호가 올바르지 않거나, 비밀번호가 만료되었거나, 계정이 사용 중지되었습니다. "
                    "비밀번호를 확인하고, 만료·중지되었으면 DBA에게 요청하세요."),
    (("remaining connection slots are reserved", "too many clients", "too many connections",
      "no more connections allowed", "connection limit"),
     "full", PREFIX + "서버의 연결 수가 가득 찼습니다. 잠시 뒤 다시 시도하고, 계속되면 IT 담당자에게 알리세요 (연결 한도)."),
    (("certificate verify failed", "root certificate file", "server does not support ssl",
      "ssl error", "certificate", "sslmode", "tls", "ssl required", "no encryption", "pg_hba.conf rejects",
      "no pg_hba.conf entry"),
     "tls", PREFIX + "보안 연결(TLS)을 확인하지 못했습니다. 설정의 sslmode와 은행 CA 인증서 파일이 서버와 맞는지 IT 담당자에게 "
                     "확인하세요."),
    (("could not translate host name", "name or service not known", "temporary failure in name resolution"),
     "dns", PREFIX + "서버 주소를 찾지 못했습니다. 설정의 서버 주소와 네트워크를 확인하세요."),
    (("connection refused", "no such file or directory"),
     "refused", PREFIX + "서버가 연결을 거부했습니다 (꺼져 있거나 다시 시작하는 중, 또는 주소·포트가 틀림). 잠시 뒤 다시 "
                         "시도하세요." + AFTER),
    (("timeout expired", "timed out", "query_wait_timeout", "connection timed out", "no route to host", "network is unreachable"),
     "timeout", PREFIX + "서버가 제한 시간 안에 응답하지 않았습니다. 네트워크 연결을 확인하세요." + AFTER),
    (("the database system is starting up", "the database system is shutting down",
      "the database system is in recovery mode", "cannot connect now", "pgbouncer cannot connect to server",
      "server login has been failing", "database system is"),
     "restarting", PREFIX + "서버가 다시 시작하는 중입니다. 잠시 뒤 다시 시도하세요." + AFTER),
    (("server closed the connection", "terminating connection", "connection already closed",
      "ssl syscall error", "server conn crashed", "could not receive data",
      "could not send data", "no connection to the server", "lost synchronization"),
     "dropped", PREFIX + "서버와의 연결이 끊겼습니다." + AFTER),
    (("could not connect", "connection to server"),
     "refused", PREFIX + "서버에 연결하지 못했습니다 (꺼져 있거나 주소·포트가 틀림). 잠시 뒤 다시 시도하세요." + AFTER),
)
_STATEMENT_TIMEOUT = "서버가 제한 시간 안에 작업을 마치지 못해 멈췄습니다 (statement_timeout). 바뀐 것은 없습니다; 잠시 뒤 " \
                     "다시 시도하세요."


def _original(exc: BaseException) -> BaseException:
    from sqlalchemy.exc import DBAPIError

    return exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc


def kind_of(exc: BaseException) -> str | None:
    """``credentials``, ``full``, ``tls``, ``dns``, ``refused``, ``timeout``, ``restarting``, ``dropped``,
    ``statement_timeout``, or None when ``exc`` is not about reaching the database."""
    import psycopg2
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(exc, PoolTimeout):
        return "timeout"
    original = _original(exc)
    if not isinstance(original, (psycopg2.OperationalError, psycopg2.InterfaceError)):
        return None
    code = getattr(original, "pgcode", None)
    if code == "57014":  # query_canceled: statement_timeout (or a cancel)
        return "statement_timeout"
    kind = kind_of_text(str(original))
    if kind is not None:
        return kind
    if (isinstance(exc, DBAPIError) and exc.connection_invalidated) or (code and code.startswith(_UNREACHABLE_SQLSTATES)):
        return "dropped"
    return None


def kind_of_text(message: str) -> str | None:
    """The kind of a connection failure from its words alone (libpq reports failures to connect without a
    SQLSTATE); for callers that already know ``message`` is about connecting."""
    text = message.lower()
    for words, kind, _sentence in _KINDS:
        if any(word in text for word in words):
            return kind
    return None


def worded(kind: str) -> UserError:
    """The sentence of ``kind``: ``CredentialsRefused`` for credentials, else ``Unavailable``."""
    if kind == "statement_timeout":
        return Unavailable(_STATEMENT_TIMEOUT)
    sentence = next(s for _w, k, s in _KINDS if k == kind)
    return CredentialsRefused(sentence) if kind == "credentials" else Unavailable(sentence)


def dropped(exc: BaseException) -> bool:
    """Did the connection go away under a statement (so a read may be retried once on a fresh one)?"""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return kind_of(exc) in ("dropped", "restarting")


def unreachable(exc: BaseException) -> UserError | None:
    """The failure in words if ``exc`` is about reaching the database: ``Unavailable`` (exit 3) or
    ``CredentialsRefused`` (exit 2); None for anything else (a refusal by a rule, a bug)."""
    if isinstance(exc, (Unavailable, CredentialsRefused)):
        return exc
    kind = kind_of(exc)
    return None if kind is None else worded(kind)
