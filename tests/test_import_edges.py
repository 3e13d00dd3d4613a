"""Head-office imports at their edges: the files people really send (Korean Excel's CP949, .xlsx), hostile
ones (NaN, huge cells, NUL bytes, over-long names, deep JSON), long histories, and a fuzz test per importer.
A refused file changes nothing; no file ends in a traceback."""

from __future__ import annotations

import datetime as dt
import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from retention_desktop.data.locations import resources_dir
from retention_desktop.data.models import AuditEvent, IndexRate, MarketOffer, PolicyVersion, Product
from retention_desktop.domain.errors import UserError
from retention_desktop.services.imports import IMPORTERS, ImportRejected
from tests.support import bank_today, in_english

SAMPLES = resources_dir() / "samples"
MARKET_HEADER = "lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source"
FUZZ = settings(max_examples=60, deadline=5000,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def counts(db) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(model))
                     for model in (MarketOffer, IndexRate, Product, PolicyVersion, AuditEvent))


def refused(db, kind: str, path: Path, words: str) -> str:
    """``db`` imports (the embedded superuser may act as head office) and is counted before and after."""
    before = counts(db)
    with pytest.raises(ImportRejected) as caught:
        IMPORTERS[kind](db, path)
    assert counts(db) == before, "a refused file must change nothing"
    message = "\n".join(caught.value.errors)
    english = "\n".join(in_english(e) for e in caught.value.errors)  # the same lines in the English catalogue
    assert words in message or words in english, message + "\n" + english
    return message


def test_a_csv_saved_by_korean_excel_imports(db, tmp_path, head_office):
    """Excel's "CSV (쉼표로 분리)" on Korean Windows writes CP949, with CRLF line ends."""
    path = tmp_path / "공시.csv"
    path.write_bytes((MARKET_HEADER + "\r\n" + "국민은행,credit,901,1000,4.05,0,2026-11-16,은행연합회 공시\r\n")
                     .encode("cp949"))
    assert IMPORTERS["market-offers"](head_office, path) == 1
    with db.session() as s:
        assert s.scalar(select(MarketOffer.lender).where(MarketOffer.source == "은행연합회 공시")) == "국민은행"


def test_xlsx_workbooks_import_like_their_csv(db, tmp_path, head_office):
    from openpyxl import Workbook

    for kind, sample in (("products", "products.csv"), ("index-rates", "index_rates.csv"),
                         ("market-offers", "market_offers.csv")):
        book = Workbook()
        for line in (SAMPLES / sample).read_text(encoding="utf-8").splitlines():
            book.active.append(line.split(","))
        path = tmp_path / f"{kind}.xlsx"
        book.save(path)
        csv_path = tmp_path / f"{kind}.csv"
        csv_path.write_bytes((SAMPLES / sample).read_bytes())
        assert IMPORTERS[kind](head_office, path) == IMPORTERS[kind](head_office, csv_path) > 0


def test_typed_excel_cells_read_as_the_csv_would(db, tmp_path, head_office):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["index_name", "rate_date", "annual_rate_pct"])
    day = bank_today() - dt.timedelta(days=1)  # a rate of a day to come is refused (test_head_office_bounds.py)
    book.active.append(["COFIX_NEW", dt.datetime.combine(day, dt.time()), 2.71])  # a date cell and a float cell
    path = tmp_path / "rates.xlsx"
    book.save(path)
    assert IMPORTERS["index-rates"](head_office, path) == 1
    with db.session() as s:
        rate = s.scalar(select(IndexRate.annual_rate_pct).where(IndexRate.rate_date == day))
    assert rate == Decimal("2.71")


@pytest.mark.parametrize(("row", "words"), [
    ("토스뱅크,credit,951,1000,NaN,0,2026-11-16,공시", "sheet.csv:2: annual_rate_pct: number expected, got 'NaN'"),
    ("토스뱅크,credit,951,1000,Infinity,0,2026-11-16,공시", "sheet.csv:2: annual_rate_pct: number expected"),
    ("토스뱅크,credit,951,1000,1e999999999,0,2026-11-16,공시", "sheet.csv:2: annual_rate_pct"),
    ("X" * 101 + ",credit,951,1000,4.1,0,2026-11-16,공시", "sheet.csv:2: lender: at most 100 characters, got 101"),
    ('"' + "가" * 140_000 + '",credit,951,1000,4.1,0,2026-11-16,공시', "sheet.csv:2: 줄이 너무 깁니다"),
    ('"' + "가" * 3_000 + '",credit,951,1000,4.1,0,2026-11-16,공시', "sheet.csv:2:1: 칸의 글자가 너무 많습니다"),
    ("토스\x00뱅크,credit,951,1000,4.1,0,2026-11-16,공시", "sheet.csv:2:3: NUL"),
])
def test_hostile_rows_are_refused_by_line_and_change_nothing(db, tmp_path, row, words):
    path = tmp_path / "sheet.csv"
    path.write_text(MARKET_HEADER + "\n" + row + "\n", encoding="utf-8")
    refused(db, "market-offers", path, words)


def test_a_binary_or_legacy_excel_file_is_refused_in_words(db, tmp_path):
    path = tmp_path / "rates.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    refused(db, "index-rates", path, ".xlsx나 CSV로 다시 저장하세요")
    path = tmp_path / "rates.csv"
    path.write_bytes(bytes(range(256)) * 4)
    refused(db, "index-rates", path, "rates.csv:2:118: 글자를 읽을 수 없습니다 (0x80)")


def test_ten_thousand_index_rates_import_set_wise(db, tmp_path, head_office):
    """5 indexes × 2,000 days: one statement, not one row constructor per day (which overflowed the server's
    stack), and a second import of the same file replaces, never duplicates. The history ends before the demo's
    records start (published history is append-only: a history is filled in before the stored one, never inside
    it — test_head_office_bounds.py)."""
    start = dt.date(2015, 1, 1)
    lines = ["index_name,rate_date,annual_rate_pct"]
    for index in ("COFIX_NEW", "COFIX_BALANCE", "BANK_BOND_6M", "BANK_BOND_12M", "BANK_BOND_5Y"):
        for day in range(2000):
            # a plausible path (3.5-4.0 %, a quarter of a bp a day): head office refuses a move of more than
            # 1.0 %p from a neighbouring rate (data.head_office_bounds index_move_pct), the demo's too
            lines.append(f"{index},{start + dt.timedelta(days=day)},{3.5 + abs(day % 400 - 200) / 400:.4f}")
    path = tmp_path / "history.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    assert IMPORTERS["index-rates"](head_office, path) == 10_000
    assert time.perf_counter() - started < 30
    with db.session() as s:
        stored = s.scalar(select(func.count()).select_from(IndexRate).where(IndexRate.rate_date < dt.date(2020, 6, 1)))
    assert stored == 5 * (dt.date(2020, 6, 1) - start).days
    assert IMPORTERS["index-rates"](head_office, path) == 10_000
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(IndexRate).where(IndexRate.rate_date < dt.date(2020, 6, 1))) \
            == stored


def test_many_rate_sheets_replace_set_wise(db, tmp_path, head_office):
    rows = [f"은행{i},credit,1,1000,{4 + i % 100 / 100:.2f},0,{bank_today() - dt.timedelta(days=i)},공시"
            for i in range(3000)]
    path = tmp_path / "sheets.csv"
    path.write_text(MARKET_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert IMPORTERS["market-offers"](head_office, path) == 3000
    assert IMPORTERS["market-offers"](head_office, path) == 3000  # replaced, not added
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(MarketOffer).where(MarketOffer.lender.like("은행%"))) == 3000


@pytest.mark.parametrize(("text", "words"), [
    ("[" * 100_000 + "]" * 100_000, "policy.json:1:33: JSON이 너무 깊게 중첩"),
    ('{"version": "x", "effective_from": "2030-01-01", "parameters": {"dsr": {"cap_pct_bank": 1e100000000}}}',
     "policy.json:1:"),
    ('{"version": "x", "effective_from": "2030-01-01", "parameters": {"dsr": {"cap_pct_bank": NaN}}}', "NaN"),
    ('{"version": "x\\u0000", "effective_from": "2030-01-01", "parameters": {}}', "NUL"),
    ('{"version": "x", "effective_from": "2030-01-01", "note": "' + "가" * 2001 + '", "parameters": {}}', "note"),
])
def test_hostile_policy_files_are_refused_fast(db, tmp_path, text, words):
    path = tmp_path / "policy.json"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    refused(db, "policy", path, words)
    assert time.perf_counter() - started < 2


def test_the_import_command_reads_cp949_and_refuses_in_one_line_per_error(tmp_path):
    import subprocess
    import sys

    data_dir = tmp_path / "data"
    good = tmp_path / "공시.csv"
    good.write_bytes((MARKET_HEADER + "\r\n국민은행,credit,901,1000,4.05,0,2026-11-16,공시\r\n").encode("cp949"))
    bad = tmp_path / "bad.csv"
    bad.write_text(MARKET_HEADER + "\n토스뱅크,credit,951,1000,NaN,0,2026-11-16,공시\n", encoding="utf-8")

    def admin(*args):
        return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", str(data_dir), *args],
                              capture_output=True, text=True, timeout=300)

    assert admin("import", "market-offers", str(good)).returncode == 0
    rejected = admin("import", "market-offers", str(bad))
    assert rejected.returncode == 2 and "Traceback" not in rejected.stderr
    assert rejected.stderr.splitlines() == ["bad.csv:2: annual_rate_pct: 숫자여야 합니다 (입력 'NaN')",
                                            "retention-admin import: 1 error(s); nothing was imported"]
    # the database's sanity bounds (db/sql/60_head_office.sql) reach the command line in words, exit 2
    future = tmp_path / "cofix.csv"
    future.write_text("index_name,rate_date,annual_rate_pct\nCOFIX_NEW,2099-01-01,2.49\n", encoding="utf-8")
    refused = admin("import", "index-rates", str(future))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "cofix.csv · COFIX_NEW · 2099-01-01" in refused.stderr and "기준일이 없거나 오늘보다 뒤입니다" in refused.stderr


# -- fuzz: every importer, any bytes, and any cell of a good file changed --------------------------------

SAMPLE_TEXT = {kind: (SAMPLES / name).read_text(encoding="utf-8")
               for kind, name in (("products", "products.csv"), ("market-offers", "market_offers.csv"),
                                  ("index-rates", "index_rates.csv"))}
cells = st.one_of(st.text(max_size=30), st.sampled_from(["NaN", "-Infinity", "1e999999999", "", " ", "\x00", "0",
                                                         "-1", "99999999999999999999", "2026-02-30", "가" * 120]))


def _try(db, head_office, kind: str, path: Path) -> None:
    before = counts(db)
    started = time.perf_counter()
    try:
        IMPORTERS[kind](head_office, path)
    except UserError as exc:
        assert counts(db) == before, "a refused file must change nothing"
        assert exc.message()
    assert time.perf_counter() - started < 5


@FUZZ
@given(kind=st.sampled_from(sorted(IMPORTERS)), data=st.binary(max_size=4000))
def test_fuzz_every_importer_with_any_bytes(db, head_office, tmp_path_factory, kind, data):
    path = tmp_path_factory.mktemp("fuzz") / ("f.json" if kind == "policy" else "f.csv")
    path.write_bytes(data)
    _try(db, head_office, kind, path)


@FUZZ
@given(kind=st.sampled_from(sorted(SAMPLE_TEXT)), changes=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 20),
                                                                              cells), min_size=1, max_size=4),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp949"]))
def test_fuzz_every_csv_importer_with_changed_cells(db, head_office, tmp_path_factory, kind, changes, encoding):
    rows = [line.split(",") for line in SAMPLE_TEXT[kind].splitlines()]
    for row, column, value in changes:
        target = rows[row % len(rows)]
        target[column % len(target)] = value.replace(",", ";").replace("\n", " ")
    path = tmp_path_factory.mktemp("fuzz") / "f.csv"
    path.write_bytes("\n".join(",".join(r) for r in rows).encode(encoding, errors="replace"))
    _try(db, head_office, kind, path)


@FUZZ
@given(changes=st.lists(st.tuples(st.sampled_from(["version", "effective_from", "note", "parameters"]),
                                  st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                                               lambda inner: st.lists(inner, max_size=3)
                                               | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                                               max_leaves=8)), min_size=1, max_size=3))
def test_fuzz_the_policy_importer(db, head_office, tmp_path_factory, changes):
    document = {"version": "2030.01-fuzz", "effective_from": "2030-01-01", "note": "", "parameters": {}}
    for key, value in changes:
        document[key] = value
    path = tmp_path_factory.mktemp("fuzz") / "policy.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _try(db, head_office, "policy", path)
