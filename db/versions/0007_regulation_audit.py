"""Regulation audit of the policy versions (issue 12, item 5): every version re-checked against its source.

Revision 0003 seeded three versions from 2025-07-01 whose values mixed measures: the 10·15 LTV and
price-tiered caps sat in the phase-3 version (2025-07-01) that starts before them, non-capital mortgages
got phase-3 rate-type weights, the 30-year longest term was read by nothing and no legal maximum rate
existed. This revision

* rewrites the stress, LTV and cap parameters in their scoped form (rules by loan kind, region, lender
  sector and rate type; LTV by area; caps with the areas they apply to) — the form ``Policy.from_parameters``
  reads since this revision;
* corrects the three seeded versions in place (same names and dates, so proposals that recorded them still
  point at them; the note says what was corrected and why);
* inserts the versions that were missing where rules changed: stress DSR phase 1 (2024-02-26), phase 2
  (2024-09-01) and the 6·27 measures (2025-06-28);
* converts any other stored version (added by head office) to the scoped form so that it reads exactly as
  the engine read it before (same numbers, same scopes), plus the legal maximum rate of 20 %.

Every value and its source: docs/regulation.md. The downgrade puts revision 0003's three documents back,
removes the inserted versions (unless a proposal refers to one) and turns other versions back into the old
form (dropping what the old form cannot say: sector scopes, the area of caps, the non-capital weights).

Revision ID: 0007
Revises: 0006
"""
import copy
import datetime as dt
import json
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# -- the parameter documents, by measure ---------------------------------------------------------------
PHASE_1_2_WEIGHTS = {  # FSC 2023-12-27 design (fsc.go.kr/eng/pr010101/81345): weights 10–60 %
    "variable": "1", "fixed": "0",
    "mixed": [[30, "0.6"], [50, "0.4"], [70, "0.2"], [None, "0"]],
    "periodic": [[30, "0.3"], [50, "0.2"], [70, "0.1"], [None, "0"]],
}
PHASE_3_WEIGHTS = {  # FSC 2025-05-20, phase 3: mixed and periodic weights raised to 20–80 %
    "variable": "1", "fixed": "0",
    "mixed": [[30, "0.8"], [50, "0.6"], [70, "0.4"], [None, "0"]],
    "periodic": [[30, "0.4"], [50, "0.3"], [70, "0.2"], [None, "0"]],
}
CAPITAL_AND_REGULATED = ["regulated", "capital"]

COMMON = {
    "dsr": {
        "cap_pct_bank": "40",
        "cap_pct_nonbank": "50",
        "borrower_level_threshold": 100_000_000,
        "small_loan_exclusion": 3_000_000,
        # 별표18 also spreads 전세보증금담보대출 over 4 years; no such loan kind is held here, so no reader
        "amortisation_years": {"credit": 5, "overdraft": 5, "other_secured": 8},
        "bullet_mortgage_term_cap_years": 10,
    },
    "credit_loan_income_cap_pct": "100",
    "legal_max_rate_pct": "20",
    "stamp_duty": {
        "bands": [[50_000_000, 0], [100_000_000, 70_000], [1_000_000_000, 150_000], [None, 350_000]],
        "borrower_share_pct": "50",
    },
    "prepayment_fee": {"max_years": 3},
    "switching": {"mortgage_min_months": 6},
    "late_payment": {"add_pct": "3", "cap_pct": "15"},
    "withdrawal_days": 14,
}


def _document(stress_rules, weights, ltv_by_area, price_caps, max_term):
    doc = copy.deepcopy(COMMON)
    doc["stress"] = {"credit_loan_threshold": 100_000_000, "rules": stress_rules, "weights": weights}
    doc["ltv"] = {"by_area": ltv_by_area, "capital_presumed_regulated": True, "price_caps": price_caps,
                  "max_term": max_term}
    return doc


def _rule(rate_pct, weights, **scope):
    return {"scope": scope, "rate_pct": rate_pct, "weights": weights}


# LTV before 6·27: regulated areas 50 % (first home 80 %), additional homes 30 % there and 60 % elsewhere
# (FSC 2023-03-02, fsc.go.kr/eng/pr010101/79479); elsewhere 70 %.
LTV_BEFORE_627 = {
    "regulated": {"default_pct": "50", "first_time_buyer_pct": "80", "additional_home_pct": "30"},
    "capital": {"default_pct": "70", "first_time_buyer_pct": "80", "additional_home_pct": "60"},
    "other": {"default_pct": "70", "first_time_buyer_pct": "80", "additional_home_pct": "60"},
}
# 6·27 (from 2025-06-28): capital area and regulated areas — first home 70 %, additional homes 0 %.
LTV_627 = {
    "regulated": {"default_pct": "50", "first_time_buyer_pct": "70", "additional_home_pct": "0"},
    "capital": {"default_pct": "70", "first_time_buyer_pct": "70", "additional_home_pct": "0"},
    "other": {"default_pct": "70", "first_time_buyer_pct": "80", "additional_home_pct": "60"},
}
# 10·15 (from 2025-10-16): all of Seoul and 12 Gyeonggi areas regulated, LTV 40 % there.
LTV_1015 = copy.deepcopy(LTV_627)
LTV_1015["regulated"]["default_pct"] = "40"

CAP_627 = {"areas": CAPITAL_AND_REGULATED, "bands": [[None, 600_000_000]]}
CAP_1015 = {"areas": CAPITAL_AND_REGULATED,
            "bands": [[1_500_000_000, 600_000_000], [2_500_000_000, 400_000_000], [None, 200_000_000]]}
TERM_627 = {"areas": CAPITAL_AND_REGULATED, "months": 360}

PHASE_1 = _document(
    [_rule("0.38", "phase1_2", kind=["mortgage"], sector=["bank"]),
     _rule("0", "phase1_2")],
    {"phase1_2": PHASE_1_2_WEIGHTS}, LTV_BEFORE_627, None, None)
PHASE_2_RULES = [
    _rule("1.2", "phase1_2", kind=["mortgage"], region=["capital"], sector=["bank"]),
    _rule("0.75", "phase1_2", kind=["mortgage"]),
    _rule("0.75", "phase1_2", kind=["credit", "overdraft"], sector=["bank"]),
    _rule("0", "phase1_2"),
]
PHASE_2 = _document(PHASE_2_RULES, {"phase1_2": PHASE_1_2_WEIGHTS}, LTV_BEFORE_627, None, None)
JUNE_27 = _document(PHASE_2_RULES, {"phase1_2": PHASE_1_2_WEIGHTS}, LTV_627, CAP_627, TERM_627)
BOTH_WEIGHTS = {"phase1_2": PHASE_1_2_WEIGHTS, "phase3": PHASE_3_WEIGHTS}
PHASE_3 = _document(
    [_rule("0.75", "phase1_2", kind=["mortgage"], region=["non_capital"]),
     _rule("1.5", "phase3")],
    BOTH_WEIGHTS, LTV_627, CAP_627, TERM_627)
OCT_15 = _document(
    [_rule("3.0", "phase3", kind=["mortgage"], region=["capital"]),
     _rule("0.75", "phase1_2", kind=["mortgage"], region=["non_capital"]),
     _rule("1.5", "phase3")],
    BOTH_WEIGHTS, LTV_1015, CAP_1015, TERM_627)
RELIEF_ENDS = _document(
    [_rule("3.0", "phase3", kind=["mortgage"], region=["capital"]),
     _rule("1.5", "phase3")],
    {"phase3": PHASE_3_WEIGHTS}, LTV_1015, CAP_1015, TERM_627)

NEW_VERSIONS = [
    ("2024.02-phase1", "2024-02-26", PHASE_1,
     "스트레스 DSR 1단계: 은행 주담대 0.38%p (금융위 2024-02-26)"),
    ("2024.09-phase2", "2024-09-01", PHASE_2,
     "스트레스 DSR 2단계: 0.75%p(은행·2금융 주담대, 은행 신용대출 1억 초과), 수도권 은행 주담대 1.2%p"),
    ("2025.06-627", "2025-06-28", JUNE_27,
     "6·27 대책: 수도권·규제지역 주담대 6억 한도, 만기 30년, 생애최초 LTV 70%, 추가 주택 LTV 0%"),
]
CORRECTED = [
    ("2025.07-phase3", PHASE_3,
     "스트레스 DSR 3단계: 1.5%p, 지방 주담대 0.75%p·2단계 반영비율 유지 "
     "[정정 0007: 10·15 LTV·한도를 6·27 값으로 되돌림, 지방 주담대 2단계 반영비율, 법정 최고금리 20%]"),
    ("2025.10-1015", OCT_15,
     "10·15 대책: 수도권·규제지역 주담대 스트레스 하한 3.0%p, 규제지역 LTV 40%, 주택가격별 한도 "
     "[정정 0007: 지방 주담대 2단계 반영비율, 만기 30년 적용, 법정 최고금리 20%]"),
    ("2027.01-relief-end", RELIEF_ENDS,
     "지방 주담대 0.75%p 특례 종료 예정(2026-12-31까지 연장, 금융위 2026-06-18) "
     "[정정 0007: 범위별 규칙, 법정 최고금리 20%]"),
]

# Every version this revision leaves (version, effective date, parameters, note), by date: what the tests read.
_DATES = {"2025.07-phase3": "2025-07-01", "2025.10-1015": "2025-10-16", "2027.01-relief-end": "2027-01-01"}
VERSIONS = sorted(NEW_VERSIONS + [(v, _DATES[v], p, note) for v, p, note in CORRECTED], key=lambda v: v[1])

# -- the old form, for other stored versions and the downgrade ------------------------------------------


def _old_to_new(old: dict) -> dict:
    """An old-form document (revision 0003's keys) in the scoped form, read exactly as the engine read it:
    mortgages in the capital area at max(rate, floor), elsewhere at the non-capital rate, every other loan at
    the rate; regulated LTV and the price caps where the area is (presumed) regulated, the non-regulated LTV
    elsewhere whoever buys; no sector scopes. The legal maximum rate is added."""
    stress, ltv = old["stress"], old["ltv"]
    floor, rate = stress["mortgage_capital_floor_pct"], stress["rate_pct"]
    capital_rate = floor if Decimal(str(floor)) > Decimal(str(rate)) else rate
    regulated = {"default_pct": ltv["regulated_pct"], "first_time_buyer_pct": ltv["first_time_buyer_pct"],
                 "additional_home_pct": ltv["regulated_additional_home_pct"]}
    elsewhere = {"default_pct": ltv["non_regulated_pct"], "first_time_buyer_pct": ltv["non_regulated_pct"],
                 "additional_home_pct": ltv["non_regulated_pct"]}
    new = {key: copy.deepcopy(value) for key, value in old.items() if key not in ("stress", "ltv")}
    new.setdefault("legal_max_rate_pct", "20")
    new["dsr"]["amortisation_years"].pop("jeonse_deposit_secured", None)  # no loan of that kind: no reader
    new["stress"] = {
        "credit_loan_threshold": stress["credit_loan_threshold"],
        "rules": [_rule(capital_rate, "standard", kind=["mortgage"], region=["capital"]),
                  _rule(stress["mortgage_non_capital_rate_pct"], "standard", kind=["mortgage"]),
                  _rule(rate, "standard")],
        "weights": {"standard": copy.deepcopy(stress["weights"])},
    }
    new["ltv"] = {"by_area": {"regulated": regulated, "capital": copy.deepcopy(elsewhere), "other": elsewhere},
                  "capital_presumed_regulated": True,
                  "price_caps": {"areas": ["regulated"], "bands": copy.deepcopy(ltv["price_caps"])},
                  "max_term": {"areas": CAPITAL_AND_REGULATED, "months": ltv["max_term_months_capital"]}}
    return new


def _new_to_old(new: dict) -> dict:
    """The scoped form back in revision 0003's keys (what the old form cannot say is dropped)."""
    stress, ltv = new["stress"], new["ltv"]

    def rate_for(kind, region):
        for rule in stress["rules"]:
            scope = rule["scope"]
            if kind in scope.get("kind", [kind]) and region in scope.get("region", [region]) \
                    and "bank" in scope.get("sector", ["bank"]):
                return rule
        return stress["rules"][-1]

    general = stress["rules"][-1]
    capital = rate_for("mortgage", "capital")
    regulated = ltv["by_area"]["regulated"]
    caps = ltv["price_caps"]["bands"] if ltv["price_caps"] else [[None, 10**15]]
    old = {key: copy.deepcopy(value) for key, value in new.items() if key not in ("stress", "ltv",
                                                                                  "legal_max_rate_pct")}
    old["credit_loan_income_cap_pct"] = new["credit_loan_income_cap_pct"] or "1000"
    old["dsr"]["amortisation_years"].setdefault("jeonse_deposit_secured", 4)
    old["stress"] = {
        "rate_pct": general["rate_pct"],
        "mortgage_non_capital_rate_pct": rate_for("mortgage", "non_capital")["rate_pct"],
        "mortgage_capital_floor_pct": capital["rate_pct"],
        "credit_loan_threshold": stress["credit_loan_threshold"],
        "weights": copy.deepcopy(stress["weights"][general["weights"]]),
    }
    old["ltv"] = {"non_regulated_pct": ltv["by_area"]["other"]["default_pct"],
                  "regulated_pct": regulated["default_pct"],
                  "regulated_additional_home_pct": regulated["additional_home_pct"],
                  "first_time_buyer_pct": regulated["first_time_buyer_pct"],
                  "price_caps": caps,
                  "max_term_months_capital": ltv["max_term"]["months"] if ltv["max_term"] else 600}
    return old


def _load_0003():
    """Revision 0003's documents, as it seeded them (for the downgrade)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).with_name("0003_seed_policies.py")
    spec = importlib.util.spec_from_file_location("seed_policies_0003", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {v: (p, note) for v, _d, p, note in module.VERSIONS}


def _json(document) -> str:
    return json.dumps(document, ensure_ascii=False)


def upgrade() -> None:
    conn = op.get_bind()
    seeded = {v for v, *_ in CORRECTED}
    for row in conn.execute(sa.text("SELECT id, version, parameters FROM policies")).mappings().all():
        if row["version"] not in seeded and "rules" not in row["parameters"].get("stress", {}):
            conn.execute(sa.text("UPDATE policies SET parameters = CAST(:p AS jsonb) WHERE id = :id"),
                         {"p": _json(_old_to_new(row["parameters"])), "id": row["id"]})
    for version, document, note in CORRECTED:
        conn.execute(sa.text("UPDATE policies SET parameters = CAST(:p AS jsonb), note = :note WHERE version = :v"),
                     {"p": _json(document), "note": note, "v": version})
    for version, effective, document, note in NEW_VERSIONS:
        taken = conn.execute(sa.text("SELECT version FROM policies WHERE version = :v OR effective_from = :d"),
                             {"v": version, "d": dt.date.fromisoformat(effective)}).first()
        if taken is None:  # head office may already have entered a version for that day: keep theirs
            conn.execute(sa.text("INSERT INTO policies (version, effective_from, parameters, note) "
                                 "VALUES (:v, :d, CAST(:p AS jsonb), :note)"),
                         {"v": version, "d": dt.date.fromisoformat(effective), "p": _json(document), "note": note})


def downgrade() -> None:
    conn = op.get_bind()
    for version, *_ in NEW_VERSIONS:
        conn.execute(sa.text("DELETE FROM policies WHERE version = :v AND NOT EXISTS "
                             "(SELECT 1 FROM proposals WHERE proposals.policy_version = policies.version)"),
                     {"v": version})
    originals = _load_0003()
    for row in conn.execute(sa.text("SELECT id, version, parameters FROM policies")).mappings().all():
        if row["version"] in originals:
            document, note = originals[row["version"]]
            conn.execute(sa.text("UPDATE policies SET parameters = CAST(:p AS jsonb), note = :note WHERE id = :id"),
                         {"p": _json(document), "note": note, "id": row["id"]})
        elif "rules" in row["parameters"].get("stress", {}):
            conn.execute(sa.text("UPDATE policies SET parameters = CAST(:p AS jsonb) WHERE id = :id"),
                         {"p": _json(_new_to_old(row["parameters"])), "id": row["id"]})
