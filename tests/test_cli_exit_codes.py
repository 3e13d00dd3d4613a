"""retention-admin never ends in a traceback: one line, exit 2 for bad input, 3 when the database cannot be
reached, 1 only for a bug (and then the line names the log file, which holds the traceback). The first
--demo use of any command creates and fills the demo; a crashed embedded server is restarted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from retention_desktop.cli import admin_main
from retention_desktop.data import credentials
from retention_desktop.data.settings import CentralServer, Settings, save_settings
from retention_desktop.domain import exact_json
from tests.support import bank_today, workstation_on_another_day

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = ROOT / "docs" / "examples" / "showcase-quote.json"


def admin(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, timeout=300)


def one_line(run: subprocess.CompletedProcess) -> str:
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    return lines[0]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A data folder whose first command is `--demo quote`: it must create and fill the demo itself."""
    folder = tmp_path_factory.mktemp("fresh") / "data"
    first = admin(folder, "--demo", "quote", str(SHOWCASE))
    yield folder, first
    admin(folder, "db", "stop")


def test_the_first_demo_quote_on_a_fresh_folder_works(fresh):
    _folder, first = fresh
    assert first.returncode == 0, first.stderr
    doc = exact_json.loads(first.stdout)
    assert [o["label"] for o in doc["options"]][:3] == ["keep", "renegotiation", "reloan"]
    assert doc["options"][2]["retention_probability"] is not None  # priced on the demo's index rates
    assert doc["recommendation"]["action"] in ("keep", "renegotiation", "reloan", "switch")


@pytest.mark.parametrize("command", [
    ("simulate", str(SHOWCASE)),
    ("proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out", "{out}"),
    ("score-portfolio",),
])
def test_every_command_works_on_the_demo_the_first_one_made(fresh, tmp_path, command):
    folder, _first = fresh
    run = admin(folder, "--demo", *(part.format(out=tmp_path / "p.pdf") for part in command))
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("command", [("quote", str(SHOWCASE)), ("simulate", str(SHOWCASE))])
def test_without_demo_an_empty_database_names_the_import_that_fills_it(tmp_path, command):
    run = admin(tmp_path / "empty", *command)
    assert run.returncode == 2
    assert "retention-admin import index-rates FILE" in one_line(run)


@pytest.mark.parametrize(("document", "words"), [
    ({"as_of": "2024-01-15", "current_loan": {"drawdown_date": "2023-06-01"}},
     "as_of: 2024-01-15에 시행 중인 규제정책이 없습니다"),  # the first version starts 2024-02-26
    ({"current_loan": {"balance": 10 ** 400}}, "(stdin):"),
])
def test_bad_input_is_one_line_and_exit_2(fresh, document, words):
    folder, _first = fresh
    doc = json.loads(SHOWCASE.read_text(encoding="utf-8"))
    for key, value in document.items():
        doc[key] = {**doc[key], **value} if isinstance(value, dict) else value
    text = json.dumps(doc).replace(str(10 ** 400), "1e400")
    run = admin(folder, "--demo", "quote", "-", stdin=text)
    assert run.returncode == 2 and words in one_line(run)


def test_a_100000_deep_document_is_refused_in_a_second(fresh):
    import time

    folder, _first = fresh
    started = time.perf_counter()
    run = admin(folder, "quote", "-", stdin="[" * 100_000 + "]" * 100_000)
    assert run.returncode == 2 and "(stdin):1:33: JSON이 너무 깊게 중첩" in one_line(run)
    assert time.perf_counter() - started < 15  # most of it the interpreter starting


def test_the_embedded_server_stopped_is_exit_3(fresh):
    folder, _first = fresh
    admin(folder, "db", "stop")
    run = admin(folder, "db", "url")
    assert run.returncode == 3 and "db start" in one_line(run)


def test_a_killed_embedded_server_is_restarted_by_the_next_command(fresh):
    """kill -9 leaves postmaster.pid behind (and for a moment a zombie or children holding shared memory); the
    next command used to attach to it and fail with "Connection refused"."""
    import os
    import signal

    folder, _first = fresh
    assert admin(folder, "db", "start").returncode == 0
    try:
        for _ in range(2):
            pid = int((folder / "pg" / "postmaster.pid").read_text().splitlines()[0])
            os.kill(pid, signal.SIGKILL)
            run = admin(folder, "quote", str(SHOWCASE))
            assert run.returncode == 0, run.stderr
            assert admin(folder, "db", "start").returncode == 0
    finally:
        admin(folder, "db", "stop")


@pytest.fixture
def central_down(tmp_path, memory_keyring):
    """A data folder configured for a central server that is not there (nothing listens on the port)."""
    central = CentralServer(host="127.0.0.1", port=1, user="rd_admin", sslmode="disable")
    save_settings(tmp_path, Settings(central=central))
    credentials.store_secret(central.keyring_account, "not-a-real-password")
    return tmp_path


@pytest.mark.parametrize("command", [
    ["quote", str(SHOWCASE)], ["simulate", str(SHOWCASE)], ["train-models"], ["score-portfolio"],
    ["proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out", "p.pdf"],
    ["import", "index-rates", str(ROOT / "resources" / "samples" / "index_rates.csv")],
    ["import", "policy", str(ROOT / "resources" / "samples" / "index_rates.csv")],
    ["demo-data", "--customers", "10", "--force"], ["db", "upgrade"],
])
def test_a_central_server_that_is_down_is_exit_3_in_one_line(central_down, capsys, command):
    code = admin_main(["--data-dir", str(central_down), *command])
    err = capsys.readouterr().err
    assert code == 3, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "데이터베이스에 연결할 수 없습니다" in err


def test_verify_proposal_of_an_unsigned_file_needs_no_server(central_down, capsys, tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%%EOF\n")
    code = admin_main(["--data-dir", str(central_down), "verify-proposal", str(pdf)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_bug_is_exit_1_naming_the_log_that_holds_the_traceback(tmp_path, capsys, monkeypatch):
    from retention_desktop.services import administration

    def broken(*_args, **_kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(administration, "train_models_command", broken)
    code = admin_main(["--data-dir", str(tmp_path), "train-models"])
    err = capsys.readouterr().err
    log = tmp_path / "logs" / "retention-desktop.log"
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "KeyError" in err and str(log) in err and "Traceback" not in err
    assert "Traceback" in log.read_text(encoding="utf-8") and "a bug" in log.read_text(encoding="utf-8")


def test_messages_follow_the_settings_language(tmp_path, capsys):
    save_settings(tmp_path, Settings(language="en"))
    bad = tmp_path / "q.json"
    bad.write_text('{"as_of": "2026-11-23"}', encoding="utf-8")
    assert admin_main(["--data-dir", str(tmp_path), "quote", str(bad)]) == 2
    assert capsys.readouterr().err.strip() == "retention-admin quote: borrower: is missing."


@pytest.mark.parametrize(("content", "words"), [
    ("{not json", "settings.json:1:2"),
    ('{"settings_version": 1, "central": {"host": "db", "pwd": "x"}}', "central: 알 수 없는 항목입니다: pwd"),
    ('{"settings_version": 1, "secret": "x"}', "알 수 없는 항목입니다: secret"),
])
def test_a_broken_settings_file_says_what_to_do(tmp_path, capsys, content, words):
    (tmp_path / "settings.json").write_text(content, encoding="utf-8")
    assert admin_main(["--data-dir", str(tmp_path), "quote", str(SHOWCASE)]) == 2
    err = capsys.readouterr().err
    assert words in err and "지우고 다시 시작하세요" in err and len(err.strip().splitlines()) == 1


def test_an_unreadable_quote_file_is_exit_2(tmp_path):
    run = admin(tmp_path, "quote", str(tmp_path / "missing.json"))
    assert run.returncode == 2 and "읽을 수 없습니다" in one_line(run)


@pytest.mark.parametrize("command", [
    ["verify-proposal", "/dev/zero"], ["audit", "verify", "--anchors", "/dev/zero"],
    ["trust-root", "add", "/dev/zero"], ["quote", "/dev/zero"], ["import", "products", "/dev/zero"],
    ["import", "policy", "/dev/zero"], ["verify-proposal", "{folder}"], ["audit", "verify", "--anchors", "{bad}"],
    ["verify-proposal", "{huge}"], ["verify-proposal", "{fifo}"], ["quote", "{fifo}"], ["trust-root", "add", "{fifo}"],
    ["proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out", "{folder}/missing/x.pdf"],
    ["proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out", "{folder}"],
])
def test_input_files_are_bounded_and_regular_before_anything_is_read(central_down, capsys, tmp_path, command):
    """Finding 8 of the outside test: /dev/zero as an input file grew the process to 21 GB. Every input file is
    refused (exit 2, one line) when it is not a regular file or is above its limit — before it is read, and before
    the server is asked (which is down here, so exit 3 would mean the file was not checked first)."""
    bad = tmp_path / "anchors.jsonl"
    bad.write_text("this is not JSON\n", encoding="utf-8")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as out:  # sparse: 30 MB without writing them
        out.truncate(30 * 1024 * 1024)
    fifo = tmp_path / "pipe.pdf"  # a named pipe nobody writes to: opening it for reading used to hang the command
    if "{fifo}" in command:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this system")
        os.mkfifo(fifo)
    command = [c.format(folder=tmp_path, bad=bad, huge=huge, fifo=fifo) for c in command]
    code = admin_main(["--data-dir", str(central_down), *command])
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_commands_take_the_banks_date_not_the_workstations(fresh, tmp_path):
    """A workstation whose clock shows another day than Seoul's: the proposal is numbered and dated, and the
    models trained, on the bank's day (the server's clock, data/bank_day.py)."""
    folder, _first = fresh
    tz, workstation_day = workstation_on_another_day()
    env = {**os.environ, "TZ": tz}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", str(folder), "--demo",
                               *args], capture_output=True, text=True, timeout=300, env=env)

    made = run("proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out", str(tmp_path / "p.pdf"))
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["proposal_no"].startswith(f"P{bank_today():%Y%m%d}-")
    trained = run("train-models")
    assert trained.returncode == 0, trained.stderr
    cards = json.loads(trained.stdout)
    assert {card["trained_on"] for card in cards.values()} == {bank_today().isoformat()} != {workstation_day.isoformat()}


def test_a_reader_that_stops_early_is_not_a_bug(fresh):
    """`retention-admin --demo quote FILE | head -4`: the reader going away is not a program defect (it was
    reported as one, exit 1, naming the log)."""
    folder, _first = fresh
    with subprocess.Popen([sys.executable, "-m", "retention_desktop.cli", "--data-dir", str(folder), "--demo",
                           "quote", str(SHOWCASE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as run:
        run.stdout.close()  # the reader is gone before the quote is written (more than a pipe buffer's worth)
        stderr = run.stderr.read()
        assert run.wait(timeout=300) == 0, stderr
    assert stderr == ""


def test_a_login_the_server_cannot_answer_is_exit_3_not_a_refused_login():
    """The server down (or shutting down, or full) while a command logs the officer in: exit 3 like any other
    unreachable database, not 2 as if the login had been refused (found stopping the embedded server during
    `retention-admin proposal`: "서버가 다시 시작하는 중입니다", exit 2)."""
    from sqlalchemy.engine import make_url

    from retention_desktop.data.database import Database, create_app_engine
    from retention_desktop.services.officer_session import LoginError, log_in

    url = make_url("postgresql+psycopg2://postgres@127.0.0.1:1/retention")
    with pytest.raises(LoginError) as refused:
        log_in(Database("central", url, create_app_engine(url)), "E1007")
    assert refused.value.exit_code == 3
    assert refused.value.message().startswith("데이터베이스에 연결할 수 없습니다")
