"""Officers enrolled, disabled, listed and checked by the DBA (retention-admin officers …, db provision), on the
real database; the password policy; the test suite's own guard against touching roles it did not create."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from sqlalchemy import text

from retention_desktop.data import enrolment, provisioning, roles
from retention_desktop.domain.errors import InputError
from retention_desktop.domain.password_policy import CURRENT
from retention_desktop.services.officer_session import LoginError, log_in
from tests.support import bank_today, guard_role, role_password

GOOD = "Gangnam-Branch-7x"
TODAY = bank_today()  # the server checks a password's expiry against its own clock


def _role(db, name: str) -> dict:
    with db.engine.connect() as conn:
        row = conn.execute(text("""
            SELECT r.rolcanlogin, r.rolvaliduntil, r.rolsuper, r.rolconnlimit, a.rolpassword,
                   (SELECT array_agg(g.rolname ORDER BY g.rolname) FROM pg_auth_members m
                    JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) AS groups,
                   (SELECT s.setconfig FROM pg_db_role_setting s WHERE s.setrole = r.oid AND s.setdatabase = 0)
            FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid WHERE r.rolname = :n"""), {"n": name}).first()
    return None if row is None else dict(zip(("login", "valid_until", "super", "connlimit", "verifier", "groups",
                                              "settings"), row))


@pytest.fixture
def new_officer(db):
    """A new 행원 E2001 at 강남역지점 (branch code of branch 2), enrolled with the policy's expiry."""
    with db.engine.connect() as conn:
        code = conn.execute(text("SELECT code FROM branches WHERE id = 2")).scalar()
    added = enrolment.add_officer(db.engine, "e2001", "신입행원", code, "officer", GOOD, CURRENT.valid_until(TODAY))
    yield added
    with db.engine.connect() as conn:  # the role is cluster-wide: it goes with the test's database
        conn.execute(text(f"DROP OWNED BY {added.db_role}"))
        conn.execute(text(f"DROP ROLE IF EXISTS {added.db_role}"))
        conn.commit()


def test_an_enrolled_officer_logs_in_as_their_own_role_in_their_group(db, new_officer):
    assert new_officer.employee_no == "E2001" and new_officer.db_role == roles.login_role("E2001")
    assert new_officer.groups == (roles.group("officer"),) and new_officer.active and new_officer.can_login
    state = _role(db, new_officer.db_role)
    # the password reached the server as a SCRAM verifier only; expiry 90 days on; no powers; timeouts on the role
    assert state["verifier"].startswith("SCRAM-SHA-256$") and GOOD not in state["verifier"]
    assert state["valid_until"].date() == TODAY + dt.timedelta(days=90)
    assert not state["super"] and state["connlimit"] == enrolment.CONNECTION_LIMIT
    assert "statement_timeout=30s" in state["settings"] and "idle_in_transaction_session_timeout=15s" in state["settings"]
    session = log_in(db, "E2001", GOOD if os.environ.get("RETENTION_TEST_DATABASE_URL") else None)
    try:
        assert (session.name, session.role, session.branch_id) == ("신입행원", "officer", 2)
    finally:
        session.database.close()
    with db.engine.connect() as conn:
        audited = conn.execute(text("SELECT details->>'employee_no' FROM audit_log WHERE action = 'officer.enrol'")
                               ).scalars().all()
    assert audited == ["E2001"]


@pytest.mark.parametrize("password, words", [
    ("Short-1a", "12자 이상"),
    ("alllowercaseletters", "3종류 이상"),
    ("E2001-Password-x", "직원번호"),
    ("Abcd-1234-Password", "연속된 문자"),
    ("Paaaaass-word-11", "연속된 문자"),
    ("Pass word with-1", "공백"),
])
def test_the_password_policy_names_each_rule_broken(password, words):
    with pytest.raises(InputError, match=words) as caught:
        CURRENT.check(password, "E2001")
    assert password not in str(caught.value)  # never echoed
    assert CURRENT.problems(GOOD, "E2001") == []


def test_a_weak_password_is_refused_before_the_database_sees_anything(db, tmp_path):
    from retention_desktop.services import enrolment as service

    with pytest.raises(InputError, match="12자 이상"):
        service.add(tmp_path, False, lambda a: None, "E2002", "약한비번", "001", "officer", "short", None, TODAY)
    assert _role(db, roles.login_role("E2002")) is None


def test_duplicates_unknown_branches_and_foreign_roles_are_refused(db, new_officer):
    until = CURRENT.valid_until(TODAY)
    with pytest.raises(enrolment.EnrolmentError, match="이미 등록"):
        enrolment.add_officer(db.engine, "E2001", "또", "001", "officer", GOOD, until)
    with pytest.raises(enrolment.EnrolmentError, match="영업점 코드 999"):
        enrolment.add_officer(db.engine, "E2003", "누구", "999", "officer", GOOD, until)
    with pytest.raises(InputError, match="역할"):
        enrolment.add_officer(db.engine, "E2003", "누구", "001", "superuser", GOOD, until)
    # a role that exists but is nobody's officer (someone else's account) is never adopted
    foreign = roles.login_role("E2004")
    with db.engine.connect() as conn:
        conn.execute(text(f"CREATE ROLE {foreign} LOGIN"))
        conn.commit()
    try:
        with pytest.raises(enrolment.EnrolmentError, match="직원으로 등록되어 있지 않습니다"):
            enrolment.add_officer(db.engine, "E2004", "남의계정", "001", "officer", GOOD, until)
        assert _role(db, foreign)["groups"] is None
    finally:
        with db.engine.connect() as conn:
            conn.execute(text(f"DROP ROLE {foreign}"))
            conn.commit()


def test_a_disabled_officer_cannot_log_in_and_their_sessions_end(db, new_officer):
    session = log_in(db, "E2001", GOOD if os.environ.get("RETENTION_TEST_DATABASE_URL") else None)
    holder = session.database.engine.connect()  # an open session, as a workstation left logged in
    holder.execute(text("SELECT 1"))
    try:
        assert enrolment.disable_officer(db.engine, "E2001") == 1
        with pytest.raises(Exception):
            holder.execute(text("SELECT 1"))
    finally:
        holder.close()
        session.database.close()
    with pytest.raises(LoginError):
        log_in(db, "E2001", GOOD if os.environ.get("RETENTION_TEST_DATABASE_URL") else None)
    state = _role(db, new_officer.db_role)
    assert not state["login"]
    listed = {o.employee_no: o for o in enrolment.list_officers(db.engine)}["E2001"]
    assert not listed.active and not listed.can_login
    assert not [f for f in enrolment.check(db.engine, TODAY) if "E2001" in str(f)]  # disabled and NOLOGIN agree


def test_check_reports_officers_whose_row_and_granted_group_disagree(db, new_officer):
    def findings_for(who: str) -> list[str]:
        return [f.problem for f in enrolment.check(db.engine, TODAY) if f.subject.startswith(who)]

    assert findings_for("E2001") == []
    with db.engine.connect() as conn:  # a DBA grants the manager group by hand
        conn.execute(text(f"GRANT {roles.group('manager')} TO {new_officer.db_role}"))
        conn.commit()
    assert any("부여된 그룹은" in p and roles.group("manager") in p for p in findings_for("E2001"))
    with db.engine.connect() as conn:  # … and takes the officer group away: the row says officer, the grant manager
        conn.execute(text(f"REVOKE {roles.group('officer')} FROM {new_officer.db_role}"))
        conn.execute(text(f"ALTER ROLE {new_officer.db_role} VALID UNTIL '{TODAY - dt.timedelta(days=1)}'"))
        conn.commit()
    problems = findings_for("E2001")
    assert any(f"officer({roles.group('officer')})" in p and "manager" in p for p in problems)
    assert any("만료되었습니다" in p for p in problems)
    orphan = roles.login_role("E2999")
    with db.engine.connect() as conn:  # a login in an officer group with no officers row
        conn.execute(text(f"CREATE ROLE {orphan} LOGIN IN ROLE {roles.group('officer')}"))
        conn.execute(text(f"ALTER ROLE {roles.system('owner')} LOGIN"))
        conn.commit()
    try:
        found = [str(f) for f in enrolment.check(db.engine, TODAY)]
        assert any(orphan in f and "등록되어 있지 않습니다" in f for f in found)
        assert any(roles.system("owner") in f and "LOGIN" in f for f in found)
    finally:
        with db.engine.connect() as conn:
            conn.execute(text(f"DROP ROLE {orphan}"))
            conn.execute(text(f"ALTER ROLE {roles.system('owner')} NOLOGIN"))
            conn.commit()


def test_set_password_renews_the_expiry(db, new_officer):
    enrolment.set_password(db.engine, "E2001", "Another-Good-9q", TODAY + dt.timedelta(days=30))
    assert _role(db, new_officer.db_role)["valid_until"].date() == TODAY + dt.timedelta(days=30)


def test_provision_is_idempotent_and_leaves_the_owner_without_login(db, new_officer):
    with db.engine.connect() as conn:  # an officer enrolled before the timeouts existed gets them at provision
        conn.execute(text(f"ALTER ROLE {new_officer.db_role} RESET ALL"))
        conn.commit()
    before, after, states = provisioning.provision(db.engine)
    assert before == after
    kinds = {s.kind: s for s in states}
    assert set(kinds) == set(roles.GROUP_KINDS) | set(roles.SYSTEM_KINDS)
    assert not any(s.can_login for s in states)
    assert "statement_timeout=30s" in _role(db, new_officer.db_role)["settings"]


def test_the_suite_refuses_to_alter_roles_it_did_not_create(monkeypatch, server_url):
    """On a shared cluster the suite works under a prefix of its own; the installation's rd_ roles are refused."""
    monkeypatch.setenv("RETENTION_TEST_DATABASE_URL", "postgresql://x@localhost/postgres")
    monkeypatch.setenv(roles.PREFIX_ENV, "rdt0a1b2c_")
    assert guard_role("rdt0a1b2c_e1005") == "rdt0a1b2c_e1005"
    for foreign in ("rd_e1005", "rd_officer", "postgres", "rdt999999_e1005"):
        with pytest.raises(RuntimeError, match="refuses to alter role"):
            guard_role(foreign)
        with pytest.raises(RuntimeError, match="refuses to alter role"):
            role_password(server_url, foreign)
    monkeypatch.setenv(roles.PREFIX_ENV, "rd_")  # a run told to use the bank's own prefix alters nothing
    with pytest.raises(RuntimeError):
        guard_role("rd_e1005")
