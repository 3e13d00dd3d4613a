"""Finding 3 of the outside test (revision 0014): an officer with psql archived a proposal whose quote said the
loan's balance was 10,000,000 won when the bank's records said 498,603,531, and verify-proposal accepted it. Now
api.archive_proposal checks the quote's figures against the bank's own (db/sql/40_proposals.sql
data.quote_figures_refusal): each forged figure is refused in words, and every quote the app builds — every loan
kind, both actions, every repayment method — still archives."""

from __future__ import annotations

import copy
import datetime as dt
import secrets
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text

from retention_desktop.data import api_calls
from retention_desktop.domain import exact_json
from retention_desktop.domain.comparison import ENGINE_VERSION
from retention_desktop.domain.quote import option_document
from retention_desktop.services import proposal_service as ps
from retention_desktop.services.offer_comparison import OfferComparison, open_comparison
from retention_desktop.services.quoting import load_basis
from tests.support import TEST_AS_OF, bank_today
from tests.test_security_applications import fake_pdf


def app_quote(state: OfferComparison) -> tuple[dict, dict]:
    """(quote input, quote output) exactly as services/proposal_service.create_proposal archives them."""
    quote_input = ps.quote_input_document(state)
    output = exact_json.loads(exact_json.dumps({
        "options": [option_document(o) for o in state.comparison.options], "proposed_action": state.offer.action,
        "personal_rate_pct": state.offer.option.annual_rate_pct, "list_rate_pct": state.offer.price.list_rate_pct,
        "authority_rate_pct": state.offer.price.authority_rate_pct, "floor_rate_pct": state.offer.price.floor_rate_pct},
        indent=None))
    return quote_input, output


def with_action(state: OfferComparison, action: str) -> OfferComparison | None:
    """The comparison proposing ``action`` at the engine's rate for it (as create_proposal(action=…)), or None when
    that action may not be proposed."""
    candidate = state.advice.candidates.get(action)
    if candidate is None or candidate.option is None:
        return None
    state = replace(state, pinned={action: candidate.option.annual_rate_pct})
    return state if state.proposal_refusal() is None else None


def archive(officer, state: OfferComparison, quote_input: dict, output: dict, as_of: dt.date = TEST_AS_OF) -> str:
    number = f"P{bank_today():%Y%m%d}-{secrets.token_hex(3).upper()}"
    input_sha = ps.sha256_hex(exact_json.dumps(quote_input, indent=None).encode("utf-8"))
    with officer.database.session() as s:
        api_calls.scalar(s, "archive_proposal", number, state.loan_no, as_of + dt.timedelta(days=14),
                         state.policy.version, ENGINE_VERSION, quote_input, output, input_sha, fake_pdf())
    return number


def option_of(output: dict) -> dict:
    return next(o for o in output["options"] if o["label"] == output["proposed_action"])


def test_every_quote_the_app_builds_archives_for_every_kind_action_and_method(login, db):
    """The legitimate path: for every loan kind (credit, mortgage, jeonse, other secured, overdraft) and repayment
    method of the running loans of 강남역지점 (E1007) and branch 8 (E1031: most 원금균등 mortgages), the app's own
    quote of each action that may be proposed archives (up to four loans of each kind and method per branch, each
    proposed as a renegotiation and as a re-loan)."""
    archived: dict[tuple[str, str, str], int] = {}
    for branch, employee_no in ((2, "E1007"), (8, "E1031")):
        officer = login(employee_no)
        with db.session() as s:
            loans = s.execute(text(
                "SELECT loan_no FROM (SELECT l.*, row_number() OVER (PARTITION BY l.kind, l.repayment_method "
                "ORDER BY l.id) AS n FROM data.loans l JOIN data.customers c ON c.id = l.customer_id "
                "WHERE l.branch_id = :b AND c.home_branch_id = :b AND l.status = 'active') x WHERE n <= 4 "
                "ORDER BY kind, repayment_method, n"), {"b": branch}).scalars().all()
        basis = load_basis(officer.database)
        for loan_no in loans:
            state = open_comparison(officer, loan_no, TEST_AS_OF, basis)
            for action in ("renegotiation", "reloan"):
                proposed = with_action(state, action)
                if proposed is None:
                    continue
                archive(officer, proposed, *app_quote(proposed))
                key = (proposed.request.current_loan.kind, action, option_of(app_quote(proposed)[1])["method"])
                archived[key] = archived.get(key, 0) + 1
    assert {kind for kind, _action, _method in archived} == {"credit", "mortgage", "jeonse", "other_secured",
                                                             "overdraft"}, archived
    assert {method for _kind, _action, method in archived} == {"equal_payment", "equal_principal", "bullet"}, archived
    assert {action for _kind, action, _method in archived} == {"renegotiation", "reloan"}, archived
    assert sum(archived.values()) >= 30, archived


@pytest.fixture
def genuine(login):
    """E1007 and the app's own renegotiation and re-loan quotes of L0000000001 (credit, 30,000,000 won at 5.4 %)."""
    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    return officer, {action: with_action(state, action) for action in ("renegotiation", "reloan")}


def refused(officer, state, quote_input, output) -> api_calls.Refused:
    with pytest.raises(api_calls.Refused) as caught:
        archive(officer, state, quote_input, output)
    return caught.value


def test_the_genuine_quotes_archive(genuine):
    officer, states = genuine
    for state in states.values():
        assert archive(officer, state, *app_quote(state))


@pytest.mark.parametrize("action", ["renegotiation", "reloan"])
def test_a_quote_with_another_balance_is_refused(genuine, action):
    """The outside tester's attack: the quote says the loan is 10,000,000 won (and its payment follows from that:
    the schedule of the claimed balance), the bank's records say 30,000,000."""
    officer, states = genuine
    state = states[action]
    quote_input, output = app_quote(state)
    quote_input["current_loan"]["balance"] = 10_000_000
    option_of(output)["monthly_payment"] = option_of(output)["monthly_payment"] // 3
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514"
    assert "견적의 대출 잔액 10,000,000원이 은행 기록의 잔액 30,000,000원과 다릅니다" in str(error), str(error)


def test_a_quote_with_another_current_rate_is_refused(genuine):
    """A higher current rate makes the saving look larger: refused."""
    officer, states = genuine
    quote_input, output = app_quote(states["reloan"])
    quote_input["current_loan"]["annual_rate_pct"] = Decimal("7.9")
    error = refused(officer, states["reloan"], quote_input, output)
    assert error.sqlstate == "23514" and "현재 금리 연 7.9%가 은행 기록의 금리 연 5.4%와 다릅니다" in str(error), str(error)


def test_a_renegotiation_with_another_term_is_refused(genuine):
    """A renegotiation changes only the rate: its term is the loan's remaining months, not one the officer types
    (a longer term prints a lower monthly payment)."""
    officer, states = genuine
    state = states["renegotiation"]
    quote_input, output = app_quote(state)
    option = option_of(output)
    remaining = option["term_months"]
    option["term_months"] = remaining + 24
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514"
    assert f"금리 조건변경의 기간 {remaining + 24}개월이 대출의 남은 기간 {remaining}개월" in str(error), str(error)


@pytest.mark.parametrize("action", ["renegotiation", "reloan"])
@pytest.mark.parametrize("change", [-50_000, -2, 2])
def test_a_quote_with_another_monthly_payment_is_refused(genuine, action, change):
    """The monthly payment is the schedule's (±1 won): 50,000 won less, or 2 won off either way, is refused."""
    officer, states = genuine
    state = states[action]
    quote_input, output = app_quote(state)
    option_of(output)["monthly_payment"] += change
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514" and "월 상환액" in str(error) and "첫 회차" in str(error), str(error)
    quote_input, output = app_quote(state)
    option_of(output)["monthly_payment"] += 1 if change > 0 else -1  # within the tolerance
    assert archive(officer, state, quote_input, output)


def test_a_list_rate_below_the_floor_or_above_the_legal_maximum_is_refused(genuine):
    """The list rate (정상가, the base of every approval authority) lies between the floor the pricing rules and the
    index rates give this customer and kind, and the legal maximum (법정 최고금리, 20 %)."""
    officer, states = genuine
    state = states["reloan"]
    quote_input, output = app_quote(state)
    output["list_rate_pct"] = Decimal("1.0")
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514" and "기준(정가) 금리 연 1%가 이 고객·대출 종류의 정상가 하한" in str(error), str(error)
    output["list_rate_pct"] = Decimal("25")
    error = refused(officer, state, quote_input, output)
    assert error.sqlstate == "23514" and "기준(정가) 금리 연 25%가 법정 최고금리 연 20%를 넘습니다" in str(error), str(error)


def test_the_proposers_own_authority_is_not_checked_when_archiving(genuine):
    """An officer may propose below their own authority (the approval is a manager's, later): a re-loan at the
    rate 0.30 %p below the officer's authority archives."""
    officer, states = genuine
    state = states["reloan"]
    quote_input, output = app_quote(state)
    low = (Decimal(state.offer.price.authority_rate_pct) - Decimal("0.30")).quantize(Decimal("0.01"))
    quote_input["reloan_offer"]["annual_rate_pct"] = low
    option = option_of(output)
    option["annual_rate_pct"] = low
    from retention_desktop.domain.schedule import build_schedule
    option["monthly_payment"] = build_schedule(30_000_000, low, option["term_months"], option["method"]).regular_payment
    assert archive(officer, state, quote_input, output)


def test_a_malformed_reloan_method_is_refused(genuine):
    officer, states = genuine
    state = states["reloan"]
    quote_input, output = app_quote(state)
    broken = copy.deepcopy(output)
    option_of(broken)["method"] = "balloon"
    error = refused(officer, state, quote_input, broken)
    assert error.sqlstate == "22023" and "상환 방식" in str(error)


# -- finding 3(c): the printed page against the attached facts ---------------------------------------------------
def _forge_page(monkeypatch, where: str, field: str, value):
    """Make the real builder print ``value`` as the content's (or summary box's) ``field``, leaving the attached
    facts (proposal-facts.json) honest: what a workstation that signs with the officer's own key could do."""
    from retention_desktop.proposal import document

    if where == "line":  # one printed line only (the number also names the file's archive in its information)
        monkeypatch.setattr(document, field, lambda *_args: value)
        return
    honest_render = document.render

    def render(content):
        if where == "summary":
            content = replace(content, summary=replace(content.summary, **{field: value}))
        else:
            content = replace(content, **{field: value})
        return honest_render(content)

    monkeypatch.setattr(document, "render", render)


@pytest.mark.parametrize("where,field,value,named", [
    ("summary", "new_rate_pct", Decimal("1.00"), "제안 금리"),
    ("summary", "monthly_payment", 123_456, "월 상환액"),
    ("summary", "valid_until", TEST_AS_OF + dt.timedelta(days=300), "유효기한"),
    ("summary", "total_saving", 99_999_999, "총 절약액"),
    ("content", "customer_no", "C09999999", "고객"),
    ("line", "number_line", "제안서 번호 P20991231-ABCDEF", "제안서 번호"),
], ids=["rate", "payment", "validity", "saving", "customer", "number"])
def test_a_signed_page_that_prints_other_figures_than_its_facts_is_refused(login, tmp_path, monkeypatch, where, field,
                                                                            value, named):
    """A proposal built by the real builder and signed with a valid (the officer's own) key, archived with its genuine
    quote, whose attached facts are honest but whose page prints another rate, payment, validity, saving (the signed
    summary in the file's information says the same forged saving: the database's archived quote decides),
    customer or number: the signature, the archive and the facts all agree, the page does not — verify-proposal and
    제안서 확인 name the field. The genuine proposal verifies."""
    from retention_desktop.services.proposal_check import check_proposal

    officer = login("E1007")
    genuine = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    roots = ps.trust_roots(officer.database, tmp_path)
    assert ps.verify_pdf(officer.database, genuine.pdf, roots).ok
    assert check_proposal(officer.database, genuine.proposal_no, TEST_AS_OF, roots).archived
    _forge_page(monkeypatch, where, field, value)
    forged = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    monkeypatch.undo()
    result = ps.verify_pdf(officer.database, forged.pdf, roots)
    assert not result.ok and "인쇄 면에 적힌 내용" in result.reason and named in result.reason, result.reason
    others = {"제안 금리", "월 상환액", "유효기한", "총 절약액", "고객", "제안서 번호"} - {named}
    assert not any(f": {o}" in result.reason or f", {o}" in result.reason for o in others), result.reason
    check = check_proposal(officer.database, forged.proposal_no, TEST_AS_OF, roots)
    assert not check.archived and not check.ok and named in check.reason, check.reason


def test_a_signed_page_with_another_customers_name_is_refused_at_the_counter(login, tmp_path, monkeypatch):
    """제안서 확인 also holds the customer's masked name (김*늘): a page printed for another name is refused there.
    (verify-proposal has only the customer number, which the forged page still prints.)"""
    from retention_desktop.services.proposal_check import check_proposal

    officer = login("E1007")
    _forge_page(monkeypatch, "content", "customer_name", "박민수")
    forged = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path)
    monkeypatch.undo()
    roots = ps.trust_roots(officer.database, tmp_path)
    check = check_proposal(officer.database, forged.proposal_no, TEST_AS_OF, roots)
    assert not check.archived and "고객" in check.reason, check.reason
