"""Head-office imports: line-numbered errors, all-or-nothing, and the market-offers CSV contract."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from retention_desktop.data.models import MarketOffer
from retention_desktop.services.imports import ImportRejected, import_market_offers, parse_market_offers
from tests.support import bank_today, in_english, seed_revision

HEADER = "lender,loan_kind,credit_score_min,credit_score_max,annual_rate_pct,fees,as_of,source\n"
GOOD = HEADER + ("토스뱅크,credit,951,1000,3.95,0,2026-10-15,은행연합회 공시\n"
                 "토스뱅크,credit,901,950,4.21,0,2026-10-15,은행연합회 공시\n"
                 "하나은행,mortgage,901,1000,3.88,300000,2026-10-15,은행연합회 공시\n")


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(MarketOffer))


def test_a_good_sheet_imports_and_replaces_a_republished_one(db, tmp_path, head_office):
    before = count(db)
    path = tmp_path / "sheet.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert import_market_offers(head_office, path) == 3
    assert count(db) == before + 3
    assert import_market_offers(head_office, path) == 3  # the same sheet again replaces, never duplicates
    assert count(db) == before + 3


@pytest.mark.parametrize(("bad_line", "message"), [
    ("토스뱅크,credit,951,1000,abc,0,2026-10-15,공시", "annual_rate_pct: number expected"),
    ("토스뱅크,loan_shark,951,1000,4.1,0,2026-10-15,공시", "loan_kind: must be one of"),
    ("토스뱅크,credit,951,900,4.1,0,2026-10-15,공시", "above credit_score_max"),
    ("토스뱅크,credit,951,1000,4.1,-5,2026-10-15,공시", "fees: must be between"),
    ("토스뱅크,credit,951,1000,4.1,0,01/11/2026,공시", "as_of: date YYYY-MM-DD"),
    ("토스뱅크,credit,951,1000,140,0,2026-10-15,공시", "above 0 to 100"),
    ("토스뱅크,credit,951,1000,20.5,0,2026-10-15,공시", "above the legal maximum interest rate of 20%"),
    (",credit,951,1000,4.1,0,2026-10-15,공시", "lender: must not be empty"),
    ("토스뱅크,credit,951,1000,4.1,0,2026-10-15", "expected 8 fields"),
])
def test_one_bad_row_changes_nothing_and_names_its_line(db, tmp_path, bad_line, message, head_office):
    before = count(db)
    path = tmp_path / "sheet.csv"
    path.write_text(GOOD + bad_line + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_market_offers(head_office, path)
    english = in_english(caught.value.errors[0])  # Korean first; the English catalogue words it as below
    assert caught.value.errors[0].startswith("sheet.csv:5: ") and english.startswith("sheet.csv:5: ")
    assert message in english, english
    assert count(db) == before


def test_header_and_duplicates_are_checked():
    with pytest.raises(ImportRejected, match=r"x.csv:1: 첫 줄\(머리글\)은 lender,loan_kind,"):
        parse_market_offers("lender,kind\n", "x.csv")
    with pytest.raises(ImportRejected, match=r"x.csv:3: 2번째 줄과 금융기관·대출 종류·구간·날짜가 같습니다"):
        parse_market_offers(HEADER + "A,credit,1,600,9,0,2026-10-15,s\nA,credit,1,600,9.5,0,2026-10-15,s\n", "x.csv")
    assert len(parse_market_offers("\ufeff" + GOOD, "bom.csv")) == 3  # Excel's byte-order mark is fine


def test_import_command_contract():
    data_dir = tempfile.mkdtemp(prefix="rdimp-")
    good, bad = Path(data_dir) / "good.csv", Path(data_dir) / "bad.csv"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(GOOD + "토스뱅크,credit,951,1000,abc,0,2026-10-15,공시\n", encoding="utf-8")

    def admin(*args):
        return subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", data_dir, *args],
                              capture_output=True, text=True, timeout=300)

    ok = admin("import", "market-offers", str(good))
    assert ok.returncode == 0 and "imported market-offers" in ok.stdout and ": 3" in ok.stdout
    rejected = admin("import", "market-offers", str(bad))
    assert rejected.returncode != 0 and "bad.csv:5: annual_rate_pct" in rejected.stderr
    assert "nothing was imported" in rejected.stderr and "Traceback" not in rejected.stderr


def test_index_rates_import_all_or_nothing(db, tmp_path, head_office):
    from retention_desktop.data.models import IndexRate
    from retention_desktop.services.imports import import_index_rates

    yesterday, today = bank_today() - dt.timedelta(days=1), bank_today()  # never a day to come (the bounds)
    path = tmp_path / "cofix.csv"
    path.write_text(f"index_name,rate_date,annual_rate_pct\nCOFIX_NEW,{yesterday},2.71\nBANK_BOND_5Y,{yesterday},3.20\n",
                    encoding="utf-8")
    assert import_index_rates(head_office, path) == 2
    path.write_text(f"index_name,rate_date,annual_rate_pct\nCOFIX_NEW,{today},2.70\nLIBOR,{today},1\n",
                    encoding="utf-8")
    with pytest.raises(ImportRejected, match=r"cofix.csv:3: index_name: .* 중 하나여야 합니다 \(입력 'LIBOR'\)"):
        import_index_rates(head_office, path)
    with db.session() as s:
        days = s.scalars(select(IndexRate.rate_date).where(IndexRate.index_name == "COFIX_NEW")).all()
    assert max(days) == yesterday


def test_policy_import_checks_every_parameter(db, tmp_path, head_office):
    import json

    from retention_desktop.services.imports import import_policy
    from retention_desktop.services.regulation import load_policies

    params = json.loads(json.dumps(seed_revision().RELIEF_ENDS))
    params["stress"]["rules"][-1]["rate_pct"] = "1.75"
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"version": "2027.07-h2", "effective_from": "2027-07-01", "note": "H2 stress rate",
                                "parameters": params}), encoding="utf-8")
    assert import_policy(head_office, path) == "2027.07-h2"
    assert load_policies(db)[-1].stress_rules[-1].rate_pct == Decimal("1.75")
    with pytest.raises(ImportRejected, match="이미 있습니다"):
        import_policy(head_office, path)
    params["dsr"]["cap_pct_bank"] = "140"
    path.write_text(json.dumps({"version": "bad", "effective_from": "2028-01-01", "parameters": params}),
                    encoding="utf-8")
    with pytest.raises(ImportRejected, match="dsr.cap_pct_bank"):
        import_policy(head_office, path)


def test_the_policy_asked_of_the_database_is_the_one_in_force_among_all_versions(db):
    """``policy_for`` reads only the version in force; it must be ``policy_in_force`` over every stored version,
    on each version's first day, the day before it, and before the first."""
    import datetime as dt

    from retention_desktop.domain.policy import PolicyError, policy_in_force
    from retention_desktop.services.regulation import load_policies, policy_for

    policies = load_policies(db)
    assert len(policies) > 3
    for policy in policies:
        for day in (policy.effective_from, policy.effective_from - dt.timedelta(days=1)):
            if day < policies[0].effective_from:
                with pytest.raises(PolicyError, match="시행 중인 정책이 없습니다"):
                    policy_for(db, day)
            else:
                assert policy_for(db, day) == policy_in_force(policies, day)


def test_products_import_adds_new_codes_and_updates_known_ones(db, tmp_path, head_office):
    from retention_desktop.data.locations import resources_dir
    from retention_desktop.data.models import Product
    from retention_desktop.services.imports import import_products

    sample = resources_dir() / "samples" / "products.csv"
    with db.session() as s:
        before = {p.code: p.max_rate_pct for p in s.scalars(select(Product))}
    text = sample.read_text(encoding="utf-8").replace("RL-CR-FX,재대출 신용대출(고정),credit,fixed,,5000000,100000000,"
                                                      "12,60,650,2.3000,3.8000,16.0000",
                                                      "RL-CR-FX,재대출 신용대출(고정),credit,fixed,,5000000,100000000,"
                                                      "12,60,650,2.3000,3.8000,14.5000")
    path = tmp_path / "products.csv"
    path.write_text(text, encoding="utf-8")
    assert import_products(head_office, path) == 7
    assert import_products(head_office, path) == 7  # the same file again changes nothing more
    with db.session() as s:
        after = {p.code: p for p in s.scalars(select(Product))}
    assert set(after) == set(before) | {"RL-CR-FX36"}
    assert after["RL-CR-FX"].max_rate_pct == Decimal("14.5") and before["RL-CR-FX"] == Decimal("16")
    assert after["RL-CR-FX36"].index_name is None and after["RL-CR-FX36"].min_credit_score == 800


PRODUCT_ROW = "RL-NEW,새 상품,credit,variable,COFIX_NEW,5000000,50000000,12,60,700,1.5,3.5,12,0.5,100,0,true"


@pytest.mark.parametrize(("bad_line", "message"), [
    (PRODUCT_ROW.replace("variable,COFIX_NEW", "fixed,COFIX_NEW"), "a fixed-rate product has no index"),
    (PRODUCT_ROW.replace("variable,COFIX_NEW", "variable,"), "needs one of COFIX_NEW"),
    (PRODUCT_ROW.replace(",3.5,12,", ",3.5,3.4,"), "max_rate_pct 3.4 is below min_rate_pct 3.5"),
    (PRODUCT_ROW.replace(",3.5,12,", ",3.5,25,"), "max_rate_pct: must be above 0 to 20"),
    (PRODUCT_ROW.replace("RL-NEW", "rl new"), "code: 1–32 capital letters"),
    (PRODUCT_ROW.replace("5000000,50000000", "50000000,5000000"), "max_amount 5,000,000 is below"),
    (PRODUCT_ROW.replace(",0.5,100,", ",6,100,"), "prepayment_fee_pct: must be from 0 to 5"),
    (PRODUCT_ROW.replace(",true", ",maybe"), "active: true or false"),
    (PRODUCT_ROW.replace(",12,60,700,", ",12,601,700,"), "max_term_months: must be between 1 and 600"),
])
def test_products_import_with_one_bad_row_changes_nothing(db, tmp_path, bad_line, message, head_office):
    from retention_desktop.data.models import Product
    from retention_desktop.services.imports import PRODUCT_HEADER, import_products

    path = tmp_path / "p.csv"
    path.write_text(",".join(PRODUCT_HEADER) + "\n" + PRODUCT_ROW.replace("RL-NEW", "RL-OK") + "\n" + bad_line + "\n",
                    encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_products(head_office, path)
    assert len(caught.value.errors) == 1
    assert caught.value.errors[0].startswith("p.csv:3: ") and message in in_english(caught.value.errors[0])
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Product).where(Product.code == "RL-OK")) == 0


def test_products_import_command():
    from retention_desktop.data.locations import resources_dir

    data_dir = tempfile.mkdtemp(prefix="rdprd-")
    done = subprocess.run([sys.executable, "-m", "retention_desktop.cli", "--data-dir", data_dir, "import", "products",
                           str(resources_dir() / "samples" / "products.csv")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "imported products" in done.stdout and ": 7" in done.stdout
