"""Head-office tables as people save them: CSV (UTF-8 with or without BOM, CP949/EUC-KR from Korean
Excel) or an Excel workbook (.xlsx, the first sheet), read within bounds, for every importer.

``read_table(path)`` gives the rows with their line numbers (the header is line 1; in a workbook the
line is the sheet's row). Every refusal is an ``InputError`` naming ``file:line[:column]``: a file or
line too long, a cell over ``MAX_CELL_CHARS`` (csv's own 131,072-character limit would otherwise end
in ``_csv.Error``), a NUL byte, an unreadable encoding, a legacy .xls, a broken workbook.
``records(table, header, errors)`` then checks the header and the width of each row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from retention_desktop.domain.sentences import say
from retention_desktop.domain.errors import InputError, Where
from retention_desktop.services.input_files import read_limited
from retention_desktop.domain.text_input import decode, refuse_nul

MAX_FILE_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 200_000_000  # a workbook is a zip: refuse one that would inflate beyond this
MAX_LINE_CHARS = 20_000
MAX_CELL_CHARS = 2_000
MAX_ROWS = 500_000
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Table:
    """The rows of one file: ``(line, cells)``; the first row is the header."""

    name: str
    rows: list[tuple[int, list[str]]]


def read_table(path: Path) -> Table:
    """The rows of a CSV or .xlsx file (see the module docstring)."""
    name = path.name
    data = read_limited(path, MAX_FILE_BYTES)  # a regular file only, refused above the limit before reading
    suffix = path.suffix.lower()
    if suffix == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 container of Excel 97-2003
        raise InputError("Excel 97-2003 통합 문서(.xls)는 읽지 않습니다. .xlsx나 CSV로 다시 저장하세요.", where=Where(name))
    if suffix in EXCEL_SUFFIXES or data.startswith(b"PK\x03\x04"):
        return Table(name, _workbook_rows(data, name))
    return from_text(decode(data, name).text, name)


def from_text(text: str, name: str) -> Table:
    """The rows of CSV text (already decoded)."""
    text = refuse_nul(text.lstrip("\ufeff"), name)
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError("줄이 너무 깁니다 ({length:,}자, 최대 {limit:,}자).", where=Where(name, number),
                             length=len(line), limit=MAX_LINE_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            _check_cells(record, name, line)
            rows.append((line, record))
            line = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                raise InputError("행이 너무 많습니다 (최대 {limit:,}행).", where=Where(name), limit=MAX_ROWS)
    except csv.Error as exc:
        raise InputError("CSV 형식 오류입니다: {reason}", where=Where(name, line), reason=str(exc)) from None
    return Table(name, rows)


def _check_cells(cells: list[str], name: str, line: int) -> None:
    for column, cell in enumerate(cells, start=1):
        if len(cell) > MAX_CELL_CHARS:
            raise InputError("칸의 글자가 너무 많습니다 ({length:,}자, 최대 {limit:,}자).",
                             where=Where(name, line, column), length=len(cell), limit=MAX_CELL_CHARS)


def _workbook_rows(data: bytes, name: str) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise InputError("통합 문서의 압축을 풀면 너무 큽니다 ({size:,}바이트).", where=Where(name), size=unpacked)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except InputError:
        raise
    except Exception as exc:  # zipfile, openpyxl and the XML parser each raise their own kinds
        raise InputError("Excel 통합 문서(.xlsx)를 열 수 없습니다: {reason}", where=Where(name),
                         reason=f"{type(exc).__name__}: {exc}"[:200]) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InputError("통합 문서에 시트가 없습니다.", where=Where(name))
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if len(rows) >= MAX_ROWS:
                raise InputError("행이 너무 많습니다 (최대 {limit:,}행).", where=Where(name), limit=MAX_ROWS)
            cells = [_cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()  # a sheet's used range often runs past the data
            _check_cells(cells, name, number)
            for column, cell in enumerate(cells, start=1):
                if "\x00" in cell:
                    raise InputError("NUL 문자(0x00)가 들어 있습니다.", where=Where(name, number, column))
            rows.append((number, cells))
        return rows
    except InputError:
        raise
    except Exception as exc:
        raise InputError("Excel 통합 문서(.xlsx)를 읽을 수 없습니다: {reason}", where=Where(name),
                         reason=f"{type(exc).__name__}: {exc}"[:200]) from None
    finally:
        book.close()


def _cell_text(value) -> str:
    """A cell as the CSV would have held it: dates ISO, whole numbers without '.0', fractions by their digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        # Excel keeps 4.1 as the binary float nearest to it; its shortest repr is the number typed
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(Decimal(repr(value)), "f")
    return str(value)


def records(table: Table, header: list[str], errors: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: text}) for every non-blank row after the header; a wrong width goes to ``errors``."""
    if not table.rows or [h.strip().lstrip("\ufeff") for h in table.rows[0][1]] != header:
        raise InputError("첫 줄(머리글)은 {header}여야 합니다", where=Where(table.name, 1), header=",".join(header))
    for line, record in table.rows[1:]:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            errors.append(say("{place}: 칸이 {expected}개여야 합니다 (입력 {got}개)", place=f"{table.name}:{line}",
                              expected=len(header), got=len(record)))
            continue
        yield line, dict(zip(header, (cell.strip() for cell in record)))
