"""Start the desktop application: font, window, then the database and login in the background."""

from __future__ import annotations

import datetime as dt
import logging
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from retention_desktop.data.database import Database
from retention_desktop.gui.fonts import install_korean_font
from retention_desktop.gui.main_window import MainWindow
from retention_desktop.gui.tasks import run_task, wait_for_tasks
from retention_desktop.services.administration import open_demo_ready
from retention_desktop.services.officer_session import OfficerSession, demo_logins, log_in
from retention_desktop.services.regulation import policy_for

log = logging.getLogger(__name__)

DEFAULT_DEMO_BRANCH = "강남역지점"


@dataclass
class Started:
    database: Database
    officer: OfficerSession
    policy_version: str


def start_session(data_dir: Path, demo: bool, employee_no: str | None) -> Started:
    """Open (and in demo mode prepare) the database and log the officer in. Runs off the GUI thread."""
    db = open_demo_ready(data_dir, demo, ask_password=lambda _account: None)
    try:
        if employee_no is None:
            if db.mode != "embedded":
                raise RuntimeError("중앙 서버에는 직원번호로 로그인해야 합니다 (--employee-no).")
            candidates = [d for d in demo_logins(db) if d.role == "officer" and d.branch_name == DEFAULT_DEMO_BRANCH]
            employee_no = candidates[0].employee_no
        officer = log_in(db, employee_no)
        version = policy_for(officer.database, dt.date.today()).version
    except Exception:
        db.close()
        raise
    return Started(db, officer, version)


def run(data_dir: Path, demo: bool, employee_no: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Retention Desktop")
    install_korean_font(app)
    window = MainWindow()
    window.show()
    started: list[Started] = []

    def ready(result: Started) -> None:
        started.append(result)
        window.set_officer(result.officer, result.policy_version)

    def failed(exc: Exception) -> None:
        log.error("start failed: %s", exc)
        window.show_failure(str(exc))

    run_task(lambda: start_session(data_dir, demo, employee_no), ready, failed)
    _quit_on_termination_signals(app)
    code = app.exec()
    wait_for_tasks()
    for s in started:
        s.officer.database.close()
        s.database.close()
    return code


def _quit_on_termination_signals(app: QApplication) -> None:
    """Ctrl+C or a service stop ends the event loop normally, so the embedded server is stopped too."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_args: app.quit())
    # Python runs signal handlers only between bytecodes; a idle timer lets it do so during exec().
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
