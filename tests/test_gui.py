"""The branch desktop against the real demo database: typing, clicking, keyboard, models, dialogs."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel
from sqlalchemy import select

from retention_desktop.data.models import AuditEvent
from retention_desktop.gui.login_dialog import LoginDialog
from retention_desktop.gui.main_window import MainWindow
from retention_desktop.domain.comparison_table import ELIGIBLE_ROW, OPTION_ROWS
from retention_desktop.gui.pages.comparison import ComparisonPage
from retention_desktop.gui.pages.customer import CustomerPage
from retention_desktop.gui.pages.loan import LoanPage
from retention_desktop.gui.pages.search import SearchPage
from retention_desktop.gui.pages.simulation import SimulationPage
from retention_desktop.gui.tasks import settle_heap, wait_for_tasks
from retention_desktop.services.officer_session import demo_logins
from tests.support import TEST_AS_OF, StallMeter

WAIT = 20_000


def type_text(widget, text: str) -> None:
    """Type like a Korean keyboard does: key events carrying Hangul text (QTest only knows ASCII keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def officer(login):
    yield login("E1007")
    wait_for_tasks()


@pytest.fixture
def window(qtbot, officer, tmp_path):
    """The main window with a data folder of its own (proposal keys, exports), never the app's default one."""
    w = MainWindow(officer, "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    wait_for_tasks()


def test_search_by_name_and_birth_date_narrows_namesakes(officer):
    from retention_desktop.services.customer_search import classify, search_customers

    assert classify("김하늘 860311") == ("name_birth", "김하늘 860311")
    assert classify("김하늘 1986.03.11") == ("name_birth", "김하늘 1986.03.11")
    assert classify("김하늘 861399") is None  # not a date
    hit = search_customers(officer, "김하늘")[0]
    found = search_customers(officer, f"김하늘 {hit.birth_date:%y%m%d}")
    assert [h.customer_no for h in found] == ["C00000001"]
    assert search_customers(officer, "김하늘 19000101") == []


def test_login_dialog_lists_demo_officers_and_logs_in_by_double_click(qtbot, db):
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # DB not ready yet
    dialog.set_demo_logins(demo_logins(db))
    assert dialog.ui.demoList.count() == 49
    item = next(dialog.ui.demoList.item(i) for i in range(dialog.ui.demoList.count())
                if dialog.ui.demoList.item(i).text().startswith("E1007"))
    with qtbot.waitSignal(dialog.login_requested) as sent:
        dialog.ui.demoList.itemActivated.emit(item)
    assert sent.args[0].employee_no == "E1007" and sent.args[0].demo
    assert dialog.result() == QDialog.DialogCode.Rejected  # not closed until the login succeeds


def test_login_dialog_refuses_incomplete_central_settings(qtbot):
    dialog = LoginDialog(demo=False)
    qtbot.addWidget(dialog)
    dialog.ui.modeCombo.setCurrentIndex(1)
    dialog.set_busy("")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "직원번호" in dialog.ui.messageLabel.text()
    dialog.ui.employeeEdit.setText("e1007")
    with qtbot.assertNotEmitted(dialog.login_requested):
        qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "서버 주소" in dialog.ui.messageLabel.text()
    assert dialog.ui.passwordEdit.echoMode() == dialog.ui.passwordEdit.EchoMode.Password


def test_central_login_failures_are_explained():
    from retention_desktop.services.officer_session import explain_connection_error

    assert "비밀번호" in explain_connection_error(Exception('FATAL:  password authentication failed for user "x"'))
    assert "TLS" in explain_connection_error(Exception("SSL error: certificate verify failed"))
    assert "연결할 수 없습니다" in explain_connection_error(Exception("could not connect to server: Connection refused"))


def test_main_window_navigation_and_keyboard(qtbot, window):
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.cards["customers"].value.text() != "—", timeout=WAIT)
    assert dashboard.cards["customers"].value.text().endswith("명")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.pages.currentWidget() is window.pages["search"]
    window.ui.navList.setCurrentRow(2)
    assert window.ui.pages.currentWidget() is window.pages["calls"]
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.ui.pages.currentWidget() is window.pages["search"]
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("E1007" in t for t in texts) and any("규제정책 2025.10-1015" in t for t in texts)


def test_search_types_hangul_pages_and_opens_with_enter(qtbot, window, monkeypatch):
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.cards["customers"].value.text() != "—", timeout=WAIT)
    qtbot.waitUntil(lambda: dashboard.kind_chart.image is not None, timeout=WAIT)
    window.go("search")
    search: SearchPage = window.pages["search"]
    settle_heap()  # as the app does once its main window is up
    qtbot.wait(50)
    with StallMeter() as meter, qtbot.waitSignal(search.search_finished, timeout=WAIT) as found:
        type_text(search.ui.searchEdit, "김하늘")
    assert meter.worst < 0.1, f"the event loop stalled for {meter.worst * 1000:.0f} ms while searching"
    assert found.args[1] >= 1 and search.model.record(0).customer_no == "C00000001"
    assert search.model.record(0).phone_masked.count("*") == 4
    with qtbot.waitSignal(window.pages["customer"].loaded, timeout=WAIT) as opened:
        qtbot.keyClick(search.ui.searchEdit, Qt.Key.Key_Return)
    assert opened.args[0].customer_no == "C00000001"

    # pages: the branch's own 김s fill more than one page of five (another branch's never come with a prefix)
    from retention_desktop.gui.pages import search as search_module

    monkeypatch.setattr(search_module, "PAGE", 5)
    small = SearchPage()
    qtbot.addWidget(small)
    small.activate(window.officer)
    with qtbot.waitSignal(small.search_finished, timeout=WAIT) as found:
        type_text(small.ui.searchEdit, "김")
    assert found.args[1] == 5 and small.model.canFetchMore()
    with qtbot.waitSignal(small.model.page_loaded, timeout=WAIT) as more:
        small.model.fetchMore()
    assert more.args[0] > 5
    assert all(small.model.record(i).in_scope for i in range(small.model.rowCount()))


def test_customer_view_is_masked_until_revealed_with_a_reason(qtbot, officer, db):
    page = CustomerPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        page.activate(officer, "C00000001")
    profile = loaded.args[0]
    assert "****" in page.fact_labels["phone"].text() and page.fact_labels["rrn"].text().endswith("******")
    assert page.loans.rowCount() >= 1 and page.debts.rowCount() == 2
    birth = profile.birth_date
    age = TEST_AS_OF.year - birth.year - ((TEST_AS_OF.month, TEST_AS_OF.day) < (birth.month, birth.day))
    assert f"(만 {age}세)" in page.heading.text()
    assert any(b.kind == "fee_window" for b in profile.badges)
    page.request_reveal()
    dialog = page.reveal_dialog
    dialog.reason.setText("짧")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "짧습니다" in dialog.message.text()
    dialog.reason.setText("재대출 상담 중 연락처 확인")
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as revealed:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert revealed.args[0].revealed and "****" not in page.fact_labels["phone"].text()
    assert page.fact_labels["rrn"].text().endswith("******")  # never revealed: not stored in clear
    with db.session() as s:  # the audit trail: the security group's (here the superuser's) to read
        actions = s.execute(select(AuditEvent.action, AuditEvent.details).where(
            AuditEvent.customer_no == "C00000001").order_by(AuditEvent.id)).all()
    assert [a for a, _d in actions] == ["customer.view", "customer.reveal"]
    assert actions[1][1]["reason"] == "재대출 상담 중 연락처 확인"


def test_customer_documents_tab_attaches_and_confirms_income(qtbot, officer, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.support import income_proof, scan_image

    page = CustomerPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.documents.loaded, timeout=WAIT):
        page.activate(officer, "C00000001")
    assert page.documents.isEnabled() and page.documents.model.rowCount() == 0
    scan = tmp_path / "id.png"
    scan.write_bytes(scan_image())
    with qtbot.waitSignal(page.documents.loaded, timeout=WAIT):
        page.documents.attach_file(scan, "id_copy")
    assert page.documents.income_dialog is None  # an ID copy is not read for income
    proof = tmp_path / "원천징수영수증.pdf"
    proof.write_bytes(income_proof(68_400_000))
    with qtbot.waitSignal(page.documents.attached, timeout=WAIT):
        page.documents.attach_file(proof, "income_proof")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):  # confirming reloads the customer with the new income
        page.documents.income_dialog.button(QMessageBox.StandardButton.Yes).click()
    assert page.fact_labels["income"].text().startswith("6,840만 원 (확인 ")
    qtbot.waitUntil(lambda: page.documents.model.rowCount() == 2, timeout=WAIT)
    assert [r.kind for r in page.documents.model.records] == ["id_copy", "income_proof"]


def test_loan_detail_shows_schedule_and_payoff(qtbot, officer):
    page = LoanPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        page.activate(officer, "L0000000001")
    detail = loaded.args[0]
    assert page.model.rowCount() == detail.remaining_months
    assert "완제 금액" in page.payoff.text() and "중도상환수수료" in page.payoff.text()


def test_comparison_recomputes_live_and_never_stalls(qtbot, officer):
    page = ComparisonPage(TEST_AS_OF)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        page.activate(officer, "L0000000001")
    base = loaded.args[0]
    qtbot.waitUntil(lambda: page.chart.image is not None, timeout=WAIT)
    settle_heap()  # as the app does once its main window is up (a full GC of the start-up heap takes ~0.2 s)
    qtbot.wait(50)
    # keep, renegotiation, re-loan and each market offer; the recommended one first and marked
    assert page.model.columnCount() == 3 + len(base.request.switch_offers)
    assert page.model.headerData(0, Qt.Orientation.Horizontal).startswith("★ ")
    assert page.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "권고"
    assert page.model.options[0].label == base.recommendation.option_label
    assert page.card.headline.text() == base.recommendation.headline
    low, high = base.slider_range
    with StallMeter() as meter:
        with qtbot.waitSignal(page.recomputed, timeout=WAIT) as moved:
            page.slider.setValue(int(low * 100))
        with qtbot.waitSignal(page.recomputed, timeout=WAIT) as typed:
            page.lender_edit.setText("토스뱅크")
            page.rate_edit.setText("4.10")
            qtbot.keyClick(page.rate_edit, Qt.Key.Key_Return)
    assert moved.args[0].offer.option.annual_rate_pct == low
    # the officer's rate is re-priced: its reason codes add up to it
    assert sum(r.pct for r in moved.args[0].personal.reasons) == low
    state = typed.args[0]
    assert state.comparison.options[-1].lender == "토스뱅크 (고객 제시)"
    # the customer's own 토스뱅크 offer replaces 토스뱅크's disclosed sheet rate: one lender, one column
    assert "switch:토스뱅크" in {o.label for o in base.comparison.options}
    assert "switch:토스뱅크" not in {o.label for o in state.comparison.options}
    assert page.model.columnCount() == 3 + len(base.request.switch_offers)
    # nothing the bank may offer comes close to 4.10 %: the answer is to let the customer switch, said first
    assert state.recommendation.action == "switch"
    assert page.card.headline.text().startswith("대환이 더 유리합니다: 토스뱅크 (고객 제시) 4.10%")
    # the retention probability reflects the offer the customer brought
    assert state.recommendation.retention_probability < base.recommendation.retention_probability
    assert meter.worst < 0.1, f"the event loop stalled for {meter.worst * 1000:.0f} ms"
    assert page.lender_edit.text() == page.rate_edit.text() == ""  # added: the fields are ready for the next offer
    page.lender_edit.setText("토스뱅크")
    page.rate_edit.setText("abc")
    page.add_typed_offer()
    assert "금리" in page.message.text() and page.rate_edit.text() == "abc"  # refused: what was typed stays


def test_an_impossible_offer_cannot_become_a_proposal(qtbot, officer, db):
    """A delinquent loan can be neither renegotiated, re-loaned nor switched: the grid says why, and the proposal
    button is disabled with the reason."""
    from sqlalchemy import text as sql

    with db.engine.begin() as conn:
        conn.execute(sql("UPDATE loans SET status = 'delinquent' WHERE loan_no = 'L0000000001'"))
    page = ComparisonPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        page.activate(officer, "L0000000001")
    state = loaded.args[0]
    assert state.recommendation.action == "keep" and state.offered_action is None
    assert not page.proposal_button.isEnabled()
    assert "제안할 수 있는 금리 조건변경·재대출이 없습니다" in page.proposal_button.toolTip()
    assert page.refusal.isVisibleTo(page) and "연체" in page.refusal.text()
    row = [label for label, _ in OPTION_ROWS].index(ELIGIBLE_ROW)
    for column, option in enumerate(page.model.options):
        if option.label != "keep":
            assert page.model.data(page.model.index(row, column)) == "불가 (연체)"


def test_simulation_scenarios_toggle_live(qtbot, officer):
    page = SimulationPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        page.activate(officer, "L0000000001")
    assert [s.name for s in loaded.args[0].scenarios][-1] == "모두 적용"
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as again:
        page.cards_on.setChecked(False)
        page.rate_on.setChecked(False)
    assert [s.name for s in again.args[0].scenarios] == ["현재 상태", "소득 10% 증가"]
    assert "상환하면" in page.suggestion.text() or "없습니다" in page.suggestion.text()


def test_call_list_after_scoring(qtbot, officer, db):
    from retention_desktop.services.portfolio_scoring import score_portfolio

    score_portfolio(db, TEST_AS_OF)
    from retention_desktop.gui.pages.call_list import CallListPage

    page = CallListPage(TEST_AS_OF)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        page.activate(officer)
    assert loaded.args[0] == page.model.rowCount()
    lines = [page.model.record(i) for i in range(page.model.rowCount())]
    assert [line.rank for line in lines] == list(range(1, len(lines) + 1))
    # worth calling: an action that raises the bank's expected value, ranked by that gain, with what it saves
    assert all(line.action in ("renegotiation", "reloan") and line.expected_value_gain > 0 for line in lines)
    assert [line.expected_value_gain for line in lines] == sorted((line.expected_value_gain for line in lines),
                                                                  reverse=True)
    assert all(line.recommended_rate_pct < line.current_rate_pct and line.customer_saving > 0 for line in lines)
    if not lines:
        return
    assert page.model.headerData(4, Qt.Orientation.Horizontal) == "권고"
    page.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # balance, sorted on the won, not the text
    balances = [page.model.record(i).balance for i in range(page.model.rowCount())]
    assert balances == sorted(balances, reverse=True)
    with qtbot.waitSignal(page.open_customer) as opened:
        page.view.activated.emit(page.model.index(0, 0))
    assert opened.args[0].startswith("C")


def test_every_item_model_passes_the_model_tester(qtmodeltester, qtbot, officer):
    from retention_desktop.gui.pages.comparison import ComparisonModel
    from retention_desktop.gui.pages.customer import DEBT_COLUMNS, LOAN_COLUMNS
    from retention_desktop.gui.table_models import PagedRecordsModel, RecordsModel
    from retention_desktop.services.customer_profile import load_profile
    from retention_desktop.services.customer_search import search_customers
    from retention_desktop.services.offer_comparison import open_comparison

    profile = load_profile(officer, "C00000001", TEST_AS_OF)
    loans = RecordsModel(LOAN_COLUMNS)
    loans.set_records(profile.loans)
    qtmodeltester.check(loans)
    debts = RecordsModel(DEBT_COLUMNS)
    debts.set_records(profile.debts)
    qtmodeltester.check(debts)
    from retention_desktop.gui.pages.search import COLUMNS

    paged = PagedRecordsModel(COLUMNS, page_size=50)
    paged.start(lambda offset: [], search_customers(officer, "김"))
    qtmodeltester.check(paged)
    comparison = ComparisonModel()
    comparison.set_comparison(open_comparison(officer, "L0000000001", TEST_AS_OF).comparison)
    qtmodeltester.check(comparison)


def test_english_translation_switches_the_navigation(qtbot, officer, tmp_path):
    from retention_desktop.gui.app import install_translator

    app = QApplication.instance()
    translator = install_translator(app, "en")
    try:
        w = MainWindow(officer, "2025.10-1015", TEST_AS_OF, tmp_path)
        qtbot.addWidget(w)
        assert [w.ui.navList.item(i).text() for i in range(w.ui.navList.count())] == [
            "Dashboard", "Customers", "Call list", "Proposals", "Applications"]
        applications = w.pages["applications"].ui
        assert (applications.titleLabel.text(), applications.approveButton.text()) == ("Re-loan applications",
                                                                                       "Approve")
    finally:
        app.removeTranslator(translator)
    wait_for_tasks()


def test_money_and_dates_read_the_korean_way(qtbot, window):
    from retention_desktop.domain.money import format_won_korean

    assert format_won_korean(120_000_000) == "1억 2,000만 원"
    page = window.pages["customer"]
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        window.open_customer("C00000001")
    assert page.fact_labels["income"].text().startswith("7,500만 원")
    assert page.loans.data(page.loans.index(0, 6)) .count(".") == 2  # YYYY.MM.DD
    assert page.loans.data(page.loans.index(0, 3)).endswith("%")


def test_search_shows_other_branches_by_surname_and_says_when_the_daily_limit_is_reached(qtbot, window, db,
                                                                                       tmp_path):
    """Another branch's customer found by full name shows as 김** with their branch; once the officer's daily
    limit of such customers is reached (head office's setting, kept by the database) the page says so."""
    from sqlalchemy import text

    with db.session() as s:
        s.execute(text("SELECT api.set_search_limit(data.bank_today(), 1)"))
        walk_ins = s.execute(text("""
            SELECT c.customer_no, c.name FROM data.customers c
            WHERE c.home_branch_id = 1 AND length(c.name) >= 3
              AND NOT EXISTS (SELECT 1 FROM data.customers o WHERE o.name = c.name AND o.id <> c.id)
            ORDER BY c.id LIMIT 2""")).all()
    page = window.pages["search"]
    window.go("search")
    with qtbot.waitSignal(page.search_finished, timeout=WAIT):
        page.ui.searchEdit.setText(walk_ins[0][1])
    hit = page.model.record(0)
    assert (hit.customer_no, hit.name, hit.in_scope) == (walk_ins[0][0], walk_ins[0][1][0] + "**", False)
    assert page.ui.hintLabel.isVisible() and "하루 1명" in page.ui.hintLabel.text()  # the last one allowed
    window.grab().save(str(tmp_path / "search-other-branch.png"))
    with qtbot.waitSignal(page.search_finished, timeout=WAIT):
        page.ui.searchEdit.setText(walk_ins[1][1])
    assert page.model.rowCount() == 0 and page.ui.hintLabel.isVisible()
    assert "하루 1명" in page.ui.hintLabel.text() and "표시하지 않습니다" in page.ui.hintLabel.text()
    window.grab().save(str(tmp_path / "search-limit-reached.png"))
