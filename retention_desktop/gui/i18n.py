"""Translatable text: Korean is the source language; ``resources/translations/retention_en.ts`` gives English.

Besides ``tr``, the screen's figures in its language: amounts (``format_won``, ``format_won_korean``: the Korean
reading in Korean, exact ``₩1,234,000`` in English) and ``localize`` for table cells and labels built from the engine's
Korean labels, units (원, 개월, 건, 명) and sentences (``domain.sentences``: rendered from their template).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from retention_desktop.domain import money
from retention_desktop.domain.sentences import Sentence, render
from retention_desktop.messages import stored_sentences

CONTEXT = "RetentionDesktop"
_KOREAN_AMOUNT = re.compile(r"(-?)(?:(\d[\d,]*)억)?\s?(?:(\d[\d,]*)만)?\s?(?:(\d[\d,]*))?\s?원")
_COUNT = re.compile(r"(\d[\d,]*)(개월|건|명|일|점|년|세)")
_UNITS = {"개월": " months", "건": "", "명": "", "일": " days", "점": " pts", "년": " years", "세": ""}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ONE_UNITS = re.compile(r"(?<![\d.,])1 (month|day|year|pt)s\b")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def language() -> str:
    """"en" when the English catalogue is installed, else "ko" (the source language)."""
    return "ko" if tr("원") == "원" else "en"


def format_won(amount: int) -> str:
    """Whole won with separators: ``1,234,000원`` (English: ``₩1,234,000``)."""
    if language() == "ko":
        return money.format_won(amount)
    return f"{'-' if amount < 0 else ''}₩{abs(amount):,}"


def format_won_korean(amount: int) -> str:
    """The Korean reading ``1억 2,000만 원`` (English: ``₩120M`` when that is exact, else ``₩120,598,932``)."""
    if language() == "ko":
        return money.format_won_korean(amount)
    for size, suffix in ((1_000_000_000, "B"), (1_000_000, "M")):
        if amount and amount % (size // 10) == 0 and abs(amount) >= size:
            return f"{'-' if amount < 0 else ''}₩{abs(amount) / size:,.1f}{suffix}".replace(f".0{suffix}", suffix)
    return format_won(amount)


def count(n: int, unit: str) -> str:
    """A count with its Korean counter (``12건``, ``3명``); English shows the number alone (``12``)."""
    return f"{n:,}{unit}" if language() == "ko" else f"{n:,}"


def localize(text: str) -> str:
    """A cell's text in the screen's language: the whole text if the catalogue has it, else amounts and units
    rewritten and each Korean word the catalogue knows translated (names and what it does not know stay). An
    engine ``Sentence`` is said through its template (the catalogue's key) with its values localized in turn."""
    if not text or language() == "ko" or not _HANGUL.search(text):
        return text
    return _ONE_UNITS.sub(r"1 \1", _english(text))  # "1 month", never "1 months" (counts, templates alike)


def _english(text: str) -> str:
    if isinstance(text, Sentence):
        return render(text, tr, localize)
    whole = tr(text)
    if whole != text:
        return whole
    stored = stored_sentences().parsed(text)  # an engine sentence kept as its Korean text (call-list reasons)
    if stored is not None:
        return render(stored, tr, localize)
    place, colon, sentence = text.rpartition(": ")
    if colon and tr(sentence) != sentence:  # a database refusal: its place, then a fixed sentence of the catalogue
        return f"{place}{colon}{tr(sentence)}"
    text = _KOREAN_AMOUNT.sub(_amount, text)
    text = _COUNT.sub(lambda m: f"{m.group(1)}{_UNITS[m.group(2)]}", text)
    # then each part between separators (·, /, →, ~, commas, brackets) the catalogue knows as a whole: never word by
    # word, which would turn free text and names into nonsense
    return re.sub(r"[^·/→~,()\[\]]+", lambda m: _part(m.group(0)), text)


def _amount(m: re.Match) -> str:
    """``1억 2,000만 원`` or ``35,000원`` as ``₩120,000,000`` / ``₩35,000``."""
    sign, eok, man, won = m.groups()
    if not (eok or man or won):
        return m.group(0)
    value = sum(int(part.replace(",", "")) * unit for part, unit in ((eok, 100_000_000), (man, 10_000), (won, 1))
                if part)
    return f"{sign}₩{value:,}"


def _part(part: str) -> str:
    bare = part.strip()
    if not bare or not _HANGUL.search(bare):
        return part
    translated = tr(bare)
    return part.replace(bare, translated) if translated != bare else part
