"""고객 검색: results while typing (debounced), a page at a time, Enter opens the customer. Customers of other
branches show masked; opening one asks for consultation access (the customer page)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from retention_desktop.gui.forms.ui_search_page import Ui_SearchPage
from retention_desktop.gui.table_models import Column, PagedRecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.services.customer_search import CustomerHit, search_customers

DEBOUNCE_MS = 50
PAGE = 50

COLUMNS = [
    Column("고객번호", lambda h: h.customer_no),
    Column("이름", lambda h: h.name),
    Column("생년월일", lambda h: h.birth_date.strftime("%Y.%m.%d") if h.birth_date else "—",
           lambda h: h.birth_date or dt.date.min),
    Column("휴대전화", lambda h: h.phone_masked),
    Column("관리점", lambda h: h.branch_name),
    # another branch's customer shows masked; opening asks for consultation access (a reason, recorded)
    Column("조회", lambda h: "" if h.in_scope else "타지점 · 상담 열람 신청 필요"),
]


class SearchPage(QWidget):
    search_finished = Signal(str, int)
    open_customer = Signal(str)

    def __init__(self):
        super().__init__()
        self.ui = Ui_SearchPage()
        self.ui.setupUi(self)
        self.officer = None
        self.model = PagedRecordsModel(COLUMNS, page_size=PAGE)
        self.ui.resultsView.setModel(self.model)
        self.ui.resultsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self._generation = 0
        self.ui.searchEdit.textChanged.connect(lambda _t: self._debounce.start())
        self.ui.searchEdit.returnPressed.connect(self._open_first_or_selected)
        self.ui.resultsView.activated.connect(lambda index: self.open_customer.emit(
            self.model.record(index.row()).customer_no))
        self.model.page_loaded.connect(lambda n: self.ui.countLabel.setText(f"{n:,}명 표시 (스크롤하면 더 불러옵니다)"))

    def activate(self, officer) -> None:
        self.officer = officer
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def search_now(self) -> None:
        if self.officer is None:
            return
        officer, query = self.officer, self.ui.searchEdit.text()
        self._generation += 1
        generation = self._generation
        run_task(lambda: search_customers(officer, query, PAGE),
                 lambda hits: self._show(generation, query, hits), owner=self)

    def _show(self, generation: int, query: str, hits: list[CustomerHit]) -> None:
        if generation != self._generation:
            return  # an older query answered after a newer one was typed
        officer = self.officer
        self.model.start(lambda offset: search_customers(officer, query, PAGE, offset), hits)
        more = " 이상" if len(hits) >= PAGE else ""
        self.ui.countLabel.setText(f"'{query}' 검색 결과 {len(hits):,}명{more}" if query.strip() else "")
        if hits:
            self.ui.resultsView.selectRow(0)
        self.search_finished.emit(query, len(hits))

    def _open_first_or_selected(self) -> None:
        rows = self.ui.resultsView.selectionModel().selectedRows()
        if self.model.rowCount():
            row = rows[0].row() if rows else 0
            self.open_customer.emit(self.model.record(row).customer_no)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.ui.resultsView.hasFocus():
            self._open_first_or_selected()
            return
        super().keyPressEvent(event)
