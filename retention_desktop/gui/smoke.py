"""``retention-desktop --demo --smoke``: the frozen build's self-test.

Starts the embedded database, logs the demo officer in, opens the main window, runs a comparison for
the showcase customer's loan, builds, signs and verifies a proposal, prints it through the preview's print path
to a PDF file (Qt's print support as bundled; the pages counted back), reads the bundled sample income proof
and products sheet (pypdf and the head-office import checks, from the bundled resources), and exits 0. Any failure exits 1
with the reason on standard error.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from retention_desktop.data.locations import resources_dir
from retention_desktop.gui.proposal_preview import print_document, print_plan
from retention_desktop.gui.tasks import run_task
from retention_desktop.proposal.pages import page_count
from retention_desktop.services.documents import find_income
from retention_desktop.services.imports import parse_products
from retention_desktop.services.offer_comparison import open_comparison
from retention_desktop.services.proposal_service import create_proposal, trust_roots, verify_pdf

SHOWCASE_LOAN = "L0000000001"


class SmokeTest(QObject):
    finished = Signal(int)

    def __init__(self, window, data_dir, first_window_seconds: float | None = None,
                 ready_seconds: float | None = None):
        super().__init__()
        self.window, self.data_dir = window, data_dir
        self.first_window_seconds = first_window_seconds
        self.ready_seconds = ready_seconds

    def start(self) -> None:
        QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        officer, data_dir = self.window.officer, self.data_dir
        printed = Path(tempfile.mkdtemp(prefix="rd-smoke-")) / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # made on the GUI thread, painted in the task
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))

        def check() -> str:
            today = officer.bank_today
            state = open_comparison(officer, SHOWCASE_LOAN, today)
            if len(state.comparison.options) < 2:
                raise RuntimeError("the comparison has no re-loan option")
            proposal = create_proposal(officer, SHOWCASE_LOAN, today, data_dir, state)
            result = verify_pdf(officer.database, proposal.pdf, trust_roots(officer.database, data_dir))
            if not result.ok:
                raise RuntimeError(f"the proposal did not verify: {result.reason}")
            pages = page_count(proposal.pdf)
            print_document(proposal.pdf, printer, print_plan(pages, printer))
            if page_count(printed.read_bytes()) != pages:
                raise RuntimeError(f"printing gave {page_count(printed.read_bytes())} of {pages} pages")
            samples = resources_dir() / "samples"
            income = find_income((samples / "income-proof-sample.pdf").read_bytes())
            if income is None or income.amount != 81_250_000:
                raise RuntimeError(f"the sample income proof read as {income}")
            products, _where = parse_products((samples / "products.csv").read_text(encoding="utf-8"), "products.csv")
            return f"smoke OK: comparison of {len(state.comparison.options)} options, {proposal.proposal_no} signed " \
                   f"and verified ({result.level}), printed to PDF ({pages} pages); sample income proof " \
                   f"{income.amount:,} won, {len(products)} sample products checked"

        def checked() -> str:
            try:
                return check()
            finally:
                shutil.rmtree(printed.parent, ignore_errors=True)

        run_task(checked, self._passed, self._failed)

    def _passed(self, message: str) -> None:
        print(message, flush=True)
        if self.first_window_seconds is not None:
            print(f"first window after {self.first_window_seconds:.2f} s", flush=True)
        if self.ready_seconds is not None:
            print(f"database ready for login after {self.ready_seconds:.2f} s", flush=True)
        self.finished.emit(0)
        QApplication.instance().exit(0)

    def _failed(self, exc: Exception) -> None:
        print(f"smoke FAILED: {exc}", file=sys.stderr, flush=True)
        self.finished.emit(1)
        QApplication.instance().exit(1)
