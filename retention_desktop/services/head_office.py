"""본부 관리: what head office keeps the offers built from — re-loan products, other lenders' rate sheets,
index rates and the regulatory policy versions — read for the admin screen, and changed through the same
checks as the ``retention-admin import`` commands (a file or a form, all rows valid or nothing changes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from retention_desktop.data import api_calls
from retention_desktop.data.models import IndexRate, MarketOffer, Officer, PolicyVersion, Product
from retention_desktop.domain.errors import UserError
from retention_desktop.services import imports
from retention_desktop.services.imports import ImportRejected
from retention_desktop.services.officer_session import OfficerSession


class NotAllowed(UserError, PermissionError):
    pass


def _require_admin(officer: OfficerSession) -> None:
    if officer.role != "admin":
        raise NotAllowed("본부 관리자만 상품·금리·정책 자료를 바꿀 수 있습니다.")


@dataclass(frozen=True)
class ProductLine:
    code: str
    name: str
    loan_kind: str
    rate_type: str
    index_name: str | None
    min_amount: int
    max_amount: int
    min_term_months: int
    max_term_months: int
    min_credit_score: int
    list_spread_pct: Decimal
    min_rate_pct: Decimal
    max_rate_pct: Decimal
    prepayment_fee_pct: Decimal
    reloan_fee_waiver_pct: Decimal
    fees: int
    active: bool
    active_loans: int

    def as_fields(self) -> dict[str, str]:
        """The product as the text fields of an import row / the product form."""
        def text(value) -> str:
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, Decimal):
                return format(value.normalize(), "f")  # 3.8000 reads 3.8
            return "" if value is None else str(value)

        return {name: text(value) for name, value in self.__dict__.items() if name in imports.PRODUCT_HEADER}


@dataclass(frozen=True)
class IndexRateLine:
    index_name: str
    rate_date: dt.date
    annual_rate_pct: Decimal
    change_pct: Decimal | None  # against the index's previous published rate


@dataclass(frozen=True)
class PolicyLine:
    version: str
    effective_from: dt.date
    note: str
    created_by: str
    parameters: dict[str, Any]
    in_force: bool
    upcoming: bool


def products(officer: OfficerSession) -> list[ProductLine]:
    with officer.database.session() as s:
        # bank-wide counts: the admin's own scope would count only 본점's customers
        counts = {r["product_id"]: r["active_loans"] for r in api_calls.rows(s, "product_loan_counts")}
        rows = s.scalars(select(Product).order_by(Product.loan_kind, Product.code)).all()
        return [ProductLine(**{field: getattr(p, field) for field in imports.PRODUCT_HEADER},
                            active_loans=counts.get(p.id, 0)) for p in rows]


def market_offers(officer: OfficerSession) -> list[imports.MarketOfferRow]:
    """The latest sheet of every lender and loan kind (older sheets stay stored for the record)."""
    latest = (select(MarketOffer.lender, MarketOffer.loan_kind, func.max(MarketOffer.as_of).label("as_of"))
              .group_by(MarketOffer.lender, MarketOffer.loan_kind).subquery())
    with officer.database.session() as s:
        rows = s.scalars(select(MarketOffer).join(latest, (latest.c.lender == MarketOffer.lender)
                                                  & (latest.c.loan_kind == MarketOffer.loan_kind)
                                                  & (latest.c.as_of == MarketOffer.as_of))
                         .order_by(MarketOffer.loan_kind, MarketOffer.lender, MarketOffer.credit_score_min.desc())).all()
        return [imports.MarketOfferRow(o.lender, o.loan_kind, o.credit_score_min, o.credit_score_max,
                                       o.annual_rate_pct, o.fees, o.as_of, o.source) for o in rows]


def index_rates(officer: OfficerSession, per_index: int = 6) -> list[IndexRateLine]:
    """The last ``per_index`` published rates of every index, newest first, with the change from the one before."""
    ranked = select(IndexRate.index_name, IndexRate.rate_date, IndexRate.annual_rate_pct,
                    func.lag(IndexRate.annual_rate_pct).over(partition_by=IndexRate.index_name,
                                                             order_by=IndexRate.rate_date).label("previous"),
                    func.row_number().over(partition_by=IndexRate.index_name,
                                           order_by=IndexRate.rate_date.desc()).label("n")).subquery()
    with officer.database.session() as s:
        rows = s.execute(select(ranked.c.index_name, ranked.c.rate_date, ranked.c.annual_rate_pct, ranked.c.previous)
                         .where(ranked.c.n <= per_index)
                         .order_by(ranked.c.index_name, ranked.c.rate_date.desc())).all()
    return [IndexRateLine(name, day, rate, None if previous is None else rate - previous)
            for name, day, rate, previous in rows]


SEEDED_BY = "초기 설정 (설치 시 등록)"  # a version the schema's migrations brought, registered by no officer


def policy_versions(officer: OfficerSession, today: dt.date) -> list[PolicyLine]:
    """Every policy version, oldest first; ``created_by`` the officer who registered it (name and employee
    number), or ``SEEDED_BY`` for the versions installed with the schema."""
    with officer.database.session() as s:
        rows = s.scalars(select(PolicyVersion).order_by(PolicyVersion.effective_from)).all()
        people = {role: f"{name} ({no})" for role, name, no in
                  s.execute(select(Officer.db_role, Officer.name, Officer.employee_no)).all()}
        in_force = max((p.effective_from for p in rows if p.effective_from <= today), default=None)
        return [PolicyLine(p.version, p.effective_from, p.note, people.get(p.created_by, SEEDED_BY), p.parameters,
                           p.effective_from == in_force, p.effective_from > today) for p in rows]


def import_file(officer: OfficerSession, kind: str, path: Path) -> str:
    """Run one of the head-office imports as this officer; ``ImportRejected`` lists every bad line."""
    _require_admin(officer)
    return str(imports.IMPORTERS[kind](officer.database, path, officer.employee_no))


def save_product(officer: OfficerSession, fields: dict[str, str], new: bool) -> str:
    """A product added (``new``: the code must not exist yet) or changed on the form: the same checks as an
    import row."""
    _require_admin(officer)
    try:
        row = imports.validate_product(fields)
    except ValueError as exc:
        raise ImportRejected([str(exc)]) from exc
    imports.save_products(officer.database, [row], ["product form"], officer.employee_no, "product form",
                          only_new=new)
    return row["code"]


def save_policy(officer: OfficerSession, version: str, effective_from: str, parameters: dict[str, Any],
                note: str) -> str:
    _require_admin(officer)
    return imports.save_policy(officer.database, version, effective_from, parameters, note, officer.employee_no,
                               source="policy form")
