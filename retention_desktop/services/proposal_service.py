"""Proposals: build, sign, archive, verify, reopen, and record the customer's decision.

Every proposal is stored with its quote input (reproducible), the engine and policy versions, the
signed PDF and its sha256, and an audit event. Verification checks the PAdES signature against the
bank's trust roots and that the file is the archived one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update

from retention_desktop.data.models import Branch, Customer, Loan, Proposal
from retention_desktop.domain import exact_json
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
from retention_desktop.services import audit
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
    archived: bool = False


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
    loan or breaks a rule (``create_proposal`` refuses it first)."""
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
        reasons=customer_reasons(state.advice, state.policy, offer.action), note=note)


@dataclass(frozen=True)
class Letterhead:
    """Who and where, for the document: the bank's form settings and the officer's branch phone."""

    form: ProposalForm
    branch_phone: str | None


def proposal_content(state: OfferComparison, officer: OfficerSession, customer_name: str, proposal_no: str,
                     today: dt.date, created_at: dt.datetime, quote_input: dict, input_sha: str, simulation,
                     demo: bool, letterhead: Letterhead) -> document.ProposalContent:
    """Everything the printed proposal shows, as plain data (document.render lays it out). Valid for
    ``VALID_DAYS`` from ``today`` (the business date); ``created_at`` is the moment it is made."""
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
        policy_version=state.policy.version, input_sha256=input_sha, quote_input=quote_input, demo=demo)


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
    the settings (``extra.signing_p12``, with ``extra.signing_trust_root`` the bank's root certificate);
    its passphrase comes from the OS keyring."""
    from retention_desktop.proposal.pki import ensure_demo_identity, identity_from_p12  # cryptography: when signing

    if officer.database.mode != "embedded":
        extra = load_settings(data_dir).extra
        p12, root = extra.get("signing_p12"), extra.get("signing_trust_root")
        if not p12 or not root:
            raise ProposalError("서명용 인증서(PKCS#12)와 은행 루트 인증서가 설정에 없습니다 "
                                "(settings.json의 extra.signing_p12, extra.signing_trust_root).")
        try:
            return identity_from_p12(Path(p12), Path(root).read_bytes(), ask=lambda _account: None)
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
    with officer.database.session() as s:
        customer_id, customer_name = s.execute(select(Customer.id, Customer.name)
                                               .where(Customer.customer_no == state.customer_no)).one()
        loan_id = s.scalar(select(Loan.id).where(Loan.loan_no == state.loan_no))
    # rendering and signing take a few hundred milliseconds: no transaction stays open meanwhile
    now = dt.datetime.now(KST).replace(microsecond=0)
    content = proposal_content(state, officer, customer_name, proposal_no, today, now, quote_input, input_sha,
                               simulation, identity.demo, head)
    rendered = document.render(content)
    # B-T (a trusted timestamp) when the bank names its timestamp server, else B-B
    signed = signing.sign(rendered.pdf, identity, rendered.signature_page, rendered.signature_box,
                          stamp_lines(officer, head, now, identity.demo), now,
                          load_settings(data_dir).extra.get("timestamp_url"))
    digest = sha256_hex(signed)
    output = {"options": [option_document(o) for o in state.comparison.options],
              "proposed_action": offer.action,
              "personal_rate_pct": offer.option.annual_rate_pct,
              "authority_rate_pct": offer.price.authority_rate_pct,
              "floor_rate_pct": offer.price.floor_rate_pct,
              "recommendation": recommendation_document(state.recommendation)}
    with officer.database.session() as s:
        s.add(Proposal(
            proposal_no=proposal_no, customer_id=customer_id, loan_id=loan_id, officer_id=officer.officer_id,
            valid_until=content.summary.valid_until, policy_version=state.policy.version, engine_version=ENGINE_VERSION,
            quote_input=quote_input, quote_output=exact_json.loads(exact_json.dumps(output, indent=None)),
            input_sha256=input_sha, pdf=signed, pdf_sha256=digest))
        audit.record(s, officer.employee_no, "proposal.create", state.customer_no, proposal_no=proposal_no,
                     loan_no=state.loan_no, pdf_sha256=digest, proposed_action=offer.action)
    return ArchivedProposal(proposal_no, signed, digest, "none", offer.action, offer.option.annual_rate_pct)


def reopen(officer: OfficerSession, proposal_no: str) -> ArchivedProposal:
    with officer.database.session() as s:
        row = s.execute(select(Proposal, Customer.customer_no).join(Customer, Customer.id == Proposal.customer_id)
                        .where(Proposal.proposal_no == proposal_no)).first()
        if row is None or row[0].pdf is None:
            raise ProposalError(f"제안서 {proposal_no}를 찾을 수 없습니다.")
        proposal, customer_no = row
        audit.record(s, officer.employee_no, "proposal.reopen", customer_no, proposal_no=proposal_no)
        return ArchivedProposal(proposal.proposal_no, proposal.pdf, proposal.pdf_sha256, proposal.decision)


def record_decision(officer: OfficerSession, proposal_no: str, decision: str) -> None:
    if decision not in DECISIONS:
        raise ProposalError(f"결정은 {', '.join(DECISIONS)} 중 하나여야 합니다: {decision}")
    with officer.database.session() as s:
        changed = s.execute(update(Proposal).where(Proposal.proposal_no == proposal_no).values(
            decision=decision, decided_at=None if decision == "none" else func.now())).rowcount
        if not changed:
            raise ProposalError(f"제안서 {proposal_no}를 찾을 수 없습니다.")
        customer_no = s.scalar(select(Customer.customer_no).join(Proposal, Proposal.customer_id == Customer.id)
                               .where(Proposal.proposal_no == proposal_no))
        audit.record(s, officer.employee_no, "proposal.decision", customer_no, proposal_no=proposal_no,
                     decision=decision)


def trust_roots(data_dir: Path) -> list[bytes]:
    """The bank's trust roots: the configured root, PEM files in ``<data dir>/pki/trust/``, and the demo root
    where demo mode made one."""
    pki = data_dir / "pki"
    roots = [p.read_bytes() for p in sorted((pki / "trust").glob("*.pem"))]
    configured = load_settings(data_dir).extra.get("signing_trust_root")
    if configured and Path(configured).exists():
        roots.append(Path(configured).read_bytes())
    if (pki / "demo-root.pem").exists():
        roots.append((pki / "demo-root.pem").read_bytes())
    return roots


def verify_pdf(database, pdf: bytes, trust_roots_pem: list[bytes]) -> VerificationResult:
    """Signature valid and trusted, and the file is exactly the archived proposal it claims to be."""
    from retention_desktop.proposal import document, signing  # pyHanko and reportlab load with the first proposal

    check = signing.verify(pdf, trust_roots_pem)
    facts = document.embedded_facts(pdf) if check.intact else {"proposal_no": ""}
    if not check.ok:
        return VerificationResult(False, check.reason, check.signer, check.signing_time, check.level,
                                  facts.get("proposal_no", ""))
    digest = sha256_hex(pdf)
    with database.session() as s:
        archived = s.execute(select(Proposal.pdf_sha256, Proposal.input_sha256)
                             .where(Proposal.proposal_no == facts["proposal_no"])).first()
    if archived is None:
        return VerificationResult(False, f"보관된 제안서 {facts['proposal_no'] or '(번호 없음)'}이(가) 없습니다.",
                                  check.signer, check.signing_time, check.level, facts["proposal_no"])
    if archived[0] != digest or archived[1] != facts["input_sha256"]:
        return VerificationResult(False, "보관된 제안서와 파일이 일치하지 않습니다.", check.signer, check.signing_time,
                                  check.level, facts["proposal_no"])
    return VerificationResult(True, "서명 유효, 보관본과 일치", check.signer, check.signing_time, check.level,
                              facts["proposal_no"], archived=True)
