"""Small building blocks the pages share: titles, stat cards, configured tables, badges."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    """A table (built here or in a Designer form) showing ``model``: columns fit their contents, the last one
    stretches, and the rows keep the service's order until a header is clicked."""
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    if view.isSortingEnabled():
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)


def badge(text: str, tone: str = "info") -> QLabel:
    colors = {"warn": ("#fff4e5", "#8a4b00"), "info": ("#e8f1fb", "#1f4e79"), "good": ("#e9f7ef", "#1e6b3a")}
    bg, fg = colors.get(tone, colors["info"])
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px; padding: 4px 8px;")
    return label



MESSAGE_TONES = {"good": ("#e9f7ef", "#1e6b3a"), "error": ("#fdecea", "#8a1f1f"), "info": ("#e8f1fb", "#1f4e79")}


def show_message(label: QLabel, text: str, tone: str) -> None:
    """A page's message strip: what just happened, or what to fix."""
    bg, fg = MESSAGE_TONES[tone]
    label.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px; padding: 6px 10px;")
    label.setText(text)
    label.setVisible(True)
