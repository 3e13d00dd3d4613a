"""Documents checked against their published JSON Schema (draft 2020-12), with ``jsonschema``.

The schema is the contract (docs/quote.schema.json for quotes and simulations, the settings
schema in ``data.settings``): checking against the schema itself, not a hand-written copy, keeps
the documentation and the check one thing. Each violation becomes an ``InputError`` naming the
JSON path (``current_loan.balance``) and saying, in Korean with an English catalogue entry, what the
value must be. Numbers read by ``bounded_json`` stay exact: a ``Decimal`` with no fraction counts as
an integer, and ``multipleOf`` (at most four decimals) is checked in exact arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.validators import extend

from retention_desktop.domain.bounded_json import json_path
from retention_desktop.domain.errors import InputError, Where

TYPE_NAMES = {"integer": "정수", "number": "숫자", "string": "문자열", "object": "객체({…})", "array": "목록([…])",
              "boolean": "true 또는 false", "null": "null"}


def _is_integer(_checker, instance: Any) -> bool:
    if isinstance(instance, bool):
        return False
    return isinstance(instance, int) or (isinstance(instance, Decimal) and instance.is_finite()
                                         and instance == instance.to_integral_value())


_ExactValidator = extend(Draft202012Validator,
                         type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer))


def validator(schema: Mapping[str, Any], definition: str | None = None):
    """A reusable validator of ``schema`` (or of its ``$defs/<definition>``); build once, check many."""
    root = dict(schema)
    if definition is not None:
        root.pop("oneOf", None)
        root.pop("anyOf", None)
        root["$ref"] = f"#/$defs/{definition}"
    _ExactValidator.check_schema(root)
    return _ExactValidator(root, format_checker=FormatChecker(formats=("date",)))


def check(document: Any, checker, name: str | None = None) -> None:
    """Raise ``InputError`` for the most telling violation of the schema, naming its JSON path."""
    error = best_match(checker.iter_errors(document))
    if error is not None:
        raise as_input_error(error, name)


def as_input_error(error: ValidationError, name: str | None = None) -> InputError:
    path = list(error.absolute_path)
    keyword, expected = error.validator, error.validator_value
    params: dict[str, Any] = {}
    if keyword == "required":
        missing = [key for key in expected if isinstance(error.instance, dict) and key not in error.instance]
        path.append(missing[0] if missing else "?")
        text = "값이 없습니다."
    elif keyword == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {}))) if isinstance(
            error.instance, dict) else []
        text, params = "알 수 없는 항목입니다: {names}. 허용되는 항목: {allowed}.", {
            "names": ", ".join(extra), "allowed": ", ".join(error.schema.get("properties", {}))}
    elif keyword == "type":
        wanted = [expected] if isinstance(expected, str) else [t for t in expected if t != "null"]
        text = " 또는 ".join(TYPE_NAMES.get(t, t) for t in wanted) + " 값이어야 합니다."  # one catalogue entry each
    elif keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        text = {"minimum": "{limit} 이상이어야 합니다.", "exclusiveMinimum": "{limit}보다 커야 합니다.",
                "maximum": "{limit} 이하여야 합니다.", "exclusiveMaximum": "{limit}보다 작아야 합니다."}[keyword]
        params = {"limit": _number(expected)}
    elif keyword == "enum":
        text, params = "{options} 중 하나여야 합니다 (받은 값: {value}).", {
            "options": ", ".join(map(str, expected)), "value": _short(error.instance)}
    elif keyword == "const":
        text, params = "{value}이어야 합니다.", {"value": _short(expected)}
    elif keyword == "multipleOf":
        text, params = "{step} 단위여야 합니다 (소수 자릿수가 너무 많습니다).", {"step": _number(expected)}
    elif keyword == "format" or (keyword == "pattern" and "\\d{2}-\\d{2}" in str(expected)):
        text = "YYYY-MM-DD 형식의 날짜(1900–2099년)여야 합니다."
    elif keyword in ("minLength", "pattern") and (keyword == "pattern" or expected == 1):
        text = "비어 있으면 안 됩니다." if keyword == "minLength" or expected == "\\S" else "형식이 맞지 않습니다."
    elif keyword == "minLength":
        text, params = "{limit}자 이상이어야 합니다.", {"limit": expected}
    elif keyword == "maxLength":
        text, params = "{limit}자 이하여야 합니다.", {"limit": expected}
    elif keyword == "minItems":
        text, params = "항목이 {limit}개 이상 있어야 합니다.", {"limit": expected}
    elif keyword == "maxItems":
        text, params = "항목은 {limit}개까지입니다.", {"limit": expected}
    else:  # a keyword this table does not phrase yet: jsonschema's own words, still with the path
        text, params = "{detail}", {"detail": error.message[:200]}
    place = Where(name, path=json_path(path) if path else None) if name else json_path(path)
    return InputError(text, where=place, **params)


def _number(value: Any) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:40] + "…"

