"""The database is the last line of defence: bad rows fail clearly and leave nothing half-written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from retention_desktop.data import roles
from retention_desktop.data.models import AuditEvent, Loan, Repayment


def _loan(**overrides):
    values = dict(loan_no="L9999999999", customer_id=1, branch_id=2, kind="credit", principal=30_000_000,
                  balance=20_000_000, annual_rate_pct=Decimal("5.2"), rate_type="fixed",
                  repayment_method="equal_payment", term_months=36, drawdown_date=dt.date(2025, 1, 10),
                  maturity_date=dt.date(2028, 1, 10), prepayment_fee_pct=Decimal("0.11"))
    values.update(overrides)
    return Loan(**values)


def _count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(("overrides", "constraint"), [
    ({"balance": -1}, "ck_loans_balance_within_principal"),
    ({"annual_rate_pct": Decimal("100.5")}, "ck_loans_rate_range"),
    ({"balance": 40_000_000}, "ck_loans_balance_within_principal"),
    ({"kind": "mortgage"}, "ck_loans_mortgage_collateral"),
    ({"rate_type": "mixed"}, "ck_loans_fixed_period_for_mixed_periodic"),
    ({"maturity_date": dt.date(2024, 1, 1)}, "ck_loans_maturity_after_drawdown"),
])
def test_bad_loan_is_refused_and_nothing_else_of_the_transaction_remains(db, overrides, constraint):
    before_loans, before_audit = _count(db, Loan), _count(db, AuditEvent)
    with pytest.raises(IntegrityError) as caught:
        with db.session() as s:
            _audit(s, "loan.create_attempt", "C00000001")  # written first, must vanish too
            s.add(_loan(**overrides))
            s.flush()
    assert constraint in str(caught.value.orig)
    assert (_count(db, Loan), _count(db, AuditEvent)) == (before_loans, before_audit)


def test_repayment_on_unknown_loan_is_refused(db):
    before = _count(db, Repayment)
    with pytest.raises(IntegrityError, match="fk_repayments_loan_id_loans"):
        with db.session() as s:
            s.add(Repayment(loan_id=987_654_321, due_date=dt.date(2026, 1, 10), paid_on=dt.date(2026, 1, 10),
                            principal_paid=100, interest_paid=10, days_late=0))
    assert _count(db, Repayment) == before


def test_repayment_lateness_must_match_its_dates(db):
    with pytest.raises(IntegrityError, match="ck_repayments_days_late_matches"):
        with db.session() as s:
            s.add(Repayment(loan_id=1, due_date=dt.date(2026, 1, 10), paid_on=dt.date(2026, 1, 20),
                            principal_paid=100, interest_paid=10, days_late=0))


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET action = 'tampered'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
])
def test_audit_log_cannot_be_changed_even_by_the_owner(db, statement):
    with db.session() as s:
        _audit(s, "customer.view", "C00000001")
    with pytest.raises(DBAPIError, match="추가만 할 수 있습니다"):
        with db.session() as s:
            s.execute(text(statement))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "customer.view")) == 1


def test_officer_access_is_recorded_by_the_database_and_the_officer_cannot_touch_the_record(login, db):
    officer = login("E1007")
    with officer.database.session() as s:
        s.execute(text("SELECT api.record_access('customer.view', 'C00000001')"))
    for statement in ("UPDATE api.audit_log SET action = 'x'", "INSERT INTO api.audit_log (action) VALUES ('x')",
                      "SELECT data.audit('customer.view', 'C00000001', '{}')"):
        with pytest.raises(DBAPIError, match="permission denied"):
            with officer.database.session() as s:
                s.execute(text(statement))
    with db.session() as s:
        rows = s.execute(select(AuditEvent.db_user, AuditEvent.action)
                         .where(AuditEvent.employee_no == "E1007").order_by(AuditEvent.id)).all()
    # the database, not the application, says who it was: the officer's own login role
    me = roles.login_role("E1007")
    assert rows == [(me, "session.login"), (me, "customer.view")]


def _audit(session, action: str, customer_no: str | None) -> None:
    """An audit row written the only way there is: the database's own function (here as the superuser)."""
    session.execute(text("SELECT data.audit(:action, :customer, '{}')"), {"action": action, "customer": customer_no})


def test_officer_role_cannot_change_loans(login):
    officer = login("E1007")
    with pytest.raises(DBAPIError, match="permission denied"):
        with officer.database.session() as s:
            s.execute(update(Loan).where(Loan.id == 1).values(balance=0))
