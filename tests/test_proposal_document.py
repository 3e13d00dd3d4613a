"""The printed proposal as the customer reads it: text, type sizes, margins, page composition, golden pages,
the QR the product verifies, tampering, pdfsig, and the awkward customers (10 loans, a 341-month 12억 mortgage,
a long name)."""

from __future__ import annotations

import ctypes
import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from retention_desktop.domain import exact_json
from retention_desktop.domain.korean_time import format_date_ko
from retention_desktop.domain.money import format_rate_pct, format_won
from retention_desktop.proposal import chart, document, pages, signing
from retention_desktop.proposal.chart import FONT_PT, cumulative_cost_chart
from retention_desktop.proposal.pki import ensure_demo_identity
from retention_desktop.services import proposal_service as ps
from retention_desktop.services.limit_simulation import Toggles, simulate_for
from retention_desktop.services.offer_comparison import open_comparison
from retention_desktop.services.proposal_check import check_proposal
from retention_desktop.services.regulation import load_policies
from tests import proposal_samples
from tests.support import TEST_AS_OF

GOLDEN_DIR = Path(__file__).parent / "golden"
GOLDEN_DPI = 60
GOLDEN_TOLERANCE = 2.0  # RMS over 0–255 grey levels: fonts may anti-alias a shade apart; a moved line does not pass
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfsig") is None,
                                   reason="poppler-utils (pdftotext, pdfsig) not installed; .ci/run installs them")


@pytest.fixture(scope="module")
def demo_identity(tmp_path_factory):
    return ensure_demo_identity(tmp_path_factory.mktemp("pki"), "101", "강남역지점", "E1007", "권명숙")


def signed_sample(identity, content=None) -> bytes:
    rendered = document.render(content or proposal_samples.sample_content())
    return signing.sign(rendered.pdf, identity, rendered.signature_page, rendered.signature_box,
                        proposal_samples.stamp_lines(), proposal_samples.GOLDEN_SIGNED_AT)


def chars(pdf: bytes):
    """(page index, character, font size in points, (left, bottom, right, top)) for every printed character."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from retention_desktop.pdf_engine import pdfium_lock

    with pdfium_lock():
        return _chars(pdfium, raw, pdf)


def _chars(pdfium, raw, pdf: bytes):
    out = []
    document_ = pdfium.PdfDocument(pdf)
    try:
        for index, page in enumerate(document_):
            textpage = page.get_textpage()
            for i in range(textpage.count_chars()):
                code = raw.FPDFText_GetUnicode(textpage.raw, i)
                if chr(code).isspace() or code in (0, 0xFFFE, 0xFFFF):
                    continue
                out.append((index, chr(code), raw.FPDFText_GetFontSize(textpage.raw, i), textpage.get_charbox(i)))
            textpage.close()
            page.close()
    finally:
        document_.close()
    return out


def assert_laid_out_for_a_reader(pdf: bytes) -> None:
    """No text under 9 pt; nothing past the margins; every page but the last at least 60 % full."""
    found = chars(pdf)
    small = {(p, c, round(size, 1)) for p, c, size, _box in found if size < document.MIN_FONT_PT - 0.05}
    assert not small, sorted(small)[:10]
    width, height = 595.27, 841.89
    outside = [(p, c, box) for p, c, _s, box in found
               if box[0] < document.MARGIN_X - 1 or box[2] > width - document.MARGIN_X + 1 or box[1] < 0 or box[3] > height]
    assert not outside, outside[:10]
    total = max(p for p, *_ in found) + 1
    top, bottom = height - document.MARGIN_TOP, document.MARGIN_BOTTOM
    for page in range(total - 1):
        lowest = min(box[1] for p, c, _s, box in found if p == page and box[1] > 12 * 2.835 and box[3] < top + 1)
        assert (top - lowest) / (top - bottom) >= 0.6, f"page {page + 1} is less than 60 % full"


def page_of(pdf: bytes, phrase: str) -> list[int]:
    return [i for i, page in enumerate(PdfReader(io.BytesIO(pdf)).pages) if phrase in page.extract_text()]


def test_the_sample_reads_right_and_is_laid_out_for_a_reader(demo_identity):
    pdf = signed_sample(demo_identity)
    assert_laid_out_for_a_reader(pdf)
    for heading, last_row in (("상환 기간", "실효 연 비용률"), ("금리 (%p)", "= 제안 금리"),
                              ("한도를 정하는 규제", "모두 적용"), ("꼭 알아두실 사항", "1332")):
        assert page_of(pdf, heading) == page_of(pdf, last_row), heading  # no table split across pages
    assert page_of(pdf, "권해 드리는 선택") == [0]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_pdftotext_finds_the_customer_the_officer_the_figures_and_each_right_with_its_time_limit(made_for_text):
    pdf, state, officer = made_for_text
    # -raw: each paragraph's lines in order (-layout interleaves a right's title with its text, line by line)
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    content = " ".join(out.decode("utf-8").split())
    offered = state.comparison.option("reloan")  # a new contract: the withdrawal right applies (not to a renegotiation)
    for n in (1, 2, 3):  # "1 / 3" as printed (pdftotext without -raw closes up the spaces: "1/3")
        assert re.search(rf"\b{n} / 3\b", content), n
    for phrase in ("김하늘", officer.name, officer.branch_name, "02-0000-0101",
                   f"연 {format_rate_pct(offered.annual_rate_pct)}", format_won(offered.monthly_payment),
                   format_won(offered.net_saving_vs_keep),
                   format_date_ko(TEST_AS_OF + dt.timedelta(days=14)) + "까지",  # valid until: 14 days
                   "14일 안에", "안 날부터 1년 이내", "계약일부터 5년", "10일 안에", "10영업일", "3년 안에",
                   "국번 없이 1332", "금융분쟁조정", "1500-0000", "준법감시인 심의필 제2026-0001호",
                   "금융소비자보호법 제46조", "금융소비자보호법 제47조", "은행법 제30조의2"):
        # Korean lines wrap between any two syllables: compare without the spaces wrapping adds
        assert re.sub(r"\s", "", phrase) in re.sub(r"\s", "", content), phrase


@pytest.fixture
def made_for_text(login, tmp_path):
    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state, action="reloan")
    return made.pdf, state, officer


def render_grey(pdf: bytes, dpi: int) -> list[np.ndarray]:
    return [np.asarray(a.mean(axis=2), dtype=np.uint8) for a in pages.render_pages(pdf, dpi)]


def test_golden_pages(demo_identity, tmp_path):
    """Each page against its golden image (tests/golden); RETENTION_UPDATE_GOLDEN=1 rewrites them after a
    deliberate layout change (look at them before committing)."""
    from matplotlib.testing.compare import compare_images
    from PIL import Image

    rendered = render_grey(signed_sample(demo_identity), GOLDEN_DPI)
    update = os.environ.get("RETENTION_UPDATE_GOLDEN") == "1"
    assert len(rendered) == 3
    for number, image in enumerate(rendered, start=1):
        golden = GOLDEN_DIR / f"proposal-page-{number}.png"
        actual = tmp_path / f"proposal-page-{number}.png"
        Image.fromarray(image).save(actual, optimize=True)
        if update:
            GOLDEN_DIR.mkdir(exist_ok=True)
            shutil.copy(actual, golden)
        assert golden.exists(), f"no golden image {golden.name}: run with RETENTION_UPDATE_GOLDEN=1"
        assert compare_images(str(golden), str(actual), tol=GOLDEN_TOLERANCE) is None, f"page {number} changed"


def test_a_moved_table_fails_the_golden_comparison(demo_identity, tmp_path):
    """The tolerance is tight enough to see a layout change: a longer headline pushes page 1 down."""
    import dataclasses

    from matplotlib.testing.compare import compare_images
    from PIL import Image

    content = proposal_samples.sample_content()
    moved = dataclasses.replace(content, summary=dataclasses.replace(
        content.summary, reasons=content.summary.reasons + ("한 줄 더 늘어난 이유가 표 전체를 아래로 밉니다",) * 3))
    image = render_grey(signed_sample(demo_identity, moved), GOLDEN_DPI)[0]
    Image.fromarray(image).save(tmp_path / "moved.png")
    assert compare_images(str(GOLDEN_DIR / "proposal-page-1.png"), str(tmp_path / "moved.png"),
                          tol=GOLDEN_TOLERANCE) is not None


def _chart_shapes(drawing):
    from reportlab.graphics.shapes import Group

    for shape in drawing.contents:
        yield from (_chart_shapes(shape) if isinstance(shape, Group) else [shape])


def test_the_chart_is_drawn_at_print_size_with_9_point_text_over_the_whole_term():
    from reportlab.graphics.shapes import PolyLine, String

    content = proposal_samples.sample_content(months=341, balance=1_250_000_000)
    drawing = cumulative_cost_chart(content.chart_lines, None, document.FRAME_WIDTH, 220)
    assert (drawing.width, drawing.height) == (document.FRAME_WIDTH, 220)
    shapes = list(_chart_shapes(drawing))
    texts = [s for s in shapes if isinstance(s, String)]
    assert texts and min(t.fontSize for t in texts) >= FONT_PT
    assert {line.label for line in content.chart_lines} <= {t.text for t in texts}  # every line named at its end
    assert not any("범례" in t.text for t in texts)
    lines = [s for s in shapes if isinstance(s, PolyLine)]
    assert len(lines) == len(content.chart_lines)
    keep = next(p for p in lines if len(p.points) == 2 * 341)  # every month of the whole remaining term
    xs = keep.points[0::2]
    assert xs[0] == chart.MARGIN_LEFT and max(xs) == max(max(p.points[0::2]) for p in lines)
    assert chart.month_ticks(341) == [60, 120, 180, 240, 300]
    assert all(t.text != "341" for t in texts) and any(t.text == "300" for t in texts)


def test_one_month_left_says_so_instead_of_an_empty_chart(demo_identity):
    """With one month left every option is a single point: no line to draw, so no chart (it was an empty plot with
    its labels on the axis); a sentence sends the reader to the comparison table's amounts."""
    content = proposal_samples.sample_content(months=1)
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(io.BytesIO(document.render(content).pdf)).pages)
    assert "남은 기간이 1개월이라 비용 그래프 대신 위 비교표의 금액" in text and "쌓이는 비용" not in text
    longer = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(
        document.render(proposal_samples.sample_content(months=2)).pdf)).pages)
    assert "남은 2개월 동안 쌓이는 비용" in " ".join(longer.split())


def test_the_lines_are_told_apart_in_grayscale():
    """No two lines drawn alike without colour: dash pattern, width and grey differ, markers on all but keeping,
    and keeping and the proposed option (the two the caption speaks of) are the heaviest and in black."""
    styles = [chart.style_of(i) for i in range(len(chart.STYLES))]
    assert len({(s.dashes, s.width, s.grey, s.marker) for s in styles}) == len(styles)
    assert len({s.dashes for s in styles}) == len(styles) and len({s.marker for s in styles}) == len(styles)
    assert styles[0].grey == styles[1].grey == "#000000"
    assert min(styles[0].width, styles[1].width) > max(s.width for s in styles[2:])


def test_the_axes_are_marked_in_round_numbers():
    assert chart.month_ticks(16) == [2, 4, 6, 8, 10, 12, 14, 16]
    assert chart.month_ticks(7) == [1, 2, 3, 4, 5, 6, 7]
    assert chart.month_ticks(36) == [5, 10, 15, 20, 25, 30, 35]
    assert chart.month_ticks(120) == [24, 48, 72, 96, 120]
    assert chart.amount_ticks(2_330_000) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000]
    assert chart.amount_ticks(2_700_000_000) == [0, 1_000_000_000, 2_000_000_000]
    assert [chart.won_axis(v) for v in (0, 500_000, 2_000_000_000, 150_000_000)] == ["0", "50만", "20억", "1.5억"]


def test_the_qr_decodes_to_a_code_the_product_verifies(login, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    officer = login("E1007")
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    first_page = pages.render_page(made.pdf, 0, 200)
    found = zxingcpp.read_barcodes(first_page)
    assert len(found) == 1
    payload = found[0].text
    assert payload.startswith(made.proposal_no) and payload.isascii()
    check = check_proposal(officer.database, payload, TEST_AS_OF, ps.trust_roots(officer.database, tmp_path), officer.employee_no)
    assert check.ok and check.code_matches and check.archived and not check.expired
    assert check.summary["monthly_payment"] > 0 and check.customer.startswith("김*늘")
    # the same number with another proposal's code, or after its validity, is not accepted
    wrong = check_proposal(officer.database, f"{made.proposal_no} CHECK 0000111122223333", TEST_AS_OF,
                           ps.trust_roots(officer.database, tmp_path))
    assert not wrong.ok and "확인코드" in wrong.reason
    late = check_proposal(officer.database, payload, TEST_AS_OF + dt.timedelta(days=15), ps.trust_roots(officer.database, tmp_path))
    assert not late.ok and late.expired and late.archived
    unknown = check_proposal(officer.database, "P20261123-ABCDEF", TEST_AS_OF, ps.trust_roots(officer.database, tmp_path))
    assert not unknown.found and not unknown.ok


def test_a_forged_archive_is_not_reported_as_archived(login, db, tmp_path):
    officer = login("E1007")
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    forged = bytearray(made.pdf)
    forged[len(forged) // 2] ^= 0x01
    import hashlib

    rewrite = text("UPDATE proposals SET pdf = :pdf, pdf_sha256 = :sha WHERE proposal_no = :n")
    values = {"pdf": bytes(forged), "sha": hashlib.sha256(forged).hexdigest(), "n": made.proposal_no}
    with pytest.raises(DBAPIError, match="보관된 제안서는 바꿀 수 없습니다"):
        with db.engine.begin() as conn:  # the archive refuses the owner (a trigger)
            conn.execute(rewrite, values)
    with db.engine.begin() as conn:  # a superuser rewrites it around the trigger, hash and all
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(rewrite, values)
    check = check_proposal(officer.database, made.proposal_no, TEST_AS_OF, ps.trust_roots(officer.database, tmp_path))
    assert check.found and not check.archived and not check.ok and "접근기록(해시 체인)" in check.reason


def test_an_incremental_update_after_signing_is_detected(login, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    officer = login("E1007")
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    writer = IncrementalPdfFileWriter(io.BytesIO(made.pdf))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)  # any change appended after the signature
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    appended = out.getvalue()
    assert appended.startswith(made.pdf) and len(appended) > len(made.pdf)
    result = ps.verify_pdf(officer.database, appended, ps.trust_roots(officer.database, tmp_path))
    assert not result.ok and ("추가" in result.reason or "변경" in result.reason)


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="pdfsig (poppler-utils) not installed; .ci/run installs it")
def test_pdfsig_reports_the_signature_valid_and_covering_the_whole_file(demo_identity, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_sample(demo_identity))
    report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in report, report
    assert "Total document signed" in report and "권명숙 E1007 (DEMO)" in report
    tampered = bytearray(path.read_bytes())
    tampered[len(tampered) // 3] ^= 0x01
    path.write_bytes(bytes(tampered))
    assert "Signature is Valid." not in subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_the_signature_stamp_is_korean_and_nothing_for_nobody_is_printed(demo_identity):
    pdf = signed_sample(demo_identity)
    found = "".join(c for _p, c, _s, _b in chars(pdf))
    assert "PAdES" not in found and "sha256" not in found and "Digitally" not in found
    facts = document.embedded_facts(pdf)  # kept for machines
    assert facts["input_sha256"] == proposal_samples.GOLDEN_INPUT_SHA and facts["engine_version"] == "1.0.0"
    stamp = pages.render_page(pdf, 2, 100)
    assert stamp.min() < 50  # the stamp is drawn (its form appearance rendered)


def test_the_signature_stamp_says_its_lines_as_given(demo_identity):
    """The field's appearance, read back with the field flattened into its page, says the stamp's lines as given:
    a '%' in a name or branch once (pyHanko's text stamp, filled through its template, printed it doubled)."""
    import pypdfium2 as pdfium

    from retention_desktop.pdf_engine import pdfium_lock

    rendered = document.render(proposal_samples.sample_content())
    lines = ["레텐션은행 (DEMO) 전자서명", "서명 권명숙 행원 (E1007)", "강남역지점 100% 확인 · 전화 02-0000-0101"]
    pdf = signing.sign(rendered.pdf, demo_identity, rendered.signature_page, rendered.signature_box, lines,
                       proposal_samples.GOLDEN_SIGNED_AT)
    with pdfium_lock():
        signed = pdfium.PdfDocument(pdf)
        signed.init_forms()
        page = signed[rendered.signature_page]
        page.flatten()
        flattened = io.BytesIO()
        signed.save(flattened)
        page.close()
        signed.close()
    printed = [c for p, c, _s, _b in chars(flattened.getvalue()) if p == rendered.signature_page]
    assert "".join(line.replace(" ", "") for line in lines) in "".join(printed)


def test_the_stamp_is_shrunk_to_its_field_never_enlarged_and_centred():
    """signing.stamp_layout: pyHanko's text-stamp rules (10-point padding, 14-point lines, shrink to fit, centred)."""
    golden = signing.stamp_layout(238, 85, [128.05, 111.46, 144.96, 209.12, 110.49])  # the golden page's stamp
    assert (round(golden.scale, 6), golden.x, golden.y, golden.first_baseline) == (0.944444, 10, 0, 56)
    wide = signing.stamp_layout(238, 85, [300.0])  # 320 × 34 points with its padding: shrunk to the field's width
    assert (round(wide.scale, 5), wide.x, wide.y, wide.first_baseline) == (0.74375, 0, 29, 0)
    small = signing.stamp_layout(328, 228, [7.27, 70.44, 6.72])  # 90 × 62: as it is, in the middle
    assert (small.scale, small.x, small.y, small.first_baseline) == (1, 119, 83, 28)


# -- awkward customers ----------------------------------------------------------------------------------
@pytest.fixture
def awkward_customer(db):
    """The showcase customer renamed to an 11-character name, holding 10 loans, one a 12억 5,000만 원
    mortgage drawn 19 months before the test date (341 of 360 months left)."""
    drawn = dt.date(TEST_AS_OF.year - 1, TEST_AS_OF.month - 7, 1) if TEST_AS_OF.month > 7 else None
    assert drawn is not None
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE customers SET name = '독고홍길동바다하늘별빛' WHERE customer_no = 'C00000001'"))
        for k in range(1, 9):
            conn.execute(text("""
                INSERT INTO loans (loan_no, customer_id, product_id, branch_id, officer_id, kind, principal, balance,
                    annual_rate_pct, rate_type, repayment_method, term_months, drawdown_date, maturity_date,
                    prepayment_fee_pct, status)
                SELECT :no, customer_id, product_id, branch_id, officer_id, kind, principal, balance, annual_rate_pct,
                       rate_type, repayment_method, term_months, drawdown_date, maturity_date, prepayment_fee_pct, status
                FROM loans WHERE loan_no = 'L0000000001'"""), {"no": f"L90000000{k:02d}"})
        conn.execute(text("""
            INSERT INTO loans (loan_no, customer_id, branch_id, officer_id, kind, principal, balance, annual_rate_pct,
                rate_type, repayment_method, term_months, drawdown_date, maturity_date, collateral_value,
                collateral_region, prepayment_fee_pct, status)
            SELECT 'L9000000099', customer_id, branch_id, officer_id, 'mortgage', 1300000000, 1250000000, 4.6,
                   'variable', 'equal_payment', 360, :drawn, :drawn + interval '360 months', 2600000000, 'capital',
                   0.56, 'active'
            FROM loans WHERE loan_no = 'L0000000001'"""), {"drawn": drawn})
        count = conn.execute(text("SELECT count(*) FROM loans l JOIN customers c ON c.id = l.customer_id "
                                  "WHERE c.customer_no = 'C00000001' AND l.status = 'active'")).scalar()
    assert count >= 10
    return "L9000000099"


def test_a_ten_loan_customer_with_a_341_month_12_eok_mortgage_and_a_long_name_fits(login, awkward_customer, tmp_path):
    officer = login("E1007")
    state = open_comparison(officer, awkward_customer, TEST_AS_OF)
    assert state.request.current_loan.remaining_months == 341 and len(state.request.other_debts) >= 9
    simulation = simulate_for(state, load_policies(officer.database), Toggles())
    quote_input = ps.quote_input_document(state)
    sha = ps.sha256_hex(exact_json.dumps(quote_input, indent=None).encode())
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
    content = ps.proposal_content(state, officer, "독고홍길동바다하늘별빛", "P20261123-0AAAAA", TEST_AS_OF, now,
                                  quote_input, sha, simulation, True, ps.letterhead(officer, TEST_AS_OF), "0" * 64)
    assert max(len(line.values) for line in content.chart_lines) == 341  # the whole remaining term
    made = ps.create_proposal(officer, awkward_customer, TEST_AS_OF, tmp_path, state)
    assert_laid_out_for_a_reader(made.pdf)
    content_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(made.pdf)).pages)
    assert "독고홍길동바다하늘별빛" in content_text and "1,250,000,000원" in content_text and "341개월" in content_text


def test_seven_options_continue_in_a_second_table_and_huge_amounts_fit(demo_identity):
    content = proposal_samples.sample_content(
        balance=1_250_000_000, months=341, customer_name="남궁바다하늘별빛가득한",
        switches=[("토스뱅크", "7.37"), ("카카오뱅크", "7.42"), ("케이뱅크", "7.52"), ("신한은행", "7.60"),
                  ("KB국민은행", "7.65")])
    pdf = signed_sample(demo_identity, content)
    assert_laid_out_for_a_reader(pdf)
    assert page_of(pdf, "선택지별 비교 (이어서)")


def printed_lines(pdf: bytes) -> list[str]:
    """Each printed line: the characters on one baseline of a page, left to right, spaces left out."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from retention_desktop.pdf_engine import pdfium_lock

    lines: dict[tuple[int, float], list[tuple[float, str]]] = {}
    with pdfium_lock():
        document_ = pdfium.PdfDocument(pdf)
        try:
            for index, page in enumerate(document_):
                textpage = page.get_textpage()
                for i in range(textpage.count_chars()):
                    code = raw.FPDFText_GetUnicode(textpage.raw, i)
                    if chr(code).isspace() or code in (0, 0xFFFE, 0xFFFF):
                        continue
                    x, y = ctypes.c_double(), ctypes.c_double()
                    raw.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
                    lines.setdefault((index, round(y.value, 1)), []).append((x.value, chr(code)))
                textpage.close()
                page.close()
        finally:
            document_.close()
    return ["".join(c for _x, c in sorted(found)) for found in lines.values()]


def test_a_loan_number_a_lender_and_a_word_are_never_broken_across_lines(demo_identity):
    """Table cells, the headline and the rights' titles wrap between words (Korean 어절), never inside one: a
    mortgage's number read "L00000010 / 67" and a lender "카카오뱅 / 크" where the column was narrow."""
    import dataclasses

    content = proposal_samples.sample_content(
        switches=[("토스뱅크", "7.37"), ("카카오뱅크", "7.42"), ("케이뱅크", "7.52"), ("신한은행", "7.60")])
    content = dataclasses.replace(
        content, current_loan=[("대출", "주택담보대출 L0000001067"), *content.current_loan[1:]],
        summary=dataclasses.replace(content.summary, headline="재대출 시 매달 13,750원, 남은 16개월 총 22만 원 절약 "
                                                              "(수수료 포함)"))
    pdf = signed_sample(demo_identity, content)
    lines = printed_lines(pdf)
    for word in ("L0000001067", "카카오뱅크", "토스뱅크", "분쟁조정", "계약일부터", "(수수료포함)",
                 "02-0000-0101"):
        assert any(word in line for line in lines), (word, [line for line in lines if word[:3] in line])


def test_when_switching_is_the_advice_the_offer_is_not_called_the_recommended_choice(demo_identity):
    """The note says another lender is better: the box and the column present the bank's offer as such, never as
    "권해 드리는 선택" / "(권해 드림)" (a customer read both on one page)."""
    import dataclasses

    content = proposal_samples.sample_content()
    content = dataclasses.replace(content, summary=dataclasses.replace(
        content.summary, recommended=False, note="대환이 더 유리합니다: 토스뱅크 4.65%, 남은 4개월 총 17만 원 절약"))
    first = " ".join(PdfReader(io.BytesIO(signed_sample(demo_identity, content))).pages[0].extract_text().split())
    assert "저희 은행의 제안" in first and "(이 제안)" in first and "대환이 더 유리합니다" in first
    assert "권해 드리는 선택" not in first and "권해 드림" not in first
