"""Attached documents: type and size checks, sha256, and income read from a generated 원천징수영수증."""

from __future__ import annotations

import hashlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas
from sqlalchemy import select, text

from retention_desktop.data.models import AuditEvent, Customer, Document
from retention_desktop.proposal.document import FONT, register_fonts
from retention_desktop.services import documents
from tests.support import income_proof, scan_image


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


# -- documents opened in full before anything is stored ---------------------------------------------------

def _encrypted(pdf: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="bank-owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def stored(officer) -> int:
    from sqlalchemy import func

    with officer.database.session() as s:
        return s.scalar(select(func.count()).select_from(Document))


@pytest.mark.parametrize(("name", "make", "message"), [
    ("locked.pdf", lambda: _encrypted(income_proof(50_000_000), "1234"), "암호가 걸린 PDF"),
    ("half.pdf", lambda: income_proof(50_000_000)[:900], "열 수 없습니다"),
    ("random.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40, "열 수 없습니다"),
    ("half.png", lambda: scan_image("PNG", (400, 300))[:200], "이미지가 손상"),
    ("half.jpg", lambda: scan_image("JPEG", (400, 300))[:300], "이미지가 손상"),
    ("fake.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "이미지가 손상"),
])
def test_a_document_that_does_not_open_is_refused_before_storing(login, name, make, message):
    officer = login("E1007")
    with pytest.raises(documents.DocumentRejected, match=message):
        documents.attach(officer, "income_proof", name, make(), customer_no="C00000001")
    assert stored(officer) == 0


def test_a_pdf_readable_with_an_empty_password_and_real_images_are_accepted(login):
    officer = login("E1007")
    documents.attach(officer, "income_proof", "owner-locked.pdf", _encrypted(income_proof(50_000_000), ""),
                     customer_no="C00000001")
    documents.attach(officer, "id_copy", "id.jpg", scan_image("JPEG"), customer_no="C00000001")
    documents.attach(officer, "id_copy", "id.png", scan_image("PNG"), customer_no="C00000001")
    assert stored(officer) == 3


def test_the_same_file_twice_is_refused_with_a_message(login):
    officer = login("E1007")
    pdf = income_proof(61_000_000)
    documents.attach(officer, "income_proof", "원천징수영수증.pdf", pdf, customer_no="C00000001")
    with pytest.raises(documents.DocumentRejected, match="같은 파일이 이미 첨부되어 있습니다"):
        documents.attach(officer, "income_proof", "다시.pdf", pdf, customer_no="C00000001")
    assert stored(officer) == 1
    with officer.database.session() as s:  # another customer of the officer's branch (another branch's: refused)
        neighbour = s.execute(text("SELECT customer_no FROM customers WHERE customer_no <> 'C00000001' "
                                   "ORDER BY id LIMIT 1")).scalar()
    documents.attach(officer, "income_proof", "원천징수영수증.pdf", pdf, customer_no=neighbour)
    assert stored(officer) == 2


def test_two_uploads_of_the_same_file_at_once_store_one(login):
    from concurrent.futures import ThreadPoolExecutor

    officer = login("E1007")
    pdf = income_proof(62_000_000)

    def upload(_i):
        try:
            return documents.attach(officer, "income_proof", "p.pdf", pdf, customer_no="C00000001")
        except documents.DocumentRejected:
            return None

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(upload, range(4)))
    assert sum(r is not None for r in results) == 1 and stored(officer) == 1


FUZZ = settings(max_examples=60, deadline=5000,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def test_fuzz_document_upload(login):
    """Byte flips and truncations of real documents: attached, or refused with nothing stored; fast."""
    import time

    officer = login("E1007")

    @FUZZ
    @given(source=st.sampled_from(["pdf", "png", "jpeg"]),
           flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=6),
           cut=st.floats(0.05, 1.0))
    def attempt(source, flips, cut):
        content = bytearray(_ORIGINALS[source])
        for where, value in flips:
            content[int(where * len(content))] = value
        content = bytes(content[:max(8, int(len(content) * cut))])
        name = {"pdf": "f.pdf", "png": "f.png", "jpeg": "f.jpg"}[source]
        before = stored(officer)
        started = time.perf_counter()
        try:
            documents.attach(officer, "other", name, content, customer_no="C00000003")
        except documents.DocumentRejected as exc:
            assert stored(officer) == before and exc.message()
        else:
            assert stored(officer) == before + 1
            if source == "pdf":
                try:
                    documents.find_income(content)
                except documents.DocumentRejected:
                    pass
        assert time.perf_counter() - started < 5

    attempt()


_ORIGINALS = {"pdf": income_proof(70_000_000), "png": scan_image("PNG", (120, 80)),
              "jpeg": scan_image("JPEG", (120, 80))}



def test_pdfium_used_from_many_threads_at_once_never_crashes_the_process():
    """PDFium is not thread-safe: four uploads checked at once crashed CI with a segmentation fault (and without
    the lock, 3,000 opens from 8 threads report sound files as broken). Checks and page renders from eight
    threads at once must all finish with the answers one thread gets."""
    from concurrent.futures import ThreadPoolExecutor

    from retention_desktop.proposal import pages
    from retention_desktop.services.document_checks import check_pdf

    pdf = income_proof(63_000_000)
    alone = (check_pdf(pdf), pages.render_pages(pdf, 24)[0].shape)

    def work(i):
        return (check_pdf(pdf), pages.render_pages(pdf, 24)[0].shape if i % 100 == 0 else alone[1])

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(work, range(3000)))
    assert set(answers) == {alone}
