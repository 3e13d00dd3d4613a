"""Database failures in words: which driver errors mean "the database cannot be reached".

Every caller (the command line's exit status 3, the GUI's error dialog) asks ``unreachable(exc)``
instead of reading driver messages itself, so the rule lives here once.
"""

from __future__ import annotations

from retention_desktop.domain.errors import Unavailable

# SQLSTATE class 08 (connection exception) and 57P01–57P05 (admin/crash shutdown, cannot connect now,
# idle-session timeout): the server is gone or going, not the statement wrong.
_UNREACHABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "57P05")
# libpq reports failures to connect without a SQLSTATE; these are its words for them.
_UNREACHABLE_WORDS = ("could not connect", "connection refused", "server closed the connection",
                      "connection to server", "no such file or directory", "timeout expired",
                      "could not translate host name", "the database system is", "terminating connection",
                      "connection already closed", "network is unreachable", "no route to host",
                      "ssl syscall error: eof detected", "server conn crashed")


def unreachable(exc: BaseException) -> Unavailable | None:
    """An ``Unavailable`` (exit 3) if ``exc`` says the database cannot be reached, else None."""
    if isinstance(exc, Unavailable):
        return exc
    import psycopg2
    from sqlalchemy.exc import DBAPIError

    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return _unavailable(original)
    if not isinstance(original, (psycopg2.OperationalError, psycopg2.InterfaceError)):
        return None
    code = getattr(original, "pgcode", None)
    if code:
        return _unavailable(original) if code.startswith(_UNREACHABLE_SQLSTATES) else None
    text = str(original).lower()
    return _unavailable(original) if any(word in text for word in _UNREACHABLE_WORDS) else None


def _unavailable(original: BaseException) -> Unavailable:
    first_line = (str(original).strip().splitlines() or [type(original).__name__])[0]
    return Unavailable("데이터베이스에 연결할 수 없습니다 ({reason}). 서버가 실행 중인지, 네트워크가 연결되어 있는지 "
                       "확인한 뒤 다시 시도하세요.", reason=first_line.strip())
