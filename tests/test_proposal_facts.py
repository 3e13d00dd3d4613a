"""The facts a proposal file carries are hostile input to the verifier (domain/proposal_facts.py): the second
outside test signed files whose facts said "amount": "1E+1000000" (verify-proposal ran 38 s of CPU) or Infinity
(a program-defect message). Each is now an unreadable fact: a difference named in words, at once."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest

from retention_desktop.domain import proposal_facts

GENUINE = proposal_facts.facts("P20261130-ABCDEF", "L0000000001", "reloan", Decimal("4.10"), 16, 30_000_000,
                               1_980_000, dt.date(2026, 12, 14), "a" * 64)


def test_the_same_facts_agree_and_a_changed_rate_is_named():
    assert proposal_facts.differences(GENUINE, dict(GENUINE, annual_rate_pct="4.1")) == []
    assert proposal_facts.differences(GENUINE, dict(GENUINE, annual_rate_pct="3.9")) == ["제안 금리 (4.1 · 3.9)"]


@pytest.mark.parametrize("key, hostile", [
    ("amount", "1E+1000000"), ("amount", "1e999999999"), ("amount", float("inf")), ("amount", "Infinity"),
    ("amount", "NaN"), ("monthly_payment", "-Infinity"), ("term_months", "9" * 5000), ("term_months", True),
    ("annual_rate_pct", "1E-1000000"), ("annual_rate_pct", "sNaN"), ("amount", 10 ** 30), ("quote_sha256", "f" * 10 ** 6),
])
def test_hostile_facts_are_a_difference_in_words_at_once(key, hostile):
    started = time.process_time()
    found = proposal_facts.differences(dict(GENUINE, **{key: hostile}), GENUINE)
    assert time.process_time() - started < 0.5
    assert len(found) == 1 and found[0].startswith(proposal_facts.FIELDS[key]) and len(found[0]) < 80
    why = proposal_facts.judge(dict(GENUINE, **{key: hostile}), GENUINE, GENUINE, GENUINE["quote_sha256"])
    assert why.startswith("제안서에 적힌 내용이 보관된 견적과 다릅니다")
