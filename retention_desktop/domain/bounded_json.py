"""JSON documents from outside (quote and simulate input, policy files, settings), read within bounds.

The standard parser trusts its input: 100,000 nested brackets exhaust Python's recursion,
``1e100000000`` costs minutes once anything turns it into an integer, ``1e400`` overflows a float,
and ``NaN`` is not JSON at all. ``loads`` refuses, before or while parsing and in time linear in the
size:

- more than ``max_bytes`` (the default fits any real quote or policy many times over);
- nesting deeper than ``max_depth`` (checked by a scan that never recurses);
- a number longer than ``MAX_NUMBER_CHARS`` characters or beyond ±10^``MAX_EXPONENT``
  (no amount of won or percent comes near), ``NaN`` and ``Infinity``;
- NUL characters, and a key given twice in one object (the standard parser silently keeps the last).

Numbers are exact: fractions come back as ``Decimal`` and whole numbers as ``int``. Every refusal is
an ``InputError`` naming the line and column (or the JSON path).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from retention_desktop.domain.errors import InputError, Where
from retention_desktop.domain.text_input import decode, position, refuse_nul

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 40
MAX_EXPONENT = 18

# The characters that open or close strings and containers; everything else is skipped by the C regex
# engine, so the depth scan costs one Python step per structural character and never backtracks.
_STRUCTURAL = re.compile(r'["\\\[\]{}]')


def loads(data: bytes | str, name: str = "(document)", max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """The document in ``data`` (bytes in any encoding ``text_input.decode`` reads, or text), within bounds."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise InputError("문서가 너무 큽니다 ({size:,}바이트, 최대 {limit:,}바이트).", where=Where(name), size=size,
                         limit=max_bytes)
    text = decode(data, name).text if isinstance(data, bytes) else refuse_nul(data.lstrip("\ufeff"), name)
    _check_depth(text, name, max_depth)
    try:
        document = json.loads(text, parse_float=_number(text, name), parse_int=_whole(text, name),
                              parse_constant=_constant(name), object_pairs_hook=_unique_keys(name))
    except json.JSONDecodeError as exc:
        raise InputError("JSON 문법 오류입니다: {reason}", where=Where(name, exc.lineno, exc.colno),
                         reason=exc.msg) from None
    except RecursionError:  # unreachable after the depth scan; kept so no input can end in a traceback
        raise InputError("JSON이 너무 깊게 중첩되어 있습니다.", where=Where(name)) from None
    _refuse_nul_strings(document, name)
    return document


def _check_depth(text: str, name: str, max_depth: int) -> None:
    depth, in_string, escaped_at = 0, False, -1
    for match in _STRUCTURAL.finditer(text):
        at, mark = match.start(), match.group()
        if in_string:
            if at == escaped_at:
                continue  # the character after a backslash is data (\" or \\)
            if mark == "\\":
                escaped_at = at + 1
            elif mark == '"':
                in_string = False
        elif mark == '"':
            in_string = True
        elif mark in "[{":
            depth += 1
            if depth > max_depth:
                line, column = position(text, at)
                raise InputError("JSON이 너무 깊게 중첩되어 있습니다 (최대 {limit}단계).",
                                 where=Where(name, line, column), limit=max_depth)
        elif mark in "]}":
            depth -= 1


def _out_of_range(literal: str, text: str, name: str) -> InputError:
    line, column = position(text, max(text.find(literal), 0))
    return InputError("숫자 {literal}은(는) 쓸 수 없습니다: 금액과 비율은 10^-{limit}에서 10^{limit} 사이여야 합니다.",
                      where=Where(name, line, column), literal=literal[:24] + ("…" if len(literal) > 24 else ""),
                      limit=MAX_EXPONENT)


def _number(text: str, name: str):
    def parse(literal: str) -> Decimal:
        if len(literal) > MAX_NUMBER_CHARS:
            raise _out_of_range(literal, text, name)
        value = Decimal(literal)
        if value and not -MAX_EXPONENT <= value.adjusted() < MAX_EXPONENT:
            raise _out_of_range(literal, text, name)
        return value
    return parse


def _whole(text: str, name: str):
    def parse(literal: str) -> int:
        if len(literal.lstrip("-")) > MAX_EXPONENT:
            raise _out_of_range(literal, text, name)
        return int(literal)
    return parse


def _constant(name: str):
    def parse(literal: str):
        raise InputError("{literal}은(는) JSON의 숫자가 아닙니다: 실제 값을 쓰세요.", where=Where(name), literal=literal)
    return parse


def _unique_keys(name: str):
    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        document: dict[str, Any] = {}
        for key, value in pairs:
            if key in document:
                raise InputError("같은 항목 \"{key}\"이(가) 한 객체에 두 번 있습니다.", where=Where(name), key=key)
            document[key] = value
        return document
    return build


def json_path(parts) -> str:
    """``('current_loan', 'balance')`` → ``current_loan.balance``; list indexes as ``[i]``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def _refuse_nul_strings(document: Any, name: str) -> None:
    stack: list[tuple[Any, tuple]] = [(document, ())]
    while stack:  # the depth is bounded already; a loop keeps it so if the bound ever moves
        node, path = stack.pop()
        if isinstance(node, str):
            if "\x00" in node:
                raise InputError("NUL 문자(\\u0000)는 쓸 수 없습니다.", where=Where(name, path=json_path(path)))
        elif isinstance(node, dict):
            for key, value in node.items():
                if "\x00" in key:
                    raise InputError("NUL 문자(\\u0000)는 쓸 수 없습니다.", where=Where(name, path=json_path(path)))
                stack.append((value, path + (key,)))
        elif isinstance(node, list):
            stack.extend((value, path + (i,)) for i, value in enumerate(node))
