"""제안서 확인: is the proposal whose number (and check code) was typed or scanned from its QR ours, archived,
intact and still valid? What the officer at the counter, or `retention-admin verify-proposal`, asks of a
paper copy.

"Archived" means the stored PDF is the one whose sha256 was recorded (in the archive and in the chained
audit trail when it was archived), its PAdES signature verifies against the bank's trust roots (never a DEMO
certificate in central mode), it names this proposal and quote input, and the printed facts it carries are
those the database reads from the archived quote and recorded in the audit row (``domain/proposal_facts.py``),
which its printed pages show (``proposal/page_check.py``: number, customer, rate, payment, saving, validity).
The figures of the recommendation are read back from that archived file, so the officer can compare them with
the paper.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field

from retention_desktop.data import api_calls
from retention_desktop.data.database import Database
from retention_desktop.domain import proposal_facts
from retention_desktop.domain.proposal_code import ScannedCode, check_code, read_scanned


@dataclass(frozen=True)
class _Archived:
    """What the database answers about an archived proposal (``api.proposal_check``)."""

    proposal_no: str
    input_sha256: str | None  # None when withheld
    pdf_sha256: str | None
    stored_pdf_sha256: str | None  # the stored PDF's sha256, computed by the database
    recorded_pdf_sha256: str | None  # what the chained audit trail recorded when it was archived
    pdf: bytes | None  # None when withheld (another branch's proposal, no check code given)
    pdf_withheld: bool
    valid_until: dt.date
    decision: str
    created_at: dt.datetime
    quote_sha256: str | None = None  # the quote's sha256 the database computed and stored at archiving
    archived_facts: dict | None = None  # the facts the database reads from the archived quote now
    recorded_facts: dict | None = None  # the facts the chained audit row recorded at archiving (None before 0012)


@dataclass(frozen=True)
class ProposalCheck:
    proposal_no: str
    found: bool
    reason: str  # in words, for the officer
    code_given: bool = False
    code_matches: bool = False
    archived: bool = False
    valid_until: dt.date | None = None
    expired: bool = False
    decision: str = ""
    customer: str = ""  # masked name and number
    officer: str = ""
    branch: str = ""
    created_at: dt.datetime | None = None
    summary: dict = field(default_factory=dict)  # the recommendation's figures, from the archived file

    @property
    def ok(self) -> bool:
        """Ours, archived and intact, the code right (when one was given) and not expired."""
        return self.found and self.archived and (self.code_matches or not self.code_given) and not self.expired


def check_proposal(database: Database, typed: str, today: dt.date, trust_roots_pem: list[bytes],
                   employee_no: str | None = None) -> ProposalCheck:
    """Check what was typed or scanned (``read_scanned`` raises ProposalCodeError when no number is in it).

    The look-up is recorded first, by the database, as the session's login role (``api.record_access``,
    ``proposal.check``); ``employee_no`` is no longer needed and kept for callers. The archived PDF (which
    names the customer in full) comes back only for a proposal within the officer's scope or with its check
    code; otherwise the check says how to complete it.
    """
    scanned = read_scanned(typed)
    ticket = api_calls.recorded(database, "proposal.check", scanned.proposal_no)
    with database.session() as s:
        found = api_calls.rows(s, "proposal_check", ticket, scanned.check_code)
    if not found:
        return ProposalCheck(scanned.proposal_no, False, f"제안서 {scanned.proposal_no}은(는) 보관된 기록이 없습니다.",
                             code_given=scanned.check_code is not None)
    row = found[0]
    archived = _Archived(row["proposal_no"], row["input_sha256"], row["pdf_sha256"], row["stored_pdf_sha256"],
                         row["recorded_pdf_sha256"], bytes(row["pdf"]) if row["pdf"] is not None else None,
                         row["pdf_withheld"], row["valid_until"], row["decision"], row["created_at"],
                         row["quote_sha256"], _object(row["archived_facts"]), _object(row["recorded_facts"]))
    return _judge(scanned, archived, row["customer"], row["officer_name"], row["branch_name"], today, trust_roots_pem,
                  allow_demo=database.mode == "embedded")


def _object(text: str | None) -> dict | None:
    value = json.loads(text) if text else None
    return value if isinstance(value, dict) else None


def _judge(scanned: ScannedCode, p: _Archived, customer: str, officer: str, branch: str, today: dt.date,
           roots: list[bytes], allow_demo: bool) -> ProposalCheck:
    # withheld (not in scope, no right code), the database gives no input hash to derive the code from
    code_matches = p.input_sha256 is not None and scanned.check_code == check_code(p.proposal_no, p.input_sha256)
    archived, why, summary = _archived(p, roots, allow_demo, customer)
    expired = today > p.valid_until
    if scanned.check_code is not None and not code_matches:
        reason = "확인코드가 이 제안서의 것과 다릅니다 (번호를 잘못 읽었거나 다른 제안서의 QR입니다)."
    elif not archived:
        reason = why
    elif expired:
        reason = f"보관본은 유효하지만 유효기한({p.valid_until:%Y-%m-%d})이 지났습니다."
    else:
        reason = "보관된 제안서와 일치하고 서명이 유효하며, 유효기한 안입니다." if scanned.check_code else \
            "보관된 제안서가 있고 서명이 유효합니다 (확인코드는 입력되지 않았습니다)."
    return ProposalCheck(p.proposal_no, True, reason, scanned.check_code is not None, code_matches, archived,
                         p.valid_until, expired, p.decision, customer, officer, branch, p.created_at, summary)


def _archived(p: _Archived, roots: list[bytes], allow_demo: bool, customer: str = "") -> tuple[bool, str, dict]:
    """``customer``: the database's "김*늘 (C00000001)" (masked name, customer number) the printed page must show."""
    from retention_desktop.proposal import document, page_check, signing  # pyHanko loads with the first check

    if p.pdf_withheld:
        return False, ("다른 지점의 제안서입니다: QR을 스캔하거나 확인코드를 함께 입력하면 보관본의 서명까지 "
                       "확인합니다."), {}
    if p.pdf is None:
        return False, "제안서 기록은 있으나 보관된 PDF가 없습니다.", {}
    if hashlib.sha256(p.pdf).hexdigest() != p.pdf_sha256 or p.stored_pdf_sha256 != p.pdf_sha256:
        return False, "보관된 PDF가 기록된 sha256과 다릅니다 (보관본 훼손).", {}
    if p.recorded_pdf_sha256 != p.pdf_sha256:
        return False, "보관된 PDF가 보관 당시 접근기록(해시 체인)에 기록된 것과 다릅니다: 보안 담당자에게 알리세요.", {}
    verdict = signing.verify(p.pdf, roots, allow_demo=allow_demo)
    if not verdict.ok:
        return False, f"보관된 PDF의 서명을 확인하지 못했습니다: {verdict.reason}", {}
    facts = document.embedded_facts(p.pdf)
    if facts["proposal_no"] != p.proposal_no or facts["input_sha256"] != p.input_sha256:
        return False, "보관된 PDF가 이 제안서 번호·견적 입력과 맞지 않습니다.", {}
    why = proposal_facts.judge(document.printed_facts(p.pdf), p.archived_facts, p.recorded_facts, p.quote_sha256)
    if why is not None:
        return False, why, {}
    named = re.fullmatch(r"(.+) \((C[0-9]+)\)", customer or "")
    why = page_check.page_mismatch(p.pdf, document.printed_facts(p.pdf) or {}, (p.archived_facts or {}).get("saving"),
                                   named.group(2) if named else None, named.group(1) if named else None)
    if why is not None:
        return False, why, {}
    try:
        summary = json.loads(facts["summary"]) if facts["summary"] else {}
    except ValueError:
        summary = {}
    return True, "", summary
