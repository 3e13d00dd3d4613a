"""The real embedded server killed (SIGKILL of the postmaster) in the middle of an operation's transaction: a
proposal archived by `retention-admin proposal`, an application executed through the service, an index-rate import
by `retention-admin import`. Each operation is stopped deterministically after it has written its rows: its audit row
(data.audit(), the last thing each api function does, holding the chain head's lock) waits at a test trigger for an
advisory lock a second (superuser) session holds, and the postmaster is killed once pg_stat_activity shows the
operation waiting there. Then: the CLI says so
in one line and exits 3 (the service raises an error that failures.unreachable words), nothing is half-written
(row counts, the audit chain intact by `retention-admin audit verify`), and the same operation run again
succeeds on the embedded server the next use restarts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2
import pytest

ROOT = Path(__file__).resolve().parents[1]
LOAN = ("C00000001", "L0000000001")  # the demo's first customer, in E1007's branch


def admin(data_dir: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=timeout)


def start(data_dir: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "retention_desktop.cli", "--data-dir", str(data_dir), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def superuser(data_dir: Path):
    """A superuser connection to the data folder's embedded server (started if it is not running)."""
    run = admin(data_dir, "--demo", "db", "start")
    assert run.returncode == 0, run.stderr
    url = admin(data_dir, "db", "url", "--libpq")
    assert url.returncode == 0, url.stderr
    conn = psycopg2.connect(url.stdout.strip())
    conn.autocommit = True
    return conn


def counts(data_dir: Path) -> dict[str, int]:
    conn = superuser(data_dir)
    try:
        with conn.cursor() as cur:
            found = {}
            for table in ("proposals", "applications", "application_events", "loans", "index_rates", "audit_log"):
                cur.execute(f"SELECT count(*) FROM data.{table}")
                found[table] = cur.fetchone()[0]
            cur.execute("SELECT count(*) FROM data.loans WHERE status = 'active'")
            found["active_loans"] = cur.fetchone()[0]
            cur.execute("SELECT row_count FROM data.audit_chain_head")
            found["chain_rows"] = cur.fetchone()[0]
            cur.execute("SELECT action, count(*) FROM data.audit_log GROUP BY action")
            for action, n in cur.fetchall():
                found[action] = n
            return found
    finally:
        conn.close()


def postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "pg" / "postmaster.pid").read_text().splitlines()[0])


GATE = 7_150_420  # the advisory lock the gate waits on


def close_gate(data_dir: Path, action: str):
    """Before the operation starts: a gate that stops it when it appends its audit row ``action`` (the last thing
    its transaction does, its rows written, under the chain head's lock). The gate is a trigger on data.audit_log
    that waits for an advisory lock the returned (superuser) session holds, for rows of ``action`` only (other
    audit rows, a login or a read the command records first, pass)."""
    conn = superuser(data_dir)
    with conn.cursor() as cur:
        cur.execute("""CREATE OR REPLACE FUNCTION data.test_gate() RETURNS trigger LANGUAGE plpgsql AS $$
                       BEGIN IF NEW.action = TG_ARGV[0] THEN PERFORM pg_advisory_xact_lock(%s); END IF;
                       RETURN NEW; END $$""" % GATE)
        cur.execute("DROP TRIGGER IF EXISTS test_gate ON data.audit_log")
        cur.execute(f"CREATE TRIGGER test_gate BEFORE INSERT ON data.audit_log FOR EACH ROW "
                    f"EXECUTE FUNCTION data.test_gate('{action}')")
        cur.execute("SELECT pg_advisory_lock(%s)", (GATE,))
    return conn


def kill_when_waiting(data_dir: Path, conn, action: str, operation_done) -> None:
    """When the operation waits at the gate (``close_gate``), SIGKILL the postmaster."""
    pid = postmaster_pid(data_dir)
    with conn.cursor() as cur:
        deadline = time.monotonic() + 120
        while True:
            assert time.monotonic() < deadline, f"the operation never reached its audit row {action}"
            ended = operation_done()
            assert not ended, f"the operation ended before it reached its audit row {action}: {ended}"
            cur.execute("SELECT count(*) FROM pg_stat_activity a WHERE a.wait_event = 'advisory' "
                        "AND pg_backend_pid() = ANY (pg_blocking_pids(a.pid))")
            if cur.fetchone()[0]:
                break
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)
        # This session holds the gate until the operation has seen the crash: were it to end first (its backend
        # exits when the client closes), the waiting backend could take the lock and commit before it notices
        # the postmaster is gone, as PostgreSQL allows.
        deadline = time.monotonic() + 60
        while not operation_done() and time.monotonic() < deadline:
            time.sleep(0.05)
    try:
        conn.close()
    except psycopg2.Error:
        pass


def open_gate(data_dir: Path) -> None:
    conn = superuser(data_dir)
    try:
        with conn.cursor() as cur:
            cur.execute("DROP TRIGGER IF EXISTS test_gate ON data.audit_log")
            cur.execute("DROP FUNCTION IF EXISTS data.test_gate()")
    finally:
        conn.close()


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def unchanged(before: dict, after: dict, action: str) -> None:
    """Nothing of the operation is there: every table as it was, no audit row of ``action``. The only new rows
    are audit rows of what the command did before (a login, a read: each recorded and committed on its own),
    and the chain head counts every row."""
    tables = [key for key in before if "." not in key and key not in ("audit_log", "chain_rows")]
    assert {k: after.get(k) for k in [*tables, action]} == {k: before.get(k) for k in [*tables, action]}
    assert after["chain_rows"] == after["audit_log"]


def assert_chain_intact(data_dir: Path) -> None:
    run = admin(data_dir, "audit", "verify")
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A private demo data folder (never the default one), filled on its first --demo use; stopped at the end."""
    data_dir = tmp_path_factory.mktemp("killed") / "data"
    run = admin(data_dir, "--demo", "db", "start")
    assert run.returncode == 0, run.stderr
    yield data_dir
    admin(data_dir, "db", "stop")


def run_cli_killed(data_dir: Path, action: str, *command: str) -> subprocess.CompletedProcess:
    gate = close_gate(data_dir, action)
    process = start(data_dir, *command)
    try:
        kill_when_waiting(data_dir, gate, action,
                          lambda: process.poll() is not None)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        open_gate(data_dir)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_a_proposal_killed_while_archiving_is_not_archived_and_the_next_one_is(folder, tmp_path):
    before = counts(folder)
    command = ("--demo", "proposal", "--customer-no", LOAN[0], "--loan-no", LOAN[1], "--action", "reloan",
               "--out", str(tmp_path / "p.pdf"))
    killed = run_cli_killed(folder, "proposal.create", *command)
    assert killed.returncode == 3, killed.stderr
    assert "데이터베이스" in one_line(killed.stderr)
    unchanged(before, counts(folder), "proposal.create")
    assert_chain_intact(folder)

    again = admin(folder, *command)
    assert again.returncode == 0, again.stderr
    made = json.loads(again.stdout)
    now = counts(folder)
    assert now["proposals"] == before["proposals"] + 1 and now["proposal.create"] == before.get("proposal.create", 0) + 1
    assert_chain_intact(folder)
    assert made["proposal_no"]


def test_an_execution_killed_halfway_leaves_both_loans_and_the_application_as_they_were(folder, tmp_path):
    from retention_desktop.data import failures
    from retention_desktop.services import applications as apps
    from retention_desktop.services import proposal_service as ps
    from retention_desktop.services.administration import open_demo_ready
    from retention_desktop.services.officer_session import log_in

    made = admin(folder, "--demo", "proposal", "--customer-no", LOAN[0], "--loan-no", LOAN[1], "--action", "reloan",
                 "--out", str(tmp_path / "p.pdf"))
    assert made.returncode == 0, made.stderr
    proposal_no = json.loads(made.stdout)["proposal_no"]

    def officers():
        db = open_demo_ready(folder, True, lambda _account: None)
        return db, log_in(db, "E1007"), log_in(db, "E1006"), log_in(db, "E1008")

    # filer E1007, approver E1006 (지점장), executor E1008: three people (revision 0017)
    db, officer, manager, executor = officers()
    try:
        ps.record_decision(officer, proposal_no, "accepted")
        app = apps.create_from_proposal(officer, proposal_no)
        app = apps.transition(officer, app.application_no, "submitted", app.row_version, "서류 완비")
        app = apps.transition(manager, app.application_no, "approved", app.row_version)
        before = counts(folder)

        outcome: dict = {}

        def execute():
            try:
                outcome["view"] = apps.transition(executor, app.application_no, "executed", app.row_version)
            except BaseException as exc:  # noqa: BLE001 - examined below
                outcome["error"] = exc

        gate = close_gate(folder, "application.transition")
        worker = threading.Thread(target=execute, daemon=True)
        worker.start()
        kill_when_waiting(folder, gate, "application.transition", lambda: not worker.is_alive())
        worker.join(60)
        assert not worker.is_alive()
        open_gate(folder)
    finally:
        for session in (officer, manager, executor):
            session.database.close()
        db.close()

    error = outcome.get("error")
    assert error is not None, outcome
    worded = failures.unreachable(error)
    assert worded is not None, repr(error)
    assert "데이터베이스" in worded.message(lambda s: s) and worded.exit_code == 3
    unchanged(before, counts(folder), "application.transition")  # no new loan, the old one still active, the application still approved
    conn = superuser(folder)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT state FROM data.applications WHERE application_no = %s", (app.application_no,))
            assert cur.fetchone()[0] == "approved"
            cur.execute("SELECT status FROM data.loans WHERE loan_no = %s", (LOAN[1],))
            assert cur.fetchone()[0] == "active"
    finally:
        conn.close()
    assert_chain_intact(folder)

    db, officer, manager, executor = officers()  # the embedded server restarts on this use
    try:
        done = apps.transition(executor, app.application_no, "executed", app.row_version)
        assert done.state == "executed" and done.new_loan_no is not None
    finally:
        for session in (officer, manager, executor):
            session.database.close()
        db.close()
    now = counts(folder)
    assert now["loans"] == before["loans"] + 1 and now["active_loans"] == before["active_loans"]
    assert_chain_intact(folder)


def test_an_import_killed_halfway_imports_nothing_and_the_next_one_imports_all(folder, tmp_path):
    csv = tmp_path / "rates.csv"
    csv.write_text("index_name,rate_date,annual_rate_pct\n" + "".join(
        f"COFIX_NEW,2022-01-{day:02d},2.{day:02d}\n" for day in range(1, 29)), encoding="utf-8")  # past days only
    before = counts(folder)
    killed = run_cli_killed(folder, "import.index_rates", "--demo", "import", "index-rates", str(csv))
    assert killed.returncode == 3, killed.stderr
    assert "데이터베이스" in one_line(killed.stderr)
    unchanged(before, counts(folder), "import.index_rates")
    assert_chain_intact(folder)

    again = admin(folder, "--demo", "import", "index-rates", str(csv))
    assert again.returncode == 0, again.stderr
    now = counts(folder)
    assert now["index_rates"] == before["index_rates"] + 28 and now["import.index_rates"] == before.get("import.index_rates", 0) + 1
    assert_chain_intact(folder)
