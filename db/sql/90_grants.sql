-- Who may do what: every grant of the application, in one place. Read it as a table of role × object.
-- (docs/security.md says the same in words; tests/test_security_privileges.py tries each.)

-- Ownership: everything in data and api belongs to rd_owner, except what the files above gave to
-- rd_crossbranch on purpose.
DO $$
DECLARE
    object record;
BEGIN
    FOR object IN
        SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('data', 'api') AND c.relkind IN ('r', 'v', 'p') AND c.relowner <> 'rd_owner'::regrole
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO rd_owner', CASE object.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
                       object.name);
    END LOOP;
    FOR object IN  -- sequences of no table (a table's own sequences followed it above)
        SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('data', 'api') AND c.relkind = 'S' AND c.relowner <> 'rd_owner'::regrole
    LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO rd_owner', object.name);
    END LOOP;
    FOR object IN
        SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname IN ('data', 'api') AND p.proowner NOT IN ('rd_owner'::regrole, 'rd_crossbranch'::regrole)
    LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO rd_owner', object.name);
    END LOOP;
END
$$;

-- Nothing for anyone, then exactly what each needs.
REVOKE ALL ON ALL TABLES IN SCHEMA data FROM PUBLIC, rd_officer, rd_manager, rd_admin, rd_security, rd_batch, rd_crossbranch;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA data FROM PUBLIC, rd_officer, rd_manager, rd_admin, rd_security, rd_batch, rd_crossbranch;
REVOKE ALL ON ALL TABLES IN SCHEMA api FROM PUBLIC, rd_officer, rd_manager, rd_admin, rd_security, rd_batch, rd_crossbranch;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA data FROM PUBLIC, rd_officer, rd_manager, rd_admin, rd_security, rd_batch;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA api FROM PUBLIC, rd_officer, rd_manager, rd_admin, rd_security, rd_batch;

-- rd_crossbranch: what its functions read and write (nothing else), and the helpers they call.
GRANT USAGE ON SCHEMA data TO rd_crossbranch;
GRANT SELECT ON data.customers, data.branches, data.loans, data.proposals, data.applications, data.officers,
    data.call_list_entries, data.audit_log, data.consultation_grants TO rd_crossbranch;
GRANT INSERT ON data.consultation_grants TO rd_crossbranch;
-- a consultation-access request's ticket (api.request_consultation_access, redeemed by api.consultation_access_result)
GRANT INSERT ON data.access_tickets TO rd_crossbranch;
GRANT INSERT, DELETE ON data.call_list_entries TO rd_crossbranch;
GRANT USAGE ON SEQUENCE data.consultation_grants_id_seq, data.call_list_entries_id_seq TO rd_crossbranch;
GRANT EXECUTE ON FUNCTION data.me(), data.my_branch_id(), data.my_extra_customers(), data.require_officer(),
    data.consultation_open(timestamptz, timestamptz),
    data.require_admin(), data.require_group(text), data.audit(text, text, jsonb), data.mask_name(text),
    data.mask_phone(text) TO rd_crossbranch;
GRANT EXECUTE ON FUNCTION data.redeem(bigint, text), data.call_list_scope(), data.bank_today(),
    data.echo_ref(text), data.proposal_facts(text, text, date, jsonb, jsonb), data.quote_sha256(jsonb, jsonb),
    data.json_numeric(jsonb) TO rd_crossbranch;
GRANT EXECUTE ON FUNCTION data.proposal_check_subject(text) TO rd_owner;
-- the search recorded first (35_search.sql): its tickets and daily counts (tables of revision 0013: a database
-- being brought to revisions 0011 and 0012 loads these files before they exist), the keyed hash of a query (the key
-- itself, data.search_secret, is rd_owner's alone), the day's limit, the surname mask
DO $$
BEGIN
    IF to_regclass('data.search_tickets') IS NOT NULL THEN
        GRANT SELECT, INSERT, DELETE ON data.search_tickets TO rd_crossbranch;
        GRANT SELECT, INSERT, UPDATE ON data.search_daily TO rd_crossbranch;
    END IF;
END
$$;
GRANT EXECUTE ON FUNCTION data.search_query_hmac(text, text, date), data.search_outside_limit(date),
    data.search_probe_limit(date),
    data.mask_surname(text) TO rd_crossbranch;
GRANT EXECUTE ON FUNCTION data.customer_no_of(bigint), data.customer_masked_name_of(bigint), data.loan_no_of(bigint),
    data.my_extra_customers(), data.home_branch_name_of(text), data.call_list_rows(date),
    data.customer_in_scope(bigint, integer, bigint[]), data.loan_in_scope(bigint, integer, bigint[]),
    data.application_in_scope(bigint, integer, bigint[]) TO rd_owner;

-- Officers (and, through membership, managers and head office): the views of their scope …
GRANT USAGE ON SCHEMA api TO rd_officer, rd_security, rd_batch;
GRANT SELECT ON api.branches, api.officers, api.customers, api.credit_scores, api.external_debts, api.loans,
    api.repayments, api.products, api.market_offers, api.index_rates, api.policies, api.pricing_rules,
    api.model_versions, api.approval_limits, api.trust_roots, api.app_meta, api.call_list_entries, api.proposals,
    api.applications, api.application_events, api.documents, api.consultation_grants TO rd_officer;
-- … the helpers those views and their row security call (callable only through them: no USAGE on data) …
GRANT EXECUTE ON FUNCTION data.mask_name(text), data.mask_phone(text), data.mask_email(text), data.mask_address(text),
    data.mask_rrn(text), data.customer_no_of(bigint), data.customer_masked_name_of(bigint), data.loan_no_of(bigint),
    data.my_branch_id(), data.my_extra_customers(), data.customer_in_scope(bigint, integer, bigint[]),
    data.loan_in_scope(bigint, integer, bigint[]), data.application_in_scope(bigint, integer, bigint[]) TO rd_officer;
-- … and the business functions.
GRANT EXECUTE ON FUNCTION api.session_officer(), api.log_in(), api.record_search(text, text, date, integer, integer),
    api.search_summary(bigint), api.search_customers(bigint),
    api.record_access(text, text, text), api.open_customer(bigint), api.reveal_customer(bigint),
    api.request_consultation_access(text, text), api.consultation_access_result(bigint), api.open_loan(text),
    api.attach_document(text, text, text, text, bytea),
    api.document_content(bigint), api.confirm_income(text, bigint, text), api.pending_income_confirmations(text),
    api.customer_for_proposal(bigint),
    api.archive_proposal(text, text, date, text, text, jsonb, jsonb, text, bytea), api.proposal_pdf(bigint),
    api.record_proposal_decision(text, text), api.proposal_fingerprint(text, text), api.pinned_trust_roots(),
    api.proposal_check(bigint, text), api.quote_sha256(jsonb, jsonb),
    api.application_actions(text), api.file_application(text), api.move_application(text, text, integer, text),
    api.call_list_export(bigint) TO rd_officer;

-- Head office: the reference data, policy, pricing rules, trust roots and approval limits.
GRANT EXECUTE ON FUNCTION api.save_policy(text, date, jsonb, text, text),
    api.save_pricing_rules(text, date, jsonb, text, text), api.save_products(jsonb, boolean, text),
    api.import_market_offers(jsonb, text), api.import_index_rates(jsonb, text), api.set_approval_limit(text, bigint),
    api.add_trust_root(text, text, text), api.retire_trust_root(text), api.product_loan_counts(), api.set_proposal_form(jsonb),
    api.head_office_bounds() TO rd_admin;
GRANT EXECUTE ON FUNCTION api.set_search_limit(date, integer), api.set_search_probe_limit(date, integer) TO rd_admin;
GRANT EXECUTE ON FUNCTION api.set_income_confirmation_threshold(date, bigint, text) TO rd_admin;

-- Security (audit): the trail, its review and its anchor; who the officers are; no customer data.
GRANT SELECT ON api.audit_log, api.audit_chain_head, api.officers, api.branches TO rd_security;
GRANT EXECUTE ON FUNCTION api.session_officer(), api.log_in(), api.audit_review(date), api.audit_reasons(date),
    api.audit_repeated_searches(date, integer), api.audit_search_probes(date),
    api.audit_anchor(), api.proposal_fingerprint(text, text), api.pinned_trust_roots(), api.record_access(text, text, text),
    api.proposal_check(bigint, text) TO rd_security;

-- Batch: reads the portfolio (no contact details: column privileges on customers), writes call lists and
-- models through functions, exports the call list (recorded), anchors the audit trail.
GRANT USAGE ON SCHEMA data TO rd_batch;
GRANT SELECT ON data.branches, data.officers, data.products, data.loans, data.repayments, data.credit_scores,
    data.external_debts, data.market_offers, data.index_rates, data.policies, data.pricing_rules, data.model_versions,
    data.call_list_entries, data.app_meta TO rd_batch;
GRANT SELECT (id, loan_id, customer_id, branch_id, created_at, decision, decided_at) ON data.proposals TO rd_batch;
GRANT SELECT (id, customer_no, birth_date, employment_type, annual_income, income_verified_on, home_branch_id,
              salary_transfer, created_on) ON data.customers TO rd_batch;
-- a scoring run's staging (revision 0010): every branch's candidates before the ranking, the batch's alone
GRANT SELECT, INSERT, UPDATE, DELETE ON data.scoring_runs, data.scoring_chunks, data.scoring_candidates TO rd_batch;
GRANT USAGE ON SEQUENCE data.scoring_runs_id_seq TO rd_batch;
GRANT SELECT ON api.branches, api.officers, api.products, api.market_offers, api.index_rates, api.policies,
    api.pricing_rules, api.model_versions TO rd_batch;
GRANT EXECUTE ON FUNCTION api.replace_call_list(date, jsonb), api.record_model_version(text, text, jsonb, jsonb),
    api.record_access(text, text, text), api.call_list_export(bigint), api.audit_anchor() TO rd_batch;

-- Everyone who logs in may see which schema revision the database is at (the desktop refuses an old one).
DO $$
BEGIN
    IF to_regclass('public.alembic_version') IS NOT NULL THEN
        GRANT SELECT ON public.alembic_version TO rd_officer, rd_security, rd_batch;
    END IF;
END
$$;
