"""Text files as people save them: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
"Unicode text"), or CP949/EUC-KR as Korean Windows and Excel save a CSV by default.

``decode(data, name)`` returns the text or raises ``InputError`` saying where the first byte that
no known encoding reads sits (line and column), and what to do. NUL characters are refused here:
no text field of the bank's data may hold one, and PostgreSQL cannot store them.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from retention_desktop.domain.errors import InputError, Where

# Byte-order marks, longest first (UTF-32's LE mark starts with UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Tried in order when there is no mark. CP949 (Microsoft's Unified Hangul Code) is a superset of EUC-KR.
FALLBACK_ENCODINGS = ("utf-8", "cp949")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of character ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def decode(data: bytes, name: str) -> DecodedText:
    """The text of a file in the first encoding that reads all of it (see the module docstring)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise _undecodable(data[len(bom):], exc, name, encoding) from None
            return DecodedText(refuse_nul(text, name), encoding)
    first_error: UnicodeDecodeError | None = None
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        return DecodedText(refuse_nul(text, name), encoding)
    raise _undecodable(data, first_error, name, "utf-8")


def refuse_nul(text: str, name: str) -> str:
    at = text.find("\x00")
    if at >= 0:
        line, column = position(text, at)
        raise InputError("NUL 문자(0x00)가 들어 있습니다. 텍스트 파일이 맞는지 확인하세요.",
                         where=Where(name, line, column))
    return text


def _undecodable(data: bytes, exc: UnicodeDecodeError, name: str, encoding: str) -> InputError:
    readable = data[:exc.start].decode(encoding, errors="replace")
    line, column = position(readable, len(readable))
    return InputError("글자를 읽을 수 없습니다 (0x{byte:02X}). 파일을 UTF-8 또는 CP949(한글 Excel의 CSV)로 "
                      "저장하세요.", where=Where(name, line, column), byte=data[exc.start])
