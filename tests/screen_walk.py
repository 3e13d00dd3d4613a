"""Every screen of the desktop, loaded with demo data, and what each shows: the walk the language and layout
tests share (imported as ``tests.screen_walk``).

``visit_every_screen`` opens each page (and the dialogs and tabs on it) in a real main window and hands each
loaded screen to a callback; ``shown_texts`` lists every piece of text a widget tree puts before the officer:
labels, buttons, check boxes, tab and group titles, placeholders, tooltips, accessible names, list and combo
entries, table headers and the cells of every row (but data shown as written).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QTableView,
    QWidget,
)

from retention_desktop.gui.table_models import AS_WRITTEN_ROLE

WAIT = 30_000
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# Words a Korean screen may show in Latin letters: the field's acronyms and units, and the product's formats.
KOREAN_SCREEN_LATIN = {"DSR", "LTV", "DTI", "COFIX", "PDF", "CSV", "Excel", "QR", "DB", "KB", "MB", "SHA", "Ctrl",
                       "Shift", "Alt", "Enter", "Esc", "Tab", "JSON", "CP949", "UTF", "xlsx", "csv", "json", "pdf",
                       "vs", "null", "true", "false",  # JSON's literals, typed as such in the policy form
                       # libpq's sslmode values, chosen as the server's administrator names them
                       "disable", "allow", "prefer", "require", "verify", "ca", "full"}


def install_language(language: str) -> QTranslator | None:
    """The English catalogue as the app installs it (``gui.app.install_translator``), or none for Korean."""
    from retention_desktop.data.locations import resources_dir

    if language == "ko":  # Qt's own texts in Korean too, as the app has them (gui.app.install_qt_korean)
        from PySide6.QtCore import QLibraryInfo

        QLocale.setDefault(QLocale(QLocale.Language.Korean))
        qt = QTranslator()
        assert qt.load(QLocale(QLocale.Language.Korean), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        QCoreApplication.installTranslator(qt)
        return qt
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / f"retention_{language}.qm"))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    return translator


def remove_language(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Korean))


def _model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header:
            yield "header", str(header)
    if isinstance(view, QTableView) and view.verticalHeader().isVisible():
        for row in range(model.rowCount()):
            header = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
            if header:
                yield "row header", str(header)
    for row in range(model.rowCount()):  # every row: a sentence may leak in the 200th
        for column in range(model.columnCount()):
            value = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.DisplayRole)
            if value:
                if not model.data(model.index(row, column, QModelIndex()), AS_WRITTEN_ROLE):
                    yield "cell", str(value)


def shown_texts(root: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """(widget, what, text) for every text the tree under ``root`` shows or announces (see the module doc)."""
    for widget in [root, *root.findChildren(QWidget)]:
        texts: list[tuple[str, str]] = [("tooltip", widget.toolTip()), ("accessible name", widget.accessibleName())]
        if widget.isWindow():
            texts.append(("window title", widget.windowTitle()))
        if isinstance(widget, QLabel):
            texts.append(("label", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(("button", widget.text()))
        elif isinstance(widget, QLineEdit):
            texts.append(("placeholder", widget.placeholderText()))
        elif isinstance(widget, QGroupBox):
            texts.append(("group", widget.title()))
        elif isinstance(widget, QComboBox):
            texts += [("combo item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [("tab", widget.tabText(i)) for i in range(widget.count())]
            texts += [("tab tooltip", widget.tabToolTip(i)) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [("list item", widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget | QHeaderView) \
                and not isinstance(widget.parentWidget(), QComboBox):
            texts += list(_model_texts(widget))
        for what, text in texts:
            if text and text.strip():
                yield widget, what, text


def strip_names(text: str, names: set[str]) -> str:
    """``text`` without the proper names (people, branches, lenders, products, files, versions) it carries."""
    text = re.sub(r"<[^>]+>", " ", text)  # rich-text markup
    text = re.sub(r"\S+@\S+", " ", text)  # e-mail addresses
    for name in sorted(names, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    return text


def hangul_left(texts, names: set[str]) -> list[str]:
    return sorted({f"{type(w).__name__}/{w.objectName() or '-'} {what}: {t!r}" for w, what, t in texts
                   if HANGUL.search(strip_names(t, names))})


def english_left(texts, names: set[str]) -> list[str]:
    """Words in Latin letters a Korean screen shows that are neither the field's acronyms nor names or codes."""
    found = set()
    for w, what, t in texts:
        rest = strip_names(t, names)
        rest = re.sub(r"\b[A-Z]\d[\w\-]*", " ", rest)  # customer, loan, proposal, application numbers
        rest = re.sub(r"[\w\-]+(\.[\w\-]+)+", " ", rest)  # host names, file names, dates like 2027.06.xx
        rest = re.sub(r"~?/[\w./\-]+|\.[a-z]{2,4}\b", " ", rest)  # paths and file extensions (.crt/.pem)
        words = [word for word in re.findall(r"[A-Za-z]{2,}", rest) if word not in KOREAN_SCREEN_LATIN
                 and not word.isupper()]
        if words:
            found.add(f"{type(w).__name__}/{w.objectName() or '-'} {what}: {t!r} ({', '.join(words)})")
    return sorted(found)


def overflowing(window: QWidget) -> list[str]:
    """Widgets shown wider than the window or reaching past its right edge, and main tables that scroll
    sideways (a table must fit: its widest columns give way)."""
    problems = []
    width = window.width()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.isWindow():
            continue
        if _inside_scrolled_content(widget, window):
            continue
        left = widget.mapTo(window, widget.rect().topLeft()).x()
        if widget.width() > width or left + widget.width() > width + 1:
            problems.append(f"{type(widget).__name__}/{widget.objectName() or '-'}: x={left} w={widget.width()} "
                            f"> {width}")
        if isinstance(widget, QTableView) and widget.horizontalHeader().length() > widget.viewport().width() + 1:
            problems.append(f"{type(widget).__name__}/{widget.objectName() or '-'}: columns "
                            f"{widget.horizontalHeader().length()} px wider than the table "
                            f"({widget.viewport().width()} px): it scrolls sideways or cuts them off")
    return problems


def _inside_scrolled_content(widget: QWidget, window: QWidget) -> bool:
    """A widget inside a scroll area's viewport: the area itself is checked, not what it scrolls."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and widget is not parent:
            if parent.viewport().isAncestorOf(widget):
                return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Input controls a screen reader could not name: no accessible name and no label pointing at them (a
    button or check box is named by its text)."""
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QScrollBar

    labelled = {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QAbstractSlider | QTableView) \
                or isinstance(widget, QScrollBar):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox) or not widget.isVisibleTo(root):
            continue  # the editor inside a spin box or combo box is the box itself
        if not widget.accessibleName() and widget not in labelled:
            found.append(f"{type(widget).__name__}/{widget.objectName() or '-'} in {type(widget.parentWidget()).__name__}")
    return found


Visit = Callable[[str, QWidget], None]
