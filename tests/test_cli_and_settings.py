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
                cur.execute("SELECT count(*) FROM data.customers")
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
    for account in ("rrn-hmac-key", "rd_e1007@db.bank.internal:5432/retention", "pkcs12:officer-E1007.p12",
                    "pkcs8:DEMO-root-key"):
        credentials.store_secret(account, "secret")
    forgotten = forget_secrets(tmp_path)
    assert len(forgotten) == 4
    assert all(credentials.get_secret(a) is None for a in forgotten)


# -- settings checked against their schema: an allow-list of keys --------------------------------------------

@pytest.mark.parametrize(("raw", "words"), [
    ({"settings_version": 1, "central": {"host": "db", "pwd": "x"}}, "central: 알 수 없는 항목입니다: pwd"),
    ({"settings_version": 1, "central": {"host": "db", "pgpass": "x"}}, "알 수 없는 항목입니다: pgpass"),
    ({"settings_version": 1, "secret": "x"}, "알 수 없는 항목입니다: secret"),
    ({"settings_version": 1, "extra": {"api_key": "x"}}, "extra: 알 수 없는 항목입니다: api_key"),
    ({"settings_version": 1, "extra": {"timestamp_url": "https://user:pw@tsa.bank"}}, "extra.timestamp_url"),
    ({"settings_version": 1, "central": {"host": "rd:pw@db"}}, "central.host"),
    ({"settings_version": 1, "central": {"host": "db", "port": 70000}}, "central.port: 65535 이하"),
    ({"settings_version": 1, "language": "fr"}, "language: ko, en 중 하나여야"),
    ({"settings_version": "1"}, "settings_version"),
    ({"settings_version": 9}, "새 버전"),
    ([1, 2], "객체"),
])
def test_settings_outside_the_allow_list_are_refused_by_name(tmp_path, raw, words):
    (tmp_path / "settings.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path)
    message = caught.value.message()
    assert words in message and "settings.json" in message and "지우고 다시 시작하세요" in message


def test_every_key_the_app_writes_is_on_the_allow_list(tmp_path):
    full = Settings(central=CentralServer(host="db.bank.internal", port=6432, database="retention", user="rd_e1001",
                                          sslmode="require"), language="en", remembered_employee_no="E1001",
                    extra={"signing_p12": "C:/pki/e1001.p12", "signing_trust_root": "C:/pki/root.pem",
                           "timestamp_url": "https://tsa.bank.internal/tsp"})
    save_settings(tmp_path, full)
    assert load_settings(tmp_path) == full


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe\x00garbage", b"[" * 50_000, b'{"a": 1e999999}',
                                     b"null", "{\"language\": \"ko\"}".encode("utf-16")])
def test_a_corrupt_settings_file_is_a_message_not_a_traceback(tmp_path, content):
    from retention_desktop.data.settings import load_settings_or_defaults

    (tmp_path / "settings.json").write_bytes(content)
    settings, problem = load_settings_or_defaults(tmp_path)
    if content.startswith(b"\xff\xfe{"):  # UTF-16 with its mark is read, and is valid
        assert problem is None
        return
    assert settings == Settings() and problem is not None and "settings.json" in problem.message()


def test_fuzz_settings_files(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                          lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.sampled_from(["host", "port", "user", "language", "central",
                                                             "extra", "settings_version", "x"]), inner, max_size=4),
                          max_leaves=10)

    @settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
    @given(st.one_of(values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=300)))
    def attempt(content):
        (tmp_path / "settings.json").write_bytes(content)
        try:
            load_settings(tmp_path)
        except SettingsError as exc:
            assert "settings.json" in exc.message()

    attempt()


@pytest.mark.parametrize("content", ["{", '{"cluster_dir": 5}', '{"cluster_dir": "relative/pg"}', "[]",
                                     '{"cluster_dir": "/tmp/with space/pg"}'])
def test_a_corrupt_embedded_json_is_repaired_or_explained(tmp_path, content):
    from retention_desktop.data.embedded import choose_cluster_dir

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "embedded.json").write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match="embedded.json 파일이 손상되어"):
        choose_cluster_dir(data_dir)  # no cluster in the usual place: nothing is guessed
    (data_dir / "pg").mkdir()
    (data_dir / "pg" / "PG_VERSION").write_text("18\n")
    assert choose_cluster_dir(data_dir) == (data_dir / "pg").resolve()  # the usual place holds it: repaired
    assert json.loads((data_dir / "embedded.json").read_text())["cluster_dir"] == str((data_dir / "pg").resolve())


def test_a_corrupt_embedded_json_is_one_line_on_the_command_line(tmp_path, capsys):
    (tmp_path / "embedded.json").write_text("{broken", encoding="utf-8")
    assert admin_main(["--data-dir", str(tmp_path), "db", "status"]) == 2
    err = capsys.readouterr().err
    assert "embedded.json" in err and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; on Windows the profile folder's access list")
def test_the_data_folder_is_closed_to_other_accounts(tmp_path, capsys):
    """Outside test of 1 Dec 2026 (fifth round): the data folder was 0755 and its log and keys 0644 under the
    default umask, readable by every local account. Any command closes it: the folder 0700 (0711 as root, for
    the embedded server's own account), ``logs/`` and ``pki/`` 0700 with their files 0600 (files an earlier
    version left open included)."""
    data_dir = tmp_path / "data"
    (data_dir / "pki").mkdir(parents=True)
    (data_dir / "logs").mkdir()
    for folder in (data_dir, data_dir / "pki", data_dir / "logs"):
        folder.chmod(0o755)
    key = data_dir / "pki" / "officer-E1002.p12"
    old_log = data_dir / "logs" / "retention-desktop.log.1"
    for file in (key, old_log):
        file.write_bytes(b"x")
        file.chmod(0o644)
    assert admin_main(["--data-dir", str(data_dir), "quote", str(tmp_path / "absent.json")]) == 2
    capsys.readouterr()
    modes = {p.relative_to(tmp_path).as_posix(): p.stat().st_mode & 0o777
             for p in (data_dir, data_dir / "pki", data_dir / "logs", key, old_log,
                       data_dir / "logs" / "retention-desktop.log")}
    from retention_desktop.data.locations import data_folder_mode

    assert modes == {"data": data_folder_mode(), "data/pki": 0o700, "data/logs": 0o700, "data/pki/officer-E1002.p12": 0o600,
                     "data/logs/retention-desktop.log.1": 0o600, "data/logs/retention-desktop.log": 0o600}
