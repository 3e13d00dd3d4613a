"""첨부 서류: income proofs and ID copies attached to a customer or an application, checked for size and
type and opened in full before anything is stored (``document_checks``), stored with their sha256 (the
same file twice on the same customer or application is refused); income read from a proof for the
officer to confirm — never written to the customer silently."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass

from sqlalchemy import select

from retention_desktop.data import api_calls
from retention_desktop.data.models import DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, Application, Customer, Document, Officer
from retention_desktop.services.document_checks import DocumentRejected, check_document
from retention_desktop.services.officer_session import OfficerSession

INCOME_PAGES_READ = 5  # the gross pay is on the first page of a 원천징수영수증; never parse a whole book
# Lines of a 근로소득 원천징수영수증 that carry the year's gross pay, most specific first.
INCOME_LABELS = ("총급여", "연간 총급여액", "근로소득 총액", "급여 총액", "소득금액")


@dataclass(frozen=True)
class DocumentLine:
    kind: str
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    uploaded_by: str
    uploaded_at: dt.datetime
    document_id: int | None = None  # for ``content_of``


@dataclass(frozen=True)
class IncomeFinding:
    amount: int
    evidence: str  # the line it was read from


def attach(officer: OfficerSession, kind: str, filename: str, content: bytes, customer_no: str | None = None,
           application_no: str | None = None) -> str:
    """Store a document; returns its sha256."""
    if kind not in DOCUMENT_KINDS:
        raise DocumentRejected(f"서류 종류는 {', '.join(DOCUMENT_KINDS)} 중 하나여야 합니다.")
    if not content:
        raise DocumentRejected("빈 파일입니다.")
    if len(content) > DOCUMENT_MAX_BYTES:
        raise DocumentRejected(f"파일이 너무 큽니다 ({len(content) / 1024 / 1024:.1f}MB, 최대 "
                               f"{DOCUMENT_MAX_BYTES // 1024 // 1024}MB).")
    if customer_no is None and application_no is None:
        raise DocumentRejected("고객 또는 신청에 첨부해야 합니다.")
    if not filename.strip() or len(filename) > 255 or "\x00" in filename:
        raise DocumentRejected("파일 이름은 1–255자여야 합니다.")
    check_document(content, filename)  # refused here in words; the database checks type and name again
    digest = hashlib.sha256(content).hexdigest()
    try:
        # stored by the database only within the officer's scope, once (a second upload of the same file is
        # refused there, even two at the same instant), and recorded
        with officer.database.session() as s:
            stored = api_calls.scalar(s, "attach_document", customer_no, application_no, kind, filename, content)
    except api_calls.Refused as exc:
        raise DocumentRejected(str(exc)) from exc
    if stored != digest:
        raise DocumentRejected("저장된 서류의 해시가 파일과 다릅니다.")
    return digest


def content_of(officer: OfficerSession, document_id: int) -> bytes:
    """A stored document's file (within the officer's scope; recorded as 'document.download')."""
    try:
        ticket = api_calls.recorded(officer.database, "document.download", str(document_id))
        with officer.database.session() as s:
            return bytes(api_calls.scalar(s, "document_content", ticket))
    except api_calls.Refused as exc:
        raise DocumentRejected(str(exc)) from exc


def documents_of(officer: OfficerSession, customer_no: str, application_no: str | None = None) -> list[DocumentLine]:
    """A customer's documents (all of them), or an application's together with its customer's own."""
    with officer.database.session() as s:
        customer_id = s.scalar(select(Customer.id).where(Customer.customer_no == customer_no))
        if application_no is None:
            which = Document.customer_id == customer_id
        else:
            application_id = s.scalar(select(Application.id).where(Application.application_no == application_no))
            which = (Document.application_id == application_id) | (
                (Document.customer_id == customer_id) & Document.application_id.is_(None))
        rows = s.execute(select(Document.kind, Document.filename, Document.media_type, Document.size_bytes,
                                Document.sha256, Officer.name, Document.uploaded_at, Document.id)
                         .join(Officer, Officer.id == Document.uploaded_by).where(which).order_by(Document.id)).all()
    return [DocumentLine(*row) for row in rows]


def find_income(pdf: bytes) -> IncomeFinding | None:
    """The year's gross pay read from an income proof's text layer (for the officer to confirm)."""
    from pypdf import PdfReader  # only when a proof is read: pypdf is not on the way to the main window
    from pypdf.errors import PdfReadError

    try:
        pages = PdfReader(io.BytesIO(pdf)).pages
        text = "\n".join(page.extract_text() or "" for page in pages[:INCOME_PAGES_READ])
    except (PdfReadError, ValueError) as exc:
        raise DocumentRejected("PDF를 읽을 수 없습니다: {reason}", reason=str(exc)[:120]) from exc
    except Exception as exc:  # pypdf meets hostile files with many exception types; none may end in a traceback
        raise DocumentRejected("PDF의 글자를 읽을 수 없습니다 ({kind}).", kind=type(exc).__name__) from exc
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for label in INCOME_LABELS:
        for line in lines:
            if label in line:
                amounts = [int(m.replace(",", "")) for m in re.findall(r"\d{1,3}(?:,\d{3})+|\d{7,}", line)]
                amounts = [a for a in amounts if 1_000_000 <= a <= 100_000_000_000]
                if amounts:
                    return IncomeFinding(max(amounts), line)
    return None


@dataclass(frozen=True)
class IncomeConfirmation:
    """What ``api.confirm_income`` did: ``in_effect`` (the customer's income is now ``amount`` won a year), or
    recorded and waiting for a second person because ``amount`` is above head office's ``threshold`` (won a year;
    None: no threshold in force)."""

    in_effect: bool
    amount: int
    threshold: int | None


@dataclass(frozen=True)
class PendingIncome:
    """An income confirmation waiting for a manager (``api.pending_income_confirmations``)."""

    request_id: int
    amount: int
    evidence_sha256: str
    requested_by: str
    requested_at: dt.datetime
    threshold: int | None
    may_confirm: bool


def confirm_income(officer: OfficerSession, customer_no: str, amount: int, evidence_sha256: str,
                   today: dt.date | None = None) -> IncomeConfirmation:
    """The officer confirmed the income read from a proof attached to this customer (``evidence_sha256``):
    recorded, verified today (the database's date) — or, above head office's threshold, recorded as a request that
    takes effect once a manager who neither asked nor attached the proof confirms it (the database decides,
    ``api.confirm_income``). ``today`` is kept for callers; the server's clock decides."""
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        raise DocumentRejected("연소득은 0원 이상의 원 단위 정수여야 합니다.")
    try:
        with officer.database.session() as s:
            answer = api_calls.scalar(s, "confirm_income", customer_no, amount, evidence_sha256)
    except api_calls.Refused as exc:
        raise DocumentRejected(str(exc)) from exc
    threshold = answer.get("threshold")
    return IncomeConfirmation(answer["state"] == "confirmed", int(answer["amount"]),
                              None if threshold is None else int(threshold))


def pending_incomes(officer: OfficerSession, customer_no: str) -> list[PendingIncome]:
    """The customer's income confirmations waiting for a manager, and whether this officer may confirm each."""
    try:
        with officer.database.session() as s:
            return [PendingIncome(**row) for row in api_calls.rows(s, "pending_income_confirmations", customer_no)]
    except api_calls.Refused as exc:
        raise DocumentRejected(str(exc)) from exc
