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
    RenegotiationRules,
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
    with pytest.raises(PolicyError, match="2024-02-25에 시행 중인 정책이 없습니다"):
        policy_in_force(policies, dt.date(2024, 2, 25))


@pytest.mark.parametrize(("path", "value", "message"), [
    (("dsr", "cap_pct_bank"), "140", "dsr.cap_pct_bank"),
    (("dsr", "cap_pct_bank"), 0.4, "문자열이나 정수여야 합니다"),
    (("dsr", "cap_pct_bank"), "NaN", "유한한 숫자가 아닙니다"),
    (("stamp_duty", "bands"), [[100, 0], [50, 1], [None, 2]], "상한이 커지는 순서여야 합니다"),
    (("stress", "weights", "phase3", "variable"), "1.5", "0~1 사이의 비율이어야 합니다"),
    (("stress", "rules"), [{"scope": {"kind": ["mortgage"]}, "rate_pct": "1", "weights": "phase3"}],
     "마지막 규칙의 scope는"),
    (("stress", "rules"), [{"scope": {"kind": ["boat"]}, "rate_pct": "1", "weights": "phase3"},
                           {"scope": {}, "rate_pct": "1", "weights": "phase3"}], r"stress.rules\[0\].scope.kind"),
    (("stress", "rules"), [{"scope": {}, "rate_pct": "1", "weights": "phase9"}], "중 하나를 가리켜야 합니다"),
    (("stress", "rules"), [{"scope": {"lender": ["bank"]}, "rate_pct": "1", "weights": "phase3"}], "만 쓸 수 있습니다"),
    (("ltv", "price_caps", "areas"), ["seoul"], "ltv.price_caps.areas"),
    (("ltv", "capital_presumed_regulated"), "yes", "true 또는 false여야 합니다"),
    (("legal_max_rate_pct",), "120", "legal_max_rate_pct"),
    (("late_payment", "cap_pct"), "21",
     r"'late_payment.cap_pct'\(21\)은\(는\) 'legal_max_rate_pct'\(20\)보다 클 수 없습니다"),
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
    with pytest.raises(PolicyError, match=r"^정책 변수 'ltv.price_caps'이\(가\) 없습니다$"):
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
    with pytest.raises(PolicyError, match=f"'{path}'은\\(는\\) 엔진이 읽는 변수가 아닙니다|허용되지 않는 항목: {leaf}"):
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
    unread = {f"{cls.__name__}.{name}" for cls in (Policy, StressRule, StressWeights, LtvRates, RenegotiationRules)
              for name in _fields(cls) if name not in read}
    assert unread == set()


# A pricing rule the engine parses and reads nowhere, left for a schema revision to remove (it is required by the
# database's pricing_rules_problem and stored in every version): the test fails on any other unread rule, and on
# this one once it is read or removed, so the list stays true.
UNREAD_PRICING_RULES = {"switching_hassle_pct"}


def test_every_pricing_rule_is_read_by_the_engine():
    """Each field of ``PricingRules`` is read as an attribute somewhere in the package (its own methods included)."""
    from retention_desktop.domain.pricing import PricingRules

    package = Path(retention_desktop.__file__).parent
    read: set[str] = set()
    for path in package.rglob("*.py"):
        if "forms" not in path.parts:
            read |= {node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, ast.Attribute)}
    assert {name for name in _fields(PricingRules) if name not in read} == UNREAD_PRICING_RULES


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


def test_refusals_are_korean_and_read_in_english_from_the_catalogue():
    """A refused policy says what is wrong in Korean; an English run (command line, English UI) reads the
    catalogue's English sentence with the same values; a refusal of a file or the form says it as well."""
    from retention_desktop.messages import translator
    from retention_desktop.services.imports import ImportRejected, save_policy
    from tests.support import in_english

    params = _oct15()
    params["dsr"]["cap_pct_bank"] = "140"
    with pytest.raises(PolicyError) as caught:
        Policy.from_parameters("x", dt.date(2026, 1, 1), params)
    assert caught.value.message() == "정책 변수 'dsr.cap_pct_bank'은(는) 0~100퍼센트 사이여야 합니다 (입력 140)"
    assert caught.value.message(translator("en")) == \
        "policy parameter 'dsr.cap_pct_bank' must be between 0 and 100 percent, got 140"
    with pytest.raises(PolicyError) as caught:
        policy_in_force(seeded_policies(), dt.date(2024, 2, 25))
    assert caught.value.message(translator("en")) == "no policy is in force on 2024-02-25"
    with pytest.raises(ImportRejected) as rejected:  # refused before the database is asked
        save_policy(None, "2030.01", "2030-01-01", params, source="policy.json")
    assert rejected.value.errors == ["policy.json: 정책 변수 'dsr.cap_pct_bank'은(는) 0~100퍼센트 사이여야 합니다 (입력 140)"]
    assert [in_english(e) for e in rejected.value.errors] == [
        "policy.json: policy parameter 'dsr.cap_pct_bank' must be between 0 and 100 percent, got 140"]


def test_every_policy_refusal_has_an_english_sentence_with_the_same_placeholders():
    import re

    from retention_desktop.domain import policy
    from retention_desktop.messages import _catalogue

    tree = ast.parse(Path(policy.__file__).read_text(encoding="utf-8"))
    templates = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "PolicyError":
            first = node.args[0]
            templates.add(first.value if isinstance(first, ast.Constant) else getattr(policy, first.id))
    assert len(templates) >= 28 and not any(re.search(r"[a-z]{3} [a-z]{3}", t.split("'")[0]) for t in templates)
    english = _catalogue("en")
    missing = sorted(t for t in templates if t not in english)
    assert missing == []
    fields = re.compile(r"\{(\w+)")
    assert [t for t in templates if sorted(fields.findall(t)) != sorted(fields.findall(english[t]))] == []
