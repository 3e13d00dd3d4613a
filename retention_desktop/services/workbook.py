"""Excel workbooks for people who sort, filter and sum: numbers stored as numbers with a number format (원, %,
dates), a frozen header row with filters, columns wide enough to read.

Amounts are whole won (int) and rates ``Decimal`` percent; both are written as numbers, never as text, so
Excel sorts and sums them; what the reader sees is set by the cell's number format alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pandas as pd

WON = '#,##0"원"'
RATE_PCT = '0.00"%"'  # the value is the percent itself (5.14 reads 5.14%), as rates are kept everywhere
PROBABILITY = "0%"  # the value is a fraction (0.6 reads 60%)
DATE = "yyyy-mm-dd"
INTEGER = "#,##0"


def write_table(frame: pd.DataFrame, path: Path, sheet: str, formats: Mapping[str, str]) -> None:
    """``frame`` as the one sheet of a new .xlsx at ``path``: ``formats`` maps a column to its number format
    (WON, RATE_PCT, PROBABILITY, DATE, INTEGER); those columns hold numbers (or dates), empty where missing."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]  # Excel's limit for a sheet name
    columns = list(frame.columns)
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in frame.itertuples(index=False):
        ws.append([_cell(value) for value in row])
    for index, column in enumerate(columns, start=1):
        fmt = formats.get(column)
        letter = get_column_letter(index)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = fmt
        longest = max([len(str(column))] + [len(_shown(v, fmt)) for v in frame[column].head(500)])
        ws.column_dimensions[letter].width = min(max(longest * 1.6 if fmt is None else longest + 4, 8), 60)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    book.save(path)


def _cell(value):
    """A value as openpyxl stores it: numbers stay numbers (Decimal and numpy alike), missing values empty."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, (bool, int, float, Decimal, str, dt.date)):
        return value
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    return str(value)


def _shown(value, fmt: str | None) -> str:
    if value is None:
        return ""
    if fmt == WON and isinstance(value, (int, Decimal)):
        return f"{int(value):,}원"
    return str(value)
