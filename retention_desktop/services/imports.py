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

from sqlalchemy import delete, select, tuple_

from retention_desktop.data.database import Database
from retention_desktop.data.models import INDEX_NAMES, LOAN_KINDS, IndexRate, MarketOffer, PolicyVersion
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


def _records(text: str, name: str, header: list[str], errors: list[str]):
    """(line, {column: text}) for every non-blank row; shape errors go to ``errors``."""
    if text.startswith("\ufeff"):
        text = text[1:]  # Excel's UTF-8 byte-order mark
    reader = csv.reader(io.StringIO(text))
    found = next(reader, None)
    if found is None or [h.strip() for h in found] != header:
        raise ImportRejected([f"{name}:1: header must be {','.join(header)}"])
    for line, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            errors.append(f"{name}:{line}: expected {len(header)} fields, got {len(record)}")
            continue
        yield line, dict(zip(header, (cell.strip() for cell in record)))


def _rate(text: str, field: str, allow_zero: bool = False) -> Decimal:
    try:
        rate = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{field}: number expected, got {text!r}") from None
    low_ok = rate >= 0 if allow_zero else rate > 0
    if not rate.is_finite() or not low_ok or rate > 100 or rate != rate.quantize(Decimal("0.0001")):
        raise ValueError(f"{field}: must be {'0' if allow_zero else 'above 0'} to 100 with at most four decimals, "
                         f"got {rate}")
    return rate


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{field}: date YYYY-MM-DD expected, got {text!r}") from None


def parse_market_offers(text: str, name: str) -> list[MarketOfferRow]:
    """Every row, or ``ImportRejected`` listing every bad line."""
    rows: list[MarketOfferRow] = []
    errors: list[str] = []
    seen: dict = {}
    for line, values in _records(text, name, MARKET_OFFER_HEADER, errors):
        try:
            if not values["lender"]:
                raise ValueError("lender: must not be empty")
            if values["loan_kind"] not in LOAN_KINDS:
                raise ValueError(f"loan_kind: must be one of {', '.join(LOAN_KINDS)}, got {values['loan_kind']!r}")
            low = _int(values["credit_score_min"], "credit_score_min", 1, 1000)
            high = _int(values["credit_score_max"], "credit_score_max", 1, 1000)
            if low > high:
                raise ValueError(f"credit_score_min {low} is above credit_score_max {high}")
            rate = _rate(values["annual_rate_pct"], "annual_rate_pct")
            fees = _int(values["fees"], "fees", 0, 100_000_000)
            as_of = _date(values["as_of"], "as_of")
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
    rows = parse_market_offers(_read(path), path.name)
    sheets = {(r.lender, r.loan_kind, r.as_of) for r in rows}
    with db.session() as s:  # one transaction: the old sheets go and the new come, or nothing changes
        s.execute(delete(MarketOffer).where(
            tuple_(MarketOffer.lender, MarketOffer.loan_kind, MarketOffer.as_of).in_(list(sheets))))
        s.add_all(MarketOffer(lender=r.lender, loan_kind=r.loan_kind, credit_score_min=r.credit_score_min,
                              credit_score_max=r.credit_score_max, annual_rate_pct=r.annual_rate_pct, fees=r.fees,
                              as_of=r.as_of, source=r.source) for r in rows)
        audit.record(s, employee_no, "import.market_offers", None, file=path.name, rows=len(rows))
    return len(rows)


INDEX_RATE_HEADER = ["index_name", "rate_date", "annual_rate_pct"]


def import_index_rates(db: Database, path: Path, employee_no: str | None = None) -> int:
    """``index_name,rate_date,annual_rate_pct`` (COFIX, bank bonds): a date already stored is replaced."""
    text = _read(path)
    rows, errors, seen = [], [], {}
    for line, values in _records(text, path.name, INDEX_RATE_HEADER, errors):
        try:
            if values["index_name"] not in INDEX_NAMES:
                raise ValueError(f"index_name: must be one of {', '.join(INDEX_NAMES)}, got {values['index_name']!r}")
            row = (values["index_name"], _date(values["rate_date"], "rate_date"),
                   _rate(values["annual_rate_pct"], "annual_rate_pct", allow_zero=True))
        except ValueError as exc:
            errors.append(f"{path.name}:{line}: {exc}")
            continue
        if row[:2] in seen:
            errors.append(f"{path.name}:{line}: the same index and date as line {seen[row[:2]]}")
            continue
        seen[row[:2]] = line
        rows.append(row)
    if errors or not rows:
        raise ImportRejected(errors or [f"{path.name}: no rows"])
    with db.session() as s:
        s.execute(delete(IndexRate).where(tuple_(IndexRate.index_name, IndexRate.rate_date).in_(list(seen))))
        s.add_all(IndexRate(index_name=n, rate_date=d, annual_rate_pct=r) for n, d, r in rows)
        audit.record(s, employee_no, "import.index_rates", None, file=path.name, rows=len(rows))
    return len(rows)


def import_policy(db: Database, path: Path, employee_no: str | None = None) -> str:
    """A new policy version: JSON ``{"version", "effective_from", "note", "parameters"}``, checked in full."""
    from retention_desktop.domain import exact_json
    from retention_desktop.domain.policy import Policy, PolicyError

    try:
        document = exact_json.loads(_read(path))
    except ValueError as exc:
        raise ImportRejected([f"{path.name}: malformed JSON: {exc}"]) from exc
    if not isinstance(document, dict):
        raise ImportRejected([f"{path.name}: a JSON object is expected"])
    try:
        version = str(document["version"]).strip()
        effective = _date(str(document["effective_from"]), "effective_from")
        Policy.from_parameters(version, effective, document["parameters"])
    except KeyError as exc:
        raise ImportRejected([f"{path.name}: {exc.args[0]} is missing"]) from exc
    except (ValueError, PolicyError) as exc:
        raise ImportRejected([f"{path.name}: {exc}"]) from exc
    with db.session() as s:
        if s.scalar(select(PolicyVersion.id).where((PolicyVersion.version == version)
                                                   | (PolicyVersion.effective_from == effective))):
            raise ImportRejected([f"{path.name}: a policy with version {version} or date {effective} already exists"])
        s.add(PolicyVersion(version=version, effective_from=effective, parameters=document["parameters"],
                            note=str(document.get("note", ""))))
        audit.record(s, employee_no, "import.policy", None, file=path.name, version=version,
                     effective_from=effective.isoformat())
    return version


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRejected([f"{path}: cannot read as UTF-8 text: {exc}"]) from exc
