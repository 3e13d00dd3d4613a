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

from sqlalchemy import func, select, update

from retention_desktop.data.models import Branch, Customer, Loan, Proposal
from retention_desktop.domain import exact_json
from retention_desktop.domain.advice import recommendation_document, settled_request
from retention_desktop.domain.comparison import ENGINE_VERSION
from retention_desktop.domain.comparison_table import OPTION_ROWS, display_order, option_title
from retention_desktop.domain.labels import (
    LOAN_KIND,
    PROPOSAL_DECISION,
    RATE_TYPE,
    REPAYMENT_METHOD,
    RETENTION_ACTION,
)
from retention_desktop.domain.limits import CONSTRAINT_LABELS
from retention_desktop.domain.masking import mask_name
from retention_desktop.domain.money import format_rate_pct, format_won, format_won_korean
from retention_desktop.domain.quote import option_document, request_document
from retention_desktop.data.locations import resources_dir
from retention_desktop.proposal import chart, document, signing
from retention_desktop.data.settings import load_settings
from retention_desktop.proposal.pki import SigningIdentity, ensure_demo_identity, identity_from_p12
from retention_desktop.services import audit
from retention_desktop.services.limit_simulation import Toggles, simulate_for
from retention_desktop.services.offer_comparison import OfferComparison, open_comparison
from retention_desktop.services.officer_session import OfficerSession
from retention_desktop.services.regulation import load_policies

VALID_DAYS = 14
DECISIONS = tuple(PROPOSAL_DECISION)
BANK_NAME = "Retention Demo Bank 레텐션은행"


class ProposalError(Exception):
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


def proposal_content(state: OfferComparison, officer: OfficerSession, customer_name: str, proposal_no: str,
                     today: dt.date, quote_input: dict, input_sha: str, simulation, demo: bool
                     ) -> document.ProposalContent:
    loan = state.request.current_loan
    recommended = state.recommendation.option_label
    options = display_order(state.comparison.options, recommended)  # as the screen shows them
    titles = [option_title(o) + (" (권고)" if o.label == recommended else "") for o in options]
    rows = [(label, [shown(o) for o in options]) for label, shown in OPTION_ROWS]
    horizon = min(max(len(o.cumulative_cost) for o in options), 120)
    offer = state.offer
    png = chart.cumulative_cost_png([(t, o.cumulative_cost[:horizon]) for t, o in zip(titles, options)],
                                    offer.option.break_even_month, RETENTION_ACTION[offer.action])
    disclosures = (resources_dir() / "disclosures" / "proposal_ko.txt").read_text(encoding="utf-8").splitlines()
    disclosures = [line for line in disclosures if line.strip()]
    disclosures.insert(3, f"이 대출의 중도상환수수료율은 {format_rate_pct(loan.prepayment_fee_pct)}이며, "
                          f"금리 유형은 {RATE_TYPE.get(loan.rate_type, loan.rate_type)}입니다.")
    recommendation = state.recommendation
    proposed = f"{RETENTION_ACTION[offer.action]} 연 {format_rate_pct(offer.option.annual_rate_pct)}"
    if offer.action == "reloan" and state.advice.prices.product is not None:
        proposed += f" ({state.advice.prices.product.name})"
    proposed += (f" — 매달 {format_won(loan_monthly_saving(state))}, 총 {format_won(offer.option.net_saving_vs_keep)} "
                 f"절약 (수수료 포함)")
    return document.ProposalContent(
        proposal_no=proposal_no, bank_name=BANK_NAME, branch_name=officer.branch_name,
        officer=f"{officer.name} {officer.role_label} ({officer.employee_no})", customer=mask_name(customer_name),
        customer_no=state.customer_no, created_on=today, valid_until=today + dt.timedelta(days=VALID_DAYS),
        current_loan=[("대출", f"{LOAN_KIND.get(loan.kind, loan.kind)} {state.loan_no}"),
                      ("잔액", format_won(loan.balance)), ("금리", format_rate_pct(loan.annual_rate_pct)),
                      ("유형", RATE_TYPE.get(loan.rate_type, loan.rate_type)),
                      ("상환", REPAYMENT_METHOD.get(loan.method.value, loan.method.value)),
                      ("잔여", f"{loan.remaining_months}개월"), ("실행일", f"{loan.drawdown_date:%Y.%m.%d}")],
        option_titles=titles, option_rows=rows, chart_png=png,
        reason_codes=[(r.text, f"{r.pct:+.2f}") for r in offer.price.reasons] +
                     [("= 제안 금리", format_rate_pct(offer.option.annual_rate_pct))],
        scenarios=[(s.name, format_won_korean(s.max_new_loan), CONSTRAINT_LABELS[s.binding_constraint])
                   for s in simulation.scenarios],
        suggestion=simulation.suggestion.explanation if simulation.suggestion else "당장 권할 만한 조치가 없습니다.",
        disclosures=disclosures, engine_version=ENGINE_VERSION, policy_version=state.policy.version,
        input_sha256=input_sha, quote_input=quote_input, demo=demo,
        title=f"{RETENTION_ACTION[offer.action]} 제안서", headline=recommendation.headline, proposed=proposed,
        recommendation=[*recommendation.reasons[:4]],
        recommended_column=next((i for i, o in enumerate(options) if o.label == recommended), None))


def loan_monthly_saving(state: OfferComparison) -> int:
    return state.comparison.option("keep").monthly_payment - state.offer.option.monthly_payment


def signing_identity(officer: OfficerSession, data_dir: Path) -> SigningIdentity:
    """Demo mode issues the officer a DEMO certificate. Central mode uses the bank-issued PKCS#12 named in
    the settings (``extra.signing_p12``, with ``extra.signing_trust_root`` the bank's root certificate);
    its passphrase comes from the OS keyring."""
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
    with officer.database.session() as s:
        customer_id, customer_name = s.execute(select(Customer.id, Customer.name)
                                               .where(Customer.customer_no == state.customer_no)).one()
        loan_id = s.scalar(select(Loan.id).where(Loan.loan_no == state.loan_no))
    # rendering and signing take a few hundred milliseconds: no transaction stays open meanwhile
    content = proposal_content(state, officer, customer_name, proposal_no, today, quote_input, input_sha, simulation,
                               identity.demo)
    pdf = document.render(content)
    # B-T (a trusted timestamp) when the bank names its timestamp server, else B-B
    signed = signing.sign(pdf, identity, document.signature_box_points(),
                          f"{officer.employee_no} {officer.branch_name}".encode("ascii", "ignore").decode()
                          or officer.employee_no, load_settings(data_dir).extra.get("timestamp_url"))
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
            valid_until=content.valid_until, policy_version=state.policy.version, engine_version=ENGINE_VERSION,
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
