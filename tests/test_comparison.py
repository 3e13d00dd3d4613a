"""Keep vs re-loan vs switch: worked comparisons, eligibility rules, and the quote contract."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from decimal import Decimal

import numpy as np
import pytest

from retention_desktop.domain import exact_json
from retention_desktop.domain.portfolio_schedules import METHOD_CODES, portfolio_schedules
from retention_desktop.domain.quote import parse_request, quote_document, run_quote
from retention_desktop.domain.schedule import build_schedule

SHOWCASE = {
    "as_of": "2026-11-23",
    "borrower": {"annual_income": 52000000, "credit_score": 780, "region": "capital"},
    "other_debts": [
        {"kind": "card_loan", "balance": 8000000, "annual_rate_pct": 14.9, "remaining_months": 24,
         "method": "equal_payment"},
        {"kind": "card_loan", "balance": 4000000, "annual_rate_pct": 15.9, "remaining_months": 18,
         "method": "equal_payment"},
        {"kind": "credit", "balance": 12000000, "annual_rate_pct": 6.1, "remaining_months": 12, "method": "bullet"},
    ],
    "current_loan": {"kind": "credit", "balance": 30000000, "annual_rate_pct": 5.2, "rate_type": "variable",
                     "method": "bullet", "term_months": 36, "remaining_months": 16, "drawdown_date": "2025-03-10",
                     "prepayment_fee_pct": 0.11},
    "reloan_offer": {"annual_rate_pct": 4.6, "term_months": 16, "method": "bullet", "fees": 0,
                     "prepayment_fee_waiver_pct": 100},
    "switch_offers": [
        {"lender": "토스뱅크 (고객 제시)", "annual_rate_pct": 4.1, "term_months": 16, "method": "bullet", "fees": 0},
        {"lender": "케이뱅크", "annual_rate_pct": 4.4, "term_months": 16, "method": "bullet", "fees": 0},
    ],
}

MORTGAGE = {
    "as_of": "2026-11-23",
    "borrower": {"annual_income": 90000000, "credit_score": 910, "region": "capital"},
    "other_debts": [],
    "current_loan": {"kind": "mortgage", "balance": 300000000, "annual_rate_pct": 4.8, "rate_type": "mixed",
                     "fixed_period_months": 60, "method": "equal_payment", "term_months": 360,
                     "remaining_months": 330, "drawdown_date": "2024-06-15", "prepayment_fee_pct": 0.58,
                     "collateral_value": 750000000, "collateral_region": "capital"},
    "reloan_offer": {"annual_rate_pct": 4.5, "term_months": 330, "method": "equal_payment", "fees": 0,
                     "prepayment_fee_waiver_pct": 50},
    "switch_offers": [{"lender": "A은행", "annual_rate_pct": 4.2, "term_months": 330, "method": "equal_payment",
                       "fees": 300000}],
}


def quote(document, policy):
    return quote_document(run_quote(parse_request(exact_json.loads(json.dumps(document))), policy))


def options(doc):
    return {o["label"]: o for o in doc["options"]}


def test_showcase_credit_loan_comparison(policy):
    doc = quote(SHOWCASE, policy)
    assert doc["policy_version"] == "2025.10-1015" and doc["engine_version"] == "1.1.0"
    opts = options(doc)
    assert list(opts) == ["keep", "reloan", "switch:토스뱅크 (고객 제시)", "switch:케이뱅크"]
    keep, reloan, toss = opts["keep"], opts["reloan"], opts["switch:토스뱅크 (고객 제시)"]
    # keep: 16 months of interest on 30,000,000 at 5.2 %
    assert (keep["monthly_payment"], keep["total_interest"], keep["total_cost"]) == (130_000, 2_080_000, 2_080_000)
    # re-loan at 4.6 %: fee waived in full, no stamp duty under ₩50M
    assert (reloan["monthly_payment"], reloan["total_interest"], reloan["prepayment_fee"]) == (115_000, 1_840_000, 0)
    assert reloan["net_saving_vs_keep"] == 240_000 and reloan["break_even_month"] == 1
    assert "재대출 시 중도상환수수료 전액 면제" in reloan["reasons"]
    # Toss at 4.1 %: 30,000,000 × 0.11 % × 473 ÷ 1,096 days = 14,241 won of prepayment fee
    assert (toss["total_interest"], toss["prepayment_fee"], toss["total_cost"]) == (1_640_000, 14_241, 1_654_241)
    assert toss["net_saving_vs_keep"] == 425_759
    assert toss["break_even_month"] == 1 and toss["cash_break_even_month"] == 1
    assert toss["eligible"] is True
    assert doc["limits"] == {"dsr_pct": Decimal("35.30"), "stress_dsr_pct": Decimal("35.30"),
                             "max_new_loan": 40_000_000, "binding_constraint": "credit_income_cap"}


def test_mortgage_switch_pays_its_fee_back_after_a_few_months(policy):
    opts = options(quote(MORTGAGE, policy))
    switch, reloan, keep = opts["switch:A은행"], opts["reloan"], opts["keep"]
    # 300,000,000 × 0.58 % × 204 remaining days ÷ 1,095 days of the fee period
    assert switch["prepayment_fee"] == 324_164
    assert switch["stamp_duty_borrower"] == 75_000
    assert reloan["prepayment_fee"] == 162_082  # the re-loan waives half
    upfront = switch["prepayment_fee"] + switch["stamp_duty_borrower"] + switch["fees"]
    assert switch["total_cost"] == switch["total_interest"] + upfront
    assert switch["net_saving_vs_keep"] == keep["total_cost"] - switch["total_cost"]
    # upfront 699,164 won; interest runs ~150,000 won a month lower → crosses in month 5; the payment
    # itself is only ~100,000 won lower (the cheaper loan repays more principal) → cash back in month 7
    assert switch["break_even_month"] == 5 and switch["cash_break_even_month"] == 7
    assert switch["effective_annual_cost_pct"] > Decimal("4.2")  # fees make it dearer than its rate


def test_mortgage_cannot_switch_within_six_months(policy):
    doc = copy.deepcopy(MORTGAGE)
    doc["current_loan"]["drawdown_date"] = "2026-08-01"
    opts = options(quote(doc, policy))
    assert opts["switch:A은행"]["eligible"] is False
    assert "주택담보대출은 실행 6개월 후부터 대환 가능 (2027.02.01부터)" in opts["switch:A은행"]["reasons"]
    assert opts["reloan"]["eligible"] is True


def test_dsr_retest_blocks_a_switch_for_an_overindebted_borrower(policy):
    doc = copy.deepcopy(MORTGAGE)
    doc["borrower"]["annual_income"] = 40_000_000
    opts = options(quote(doc, policy))
    switch = opts["switch:A은행"]
    assert switch["eligible"] is False
    assert any(r.startswith("대환 시 DSR 재심사: 스트레스 DSR") and r.endswith("한도 40%로 불가")
               for r in switch["reasons"])
    assert opts["keep"]["eligible"] is True


def test_policy_version_follows_the_as_of_date(policy):
    from tests.support import seeded_policies
    from retention_desktop.domain.policy import policy_in_force

    doc = copy.deepcopy(MORTGAGE)
    doc["as_of"] = "2025-09-01"
    request = parse_request(exact_json.loads(json.dumps(doc)))
    earlier = run_quote(request, policy_in_force(seeded_policies(), request.as_of))
    assert earlier.policy_version == "2025.07-phase3"


@pytest.mark.parametrize(("mutate", "field", "message"), [
    (lambda d: d["current_loan"].update(balance=-5), "current_loan.balance", "1 이상이어야 합니다"),
    (lambda d: d["current_loan"].pop("drawdown_date"), "current_loan.drawdown_date", "값이 없습니다"),
    (lambda d: d["current_loan"].update(method="balloon"), "current_loan.method", "중 하나여야 합니다"),
    (lambda d: d["borrower"].update(annual_income=52_000_000.5), "borrower.annual_income", "정수 값이어야"),
    (lambda d: d["switch_offers"][1].update(annual_rate_pct=120), "switch_offers[1].annual_rate_pct", "100 이하"),
    (lambda d: d["switch_offers"][0].update(annual_rate_pct=4.12345), "switch_offers[0].annual_rate_pct", "0.0001"),
    (lambda d: d["other_debts"][0].update(kind="loan_shark"), "other_debts[0].kind", "중 하나여야 합니다"),
    (lambda d: d.update(as_of="23/11/2026"), "as_of", "YYYY-MM-DD"),
    (lambda d: d.update(as_of="2026-02-30"), "as_of", "YYYY-MM-DD"),
    (lambda d: d["current_loan"].update(rate_type="mixed"), "current_loan.fixed_period_months", "값이 없습니다"),
    (lambda d: d["switch_offers"][0].update(lender="  "), "switch_offers[0].lender", "비어 있으면"),
    # what the schema cannot say, the parser says, with the path too
    (lambda d: d["current_loan"].update(remaining_months=999), "current_loan.remaining_months", "사이여야"),
    (lambda d: d["current_loan"].update(drawdown_date="2027-01-01"), "current_loan.drawdown_date", "늦을 수 없습니다"),
])
def test_bad_input_names_the_field(mutate, field, message):
    """Checked against docs/quote.schema.json itself; each error names its JSON path."""
    from retention_desktop.domain.errors import InputError
    from retention_desktop.services.quoting import read_request

    doc = copy.deepcopy(SHOWCASE)
    mutate(doc)
    with pytest.raises(InputError, match=message) as caught:
        read_request(json.dumps(doc))
    assert str(caught.value.where) == field
    assert caught.value.message().startswith(f"{field}: ")


def _admin(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "retention_desktop.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_quote_command_prints_the_contract_and_bad_input_exits_2(tmp_path):
    data_dir = tempfile.mkdtemp(prefix="rdquote-")
    from retention_desktop.data.locations import resources_dir

    rates = tmp_path / "index.csv"
    rates.write_text("index_name,rate_date,annual_rate_pct\nBANK_BOND_12M,2026-11-20,2.70\n", encoding="utf-8")
    assert _admin("--data-dir", data_dir, "import", "index-rates", str(rates)).returncode == 0
    assert _admin("--data-dir", data_dir, "import", "products",
                  str(resources_dir() / "samples" / "products.csv")).returncode == 0
    good = _admin("--data-dir", data_dir, "quote", "-", stdin=json.dumps(SHOWCASE, ensure_ascii=False))
    assert good.returncode == 0, good.stderr
    doc = exact_json.loads(good.stdout)
    assert doc["policy_version"] == "2025.10-1015"
    assert set(doc["options"][0]) >= {"label", "annual_rate_pct", "monthly_payment", "total_interest",
                                      "prepayment_fee", "stamp_duty_borrower", "fees", "total_cost",
                                      "net_saving_vs_keep", "break_even_month", "eligible", "reasons"}
    assert '"annual_rate_pct": 4.1,' in good.stdout  # rates travel exactly, never through a float
    # the typed-in Toss offer (4.10 %) is below anything the bank may offer: the advice is to let them switch
    assert doc["recommendation"]["action"] == "switch"
    assert doc["recommendation"]["option"] == "switch:토스뱅크 (고객 제시)"
    assert doc["recommendation"]["headline"].startswith("대환이 더 유리합니다: 토스뱅크 (고객 제시) 4.10%")
    assert {a["feature"] for a in doc["assumed_features"]} >= {"credit_score_at_drawdown", "salary_transfer"}
    for text, expected in [("{not json", "(stdin):1:2: JSON 문법 오류"),
                           (json.dumps({**SHOWCASE, "borrower": {"annual_income": 1, "region": "capital"}}),
                            "borrower.credit_score: 값이 없습니다")]:
        bad = _admin("--data-dir", data_dir, "quote", "-", stdin=text)
        assert bad.returncode == 2 and expected in bad.stderr and "Traceback" not in bad.stderr
    missing = _admin("--data-dir", data_dir, "quote", "/no/such/file.json")
    assert missing.returncode == 2 and "읽을 수 없습니다" in missing.stderr


def test_schedule_command_json_contract():
    out = _admin("schedule", "--principal", "100000000", "--annual-rate-pct", "4.5", "--months", "360",
                 "--method", "equal_payment", "--json")
    doc = json.loads(out.stdout)
    assert doc["payments"][0] == {"month": 1, "payment": 506685, "principal": 131685, "interest": 375000,
                                  "balance": 99868315}
    assert doc["total_interest"] == 82_406_841 and len(doc["payments"]) == 360
    bad = _admin("schedule", "--principal", "1000", "--annual-rate-pct", "4", "--months", "12", "--method",
                 "bullet", "--grace-months", "12")
    assert bad.returncode == 2 and "grace" in bad.stderr


def test_vectorised_portfolio_schedules_equal_the_engine():
    rng = np.random.default_rng(11)
    n = 400
    balance, rate = rng.integers(1_000_000, 900_000_000, n), rng.integers(0, 200_000, n)
    months, method = rng.integers(1, 480, n), rng.integers(0, 3, n)
    result = portfolio_schedules(balance, rate, months, method)
    names = {code: name for name, code in METHOD_CODES.items()}
    for i in range(n):
        s = build_schedule(int(balance[i]), Decimal(int(rate[i])) / 10_000, int(months[i]), names[int(method[i])])
        assert (result.total_interest[i], result.monthly_payment[i]) == (s.total_interest, s.first_payment)
        assert (result.next12_principal[i], result.next12_interest[i]) == s.next_months(12)


def test_schema_names_every_output_field(policy):
    import pathlib

    schema = json.loads((pathlib.Path(__file__).parents[1] / "docs" / "quote.schema.json").read_text("utf-8"))
    doc = quote(SHOWCASE, policy)
    output = schema["$defs"]["output"]
    assert set(output["required"]) <= set(doc) | {"recommendation", "assumed_features"} <= set(output["properties"])
    assert set(schema["$defs"]["option"]["required"]) == set(doc["options"][0])
    assert set(output["properties"]["limits"]["required"]) == set(doc["limits"])
