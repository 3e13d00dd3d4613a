"""Item models for the screens' tables: sorted on raw values (money as int, dates as dates), never on
display text; the customer search pages in more rows as the view scrolls (canFetchMore/fetchMore)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from retention_desktop.domain.sentences import Sentence
from retention_desktop.gui import errors
from retention_desktop.gui.i18n import localize, tr
from retention_desktop.gui.tasks import run_task

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
AS_WRITTEN_ROLE = Qt.ItemDataRole.UserRole + 2  # a cell of data shown as its author wrote it
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    numeric: bool = False
    # data as its author wrote it (names, head office's notes, the officer's comments): never translated word by word
    as_written: bool = False
    color: Callable[[Any], str | None] | None = None  # a cell's text colour (e.g. a loan in arrears in red)


class RecordsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        column = self.columns[index.column()]
        record = self.records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # the tooltip: the whole text of a cell narrowed to fit the table
            # (an engine sentence, ``domain.sentences``, is said in the screen's language in any column)
            text = column.display(record)
            return text if column.as_written and not isinstance(text, Sentence) else localize(text)
        if role == AS_WRITTEN_ROLE:
            return column.as_written
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(record)
            return QColor(color) if color else None
        if role == SORT_ROLE:
            return (column.sort_key or column.display)(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return tr(self.columns[section].header)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key or self.columns[column].display
        self.layoutAboutToBeChanged.emit()
        self.records.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class PagedRecordsModel(RecordsModel):
    """Rows arrive a page at a time from ``fetch_page(offset)`` run in the background."""

    page_loaded = Signal(int)

    def __init__(self, columns: Sequence[Column], page_size: int = 50, parent=None):
        super().__init__(columns, parent)
        self.page_size = page_size
        self._fetch: Callable[[int], list[Any]] | None = None
        self._more = False
        self._loading = False
        self._generation = 0

    def start(self, fetch_page: Callable[[int], list[Any]], first_page: Sequence[Any]) -> None:
        self._generation += 1
        self._fetch = fetch_page
        self._loading = False
        self._more = len(first_page) >= self.page_size
        self.set_records(first_page)

    @property
    def loading(self) -> bool:
        """A page is on its way (asked for by the "more" button or by the view scrolled to the end)."""
        return self._loading

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and not self._loading and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, offset, fetch = self._generation, len(self.records), self._fetch
        run_task(lambda: fetch(offset), lambda rows: self._append(generation, rows),
                 self._fetch_failed)

    def _fetch_failed(self, exc: Exception) -> None:
        """The next page could not be read: say so (scrolling to the end again retries)."""
        self._loading = False
        errors.show_error(exc)

    def _append(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return  # a new search replaced the one this page belonged to
        self._loading = False
        self._more = len(rows) >= self.page_size
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.records), len(self.records) + len(rows) - 1)
            self.records.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(self.records))
