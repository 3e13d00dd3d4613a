"""구간 값 form (head office, new policy version): a band list ``[[상한, 값], …, [null, 값]]`` edited as rows of
"up to" and "value" with their unit, instead of JSON. The last row has no upper limit (그 초과). The result is
the same JSON text the policy form stores; ``domain/policy.py`` checks it as the engine reads it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain import exact_json
from retention_desktop.gui.i18n import tr


def is_band_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, list) and len(v) == 2 for v in value)


class BandDialog(QDialog):
    """Rows of (상한, 값); ``text()`` the band list as JSON (numbers with separators typed are accepted)."""

    def __init__(self, label: str, bands: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(label)
        self.message = QLabel(tr("한 줄에 한 구간: '상한' 이하(미만)인 경우의 값입니다. 마지막 줄은 상한 없이 그 초과 전부입니다."))
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr("상한"), tr("값")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(label)
        for upto, value in bands:
            self._add(upto, value)
        add, remove = QPushButton(tr("구간 추가")), QPushButton(tr("선택한 구간 삭제"))
        add.clicked.connect(lambda: self._add(0, 0, self.table.rowCount() - 1))
        remove.clicked.connect(self._remove)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("확인"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("취소"))
        self.buttons.accepted.connect(self._accept_if_readable)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def _add(self, upto, value, at: int | None = None) -> None:
        row = self.table.rowCount() if at is None or at < 0 else at
        self.table.insertRow(row)
        shown = (tr("(상한 없음)") if upto is None else f"{upto:,}" if isinstance(upto, int) else str(upto))
        self.table.setItem(row, 0, QTableWidgetItem(shown))
        self.table.setItem(row, 1, QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value)))

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            if self.table.rowCount() > 1:
                self.table.removeRow(row)

    def bands(self) -> list:
        """The rows as a band list; ``ValueError`` names the row that does not read."""
        result = []
        for row in range(self.table.rowCount()):
            cells = [(self.table.item(row, c).text() if self.table.item(row, c) else "").strip() for c in (0, 1)]
            last = row == self.table.rowCount() - 1
            upto = None if last else _number(cells[0], row)
            result.append([upto, _number(cells[1], row)])
        return result

    def text(self) -> str:
        return exact_json.dumps(self.bands(), indent=None)

    def _accept_if_readable(self) -> None:
        try:
            self.bands()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


def _number(text: str, row: int):
    """A whole number (separators allowed) or a decimal kept as text (a weight such as "0.8")."""
    plain = text.replace(",", "").replace("원", "").strip()
    if plain.lstrip("-").isdigit():
        return int(plain)
    try:
        float(plain)
    except ValueError:
        raise ValueError(tr("{row}번째 줄: 숫자가 아닙니다 ({text})").format(row=row + 1, text=text)) from None
    return plain
