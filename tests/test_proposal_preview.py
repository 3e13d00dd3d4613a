"""The proposal preview on a 1366×768 laptop: every button on screen, printing through the print path to a PDF
(page count, content), page range and copies, errors in a dialog and the log, the size remembered; and the
확인 action reading a typed or scanned proposal."""

from __future__ import annotations

import logging

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from retention_desktop.gui.pages.proposals import ProposalsPage
from retention_desktop.gui.proposal_preview import ProposalPreview, fitted_size
from retention_desktop.gui.tasks import wait_for_tasks
from retention_desktop.proposal import pages
from retention_desktop.services import proposal_service as ps
from tests.support import TEST_AS_OF

TASKBAR = 40  # a Windows laptop's taskbar takes this much of the 768 pixels


@pytest.fixture
def made(login, tmp_path):
    officer = login("E1007")
    proposal = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    return officer, proposal, tmp_path


def open_preview(qtbot, officer, proposal, state_file) -> ProposalPreview:
    preview = ProposalPreview(officer, proposal, state_file=state_file)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.pages_ready, timeout=20_000):
        preview.show()
    qtbot.waitExposed(preview)
    return preview


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def same_page(pdf_a: bytes, page_a: int, pdf_b: bytes, page_b: int) -> bool:
    """The same page content, printed or not: grey levels at 20 dpi correlate above 0.6 (the same page measures
    about 0.75 after rasterising for the printer and the PDF engine's image compression; different pages of a
    proposal about 0.15)."""
    a = pages.render_page(pdf_a, page_a, 20).mean(axis=2).ravel()
    b = pages.render_page(pdf_b, page_b, 20).mean(axis=2).ravel()
    return a.shape == b.shape and np.corrcoef(a, b)[0, 1] > 0.6


def test_on_a_1366x768_laptop_every_button_is_on_screen_and_printing_gives_the_pages(qtbot, made):
    officer, proposal, tmp_path = made
    screen = QGuiApplication.primaryScreen()
    assert screen.geometry().size() == QSize(1366, 768), "tests run on the 1366×768 screen (tests/screens)"
    preview = open_preview(qtbot, officer, proposal, tmp_path / "window-state.ini")
    usable = screen.availableGeometry().adjusted(0, 0, 0, -TASKBAR)
    assert usable.contains(preview.frameGeometry())
    for button in preview.buttons():
        assert button.isVisible() and button.isEnabled()
        assert usable.contains(QRect(button.mapToGlobal(QPoint(0, 0)), button.size())), button.text()
    assert len(preview.page_labels) == 3

    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(preview.printed, timeout=60_000) as sent:
        preview.print_to(printer)
    assert sent.args == [str(tmp_path / "printed.pdf")]
    printed = (tmp_path / "printed.pdf").read_bytes()
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 3
    # the printed file holds the pages as a printer receives them (pixels): the same pages as the proposal, and
    # the QR on page 1 still reads as this proposal's number and check code
    zxingcpp = pytest.importorskip("zxingcpp")
    qr = zxingcpp.read_barcodes(pages.render_page(printed, 0, 200))
    assert qr and qr[0].text.startswith(proposal.proposal_no)
    for index in range(3):
        assert same_page(proposal.pdf, index, printed, index), index
    assert not same_page(proposal.pdf, 0, printed, 1)  # the measure tells pages apart


def test_page_range_and_copies_come_from_the_print_dialog(qtbot, made):
    officer, proposal, tmp_path = made
    preview = open_preview(qtbot, officer, proposal, None)
    printer = pdf_printer(tmp_path / "range.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    with qtbot.waitSignal(preview.printed, timeout=60_000):
        preview.print_to(printer)
    assert len(PdfReader(str(tmp_path / "range.pdf")).pages) == 4  # pages 2, 3, 2, 3
    printed = (tmp_path / "range.pdf").read_bytes()
    assert [same_page(proposal.pdf, source, printed, n) for n, source in enumerate((1, 2, 1, 2))] == [True] * 4


def test_the_print_dialog_opens_and_cancelling_prints_nothing(qtbot, made):
    officer, proposal, _tmp = made
    preview = open_preview(qtbot, officer, proposal, None)
    preview.print_button.click()  # raised "TypeError: open expected 2 arguments, got 0" before
    dialog = preview.print_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.assertNotEmitted(preview.printed, wait=200):
        dialog.reject()
    assert not preview.printing


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_printer_that_cannot_be_opened_is_reported_in_a_dialog_and_the_log(qtbot, made, caplog):
    officer, proposal, tmp_path = made
    preview = open_preview(qtbot, officer, proposal, None)
    printer = pdf_printer(tmp_path / "no-such-folder" / "x.pdf")
    with caplog.at_level(logging.ERROR, logger="retention_desktop.gui.proposal_preview"):
        with qtbot.waitSignal(preview.print_failed, timeout=30_000):
            preview.print_to(printer)
    assert preview.error_box is not None and preview.error_box.isVisible()
    assert "프린터를 열 수 없습니다" in preview.error_box.text()
    assert any(r.exc_info and "프린터를 열 수 없습니다" in r.getMessage() + str(r.exc_info[1]) for r in caplog.records)
    assert preview.print_button.isEnabled()
    preview.error_box.close()


def test_the_size_is_remembered_and_never_larger_than_the_screen(qtbot, made):
    officer, proposal, tmp_path = made
    state = tmp_path / "window-state.ini"
    first = open_preview(qtbot, officer, proposal, state)
    first.resize(820, 600)
    first.close()
    again = open_preview(qtbot, officer, proposal, state)
    assert again.size() == QSize(820, 600)
    again.resize(3000, 2000)  # e.g. remembered on a larger monitor
    again.close()
    third = open_preview(qtbot, officer, proposal, state)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert third.width() <= available.width() and third.height() <= available.height()
    assert fitted_size(QSize(900, 1000), QRect(0, 0, 1366, 728)) == QSize(900, 648)
    wait_for_tasks()


@pytest.mark.parametrize("typed", ["qr", "number", "hangul-mode scanner"])
def test_the_check_action_reads_a_typed_or_scanned_proposal(qtbot, made, typed):
    from retention_desktop.domain.proposal_code import check_code, qr_payload
    from retention_desktop.proposal.document import embedded_facts

    officer, proposal, tmp_path = made
    page = ProposalsPage(tmp_path, TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.activate(officer)
    facts = embedded_facts(proposal.pdf)
    payload = qr_payload(proposal.proposal_no, check_code(proposal.proposal_no, facts["input_sha256"]))
    text = {"qr": payload, "number": proposal.proposal_no,
            "hangul-mode scanner": payload.replace("P", "ㅖ").replace("CHECK", "초ㄸ차")}[typed]
    page.check_edit.setText(text)
    with qtbot.waitSignal(page.checked, timeout=20_000) as got:
        page.check_edit.returnPressed.emit()  # a scanner ends with Enter
    check = got.args[0]
    assert check.ok and check.proposal_no == proposal.proposal_no
    assert not page.check_result.isHidden() and "확인됨" in page.check_result.text()
    assert "김*늘" in page.check_result.text()


def test_the_check_action_says_why_a_proposal_is_not_accepted(qtbot, made):
    officer, proposal, tmp_path = made
    page = ProposalsPage(tmp_path, TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.activate(officer)
    for text, words in ((f"{proposal.proposal_no} CHECK 0000000000000000", "확인코드"),
                        ("P20261123-FFFFFF", "기록이 없습니다"), ("not a number", "제안서 번호")):
        page.check_edit.setText(text)
        with qtbot.waitSignal(page.checked, timeout=20_000):
            page.check_button.click()
        assert words in page.check_result.text(), text
