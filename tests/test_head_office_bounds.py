"""Head office's sanity bounds (finding 9 of the outside test, docs/security.md): a list spread of −99 %p, an index
rate dated 2099 or of 0.0001 %, a competitor's offer of 0.0001 % — refused by the database's head-office functions
(db/sql/60_head_office.sql, data.head_office_bounds) whoever calls them, in words, through the import service and
the command line as through psql as the head-office role; a plausible value beside each is stored."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import psycopg2
import pytest
from sqlalchemy import text

from retention_desktop.data import roles
from retention_desktop.data.models import INDEX_NAMES
from retention_desktop.services.imports import ImportRejected, import_index_rates, import_market_offers
from tests.support import bank_today, connect_as

ADMIN = roles.login_role("E1005")


@pytest.fixture
def admin_sql(db, server_url, login):
    """A psql-like connection as the demo's head-office administrator (E1005)."""
    login("E1005")  # provisions the login role
    conn = connect_as(server_url, db.url.database, ADMIN)
    yield conn
    conn.close()


def refusal(conn, sql: str, *params) -> tuple[str | None, str]:
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
        conn.commit()
        return None, ""
    except psycopg2.Error as exc:
        conn.rollback()
        return exc.pgcode, exc.diag.message_primary


def index_csv(tmp_path, *rows: str):
    path = tmp_path / "index.csv"
    path.write_text("index_name,rate_date,annual_rate_pct\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def offers_csv(tmp_path, *rows: str):
    path = tmp_path / "offers.csv"
    path.write_text("lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source\n"
                    + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def stored_index_dates(db) -> list[dt.date]:
    with db.session() as s:
        return s.execute(text("SELECT rate_date FROM data.index_rates WHERE index_name = 'COFIX_NEW' "
                              "ORDER BY rate_date")).scalars().all()


@pytest.mark.parametrize(("row", "words"), [
    ("COFIX_NEW,2099-01-01,2.49", "기준일이 없거나 오늘보다 뒤입니다"),
    ("COFIX_NEW,{today},0.0001", "지수 금리는 연 0.1% 이상 20% 이하여야 합니다"),
    ("COFIX_NEW,{today},0.0249", "지수 금리는 연 0.1% 이상 20% 이하여야 합니다"),  # 2.49 % typed as a fraction
    ("COFIX_NEW,{today},25", "지수 금리는 연 0.1% 이상 20% 이하여야 합니다"),
])
def test_an_implausible_index_rate_is_refused_by_the_service(db, tmp_path, head_office, row, words):
    before = stored_index_dates(db)
    path = index_csv(tmp_path, "BANK_BOND_5Y,{today},3.20".format(today=bank_today()), row.format(today=bank_today()))
    with pytest.raises(ImportRejected) as caught:
        import_index_rates(head_office, path)
    assert words in str(caught.value) and caught.value.errors[0].startswith("index.csv · ")
    assert stored_index_dates(db) == before  # nothing of the file, not even its good row
    assert import_index_rates(head_office, index_csv(tmp_path, f"COFIX_NEW,{bank_today()},2.49")) == 1


@pytest.mark.parametrize(("rate_date", "rate", "words"), [
    ("2099-01-01", "2.49", "기준일이 없거나 오늘보다 뒤입니다"),
    ("{today}", "0.0001", "지수 금리는"),
    ("{today}", "20.5", "지수 금리는"),
])
def test_an_implausible_index_rate_is_refused_to_head_office_with_psql(admin_sql, rate_date, rate, words):
    row = {"index_name": "COFIX_NEW", "rate_date": rate_date.format(today=bank_today()), "annual_rate_pct": rate}
    code, message = refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([row]))
    assert code == "23514" and words in message, message
    good = {**row, "rate_date": bank_today().isoformat(), "annual_rate_pct": "2.49"}
    assert refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([good])) == (None, "")


def test_a_bogus_index_cannot_lower_the_list_rate_floor(db, admin_sql):
    """What made the bound matter: data.list_rate_floor starts from the lowest of the indexes' latest rates up to
    today (LOWEST_INDEX, as it reads them); a refused index leaves that where it was."""
    rates = [{"index_name": name, "rate_date": bank_today().isoformat(), "annual_rate_pct": "2.80"}
             for name in INDEX_NAMES]
    assert refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps(rates)) == (None, "")
    with db.session() as s:
        assert s.execute(text(LOWEST_INDEX)).scalar() == Decimal("2.80")
    for bogus in ({"rate_date": bank_today().isoformat(), "annual_rate_pct": "0.0001"},
                  {"rate_date": (bank_today() + dt.timedelta(days=1)).isoformat(), "annual_rate_pct": "0.5"}):
        row = {"index_name": "BANK_BOND_6M", **bogus}
        assert refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([row]))[0] == "23514"
    with db.session() as s:
        assert s.execute(text(LOWEST_INDEX)).scalar() == Decimal("2.80")


LOWEST_INDEX = """SELECT min(x.annual_rate_pct) FROM (SELECT DISTINCT ON (index_name) annual_rate_pct FROM data.index_rates
                  WHERE rate_date <= data.bank_today() ORDER BY index_name, rate_date DESC) x"""


@pytest.mark.parametrize(("row", "words"), [
    ("토스뱅크,credit,951,1000,0.0001,0,{today},공시", "다른 금융회사의 금리는 연 1% 이상"),
    ("토스뱅크,credit,951,1000,0.5,0,{today},공시", "다른 금융회사의 금리는 연 1% 이상"),
    ("토스뱅크,credit,951,1000,3.95,0,2099-01-01,공시", "공시일이 오늘보다 뒤입니다"),
])
def test_an_implausible_competitor_offer_is_refused_by_the_service(db, tmp_path, head_office, row, words):
    with pytest.raises(ImportRejected) as caught:
        import_market_offers(head_office, offers_csv(tmp_path, row.format(today=bank_today())))
    assert words in str(caught.value), caught.value.errors
    good = f"토스뱅크,credit,951,1000,3.95,0,{bank_today()},공시"
    assert import_market_offers(head_office, offers_csv(tmp_path, good)) == 1


@pytest.mark.parametrize(("rate", "as_of", "words"), [
    ("0.0001", "{today}", "1% 이상"),
    ("20.01", "{today}", "법정 최고금리 이하"),  # the policy in force says 20 %
    ("3.95", "2099-01-01", "공시일이 오늘보다 뒤입니다"),
])
def test_an_implausible_competitor_offer_is_refused_to_head_office_with_psql(admin_sql, rate, as_of, words):
    row = {"lender": "토스뱅크", "loan_kind": "credit", "credit_score_min": 951, "credit_score_max": 1000,
           "annual_rate_pct": rate, "fees": 0, "as_of": as_of.format(today=bank_today()), "source": "공시"}
    code, message = refusal(admin_sql, "SELECT api.import_market_offers(%s::jsonb, 'psql')", json.dumps([row]))
    assert code == "23514" and words in message, message
    good = {**row, "annual_rate_pct": "3.95", "as_of": bank_today().isoformat()}
    assert refusal(admin_sql, "SELECT api.import_market_offers(%s::jsonb, 'psql')", json.dumps([good])) == (None, "")


PRODUCT = {"code": "RL-TEST", "name": "시험 재대출", "loan_kind": "credit", "rate_type": "fixed", "index_name": None,
           "min_amount": 1_000_000, "max_amount": 100_000_000, "min_term_months": 12, "max_term_months": 60,
           "min_credit_score": 600, "list_spread_pct": "2.5", "min_rate_pct": "3.0", "max_rate_pct": "15.0",
           "prepayment_fee_pct": "1.2", "reloan_fee_waiver_pct": "100", "fees": 0, "active": True}


DECIMALS = ("min_rate_pct", "max_rate_pct", "prepayment_fee_pct", "reloan_fee_waiver_pct")


@pytest.mark.parametrize("spread", ["-99", "-5.01", "20.5", None])
def test_a_products_spread_outside_its_bounds_is_refused_to_head_office_with_psql(admin_sql, spread):
    code, message = refusal(admin_sql, "SELECT api.save_products(%s::jsonb, false, 'psql')",
                            json.dumps([{**PRODUCT, "list_spread_pct": spread}]))
    assert code == "23514" and "상품의 가산금리는 -5%p 이상 20%p 이하여야 합니다" in message, message
    assert "RL-TEST" in message
    for fine in ("-5", "-1.5", "20"):  # a subsidised product's negative spread is allowed
        assert refusal(admin_sql, "SELECT api.save_products(%s::jsonb, false, 'psql')",
                       json.dumps([{**PRODUCT, "list_spread_pct": fine}])) == (None, "")


def test_a_products_spread_is_refused_by_the_service_too(db, head_office):
    from retention_desktop.services.imports import save_products

    with pytest.raises(ImportRejected, match="가산금리|list_spread_pct"):
        save_products(head_office, [{**PRODUCT, **{k: Decimal(PRODUCT[k]) for k in DECIMALS},
                                     "list_spread_pct": Decimal("-99")}], ["form"])


def test_the_bounds_are_readable_and_refusals_read_in_english(head_office):
    """The bounds are the database's (api.head_office_bounds, head office only); the refusal's sentence is in the
    English catalogue, the place before it (file, index, date, value) kept."""
    from retention_desktop.data import api_calls
    from retention_desktop.messages import translator

    with head_office.session() as s:
        bounds = {r["name"]: (r["low"], r["high"]) for r in api_calls.rows(s, "head_office_bounds")}
    assert {k: (float(a), float(b)) for k, (a, b) in bounds.items()} == {
        "index_rate_pct": (0.1, 20.0), "market_rate_pct": (1.0, 20.0), "list_spread_pct": (-5.0, 20.0),
        "pricing_component_pct": (0.0, 5.0), "risk_spread_pct": (0.0, 15.0), "discount_pct": (0.0, 2.0),
        "dsr_surcharge_pct": (0.0, 5.0),
        "authority_pct": (0.0, 2.0), "index_move_pct": (0.0, 1.0), "secured_risk_factor": (0.2, 1.0),
        "approval_limit_won": (1.0, 1e10), "product_rate_pct": (0.5, 20.0), "product_amount_won": (1.0, 1e10),
        "legal_max_rate_pct": (0.0, 25.0), "record_year": (2000.0, 9999.0)}
    refused = ImportRejected([f"index.csv · COFIX_NEW · {bank_today()} · 연 0.0001%: "
                              "지수 금리는 연 0.1% 이상 20% 이하여야 합니다 (소수로 적은 금리인지 확인하세요)"])
    english = refused.message(translator("en"))
    assert english.startswith("index.csv · COFIX_NEW") and "must be from 0.1% to 20% a year" in english
    with head_office.session() as s:
        reasons = [r["reason"] for r in api_calls.rows(s, "head_office_bounds")]
    english = translator("en")
    untranslated = [r for r in reasons + ["가격 기준의 대출 종류별 항목에는 모든 대출 종류(신용·주택담보·전세·기타담보·마이너스통장)의 "
                                          "값이 있어야 합니다", "가격 기준의 대출 종류별 항목에는 알려진 대출 종류만 적을 수 있습니다",
                                          "숫자나 날짜로 읽을 수 없거나 범위를 벗어난 값이 있습니다",
                                          "데모(DEMO) 인증서는 신뢰 루트로 등록할 수 없습니다",
                                          "공시된 지수 금리 이력은 고치거나 끼워 넣을 수 없습니다 (가장 최근 공시일 이후의 금리를 "
                                          "추가하거나 그날의 금리만 고칠 수 있습니다)",
                                          "시행일은 오늘(은행 영업일) 이후여야 합니다 (지난 날짜로 등록하면 그날 이후의 "
                                          "견적·제안·승인을 판단한 기준이 바뀝니다)",
                                          "법정 최고금리가 판매 중인 상품의 최고금리보다 낮으면 은행 금리표대로 낸 제안이 "
                                          "거절됩니다 (상품의 최고금리를 먼저 낮추세요)"] if english(r) == r]
    assert untranslated == []



def seeded_pricing_rules(db) -> dict:
    with db.session() as s:
        return s.execute(text("SELECT parameters FROM data.pricing_rules ORDER BY effective_from DESC LIMIT 1")).scalar()


@pytest.mark.parametrize(("change", "words"), [
    (lambda p: p.update(target_margin_pct="7"), "target_margin_pct = 7: 가격 기준의 유동성 프리미엄·업무원가·마진은"),
    (lambda p: p["cost_pct"].update(credit="6"), "cost_pct.credit = 6: 가격 기준의"),
    (lambda p: p["liquidity_premium_pct"].update(mortgage="5.5"), "liquidity_premium_pct.mortgage = 5.5"),
    (lambda p: p["risk_spread_by_score"][-1].__setitem__(1, "-99"),
     "risk_spread_by_score[8] = -99: 신용점수별 위험 가산금리는 0%p 이상 15%p 이하여야 합니다"),
    (lambda p: p.update(salary_transfer_discount_pct="99"), "salary_transfer_discount_pct = 99: 우대금리"),
    (lambda p: p.update(tenure_discount_pct="2.5"), "tenure_discount_pct = 2.5: 우대금리"),
    (lambda p: p["authority_pct"].update(officer="99"), "authority_pct.officer = 99: 전결 금리 재량"),
])
def test_implausible_pricing_rules_are_refused_to_head_office_with_psql(db, admin_sql, change, words):
    """What the list-rate floor and the approval authorities read from the pricing rules: a risk spread of −99 %p, a
    discount of 99 %p or an officer's authority of 99 %p would lower the floor or widen every authority."""
    params = seeded_pricing_rules(db)
    change(params)
    code, message = refusal(admin_sql, "SELECT api.save_pricing_rules('t-bad', %s, %s::jsonb, '', 'psql')",
                            bank_today() + dt.timedelta(days=400), json.dumps(params))
    assert code == "23514" and message.startswith("psql · ") and words in message, message
    plausible = seeded_pricing_rules(db)
    plausible["target_margin_pct"] = "0.70"
    assert refusal(admin_sql, "SELECT api.save_pricing_rules('t-good', %s, %s::jsonb, '', 'psql')",
                   bank_today() + dt.timedelta(days=400), json.dumps(plausible)) == (None, "")


# -- the second outside test's gaps (30 Nov 2026, docs/security.md finding 9b) ---------------------------------------

KINDS = ("credit", "mortgage", "jeonse", "other_secured", "overdraft")


def save_rules(conn, params, effective_from=None) -> tuple[str | None, str]:
    day = effective_from or (bank_today() + dt.timedelta(days=400)).isoformat()
    return refusal(conn, "SELECT api.save_pricing_rules('t-x', %s::date, %s::jsonb, '', 'psql')", day, json.dumps(params))


@pytest.mark.parametrize(("change", "words"), [
    (lambda p: p["secured_risk_factor"].update(credit="0"), "secured_risk_factor.credit = 0: 담보대출의 위험 가산금리 반영률"),
    (lambda p: p["secured_risk_factor"].update(overdraft="0.9"), "secured_risk_factor.overdraft = 0.9"),
    (lambda p: p["secured_risk_factor"].update(mortgage="0.1"), "secured_risk_factor.mortgage = 0.1"),
    (lambda p: p.update(cost_pct={}), "cost_pct.credit 없음: 가격 기준의 대출 종류별 항목에는 모든 대출 종류"),
    (lambda p: p.update(liquidity_premium_pct={}), "liquidity_premium_pct.credit 없음"),
    (lambda p: p["cost_pct"].pop("jeonse"), "cost_pct.jeonse 없음"),
    (lambda p: p["secured_risk_factor"].pop("mortgage"), "secured_risk_factor.mortgage 없음"),
    (lambda p: p["loss_given_default_pct"].pop("overdraft"), "loss_given_default_pct.overdraft 없음"),
    (lambda p: p["cost_pct"].update(card="0.3"), "cost_pct.card: 가격 기준의 대출 종류별 항목에는 알려진 대출 종류만"),
])
def test_pricing_rules_need_every_loan_kind_and_a_sane_secured_factor(db, admin_sql, change, words):
    """The outside tester's 3.8 % loan under a 4.52 % floor: secured_risk_factor {"credit": "0"} and empty cost and
    liquidity maps were stored, and the floor read a missing part as 0. Now refused in words to head office."""
    params = seeded_pricing_rules(db)
    change(params)
    code, message = save_rules(admin_sql, params)
    assert code == "23514" and message.startswith("psql · ") and words in message, message
    fine = seeded_pricing_rules(db)
    fine["secured_risk_factor"].update(mortgage="0.2", other_secured="1")
    assert save_rules(admin_sql, fine) == (None, "")


def latest(db, index: str) -> tuple[dt.date, Decimal]:
    with db.session() as s:
        return tuple(s.execute(text("SELECT rate_date, annual_rate_pct FROM data.index_rates WHERE index_name = :i "
                                    "AND rate_date <= data.bank_today() ORDER BY rate_date DESC LIMIT 1"),
                               {"i": index}).one())


def test_an_index_rate_jumping_from_its_neighbours_is_refused_with_psql(db, admin_sql):
    """0.1 % dated today was inside the 0.1-20 % band and lowered the floor (the lowest of the indexes' latest
    rates). A rate more than 1.0 %p from the same index's neighbouring rates is refused; a real move is stored."""
    with db.session() as s:
        floor_before = s.execute(text(LOWEST_INDEX)).scalar()
    day, rate = latest(db, "BANK_BOND_6M")
    today = bank_today()
    for bogus in (Decimal("0.1"), rate - Decimal("1.01"), rate + Decimal("1.5")):
        row = {"index_name": "BANK_BOND_6M", "rate_date": today.isoformat(), "annual_rate_pct": str(bogus)}
        code, message = refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([row]))
        assert code == "23514" and "지수 금리가 같은 지수의 앞뒤 금리와 1.0%p 넘게 다릅니다" in message, message
    # a backdated rate between stored ones is measured against both sides
    backdated = {"index_name": "BANK_BOND_6M", "rate_date": (day - dt.timedelta(days=1)).isoformat(),
                 "annual_rate_pct": str(rate - Decimal("1.2"))}
    assert refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([backdated]))[0] == "23514"
    with db.session() as s:
        assert s.execute(text(LOWEST_INDEX)).scalar() == floor_before
    real = {"index_name": "BANK_BOND_6M", "rate_date": today.isoformat(), "annual_rate_pct": str(rate - Decimal("0.25"))}
    assert refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([real])) == (None, "")


@pytest.mark.parametrize("amount", [9223372036854775807, 10_000_000_001, 0, -1])
def test_an_approval_limit_out_of_bounds_is_refused_with_psql(admin_sql, amount):
    code, message = refusal(admin_sql, "SELECT api.set_approval_limit('officer', %s)", amount)
    assert code in ("23514", "22023", "22003") and message, message
    if amount > 0:
        assert code == "23514" and "100억 원 이하" in message, message


def test_approval_limits_keep_their_order_with_psql(db, admin_sql):
    with db.session() as s:
        limits = dict(s.execute(text("SELECT role, max_amount FROM data.approval_limits")).all())
    assert {"officer", "manager", "admin"} <= set(limits), limits
    code, message = refusal(admin_sql, "SELECT api.set_approval_limit('officer', %s)", limits["manager"] + 1)
    assert code == "23514" and "행원 ≤ 지점장 ≤ 본부" in message, message
    code, message = refusal(admin_sql, "SELECT api.set_approval_limit('admin', %s)", limits["manager"] - 1)
    assert code == "23514" and "행원 ≤ 지점장 ≤ 본부" in message, message
    assert refusal(admin_sql, "SELECT api.set_approval_limit('officer', %s)", limits["manager"]) == (None, "")
    assert refusal(admin_sql, "SELECT api.set_approval_limit('admin', %s)", 10_000_000_000) == (None, "")


@pytest.mark.parametrize("day", ["-infinity", "1900-01-01", "1999-12-31"])
def test_implausible_dates_are_refused_with_psql(db, admin_sql, day):
    index = {"index_name": "COFIX_NEW", "rate_date": day, "annual_rate_pct": "2.49"}
    code, message = refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([index]))
    assert code == "23514" and "2000-01-01 이후의 실제 날짜" in message, message
    offer = {"lender": "토스뱅크", "loan_kind": "credit", "credit_score_min": 951, "credit_score_max": 1000,
             "annual_rate_pct": "3.95", "fees": 0, "as_of": day, "source": "공시"}
    code, message = refusal(admin_sql, "SELECT api.import_market_offers(%s::jsonb, 'psql')", json.dumps([offer]))
    assert code == "23514" and "2000-01-01 이후의 실제 날짜" in message, message
    code, message = save_rules(admin_sql, seeded_pricing_rules(db), day)
    assert code == "23514" and "2000-01-01 이후의 실제 날짜" in message, message


def test_an_infinite_effective_date_is_refused_with_psql(db, admin_sql):
    code, message = save_rules(admin_sql, seeded_pricing_rules(db), "infinity")
    assert code == "23514" and "infinity 불가" in message, message


@pytest.mark.parametrize("value", ["Infinity", "1e30", "abc"])
def test_an_unreadable_number_is_refused_in_words_with_psql(admin_sql, value):
    index = {"index_name": "COFIX_NEW", "rate_date": bank_today().isoformat(), "annual_rate_pct": value}
    code, message = refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", json.dumps([index]))
    assert code == "23514" and "숫자나 날짜로 읽을 수 없거나 범위를 벗어난 값이 있습니다" in message, message
    code, message = refusal(admin_sql, "SELECT api.save_products(%s::jsonb, false, 'psql')",
                            json.dumps([{**PRODUCT, "max_rate_pct": value}]))
    assert code == "23514" and "숫자나 날짜로 읽을 수 없거나" in message, message


@pytest.mark.parametrize(("change", "words"), [
    ({"min_rate_pct": "0.0001"}, "연 0.5% 이상 20% 이하"),
    ({"min_rate_pct": "0.4"}, "연 0.5% 이상 20% 이하"),
    ({"max_amount": 9_000_000_000_000}, "100억 원 이하"),
    ({"max_amount": 10_000_000_001}, "100억 원 이하"),
])
def test_a_products_rates_and_amounts_are_bounded_with_psql(admin_sql, change, words):
    code, message = refusal(admin_sql, "SELECT api.save_products(%s::jsonb, false, 'psql')",
                            json.dumps([{**PRODUCT, **change}]))
    assert code == "23514" and words in message and "RL-TEST" in message, message
    fine = {"min_rate_pct": "0.5", "max_amount": 10_000_000_000}
    assert refusal(admin_sql, "SELECT api.save_products(%s::jsonb, false, 'psql')",
                   json.dumps([{**PRODUCT, **fine}])) == (None, "")


def certificate_pem(subject: str, issuer: str, string_type: str = "UTF8String") -> str:
    """A certificate named subject, signed by a key named issuer (a throwaway one), as PEM text; the names' common
    name encoded as string_type (an ASN.1 string type: UTF8String, BMPString, UniversalString, …)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.name import _ASN1Type
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = lambda cn: x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn,  # noqa: E731
                                                    _type=_ASN1Type[string_type])])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + dt.timedelta(days=30)).sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def test_a_demo_trust_root_is_refused_by_the_database(admin_sql):
    """The command line refused a DEMO certificate; head office with psql could still pin one. The function
    refuses the mark in the subject given or anywhere in the certificate's bytes (its subject or its issuer), even
    when the subject given lies; a bank's own root is pinned."""
    for pem, subject in ((certificate_pem("Retention Demo Root CA (DEMO)", "Retention Demo Root CA (DEMO)"),
                          "CN=Harmless Bank Root"),
                         (certificate_pem("Harmless Bank Root", "Retention Demo Bank (DEMO)"), "CN=Harmless Bank Root"),
                         (certificate_pem("Example Bank Root CA", "Example Bank Root CA"), "CN=Example (DEMO)")):
        code, message = refusal(admin_sql, "SELECT api.add_trust_root(%s, %s, 'psql')", pem, subject)
        assert code == "23514" and "데모(DEMO) 인증서는 신뢰 루트로 등록할 수 없습니다" in message, message
    good = certificate_pem("Example Bank Root CA", "Example Bank Root CA")
    code, _ = refusal(admin_sql, "SELECT api.add_trust_root(%s, %s, 'psql')", good, "CN=Example Bank Root CA")
    assert code is None


@pytest.mark.parametrize("string_type", ["BMPString", "UniversalString", "PrintableString", "UTF8String"])
def test_a_demo_root_whose_names_are_not_utf8_is_refused_by_the_database(admin_sql, string_type):
    """Third outside test: the SQL check searched the certificate's bytes for "(DEMO)" in ASCII, so a DEMO root
    whose names are BMPString (UTF-16: 00 28 00 44 …) was pinned with psql, though the Python verifier refused it.
    Now the mark is searched in every encoding a name's string can have; the subject given says nothing of it."""
    from retention_desktop.proposal import pki

    pem = certificate_pem("Harmless Bank Root (DEMO)", "Harmless Bank Root (DEMO)", string_type)
    assert "(DEMO)".encode("utf-16-be" if string_type == "BMPString" else "utf-32-be" if string_type ==
                           "UniversalString" else "ascii") in __import__("ssl").PEM_cert_to_DER_cert(pem)
    assert pki.is_demo_pem(pem.encode())  # the Python verifier's view, which the database must share
    code, message = refusal(admin_sql, "SELECT api.add_trust_root(%s, %s, 'psql')", pem, "CN=Harmless Bank Root")
    assert code == "23514" and "데모(DEMO) 인증서는 신뢰 루트로 등록할 수 없습니다" in message, message
    # the bank's own root in the same encoding is pinned
    good = certificate_pem("Harmless Bank Root CA", "Harmless Bank Root CA", string_type)
    assert refusal(admin_sql, "SELECT api.add_trust_root(%s, %s, 'psql')", good, "CN=Harmless Bank Root CA") == (None, "")


def stored_history(db, index: str) -> list[tuple[dt.date, Decimal]]:
    with db.session() as s:
        return [tuple(r) for r in s.execute(text("SELECT rate_date, annual_rate_pct FROM data.index_rates "
                                                 "WHERE index_name = :i ORDER BY rate_date"), {"i": index})]


def index_rows(*rows: tuple[str, dt.date, Decimal]) -> str:
    return json.dumps([{"index_name": i, "rate_date": d.isoformat(), "annual_rate_pct": str(r)} for i, d, r in rows])


def test_published_index_history_cannot_be_rewritten_to_walk_the_rate_down(db, admin_sql):
    """Third outside test: every row within 1.0 %p of its neighbours, head office rewrote the stored history a step
    at a time (a past date replaced, a date slipped in between), each step lowering what the next may be, until the
    latest rate — where the list-rate floor of every approval starts — was as low as it liked. Now the history is
    append-only: a past date replaced or a date inserted before the latest is refused in words, each step here
    within the neighbour bound (so the old check let it through), and nothing is stored."""
    history = stored_history(db, "BANK_BOND_6M")
    (first, _r), (before_last, rate_before_last), (last, rate_last) = history[0], history[-2], history[-1]
    assert len(history) >= 3 and first < before_last < last
    steps = [("BANK_BOND_6M", before_last, rate_before_last - Decimal("0.5")),  # a past rate lowered
             ("BANK_BOND_6M", last - dt.timedelta(days=1), rate_last - Decimal("0.5")),  # a date slipped in before
             ("BANK_BOND_6M", first, history[0][1] - Decimal("0.5"))]  # the first stored rate changed
    for step in steps:
        code, message = refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", index_rows(step))
        assert code == "23514" and "공시된 지수 금리 이력" in message and "고치거나 끼워 넣을 수 없습니다" in message, message
    assert stored_history(db, "BANK_BOND_6M") == history


def test_index_history_still_grows_forwards_and_backwards_and_takes_a_repeated_file(db, admin_sql):
    """What head office legitimately does still works: a new rate after the latest, the latest date's rate corrected,
    a history filled in before the records start, and a file re-imported with the rates already stored."""
    history = stored_history(db, "BANK_BOND_6M")
    (first, first_rate), (last, last_rate) = history[0], history[-1]
    today = bank_today()
    for rows in ([("BANK_BOND_6M", d, r) for d, r in history],  # the stored history itself, again
                 [("BANK_BOND_6M", last, last_rate - Decimal("0.05"))],  # the latest date's rate corrected
                 [("BANK_BOND_6M", today, last_rate - Decimal("0.10"))],  # a new rate
                 [("BANK_BOND_6M", first - dt.timedelta(days=31), first_rate + Decimal("0.10"))]):  # older history
        assert refusal(admin_sql, "SELECT api.import_index_rates(%s::jsonb, 'psql')", index_rows(*rows)) == (None, "")
    now = stored_history(db, "BANK_BOND_6M")
    assert now[0] == (first - dt.timedelta(days=31), first_rate + Decimal("0.10"))
    assert now[-1] == (today, last_rate - Decimal("0.10")) and now[1:-1][:len(history) - 1] == history[:-1]
