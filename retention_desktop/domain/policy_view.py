"""A policy version's values as head office reads them: each value in words with its unit (억/만 원, %, 년,
개월), band lists as "… 이하 …" steps, and where each value comes from — the version (and its effective date and
note) that first set it to what it is now. The JSON document stays what is stored and edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from retention_desktop.domain.sentences import joined, say
from retention_desktop.domain.labels import LOAN_KIND, POLICY_PARAMETER
from retention_desktop.domain.money import format_won_korean

AREAS = {"regulated": "규제지역", "capital": "수도권", "non_capital": "비수도권", "other": "그 밖의 지역"}
SECTORS = {"bank": "은행", "non_bank": "2금융권"}
RATE_TYPES = {"fixed": "고정", "variable": "변동", "mixed": "혼합", "periodic": "주기형"}


@dataclass(frozen=True)
class VersionFacts:
    version: str
    effective_from: dt.date
    note: str
    parameters: Mapping[str, Any]


@dataclass(frozen=True)
class ParameterRow:
    """One value of a version: its label (with unit), the value in words, the raw text, where it comes from."""

    path: str
    label: str
    value_text: str
    raw_text: str
    since_version: str
    since_date: dt.date
    source: str


def leaves(params: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Every leaf of a policy document as (dotted path, value), in document order."""
    rows: list[tuple[str, Any]] = []
    for key, value in params.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            rows.extend(leaves(value, path + "."))
        else:
            rows.append((path, value))
    return rows


def label_of(path: str) -> str:
    return POLICY_PARAMETER.get(path, path)


def readable(path: str, value: Any) -> str:
    """``value`` at ``path`` in words: amounts the Korean way, percentages, bands as steps, codes as names."""
    label = label_of(path)
    if value is None:
        return say("없음")
    if isinstance(value, bool):
        return say("예") if value else say("아니오")
    if path.endswith(".areas") and isinstance(value, list):
        return joined(", ", (AREAS.get(v, str(v)) for v in value))
    if path == "stress.rules" and isinstance(value, list):
        return joined(" / ", (_rule(rule) for rule in value))
    if isinstance(value, list) and all(isinstance(v, list) and len(v) == 2 for v in value):
        return _bands(path, value)
    return _number(label, value)


def _number(label: str, value: Any) -> str:
    text = str(value)
    if isinstance(value, int) and "(원)" in label:
        return format_won_korean(value)
    for unit, suffix in (("(%p)", "%p"), ("(%)", "%"), ("(년)", "년"), ("(개월)", "개월"), ("(일)", "일"),
                         ("(영업일)", "영업일")):
        if unit in label:
            return say("{n}" + suffix, n=f"{value:,}" if isinstance(value, int) else text)
    return f"{value:,}" if isinstance(value, int) else text


def _bands(path: str, bands: Sequence[Sequence[Any]]) -> str:
    """[[상한, 값], …, [null, 값]] as "상한 이하 값 · … · 초과 값" (amounts in 억/만 원, weights as given)."""
    weights = ".weights." in path

    def amount(v) -> str:
        if weights:
            return f"{v}%" if v is not None else ""
        return format_won_korean(int(v)) if isinstance(v, int) and abs(v) >= 10_000 else str(v)

    parts = []
    for upto, value in bands:
        shown = str(value) if weights else amount(value)
        if upto is None:
            parts.append(say("그 초과 {value}", value=shown))
        else:
            parts.append(say("{upto} 미만 {value}" if weights else "{upto} 이하 {value}", upto=amount(upto), value=shown))
    return joined(" · ", parts)


def _rule(rule: Mapping[str, Any]) -> str:
    scope = rule.get("scope") or {}
    words = []
    for key, values in scope.items():
        names = {"kind": LOAN_KIND, "region": AREAS, "sector": SECTORS, "rate_type": RATE_TYPES}.get(key, {})
        words.append(joined("·", (names.get(v, str(v)) for v in (values if isinstance(values, list) else [values]))))
    where = joined(" ", words) if words else say("그 밖의 모든 대출")
    weights = {"phase1_2": say("1·2단계 반영비율"), "phase3": say("3단계 반영비율")}.get(rule.get("weights"),
                                                                               rule.get("weights"))
    return say("{where} +{pct}%p ({weights})", where=where, pct=Decimal(str(rule.get("rate_pct", 0))), weights=weights)


def parameter_rows(history: Sequence[VersionFacts], index: int) -> list[ParameterRow]:
    """The values of ``history[index]`` (versions oldest first), each with the earliest version since which it has
    held that value without a break: its version, effective date and note are the value's source."""
    from retention_desktop.domain import exact_json

    version = history[index]
    earlier = [dict(leaves(v.parameters)) for v in history[: index + 1]]
    rows = []
    for path, value in leaves(version.parameters):
        start = index
        while start > 0 and path in earlier[start - 1] and earlier[start - 1][path] == value:
            start -= 1
        origin = history[start]
        raw = value if isinstance(value, str) else exact_json.dumps(value, indent=None)
        rows.append(ParameterRow(path, label_of(path), readable(path, value), raw, origin.version,
                                 origin.effective_from, origin.note))
    return rows
