"""The proposal as an A4 PDF (reportlab), written for the customer who takes it home and signs it.

Page 1 opens with the summary box (the recommended action, its rate, monthly payment, total saving
including fees, break-even and validity), then the customer, the officer and the comparison; page 2
the cumulative-cost chart over the whole remaining term, the reasons for the rate and the limit
simulation; the last page what the customer must know (금융소비자보호법), the contacts, the review
number and the signatures. No text is smaller than 9 points; no table is split across pages; pages
are numbered "1 / 3"; dates and times are Korean. It prints in black and white.

``ProposalContent`` is plain data; ``render`` turns it into bytes and says where the bank's signature
field goes. The quote input is attached, and so are the printed facts (``proposal-facts.json``: number,
loan, action, rate, term, amount, monthly payment, validity and the quote's sha256 computed by the database,
which verification compares with the archive); the document information records the proposal number, the
input's sha256, the check code, the summary and the engine and policy versions (for machines: none of it is
printed except the check code under the QR).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import CondPageBreak

from retention_desktop.domain import exact_json, proposal_facts
from retention_desktop.domain.disclosures import Disclosure
from retention_desktop.domain.korean_time import format_date_ko, format_datetime_ko
from retention_desktop.domain.money import format_rate_pct, format_won, format_won_korean
from retention_desktop.domain.proposal_code import grouped, qr_payload
from retention_desktop.proposal import chart
from retention_desktop.proposal.fonts import BOLD, FONT, register_korean_fonts

ATTACHMENT = "quote-input.json"
MIN_FONT_PT = 9.0
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 14 * mm, 17 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN_X
SIGNATURE_SIZE_MM = (84, 30)
MAX_OPTION_COLUMNS = 6  # more options continue in a second table (keeping stays as the first column)

TITLES = {"reloan": "재대출 제안서", "renegotiate": "금리 조건변경 제안서", "keep": "대출 상담 결과 안내",
          "switch": "대출 상담 결과 안내"}


@dataclass(frozen=True)
class Summary:
    """The summary box: what we recommend and what it means in money. Won, percent a year, months."""

    action: str  # keep | renegotiate | reloan | switch (domain.disclosures.ACTIONS)
    headline: str  # "재대출을 권해 드립니다"
    option_title: str  # the comparison column it refers to
    new_rate_pct: Decimal
    current_rate_pct: Decimal
    monthly_payment: int
    current_monthly_payment: int
    total_saving: int  # against keeping, fees and stamp duty included; negative = costs more
    months: int
    break_even_month: int | None
    valid_until: dt.date
    reasons: tuple[str, ...] = ()
    note: str = ""  # e.g. a cheaper offer elsewhere the customer should know about
    # False when the engine's advice is to let the customer switch: the box and the column then say "저희 은행의
    # 제안" / "(이 제안)", never "권해 드리는 선택" / "(권해 드림)" over an option the note says is not the best
    recommended: bool = True

    def facts(self) -> dict:
        return {"action": self.action, "option": self.option_title, "new_rate_pct": str(self.new_rate_pct),
                "monthly_payment": self.monthly_payment, "total_saving": self.total_saving, "months": self.months,
                "break_even_month": self.break_even_month, "valid_until": self.valid_until.isoformat()}


@dataclass(frozen=True)
class ProposalContent:
    proposal_no: str
    created_at: dt.datetime  # aware; printed in Korean time
    bank_name: str
    branch_name: str
    branch_phone: str | None
    officer_name: str
    officer_title: str  # 행원, 지점장
    officer_employee_no: str
    customer_name: str  # in full: the customer keeps and signs this document
    customer_no: str
    summary: Summary
    current_loan: list[tuple[str, str]]
    option_titles: list[str]
    option_rows: list[tuple[str, list[str]]]
    proposed_column: int | None  # index into option_titles of the recommended option
    chart_lines: list[chart.ChartLine]
    break_even_month: int | None
    reason_codes: list[tuple[str, str]]
    scenarios: list[tuple[str, str, str]]
    suggestion: str
    disclosures: list[Disclosure]
    ad_review_no: str
    check_code: str
    engine_version: str
    policy_version: str
    input_sha256: str
    quote_input: dict = field(repr=False)
    demo: bool = True
    # the printed facts for machines (domain/proposal_facts.py), attached as proposal-facts.json before signing
    facts: dict = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str:
        return TITLES.get(self.summary.action, "대출 상담 결과 안내")


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    signature_page: int  # 0-based
    signature_box: tuple[int, int, int, int]  # points, bottom-left origin (x1, y1, x2, y2)


def register_fonts() -> None:
    """Both faces, registered once for every thread (``proposal.fonts``)."""
    register_korean_fonts()


def _styles() -> dict[str, ParagraphStyle]:
    """Running text wraps between any two syllables (CJK); table cells, the headline, the summary's notes and the
    rights' titles wrap between words (Korean 어절), so that a loan number, a lender's name or a phone number is
    never cut in two in a narrow column (a word wider than its column is still split: ``splitLongWords``)."""
    base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=14, wordWrap="CJK")
    styles = {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9.5, leading=13.5),
        "caption": ParagraphStyle("caption", parent=base, fontSize=9, leading=11.5, alignment=1),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=19, leading=24),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11.5, leading=16),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=12, leading=16, spaceBefore=9, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=BOLD, fontSize=9.5, leading=12.5),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=9.5, leading=12.5, alignment=2),
        "cell_right_bold": ParagraphStyle("cell_right_bold", parent=base, fontName=BOLD, fontSize=9.5, leading=12.5,
                                          alignment=2),
        "headline": ParagraphStyle("headline", parent=base, fontName=BOLD, fontSize=15, leading=20),
        "box_label": ParagraphStyle("box_label", parent=base, fontSize=9.5, leading=12),
        "box_value": ParagraphStyle("box_value", parent=base, fontName=BOLD, fontSize=13, leading=17),
        "box_note": ParagraphStyle("box_note", parent=base, fontSize=9.5, leading=13),
        "legal_title": ParagraphStyle("legal_title", parent=base, fontName=BOLD, fontSize=9.5, leading=13),
        "legal": ParagraphStyle("legal", parent=base, fontSize=9.5, leading=13.5),
    }
    for name in ("cell", "cell_bold", "cell_right", "cell_right_bold", "headline", "box_note", "legal_title"):
        styles[name].wordWrap = None  # between words
    return styles


def _esc(text: str) -> str:
    """Text for a Paragraph: markup characters escaped, and the typographic minus (not in NanumGothic) as '-'."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u2212", "-"))


def _table(rows: list[list], widths: list[float], header_rows: int = 1, emphasis_column: int | None = None) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=header_rows)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black),
        ("INNERGRID", (0, header_rows), (-1, -1), 0.3, colors.HexColor("#8c8c8c")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6e6e6")),
    ]
    if emphasis_column is not None:
        style.append(("BOX", (emphasis_column, 0), (emphasis_column, -1), 1.8, colors.black))
    t.setStyle(TableStyle(style))
    return t


def _qr(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


class SignatureSlot(Flowable):
    """Reserves the place of the bank's visible signature and records where the layout put it."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height
        self.page: int | None = None
        self.box: tuple[int, int, int, int] | None = None

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.page = self.canv.getPageNumber() - 1
        self.box = (int(x), int(y), int(x + self.width), int(y + self.height))


def _numbered_canvas(c: ProposalContent):
    """A canvas that prints "n / N" (N known only at the end) and the footer on every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFillColor(colors.black)
            self.setFont(FONT, MIN_FONT_PT)
            y = 9 * mm
            self.drawString(MARGIN_X, y, f"{c.proposal_no} · {c.ad_review_no}")
            self.setFont(BOLD, 10)
            self.drawRightString(A4[0] - MARGIN_X, y, f"{self._pageNumber} / {total}")
            if c.demo:
                self.setFont(BOLD, MIN_FONT_PT)
                self.drawCentredString(A4[0] / 2 + 40 * mm, y, "DEMO · 시연용, 효력 없음")
            if self._pageNumber > 1:
                self.setFont(FONT, MIN_FONT_PT)
                self.drawString(MARGIN_X, A4[1] - 9 * mm, f"{c.customer_name} 고객님 · {c.title} {c.proposal_no}")
                self.drawRightString(A4[0] - MARGIN_X, A4[1] - 9 * mm, f"{c.bank_name} {c.branch_name}")
            self.restoreState()

    return NumberedCanvas


def render(c: ProposalContent) -> Rendered:
    register_fonts()
    s = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM, title=f"{c.title} {c.proposal_no}", author=c.bank_name,
                            subject=f"{c.customer_no} {c.proposal_no}", creator="Retention Desktop",
                            invariant=True)
    slot = SignatureSlot(SIGNATURE_SIZE_MM[0] * mm, SIGNATURE_SIZE_MM[1] * mm)
    story = _first_page(c, s) + _analysis(c, s) + _legal(c, s, slot)
    doc.build(story, canvasmaker=_numbered_canvas(c))
    if slot.page is None or slot.box is None:
        raise RuntimeError("the signature slot was not laid out")
    return Rendered(_attach(buffer.getvalue(), c), slot.page, slot.box)


# -- page 1: who, what we recommend, the comparison -------------------------------------------------------
def _first_page(c: ProposalContent, s) -> list:
    qr_size = 27 * mm
    qr_column = 50 * mm
    demo = " · DEMO (시연용, 효력 없음)" if c.demo else ""
    left = [Paragraph(_esc(f"{c.bank_name} · {c.branch_name}{demo}"), s["base"]),
            Spacer(1, 3),
            Paragraph(_esc(c.title), s["title"]),
            Paragraph(_esc(f"{c.customer_name} 고객님께 드리는 맞춤 안내"), s["subtitle"]),
            Spacer(1, 4),
            Paragraph(_esc(number_line(c.proposal_no)), s["small"]),
            Paragraph(_esc(f"작성 {format_datetime_ko(c.created_at)} (한국 시간)"), s["small"]),
            Paragraph(_esc(f"유효기한 {validity_text(c.summary.valid_until)}"), s["small"])]
    right = [_qr(qr_payload(c.proposal_no, c.check_code), qr_size),
             Paragraph("진위 확인용 QR<br/>" + _esc(f"확인코드 {grouped(c.check_code)}"), s["caption"])]
    head = Table([[left, right]], colWidths=[FRAME_WIDTH - qr_column, qr_column])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "CENTER"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    phone = f" · 전화 {c.branch_phone}" if c.branch_phone else ""
    people = Table([[Paragraph("<b>고객</b>", s["cell"]),
                     Paragraph(_esc(customer_line(c.customer_name, c.customer_no)), s["cell"]),
                     Paragraph("<b>담당</b>", s["cell"]),
                     Paragraph(_esc(f"{c.officer_name} {c.officer_title} ({c.officer_employee_no}) · "
                                    f"{c.branch_name}{phone}"), s["cell"])]],
                   colWidths=[12 * mm, FRAME_WIDTH * 0.36, 12 * mm, FRAME_WIDTH * 0.64 - 24 * mm])
    people.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    parts = [head, Spacer(1, 4), people, Spacer(1, 8), _summary_box(c, s)]
    weights = [2.1, 1.5, 0.9, 1.0, 1.0, 1.0, 1.6][:len(c.current_loan)]
    widths = [FRAME_WIDTH * w / sum(weights) for w in weights]
    parts.append(KeepTogether([
        Paragraph(CURRENT_LOAN_HEAD, s["h2"]),
        _table([[Paragraph(_esc(k), s["cell_bold"]) for k, _ in c.current_loan],
                [Paragraph(_esc(v), s["cell"]) for _, v in c.current_loan]], widths)]))
    parts += _comparison_tables(c, s)
    return parts


# -- the summary box's lines: also what verification looks for on the printed page (proposal/page_check.py) --
# the box runs from its head to the next section's heading (the current loan), which follows it on page 1
SUMMARY_HEAD, CURRENT_LOAN_HEAD = "권해 드리는 선택", "지금 대출"
SUMMARY_HEAD_BANK = "저희 은행의 제안"  # the box's head when the advice is to switch (Summary.recommended False)
SUMMARY_RATE, SUMMARY_MONTHLY = "새 금리", "월 납입액"
SUMMARY_SAVING, SUMMARY_VALIDITY = "총 절약액 (수수료·인지세 포함)", "이 제안의 유효기한"


def number_line(proposal_no: str) -> str:
    return f"제안서 번호 {proposal_no}"


def customer_line(customer_name: str, customer_no: str) -> str:
    return f"{customer_name} (고객번호 {customer_no})"


def rate_text(rate_pct: Decimal) -> str:
    """How the summary box's rate begins: "연 4.37%"."""
    return f"연 {format_rate_pct(rate_pct)}"


def saving_text(total_saving: int, months: int) -> str:
    """The summary box's total saving (won, against keeping, fees and stamp duty included; negative: costs more)."""
    if total_saving > 0:
        return f"{format_won(total_saving)} 절약 ({format_won_korean(total_saving)}, 남은 {months}개월)"
    if total_saving < 0:
        return f"{format_won(-total_saving)} 더 듦 (남은 {months}개월)"
    return "추가 비용도 절약도 없음"


def validity_text(valid_until: dt.date) -> str:
    return f"{format_date_ko(valid_until)}까지"


def _summary_box(c: ProposalContent, s) -> Table:
    m = c.summary
    monthly_change = m.current_monthly_payment - m.monthly_payment
    if m.action == "keep":
        rate = f"{rate_text(m.new_rate_pct)} 그대로"
        monthly = f"{format_won(m.monthly_payment)} (변동 없음)"
    else:
        rate = f"{rate_text(m.new_rate_pct)} (지금 {format_rate_pct(m.current_rate_pct)})"
        direction = "적게" if monthly_change > 0 else "많이"
        monthly = (f"{format_won(m.monthly_payment)} (지금보다 {format_won(abs(monthly_change))} {direction})"
                   if monthly_change else f"{format_won(m.monthly_payment)} (지금과 같음)")
    if m.break_even_month is None:
        even = "없음 (절약이 처음 드는 비용을 넘지 못함)" if m.action != "keep" else "해당 없음"
    elif m.break_even_month <= 1:
        even = "첫 달부터 이득 (처음 드는 비용 포함)"
    else:
        even = f"{m.break_even_month}개월째부터 이득"
    cells = [(SUMMARY_RATE if m.action != "keep" else "금리", rate), (SUMMARY_MONTHLY, monthly),
             (SUMMARY_SAVING, saving_text(m.total_saving, m.months)), ("손익분기", even),
             (SUMMARY_VALIDITY, validity_text(m.valid_until))]
    label_w = 50 * mm
    lead = SUMMARY_HEAD if m.recommended else SUMMARY_HEAD_BANK
    rows = [[Paragraph(_esc(f"{lead} — {m.headline}"), s["headline"]), ""]]
    rows += [[Paragraph(_esc(label), s["box_label"]), Paragraph(_esc(value), s["box_value"])] for label, value in cells]
    notes = [f"왜: {'; '.join(m.reasons)}"] if m.reasons else []
    if m.note:
        notes.append(m.note)
    for note in notes:
        rows.append([Paragraph(_esc(note), s["box_note"]), ""])
    t = Table(rows, colWidths=[label_w, FRAME_WIDTH - label_w])
    style = [("BOX", (0, 0), (-1, -1), 1.6, colors.black), ("SPAN", (0, 0), (1, 0)),
             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f2f2f2")),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 8),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
             ("TOPPADDING", (0, 0), (-1, 0), 7), ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
             ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)]
    for i in range(len(cells) + 1, len(rows)):
        style.append(("SPAN", (0, i), (1, i)))
    style.append(("BOTTOMPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 7))
    t.setStyle(TableStyle(style))
    return t


def _columns_per_table(c: ProposalContent, label_w: float) -> int:
    """How many option columns fit beside the labels without wrapping a figure (3 to MAX_OPTION_COLUMNS)."""
    widest = max(pdfmetrics.stringWidth(v, BOLD, 9.5) for _label, values in c.option_rows for v in values)
    fit = int((FRAME_WIDTH - label_w) // (widest + 10))
    return max(3, min(fit, MAX_OPTION_COLUMNS))


def _comparison_tables(c: ProposalContent, s) -> list:
    """The comparison, options as columns; options that do not fit continue in a second table, keeping
    "현재 유지" as the first column of each, and the tables as even as they can be."""
    n = len(c.option_titles)
    per_table = _columns_per_table(c, 33 * mm)
    if n <= per_table:
        chunks = [list(range(n))]
    else:
        others = list(range(1, n))
        count = -(-len(others) // (per_table - 1))
        size = -(-len(others) // count)
        chunks = [[0] + others[k:k + size] for k in range(0, len(others), size)]
    parts = []
    for number, columns in enumerate(chunks):
        label_w = 33 * mm
        col_w = (FRAME_WIDTH - label_w) / max(len(columns), 3)
        marker = "(권해 드림)" if c.summary.recommended else "(이 제안)"
        title = lambda i: _esc(c.option_titles[i]) + (f"<br/>{marker}" if i == c.proposed_column else "")
        rows = [[Paragraph("(원)", s["cell"])] + [Paragraph(title(i), s["cell_bold"]) for i in columns]]
        for label, values in c.option_rows:
            rows.append([Paragraph(_esc(label), s["cell_bold"])] +
                        [Paragraph(_esc(values[i]), s["cell_right_bold" if i == c.proposed_column else "cell_right"])
                         for i in columns])
        emphasis = columns.index(c.proposed_column) + 1 if c.proposed_column in columns else None
        heading = "선택지별 비교" if number == 0 else "선택지별 비교 (이어서)"
        parts.append(KeepTogether([Paragraph(heading, s["h2"]),
                                   _table(rows, [label_w] + [col_w] * len(columns), emphasis_column=emphasis)]))
    return parts


# -- page 2: the chart, the rate's reasons, the limit simulation -------------------------------------------
def _analysis(c: ProposalContent, s) -> list:
    horizon = max(len(line.values) for line in c.chart_lines)
    proposed = c.option_titles[c.proposed_column] if c.proposed_column is not None else "제안"
    height = 78 * mm
    if horizon < 2:  # one month left: no line to draw (a point per option); the comparison table says it all
        chart_part = [Paragraph(_esc(f"남은 기간이 {horizon}개월이라 비용 그래프 대신 위 비교표의 금액(처음 드는 비용과 "
                                     "이자)으로 비교합니다."), s["small"])]
    else:
        drawing = chart.cumulative_cost_chart(c.chart_lines, c.break_even_month, FRAME_WIDTH, height)
        chart_part = [CondPageBreak(height + 60), KeepTogether([
            Paragraph(_esc(f"남은 {horizon}개월 동안 쌓이는 비용 (처음 드는 비용 + 이자)"), s["h2"]),
            Paragraph(_esc(chart.caption(c.break_even_month, horizon, proposed)), s["small"]),
            Spacer(1, 3), drawing])]
    tables = [KeepTogether([
        Paragraph("맞춤 금리 산정 근거", s["h2"]),
        _table([[Paragraph("항목", s["cell_bold"]), Paragraph("금리 (%p)", s["cell_right_bold"])]] +
               [[Paragraph(_esc(t), s["cell"]), Paragraph(_esc(v), s["cell_right"])] for t, v in c.reason_codes],
               [FRAME_WIDTH - 32 * mm, 32 * mm])]), KeepTogether([
        Paragraph("앞으로의 대출 한도 (시뮬레이션)", s["h2"]),
        _table([[Paragraph(h, s["cell_bold"]) for h in ("시나리오", "예상 한도", "한도를 정하는 규제")]] +
               [[Paragraph(_esc(a), s["cell"]), Paragraph(_esc(b), s["cell_right"]), Paragraph(_esc(d), s["cell"])]
                for a, b, d in c.scenarios], [FRAME_WIDTH * 0.4, FRAME_WIDTH * 0.25, FRAME_WIDTH * 0.35]),
        Spacer(1, 4), Paragraph(_esc(f"한도를 늘리려면: {c.suggestion}"), s["small"])])]
    # the chart follows the comparison; when the comparison already took a second table, the smaller tables go
    # first so that page 2 is not left half empty
    continued = len(c.option_titles) > _columns_per_table(c, 33 * mm)
    parts = tables + chart_part if continued else chart_part + tables
    return parts


# -- last page: rights, contacts, signatures --------------------------------------------------------------
def _legal(c: ProposalContent, s, slot: SignatureSlot) -> list:
    items = []
    for number, d in enumerate(c.disclosures):  # one small table per item: a page may fall between items only
        item = Table([[Paragraph(_esc(d.title), s["legal_title"]),
                       Paragraph(f'{_esc(d.text)} <font size="{MIN_FONT_PT}" color="#333333">(근거: {_esc(d.source)})'
                                 '</font>', s["legal"])]], colWidths=[33 * mm, FRAME_WIDTH - 33 * mm])
        item.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#8c8c8c")),
                                  ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 3)]
                                 + ([("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black)] if number == 0 else [])))
        items.append(item)
    sign = Table([[Paragraph(_esc(f"위 내용을 설명 듣고 이해했습니다.<br/><br/>고객 {c.customer_name}  "
                                  "(서명) ____________________<br/><br/>날짜 ________년 ____월 ____일")
                             .replace("&lt;br/&gt;", "<br/>"), s["base"]),
                   [Paragraph("은행 전자서명", s["cell_bold"]), slot]]],
                 colWidths=[FRAME_WIDTH - SIGNATURE_SIZE_MM[0] * mm - 6 * mm, SIGNATURE_SIZE_MM[0] * mm + 6 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [CondPageBreak(120 * mm),
            KeepTogether([Paragraph("꼭 알아두실 사항 (금융소비자보호법에 따른 설명)", s["h2"]), items[0]]), *items[1:],
            Spacer(1, 4),
            Paragraph(_esc(f"{c.ad_review_no} · 이 안내는 {format_date_ko(c.summary.valid_until)}까지 유효하며, "
                           "실제 조건은 대출 약정서와 상품설명서로 확정됩니다."), s["small"]),
            KeepTogether([Paragraph("확인 및 서명", s["h2"]), sign])]


def _attach(pdf: bytes, c: ProposalContent) -> bytes:
    """Attach the quote input (and the printed facts) and record the facts machines read in the document information,
    as an incremental update of reportlab's file written by pyHanko, which signs the proposal next (pypdf, which
    rewrote the whole file here, is left to the readers: its import was 0.06-0.1 s of a cold proposal command)."""
    from retention_desktop.proposal import lean_pyhanko

    lean_pyhanko.install()  # before pyHanko (signing.py)
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    files = {ATTACHMENT: exact_json.dumps(c.quote_input).encode("utf-8")}
    if c.facts:
        files[proposal_facts.ATTACHMENT] = json.dumps(c.facts, ensure_ascii=True, sort_keys=True).encode("ascii")
    for name in sorted(files):  # a name tree's keys in order (ISO 32000-1, 7.9.6)
        embed.embed_file(writer, embed.FileSpec(
            file_spec_string=name, file_name=name,
            embedded_data=embed.EmbeddedFileObject.from_file_data(writer, files[name])))
    info = writer.trailer["/Info"]  # reportlab always writes one
    info.update({generic.pdf_name(f"/Retention{key}"): generic.pdf_string(value) for key, value in (
        ("ProposalNo", c.proposal_no), ("InputSha256", c.input_sha256), ("CheckCode", c.check_code),
        ("EngineVersion", c.engine_version), ("PolicyVersion", c.policy_version),
        ("Summary", json.dumps(c.summary.facts(), ensure_ascii=True, sort_keys=True)))})
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def printed_facts(pdf: bytes) -> dict | None:
    """The printed facts attached to a proposal file (``proposal-facts.json``: domain/proposal_facts.py), or None
    when the file has none (or not exactly one, or not a JSON object)."""
    from pypdf import PdfReader  # a reader's: not on the proposal's way (_attach)

    try:
        found = PdfReader(io.BytesIO(pdf)).attachments.get(proposal_facts.ATTACHMENT, [])
        value = json.loads(found[0]) if len(found) == 1 else None
    except Exception:  # a damaged file or attachment has no facts; verification says so in words
        return None
    return value if isinstance(value, dict) else None


def embedded_facts(pdf: bytes) -> dict[str, str]:
    """The proposal number, input hash, check code, summary (JSON) and versions recorded in a proposal file."""
    from pypdf import PdfReader

    try:
        info = PdfReader(io.BytesIO(pdf)).metadata or {}
    except Exception:  # a damaged file has no facts to tell; verification says why it fails
        info = {}
    return {key: str(info.get(f"/Retention{name}", "")) for key, name in (
        ("proposal_no", "ProposalNo"), ("input_sha256", "InputSha256"), ("check_code", "CheckCode"),
        ("summary", "Summary"), ("engine_version", "EngineVersion"), ("policy_version", "PolicyVersion"))}

