"""JSON text with exact numbers: ``Decimal`` written as its own numeral, never through a binary float.

The standard library only writes floats; parsing with ``parse_float=Decimal`` and writing with
``dumps`` keeps rates like 4.1 exactly 4.1 on both ways.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


def loads(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


def dumps(value: Any, indent: int | None = 2, allow_float: bool = False) -> str:
    """JSON text; ``allow_float`` admits binary floats (model coefficients), written by their repr."""
    return "".join(_encode(value, indent, 0, allow_float))


def _encode(value: Any, indent: int | None, level: int, allow_float: bool = False):
    if isinstance(value, bool) or value is None or isinstance(value, (str, int)):
        yield json.dumps(value, ensure_ascii=False)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        yield format(value, "f")
    elif isinstance(value, float):
        if not allow_float:
            raise TypeError("binary floats are not written: use Decimal")
        yield json.dumps(value)
    elif isinstance(value, dict):
        if not value:
            yield "{}"
            return
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + _newline(indent, level + 1) + json.dumps(str(key), ensure_ascii=False) + ": "
            yield from _encode(item, indent, level + 1, allow_float)
        yield _newline(indent, level) + "}"
    elif isinstance(value, (list, tuple)):
        if not value:
            yield "[]"
            return
        yield "["
        for i, item in enumerate(value):
            yield ("," if i else "") + _newline(indent, level + 1)
            yield from _encode(item, indent, level + 1, allow_float)
        yield _newline(indent, level) + "]"
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _newline(indent: int | None, level: int) -> str:
    return "" if indent is None else "\n" + " " * (indent * level)
