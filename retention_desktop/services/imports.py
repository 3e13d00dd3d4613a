"""Head-office imports. Every row is validated; errors name the file's line (the header is line 1);
a file with any bad row changes nothing.

``retention-admin import market-offers FILE.csv`` — UTF-8 CSV with the header
``lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source``. A sheet
replaces the rows of the same lender, loan kind and date already stored (a re-published sheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import delete, tuple_

from retention_desktop.data.database import Database
from retention_desktop.data.models import LOAN_KINDS, MarketOffer
from retention_desktop.services import audit

MARKET_OFFER_HEADER = ["lender", "loan_kind", "credit_score_min", "credit_score_max", "annual_rate_pct", "fees",
                       "as_of", "source"]


class ImportRejected(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class MarketOfferRow:
    line: int
    lender: str
    loan_kind: str
    credit_score_min: int
    credit_score_max: int
    annual_rate_pct: Decimal
    fees: int
    as_of: dt.date
    source: str


def _int(value: str, field: str, low: int, high: int) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise ValueError(f"{field}: whole number expected, got {value!r}") from None
    if not low <= number <= high:
        raise ValueError(f"{field}: must be between {low:,} and {high:,}, got {number}")
    return number


def parse_market_offers(text: str, name: str) -> list[MarketOfferRow]:
    """Every row, or ``ImportRejected`` listing every bad line."""
    if text.startswith("\ufeff"):
        text = text[1:]  # Excel's UTF-8 byte-order mark
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != MARKET_OFFER_HEADER:
        raise ImportRejected([f"{name}:1: header must be {','.join(MARKET_OFFER_HEADER)}"])
    rows, errors, seen = [], [], {}
    for line, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(MARKET_OFFER_HEADER):
            errors.append(f"{name}:{line}: expected {len(MARKET_OFFER_HEADER)} fields, got {len(record)}")
            continue
        values = dict(zip(MARKET_OFFER_HEADER, (cell.strip() for cell in record)))
        try:
            if not values["lender"]:
                raise ValueError("lender: must not be empty")
            if values["loan_kind"] not in LOAN_KINDS:
                raise ValueError(f"loan_kind: must be one of {', '.join(LOAN_KINDS)}, got {values['loan_kind']!r}")
            low = _int(values["credit_score_min"], "credit_score_min", 1, 1000)
            high = _int(values["credit_score_max"], "credit_score_max", 1, 1000)
            if low > high:
                raise ValueError(f"credit_score_min {low} is above credit_score_max {high}")
            try:
                rate = Decimal(values["annual_rate_pct"])
            except InvalidOperation:
                raise ValueError(f"annual_rate_pct: number expected, got {values['annual_rate_pct']!r}") from None
            if not rate.is_finite() or not Decimal(0) < rate <= Decimal(100) or rate != rate.quantize(Decimal("0.0001")):
                raise ValueError(f"annual_rate_pct: must be above 0 and at most 100 with four decimals, got {rate}")
            fees = _int(values["fees"], "fees", 0, 100_000_000)
            try:
                as_of = dt.date.fromisoformat(values["as_of"])
            except ValueError:
                raise ValueError(f"as_of: date YYYY-MM-DD expected, got {values['as_of']!r}") from None
            if not values["source"]:
                raise ValueError("source: must not be empty")
        except ValueError as exc:
            errors.append(f"{name}:{line}: {exc}")
            continue
        key = (values["lender"], values["loan_kind"], low, as_of)
        if key in seen:
            errors.append(f"{name}:{line}: the same lender, loan kind, band and date as line {seen[key]}")
            continue
        seen[key] = line
        rows.append(MarketOfferRow(line, values["lender"], values["loan_kind"], low, high, rate, fees, as_of,
                                   values["source"]))
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected([f"{name}: no rows"])
    return rows


def import_market_offers(db: Database, path: Path, employee_no: str | None = None) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRejected([f"{path}: cannot read as UTF-8 text: {exc}"]) from exc
    rows = parse_market_offers(text, path.name)
    sheets = {(r.lender, r.loan_kind, r.as_of) for r in rows}
    with db.session() as s:  # one transaction: the old sheets go and the new come, or nothing changes
        s.execute(delete(MarketOffer).where(
            tuple_(MarketOffer.lender, MarketOffer.loan_kind, MarketOffer.as_of).in_(list(sheets))))
        s.add_all(MarketOffer(lender=r.lender, loan_kind=r.loan_kind, credit_score_min=r.credit_score_min,
                              credit_score_max=r.credit_score_max, annual_rate_pct=r.annual_rate_pct, fees=r.fees,
                              as_of=r.as_of, source=r.source) for r in rows)
        audit.record(s, employee_no, "import.market_offers", None, file=path.name, rows=len(rows))
    return len(rows)
