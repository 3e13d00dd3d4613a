"""Every active jeonse loan of the demo gets a comparison, a limit simulation and a signed proposal (issue 15:
each failed with "no constraint applies to this loan; give a product maximum").

A jeonse loan is outside DSR (은행업감독업무시행세칙 별표18); a loan that refinances one on the same lease is
limited to the balance it repays (the FSC's refinancing platform moves the balance, never more): that balance
is the re-loan's limit, in the comparison, in every scenario and every month of the timeline.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from retention_desktop.services import proposal_service as ps
from retention_desktop.services.limit_simulation import Toggles, simulate_for
from retention_desktop.services.offer_comparison import open_comparison
from retention_desktop.services.quoting import load_basis
from retention_desktop.services.regulation import load_policies
from tests.support import TEST_AS_OF


def test_every_active_jeonse_loan_compares_simulates_and_makes_a_proposal(db, login, tmp_path):
    with db.engine.connect() as conn:
        loans = conn.execute(text(
            "SELECT l.loan_no, l.balance, o.employee_no FROM loans l JOIN officers o ON o.id = l.officer_id "
            "WHERE l.kind = 'jeonse' AND l.status = 'active' ORDER BY l.loan_no")).all()
    assert len(loans) >= 20
    sessions, basis, policies, proposed = {}, None, None, 0
    for loan_no, balance, employee_no in loans:
        officer = sessions.get(employee_no) or sessions.setdefault(employee_no, login(employee_no))
        basis = basis or load_basis(officer.database)
        policies = policies or load_policies(officer.database)
        state = open_comparison(officer, loan_no, TEST_AS_OF, basis)
        limits = state.comparison.limits
        assert (limits.max_new_loan, limits.binding_constraint) == (balance, "refinanced_balance"), loan_no
        # the re-loan is never refused for a regulatory limit; only its product's bounds or its cost can
        # stop it (a 12-48 month product cannot hold a lease with two months left), and then it says so
        reloan = state.advice.candidates["reloan"]
        regulatory = {"dsr", "stress_dsr", "ltv", "price_cap", "credit_income"}
        assert reloan.available or reloan.why_not, loan_no
        if reloan.option is not None:
            assert not [c for c in reloan.option.blocked_by if c.rule in regulatory], loan_no
        view = simulate_for(state, policies, Toggles())
        assert {(s.max_new_loan, s.binding_constraint) for s in view.scenarios} == {(balance, "refinanced_balance")}
        assert len(view.timeline) == 36 and all(p.max_new_loan == balance for p in view.timeline)
        if state.proposal_refusal() is None:
            proposal = ps.create_proposal(officer, loan_no, TEST_AS_OF, tmp_path, state)
            assert proposal.pdf.startswith(b"%PDF-")
            proposed += 1
        else:  # nothing we could offer is cheaper than keeping (issue 12): refused with the reason, never a traceback
            with pytest.raises(ps.ProposalRefused):
                ps.create_proposal(officer, loan_no, TEST_AS_OF, tmp_path, state)
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM proposals p JOIN loans l ON l.id = p.loan_id "
                                   "WHERE l.kind = 'jeonse'")).scalar()
    assert stored == proposed and proposed >= len(loans) // 2


def test_a_customer_with_no_credit_score_is_told_not_priced_as_score_1(db, login):
    """Found by issue 17's tour: a customer with no score reached SQL as ``score <= NULL`` (a bug dialog); the
    engine would otherwise have priced them at score 1."""
    from retention_desktop.services.offer_comparison import ComparisonError

    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM credit_scores WHERE customer_id = "
                          "(SELECT customer_id FROM loans WHERE loan_no = 'L0000000001')"))
    with pytest.raises(ComparisonError, match="신용점수가 없습니다"):
        open_comparison(login("E1007"), "L0000000001", TEST_AS_OF)
