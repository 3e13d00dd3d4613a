import copy
import datetime as dt
import importlib.util
from decimal import Decimal

import pytest

from retention_desktop.data.locations import migrations_dir
from retention_desktop.domain.policy import Policy, PolicyError, policy_in_force


def _seed():
    path = migrations_dir() / "versions" / "0003_seed_policies.py"
    spec = importlib.util.spec_from_file_location("seed_policies", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _policies():
    from tests.support import seeded_policies

    return seeded_policies()


def test_seeded_versions_carry_the_domain_numbers():
    oct15 = policy_in_force(_policies(), dt.date(2026, 11, 23))
    assert oct15.version == "2025.10-1015"
    assert oct15.dsr_cap_pct_bank == Decimal("40")
    assert oct15.stress_rate_pct == Decimal("1.5")
    assert oct15.stress_rate_mortgage_capital_floor_pct == Decimal("3.0")
    assert oct15.stress_rate_mortgage_non_capital_pct == Decimal("0.75")
    assert [(b.upto, b.value) for b in oct15.stamp_duty_bands] == [
        (50_000_000, 0), (100_000_000, 70_000), (1_000_000_000, 150_000), (None, 350_000)]
    assert oct15.dsr_amortisation_years["credit"] == 5


def test_policy_in_force_follows_effective_dates():
    policies = _policies()
    assert policy_in_force(policies, dt.date(2025, 10, 15)).version == "2025.07-phase3"
    assert policy_in_force(policies, dt.date(2027, 1, 1)).stress_rate_mortgage_non_capital_pct == Decimal("1.5")
    with pytest.raises(PolicyError, match="no policy is in force"):
        policy_in_force(policies, dt.date(2020, 1, 1))


@pytest.mark.parametrize(("path", "value", "message"), [
    (("dsr", "cap_pct_bank"), "140", "dsr.cap_pct_bank"),
    (("dsr", "cap_pct_bank"), 0.4, "must be a string or integer"),
    (("stamp_duty", "bands"), [[100, 0], [50, 1], [None, 2]], "increasing order"),
    (("stress", "weights", "variable"), "1.5", "fraction between 0 and 1"),
])
def test_malformed_policy_is_refused_naming_the_parameter(path, value, message):
    params = copy.deepcopy(_seed().OCT_15)
    node = params
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    with pytest.raises(PolicyError, match=message):
        Policy.from_parameters("x", dt.date(2026, 1, 1), params)


def test_missing_parameter_is_named():
    params = copy.deepcopy(_seed().OCT_15)
    del params["ltv"]["price_caps"]
    with pytest.raises(PolicyError, match="'ltv.price_caps' is missing"):
        Policy.from_parameters("x", dt.date(2026, 1, 1), params)
