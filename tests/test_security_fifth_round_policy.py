"""The outside test of 1 Dec 2026, what revision 0017 closes of head office's policy data, officers' timeouts and
confirmed incomes (docs/security.md): each attack tried as the role's own login on the real database (a
psql-like connection), refused with a clear error, and the legitimate path beside it still working."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.support import bank_today
from tests.test_security_attacks import psql, sqlstate_of  # noqa: F401 (fixtures)

SAVE_POLICY = "SELECT api.save_policy(%s, %s::date, %s::jsonb, '', 'psql')"


def latest_policy(conn) -> dict:
    with conn.cursor() as cur:
        cur.execute("SELECT parameters FROM api.policies ORDER BY effective_from DESC LIMIT 1")
        parameters = cur.fetchone()[0]
    conn.rollback()
    return parameters


def with_legal_max(parameters: dict, legal_max: str) -> dict:
    """The policy with another legal maximum, the late-payment cap lowered with it where needed (the engine
    refuses a cap above the legal maximum, as the outside tester found)."""
    late = dict(parameters["late_payment"])
    late["cap_pct"] = min(late["cap_pct"], legal_max, key=float)
    return {**parameters, "legal_max_rate_pct": legal_max, "late_payment": late}


def policy_versions(conn) -> list[tuple[str, dt.date]]:
    with conn.cursor() as cur:
        cur.execute("SELECT version, effective_from FROM api.policies ORDER BY effective_from")
        rows = cur.fetchall()
    conn.rollback()
    return rows


# -- head office's policy dates and values --------------------------------------------------------------------------

def test_a_policy_version_dated_before_the_business_date_is_refused_with_psql(psql):
    """A version dated yesterday (or in 2025, between the seeded versions) would change the rules every quote,
    proposal and approval since that day was judged by: head office (E1005) is refused in words; dated today or
    later it is stored. The stored versions (revision 0003/0007's, dated 2024-2027) are untouched."""
    head_office = psql("E1005")
    parameters = latest_policy(head_office)
    before = policy_versions(head_office)
    today = bank_today()
    for day in (today - dt.timedelta(days=1), dt.date(2025, 8, 1)):
        code, message = sqlstate_of(head_office, SAVE_POLICY, "2099.01-past", day, json.dumps(parameters))
        assert code == "23514", message
        assert message == (f"psql · 시행일 {day} · 오늘 {today}: 시행일은 오늘(은행 영업일) 이후여야 합니다 "
                           "(지난 날짜로 등록하면 그날 이후의 견적·제안·승인을 판단한 기준이 바뀝니다)"), message
    assert policy_versions(head_office) == before
    # the business date itself, and a later day, are head office's to choose
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-today", today, json.dumps(parameters)) == (None, "")
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-later", today + dt.timedelta(days=400),
                       json.dumps(parameters)) == (None, "")
    assert len(policy_versions(head_office)) == len(before) + 2


def test_pricing_rules_dated_before_the_business_date_are_refused_with_psql(psql):
    """The pricing rules (the list-rate floor and every approval authority) are saved by the same write path and
    held to the same date rule."""
    head_office = psql("E1005")
    with head_office.cursor() as cur:
        cur.execute("SELECT parameters FROM api.pricing_rules ORDER BY effective_from DESC LIMIT 1")
        rules = cur.fetchone()[0]
    head_office.rollback()
    yesterday = bank_today() - dt.timedelta(days=1)
    code, message = sqlstate_of(head_office, "SELECT api.save_pricing_rules('t-past', %s, %s::jsonb, '', 'psql')",
                                yesterday, json.dumps(rules))
    assert code == "23514" and "시행일은 오늘(은행 영업일) 이후여야 합니다" in message, message
    assert sqlstate_of(head_office, "SELECT api.save_pricing_rules('t-today', %s, %s::jsonb, '', 'psql')",
                       bank_today(), json.dumps(rules)) == (None, "")


@pytest.mark.parametrize(("legal_max", "words"), [
    ("1", "legal_max_rate_pct = 1 · 상품 RL-CR-FX 최고금리 연 16%: 법정 최고금리가 판매 중인 상품의 최고금리보다 낮으면 "
          "은행 금리표대로 낸 제안이 거절됩니다 (상품의 최고금리를 먼저 낮추세요)"),
    ("15.9", "legal_max_rate_pct = 15.9 · 상품 RL-CR-FX 최고금리 연 16%"),
    ("25.5", "legal_max_rate_pct = 25.5: 법정 최고금리는 연 25%를 넘을 수 없습니다 (이자제한법 제2조제1항은 대통령령의 "
             "최고이자율을 연 25% 이내로 정합니다. 2021-07-07부터 연 20%)"),
    ("100", "legal_max_rate_pct = 100: 법정 최고금리는 연 25%를 넘을 수 없습니다"),
])
def test_a_legal_maximum_that_would_refuse_the_banks_own_rates_or_passes_the_statute_is_refused(psql, legal_max,
                                                                                                  words):
    """The outside tester stored a legal maximum of 1 %: every proposal of the bank was then refused (its list
    rate above the legal maximum) until a version dated tomorrow. Now the legal maximum is at least the highest
    rate of a product on sale (the demo's RL-CR-FX, 16 %) and at most the statute's ceiling for the decree
    (이자제한법 제2조제1항: 25 %)."""
    head_office = psql("E1005")
    parameters = with_legal_max(latest_policy(head_office), legal_max)
    code, message = sqlstate_of(head_office, SAVE_POLICY, "2099.01-max", bank_today() + dt.timedelta(days=30),
                                json.dumps(parameters))
    assert code == "23514" and message.startswith("psql · ") and words in message, message


@pytest.mark.parametrize("legal_max", ["16", "20", "24", "25"])
def test_a_legal_maximum_between_the_rate_sheet_and_the_statute_is_stored(psql, legal_max):
    head_office = psql("E1005")
    parameters = with_legal_max(latest_policy(head_office), legal_max)
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-max", bank_today() + dt.timedelta(days=30),
                       json.dumps(parameters)) == (None, "")


def test_the_rate_sheet_bound_follows_the_products_on_sale(psql, db):
    """Head office lowers the products' highest rate first (api.save_products), then the legal maximum may follow:
    a withdrawn product does not hold it up either."""
    from sqlalchemy import text

    head_office = psql("E1005")
    with db.session() as s:
        s.execute(text("UPDATE data.products SET max_rate_pct = 11 WHERE max_rate_pct > 11 AND code <> 'RL-CR-FX'"))
        s.commit()
    parameters = with_legal_max(latest_policy(head_office), "11")
    code, message = sqlstate_of(head_office, SAVE_POLICY, "2099.01-11", bank_today() + dt.timedelta(days=30),
                                json.dumps(parameters))
    assert code == "23514" and "상품 RL-CR-FX 최고금리 연 16%" in message, message
    with db.session() as s:
        s.execute(text("UPDATE data.products SET active = false WHERE code = 'RL-CR-FX'"))
        s.commit()
    assert sqlstate_of(head_office, SAVE_POLICY, "2099.01-11", bank_today() + dt.timedelta(days=30),
                       json.dumps(parameters)) == (None, "")
