"""Policy documents: the seeded versions read, malformed or unread parameters are refused by name, and every
parameter the engine needs has a reader (and every reader a parameter)."""

import ast
import copy
import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import retention_desktop
from retention_desktop.domain.policy import (
    LtvRates,
    Policy,
    PolicyError,
    StressRule,
    StressWeights,
    leaf_paths,
    parameter_texts,
    policy_in_force,
    with_changes,
)
from tests.support import seed_revision, seeded_policies


def _oct15() -> dict:
    return copy.deepcopy(seed_revision().OCT_15)


def test_seeded_versions_in_date_order_with_their_measures():
    assert [(p.version, p.effective_from.isoformat()) for p in seeded_policies()] == [
        ("2024.02-phase1", "2024-02-26"), ("2024.09-phase2", "2024-09-01"), ("2025.06-627", "2025-06-28"),
        ("2025.07-phase3", "2025-07-01"), ("2025.10-1015", "2025-10-16"), ("2027.01-relief-end", "2027-01-01")]
    oct15 = policy_in_force(seeded_policies(), dt.date(2026, 11, 23))
    assert oct15.version == "2025.10-1015" and oct15.dsr_cap_pct_bank == Decimal("40")
    assert oct15.legal_max_rate_pct == Decimal("20")
    assert [(b.upto, b.value) for b in oct15.stamp_duty_bands] == [
        (50_000_000, 0), (100_000_000, 70_000), (1_000_000_000, 150_000), (None, 350_000)]
    assert oct15.dsr_amortisation_years == {"credit": 5, "overdraft": 5, "other_secured": 8}


def test_policy_in_force_follows_effective_dates():
    policies = seeded_policies()
    assert policy_in_force(policies, dt.date(2025, 10, 15)).version == "2025.07-phase3"
    assert policy_in_force(policies, dt.date(2025, 6, 30)).version == "2025.06-627"
    with pytest.raises(PolicyError, match="no policy is in force"):
        policy_in_force(policies, dt.date(2024, 2, 25))


@pytest.mark.parametrize(("path", "value", "message"), [
    (("dsr", "cap_pct_bank"), "140", "dsr.cap_pct_bank"),
    (("dsr", "cap_pct_bank"), 0.4, "must be a string or integer"),
    (("dsr", "cap_pct_bank"), "NaN", "not a finite number"),
    (("stamp_duty", "bands"), [[100, 0], [50, 1], [None, 2]], "increasing order"),
    (("stress", "weights", "phase3", "variable"), "1.5", "fraction between 0 and 1"),
    (("stress", "rules"), [{"scope": {"kind": ["mortgage"]}, "rate_pct": "1", "weights": "phase3"}],
     "last rule's scope must be"),
    (("stress", "rules"), [{"scope": {"kind": ["boat"]}, "rate_pct": "1", "weights": "phase3"},
                           {"scope": {}, "rate_pct": "1", "weights": "phase3"}], r"stress.rules\[0\].scope.kind"),
    (("stress", "rules"), [{"scope": {}, "rate_pct": "1", "weights": "phase9"}], "must name one of"),
    (("stress", "rules"), [{"scope": {"lender": ["bank"]}, "rate_pct": "1", "weights": "phase3"}], "may only name"),
    (("ltv", "price_caps", "areas"), ["seoul"], "ltv.price_caps.areas"),
    (("ltv", "capital_presumed_regulated"), "yes", "true or false"),
    (("legal_max_rate_pct",), "120", "legal_max_rate_pct"),
    (("late_payment", "cap_pct"), "21", "must not exceed 'legal_max_rate_pct'"),
    (("dsr", "amortisation_years"), {"credit": 5}, "overdraft"),
])
def test_malformed_policy_is_refused_naming_the_parameter(path, value, message):
    params = _oct15()
    node = params
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    with pytest.raises(PolicyError, match=message):
        Policy.from_parameters("x", dt.date(2026, 1, 1), params)


def test_missing_parameter_is_named():
    params = _oct15()
    del params["ltv"]["price_caps"]
    with pytest.raises(PolicyError, match="'ltv.price_caps' is missing"):
        Policy.from_parameters("x", dt.date(2026, 1, 1), params)


@pytest.mark.parametrize("path", ["dsr.cap_pct_banks", "stress.mortgage_capital_floor_pct", "ltv.regulated_pct",
                                  "dsr.amortisation_years.jeonse_deposit_secured", "unknown_rule_pct"])
def test_a_parameter_without_a_reader_is_refused(path):
    """A key the engine does not read is a rule nobody applies (or a typo): the document is refused by name."""
    params = _oct15()
    *parents, leaf = path.split(".")
    node = params
    for part in parents:
        node = node[part]
    node[leaf] = 4 if "years" in path else "1"
    with pytest.raises(PolicyError, match=f"'{path}' is not a parameter the engine reads|not {leaf}"):
        Policy.from_parameters("x", dt.date(2026, 1, 1), params)


def test_every_leaf_of_every_seeded_version_is_read():
    """``from_parameters`` refuses unread leaves; each seeded document also names each leaf once."""
    for version, day, params, _note in seed_revision().VERSIONS:
        Policy.from_parameters(version, dt.date.fromisoformat(day), params)
        assert len(leaf_paths(params)) == len(set(leaf_paths(params)))


def _fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - {"version", "effective_from"}


def test_every_policy_field_is_read_by_the_engine():
    """Each field of ``Policy`` (and of its parts) is read as an attribute somewhere in the package outside
    domain/policy.py: a parameter parsed but used by nothing fails here (as the 30-year longest term did)."""
    package = Path(retention_desktop.__file__).parent
    read: set[str] = set()
    for path in package.rglob("*.py"):
        if path.name == "policy.py" and path.parent.name == "domain" or "forms" in path.parts:
            continue
        read |= {node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Attribute)}
    unread = {f"{cls.__name__}.{name}" for cls in (Policy, StressRule, StressWeights, LtvRates)
              for name in _fields(cls) if name not in read}
    assert unread == set()


def test_head_office_form_round_trips_every_kind_of_leaf():
    params = _oct15()
    texts = dict(parameter_texts(params))
    assert texts["ltv.capital_presumed_regulated"] == "true" and texts["ltv.max_term.months"] == "360"
    phase2 = copy.deepcopy(seed_revision().PHASE_2)
    assert dict(parameter_texts(phase2))["ltv.price_caps"] == "null"
    changed = with_changes(phase2, {"ltv.price_caps": '{"areas": ["regulated"], "bands": [[null, 500000000]]}',
                                    "ltv.capital_presumed_regulated": "false", "legal_max_rate_pct": "19.9"})
    policy = Policy.from_parameters("x", dt.date(2026, 1, 1), changed)
    assert policy.mortgage_price_cap_areas == {"regulated"} and policy.mortgage_price_caps[0].value == 500_000_000
    assert policy.ltv_capital_presumed_regulated is False and policy.legal_max_rate_pct == Decimal("19.9")
    with pytest.raises(PolicyError, match="ltv.capital_presumed_regulated"):
        with_changes(params, {"ltv.capital_presumed_regulated": "maybe"})
