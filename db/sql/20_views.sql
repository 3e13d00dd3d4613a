-- The views officers read: schema api, one view per table under the same name and columns (the desktop's
-- sessions translate schema data to api), owned by rd_owner so the row-level security of
-- 10_row_security.sql limits every row to the officer's scope. Personal columns are masked here; the full
-- values come only from the functions that record the access (30_customers.sql). Large contents (proposal
-- PDFs, document files) are left out: they come from functions that record who fetched them.
--
-- Schema api holds nothing but what these files define: it is dropped and created again on every load.

DROP SCHEMA IF EXISTS api CASCADE;
CREATE SCHEMA api AUTHORIZATION rd_owner;
REVOKE ALL ON SCHEMA api FROM PUBLIC;

CREATE OR REPLACE VIEW api.branches AS SELECT id, code, name, region, phone FROM data.branches;

CREATE OR REPLACE VIEW api.officers AS
    SELECT id, employee_no, name, branch_id, role, db_role, active FROM data.officers;

CREATE OR REPLACE VIEW api.customers AS
    SELECT id, customer_no, data.mask_name(name)::varchar(100) AS name, birth_date,
           NULL::bytea AS rrn_hmac, data.mask_rrn(rrn_masked)::varchar(14) AS rrn_masked,
           data.mask_phone(phone)::varchar(20) AS phone, phone_last4,
           data.mask_email(email)::varchar(254) AS email, data.mask_address(address) AS address,
           employer, employment_type, annual_income, income_verified_on, home_branch_id, salary_transfer, created_on
    FROM data.customers;

CREATE OR REPLACE VIEW api.credit_scores AS SELECT id, customer_id, scored_on, bureau, score FROM data.credit_scores;

CREATE OR REPLACE VIEW api.external_debts AS
    SELECT id, customer_id, reported_on, lender, lender_sector, kind, balance, annual_rate_pct, remaining_months,
           repayment_method, credit_limit
    FROM data.external_debts;

CREATE OR REPLACE VIEW api.loans AS
    SELECT id, loan_no, customer_id, product_id, branch_id, officer_id, kind, principal, balance, annual_rate_pct,
           rate_type, fixed_period_months, index_name, spread_pct, repayment_method, term_months, grace_months,
           drawdown_date, maturity_date, collateral_value, collateral_region, prepayment_fee_pct,
           credit_score_at_drawdown, status, closed_on, closed_reason
    FROM data.loans;

CREATE OR REPLACE VIEW api.repayments AS
    SELECT id, loan_id, due_date, paid_on, principal_paid, interest_paid, days_late FROM data.repayments;

CREATE OR REPLACE VIEW api.products AS SELECT * FROM data.products;
CREATE OR REPLACE VIEW api.market_offers AS SELECT * FROM data.market_offers;
CREATE OR REPLACE VIEW api.index_rates AS SELECT * FROM data.index_rates;
CREATE OR REPLACE VIEW api.policies AS SELECT * FROM data.policies;
CREATE OR REPLACE VIEW api.pricing_rules AS SELECT * FROM data.pricing_rules;
CREATE OR REPLACE VIEW api.model_versions AS SELECT * FROM data.model_versions;
CREATE OR REPLACE VIEW api.approval_limits AS SELECT * FROM data.approval_limits;
CREATE OR REPLACE VIEW api.trust_roots AS
    SELECT id, fingerprint_sha256, subject, pem, note, active, added_by, added_at FROM data.trust_roots;
CREATE OR REPLACE VIEW api.app_meta AS SELECT key, value FROM data.app_meta;

-- the branch's call list (its own entries, and entries of customers in scope)
CREATE OR REPLACE VIEW api.call_list_entries AS SELECT * FROM data.call_list_entries;

-- proposals without their PDF (api.proposal_pdf records who reopens one), with the labels a list needs
-- The quote (income, credit score, employment, other debts: personal data) only where the viewer has the proposal's
-- customer in scope (the same rule as the customer's own row, data.customer_in_scope); a line of the branch's list
-- for a customer out of scope keeps its number, masked name, loan, decision and the action proposed (the outside
-- test of 1 Dec 2026, finding 6; docs/security.md).
CREATE OR REPLACE VIEW api.proposals AS
    SELECT id, proposal_no, customer_id, loan_id, officer_id, branch_id, created_at, valid_until, policy_version,
           engine_version,
           CASE WHEN data.customer_in_scope(customer_id, (SELECT data.my_branch_id()),
                                            (SELECT data.my_extra_customers())) THEN quote_input END AS quote_input,
           CASE WHEN data.customer_in_scope(customer_id, (SELECT data.my_branch_id()),
                                            (SELECT data.my_extra_customers())) THEN quote_output END AS quote_output,
           input_sha256, NULL::bytea AS pdf, pdf_sha256, decision, decided_at,
           data.customer_no_of(customer_id) AS customer_no,
           data.customer_masked_name_of(customer_id) AS customer_name, data.loan_no_of(loan_id) AS loan_no,
           coalesce(quote_output ->> 'proposed_action', 'reloan') AS proposed_action
    FROM data.proposals;  -- one table, no join: the view stays simple (an UPDATE is refused for want of privilege)

CREATE OR REPLACE VIEW api.applications AS
    SELECT id, application_no, proposal_id, customer_id, old_loan_id, new_loan_id, product_id, annual_rate_pct,
           amount, term_months, state, needs_manager_approval, created_by, branch_id, created_at, updated_at,
           row_version, approved_by, approved_at, approved_rate_pct, approved_amount, approved_term_months,
           data.customer_no_of(customer_id) AS customer_no, data.customer_masked_name_of(customer_id) AS customer_name,
           data.loan_no_of(old_loan_id) AS old_loan_no, data.loan_no_of(new_loan_id) AS new_loan_no
    FROM data.applications;

CREATE OR REPLACE VIEW api.application_events AS
    SELECT id, application_id, officer_id, at, from_state, to_state, comment FROM data.application_events;

-- document metadata; the file itself through api.document_content (recorded)
CREATE OR REPLACE VIEW api.documents AS
    SELECT id, customer_id, application_id, kind, filename, media_type, size_bytes, sha256, NULL::bytea AS content,
           uploaded_by, uploaded_at, copy_no
    FROM data.documents;

-- one's own consultation accesses, once committed: a grant made in this transaction is not shown (shown, it told
-- whether the number asked for exists at another branch before anything was counted or kept; BEGIN … ROLLBACK made
-- that a free lookup: the outside test of 1 Dec 2026, re-test). The same rule as the scope's (data.consultation_open).
CREATE OR REPLACE VIEW api.consultation_grants AS
    SELECT g.id, g.officer_id, g.db_role, g.customer_id, data.customer_no_of(g.customer_id) AS customer_no, g.reason,
           g.granted_at, g.expires_at
    FROM data.consultation_grants g
    WHERE g.granted_at < transaction_timestamp();

-- the audit trail, for the security group (and the chain head, for anchoring)
CREATE OR REPLACE VIEW api.audit_log AS
    SELECT id, at, db_user, employee_no, client_addr, workstation, action, customer_no, details, prev_hash, row_hash
    FROM data.audit_log;
CREATE OR REPLACE VIEW api.audit_chain_head AS SELECT last_id, last_hash, row_count FROM data.audit_chain_head;
