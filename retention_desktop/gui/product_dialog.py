"""재대출 상품 form (head office): add a product or change one, checked as an import row would be; a refused
save keeps everything typed and says which field to fix."""

from __future__ import annotations


from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from retention_desktop.data.models import INDEX_NAMES, LOAN_KINDS, RATE_TYPES
from retention_desktop.domain.labels import INDEX_NAME, LOAN_KIND, RATE_TYPE
from retention_desktop.gui.widgets import name_controls
from retention_desktop.gui.i18n import localize, tr
from retention_desktop.gui import errors
from retention_desktop.gui.forms.ui_product_dialog import Ui_ProductDialog
from retention_desktop.gui.tasks import run_task
from retention_desktop.services import head_office
from retention_desktop.services.imports import ImportRejected

TEXT_FIELDS = {"code": "codeEdit", "name": "nameEdit", "min_amount": "minAmountEdit", "max_amount": "maxAmountEdit",
               "list_spread_pct": "listSpreadEdit", "min_rate_pct": "minRateEdit", "max_rate_pct": "maxRateEdit",
               "prepayment_fee_pct": "prepaymentFeeEdit", "reloan_fee_waiver_pct": "waiverEdit", "fees": "feesEdit"}
SPIN_FIELDS = {"min_term_months": "minTermEdit", "max_term_months": "maxTermEdit", "min_credit_score": "minScoreEdit"}
COMBO_FIELDS = {"loan_kind": "loanKindEdit", "rate_type": "rateTypeEdit", "index_name": "indexNameEdit"}
ALL_FIELDS = {**TEXT_FIELDS, **SPIN_FIELDS, **COMBO_FIELDS}
FLAGGED = "border: 1px solid #c62828;"
# the product checks' sentences (services/imports.py, worded for the file's columns) as the form says them
AMOUNT_FIELDS = ("min_amount", "max_amount", "fees")


class ProductDialog(QDialog):
    saved = Signal(str)

    def __init__(self, officer, product: head_office.ProductLine | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.officer = officer
        self.new = product is None
        self.ui = Ui_ProductDialog()
        self.ui.setupUi(self)
        for combo, codes, labels in ((self.ui.loanKindEdit, LOAN_KINDS, LOAN_KIND),
                                     (self.ui.rateTypeEdit, RATE_TYPES, RATE_TYPE)):
            for code in codes:
                combo.addItem(tr(labels.get(code, code)), code)
        self.ui.indexNameEdit.addItem(tr("없음 (고정금리)"), "")
        for code in INDEX_NAMES:
            self.ui.indexNameEdit.addItem(tr(INDEX_NAME[code]), code)
        self.ui.rateTypeEdit.currentIndexChanged.connect(self._rate_type_changed)
        name_controls(self)
        if product is None:
            self.setWindowTitle(tr("새 재대출 상품"))
            self.fill({"min_term_months": "12", "max_term_months": "60", "min_credit_score": "600", "fees": "0",
                       "prepayment_fee_pct": "0", "reloan_fee_waiver_pct": "100", "active": "true"})
        else:
            self.setWindowTitle(tr("재대출 상품 {code} 수정").format(code=product.code))
            self.fill(product.as_fields())
            self.ui.codeEdit.setReadOnly(True)  # the code is what loans and applications point at
            self.ui.loanKindEdit.setEnabled(False)  # and its loans are of this kind
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(tr("저장"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("취소"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def fill(self, fields: dict[str, str]) -> None:
        for field, name in TEXT_FIELDS.items():
            if field in fields:
                text = fields[field]
                getattr(self.ui, name).setText(f"{int(text):,}" if field in AMOUNT_FIELDS and text.isdigit() else text)
        for field, name in SPIN_FIELDS.items():
            if field in fields:
                getattr(self.ui, name).setValue(int(fields[field]))
        for field, name in COMBO_FIELDS.items():
            if field in fields:
                combo = getattr(self.ui, name)
                combo.setCurrentIndex(max(0, combo.findData(fields[field])))
        if "active" in fields:
            self.ui.activeCheck.setChecked(fields["active"] == "true")
        self._rate_type_changed()

    def fields(self) -> dict[str, str]:
        values = {field: getattr(self.ui, name).text().strip() for field, name in TEXT_FIELDS.items()}
        for field in AMOUNT_FIELDS:
            values[field] = values[field].replace(",", "")
        values.update({field: str(getattr(self.ui, name).value()) for field, name in SPIN_FIELDS.items()})
        values.update({field: getattr(self.ui, name).currentData() for field, name in COMBO_FIELDS.items()})
        values["active"] = "true" if self.ui.activeCheck.isChecked() else "false"
        return values

    def _rate_type_changed(self) -> None:
        fixed = self.ui.rateTypeEdit.currentData() == "fixed"
        if fixed:
            self.ui.indexNameEdit.setCurrentIndex(0)
        self.ui.indexNameEdit.setEnabled(not fixed)

    def save(self) -> None:
        officer, fields, new = self.officer, self.fields(), self.new
        self.ui.buttonBox.setEnabled(False)
        self.ui.errorLabel.setText(tr("저장 중…"))
        run_task(lambda: head_office.save_product(officer, fields, new), self._saved, self._refused, owner=self)

    def _saved(self, code: str) -> None:
        self.saved.emit(code)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        """Say why, name the field in the form's words, and put the cursor there; everything typed stays."""
        self.ui.buttonBox.setEnabled(True)
        message = "\n".join(localize(e) for e in exc.errors) if isinstance(exc, ImportRejected) else \
            errors.report(exc, self)
        field = self.field_at_fault(message)
        for name in ALL_FIELDS.values():
            getattr(self.ui, name).setStyleSheet("")
        if field is None:
            self.ui.errorLabel.setText(f"{tr('저장하지 않았습니다')}: {self.in_form_words(message)}")
            return
        widget = getattr(self.ui, ALL_FIELDS[field])
        label = getattr(self.ui, ALL_FIELDS[field].removesuffix("Edit") + "Label").text()
        self.ui.errorLabel.setText(f"{tr('저장하지 않았습니다')} — {label}: {self.in_form_words(message)}")
        widget.setStyleSheet(FLAGGED)
        widget.setFocus()

    def in_form_words(self, message: str) -> str:
        """The check's message as the form says it: each field by its label on the form (the checks, already in the
        screen's language, name fields as the import's columns)."""
        for field in sorted(ALL_FIELDS, key=len, reverse=True):
            if field in message:
                label = getattr(self.ui, ALL_FIELDS[field].removesuffix("Edit") + "Label").text().rstrip(":")
                message = message.replace(field, label)
        return message

    @staticmethod
    def field_at_fault(message: str) -> str | None:
        """The first product field a refusal names (the checks name fields as the import columns do)."""
        found = [(message.find(field), field) for field in ALL_FIELDS if field in message]
        return min(found)[1] if found else None
