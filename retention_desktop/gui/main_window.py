"""The main window: navigation (Dashboard, Customers, Call list, Proposals), the pages, the status bar.

Ctrl+F goes to the search, Enter opens, Esc goes back to the previous page.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow

from retention_desktop.gui.forms.ui_main_window import Ui_MainWindow
from retention_desktop.gui.i18n import tr
from retention_desktop.gui.pages.call_list import CallListPage
from retention_desktop.gui.pages.comparison import ComparisonPage
from retention_desktop.gui.pages.customer import CustomerPage
from retention_desktop.gui.pages.dashboard import DashboardPage
from retention_desktop.gui.pages.loan import LoanPage
from retention_desktop.gui.pages.proposals import ProposalsPage
from retention_desktop.gui.pages.search import SearchPage
from retention_desktop.gui.pages.simulation import SimulationPage
from retention_desktop.services.officer_session import OfficerSession

NAVIGATION = ("dashboard", "search", "calls", "proposals")


class MainWindow(QMainWindow):
    page_changed = Signal(str)

    def __init__(self, officer: OfficerSession, policy_version: str, today: dt.date | None = None):
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.officer = officer
        self.today = today or dt.date.today()
        self.pages = {
            "dashboard": DashboardPage(self.today), "search": SearchPage(), "calls": CallListPage(self.today),
            "proposals": ProposalsPage(), "customer": CustomerPage(self.today), "loan": LoanPage(self.today),
            "comparison": ComparisonPage(self.today), "simulation": SimulationPage(self.today),
        }
        for page in self.pages.values():
            self.ui.pages.addWidget(page)
        labels = {"dashboard": tr("대시보드"), "search": tr("고객 검색"), "calls": tr("콜리스트"), "proposals": tr("제안서")}
        for key in NAVIGATION:
            self.ui.navList.addItem(QListWidgetItem(labels[key]))
        self.ui.navList.currentRowChanged.connect(lambda row: self.go(NAVIGATION[row]) if row >= 0 else None)
        self.history: list[tuple[str, tuple]] = []
        self.current: tuple[str, tuple] | None = None

        search: SearchPage = self.pages["search"]
        search.open_customer.connect(self.open_customer)
        self.pages["calls"].open_customer.connect(self.open_customer)
        self.pages["proposals"].open_customer.connect(self.open_customer)
        customer: CustomerPage = self.pages["customer"]
        customer.open_loan.connect(lambda no: self.go("loan", no))
        customer.open_comparison.connect(lambda no: self.go("comparison", no))
        customer.open_simulation.connect(lambda no: self.go("simulation", no))
        comparison: ComparisonPage = self.pages["comparison"]
        comparison.simulate_requested.connect(lambda no: self.go("simulation", no))
        comparison.proposal_requested.connect(self._proposal_requested)
        for page in self.pages.values():
            if hasattr(page, "failed"):
                page.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))

        QShortcut(QKeySequence.StandardKey.Find, self, activated=lambda: self.go("search"))
        QShortcut(QKeySequence("Esc"), self, activated=self.back)
        mode = tr("내장 데모 DB") if officer.database.mode == "embedded" else tr("중앙 서버")
        for text in (f"{officer.name} {officer.role_label} ({officer.employee_no})", officer.branch_name, mode,
                     tr("규제정책") + " " + policy_version):
            label = QLabel(text)
            label.setStyleSheet("padding: 0 10px;")
            self.statusBar().addPermanentWidget(label)
        self.setWindowTitle(f"Retention Desktop — {officer.branch_name} {officer.name}")
        self.ui.navList.setCurrentRow(0)

    def go(self, page: str, *args, remember: bool = True) -> None:
        if self.current is not None and remember and self.current != (page, args):
            self.history.append(self.current)
        self.current = (page, args)
        widget = self.pages[page]
        self.ui.pages.setCurrentWidget(widget)
        if page in NAVIGATION:
            self.ui.navList.blockSignals(True)
            self.ui.navList.setCurrentRow(NAVIGATION.index(page))
            self.ui.navList.blockSignals(False)
        widget.activate(self.officer, *args)
        self.page_changed.emit(page)

    def open_customer(self, customer_no: str) -> None:
        self.go("customer", customer_no)

    def back(self) -> None:
        if self.history:
            page, args = self.history.pop()
            self.go(page, *args, remember=False)

    def _proposal_requested(self, state) -> None:
        # The signed PDF proposal (preview, print, archive) is the next feature; until then say so plainly.
        self.statusBar().showMessage(tr("서명 PDF 제안서(미리보기·인쇄·보관)는 제안서 기능에서 제공됩니다."), 8000)
