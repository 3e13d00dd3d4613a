"""Deterministic demo population: branches, officers, customers, loans, repayments, debts, offers.

Built column-wise with numpy (a million customers in seconds), seeded by ``seed``; Korean names,
addresses and employers come from Faker ``ko_KR`` pools. Every customer has a latent risk that
drives the credit score, the spread on its loans, lateness of repayments and delinquency, so
the history carries a signal the risk and switching models can learn.

Synthetic amounts are drawn on a float scale and rounded once to whole won before they become
rows; rates are drawn in whole basis points. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

import numpy as np
import pandas as pd
from faker import Faker

from retention_desktop.data import roles as db_roles

SHOWCASE_CUSTOMER_NO = "C00000001"
SECURITY_OFFICER_NAME = "정보안"
MAX_CUSTOMERS = 1_000_000

BRANCHES = [  # code, name, region, phone (fictional: the 0000 exchange is not in use)
    ("001", "본점영업부", "capital", "02-0000-0001"), ("101", "강남역지점", "capital", "02-0000-0101"),
    ("102", "여의도지점", "capital", "02-0000-0102"), ("103", "분당서현지점", "capital", "031-0000-0103"),
    ("104", "인천송도지점", "capital", "032-0000-0104"), ("105", "수원영통지점", "capital", "031-0000-0105"),
    ("201", "부산서면지점", "non_capital", "051-0000-0201"), ("202", "대구동성로지점", "non_capital", "053-0000-0202"),
    ("203", "광주상무지점", "non_capital", "062-0000-0203"), ("204", "대전둔산지점", "non_capital", "042-0000-0204"),
    ("205", "울산삼산지점", "non_capital", "052-0000-0205"), ("206", "전주효자지점", "non_capital", "063-0000-0206"),
]
# Head office's proposal form settings for the demo bank (set_proposal_form in a real bank; db/versions/0008).
DEMO_PROPOSAL_FORM = {"bank_name": "레텐션은행 (DEMO)", "ad_review_no": "준법감시인 심의필 제2026-0001호 (DEMO)",
                      "ad_review_valid_until": None, "consumer_protection_phone": "1500-0000",
                      "consumer_protection_name": "금융소비자보호부"}
LENDERS = [  # lender, sector, rate offset in bp above the band's best disclosed rate (top band; wider lower down)
    ("토스뱅크", "bank", 0), ("카카오뱅크", "bank", 5), ("케이뱅크", "bank", 10), ("우리은행", "bank", 25),
    ("KB국민은행", "bank", 30), ("신한은행", "bank", 35), ("하나은행", "bank", 35), ("IBK기업은행", "bank", 40),
    ("NH농협은행", "bank", 45), ("SC제일은행", "bank", 55), ("iM뱅크", "bank", 60), ("BNK부산은행", "bank", 65),
    ("OK저축은행", "non_bank", 420), ("SBI저축은행", "non_bank", 380), ("현대캐피탈", "non_bank", 260),
]
CARD_ISSUERS = ["신한카드", "삼성카드", "KB국민카드", "현대카드", "롯데카드", "우리카드", "하나카드"]
SCORE_BANDS = [(951, 1000), (901, 950), (851, 900), (801, 850), (751, 800), (701, 750), (651, 700),
               (601, 650), (1, 600)]
# Monthly index levels in bp, the latest last (roughly the path of 2023-2026 disclosures).
INDEX_PATHS = {
    "COFIX_NEW": (390, 249, 262), "COFIX_BALANCE": (420, 300, 290),
    "BANK_BOND_6M": (380, 250, 262), "BANK_BOND_12M": (390, 255, 270), "BANK_BOND_5Y": (420, 280, 310),
}


# The best disclosed rate on the latest sheet per credit band (SCORE_BANDS order, best band first), in bp: a
# smooth, convex curve with no jump between bands, set against published figures (docs/advice.md, "demo market"):
# bank credit loans for top scores 4.0–5.4 % (2026-02), 701–850 points 4.9–7.7 % and ≤ 600 points up to 10.6 %
# (은행연합회 disclosures for 2025-03), bank mortgages 3.8–4.4 % (2025-03) and 4.23 % on average (BoK, 2025-12).
MARKET_BEST_BP = {
    "credit": (405, 420, 440, 465, 505, 555, 630, 740, 930),
    "mortgage": (390, 393, 397, 402, 408, 416, 426, 440, 460),
    "jeonse": (355, 358, 362, 367, 373, 381, 391, 405, 425),
}
LENDER_SPREAD_WIDENING = {"credit": 0.25, "mortgage": 0.0, "jeonse": 0.0}  # per band below the best
LENDER_SPREAD_SCALE = {"credit": 1.0, "mortgage": 0.5, "jeonse": 0.5}
SHEET_STEP_BP = 8  # each older monthly sheet sits this much higher (rates have been falling)
LEGAL_MAX_BP = 1990  # below the 20 % legal maximum interest rate (이자제한법, 대부업법 since 2021-07-07)


def market_rate_bp(kind: str, band_index, lender_offset_bp: int = 0, sheet: int = 1):
    """A lender's disclosed rate in bp for a loan kind and credit band (0 = best band); ``sheet`` 1 is the latest,
    0 the month before. Lenders spread wider in the lower bands of credit loans, as published disclosures show."""
    band = np.asarray(band_index)
    best = np.asarray(MARKET_BEST_BP[kind])[band]
    spread = lender_offset_bp * LENDER_SPREAD_SCALE[kind] * (1 + LENDER_SPREAD_WIDENING[kind] * band)
    rate = np.round(best + spread).astype(np.int64) + SHEET_STEP_BP * (1 - sheet)
    return np.minimum(rate, LEGAL_MAX_BP)


def score_band_index(score):
    """Index into SCORE_BANDS (0 = 951–1000) of each score."""
    edges = np.array([lo for lo, _hi in SCORE_BANDS[:-1]])
    return np.searchsorted(-edges, -np.asarray(score), side="right")


@dataclass
class DemoPopulation:
    as_of: dt.date
    seed: int
    tables: dict[str, pd.DataFrame]
    officer_roles: list[tuple[str, str]]  # (db_role, group role)

    def row_counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.tables.items()}


def generate(customers: int, seed: int, as_of: dt.date, rrn_key: bytes) -> DemoPopulation:
    if not 1 <= customers <= MAX_CUSTOMERS:
        raise ValueError(f"customers must be between 1 and {MAX_CUSTOMERS:,}, got {customers}")
    rng = np.random.default_rng(seed)
    faker = Faker("ko_KR")
    faker.seed_instance(seed)
    tables: dict[str, pd.DataFrame] = {}
    tables["branches"], tables["officers"], roles = _branches_and_officers(faker)
    cust, risk = _customers(rng, faker, customers, as_of, rrn_key, len(BRANCHES))
    tables["customers"] = cust
    tables["credit_scores"], current_score = _credit_scores(rng, risk, as_of)
    tables["products"] = _products()
    loans = _loans(rng, cust, risk, current_score, as_of, tables["officers"])
    tables["repayments"], late = _repayments(rng, loans, risk, as_of)
    loans.loc[late & (loans["status"] == "active"), "status"] = "delinquent"
    tables["loans"] = loans
    tables["external_debts"] = _external_debts(rng, cust, risk, as_of)
    tables["market_offers"] = _market_offers(as_of)
    tables["index_rates"] = _index_rates(as_of)
    _make_showcase(tables, as_of)
    return DemoPopulation(as_of=as_of, seed=seed, tables=tables, officer_roles=roles)


# -- people ------------------------------------------------------------------------------------
def _branches_and_officers(faker: Faker):
    branches = pd.DataFrame(BRANCHES, columns=["code", "name", "region", "phone"])
    branches.insert(0, "id", np.arange(1, len(branches) + 1))
    rows, roles = [], []
    number = 1001
    for branch_id, (code, *_rest) in enumerate(BRANCHES, start=1):
        staff = [("manager", 1), ("officer", 3)] + ([("admin", 1)] if code == "001" else [])
        for role, count in staff:
            for _ in range(count):
                employee_no = f"E{number}"
                db_role = db_roles.login_role(employee_no)
                rows.append((len(rows) + 1, employee_no, faker.name(), branch_id, role, db_role))
                roles.append((db_role, db_roles.group(role)))
                number += 1
    # the security (audit) officer at head office: named without Faker, so the people drawn after stay the same
    employee_no = f"E{number}"
    rows.append((len(rows) + 1, employee_no, SECURITY_OFFICER_NAME, 1, "security", db_roles.login_role(employee_no)))
    roles.append((db_roles.login_role(employee_no), db_roles.group("security")))
    officers = pd.DataFrame(rows, columns=["id", "employee_no", "name", "branch_id", "role", "db_role"])
    return branches, officers, roles


def _customers(rng, faker: Faker, n: int, as_of: dt.date, rrn_key: bytes, n_branches: int):
    from faker.providers.person.ko_KR import Provider as Person

    surnames = list(Person.last_names.keys())
    weights = np.array(list(Person.last_names.values()), dtype=float)
    given = list(Person.first_names)
    name = (np.array(surnames)[rng.choice(len(surnames), n, p=weights / weights.sum())].astype(object)
            + np.array(given)[rng.integers(0, len(given), n)].astype(object))
    age_days = (rng.normal(44, 10, n).clip(21, 75) * 365.25).astype(int)
    birth = np.datetime64(as_of) - age_days.astype("timedelta64[D]")
    births = pd.to_datetime(birth)
    male = rng.random(n) < 0.5
    century_2000 = births.year >= 2000
    gender_digit = np.where(century_2000, np.where(male, 3, 4), np.where(male, 1, 2))
    ids = np.arange(1, n + 1)
    # A permutation of 0..999999 keeps the six tail digits unique among a million customers.
    tail = (ids * 7919 + 104729) % 1_000_000
    front = births.strftime("%y%m%d").to_numpy()
    rrn = [f"{f}-{g}{t:06d}" for f, g, t in zip(front, gender_digit, tail)]
    rrn_hmac = [hmac.new(rrn_key, r.encode(), hashlib.sha256).digest() for r in rrn]
    rrn_masked = [f"{f}-{g}******" for f, g in zip(front, gender_digit)]
    phone_mid = rng.integers(2000, 9999, n)
    phone_end = (ids * 37 + rng.integers(0, 10000, n)) % 10000
    phone = [f"010-{m:04d}-{e:04d}" for m, e in zip(phone_mid, phone_end)]
    domains = np.array(["naver.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net"])
    email = [f"user{i:07d}@{d}" for i, d in zip(ids, domains[rng.integers(0, 5, n)])]
    addresses = np.array([faker.address() for _ in range(4000)], dtype=object)
    companies = np.array([faker.company() for _ in range(1500)], dtype=object)
    employment = rng.choice(["salaried", "public_servant", "self_employed", "freelancer", "retired", "unemployed"],
                            n, p=[0.62, 0.08, 0.17, 0.06, 0.05, 0.02])
    employer = np.where(np.isin(employment, ["salaried"]), companies[rng.integers(0, len(companies), n)],
                        np.where(employment == "public_servant", "공공기관", None))
    risk = rng.normal(0, 1, n)  # latent credit risk: higher is worse
    age = age_days / 365.25
    median = 4.2e7 * (1 + 0.02 * (np.minimum(age, 52) - 40)) * np.exp(-0.15 * risk)
    income = rng.lognormal(np.log(median), 0.38)
    income = np.where(employment == "unemployed", income * 0.15, income)
    income = np.where(employment == "retired", income * 0.45, income)
    income = (np.round(income / 100_000) * 100_000).astype(np.int64).clip(0, None)
    verified = np.datetime64(as_of) - rng.integers(10, 700, n).astype("timedelta64[D]")
    frame = pd.DataFrame({
        "id": ids,
        "customer_no": [f"C{i:08d}" for i in ids],
        "name": name,
        "birth_date": birth.astype("datetime64[D]"),
        "rrn_hmac": rrn_hmac,
        "rrn_masked": rrn_masked,
        "phone": phone,
        "email": email,
        "address": addresses[rng.integers(0, len(addresses), n)],
        "employer": employer,
        "employment_type": employment,
        "annual_income": income,
        "income_verified_on": verified.astype("datetime64[D]"),
        "home_branch_id": rng.integers(1, n_branches + 1, n),
        "salary_transfer": rng.random(n) < 0.4,
        "created_on": (np.datetime64(as_of) - rng.integers(30, 365 * 15, n).astype("timedelta64[D]")),
    })
    return frame, risk


def _credit_scores(rng, risk, as_of: dt.date):
    n = len(risk)
    quarters = 4
    base = 900 - 95 * risk + rng.normal(0, 20, n)
    trend = rng.normal(0, 12, n) - 4 * risk  # risky customers drift down
    rows = []
    for q in range(quarters):
        months_ago = 6 * (quarters - 1 - q)
        score = np.clip(np.round(base - trend * (quarters - 1 - q)), 300, 1000).astype(np.int16)
        when = np.datetime64(as_of, "M") - np.timedelta64(months_ago, "M")
        rows.append(pd.DataFrame({
            "customer_id": np.arange(1, n + 1),
            "scored_on": np.full(n, when.astype("datetime64[D]") + np.timedelta64(0, "D")),
            "bureau": np.where(rng.random(n) < 0.8, "NICE", "KCB"),
            "score": score,
        }))
    frame = pd.concat(rows, ignore_index=True).sort_values(["customer_id", "scored_on"], kind="stable")
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    return frame, rows[-1]["score"].to_numpy()


# -- products and loans -------------------------------------------------------------------------
def _products() -> pd.DataFrame:
    rows = [
        # code, name, kind, rate_type, index, min/max amount, min/max term, min score, list spread bp,
        # min/max rate bp, prepayment fee bp, re-loan fee waiver %, fees
        ("RL-CR-V12", "재대출 직장인신용대출(변동)", "credit", "variable", "BANK_BOND_12M", 5_000_000, 150_000_000,
         12, 60, 600, 190, 350, 1500, 11, 100, 0),
        ("RL-CR-FX", "재대출 신용대출(고정)", "credit", "fixed", None, 5_000_000, 100_000_000,
         12, 60, 650, 230, 380, 1600, 11, 100, 0),
        ("RL-MG-MX5", "재대출 주택담보대출(5년 혼합)", "mortgage", "mixed", "BANK_BOND_5Y", 30_000_000,
         1_000_000_000, 120, 480, 600, 120, 330, 700, 58, 50, 0),
        ("RL-MG-VC", "재대출 주택담보대출(COFIX 변동)", "mortgage", "variable", "COFIX_NEW", 30_000_000,
         1_000_000_000, 120, 480, 600, 140, 340, 700, 58, 50, 0),
        ("RL-JS-V", "재대출 전세자금대출", "jeonse", "variable", "BANK_BOND_6M", 10_000_000, 500_000_000,
         12, 48, 600, 130, 330, 650, 40, 100, 0),
        ("RL-OS-FX", "재대출 기타담보대출", "other_secured", "fixed", None, 10_000_000, 500_000_000,
         12, 120, 600, 180, 350, 900, 50, 50, 0),
    ]
    frame = pd.DataFrame(rows, columns=[
        "code", "name", "loan_kind", "rate_type", "index_name", "min_amount", "max_amount", "min_term_months",
        "max_term_months", "min_credit_score", "list_spread_bp", "min_rate_bp", "max_rate_bp",
        "prepayment_fee_bp", "reloan_fee_waiver_pct", "fees"])
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    for col in ("list_spread", "min_rate", "max_rate", "prepayment_fee"):
        frame[f"{col}_pct"] = _bp_to_pct(frame.pop(f"{col}_bp").to_numpy())
    frame["reloan_fee_waiver_pct"] = frame["reloan_fee_waiver_pct"].astype(str)
    return frame


KIND_MIX = {"credit": 0.45, "mortgage": 0.22, "jeonse": 0.12, "other_secured": 0.06, "overdraft": 0.15}
KIND_PRODUCT = {"credit": 1, "mortgage": 3, "jeonse": 5, "other_secured": 6, "overdraft": None}


def _loans(rng, cust: pd.DataFrame, risk, score, as_of: dt.date, officers: pd.DataFrame) -> pd.DataFrame:
    n_cust = len(cust)
    per_customer = np.clip(1 + rng.poisson(0.55, n_cust), 1, 4)
    owner = np.repeat(np.arange(n_cust), per_customer)
    n = len(owner)
    kinds = np.array(list(KIND_MIX))
    kind = kinds[rng.choice(len(kinds), n, p=list(KIND_MIX.values()))]
    income = cust["annual_income"].to_numpy()[owner]
    r = risk[owner]
    sc = score[owner]
    is_ = {k: kind == k for k in kinds}

    term = np.select(
        [is_["credit"], is_["mortgage"], is_["jeonse"], is_["other_secured"], is_["overdraft"]],
        [rng.choice([12, 24, 36, 48, 60], n), rng.choice([360, 480], n, p=[0.8, 0.2]),
         np.full(n, 24), rng.choice([60, 84, 120], n), np.full(n, 12)])
    method = np.select(
        [is_["credit"], is_["mortgage"], is_["jeonse"], is_["other_secured"], is_["overdraft"]],
        [np.where(rng.random(n) < 0.6, "equal_payment", "bullet"),
         np.where(rng.random(n) < 0.75, "equal_payment", "equal_principal"),
         np.full(n, "bullet"), np.full(n, "equal_payment"), np.full(n, "bullet")], default="")
    grace = np.where(is_["mortgage"] & (rng.random(n) < 0.15), 12, 0)
    # Credit loans and overdrafts renew yearly, so their drawdown is recent; secured loans are older.
    age_months = np.where(is_["mortgage"] | is_["other_secured"], rng.integers(1, 96, n),
                          rng.integers(1, np.maximum(term, 2)))
    age_months = np.where(rng.random(n) < 0.12, term + rng.integers(0, 24, n), age_months)  # some matured
    draw_month = np.datetime64(as_of, "M") - age_months.astype("timedelta64[M]")
    day = rng.integers(1, 29, n)
    drawdown = draw_month.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    maturity = (draw_month + term.astype("timedelta64[M]")).astype("datetime64[D]") + (day - 1).astype(
        "timedelta64[D]")

    principal = np.select(
        [is_["credit"], is_["mortgage"], is_["jeonse"], is_["other_secured"], is_["overdraft"]],
        [np.clip(income * rng.uniform(0.15, 0.8, n), 5e6, 1.5e8), rng.lognormal(np.log(2.6e8), 0.45, n),
         rng.lognormal(np.log(1.8e8), 0.35, n), rng.lognormal(np.log(8e7), 0.5, n),
         rng.choice([1e7, 2e7, 3e7, 5e7], n)])
    principal = (np.round(principal / 1e6) * 1e6).astype(np.int64).clip(1_000_000, 1_500_000_000)

    index_bp = np.select(
        [is_["credit"], is_["mortgage"], is_["jeonse"], is_["other_secured"], is_["overdraft"]],
        [np.full(n, 300), np.full(n, 300), np.full(n, 270), np.full(n, 320), np.full(n, 300)])
    spread_bp = np.select(
        [is_["credit"] | is_["overdraft"], is_["mortgage"], is_["jeonse"], is_["other_secured"]],
        [170 + np.clip(950 - sc, 0, None) * 0.55, 110 + np.clip(950 - sc, 0, None) * 0.15,
         100 + np.clip(950 - sc, 0, None) * 0.12, 160 + np.clip(950 - sc, 0, None) * 0.3])
    # Older loans carry the rate of their vintage: 2022-23 were dearer.
    vintage_bp = np.clip(age_months - 18, 0, 30) * 3
    rate_bp = np.round(index_bp + spread_bp + vintage_bp + rng.normal(0, 15, n)).astype(np.int64).clip(200, 1990)
    rate_type = np.select(
        [is_["mortgage"], is_["credit"], is_["other_secured"]],
        [rng.choice(["mixed", "variable", "periodic", "fixed"], n, p=[0.55, 0.3, 0.1, 0.05]),
         np.where(rng.random(n) < 0.7, "variable", "fixed"), np.full(n, "fixed")],
        default="variable")
    fixed_period = np.where(np.isin(rate_type, ["mixed", "periodic"]), 60, 0)
    index_name = np.select(
        [rate_type == "fixed", is_["mortgage"] & (rate_type == "variable"), is_["mortgage"], is_["jeonse"]],
        ["", "COFIX_NEW", "BANK_BOND_5Y", "BANK_BOND_6M"], default="BANK_BOND_12M")
    fee_bp = np.select([is_["mortgage"], is_["other_secured"], is_["jeonse"], is_["overdraft"]],
                       [np.full(n, 58), np.full(n, 50), np.full(n, 40), np.zeros(n)], default=11)

    paid = np.clip(age_months, 0, term)
    balance = _balance_after(principal, rate_bp, term, grace, method, paid)
    balance = np.where(is_["overdraft"], (principal * rng.uniform(0, 1, n)).round(-4), balance).astype(np.int64)
    matured = maturity <= np.datetime64(as_of)
    score_at_drawdown = np.clip(sc + np.round(rng.normal(0, 25, n) - 3 * r * np.minimum(age_months, 36) / 6),
                                300, 1000).astype(np.int64)
    switched = _switched_away(rng, kind, rate_bp, sc, score_at_drawdown, age_months, term, principal,
                              cust, owner, r, as_of) & ~matured
    asof64 = np.datetime64(as_of)
    earliest = np.maximum(drawdown + np.where(kind == "mortgage", 183, 31).astype("timedelta64[D]"),
                          asof64 - np.timedelta64(365, "D"))
    switch_day = earliest + (rng.random(n) * np.maximum((asof64 - earliest).astype(int), 1)).astype(
        "timedelta64[D]")
    switched &= earliest < asof64
    closed_on = np.where(matured, maturity, np.where(switched, switch_day, np.datetime64("NaT")))
    status = np.where(matured | switched, "closed", "active")
    closed_reason = np.where(matured, "matured", np.where(switched, "switched_away", ""))
    balance = np.where(matured | switched, 0, balance)
    collateral = np.where(is_["mortgage"], np.round(principal / rng.uniform(0.35, 0.7, n), -6), 0).astype(np.int64)
    cust_branch = cust["home_branch_id"].to_numpy()[owner]
    branch_region = np.array([b[2] for b in BRANCHES])[cust_branch - 1]
    region = np.where(rng.random(n) < 0.85, branch_region, np.where(branch_region == "capital",
                                                                     "non_capital", "capital"))
    staff = officers[officers["role"].isin(("officer", "manager"))].sort_values(["branch_id", "id"])
    desk = staff.groupby("branch_id")["id"].apply(list)
    per_branch = np.array([desk[b] for b in sorted(desk.index)])  # every branch has the same headcount
    officer_id = per_branch[cust_branch - 1, np.arange(n) % per_branch.shape[1]]
    ids = np.arange(1, n + 1)
    product = np.array([KIND_PRODUCT[k] or 0 for k in kind])
    return pd.DataFrame({
        "id": ids,
        "loan_no": [f"L{i:010d}" for i in ids],
        "customer_id": owner + 1,
        "product_id": pd.Series(product, dtype="Int64").where(product > 0),
        "branch_id": cust_branch,
        "officer_id": officer_id,
        "kind": kind,
        "principal": principal,
        "balance": balance,
        "annual_rate_pct": _bp_to_pct(rate_bp),
        "rate_type": rate_type,
        "fixed_period_months": pd.Series(fixed_period, dtype="Int64").where(fixed_period > 0),
        "index_name": pd.Series(index_name).where(index_name != ""),
        "spread_pct": pd.Series(_bp_to_pct(rate_bp - index_bp)).where(rate_type != "fixed"),
        "repayment_method": method,
        "term_months": term,
        "grace_months": grace,
        "drawdown_date": drawdown,
        "maturity_date": maturity,
        "collateral_value": pd.Series(collateral, dtype="Int64").where(is_["mortgage"]),
        "collateral_region": pd.Series(region).where(is_["mortgage"]),
        "prepayment_fee_pct": _bp_to_pct(fee_bp.astype(np.int64)),
        "credit_score_at_drawdown": score_at_drawdown,
        "status": status,
        "closed_on": pd.Series(closed_on.astype("datetime64[D]")),
        "closed_reason": pd.Series(closed_reason).where(closed_reason != ""),
        "_risk": r,
    })


def _switched_away(rng, kind, rate_bp, score, score_at_drawdown, age_months, term, principal, cust, owner, risk,
                   as_of: dt.date):
    """Which loans left for another lender in the past year: the signal the switching model learns.

    Customers switch when the market undercuts their rate, when their score has improved since
    drawdown, once the prepayment-fee window is over, for larger balances, and when younger; a
    salary-transfer relationship and a history of late payments hold them back.
    """
    market_kind = np.where(np.isin(kind, list(MARKET_BEST_BP)), kind, "credit")
    band = score_band_index(score)
    market = np.zeros(len(kind), dtype=np.int64)
    for k in MARKET_BEST_BP:
        hit = market_kind == k
        market[hit] = market_rate_bp(k, band[hit])
    gap_pct = (rate_bp - market) / 100
    fee_over = (age_months >= 36) | (age_months >= term)
    age = (np.datetime64(as_of) - cust["birth_date"].to_numpy()[owner].astype("datetime64[D]")).astype(int) / 365.25
    salary = cust["salary_transfer"].to_numpy()[owner]
    logit = (-3.3 + 1.4 * gap_pct + 0.012 * (score - score_at_drawdown) + 0.9 * fee_over
             + 0.35 * np.log(principal / 3e7) - 0.7 * salary - 0.03 * (age - 40) - 0.6 * (risk > 1.0))
    logit = np.where(np.isin(kind, ["overdraft"]), logit - 1.5, logit)
    return rng.random(len(kind)) < 1 / (1 + np.exp(-logit))


def _balance_after(principal, rate_bp, term, grace, method, paid):
    """Outstanding principal after ``paid`` instalments (closed forms of the three methods)."""
    p = principal.astype(float)
    r = rate_bp / 1e4 / 12
    amort_n = term - grace
    k = np.clip(paid - grace, 0, None)
    growth_n = (1 + r) ** amort_n
    growth_k = (1 + r) ** k
    equal_payment = p * (growth_n - growth_k) / (growth_n - 1)
    equal_principal = p * (1 - k / amort_n)
    bal = np.select([method == "equal_payment", method == "equal_principal"], [equal_payment, equal_principal],
                    default=p)
    return np.round(np.clip(bal, 0, p)).astype(np.int64)


def _repayments(rng, loans: pd.DataFrame, risk_unused, as_of: dt.date):
    """The last twelve instalments due of every loan; lateness follows the customer's risk."""
    n = len(loans)
    drawdown = loans["drawdown_date"].to_numpy().astype("datetime64[D]")
    maturity = loans["maturity_date"].to_numpy().astype("datetime64[D]")
    closed = loans["closed_on"].to_numpy().astype("datetime64[D]")
    maturity = np.where(np.isnat(closed), maturity, np.minimum(maturity, closed))
    draw_month = drawdown.astype("datetime64[M]")
    day_offset = (drawdown - draw_month.astype("datetime64[D]"))
    this_month = np.datetime64(as_of, "M")
    frames = []
    any_late = np.zeros(n, dtype=bool)
    principal = loans["principal"].to_numpy()
    rate_bp = np.round(loans["annual_rate_pct"].astype(float).to_numpy() * 100).astype(np.int64)
    term = loans["term_months"].to_numpy()
    grace = loans["grace_months"].to_numpy()
    method = loans["repayment_method"].to_numpy()
    kind = loans["kind"].to_numpy()
    r = loans["_risk"].to_numpy()
    # a month's instalment paid late: 0.7 % for an average customer, 6.5 % two standard deviations riskier, so
    # about 2–3 % of the book runs 30+ days late in a year (a little above Korean banks' ~0.5 %, so that even
    # a small demo book has defaults enough for the risk model to learn from)
    late_prob = 1 / (1 + np.exp(-(1.2 * r - 4.9)))
    asof64 = np.datetime64(as_of)
    for k in range(11, -1, -1):
        month = this_month - np.timedelta64(k, "M")
        due = month.astype("datetime64[D]") + day_offset
        number = (month - draw_month).astype(int)  # instalment number
        valid = (number >= 1) & (due <= maturity) & (due <= asof64)
        if not valid.any():
            continue
        idx = np.nonzero(valid)[0]
        num = number[idx]
        before = _balance_after(principal[idx], rate_bp[idx], term[idx], grace[idx], method[idx], num - 1)
        after = _balance_after(principal[idx], rate_bp[idx], term[idx], grace[idx], method[idx], num)
        last = num == term[idx]
        after = np.where(last, 0, after)
        interest = np.round(before * rate_bp[idx] / 1e4 / 12).astype(np.int64)
        principal_part = (before - after).astype(np.int64)
        overdraft = kind[idx] == "overdraft"
        interest = np.where(overdraft, np.round(before * 0.5 * rate_bp[idx] / 1e4 / 12), interest).astype(np.int64)
        principal_part = np.where(overdraft & ~last, 0, principal_part)
        late = rng.random(len(idx)) < late_prob[idx]
        # most late payments are a few days; one in five runs past a month (what the risk model learns)
        long = rng.random(len(idx)) < 0.2
        days = np.where(late, np.where(long, rng.integers(31, 120, len(idx)),
                                       np.clip(rng.geometric(0.12, len(idx)), 1, 30)), 0)
        paid_on = due[idx] + days.astype("timedelta64[D]")
        unpaid = paid_on > asof64
        days = np.where(unpaid, (asof64 - due[idx]).astype(int), days)
        any_late[idx[(days > 30)]] = True
        frames.append(pd.DataFrame({
            "loan_id": idx + 1,
            "due_date": due[idx],
            "paid_on": pd.Series(paid_on).where(~unpaid).to_numpy(),
            "principal_paid": np.where(unpaid, 0, principal_part),
            "interest_paid": np.where(unpaid, 0, interest),
            "days_late": days,
        }))
    frame = pd.concat(frames, ignore_index=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    recent = frame["due_date"] >= np.datetime64(as_of) - np.timedelta64(92, "D")
    recent_late = np.zeros(n, dtype=bool)
    recent_late[frame.loc[recent & (frame["days_late"] > 30), "loan_id"].to_numpy() - 1] = True
    return frame, recent_late & any_late


def _external_debts(rng, cust: pd.DataFrame, risk, as_of: dt.date) -> pd.DataFrame:
    n = len(cust)
    count = rng.poisson(np.clip(0.7 + 0.35 * risk, 0.1, 3))
    owner = np.repeat(np.arange(n), np.minimum(count, 4))
    m = len(owner)
    kinds = np.array(["card_loan", "credit", "instalment", "overdraft", "mortgage", "student"])
    kind = kinds[rng.choice(len(kinds), m, p=[0.3, 0.3, 0.15, 0.12, 0.08, 0.05])]
    income = cust["annual_income"].to_numpy()[owner]
    balance = np.select(
        [kind == "card_loan", kind == "credit", kind == "instalment", kind == "overdraft", kind == "mortgage"],
        [rng.uniform(2e6, 1.5e7, m), np.clip(income * rng.uniform(0.1, 0.5, m), 3e6, 8e7),
         rng.uniform(3e6, 3e7, m), rng.uniform(0, 2e7, m), rng.lognormal(np.log(1.5e8), 0.4, m)],
        default=rng.uniform(2e6, 2e7, m))
    balance = (np.round(balance / 1e4) * 1e4).astype(np.int64)
    limit = np.where(kind == "overdraft", np.ceil(np.maximum(balance, 1e7) / 1e6) * 1e6, 0).astype(np.int64)
    bank_names = [name for name, sector, _ in LENDERS if sector == "bank"]
    non_bank = [name for name, sector, _ in LENDERS if sector == "non_bank"]
    lender = np.where(kind == "card_loan", np.array(CARD_ISSUERS)[rng.integers(0, len(CARD_ISSUERS), m)],
                      np.where(rng.random(m) < 0.75, np.array(bank_names)[rng.integers(0, len(bank_names), m)],
                               np.array(non_bank)[rng.integers(0, len(non_bank), m)]))
    sector = np.where(np.isin(lender, bank_names), "bank", "non_bank")
    rate_bp = np.select([kind == "card_loan", kind == "mortgage", kind == "student", sector == "non_bank"],
                        [rng.integers(1200, 1800, m), rng.integers(360, 520, m), rng.integers(170, 300, m),
                         rng.integers(900, 1600, m)], default=rng.integers(450, 800, m))
    remaining = np.select([kind == "mortgage", kind == "card_loan", kind == "overdraft"],
                          [rng.integers(120, 360, m), rng.integers(6, 36, m), np.full(m, 12)],
                          default=rng.integers(6, 60, m))
    method = np.select([kind == "overdraft", kind == "credit"],
                       ["bullet", np.where(rng.random(m) < 0.5, "bullet", "equal_payment")],
                       default="equal_payment")
    return pd.DataFrame({
        "id": np.arange(1, m + 1),
        "customer_id": owner + 1,
        "reported_on": np.full(m, np.datetime64(as_of) - np.timedelta64(3, "D")),
        "lender": lender,
        "lender_sector": sector,
        "kind": kind,
        "balance": balance,
        "annual_rate_pct": _bp_to_pct(rate_bp),
        "remaining_months": remaining,
        "repayment_method": method,
        "credit_limit": pd.Series(limit, dtype="Int64").where(kind == "overdraft"),
    })


# -- market data -------------------------------------------------------------------------------
def _market_offers(as_of: dt.date) -> pd.DataFrame:
    rows = []
    sheet_dates = [(np.datetime64(as_of, "M") - np.timedelta64(k, "M")).astype("datetime64[D]") for k in (1, 0)]
    for sheet, when in enumerate(sheet_dates):
        for lender, sector, offset in LENDERS:
            for kind in MARKET_BEST_BP:
                if sector == "non_bank" and kind != "credit":
                    continue
                for b, (lo, hi) in enumerate(SCORE_BANDS):
                    rate = int(market_rate_bp(kind, b, offset, sheet))
                    fees = 0 if kind == "credit" else 300_000 if kind == "mortgage" else 100_000
                    rows.append((lender, kind, lo, hi, rate, fees, when, "은행연합회 소비자포털 공시(데모)"))
    frame = pd.DataFrame(rows, columns=["lender", "loan_kind", "credit_score_min", "credit_score_max", "rate_bp",
                                        "fees", "as_of", "source"])
    frame["annual_rate_pct"] = _bp_to_pct(frame.pop("rate_bp").to_numpy())
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    return frame


def _index_rates(as_of: dt.date) -> pd.DataFrame:
    rows = []
    months = 36
    for name, (start, low, latest) in INDEX_PATHS.items():
        for k in range(months):
            # Down from the 2023 peak to the 2025 trough over 30 months, then a mild rise.
            if k < 30:
                bp = start + (low - start) * k / 29
            else:
                bp = low + (latest - low) * (k - 29) / (months - 30)
            month = np.datetime64(as_of, "M") - np.timedelta64(months - 1 - k, "M")
            rows.append((name, month.astype("datetime64[D]") + np.timedelta64(14, "D"), int(round(bp))))
    frame = pd.DataFrame(rows, columns=["index_name", "rate_date", "rate_bp"])
    frame["annual_rate_pct"] = _bp_to_pct(frame.pop("rate_bp").to_numpy())
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    return frame


SHOWCASE = {
    "name": "김하늘", "employer": "한빛전자(주)", "annual_income": 75_000_000, "branch_id": 2,
    "scores": (765, 770, 775, 780),
    "loan": {"kind": "credit", "principal": 30_000_000, "balance": 30_000_000, "annual_rate_pct": "5.4000",
             "rate_type": "variable", "repayment_method": "bullet", "term_months": 36, "grace_months": 0,
             "prepayment_fee_pct": "0.1100", "credit_score_at_drawdown": 760, "index_name": "BANK_BOND_12M",
             "spread_pct": "2.7000", "product_id": 1, "months_ago": 20},
    "debts": [  # lender, sector, kind, balance, rate, remaining months, method
        ("신한은행", "bank", "mortgage", 90_000_000, "4.1000", 300, "equal_payment"),
        ("신한카드", "non_bank", "card_loan", 7_000_000, "14.9000", 24, "equal_payment"),
    ],
}


def _make_showcase(tables: dict[str, pd.DataFrame], as_of: dt.date) -> None:
    """Customer C00000001, the walk-through of the original description: score 780, a credit loan at
    5.4 %, card debt beside a mortgage elsewhere, so that a new loan's limit is bound by the DSR. The market
    undercuts the loan (토스뱅크 5.05 % for 751–800 points): when the customer brings that offer, the engine
    finds the renegotiated rate that keeps them (docs/advice.md)."""
    spec = SHOWCASE
    cust = tables["customers"]
    cust.loc[0, ["name", "employment_type", "annual_income", "salary_transfer", "home_branch_id", "employer"]] = [
        spec["name"], "salaried", spec["annual_income"], True, spec["branch_id"], spec["employer"]]
    scores = tables["credit_scores"]
    mine = scores.index[scores["customer_id"] == 1]
    scores.loc[mine, "score"] = np.array(spec["scores"][-len(mine):], dtype=scores["score"].dtype)

    loans = tables["loans"]
    mine = loans.index[loans["customer_id"] == 1]
    keep, others = mine[0], mine[1:]
    loan = dict(spec["loan"])
    draw = (np.datetime64(as_of, "M") - np.timedelta64(loan.pop("months_ago"), "M")).astype("datetime64[D]") \
        + np.timedelta64(9, "D")
    for column, value in loan.items():
        loans.loc[keep, column] = value
    loans.loc[keep, ["status", "branch_id", "fixed_period_months", "collateral_value", "collateral_region",
                     "closed_on", "closed_reason"]] = ["active", spec["branch_id"], pd.NA, pd.NA, None, pd.NaT, None]
    loans.loc[keep, "drawdown_date"] = draw
    loans.loc[keep, "maturity_date"] = (draw.astype("datetime64[M]") + np.timedelta64(36, "M")).astype(
        "datetime64[D]") + np.timedelta64(9, "D")
    loans.loc[keep, "_risk"] = -0.5
    reps = tables["repayments"]
    if len(others):  # earlier loans of the showcase were repaid at maturity, and have no repayments in the window
        reps = reps[~reps["loan_id"].isin(loans.loc[others, "id"])]
        loans.loc[others, ["status", "balance", "closed_reason"]] = ["closed", 0, "matured"]
        loans.loc[others, "closed_on"] = loans.loc[others, "maturity_date"].where(
            loans.loc[others, "maturity_date"] <= np.datetime64(as_of), np.datetime64(as_of))
        loans.loc[others, "maturity_date"] = loans.loc[others, ["maturity_date", "closed_on"]].max(axis=1)
    # twelve interest payments on time, none of principal (a bullet loan)
    reps = reps[reps["loan_id"] != loans.loc[keep, "id"]]
    dues = [(draw.astype("datetime64[M]") + np.timedelta64(k, "M")).astype("datetime64[D]") + np.timedelta64(9, "D")
            for k in range(spec["loan"]["months_ago"] - 11, spec["loan"]["months_ago"] + 1)]
    mine = pd.DataFrame({"loan_id": loans.loc[keep, "id"], "due_date": dues, "paid_on": dues, "principal_paid": 0,
                         "interest_paid": 30_000_000 * 54 // 12_000, "days_late": 0})
    mine.insert(0, "id", reps["id"].max() + 1 + np.arange(len(mine)))
    tables["repayments"] = pd.concat([reps, mine], ignore_index=True)

    debts = tables["external_debts"]
    debts = debts[debts["customer_id"] != 1]
    extra = pd.DataFrame([(1, as_of, lender, sector, kind, balance, rate, months, method, pd.NA)
                          for lender, sector, kind, balance, rate, months, method in spec["debts"]],
                         columns=["customer_id", "reported_on", "lender", "lender_sector", "kind", "balance",
                                  "annual_rate_pct", "remaining_months", "repayment_method", "credit_limit"])
    extra["reported_on"] = pd.to_datetime(extra["reported_on"])
    extra["credit_limit"] = extra["credit_limit"].astype("Int64")
    extra.insert(0, "id", debts["id"].max() + 1 + np.arange(len(extra)))
    tables["external_debts"] = pd.concat([debts, extra], ignore_index=True)


def _bp_to_pct(bp) -> np.ndarray:
    """Whole basis points to exact percent strings (NUMERIC on the way in): 520 → '5.2000'."""
    bp = np.asarray(bp).astype(np.int64)
    sign = np.where(bp < 0, "-", "")
    a = np.abs(bp)
    return np.char.add(np.char.add(np.char.add(sign, (a // 100).astype(str)), "."),
                       np.char.zfill((a % 100).astype(str), 2)).astype(object) + "00"
