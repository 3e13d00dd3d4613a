"""Signed PDF proposals: content, PAdES signature, tamper detection, archive, CLI, preview, print."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from retention_desktop.data.models import AuditEvent, Proposal
from retention_desktop.domain.money import format_won
from retention_desktop.services import proposal_service as ps
from retention_desktop.services.offer_comparison import open_comparison
from tests.support import TEST_AS_OF, bank_issued_identity


@pytest.fixture
def made(login, tmp_path):
    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    proposal = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state, action="reloan")
    return officer, state, proposal, tmp_path


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_document_holds_the_customer_the_numbers_and_the_disclosures(made):
    officer, state, proposal, _dir = made
    content = pdf_text(proposal.pdf)
    assert "김하늘" in content and "재대출 제안서" in content  # the full name: the customer keeps and signs it
    assert "김*늘" not in content
    keep = state.comparison.option("keep")
    reloan = state.comparison.option("reloan")
    for figure in (keep.total_cost, reloan.total_cost, reloan.monthly_payment, keep.total_interest):
        assert format_won(figure) in content
    for phrase in ("청약철회권", "금리인하요구권", "중도상환수수료", "연체이자", "비교의 근거", "위법계약해지권",
                   "변동", "상환 방식", "상환 기간", "1332", "02-0000-0101", "심의필", officer.name):
        assert phrase in content, phrase
    assert "PAdES" not in content and "sha256" not in content  # printed for nobody
    reader = PdfReader(io.BytesIO(proposal.pdf))
    assert len(reader.pages) == 3
    assert "quote-input.json" in reader.attachments
    assert reader.metadata["/RetentionProposalNo"] == proposal.proposal_no


def test_signature_validates_against_the_trust_root_and_matches_the_archive(made):
    officer, _state, proposal, data_dir = made
    result = ps.verify_pdf(officer.database, proposal.pdf, ps.trust_roots(officer.database, data_dir))
    assert result.ok and result.archived and result.level == "PAdES B-B"
    assert "E1007 (DEMO)" in result.signer


def test_a_single_changed_byte_is_detected(made):
    officer, _state, proposal, data_dir = made
    for position in (len(proposal.pdf) // 4, len(proposal.pdf) // 2, len(proposal.pdf) - 300):
        tampered = bytearray(proposal.pdf)
        tampered[position] ^= 0x01
        result = ps.verify_pdf(officer.database, bytes(tampered), ps.trust_roots(officer.database, data_dir))
        assert not result.ok, position


def test_an_untrusted_signer_is_refused(made, tmp_path):
    officer, _state, proposal, _dir = made
    from retention_desktop.proposal.pki import ensure_demo_identity

    other = ensure_demo_identity(tmp_path / "other-bank", "999", "다른은행", "X1", "홍길동")
    result = ps.verify_pdf(officer.database, proposal.pdf, [other.root_pem])
    assert not result.ok and "신뢰" in result.reason


def test_a_proposal_without_archive_record_is_refused(made, db):
    officer, _state, proposal, data_dir = made
    with db.engine.begin() as conn:  # only a superuser gets past the archive's trigger, with replication role
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("DELETE FROM proposals WHERE proposal_no = :n"), {"n": proposal.proposal_no})
    result = ps.verify_pdf(officer.database, proposal.pdf, ps.trust_roots(officer.database, data_dir))
    assert not result.ok and "보관된 제안서" in result.reason


def test_archive_reopen_and_decision(made, db):
    officer, _state, proposal, _dir = made
    again = ps.reopen(officer, proposal.proposal_no)
    assert again.pdf == proposal.pdf and again.pdf_sha256 == ps.sha256_hex(proposal.pdf)
    ps.record_decision(officer, proposal.proposal_no, "accepted")
    with officer.database.session() as s:
        row = s.scalars(select(Proposal).where(Proposal.proposal_no == proposal.proposal_no)).one()
    with db.session() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.employee_no == "E1007")).all()
    assert row.decision == "accepted" and row.decided_at is not None
    assert {"proposal.create", "proposal.reopen", "proposal.decision"} <= set(actions)
    with pytest.raises(ps.ProposalError):
        ps.record_decision(officer, proposal.proposal_no, "maybe")


def test_the_stored_quote_input_reproduces_the_comparison(made):
    _officer, state, proposal, _dir = made

    from retention_desktop.domain import exact_json
    from retention_desktop.domain.quote import parse_request, quote_document, run_quote

    with _officer.database.session() as s:
        row = s.scalars(select(Proposal).where(Proposal.proposal_no == proposal.proposal_no)).one()
        stored_input, stored_output = row.quote_input, row.quote_output
    again = quote_document(run_quote(parse_request(exact_json.loads(exact_json.dumps(stored_input))), state.policy))
    assert [o["total_cost"] for o in again["options"]] == [o["total_cost"] for o in stored_output["options"]]


def test_cli_makes_and_verifies_a_proposal():
    data_dir = tempfile.mkdtemp(prefix="rdprop-")
    out = Path(data_dir) / "p.pdf"

    def admin(*args):
        return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", data_dir, *args],
                              capture_output=True, text=True, timeout=300)

    # a fresh folder without --demo: nothing is invented, and the message says how to get the demo
    empty = admin("proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out", str(out))
    assert empty.returncode == 2 and "--demo" in empty.stderr and not out.exists()
    made = admin("--demo", "proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out", str(out))
    assert made.returncode == 0, made.stderr
    ok = admin("verify-proposal", str(out))
    assert ok.returncode == 0 and ok.stdout.startswith("OK P") and "보관된 제안서와 일치" in ok.stdout
    tampered = bytearray(out.read_bytes())
    tampered[len(tampered) // 3] ^= 0x01
    (Path(data_dir) / "bad.pdf").write_bytes(bytes(tampered))
    bad = admin("verify-proposal", str(Path(data_dir) / "bad.pdf"))
    assert bad.returncode == 1 and "변경" in bad.stderr and "Traceback" not in bad.stderr
    assert json.loads(made.stdout)["action"] in ("renegotiation", "reloan")
    wrong = admin("proposal", "--customer-no", "C00000002", "--loan-no", "L0000000001", "--out", str(out))
    assert wrong.returncode == 2 and "대출이 아닙니다" in wrong.stderr
    # an action that may not be proposed exits 2 with the rule and its figures, and writes nothing
    from retention_desktop.data.database import open_embedded

    db = open_embedded(Path(data_dir))
    try:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE loans SET status = 'delinquent' WHERE loan_no = 'L0000000001'"))
    finally:
        db.close()  # the server stops when its last user leaves
    refused = admin("proposal", "--customer-no", "C00000001", "--loan-no", "L0000000001", "--out",
                    str(Path(data_dir) / "refused.pdf"), "--action", "reloan")
    assert refused.returncode == 2, refused.stderr
    assert "재대출은(는) 제안할 수 없습니다: 연체 중인 대출은 재대출·대환 불가" in refused.stderr
    assert "Traceback" not in refused.stderr and not (Path(data_dir) / "refused.pdf").exists()


def test_central_mode_signs_with_the_configured_pkcs12_and_trusts_only_head_offices_roots(made, tmp_path,
                                                                                        memory_keyring, login):
    """A bank-issued PKCS#12 named in the settings, its passphrase in the keyring, signs in central mode; the
    signature is trusted only once head office has stored its root centrally (pinned in the audit trail) — a
    PEM dropped into the data folder counts for nothing."""
    import dataclasses

    from retention_desktop.data import api_calls, credentials
    from retention_desktop.data.settings import Settings, save_settings
    from retention_desktop.proposal.pki import ensure_demo_identity

    officer, state, _proposal, _dir = made
    p12, root_pem = bank_issued_identity(tmp_path / "bank-pki", "E1007", "권명숙")  # no DEMO mark
    central_dir = tmp_path / "central"
    (central_dir / "pki" / "trust").mkdir(parents=True)
    (central_dir / "pki" / "trust" / "root.pem").write_bytes(root_pem)  # user-writable: ignored
    (central_dir / "pki" / "demo-root.pem").write_bytes(root_pem)  # demo mode only: ignored
    save_settings(central_dir, Settings(extra={"signing_p12": str(p12)}))
    central = dataclasses.replace(officer, database=dataclasses.replace(officer.database, mode="central"))
    with pytest.raises(ps.ProposalError, match="설정에 없습니다"):
        ps.signing_identity(central, tmp_path / "nothing-configured")
    identity = ps.signing_identity(central, central_dir)
    assert not identity.demo
    assert credentials.get_secret(f"pkcs12:{p12.name}") is not None
    signed = ps.create_proposal(central, "L0000000001", TEST_AS_OF, central_dir, state, action="reloan")
    assert ps.trust_roots(central.database, central_dir) == []
    result = ps.verify_pdf(central.database, signed.pdf, ps.trust_roots(central.database, central_dir))
    assert not result.ok and "신뢰" in result.reason
    head_office = login("E1005")
    with head_office.database.session() as s:
        fingerprint = api_calls.scalar(s, "add_trust_root", root_pem.decode(), "Example Bank Root CA", "")
    result = ps.verify_pdf(central.database, signed.pdf, ps.trust_roots(central.database, central_dir))
    assert result.ok and "E1007" in result.signer and "DEMO" not in result.signer
    # a DEMO identity in central mode: signed, but never trusted (test_security_attacks.py for the pinned case)
    demo = ensure_demo_identity(tmp_path / "demo-pki", "101", "강남역지점", "E1007", "권명숙")
    save_settings(central_dir, Settings(extra={"signing_p12": str(demo.p12_path)}))
    by_demo = ps.create_proposal(central, "L0000000001", TEST_AS_OF, central_dir, state, action="reloan")
    result = ps.verify_pdf(central.database, by_demo.pdf, [demo.root_pem, root_pem])
    assert not result.ok and "DEMO" in result.reason
    # pinned in the settings too: a root the settings do not name is not trusted
    save_settings(central_dir, Settings(extra={"signing_p12": str(p12), "trust_root_fingerprints": ["00" * 32]}))
    assert ps.trust_roots(central.database, central_dir) == []
    save_settings(central_dir, Settings(extra={"signing_p12": str(p12),
                                               "trust_root_fingerprints": [fingerprint.upper()]}))
    assert len(ps.trust_roots(central.database, central_dir)) == 1


def test_page_one_leads_with_the_answer(made):
    _officer, state, proposal, _dir = made
    first = PdfReader(io.BytesIO(proposal.pdf)).pages[0].extract_text()
    assert "권해 드리는 선택" in first and "재대출" in first
    if state.recommendation.action == "reloan":
        assert state.recommendation.headline.split(",")[0] in first
    assert "더 듦" in pdf_text(proposal.pdf) or all(o.net_saving_vs_keep >= 0 for o in state.comparison.options)


def test_the_showcase_opens_with_the_counter_offer_and_the_proposal_prints_it_for_the_customer(login, tmp_path):
    """토스뱅크's disclosed 5.05 % beats the showcase loan (5.40 %): the engine keeps the loan unless asked, but the
    screen and the proposal start from the renegotiation at the counter-offer, which saves the customer at least
    as much as switching, fees included; the customer reads no bank-internal figure."""
    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    counter = state.recommendation.counter_offer
    assert state.recommendation.action == "keep" and counter is not None and counter.within_authority
    assert (counter.lender, counter.competitor_rate_pct) == ("토스뱅크", Decimal("5.05"))
    offered = state.offer.option
    toss = state.comparison.option("switch:토스뱅크")
    assert state.offered_action == counter.action and offered.annual_rate_pct == counter.counter_rate_pct
    assert toss.net_saving_vs_keep <= offered.net_saving_vs_keep and offered.annual_rate_pct > toss.annual_rate_pct
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state)
    assert made.annual_rate_pct == counter.counter_rate_pct
    first = " ".join(PdfReader(io.BytesIO(made.pdf)).pages[0].extract_text().split())
    assert "토스뱅크" in first and "덜 듭니다" in first
    for internal in ("기대가치", "전결", "유지 확률", "엔진"):
        assert internal not in pdf_text(made.pdf), internal


def test_the_archive_stores_the_recommendation_the_call_list_and_screen_read(made):
    officer, state, proposal, _dir = made
    with officer.database.session() as s:
        row = s.scalars(select(Proposal).where(Proposal.proposal_no == proposal.proposal_no)).one()
    assert row.quote_output["proposed_action"] == "reloan"
    assert row.quote_output["recommendation"]["headline"] == state.recommendation.headline
    assert row.quote_input["reloan_offer"]["product_code"] == "RL-CR-V12"
    assert row.quote_input["reloan_offer"]["prepayment_fee_waiver_pct"] == 100


def test_an_ineligible_offer_never_reaches_a_proposal(login, db, tmp_path):
    """The service refuses, with the rule and its figures, and nothing is archived."""
    officer = login("E1007")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE loans SET status = 'delinquent' WHERE loan_no = 'L0000000001'"))
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    for action in (None, "renegotiation", "reloan"):
        with pytest.raises(ps.ProposalRefused, match="연체"):
            ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state, action=action)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM proposals")).scalar() == 0


def test_a_renegotiation_is_proposed_as_such_and_never_booked_as_a_new_loan(login, db, tmp_path):
    """A renegotiation's acceptance files its own application (revision 0017): it is not filed again, and no new loan
    is booked (once approved and executed, the running loan's rate changes)."""
    from retention_desktop.services import applications as apps

    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    if not state.advice.candidates["renegotiation"].available:
        pytest.skip("the demo's showcase has no renegotiation today")
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state, action="renegotiation")
    assert made.action == "renegotiation" and made.annual_rate_pct < state.request.current_loan.annual_rate_pct
    assert "금리" in pdf_text(made.pdf) and "조건변경" in pdf_text(made.pdf)
    with db.engine.connect() as conn:
        loans = conn.execute(text("SELECT count(*) FROM loans")).scalar()
    assert "금리 조건변경" in ps.record_decision(officer, made.proposal_no, "accepted")
    with pytest.raises(apps.ApplicationError, match="이미 신청"):
        apps.create_from_proposal(officer, made.proposal_no)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM loans")).scalar() == loans


def test_every_kind_and_status_of_loan_goes_through_comparison_advice_and_proposal(login, db, tmp_path):
    """One loan of each kind, active and delinquent, in the demo: the advice never recommends an impossible or
    dearer option, the limit simulation gives every scenario and the 36-month timeline (issue 15's "must show":
    comparison, simulation and proposal), the offered action becomes a signed proposal, and where nothing may
    be offered the service refuses with the reason."""
    from retention_desktop.services.limit_simulation import Toggles, simulate_for
    from retention_desktop.services.regulation import load_policies

    with db.engine.begin() as conn:
        conn.execute(text("UPDATE loans SET status = 'delinquent' WHERE id IN (SELECT min(id) FROM loans "
                          "WHERE status = 'active' AND id > 1 GROUP BY kind)"))
        # each loan served by a 행원 of its customer's branch (row-level security)
        picks = conn.execute(text(
            "SELECT DISTINCT ON (l.kind, l.status) l.loan_no, l.kind, l.status, (SELECT o.employee_no FROM officers o "
            "WHERE o.branch_id = c.home_branch_id AND o.role = 'officer' AND o.active ORDER BY o.id LIMIT 1) "
            "FROM loans l JOIN customers c ON c.id = l.customer_id "
            "WHERE l.status IN ('active', 'delinquent') ORDER BY l.kind, l.status, l.id")).all()
    assert {(k, s) for _n, k, s, _e in picks} == {(k, s) for k in ("credit", "mortgage", "jeonse", "other_secured",
                                                                    "overdraft") for s in ("active", "delinquent")}
    proposed, simulated = set(), set()
    for loan_no, kind, status, employee in picks:
        officer = login(employee)
        state = open_comparison(officer, loan_no, TEST_AS_OF)
        view = simulate_for(state, load_policies(officer.database), Toggles())
        assert view.scenarios and len(view.timeline) == 36, loan_no
        assert all(s.max_new_loan >= 0 for s in view.scenarios), loan_no
        simulated.add((kind, status))
        r = state.recommendation
        chosen = state.comparison.option(r.option_label)
        current = state.request.current_loan.annual_rate_pct
        assert chosen.eligible, (loan_no, r)
        if r.action in ("renegotiation", "reloan"):
            assert chosen.annual_rate_pct < current and chosen.net_saving_vs_keep > 0, loan_no
        if status == "delinquent":
            assert r.action == "keep" and state.offered_action is None, loan_no
        if state.proposal_refusal() is None:
            made = ps.create_proposal(officer, loan_no, TEST_AS_OF, tmp_path, state)
            assert made.action == state.offered_action and made.annual_rate_pct < current
            proposed.add(kind)
        else:
            with pytest.raises(ps.ProposalRefused):
                ps.create_proposal(officer, loan_no, TEST_AS_OF, tmp_path, state)
    assert proposed == {"credit", "mortgage", "jeonse", "other_secured", "overdraft"}, proposed
    assert simulated == {(k, s) for _n, k, s, _e in picks}


def test_head_office_sets_the_form_settings_through_the_database_function_only(login, db, tmp_path):
    """set_proposal_form: rd_admin only, validated in the database, recorded in the audit log; a proposal needs
    the settings and prints them; a lapsed review number stops proposals in words."""
    import datetime as dt

    from sqlalchemy.exc import DBAPIError

    from retention_desktop.domain.proposal_form import ProposalForm, ProposalFormError
    from retention_desktop.services import proposal_form

    officer, admin = login("E1007"), login("E1005")
    form = ProposalForm("레텐션은행", "준법감시인 심의필 제2026-0777호", dt.date(2026, 12, 31), "1588-0000")
    with pytest.raises(ProposalFormError, match="permission denied|권한"):
        proposal_form.set_form(officer.database, form)  # an officer may not
    with pytest.raises(DBAPIError):
        with officer.database.session() as s:  # nor write the row directly
            s.execute(text("UPDATE app_meta SET value = '{}' WHERE key = 'proposal_form'"))
    with pytest.raises(DBAPIError, match="소비자보호 연락처"):  # the database validates, whoever calls it
        with admin.database.session() as s:
            s.execute(text("""SELECT set_proposal_form('{"ad_review_no": "x", "consumer_protection_phone": "nope"}')"""))
    proposal_form.set_form(admin.database, form)
    assert proposal_form.read_form(officer.database) == form
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'head_office.proposal_form'")).scalar() == 1
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    assert "심의필 제2026-0777호" in pdf_text(made.pdf) and "1588-0000" in pdf_text(made.pdf)
    with pytest.raises(ps.ProposalError, match="유효기한"):
        ps.create_proposal(officer, "L0000000001", dt.date(2027, 1, 1), tmp_path)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM app_meta WHERE key = 'proposal_form'"))
    with pytest.raises(ps.ProposalError, match="proposal-form set"):
        ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)


def test_fuzz_verify_proposal_on_mutated_pdfs(made):
    """Any byte of a signed proposal changed, a run of bytes overwritten, or the file cut short: verification
    answers "not valid" with a reason, fast, and never raises (pyHanko, asn1crypto and pypdf meet damaged
    files with many exception types). Half the changes land where a file is most fragile: the signature's
    CMS blob, the head, and the tail (cross-reference table and trailer)."""
    import time

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    officer, _state, proposal, data_dir = made
    roots = ps.trust_roots(officer.database, data_dir)
    original = proposal.pdf
    contents = original.rindex(b"/Contents <") + len(b"/Contents <")
    regions = {"anywhere": (0, len(original)), "signature": (contents, contents + 3000), "head": (0, 1500),
               "tail": (len(original) - 3000, len(original))}

    def check(pdf: bytes) -> None:
        started = time.perf_counter()
        result = ps.verify_pdf(officer.database, pdf, roots)
        assert time.perf_counter() - started < 5
        assert result.reason
        if pdf != original:
            assert not result.ok

    for at in range(contents, contents + 2400, 60):  # the CMS blob's own structure, byte by byte
        for value in (b"0", b"F", b" "):
            check(original[:at] + value + original[at + 1:])

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(region=st.sampled_from(sorted(regions)), where=st.floats(0, 1, exclude_max=True),
           value=st.integers(0, 255), run=st.integers(1, 64), cut=st.one_of(st.none(), st.floats(0.01, 0.999)))
    def attempt(region, where, value, run, cut):
        low, high = regions[region]
        pdf = bytearray(original)
        at = low + int(where * (high - low))
        pdf[at:at + run] = bytes([value]) * len(pdf[at:at + run])
        if cut is not None:
            pdf = pdf[:int(len(pdf) * cut)]
        check(bytes(pdf))

    attempt()


FIRST_RENDERS = r"""
import io, random, sys, threading, time
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from retention_desktop.proposal import document
from retention_desktop.proposal import chart

random.seed(int(sys.argv[1]))
start, errors = threading.Barrier(8), []

def render():
    try:
        start.wait()
        time.sleep(random.random() * 0.3)  # staggered, so some threads arrive while others register
        document.register_fonts()
        out = io.BytesIO()
        SimpleDocTemplate(out).build([Paragraph("<b>굵게</b> 보통", ParagraphStyle("p", fontName=document.FONT)),
                                      Table([["표"]], style=[("FONTNAME", (0, 0), (-1, -1), document.BOLD)])])
        SimpleDocTemplate(io.BytesIO()).build([chart.cumulative_cost_chart([chart.ChartLine("현재 유지", [1, 2, 3]),
                                                                            chart.ChartLine("재대출", [1, 1, 2])],
                                                                           2, 400, 200)])
    except Exception as exc:
        errors.append(repr(exc))

threads = [threading.Thread(target=render) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print(errors)
sys.exit(1 if errors else 0)
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_first_pdfs_rendered_on_several_threads_at_once(seed):
    """Each run is a fresh process (fonts unregistered): eight threads render their first PDF and chart at
    once. Before the fonts were registered under a lock, a thread used the bold face another thread had not
    registered yet (``getTypeFace: no afm found for faceName='NanumGothicBold'``)."""
    run = subprocess.run([sys.executable, "-c", FIRST_RENDERS, str(seed)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_proposals_created_on_several_threads_at_once_all_succeed(login, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    officer = login("E1007")
    loans = ["L0000000001"] * 3
    with ThreadPoolExecutor(3) as pool:
        made = list(pool.map(lambda loan: ps.create_proposal(officer, loan, TEST_AS_OF, tmp_path), loans))
    assert len({m.proposal_no for m in made}) == 3
    assert all(ps.verify_pdf(officer.database, m.pdf, ps.trust_roots(officer.database, tmp_path)).ok for m in made)


def test_the_box_calls_the_offer_recommended_only_when_switching_is_not_the_advice(login, tmp_path):
    """Advice to switch (the bank still offers its best renegotiation or re-loan): the summary says so in its note and
    presents the offer as the bank's; any other advice: the offer is the recommended choice."""
    import dataclasses
    import datetime as dt

    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    until = TEST_AS_OF + dt.timedelta(days=14)
    assert ps.recommended_action(state, until).recommended and not ps.recommended_action(state, until).note
    switch = dataclasses.replace(state.recommendation, action="switch", counter_offer=None,
                                 headline="대환이 더 유리합니다: 토스뱅크 5.05%")
    advised_to_switch = dataclasses.replace(state, advice=dataclasses.replace(state.advice, recommendation=switch))
    summary = ps.recommended_action(advised_to_switch, until)
    assert not summary.recommended and summary.note == switch.headline
    # the printed page still verifies: the page check finds the box under either head
    made = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, advised_to_switch)
    assert "저희 은행의 제안" in " ".join(PdfReader(io.BytesIO(made.pdf)).pages[0].extract_text().split())
    result = ps.verify_pdf(officer.database, made.pdf, ps.trust_roots(officer.database, tmp_path))
    assert result.ok, result.reason
