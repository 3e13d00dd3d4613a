"""The ``api`` views whose columns go beyond their table's model: lists that carry a customer's number and
masked name and a loan's number, so a branch keeps seeing what it made after the customer left its scope.
(Every other ``api`` view has its table's name and columns and is read through the models, translated.)"""

from __future__ import annotations

from sqlalchemy import column, table
from sqlalchemy.dialects.postgresql import JSONB

proposals = table(
    "proposals", column("id"), column("proposal_no"), column("customer_id"), column("loan_id"), column("officer_id"),
    column("branch_id"), column("created_at"), column("valid_until"), column("decision"),
    column("quote_output", JSONB), column("customer_no"), column("customer_name"), column("loan_no"),
    column("proposed_action"), schema="api")

applications = table(
    "applications", column("id"), column("application_no"), column("proposal_id"), column("customer_id"),
    column("old_loan_id"), column("new_loan_id"), column("product_id"), column("annual_rate_pct"), column("amount"),
    column("term_months"), column("state"), column("needs_manager_approval"), column("created_by"),
    column("branch_id"), column("created_at"), column("updated_at"), column("row_version"), column("customer_no"),
    column("customer_name"), column("old_loan_no"), column("new_loan_no"), schema="api")
