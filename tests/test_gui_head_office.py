"""The 본부 관리 screen (admin role) on the real database: the four data sets, imports that refuse a file
with one bad line and say which, the product form and the new-policy form keeping what was typed when a
save is refused; branch staff never see it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from retention_desktop.data.models import PolicyVersion, Product
from retention_desktop.gui.main_window import MainWindow
from retention_desktop.gui.pages.head_office import HeadOfficePage
from retention_desktop.gui.tasks import settle_heap, wait_for_tasks
from retention_desktop.services import head_office
from retention_desktop.services.imports import PRODUCT_HEADER
from tests.support import TEST_AS_OF, in_english

WAIT = 20_000
ADMIN = "E1005"
NEW_PRODUCT = "RL-CR-NEW,재대출 신용대출(신규),credit,fixed,,5000000,50000000,12,60,700,2.0,3.6,12,0.5,100,0,true"


@pytest.fixture
def admin(login):
    yield login(ADMIN)
    wait_for_tasks()


@pytest.fixture
def page(qtbot, admin):
    page = HeadOfficePage(TEST_AS_OF)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.activate(admin)
    return page


def product_count(officer) -> int:
    with officer.database.session() as s:
        return s.scalar(select(func.count()).select_from(Product))


def test_the_four_data_sets_are_shown(page):
    products = page.models["products"].records
    assert {p.code for p in products} >= {"RL-CR-V12", "RL-MG-MX5"} and all(p.active for p in products)
    assert sum(p.active_loans for p in products) > 0
    assert page.models["market-offers"].rowCount() > 0 and page.models["index-rates"].rowCount() > 0
    policies = page.models["policy"].records
    assert [p.version for p in policies if p.in_force] == ["2025.10-1015"]
    assert [p.version for p in policies if p.upcoming] == ["2027.01-relief-end"]
    paths = [row.path for row in page.parameters.records]  # the in-force version's values, in the policy's order
    assert paths[0] == "dsr.cap_pct_bank" and "stress.rules" in paths and "legal_max_rate_pct" in paths
    assert "시행 중: 2025.10-1015" in page.ui.policyInfo.text()


def test_a_products_file_with_one_bad_line_changes_nothing_and_names_the_line(qtbot, page, admin, tmp_path):
    before = product_count(admin)
    path = tmp_path / "products.csv"
    path.write_text(",".join(PRODUCT_HEADER) + "\n" + NEW_PRODUCT + "\n"
                    + NEW_PRODUCT.replace("RL-CR-NEW", "RL-CR-BAD").replace(",3.6,12,", ",3.6,2,") + "\n",
                    encoding="utf-8")
    with qtbot.waitSignal(page.rejected, timeout=WAIT) as rejected:
        page.import_path("products", path)
    assert rejected.args[0] == ["products.csv:3: max_rate_pct 2이(가) min_rate_pct 3.6보다 작습니다"]
    assert [in_english(e) for e in rejected.args[0]] == ["products.csv:3: max_rate_pct 2 is below min_rate_pct 3.6"]
    assert "아무것도 바뀌지 않았습니다" in page.ui.messageLabel.text() and "products.csv:3" in page.ui.messageLabel.text()
    assert product_count(admin) == before
    path.write_text(",".join(PRODUCT_HEADER) + "\n" + NEW_PRODUCT + "\n", encoding="utf-8")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.import_path("products", path)
    assert product_count(admin) == before + 1 and "1행" in page.ui.messageLabel.text()
    assert "RL-CR-NEW" in {p.code for p in page.models["products"].records}


def test_a_rate_sheet_import_reports_every_bad_line(qtbot, page, tmp_path):
    path = tmp_path / "공시.csv"
    path.write_text("lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source\n"
                    "토스뱅크,credit,951,1000,3.95,0,2026-11-16,공시\n"
                    "토스뱅크,credit,901,950,4,21,0,2026-11-16,공시\n"
                    "하나은행,mortgage,901,1000,3.88,0,16/11/2026,공시\n", encoding="utf-8")
    with qtbot.waitSignal(page.rejected, timeout=WAIT) as rejected:
        page.import_path("market-offers", path)
    assert [e.split(": ")[0] for e in rejected.args[0]] == ["공시.csv:3", "공시.csv:4"]


def test_product_form_keeps_what_was_typed_when_refused_then_saves(qtbot, page, admin):
    page.ui.productsView.selectRow(0)
    code = page.models["products"].record(0).code
    page.edit_selected_product()
    dialog = page.dialog
    assert dialog.ui.codeEdit.text() == code and dialog.ui.codeEdit.isReadOnly()
    dialog.ui.maxRateEdit.setText("1.5")  # below the minimum rate
    dialog.ui.nameEdit.setText("재대출 신용대출(개편)")
    dialog.ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: "최고 금리 (%) 1.5이(가) 최저 금리 (%)" in dialog.ui.errorLabel.text(), timeout=WAIT)
    assert "max_rate_pct" not in dialog.ui.errorLabel.text() and "below" not in dialog.ui.errorLabel.text()
    assert dialog.isVisible() and dialog.ui.nameEdit.text() == "재대출 신용대출(개편)"
    assert "최고 금리 (%)" in dialog.ui.errorLabel.text() and "#c62828" in dialog.ui.maxRateEdit.styleSheet()
    assert (code, dialog.ui.minRateEdit.text(), dialog.ui.waiverEdit.text()) == ("RL-CR-FX", "3.8", "100")
    dialog.ui.maxRateEdit.setText("14.5")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        dialog.ui.buttonBox.accepted.emit()
    assert not dialog.isVisible()
    with admin.database.session() as s:
        stored = s.scalars(select(Product).where(Product.code == code)).one()
    assert (stored.name, stored.max_rate_pct) == ("재대출 신용대출(개편)", Decimal("14.5"))


def test_a_fixed_rate_product_has_no_index_on_the_form(qtbot, page):
    page.open_product(None)
    dialog = page.dialog
    dialog.ui.rateTypeEdit.setCurrentIndex(dialog.ui.rateTypeEdit.findData("variable"))
    dialog.ui.indexNameEdit.setCurrentIndex(dialog.ui.indexNameEdit.findData("COFIX_NEW"))
    dialog.ui.rateTypeEdit.setCurrentIndex(dialog.ui.rateTypeEdit.findData("fixed"))
    assert dialog.fields()["index_name"] == "" and not dialog.ui.indexNameEdit.isEnabled()
    dialog.ui.minAmountEdit.setText("5,000,000")
    assert dialog.fields()["min_amount"] == "5000000"  # thousands separators are fine to type
    dialog.reject()


def test_the_new_product_form_never_overwrites_an_existing_code(qtbot, page, admin):
    page.open_product(None)
    dialog = page.dialog
    dialog.fill(dict(zip(PRODUCT_HEADER, NEW_PRODUCT.replace("RL-CR-NEW", "RL-CR-FX").split(","))))
    dialog.ui.nameEdit.setText("덮어쓰기 시도")
    dialog.save()
    qtbot.waitUntil(lambda: "이미 있는 상품" in dialog.ui.errorLabel.text(), timeout=WAIT)
    assert "상품 코드" in dialog.ui.errorLabel.text() and dialog.isVisible()
    with admin.database.session() as s:
        assert s.scalar(select(Product.name).where(Product.code == "RL-CR-FX")) == "재대출 신용대출(고정)"
    dialog.reject()


def test_a_products_file_cannot_change_a_products_loan_kind(qtbot, page, admin, tmp_path):
    path = tmp_path / "kinds.csv"
    path.write_text(",".join(PRODUCT_HEADER) + "\n" + NEW_PRODUCT + "\n"
                    + NEW_PRODUCT.replace("RL-CR-NEW", "RL-CR-FX").replace(",credit,", ",mortgage,") + "\n",
                    encoding="utf-8")
    before = product_count(admin)
    with qtbot.waitSignal(page.rejected, timeout=WAIT) as rejected:
        page.import_path("products", path)
    assert [in_english(e) for e in rejected.args[0]] == [
        "kinds.csv:3: loan_kind: RL-CR-FX is a credit product and stays one (add a new code for another kind)"]
    assert product_count(admin) == before  # the good line 2 was not stored either


def test_new_policy_version_from_the_form(qtbot, page, admin):
    page.open_policy()
    dialog = page.dialog
    assert dialog.base.version == "2027.01-relief-end"
    dialog.ui.buttonBox.accepted.emit()
    assert "바뀐 값이 없습니다" in dialog.ui.errorLabel.text() and dialog.isVisible()
    dialog.ui.versionEdit.setText("2027.07-h2")
    dialog.ui.noteEdit.setText("하반기 스트레스 금리")
    dialog.set_value("legal_max_rate_pct", "일점오")
    dialog.ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: "법정 최고금리 (%)" in dialog.ui.errorLabel.text(), timeout=WAIT)
    assert "legal_max_rate_pct" not in dialog.ui.errorLabel.text()
    dialog.set_value("legal_max_rate_pct", "19.5")
    dialog.set_value("stamp_duty.bands", "[[50000000, 0], [100000000, 70000]")  # not a list: says where
    dialog.ui.buttonBox.accepted.emit()
    assert "인지세 [대출금액까지, 세액] (원)" in dialog.ui.errorLabel.text()  # named as the form names it
    assert "stamp_duty.bands" not in dialog.ui.errorLabel.text() and "Expecting" not in dialog.ui.errorLabel.text()
    dialog.set_value("stamp_duty.bands", dialog.rows[[p for p, _t in dialog.rows].index("stamp_duty.bands")][1])
    assert dialog.changes() == {"legal_max_rate_pct": "19.5"}
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        dialog.ui.buttonBox.accepted.emit()
    with admin.database.session() as s:
        stored = s.scalars(select(PolicyVersion).where(PolicyVersion.version == "2027.07-h2")).one()
    assert stored.effective_from == dt.date(2027, 1, 2) and stored.parameters["legal_max_rate_pct"] == "19.5"
    assert stored.note == "하반기 스트레스 금리"
    assert page.models["policy"].records[-1].version == "2027.07-h2"


def test_branch_staff_have_no_head_office_screen_and_cannot_change_its_data(qtbot, login, tmp_path):
    officer = login("E1007")
    window = MainWindow(officer, "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(window)
    labels = [window.ui.navList.item(i).text() for i in range(window.ui.navList.count())]
    assert "본부 관리" not in labels and "재대출 신청" in labels and "head_office" not in window.pages
    path = tmp_path / "products.csv"
    path.write_text(",".join(PRODUCT_HEADER) + "\n" + NEW_PRODUCT + "\n", encoding="utf-8")
    with pytest.raises(head_office.NotAllowed):
        head_office.import_file(officer, "products", path)
    with pytest.raises(head_office.NotAllowed):
        head_office.save_product(officer, dict(zip(PRODUCT_HEADER, NEW_PRODUCT.split(","))), new=True)
    wait_for_tasks()


def test_admin_window_has_the_head_office_screen(qtbot, admin, tmp_path):
    window = MainWindow(admin, "2025.10-1015", TEST_AS_OF, tmp_path)
    qtbot.addWidget(window)
    labels = [window.ui.navList.item(i).text() for i in range(window.ui.navList.count())]
    assert labels[-1] == "본부 관리"
    with qtbot.waitSignal(window.pages["head_office"].loaded, timeout=WAIT):
        window.ui.navList.setCurrentRow(len(labels) - 1)
    wait_for_tasks()


def test_head_office_models_pass_the_model_tester(qtmodeltester, page):
    for model in (*page.models.values(), page.parameters):
        qtmodeltester.check(model)


def test_a_large_import_never_freezes_the_screen(qtbot, page, tmp_path):
    from tests.support import StallMeter

    lines = ["lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source"]
    for week in range(40):
        for lender in range(50):
            for band in range(10):
                low = 1 + band * 100
                lines.append(f"은행{lender:02d},credit,{low},{low + 99},{4 + band * 0.3:.2f},0,"
                             f"{dt.date(2026, 1, 5) + dt.timedelta(weeks=week)},표본")
    path = tmp_path / "year.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settle_heap()  # as the app does once its window is up: no full collection over the start-up heap mid-import
    with StallMeter() as meter, qtbot.waitSignal(page.imported, timeout=60_000) as imported:
        page.import_path("market-offers", path)
    assert imported.args == ["market-offers", "20000"]
    assert meter.worst < 0.1, f"the event loop stalled for {meter.worst * 1000:.0f} ms during a 20,000-row import"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_refused_policy_is_said_in_the_officers_language(qtbot, admin, language, tmp_path):
    """The form names the refused value by its label and says why in the screen's language (Korean first,
    the catalogue's English sentence in English), at a 1366×768 laptop's size; the edit is kept."""
    import os

    from tests.screen_walk import HANGUL, install_language, remove_language

    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from retention_desktop.data.locations import resources_dir
    from retention_desktop.gui.fonts import FAMILY

    app = QApplication.instance()
    font = app.font()
    # the bundled font, as the app has it (gui.fonts), so Hangul shows in the picture on a machine without a Korean
    # font; taken away afterwards, as the other tests measure text without it
    fonts = [QFontDatabase.addApplicationFont(str(path)) for path in sorted((resources_dir() / "fonts").glob("*.ttf"))]
    app.setFont(QFont(FAMILY, 10))
    translator = install_language(language)
    try:
        page = HeadOfficePage(TEST_AS_OF)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            page.activate(admin)
        page.open_policy()
        dialog = page.dialog
        dialog.ui.versionEdit.setText("2027.07-bad")
        dialog.set_value("dsr.cap_pct_bank", "140")
        dialog.ui.buttonBox.accepted.emit()
        expected = ("0~100퍼센트 사이여야 합니다 (입력 140)" if language == "ko"
                    else "must be between 0 and 100 percent, got 140")
        qtbot.waitUntil(lambda: expected in dialog.ui.errorLabel.text(), timeout=WAIT)
        said = dialog.ui.errorLabel.text()
        assert "dsr.cap_pct_bank" not in said and "policy form" not in said  # the form's words, no key or place
        assert dialog.changes() == {"dsr.cap_pct_bank": "140"} and dialog.isVisible()
        if language == "en":
            assert not HANGUL.search(said), said
        else:
            assert "policy parameter" not in said
        assert dialog.width() <= 1366 and dialog.height() <= 768
        shots = Path(os.environ.get("RETENTION_SHOTS", tmp_path))
        assert dialog.grab().save(str(shots / f"policy_refused_{language}.png"))
    finally:
        remove_language(translator)
        app.setFont(font)
        for font_id in fonts:
            QFontDatabase.removeApplicationFont(font_id)
