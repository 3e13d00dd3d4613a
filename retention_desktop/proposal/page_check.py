"""Are the key figures of a proposal's machine-readable facts the ones its pages print? (docs/security.md, finding 3c)

The signature covers the file's bytes, so a page that prints 1.00 % while ``proposal-facts.json`` says 4.37 %
can only come from a workstation that signed it itself (an officer's own certificate used to forge). The
verification (``verify-proposal`` and 제안서 확인, ``services/proposal_service.py`` and
``services/proposal_check.py``) reads page 1's text with PDFium (``pdf_engine.pdfium_lock``) and looks for each
figure as the page formats it (``proposal/document.py``'s own formatting functions): the proposal number, the
customer (number, and the masked name when the caller has it), the new rate, the monthly payment and the validity
(the attached facts, which the verification has already compared with the archive) and the total saving (the
archived quote's, which the database reads: ``data.proposal_facts`` "saving"). Whitespace is ignored on both sides (a
paragraph may wrap a figure anywhere). A mismatch names the field; the text is never shown (it names the customer).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from retention_desktop.domain.money import format_won
from retention_desktop.pdf_engine import pdfium_lock
from retention_desktop.proposal import document

_SPACE = re.compile(r"\s+")
FIRST_PAGES = 1  # the number, the customer and the summary box are printed on page 1 (proposal/document.py)


def page_text(pdf: bytes, pages: int = FIRST_PAGES) -> str | None:
    """The text of the first ``pages`` pages (PDFium), whitespace removed; None when PDFium cannot read the file."""
    import pypdfium2 as pdfium

    with pdfium_lock():
        try:
            doc = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError:
            return None
        try:
            parts = []
            for index in range(min(len(doc), pages)):
                page = doc[index]
                try:
                    text_page = page.get_textpage()
                    try:
                        parts.append(text_page.get_text_range())
                    finally:
                        text_page.close()
                finally:
                    page.close()
        finally:
            doc.close()
    return _SPACE.sub("", "".join(parts))


# looked for inside the summary box only: the comparison table prints the offered rate and payment too, and a
# forger who changes only the box must not pass on the table's figures
BOX_FIELDS = ("제안 금리", "월 상환액", "총 절약액", "유효기한")


def summary_box(text: str) -> str:
    """The summary box's text (whitespace removed): from its head (either wording: document.SUMMARY_HEAD, or
    SUMMARY_HEAD_BANK when the advice is to switch) to the current loan's heading; '' if not found."""
    end = _SPACE.sub("", document.CURRENT_LOAN_HEAD)
    found = [text.find(_SPACE.sub("", h)) for h in (document.SUMMARY_HEAD, document.SUMMARY_HEAD_BANK)]
    start = min((i for i in found if i >= 0), default=-1)
    stop = text.find(end, start + 1) if start >= 0 else -1
    return text[start:stop] if start >= 0 and stop > start else ""


def _rate(value) -> Decimal | None:
    try:
        rate = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return rate if rate.is_finite() and 0 <= rate <= 100 else None


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10 ** 18 else None


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def expected_lines(facts: dict, saving: int | None, customer_no: str | None,
                   masked_name: str | None = None) -> dict[str, str | re.Pattern | None]:
    """Field (the officer's word for it) → what the page must print, whitespace removed: text, a pattern (the
    masked name: each * one character), or None when the fact is unreadable (then the field differs)."""
    rate = _rate(facts.get("annual_rate_pct"))
    payment = _int(facts.get("monthly_payment"))
    valid_until = _day(facts.get("valid_until"))
    saving, months = _int(saving), _int(facts.get("term_months"))
    number = facts.get("proposal_no")
    # each figure of the box with its label before it
    lines: dict[str, str | re.Pattern | None] = {
        "제안서 번호": document.number_line(number) if isinstance(number, str) and number else None,
        "제안 금리": document.SUMMARY_RATE + document.rate_text(rate) if rate is not None else None,
        "월 상환액": document.SUMMARY_MONTHLY + format_won(payment) if payment is not None else None,
        "총 절약액": document.SUMMARY_SAVING + document.saving_text(saving, months)
        if saving is not None and months is not None else None,
        "유효기한": document.SUMMARY_VALIDITY + document.validity_text(valid_until) if valid_until is not None else None,
    }
    if customer_no is not None:
        printed = document.customer_line(masked_name or "", customer_no)
        if masked_name:
            masked = _SPACE.sub("", printed)
            lines["고객"] = re.compile("".join("." if ch == "*" else re.escape(ch) for ch in masked))
        else:
            lines["고객"] = printed[printed.index("(고객번호"):]
    return {field: (line if line is None or isinstance(line, re.Pattern) else _SPACE.sub("", line))
            for field, line in lines.items()}


def page_mismatch(pdf: bytes, facts: dict, saving: int | None, customer_no: str | None,
                  masked_name: str | None = None) -> str | None:
    """Why the printed pages do not show the facts, naming the fields (Korean); None when they do.

    ``facts``: the file's ``proposal-facts.json`` (already compared with the archive); ``saving``: the total saving
    (won, against keeping) of the archived quote's offered option; ``customer_no``: the customer the database
    archived it for;
    ``masked_name``: the database's masked name (김*늘), when the caller has it."""
    text = page_text(pdf)
    if text is None:
        return "제안서의 인쇄 면을 읽을 수 없어 적힌 내용을 확인할 수 없습니다."
    box = summary_box(text)
    missing = []
    for field, line in expected_lines(facts, saving, customer_no, masked_name).items():
        where = box if field in BOX_FIELDS else text
        if line is None or (line.search(where) is None if isinstance(line, re.Pattern) else line not in where):
            missing.append(field)
    if missing:
        return ("제안서 인쇄 면에 적힌 내용이 첨부된 제안 내용(proposal-facts.json)과 다릅니다: " + ", ".join(missing)
                + " — 서명한 직원의 인증서로 위조되었을 수 있습니다: 보안 담당자에게 알리세요.")
    return None
