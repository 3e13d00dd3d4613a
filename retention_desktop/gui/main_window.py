"""The main window: navigation (Dashboard, Customers, Call list, Proposals, Applications, and Head office for
the admin role), the pages, the status bar.

Ctrl+F goes to the search, Enter opens, Esc goes back to the previous page.
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QVBoxLayout, QWidget

from retention_desktop.data.locations import default_data_dir
from retention_desktop.gui import errors
from retention_desktop.gui.connection_banner import ConnectionBanner
from retention_desktop.gui.forms.ui_main_window import Ui_MainWindow
from retention_desktop.gui.i18n import localize, tr
from retention_desktop.gui.tasks import run_task
from retention_desktop.services.connection import ping
from retention_desktop.services.officer_session import OfficerSession

BRANCH_NAVIGATION = ("dashboard", "search", "calls", "proposals", "applications")
ADMIN_NAVIGATION = BRANCH_NAVIGATION + ("head_office",)
NAVIGATION_PARENT = {"customer": "search", "loan": "search", "comparison": "search", "simulation": "search"}

# Each page's module and class. A page is imported and built the first time it is asked for (shown, or
# reached through ``MainWindow.pages``), so a login opens the dashboard without importing the other screens
# (the comparison engine, pypdfium2…); the app imports them in the background once the window is usable
# (``gui.app._warm_up``). docs/benchmarks.md, issue 16.
PAGES = {"dashboard": "dashboard.DashboardPage", "search": "search.SearchPage", "calls": "call_list.CallListPage",
         "proposals": "proposals.ProposalsPage", "customer": "customer.CustomerPage", "loan": "loan.LoanPage",
         "comparison": "comparison.ComparisonPage", "simulation": "simulation.SimulationPage",
         "applications": "applications.ApplicationsPage", "head_office": "head_office.HeadOfficePage"}


def page_class(key: str) -> type:
    """The class of page ``key`` (its module imported now if not yet); KeyError for an unknown page."""
    module, _, name = PAGES[key].partition(".")
    return getattr(importlib.import_module(f"retention_desktop.gui.pages.{module}"), name)


class Pages(dict):
    """The window's pages by key, each built on first use by ``build`` (a missing key builds it)."""

    def __init__(self, build):
        super().__init__()
        self._build = build

    def __missing__(self, key: str):
        page = self[key] = self._build(key)
        return page


class MainWindow(QMainWindow):
    page_changed = Signal(str)

    proposal_opened = Signal(object)

    def __init__(self, officer: OfficerSession, policy_version: str, today: dt.date | None = None,
                 data_dir: Path | None = None):
        super().__init__()
        self.data_dir = data_dir or default_data_dir()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.officer = officer
        self.policy_version = policy_version
        self.today = today or officer.bank_today  # the bank's business date (read from the server at login)
        self.navigation = ADMIN_NAVIGATION if officer.role == "admin" else BRANCH_NAVIGATION
        self.pages = Pages(self._build_page)
        self._add_connection_banner()
        labels = {"dashboard": tr("대시보드"), "search": tr("고객 검색"), "calls": tr("콜리스트"), "proposals": tr("제안서"),
                  "applications": tr("재대출 신청"), "head_office": tr("본부 관리")}
        for row, key in enumerate(self.navigation):
            item = QListWidgetItem(labels[key])
            item.setToolTip(f"{labels[key]} (Ctrl+Shift+{row + 1})")
            self.ui.navList.addItem(item)
        self.ui.navList.currentRowChanged.connect(lambda row: self.go(self.navigation[row]) if row >= 0 else None)
        self.history: list[tuple[str, tuple]] = []
        self.current: tuple[str, tuple] | None = None

        QShortcut(QKeySequence.StandardKey.Find, self, activated=lambda: self.go("search"))
        QShortcut(QKeySequence("Esc"), self, activated=self.back)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back)
        # Ctrl+Shift+1… the navigation's entries, in order (Ctrl+1…3 are the customer screen's loan actions)
        for row, key in enumerate(self.navigation):
            QShortcut(QKeySequence(f"Ctrl+Shift+{row + 1}"), self, activated=lambda k=key: self.go(k))
        self.ui.brandLabel.setText(tr("리텐션 데스크톱"))
        self.ui.navList.setAccessibleName(tr("화면 이동"))
        mode = tr("내장 데모 DB") if officer.database.mode == "embedded" else tr("중앙 서버")
        for text in (f"{officer.name} {tr(officer.role_label)} ({officer.employee_no})", officer.branch_name, mode,
                     tr("규제정책") + " " + policy_version):
            label = QLabel(text)
            label.setStyleSheet("padding: 0 10px;")
            self.statusBar().addPermanentWidget(label)
        self.setWindowTitle(f"{tr('리텐션 데스크톱')} — {officer.branch_name} {officer.name}")
        self.ui.navList.setCurrentRow(0)

    def _build_page(self, key: str) -> QWidget:
        """Page ``key`` built, wired to the window and added to the stack (``Pages`` calls this once per key);
        KeyError for a page this officer's window does not have."""
        if key == "head_office" and "head_office" not in self.navigation:
            raise KeyError(key)
        cls = page_class(key)
        if key in ("search", "applications"):
            page = cls()
        elif key == "proposals":
            page = cls(self.data_dir, self.today)
        else:
            page = cls(self.today)
        if key in ("search", "calls"):
            page.open_customer.connect(self.open_customer)
        elif key == "proposals":
            page.open_proposal.connect(self.open_proposal)
        elif key == "customer":
            page.open_loan.connect(lambda no: self.go("loan", no, page.profile.name if page.profile else None))
            page.open_comparison.connect(lambda no: self.go("comparison", no))
            page.open_simulation.connect(lambda no: self.go("simulation", no))
        elif key == "loan":
            page.back_requested.connect(self.back)
        elif key == "comparison":
            page.simulate_requested.connect(lambda no: self.go("simulation", no))
            page.proposal_requested.connect(self._proposal_requested)
        self.ui.pages.addWidget(page)
        return page

    def _add_connection_banner(self) -> None:
        """The reconnect banner above the pages (gui/connection_banner.py); the pages are never cleared by it."""
        database = self.officer.database
        self.banner = ConnectionBanner(lambda: ping(database), self)
        layout = self.ui.shellLayout
        index = layout.indexOf(self.ui.pages)
        stretch = layout.stretch(index)
        column = QWidget(self)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        layout.removeWidget(self.ui.pages)
        column_layout.addWidget(self.banner)
        column_layout.addWidget(self.ui.pages, 1)
        layout.insertWidget(index, column, stretch)
        self.banner.reconnected.connect(lambda: self.statusBar().showMessage(tr("데이터베이스에 다시 연결되었습니다."), 8000))
        errors.watch_connection(self.banner)

    def go(self, page: str, *args, remember: bool = True) -> None:
        if self.current is not None and remember and self.current != (page, args):
            self.history.append(self.current)
        self.current = (page, args)
        widget = self.pages[page]
        self.statusBar().clearMessage()  # what was said on the last screen is not about this one
        self.ui.pages.setCurrentWidget(widget)
        section = NAVIGATION_PARENT.get(page, page)  # a customer's screens belong to 고객 검색
        if section in self.navigation:
            self.ui.navList.blockSignals(True)
            self.ui.navList.setCurrentRow(self.navigation.index(section))
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
        """Build, sign and archive the proposal of what is on the comparison screen, then preview it."""
        if state is None:
            return
        from retention_desktop.services.proposal_service import create_proposal

        officer, today, data_dir = self.officer, self.today, self.data_dir
        self.statusBar().showMessage(tr("제안서를 만들고 서명하는 중…"))
        run_task(lambda: create_proposal(officer, state.loan_no, today, data_dir, state), self.show_proposal,
                 lambda exc: self._proposal_failed(tr("제안서를 만들지 못했습니다"), exc))

    def open_proposal(self, proposal_no: str) -> None:
        from retention_desktop.services.proposal_service import reopen

        officer = self.officer
        run_task(lambda: reopen(officer, proposal_no), self.show_proposal,
                 lambda exc: self._proposal_failed(tr("제안서를 열지 못했습니다"), exc))

    def _proposal_failed(self, title: str, exc: Exception) -> None:
        self.statusBar().clearMessage()
        self.error_box = errors.show_error(exc, self, title=title)

    def show_proposal(self, proposal) -> None:
        from retention_desktop.gui.proposal_preview import ProposalPreview

        self.statusBar().showMessage(tr("제안서 번호") + f" {proposal.proposal_no}", 8000)
        self.preview = ProposalPreview(self.officer, proposal, parent=self,
                                       state_file=self.data_dir / "window-state.ini")
        preview = self.preview
        preview.decision_recorded.connect(lambda decision: self._decision_recorded(decision, preview.said))
        preview.pages_ready.connect(lambda _n: self.proposal_opened.emit(preview))
        preview.open()

    def _decision_recorded(self, decision: str, said: str | None = None) -> None:
        """``said``: what the database did besides (a renegotiation's application filed, and what happens next)."""
        self.pages["proposals"].activate(self.officer)
        if said:
            self.statusBar().showMessage(localize(said), 10000)
        elif decision == "accepted":
            self.statusBar().showMessage(tr("고객이 수락했습니다: 재대출 신청 화면에서 신청서를 작성하세요."), 10000)
