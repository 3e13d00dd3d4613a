"""TLS settings for the central server: the bank's CA file, client certificate and key, in settings.json (paths
only), in the connection URL, and offered by the login dialog, which says plainly when there is no TLS."""

from __future__ import annotations

import json

import pytest

from retention_desktop.data.database import central_url, public_url
from retention_desktop.data.settings import CentralServer, Settings, SettingsError, load_settings, save_settings


def test_tls_files_round_trip_and_reach_libpq(tmp_path):
    central = CentralServer("db.bank.internal", 6432, "retention", "rd_e1007", "verify-full",
                            sslrootcert="/etc/bank/ca.crt", sslcert="/home/k/.bank/ws.crt", sslkey="/home/k/.bank/ws.key")
    save_settings(tmp_path, Settings(central=central))
    assert load_settings(tmp_path).central == central
    url = central_url(central, "secret-pw")
    assert url.query == {"sslmode": "verify-full", "sslrootcert": "/etc/bank/ca.crt",
                         "sslcert": "/home/k/.bank/ws.crt", "sslkey": "/home/k/.bank/ws.key"}
    assert "secret-pw" not in public_url(url)
    assert central.encrypted and not CentralServer("h", sslmode="disable").encrypted


def test_a_client_certificate_needs_its_key_and_unknown_tls_keys_are_refused(tmp_path):
    with pytest.raises(SettingsError, match="함께"):
        CentralServer("h", sslcert="/x.crt")
    (tmp_path / "settings.json").write_text(json.dumps(
        {"settings_version": 1, "central": {"host": "h", "sslpassword": "hunter2"}}), encoding="utf-8")
    with pytest.raises(SettingsError, match="sslpassword"):
        load_settings(tmp_path)


def test_the_login_dialog_offers_tls_and_says_when_there_is_none(qtbot):
    from retention_desktop.gui.login_dialog import LoginDialog

    dialog = LoginDialog(CentralServer("db.bank.internal", 6432, sslrootcert="/etc/bank/ca.crt"), demo=False)
    qtbot.addWidget(dialog)
    assert dialog.ui.caEdit.text() == "/etc/bank/ca.crt" and dialog.ui.caEdit.isEnabled()
    assert "인증서를 은행 CA로 확인" in dialog.ui.tlsLabel.text()
    dialog.ui.sslCombo.setCurrentText("disable")
    assert "TLS 없음" in dialog.ui.tlsLabel.text() and "시험 서버" in dialog.ui.tlsLabel.text()
    dialog.ui.sslCombo.setCurrentText("verify-full")
    dialog.ui.certEdit.setText("/home/k/ws.crt")
    dialog.ui.keyEdit.setText("/home/k/ws.key")
    dialog.ui.employeeEdit.setText("e1007")
    dialog.ui.passwordEdit.setText("pw")
    with qtbot.waitSignal(dialog.login_requested) as sent:
        dialog.submit()
    central = sent.args[0].central
    assert (central.sslmode, central.sslrootcert, central.sslcert, central.sslkey) == (
        "verify-full", "/etc/bank/ca.crt", "/home/k/ws.crt", "/home/k/ws.key")
    dialog.ui.keyEdit.setText("")
    dialog.submit()
    assert "함께" in dialog.ui.messageLabel.text()
