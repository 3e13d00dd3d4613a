"""Re-loan applications on the real database: the path from an accepted proposal to execution, the
concurrent-edit conflict, and an execution that fails halfway leaving both loans as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from retention_desktop.data.models import ApplicationEvent, AuditEvent, Loan
from retention_desktop.services import applications as apps
from retention_desktop.services import proposal_service as ps
from retention_desktop.services.offer_comparison import open_comparison
from tests.support import TEST_AS_OF


@pytest.fixture
def accepted(login, tmp_path):
    officer = login("E1007")
    state = open_comparison(officer, "L0000000001", TEST_AS_OF)
    proposal = ps.create_proposal(officer, "L0000000001", TEST_AS_OF, tmp_path, state, action="reloan")
    return officer, login("E1006"), proposal


def test_only_an_accepted_proposal_becomes_an_application(accepted):
    officer, _manager, proposal = accepted
    with pytest.raises(apps.ApplicationError, match="수락한 제안서"):
        apps.create_from_proposal(officer, proposal.proposal_no)


def test_from_accepted_proposal_to_execution(accepted, login):
    """Filer, approver and executor are three people: E1007 files, the manager approves, a colleague who neither
    filed nor approved it (E1008) executes; neither the filer nor the approver may."""
    officer, manager, proposal = accepted
    colleague = login("E1008")
    ps.record_decision(officer, proposal.proposal_no, "accepted")
    app = apps.create_from_proposal(officer, proposal.proposal_no)
    assert (app.state, app.old_loan_no, app.amount) == ("draft", "L0000000001", 30_000_000)
    app = apps.transition(officer, app.application_no, "submitted", app.row_version, "고객 서류 완비")
    with pytest.raises(apps.ApplicationError, match="스스로"):
        apps.transition(officer, app.application_no, "approved", app.row_version)
    app = apps.transition(manager, app.application_no, "approved", app.row_version)
    with pytest.raises(apps.ApplicationError, match="스스로 실행할 수 없습니다"):
        apps.transition(officer, app.application_no, "executed", app.row_version)
    with pytest.raises(apps.ApplicationError, match="승인한 직원은 그 신청을 실행할 수 없습니다"):
        apps.transition(manager, app.application_no, "executed", app.row_version)
    app = apps.transition(colleague, app.application_no, "executed", app.row_version)
    assert app.state == "executed" and app.new_loan_no is not None
    with officer.database.session() as s:
        old = s.scalars(select(Loan).where(Loan.loan_no == "L0000000001")).one()
        new = s.scalars(select(Loan).where(Loan.loan_no == app.new_loan_no)).one()
        events = s.execute(select(ApplicationEvent.from_state, ApplicationEvent.to_state)
                           .order_by(ApplicationEvent.id)).all()
    assert (old.status, old.balance, old.closed_reason) == ("refinanced", 0, "refinanced")
    assert (new.status, new.balance, new.annual_rate_pct) == ("active", 30_000_000, app.annual_rate_pct)
    assert events == [(None, "draft"), ("draft", "submitted"), ("submitted", "approved"), ("approved", "executed")]
    with pytest.raises(apps.ApplicationError, match="바꿀 수 없습니다"):
        apps.transition(manager, app.application_no, "cancelled", app.row_version)


def test_two_officers_never_overwrite_each_other(accepted):
    officer, manager, proposal = accepted
    ps.record_decision(officer, proposal.proposal_no, "accepted")
    app = apps.create_from_proposal(officer, proposal.proposal_no)
    seen = app.row_version  # both read the draft
    apps.transition(officer, app.application_no, "submitted", seen)
    with pytest.raises(apps.ConflictError, match="먼저"):
        apps.transition(manager, app.application_no, "cancelled", seen)


def test_execution_failing_halfway_leaves_both_loans_as_they_were(accepted, db, login):
    officer, manager, proposal = accepted
    executor = login("E1008")  # neither the filer nor the approver
    ps.record_decision(officer, proposal.proposal_no, "accepted")
    app = apps.create_from_proposal(officer, proposal.proposal_no)
    app = apps.transition(officer, app.application_no, "submitted", app.row_version)
    app = apps.transition(manager, app.application_no, "approved", app.row_version)
    with db.session() as s:
        loans_before = s.scalar(select(Loan.id).order_by(Loan.id.desc()).limit(1))
        # the old loan's closing fails after the new loan was booked: both must stay as they were
        s.execute(text("""CREATE FUNCTION data.test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
                          BEGIN RAISE EXCEPTION 'the ledger is down'; END $$"""))
        s.execute(text("CREATE TRIGGER test_fail BEFORE UPDATE ON data.loans FOR EACH ROW "
                       "WHEN (NEW.status = 'refinanced') EXECUTE FUNCTION data.test_fail()"))
    with pytest.raises(apps.ApplicationError, match="the ledger is down"):
        apps.transition(executor, app.application_no, "executed", app.row_version)
    with db.session() as s:
        old = s.scalars(select(Loan).where(Loan.loan_no == "L0000000001")).one()
        assert (old.status, old.balance) == ("active", 30_000_000)
        assert s.scalar(select(Loan.id).order_by(Loan.id.desc()).limit(1)) == loans_before
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "application.transition",
            AuditEvent.details["to_state"].astext == "executed")) == 0
        s.execute(text("DROP TRIGGER test_fail ON data.loans"))
    assert apps.transition(manager, app.application_no, "cancelled", app.row_version).state == "cancelled"


def test_the_database_keeps_one_application_in_progress_per_loan(accepted, tmp_path, db):
    """Two officers filing for the same loan at the same instant: neither sees the other's uncommitted row,
    so both pass the function's own check; the partial unique index refuses the second, in words."""
    import threading

    officer, manager, proposal = accepted
    ps.record_decision(officer, proposal.proposal_no, "accepted")
    state = open_comparison(manager, "L0000000001", TEST_AS_OF)
    second = ps.create_proposal(manager, "L0000000001", TEST_AS_OF, tmp_path, state, action="reloan")
    ps.record_decision(manager, second.proposal_no, "accepted")
    first_session = officer.database.session()
    s = first_session.__enter__()
    s.execute(text("SELECT * FROM api.file_application(:p)"), {"p": proposal.proposal_no})  # not committed yet
    outcome = {}

    def file_second():
        try:
            outcome["view"] = apps.create_from_proposal(manager, second.proposal_no)
        except apps.ApplicationError as exc:
            outcome["error"] = exc

    racer = threading.Thread(target=file_second)
    racer.start()
    racer.join(timeout=2)
    assert racer.is_alive()  # waiting on the first officer's row
    first_session.__exit__(None, None, None)  # the first commits
    racer.join(timeout=10)
    assert "방금 다른 직원" in str(outcome.get("error")) and "view" not in outcome
    first = apps.branch_applications(officer, ("draft",))[0]
    view = apps.application_detail(officer, first.application_no).application
    apps.transition(officer, first.application_no, "cancelled", view.row_version, "고객 변심")
    assert apps.create_from_proposal(manager, second.proposal_no).state == "draft"  # free again once cancelled


def test_the_application_is_booked_on_a_product_that_holds_its_terms(accepted, db):
    from sqlalchemy import update

    from retention_desktop.data.models import Product

    officer, _manager, proposal = accepted
    ps.record_decision(officer, proposal.proposal_no, "accepted")
    with db.session() as s:  # head office lengthens the credit products' shortest term past the 16 months left
        s.execute(update(Product).where(Product.loan_kind == "credit").values(min_term_months=24))
    with pytest.raises(apps.ApplicationError, match="16개월 .* 담을 수 있는 신용대출 재대출 상품이 없습니다"):
        apps.create_from_proposal(officer, proposal.proposal_no)
    with db.session() as s:
        s.execute(update(Product).where(Product.code == "RL-CR-FX").values(min_term_months=12))
    view = apps.create_from_proposal(officer, proposal.proposal_no)
    assert apps.application_detail(officer, view.application_no).product_name == "재대출 신용대출(고정)"
