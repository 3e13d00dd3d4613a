"""Every active jeonse loan of the demo gets a comparison, a limit simulation and a signed proposal (issue 15:
each failed with "no constraint applies to this loan; give a product maximum").

A jeonse loan is outside DSR (은행업감독업무시행세칙 별표18); a loan that refinances one on the same lease is
limited to the balance it repays (the FSC's refinancing platform moves the balance, never more): that balance
is the re-loan's limit, in the comparison, in every scenario and every month of the timeline.
"""

from __future__ import annotations

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
    sessions, basis, policies = {}, None, None
    for loan_no, balance, employee_no in loans:
        officer = sessions.get(employee_no) or sessions.setdefault(employee_no, login(employee_no))
        basis = basis or load_basis(officer.database)
        policies = policies or load_policies(officer.database)
        state = open_comparison(officer, loan_no, TEST_AS_OF, basis)
        limits = state.comparison.limits
        assert (limits.max_new_loan, limits.binding_constraint) == (balance, "refinanced_balance"), loan_no
        assert state.comparison.option("reloan").eligible, loan_no
        view = simulate_for(state, policies, Toggles())
        assert {(s.max_new_loan, s.binding_constraint) for s in view.scenarios} == {(balance, "refinanced_balance")}
        assert len(view.timeline) == 36 and all(p.max_new_loan == balance for p in view.timeline)
        proposal = ps.create_proposal(officer, loan_no, TEST_AS_OF, tmp_path, state)
        assert proposal.pdf.startswith(b"%PDF-")
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM proposals p JOIN loans l ON l.id = p.loan_id "
                                   "WHERE l.kind = 'jeonse'")).scalar()
    assert stored == len(loans)
