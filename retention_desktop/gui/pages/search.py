"""고객 검색: results while typing (debounced), a page at a time, Enter opens the customer. Customers of other
branches show masked (surname only); opening one asks for consultation access (the customer page). Past the
officer's daily limit of other branches' customers every search says the limit is reached."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from retention_desktop.gui.forms.ui_search_page import Ui_SearchPage
from retention_desktop.gui.i18n import count, tr
from retention_desktop.gui.table_models import Column, PagedRecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import ColumnFitter
from retention_desktop.services.customer_search import SearchResult, classify, search, search_customers

DEBOUNCE_MS = 50
PAGE = 50

COLUMNS = [
    Column("고객번호", lambda h: h.customer_no),
    Column("이름", lambda h: h.name, as_written=True),
    Column("생년월일", lambda h: h.birth_date.strftime("%Y.%m.%d") if h.birth_date else "—",
           lambda h: h.birth_date or dt.date.min),
    Column("휴대전화", lambda h: h.phone_masked),
    Column("관리점", lambda h: h.branch_name, as_written=True),
    # another branch's customer shows masked; opening asks for consultation access (a reason, recorded)
    Column("조회", lambda h: "" if h.in_scope else "타지점 · 상담 열람 신청 필요"),
]


def empty_hint(query: str) -> str:
    """What to try when a search found nobody (or could not be read as a search at all)."""
    if classify(query) is None:
        return tr("검색어를 알아볼 수 없습니다. 이름(예: 김하늘), 이름과 생년월일(예: 김하늘 860311), 고객번호(C…), "
                  "휴대전화 끝 4자리, 대출번호(L…) 중 하나로 찾으세요.")
    return (f"'{query.strip()}' " + tr("에 맞는 고객이 없습니다. 이름은 앞부분부터 맞춰 찾습니다: 성만 입력하거나 "
                                       "고객번호·휴대전화 끝 4자리·대출번호로 찾아 보세요."))


def limit_notice(result: SearchResult) -> str:
    """That the officer's daily limit of other branches' customers, or of searches probing other branches, is
    reached, in words ("" if not)."""
    if result.probe_limit_reached:
        return tr("오늘 다른 영업점 고객을 찾는 검색(전체 이름, 이름과 생년월일, 고객번호·대출번호) 한도 하루 {limit}회를 "
                  "모두 써서 다른 영업점 고객은 표시하지 않습니다. 이 영업점 고객은 그대로 찾을 수 있습니다. "
                  "한도는 본부가 정합니다.").format(limit=f"{result.probe_limit:,}")
    if not result.limit_reached:
        return ""
    return tr("오늘의 타지점 검색 한도(하루 {limit}명)에 도달해 다른 영업점 고객은 더 표시하지 않습니다. "
              "이 영업점 고객은 그대로 찾을 수 있습니다. 한도는 본부가 정합니다.").format(limit=f"{result.daily_limit:,}")


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
        ColumnFitter(self.ui.resultsView)
        self.query = ""
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self._generation = 0
        self.ui.searchEdit.textChanged.connect(lambda _t: self._debounce.start())
        self.ui.searchEdit.returnPressed.connect(self._open_first_or_selected)
        self.ui.resultsView.activated.connect(lambda index: self.open_customer.emit(
            self.model.record(index.row()).customer_no))
        self.model.page_loaded.connect(lambda _n: self._show_count())
        self.ui.moreButton.clicked.connect(lambda: self.model.fetchMore())

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
        run_task(lambda: search(officer, query, PAGE),
                 lambda result: self._show(generation, query, result), owner=self)

    def _show(self, generation: int, query: str, result: SearchResult) -> None:
        if generation != self._generation:
            return  # an older query answered after a newer one was typed
        officer, hits = self.officer, result.hits
        self.model.start(lambda offset: search_customers(officer, query, PAGE, offset), hits)
        self.query = query
        self._show_count()
        searched = bool(query.strip())
        # past the daily limit: say so (rather than "nobody matches", which may be untrue)
        hint = limit_notice(result) or (empty_hint(query) if searched and not hits else "")
        self.ui.hintLabel.setText(hint)
        self.ui.hintLabel.setVisible(bool(hint))
        if hits:
            self.ui.resultsView.selectRow(0)
        self.search_finished.emit(query, len(hits))

    def _show_count(self) -> None:
        """How many are shown, and whether more are to be had (the button, or scrolling to the end)."""
        shown, more = self.model.rowCount(), self.model.canFetchMore()
        if not self.query.strip():
            text = ""
        elif more:
            text = f"'{self.query}' {tr('검색 결과')} {shown:,}{tr('명 표시')} · {tr('더 있습니다')}"
        else:
            text = f"'{self.query}' {tr('검색 결과')} {count(shown, '명')}"
        self.ui.countLabel.setText(text)
        self.ui.moreButton.setText(tr("다음 {n}명 더 보기").format(n=PAGE))
        self.ui.moreButton.setVisible(more)

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
