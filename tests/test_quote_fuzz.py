"""Fuzz the quote and simulate entry points end to end: any document the schema admits is quoted and simulated
against the real policy and pricing data, or refused in words; nothing raises anything else, nothing hangs."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retention_desktop.domain.errors import UserError
from retention_desktop.services import quoting

ROOT = Path(__file__).resolve().parents[1]
SHOWCASE = json.loads((ROOT / "docs" / "examples" / "showcase-quote.json").read_text(encoding="utf-8"))

# values a schema-valid document may hold, biased to the edges of each range
WON = st.one_of(st.integers(0, 10), st.integers(0, 10**12), st.sampled_from([1, 999_999, 10**15, 10**17]))
RATE = st.one_of(st.sampled_from(["0", "0.0001", "4.1", "19.9999", "20", "99.9999", "100"]),
                 st.integers(0, 1_000_000).map(lambda n: f"{n / 10_000:.4f}"))
MONTHS = st.one_of(st.integers(1, 600), st.sampled_from([1, 2, 12, 599, 600]))
FIELDS = {
    ("borrower", "annual_income"): WON, ("borrower", "credit_score"): st.integers(1, 1000),
    ("borrower", "region"): st.sampled_from(["capital", "non_capital"]),
    ("current_loan", "kind"): st.sampled_from(["credit", "mortgage", "jeonse", "other_secured", "overdraft"]),
    ("current_loan", "balance"): WON.filter(lambda v: v >= 1),
    ("current_loan", "annual_rate_pct"): RATE,
    ("current_loan", "rate_type"): st.sampled_from(["fixed", "variable", "mixed", "periodic"]),
    ("current_loan", "method"): st.sampled_from(["equal_payment", "equal_principal", "bullet"]),
    ("current_loan", "term_months"): MONTHS, ("current_loan", "remaining_months"): MONTHS,
    ("current_loan", "fixed_period_months"): MONTHS,
    ("current_loan", "prepayment_fee_pct"): st.sampled_from(["0", "0.5", "1.2", "5"]),
    ("current_loan", "collateral_value"): WON, ("current_loan", "credit_limit"): WON,
    ("current_loan", "collateral_region"): st.sampled_from(["capital", "non_capital"]),
    ("current_loan", "drawdown_date"): st.sampled_from(["2000-01-01", "2024-02-29", "2026-11-23"]),
    ("as_of",): st.sampled_from(["2024-02-26", "2025-06-28", "2026-11-23", "2027-01-01", "2099-12-31"]),
    ("switch_offers", 0, "annual_rate_pct"): RATE, ("switch_offers", 0, "term_months"): MONTHS,
    ("switch_offers", 0, "fees"): WON, ("other_debts", 0, "balance"): WON,
    ("other_debts", 0, "remaining_months"): MONTHS,
    ("other_debts", 0, "kind"): st.sampled_from(["credit", "mortgage", "jeonse", "other_secured", "overdraft",
                                                 "card_loan", "instalment", "student"]),
}


def test_fuzz_quote_and_simulate_end_to_end(db):
    import collections

    basis = quoting.load_basis(db)
    outcomes = collections.Counter()

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(changes=st.lists(st.sampled_from(sorted(FIELDS, key=str)).flatmap(
        lambda path: FIELDS[path].map(lambda value: (path, value))), min_size=1, max_size=6),
        reloan=st.booleans(), simulate=st.booleans())
    def attempt(changes, reloan, simulate):
        doc = copy.deepcopy(SHOWCASE)
        if reloan:
            doc["reloan_offer"] = {"annual_rate_pct": 4.5, "term_months": 16, "method": "bullet"}
        for path, value in changes:
            node = doc
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = value
        text = _numbers(doc)
        started = time.perf_counter()
        try:
            request, document = quoting.read_request(text, simulate=simulate)
            result = quoting.simulate(request, document, basis) if simulate else quoting.quote(request, basis)
            assert result["as_of"] == request.as_of.isoformat()
            outcomes["computed"] += 1
        except UserError as exc:
            assert exc.message()
            outcomes[type(exc).__name__] += 1
        assert time.perf_counter() - started < 10

    attempt()
    print(dict(outcomes))
    assert outcomes["computed"] >= 20  # the fuzz reaches the engine, not only the schema


def _numbers(doc) -> str:
    """JSON with the rate strings written as JSON numbers (exact, as an officer's file holds them)."""
    def walk(node):
        if isinstance(node, dict):
            return {k: (walk(v) if not (isinstance(v, str) and k.endswith("_pct")) else _Raw(v))
                    for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return json.dumps(walk(doc), default=lambda raw: raw.text).replace('"@@', "").replace('@@"', "")


class _Raw:
    def __init__(self, text: str):
        self.text = f"@@{text}@@"
