"""본부 관리 (admin role): re-loan products, other lenders' published rates, index rates and the regulatory
policy versions, with the imports and forms that change them. A file with any bad line changes nothing; its
errors are listed with their line numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from retention_desktop.domain.labels import INDEX_NAME, LOAN_KIND, RATE_TYPE
from retention_desktop.domain.money import format_rate_pct
from retention_desktop.domain.policy_view import VersionFacts, parameter_rows
from retention_desktop.gui import errors
from retention_desktop.gui.forms.ui_head_office_page import Ui_HeadOfficePage
from retention_desktop.gui.i18n import format_won, format_won_korean, localize, tr
from retention_desktop.gui.policy_dialog import PolicyDialog
from retention_desktop.gui.product_dialog import ProductDialog
from retention_desktop.gui.table_models import Column, RecordsModel
from retention_desktop.gui.tasks import run_task
from retention_desktop.gui.widgets import name_controls, show_message, show_records
from retention_desktop.services import head_office
from retention_desktop.services.imports import ImportRejected

SHOWN_ERRORS = 15
TABLES = "CSV, Excel (*.csv *.xlsx)"
FILE_FILTERS = {"products": TABLES, "market-offers": TABLES, "index-rates": TABLES, "policy": "JSON (*.json)"}
KIND_KO = {"products": "재대출 상품", "market-offers": "타행 금리 공시", "index-rates": "지표금리", "policy": "규제 정책"}

PRODUCT_COLUMNS = [
    Column("코드", lambda p: p.code),
    Column("상품명", lambda p: p.name, as_written=True),  # a name: as head office wrote it
    Column("종류", lambda p: LOAN_KIND.get(p.loan_kind, p.loan_kind)),
    Column("금리", lambda p: tr(RATE_TYPE.get(p.rate_type, p.rate_type))
           + (f" · {tr(INDEX_NAME.get(p.index_name, p.index_name))}" if p.index_name else "")),
    Column("금액", lambda p: f"{format_won_korean(p.min_amount)} ~ {format_won_korean(p.max_amount)}",
           lambda p: p.max_amount, numeric=True),
    Column("기간", lambda p: f"{p.min_term_months}~{p.max_term_months}개월", lambda p: p.max_term_months),
    Column("최저 점수", lambda p: str(p.min_credit_score), lambda p: p.min_credit_score, numeric=True),
    Column("가산금리", lambda p: f"{p.list_spread_pct.normalize():f}%p", lambda p: p.list_spread_pct, numeric=True),
    Column("금리 범위", lambda p: f"{format_rate_pct(p.min_rate_pct)} ~ {format_rate_pct(p.max_rate_pct)}",
           lambda p: p.min_rate_pct),
    Column("중도상환수수료", lambda p: f"{p.prepayment_fee_pct.normalize():f}%", lambda p: p.prepayment_fee_pct,
           numeric=True),
    Column("재대출 면제", lambda p: f"{p.reloan_fee_waiver_pct.normalize():f}%", lambda p: p.reloan_fee_waiver_pct,
           numeric=True),
    Column("판매", lambda p: "판매 중" if p.active else "판매 중지"),
    Column("보유 대출", lambda p: f"{p.active_loans:,}건", lambda p: p.active_loans, numeric=True),
]
OFFER_COLUMNS = [
    Column("금융회사", lambda o: o.lender, as_written=True),
    Column("종류", lambda o: LOAN_KIND.get(o.loan_kind, o.loan_kind)),
    Column("신용점수", lambda o: f"{o.credit_score_min}~{o.credit_score_max}", lambda o: o.credit_score_min,
           numeric=True),
    Column("금리", lambda o: format_rate_pct(o.annual_rate_pct), lambda o: o.annual_rate_pct, numeric=True),
    Column("부대비용", lambda o: format_won(o.fees), lambda o: o.fees, numeric=True),
    Column("기준일", lambda o: f"{o.as_of:%Y.%m.%d}", lambda o: o.as_of),
    Column("출처", lambda o: o.source, as_written=True),  # the sheet's own words
]
INDEX_COLUMNS = [
    Column("지표", lambda r: tr(INDEX_NAME.get(r.index_name, r.index_name))),
    Column("고시일", lambda r: f"{r.rate_date:%Y.%m.%d}", lambda r: r.rate_date),
    Column("금리", lambda r: format_rate_pct(r.annual_rate_pct), lambda r: r.annual_rate_pct, numeric=True),
    Column("직전 대비", lambda r: "—" if r.change_pct is None else f"{r.change_pct:+.2f}%p",
           lambda r: r.change_pct or 0, numeric=True),
]
POLICY_COLUMNS = [
    Column("버전", lambda p: p.version),
    Column("시행일", lambda p: f"{p.effective_from:%Y.%m.%d}", lambda p: p.effective_from),
    Column("상태", lambda p: "시행 중" if p.in_force else ("시행 예정" if p.upcoming else "종료")),
    Column("등록자", lambda p: p.created_by),
    Column("설명", lambda p: p.note, as_written=True),  # head office's own words
]
PARAMETER_COLUMNS = [  # rows are policy_view.ParameterRow: the value in words, and where it comes from
    Column("항목 (단위)", lambda r: r.label),
    Column("값", lambda r: r.value_text),
    Column("이 값의 시행일", lambda r: f"{r.since_date:%Y.%m.%d}", lambda r: r.since_date),
    Column("근거 (버전 · 설명)", lambda r: f"{r.since_version} · {r.source}", as_written=True),
]


class HeadOfficePage(QWidget):
    loaded = Signal()
    imported = Signal(str, str)  # kind, result
    rejected = Signal(object)  # the refusal's lines (sentences: a list signal would make them plain text)
    failed = Signal(str)

    def __init__(self, today: dt.date):
        super().__init__()
        self.today = today
        self.ui = Ui_HeadOfficePage()
        self.ui.setupUi(self)
        self.officer = None
        self.dialog = None
        self.models = {"products": RecordsModel(PRODUCT_COLUMNS), "market-offers": RecordsModel(OFFER_COLUMNS),
                       "index-rates": RecordsModel(INDEX_COLUMNS), "policy": RecordsModel(POLICY_COLUMNS)}
        self.parameters = RecordsModel(PARAMETER_COLUMNS)
        views = {"products": self.ui.productsView, "market-offers": self.ui.offersView,
                 "index-rates": self.ui.indexView, "policy": self.ui.policiesView}
        for kind, view in views.items():
            show_records(view, self.models[kind])
        show_records(self.ui.policyParametersView, self.parameters)
        self.ui.policiesView.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_parameters(current.row()))
        for kind, button in (("products", self.ui.importProductsButton), ("market-offers", self.ui.importOffersButton),
                             ("index-rates", self.ui.importIndexButton), ("policy", self.ui.importPolicyButton)):
            button.clicked.connect(lambda _checked=False, k=kind: self.choose_file(k))
        self.ui.newProductButton.clicked.connect(lambda: self.open_product(None))
        self.ui.editProductButton.clicked.connect(self.edit_selected_product)
        self.ui.productsView.activated.connect(lambda index: self.open_product(
            self.models["products"].record(index.row())))
        self.ui.newPolicyButton.clicked.connect(self.open_policy)
        name_controls(self, {self.ui.productsView: tr("재대출 상품"), self.ui.offersView: tr("타행 금리 공시"),
                             self.ui.indexView: tr("지표금리"), self.ui.policiesView: tr("규제 정책"),
                             self.ui.policyParametersView: tr("선택한 버전의 규제 값")})

    def activate(self, officer) -> None:
        self.officer = officer
        self.reload()

    def reload(self) -> None:
        officer, today = self.officer, self.today
        run_task(lambda: (head_office.products(officer), head_office.market_offers(officer),
                          head_office.index_rates(officer), head_office.policy_versions(officer, today)),
                 self._show, self._failed, owner=self)

    def _show(self, result) -> None:
        products, offers, rates, policies = result
        for kind, records in zip(self.models, result):
            self.models[kind].set_records(records)
        selling = sum(p.active for p in products)
        self.ui.productsInfo.setText(tr("상품 {n}개 (판매 중 {selling}개). 코드가 같은 행은 수정, 새 코드는 추가됩니다.")
                                     .format(n=len(products), selling=selling))
        latest = max((o.as_of for o in offers), default=None)
        self.ui.offersInfo.setText(tr("금융회사·대출 종류별 최신 공시 {n}행").format(n=f"{len(offers):,}")
                                   + (tr(", 가장 최근 {date}").format(date=f"{latest:%Y.%m.%d}") if latest else "")
                                   + tr(". 같은 금융회사·종류·기준일의 공시는 다시 가져오면 교체됩니다."))
        self.ui.indexInfo.setText(tr("지표별 최근 고시 {n}건. 같은 지표·고시일은 교체됩니다.").format(n=f"{len(rates):,}"))
        in_force = next((p for p in policies if p.in_force), None)
        self.ui.policyInfo.setText(tr("{date} 시행 중: {version} · 정책은 추가만 됩니다 (고치려면 새 버전을 등록)").format(
            date=f"{self.today:%Y.%m.%d}", version=in_force.version if in_force else tr("없음")))
        if policies:
            row = policies.index(in_force) if in_force else len(policies) - 1
            self.ui.policiesView.selectRow(row)
            self._show_parameters(row)
        self.loaded.emit()

    def _show_parameters(self, row: int) -> None:
        model = self.models["policy"]
        if 0 <= row < model.rowCount():
            chosen = model.record(row)
            history = sorted(model.records, key=lambda p: p.effective_from)
            facts = [VersionFacts(p.version, p.effective_from, p.note, p.parameters) for p in history]
            self.parameters.set_records(parameter_rows(facts, history.index(chosen)))

    # -- imports -----------------------------------------------------------------------------------------
    def choose_file(self, kind: str) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, f"{tr(KIND_KO[kind])} {tr('가져오기')}", "", FILE_FILTERS[kind])
        if path:
            self.import_path(kind, Path(path))

    def import_path(self, kind: str, path: Path) -> None:
        officer = self.officer
        self._say(f"{path.name} {tr('확인 중…')}", "info")
        run_task(lambda: head_office.import_file(officer, kind, path),
                 lambda result: self._imported(kind, path, result), self._failed, owner=self)

    def _imported(self, kind: str, path: Path, result: str) -> None:
        what = f"{tr('버전')} {result}" if kind == "policy" else f"{int(result):,}{tr('행')}"
        self._say(tr("{kind}: {file}에서 {what}을(를) 가져왔습니다.").format(kind=tr(KIND_KO[kind]), file=path.name, what=what),
                  "good")
        self.imported.emit(kind, result)
        self.reload()

    # -- forms -------------------------------------------------------------------------------------------
    def edit_selected_product(self) -> None:
        rows = self.ui.productsView.selectionModel().selectedRows()
        if rows:
            self.open_product(self.models["products"].record(rows[0].row()))

    def open_product(self, product) -> None:
        self.dialog = ProductDialog(self.officer, product, self)
        self.dialog.saved.connect(lambda code: (self._say(tr("상품 {code}을(를) 저장했습니다.").format(code=code), "good"), self.reload()))
        self.dialog.open()

    def open_policy(self) -> None:
        policies = self.models["policy"].records
        if not policies:
            return
        self.dialog = PolicyDialog(self.officer, policies[-1], self.today, self)
        self.dialog.saved.connect(lambda version: (self._say(tr("규제 정책 {version}을(를) 등록했습니다.").format(version=version), "good"),
                                                   self.reload()))
        self.dialog.open()

    # -- messages ----------------------------------------------------------------------------------------
    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ImportRejected):
            shown = [localize(error) for error in exc.errors[:SHOWN_ERRORS]]
            more = len(exc.errors) - len(shown)
            self._say(tr("아무것도 바뀌지 않았습니다. 다음을 고쳐 다시 가져오세요:") + "\n" + "\n".join(shown)
                      + ("\n" + tr("… 외 {n}건").format(n=more) if more else ""), "error")
            self.rejected.emit(exc.errors)
        else:
            self._say(errors.report(exc, self), "error")
        self.failed.emit(str(exc))

    def _say(self, text: str, tone: str) -> None:
        show_message(self.ui.messageLabel, text, tone)
