"""The tamper-evident audit trail: the chain recomputed outside the database finds an edited, a deleted and an
inserted row made by the owner (a superuser who set the trigger aside), an anchor exported beforehand
catches even a full rewrite, and concurrent writers never fork the chain."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import text

from retention_desktop.domain.korean_time import KST

from retention_desktop.services import audit_trail
from tests.support import TEST_AS_OF

TRICKY = [
    ("customer.view", "C00000001", {"reason": "재대출 상담 \"중\"\n연락처\\확인", "n": 12345678901234567890}),
    ("customer.search", None, {"query_kind": "name", "results": 0, "nested": {"a": [1, 2.50, None, True]}}),
    ("import.policy", None, {}),
    ("session.login", None, {"emoji": "👍", "tab": "\t", "control": "\u0001"}),
]


def write(db, rows=TRICKY) -> None:
    with db.session() as s:
        for action, customer, details in rows:
            s.execute(text("SELECT data.audit(:a, :c, CAST(:d AS jsonb))"),
                      {"a": action, "c": customer, "d": json.dumps(details, ensure_ascii=False)})


def ids(db) -> list[int]:
    with db.session() as s:
        return s.execute(text("SELECT id FROM data.audit_log ORDER BY id")).scalars().all()


def test_python_and_the_database_serialise_a_row_byte_for_byte(db):
    write(db)
    with db.session() as s:
        rows = s.execute(text(
            "SELECT id, at, db_user, employee_no, client_addr, workstation, action, customer_no, details::text, "
            "data.audit_row_bytes(id, at, db_user, employee_no, client_addr, workstation, action, customer_no, details) "
            "FROM data.audit_log ORDER BY id")).all()
    assert len(rows) == len(TRICKY)
    for row in rows:
        assert audit_trail.canonical(*row[:9]) == bytes(row[9])


def test_an_untouched_chain_verifies(db, login):
    login("E1007")  # a login writes a row too
    write(db)
    result = audit_trail.verify(db)
    assert result.ok, result.findings()
    assert result.rows == len(TRICKY) + 1


def test_the_owner_editing_a_row_with_the_trigger_disabled_is_named(db):
    write(db)
    target = ids(db)[1]
    with db.session() as s:
        s.execute(text("ALTER TABLE data.audit_log DISABLE TRIGGER audit_log_append_only"))
        s.execute(text("UPDATE data.audit_log SET details = details || '{\"results\": 99}' WHERE id = :i"), {"i": target})
        s.execute(text("ALTER TABLE data.audit_log ENABLE TRIGGER audit_log_append_only"))
    result = audit_trail.verify(db)
    assert not result.ok and result.edited == [target] and not result.deleted_before and not result.inserted
    assert result.findings()[0] == f"edited: row {target} no longer matches its hash"


def test_the_owner_deleting_a_row_in_replica_mode_is_named(db):
    write(db)
    first, second, third, _fourth = ids(db)
    with db.session() as s:
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("DELETE FROM data.audit_log WHERE id = :i"), {"i": second})
    result = audit_trail.verify(db)
    assert not result.ok and result.deleted_before == [third] and not result.edited and not result.inserted
    assert "the row before row" in result.findings()[0]


def test_the_owner_inserting_a_well_chained_row_is_named(db):
    """A forged row, hashed properly onto an earlier row (as a careful forger would): it is not on the chain
    that leads to the head."""
    from retention_desktop.services.audit_trail import row_hash

    write(db)
    first = ids(db)[0]
    at = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)
    details = '{"reason": "정상 열람"}'
    with db.session() as s:
        prev = bytes(s.execute(text("SELECT row_hash FROM data.audit_log WHERE id = :i"), {"i": first}).scalar())
        digest = row_hash(prev, 999_999, at, "rd_e1006", "E1006", None, "ws", "customer.reveal", "C00000001", details)
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("INSERT INTO data.audit_log (id, at, db_user, employee_no, workstation, action, customer_no, "
                       "details, prev_hash, row_hash) VALUES (999999, :at, 'rd_e1006', 'E1006', 'ws', "
                       "'customer.reveal', 'C00000001', CAST(:d AS jsonb), :p, :h)"),
                  {"at": at, "d": details, "p": prev, "h": digest})
    result = audit_trail.verify(db)
    assert not result.ok and result.inserted == [999_999] and not result.edited and not result.deleted_before
    assert result.findings() == ["inserted: row 999999 is not on the chain",
                                 f"count: the chain head counts {len(TRICKY)} rows written, the table holds "
                                 f"{len(TRICKY) + 1}"]


def test_deleting_the_last_row_is_named(db):
    write(db)
    last = ids(db)[-1]
    with db.session() as s:
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("DELETE FROM data.audit_log WHERE id = :i"), {"i": last})
    result = audit_trail.verify(db)
    assert not result.ok and result.tail_deleted and result.head_id == last


def test_deleting_the_last_row_and_moving_the_head_back_is_named_by_the_count(db):
    """Finding 9 of the outside test: the owner deletes the last row and moves the head back to the row before
    it (trigger aside): every hash still chains, but the head's row count no longer matches the table."""
    write(db)
    last, before = ids(db)[-1], ids(db)[-2]
    with db.session() as s:
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("DELETE FROM data.audit_log WHERE id = :i"), {"i": last})
        s.execute(text("UPDATE data.audit_chain_head SET last_id = :b, "
                       "last_hash = (SELECT row_hash FROM data.audit_log WHERE id = :b)"), {"b": before})
    result = audit_trail.verify(db)
    assert not result.ok and not result.tail_deleted and not result.deleted_before
    assert result.findings() == [f"count: the chain head counts {len(TRICKY)} rows written, the table holds "
                                 f"{len(TRICKY) - 1}"]


def test_an_anchor_file_that_is_not_one_is_bad_input(tmp_path):
    from retention_desktop.domain.errors import InputError

    for content in ("not json\n", '{"last_id": 1}\n', "[1, 2]\n", '{"last_id": "x", "last_hash": "00"}\n'):
        (tmp_path / "a.jsonl").write_text(content, encoding="utf-8")
        with pytest.raises(InputError, match="앵커 파일"):
            audit_trail.read_anchors(tmp_path / "a.jsonl")


def test_an_anchor_catches_a_full_rewrite_by_the_owner(db, tmp_path):
    """The owner edits a row and recomputes every hash after it and the head: the chain verifies on its own —
    only the head exported beforehand shows it."""
    write(db)
    anchors = tmp_path / "anchors.jsonl"
    anchored = audit_trail.anchor(db, anchors)
    assert anchored["rows"] == len(TRICKY) and json.loads(anchors.read_text())["last_hash"] == anchored["last_hash"]
    with db.session() as s:
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE data.audit_log SET customer_no = 'C00000002' WHERE id = :i"), {"i": ids(db)[0]})
        s.execute(text("""
            DO $$
            DECLARE r record; previous bytea := decode(repeat('00', 32), 'hex'); digest bytea;
            BEGIN
                FOR r IN SELECT * FROM data.audit_log ORDER BY id LOOP
                    digest := sha256(previous || data.audit_row_bytes(r.id, r.at, r.db_user, r.employee_no,
                                     r.client_addr, r.workstation, r.action, r.customer_no, r.details));
                    UPDATE data.audit_log SET prev_hash = previous, row_hash = digest WHERE id = r.id;
                    previous := digest;
                END LOOP;
                UPDATE data.audit_chain_head SET last_hash = previous;
            END $$"""))
    assert audit_trail.verify(db).ok  # consistent on its own …
    result = audit_trail.verify(db, audit_trail.read_anchors(anchors))  # … but not with what was exported
    assert not result.ok and "the chain was rewritten" in result.findings()[0]


def test_concurrent_writers_never_fork_the_chain(db):
    errors = []

    def writer(n):
        try:
            for _ in range(15):
                write(db, [("customer.search", None, {"writer": n})])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = audit_trail.verify(db)
    assert result.ok and result.rows == 60, result.findings()


def test_the_chain_head_only_moves_forward(db):
    write(db)
    with pytest.raises(Exception, match="앞으로만"):
        with db.session() as s:
            s.execute(text("UPDATE data.audit_chain_head SET last_id = 1, row_count = 1"))


def test_audit_cli_verify_anchor_and_review(tmp_path):
    """`retention-admin audit verify|anchor|review` on a demo data folder (the embedded superuser)."""
    import subprocess
    import sys

    def admin(*args):
        return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", str(tmp_path), "--demo",
                               *args], capture_output=True, text=True, timeout=300)

    assert admin("db", "start").returncode == 0
    try:
        anchored = admin("audit", "anchor", "--out", str(tmp_path / "anchors.jsonl"))
        assert anchored.returncode == 0 and json.loads(anchored.stdout)["rows"] >= 1
        verified = admin("audit", "verify", "--anchors", str(tmp_path / "anchors.jsonl"))
        assert verified.returncode == 0 and verified.stdout.startswith("OK:") and "1 anchor(s) matched" in verified.stdout
        review = admin("audit", "review", "--month", dt.datetime.now(KST).strftime("%Y-%m"),  # the bank's month
                       "--min-repeats", "2")  # repeated searches (by hash): tests/test_security_search.py
        assert review.returncode == 0 and "접근기록 점검" in review.stdout
        bad = admin("audit", "review", "--month", "2026-13")
        assert bad.returncode == 2 and "Traceback" not in bad.stderr
    finally:
        admin("db", "stop")


def test_the_reviewer_sees_an_officers_reason_as_written_never_obeyed(login, db):
    """A reason is the officer's own words: terminal escapes, a carriage return or a right-to-left override in it
    are shown as escapes in the month's review (an outside tester's reason erased the line above it on the
    reviewer's terminal and printed "업무상 정상 조회입니다" in its place)."""
    from retention_desktop.services import customer_profile

    with db.session() as s:
        own = s.execute(text("SELECT c.customer_no FROM data.customers c JOIN data.officers o "
                             "ON o.branch_id = c.home_branch_id WHERE o.employee_no = 'E1007' "
                             "ORDER BY c.customer_no LIMIT 1")).scalar_one()
    forged = "\x1b[1A\x1b[2K\r업무상 정상 조회입니다 \u202e(고객 요청)"
    customer_profile.load_profile(login("E1007"), own, TEST_AS_OF, reveal_reason=forged)
    _lines, reasons = audit_trail.review(db, dt.datetime.now(KST).date())
    shown = [r.reason for r in reasons if r.employee_no == "E1007" and r.customer_no == own]
    assert shown == ["\\x1b[1A\\x1b[2K\\x0d업무상 정상 조회입니다 \\u202e(고객 요청)"]
    assert all(r.reason.isprintable() for r in reasons)
