"""The outside test of 1 Dec 2026, what revision 0017 closes of head office's policy data, officers' timeouts and
confirmed incomes (docs/security.md): each attack tried as the role's own login on the real database (a
psql-like connection), refused with a clear error, and the legitimate path beside it still working."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.support import bank_today
from tests.test_security_attacks import psql, sqlstate_of  # noqa: F401 (fixtures)

SAVE_POLICY = "SELECT api.save_policy(%s, %s::date, %s::jsonb, '', 'psql')"


def latest_policy(conn) -> dict:
    with conn.cursor() as cur:
        cur.execute("SELECT parameters FROM api.policies ORDER BY effective_from DESC LIMIT 1")
        parameters = cur.fetchone()[0]
    conn.rollback()
    return parameters


def with_legal_max(parameters: dict, legal_max: str) -> dict:
    """The policy with another legal maximum, the late-payment cap lowered with it where needed (the engine
    refuses a cap above the legal maximum, as the outside tester found)."""
    late = dict(parameters["late_payment"])
    late["cap_pct"] = min(late["cap_pct"], legal_max, key=float)
    return {**parameters, "legal_max_rate_pct": legal_max, "late_payment": late}


def policy_versions(conn) -> list[tuple[str, dt.date]]:
    with conn.cursor() as cur:
        cur.execute("SELECT version, effective_from FROM api.policies ORDER BY effective_from")
        rows = cur.fetchall()
    conn.rollback()
    return rows


# -- head office's policy dates and values --------------------------------------------------------------------------

def test_a_policy_version_dated_before_the_business_date_is_refused_with_psql(psql):
    """A version dated yesterday (or in 2025, between the seeded versions) would change the rules every quote,
    proposal and approval since that day was judged by: head office (E1005) is refused in words; dated today or
    later it is stored. The stored versions (revision 0003/0007's, dated 2024-2027) are untouched."""
    head_office = psql("E1005")
    parameters = latest_policy(head_office)
    before = policy_versions(head_office)
    today = bank_today()
    for day in (today - dt.timedelta(days=1), dt.date(2025, 8, 1)):
        code, message = sqlstate_of(head_office, SAVE_POLICY, "2099.01-past", day, json.dumps(parameters))
        assert code == "23514", message
        assert message == (f"psql · 시행일 {day} · 오늘 {today}: 시행일은 오늘(은행 영업일) 이후여야 합니다 "
                           "(지난 날짜로 등록하면 그날 이후의 견적·제안·승인을 판단한 기준이 바뀝니다)"), message
    assert policy_versions(head_office) == before
    # the business date itself, and a later day, are head office's to choose
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-today", today, json.dumps(parameters)) == (None, "")
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-later", today + dt.timedelta(days=400),
                       json.dumps(parameters)) == (None, "")
    assert len(policy_versions(head_office)) == len(before) + 2


def test_pricing_rules_dated_before_the_business_date_are_refused_with_psql(psql):
    """The pricing rules (the list-rate floor and every approval authority) are saved by the same write path and
    held to the same date rule."""
    head_office = psql("E1005")
    with head_office.cursor() as cur:
        cur.execute("SELECT parameters FROM api.pricing_rules ORDER BY effective_from DESC LIMIT 1")
        rules = cur.fetchone()[0]
    head_office.rollback()
    yesterday = bank_today() - dt.timedelta(days=1)
    code, message = sqlstate_of(head_office, "SELECT api.save_pricing_rules('t-past', %s, %s::jsonb, '', 'psql')",
                                yesterday, json.dumps(rules))
    assert code == "23514" and "시행일은 오늘(은행 영업일) 이후여야 합니다" in message, message
    assert sqlstate_of(head_office, "SELECT api.save_pricing_rules('t-today', %s, %s::jsonb, '', 'psql')",
                       bank_today(), json.dumps(rules)) == (None, "")


@pytest.mark.parametrize(("legal_max", "words"), [
    ("1", "legal_max_rate_pct = 1 · 상품 RL-CR-FX 최고금리 연 16%: 법정 최고금리가 판매 중인 상품의 최고금리보다 낮으면 "
          "은행 금리표대로 낸 제안이 거절됩니다 (상품의 최고금리를 먼저 낮추세요)"),
    ("15.9", "legal_max_rate_pct = 15.9 · 상품 RL-CR-FX 최고금리 연 16%"),
    ("25.5", "legal_max_rate_pct = 25.5: 법정 최고금리는 연 25%를 넘을 수 없습니다 (이자제한법 제2조제1항은 대통령령의 "
             "최고이자율을 연 25% 이내로 정합니다. 2021-07-07부터 연 20%)"),
    ("100", "legal_max_rate_pct = 100: 법정 최고금리는 연 25%를 넘을 수 없습니다"),
])
def test_a_legal_maximum_that_would_refuse_the_banks_own_rates_or_passes_the_statute_is_refused(psql, legal_max,
                                                                                                  words):
    """The outside tester stored a legal maximum of 1 %: every proposal of the bank was then refused (its list
    rate above the legal maximum) until a version dated tomorrow. Now the legal maximum is at least the highest
    rate of a product on sale (the demo's RL-CR-FX, 16 %) and at most the statute's ceiling for the decree
    (이자제한법 제2조제1항: 25 %)."""
    head_office = psql("E1005")
    parameters = with_legal_max(latest_policy(head_office), legal_max)
    code, message = sqlstate_of(head_office, SAVE_POLICY, "2099.01-max", bank_today() + dt.timedelta(days=30),
                                json.dumps(parameters))
    assert code == "23514" and message.startswith("psql · ") and words in message, message


@pytest.mark.parametrize("legal_max", ["16", "20", "24", "25"])
def test_a_legal_maximum_between_the_rate_sheet_and_the_statute_is_stored(psql, legal_max):
    head_office = psql("E1005")
    parameters = with_legal_max(latest_policy(head_office), legal_max)
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-max", bank_today() + dt.timedelta(days=30),
                       json.dumps(parameters)) == (None, "")


def test_the_rate_sheet_bound_follows_the_products_on_sale(psql, db):
    """Head office lowers the products' highest rate first (api.save_products), then the legal maximum may follow:
    a withdrawn product does not hold it up either."""
    from sqlalchemy import text

    head_office = psql("E1005")
    with db.session() as s:
        s.execute(text("UPDATE data.products SET max_rate_pct = 11 WHERE max_rate_pct > 11 AND code <> 'RL-CR-FX'"))
        s.commit()
    parameters = with_legal_max(latest_policy(head_office), "11")
    code, message = sqlstate_of(head_office, SAVE_POLICY, "2099.01-11", bank_today() + dt.timedelta(days=30),
                                json.dumps(parameters))
    assert code == "23514" and "상품 RL-CR-FX 최고금리 연 16%" in message, message
    with db.session() as s:
        s.execute(text("UPDATE data.products SET active = false WHERE code = 'RL-CR-FX'"))
        s.commit()
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-11", bank_today() + dt.timedelta(days=30),
                       json.dumps(parameters)) == (None, "")


# -- officers' timeouts -----------------------------------------------------------------------------------------------

def _timeouts(conn) -> tuple[str, str, str]:
    with conn.cursor() as cur:
        cur.execute("SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), "
                    "current_setting('idle_in_transaction_session_timeout')")
        values = cur.fetchone()
    conn.rollback()
    return values


def test_an_officer_who_resets_their_own_timeouts_falls_back_to_the_databases_and_is_reported(db, psql):
    """PostgreSQL lets any role reset its own defaults: E1007 runs ``ALTER ROLE <self> RESET ALL`` and, worse,
    ``ALTER ROLE <self> IN DATABASE … SET statement_timeout = 0`` (which overrides the role's own). Neither can be
    refused. What the set-up does about it: ``db provision`` gives the database the officers' statement and lock
    timeouts as defaults, so a reset role's sessions fall back to them; ``officers check`` reports both settings (and
    a database without the defaults), and ``db provision`` puts them right. The limits an officer cannot lift at all
    are PgBouncer's (tests/test_central_e2e.py)."""
    from retention_desktop.data import enrolment, provisioning, roles

    me = roles.login_role("E1007")

    def findings() -> list[str]:
        return [str(f) for f in enrolment.check(db.engine, bank_today())
                if "시간 제한" in f.problem and (f.subject == me or f.subject == db.url.database)]

    assert any("데이터베이스 기본 시간 제한이 없습니다: statement_timeout, lock_timeout" in f for f in findings())
    provisioning.provision(db.engine)
    try:
        assert findings() == []
        assert _timeouts(psql("E1007"))[:2] == ("30s", "10s")
        officer = psql("E1007")
        assert sqlstate_of(officer, f'ALTER ROLE "{me}" RESET ALL') == (None, "")  # PostgreSQL allows it
        assert _timeouts(psql("E1007")) == ("30s", "10s", "5min")  # the database's defaults
        assert findings() == [f"{me}: 직원 계정에 시간 제한 설정이 없습니다: statement_timeout, "
                              "idle_in_transaction_session_timeout, lock_timeout (그동안은 데이터베이스 기본값이 적용됩니다; "
                              "'db provision'이 다시 설정합니다)"]
        assert sqlstate_of(officer, f'ALTER ROLE "{me}" IN DATABASE "{db.url.database}" '
                                    "SET statement_timeout = '0ms'") == (None, "")
        assert _timeouts(psql("E1007"))[0] == "0"
        assert f"{me}: 직원 계정의 이 데이터베이스용 설정이 시간 제한을 끕니다: statement_timeout (ALTER ROLE … IN " \
               "DATABASE; 'db provision'이 지웁니다)" in findings()
        provisioning.provision(db.engine)
        assert findings() == []
        assert _timeouts(psql("E1007")) == ("30s", "10s", "15s")
    finally:
        with db.engine.connect() as conn:  # the role is the cluster's: leave it as the other tests expect it
            raw = conn.connection.dbapi_connection
            with raw.cursor() as cur:
                enrolment.apply_role_timeouts(cur, me)
            raw.commit()


# -- confirmed incomes: a second person above head office's threshold ---------------------------------------------

CUSTOMER = "C00000001"  # 강남역지점's, as E1007 (officer), E1008 (officer) and E1006 (manager) are


def _attach_junk(conn, customer_no: str, tail: bytes = b"0") -> str:
    with conn.cursor() as cur:
        cur.execute("SELECT api.attach_document(%s, NULL, 'income_proof', 'p.pdf', %s)",
                    (customer_no, b"%PDF-1.4\n" + tail * 64))
        digest = cur.fetchone()[0]
    conn.commit()
    return digest


def _confirm(conn, amount: int, digest: str, customer_no: str = CUSTOMER):
    """(state, notice) of api.confirm_income, or (SQLSTATE, message) of its refusal."""
    import psycopg2

    try:
        with conn.cursor() as cur:
            cur.execute("SELECT api.confirm_income(%s, %s, %s)", (customer_no, amount, digest))
            answer = cur.fetchone()[0]
        conn.commit()
        return answer["state"], answer["notice"]
    except psycopg2.Error as exc:
        conn.rollback()
        return exc.pgcode, exc.diag.message_primary


def _income(db, customer_no: str = CUSTOMER) -> int:
    from sqlalchemy import text

    with db.session() as s:
        return s.execute(text("SELECT annual_income FROM data.customers WHERE customer_no = :c"),
                         {"c": customer_no}).scalar()


def _audit(db, action: str) -> list[dict]:
    from sqlalchemy import text

    with db.session() as s:
        return [r for r, in s.execute(text("SELECT details FROM data.audit_log WHERE action = :a ORDER BY id"),
                                      {"a": action})]


def test_an_officer_alone_cannot_confirm_an_income_above_head_offices_threshold(db, psql):
    """Finding 7's remainder: E1007 attached junk starting %PDF to their own branch's customer and confirmed an
    income of 990억 won, alone. Now, above head office's threshold (1억 won from revision 0017, the bank's internal
    control rule), the proof and the request are recorded and the income does not change; a colleague officer
    cannot make it count either; the branch's manager, who neither asked nor attached it, confirms the same amount
    against the same proof and then it counts, recorded with who asked."""
    before = _income(db)
    officer, colleague, manager = psql("E1007"), psql("E1008"), psql("E1006")
    digest = _attach_junk(officer, CUSTOMER)
    state, notice = _confirm(officer, 99_000_000_000, digest)
    assert state == "pending", notice
    assert notice.startswith("연소득 99,000,000,000원은 소득 이중 확인 기준 100,000,000원을 넘어 지점장의 확인 후에 반영됩니다")
    assert _income(db) == before
    assert _confirm(officer, 99_000_000_000, digest)[0] == "pending"  # again: still only a request
    assert _confirm(colleague, 99_000_000_000, digest)[0] == "pending"  # another officer: a request too
    assert _income(db) == before
    pending = _audit(db, "customer.income_pending")
    assert [(p["requested"], p["threshold"]) for p in pending] == [(99_000_000_000, 100_000_000)] * 3
    # the manager sees what waits and may confirm it; the officers may not
    with manager.cursor() as cur:
        cur.execute("SELECT amount, requested_by, may_confirm FROM api.pending_income_confirmations(%s)", (CUSTOMER,))
        assert cur.fetchall() == [(99_000_000_000, "E1008", True)]  # the latest request replaced the earlier
    manager.rollback()
    with officer.cursor() as cur:
        cur.execute("SELECT may_confirm FROM api.pending_income_confirmations(%s)", (CUSTOMER,))
        assert cur.fetchall() == [(False,)]
    officer.rollback()
    # another amount than the one asked is a new request, not a confirmation
    assert _confirm(manager, 98_000_000_000, digest)[0] == "pending"
    assert _confirm(colleague, 99_000_000_000, digest)[0] == "pending"
    state, notice = _confirm(manager, 99_000_000_000, digest)
    assert (state, notice) == ("confirmed", "연소득을 99,000,000,000원으로 확인했습니다")
    assert _income(db) == 99_000_000_000
    confirmed = _audit(db, "customer.income_confirmed")[-1]
    assert (confirmed["confirmed"], confirmed["requested_by"]) == (99_000_000_000, "E1008")
    with manager.cursor() as cur:
        cur.execute("SELECT count(*) FROM api.pending_income_confirmations(%s)", (CUSTOMER,))
        assert cur.fetchone()[0] == 0
    manager.rollback()


def test_a_manager_cannot_confirm_an_income_against_a_proof_they_attached(db, psql):
    """The second person is neither the one who asked nor the one who attached the proof: a manager who attaches
    a proof and confirms 2억 won only records a request, however often."""
    before = _income(db)
    manager = psql("E1006")
    digest = _attach_junk(manager, CUSTOMER, b"1")
    assert _confirm(manager, 200_000_000, digest)[0] == "pending"
    assert _confirm(psql("E1007"), 200_000_000, digest)[0] == "pending"  # an officer asks: the manager attached it
    assert _confirm(manager, 200_000_000, digest)[0] == "pending"
    assert _income(db) == before
    with manager.cursor() as cur:
        cur.execute("SELECT may_confirm FROM api.pending_income_confirmations(%s)", (CUSTOMER,))
        assert cur.fetchall() == [(False,)]
    manager.rollback()


def test_within_the_threshold_an_officer_confirms_alone_and_head_office_sets_the_threshold(db, psql):
    """The legitimate path: an income up to the threshold counts at once (8,125만 won). Head office sets the
    threshold, dated and with its source (today or later, never in the past; nobody else may): at 5,000만 won the
    same income then waits for the manager."""
    officer, head_office = psql("E1007"), psql("E1005")
    digest = _attach_junk(officer, CUSTOMER, b"2")
    assert _confirm(officer, 81_250_000, digest)[0] == "confirmed"
    assert _income(db) == 81_250_000
    today = bank_today()
    code, message = sqlstate_of(officer, "SELECT api.set_income_confirmation_threshold(%s, 1, '내부통제기준')", today)
    assert code == "42501", message
    code, message = sqlstate_of(head_office, "SELECT api.set_income_confirmation_threshold(%s, 50000000, "
                                             "'은행 내부통제기준 제12조')", today - dt.timedelta(days=1))
    assert code == "23514" and "시행일은 오늘(은행 영업일) 이후여야 합니다" in message, message
    code, message = sqlstate_of(head_office, "SELECT api.set_income_confirmation_threshold(%s, 50000000, '')", today)
    assert code == "23514" and "근거" in message, message
    assert sqlstate_of(head_office, "SELECT api.set_income_confirmation_threshold(%s, 50000000, "
                                    "'은행 내부통제기준 제12조')", today) == (None, "")
    assert _confirm(officer, 82_000_000, digest)[0] == "pending"
    assert _income(db) == 81_250_000
    assert _audit(db, "head_office.income_confirmation_threshold")[-1]["source"] == "은행 내부통제기준 제12조"
    # raising it weakens the control: never from today (re-test of the fifth round: one admin raised it to 1,000억
    # effective at once, and an officer alone confirmed 9억); from tomorrow it may be, audited
    raise_to = "SELECT api.set_income_confirmation_threshold(%s, 100000000000, '은행 내부통제기준 제12조 개정')"
    code, message = sqlstate_of(head_office, raise_to, today)
    assert code == "23514" and "내일 이후" in message, message
    assert sqlstate_of(head_office, raise_to, today + dt.timedelta(days=1)) == (None, "")
    assert _confirm(officer, 83_000_000, digest)[0] == "pending"  # today's 5,000만 still holds


def test_the_desktop_tells_the_officer_the_income_waits_and_offers_it_to_the_manager(qtbot, login, db, tmp_path):
    """The officer attaches a proof of 2억 5,000만 won and confirms it: the panel says in words that the income does
    not count yet and why, and shows what waits; the branch manager's panel offers to confirm it, and then it
    counts."""
    from PySide6.QtWidgets import QMessageBox

    from retention_desktop.gui.documents_panel import DocumentsPanel
    from retention_desktop.gui.tasks import wait_for_tasks
    from tests.support import income_proof

    wait = 20_000
    before = _income(db)
    officer = login("E1007")
    panel = DocumentsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 320)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=wait):
        panel.show_for(officer, CUSTOMER, before)
    path = tmp_path / "2025 원천징수영수증.pdf"
    path.write_bytes(income_proof(250_000_000))
    with qtbot.waitSignal(panel.attached, timeout=wait):
        panel.attach_file(path, "income_proof")
    panel.income_dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: panel.pending_label.isVisible(), timeout=wait)
    assert ("연소득 250,000,000원은(는) 소득 이중 확인 기준 100,000,000원을(를) 넘어 아직 반영되지 않았습니다"
            in panel.message.text()), panel.message.text()
    assert "지점장이 확인하면 반영됩니다" in panel.message.text()
    assert panel.pending_label.isVisible() and "지점장 확인 대기: 연소득 250,000,000원" in panel.pending_label.text()
    assert "요청 E1007" in panel.pending_label.text() and not panel.pending_button.isVisible()
    panel.grab().save(str(tmp_path / "officer.png"))
    assert _income(db) == before
    manager = login("E1006")
    desk = DocumentsPanel()
    qtbot.addWidget(desk)
    desk.resize(900, 320)
    desk.show()
    with qtbot.waitSignal(desk.loaded, timeout=wait):
        desk.show_for(manager, CUSTOMER, before)
    assert desk.pending_button.isVisible()
    desk.pending_button.click()
    assert "E1007이(가) 요청한 연소득 250,000,000원" in desk.income_dialog.text()
    with qtbot.waitSignal(desk.income_confirmed, timeout=wait):
        desk.income_dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not desk.pending_label.isVisible(), timeout=wait)
    assert _income(db) == 250_000_000
    wait_for_tasks()
