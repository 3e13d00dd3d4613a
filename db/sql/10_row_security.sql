-- Row-level security: branch scope in the database.
--
-- Officers never touch these tables: the api views and functions do, owned by rd_owner (the tables' owner),
-- so the policies "TO rd_owner" are the ones that apply, with FORCE so that the owner is bound by them too.
-- They are evaluated for session_user (data.my_branch_id() and friends), i.e. for the officer on whose
-- behalf the view or function runs. rd_crossbranch (the few cross-branch functions) and rd_batch (the
-- nightly batch, read only) have their own policies. Any other role meets "no policy" = no rows.
--
-- Keep each policy index-friendly: the session's branch and its other customers come from initplans
-- ((SELECT data.my_branch_id()) is computed once per query), compared with indexed columns; rows of a customer,
-- a loan or an application look their owner up by primary key (data.customer_in_scope and friends).

-- customers: own branch, consultation access, or business in hand at the branch (two initplans: an index scan
-- on home_branch_id OR'd with primary-key lookups)
ALTER TABLE data.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.customers FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.customers;
CREATE POLICY in_scope ON data.customers TO rd_owner
    USING (home_branch_id = (SELECT data.my_branch_id()) OR id = ANY ((SELECT data.my_extra_customers())::bigint[]))
    WITH CHECK (home_branch_id = (SELECT data.my_branch_id())
                OR id = ANY ((SELECT data.my_extra_customers())::bigint[]));

-- what belongs to a customer follows the customer
ALTER TABLE data.credit_scores ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.credit_scores FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.credit_scores;
CREATE POLICY in_scope ON data.credit_scores TO rd_owner
    USING (data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())));

ALTER TABLE data.external_debts ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.external_debts FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.external_debts;
CREATE POLICY in_scope ON data.external_debts TO rd_owner
    USING (data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())));

-- loans: booked at the branch, or the customer is in scope
ALTER TABLE data.loans ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.loans FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.loans;
CREATE POLICY in_scope ON data.loans TO rd_owner
    USING (branch_id = (SELECT data.my_branch_id()) OR data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())))
    WITH CHECK (branch_id = (SELECT data.my_branch_id()) OR data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())));

ALTER TABLE data.repayments ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.repayments FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.repayments;
CREATE POLICY in_scope ON data.repayments TO rd_owner
    USING (data.loan_in_scope(loan_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())));

-- proposals and applications: made at the branch, or the customer is in scope
ALTER TABLE data.proposals ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.proposals FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.proposals;
CREATE POLICY in_scope ON data.proposals TO rd_owner
    USING (branch_id = (SELECT data.my_branch_id()) OR data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())))
    WITH CHECK (branch_id = (SELECT data.my_branch_id()));

ALTER TABLE data.applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.applications FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.applications;
CREATE POLICY in_scope ON data.applications TO rd_owner
    USING (branch_id = (SELECT data.my_branch_id()) OR data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())))
    WITH CHECK (branch_id = (SELECT data.my_branch_id()));

ALTER TABLE data.application_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.application_events FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.application_events;
CREATE POLICY in_scope ON data.application_events TO rd_owner
    USING (data.application_in_scope(application_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())));

-- documents (ID copies, income proofs): the customer's or the application's scope
ALTER TABLE data.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.documents FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.documents;
CREATE POLICY in_scope ON data.documents TO rd_owner
    USING ((customer_id IS NOT NULL AND data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())))
           OR (application_id IS NOT NULL AND data.application_in_scope(application_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers()))));

-- call lists: the branch's own, or the customer is in scope
ALTER TABLE data.call_list_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.call_list_entries FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS in_scope ON data.call_list_entries;
CREATE POLICY in_scope ON data.call_list_entries TO rd_owner
    USING (branch_id = (SELECT data.my_branch_id()) OR data.customer_in_scope(customer_id, (SELECT data.my_branch_id()), (SELECT data.my_extra_customers())));

-- consultation grants: one's own
ALTER TABLE data.consultation_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE data.consultation_grants FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own ON data.consultation_grants;
CREATE POLICY own ON data.consultation_grants TO rd_owner USING (db_role = session_user);

-- the cross-branch functions see every row; the batch reads every row
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['customers', 'credit_scores', 'external_debts', 'loans', 'repayments', 'proposals',
                             'applications', 'application_events', 'documents', 'call_list_entries',
                             'consultation_grants'] LOOP
        EXECUTE format('DROP POLICY IF EXISTS cross_branch ON data.%I', t);
        EXECUTE format('CREATE POLICY cross_branch ON data.%I TO rd_crossbranch USING (true) WITH CHECK (true)', t);
        EXECUTE format('DROP POLICY IF EXISTS batch_reads ON data.%I', t);
        EXECUTE format('CREATE POLICY batch_reads ON data.%I FOR SELECT TO rd_batch USING (true)', t);
    END LOOP;
END
$$;
