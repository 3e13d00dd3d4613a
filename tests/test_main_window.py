"""The main window against the real demo database: officer shown, figures loaded, search answers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from retention_desktop.gui.main_window import CustomerHitsModel, MainWindow
from retention_desktop.gui.tasks import wait_for_tasks
from retention_desktop.services.customer_search import classify, search_customers


def type_text(widget, text: str) -> None:
    """Type like a Korean keyboard does: key events carrying Hangul text (QTest only knows ASCII keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def officer(login):
    yield login("E1007")
    wait_for_tasks()


def test_window_shows_officer_customer_count_and_searches(qtbot, officer):
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        window.set_officer(officer, "2025.10-1015")
    assert "E1007" in window.ui.officerLabel.text()
    assert "전체 고객 300명" in window.ui.customerCountLabel.text()
    assert "2025.10-1015" in window.statusBar().currentMessage()

    with qtbot.waitSignal(window.search_finished, timeout=10_000) as found:
        type_text(window.ui.searchEdit, "김하늘")
    assert found.args[1] >= 1
    assert window.hits.hit(0).customer_no == "C00000001"
    assert window.hits.hit(0).phone_masked.count("*") == 4

    window.ui.searchEdit.clear()
    with qtbot.waitSignal(window.search_finished, timeout=10_000) as found:
        qtbot.keyClicks(window.ui.searchEdit, "L0000000001")
    assert found.args == ["L0000000001", 1]


def test_hits_model_passes_the_model_tester(qtmodeltester, officer):
    model = CustomerHitsModel()
    model.set_hits(search_customers(officer, "김"))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


@pytest.mark.parametrize(("typed", "expected"), [
    ("c00000001", ("customer_no", "C00000001")), ("L0000000001", ("loan_no", "L0000000001")),
    ("2362", ("phone_last4", "2362")), ("김하늘", ("name", "김하늘")), ("'; drop", None), ("", None),
])
def test_what_the_officer_typed_is_recognised(typed, expected):
    assert classify(typed) == expected


def test_each_search_form_finds_the_showcase_customer(officer):
    for query in ("C00000001", "L0000000001", "김하"):
        assert "C00000001" in [h.customer_no for h in search_customers(officer, query)], query


def test_searches_are_recorded_in_the_access_log_without_the_typed_text(officer):
    from sqlalchemy import select

    from retention_desktop.data.models import AuditEvent

    search_customers(officer, "김하늘")
    with officer.database.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "customer.search")).one()
    assert (event.employee_no, event.db_user, event.details["query_kind"]) == ("E1007", "rd_e1007", "name")
    assert "김하늘" not in str(event.details)
