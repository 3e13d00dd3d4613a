"""The retention advice for a whole book at once (numpy): ``advice.advise`` for every loan, to the won and the bp.

Every step mirrors the single quote and is tested equal to it loan by loan: the DSR of each customer, the
prices of keep, renegotiation and re-loan (``pricing.optimal_rates`` on whole basis points), the re-loan's
booking product, the prepayment fees and stamp duty (exact), the eligibility rules of a new loan
(``eligibility``), whether another lender could take the loan over (the best disclosed offer tested like a
switch), the customer's saving (``portfolio_schedules``), and the decision itself (``advice.choose_actions``).
Schedules are built only where a saving decides something: for the action that wins, and for the loans a
cheaper switch could win.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from retention_desktop.domain.advice import ACTIONS, RELOAN, RENEGOTIATION, SWITCH, choose_actions
from retention_desktop.domain.features import MARKET_KIND, best_market_rates, market_rate_for
from retention_desktop.domain.fees import (
    add_months_array,
    months_between_array,
    prepayment_fee_array,
    stamp_duty_array,
)
from retention_desktop.domain.limits import CREDIT_KINDS, VARIABLE_EQUIVALENT_FIXED_MONTHS
from retention_desktop.domain.personal_quote import DEFAULT_INDEX, PRIOR_DEFAULT_PROBABILITY
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.portfolio_limits import annual_debt_service
from retention_desktop.domain.portfolio_schedules import METHOD_CODES, portfolio_schedules
from retention_desktop.domain.pricing import PricingRules, optimal_rates
from retention_desktop.domain.products import ReloanProduct
from retention_desktop.domain.propensity import LogisticModel, prior_switching_probability

E4 = 10_000  # rates in whole 0.0001 %
CHUNK = 50_000


@dataclass(frozen=True)
class Book:
    """The active book as plain frames (what ``data.portfolio_frames`` reads), with the features already built.

    ``loans``: id, customer_id, branch_id, officer_id, kind, principal, balance, annual_rate_e4 (whole 0.0001 %),
    rate_type, fixed_period_months, index_name, repayment_method, term_months, drawdown_date,
    credit_score_at_drawdown, prepayment_fee_e4 (whole 0.0001 %), collateral_value, collateral_region.
    ``customers``: id, annual_income, salary_transfer, created_on, region. ``external_debts``: customer_id, kind,
    balance, annual_rate_e4, remaining_months, repayment_method, credit_limit. ``features``: by loan id.
    """

    as_of: dt.date
    loans: pd.DataFrame
    customers: pd.DataFrame
    external_debts: pd.DataFrame
    market_offers: pd.DataFrame
    features: pd.DataFrame


def _e4(pct: Decimal) -> int:
    return int(Decimal(pct) * E4)


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values and each element's index into them (hashing: O(n), where ``np.unique`` sorts)."""
    codes, names = pd.factorize(values)
    return np.asarray(names), codes


def _per_kind(kind: np.ndarray, table: Mapping[str, Decimal]) -> np.ndarray:
    names, codes = _factorize(kind)
    return np.array([_e4(table[k]) for k in names], dtype=np.int64)[codes]


def _risk_e4(score: np.ndarray, kind: np.ndarray, rules: PricingRules) -> np.ndarray:
    """``rules.risk_spread_pct`` for every loan, from a table of its distinct (band, kind) values."""
    edges = [b.upto for b in rules.risk_spread_by_score if b.upto is not None]
    band = np.searchsorted(np.array(edges), score, side="left")  # index of the first bound >= score
    representative = edges + [edges[-1] + 1]
    names, codes = _factorize(kind)
    table = np.array([[_e4(rules.risk_spread_pct(representative[i], k)) for k in names]
                      for i in range(len(representative))], dtype=np.int64)
    return table[band, codes]


def _dsr_surcharge_e4(dsr_hundredths: np.ndarray, rules: PricingRules) -> np.ndarray:
    """``rules.dsr_surcharge_pct`` for DSRs given in exact hundredths of a percent."""
    out = np.zeros(len(dsr_hundredths), dtype=np.int64)
    assigned = np.zeros(len(dsr_hundredths), dtype=bool)
    for band in rules.dsr_surcharge:
        hit = ~assigned if band.upto is None else ~assigned & (dsr_hundredths < band.upto * 100)
        out[hit] = _e4(band.value)
        assigned |= hit
    return out


def hundredths_pct(numerator: np.ndarray, income: np.ndarray) -> np.ndarray:
    """numerator ÷ income as a percent in hundredths, rounded half-even exactly as ``limits.dsr_pct`` rounds."""
    income = np.asarray(income, dtype=np.int64)
    safe = np.maximum(income, 1)
    quotient, remainder = np.divmod(np.asarray(numerator, dtype=np.int64) * E4, safe)
    twice = 2 * remainder
    up = (twice > safe) | ((twice == safe) & (quotient % 2 == 1))
    return np.where(income > 0, quotient + up, 99_999)


@dataclass(frozen=True)
class Debts:
    """What each loan's customer owes besides the loan (for a new loan replacing it) and in all."""

    own_service: np.ndarray  # this loan's DSR service
    customer_service: np.ndarray  # all of the customer's debts' DSR service
    customer_exposure: np.ndarray  # all debts counted at balance (overdraft lines at their limit)
    customer_credit: np.ndarray  # credit loans and overdraft limits
    own_exposure: np.ndarray
    dsr_hundredths: np.ndarray  # the customer's DSR today, in hundredths of a percent


def book_debts(book: Book, policy: Policy, loan_rate_e4: np.ndarray, remaining: np.ndarray) -> Debts:
    loans, ext = book.loans, book.external_debts
    kind = loans["kind"].to_numpy().astype(str)
    limit = np.where(kind == "overdraft", loans["principal"].to_numpy(dtype=np.int64), 0)
    balance = loans["balance"].to_numpy(dtype=np.int64)
    own = annual_debt_service(kind, balance, limit, loan_rate_e4, remaining,
                              loans["repayment_method"].map(METHOD_CODES).to_numpy(), policy)
    ext_kind = ext["kind"].to_numpy().astype(str)
    ext_limit = ext["credit_limit"].fillna(0).to_numpy(dtype=np.int64)
    ext_balance = ext["balance"].to_numpy(dtype=np.int64)
    theirs = annual_debt_service(ext_kind, ext_balance, ext_limit, ext["annual_rate_e4"].to_numpy(dtype=np.int64),
                                 ext["remaining_months"].to_numpy(), ext["repayment_method"].map(METHOD_CODES).to_numpy(),
                                 policy)
    own_exposure = np.where((kind == "overdraft") & (limit > 0), limit, balance)
    ext_exposure = np.where((ext_kind == "overdraft") & (ext_limit > 0), ext_limit, ext_balance)
    owners = np.concatenate([loans["customer_id"].to_numpy(), ext["customer_id"].to_numpy()])
    frame = pd.DataFrame({"customer_id": owners, "service": np.concatenate([own, theirs]),
                          "exposure": np.concatenate([own_exposure, ext_exposure]),
                          "credit": np.concatenate([np.where(np.isin(kind, CREDIT_KINDS), own_exposure, 0),
                                                    np.where(np.isin(ext_kind, CREDIT_KINDS), ext_exposure, 0)])})
    totals = frame.groupby("customer_id").sum().reindex(loans["customer_id"]).fillna(0)
    income = book.customers.set_index("id")["annual_income"].reindex(loans["customer_id"]).to_numpy(dtype=np.int64)
    service = totals["service"].to_numpy(dtype=np.int64)
    return Debts(own, service, totals["exposure"].to_numpy(dtype=np.int64), totals["credit"].to_numpy(dtype=np.int64),
                 own_exposure, hundredths_pct(service, income))


def customer_dsr(book: Book, policy: Policy) -> pd.Series:
    """DSR (hundredths of a percent) per customer over our active loans and the bureau's external debts."""
    loans = book.loans
    held = months_between_array(loans["drawdown_date"].to_numpy(), book.as_of)
    debts = book_debts(book, policy, loans["annual_rate_e4"].to_numpy(dtype=np.int64),
                       np.maximum(loans["term_months"].to_numpy() - held, 1))
    per_customer = pd.Series(debts.dsr_hundredths, index=loans["customer_id"].to_numpy()).groupby(level=0).first()
    income = book.customers.set_index("id")["annual_income"]
    # customers without an active loan of ours: their external debts alone
    missing = book.customers["id"][~book.customers["id"].isin(per_customer.index)].to_numpy()
    if len(missing):
        ext = book.external_debts[book.external_debts["customer_id"].isin(missing)]
        service = annual_debt_service(ext["kind"].to_numpy().astype(str), ext["balance"].to_numpy(dtype=np.int64),
                                      ext["credit_limit"].fillna(0).to_numpy(dtype=np.int64),
                                      ext["annual_rate_e4"].to_numpy(dtype=np.int64), ext["remaining_months"].to_numpy(),
                                      ext["repayment_method"].map(METHOD_CODES).to_numpy(), policy)
        totals = pd.Series(service, index=ext["customer_id"].to_numpy()).groupby(level=0).sum().reindex(missing)
        extra = hundredths_pct(totals.fillna(0).to_numpy(dtype=np.int64), income.reindex(missing).to_numpy())
        per_customer = pd.concat([per_customer, pd.Series(extra, index=missing)])
    return per_customer.reindex(book.customers["id"].to_numpy()).rename("dsr_hundredths")


# -- the rules of a new loan, on arrays ------------------------------------------------------------
def stress_add_e4(kind: np.ndarray, rate_type: np.ndarray, fixed_period: np.ndarray, term: np.ndarray,
                  region: np.ndarray, credit_after: np.ndarray, policy: Policy, sector: str = "bank") -> np.ndarray:
    """``limits.stress_add_pct`` for every new loan, in whole 0.0001 %p: the first stress rule whose scope covers
    the loan, its rate times its weight for the rate type; 0 for jeonse and for credit loans under the threshold."""
    n = len(kind)
    add = np.zeros(n, dtype=np.int64)
    assigned = (kind == "jeonse") | (np.isin(kind, CREDIT_KINDS) & (credit_after <= policy.stress_credit_loan_threshold))
    for rule in policy.stress_rules:
        hit = ~assigned
        for values, allowed in ((kind, rule.kinds), (region, rule.regions), (np.full(n, sector), rule.sectors),
                                (rate_type, rule.rate_types)):
            if allowed is not None:
                hit &= np.isin(values, list(allowed))
        if hit.any():
            add = np.where(hit, _e4(rule.rate_pct) * _weight_e4(rate_type, fixed_period, term, rule.weights) // E4,
                           add)
        assigned |= hit
    return add


def _weight_e4(rate_type: np.ndarray, fixed_period: np.ndarray, term: np.ndarray, weights) -> np.ndarray:
    """``limits.stress_weight`` of one weight table, in whole 0.0001."""
    weight = np.full(len(rate_type), _e4(weights.variable), dtype=np.int64)
    weight = np.where(rate_type == "fixed", _e4(weights.fixed), weight)
    share_based = np.isin(rate_type, ["mixed", "periodic"]) & (fixed_period >= VARIABLE_EQUIVALENT_FIXED_MONTHS)
    for code, bands in (("mixed", weights.mixed), ("periodic", weights.periodic)):
        hit_type = share_based & (rate_type == code)
        assigned = np.zeros(len(rate_type), dtype=bool)
        for band in bands:  # fixed share of the term below the band's bound (fixed × 100 < upto × term)
            hit = hit_type & ~assigned if band.upto is None else \
                hit_type & ~assigned & (fixed_period * 100 < band.upto * np.maximum(term, 1))
            weight = np.where(hit, _e4(band.value), weight)
            assigned |= hit
    return weight


def ltv_area(region: np.ndarray, policy: Policy) -> np.ndarray:
    """``limits.ltv_area`` (no regulated-area flag held): regulated, capital or other."""
    regulated = (region == "capital") & policy.ltv_capital_presumed_regulated
    return np.where(regulated, "regulated", np.where(region == "capital", "capital", "other"))


def capped_term(kind: np.ndarray, term: np.ndarray, region: np.ndarray, policy: Policy) -> np.ndarray:
    """The term a new loan is offered on: a mortgage in the longest-term areas runs at most that term
    (``limits.max_term_months``, as the comparison offers it)."""
    if policy.mortgage_max_term_months is None:
        return term
    within = (kind == "mortgage") & np.isin(ltv_area(region, policy), list(policy.mortgage_max_term_areas))
    return np.where(within, np.minimum(term, policy.mortgage_max_term_months), term)


@dataclass(frozen=True)
class NewLoanChecks:
    ok: np.ndarray
    dsr_ok: np.ndarray
    dsr_hundredths: np.ndarray  # the DSR with the new loan (stressed where the add-on applies)
    stressed: np.ndarray
    exempt: np.ndarray  # total debts at or below the borrower-level threshold: no DSR test
    ltv_ok: np.ndarray
    price_cap_ok: np.ndarray
    credit_income_ok: np.ndarray


def new_loan_checks(kind: np.ndarray, amount: np.ndarray, rate_e4_: np.ndarray, term: np.ndarray, method: np.ndarray,
                    rate_type: np.ndarray, fixed_period: np.ndarray, region: np.ndarray, collateral: np.ndarray,
                    debts: Debts, income: np.ndarray, cap_pct: Decimal, policy: Policy) -> NewLoanChecks:
    """``eligibility.new_loan_eligibility``'s regulatory rules for a new loan of ``amount`` replacing each loan
    (``term``: as offered, capped at the longest term where one applies)."""
    others_service = debts.customer_service - debts.own_service
    others_exposure = debts.customer_exposure - debts.own_exposure
    own_credit = np.where(np.isin(kind, CREDIT_KINDS), debts.own_exposure, 0)
    credit_others = debts.customer_credit - own_credit
    credit_after = credit_others + np.where(np.isin(kind, CREDIT_KINDS), amount, 0)
    add = stress_add_e4(kind, rate_type, fixed_period, term, region, credit_after, policy)
    service = annual_debt_service(kind, amount, np.where(kind == "overdraft", amount, 0), rate_e4_ + add, term,
                                  method, policy)
    ratio = hundredths_pct(others_service + service, income)
    exempt = (kind == "jeonse") | (others_exposure + amount <= policy.dsr_borrower_level_threshold)
    dsr_ok = exempt | (ratio <= int(cap_pct * 100))
    area = ltv_area(region, policy)
    mortgage = (kind == "mortgage") & (collateral > 0)
    ltv_pct = np.zeros(len(kind), dtype=np.int64)
    for name, rates in policy.ltv_by_area.items():
        ltv_pct = np.where(area == name, _e4(rates.default_pct), ltv_pct)
    ltv_ok = ~mortgage | (amount * (100 * E4) <= collateral * ltv_pct)  # amount ≤ floor(collateral × ltv / 100)
    cap = np.zeros(len(kind), dtype=np.int64)
    assigned = np.zeros(len(kind), dtype=bool)
    for band in policy.mortgage_price_caps:
        hit = ~assigned if band.upto is None else ~assigned & (collateral <= band.upto)
        cap = np.where(hit, int(band.value), cap)
        assigned |= hit
    capped_area = np.isin(area, list(policy.mortgage_price_cap_areas))
    price_cap_ok = ~(mortgage & capped_area) | (amount <= cap)
    if policy.credit_loan_income_cap_pct is None:
        credit_income_ok = np.ones(len(kind), dtype=bool)
    else:
        income_cap = (np.asarray(income, dtype=object) * _e4(policy.credit_loan_income_cap_pct)
                      // (100 * E4)).astype(np.int64)
        credit_income_ok = ~np.isin(kind, CREDIT_KINDS) | (credit_others + amount <= income_cap)
    ok = dsr_ok & ltv_ok & price_cap_ok & credit_income_ok
    return NewLoanChecks(ok, dsr_ok, ratio, add > 0, exempt, ltv_ok, price_cap_ok, credit_income_ok)


def booking_products(products: Sequence[ReloanProduct], kind: np.ndarray, amount: np.ndarray, term: np.ndarray,
                     score: np.ndarray, rate_type: np.ndarray) -> np.ndarray:
    """``products.booking_product`` for every loan: the index into ``products`` (-1: none holds it)."""
    chosen = np.full(len(kind), -1, dtype=np.int64)
    fits = [(i, (kind == p.loan_kind) & (amount >= p.min_amount) & (amount <= p.max_amount)
             & (term >= p.min_term_months) & (term <= p.max_term_months) & (score >= p.min_credit_score))
            for i, p in enumerate(products)]
    for same_type in (True, False):
        for i, fit in fits:
            hit = (chosen < 0) & fit & ((rate_type == products[i].rate_type) if same_type else True)
            chosen[hit] = i
    return chosen


# -- the advice -----------------------------------------------------------------------------------
def advise_book(book: Book, policy: Policy, rules: PricingRules, models: Mapping[str, LogisticModel],
                index_rates: Mapping[str, Decimal], products: Sequence[ReloanProduct],
                progress: Callable[[str], None] = lambda _m: None) -> pd.DataFrame:
    """One row per active loan: the recommended action and rate, the bank's expected values, the customer's
    saving, and the facts the call list explains it with."""
    loans = book.loans.reset_index(drop=True)
    n = len(loans)
    as_of = book.as_of
    x = book.features.reindex(loans["id"])
    switching, risk = models.get("switching"), models.get("risk")
    p_switch = np.round(switching.predict(switching.matrix(x)) if switching is not None
                        else prior_switching_probability(x["rate_gap_pct"].to_numpy()), 4)
    p_default = np.round(risk.predict(risk.matrix(x)) if risk is not None
                         else np.full(n, float(PRIOR_DEFAULT_PROBABILITY)), 4)
    kind = loans["kind"].to_numpy().astype(str)
    balance = loans["balance"].to_numpy(dtype=np.int64)
    current_e4 = loans["annual_rate_e4"].to_numpy(dtype=np.int64)
    current_bp = (current_e4 + 50) // 100
    held = months_between_array(loans["drawdown_date"].to_numpy(), as_of)
    term_total = loans["term_months"].to_numpy(dtype=np.int64)
    remaining = np.maximum(term_total - held, 1)
    method = loans["repayment_method"].map(METHOD_CODES).to_numpy()
    rate_type = loans["rate_type"].to_numpy().astype(str)
    fixed_period = loans["fixed_period_months"].fillna(0).to_numpy(dtype=np.int64)
    customers = book.customers.set_index("id").reindex(loans["customer_id"])
    income = customers["annual_income"].to_numpy(dtype=np.int64)
    region_customer = customers["region"].to_numpy().astype(str)
    collateral = loans["collateral_value"].fillna(0).to_numpy(dtype=np.int64)
    region = np.where(loans["collateral_region"].isna(), region_customer, loans["collateral_region"].astype(str))
    score = x["credit_score"].to_numpy(dtype=np.int64)
    at_drawdown = loans["credit_score_at_drawdown"].astype("Float64").fillna(
        pd.Series(score, dtype="Float64")).to_numpy(dtype=np.int64)
    progress("DSR")
    debts = book_debts(book, policy, current_e4, remaining)

    # -- prices: the existing contract (keep, renegotiation) and the booking product (re-loan) -------------
    progress("pricing")
    own_index = _own_index(loans, kind, rate_type)
    liquidity = _per_kind(kind, rules.liquidity_premium_pct)
    cost = _per_kind(kind, rules.cost_pct)
    risk_now = _risk_e4(score, kind, rules)
    dsr_add = _dsr_surcharge_e4(debts.dsr_hundredths, rules)
    salary = customers["salary_transfer"].fillna(False).to_numpy(dtype=bool)
    tenure = months_between_array(customers["created_on"].to_numpy(), as_of) // 12 >= rules.tenure_discount_years
    discount = salary * _e4(rules.salary_transfer_discount_pct) + tenure * _e4(rules.tenure_discount_pct)
    product_ix = booking_products(products, kind, balance, remaining, score, rate_type)
    has_product = product_ix >= 0

    def attr(name, convert=lambda v: v, default=0):
        """A product attribute for every loan (``default`` where no product holds it)."""
        values = np.array([convert(getattr(p, name)) for p in products] + [convert(default)], dtype=object)
        return values[np.where(has_product, product_ix, len(products))]

    product_index = np.where(has_product, attr("index_name", lambda v: v or "", None), own_index)
    product_index = np.where(product_index == "", _default_index(kind), product_index)
    index_e4 = {name: _e4(rate) for name, rate in index_rates.items()}
    own_index_e4 = _lookup(own_index, index_e4)
    product_index_e4 = _lookup(product_index.astype(str), index_e4)
    base = liquidity + risk_now + dsr_add + cost
    min_margin, target = _e4(rules.min_margin_pct), _e4(rules.target_margin_pct)
    floor_own = own_index_e4 + base + min_margin  # a renegotiation is not capped at the list rate
    floor_product, list_product = product_index_e4 + base + min_margin, product_index_e4 + base + target - discount
    # 금리인하요구권: the score rose by the threshold and the risk spread it earns fell
    credit_cut = np.maximum(_risk_e4(at_drawdown, kind, rules) - risk_now, 0)
    right = (score - at_drawdown >= rules.rate_cut_score_improvement) & (credit_cut > 0)
    credit_cut = np.where(right, credit_cut, 0)
    reneg_lowest = current_e4 - credit_cut - _e4(rules.renegotiation_discretionary_cut_pct)
    reneg_highest = np.where(right, current_e4 - credit_cut, np.iinfo(np.int64).max)
    product_min = attr("min_rate_pct", _e4, Decimal(0)).astype(np.int64)
    product_max = np.where(has_product, attr("max_rate_pct", _e4, Decimal(0)).astype(np.int64),
                           np.iinfo(np.int64).max)

    # -- money the bank gets or spends once ------------------------------------------------------------
    fee_e4 = loans["prepayment_fee_e4"].to_numpy(dtype=np.int64)
    drawdown = loans["drawdown_date"].to_numpy(dtype="datetime64[D]")
    full_fee = prepayment_fee_array(balance, fee_e4, drawdown, term_total, as_of, policy)
    waiver_e4 = attr("reloan_fee_waiver_pct", _e4, Decimal(0)).astype(np.int64)
    charged_fee = prepayment_fee_array(balance, fee_e4, drawdown, term_total, as_of, policy, waiver_e4)
    duty, duty_borrower = stamp_duty_array(balance, policy)
    product_fees = attr("fees").astype(np.int64)

    # -- could another lender take the loan over? (the best disclosed offer, tested like a switch) ----------
    market = market_rate_for(best_market_rates(book.market_offers, as_of), loans["kind"], pd.Series(score))
    market_e4 = np.where(np.isfinite(market), np.round(np.nan_to_num(market) * E4), 0).astype(np.int64)
    new_term = capped_term(kind, remaining, region, policy)  # a re-loan's or a switch's term
    probe = new_loan_checks(kind, balance, market_e4, new_term, method, rate_type, fixed_period, region, collateral,
                            debts, income, policy.dsr_cap_pct_bank, policy)
    six = add_months_array(drawdown, np.full(n, policy.mortgage_switch_min_months))
    horizon = np.datetime64(as_of + dt.timedelta(days=rules.fee_window_notice_days), "D")
    six_ok = (kind != "mortgage") | (six <= horizon)
    switch_possible = np.isfinite(market) & probe.ok & six_ok
    p_effective = np.where(switch_possible, p_switch, 0.0)

    # -- the searches: keep (valued at the current rate), renegotiation, re-loan ---------------------------
    life = np.minimum(remaining / 12, rules.max_life_years)
    names, codes = _factorize(kind)
    expected_loss_bp = p_default * np.array([rules.expected_loss_factor(k) for k in names])[codes]
    cost_own_bp = (own_index_e4 + liquidity + cost) / 100
    cost_product_bp = (product_index_e4 + liquidity + cost) / 100
    sensitivity = float(rules.price_sensitivity_per_pct)
    value_balance = balance.astype(np.float64)
    keep_bp, keep_retain, keep_value = _search(current_bp, current_bp, current_bp, cost_own_bp, expected_loss_bp,
                                               p_effective, value_balance, life, sensitivity, np.zeros(n), full_fee)
    reneg_lower_e4 = np.maximum(floor_own, reneg_lowest)
    reneg_upper_e4 = np.minimum(reneg_highest, current_e4 - 100)  # a renegotiation is not capped at the list rate
    reneg_admissible = reneg_upper_e4 >= reneg_lower_e4
    reneg_bp, reneg_retain, reneg_value = _search(
        _ceil_bp(reneg_lower_e4), np.maximum(np.maximum(reneg_upper_e4, reneg_lower_e4) // 100, _ceil_bp(reneg_lower_e4)),
        current_bp, cost_own_bp, expected_loss_bp, p_effective, value_balance, life, sensitivity,
        np.full(n, -float(rules.renegotiation_cost_won)), full_fee)
    reloan_lower_e4 = np.maximum(floor_product, product_min)
    reloan_upper_e4 = np.minimum.reduce([list_product, product_max, current_e4 - 100])
    reloan_admissible = has_product & (reloan_upper_e4 >= reloan_lower_e4)
    retained = (charged_fee + product_fees - (duty - duty_borrower) - rules.reloan_cost_won).astype(np.float64)
    reloan_bp, reloan_retain, reloan_value = _search(
        _ceil_bp(reloan_lower_e4),
        np.maximum(np.maximum(reloan_upper_e4, reloan_lower_e4) // 100, _ceil_bp(reloan_lower_e4)),
        current_bp, cost_product_bp, expected_loss_bp, p_effective, value_balance, life, sensitivity, retained,
        full_fee)

    # -- eligibility of the re-loan at its rate ----------------------------------------------------------
    progress("eligibility")
    product_rate_type = np.where(has_product, attr("rate_type", default=""), rate_type).astype(str)
    product_fixed = np.where(has_product, attr("fixed_period_months", lambda v: v or 0, None).astype(np.int64),
                             fixed_period)
    reloan_checks = new_loan_checks(kind, balance, reloan_bp * 100, new_term, method, product_rate_type,
                                    product_fixed.astype(np.int64), region, collateral, debts, income,
                                    policy.dsr_cap_pct_bank, policy)
    product_ok = has_product & (reloan_bp * 100 >= product_min) & (reloan_bp * 100 <= product_max)
    reloan_ok = reloan_admissible & reloan_checks.ok & product_ok & (reloan_bp < current_bp)
    reneg_ok = reneg_admissible & (reneg_bp < current_bp)
    if policy.renegotiation.dsr_retest:
        reneg_checks = new_loan_checks(kind, balance, reneg_bp * 100, remaining, method, rate_type, fixed_period,
                                       region, collateral, debts, income, policy.dsr_cap_pct_bank, policy)
        reneg_ok &= reneg_checks.dsr_ok
    reneg_stamp = duty_borrower if policy.renegotiation.stamp_duty else np.zeros(n, dtype=np.int64)

    # -- the customer's money, where it decides: keep, the winner, a cheaper switch ---------------------------
    progress("savings")
    keep_interest = np.full(n, -1, dtype=np.int64)
    keep_monthly = np.zeros(n, dtype=np.int64)
    reneg_saving = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    reloan_saving = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    monthly = {RENEGOTIATION: np.zeros(n, dtype=np.int64), RELOAN: np.zeros(n, dtype=np.int64)}
    reloan_upfront = charged_fee + duty_borrower + product_fees

    def keep_of(rows: np.ndarray) -> None:
        rows = rows[keep_interest[rows] < 0]
        if len(rows):
            s = portfolio_schedules(balance[rows], current_e4[rows], remaining[rows], method[rows])
            keep_interest[rows], keep_monthly[rows] = s.total_interest, s.monthly_payment

    def saving_of(rows: np.ndarray, action: int) -> None:
        if not len(rows):
            return
        keep_of(rows)
        bp = reneg_bp if action == RENEGOTIATION else reloan_bp
        term = remaining if action == RENEGOTIATION else new_term  # a renegotiation keeps the contract's term
        s = portfolio_schedules(balance[rows], bp[rows] * 100, term[rows], method[rows])
        upfront = reneg_stamp[rows] if action == RENEGOTIATION else reloan_upfront[rows]
        target = reneg_saving if action == RENEGOTIATION else reloan_saving
        target[rows] = keep_interest[rows] - s.total_interest - upfront
        monthly[action][rows] = keep_monthly[rows] - s.monthly_payment

    no_match = np.zeros(n, dtype=bool)
    unknown = np.iinfo(np.int64).min
    for _round in range(4):  # savings are computed where they decide; a winner saving nothing drops out
        action = choose_actions(keep_value, reneg_value, reloan_value, reneg_ok, reloan_ok,
                                np.maximum(reneg_saving, 0), np.maximum(reloan_saving, 0), right, no_match)
        tied = _tied(keep_value, reneg_value, reloan_value, reneg_ok, reloan_ok)
        need_reneg = np.nonzero(((action == RENEGOTIATION) | (tied & reneg_ok)) & (reneg_saving == unknown))[0]
        need_reloan = np.nonzero(((action == RELOAN) | (tied & reloan_ok)) & (reloan_saving == unknown))[0]
        if not len(need_reneg) and not len(need_reloan):
            break
        saving_of(need_reneg, RENEGOTIATION)
        saving_of(need_reloan, RELOAN)
        reneg_ok &= ~((reneg_saving != unknown) & (reneg_saving <= 0))
        reloan_ok &= ~((reloan_saving != unknown) & (reloan_saving <= 0))

    # rule 3, cannot match: an eligible switch cheaper than the lowest rate we may offer (both actions)
    reneg_floor_bp = _ceil_bp(reneg_lower_e4)
    reloan_floor_bp = _ceil_bp(reloan_lower_e4)
    market_bp = market_e4 // 100
    our_lowest = np.minimum(np.where(reneg_admissible, reneg_floor_bp, np.iinfo(np.int64).max),
                            np.where(reloan_admissible & reloan_checks.ok, reloan_floor_bp, np.iinfo(np.int64).max))
    switch_now = switch_possible & (held >= np.where(kind == "mortgage", policy.mortgage_switch_min_months, 0))
    threat = switch_now & (market_bp < our_lowest)
    rows = np.nonzero(threat)[0]
    switch_saving = np.zeros(n, dtype=np.int64)
    switch_monthly = np.zeros(n, dtype=np.int64)
    if len(rows):
        no_match[rows], switch_saving[rows], switch_monthly[rows] = _cannot_match(
            rows, balance, current_e4, remaining, new_term, method, market_e4, full_fee, duty_borrower, book, loans,
            reneg_admissible, reneg_floor_bp, reneg_stamp, reloan_admissible & reloan_checks.ok, reloan_floor_bp,
            reloan_upfront, keep_interest, keep_of, rules.min_switch_saving_won, keep_monthly)
        action = np.where(no_match, SWITCH, action).astype(np.int8)

    chosen_bp = np.select([action == RENEGOTIATION, action == RELOAN, action == SWITCH],
                          [reneg_bp, reloan_bp, market_bp], current_bp)
    value = np.select([action == RENEGOTIATION, action == RELOAN, action == SWITCH],
                      [reneg_value, reloan_value, np.zeros(n)], keep_value)
    retain = np.select([action == RENEGOTIATION, action == RELOAN], [reneg_retain, reloan_retain], keep_retain)
    saving = np.select([action == RENEGOTIATION, action == RELOAN, action == SWITCH],
                       [reneg_saving, reloan_saving, switch_saving], 0)
    saving_monthly = np.select([action == RENEGOTIATION, action == RELOAN, action == SWITCH],
                               [monthly[RENEGOTIATION], monthly[RELOAN], switch_monthly], 0)
    fee_end = add_months_array(drawdown, np.minimum(term_total, 12 * policy.prepayment_fee_max_years))
    return pd.DataFrame({
        "loan_id": loans["id"], "customer_id": loans["customer_id"], "branch_id": loans["branch_id"],
        "officer_id": loans["officer_id"], "kind": kind, "balance": balance,
        "action": np.array(ACTIONS, dtype=object)[action], "recommended_bp": chosen_bp, "current_bp": current_bp,
        "renegotiation_bp": reneg_bp, "reloan_bp": reloan_bp, "renegotiation_ok": reneg_ok, "reloan_ok": reloan_ok,
        "expected_value": np.round(value).astype(np.int64), "expected_value_keep": np.round(keep_value).astype(np.int64),
        "retention_probability": np.round(retain, 4), "switching_probability": p_switch,
        "switch_possible": switch_possible, "default_probability": p_default,
        "customer_saving": saving.astype(np.int64), "customer_monthly_saving": saving_monthly.astype(np.int64),
        "reloan_dsr_hundredths": reloan_checks.dsr_hundredths, "reloan_stressed": reloan_checks.stressed,
        "reloan_dsr_exempt": reloan_checks.exempt, "floor_bp": reloan_floor_bp, "list_bp": list_product // 100,
        "dsr_hundredths": debts.dsr_hundredths, "credit_score": score, "score_change": score - at_drawdown,
        "rate_cut_right": right, "market_rate_pct": market, "remaining_months": remaining,
        "fee_window_ends_on": pd.Series(fee_end), "switch_eligible_from": pd.Series(six).where(kind == "mortgage"),
        "margin_bp": np.maximum(current_bp - cost_own_bp - expected_loss_bp, 0),
    })


def _default_index(kind: np.ndarray) -> np.ndarray:
    names, codes = _factorize(kind)
    return np.array([DEFAULT_INDEX[k] for k in names], dtype=object)[codes]


def _lookup(keys: np.ndarray, table: Mapping[str, int]) -> np.ndarray:
    names, codes = _factorize(keys)
    return np.array([table[k] for k in names], dtype=np.int64)[codes]


def _own_index(loans: pd.DataFrame, kind: np.ndarray, rate_type: np.ndarray) -> np.ndarray:
    """``personal_quote.index_for`` of the existing contract, for every loan."""
    names, codes = _factorize(kind)
    default = np.where((kind == "mortgage") & (rate_type == "variable"), "COFIX_NEW",
                       np.array([DEFAULT_INDEX[k] for k in names], dtype=object)[codes])
    given = loans["index_name"].astype("string").fillna("").to_numpy().astype(str)
    return np.where(given != "", given, default).astype(str)


def _ceil_bp(e4: np.ndarray) -> np.ndarray:
    return -((-np.asarray(e4, dtype=np.int64)) // 100)


def _search(lower_bp, upper_bp, current_bp, cost_bp, expected_loss_bp, p_switch, balance, life, sensitivity,
            retained_extra, lost_extra):
    n = len(lower_bp)
    out_bp, out_retain, out_value = np.empty(n, np.int64), np.empty(n), np.empty(n)
    for start in range(0, n, CHUNK):
        part = slice(start, start + CHUNK)
        out_bp[part], out_retain[part], out_value[part] = optimal_rates(
            lower_bp[part], upper_bp[part], current_bp[part], cost_bp[part], expected_loss_bp[part], p_switch[part],
            balance[part], life[part], sensitivity, retained_extra=np.asarray(retained_extra, np.float64)[part],
            lost_extra=np.asarray(lost_extra, np.float64)[part])
    return out_bp, out_retain, out_value


def _tied(keep_value, reneg_value, reloan_value, reneg_ok, reloan_ok) -> np.ndarray:
    """Loans whose best expected value is shared by two actions (the customer's saving then decides)."""
    values = np.stack([np.round(keep_value), np.where(reneg_ok, np.round(reneg_value), -np.inf),
                       np.where(reloan_ok, np.round(reloan_value), -np.inf)], axis=1)
    best = values.max(axis=1, keepdims=True)
    return (values == best).sum(axis=1) > 1


def _cannot_match(rows, balance, current_e4, remaining, new_term, method, market_e4, full_fee, duty_borrower, book, loans,
                  reneg_possible, reneg_floor_bp, reneg_stamp, reloan_possible, reloan_floor_bp, reloan_upfront,
                  keep_interest, keep_of, min_saving: int, keep_monthly) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For ``rows``: whether the best disclosed switch (its fees included) saves the customer more than each action
    we may take would at its lowest rate (``advice._cannot_match``); and what the switch saves, in all and a month."""
    keep_of(rows)
    fees = _market_fees(book, loans.iloc[rows])
    switch = portfolio_schedules(balance[rows], market_e4[rows], new_term[rows], method[rows])
    switch_saving = keep_interest[rows] - switch.total_interest - full_fee[rows] - duty_borrower[rows] - fees
    beaten = switch_saving >= max(min_saving, 1)
    for possible, floor_bp, upfront, term in ((reneg_possible, reneg_floor_bp, reneg_stamp, remaining),
                                              (reloan_possible, reloan_floor_bp, reloan_upfront, new_term)):
        sub = possible[rows]
        if sub.any():
            ours = portfolio_schedules(balance[rows][sub], floor_bp[rows][sub] * 100, term[rows][sub],
                                       method[rows][sub])
            our_saving = keep_interest[rows][sub] - ours.total_interest - upfront[rows][sub]
            beaten[np.nonzero(sub)[0]] &= our_saving < switch_saving[sub]
    return beaten, switch_saving, keep_monthly[rows] - switch.monthly_payment


def _market_fees(book: Book, loans: pd.DataFrame) -> np.ndarray:
    """The fees of the best disclosed offer of each loan's kind and band (the lowest rate; the lowest fee on ties)."""
    offers = book.market_offers[pd.to_datetime(book.market_offers["as_of"]) <= pd.Timestamp(book.as_of)]
    if offers.empty:
        return np.zeros(len(loans), dtype=np.int64)
    latest = offers.groupby("loan_kind")["as_of"].transform("max")
    offers = offers[offers["as_of"] == latest].assign(rate=offers["annual_rate_pct"].astype("Float64").astype(float))
    best = offers.sort_values(["rate", "fees"]).drop_duplicates(["loan_kind", "credit_score_min", "credit_score_max"])
    scores = book.features.reindex(loans["id"])["credit_score"].to_numpy()
    market_kind = loans["kind"].map(MARKET_KIND).to_numpy()
    out = np.zeros(len(loans), dtype=np.int64)
    for row in best.itertuples():
        hit = (market_kind == row.loan_kind) & (scores >= row.credit_score_min) & (scores <= row.credit_score_max)
        out[hit] = int(row.fees)
    return out
