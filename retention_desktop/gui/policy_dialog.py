"""새 규제 정책 버전 (head office): start from the latest version's values, change what the regulator changed,
give the version and its effective date; every value is checked as the engine reads it before anything is
stored. Changed values are highlighted; a refused save keeps the edits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from retention_desktop.domain import exact_json
from retention_desktop.domain.labels import POLICY_PARAMETER
from retention_desktop.domain.policy import (CANNOT_READ, CANNOT_READ_LIST, PolicyError, parameter_texts,
                                             with_changes)
from retention_desktop.domain.policy_view import label_of, leaves, readable
from retention_desktop.domain.sentences import Sentence
from retention_desktop.gui import errors
from retention_desktop.gui.band_dialog import BandDialog, is_band_list
from retention_desktop.gui.forms.ui_policy_dialog import Ui_PolicyDialog
from retention_desktop.gui.i18n import localize, tr
from retention_desktop.gui.table_models import AS_WRITTEN_ROLE
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import name_controls
from retention_desktop.services import head_office
from retention_desktop.services.imports import ImportRejected

CHANGED = QBrush(QColor("#fff4e5"))


def policy_error_text(exc: PolicyError | str) -> str:
    """A refused value in the form's words and the screen's language: the item's label instead of the
    document's key (``exc``: the ``PolicyError`` of ``with_changes``, or the refusal's text already said)."""
    if isinstance(exc, PolicyError) and exc.text in (CANNOT_READ, CANNOT_READ_LIST):
        return tr("{label}: {text}을(를) 값으로 읽을 수 없습니다").format(label=tr(label_of(exc.params["path"])),
                                                                  text=exc.params["value"])
    message = exc.message(tr) if isinstance(exc, PolicyError) else str(exc)
    for path in sorted((p for p in POLICY_PARAMETER if p in message), key=len, reverse=True):
        message = message.replace(path, tr(label_of(path)))
    return message


class PolicyDialog(QDialog):
    saved = Signal(str)

    def __init__(self, officer, base: head_office.PolicyLine, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.officer, self.base = officer, base
        self.ui = Ui_PolicyDialog()
        self.ui.setupUi(self)
        self.ui.baseLabel.setText(tr("{version} ({date} 시행)의 값에서 시작합니다. 바꿀 값만 '새 값' 칸에서 고치세요. 구간 값은 "
                                     "두 번 누르면 구간별 입력 양식이 열립니다.").format(
            version=base.version, date=f"{base.effective_from:%Y.%m.%d}"))
        start = max(today, base.effective_from) + dt.timedelta(days=1)
        self.ui.effectiveEdit.setDate(QDate(start.year, start.month, start.day))
        self.rows = parameter_texts(base.parameters)
        table = self.ui.parametersTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([tr("항목 (단위)"), tr("현재 값"), tr("새 값")])  # the version: baseLabel
        table.setRowCount(len(self.rows))
        values = dict(leaves(base.parameters))
        for row, (path, text) in enumerate(self.rows):
            for column, value in enumerate((tr(POLICY_PARAMETER.get(path, path)), localize(readable(path, values[path])), text)):
                item = QTableWidgetItem(value)
                if column < 2 or is_band_list(values[path]):  # a band list: through its form (double-click)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 0:
                    item.setToolTip(path)  # the document's key, for the JSON file (import)
                if column == 1:
                    item.setToolTip(text)
                if column == 2:  # the value as the policy document stores it (JSON), typed by head office
                    item.setData(AS_WRITTEN_ROLE, True)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # band lists are long: both value columns
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # share the width, the new one stays in view
        table.itemChanged.connect(self._mark)
        table.cellDoubleClicked.connect(self.edit_bands)
        self.values = values
        name_controls(self, {table: tr("규제 값")})
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(tr("등록"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("취소"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def edit_bands(self, row: int, column: int) -> None:
        """A band list's new value through the band form (rows of 상한 and 값) instead of its JSON text."""
        path = self.rows[row][0]
        if column != 2 or not is_band_list(self.values.get(path)):
            return
        try:
            current = exact_json.loads(self.ui.parametersTable.item(row, 2).text())
        except ValueError:
            current = self.values[path]
        self.band_dialog = BandDialog(tr(label_of(path)), current if is_band_list(current) else self.values[path], self)
        self.band_dialog.accepted.connect(lambda: self.ui.parametersTable.item(row, 2).setText(self.band_dialog.text()))
        self.band_dialog.open()

    def set_value(self, path: str, text: str) -> None:
        row = [p for p, _t in self.rows].index(path)
        self.ui.parametersTable.item(row, 2).setText(text)
        self.ui.parametersTable.scrollToItem(self.ui.parametersTable.item(row, 2))

    def changes(self) -> dict[str, str]:
        table = self.ui.parametersTable
        return {path: table.item(row, 2).text() for row, (path, text) in enumerate(self.rows)
                if table.item(row, 2).text().strip() != text}

    def _mark(self, item: QTableWidgetItem) -> None:
        if item.column() == 2:
            changed = item.text().strip() != self.rows[item.row()][1]
            for column in range(3):
                self.ui.parametersTable.item(item.row(), column).setBackground(CHANGED if changed else QBrush())

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.ui.errorLabel.setText(tr("바뀐 값이 없습니다: 이전 버전과 같은 정책은 등록하지 않습니다."))
            return
        try:
            parameters = with_changes(self.base.parameters, changes)
        except PolicyError as exc:
            self.ui.errorLabel.setText(f"{tr('등록하지 않았습니다')}: {policy_error_text(exc)}")
            return
        officer, version = self.officer, self.ui.versionEdit.text()
        effective = self.ui.effectiveEdit.date().toString("yyyy-MM-dd")
        note = self.ui.noteEdit.text().strip()
        self.ui.buttonBox.setEnabled(False)
        self.ui.errorLabel.setText(tr("확인 중…"))
        run_task(lambda: head_office.save_policy(officer, version, effective, parameters, note), self._saved,
                 self._refused, owner=self)

    def _saved(self, version: str) -> None:
        self.saved.emit(version)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.ui.errorLabel.setText(tr("등록하지 않았습니다") + ": " + policy_error_text(
            "\n".join(localize(_problem(e)) for e in exc.errors) if isinstance(exc, ImportRejected)
            else errors.report(exc, self)))


def _problem(error: str) -> str:
    """A refusal of the form without its place ("policy form", the source stored with a version): the form is
    where the officer is."""
    if isinstance(error, Sentence) and error.template == "{place}: {problem}":
        return error.values["problem"]
    return error
