"""The business date is the bank's, read from the database server's clock once at login, never the
workstation's: a workstation on UTC would otherwise date a proposal made at 03:00 in Seoul the day before
(data/bank_day.py)."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from retention_desktop.gui.main_window import MainWindow
from retention_desktop.gui.tasks import wait_for_tasks
from tests.support import workstation_on_another_day


@pytest.fixture
def workstation_clock() -> Iterator[dt.date]:
    """This process's local clock moved to a time zone where it is another day than in Seoul (the server's
    clock is untouched); yields the workstation's date."""
    tz, local_day = workstation_on_another_day()
    before = os.environ.get("TZ")
    os.environ["TZ"] = tz
    time.tzset()
    try:
        assert dt.date.today() == local_day
        yield local_day
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_the_session_carries_the_servers_business_date(db, login, workstation_clock):
    officer = login("E1007")
    with db.session() as s:
        server_day = s.execute(text("SELECT data.bank_today()")).scalar_one()
    assert officer.bank_today == server_day != workstation_clock


def test_the_window_and_its_pages_work_on_the_banks_date(qtbot, login, tmp_path, workstation_clock):
    officer = login("E1007")
    window = MainWindow(officer, "2025.10-1015", None, tmp_path)
    qtbot.addWidget(window)
    try:
        assert window.today == officer.bank_today != workstation_clock
        assert window.pages["dashboard"].today == window.pages["proposals"].today == officer.bank_today
    finally:
        wait_for_tasks(60_000)
