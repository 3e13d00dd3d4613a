"""Small building blocks the pages share: titles, stat cards, configured tables, badges."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget


def title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 15pt; font-weight: bold;")
    return label


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 11pt; font-weight: bold; margin-top: 6px;")
    return label


class StatCard(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setStyleSheet("QFrame#statCard { border: 1px solid #c8d1dc; border-radius: 6px; background: #f7f9fb; }")
        layout = QVBoxLayout(self)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #4a5a6a;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str) -> None:
        self.value.setText(text)


def table(model, stretch_last: bool = True, sortable: bool = True) -> QTableView:
    view = QTableView()
    show_records(view, model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.setSortingEnabled(sortable)
    if sortable:
        view.horizontalHeader().setSortIndicatorShown(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def show_records(view: QTableView, model) -> None:
    """A table (built here or in a Designer form) showing ``model``: columns fit their contents within the
    table's width (never a horizontal scrollbar: the widest columns give way, their text elided with the whole
    of it in the tooltip), the last one stretches, and the rows keep the service's order until a header is
    clicked."""
    view.setModel(model)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    if view.isSortingEnabled():
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    ColumnFitter(view)


class ColumnFitter(QObject):
    """Keeps a table's columns within its width: each column as wide as its contents, and when they do not all
    fit, the widest are narrowed to a common width (water-filling) so the narrow ones stay whole."""

    MIN_WIDTH = 48
    HEADER_FLOOR = 84

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.headerDataChanged):
            signal.connect(self._timer.start)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not columns:
            return
        natural = {c: max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) + 4 for c in columns}
        available = view.viewport().width()
        # a header keeps its width up to HEADER_FLOOR pixels (beyond that it elides like the cells do)
        floors = [min(natural[c], max(min(header.sectionSizeHint(c) + 4, self.HEADER_FLOOR), self.MIN_WIDTH))
                  for c in columns]
        widths = fitted_widths([natural[c] for c in columns], available, self.MIN_WIDTH, floors)
        for c, width in zip(columns, widths):
            header.resizeSection(c, width)


def fitted_widths(natural: list[int], available: int, minimum: int = 48, floors: list[int] | None = None) -> list[int]:
    """Column widths within ``available`` pixels: the natural ones if they fit, else the widest capped at one
    common width, each column kept at least at its floor (its header's width: headers stay whole) while the
    floors fit, and never below ``minimum``."""
    if sum(natural) <= available or available <= 0:
        return list(natural)
    floors = [min(f, w) for f, w in zip(floors or [minimum] * len(natural), natural)]
    if sum(floors) > available:  # even the headers do not fit: the common cap alone
        floors = [min(minimum, w) for w in natural]
    low, high = minimum, max(natural)
    while low < high:  # the largest cap at which everything fits
        cap = (low + high + 1) // 2
        if sum(max(f, min(w, cap)) for w, f in zip(natural, floors)) <= available:
            low = cap
        else:
            high = cap - 1
    return [max(f, min(w, low)) for w, f in zip(natural, floors)]


BADGE_TONES = {"warn": ("#fff4e5", "#8a4b00"), "info": ("#e8f1fb", "#1f4e79"), "good": ("#e9f7ef", "#1e6b3a"),
               "danger": ("#fdecea", "#8a1f1f")}


def badge(text: str, tone: str = "info") -> QLabel:
    bg, fg = BADGE_TONES.get(tone, BADGE_TONES["info"])
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("tone", tone)
    label.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px; padding: 2px 8px;")
    return label



def name_controls(root: QWidget, names: dict[QWidget, str] | None = None) -> None:
    """Accessible names for a screen's input controls and tables: each field of a form layout is named by its
    label (which becomes its buddy: Alt+the label's mnemonic moves there), the rest by ``names`` (text shown
    in the screen's language by the caller)."""
    from PySide6.QtWidgets import QFormLayout

    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label, field = (label.widget() if label else None), (field.widget() if field else None)
            if isinstance(label, QLabel) and field is not None and label.buddy() is None:
                target = field
                if field.layout() is not None and field.layout().count():  # a field row of several widgets
                    target = field.layout().itemAt(0).widget() or field
                if target.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    label.setBuddy(target)
                    if not target.accessibleName():
                        target.setAccessibleName(label.text().replace("&", "").rstrip(":"))
    for widget, name in (names or {}).items():
        widget.setAccessibleName(name)


MESSAGE_TONES = {"good": ("#e9f7ef", "#1e6b3a"), "error": ("#fdecea", "#8a1f1f"), "info": ("#e8f1fb", "#1f4e79")}


def show_message(label: QLabel, text: str, tone: str) -> None:
    """A page's message strip: what just happened, or what to fix."""
    bg, fg = MESSAGE_TONES[tone]
    label.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px; padding: 6px 10px;")
    label.setText(text)
    label.setVisible(True)
