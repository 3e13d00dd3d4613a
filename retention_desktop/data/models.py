"""The schema: SQLAlchemy 2 models. Alembic revisions under ``db/versions`` create it.

Every table lives in the private schema ``data`` (owned by a role nobody logs in as). Officers never
reach these tables: their connections read the views of the same names in schema ``api`` (the session
translates ``data`` to ``api``; personal columns there are masked and rows limited to the officer's
scope) and change anything only through the ``api`` functions (``db/sql``). Batch and administration
connections use the tables as mapped here.

Money is BIGINT won (``int`` in Python), rates NUMERIC percent (``Decimal``), never float.
CHECK constraints are the last line of defence behind the validation at the edges.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from retention_desktop.domain.labels import PROPOSAL_DECISION
from retention_desktop.domain.kinds import DEBT_KINDS, LOAN_KINDS, METHODS, RATE_TYPES, REGIONS

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# the codes the engine validates (domain.quote) are the codes the schema allows
EXTERNAL_DEBT_KINDS = DEBT_KINDS
REPAYMENT_METHODS = METHODS
LOAN_STATUSES = ("active", "delinquent", "closed", "refinanced")
CLOSED_REASONS = ("matured", "repaid_early", "switched_away", "refinanced")
MODEL_KINDS = ("risk", "switching")
OFFICER_ROLES = ("officer", "manager", "admin", "security")
EMPLOYMENT_TYPES = ("salaried", "public_servant", "self_employed", "freelancer", "retired", "unemployed")
BUREAUS = ("NICE", "KCB")
INDEX_NAMES = ("COFIX_NEW", "COFIX_BALANCE", "BANK_BOND_6M", "BANK_BOND_12M", "BANK_BOND_5Y")
PROPOSAL_DECISIONS = tuple(PROPOSAL_DECISION)
APPLICATION_STATES = ("draft", "submitted", "approved", "rejected", "executed", "cancelled")
DOCUMENT_KINDS = ("income_proof", "id_copy", "other")
DOCUMENT_MEDIA_TYPES = ("application/pdf", "image/png", "image/jpeg")
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


MONEY = BigInteger
RATE = Numeric(7, 4)



SCHEMA = "data"  # the private schema; officers see the views of schema API instead
API_SCHEMA = "api"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING, schema=SCHEMA)


class AppMeta(Base):
    """Facts about this database: what demo data it holds, when it was generated."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)


class Branch(Base):
    """영업점."""

    __tablename__ = "branches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(20))  # 지점 대표번호, printed on proposals
    __table_args__ = (
        CheckConstraint(_in("region", REGIONS), name="region"),
        CheckConstraint("code ~ '^[0-9]{3,8}$'", name="code_digits"),
        CheckConstraint(r"phone IS NULL OR phone ~ '^(0[0-9]{1,2}-[0-9]{3,4}|1[0-9]{3})-[0-9]{4}$'",
                        name="phone_format"),
    )


class Officer(Base):
    """행원: a branch officer, manager, head-office admin or security (audit) officer, each with a database
    login role (``retention_desktop.data.roles``)."""

    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_no: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    db_role: Mapped[str] = mapped_column(String(63), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    branch: Mapped[Branch] = relationship()
    __table_args__ = (
        CheckConstraint(_in("role", OFFICER_ROLES), name="role"),
        CheckConstraint("db_role ~ '^[a-z_][a-z0-9_]{0,62}$'", name="db_role_name"),
    )


class Customer(Base):
    """고객. The resident registration number is never stored in clear: an HMAC and a mask."""

    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    customer_no: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    rrn_hmac: Mapped[bytes] = mapped_column(LargeBinary)
    rrn_masked: Mapped[str] = mapped_column(String(14))
    phone: Mapped[str] = mapped_column(String(20))
    phone_last4: Mapped[str] = mapped_column(
        String(4), Computed("right(regexp_replace(phone, '[^0-9]', '', 'g'), 4)", persisted=True)
    )
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str] = mapped_column(Text)
    employer: Mapped[str | None] = mapped_column(String(200))
    employment_type: Mapped[str] = mapped_column(String(16))
    annual_income: Mapped[int] = mapped_column(MONEY)
    income_verified_on: Mapped[dt.date | None] = mapped_column(Date)
    home_branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    salary_transfer: Mapped[bool] = mapped_column(Boolean, server_default="false")
    created_on: Mapped[dt.date] = mapped_column(Date, server_default=func.current_date())
    __table_args__ = (
        CheckConstraint("annual_income >= 0", name="income_not_negative"),
        CheckConstraint("birth_date > DATE '1900-01-01'", name="birth_date_plausible"),
        CheckConstraint("octet_length(rrn_hmac) = 32", name="rrn_hmac_length"),
        CheckConstraint("rrn_masked ~ '^[0-9]{6}-[0-9][*]{6}$'", name="rrn_masked_form"),
        CheckConstraint(_in("employment_type", EMPLOYMENT_TYPES), name="employment_type"),
        # the branch's customers straight off the index (row security compares both columns: revision 0011)
        Index("ix_customers_home_branch_id_id", "home_branch_id", "id"),
        UniqueConstraint("rrn_hmac", name="uq_customers_rrn_hmac"),
    )


class CreditScore(Base):
    """신용점수 이력 (NICE/KCB, 1–1000)."""

    __tablename__ = "credit_scores"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    scored_on: Mapped[dt.date] = mapped_column(Date)
    bureau: Mapped[str] = mapped_column(String(8))
    score: Mapped[int] = mapped_column(SmallInteger)
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 1000", name="score_range"),
        CheckConstraint(_in("bureau", BUREAUS), name="bureau"),
        Index("ix_credit_scores_customer_id_scored_on", "customer_id", "scored_on"),
    )


class Product(Base):
    """재대출 상품: who is eligible and the bounds its price must stay within."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    loan_kind: Mapped[str] = mapped_column(String(16))
    rate_type: Mapped[str] = mapped_column(String(16))
    index_name: Mapped[str | None] = mapped_column(String(16))
    min_amount: Mapped[int] = mapped_column(MONEY)
    max_amount: Mapped[int] = mapped_column(MONEY)
    min_term_months: Mapped[int] = mapped_column(SmallInteger)
    max_term_months: Mapped[int] = mapped_column(SmallInteger)
    min_credit_score: Mapped[int] = mapped_column(SmallInteger)
    list_spread_pct: Mapped[Decimal] = mapped_column(RATE)
    min_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    max_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    prepayment_fee_pct: Mapped[Decimal] = mapped_column(RATE)
    reloan_fee_waiver_pct: Mapped[Decimal] = mapped_column(RATE)
    fees: Mapped[int] = mapped_column(MONEY, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    __table_args__ = (
        CheckConstraint(_in("loan_kind", LOAN_KINDS), name="loan_kind"),
        CheckConstraint(_in("rate_type", RATE_TYPES), name="rate_type"),
        CheckConstraint("min_amount > 0 AND max_amount >= min_amount", name="amount_bounds"),
        CheckConstraint("min_term_months > 0 AND max_term_months >= min_term_months AND max_term_months <= 600",
                        name="term_bounds"),
        CheckConstraint("min_credit_score BETWEEN 1 AND 1000", name="min_credit_score"),
        CheckConstraint("min_rate_pct > 0 AND max_rate_pct >= min_rate_pct AND max_rate_pct <= 20",
                        name="rate_bounds"),
        CheckConstraint("prepayment_fee_pct BETWEEN 0 AND 5", name="prepayment_fee_pct"),
        CheckConstraint("reloan_fee_waiver_pct BETWEEN 0 AND 100", name="reloan_fee_waiver_pct"),
        CheckConstraint("fees >= 0", name="fees"),
    )


class Loan(Base):
    """우리 은행 대출. ``principal`` is the drawn amount, or the line limit of an overdraft."""

    __tablename__ = "loans"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    loan_no: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    kind: Mapped[str] = mapped_column(String(16))
    principal: Mapped[int] = mapped_column(MONEY)
    balance: Mapped[int] = mapped_column(MONEY)
    annual_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    rate_type: Mapped[str] = mapped_column(String(16))
    fixed_period_months: Mapped[int | None] = mapped_column(SmallInteger)
    index_name: Mapped[str | None] = mapped_column(String(16))
    spread_pct: Mapped[Decimal | None] = mapped_column(RATE)
    repayment_method: Mapped[str] = mapped_column(String(16))
    term_months: Mapped[int] = mapped_column(SmallInteger)
    grace_months: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    drawdown_date: Mapped[dt.date] = mapped_column(Date)
    maturity_date: Mapped[dt.date] = mapped_column(Date)
    collateral_value: Mapped[int | None] = mapped_column(MONEY)
    collateral_region: Mapped[str | None] = mapped_column(String(16))
    prepayment_fee_pct: Mapped[Decimal] = mapped_column(RATE)
    credit_score_at_drawdown: Mapped[int | None] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(16), server_default="active")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_reason: Mapped[str | None] = mapped_column(String(16))
    customer: Mapped[Customer] = relationship()
    __table_args__ = (
        CheckConstraint(_in("kind", LOAN_KINDS), name="kind"),
        CheckConstraint(_in("rate_type", RATE_TYPES), name="rate_type"),
        CheckConstraint(_in("repayment_method", REPAYMENT_METHODS), name="repayment_method"),
        CheckConstraint(_in("status", LOAN_STATUSES), name="status"),
        CheckConstraint("principal > 0", name="principal_positive"),
        CheckConstraint("balance >= 0 AND balance <= principal", name="balance_within_principal"),
        CheckConstraint("annual_rate_pct > 0 AND annual_rate_pct <= 100", name="rate_range"),
        CheckConstraint("term_months BETWEEN 1 AND 600", name="term_range"),
        CheckConstraint("grace_months >= 0 AND grace_months < term_months", name="grace_within_term"),
        CheckConstraint("maturity_date > drawdown_date", name="maturity_after_drawdown"),
        CheckConstraint("(rate_type IN ('mixed', 'periodic')) = (fixed_period_months IS NOT NULL)",
                        name="fixed_period_for_mixed_periodic"),
        CheckConstraint("fixed_period_months IS NULL OR fixed_period_months BETWEEN 1 AND term_months",
                        name="fixed_period_range"),
        CheckConstraint("index_name IS NULL OR " + _in("index_name", INDEX_NAMES), name="index_name"),
        CheckConstraint("kind <> 'mortgage' OR (collateral_value > 0 AND collateral_region IS NOT NULL)",
                        name="mortgage_collateral"),
        CheckConstraint("collateral_region IS NULL OR " + _in("collateral_region", REGIONS),
                        name="collateral_region"),
        CheckConstraint("prepayment_fee_pct BETWEEN 0 AND 5", name="prepayment_fee_pct"),
        CheckConstraint("credit_score_at_drawdown IS NULL OR credit_score_at_drawdown BETWEEN 1 AND 1000",
                        name="credit_score_at_drawdown"),
        CheckConstraint("(status IN ('closed', 'refinanced')) = (closed_on IS NOT NULL)", name="closed_on"),
        CheckConstraint("(closed_on IS NULL) = (closed_reason IS NULL)", name="closed_reason_with_date"),
        CheckConstraint("closed_reason IS NULL OR " + _in("closed_reason", CLOSED_REASONS), name="closed_reason"),
        Index("ix_loans_status_kind", "status", "kind"),
    )


# Name search: a byte-order ("C") index serves both the prefix match and the ordering of a page, and
# byte order of UTF-8 Hangul syllables is 가나다 order. (Revision 0005; it replaced a text_pattern_ops
# index that could not serve the ORDER BY under a language collation.)
Index("ix_customers_name_c", Customer.name.collate("C"), Customer.birth_date, Customer.customer_no)
Index("ix_customers_phone_last4_name", Customer.phone_last4, Customer.name.collate("C"), Customer.birth_date,
      Customer.customer_no)
Index("ix_customers_customer_no_c", Customer.customer_no.collate("C"))
Index("ix_loans_loan_no_c", Loan.loan_no.collate("C"))

# Alembic cannot reflect an expression index faithfully, so comparing models with the database skips it.
EXPRESSION_INDEXES = frozenset({"ix_customers_name_c", "ix_customers_phone_last4_name", "ix_customers_customer_no_c",
                                "ix_loans_loan_no_c", "ix_audit_log_proposal_no"})


def compared_by_alembic(obj, name, type_, _reflected, _compare_to) -> bool:
    return not (type_ == "index" and name in EXPRESSION_INDEXES)


class Repayment(Base):
    """상환 이력: one row per instalment due; ``paid_on`` empty while unpaid."""

    __tablename__ = "repayments"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    due_date: Mapped[dt.date] = mapped_column(Date)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    principal_paid: Mapped[int] = mapped_column(MONEY)
    interest_paid: Mapped[int] = mapped_column(MONEY)
    days_late: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    __table_args__ = (
        CheckConstraint("principal_paid >= 0 AND interest_paid >= 0", name="amounts_not_negative"),
        CheckConstraint("days_late >= 0", name="days_late_not_negative"),
        CheckConstraint("paid_on IS NULL OR days_late = GREATEST(paid_on - due_date, 0)", name="days_late_matches"),
        Index("ix_repayments_loan_id_due_date", "loan_id", "due_date"),
        # the late instalments alone (1–2 % of them): a model's late-payment count reads only these (revision 0010)
        Index("ix_repayments_late_loan_id_due_date", "loan_id", "due_date", postgresql_include=["days_late"],
              postgresql_where=text("days_late > 0")),
    )


class ExternalDebt(Base):
    """타 금융기관 부채 as reported by the credit bureau."""

    __tablename__ = "external_debts"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    reported_on: Mapped[dt.date] = mapped_column(Date)
    lender: Mapped[str] = mapped_column(String(100))
    lender_sector: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    balance: Mapped[int] = mapped_column(MONEY)
    annual_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    remaining_months: Mapped[int] = mapped_column(SmallInteger)
    repayment_method: Mapped[str] = mapped_column(String(16))
    credit_limit: Mapped[int | None] = mapped_column(MONEY)
    __table_args__ = (
        CheckConstraint(_in("kind", EXTERNAL_DEBT_KINDS), name="kind"),
        CheckConstraint(_in("lender_sector", ("bank", "non_bank")), name="lender_sector"),
        CheckConstraint(_in("repayment_method", REPAYMENT_METHODS), name="repayment_method"),
        CheckConstraint("balance >= 0", name="balance_not_negative"),
        CheckConstraint("annual_rate_pct > 0 AND annual_rate_pct <= 100", name="rate_range"),
        CheckConstraint("remaining_months BETWEEN 0 AND 600", name="remaining_months"),
        CheckConstraint("(kind = 'overdraft') = (credit_limit IS NOT NULL)", name="limit_for_overdraft"),
        CheckConstraint("credit_limit IS NULL OR credit_limit >= balance", name="limit_covers_balance"),
    )


class MarketOffer(Base):
    """경쟁사 금리 공시 (은행연합회 공시 형태): one credit band of one lender's sheet."""

    __tablename__ = "market_offers"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    lender: Mapped[str] = mapped_column(String(100))
    loan_kind: Mapped[str] = mapped_column(String(16))
    credit_score_min: Mapped[int] = mapped_column(SmallInteger)
    credit_score_max: Mapped[int] = mapped_column(SmallInteger)
    annual_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    fees: Mapped[int] = mapped_column(MONEY)
    as_of: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    __table_args__ = (
        CheckConstraint(_in("loan_kind", LOAN_KINDS), name="loan_kind"),
        CheckConstraint("credit_score_min BETWEEN 1 AND 1000 AND credit_score_max BETWEEN credit_score_min AND 1000",
                        name="credit_band"),
        CheckConstraint("annual_rate_pct > 0 AND annual_rate_pct <= 100", name="rate_range"),
        CheckConstraint("fees >= 0", name="fees"),
        UniqueConstraint("lender", "loan_kind", "credit_score_min", "as_of"),
        Index("ix_market_offers_loan_kind_as_of", "loan_kind", "as_of"),
    )


class IndexRate(Base):
    """기준금리 고시 (COFIX, 금융채) by date."""

    __tablename__ = "index_rates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    index_name: Mapped[str] = mapped_column(String(16))
    rate_date: Mapped[dt.date] = mapped_column(Date)
    annual_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    __table_args__ = (
        CheckConstraint(_in("index_name", INDEX_NAMES), name="index_name"),
        CheckConstraint("annual_rate_pct >= 0 AND annual_rate_pct <= 100", name="rate_range"),
        UniqueConstraint("index_name", "rate_date"),
    )


class VersionedParameters:
    """Parameters head office maintains as dated versions: each takes effect on its date."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(32), unique=True)
    effective_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONB)
    note: Mapped[str] = mapped_column(Text, server_default="")
    created_by: Mapped[str] = mapped_column(String(63), server_default=func.current_user())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PolicyVersion(VersionedParameters, Base):
    """A version of the regulatory parameters with the date it takes effect."""

    __tablename__ = "policies"


class Proposal(Base):
    """재대출 제안서: the quote shown to the customer, reproducible from its stored input."""

    __tablename__ = "proposals"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    proposal_no: Mapped[str] = mapped_column(String(32), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))  # where it was made (the officer's branch)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    valid_until: Mapped[dt.date] = mapped_column(Date)
    policy_version: Mapped[str] = mapped_column(ForeignKey("policies.version"))
    engine_version: Mapped[str] = mapped_column(String(32))
    quote_input: Mapped[dict[str, Any]] = mapped_column(JSONB)
    quote_output: Mapped[dict[str, Any]] = mapped_column(JSONB)
    input_sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    # the quote's canonical sha256, computed by the database (data.quote_sha256; revision 0012). Deferred: read
    # only by the verification functions, not by the api.proposals view, which revision 0011 creates before it
    quote_sha256: Mapped[str | None] = mapped_column(String(64), deferred=True)
    decision: Mapped[str] = mapped_column(String(16), server_default="none")
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        CheckConstraint(_in("decision", PROPOSAL_DECISIONS), name="decision"),
        CheckConstraint("(decision = 'none') = (decided_at IS NULL)", name="decided_at"),
        CheckConstraint("input_sha256 ~ '^[0-9a-f]{64}$'", name="input_sha256"),
        CheckConstraint("pdf_sha256 IS NULL OR pdf_sha256 ~ '^[0-9a-f]{64}$'", name="pdf_sha256"),
        CheckConstraint("(pdf IS NULL) = (pdf_sha256 IS NULL)", name="pdf_with_hash"),
        CheckConstraint("quote_sha256 IS NULL OR quote_sha256 ~ '^[0-9a-f]{64}$'", name="quote_sha256"),
        # at most 64 KiB of JSON text each (revision 0017: rows nobody may delete, filled by hand in the fifth round)
        CheckConstraint("octet_length(quote_input::text) <= 65536 AND octet_length(quote_output::text) <= 65536",
                        name="quote_size"),
        Index("ix_proposals_branch_id_created_at", "branch_id", "created_at"),
    )


class Application(Base):
    """재대출 신청 (or a rate renegotiation's, revision 0017: no product, the running loan keeps its contract): filed
    from an accepted proposal; optimistic locking on ``row_version``."""

    __tablename__ = "applications"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    application_no: Mapped[str] = mapped_column(String(32), unique=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    old_loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    new_loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"))  # a renegotiation's: the loan itself
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))  # none for a renegotiation
    annual_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    amount: Mapped[int] = mapped_column(MONEY)
    term_months: Mapped[int] = mapped_column(SmallInteger)
    state: Mapped[str] = mapped_column(String(16), server_default="draft")
    needs_manager_approval: Mapped[bool] = mapped_column(Boolean, server_default="false")
    created_by: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))  # where it was filed (the filer's branch)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    row_version: Mapped[int] = mapped_column(Integer, server_default="1")
    # the terms as approved, and by whom: execution re-checks the application against them
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    approved_rate_pct: Mapped[Decimal | None] = mapped_column(RATE)
    approved_amount: Mapped[int | None] = mapped_column(MONEY)
    approved_term_months: Mapped[int | None] = mapped_column(SmallInteger)
    __mapper_args__ = {"version_id_col": row_version}
    __table_args__ = (
        CheckConstraint(_in("state", APPLICATION_STATES), name="state"),
        CheckConstraint("annual_rate_pct > 0 AND annual_rate_pct <= 100", name="rate_range"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("term_months BETWEEN 1 AND 600", name="term_range"),
        CheckConstraint("(state = 'executed') = (new_loan_id IS NOT NULL)", name="new_loan_when_executed"),
        # one application in progress per loan, even when two officers file at the same instant
        Index("uq_applications_open_per_loan", "old_loan_id", unique=True,
              postgresql_where=text("state IN ('draft', 'submitted', 'approved')")),
        Index("ix_applications_branch_id_updated_at", "branch_id", "updated_at"),
        CheckConstraint("state NOT IN ('approved', 'executed') OR approved_by IS NOT NULL", name="approved_by_when_approved"),
    )


class ApplicationEvent(Base):
    """One state transition of an application: who, when, from, to, why."""

    __tablename__ = "application_events"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, server_default="")
    __table_args__ = (
        CheckConstraint("from_state IS NULL OR " + _in("from_state", APPLICATION_STATES), name="from_state"),
        CheckConstraint(_in("to_state", APPLICATION_STATES), name="to_state"),
    )


class Document(Base):
    """첨부 서류 (income proof, ID copy) with its content and sha256."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    uploaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # 0 for every document stored since the security revision (the same file twice on the same customer or
    # application is refused by uq_documents_same_file); copies stored before it are kept, numbered 1, 2, …
    copy_no: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    __table_args__ = (
        UniqueConstraint("sha256", "customer_id", "application_id", "copy_no", name="uq_documents_same_file",
                         postgresql_nulls_not_distinct=True),
        CheckConstraint("copy_no >= 0", name="copy_no"),
        CheckConstraint("customer_id IS NOT NULL OR application_id IS NOT NULL", name="attached"),
        CheckConstraint(_in("kind", DOCUMENT_KINDS), name="kind"),
        CheckConstraint(_in("media_type", DOCUMENT_MEDIA_TYPES), name="media_type"),
        CheckConstraint(f"size_bytes > 0 AND size_bytes <= {DOCUMENT_MAX_BYTES}", name="size"),
        CheckConstraint("size_bytes = octet_length(content)", name="size_matches"),
        CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="sha256"),
    )


class AuditEvent(Base):
    """개인정보 접근기록: who, when, from where, which data subject, what action.

    Written only by the database's own functions (``data.audit``): who is the session's login role,
    when is the server's clock. Each row is chained to the one before by ``row_hash = sha256(prev_hash ||
    canonical row)`` (``services.audit_trail``), so an edited, deleted or inserted row shows. A trigger
    refuses UPDATE, DELETE and TRUNCATE for everyone. Subjects are recorded by their business numbers (no
    foreign keys) so that the record outlives the rows it speaks of.
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    db_user: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    employee_no: Mapped[str | None] = mapped_column(String(16))
    client_addr: Mapped[str | None] = mapped_column(String(64))  # as the server saw it; empty for local sockets
    workstation: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(64))
    customer_no: Mapped[str | None] = mapped_column(String(16))
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary)
    row_hash: Mapped[bytes] = mapped_column(LargeBinary)
    __table_args__ = (
        CheckConstraint("action ~ '^[a-z_.]+$'", name="action_form"),
        CheckConstraint("octet_length(prev_hash) = 32 AND octet_length(row_hash) = 32", name="hash_lengths"),
        Index("ix_audit_log_customer_no_at", "customer_no", "at"),
        Index("ix_audit_log_employee_no_at", "employee_no", "at"),
        Index("ix_audit_log_at", "at"),
        UniqueConstraint("row_hash", name="uq_audit_log_row_hash"),
    )


class AuditChainHead(Base):
    """The last row of the audit chain; its row lock serialises the writers of the chain."""

    __tablename__ = "audit_chain_head"
    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, server_default="1")
    last_id: Mapped[int] = mapped_column(BigInteger, server_default="0")
    last_hash: Mapped[bytes] = mapped_column(LargeBinary)
    row_count: Mapped[int] = mapped_column(BigInteger, server_default="0")
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class AccessTicket(Base):
    """A recorded access to personal data, committed before the data is shown (``api.record_access``): the
    function that shows it redeems the ticket — the recording officer's, for its purpose, for ten minutes,
    recorded by a transaction that has committed."""

    __tablename__ = "access_tickets"
    audit_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # its audit row (no key: the trail stands alone)
    db_role: Mapped[str] = mapped_column(String(63))
    purpose: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    xact: Mapped[int] = mapped_column(BigInteger)  # the recording transaction (pg_current_xact_id())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SearchTicket(Base):
    """A recorded search (``api.record_search``, revision 0013): the customers it will show, in order, each in
    the officer's scope or not; served by ``api.search_customers(ticket)`` once the recording has committed,
    to the recording role, for ten minutes."""

    __tablename__ = "search_tickets"
    audit_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # its audit row 'customer.search'
    db_role: Mapped[str] = mapped_column(String(63))
    xact: Mapped[int] = mapped_column(BigInteger)  # the recording transaction (pg_current_xact_id())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    query_kind: Mapped[str] = mapped_column(String(16))
    customer_ids: Mapped[list[int]] = mapped_column(ARRAY(BigInteger))
    in_scope: Mapped[list[bool]] = mapped_column(ARRAY(Boolean))
    __table_args__ = (
        CheckConstraint("cardinality(customer_ids) = cardinality(in_scope)", name="one_flag_per_customer"),
        Index("ix_search_tickets_db_role_created_at", "db_role", "created_at"),
    )


class SearchDaily(Base):
    """Per login role and bank day: other branches' customers searches showed, and withheld past the limit; and
    the searches that probed other branches (revision 0015: identifying, and found nobody in the officer's scope
    or showed someone elsewhere), hit or miss."""

    __tablename__ = "search_daily"
    db_role: Mapped[str] = mapped_column(String(63), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    outside_hits: Mapped[int] = mapped_column(Integer, server_default="0")
    withheld: Mapped[int] = mapped_column(Integer, server_default="0")
    probes: Mapped[int] = mapped_column(Integer, server_default="0")
    __table_args__ = (CheckConstraint("outside_hits >= 0 AND withheld >= 0 AND probes >= 0", name="counts"),)


class SearchLimit(Base):
    """타지점 검색 한도 (head office, ``api.set_search_limit``): from ``valid_from``, how many other branches'
    customers an officer may be shown by searches a day."""

    __tablename__ = "search_limits"
    valid_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    outside_hits_per_day: Mapped[int] = mapped_column(Integer)
    set_by: Mapped[str] = mapped_column(String(63), server_default=text("SESSION_USER"))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (CheckConstraint("outside_hits_per_day BETWEEN 0 AND 10000", name="range"),)


class SearchProbeLimit(Base):
    """타지점 식별 검색 한도 (head office, ``api.set_search_probe_limit``, revision 0015): from ``valid_from``, how
    many searches a day an officer may make that could identify another branch's customer and found nobody in
    their own scope, hit or miss."""

    __tablename__ = "search_probe_limits"
    valid_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    probes_per_day: Mapped[int] = mapped_column(Integer)
    set_by: Mapped[str] = mapped_column(String(63), server_default=text("SESSION_USER"))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (CheckConstraint("probes_per_day BETWEEN 0 AND 10000", name="range"),)


class IncomeConfirmationThreshold(Base):
    """소득 이중 확인 기준 (head office, ``api.set_income_confirmation_threshold``, revision 0017): from
    ``valid_from``, an income confirmed above ``amount`` won a year takes effect only once a second person (a
    manager who neither asked nor attached the proof) confirms it; ``source`` says whose rule it is (the bank's
    internal control, no regulation)."""

    __tablename__ = "income_confirmation_thresholds"
    valid_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    amount: Mapped[int] = mapped_column(MONEY)
    source: Mapped[str] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(63), server_default=text("SESSION_USER"))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (CheckConstraint("amount BETWEEN 1 AND 100000000000", name="range"),
                      CheckConstraint("length(btrim(source)) BETWEEN 4 AND 500", name="source"))


class IncomeConfirmation(Base):
    """An income confirmed above head office's threshold, waiting for (or given) a manager's confirmation
    (``api.confirm_income``, revision 0017): the amount, the proof's sha256, who asked and who decided."""

    __tablename__ = "income_confirmations"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    amount: Mapped[int] = mapped_column(MONEY)
    evidence_sha256: Mapped[str] = mapped_column(String(64))
    requested_by: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    state: Mapped[str] = mapped_column(String(16), server_default="pending")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (CheckConstraint("amount BETWEEN 0 AND 100000000000", name="amount"),
                      CheckConstraint("state IN ('pending', 'confirmed', 'superseded')", name="state"),
                      CheckConstraint("(state = 'pending') = (decided_at IS NULL)", name="decided"))


class SearchSecret(Base):
    """The key of the searches' keyed hash (HMAC-SHA-256 of the query): 32 random bytes, read by rd_owner only."""

    __tablename__ = "search_secret"
    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, server_default="1")
    key: Mapped[bytes] = mapped_column(LargeBinary)
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),
                      CheckConstraint("octet_length(key) = 32", name="key_length"))


class ConsultationGrant(Base):
    """상담 열람: another branch's customer opened to one officer, for a reason, for a few hours."""

    __tablename__ = "consultation_grants"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    db_role: Mapped[str] = mapped_column(String(63))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        CheckConstraint("length(btrim(reason)) BETWEEN 4 AND 200", name="reason_length"),
        CheckConstraint("expires_at > granted_at", name="expires_after_grant"),
        Index("ix_consultation_grants_db_role_expires_at", "db_role", "expires_at"),
    )


class TrustRoot(Base):
    """A root certificate head office trusts for proposal signatures (central configuration, pinned by its
    SHA-256 fingerprint in the chained audit trail)."""

    __tablename__ = "trust_roots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(Text)
    pem: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, server_default="")
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    added_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (CheckConstraint("fingerprint_sha256 ~ '^[0-9a-f]{64}$'", name="fingerprint_form"),)


class ApprovalLimit(Base):
    """전결 금액 한도: the largest re-loan amount each role may approve (the rate authority is in the pricing
    rules, ``authority_pct``)."""

    __tablename__ = "approval_limits"
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    max_amount: Mapped[int] = mapped_column(MONEY)
    updated_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (
        CheckConstraint("role IN ('officer', 'manager', 'admin')", name="role"),
        CheckConstraint("max_amount > 0", name="max_amount_positive"),
    )


class PricingRules(VersionedParameters, Base):
    """The bank's pricing parameters for re-loans (head office), versioned by effective date."""

    __tablename__ = "pricing_rules"


class ModelVersion(Base):
    """A trained risk or switching model: its parameters (plain numbers, never pickled code) and model card."""

    __tablename__ = "model_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    version: Mapped[str] = mapped_column(String(64), unique=True)
    trained_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONB)
    card: Mapped[dict[str, Any]] = mapped_column(JSONB)
    __table_args__ = (
        CheckConstraint(_in("kind", MODEL_KINDS), name="kind"),
        Index("ix_model_versions_kind_trained_at", "kind", "trained_at"),
    )


class CallListEntry(Base):
    """One loan on a branch's dated retention call list, with why and what to offer."""

    __tablename__ = "call_list_entries"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    as_of: Mapped[dt.date] = mapped_column(Date)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    branch_rank: Mapped[int] = mapped_column(Integer)
    switching_probability: Mapped[Decimal] = mapped_column(Numeric(6, 4))
    value_at_risk: Mapped[int] = mapped_column(MONEY)
    recommended_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    current_rate_pct: Mapped[Decimal] = mapped_column(RATE)
    rate_cut_right: Mapped[bool] = mapped_column(Boolean)
    fee_window_ends_on: Mapped[dt.date | None] = mapped_column(Date)
    switch_eligible_from: Mapped[dt.date | None] = mapped_column(Date)
    reasons: Mapped[list[str]] = mapped_column(JSONB)
    model_version: Mapped[str] = mapped_column(String(64))
    # the recommended action (revision 0009; NULL on lists written before it)
    action: Mapped[str | None] = mapped_column(String(16))
    expected_value: Mapped[int | None] = mapped_column(BigInteger)
    expected_value_gain: Mapped[int | None] = mapped_column(BigInteger)
    eligibility: Mapped[str | None] = mapped_column(Text)
    customer_saving: Mapped[int | None] = mapped_column(BigInteger)
    customer_monthly_saving: Mapped[int | None] = mapped_column(BigInteger)
    __table_args__ = (
        UniqueConstraint("as_of", "loan_id"),
        CheckConstraint("action IS NULL OR (action IN ('renegotiation', 'reloan') AND recommended_rate_pct < "
                        "current_rate_pct AND expected_value_gain > 0 AND customer_saving > 0)", name="action"),
        CheckConstraint("switching_probability BETWEEN 0 AND 1", name="probability"),
        CheckConstraint("value_at_risk >= 0", name="value_at_risk"),
        CheckConstraint("branch_rank >= 1", name="branch_rank"),
        Index("ix_call_list_entries_as_of_branch_id_branch_rank", "as_of", "branch_id", "branch_rank"),
        Index("ix_call_list_entries_as_of_officer_id", "as_of", "officer_id"),
        Index("ix_call_list_entries_customer_id", "customer_id"),
    )


class ScoringRun(Base):
    """One score-portfolio run of a date, in ``parts`` parts; open until its call list is written."""

    __tablename__ = "scoring_runs"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    as_of: Mapped[dt.date] = mapped_column(Date)
    parts: Mapped[int] = mapped_column(SmallInteger)
    basis_fingerprint: Mapped[str] = mapped_column(String(64))  # sha256 of models, rules, policy, products, rates
    model_version: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    entries: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("parts BETWEEN 1 AND 1024", name="parts"),
        Index("uq_scoring_runs_open_per_day", "as_of", unique=True, postgresql_where=text("finished_at IS NULL")),
    )


class ScoringChunk(Base):
    """A chunk of a part stored: the last customer it covered (a resumed part goes on after it), its loans and
    counts (actions, violations). ``final`` marks the part complete."""

    __tablename__ = "scoring_chunks"
    run_id: Mapped[int] = mapped_column(ForeignKey("scoring_runs.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_customer: Mapped[int] = mapped_column(BigInteger)
    loans: Mapped[int] = mapped_column(Integer)
    counts: Mapped[dict] = mapped_column(JSONB)
    final: Mapped[bool] = mapped_column(Boolean, server_default="false")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    __table_args__ = (CheckConstraint("loans >= 0", name="loans"),)


class ScoringCandidate(Base):
    """A loan worth a call, staged until every part of its run is in and the ranking writes the call list."""

    __tablename__ = "scoring_candidates"
    run_id: Mapped[int] = mapped_column(ForeignKey("scoring_runs.id", ondelete="CASCADE"), primary_key=True)
    loan_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    customer_id: Mapped[int] = mapped_column(BigInteger)
    branch_id: Mapped[int] = mapped_column(Integer)
    officer_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    expected_value: Mapped[int] = mapped_column(BigInteger)
    expected_value_gain: Mapped[int] = mapped_column(BigInteger)
    recommended_bp: Mapped[int] = mapped_column(Integer)
    current_bp: Mapped[int] = mapped_column(Integer)
    renegotiation_ok: Mapped[bool] = mapped_column(Boolean)
    reloan_ok: Mapped[bool] = mapped_column(Boolean)
    customer_saving: Mapped[int] = mapped_column(BigInteger)
    customer_monthly_saving: Mapped[int] = mapped_column(BigInteger)
    switching_probability: Mapped[Decimal] = mapped_column(Numeric(6, 4))
    value_at_risk: Mapped[int] = mapped_column(BigInteger)
    rate_cut_right: Mapped[bool] = mapped_column(Boolean)
    fee_window_ends_on: Mapped[dt.date | None] = mapped_column(Date)
    switch_eligible_from: Mapped[dt.date | None] = mapped_column(Date)
    market_rate_pct: Mapped[Decimal | None] = mapped_column(Numeric(7, 4))  # the best disclosed rate, % (a reason)
    score_change: Mapped[int] = mapped_column(Integer)
    reloan_dsr_exempt: Mapped[bool] = mapped_column(Boolean)
    reloan_stressed: Mapped[bool] = mapped_column(Boolean)
    reloan_dsr_hundredths: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("action IN ('renegotiation', 'reloan') AND expected_value_gain > 0", name="worth_a_call"),
        Index("ix_scoring_candidates_run_id_branch_id_gain", "run_id", "branch_id", "expected_value_gain"),
    )
