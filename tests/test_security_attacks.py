"""The attacks of issue 13, each tried with an officer's own login (psql-like connections and the desktop's
services alike), each refused by the database in words — and the legitimate path beside it still working."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal

import psycopg2
import pytest
from sqlalchemy import text

from retention_desktop.data import api_calls, roles
from retention_desktop.services import applications as apps
from retention_desktop.services import customer_profile, documents, proposals
from retention_desktop.services import proposal_service as ps
from retention_desktop.services.limit_simulation import Toggles, simulate_for
from retention_desktop.services.offer_comparison import open_comparison
from retention_desktop.services.regulation import load_policies
from tests.support import TEST_AS_OF, bank_today, connect_as, income_proof, scan_image
from tests.test_security_applications import archive_proposal, real_quote, reloanable, session_reader


def sqlstate_of(conn, sql: str, *params) -> tuple[str | None, str]:
    """Run ``sql`` as the connection's role; (SQLSTATE, message) of the refusal, or (None, '')."""
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            if cur.description:
                cur.fetchall()
        conn.commit()
        return None, ""
    except psycopg2.Error as exc:
        conn.rollback()
        return exc.pgcode, exc.diag.message_primary


@pytest.fixture
def psql(db, server_url):
    opened = []

    def connect(employee_no: str):
        opened.append(connect_as(server_url, db.url.database, roles.login_role(employee_no)))
        return opened[-1]

    yield connect
    for conn in opened:
        conn.close()


@pytest.fixture
def other_customer(db) -> str:
    """A customer of 본점영업부 (branch 1) with a running credit loan a re-loan can be quoted for."""
    with db.session() as s:
        return s.execute(text("SELECT c.customer_no FROM data.customers c JOIN data.loans l ON l.customer_id = c.id "
                              "WHERE c.home_branch_id = 1 AND l.status = 'active' AND l.kind = 'credit' "
                              f"AND l.balance BETWEEN 5000000 AND 100000000 AND {reloanable('l')} "
                              "ORDER BY c.id LIMIT 1")).scalar()


def test_forged_approval_and_event_are_refused_and_the_manager_approves(login, psql, db):
    """`UPDATE applications SET state='approved', annual_rate_pct=0.5, amount=amount*3` plus a forged event
    "approved by manager E1006": refused; the filer cannot approve their own; the manager can."""
    officer = login("E1007")
    with officer.database.session() as s:
        proposal = archive_proposal(s, "L0000000001", "4.90")
        filed = api_calls.one(s, "file_application", proposal)
        api_calls.one(s, "move_application", filed["application_no"], "submitted", 1, "")
    number = filed["application_no"]
    conn = psql("E1007")
    assert sqlstate_of(conn, "UPDATE api.applications SET state = 'approved', annual_rate_pct = 0.5, "
                             "amount = amount * 3 WHERE application_no = %s", number)[0] == "42501"
    assert sqlstate_of(conn, "INSERT INTO api.application_events (application_id, officer_id, from_state, to_state, "
                             "comment) SELECT id, 6, 'submitted', 'approved', 'approved by manager E1006' "
                             "FROM api.applications WHERE application_no = %s", number)[0] == "42501"
    code, message = sqlstate_of(conn, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", number)
    assert code == "42501" and "스스로" in message
    # no argument names someone else: the actor is the login
    code, _message = sqlstate_of(conn, "SELECT * FROM api.move_application(%s, 'approved', 2, 'E1006 승인')", number)
    assert code == "42501"
    manager = login("E1006")
    assert apps.transition(manager, number, "approved", 2).state == "approved"
    with db.session() as s:
        row = s.execute(text("SELECT state, annual_rate_pct, amount, approved_by FROM data.applications "
                             "WHERE application_no = :n"), {"n": number}).one()
        events = s.execute(text("SELECT o.employee_no, e.to_state FROM data.application_events e "
                                "JOIN data.officers o ON o.id = e.officer_id ORDER BY e.id")).all()
    assert (row.state, str(row.annual_rate_pct), row.amount) == ("approved", "4.9000", 30_000_000)
    assert events == [("E1007", "draft"), ("E1007", "submitted"), ("E1006", "approved")]


def test_a_proposal_archive_cannot_be_rewritten_and_verification_follows_the_chain(login, db, tmp_path, psql):
    """`UPDATE proposals SET pdf=…, pdf_sha256=…` with a re-signed forgery: the officer cannot; the owner is
    stopped by the trigger; a superuser who goes around it is caught by verify-proposal, which compares with
    the hash the audit chain recorded at signing."""
    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    genuine = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state)
    # a forgery: the genuine file with a better rate typed in, re-signed with the (demo) key
    from retention_desktop.proposal import document, signing

    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    head = ps.letterhead(officer, TEST_AS_OF)
    rendered = document.render(ps.proposal_content(
        state, officer, "김하늘", genuine.proposal_no, TEST_AS_OF, now, ps.quote_input_document(state),
        ps.sha256_hex(b"forged"), simulate_for(state, load_policies(officer.database), Toggles()), True, head,
        "0" * 64))
    forged = signing.sign(rendered.pdf, ps.signing_identity(officer, tmp_path), rendered.signature_page,
                          rendered.signature_box, ps.stamp_lines(officer, head, now, True), now, None)
    conn = psql("E1007")
    assert sqlstate_of(conn, "UPDATE api.proposals SET pdf_sha256 = %s WHERE proposal_no = %s",
                       ps.sha256_hex(forged), genuine.proposal_no)[0] == "42501"
    with pytest.raises(Exception, match="보관된 제안서는 바꿀 수 없습니다"):
        with db.session() as s:  # even the owner (here the superuser, with the trigger in place)
            s.execute(text("UPDATE data.proposals SET pdf = :p, pdf_sha256 = :h WHERE proposal_no = :n"),
                      {"p": forged, "h": ps.sha256_hex(forged), "n": genuine.proposal_no})
    roots = ps.trust_roots(officer.database, tmp_path)
    assert ps.verify_pdf(officer.database, genuine.pdf, roots).ok
    with db.session() as s:  # a superuser rewrites the archive around the trigger
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE data.proposals SET pdf = :p, pdf_sha256 = :h, input_sha256 = :i WHERE proposal_no = :n"),
                  {"p": forged, "h": ps.sha256_hex(forged), "i": ps.sha256_hex(b"forged"), "n": genuine.proposal_no})
    of_forgery = ps.verify_pdf(officer.database, forged, roots)
    of_genuine = ps.verify_pdf(officer.database, genuine.pdf, roots)
    assert not of_forgery.ok and "보관 당시 기록된 제안서와 다릅니다" in of_forgery.reason
    assert not of_genuine.ok and "원본과 일치하지만" in of_genuine.reason


def test_other_branches_customers_cannot_be_exported(login, psql, db):
    """`\\copy (SELECT customer_no, name, phone, email, address FROM customers WHERE home_branch_id <> …)` and the
    call list's export: the officer's branch only, masked in the views, recorded when exported in full."""
    from retention_desktop.services.portfolio_scoring import export_excel, score_portfolio

    score_portfolio(db, TEST_AS_OF)
    conn = psql("E1007")
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM api.customers WHERE home_branch_id <> 2")
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT api.record_access('call_list.export', %s)", (TEST_AS_OF.isoformat(),))
        ticket = cur.fetchone()[0]
    conn.commit()
    with conn.cursor() as cur:
        cur.execute("SELECT DISTINCT branch_name FROM api.call_list_export(%s)", (ticket,))
        assert cur.fetchall() == [("강남역지점",)]
    conn.commit()
    officer = login("E1007")
    import tempfile
    from pathlib import Path

    import pandas as pd

    out = Path(tempfile.mkdtemp()) / "calls.xlsx"
    export_excel(officer.database, TEST_AS_OF, out)
    frame = pd.read_excel(out)
    assert set(frame["지점"]) == {"강남역지점"} and not frame["고객명"].str.contains(r"\*").any()
    with db.session() as s:
        exports = s.execute(text("SELECT employee_no, details FROM data.audit_log WHERE action = 'call_list.export' "
                                 "ORDER BY id")).all()
    assert [e for e, _d in exports] == ["E1007", "E1007"]
    assert exports[-1][1]["rows"] == len(frame) and exports[-1][1]["branch_id"] == 2


def test_other_branches_id_copies_cannot_be_downloaded(login, psql, other_customer, db):
    """An ID copy attached at 본점: its own officer downloads it (recorded); 강남역's cannot see it or fetch it."""
    home = login("E1002")
    jpeg = scan_image("JPEG")
    documents.attach(home, "id_copy", "id.jpg", jpeg, customer_no=other_customer)
    with db.session() as s:
        document_id = s.execute(text("SELECT id FROM data.documents WHERE kind = 'id_copy'")).scalar()
    assert documents.content_of(home, document_id) == jpeg
    conn = psql("E1007")
    code, message = sqlstate_of(conn, "SELECT api.record_access('document.download', %s)", str(document_id))
    assert code == "P0002" and "조회 범위 밖" in message
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM api.documents")
        assert cur.fetchone()[0] == 0
    conn.commit()
    with db.session() as s:
        downloads = s.execute(text("SELECT employee_no FROM data.audit_log WHERE action = 'document.download'")).all()
    assert downloads == [("E1002",)]


def test_other_branches_incomes_cannot_be_changed(login, psql, other_customer, db):
    """Without consultation access the customer is out of reach; with it, the proof can be attached but the income
    is confirmed only at the customer's managing branch (revision 0016), against an attached proof."""
    conn = psql("E1007")
    code, message = sqlstate_of(conn, "SELECT api.confirm_income(%s, 1, repeat('0', 64))", other_customer)
    assert code == "42501" and "상담 열람" in message
    officer = login("E1007")
    customer_profile.request_consultation(officer, other_customer, "내점 고객 재대출 상담")
    digest = documents.attach(officer, "income_proof", "원천징수영수증.pdf", income_proof(81_250_000),
                              customer_no=other_customer)
    code, message = sqlstate_of(conn, "SELECT api.confirm_income(%s, 81250000, %s)", other_customer, digest)
    assert code == "42501" and "관리 영업점" in message
    home = login("E1002")
    code, message = sqlstate_of(psql("E1002"), "SELECT api.confirm_income(%s, 1, repeat('0', 64))", other_customer)
    assert code == "22023" and "소득 증빙" in message
    documents.confirm_income(home, other_customer, 81_250_000, digest)
    with db.session() as s:
        income = s.execute(text("SELECT annual_income FROM data.customers WHERE customer_no = :c"),
                           {"c": other_customer}).scalar()
        recorded = s.execute(text("SELECT details FROM data.audit_log WHERE action = 'customer.income_confirmed'")).one()
    assert income == 81_250_000 and recorded[0]["evidence_sha256"] == digest


def test_a_manager_cannot_touch_loans_except_by_executing_an_approved_application(psql, db):
    conn = psql("E1006")
    for sql in ("UPDATE api.loans SET balance = 1, annual_rate_pct = 0.01 WHERE branch_id = 1",
                "UPDATE api.loans SET balance = 1 WHERE loan_no = 'L0000000001'",
                "INSERT INTO api.loans (loan_no, customer_id, branch_id, kind, principal, balance) "
                "VALUES ('L9999999999', 1, 2, 'credit', 90000000, 90000000)",
                "DELETE FROM api.loans WHERE loan_no = 'L0000000001'"):
        assert sqlstate_of(conn, sql)[0] == "42501", sql
    with db.session() as s:
        assert s.execute(text("SELECT balance FROM data.loans WHERE loan_no = 'L0000000001'")).scalar() == 30_000_000


@pytest.mark.parametrize(("break_it", "message"), [
    (lambda p: p.pop("stress"), "정책 변수 'stress.weights'이(가) 없습니다"),
    (lambda p: p["dsr"].update(cap_pct_bank="abc"), "정책 변수 'dsr.cap_pct_bank'이(가) 숫자가 아닙니다"),
    (lambda p: p["dsr"].update(cap_pct_bank="140"), "정책 변수 'dsr.cap_pct_bank'은(는) 0~100퍼센트 사이여야 합니다 (입력 140)"),
    (lambda p: p["ltv"]["price_caps"].update(bands=[[100, 1], [50, 2], [None, 3]]),
     "정책 변수 'ltv.price_caps.bands[1]': 구간은 상한이 커지는 순서여야 합니다"),
    (lambda p: p["ltv"]["price_caps"].update(bands=[[100, 1]]), "마지막 구간은 상한이 없어야 합니다 (upto null)"),
    (lambda p: p.update(withdrawal_days=0), "정책 변수 'withdrawal_days'은(는) 양의 정수여야 합니다"),
    (lambda p: p["stress"]["weights"]["phase3"].update(variable="1.5"), "0~1 사이의 비율이어야 합니다"),
    (lambda p: p["stress"]["rules"][0].update(weights="nope"),
     "정책 변수 'stress.rules[0].weights'은(는) stress.weights의 표 중 하나를 가리켜야 합니다"),
    (lambda p: p["stress"]["rules"].pop(), "마지막 규칙의 scope는 {}(그 밖의 모든 대출)여야 합니다"),
    (lambda p: p.update(unknown_parameter="1"), "정책 변수 'unknown_parameter'은(는) 엔진이 읽는 변수가 아닙니다"),
    (lambda p: p["late_payment"].update(cap_pct="25"), "'late_payment.cap_pct'(25)은(는) 'legal_max_rate_pct'(20"),
])
def test_a_malformed_policy_cannot_be_stored_by_anyone(login, db, psql, break_it, message):
    """A policy version the engine cannot read would break every quote: head office's function refuses it in
    words — Korean, as the engine's own check says it (domain/policy.py; the third outside test found psql answered in
    English) —, the table's CHECK refuses it even to a superuser; a good one is stored."""
    import copy
    import json

    with db.session() as s:
        good = s.execute(text("SELECT parameters FROM data.policies ORDER BY effective_from DESC LIMIT 1")).scalar()
    bad = copy.deepcopy(good)
    break_it(bad)
    conn = psql("E1005")
    code, refused = sqlstate_of(conn, "SELECT api.save_policy('2030.01-bad', '2030-01-01', %s::jsonb, '', 'psql')",
                                json.dumps(bad))
    assert code == "22023" and message in refused
    with pytest.raises(Exception, match="ck_policies_parameters_valid"):
        with db.session() as s:
            s.execute(text("INSERT INTO data.policies (version, effective_from, parameters) "
                           "VALUES ('2030.01-bad', '2030-01-01', CAST(:p AS jsonb))"), {"p": json.dumps(bad)})
    assert sqlstate_of(conn, "SELECT api.save_policy('2030.01-good', '2030-01-01', %s::jsonb, '', 'psql')",
                       json.dumps(good))[0] is None


def test_consultation_access_opens_another_branchs_customer_for_a_time_and_is_recorded(login, other_customer, db):
    officer = login("E1007")
    with pytest.raises(customer_profile.ConsultationNeeded, match="상담 열람"):
        customer_profile.load_profile(officer, other_customer, TEST_AS_OF)
    with pytest.raises(customer_profile.ProfileError, match="4자 이상"):
        customer_profile.request_consultation(officer, other_customer, "  상담 ")
    until = customer_profile.request_consultation(officer, other_customer, "내점 고객 재대출 상담")
    assert dt.timedelta(hours=7) < until - dt.datetime.now(dt.timezone.utc) <= dt.timedelta(hours=8)
    profile = customer_profile.load_profile(officer, other_customer, TEST_AS_OF)
    assert "*" not in profile.name and "****" in profile.phone
    with pytest.raises(customer_profile.ConsultationNeeded):  # a colleague has no access of their own
        customer_profile.load_profile(login("E1008"), other_customer, TEST_AS_OF)
    with db.session() as s:  # the access ends
        s.execute(text("UPDATE data.consultation_grants SET granted_at = now() - interval '9 hours', "
                       "expires_at = now() - interval '1 hour'"))
    with pytest.raises(customer_profile.ConsultationNeeded):
        customer_profile.load_profile(officer, other_customer, TEST_AS_OF)
    with db.session() as s:
        trail = s.execute(text("SELECT action, details FROM data.audit_log WHERE customer_no = :c ORDER BY id"),
                          {"c": other_customer}).all()
    assert [a for a, _d in trail] == ["customer.consultation_access", "customer.view"]
    assert trail[0][1]["reason"] == "내점 고객 재대출 상담" and trail[1][1]["outside_branch"] is True


def test_a_walk_in_customers_proposal_and_application_stay_with_the_branch_that_served_them(login, other_customer,
                                                                                            db, tmp_path):
    """A 본점 customer walks into 강남역: consultation access, a proposal, an application approved (the manager) and
    executed (a colleague: three people) at 강남역; the proposal stays on 강남역's list after the access ends. 본점
    sees its customer's application but cannot act on it."""
    officer, manager, colleague = login("E1007"), login("E1006"), login("E1008")
    customer_profile.request_consultation(officer, other_customer, "내점 고객 재대출 상담")
    with db.session() as s:
        loan_no = s.execute(text("SELECT l.loan_no FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
                                 "WHERE c.customer_no = :c AND l.status = 'active' AND l.kind = 'credit' "
                                 f"AND {reloanable('l')} ORDER BY l.id LIMIT 1"),
                            {"c": other_customer}).scalar()
    with officer.database.session() as s:
        proposal = archive_proposal(s, loan_no, "4.90")
    with db.session() as s:
        s.execute(text("UPDATE data.consultation_grants SET granted_at = now() - interval '9 hours', "
                       "expires_at = now() - interval '1 hour'"))
    assert proposal in [p.proposal_no for p in proposals.branch_proposals(officer)]
    line = next(p for p in proposals.branch_proposals(officer) if p.proposal_no == proposal)
    assert line.customer_no == other_customer and "*" in line.customer_name
    view = apps.create_from_proposal(officer, proposal)  # the proposal made here keeps the loan in reach
    view = apps.transition(officer, view.application_no, "submitted", view.row_version)
    home_manager = login("E1001")
    assert view.application_no in [a.application_no for a in apps.branch_applications(home_manager)]
    with pytest.raises(apps.ApplicationError, match="그 영업점에서 처리합니다"):
        apps.transition(home_manager, view.application_no, "approved", view.row_version)
    view = apps.transition(manager, view.application_no, "approved", view.row_version)
    view = apps.transition(colleague, view.application_no, "executed", view.row_version)
    with db.session() as s:
        booked = s.execute(text("SELECT branch_id FROM data.loans WHERE loan_no = :n"), {"n": view.new_loan_no}).scalar()
    assert booked == 2


def test_a_reveal_needs_a_reason_and_the_months_review_lists_it(login, db):
    from retention_desktop.services import audit_trail

    officer = login("E1007")
    with pytest.raises(customer_profile.ProfileError, match="4자 이상"):
        customer_profile.load_profile(officer, "C00000001", TEST_AS_OF, reveal_reason="  ")
    profile = customer_profile.load_profile(officer, "C00000001", TEST_AS_OF, reveal_reason="재대출 상담 중 연락처 확인")
    assert profile.revealed and "****" not in profile.phone
    from retention_desktop.domain.korean_time import KST

    # the month is the bank's (Korean time): at 00:00–09:00 KST the workstation's UTC date is still last month's
    lines, reasons = audit_trail.review(db, dt.datetime.now(KST).date())
    mine = next(line for line in lines if line.employee_no == "E1007")
    assert mine.reveals == 1 and mine.customers_viewed == 1 and mine.outside_branch == 0
    assert [(r.employee_no, r.action, r.reason) for r in reasons] == [
        ("E1007", "customer.reveal", "재대출 상담 중 연락처 확인")]


def test_demo_signing_key_is_encrypted_and_marked_demo(login, tmp_path, memory_keyring):
    from cryptography.hazmat.primitives import serialization

    from retention_desktop.proposal import pki

    officer = login("E1007")
    ps.signing_identity(officer, tmp_path)
    key_file = tmp_path / "pki" / pki.ROOT_KEY_FILE
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes() and not (tmp_path / "pki" / "demo-root-key.pem").exists()
    with pytest.raises(TypeError):  # no key without the passphrase from the keyring
        serialization.load_pem_private_key(key_file.read_bytes(), None)
    from cryptography import x509

    root = x509.load_pem_x509_certificate((tmp_path / "pki" / pki.ROOT_CERT_FILE).read_bytes())
    assert "DEMO" in root.subject.rfc4514_string()
    digest = hashlib.sha256(key_file.read_bytes()).hexdigest()
    ps.signing_identity(login("E1008"), tmp_path)  # another officer: the same root, unlocked from the keyring
    assert hashlib.sha256(key_file.read_bytes()).hexdigest() == digest


def test_the_search_lists_other_branches_customers_only_for_a_query_that_identifies_them(login, db, other_customer):
    """A prefix plus a mask would spell another branch's customers' names: prefixes list the officer's scope only;
    the full name, name and birth date, or the full number find a walk-in customer — masked, with their branch."""
    from retention_desktop.services.customer_search import search_customers

    officer = login("E1007")
    with db.session() as s:
        name, born = s.execute(text("SELECT name, birth_date FROM data.customers WHERE customer_no = :c"),
                               {"c": other_customer}).one()
    assert all(hit.in_scope for hit in search_customers(officer, name[:1]))
    assert other_customer not in [h.customer_no for h in search_customers(officer, name[:2])]
    assert other_customer not in [h.customer_no for h in search_customers(officer, other_customer[:-1])]
    for query in (name, f"{name} {born:%Y%m%d}", other_customer):
        hit = next(h for h in search_customers(officer, query) if h.customer_no == other_customer)
        assert not hit.in_scope and "*" in hit.name and hit.phone_masked == "***-****-****"
        assert hit.branch_name == "본점영업부"
    with db.session() as s:
        shown = s.execute(text("SELECT details ->> 'outside_branch' FROM data.audit_log "
                               "WHERE action = 'customer.search' ORDER BY id DESC LIMIT 1")).scalar()
    assert shown == "1"


def test_a_paper_proposal_is_checked_at_any_branch_without_handing_out_its_pdf(login, db, tmp_path, psql):
    """제안서 확인 at another branch's counter: by number alone it finds the proposal, masks the customer and
    withholds the archived PDF (it names the customer in full); with the QR's check code (the paper is in
    hand) the whole check runs. Every look-up is recorded first, also by the security role and when nothing is
    found; a wrong code or an unrecorded look-up gets nothing."""
    from retention_desktop.domain.proposal_code import check_code, qr_payload
    from retention_desktop.services.proposal_check import check_proposal

    maker = login("E1007")
    made = ps.create_proposal(maker, "L0000000001", TEST_AS_OF, tmp_path)
    with db.session() as s:
        stranger = s.execute(text(
            "SELECT o.employee_no FROM data.officers o, data.proposals p JOIN data.customers c ON c.id = p.customer_id "
            "WHERE p.proposal_no = :n AND o.role = 'officer' AND o.active AND o.branch_id <> p.branch_id "
            "AND o.branch_id <> c.home_branch_id ORDER BY o.id LIMIT 1"), {"n": made.proposal_no}).scalar()
        input_sha = s.execute(text("SELECT input_sha256 FROM data.proposals WHERE proposal_no = :n"),
                              {"n": made.proposal_no}).scalar()
    other = login(stranger)
    roots = ps.trust_roots(other.database, tmp_path)
    by_number = check_proposal(other.database, made.proposal_no, TEST_AS_OF, roots)
    assert by_number.found and not by_number.archived and not by_number.ok and "확인코드" in by_number.reason
    assert "*" in by_number.customer and "김하늘" not in by_number.customer
    payload = qr_payload(made.proposal_no, check_code(made.proposal_no, input_sha))
    with_code = check_proposal(other.database, payload, TEST_AS_OF, roots)
    assert with_code.ok and with_code.archived and with_code.summary
    # the maker's branch needs no code; the security role may check; an unknown number is recorded too
    assert check_proposal(maker.database, made.proposal_no, TEST_AS_OF, roots).ok
    security = login("E1050")
    assert check_proposal(security.database, payload, TEST_AS_OF, roots).ok
    assert not check_proposal(other.database, "P20261123-ABCDEF", TEST_AS_OF, roots).found
    conn = psql(stranger)
    assert sqlstate_of(conn, "SELECT pdf FROM api.proposal_check(%s, 'FFFFFFFFFFFFFFFF')",
                       99999999)[0] == "42501"  # no ticket of theirs: nothing
    with conn.cursor() as cur:
        cur.execute("SELECT api.record_access('proposal.check', %s)", (made.proposal_no,))
        ticket = cur.fetchone()[0]
    conn.commit()
    with conn.cursor() as cur:
        cur.execute("SELECT pdf, pdf_withheld, customer, input_sha256, pdf_sha256, stored_pdf_sha256, "
                    "recorded_pdf_sha256, quote_sha256, archived_facts, recorded_facts "
                    "FROM api.proposal_check(%s, 'FFFFFFFFFFFFFFFF')", (ticket,))
        pdf, withheld, customer, *hashes_and_facts = cur.fetchone()
    conn.commit()
    assert pdf is None and withheld and "김하늘" not in customer
    # fifth round (1 Dec 2026): the withheld answer gave input_sha256, from which the check code is computed, and
    # the PDF's sha256, which opens api.proposal_fingerprint: the whole PDF followed. Now neither, nor the facts.
    assert hashes_and_facts == [None] * 7
    wrong_code = check_proposal(other.database, qr_payload(made.proposal_no, "0000111122223333"), TEST_AS_OF, roots)
    assert wrong_code.found and not wrong_code.code_matches and "확인코드가" in wrong_code.reason
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM api.proposal_fingerprint(%s, NULL)", (made.proposal_no,))
        assert cur.fetchone()[0] == 0  # without the file's hash, nothing of the creator's audit row
    conn.commit()
    with db.session() as s:
        checks = s.execute(text("SELECT db_user, customer_no, details ->> 'found' FROM data.audit_log "
                                "WHERE action = 'proposal.check' ORDER BY id")).all()
    assert len(checks) == 7
    assert {c[0] for c in checks} == {roles.login_role(e) for e in (stranger, "E1007", "E1050")}
    assert checks[-3][2] == "false" and checks[-3][1] is None


def conn_reader(conn):
    """``real_quote``'s reader over a psycopg2 connection (the officer's own login, psql alike)."""
    def read(sql: str, params: dict):
        with conn.cursor() as cur:
            cur.execute(sql, params)
            row = cur.fetchone()
        conn.rollback()
        return row
    return read


def list_rate_floor(conn, loan_no: str, day: dt.date) -> str:
    """The database's list-rate floor for this loan's customer and kind on ``day`` (data.list_rate_floor_for), as
    api.archive_proposal tells the officer who claims a lower list rate. (Asked as the officer: the floor reads
    the customer's credit score under row-level security, which a superuser's session does not pass.)"""

    code, message, _ = _invented(conn, loan_no, as_of=day, valid_until=day + dt.timedelta(days=10),
                                 pdf=b"%PDF-1.7\n", list_rate="0.01")
    found = re.search(r"정상가 하한 연 ([0-9.]+)%", message)
    assert code == "23514" and found, message
    return found.group(1)


def _invented(conn, loan_no: str, *, as_of: dt.date, valid_until: dt.date, pdf: bytes, list_rate: str,
              score: int = 837) -> tuple[str | None, str, str]:
    """Finding 1 of the outside test: an officer archives an invented 3.5 % re-loan with psql, claiming a list
    rate (since revision 0014 the database's floor at the lowest: a lower one is refused) and a credit score of 837
    in the quote's JSON; the loan's own figures (balance, rate, the schedule's payment) are real, as the database
    now checks them."""
    import json
    import secrets

    number = f"P{bank_today():%Y%m%d}-{secrets.token_hex(3).upper()}"
    quote_input, quote_output = real_quote(conn_reader(conn), loan_no, "3.5", as_of=as_of,
                                           list_rate=list_rate)
    quote_input["borrower"] = {"credit_score": score}
    code, message = sqlstate_of(
        conn, "SELECT api.archive_proposal(%s, %s, %s, '2025.10-1015', 'x', %s::jsonb, %s::jsonb, %s, %s)",
        number, loan_no, valid_until, json.dumps(quote_input), json.dumps(quote_output), "a" * 64,
        psycopg2.Binary(pdf))
    return code, message, number


def test_an_officer_cannot_book_an_invented_deal(login, psql, db):
    """The outside tester's attack (E1007 invents a 3.5 % re-loan of a 6.32 % loan, records the customer's
    acceptance, a colleague files, E1007 approves, the manager executes) fails at each step that made it work:
    a 9-byte "PDF", a quote dated 2020 or valid until yesterday, the author approving, the claimed list rate
    (the authority is measured from the database's own), the claimed credit score."""
    from tests.test_security_applications import fake_pdf

    with db.session() as s:
        loan_no, customer_id = s.execute(text(
            "SELECT l.loan_no, l.customer_id FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
            "WHERE l.branch_id = 2 AND c.home_branch_id = 2 AND l.kind = 'credit' AND l.status = 'active' "
            "AND l.annual_rate_pct > 6 AND l.balance BETWEEN 5000000 AND 100000000 ORDER BY l.id LIMIT 1")).one()
        today = s.execute(text("SELECT data.bank_today()")).scalar()
    author, peer, manager = psql("E1007"), psql("E1008"), psql("E1006")
    soon = today + dt.timedelta(days=10)
    floor = list_rate_floor(author, loan_no, today)
    assert _invented(author, loan_no, as_of=today, valid_until=soon, pdf=b"%PDF-1.4\n", list_rate=floor)[0] == "22023"
    assert _invented(author, loan_no, as_of=today, valid_until=soon, pdf=b"%PDF-1.4\n" + b"0" * 2000,
                     list_rate=floor)[0] == "22023"
    code, message, _ = _invented(author, loan_no, as_of=dt.date(2020, 1, 1), valid_until=dt.date(2020, 1, 15),
                                 pdf=fake_pdf(), list_rate=floor)
    assert code == "22023" and "견적일" in message
    code, message, _ = _invented(author, loan_no, as_of=today - dt.timedelta(days=3),
                                 valid_until=today - dt.timedelta(days=1), pdf=fake_pdf(), list_rate=floor)
    assert code == "22023" and "유효기간" in message
    # the tester's claimed list rate of 3.6 %, below the rules' floor for this customer: refused since 0014
    code, message, _ = _invented(author, loan_no, as_of=today, valid_until=soon, pdf=fake_pdf(), list_rate="3.6")
    assert code == "23514" and "정상가 하한" in message, message
    # archived at the floor (a signed PDF's shape, the loan's real figures) and accepted by its author: the database
    # cannot know that the customer never saw it
    code, message, number = _invented(author, loan_no, as_of=today, valid_until=soon, pdf=fake_pdf(), list_rate=floor)
    assert code is None, message
    assert sqlstate_of(author, "SELECT api.record_proposal_decision(%s, 'accepted')", number)[0] is None
    code, message = sqlstate_of(peer, "SELECT * FROM api.file_application(%s)", number)
    assert code is None, message
    with db.session() as s:
        application = s.execute(text("SELECT application_no FROM data.applications a JOIN data.proposals p "
                                     "ON p.id = a.proposal_id WHERE p.proposal_no = :n"), {"n": number}).scalar()
    assert sqlstate_of(peer, "SELECT * FROM api.move_application(%s, 'submitted', 1, '')", application)[0] is None
    code, message = sqlstate_of(author, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)
    assert code == "42501" and "제안서를 만든 직원" in message
    code, message = sqlstate_of(manager, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)
    assert code == "42501" and "지점장 전결 한도" in message, message  # measured from the database's list rate
    with db.session() as s:
        status = s.execute(text("SELECT status FROM data.loans WHERE loan_no = :n"), {"n": loan_no}).scalar()
    assert status == "active"
    # the product's minimum credit score reads data.credit_scores, not the quote's 837
    assert sqlstate_of(peer, "SELECT * FROM api.move_application(%s, 'cancelled', 2, '')", application)[0] is None
    with db.session() as s:
        s.execute(text("UPDATE data.credit_scores SET score = 300 WHERE customer_id = :c"), {"c": customer_id})
        s.execute(text("UPDATE data.products SET min_credit_score = 500 WHERE loan_kind = 'credit'"))
    code, message = sqlstate_of(peer, "SELECT * FROM api.file_application(%s)", number)
    assert code == "55000" and "상품이 없습니다" in message, message


def test_an_expired_proposal_is_neither_accepted_nor_filed(login, psql, db):
    """A proposal past its validity (유효기간) cannot be accepted or filed: the server's date decides."""
    officer = login("E1007")
    with officer.database.session() as s:
        accepted = archive_proposal(s, "L0000000001", "4.90")
    conn = psql("E1007")
    code, message, fresh = _invented(conn, "L0000000001", as_of=bank_today(),
                                     valid_until=bank_today() + dt.timedelta(days=14),
                                     list_rate=list_rate_floor(conn, "L0000000001", bank_today()),
                                     pdf=__import__("tests.test_security_applications",
                                                    fromlist=["fake_pdf"]).fake_pdf())
    assert code is None, message
    with db.session() as s:  # time passes: only a superuser can move the validity back, with the trigger off
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE data.proposals SET valid_until = data.bank_today() - 1 "
                       "WHERE proposal_no IN (:a, :b)"), {"a": accepted, "b": fresh})
    code, message = sqlstate_of(conn, "SELECT api.record_proposal_decision(%s, 'accepted')", fresh)
    assert code == "55000" and "유효기간" in message
    code, message = sqlstate_of(conn, "SELECT * FROM api.file_application(%s)", accepted)
    assert code == "55000" and "유효기간" in message


def test_a_proposal_keeps_consultation_access_the_officers_own_and_does_not_renew_it(login, psql, other_customer, db):
    """Finding 5 of the outside test: E1011 (branch 3) asks consultation access to a 본점 customer and archives a
    proposal; the proposal put the customer in scope for the whole branch for 30 days, renewable by more
    proposals. Now: the colleague E1012 and the manager E1010, who never asked, do not see the customer; once
    the access ends, the author keeps the customer only for the proposal's validity and cannot make another."""
    author = login("E1011")
    customer_profile.request_consultation(author, other_customer, "내점 고객 재대출 상담")
    with db.session() as s:
        loan_no = s.execute(text("SELECT l.loan_no FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
                                 "WHERE c.customer_no = :c AND l.status = 'active' AND l.kind = 'credit' "
                                 "AND l.annual_rate_pct > 5 LIMIT 1"), {"c": other_customer}).scalar()
    with author.database.session() as s:
        archive_proposal(s, loan_no, "4.90")

    def sees(employee_no: str) -> bool:
        conn = psql(employee_no)
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM api.customers WHERE customer_no = %s", (other_customer,))
            seen = cur.fetchone()[0] == 1
        conn.rollback()
        return seen

    assert sees("E1011") and not sees("E1012") and not sees("E1010")
    with db.session() as s:  # the access ends
        s.execute(text("UPDATE data.consultation_grants SET granted_at = now() - interval '9 hours', "
                       "expires_at = now() - interval '1 hour'"))
    assert sees("E1011")  # the proposal still valid: the author can still take the customer's decision
    with pytest.raises(api_calls.Refused, match="상담 열람") as refused:
        with author.database.session() as s:
            archive_proposal(s, loan_no, "4.80")
    assert refused.value.sqlstate == "42501"
    with db.session() as s:  # the proposal's validity ends (only a superuser moves it, the trigger set aside)
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE data.proposals SET valid_until = data.bank_today() - 1"))
    assert not sees("E1011")


def test_a_proposals_fingerprint_answers_only_whoever_holds_the_file_or_its_scope(login, psql, db):
    """Finding 9 of the outside test: api.proposal_fingerprint('P…') gave any officer of any branch another
    branch's customer number, loan number, officer and time. Now another branch gets nothing without the file's
    hash; with it (the verifier holds the file) or within the branch, the chained row comes back."""
    from tests.test_security_applications import fake_pdf

    maker = login("E1007")
    pdf = fake_pdf()
    number = f"P{bank_today():%Y%m%d}-ABCDEF"
    with maker.database.session() as s:
        api_calls.scalar(s, "archive_proposal", number, "L0000000001", bank_today() + dt.timedelta(days=14),
                         "2025.10-1015", "test", *real_quote(session_reader(s), "L0000000001", "4.90"), "b" * 64, pdf)
    digest = hashlib.sha256(pdf).hexdigest()

    def fingerprint(employee_no: str, *args) -> list:
        conn = psql(employee_no)
        with conn.cursor() as cur:
            cur.execute("SELECT audit_customer_no FROM api.proposal_fingerprint(%s" + ", %s" * len(args) + ")",
                        (number, *args))
            rows = cur.fetchall()
        conn.rollback()
        return rows

    assert fingerprint("E1011") == [] and fingerprint("E1011", "0" * 64) == []
    assert fingerprint("E1011", digest) == [("C00000001",)]
    assert fingerprint("E1008") == [("C00000001",)]  # the branch that made it
    assert fingerprint("E1050") == [("C00000001",)]  # the security group


def _archive_signed(officer, state, pdf: bytes, proposal_no: str) -> str:
    """Archive ``pdf`` with the genuine quote of ``state`` as the officer's own workstation would (psql alike)."""
    from retention_desktop.domain import exact_json
    from retention_desktop.domain.comparison import ENGINE_VERSION
    from retention_desktop.domain.quote import option_document

    quote_input = ps.quote_input_document(state)
    output = exact_json.loads(exact_json.dumps({
        "options": [option_document(o) for o in state.comparison.options], "proposed_action": state.offer.action,
        "list_rate_pct": state.offer.price.list_rate_pct}, indent=None))
    input_sha = ps.sha256_hex(exact_json.dumps(quote_input, indent=None).encode("utf-8"))
    with officer.database.session() as s:
        return api_calls.scalar(s, "archive_proposal", proposal_no, state.loan_no, TEST_AS_OF + dt.timedelta(days=14),
                                state.policy.version, ENGINE_VERSION, quote_input, output, input_sha, pdf)


def test_a_pdf_the_officer_signed_and_archived_with_a_genuine_quote_is_not_verified(login, tmp_path):
    """Finding 3 of the outside test: the officer signs any PDF with their own certificate (here one that even
    names a proposal number and input hash, as a genuine proposal's information does) and archives it with a
    genuine quote. The signature verifies and the file is the archived one, but it carries no printed facts
    tied to the quote: verify-proposal and 제안서 확인 refuse it, in words. The genuine flow verifies."""
    import io
    import secrets

    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    from retention_desktop.proposal import signing
    from retention_desktop.services.proposal_check import check_proposal

    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    genuine = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state)
    roots = ps.trust_roots(officer.database, tmp_path)  # the DEMO root made with the first proposal
    assert ps.verify_pdf(officer.database, genuine.pdf, roots).ok

    number = f"P{bank_today():%Y%m%d}-{secrets.token_hex(3).upper()}"
    buffer = io.BytesIO()
    page = Canvas(buffer)
    page.drawString(72, 720, "Re-loan at 1.9 % - anything the officer likes " * 3)
    page.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    input_sha = ps.sha256_hex(ps.exact_json.dumps(ps.quote_input_document(state), indent=None).encode("utf-8"))
    writer.add_metadata({"/RetentionProposalNo": number, "/RetentionInputSha256": input_sha})
    unsigned = io.BytesIO()
    writer.write(unsigned)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    arbitrary = signing.sign(unsigned.getvalue(), ps.signing_identity(officer, tmp_path), 0, (72, 72, 300, 160),
                             ["E1007"], now)
    assert signing.verify(arbitrary, roots).ok  # the officer's own certificate is trusted
    _archive_signed(officer, state, arbitrary, number)
    result = ps.verify_pdf(officer.database, arbitrary, roots)
    assert not result.ok and "proposal-facts.json" in result.reason, result.reason
    check = check_proposal(officer.database, number, TEST_AS_OF, roots)
    assert check.found and not check.archived and not check.ok and "proposal-facts.json" in check.reason


def test_a_genuine_proposal_signed_with_changed_facts_is_not_verified(login, tmp_path, monkeypatch):
    """The officer's workstation prints (and embeds) a lower rate and payment than the quote it archives: the
    database reads the quote's own figures (data.proposal_facts) and the verification names what differs."""
    from retention_desktop.domain import proposal_facts
    from retention_desktop.services.proposal_check import check_proposal

    officer = login("E1007")
    honest = ps.printed_facts

    def better_than_quoted(*args):
        facts = honest(*args)
        return {**facts, "annual_rate_pct": "1.9", "monthly_payment": facts["monthly_payment"] - 50_000}

    monkeypatch.setattr(ps, "printed_facts", better_than_quoted)
    forged = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    roots = ps.trust_roots(officer.database, tmp_path)
    result = ps.verify_pdf(officer.database, forged.pdf, roots)
    assert not result.ok and "보관된 견적과 다릅니다" in result.reason
    assert proposal_facts.FIELDS["annual_rate_pct"] in result.reason and "월 상환액" in result.reason
    assert "기간" not in result.reason  # only what differs is named
    check = check_proposal(officer.database, forged.proposal_no, TEST_AS_OF, roots)
    assert not check.ok and "보관된 견적과 다릅니다" in check.reason


def test_the_quote_hash_is_the_databases_and_its_audit_row_records_the_facts(login, db, tmp_path):
    """The archive stores the quote's sha256 computed by the database (not the workstation's input hash) and the
    chained audit row records it with the facts; a superuser who rewrites the archived quote around the trigger
    is found by verify-proposal."""
    officer = login("E1007")
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    with db.session() as s:
        row = s.execute(text(
            "SELECT p.quote_sha256, p.input_sha256, data.quote_sha256(p.quote_input, p.quote_output) AS fresh, "
            "a.details FROM data.proposals p JOIN data.audit_log a ON a.action = 'proposal.create' "
            "AND a.details ->> 'proposal_no' = p.proposal_no WHERE p.proposal_no = :n"), {"n": made.proposal_no}).one()
    assert row.quote_sha256 == row.fresh != row.input_sha256
    assert row.details["quote_sha256"] == row.quote_sha256
    assert row.details["facts"]["loan_no"] == "L0000000001" and row.details["facts"]["action"] == made.action
    roots = ps.trust_roots(officer.database, tmp_path)
    assert ps.verify_pdf(officer.database, made.pdf, roots).ok
    with db.session() as s:
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE data.proposals SET quote_output = jsonb_set(quote_output, '{options,0,monthly_payment}', "
                       "'1') WHERE proposal_no = :n"), {"n": made.proposal_no})
    result = ps.verify_pdf(officer.database, made.pdf, roots)
    assert not result.ok and ("보관된 견적" in result.reason), result.reason


def test_demo_certificates_are_refused_in_central_mode(login, tmp_path):
    """In central mode a DEMO certificate is never trusted, even if head office pinned a DEMO root by mistake:
    the trust-root check says so in words. The same file verifies in the embedded demo."""
    from retention_desktop.data.database import Database
    from retention_desktop.proposal import pki, signing

    officer = login("E1007")
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    demo_roots = pki.demo_roots(tmp_path / "pki")
    assert demo_roots and all(pki.is_demo_pem(pem) for pem in demo_roots)
    assert signing.verify(made.pdf, demo_roots).ok
    refused = signing.verify(made.pdf, demo_roots, allow_demo=False)
    assert not refused.ok and not refused.trusted and refused.reason == signing.DEMO_REFUSED
    central = Database("central", officer.database.url, officer.database.engine)
    result = ps.verify_pdf(central, made.pdf, demo_roots)
    assert not result.ok and "DEMO" in result.reason and "중앙" in result.reason
    with pytest.raises(Exception, match="데모\\(DEMO\\) 인증서는 신뢰 루트로 등록할 수 없습니다"):
        with login("E1005").database.session() as s:  # head office cannot pin the DEMO root, even by mistake
            api_calls.scalar(s, "add_trust_root", demo_roots[0].decode("ascii"), "CN=Retention Demo Root CA (DEMO)",
                             "test")
    with central.session() as s:
        assert api_calls.rows(s, "pinned_trust_roots") == []
    assert ps.trust_roots(central, tmp_path) == []  # central mode trusts nothing DEMO
    assert ps.verify_pdf(officer.database, made.pdf, ps.trust_roots(officer.database, tmp_path)).ok


def _submitted_at_the_floor(author, peer, loan_no: str, today: dt.date, db) -> str:
    """An invented proposal archived by ``author`` at the customer's list-rate floor, accepted, filed and submitted
    by ``peer``: the application's number (each step asserted to pass)."""
    from tests.test_security_applications import fake_pdf

    code, message, number = _invented(author, loan_no, as_of=today, valid_until=today + dt.timedelta(days=10),
                                      pdf=fake_pdf(), list_rate=list_rate_floor(author, loan_no, today))
    assert code is None, message
    assert sqlstate_of(author, "SELECT api.record_proposal_decision(%s, 'accepted')", number)[0] is None
    assert sqlstate_of(peer, "SELECT * FROM api.file_application(%s)", number)[0] is None
    with db.session() as s:
        application = s.execute(text("SELECT application_no FROM data.applications a JOIN data.proposals p "
                                     "ON p.id = a.proposal_id WHERE p.proposal_no = :n"), {"n": number}).scalar()
    assert sqlstate_of(peer, "SELECT * FROM api.move_application(%s, 'submitted', 1, '')", application)[0] is None
    return application


def _lowest_approvable(manager, application: str) -> Decimal:
    """The lowest rate the manager's authority allows, as the database's refusal of an approval says it."""
    code, message = sqlstate_of(manager, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)
    assert code == "42501" and "지점장 전결 한도" in message, message
    return Decimal(re.search(r"연 ([0-9.]+)% 이상", message).group(1))


def test_the_list_rate_floor_counts_only_the_discounts_the_customer_earns(psql, db):
    """The database's list-rate floor (the base of every approval authority) subtracted the salary-transfer and
    tenure discounts from everyone; now only from a customer with salary transfer, and with tenure_discount_years
    as a customer by today (data.customers). Seen in the manager's refusal of an invented 3.5 % re-loan, which
    names the lowest rate the authority allows: 0.20 %p higher without salary transfer, 0.10 %p more for a
    customer of less than five years (db/versions/0004's pricing rules)."""

    with db.session() as s:
        loan_no, customer_id = s.execute(text(
            "SELECT l.loan_no, l.customer_id FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
            "WHERE l.branch_id = 2 AND c.home_branch_id = 2 AND l.kind = 'credit' AND l.status = 'active' "
            "AND l.annual_rate_pct > 6 AND l.balance BETWEEN 5000000 AND 100000000 ORDER BY l.id LIMIT 1")).one()
        today = s.execute(text("SELECT data.bank_today()")).scalar()
        s.execute(text("UPDATE data.customers SET salary_transfer = true, created_on = :old WHERE id = :c"),
                  {"old": today - dt.timedelta(days=365 * 10), "c": customer_id})
    author, peer, manager = psql("E1007"), psql("E1008"), psql("E1006")
    application = _submitted_at_the_floor(author, peer, loan_no, today, db)

    def lowest() -> Decimal:
        return _lowest_approvable(manager, application)

    with_both = lowest()
    with db.session() as s:
        s.execute(text("UPDATE data.customers SET salary_transfer = false WHERE id = :c"), {"c": customer_id})
    without_salary = lowest()
    with db.session() as s:
        s.execute(text("UPDATE data.customers SET created_on = :new WHERE id = :c"),
                  {"new": today - dt.timedelta(days=365), "c": customer_id})
    assert without_salary - with_both == Decimal("0.20")
    assert lowest() - without_salary == Decimal("0.10")


@pytest.mark.parametrize("part", ["cost_pct", "liquidity_premium_pct", "secured_risk_factor"])
def test_the_list_rate_floor_reads_no_missing_part_of_the_rules_as_zero(psql, db, part):
    """The second outside test: pricing rules without the loan's kind in a per-kind map (api.save_pricing_rules now
    refuses them, and since revision 0015 the table's CHECK too; here put in by the owner, as rules stored before
    that would be) gave a floor with that part read
    as 0, so a manager could approve a rate below the true floor. Now there is no floor, and the approval is refused
    in words."""
    import json
    with db.session() as s:
        loan_no = s.execute(text(
            "SELECT l.loan_no FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
            "WHERE l.branch_id = 2 AND c.home_branch_id = 2 AND l.kind = 'credit' AND l.status = 'active' "
            "AND l.annual_rate_pct > 6 AND l.balance BETWEEN 5000000 AND 100000000 ORDER BY l.id LIMIT 1")).scalar()
        today = s.execute(text("SELECT data.bank_today()")).scalar()
    from tests.test_security_applications import fake_pdf
    author, peer, manager = psql("E1007"), psql("E1008"), psql("E1006")
    code, message, number = _invented(author, loan_no, as_of=today, valid_until=today + dt.timedelta(days=10),
                                      pdf=fake_pdf(), list_rate=list_rate_floor(author, loan_no, today))
    assert code is None, message
    assert sqlstate_of(author, "SELECT api.record_proposal_decision(%s, 'accepted')", number)[0] is None
    assert sqlstate_of(peer, "SELECT * FROM api.file_application(%s)", number)[0] is None
    with db.session() as s:
        application = s.execute(text("SELECT application_no FROM data.applications a JOIN data.proposals p "
                                     "ON p.id = a.proposal_id WHERE p.proposal_no = :n"), {"n": number}).scalar()
    assert sqlstate_of(peer, "SELECT * FROM api.move_application(%s, 'submitted', 1, '')", application)[0] is None
    code, message = sqlstate_of(manager, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)
    assert code == "42501" and "지점장 전결 한도" in message, message  # a floor, the 3.5 % below it
    with db.session() as s:  # rules stored before revision 0015's CHECK, which guards only rows written since
        s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("ALTER TABLE data.pricing_rules DROP CONSTRAINT ck_pricing_rules_within_bounds"))
        s.execute(text(f"UPDATE data.pricing_rules SET parameters = parameters #- '{{{part},credit}}'"))
        s.execute(text("ALTER TABLE data.pricing_rules ADD CONSTRAINT ck_pricing_rules_within_bounds "
                       "CHECK (data.pricing_rules_bound_problem(parameters) IS NULL) NOT VALID"))
    code, message = sqlstate_of(manager, "SELECT * FROM api.move_application(%s, 'approved', 2, '')", application)
    assert code == "42501" and "정상가를 확인할 수 없습니다" in message, message


def test_the_list_rate_floor_carries_the_smallest_dsr_surcharge(psql, db):
    """Third outside test: the floor left the DSR surcharge out, though the engine adds at least the smallest band
    whatever the customer's DSR. Now the floor adds that smallest band (the DSR itself, from debts and incomes the
    database cannot vouch for, stays the engine's: docs/security.md). Rules whose bands start at 0.25 %p raise the
    lowest rate the manager's authority allows by 0.25 %p; a negative band, which would lower it, is refused."""
    import json

    with db.session() as s:
        loan_no = s.execute(text(
            "SELECT l.loan_no FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
            "WHERE l.branch_id = 2 AND c.home_branch_id = 2 AND l.kind = 'credit' AND l.status = 'active' "
            "AND l.annual_rate_pct > 6 AND l.balance BETWEEN 5000000 AND 100000000 ORDER BY l.id LIMIT 1")).scalar()
        today = s.execute(text("SELECT data.bank_today()")).scalar()
        rules = s.execute(text("SELECT parameters FROM data.pricing_rules WHERE effective_from <= :d "
                               "ORDER BY effective_from DESC LIMIT 1"), {"d": today}).scalar()
    assert min(Decimal(v) for _upto, v in rules["dsr_surcharge"]) == 0  # db/versions/0004: the floor as before
    author, peer, manager, head_office = psql("E1007"), psql("E1008"), psql("E1006"), psql("E1005")
    application = _submitted_at_the_floor(author, peer, loan_no, today, db)

    def lowest() -> Decimal:
        return _lowest_approvable(manager, application)

    before = lowest()
    negative = {**rules, "dsr_surcharge": [[20, "-0.50"], [None, "0.50"]]}
    code, message = sqlstate_of(head_office, "SELECT api.save_pricing_rules('2026.12-neg', %s, %s::jsonb, '', 'psql')",
                                today, json.dumps(negative))
    assert code == "23514" and "DSR 구간별 가산금리(dsr_surcharge)는 0%p 이상 5%p 이하여야 합니다" in message, message
    raised = {**rules, "dsr_surcharge": [[20, "0.25"], [30, "0.40"], [None, "0.60"]]}
    code, message = sqlstate_of(head_office, "SELECT api.save_pricing_rules('2026.12-dsr', %s, %s::jsonb, '', 'psql')",
                                today, json.dumps(raised))
    assert code is None, message
    assert lowest() - before == Decimal("0.25")
