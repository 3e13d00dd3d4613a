"""Attached documents: type and size checks, sha256, and income read from a generated 원천징수영수증."""

from __future__ import annotations

import hashlib
import io

import pytest
from reportlab.pdfgen import canvas
from sqlalchemy import select

from retention_desktop.data.models import AuditEvent, Customer, Document
from retention_desktop.proposal.document import FONT, register_fonts
from retention_desktop.services import documents
from tests.support import income_proof


def test_income_is_read_from_the_proof_and_confirmed_only_on_request(login, db):
    officer = login("E1007")
    pdf = income_proof(81_250_000)
    finding = documents.find_income(pdf)
    assert finding is not None and finding.amount == 81_250_000 and "총급여" in finding.evidence
    digest = documents.attach(officer, "income_proof", "원천징수영수증.pdf", pdf, customer_no="C00000001")
    assert digest == hashlib.sha256(pdf).hexdigest()
    with officer.database.session() as s:
        assert s.scalar(select(Customer.annual_income).where(Customer.customer_no == "C00000001")) == 75_000_000
    documents.confirm_income(officer, "C00000001", finding.amount, digest)
    with officer.database.session() as s:
        customer = s.scalars(select(Customer).where(Customer.customer_no == "C00000001")).one()
        stored = s.scalars(select(Document).where(Document.sha256 == digest)).one()
    with db.session() as s:  # the audit trail is the security group's to read, not the officer's
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.customer_no == "C00000001")).all()
    assert customer.annual_income == 81_250_000 and customer.income_verified_on is not None
    assert stored.size_bytes == len(pdf) and stored.media_type == "application/pdf"
    assert {"document.attach", "customer.income_confirmed"} <= set(actions)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("scan.pdf", b"\x89PNG\r\n\x1a\n....", "실제 형식"),
    ("virus.exe", b"MZ\x90\x00", "PDF, PNG, JPEG"),
    ("empty.pdf", b"", "빈 파일"),
    ("huge.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024), "너무 큽니다"),
])
def test_bad_files_are_refused_and_nothing_is_stored(login, name, content, message):
    officer = login("E1007")
    with pytest.raises(documents.DocumentRejected, match=message):
        documents.attach(officer, "id_copy", name, content, customer_no="C00000001")
    with officer.database.session() as s:
        assert s.scalars(select(Document)).first() is None


def test_a_proof_without_an_income_line_proposes_nothing():
    register_fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont(FONT, 12)
    page.drawString(60, 700, "주민등록증 사본")
    page.save()
    assert documents.find_income(buffer.getvalue()) is None
    with pytest.raises(documents.DocumentRejected, match="PDF를 읽을 수 없습니다"):
        documents.find_income(b"%PDF-1.4 broken")
