"""A proposal's printed facts, machine-readable: what ties the signed PDF to its archived quote.

The workstation embeds them in the PDF before signing (``proposal-facts.json``, ``proposal/document.py``); the
database derives the same facts from the archived quote (``data.proposal_facts`` in ``db/sql/40_proposals.sql``)
and records them in the chained audit row ``proposal.create``. ``verify-proposal`` and 제안서 확인 compare the
three (:func:`judge`): a file signed with an officer's own certificate and archived with another quote, or a
genuine proposal re-signed with changed figures, fails in words (docs/security.md, finding 3).

Units: rates in percent a year (Decimal, compared by value: 4.1 = 4.10), amounts in whole won, terms in months,
dates ISO (YYYY-MM-DD), hashes lower-case hex.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

ATTACHMENT = "proposal-facts.json"

# field → what the officer reads when it differs (Korean; English in the i18n catalogue by the same words)
FIELDS: dict[str, str] = {
    "proposal_no": "제안서 번호",
    "loan_no": "대출번호",
    "action": "제안 조치",
    "annual_rate_pct": "제안 금리",
    "term_months": "기간",
    "amount": "금액",
    "monthly_payment": "월 상환액",
    "valid_until": "유효기한",
    "quote_sha256": "견적 해시",
}
_RATES = {"annual_rate_pct"}
_INTEGERS = {"term_months", "amount", "monthly_payment"}


def facts(proposal_no: str, loan_no: str, action: str, annual_rate_pct: Decimal, term_months: int, amount: int,
          monthly_payment: int, valid_until: dt.date, quote_sha256: str) -> dict[str, Any]:
    """The facts as embedded in the PDF (JSON-ready: the rate as text, exact)."""
    return {"proposal_no": proposal_no, "loan_no": loan_no, "action": action,
            "annual_rate_pct": format(Decimal(annual_rate_pct).normalize(), "f"), "term_months": int(term_months),
            "amount": int(amount), "monthly_payment": int(monthly_payment), "valid_until": valid_until.isoformat(),
            "quote_sha256": quote_sha256}


_MAX_TEXT = 80  # the longest fact is a sha256 (64 hex digits); anything longer is not a fact of ours
_MAX_MAGNITUDE = 18  # won and months fit a bigint (18 digits); a rate has four decimals


def _number(value: Any) -> Decimal | None:
    """A finite number of at most 18 digits either side of the point, or None. Checked before any arithmetic:
    a file's facts are hostile input ("1E+1000000" made int() run for minutes; Infinity raised OverflowError)."""
    if isinstance(value, bool):
        return None
    text = str(value)
    if len(text) > _MAX_TEXT:
        return None
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or number and abs(number.adjusted()) > _MAX_MAGNITUDE:
        return None
    return number


def _value(key: str, value: Any) -> Any:
    """A comparable value: Decimal for rates, int for won and months, text otherwise (None when unreadable)."""
    if value is None:
        return None
    if key in _RATES:
        return _number(value)
    if key in _INTEGERS:
        number = _number(value)
        return int(number) if number is not None and number == number.to_integral_value() else None
    text = str(value)
    return text if len(text) <= _MAX_TEXT else None


def _shown(value: Any) -> str:
    text = "—" if value is None else str(value)
    return text if len(text) <= 24 else text[:20] + "…"


def differences(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """The fields on which ``first`` and ``second`` differ (a missing or unreadable field differs), as
    "제안 금리 (3.9 · 4.1)": the field's name, then both values (a long one cut short)."""
    out = []
    for key, label in FIELDS.items():
        a, b = _value(key, first.get(key)), _value(key, second.get(key))
        if a is None or b is None or a != b:
            out.append(f"{label} ({_shown(first.get(key))} · {_shown(second.get(key))})")
    return out


def judge(printed: dict[str, Any] | None, archived: dict[str, Any] | None, recorded: dict[str, Any] | None,
          stored_quote_sha256: str | None) -> str | None:
    """Why the file's facts do not tie it to its archived quote, in words; None when they do.

    ``printed``: the facts embedded in the signed PDF (None: none embedded); ``archived``: the facts the database
    derives from the archived quote now; ``recorded``: those the chained audit row recorded at archiving (None: a
    proposal archived before revision 0012); ``stored_quote_sha256``: the quote hash the archive stored."""
    if printed is None:
        return ("제안서 파일에 기계 판독용 제안 내용(proposal-facts.json)이 없어 보관된 견적과 대조할 수 없습니다: "
                "은행 프로그램으로 만든 제안서가 아닙니다.")
    if archived is None or recorded is None:
        return "보관 당시 제안 내용이 기록되지 않은 제안서입니다 (이전 버전): 견적과의 일치를 확인할 수 없습니다."
    mismatch = differences(printed, archived)
    if mismatch:
        return "제안서에 적힌 내용이 보관된 견적과 다릅니다: " + ", ".join(mismatch)
    if differences(archived, recorded) or stored_quote_sha256 != archived.get("quote_sha256"):
        return "보관된 견적이 보관 당시 접근기록(해시 체인)에 기록된 것과 다릅니다: 보안 담당자에게 알리세요."
    return None
