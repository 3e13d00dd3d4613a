"""``retention-desktop --demo --screenshots DIR``: every main screen, for the showcase customer, as PNGs.

The tour drives the real window through its pages, waits for each page's ``loaded`` signal (data
arrive in the background), and grabs it at 1366×768 and 1920×1080.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

SHOWCASE_CUSTOMER = "C00000001"
HEAD_OFFICE_ADMIN = "E1005"  # the demo's head-office administrator
SIZES = ((1366, 768), (1920, 1080))
PAGE_TIMEOUT_MS = 30_000


class ScreenshotTour(QObject):
    finished = Signal()

    def __init__(self, window, login_dialog: QWidget, out_dir: Path):
        super().__init__()
        self.window, self.login_dialog, self.out_dir = window, login_dialog, Path(out_dir)
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
            self._accepted_reloan(comparison.current)
            self._wait(pages["simulation"].loaded, lambda: w.go("simulation", loan_no))
            self._grab("simulation")
            self._wait(pages["calls"].loaded, lambda: w.go("calls"))
            self._grab("call-list")
            self._wait(pages["proposals"].loaded, lambda: w.go("proposals"))
            self._grab("proposals")
            self._applications()
            self._head_office()
            self._comparison_answers(loan_no)
            self.login_dialog.show()
            self._settle()
            path = self.out_dir / "00-login.png"
            self.login_dialog.grab().save(str(path))
            self.saved.append(path)
            self.login_dialog.hide()
            log.info("screenshots: %s", ", ".join(p.name for p in self.saved))
        except Exception:
            log.exception("screenshot tour failed")
            QApplication.instance().exit(1)
            return
        self.finished.emit()

    def _accepted_reloan(self, state) -> None:
        """A re-loan proposal the customer accepted, for the applications screen (a renegotiation is not filed)."""
        from retention_desktop.services.proposal_service import create_proposal, record_decision

        w = self.window
        if state.advice.candidates["reloan"].available:
            made = create_proposal(w.officer, state.loan_no, w.today, w.data_dir, state, action="reloan")
            record_decision(w.officer, made.proposal_no, "accepted")

    def _comparison_answers(self, loan_no: str) -> None:
        """The other answers: a customer's offer nothing can match (let them switch), and a loan that may not be
        offered anything (the proposal button disabled, with the reason)."""
        from sqlalchemy import select

        from retention_desktop.data.models import Loan

        w = self.window
        comparison = w.pages["comparison"]
        self._wait(comparison.loaded, lambda: w.go("comparison", loan_no))
        self._wait(comparison.recomputed, lambda: (comparison.lender_edit.setText("토스뱅크"),
                                                   comparison.rate_edit.setText("4.10"),
                                                   comparison.add_typed_offer()))
        self._grab("comparison-switch")
        with w.officer.database.session() as s:
            delinquent = s.scalar(select(Loan.loan_no).where(Loan.status == "delinquent",
                                                             Loan.branch_id == w.officer.branch_id)
                                  .order_by(Loan.id).limit(1)) or s.scalar(
                select(Loan.loan_no).where(Loan.status == "delinquent").order_by(Loan.id).limit(1))
        if delinquent:
            self._wait(comparison.loaded, lambda: w.go("comparison", delinquent))
            self._grab("comparison-impossible")

    def _applications(self) -> None:
        """The accepted proposal becomes an application, which the officer sends for review."""
        w = self.window
        page = w.pages["applications"]
        self._wait(page.loaded, lambda: w.go("applications"))
        if page.ui.createButton.isEnabled():
            self._wait(page.detail_shown, page.ui.createButton.click)
            self._wait(page.detail_shown, lambda: (page.ui.commentEdit.setText("소득 서류 원본 확인, 고객 서명 완료"),
                                                   page.ui.submitButton.click()))
        else:  # an earlier tour on this data folder filed it already: the loan has an application in progress
            self._wait(page.detail_shown, lambda: page.ui.applicationsView.selectRow(0))
        from retention_desktop.data.locations import resources_dir

        sample = resources_dir() / "samples" / "income-proof-sample.pdf"
        self._wait(page.documents.attached, lambda: page.documents.attach_file(sample, "income_proof"))
        self._wait_for(lambda: page.documents.model.rowCount() > 0, lambda: None)  # reloaded after attaching
        self._grab("applications")
        self._grab_dialog("income-confirmation", page.documents.income_dialog)  # dismissed: the demo income stays

    def _head_office(self) -> None:
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
        self._wait_for(lambda: page.dialog.ui.buttonBox.isEnabled() and "max_rate_pct" in page.dialog.ui.errorLabel.text(),
                       page.dialog.save)
        self._grab_dialog("product-dialog-refused", page.dialog)
        page.open_policy()
        page.dialog.ui.versionEdit.setText("2027.07-ltv-45")
        page.dialog.ui.noteEdit.setText("예시: 규제지역 LTV 45%")
        page.dialog.set_value("ltv.by_area.regulated.default_pct", "45")
        self._grab_dialog("policy-dialog", page.dialog)
        admin.close()
        admin.deleteLater()
