"""Head-office imports. Every row is validated; errors name the file's line (the header is line 1);
a file with any bad row changes nothing. The rows are then stored by the database's head-office functions
(``api.save_products``, ``api.import_market_offers``, ``api.import_index_rates``, ``api.save_policy``), which
only head office may call, which check them again and record the import; ``db`` is that officer's connection
(``employee_no`` is kept for callers: the database knows who is connected).
Files are read by ``tabular`` (CSV in UTF-8 or CP949, or .xlsx;
sizes bounded) and policy JSON by ``bounded_json``; text is checked against its column's length
before the database sees it.

``retention-admin import products|market-offers|index-rates|policy FILE``; the market-offers contract:
UTF-8 CSV with the header
``lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source``. A sheet
replaces the rows of the same lender, loan kind and date already stored (a re-published sheet).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select

from retention_desktop.data import api_calls
from retention_desktop.data.bank_day import bank_today_of
from retention_desktop.data.database import Database
from retention_desktop.data.models import INDEX_NAMES, LOAN_KINDS, RATE_TYPES, MarketOffer, Product
from retention_desktop.domain.sentences import Sentence, render, say
from retention_desktop.domain import bounded_json
from retention_desktop.domain.errors import InputError
from retention_desktop.services.input_files import read_limited
from retention_desktop.domain.policy import Policy, PolicyError
from retention_desktop.heap import as_bulk_work
from retention_desktop.services import tabular
from retention_desktop.services.regulation import legal_maximum_rate

MARKET_OFFER_HEADER = ["lender", "loan_kind", "credit_score_min", "credit_score_max", "annual_rate_pct", "fees",
                       "as_of", "source"]


class ImportRejected(InputError):
    """Every problem of a refused file, one line each (``file:line[:column]: …``); nothing was stored. Each line
    is a ``domain.sentences`` sentence (Korean, said in the reader's language by ``message(translate)`` and on
    screen by ``gui.i18n.localize``)."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))

    def message(self, translate=None) -> str:
        """Each line in the catalogue's language: a sentence of ours (``domain.sentences``) through its template; a
        database refusal, which ends in a fixed sentence (e.g. the head-office bounds of db/sql/60_head_office.sql),
        by that sentence after its place (before the last ": ")."""
        if translate is None:
            return self.text

        def line(text: str) -> str:
            if isinstance(text, Sentence):
                return render(text, translate, translate)
            place, colon, sentence = text.rpartition(": ")
            return f"{place}{colon}{translate(sentence)}" if colon else translate(text)

        return "\n".join(line(e) for e in self.errors)


class RowProblem(ValueError):
    """What is wrong with one value of a row (a sentence of the catalogue, ``domain.sentences``)."""

    def __init__(self, template: str, /, **values):
        self.sentence = say(template, **values)
        super().__init__(self.sentence)


def _at(place: str, problem: Exception | str) -> str:
    """``file:line: problem`` as a sentence (the place is never translated)."""
    if isinstance(problem, RowProblem):
        said = problem.sentence
    elif isinstance(problem, InputError):  # a PolicyError: its template and values, said in the reader's language
        said = _said(problem)
    else:
        said = str(problem)
    return say("{place}: {problem}", place=place, problem=said)


@dataclass(frozen=True)
class MarketOfferRow:
    """One row of a lender's published rate sheet (as imported, and as the head-office screen lists it)."""

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
        raise RowProblem("{field}: 정수여야 합니다 (입력 {value})", field=field, value=repr(value)) from None
    if not low <= number <= high:
        raise RowProblem("{field}: {low}~{high} 사이여야 합니다 (입력 {value})", field=field, low=f"{low:,}",
                         high=f"{high:,}", value=number)
    return number


def _not_one_of(field: str, choices, value: str) -> RowProblem:
    return RowProblem("{field}: {choices} 중 하나여야 합니다 (입력 {value})", field=field, choices=", ".join(choices),
                      value=repr(value))


def _below(high_field: str, high, low_field: str, low) -> RowProblem:
    return RowProblem("{high_field} {high}이(가) {low_field} {low}보다 작습니다", high_field=high_field, high=high,
                      low_field=low_field, low=low)


def _said(exc: InputError) -> str:
    """A refusal of the file as a whole (too big, not text, a bad header) as a sentence with its place."""
    problem = say(exc.text, **exc.params)
    return say("{place}: {problem}", place=str(exc.where), problem=problem) if exc.where is not None else problem


def _no_rows(name: str) -> str:
    return _at(name, RowProblem("행이 없습니다"))


def _records(source: str | tabular.Table, name: str, header: list[str], errors: list[str]):
    """(line, {column: text}) for every non-blank row of CSV text or a read table; shape errors go to ``errors``."""
    try:
        table = source if isinstance(source, tabular.Table) else tabular.from_text(source, name)
        yield from tabular.records(table, header, errors)
    except ImportRejected:
        raise
    except InputError as exc:
        raise ImportRejected([_said(exc)]) from None


def _text(value: str, field: str, column) -> str:
    """Text that fits its database column (``column``: the model's attribute, whose length is the rule)."""
    limit = column.property.columns[0].type.length
    if not value:
        raise RowProblem("{field}: 비어 있으면 안 됩니다", field=field)
    if limit is not None and len(value) > limit:
        raise RowProblem("{field}: 최대 {limit}자입니다 (입력 {length}자)", field=field, limit=limit, length=len(value))
    return value


def _rate(text: str, field: str, allow_zero: bool = False) -> Decimal:
    try:
        rate = Decimal(text)
    except InvalidOperation:
        raise RowProblem("{field}: 숫자여야 합니다 (입력 {value})", field=field, value=repr(text)) from None
    if not rate.is_finite():  # NaN, Infinity: Decimal reads them, no rate is one
        raise RowProblem("{field}: 숫자여야 합니다 (입력 {value})", field=field, value=repr(text))
    if abs(rate.adjusted()) > 6:  # 1e999999999 would cost minutes in quantize below
        raise RowProblem("{field}: 0~100, 소수 넷째 자리까지여야 합니다 (입력 {value})", field=field, value=repr(text[:24]))
    low_ok = rate >= 0 if allow_zero else rate > 0
    if not low_ok or rate > 100 or rate != rate.quantize(Decimal("0.0001")):
        raise RowProblem("{field}: 0~100, 소수 넷째 자리까지여야 합니다 (입력 {value})" if allow_zero else
                         "{field}: 0 초과 100 이하, 소수 넷째 자리까지여야 합니다 (입력 {value})", field=field, value=rate)
    return rate


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise RowProblem("{field}: 날짜는 YYYY-MM-DD 형식이어야 합니다 (입력 {value})", field=field,
                         value=repr(text)) from None


def parse_market_offers(text: str | tabular.Table, name: str, legal_max=None) -> list[MarketOfferRow]:
    """Every row, or ``ImportRejected`` listing every bad line. ``legal_max(as_of)``: the legal maximum
    interest rate (%) on a sheet's date; a rate above it is refused."""
    rows: list[MarketOfferRow] = []
    errors: list[str] = []
    seen: dict = {}
    for line, values in _records(text, name, MARKET_OFFER_HEADER, errors):
        try:
            _text(values["lender"], "lender", MarketOffer.lender)
            if values["loan_kind"] not in LOAN_KINDS:
                raise _not_one_of("loan_kind", LOAN_KINDS, values["loan_kind"])
            low = _int(values["credit_score_min"], "credit_score_min", 1, 1000)
            high = _int(values["credit_score_max"], "credit_score_max", 1, 1000)
            if low > high:
                raise RowProblem("{low_field} {low}이(가) {high_field} {high}보다 큽니다", low_field="credit_score_min",
                                 low=low, high_field="credit_score_max", high=high)
            rate = _rate(values["annual_rate_pct"], "annual_rate_pct")
            fees = _int(values["fees"], "fees", 0, 100_000_000)
            as_of = _date(values["as_of"], "as_of")
            top = legal_max(as_of) if legal_max else None
            if top is not None and rate > top:
                raise RowProblem("{field}: {rate}%는 {day} 법정 최고금리 {top}%를 넘습니다", field="annual_rate_pct",
                                 rate=rate, day=as_of.isoformat(), top=top)
            _text(values["source"], "source", MarketOffer.source)
        except ValueError as exc:
            errors.append(_at(f"{name}:{line}", exc))
            continue
        key = (values["lender"], values["loan_kind"], low, as_of)
        if key in seen:
            errors.append(_at(f"{name}:{line}", RowProblem("{line}번째 줄과 금융기관·대출 종류·구간·날짜가 같습니다",
                                                          line=seen[key])))
            continue
        seen[key] = line
        rows.append(MarketOfferRow(values["lender"], values["loan_kind"], low, high, rate, fees, as_of,
                                   values["source"]))
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected([_no_rows(name)])
    return rows


def import_market_offers(db: Database, path: Path, employee_no: str | None = None) -> int:
    rows = parse_market_offers(_read(path), path.name, legal_maximum_rate(db))
    # one call, one transaction: the old sheets go and the new come, or nothing changes
    _store(db, "import_market_offers", [
        dict(lender=r.lender, loan_kind=r.loan_kind, credit_score_min=r.credit_score_min,
             credit_score_max=r.credit_score_max, annual_rate_pct=r.annual_rate_pct, fees=r.fees,
             as_of=r.as_of.isoformat(), source=r.source) for r in rows], path.name)
    return len(rows)


def _store(db: Database, function: str, *args):
    """Call a head-office function; its refusal becomes ``ImportRejected``."""
    try:
        with db.session() as s:
            return api_calls.scalar(s, function, *args)
    except api_calls.Refused as exc:
        raise ImportRejected([str(exc)]) from exc


INDEX_RATE_HEADER = ["index_name", "rate_date", "annual_rate_pct"]


def import_index_rates(db: Database, path: Path, employee_no: str | None = None) -> int:
    """``index_name,rate_date,annual_rate_pct`` (COFIX, bank bonds): a date already stored is replaced."""
    table = _read(path)
    rows, errors, seen = [], [], {}
    for line, values in _records(table, path.name, INDEX_RATE_HEADER, errors):
        try:
            if values["index_name"] not in INDEX_NAMES:
                raise _not_one_of("index_name", INDEX_NAMES, values["index_name"])
            row = (values["index_name"], _date(values["rate_date"], "rate_date"),
                   _rate(values["annual_rate_pct"], "annual_rate_pct", allow_zero=True))
        except ValueError as exc:
            errors.append(_at(f"{path.name}:{line}", exc))
            continue
        if row[:2] in seen:
            errors.append(_at(f"{path.name}:{line}", RowProblem("{line}번째 줄과 지표·날짜가 같습니다", line=seen[row[:2]])))
            continue
        seen[row[:2]] = line
        rows.append(row)
    if errors or not rows:
        raise ImportRejected(errors or [_no_rows(path.name)])
    _store(db, "import_index_rates", [dict(index_name=n, rate_date=d.isoformat(), annual_rate_pct=r) for n, d, r in rows],
           path.name)
    return len(rows)


def import_policy(db: Database, path: Path, employee_no: str | None = None) -> str:
    """A new policy version: JSON ``{"version", "effective_from", "note", "parameters"}``, checked in full."""
    try:
        document = bounded_json.loads(read_limited(path, bounded_json.MAX_BYTES), path.name)
    except InputError as exc:
        raise ImportRejected([_said(exc)]) from None
    if not isinstance(document, dict):
        raise ImportRejected([_at(path.name, RowProblem("JSON 객체여야 합니다"))])
    try:
        version, effective = str(document["version"]).strip(), str(document["effective_from"])
        parameters = document["parameters"]
    except KeyError as exc:
        raise ImportRejected([_at(path.name, RowProblem("{key}이(가) 없습니다", key=exc.args[0]))]) from exc
    return save_policy(db, version, effective, parameters, str(document.get("note", "")), employee_no, path.name)


def save_policy(db: Database, version: str, effective_from: str, parameters, note: str = "",
                employee_no: str | None = None, source: str = "form") -> str:
    """Store a new policy version after checking every parameter as the engine reads it (file or screen)."""
    version = version.strip()
    try:
        if not version or len(version) > 32:
            raise RowProblem("{field}: 1~{limit}자여야 합니다", field="version", limit=32)
        if len(note) > 2000:
            raise RowProblem("{field}: 최대 {limit}자입니다 (입력 {length}자)", field="note", limit="2,000",
                             length=f"{len(note):,}")
        effective = _date(effective_from.strip(), "effective_from")
        Policy.from_parameters(version, effective, parameters)
    except (ValueError, PolicyError) as exc:
        raise ImportRejected([_at(source, exc)]) from exc
    _store(db, "save_policy", version, effective, parameters, note, source)
    return version


PRODUCT_HEADER = ["code", "name", "loan_kind", "rate_type", "index_name", "min_amount", "max_amount",
                  "min_term_months", "max_term_months", "min_credit_score", "list_spread_pct", "min_rate_pct",
                  "max_rate_pct", "prepayment_fee_pct", "reloan_fee_waiver_pct", "fees", "active"]
PRODUCT_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,31}")
TRUE_WORDS, FALSE_WORDS = ("true", "1", "y", "yes"), ("false", "0", "n", "no")


def _bounded_rate(text: str, field: str, low: Decimal, high: Decimal, allow_low: bool) -> Decimal:
    rate = _rate(text, field, allow_zero=True)
    if rate > high or rate < low or (rate == low and not allow_low):
        raise RowProblem("{field}: {low} 이상 {high} 이하여야 합니다 (입력 {value})" if allow_low else
                         "{field}: {low} 초과 {high} 이하여야 합니다 (입력 {value})", field=field, low=low, high=high,
                         value=rate)
    return rate


def validate_product(values: dict[str, str]) -> dict:
    """One re-loan product from its text fields (a CSV row or the product form), checked as the database
    would (and with words); ``ValueError`` names the first bad field."""
    code = values["code"].strip().upper()
    if not PRODUCT_CODE.fullmatch(code):
        raise RowProblem("{field}: 영문 대문자·숫자·'-' 1~32자여야 합니다 (입력 {value})", field="code",
                         value=repr(values["code"]))
    name = values["name"].strip()
    if not name or len(name) > 200:
        raise RowProblem("{field}: 1~{limit}자여야 합니다", field="name", limit=200)
    if values["loan_kind"] not in LOAN_KINDS:
        raise _not_one_of("loan_kind", LOAN_KINDS, values["loan_kind"])
    if values["rate_type"] not in RATE_TYPES:
        raise _not_one_of("rate_type", RATE_TYPES, values["rate_type"])
    index_name = values["index_name"].strip() or None
    if values["rate_type"] == "fixed" and index_name is not None:
        raise RowProblem("{field}: 고정금리 상품에는 지표가 없습니다 (비워 두세요)", field="index_name")
    if values["rate_type"] != "fixed" and index_name not in INDEX_NAMES:
        raise RowProblem("{field}: {rate_type} 상품에는 {choices} 중 하나가 필요합니다", field="index_name",
                         rate_type=values["rate_type"], choices=", ".join(INDEX_NAMES))
    low_amount = _int(values["min_amount"], "min_amount", 1, 10**12)
    high_amount = _int(values["max_amount"], "max_amount", 1, 10**12)
    if high_amount < low_amount:
        raise _below("max_amount", f"{high_amount:,}", "min_amount", f"{low_amount:,}")
    low_term = _int(values["min_term_months"], "min_term_months", 1, 600)
    high_term = _int(values["max_term_months"], "max_term_months", 1, 600)
    if high_term < low_term:
        raise _below("max_term_months", high_term, "min_term_months", low_term)
    min_rate = _bounded_rate(values["min_rate_pct"], "min_rate_pct", Decimal(0), Decimal(20), allow_low=False)
    max_rate = _bounded_rate(values["max_rate_pct"], "max_rate_pct", Decimal(0), Decimal(20), allow_low=False)
    if max_rate < min_rate:
        raise _below("max_rate_pct", max_rate, "min_rate_pct", min_rate)
    active = values["active"].strip().lower()
    if active not in TRUE_WORDS + FALSE_WORDS:
        raise RowProblem("{field}: true 또는 false여야 합니다 (입력 {value})", field="active", value=repr(values["active"]))
    return dict(
        code=code, name=name, loan_kind=values["loan_kind"], rate_type=values["rate_type"], index_name=index_name,
        min_amount=low_amount, max_amount=high_amount, min_term_months=low_term, max_term_months=high_term,
        min_credit_score=_int(values["min_credit_score"], "min_credit_score", 1, 1000),
        list_spread_pct=_bounded_rate(values["list_spread_pct"], "list_spread_pct", Decimal(0), Decimal(20), True),
        min_rate_pct=min_rate, max_rate_pct=max_rate,
        prepayment_fee_pct=_bounded_rate(values["prepayment_fee_pct"], "prepayment_fee_pct", Decimal(0),
                                         Decimal(5), True),
        reloan_fee_waiver_pct=_bounded_rate(values["reloan_fee_waiver_pct"], "reloan_fee_waiver_pct", Decimal(0),
                                            Decimal(100), True),
        fees=_int(values["fees"], "fees", 0, 100_000_000), active=active in TRUE_WORDS)


def parse_products(text: str | tabular.Table, name: str) -> tuple[list[dict], list[str]]:
    rows, errors, seen = [], [], {}
    for line, values in _records(text, name, PRODUCT_HEADER, errors):
        try:
            row = validate_product(values)
        except ValueError as exc:
            errors.append(_at(f"{name}:{line}", exc))
            continue
        if row["code"] in seen:
            errors.append(_at(f"{name}:{line}", RowProblem("상품 {code}은(는) 이미 {line}번째 줄에 있습니다",
                                                          code=row["code"], line=seen[row["code"]])))
            continue
        seen[row["code"]] = line
        rows.append(row)
    if errors or not rows:
        raise ImportRejected(errors or [_no_rows(name)])
    return rows, [f"{name}:{seen[row['code']]}" for row in rows]


def save_products(db: Database, rows: list[dict], where: list[str], employee_no: str | None = None,
                  source: str = "form", only_new: bool = False) -> int:
    """Add new product codes and update existing ones, all in one transaction. Products are never deleted
    (loans point at them): a withdrawn product is saved with ``active`` false. A product's loan kind never
    changes (its loans and applications are of that kind); ``only_new`` refuses a code already stored (the
    new-product form must not overwrite one). ``where`` names each row's place for the errors."""
    top = legal_maximum_rate(db)(bank_today_of(db))  # 법정 최고금리 in force on the bank's business date
    with db.session() as s:
        stored = {p.code: p for p in s.scalars(select(Product).where(Product.code.in_([r["code"] for r in rows])))}
    errors = []
    for row, place in zip(rows, where):  # said here with the file's line; the database checks it again
        product = stored.get(row["code"])
        if product is not None and only_new:
            errors.append(_at(place, RowProblem("{field}: {code}은(는) 이미 있는 상품입니다 ({name})", field="code",
                                                code=row["code"], name=product.name)))
        elif product is not None and product.loan_kind != row["loan_kind"]:
            errors.append(_at(place, RowProblem("{field}: {code}은(는) {kind} 상품이며 종류를 바꿀 수 없습니다 (다른 종류는 "
                                                "새 코드로 추가하세요)", field="loan_kind", code=row["code"],
                                                kind=product.loan_kind)))
    errors += [_at(place, RowProblem("{field}: {rate}%는 법정 최고금리 {top}%를 넘습니다", field="max_rate_pct",
                                     rate=row["max_rate_pct"], top=top))
               for row, place in zip(rows, where) if top is not None and row["max_rate_pct"] > top]
    if errors:
        raise ImportRejected(errors)
    _store(db, "save_products", rows, only_new, source)
    return len(rows)


def import_products(db: Database, path: Path, employee_no: str | None = None) -> int:
    """``retention-admin import products FILE.csv`` (header ``PRODUCT_HEADER``): codes are added or updated."""
    rows, where = parse_products(_read(path), path.name)
    return save_products(db, rows, where, employee_no, path.name)


def _read(path: Path) -> tabular.Table:
    """A CSV or .xlsx file's rows (``tabular.read_table``), its problems as an ``ImportRejected``."""
    try:
        return tabular.read_table(path)
    except InputError as exc:
        raise ImportRejected([_said(exc)]) from None


# ``retention-admin import KIND FILE`` and the head-office screen's buttons; bulk work, so the cyclic
# collector's pauses never freeze the screen that asked (retention_desktop/heap.py)
IMPORTERS = {kind: as_bulk_work(importer) for kind, importer in (
    ("products", import_products), ("market-offers", import_market_offers), ("index-rates", import_index_rates),
    ("policy", import_policy))}
