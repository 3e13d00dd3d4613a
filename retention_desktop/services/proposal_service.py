"""Proposals: build, sign, archive, verify, reopen, and record the customer's decision.

Every proposal is archived once by the database (``api.archive_proposal``) with its quote input
(reproducible), the engine and policy versions and the signed PDF; the database computes the sha256 and
writes it into the chained audit trail, and nothing can change the archive afterwards. Verification checks
the PAdES signature against the bank's trust roots (head office's, stored centrally and pinned in the audit
trail; in demo mode also the DEMO root) and that the file is the one whose hash the trail recorded at signing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from retention_desktop.data import api_calls
from retention_desktop.data.models import Branch
from retention_desktop.domain import exact_json, proposal_facts
from retention_desktop.domain.advice import customer_reasons, headline, recommendation_document, settled_request
from retention_desktop.domain.comparison import ENGINE_VERSION
from retention_desktop.domain.comparison_table import OPTION_ROWS, TERMS_ROWS, display_order, option_title
from retention_desktop.domain.disclosures import DisclosureFacts, disclosures
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.korean_time import KST, format_date_ko, format_datetime_ko
from retention_desktop.domain.labels import (
    LOAN_KIND,
    PROPOSAL_DECISION,
    RATE_TYPE,
    REPAYMENT_METHOD,
    RETENTION_ACTION,
)
from retention_desktop.domain.limits import CONSTRAINT_LABELS
from retention_desktop.domain.money import format_rate_pct, format_won, format_won_korean
from retention_desktop.domain.proposal_code import check_code
from retention_desktop.domain.proposal_form import ProposalForm, ProposalFormError
from retention_desktop.domain.quote import option_document, request_document
from retention_desktop.data.settings import load_settings
from retention_desktop.services.audit_trail import row_hash
from retention_desktop.services.limit_simulation import Toggles, simulate_for
from retention_desktop.services.offer_comparison import OfferComparison, open_comparison
from retention_desktop.services.proposal_form import read_form
from retention_desktop.services.officer_session import OfficerSession
from retention_desktop.services.regulation import load_policies

if TYPE_CHECKING:  # reportlab, pyHanko and cryptography load with the first proposal, not with the screens
    from retention_desktop.proposal import document
    from retention_desktop.proposal.pki import SigningIdentity

VALID_DAYS = 14
DECISIONS = tuple(PROPOSAL_DECISION)
DISCLOSURE_ACTION = {"renegotiation": "renegotiate", "reloan": "reloan", "keep": "keep", "switch": "switch"}


class ProposalError(UserError):
    pass


class ProposalRefused(ProposalError):
    """The offered action may not be proposed (the rule and its figures in the message)."""


@dataclass(frozen=True)
class ArchivedProposal:
    proposal_no: str
    pdf: bytes
    pdf_sha256: str
    decision: str
    action: str | None = None  # what was proposed: renegotiation or reloan
    annual_rate_pct: Decimal | None = None


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    reason: str
    signer: str = ""
    signing_time: dt.datetime | None = None
    level: str = ""
    proposal_no: str = ""
    archived: bool = False  # the file is the archived proposal and the hash the audit trail recorded at signing


def quote_input_document(state: OfferComparison) -> dict:
    """The quote input (the documented contract) this proposal can be reproduced from: the customer's facts, the
    renegotiated and re-loan rates as offered, every switch offer including one the officer typed in."""
    return exact_json.loads(exact_json.dumps(request_document(settled_request(state.advice)), indent=None))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recommended_action(state: OfferComparison, valid_until: dt.date) -> document.Summary:
    """The summary box: the action this proposal offers, what the customer saves by it (fees included), what
    changes, and how it compares with the best eligible offer of another lender (``domain/advice.py``
    ``customer_reasons``: never the bank's own value or the officer's authority). When the engine's advice is
    that switching suits the customer better, the box says so. Nothing proposed ever costs more than keeping the
    loan or breaks a rule (``create_proposal`` refuses it first). When switching is the advice, the box presents the
    offer as the bank's (``recommended=False``), not as the choice recommended to the customer."""
    from retention_desktop.proposal import document

    r = state.recommendation
    offer = state.offer
    chosen = offer.option
    keep = state.comparison.option("keep")
    title = r.headline if r.action == offer.action else headline(offer.action, chosen, keep)
    note = r.headline if r.action == "switch" else ""
    return document.Summary(
        action=DISCLOSURE_ACTION[offer.action], headline=title, option_title=option_title(chosen),
        new_rate_pct=chosen.annual_rate_pct, current_rate_pct=keep.annual_rate_pct,
        monthly_payment=chosen.monthly_payment, current_monthly_payment=keep.monthly_payment,
        total_saving=chosen.net_saving_vs_keep, months=chosen.term_months,
        break_even_month=chosen.break_even_month, valid_until=valid_until,
        reasons=customer_reasons(state.advice, state.policy, offer.action), note=note,
        recommended=r.action != "switch")


@dataclass(frozen=True)
class Letterhead:
    """Who and where, for the document: the bank's form settings and the officer's branch phone."""

    form: ProposalForm
    branch_phone: str | None


def proposal_content(state: OfferComparison, officer: OfficerSession, customer_name: str, proposal_no: str,
                     today: dt.date, created_at: dt.datetime, quote_input: dict, input_sha: str, simulation,
                     demo: bool, letterhead: Letterhead, quote_sha256: str) -> document.ProposalContent:
    """Everything the printed proposal shows, as plain data (document.render lays it out). Valid for
    ``VALID_DAYS`` from ``today`` (the business date); ``created_at`` is the moment it is made. ``quote_sha256``
    is the database's hash of the quote (``api.quote_sha256``), embedded with the printed facts
    (:func:`printed_facts`) that verification compares with the archive."""
    from retention_desktop.proposal import chart, document  # reportlab loads with the first proposal

    loan = state.request.current_loan
    chosen = state.offer.option  # what this proposal offers: first and marked, as the screen shows it
    options = display_order(state.comparison.options, chosen.label)
    valid_until = today + dt.timedelta(days=VALID_DAYS)
    summary = recommended_action(state, valid_until)
    titles = [option_title(o) for o in options]
    rows = [(label, [shown(o) for o in options]) for label, shown in (*TERMS_ROWS, *OPTION_ROWS)]
    # the chart draws keeping first, the option it is about second
    keep = state.comparison.option("keep")
    about = chosen
    ordered = [keep, about] + [o for o in options if o is not about and o is not keep]
    lines = [chart.ChartLine(f"{option_title(o)} {format_rate_pct(o.annual_rate_pct)}",
                             o.cumulative_cost) for o in ordered]
    policy = state.policy
    form = letterhead.form
    facts = DisclosureFacts(
        action=summary.action, rate_pct=chosen.annual_rate_pct,
        rate_type=RATE_TYPE.get(loan.rate_type, loan.rate_type), method=REPAYMENT_METHOD[chosen.method.value],
        term_months=chosen.term_months, monthly_payment=chosen.monthly_payment,
        total_interest=chosen.total_interest, prepayment_fee=chosen.prepayment_fee,
        stamp_duty=chosen.stamp_duty_borrower, fees=chosen.fees, current_prepayment_fee_pct=loan.prepayment_fee_pct,
        withdrawal_days=policy.withdrawal_days, late_add_pct=policy.late_payment_add_pct,
        late_cap_pct=policy.late_payment_cap_pct, prepayment_fee_years=policy.prepayment_fee_max_years,
        bank_name=form.bank_name, branch_name=officer.branch_name, branch_phone=letterhead.branch_phone,
        consumer_protection_name=form.consumer_protection_name,
        consumer_protection_phone=form.consumer_protection_phone, lender=chosen.lender)
    return document.ProposalContent(
        proposal_no=proposal_no, created_at=created_at, bank_name=form.bank_name, branch_name=officer.branch_name,
        branch_phone=letterhead.branch_phone, officer_name=officer.name, officer_title=officer.role_label,
        officer_employee_no=officer.employee_no, customer_name=customer_name, customer_no=state.customer_no,
        summary=summary,
        current_loan=[("대출", f"{LOAN_KIND.get(loan.kind, loan.kind)} {state.loan_no}"),
                      ("잔액", format_won(loan.balance)), ("금리", format_rate_pct(loan.annual_rate_pct)),
                      ("금리 유형", RATE_TYPE.get(loan.rate_type, loan.rate_type)),
                      ("상환 방식", REPAYMENT_METHOD.get(loan.method.value, loan.method.value)),
                      ("남은 기간", f"{loan.remaining_months}개월"), ("실행일", format_date_ko(loan.drawdown_date))],
        option_titles=titles, option_rows=rows, proposed_column=options.index(chosen),
        chart_lines=lines, break_even_month=about.break_even_month,
        reason_codes=[(r.text, f"{r.pct:+.2f}") for r in state.personal.reasons] +
                     [("= 제안 금리", format_rate_pct(chosen.annual_rate_pct))],
        scenarios=[(sc.name, format_won_korean(sc.max_new_loan), CONSTRAINT_LABELS[sc.binding_constraint])
                   for sc in simulation.scenarios],
        suggestion=simulation.suggestion.explanation if simulation.suggestion else "당장 권할 만한 조치가 없습니다.",
        disclosures=disclosures(facts), ad_review_no=form.ad_review_no,
        check_code=check_code(proposal_no, input_sha), engine_version=ENGINE_VERSION,
        policy_version=state.policy.version, input_sha256=input_sha, quote_input=quote_input, demo=demo,
        facts=printed_facts(state, proposal_no, summary, quote_sha256))


def printed_facts(state: OfferComparison, proposal_no: str, summary: document.Summary, quote_sha256: str) -> dict:
    """What the proposal prints, for machines (``domain/proposal_facts.py``): from the summary box the customer
    reads (rate, term, monthly payment, validity), the offered action, the loan and its balance (the amount),
    and the database's hash of the quote."""
    return proposal_facts.facts(proposal_no, state.loan_no, state.offer.action, summary.new_rate_pct, summary.months,
                                state.request.current_loan.balance, summary.monthly_payment, summary.valid_until,
                                quote_sha256)


def letterhead(officer: OfficerSession, today: dt.date) -> Letterhead:
    """Head office's form settings (refused when missing or lapsed) and the branch's phone number."""
    with officer.database.session() as s:
        phone = s.scalar(select(Branch.phone).where(Branch.id == officer.branch_id))
    try:
        form = read_form(officer.database)
        form.require_valid_on(today)
    except ProposalFormError as exc:
        raise ProposalError(str(exc)) from exc
    return Letterhead(form, phone)


def stamp_lines(officer: OfficerSession, head: Letterhead, signed_at: dt.datetime, demo: bool) -> list[str]:
    """What the visible signature says, in Korean: who signed, branch and phone, Korean time."""
    phone = f" · 전화 {head.branch_phone}" if head.branch_phone else ""
    lines = [f"{head.form.bank_name} 전자서명",
             f"서명 {officer.name} {officer.role_label} ({officer.employee_no})",
             f"{officer.branch_name}{phone}",
             f"{format_datetime_ko(signed_at, seconds=True)} (한국 시간)"]
    if demo:
        lines.append("DEMO 인증서 · 효력 없음")
    return lines


def signing_identity(officer: OfficerSession, data_dir: Path) -> SigningIdentity:
    """Demo mode issues the officer a DEMO certificate. Central mode uses the bank-issued PKCS#12 named in
    the settings (``extra.signing_p12``); its passphrase comes from the OS keyring. (The roots that verify it
    are head office's, in the database: :func:`trust_roots`.)"""
    from retention_desktop.proposal.pki import ensure_demo_identity, identity_from_p12  # cryptography: when signing

    if officer.database.mode != "embedded":
        p12 = load_settings(data_dir).extra.get("signing_p12")
        if not p12:
            raise ProposalError("서명용 인증서(PKCS#12)가 설정에 없습니다 (settings.json의 extra.signing_p12).")
        try:
            return identity_from_p12(Path(p12), b"", ask=lambda _account: None)
        except (OSError, PermissionError) as exc:
            raise ProposalError(f"서명용 인증서를 열 수 없습니다: {exc}") from exc
    with officer.database.session() as s:
        code = s.scalar(select(Branch.code).where(Branch.id == officer.branch_id))
    return ensure_demo_identity(data_dir / "pki", code, officer.branch_name, officer.employee_no, officer.name)


def create_proposal(officer: OfficerSession, loan_no: str, today: dt.date, data_dir: Path,
                    state: OfferComparison | None = None, action: str | None = None) -> ArchivedProposal:
    """Sign and archive the proposal of the offered action (the engine's, the officer's, or ``action``).

    Raises ``ProposalRefused`` (with the rule and figures) when that action may not be proposed: not eligible,
    not below the current rate, dearer than keeping the loan, or no action at all."""
    from retention_desktop.proposal import document, signing  # pyHanko and reportlab load with the first proposal

    state = state or open_comparison(officer, loan_no, today)
    if action is not None and action != state.offered_action:
        candidate = state.advice.candidates.get(action)
        if candidate is None or candidate.option is None:
            raise ProposalRefused(f"{RETENTION_ACTION.get(action, action)}을(를) 제안할 수 없습니다: "
                                  f"{'; '.join(candidate.why_not) if candidate else '알 수 없는 조치'}")
        state = replace(state, pinned={action: candidate.option.annual_rate_pct})
    refusal = state.proposal_refusal()
    if refusal is not None:
        raise ProposalRefused(refusal)
    offer = state.offer
    simulation = simulate_for(state, load_policies(officer.database), Toggles())
    quote_input = quote_input_document(state)
    input_sha = sha256_hex(exact_json.dumps(quote_input, indent=None).encode("utf-8"))
    proposal_no = f"P{today:%Y%m%d}-{secrets.token_hex(3).upper()}"
    identity = signing_identity(officer, data_dir)
    head = letterhead(officer, today)
    try:  # the customer present: their name in full, recorded first
        ticket = api_calls.recorded(officer.database, "proposal.prepare", state.loan_no)
        with officer.database.session() as s:
            customer_name = api_calls.one(s, "customer_for_proposal", ticket)["customer_name"]
    except api_calls.Refused as exc:
        raise ProposalError(str(exc)) from exc
    # rendering and signing take a few hundred milliseconds: no transaction stays open meanwhile
    output = exact_json.loads(exact_json.dumps({
        "options": [option_document(o) for o in state.comparison.options],
        "proposed_action": offer.action,
        "personal_rate_pct": offer.option.annual_rate_pct,
        "list_rate_pct": offer.price.list_rate_pct,  # the approval authority is measured from it
        "authority_rate_pct": offer.price.authority_rate_pct,
        "floor_rate_pct": offer.price.floor_rate_pct,
        "recommendation": recommendation_document(state.recommendation)}, indent=None))
    with officer.database.session() as s:  # the quote's hash as the database computes it (the archive's own)
        quote_sha = api_calls.scalar(s, "quote_sha256", quote_input, output)
    now = dt.datetime.now(KST).replace(microsecond=0)
    content = proposal_content(state, officer, customer_name, proposal_no, today, now, quote_input, input_sha,
                               simulation, identity.demo, head, quote_sha)
    rendered = document.render(content)
    # B-T (a trusted timestamp) when the bank names its timestamp server, else B-B
    signed = signing.sign(rendered.pdf, identity, rendered.signature_page, rendered.signature_box,
                          stamp_lines(officer, head, now, identity.demo), now,
                          load_settings(data_dir).extra.get("timestamp_url"))
    try:
        with officer.database.session() as s:
            digest = api_calls.scalar(s, "archive_proposal", proposal_no, state.loan_no, content.summary.valid_until,
                                      state.policy.version, ENGINE_VERSION, quote_input, output, input_sha, signed)
    except api_calls.Refused as exc:
        raise ProposalError(str(exc)) from exc
    if digest != sha256_hex(signed):  # the database hashed what it stored; so did we
        raise ProposalError("보관된 제안서의 해시가 서명한 파일과 다릅니다.")
    return ArchivedProposal(proposal_no, signed, digest, "none", offer.action, offer.option.annual_rate_pct)


def reopen(officer: OfficerSession, proposal_no: str) -> ArchivedProposal:
    try:
        ticket = api_calls.recorded(officer.database, "proposal.reopen", proposal_no)
        with officer.database.session() as s:
            row = api_calls.one(s, "proposal_pdf", ticket)
    except api_calls.Refused as exc:
        raise ProposalError(str(exc)) from exc
    return ArchivedProposal(row["proposal_no"], bytes(row["pdf"]), row["pdf_sha256"], row["decision"])


def record_decision(officer: OfficerSession, proposal_no: str, decision: str) -> str | None:
    """Record the customer's decision. A renegotiation's acceptance files its application, nothing more: within the
    officer's own authority too, it takes effect only once someone else approves it and it is executed (the one who
    files never approves, ``db/sql/50_applications.sql``). Returns the database's sentence saying what happens next
    (None for any other decision)."""
    if decision not in DECISIONS:
        raise ProposalError(f"결정은 {', '.join(DECISIONS)} 중 하나여야 합니다: {decision}")
    try:
        with officer.database.session() as s:
            return api_calls.scalar(s, "record_proposal_decision", proposal_no, decision)
    except api_calls.Refused as exc:
        raise ProposalError(str(exc)) from exc


def trust_roots(database, data_dir: Path) -> list[bytes]:
    """The roots a proposal signature may chain to: head office's, stored centrally (``api.add_trust_root``)
    and pinned by the fingerprint the audit trail recorded — and, if the settings name
    ``extra.trust_root_fingerprints``, only those. In demo mode (embedded database) also the DEMO roots of the
    data folder. Never a folder anyone can drop a file into in central mode, and never a DEMO root there (one
    pinned by mistake is left out: ``pki.is_demo_pem``)."""
    from retention_desktop.proposal.pki import demo_roots, is_demo_pem  # cryptography: when verifying

    with database.session() as s:
        pinned = api_calls.rows(s, "pinned_trust_roots")
    allowed = load_settings(data_dir).extra.get("trust_root_fingerprints")
    roots = [r["pem"].encode("ascii") for r in pinned
             if not allowed or r["fingerprint_sha256"] in {f.lower().replace(":", "") for f in allowed}]
    if database.mode == "embedded":
        return roots + demo_roots(data_dir / "pki")
    return [pem for pem in roots if not is_demo_pem(pem)]


def verify_pdf(database, pdf: bytes, trust_roots_pem: list[bytes]) -> VerificationResult:
    """Signature valid and trusted (never a DEMO certificate in central mode), the file is exactly the archived
    proposal it claims to be, whose sha256 the chained audit trail recorded when it was archived (that row itself
    unedited), and the facts it carries (``proposal-facts.json``) are those the database reads from the archived
    quote and recorded in that audit row (``domain/proposal_facts.py``: a mismatch is named field by field)."""
    from retention_desktop.proposal import document, page_check, signing  # pyHanko, reportlab: with the first one

    check = signing.verify(pdf, trust_roots_pem, allow_demo=database.mode == "embedded")
    facts = document.embedded_facts(pdf) if check.intact else {"proposal_no": ""}
    number = facts.get("proposal_no", "")
    if not check.ok:
        return VerificationResult(False, check.reason, check.signer, check.signing_time, check.level, number)
    digest = sha256_hex(pdf)
    with database.session() as s:
        found = api_calls.rows(s, "proposal_fingerprint", number, digest)  # the hash shows we hold the file

    def refuse(reason: str) -> VerificationResult:
        return VerificationResult(False, reason, check.signer, check.signing_time, check.level, number)

    if not found:
        return refuse(f"보관된 제안서 {number or '(번호 없음)'}이(가) 없습니다.")
    archived = found[0]
    if archived["audit_id"] is None:
        return refuse("보관 당시의 접근기록(해시 체인)이 없습니다: 이 보관본은 기록 없이 만들어졌습니다.")
    recorded = exact_json.loads(archived["audit_details"]).get("pdf_sha256")
    if row_hash(archived["audit_prev_hash"], archived["audit_id"], archived["audit_at"], archived["audit_db_user"],
                archived["audit_employee_no"], archived["audit_client_addr"], archived["audit_workstation"],
                archived["audit_action"], archived["audit_customer_no"],
                archived["audit_details"]) != bytes(archived["audit_row_hash"]):
        return refuse("보관 당시의 접근기록이 변경되었습니다 (해시 불일치): 보안 담당자에게 알리세요.")
    if recorded != digest:
        return refuse("파일이 보관 당시 기록된 제안서와 다릅니다.")
    if archived["pdf_sha256"] != digest or archived["input_sha256"] != facts["input_sha256"]:
        return refuse("파일은 보관 당시 기록된 원본과 일치하지만, 보관된 제안서가 그 뒤에 변경되었습니다: "
                      "보안 담당자에게 알리세요.")
    recorded_facts = exact_json.loads(archived["audit_details"]).get("facts")
    why = proposal_facts.judge(document.printed_facts(pdf), exact_json.loads(archived["archived_facts"]),
                               recorded_facts if isinstance(recorded_facts, dict) else None, archived["quote_sha256"])
    if why is not None:
        return refuse(why)
    # the printed pages show those facts (the signer's own key could have signed a page that says otherwise)
    why = page_check.page_mismatch(pdf, document.printed_facts(pdf) or {},
                                   exact_json.loads(archived["archived_facts"]).get("saving"), archived["audit_customer_no"])
    if why is not None:
        return refuse(why)
    return VerificationResult(True, "서명 유효, 보관본·접근기록·견적·인쇄 면과 일치", check.signer, check.signing_time,
                              check.level, number, archived=True)
