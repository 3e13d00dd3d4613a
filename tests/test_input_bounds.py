"""Inputs bounded at the edge, without a database: JSON limits, encodings, CSV and .xlsx tables, the quote
schema. Each refusal is an ``InputError`` with a place (file:line:column or a JSON path), fast."""

from __future__ import annotations

import copy
import io
import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retention_desktop.domain import bounded_json
from retention_desktop.domain.errors import InputError, UserError
from retention_desktop.domain.text_input import decode
from retention_desktop.services import tabular
from retention_desktop.services.quoting import read_request

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = json.loads((ROOT / "docs" / "examples" / "showcase-quote.json").read_text(encoding="utf-8"))
FUZZ = settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("text", "where", "words"), [
    ("[" * 100_000 + "]" * 100_000, "x.json:1:33", "깊게 중첩"),
    ('{"a": {"b": [' + "{" * 40, "x.json:1:", "깊게 중첩"),
    ('{"balance": 1e400}', "x.json:1:13", "1e400"),
    ('{"note": "x",\n "balance": 1e100000000}', "x.json:2:13", "1e100000000"),
    ("[" + "9" * 5000 + "]", "x.json:1:2", "999"),
    ('{"rate": NaN}', "x.json", "NaN"),
    ('{"rate": -Infinity}', "x.json", "-Infinity"),
    ('{"a": 1, "a": 2}', "x.json", '"a"'),
    ('{"lender": "토스\\u0000뱅크"}', "x.json: lender", "NUL"),
    ('{"a": }', "x.json:1:7", "JSON 문법 오류"),
])
def test_hostile_json_is_refused_fast_with_its_place(text, where, words):
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        bounded_json.loads(text, "x.json")
    assert time.perf_counter() - started < 0.5
    assert caught.value.message().startswith(where) and words in caught.value.message()


def test_json_numbers_stay_exact_and_brackets_inside_strings_do_not_count():
    doc = bounded_json.loads('{"a": [1, 2.50, "[[[[{{{{\\"]]"], "b": 1e-4}', "x.json", max_depth=3)
    assert doc == {"a": [1, Decimal("2.50"), '[[[[{{{{"]]'], "b": Decimal("0.0001")}
    assert isinstance(doc["a"][0], int)


def test_json_size_is_bounded_before_parsing():
    with pytest.raises(InputError, match="너무 큽니다"):
        bounded_json.loads(b"[" + b"1," * 600_000 + b"1]", "x.json")


@pytest.mark.parametrize(("data", "encoding"), [
    ("지점,금리\n".encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + "지점,금리\n".encode("utf-8"), "utf-8"),
    ("지점,금리\n".encode("utf-16"), "utf-16-le"),
    ("지점,금리,똠방각하\n".encode("cp949"), "cp949"),
    ("지점,금리\n".encode("euc-kr"), "cp949"),
])
def test_text_in_the_encodings_korean_offices_save(data, encoding):
    decoded = decode(data, "x.csv")
    assert decoded.encoding == encoding and decoded.text.startswith("지점,금리")


def test_undecodable_bytes_are_placed_by_line_and_column():
    with pytest.raises(InputError) as caught:
        decode("a,b\n가,".encode("utf-8") + b"\xff\xfe\xff", "x.csv")
    assert caught.value.message().startswith("x.csv:2:3: ")


def test_tables_from_csv_and_xlsx_read_alike(tmp_path):
    from openpyxl import Workbook

    rows = [["index_name", "rate_date", "annual_rate_pct"], ["COFIX_NEW", "2026-10-15", "2.49"],
            ["BANK_BOND_12M", "2026-10-15", "2.8125"]]
    csv_path = tmp_path / "rates.csv"
    csv_path.write_bytes("\r\n".join(",".join(r) for r in rows).encode("cp949"))
    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    import datetime as dt

    sheet.append(["COFIX_NEW", dt.date(2026, 10, 15), 2.49])  # Excel keeps dates and numbers typed
    sheet.append(["BANK_BOND_12M", dt.datetime(2026, 10, 15), 2.8125])
    sheet.append([None, None, None])  # an empty row inside the used range
    xlsx_path = tmp_path / "rates.xlsx"
    book.save(xlsx_path)
    from_csv, from_xlsx = tabular.read_table(csv_path), tabular.read_table(xlsx_path)
    errors: list[str] = []
    assert list(tabular.records(from_csv, rows[0], errors)) == list(tabular.records(from_xlsx, rows[0], errors))
    assert errors == []


@pytest.mark.parametrize(("content", "place", "words"), [
    (b"a,b\n" + b"x" * 140_000 + b",1\n", "x.csv:2", "줄이 너무 깁니다"),
    (b"a,b\n" + b'"' + b"x" * 5_000 + b'",1\n', "x.csv:2:1", "칸의 글자"),
    (b"a,b\n1,\x002\n", "x.csv:2:3", "NUL"),
    (b"a,b\n\"unterminated,1\n" + b"x" * 10, "x.csv", ""),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "x.csv", ".xls"),
    (b"PK\x03\x04 not really a zip", "x.csv", "Excel"),
])
def test_tables_out_of_bounds_are_refused_with_their_place(tmp_path, content, place, words):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    try:
        table = tabular.read_table(path)
    except InputError as exc:
        assert exc.message().startswith(place) and words in exc.message()
    else:  # csv accepts an unterminated quote as a cell running to the end; the importer's width check catches it
        assert words == "" and len(table.rows) >= 1


def test_the_quote_schema_accepts_the_showcase_and_names_json_paths():
    request, _doc = read_request(json.dumps(SHOWCASE, ensure_ascii=False))
    assert request.current_loan.balance == 30_000_000
    doc = copy.deepcopy(SHOWCASE)
    doc["switch_offers"] = [doc["switch_offers"][0]] * 21
    with pytest.raises(InputError, match=r"^switch_offers: 항목은 20개까지"):
        read_request(json.dumps(doc))
    doc = copy.deepcopy(SHOWCASE)
    doc["scenarios"] = [{"name": "x", "repay_kinds": ["yacht"]}]
    with pytest.raises(InputError, match=r"^scenarios\[0\]\.repay_kinds\[0\]: "):
        read_request(json.dumps(doc), simulate=True)


def test_english_runs_read_the_english_catalogue():
    from retention_desktop.messages import translator

    with pytest.raises(InputError) as caught:
        read_request('{"as_of": "2026-11-23"}')
    assert caught.value.message(translator("en")) == "borrower: is missing."
    assert caught.value.message() == "borrower: 값이 없습니다."


# -- fuzz: any bytes, and any value anywhere in a quote document -----------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20) | st.sampled_from(["2026-11-23", "1e400", "", "credit", "bullet", "capital"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


SHOWCASE_PATHS = [p for p in _paths(SHOWCASE) if p]


@FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_quote_bytes_never_end_in_a_traceback(data):
    try:
        read_request(data, "fuzz.json")
    except UserError:
        pass


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(SHOWCASE_PATHS), json_values), min_size=1, max_size=3),
       st.booleans())
def test_fuzz_quote_documents_are_checked_or_refused(changes, simulate):
    doc = copy.deepcopy(SHOWCASE)
    for path, value in changes:
        node = doc
        for part in path[:-1]:
            node = node[part] if isinstance(node, (dict, list)) and (
                isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and part < len(node)) else None
            if node is None:
                break
        if isinstance(node, dict) or (isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node)):
            node[path[-1]] = value
    text = json.dumps(doc, ensure_ascii=False)
    started = time.perf_counter()
    try:
        read_request(text, simulate=simulate)
    except UserError as exc:
        assert exc.message() and "Traceback" not in exc.message()
    assert time.perf_counter() - started < 2


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_fuzz_tables_never_end_in_a_traceback(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    try:
        table = tabular.read_table(path)
        list(tabular.records(table, ["a", "b"], []))
    except UserError:
        pass


def test_a_zip_bomb_workbook_is_refused_before_it_inflates(tmp_path):
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (tabular.MAX_UNPACKED_BYTES + 1))
    with pytest.raises(InputError, match="압축을 풀면 너무 큽니다"):
        tabular.read_table(path)


def test_decoding_cp949_reads_what_korean_excel_writes():
    text = "lender,loan_kind\n국민은행,credit\n"
    assert decode(text.encode("cp949"), "x.csv").text == text
    assert io.StringIO(decode(text.encode("utf-8-sig"), "x.csv").text).read() == text
