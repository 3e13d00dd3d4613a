"""Login / connection: the embedded demo database or the central server; officer id and password,
remembered in the OS keyring on request. Tested without exec(): fill, click, read ``result()``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QListWidgetItem

from retention_desktop.data.settings import CentralServer, SettingsError
from retention_desktop.gui.i18n import tr
from retention_desktop.gui.widgets import name_controls
from retention_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog

if TYPE_CHECKING:  # the login window must not wait for the database layer to import
    from retention_desktop.services.officer_session import DemoLogin


@dataclass(frozen=True)
class LoginRequest:
    demo: bool
    employee_no: str
    password: str | None
    remember: bool
    central: CentralServer | None


class LoginDialog(QDialog):
    login_requested = Signal(object)

    def __init__(self, central: CentralServer | None = None, demo: bool = True, parent=None):
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.ui.modeCombo.currentIndexChanged.connect(self._mode_changed)
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.demoList.itemActivated.connect(self._demo_chosen)
        if central is not None:
            self.ui.hostEdit.setText(central.host)
            self.ui.portSpin.setValue(central.port)
            self.ui.databaseEdit.setText(central.database)
            self.ui.sslCombo.setCurrentText(central.sslmode)
            self.ui.caEdit.setText(central.sslrootcert or "")
            self.ui.certEdit.setText(central.sslcert or "")
            self.ui.keyEdit.setText(central.sslkey or "")
        self.ui.sslCombo.currentTextChanged.connect(self._tls_changed)
        self.ui.caBrowseButton.clicked.connect(self._browse_ca)
        self.ui.modeCombo.setCurrentIndex(0 if demo or central is None else 1)
        self._mode_changed(self.ui.modeCombo.currentIndex())
        self.set_busy(tr("내장 데이터베이스를 준비하는 중…") if self.is_demo else "")

    @property
    def is_demo(self) -> bool:
        return self.ui.modeCombo.currentIndex() == 0

    def _mode_changed(self, index: int) -> None:
        central = index == 1
        for widget in (self.ui.hostEdit, self.ui.portSpin, self.ui.databaseEdit, self.ui.sslCombo,
                       self.ui.passwordEdit, self.ui.rememberCheck, self.ui.caEdit, self.ui.caBrowseButton,
                       self.ui.certEdit, self.ui.keyEdit):
            widget.setEnabled(central)
        for widget in (self.ui.caLabel, self.ui.caEdit, self.ui.caBrowseButton, self.ui.clientCertLabel,
                       self.ui.certEdit, self.ui.keyEdit, self.ui.tlsLabel):
            widget.setVisible(central)
        self.ui.demoList.setVisible(not central)
        name_controls(self, {self.ui.modeCombo: tr("접속 방식"), self.ui.portSpin: tr("포트"),
                             self.ui.databaseEdit: tr("데이터베이스"), self.ui.sslCombo: tr("SSL 모드")})
        self.ui.demoLabel.setVisible(not central)
        self._tls_changed(self.ui.sslCombo.currentText())

    def _tls_changed(self, mode: str) -> None:
        """Say plainly what the chosen sslmode means; without TLS, that this is for a test server only."""
        if mode in ("disable", "allow", "prefer"):
            self.ui.tlsLabel.setStyleSheet("color: #b00020; font-weight: bold;")
            self.ui.tlsLabel.setText(tr("TLS 없음: 시험 서버에만 쓰세요. 비밀번호와 고객 정보가 암호화되지 않은 채 네트워크로 "
                                        "갑니다 (sslmode={mode}).").format(mode=mode))
        elif mode == "require":
            self.ui.tlsLabel.setStyleSheet("color: #8a5a00;")
            self.ui.tlsLabel.setText(tr("암호화하지만 서버 인증서를 확인하지 않습니다: 가짜 서버를 막지 못합니다 (verify-full 권장)."))
        else:
            self.ui.tlsLabel.setStyleSheet("color: #1e6b3a;")
            self.ui.tlsLabel.setText(tr("암호화하고 서버 인증서를 은행 CA로 확인합니다") +
                                     (tr(" (서버 이름까지)") if mode == "verify-full" else "") + ".")

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, tr("은행 CA 인증서"), self.ui.caEdit.text(),
                                                    tr("인증서 (*.crt *.pem *.cer);;모든 파일 (*)"))
        if path:
            self.ui.caEdit.setText(path)

    def set_demo_logins(self, logins: list[DemoLogin]) -> None:
        roles = {"officer": tr("행원"), "manager": tr("지점장"), "admin": tr("본부")}
        self.ui.demoList.clear()
        for login in logins:
            item = QListWidgetItem(f"{login.employee_no}  {login.name} · {login.branch_name} · {roles[login.role]}")
            item.setData(Qt.ItemDataRole.UserRole, login.employee_no)
            self.ui.demoList.addItem(item)
        self.set_busy("")

    def set_busy(self, message: str) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not message)
        self.ui.messageLabel.setStyleSheet("color: #4a5a6a;" if message else "color: #b00020;")
        self.ui.messageLabel.setText(message)

    def show_error(self, message: str) -> None:
        self.set_busy("")
        self.ui.messageLabel.setStyleSheet("color: #b00020;")
        self.ui.messageLabel.setText(message)

    def _demo_chosen(self, item: QListWidgetItem) -> None:
        self.ui.employeeEdit.setText(item.data(Qt.ItemDataRole.UserRole))
        self.submit()

    def submit(self) -> None:
        employee_no = self.ui.employeeEdit.text().strip().upper()
        if not employee_no:
            self.show_error(tr("직원번호를 입력하세요."))
            return
        central = None
        password = None
        if not self.is_demo:
            try:
                central = CentralServer(self.ui.hostEdit.text().strip(), self.ui.portSpin.value(),
                                        self.ui.databaseEdit.text().strip() or "retention", "",
                                        self.ui.sslCombo.currentText(),
                                        sslrootcert=self.ui.caEdit.text().strip() or None,
                                        sslcert=self.ui.certEdit.text().strip() or None,
                                        sslkey=self.ui.keyEdit.text().strip() or None)
            except SettingsError as exc:
                self.show_error(str(exc))
                return
            password = self.ui.passwordEdit.text() or None
        self.set_busy(tr("로그인 중…"))
        self.login_requested.emit(LoginRequest(self.is_demo, employee_no, password,
                                               self.ui.rememberCheck.isChecked(), central))
