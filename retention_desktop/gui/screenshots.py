"""``retention-desktop --demo --screenshots DIR``: every main screen, for the showcase customer, as PNGs.

The tour drives the real window through its pages, waits for each page's ``loaded`` signal (data
arrive in the background) and its charts, and grabs it at 1366×768 and 1920×1080. Then the states an
officer rarely sees (``NN-state-…``): a loan in arrears, a 마이너스통장, a customer with a long name, ten loans
and 12억 and more, the customer's decisions (거절, 타행 대환), the error dialogs, the print and file dialogs.
Last, the same screens in English, in ``DIR/en``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

SHOWCASE_CUSTOMER = "C00000001"
ARREARS_CUSTOMER = "C09999998"  # made by the tour: the officer's branch's customer with a loan in arrears
ARREARS_NAME = "윤하람"
OVERDRAFT_CUSTOMER = "C00000002"  # 강남역지점's customer with a 마이너스통장
EDGE_CUSTOMER = "C09999999"  # made by the tour: a long name, ten loans, a 12억 mortgage
EDGE_NAME = "남궁 바다나래 알렉산드라 김-로드리게스"
HEAD_OFFICE_ADMIN = "E1005"  # the demo's head-office administrator
SIZES = ((1366, 768), (1920, 1080))
PAGE_TIMEOUT_MS = 30_000


class ScreenshotTour(QObject):
    finished = Signal()

    def __init__(self, window, login_dialog: QWidget, out_dir: Path, owner_database=None):
        super().__init__()
        self.window, self.login_dialog, self.out_dir = window, login_dialog, Path(out_dir)
        self.root = self.out_dir
        self.owner_database = owner_database  # the demo database's owner: the tour adds its edge-case customer
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []
        self.screens = 0

    def start(self) -> None:
        QTimer.singleShot(0, self._run)

    def _wait(self, signal, action) -> object:
        loop = QEventLoop()
        got: list = []

        def done(*args):
            got.append(args)
            loop.quit()

        signal.connect(done)
        QTimer.singleShot(PAGE_TIMEOUT_MS, loop.quit)
        action()
        loop.exec()
        signal.disconnect(done)
        if not got:
            raise TimeoutError("a screen did not finish loading")
        self._settle()
        return got[0]

    @staticmethod
    def _settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def _charts_drawn(self, widget: QWidget) -> None:
        """Wait until every chart on screen shows its latest drawing (they render in the background)."""
        from retention_desktop.gui.charts import ChartCanvas

        for _ in range(100):
            charts = [c for c in widget.findChildren(ChartCanvas) if c.isVisible() and c._last is not None]
            if not any(c.busy for c in charts):
                return
            self._settle(100)

    def _grab(self, name: str, widget: QWidget | None = None) -> None:
        widget = widget or self.window
        self.screens += 1
        for width, height in SIZES:
            widget.resize(width, height)
            self._settle(300)  # charts re-render in the background at the new size
            self._charts_drawn(widget)
            path = self.out_dir / f"{self.screens:02d}-{name}-{width}x{height}.png"
            widget.grab().save(str(path))
            self.saved.append(path)

    def _proposal_pages(self, pdf: bytes) -> None:
        """The signed proposal's pages as the customer gets them, at 90 dpi (proposal-page-1.png, …)."""
        from retention_desktop.gui.proposal_preview import to_qimage
        from retention_desktop.proposal.pages import render_pages

        for number, array in enumerate(render_pages(pdf, 90), start=1):
            path = self.out_dir / f"proposal-page-{number}.png"
            to_qimage(array).save(str(path))
            self.saved.append(path)

    def _wait_for(self, condition, action) -> None:
        action()
        for _ in range(PAGE_TIMEOUT_MS // 100):
            if condition():
                return
            self._settle(100)
        raise TimeoutError("a form did not answer")

    def _grab_dialog(self, name: str, dialog: QWidget) -> None:
        """A form, once, at its own size; then it is dismissed (nothing saved)."""
        self._settle()
        self.screens += 1
        path = self.out_dir / f"{self.screens:02d}-{name}.png"
        dialog.grab().save(str(path))
        self.saved.append(path)
        dialog.reject()

    def _run(self) -> None:
        w = self.window
        pages = w.pages
        try:
            self._wait(pages["dashboard"].loaded, lambda: w.go("dashboard"))
            self._grab("dashboard")
            search = pages["search"]
            self._wait(search.search_finished, lambda: (w.go("search"), search.ui.searchEdit.setText("김하늘")))
            self._grab("search")
            (profile,) = self._wait(pages["customer"].loaded, lambda: w.open_customer(SHOWCASE_CUSTOMER))
            self._grab("customer")
            loan_no = next(l.loan_no for l in profile.loans if l.status == "active")
            self._wait(pages["loan"].loaded, lambda: w.go("loan", loan_no))
            self._grab("loan")
            comparison = pages["comparison"]
            self._wait(comparison.loaded, lambda: w.go("comparison", loan_no))
            # the customer brings the offer the market discloses for their band: the engine finds the counter-offer
            best = min(o.annual_rate_pct for o in comparison.current.request.switch_offers)
            self._wait(comparison.recomputed, lambda: (comparison.lender_edit.setText("토스뱅크"),
                                                       comparison.rate_edit.setText(f"{best:.2f}"),
                                                       comparison.add_typed_offer()))
            self._grab("comparison")
            (preview,) = self._wait(w.proposal_opened, comparison.proposal_button.click)
            self._grab("proposal", preview)
            self._proposal_pages(preview.proposal.pdf)
            preview.decision.setCurrentIndex(preview.decision.findData("accepted"))
            self._wait(preview.decision_recorded, preview.record_button.click)
            preview.close()
            self._wait(pages["simulation"].loaded, lambda: w.go("simulation", loan_no))
            self._grab("simulation")
            self._wait(pages["calls"].loaded, lambda: w.go("calls"))
            self._grab("call-list")
            self._wait(pages["proposals"].loaded, lambda: w.go("proposals"))
            self._grab("proposals")
            self._applications()
            self._head_office()
            self._comparison_answers(loan_no)
            self._login_shot()
            self._states()
            self._english(loan_no)
            log.info("screenshots: %s", ", ".join(p.name for p in self.saved))
        except Exception:
            log.exception("screenshot tour failed")
            QApplication.instance().exit(1)
            return
        self.finished.emit()

    def _login_shot(self) -> None:
        self.login_dialog.show()
        self._settle()
        path = self.out_dir / "00-login.png"
        self.login_dialog.grab().save(str(path))
        self.saved.append(path)
        self.login_dialog.hide()

    # -- the states nobody has seen ------------------------------------------------------------------------
    def _states(self) -> None:
        """Arrears, an overdraft line, the edge-case customer, decisions, error, print and file dialogs."""
        from retention_desktop.domain.errors import UserError
        from retention_desktop.gui.errors import ErrorDialog

        w, pages = self.window, self.window.pages
        self.screens = 19
        for customer_no, name in ((ARREARS_CUSTOMER, "state-arrears"), (OVERDRAFT_CUSTOMER, "state-overdraft")):
            (profile,) = self._wait(pages["customer"].loaded, lambda c=customer_no: w.open_customer(c))
            self._grab(f"{name}-customer")
            kind = "overdraft" if name == "state-overdraft" else None
            loan = next((l for l in profile.loans if (l.kind == kind if kind else l.status == "delinquent")), None)
            if loan is not None:
                self._wait(pages["loan"].loaded, lambda n=loan.loan_no: w.go("loan", n, profile.name))
                self._grab(f"{name}-loan")
                self._wait(pages["comparison"].loaded, lambda n=loan.loan_no: w.go("comparison", n))
                self._grab(f"{name}-comparison")
        if self._edge_customer():
            (profile,) = self._wait(pages["customer"].loaded, lambda: w.open_customer(EDGE_CUSTOMER))
            self._grab("state-long-name-ten-loans")
            big = max(profile.loans, key=lambda l: l.balance)
            self._wait(pages["loan"].loaded, lambda: w.go("loan", big.loan_no, profile.name))
            self._grab("state-12eok-loan")
            self._wait(pages["comparison"].loaded, lambda: w.go("comparison", big.loan_no))
            self._grab("state-12eok-comparison")
        self._decisions()
        box = ErrorDialog(w)
        box.add(UserError("직원번호를 입력하세요."))
        box.show()
        self._grab_dialog("state-error-input", box)
        box = ErrorDialog(w)
        try:
            raise RuntimeError("예시: 화면이 예상하지 못한 오류 (지원 담당자용 자세한 정보)")
        except RuntimeError as exc:
            box.add(exc)
        box.show()
        for button in box.buttons():  # the details for support, opened
            if button.text() in ("자세한 정보 표시...", "Show Details..."):
                button.click()
        self._grab_dialog("state-error-bug", box)
        self._print_and_file_dialogs()

    def _edge_customer(self) -> bool:
        """The demo's data layer adds the customer the demo lacks (``data.demo_states``: a long name, ten loans,
        a 12억 mortgage), in the background; False without the demo's owner database."""
        if self.owner_database is None:
            return False
        from retention_desktop.data.demo_states import add_edge_customer

        database, branch = self.owner_database, self.window.officer.branch_id
        return self._background(lambda: add_edge_customer(database, EDGE_CUSTOMER, EDGE_NAME, branch))

    def _arrears_customer(self) -> str | None:
        """The demo's data layer adds a customer of the officer's branch with a loan in arrears (``data.demo_states``:
        the generated ones fall in a branch that changes with the demo's day); None without the owner database."""
        if self.owner_database is None:
            return None
        from retention_desktop.data.demo_states import add_arrears_customer

        database, branch = self.owner_database, self.window.officer.branch_id
        return self._background(lambda: add_arrears_customer(database, ARREARS_CUSTOMER, ARREARS_NAME, branch))

    def _background(self, work):
        """``work()`` on a worker thread (``gui.tasks.run_task``) while the tour's event loop runs; its result."""
        from retention_desktop.gui.tasks import run_task

        loop = QEventLoop()
        out: dict = {}
        run_task(work, lambda result: (out.setdefault("result", result), loop.quit()),
                 lambda exc: (out.setdefault("error", exc), loop.quit()))
        QTimer.singleShot(PAGE_TIMEOUT_MS, loop.quit)
        loop.exec()
        if "error" in out:
            raise out["error"]
        if "result" not in out:
            raise TimeoutError("background work of the tour did not finish")
        return out["result"]

    def _decisions(self) -> None:
        """Proposals the customers declined and left for another lender, in the branch's list."""
        from retention_desktop.services.offer_comparison import open_comparison
        from retention_desktop.services.proposal_service import create_proposal, record_decision

        w = self.window
        from retention_desktop.services.customer_profile import load_profile

        def decide(customer_no: str, decision: str) -> None:
            profile = load_profile(w.officer, customer_no, w.today, None)
            for loan in profile.loans:
                if loan.status != "active":
                    continue
                state = open_comparison(w.officer, loan.loan_no, w.today)
                if state.proposal_refusal() is None:
                    made = create_proposal(w.officer, loan.loan_no, w.today, w.data_dir, state)
                    record_decision(w.officer, made.proposal_no, decision)
                    return

        for customer_no, decision in (("C00000002", "declined"), ("C00000199", "switched_away")):
            self._background(lambda c=customer_no, d=decision: decide(c, d))
        self._wait(w.pages["proposals"].loaded, lambda: w.go("proposals"))
        self._grab("state-decisions")

    def _print_and_file_dialogs(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        w = self.window
        number = w.pages["proposals"].model.record(0).proposal_no
        (preview,) = self._wait(w.proposal_opened, lambda: w.open_proposal(number))
        preview.open_print_dialog()
        self._settle(500)
        self._grab_dialog("state-print-dialog", preview.print_dialog)
        preview.close()
        from retention_desktop.gui.i18n import tr

        dialog = QFileDialog(w, tr("제안서 저장"), str(self.root))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.resize(900, 560)
        dialog.show()
        self._grab_dialog("state-file-dialog", dialog)

    # -- English ---------------------------------------------------------------------------------------
    def _english(self, loan_no: str) -> None:
        """The same window in English (``--language en``): the catalogue installed, a new window built."""
        from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

        from retention_desktop.data.locations import resources_dir
        from retention_desktop.gui.main_window import MainWindow

        app = QCoreApplication.instance()
        for old in app.findChildren(QTranslator):
            QCoreApplication.removeTranslator(old)
        translator = QTranslator(app)
        if not translator.load(str(resources_dir() / "translations" / "retention_en.qm")):
            raise RuntimeError("no English catalogue")
        QCoreApplication.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))
        korean = self.window
        self.window = MainWindow(korean.officer, korean.policy_version, korean.today, korean.data_dir)
        self.window.resize(1366, 768)
        self.window.show()
        korean.hide()
        self.out_dir = self.root / "en"
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.screens = 0
        w, pages = self.window, self.window.pages
        self._wait(pages["dashboard"].loaded, lambda: w.go("dashboard"))
        self._grab("dashboard")
        search = pages["search"]
        self._wait(search.search_finished, lambda: (w.go("search"), search.ui.searchEdit.setText("김")))
        self._grab("search")
        (profile,) = self._wait(pages["customer"].loaded, lambda: w.open_customer(SHOWCASE_CUSTOMER))
        self._grab("customer")
        self._wait(pages["loan"].loaded, lambda: w.go("loan", loan_no, profile.name))
        self._grab("loan")
        comparison = pages["comparison"]
        self._wait(comparison.loaded, lambda: w.go("comparison", loan_no))
        self._grab("comparison")
        self._wait(pages["proposals"].loaded, lambda: w.go("proposals"))
        number = pages["proposals"].model.record(0).proposal_no
        (preview,) = self._wait(w.proposal_opened, lambda: w.open_proposal(number))
        self._grab("proposal", preview)
        preview.close()
        self._wait(pages["simulation"].loaded, lambda: w.go("simulation", loan_no))
        self._grab("simulation")
        self._wait(pages["calls"].loaded, lambda: w.go("calls"))
        self._grab("call-list")
        self._wait(pages["proposals"].loaded, lambda: w.go("proposals"))
        self._grab("proposals")
        self._wait(pages["applications"].loaded, lambda: w.go("applications"))
        self._wait_for(lambda: pages["applications"].model.rowCount() == 0 or pages["applications"].detail is not None,
                       lambda: pages["applications"].ui.applicationsView.selectRow(0))
        self._settle(500)
        self._grab("applications")
        self.screens = 11  # numbered as the Korean ones
        self._head_office(english=True)
        self._login_shot_english()
        self.screens = 19
        self._states_english()

    def _login_shot_english(self) -> None:
        from retention_desktop.gui.login_dialog import LoginDialog

        dialog = LoginDialog()
        dialog.show()
        self._settle()
        path = self.out_dir / "00-login.png"
        dialog.grab().save(str(path))
        self.saved.append(path)
        dialog.close()

    def _states_english(self) -> None:
        from retention_desktop.domain.errors import UserError
        from retention_desktop.gui.errors import ErrorDialog

        w, pages = self.window, self.window.pages
        self._wait(pages["customer"].loaded, lambda: w.open_customer(ARREARS_CUSTOMER))
        self._grab("state-arrears-customer")
        if self.owner_database is not None:
            self._wait(pages["customer"].loaded, lambda: w.open_customer(EDGE_CUSTOMER))
            self._grab("state-long-name-ten-loans")
        self._wait(pages["proposals"].loaded, lambda: w.go("proposals"))
        self._grab("state-decisions")
        box = ErrorDialog(w)
        box.add(UserError("직원번호를 입력하세요."))
        box.show()
        self._grab_dialog("state-error-input", box)
        self._print_and_file_dialogs()

    def _comparison_answers(self, loan_no: str) -> None:
        """The other answers: a customer's offer nothing can match (let them switch), and a loan that may not be
        offered anything (the proposal button disabled, with the reason)."""
        from retention_desktop.data.demo_states import a_delinquent_loan

        w = self.window
        comparison = w.pages["comparison"]
        self._wait(comparison.loaded, lambda: w.go("comparison", loan_no))
        self._wait(comparison.recomputed, lambda: (comparison.lender_edit.setText("토스뱅크"),
                                                   comparison.rate_edit.setText("4.10"),
                                                   comparison.add_typed_offer()))
        self._grab("comparison-switch")
        self._arrears_customer()
        delinquent = self._background(lambda: a_delinquent_loan(w.officer.database, w.officer.branch_id))
        if delinquent:
            self._wait(comparison.loaded, lambda: w.go("comparison", delinquent))
            self._grab("comparison-impossible")

    def _applications(self) -> None:
        """The accepted proposal's application, which the officer sends for review: a re-loan's is filed here, a
        renegotiation's was filed by the customer's acceptance (it waits for a colleague's approval and execution)."""
        w = self.window
        page = w.pages["applications"]
        self._wait(page.loaded, lambda: w.go("applications"))
        if page.ui.createButton.isEnabled():
            self._wait(page.detail_shown, page.ui.createButton.click)
        else:  # filed at acceptance, or by an earlier tour on this data folder: the newest application
            self._wait(page.detail_shown, lambda: page.ui.applicationsView.selectRow(0))
        if page.detail is not None and "submitted" in page.detail.next_states:
            self._wait(page.detail_shown, lambda: (page.ui.commentEdit.setText("소득 서류 원본 확인, 고객 서명 완료"),
                                                   page.ui.submitButton.click()))
        import hashlib

        from retention_desktop.data.locations import resources_dir
        from retention_desktop.services import documents

        docs = page.documents
        sample = resources_dir() / "samples" / "income-proof-sample.pdf"
        content = sample.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        self._wait(docs.loaded, docs.reload)
        if any(d.sha256 == digest for d in docs.model.records):
            # an earlier tour on this data folder attached it (the database refuses the same file twice): the
            # income it carries is offered as after attaching
            docs.offer_income(self._background(lambda: documents.find_income(content)), digest)
        else:
            self._wait(docs.attached, lambda: docs.attach_file(sample, "income_proof"))
            self._wait_for(lambda: docs.model.rowCount() > 0, lambda: None)  # reloaded after attaching
        self._grab("applications")
        self._grab_dialog("income-confirmation", page.documents.income_dialog)  # dismissed: the demo income stays

    def _head_office(self, english: bool = False) -> None:
        """The head-office administrator's window: the data tabs and the new-policy form."""
        from retention_desktop.gui.main_window import MainWindow
        from retention_desktop.services.officer_session import log_in

        w = self.window
        admin = MainWindow(log_in(w.officer.database, HEAD_OFFICE_ADMIN), w.policy_version, w.today, w.data_dir)
        admin.show()
        page = admin.pages["head_office"]
        self._wait(page.loaded, lambda: admin.go("head_office"))
        self._grab("head-office-products", admin)
        for tab, name in ((page.ui.offersTab, "head-office-rate-sheets"), (page.ui.indexTab, "head-office-index-rates"),
                          (page.ui.policyTab, "head-office-policy")):
            page.ui.tabs.setCurrentWidget(tab)
            self._grab(name, admin)
        page.ui.productsView.selectRow(0)
        page.edit_selected_product()
        page.dialog.ui.maxRateEdit.setText("3.0")
        label = page.dialog.ui.maxRateLabel.text()
        self._wait_for(lambda: page.dialog.ui.buttonBox.isEnabled() and label in page.dialog.ui.errorLabel.text(),
                       page.dialog.save)
        self._grab_dialog("product-dialog-refused", page.dialog)
        page.open_policy()
        page.dialog.ui.versionEdit.setText("2027.07-ltv-45")
        page.dialog.ui.noteEdit.setText("예시: 규제지역 LTV 45%")
        page.dialog.set_value("ltv.by_area.regulated.default_pct", "45")
        self._grab_dialog("policy-dialog", page.dialog)
        admin.close()
        admin.deleteLater()
