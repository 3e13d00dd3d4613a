"""Input files read by the command line and the screens: only regular files, and never more than a limit.

``/dev/zero``, a FIFO or a terminal reports size 0 and never ends; a huge file would be read whole into
memory. Both are refused before anything is read, as bad input (``InputError``, exit 2), in words.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from retention_desktop.domain.errors import InputError, Where

PDF_MAX_BYTES = 20 * 1024 * 1024  # a signed proposal (the database refuses more: db/sql/40_proposals.sql)
PEM_MAX_BYTES = 64 * 1024  # a root certificate
ANCHORS_MAX_BYTES = 64 * 1024 * 1024  # a chain-head anchor file: one short JSON line a day for centuries


def _refuse_unless_regular(info: os.stat_result, limit: int, name: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputError("일반 파일이 아닙니다 (장치·파이프·폴더는 읽지 않습니다).", where=Where(name))
    if info.st_size > limit:
        raise InputError("파일이 너무 큽니다 ({size:,}바이트, 최대 {limit:,}바이트).", where=Where(name),
                         size=info.st_size, limit=limit)


def check_regular(path: Path, limit: int) -> None:
    """Refuse (``InputError``, exit 2) a path that is not a regular file or is larger than ``limit`` bytes, without
    reading it (a command that connects first says this before the server is asked)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError("파일을 읽을 수 없습니다: {reason}", where=Where(str(path)), reason=exc.strerror or str(exc)) from None
    _refuse_unless_regular(info, limit, str(path))


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises ``InputError`` (exit 2) if the path is not a regular file (a device, FIFO or folder), is larger than
    ``limit`` bytes (checked before reading, and again while reading, should it grow), or cannot be read. Opened
    without blocking, so a named pipe with no writer is refused at once instead of hanging the command."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            _refuse_unless_regular(os.fstat(handle.fileno()), limit, name)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError("파일을 읽을 수 없습니다: {reason}", where=Where(name), reason=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InputError("파일이 너무 큽니다 (최대 {limit:,}바이트).", where=Where(name), limit=limit)
    return data


def check_output_path(path: Path) -> None:
    """Refuse (``InputError``, exit 2) an output file that cannot be written: its folder missing, not a folder or
    not writable, or the path itself a folder. Checked before the work whose result it keeps (a proposal is
    archived before its file is written)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InputError("폴더가 아니라 파일 이름을 주세요.", where=Where(str(path)))
    if not folder.is_dir():
        raise InputError("결과를 쓸 폴더가 없습니다: {folder}", where=Where(str(path)), folder=str(folder))
    if not os.access(folder, os.W_OK):
        raise InputError("결과를 쓸 폴더에 쓸 권한이 없습니다: {folder}", where=Where(str(path)), folder=str(folder))
