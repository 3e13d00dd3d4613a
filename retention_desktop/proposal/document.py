"""The proposal as an A4 PDF (reportlab): Korean text in an embedded subset of the bundled font,
readable in black and white (lines differ by dash pattern, tables by rules, not colour).

``ProposalContent`` is plain data; ``render`` turns it into bytes. The quote input is attached to the
file together with the engine and policy versions and their sha256, and a QR code carries the
proposal number and that hash.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from retention_desktop.data.locations import resources_dir
from retention_desktop.domain import exact_json

FONT, BOLD = "NanumGothic", "NanumGothicBold"
SIGNATURE_BOX_MM = (120, 18, 190, 48)  # the visible signature field on the last page (x1, y1, x2, y2)
ATTACHMENT = "quote-input.json"


@dataclass(frozen=True)
class ProposalContent:
    proposal_no: str
    bank_name: str
    branch_name: str
    officer: str
    customer: str  # masked
    customer_no: str
    created_on: dt.date
    valid_until: dt.date
    current_loan: list[tuple[str, str]]
    option_titles: list[str]
    option_rows: list[tuple[str, list[str]]]
    chart_png: bytes
    reason_codes: list[tuple[str, str]]
    scenarios: list[tuple[str, str, str]]
    suggestion: str
    disclosures: list[str]
    engine_version: str
    policy_version: str
    input_sha256: str
    quote_input: dict = field(repr=False)
    demo: bool = True
    title: str = "재대출 제안서"
    headline: str = ""  # the answer first: the recommendation in one line
    proposed: str = ""  # what this proposal offers (action, rate, saving)
    recommendation: list[str] = field(default_factory=list)  # why, in a few lines
    recommended_column: int | None = None  # the recommended option's column among option_titles (shaded)


def register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        fonts = resources_dir() / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(fonts / "NanumGothic.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "NanumGothicBold.ttf")))


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=13, wordWrap="CJK")
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10.5),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=16, leading=21),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11, leading=15, spaceBefore=8,
                             spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10.5),
    }


def _table(rows: list[list], widths: list[float], header_rows: int = 1, first_col_header: bool = False,
           align_right_from: int = 1) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=header_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black), ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1),
                                                              0.6, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
        ("INNERGRID", (0, header_rows), (-1, -1), 0.25, colors.grey),
        ("ALIGN", (align_right_from, header_rows), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6e6e6")),
    ]
    if first_col_header:
        style.append(("FONTNAME", (0, header_rows), (0, -1), BOLD))
    t.setStyle(TableStyle(style))
    return t


def _answer_box(c: ProposalContent, s: dict[str, ParagraphStyle], width: float) -> Table:
    """The answer first: the recommendation's headline, what this proposal offers, and why (page 1)."""
    rows = [[Paragraph(_plain(c.headline), s["h2"])]]
    if c.proposed:
        rows.append([Paragraph(f"이 제안서의 제안: {_plain(c.proposed)}", s["base"])])
    rows += [[Paragraph(f"• {_plain(line)}", s["small"])] for line in c.recommendation]
    box = Table(rows, colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return box


def _qr(payload: str, size_mm: float = 24) -> Drawing:
    widget = QrCodeWidget(payload)
    x1, y1, x2, y2 = widget.getBounds()
    size = size_mm * mm
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _plain(text: str) -> str:
    """Text the embedded font can show: the typographic minus (U+2212) is not in NanumGothic."""
    return text.replace("\u2212", "-")


def render(c: ProposalContent) -> bytes:
    register_fonts()
    s = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=f"{c.title} {c.proposal_no}", author=c.bank_name,
                            subject=f"{c.customer_no} {c.proposal_no}", creator="Retention Desktop")
    width = A4[0] - 32 * mm
    story = []
    demo = " — DEMO (시연용, 효력 없음)" if c.demo else ""
    head = Table([[Paragraph(f"{c.bank_name} · {c.branch_name}{demo}", s["base"]), _qr(f"RDPROP|{c.proposal_no}|"
                                                                                       f"{c.input_sha256}")],
                  [Paragraph(f"{c.title} (현재 대출 유지 · 조건변경 · 재대출 · 대환 비교)", s["title"]), ""]],
                 colWidths=[width - 26 * mm, 26 * mm])
    head.setStyle(TableStyle([("SPAN", (1, 0), (1, 1)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    story.append(head)
    story.append(Paragraph(
        f"제안서 번호 {c.proposal_no} · 작성일 {c.created_on:%Y.%m.%d} · 유효기한 {c.valid_until:%Y.%m.%d}<br/>"
        f"고객 {c.customer} ({c.customer_no}) · 담당 {c.officer}", s["base"]))
    if c.headline:
        story.append(Spacer(1, 4))
        story.append(_answer_box(c, s, width))
    story.append(Paragraph("현재 대출", s["h2"]))
    weights = [2.2, 1.5, 0.9, 0.8, 1.0, 0.8, 1.1][:len(c.current_loan)]
    story.append(_table([[k for k, _ in c.current_loan], [Paragraph(v, s["cell"]) for _, v in c.current_loan]],
                        [width * w / sum(weights) for w in weights], align_right_from=len(c.current_loan)))
    story.append(Paragraph("선택지별 비교 (금액은 원 단위)", s["h2"]))
    n = len(c.option_titles)
    label_w = 30 * mm
    rows = [[""] + [Paragraph(t, s["cell"]) for t in c.option_titles]]
    rows += [[label] + values for label, values in c.option_rows]
    grid = _table(rows, [label_w] + [(width - label_w) / n] * n, first_col_header=True)
    if c.recommended_column is not None:
        column = c.recommended_column + 1
        grid.setStyle(TableStyle([("BACKGROUND", (column, 0), (column, -1), colors.HexColor("#d9d9d9")),
                                  ("BOX", (column, 0), (column, -1), 1.2, colors.black),
                                  ("FONTNAME", (column, 1), (column, -1), BOLD)]))
    story.append(grid)
    story.append(Paragraph("누적 비용 (선취비용 + 이자) — 선이 만나는 곳이 손익분기", s["h2"]))
    story.append(Image(io.BytesIO(c.chart_png), width=width, height=width * 3.0 / 7.2))

    story.append(Paragraph("맞춤 금리 산정 근거", s["h2"]))
    story.append(_table([["항목", "%p"]] + [[Paragraph(_plain(t), s["cell"]), v] for t, v in c.reason_codes],
                        [width - 30 * mm, 30 * mm]))
    story.append(Paragraph("미래 대출 한도 시뮬레이션", s["h2"]))
    story.append(_table([["시나리오", "예상 한도", "제약 요인"]] + [list(r) for r in c.scenarios],
                        [width * 0.4, width * 0.3, width * 0.3], align_right_from=1))
    story.append(Spacer(1, 4))
    story.append(Paragraph(f"제안: {_plain(c.suggestion)}", s["base"]))
    story.append(Paragraph("꼭 알아두실 사항 (금융소비자보호법에 따른 설명)", s["h2"]))
    for line in c.disclosures:
        story.append(Paragraph(f"• {line}", s["small"]))
    story.append(Spacer(1, 6))
    story.append(KeepTogether([
        Paragraph("확인 및 서명", s["h2"]),
        Paragraph("위 내용을 설명 받고 이해하였습니다.  고객 확인: ____________________ (서명)", s["base"]),
        Spacer(1, 4),
        Paragraph(f"은행 전자서명: 아래 서명란 (PAdES, {c.engine_version} / 정책 {c.policy_version})", s["small"]),
        Spacer(1, (SIGNATURE_BOX_MM[3] - SIGNATURE_BOX_MM[1] + 8) * mm),
    ]))

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.drawString(16 * mm, 8 * mm, f"{c.proposal_no} · 입력 sha256 {c.input_sha256[:16]}…")
        canvas.drawRightString(A4[0] - 16 * mm, 8 * mm, f"{document.page} 쪽")
        if c.demo:
            canvas.setFont(BOLD, 7)
            canvas.drawCentredString(A4[0] / 2, 8 * mm, "DEMO")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return _attach(buffer.getvalue(), c)


def _attach(pdf: bytes, c: ProposalContent) -> bytes:
    """Attach the quote input and record the versions and hash in the document information."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_attachment(ATTACHMENT, exact_json.dumps(c.quote_input).encode("utf-8"))
    writer.add_metadata({"/RetentionProposalNo": c.proposal_no, "/RetentionInputSha256": c.input_sha256,
                         "/RetentionEngineVersion": c.engine_version, "/RetentionPolicyVersion": c.policy_version})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def embedded_facts(pdf: bytes) -> dict[str, str]:
    """The proposal number, input hash and versions recorded in a proposal file."""
    info = PdfReader(io.BytesIO(pdf)).metadata or {}
    return {key: str(info.get(f"/Retention{name}", "")) for key, name in (
        ("proposal_no", "ProposalNo"), ("input_sha256", "InputSha256"), ("engine_version", "EngineVersion"),
        ("policy_version", "PolicyVersion"))}


def signature_box_points() -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = SIGNATURE_BOX_MM
    return int(x1 * mm), int(y1 * mm), int(x2 * mm), int(y2 * mm)
