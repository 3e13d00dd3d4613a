"""Start the desktop application: font and translations, the login window at once, the database and
the login itself in the background, then the main window."""

from __future__ import annotations

import datetime as dt
import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from retention_desktop.data.database import Database
from retention_desktop.data.locations import resources_dir
from retention_desktop.data.settings import load_settings
from retention_desktop.gui.fonts import install_korean_font
from retention_desktop.gui.login_dialog import LoginDialog, LoginRequest
from retention_desktop.gui.main_window import MainWindow
from retention_desktop.gui.tasks import run_task, wait_for_tasks
from retention_desktop.services.administration import open_demo_ready
from retention_desktop.services.connection import Connected, log_in_central, log_in_embedded
from retention_desktop.services.officer_session import LoginError, demo_logins

log = logging.getLogger(__name__)

DEFAULT_DEMO_EMPLOYEE = "E1007"  # an officer of 강남역지점, the showcase customer's branch


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    if language == "ko":
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"retention_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return translator
    log.warning("no translation for %s; staying in Korean", language)
    return None


class DesktopApp:
    def __init__(self, app: QApplication, data_dir: Path, demo: bool, employee_no: str | None,
                 screenshots: Path | None = None, today: dt.date | None = None):
        self.app, self.data_dir = app, data_dir
        self.today = today or dt.date.today()
        self.settings = load_settings(data_dir)
        self.demo = demo or self.settings.central is None
        self.employee_no = employee_no or (DEFAULT_DEMO_EMPLOYEE if screenshots else None)
        self.screenshots = screenshots
        self.embedded: Database | None = None
        self.connected: Connected | None = None
        self.window: MainWindow | None = None
        self.dialog = LoginDialog(self.settings.central, self.demo)
        self.dialog.login_requested.connect(self.log_in)
        if self.settings.remembered_employee_no:
            self.dialog.ui.employeeEdit.setText(self.settings.remembered_employee_no)

    def start(self) -> None:
        self.dialog.show()
        if self.demo:
            run_task(self._open_embedded, self._embedded_ready, self._failed)

    def _open_embedded(self):
        db = open_demo_ready(self.data_dir, True, ask_password=lambda _a: None)
        return db, demo_logins(db)

    def _embedded_ready(self, result) -> None:
        self.embedded, logins = result
        self.dialog.set_demo_logins(logins)
        if self.employee_no:
            self.dialog.ui.employeeEdit.setText(self.employee_no)
            self.dialog.submit()

    def _failed(self, exc: Exception) -> None:
        log.error("start failed: %s", exc)
        self.dialog.show_error(str(exc))

    def log_in(self, request: LoginRequest) -> None:
        if request.demo:
            if self.embedded is None:
                self.dialog.show_error("내장 데이터베이스가 아직 준비되지 않았습니다.")
                return
            db = self.embedded
            run_task(lambda: log_in_embedded(db, request.employee_no, self.today), self._logged_in, self._login_failed)
        else:
            run_task(lambda: log_in_central(self.data_dir, request.central, request.employee_no, request.password,
                                            request.remember, self.today), self._logged_in, self._login_failed)

    def _login_failed(self, exc: Exception) -> None:
        self.dialog.show_error(str(exc) if isinstance(exc, LoginError) else f"로그인 실패: {exc}")

    def _logged_in(self, connected: Connected) -> None:
        self.connected = connected
        self.window = MainWindow(connected.officer, connected.policy_version, self.today, self.data_dir)
        self.window.resize(1366, 768)
        self.window.show()
        self.dialog.accept()
        if self.screenshots is not None:
            from retention_desktop.gui.screenshots import ScreenshotTour

            self.tour = ScreenshotTour(self.window, self.dialog, self.screenshots)
            self.tour.finished.connect(self.app.quit)
            self.tour.start()

    def close(self) -> None:
        wait_for_tasks()
        if self.connected is not None:
            self.connected.officer.database.close()
        if self.embedded is not None:
            self.embedded.close()


def run(data_dir: Path, demo: bool, employee_no: str | None, screenshots: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Retention Desktop")
    install_korean_font(app)
    install_translator(app, load_settings(data_dir).language)
    desktop = DesktopApp(app, data_dir, demo, employee_no, screenshots)
    desktop.start()
    _quit_on_termination_signals(app)
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    desktop.close()
    return code


def _quit_on_termination_signals(app: QApplication) -> None:
    """Ctrl+C or a service stop ends the event loop normally, so the embedded server is stopped too."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_args: app.quit())
    # Python runs signal handlers only between bytecodes; an idle timer lets it do so during exec().
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
