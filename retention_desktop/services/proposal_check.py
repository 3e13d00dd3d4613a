"""제안서 확인: is the proposal whose number (and check code) was typed or scanned from its QR ours, archived,
intact and still valid? What the officer at the counter, or `retention-admin verify-proposal`, asks of a
paper copy.

"Archived" means the stored PDF is the one whose sha256 was recorded, its PAdES signature verifies
against the bank's trust roots, and it names this proposal and quote input. The figures of the
recommendation are read back from that archived file, so the officer can compare them with the paper.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import select

from retention_desktop.data.database import Database
from retention_desktop.data.models import Branch, Customer, Officer, Proposal
from retention_desktop.domain.masking import mask_name
from retention_desktop.domain.proposal_code import ScannedCode, check_code, read_scanned
from retention_desktop.services import audit


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

    With ``employee_no`` the look-up is recorded in the audit log (it shows a customer's masked name).
    """
    scanned = read_scanned(typed)
    with database.session() as s:
        row = s.execute(select(Proposal, Customer.customer_no, Customer.name, Officer.name, Branch.name)
                        .join(Customer, Customer.id == Proposal.customer_id)
                        .join(Officer, Officer.id == Proposal.officer_id)
                        .join(Branch, Branch.id == Officer.branch_id)
                        .where(Proposal.proposal_no == scanned.proposal_no)).first()
        if employee_no is not None:
            audit.record(s, employee_no, "proposal.check", row[1] if row else None, proposal_no=scanned.proposal_no,
                         found=row is not None)
    if row is None:
        return ProposalCheck(scanned.proposal_no, False, f"제안서 {scanned.proposal_no}은(는) 보관된 기록이 없습니다.",
                             code_given=scanned.check_code is not None)
    proposal, customer_no, customer_name, officer_name, branch_name = row
    return _judge(scanned, proposal, f"{mask_name(customer_name)} ({customer_no})", officer_name, branch_name, today,
                  trust_roots_pem)


def _judge(scanned: ScannedCode, p: Proposal, customer: str, officer: str, branch: str, today: dt.date,
           roots: list[bytes]) -> ProposalCheck:
    expected = check_code(p.proposal_no, p.input_sha256)
    code_matches = scanned.check_code == expected
    archived, why, summary = _archived(p, roots)
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


def _archived(p: Proposal, roots: list[bytes]) -> tuple[bool, str, dict]:
    from retention_desktop.proposal import document, signing  # pyHanko loads with the first check

    if p.pdf is None:
        return False, "제안서 기록은 있으나 보관된 PDF가 없습니다.", {}
    if hashlib.sha256(p.pdf).hexdigest() != p.pdf_sha256:
        return False, "보관된 PDF가 기록된 sha256과 다릅니다 (보관본 훼손).", {}
    verdict = signing.verify(p.pdf, roots)
    if not verdict.ok:
        return False, f"보관된 PDF의 서명을 확인하지 못했습니다: {verdict.reason}", {}
    facts = document.embedded_facts(p.pdf)
    if facts["proposal_no"] != p.proposal_no or facts["input_sha256"] != p.input_sha256:
        return False, "보관된 PDF가 이 제안서 번호·견적 입력과 맞지 않습니다.", {}
    try:
        summary = json.loads(facts["summary"]) if facts["summary"] else {}
    except ValueError:
        summary = {}
    return True, "", summary
