"""The main window: who is logged in, the branch's figures, and the customer search box."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QMainWindow

from retention_desktop.gui.forms.ui_main_window import Ui_MainWindow
from retention_desktop.gui.tasks import run_task
from retention_desktop.services.branch_overview import BranchOverview, branch_overview
from retention_desktop.services.customer_search import CustomerHit, search_customers
from retention_desktop.services.officer_session import OfficerSession

SEARCH_DEBOUNCE_MS = 200


class CustomerHitsModel(QAbstractTableModel):
    HEADERS = ("고객번호", "이름", "생년월일", "휴대전화", "관리점")

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[CustomerHit] = []

    def set_hits(self, hits: list[CustomerHit]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hit(self, row: int) -> CustomerHit:
        return self._hits[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        h = self._hits[index.row()]
        return (h.customer_no, h.name, h.birth_date.strftime("%Y.%m.%d"), h.phone_masked, h.branch_name)[
            index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


class MainWindow(QMainWindow):
    overview_loaded = Signal(object)
    search_finished = Signal(str, int)

    def __init__(self) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.officer: OfficerSession | None = None
        self.hits = CustomerHitsModel()
        self.ui.resultsView.setModel(self.hits)
        self.ui.resultsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self._search_generation = 0
        self.ui.searchEdit.textChanged.connect(lambda _t: self._debounce.start())
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.ui.searchEdit.setFocus)
        self.statusBar().showMessage("데이터베이스 준비 중…")

    # -- state changes from the application ------------------------------------------------------
    def show_failure(self, message: str) -> None:
        self.ui.officerLabel.setText("연결 실패")
        self.statusBar().showMessage(message)

    def set_officer(self, officer: OfficerSession, policy_version: str) -> None:
        self.officer = officer
        self.ui.officerLabel.setText(f"{officer.branch_name} · {officer.name} {officer.role_label} "
                                     f"({officer.employee_no})")
        mode = "내장 데모 DB" if officer.database.mode == "embedded" else "중앙 서버"
        self.statusBar().showMessage(f"{officer.name} · {officer.branch_name} · {mode} · 규제정책 {policy_version}")
        self.ui.searchEdit.setEnabled(True)
        self.ui.searchEdit.setFocus()
        run_task(lambda: branch_overview(officer), self._show_overview, self._task_failed)

    # -- background results ---------------------------------------------------------------------
    def _show_overview(self, overview: BranchOverview) -> None:
        self.ui.customerCountLabel.setText(
            f"전체 고객 {overview.customers_total:,}명 · 우리 지점 고객 {overview.customers_in_branch:,}명 · "
            f"지점 대출 {overview.active_loans_in_branch:,}건")
        self.overview_loaded.emit(overview)

    def _search_now(self) -> None:
        if self.officer is None:
            return
        officer, query = self.officer, self.ui.searchEdit.text()
        self._search_generation += 1
        generation = self._search_generation
        run_task(lambda: search_customers(officer, query),
                 lambda hits: self._show_hits(generation, query, hits), self._task_failed)

    def _show_hits(self, generation: int, query: str, hits: list[CustomerHit]) -> None:
        if generation != self._search_generation:
            return  # an older query answered after a newer one was typed
        self.hits.set_hits(hits)
        self.statusBar().showMessage(f"'{query}' 검색 결과 {len(hits):,}건")
        self.search_finished.emit(query, len(hits))

    def _task_failed(self, exc: Exception) -> None:
        self.statusBar().showMessage(f"오류: {exc}")
