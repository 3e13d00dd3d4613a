"""retention-admin at its edges, settings without passwords, credentials in the keyring."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from retention_desktop.cli import admin_main
from retention_desktop.data import credentials
from retention_desktop.data.database import central_url, public_url
from retention_desktop.data.settings import CentralServer, Settings, SettingsError, load_settings, save_settings


def _admin(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "retention_desktop.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_db_start_url_status_stop_round_trip():
    data_dir = tempfile.mkdtemp(prefix="rdcli-")
    started = _admin("--data-dir", data_dir, "--demo", "db", "start")
    assert started.returncode == 0, started.stderr
    try:
        url = _admin("--data-dir", data_dir, "db", "url")
        assert url.returncode == 0
        assert url.stdout.startswith("postgresql+psycopg2://postgres@/retention?host=")
        status = _admin("--data-dir", data_dir, "db", "status")
        assert status.returncode == 0 and status.stdout.startswith("running")
        # the started database is migrated and holds the 1,000 demo customers
        import psycopg2

        with psycopg2.connect(_admin("--data-dir", data_dir, "db", "url", "--libpq").stdout.strip()) as conn:
            with conn.cursor() as cur:
                cur.execute("SELECT count(*) FROM customers")
                assert cur.fetchone()[0] == 1000
    finally:
        stopped = _admin("--data-dir", data_dir, "db", "stop")
    assert stopped.stdout.strip() == "stopped"
    assert _admin("--data-dir", data_dir, "db", "status").returncode == 3


def test_demo_data_refuses_a_central_server_without_force(tmp_path, capsys):
    save_settings(tmp_path, Settings(central=CentralServer(host="127.0.0.1", port=1, user="rd_admin")))
    code = admin_main(["--data-dir", str(tmp_path), "demo-data", "--customers", "10"])
    assert code == 2 and "--force" in capsys.readouterr().err  # the guard, before any connection is tried
    # with --force the same command goes on to the server, which is not there: exit 3, not the guard's 2
    code = admin_main(["--data-dir", str(tmp_path), "demo-data", "--customers", "10", "--force"])
    assert code == 3 and "--force" not in capsys.readouterr().err


def test_bad_arguments_exit_2_with_a_message(capsys):
    with pytest.raises(SystemExit) as caught:
        admin_main(["demo-data", "--customers", "-5"])
    assert caught.value.code == 2
    assert "must be positive" in capsys.readouterr().err


def test_central_url_never_shows_the_password():
    server = CentralServer(host="db.bank.internal", user="rd_e1001")
    url = central_url(server, "s3cret!")
    assert "s3cret" not in public_url(url)
    assert public_url(url) == "postgresql+psycopg2://rd_e1001@db.bank.internal:5432/retention?sslmode=verify-full"


def test_settings_round_trip_and_refuse_passwords(tmp_path):
    settings = Settings(central=CentralServer(host="10.1.2.3", port=6432, user="rd_e1001", sslmode="require"))
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path) == settings
    raw = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    raw["central"]["password"] = "oops"
    (tmp_path / "settings.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SettingsError, match="비밀번호"):
        load_settings(tmp_path)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"host": ""}, "주소"), ({"host": "db", "port": 70000}, "포트"), ({"host": "db", "sslmode": "maybe"}, "sslmode"),
])
def test_bad_central_settings_are_refused(kwargs, message):
    with pytest.raises(SettingsError, match=message):
        CentralServer(**kwargs)


def test_secret_comes_from_the_keyring_else_the_prompt(memory_keyring):
    asked = []
    assert credentials.secret_or_ask("rd_e1001@db", lambda acct: asked.append(acct) or "typed") == "typed"
    assert asked == ["rd_e1001@db"]
    assert credentials.store_secret("rd_e1001@db", "kept")
    assert credentials.secret_or_ask("rd_e1001@db", lambda acct: pytest.fail("must not ask")) == "kept"
    credentials.forget_secret("rd_e1001@db")
    assert credentials.get_secret("rd_e1001@db") is None


def test_no_password_is_written_to_the_data_folder(tmp_path, memory_keyring):
    credentials.store_secret("rd_e1001@db.bank.internal:5432/retention", "top-secret-pw")
    save_settings(tmp_path, Settings(central=CentralServer(host="db.bank.internal", user="rd_e1001")))
    for path in Path(tmp_path).rglob("*"):
        if path.is_file():
            assert b"top-secret-pw" not in path.read_bytes()


def test_forget_secrets_removes_this_installations_keyring_entries(tmp_path, memory_keyring):
    from retention_desktop.services.administration import forget_secrets

    save_settings(tmp_path, Settings(central=CentralServer(host="db.bank.internal", user=""),
                                     remembered_employee_no="E1007"))
    (tmp_path / "pki").mkdir()
    (tmp_path / "pki" / "officer-E1007.p12").write_bytes(b"x")
    for account in ("rrn-hmac-key", "rd_e1007@db.bank.internal:5432/retention", "pkcs12:officer-E1007.p12"):
        credentials.store_secret(account, "secret")
    forgotten = forget_secrets(tmp_path)
    assert len(forgotten) == 3
    assert all(credentials.get_secret(a) is None for a in forgotten)
