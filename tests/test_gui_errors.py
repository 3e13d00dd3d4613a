"""No failure is silent in the GUI: an exception in any slot, a background task without a handler, a refused
action or a lost database each reach the officer as a dialog in words (details for support), and the log
with the traceback. Status messages do not follow the officer to later screens."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy.engine import make_url

from retention_desktop.data.database import Database, create_app_engine
from retention_desktop.domain.errors import InputError
from retention_desktop.gui import errors
from retention_desktop.gui.main_window import MainWindow
from retention_desktop.gui.tasks import run_task, wait_for_tasks
from tests.support import TEST_AS_OF

WAIT = 20_000


def _close_error_dialog() -> None:
    dialog = errors.current_dialog()
    if dialog is not None:
        dialog.done(0)


@pytest.fixture(autouse=True)
def no_dialog_left():
    """No error dialog from an earlier test (another module's, too) open when a test starts, none left after."""
    _close_error_dialog()
    yield
    _close_error_dialog()
    errors.uninstall_exception_hooks()


@pytest.fixture
def hooks(qapp):
    errors.install_exception_hooks(qapp, qt_messages_to_log=False)  # pytest-qt keeps its own Qt message handler
    yield


def shown(qtbot) -> errors.ErrorDialog:
    qtbot.waitUntil(lambda: errors.current_dialog() is not None, timeout=WAIT)
    return errors.current_dialog()


@pytest.mark.qt_no_exception_capture
def test_an_exception_raised_in_a_slot_shows_the_error_dialog_and_reaches_the_log(qtbot, hooks, caplog):
    button = QPushButton("저장")
    qtbot.addWidget(button)

    def broken_slot():
        raise RuntimeError("an IntegrityError-like detail the officer must not read")

    button.clicked.connect(broken_slot)
    with caplog.at_level(logging.ERROR):
        button.click()
    dialog = shown(qtbot)
    assert dialog.text() == errors.BUG_TEXT and dialog.icon() == QMessageBox.Icon.Critical
    assert "IntegrityError-like" not in dialog.text() + dialog.informativeText()
    assert "RuntimeError" in dialog.detailedText() and "broken_slot" in dialog.detailedText()  # for support
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_plain_thread_reaches_the_dialog(qtbot, hooks):
    import threading

    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    assert "ZeroDivisionError" in shown(qtbot).detailedText()


def test_a_failed_background_task_without_a_handler_shows_the_error(qtbot):
    done = []
    run_task(lambda: {}["missing"], done.append)
    dialog = shown(qtbot)
    assert dialog.text() == errors.BUG_TEXT and "KeyError" in dialog.detailedText() and done == []


def test_a_refusal_without_a_handler_shows_its_own_words(qtbot):
    def refuse():
        raise InputError("고객 {customer_no}가 없습니다.", customer_no="C1")

    run_task(refuse, lambda _r: None)
    dialog = shown(qtbot)
    assert dialog.text() == "고객 C1가 없습니다." and dialog.icon() == QMessageBox.Icon.Warning


def test_later_errors_join_the_open_dialog_instead_of_stacking(qtbot):
    for _ in range(3):
        run_task(lambda: 1 / 0, lambda _r: None)
    wait_for_tasks()
    qtbot.waitUntil(lambda: errors.current_dialog() is not None and errors.current_dialog().count == 3,
                    timeout=WAIT)
    assert "2건" in errors.current_dialog().informativeText()


@pytest.fixture
def unreachable_officer(login):
    """A logged-in officer whose database then went away (a port nothing listens on)."""
    import dataclasses

    officer = login("E1007")
    url = make_url("postgresql+psycopg2://rd_e1007@127.0.0.1:1/retention")
    gone = Database("central", url, create_app_engine(url, connect_args={"connect_timeout": 2}))
    yield dataclasses.replace(officer, database=gone)
    gone.engine.dispose()


@pytest.mark.parametrize("page", ["dashboard", "calls", "proposals", "search", "customer"])
def test_pages_whose_database_is_gone_say_so(qtbot, unreachable_officer, page, tmp_path):
    """Dashboard, call list, proposals and search gave no error handler: their failures vanished."""
    window = MainWindow(unreachable_officer, "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(window)
    if page == "search":
        window.go("search")
        window.pages["search"].ui.searchEdit.setText("김")
        window.pages["search"].search_now()
    elif page == "customer":
        window.go("customer", "C00000001")
    else:
        window.go(page)
    dialog = shown(qtbot)
    assert dialog.text().startswith("데이터베이스에 연결할 수 없습니다")
    assert window.statusBar().currentMessage() == ""  # never raw driver text in the status bar
    wait_for_tasks()


def test_a_status_message_does_not_follow_the_officer_to_the_next_screen(qtbot, login, tmp_path):
    window = MainWindow(login("E1007"), "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(window)
    window._decision_recorded("accepted")
    assert "수락" in window.statusBar().currentMessage()
    window.go("search")
    assert window.statusBar().currentMessage() == ""
    wait_for_tasks()


def test_a_refused_page_shows_a_dialog_not_the_status_bar(qtbot, login, tmp_path):
    """A customer number nobody holds: since revision 0017 opening it gets the refusal another branch's customer
    gets (no oracle of which numbers exist), so the page asks for consultation access; the request, counted and
    committed, is then refused in a dialog, not the status bar."""
    from PySide6.QtWidgets import QDialogButtonBox

    window = MainWindow(login("E1007"), "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(window)
    page = window.pages["customer"]
    with qtbot.waitSignal(page.consultation_asked, timeout=WAIT):
        window.go("customer", "C99999999")
    page.consultation_dialog.reason.setText("내점 고객 재대출 상담")
    page.consultation_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    dialog = shown(qtbot)
    assert "C99999999를 찾을 수 없습니다" in dialog.text() and window.statusBar().currentMessage() == ""
    wait_for_tasks()


def test_the_documents_list_shows_every_upload_and_refuses_a_duplicate(qtbot, login, tmp_path):
    from retention_desktop.gui.pages.customer import CustomerPage
    from tests.support import scan_image

    page = CustomerPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.documents.loaded, timeout=WAIT):
        page.activate(login("E1007"), "C00000001")
    scan = tmp_path / "id.png"
    scan.write_bytes(scan_image())
    with qtbot.waitSignal(page.documents.loaded, timeout=WAIT):
        page.documents.attach_file(scan, "id_copy")
    assert page.documents.model.rowCount() == 1
    with qtbot.waitSignal(page.documents.failed, timeout=WAIT) as failed:
        page.documents.attach_file(scan, "id_copy")
    assert "같은 파일이 이미 첨부되어 있습니다" in failed.args[0]
    with qtbot.waitSignal(page.documents.loaded, timeout=WAIT):
        pass  # the list is read again after the refusal: still the one document
    assert page.documents.model.rowCount() == 1 and errors.current_dialog() is None  # a refusal: the strip
    wait_for_tasks()


def test_the_error_dialog_at_1366x768(qtbot, login, tmp_path):
    """Rendered over the main window for a look (tests/test_gui_errors.py writes error-dialog-1366x768.png)."""
    from PySide6.QtGui import QPainter, QPixmap

    window = MainWindow(login("E1007"), "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        raise ValueError("duplicate key value violates unique constraint \"uq_documents\"")
    except ValueError as exc:
        dialog = errors.show_error(exc, window)
    qtbot.waitExposed(dialog)
    canvas = QPixmap(1366, 768)
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, window.grab())
    shot = dialog.grab()
    painter.drawPixmap((1366 - shot.width()) // 2, (768 - shot.height()) // 2, shot)
    painter.end()
    assert canvas.save(str(tmp_path / "error-dialog-1366x768.png"))
    assert 300 < dialog.width() < 1000 and dialog.text() == errors.BUG_TEXT
    wait_for_tasks()


def test_broken_settings_start_the_login_window_with_what_to_do(qtbot, qapp, tmp_path):
    """The app starts where it safely can: the login window says what is wrong with the settings; no embedded
    database is opened in place of the bank's server unless the officer chooses the demo."""
    from retention_desktop.gui.app import DesktopApp

    (tmp_path / "settings.json").write_text('{"settings_version": 1, "central": {"host": "db", "pwd": "x"}}',
                                            encoding="utf-8")
    desktop = DesktopApp(qapp, tmp_path, demo=False, employee_no=None)
    qtbot.addWidget(desktop.dialog)
    desktop.start()
    assert "알 수 없는 항목입니다: pwd" in desktop.dialog.ui.messageLabel.text()
    assert "알 수 없는 항목입니다: pwd" in shown(qtbot).text()
    assert desktop.dialog.ui.modeCombo.currentIndex() == 1 and not desktop._embedded_started
