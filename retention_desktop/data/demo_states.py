"""Rare states the generated demo lacks, added to a demo database on request (the screenshot tour, the tests).

Each customer is copied from one of the demo's own rows (the showcase customer by default), so every figure is
one the engine accepts; only the name, number, branch and what makes the state (income, loans) change. Both
functions are idempotent: a customer number already there is left as it is. They write as the database's owner
(``Database`` of the demo's owner role): run them off the GUI thread (``gui.tasks.run_task``) or before the
window opens.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from retention_desktop.data.database import Database
from retention_desktop.data.models import CreditScore, Customer, Loan, Repayment

MODEL_CUSTOMER = "C00000001"  # the demo's showcase customer: the row the rare states are copied from
# the loans of the edge-case customer, one of each kind and some twice: ten in all
EDGE_LOAN_KINDS = ("mortgage", "credit", "overdraft", "jeonse", "other_secured", "mortgage", "credit", "overdraft",
                   "credit", "jeonse")
EDGE_MORTGAGE = {"principal": 1_250_000_000, "balance": 1_238_400_000, "collateral_value": 2_500_000_000}  # 12억 on 25억


def add_edge_customer(database: Database, customer_no: str, name: str, branch_id: int,
                      model_customer_no: str = MODEL_CUSTOMER) -> bool:
    """A customer of ``branch_id`` with a long ``name``, a 3.1억 income and ten loans of every kind, the first a
    12억 mortgage on a 25억 home (copies of the demo's active loans). False when the model customer is missing
    (a database without the demo)."""
    with database.session() as s:
        if _customer_id(s, customer_no) is not None:
            return True
        model = s.scalars(select(Customer).where(Customer.customer_no == model_customer_no)).one_or_none()
        if model is None:
            return False
        customer_id = _copy_customer(s, model, customer_no, name, branch_id, annual_income=310_000_000)
        loans: list[Loan] = []
        for kind in EDGE_LOAN_KINDS:
            found = s.scalars(select(Loan).where(Loan.kind == kind, Loan.status == "active",
                                                 Loan.id.not_in([l.id for l in loans]))
                              .order_by(Loan.id).limit(1)).first()
            if found is not None:
                loans.append(found)
        next_loan = (s.scalar(select(Loan.id).order_by(Loan.id.desc()).limit(1)) or 0) + 1
        skip = {"id", "customer"}
        for i, loan in enumerate(loans):
            values = {c.key: getattr(loan, c.key) for c in Loan.__mapper__.column_attrs if c.key not in skip}
            values.update(id=next_loan + i, loan_no=f"L{next_loan + i:010d}", customer_id=customer_id,
                          branch_id=branch_id, officer_id=None)
            if i == 0:
                values.update(EDGE_MORTGAGE)
            s.add(Loan(**values))
        s.commit()
    return True


def add_arrears_customer(database: Database, customer_no: str, name: str, branch_id: int,
                         model_customer_no: str = MODEL_CUSTOMER) -> str | None:
    """A customer of ``branch_id`` with a loan in arrears: a copy of the demo's first delinquent loan (of any
    branch) with its repayment history, the late instalments included. The generated demo has a few loans in
    arrears, but which branch they fall in changes with the day it is made (its ``as_of``), so the tour cannot
    count on one in the officer's branch. Returns the loan's number; None when the demo has no loan in arrears
    or no model customer."""
    with database.session() as s:
        customer_id = _customer_id(s, customer_no)
        if customer_id is not None:
            return s.scalar(select(Loan.loan_no).where(Loan.customer_id == customer_id, Loan.status == "delinquent")
                            .order_by(Loan.id).limit(1))
        model = s.scalars(select(Customer).where(Customer.customer_no == model_customer_no)).one_or_none()
        late = s.scalars(select(Loan).where(Loan.status == "delinquent").order_by(Loan.id).limit(1)).first()
        if model is None or late is None:
            return None
        customer_id = _copy_customer(s, model, customer_no, name, branch_id)
        loan_id = (s.scalar(select(Loan.id).order_by(Loan.id.desc()).limit(1)) or 0) + 1
        values = {c.key: getattr(late, c.key) for c in Loan.__mapper__.column_attrs if c.key not in {"id", "customer"}}
        values.update(id=loan_id, loan_no=f"L{loan_id:010d}", customer_id=customer_id, branch_id=branch_id,
                      officer_id=None)
        s.add(Loan(**values))
        s.flush()
        next_repayment = (s.scalar(select(Repayment.id).order_by(Repayment.id.desc()).limit(1)) or 0) + 1
        history = s.scalars(select(Repayment).where(Repayment.loan_id == late.id).order_by(Repayment.id)).all()
        for i, paid in enumerate(history):
            copied = {c.key: getattr(paid, c.key) for c in Repayment.__mapper__.column_attrs if c.key != "id"}
            s.add(Repayment(**{**copied, "id": next_repayment + i, "loan_id": loan_id}))
        s.commit()
        return values["loan_no"]


def add_namesakes(database: Database, branch_id: int, names: Sequence[str], first_customer_no: int,
                  model_customer_no: str = MODEL_CUSTOMER) -> list[str]:
    """Customers of ``branch_id`` named ``names`` (e.g. many of one surname, for a search that pages), numbered
    ``C{first_customer_no:08d}`` on; no loans. Returns their customer numbers."""
    numbers = [f"C{first_customer_no + i:08d}" for i in range(len(names))]
    with database.session() as s:
        model = s.scalars(select(Customer).where(Customer.customer_no == model_customer_no)).one()
        for number, name in zip(numbers, names, strict=True):
            if _customer_id(s, number) is None:
                _copy_customer(s, model, number, name, branch_id)
        s.commit()
    return numbers


def a_delinquent_loan(database: Database, branch_id: int) -> str | None:
    """A loan in arrears to show (the branch's first, else any the caller may read); None when the demo has none."""
    with database.session() as s:
        return s.scalar(select(Loan.loan_no).where(Loan.status == "delinquent", Loan.branch_id == branch_id)
                        .order_by(Loan.id).limit(1)) or s.scalar(
            select(Loan.loan_no).where(Loan.status == "delinquent").order_by(Loan.id).limit(1))


def _customer_id(s: Session, customer_no: str) -> int | None:
    return s.scalar(select(Customer.id).where(Customer.customer_no == customer_no))


def _copy_customer(s: Session, model: Customer, customer_no: str, name: str, branch_id: int, **changes) -> int:
    """A copy of ``model`` (and its credit scores) as a new customer; its id."""
    skip = {"id", "phone_last4", "created_on"}
    values = {c.key: getattr(model, c.key) for c in Customer.__mapper__.column_attrs if c.key not in skip}
    new_id = (s.scalar(select(Customer.id).order_by(Customer.id.desc()).limit(1)) or 0) + 1
    values.update(id=new_id, customer_no=customer_no, name=name, rrn_hmac=secrets.token_bytes(32),
                  home_branch_id=branch_id, **changes)
    s.add(Customer(**values))
    s.flush()
    for score in s.scalars(select(CreditScore).where(CreditScore.customer_id == model.id)).all():
        copied = {c.key: getattr(score, c.key) for c in CreditScore.__mapper__.column_attrs if c.key != "id"}
        s.add(CreditScore(**{**copied, "customer_id": new_id}))
    s.flush()
    return new_id
