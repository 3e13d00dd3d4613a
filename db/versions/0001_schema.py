"""The schema: branches, officers, customers, loans, repayments, debts, offers, policy, proposals,
applications, documents and the audit log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 00:01:27.755979
"""
from alembic import op

from retention_desktop.data import roles  # the installation's role prefix (RETENTION_ROLE_PREFIX)
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('db_user', sa.String(length=63), server_default=sa.text('CURRENT_USER'), nullable=False),
    sa.Column('employee_no', sa.String(length=16), nullable=True),
    sa.Column('workstation', sa.String(length=255), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('customer_no', sa.String(length=16), nullable=True),
    sa.Column('details', postgresql.JSONB(astext_type=sa.Text()), server_default='{}', nullable=False),
    sa.CheckConstraint("action ~ '^[a-z_.]+$'", name=op.f('ck_audit_log_action_form')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index('ix_audit_log_customer_no_at', 'audit_log', ['customer_no', 'at'], unique=False)
    op.create_index('ix_audit_log_employee_no_at', 'audit_log', ['employee_no', 'at'], unique=False)
    op.create_table('branches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('region', sa.String(length=16), nullable=False),
    sa.CheckConstraint("code ~ '^[0-9]{3,8}$'", name=op.f('ck_branches_code_digits')),
    sa.CheckConstraint("region IN ('capital', 'non_capital')", name=op.f('ck_branches_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_branches')),
    sa.UniqueConstraint('code', name=op.f('uq_branches_code'))
    )
    op.create_table('index_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('index_name', sa.String(length=16), nullable=False),
    sa.Column('rate_date', sa.Date(), nullable=False),
    sa.Column('annual_rate_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.CheckConstraint("index_name IN ('COFIX_NEW', 'COFIX_BALANCE', 'BANK_BOND_6M', 'BANK_BOND_12M', 'BANK_BOND_5Y')", name=op.f('ck_index_rates_index_name')),
    sa.CheckConstraint('annual_rate_pct >= 0 AND annual_rate_pct <= 100', name=op.f('ck_index_rates_rate_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_index_rates')),
    sa.UniqueConstraint('index_name', 'rate_date', name=op.f('uq_index_rates_index_name_rate_date'))
    )
    op.create_table('market_offers',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('lender', sa.String(length=100), nullable=False),
    sa.Column('loan_kind', sa.String(length=16), nullable=False),
    sa.Column('credit_score_min', sa.SmallInteger(), nullable=False),
    sa.Column('credit_score_max', sa.SmallInteger(), nullable=False),
    sa.Column('annual_rate_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('fees', sa.BigInteger(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.CheckConstraint("loan_kind IN ('credit', 'mortgage', 'jeonse', 'other_secured', 'overdraft')", name=op.f('ck_market_offers_loan_kind')),
    sa.CheckConstraint('annual_rate_pct > 0 AND annual_rate_pct <= 100', name=op.f('ck_market_offers_rate_range')),
    sa.CheckConstraint('credit_score_min BETWEEN 1 AND 1000 AND credit_score_max BETWEEN credit_score_min AND 1000', name=op.f('ck_market_offers_credit_band')),
    sa.CheckConstraint('fees >= 0', name=op.f('ck_market_offers_fees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_market_offers')),
    sa.UniqueConstraint('lender', 'loan_kind', 'credit_score_min', 'as_of', name=op.f('uq_market_offers_lender_loan_kind_credit_score_min_as_of'))
    )
    op.create_index('ix_market_offers_loan_kind_as_of', 'market_offers', ['loan_kind', 'as_of'], unique=False)
    op.create_table('policies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(length=32), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('parameters', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('created_by', sa.String(length=63), server_default=sa.text('CURRENT_USER'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_policies')),
    sa.UniqueConstraint('effective_from', name=op.f('uq_policies_effective_from')),
    sa.UniqueConstraint('version', name=op.f('uq_policies_version'))
    )
    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('loan_kind', sa.String(length=16), nullable=False),
    sa.Column('rate_type', sa.String(length=16), nullable=False),
    sa.Column('index_name', sa.String(length=16), nullable=True),
    sa.Column('min_amount', sa.BigInteger(), nullable=False),
    sa.Column('max_amount', sa.BigInteger(), nullable=False),
    sa.Column('min_term_months', sa.SmallInteger(), nullable=False),
    sa.Column('max_term_months', sa.SmallInteger(), nullable=False),
    sa.Column('min_credit_score', sa.SmallInteger(), nullable=False),
    sa.Column('list_spread_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('min_rate_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('max_rate_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('prepayment_fee_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('reloan_fee_waiver_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('fees', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='true', nullable=False),
    sa.CheckConstraint("loan_kind IN ('credit', 'mortgage', 'jeonse', 'other_secured', 'overdraft')", name=op.f('ck_products_loan_kind')),
    sa.CheckConstraint("rate_type IN ('fixed', 'variable', 'mixed', 'periodic')", name=op.f('ck_products_rate_type')),
    sa.CheckConstraint('fees >= 0', name=op.f('ck_products_fees')),
    sa.CheckConstraint('min_amount > 0 AND max_amount >= min_amount', name=op.f('ck_products_amount_bounds')),
    sa.CheckConstraint('min_credit_score BETWEEN 1 AND 1000', name=op.f('ck_products_min_credit_score')),
    sa.CheckConstraint('min_rate_pct > 0 AND max_rate_pct >= min_rate_pct AND max_rate_pct <= 20', name=op.f('ck_products_rate_bounds')),
    sa.CheckConstraint('min_term_months > 0 AND max_term_months >= min_term_months AND max_term_months <= 600', name=op.f('ck_products_term_bounds')),
    sa.CheckConstraint('prepayment_fee_pct BETWEEN 0 AND 5', name=op.f('ck_products_prepayment_fee_pct')),
    sa.CheckConstraint('reloan_fee_waiver_pct BETWEEN 0 AND 100', name=op.f('ck_products_reloan_fee_waiver_pct')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('code', name=op.f('uq_products_code'))
    )
    op.create_table('customers',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('customer_no', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('rrn_hmac', sa.LargeBinary(), nullable=False),
    sa.Column('rrn_masked', sa.String(length=14), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('phone_last4', sa.String(length=4), sa.Computed("right(regexp_replace(phone, '[^0-9]', '', 'g'), 4)", persisted=True), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('employer', sa.String(length=200), nullable=True),
    sa.Column('employment_type', sa.String(length=16), nullable=False),
    sa.Column('annual_income', sa.BigInteger(), nullable=False),
    sa.Column('income_verified_on', sa.Date(), nullable=True),
    sa.Column('home_branch_id', sa.Integer(), nullable=False),
    sa.Column('salary_transfer', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('created_on', sa.Date(), server_default=sa.text('CURRENT_DATE'), nullable=False),
    sa.CheckConstraint("birth_date > DATE '1900-01-01'", name=op.f('ck_customers_birth_date_plausible')),
    sa.CheckConstraint("employment_type IN ('salaried', 'public_servant', 'self_employed', 'freelancer', 'retired', 'unemployed')", name=op.f('ck_customers_employment_type')),
    sa.CheckConstraint("rrn_masked ~ '^[0-9]{6}-[0-9][*]{6}$'", name=op.f('ck_customers_rrn_masked_form')),
    sa.CheckConstraint('annual_income >= 0', name=op.f('ck_customers_income_not_negative')),
    sa.CheckConstraint('octet_length(rrn_hmac) = 32', name=op.f('ck_customers_rrn_hmac_length')),
    sa.ForeignKeyConstraint(['home_branch_id'], ['branches.id'], name=op.f('fk_customers_home_branch_id_branches')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('customer_no', name=op.f('uq_customers_customer_no')),
    sa.UniqueConstraint('rrn_hmac', name='uq_customers_rrn_hmac')
    )
    op.create_index('ix_customers_home_branch_id', 'customers', ['home_branch_id'], unique=False)
    op.create_index('ix_customers_name_prefix', 'customers', ['name', 'birth_date'], unique=False, postgresql_ops={'name': 'text_pattern_ops'})
    op.create_index('ix_customers_phone_last4', 'customers', ['phone_last4'], unique=False)
    op.create_table('officers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_no', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('db_role', sa.String(length=63), nullable=False),
    sa.Column('active', sa.Boolean(), server_default='true', nullable=False),
    sa.CheckConstraint(f"db_role ~ '^{roles.prefix()}[a-z0-9_]{{1,59}}$'", name=op.f('ck_officers_db_role_name')),
    sa.CheckConstraint("role IN ('officer', 'manager', 'admin')", name=op.f('ck_officers_role')),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_officers_branch_id_branches')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officers')),
    sa.UniqueConstraint('db_role', name=op.f('uq_officers_db_role')),
    sa.UniqueConstraint('employee_no', name=op.f('uq_officers_employee_no'))
    )
    op.create_index(op.f('ix_officers_branch_id'), 'officers', ['branch_id'], unique=False)
    op.create_table('credit_scores',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('scored_on', sa.Date(), nullable=False),
    sa.Column('bureau', sa.String(length=8), nullable=False),
    sa.Column('score', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint("bureau IN ('NICE', 'KCB')", name=op.f('ck_credit_scores_bureau')),
    sa.CheckConstraint('score BETWEEN 1 AND 1000', name=op.f('ck_credit_scores_score_range')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_credit_scores_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_scores'))
    )
    op.create_index('ix_credit_scores_customer_id_scored_on', 'credit_scores', ['customer_id', 'scored_on'], unique=False)
    op.create_table('external_debts',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('lender', sa.String(length=100), nullable=False),
    sa.Column('lender_sector', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('annual_rate_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('remaining_months', sa.SmallInteger(), nullable=False),
    sa.Column('repayment_method', sa.String(length=16), nullable=False),
    sa.Column('credit_limit', sa.BigInteger(), nullable=True),
    sa.CheckConstraint("(kind = 'overdraft') = (credit_limit IS NOT NULL)", name=op.f('ck_external_debts_limit_for_overdraft')),
    sa.CheckConstraint("kind IN ('credit', 'mortgage', 'jeonse', 'other_secured', 'overdraft', 'card_loan', 'instalment', 'student')", name=op.f('ck_external_debts_kind')),
    sa.CheckConstraint("lender_sector IN ('bank', 'non_bank')", name=op.f('ck_external_debts_lender_sector')),
    sa.CheckConstraint("repayment_method IN ('equal_payment', 'equal_principal', 'bullet')", name=op.f('ck_external_debts_repayment_method')),
    sa.CheckConstraint('annual_rate_pct > 0 AND annual_rate_pct <= 100', name=op.f('ck_external_debts_rate_range')),
    sa.CheckConstraint('balance >= 0', name=op.f('ck_external_debts_balance_not_negative')),
    sa.CheckConstraint('credit_limit IS NULL OR credit_limit >= balance', name=op.f('ck_external_debts_limit_covers_balance')),
    sa.CheckConstraint('remaining_months BETWEEN 0 AND 600', name=op.f('ck_external_debts_remaining_months')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_external_debts_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_debts'))
    )
    op.create_index(op.f('ix_external_debts_customer_id'), 'external_debts', ['customer_id'], unique=False)
    op.create_table('loans',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('loan_no', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('principal', sa.BigInteger(), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('annual_rate_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('rate_type', sa.String(length=16), nullable=False),
    sa.Column('fixed_period_months', sa.SmallInteger(), nullable=True),
    sa.Column('index_name', sa.String(length=16), nullable=True),
    sa.Column('spread_pct', sa.Numeric(precision=7, scale=4), nullable=True),
    sa.Column('repayment_method', sa.String(length=16), nullable=False),
    sa.Column('term_months', sa.SmallInteger(), nullable=False),
    sa.Column('grace_months', sa.SmallInteger(), server_default='0', nullable=False),
    sa.Column('drawdown_date', sa.Date(), nullable=False),
    sa.Column('maturity_date', sa.Date(), nullable=False),
    sa.Column('collateral_value', sa.BigInteger(), nullable=True),
    sa.Column('collateral_region', sa.String(length=16), nullable=True),
    sa.Column('prepayment_fee_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('credit_score_at_drawdown', sa.SmallInteger(), nullable=True),
    sa.Column('status', sa.String(length=16), server_default='active', nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.CheckConstraint("(rate_type IN ('mixed', 'periodic')) = (fixed_period_months IS NOT NULL)", name=op.f('ck_loans_fixed_period_for_mixed_periodic')),
    sa.CheckConstraint("(status IN ('closed', 'refinanced')) = (closed_on IS NOT NULL)", name=op.f('ck_loans_closed_on')),
    sa.CheckConstraint("collateral_region IS NULL OR collateral_region IN ('capital', 'non_capital')", name=op.f('ck_loans_collateral_region')),
    sa.CheckConstraint("index_name IS NULL OR index_name IN ('COFIX_NEW', 'COFIX_BALANCE', 'BANK_BOND_6M', 'BANK_BOND_12M', 'BANK_BOND_5Y')", name=op.f('ck_loans_index_name')),
    sa.CheckConstraint("kind <> 'mortgage' OR (collateral_value > 0 AND collateral_region IS NOT NULL)", name=op.f('ck_loans_mortgage_collateral')),
    sa.CheckConstraint("kind IN ('credit', 'mortgage', 'jeonse', 'other_secured', 'overdraft')", name=op.f('ck_loans_kind')),
    sa.CheckConstraint("rate_type IN ('fixed', 'variable', 'mixed', 'periodic')", name=op.f('ck_loans_rate_type')),
    sa.CheckConstraint("repayment_method IN ('equal_payment', 'equal_principal', 'bullet')", name=op.f('ck_loans_repayment_method')),
    sa.CheckConstraint("status IN ('active', 'delinquent', 'closed', 'refinanced')", name=op.f('ck_loans_status')),
    sa.CheckConstraint('annual_rate_pct > 0 AND annual_rate_pct <= 100', name=op.f('ck_loans_rate_range')),
    sa.CheckConstraint('balance >= 0 AND balance <= principal', name=op.f('ck_loans_balance_within_principal')),
    sa.CheckConstraint('credit_score_at_drawdown IS NULL OR credit_score_at_drawdown BETWEEN 1 AND 1000', name=op.f('ck_loans_credit_score_at_drawdown')),
    sa.CheckConstraint('fixed_period_months IS NULL OR fixed_period_months BETWEEN 1 AND term_months', name=op.f('ck_loans_fixed_period_range')),
    sa.CheckConstraint('grace_months >= 0 AND grace_months < term_months', name=op.f('ck_loans_grace_within_term')),
    sa.CheckConstraint('maturity_date > drawdown_date', name=op.f('ck_loans_maturity_after_drawdown')),
    sa.CheckConstraint('prepayment_fee_pct BETWEEN 0 AND 5', name=op.f('ck_loans_prepayment_fee_pct')),
    sa.CheckConstraint('principal > 0', name=op.f('ck_loans_principal_positive')),
    sa.CheckConstraint('term_months BETWEEN 1 AND 600', name=op.f('ck_loans_term_range')),
    sa.ForeignKeyConstraint(['branch_id'], ['branches.id'], name=op.f('fk_loans_branch_id_branches')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_loans_customer_id_customers')),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_loans_officer_id_officers')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_loans_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loans')),
    sa.UniqueConstraint('loan_no', name=op.f('uq_loans_loan_no'))
    )
    op.create_index(op.f('ix_loans_branch_id'), 'loans', ['branch_id'], unique=False)
    op.create_index(op.f('ix_loans_customer_id'), 'loans', ['customer_id'], unique=False)
    op.create_index('ix_loans_status_kind', 'loans', ['status', 'kind'], unique=False)
    op.create_table('proposals',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('proposal_no', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('loan_id', sa.BigInteger(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('policy_version', sa.String(length=32), nullable=False),
    sa.Column('engine_version', sa.String(length=32), nullable=False),
    sa.Column('quote_input', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('quote_output', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('input_sha256', sa.String(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=True),
    sa.Column('decision', sa.String(length=16), server_default='none', nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("(decision = 'none') = (decided_at IS NULL)", name=op.f('ck_proposals_decided_at')),
    sa.CheckConstraint("decision IN ('none', 'accepted', 'declined', 'switched_away')", name=op.f('ck_proposals_decision')),
    sa.CheckConstraint("input_sha256 ~ '^[0-9a-f]{64}$'", name=op.f('ck_proposals_input_sha256')),
    sa.CheckConstraint("pdf_sha256 IS NULL OR pdf_sha256 ~ '^[0-9a-f]{64}$'", name=op.f('ck_proposals_pdf_sha256')),
    sa.CheckConstraint('(pdf IS NULL) = (pdf_sha256 IS NULL)', name=op.f('ck_proposals_pdf_with_hash')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_proposals_customer_id_customers')),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_proposals_loan_id_loans')),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_proposals_officer_id_officers')),
    sa.ForeignKeyConstraint(['policy_version'], ['policies.version'], name=op.f('fk_proposals_policy_version_policies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposals')),
    sa.UniqueConstraint('pdf_sha256', name=op.f('uq_proposals_pdf_sha256')),
    sa.UniqueConstraint('proposal_no', name=op.f('uq_proposals_proposal_no'))
    )
    op.create_index(op.f('ix_proposals_customer_id'), 'proposals', ['customer_id'], unique=False)
    op.create_index(op.f('ix_proposals_loan_id'), 'proposals', ['loan_id'], unique=False)
    op.create_index(op.f('ix_proposals_officer_id'), 'proposals', ['officer_id'], unique=False)
    op.create_table('repayments',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('loan_id', sa.BigInteger(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('principal_paid', sa.BigInteger(), nullable=False),
    sa.Column('interest_paid', sa.BigInteger(), nullable=False),
    sa.Column('days_late', sa.SmallInteger(), server_default='0', nullable=False),
    sa.CheckConstraint('days_late >= 0', name=op.f('ck_repayments_days_late_not_negative')),
    sa.CheckConstraint('paid_on IS NULL OR days_late = GREATEST(paid_on - due_date, 0)', name=op.f('ck_repayments_days_late_matches')),
    sa.CheckConstraint('principal_paid >= 0 AND interest_paid >= 0', name=op.f('ck_repayments_amounts_not_negative')),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_repayments_loan_id_loans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repayments'))
    )
    op.create_index('ix_repayments_loan_id_due_date', 'repayments', ['loan_id', 'due_date'], unique=False)
    op.create_table('applications',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('application_no', sa.String(length=32), nullable=False),
    sa.Column('proposal_id', sa.BigInteger(), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('old_loan_id', sa.BigInteger(), nullable=False),
    sa.Column('new_loan_id', sa.BigInteger(), nullable=True),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('annual_rate_pct', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('term_months', sa.SmallInteger(), nullable=False),
    sa.Column('state', sa.String(length=16), server_default='draft', nullable=False),
    sa.Column('needs_manager_approval', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("(state = 'executed') = (new_loan_id IS NOT NULL)", name=op.f('ck_applications_new_loan_when_executed')),
    sa.CheckConstraint("state IN ('draft', 'submitted', 'approved', 'rejected', 'executed', 'cancelled')", name=op.f('ck_applications_state')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_applications_amount_positive')),
    sa.CheckConstraint('annual_rate_pct > 0 AND annual_rate_pct <= 100', name=op.f('ck_applications_rate_range')),
    sa.CheckConstraint('term_months BETWEEN 1 AND 600', name=op.f('ck_applications_term_range')),
    sa.ForeignKeyConstraint(['created_by'], ['officers.id'], name=op.f('fk_applications_created_by_officers')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_applications_customer_id_customers')),
    sa.ForeignKeyConstraint(['new_loan_id'], ['loans.id'], name=op.f('fk_applications_new_loan_id_loans')),
    sa.ForeignKeyConstraint(['old_loan_id'], ['loans.id'], name=op.f('fk_applications_old_loan_id_loans')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_applications_product_id_products')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_applications_proposal_id_proposals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('application_no', name=op.f('uq_applications_application_no'))
    )
    op.create_index(op.f('ix_applications_customer_id'), 'applications', ['customer_id'], unique=False)
    op.create_index(op.f('ix_applications_proposal_id'), 'applications', ['proposal_id'], unique=False)
    op.create_table('application_events',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('application_id', sa.BigInteger(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=True),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('comment', sa.Text(), server_default='', nullable=False),
    sa.CheckConstraint("from_state IS NULL OR from_state IN ('draft', 'submitted', 'approved', 'rejected', 'executed', 'cancelled')", name=op.f('ck_application_events_from_state')),
    sa.CheckConstraint("to_state IN ('draft', 'submitted', 'approved', 'rejected', 'executed', 'cancelled')", name=op.f('ck_application_events_to_state')),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_events_application_id_applications')),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_application_events_officer_id_officers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_events'))
    )
    op.create_index(op.f('ix_application_events_application_id'), 'application_events', ['application_id'], unique=False)
    op.create_table('documents',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=True),
    sa.Column('application_id', sa.BigInteger(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded_by', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("kind IN ('income_proof', 'id_copy', 'other')", name=op.f('ck_documents_kind')),
    sa.CheckConstraint("media_type IN ('application/pdf', 'image/png', 'image/jpeg')", name=op.f('ck_documents_media_type')),
    sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name=op.f('ck_documents_sha256')),
    sa.CheckConstraint('customer_id IS NOT NULL OR application_id IS NOT NULL', name=op.f('ck_documents_attached')),
    sa.CheckConstraint('size_bytes = octet_length(content)', name=op.f('ck_documents_size_matches')),
    sa.CheckConstraint('size_bytes > 0 AND size_bytes <= 20971520', name=op.f('ck_documents_size')),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_documents_application_id_applications')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_documents_customer_id_customers')),
    sa.ForeignKeyConstraint(['uploaded_by'], ['officers.id'], name=op.f('fk_documents_uploaded_by_officers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    op.create_index(op.f('ix_documents_application_id'), 'documents', ['application_id'], unique=False)
    op.create_index(op.f('ix_documents_customer_id'), 'documents', ['customer_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_documents_customer_id'), table_name='documents')
    op.drop_index(op.f('ix_documents_application_id'), table_name='documents')
    op.drop_table('documents')
    op.drop_index(op.f('ix_application_events_application_id'), table_name='application_events')
    op.drop_table('application_events')
    op.drop_index(op.f('ix_applications_proposal_id'), table_name='applications')
    op.drop_index(op.f('ix_applications_customer_id'), table_name='applications')
    op.drop_table('applications')
    op.drop_index('ix_repayments_loan_id_due_date', table_name='repayments')
    op.drop_table('repayments')
    op.drop_index(op.f('ix_proposals_officer_id'), table_name='proposals')
    op.drop_index(op.f('ix_proposals_loan_id'), table_name='proposals')
    op.drop_index(op.f('ix_proposals_customer_id'), table_name='proposals')
    op.drop_table('proposals')
    op.drop_index('ix_loans_status_kind', table_name='loans')
    op.drop_index(op.f('ix_loans_customer_id'), table_name='loans')
    op.drop_index(op.f('ix_loans_branch_id'), table_name='loans')
    op.drop_table('loans')
    op.drop_index(op.f('ix_external_debts_customer_id'), table_name='external_debts')
    op.drop_table('external_debts')
    op.drop_index('ix_credit_scores_customer_id_scored_on', table_name='credit_scores')
    op.drop_table('credit_scores')
    op.drop_index(op.f('ix_officers_branch_id'), table_name='officers')
    op.drop_table('officers')
    op.drop_index('ix_customers_phone_last4', table_name='customers')
    op.drop_index('ix_customers_name_prefix', table_name='customers', postgresql_ops={'name': 'text_pattern_ops'})
    op.drop_index('ix_customers_home_branch_id', table_name='customers')
    op.drop_table('customers')
    op.drop_table('products')
    op.drop_table('policies')
    op.drop_index('ix_market_offers_loan_kind_as_of', table_name='market_offers')
    op.drop_table('market_offers')
    op.drop_table('index_rates')
    op.drop_table('branches')
    op.drop_index('ix_audit_log_employee_no_at', table_name='audit_log')
    op.drop_index('ix_audit_log_customer_no_at', table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_table('app_meta')
