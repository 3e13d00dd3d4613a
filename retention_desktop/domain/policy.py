"""The versioned regulatory policy (DSR, stress DSR, LTV and caps, legal maximum rate, stamp duty, fee rules).

Every regulatory number lives in a policy version with an effective date, stored in the database and
edited by head office; code never holds them as constants. This module turns the stored JSON parameters
into a typed, validated, immutable ``Policy``: ``Policy.from_parameters`` is **the single definition of a
valid policy document** (docs/regulation.md lists every parameter with its source; a database-side check
should mirror this function, not re-invent it).

A document is valid when every parameter below is present with the type and range given, and nothing
else is there: a key the engine does not read (a typo, a rule nobody implemented) is refused, so every
parameter has a reader (tests/test_regulation.py also checks that every ``Policy`` field is read by the
engine).

=====================================  ==========================================================
parameter                              meaning (units)
=====================================  ==========================================================
dsr.cap_pct_bank / cap_pct_nonbank     DSR cap by lender sector (%)
dsr.borrower_level_threshold           total loans above which borrower-level DSR applies (won)
dsr.small_loan_exclusion               credit/card/instalment loans at most this are not counted (won)
dsr.amortisation_years.<kind>          years a bullet loan's principal is spread over (별표18); kinds
                                       from AMORTISED_KINDS, overdraft required
dsr.bullet_mortgage_term_cap_years     a bullet mortgage's principal ÷ its term, at most these years
stress.credit_loan_threshold           credit loans carry the stress rate only above this total (won)
stress.weights.<table>                 rate-type weights: variable, fixed (fractions), mixed and
                                       periodic as bands [share of term fixed (%) below, weight]
stress.rules                           first-match table: [{"scope": {kind, region, sector, rate_type:
                                       [values]}, "rate_pct": s, "weights": table}]; a scope key
                                       left out matches everything; the last rule's scope is {}
ltv.by_area.<area>                     LTV (%) by area (regulated / capital / other): default_pct,
                                       first_time_buyer_pct, additional_home_pct
ltv.capital_presumed_regulated         true: a capital-area home whose regulated status is unknown
                                       is treated as in a regulated area (the conservative reading)
ltv.price_caps                         null, or {"areas": [...], "bands": [[price up to, cap]]} (won)
ltv.max_term                           null, or {"areas": [...], "months": longest mortgage term}
credit_loan_income_cap_pct             null, or credit loans in total ≤ this % of annual income
legal_max_rate_pct                     법정 최고금리: no rate above it is quoted, imported or offered (%)
stamp_duty.bands / borrower_share_pct  인지세 by loan amount (won) and the borrower's share (%)
prepayment_fee.max_years               years from drawdown in which a prepayment fee may be charged
switching.mortgage_min_months          a mortgage may switch lenders this many months after drawdown
late_payment.add_pct / cap_pct         연체 가산금리 (%p) and the bank's highest overdue rate (%)
withdrawal_days                        청약철회 period (days)
renegotiation.dsr_retest / stamp_duty  whether a rate change on the existing contract (금리 조건변경) is
                                       DSR-tested like a new loan / pays a new stamp duty (true/false)
renegotiation.rate_cut_right_*         the 금리인하요구권's answer period (business days) and notice
                                       interval (months); section added by revision 0009, docs/advice.md
=====================================  ==========================================================
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from retention_desktop.domain import exact_json
from retention_desktop.domain.errors import InputError


class PolicyError(InputError):
    """A policy document is malformed; the message names the parameter (``path``, a dotted path of the document).

    Each message is a Korean template with named values (``domain.errors``); its English text is in the
    catalogue (``resources/translations/retention_en.ts``), so the head-office screen and the command line say
    it in the officer's language."""


NOT_IN_FORCE = "{date}에 시행 중인 정책이 없습니다"
NOT_A_LIST_OF = "정책 변수 '{path}'은(는) {choices} 중에서 고른 비어 있지 않은 목록이어야 합니다"
CANNOT_READ = "정책 변수 '{path}': {value}을(를) 값으로 읽을 수 없습니다"
CANNOT_READ_LIST = "정책 변수 '{path}': {value}을(를) 값으로 읽을 수 없습니다 ([[상한, 값], …] 형식의 목록이어야 합니다)"


# The values a scope may name (the engine's codes; docs/regulation.md explains each).
SCOPE_VALUES: Mapping[str, tuple[str, ...]] = {
    "kind": ("credit", "mortgage", "jeonse", "other_secured", "overdraft"),
    "region": ("capital", "non_capital"),
    "sector": ("bank", "non_bank"),
    "rate_type": ("fixed", "variable", "mixed", "periodic"),
}
# Loans whose bullet principal the DSR spreads over the policy's years (별표18); mortgages have their own cap,
# jeonse loans are outside DSR. The overdraft's years are always needed (a line counts at its limit).
AMORTISED_KINDS = ("credit", "overdraft", "other_secured", "card_loan", "instalment", "student")
# Areas of the LTV and mortgage-cap rules: 규제지역, the rest of the capital area (수도권), elsewhere.
LTV_AREAS = ("regulated", "capital", "other")


@dataclass(frozen=True)
class Band:
    """A band of a stepped table: the value that applies up to ``upto``; ``None`` = no bound.

    Money bands (stamp duty, price caps) include their bound (금액 이하); share-of-term bands
    (stress weights of mixed and periodic rates) exclude it (비중 미만), as the rules are written.
    """

    upto: int | None
    value: Decimal


@dataclass(frozen=True)
class StressWeights:
    """스트레스 금리 반영비율 by rate type: variable and fixed as fractions, mixed and periodic by the share
    of the term whose rate is fixed (bands of percent, bound excluded)."""

    variable: Decimal
    fixed: Decimal
    mixed: tuple[Band, ...]
    periodic: tuple[Band, ...]


@dataclass(frozen=True)
class StressRule:
    """One row of the stress table: a scope (``None`` = any) and the stress rate s (%p) with its weights."""

    kinds: frozenset[str] | None
    regions: frozenset[str] | None
    sectors: frozenset[str] | None
    rate_types: frozenset[str] | None
    rate_pct: Decimal
    weights: StressWeights


@dataclass(frozen=True)
class LtvRates:
    """LTV (%) of one area for a borrower buying their first home, any other home-buyer, or an additional home."""

    default_pct: Decimal
    first_time_buyer_pct: Decimal
    additional_home_pct: Decimal


@dataclass(frozen=True)
class Policy:
    version: str
    effective_from: dt.date
    # DSR (총부채원리금상환비율) and its counting rules (은행업감독업무시행세칙 별표18)
    dsr_cap_pct_bank: Decimal
    dsr_cap_pct_nonbank: Decimal
    dsr_borrower_level_threshold: int
    dsr_small_loan_exclusion: int
    dsr_amortisation_years: Mapping[str, int]
    dsr_bullet_mortgage_term_cap_years: int
    # stress DSR (스트레스 DSR)
    stress_rules: tuple[StressRule, ...]
    stress_credit_loan_threshold: int
    # LTV and the caps of the 6·27 and 10·15 measures
    ltv_by_area: Mapping[str, LtvRates]
    ltv_capital_presumed_regulated: bool
    mortgage_price_caps: tuple[Band, ...]  # empty: no price-tiered cap in force
    mortgage_price_cap_areas: frozenset[str]
    mortgage_max_term_months: int | None  # None: no longest term in force
    mortgage_max_term_areas: frozenset[str]
    credit_loan_income_cap_pct: Decimal | None
    legal_max_rate_pct: Decimal
    # contract costs and consumer rights
    stamp_duty_bands: tuple[Band, ...]
    stamp_duty_borrower_share_pct: Decimal
    prepayment_fee_max_years: int
    mortgage_switch_min_months: int
    late_payment_add_pct: Decimal
    late_payment_cap_pct: Decimal
    withdrawal_days: int
    # -- rate renegotiation (금리 조건변경): its own section ``renegotiation`` of every version -----------
    renegotiation: RenegotiationRules

    @classmethod
    def from_parameters(cls, version: str, effective_from: dt.date, params: Mapping[str, Any]) -> Policy:
        """The typed policy, or ``PolicyError`` naming the first parameter that is missing, malformed, out
        of range, or not read by the engine."""
        if not isinstance(params, Mapping):
            raise PolicyError("정책 변수는 객체여야 합니다")
        p = _Reader(params)
        tables = {name: p.weights(f"stress.weights.{name}") for name in p.mapping("stress.weights")}
        price_caps = p.optional_mapping("ltv.price_caps")
        max_term = p.optional_mapping("ltv.max_term")
        policy = cls(
            version=version,
            effective_from=effective_from,
            dsr_cap_pct_bank=p.pct("dsr.cap_pct_bank"),
            dsr_cap_pct_nonbank=p.pct("dsr.cap_pct_nonbank"),
            dsr_borrower_level_threshold=p.won("dsr.borrower_level_threshold"),
            dsr_small_loan_exclusion=p.won("dsr.small_loan_exclusion"),
            dsr_amortisation_years=p.amortisation_years("dsr.amortisation_years"),
            dsr_bullet_mortgage_term_cap_years=p.positive_int("dsr.bullet_mortgage_term_cap_years"),
            stress_rules=p.stress_rules("stress.rules", tables),
            stress_credit_loan_threshold=p.won("stress.credit_loan_threshold"),
            ltv_by_area={area: LtvRates(p.pct(f"ltv.by_area.{area}.default_pct"),
                                        p.pct(f"ltv.by_area.{area}.first_time_buyer_pct"),
                                        p.pct(f"ltv.by_area.{area}.additional_home_pct"))
                         for area in LTV_AREAS},
            ltv_capital_presumed_regulated=p.boolean("ltv.capital_presumed_regulated"),
            mortgage_price_caps=p.bands("ltv.price_caps.bands") if price_caps is not None else (),
            mortgage_price_cap_areas=p.areas("ltv.price_caps.areas") if price_caps is not None else frozenset(),
            mortgage_max_term_months=p.positive_int("ltv.max_term.months") if max_term is not None else None,
            mortgage_max_term_areas=p.areas("ltv.max_term.areas") if max_term is not None else frozenset(),
            credit_loan_income_cap_pct=(None if p.raw("credit_loan_income_cap_pct") is None
                                        else p.pct("credit_loan_income_cap_pct", upper=Decimal(1000))),
            legal_max_rate_pct=p.pct("legal_max_rate_pct"),
            stamp_duty_bands=p.bands("stamp_duty.bands"),
            stamp_duty_borrower_share_pct=p.pct("stamp_duty.borrower_share_pct"),
            prepayment_fee_max_years=p.positive_int("prepayment_fee.max_years"),
            mortgage_switch_min_months=p.positive_int("switching.mortgage_min_months"),
            late_payment_add_pct=p.pct("late_payment.add_pct"),
            late_payment_cap_pct=p.pct("late_payment.cap_pct"),
            withdrawal_days=p.positive_int("withdrawal_days"),
            renegotiation=RenegotiationRules.read(p),
        )
        if policy.late_payment_cap_pct > policy.legal_max_rate_pct:
            raise PolicyError("정책 변수 '{path}'({value})은(는) '{limit_path}'({limit})보다 클 수 없습니다",
                              path="late_payment.cap_pct", value=policy.late_payment_cap_pct,
                              limit_path="legal_max_rate_pct", limit=policy.legal_max_rate_pct)
        p.check_all_read()
        return policy


@dataclass(frozen=True)
class RenegotiationRules:
    """금리 조건변경: how a rate change on the existing contract is treated (policy section ``renegotiation``).

    - ``dsr_retest`` (false since borrower-level DSR, 2022-01): the FSC's Q&A on the 2021-10-26 가계부채 관리
      강화방안 — DSR applies when a loan is newly made; extending a loan or changing its rate or maturity is not
      a new loan. A renegotiation is therefore not re-tested (a re-loan or a switch is).
    - ``stamp_duty`` (false): a rate-only change adds no new loan contract and no amount, so no new 인지세
      (the re-loan and a switch sign a new 금전소비대차 contract and pay it).
    - ``rate_cut_right_answer_business_days`` (10): the bank answers a 금리인하요구권 request (은행법 제30조의2,
      in force 2019-06-12) within ten business days, with its reasons (은행법 시행령 and 은행업감독규정).
    - ``rate_cut_right_notice_months`` (6): since the FSC's 2023-02-09 improvements banks tell borrowers whose
      credit has improved about the right at least every six months.
    Sources and dates: docs/advice.md.
    """

    dsr_retest: bool
    stamp_duty: bool
    rate_cut_right_answer_business_days: int
    rate_cut_right_notice_months: int

    @classmethod
    def read(cls, p: _Reader) -> RenegotiationRules:
        return cls(dsr_retest=p.boolean("renegotiation.dsr_retest"), stamp_duty=p.boolean("renegotiation.stamp_duty"),
                   rate_cut_right_answer_business_days=p.positive_int(
                       "renegotiation.rate_cut_right_answer_business_days"),
                   rate_cut_right_notice_months=p.positive_int("renegotiation.rate_cut_right_notice_months"))


def policy_in_force(policies: Sequence[Policy], on: dt.date) -> Policy:
    """The policy version whose effective date is the latest on or before ``on``."""
    candidates = [p for p in policies if p.effective_from <= on]
    if not candidates:
        raise PolicyError(NOT_IN_FORCE, date=on.isoformat())
    return max(candidates, key=lambda p: p.effective_from)


def leaf_paths(params: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Every leaf of a parameter document as a dotted path (a list, a null or a value is a leaf)."""
    paths: list[str] = []
    for key, value in params.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            paths.extend(leaf_paths(value, path + "."))
        else:
            paths.append(path)
    return paths


class _Reader:
    """Typed reads from the parameter document; remembers what was read so nothing goes unread."""

    def __init__(self, params: Mapping[str, Any]):
        self._params = params
        self._read: set[str] = set()

    def raw(self, path: str) -> Any:
        node: Any = self._params
        for part in path.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise PolicyError("정책 변수 '{path}'이(가) 없습니다", path=path)
            node = node[part]
        if not isinstance(node, Mapping) or not node or node is None:
            self._read.add(path)
        return node

    def check_all_read(self) -> None:
        unread = [path for path in leaf_paths(self._params) if path not in self._read]
        if unread:
            raise PolicyError("정책 변수 '{path}'은(는) 엔진이 읽는 변수가 아닙니다 (알 수 없는 변수: {unknown})",
                              path=unread[0], unknown=", ".join(unread))

    def mapping(self, path: str) -> Mapping[str, Any]:
        node = self.raw(path)
        if not isinstance(node, Mapping) or not node:
            raise PolicyError("정책 변수 '{path}'은(는) 비어 있지 않은 객체여야 합니다", path=path)
        return node

    def optional_mapping(self, path: str) -> Mapping[str, Any] | None:
        node = self.raw(path)
        if node is None:
            return None
        if not isinstance(node, Mapping) or not node:
            raise PolicyError("정책 변수 '{path}'은(는) 객체이거나 null(미시행)이어야 합니다", path=path)
        return node

    def decimal(self, path: str, value: Any = None) -> Decimal:
        value = self.raw(path) if value is None else value
        if isinstance(value, (float, bool)) or not isinstance(value, (str, int, Decimal)):
            raise PolicyError("정책 변수 '{path}'은(는) 문자열이나 정수여야 합니다 (입력 형식 {type})", path=path,
                              type=type(value).__name__)
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise PolicyError("정책 변수 '{path}'이(가) 숫자가 아닙니다: {value}", path=path, value=repr(value)) from None
        if not number.is_finite():
            raise PolicyError("정책 변수 '{path}'이(가) 유한한 숫자가 아닙니다: {value}", path=path, value=repr(value))
        return number

    def pct(self, path: str, upper: Decimal = Decimal(100), value: Any = None) -> Decimal:
        number = self.decimal(path, value)
        if not Decimal(0) <= number <= upper:
            raise PolicyError("정책 변수 '{path}'은(는) 0~{upper}퍼센트 사이여야 합니다 (입력 {value})", path=path,
                              upper=upper, value=number)
        return number

    def fraction(self, path: str, value: Any = None) -> Decimal:
        number = self.decimal(path, value)
        if not Decimal(0) <= number <= Decimal(1):
            raise PolicyError("정책 변수 '{path}'은(는) 0~1 사이의 비율이어야 합니다 (입력 {value})", path=path, value=number)
        return number

    def won(self, path: str, value: Any = None) -> int:
        value = self.raw(path) if value is None else value
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise PolicyError("정책 변수 '{path}'은(는) 0 이상의 정수 금액(원)이어야 합니다", path=path)
        return value

    def positive_int(self, path: str) -> int:
        value = self.raw(path)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise PolicyError("정책 변수 '{path}'은(는) 양의 정수여야 합니다", path=path)
        return value

    def boolean(self, path: str) -> bool:
        value = self.raw(path)
        if not isinstance(value, bool):
            raise PolicyError("정책 변수 '{path}'은(는) true 또는 false여야 합니다", path=path)
        return value

    def areas(self, path: str) -> frozenset[str]:
        value = self.raw(path)
        if not isinstance(value, list) or not value or any(a not in LTV_AREAS for a in value):
            raise PolicyError(NOT_A_LIST_OF, path=path, choices=", ".join(LTV_AREAS))
        return frozenset(value)

    def amortisation_years(self, path: str) -> dict[str, int]:
        kinds = self.mapping(path)
        unknown = [k for k in kinds if k not in AMORTISED_KINDS]
        if unknown or "overdraft" not in kinds:
            if unknown:
                raise PolicyError("정책 변수 '{path}'은(는) overdraft를 포함해 {kinds}의 연수만 정해야 합니다 "
                                  "(허용되지 않는 항목: {unknown})", path=path, kinds=", ".join(AMORTISED_KINDS),
                                  unknown=", ".join(unknown))
            raise PolicyError("정책 변수 '{path}'은(는) overdraft를 포함해 {kinds}의 연수만 정해야 합니다 "
                              "(overdraft 없음)", path=path, kinds=", ".join(AMORTISED_KINDS))
        return {k: self.positive_int(f"{path}.{k}") for k in kinds}

    def weights(self, path: str) -> StressWeights:
        return StressWeights(self.fraction(f"{path}.variable"), self.fraction(f"{path}.fixed"),
                             self.bands(f"{path}.mixed", fraction=True), self.bands(f"{path}.periodic", fraction=True))

    def stress_rules(self, path: str, tables: Mapping[str, StressWeights]) -> tuple[StressRule, ...]:
        rows = self.raw(path)
        if not isinstance(rows, list) or not rows:
            raise PolicyError("정책 변수 '{path}'은(는) 비어 있지 않은 규칙 목록이어야 합니다", path=path)
        rules = []
        for i, row in enumerate(rows):
            where = f"{path}[{i}]"
            if not isinstance(row, Mapping) or set(row) != {"scope", "rate_pct", "weights"}:
                raise PolicyError("정책 변수 '{path}'은(는) {keys} 항목을 가진 객체여야 합니다", path=where,
                                  keys='{"scope", "rate_pct", "weights"}')
            scope = row["scope"]
            if not isinstance(scope, Mapping) or not set(scope) <= set(SCOPE_VALUES):
                raise PolicyError("정책 변수 '{path}'에는 {keys}만 쓸 수 있습니다", path=f"{where}.scope",
                                  keys=", ".join(SCOPE_VALUES))
            sets = {}
            for key, allowed in SCOPE_VALUES.items():
                values = scope.get(key)
                if values is not None and (not isinstance(values, list) or not values
                                           or any(v not in allowed for v in values)):
                    raise PolicyError(NOT_A_LIST_OF, path=f"{where}.scope.{key}", choices=", ".join(allowed))
                sets[key] = frozenset(values) if values is not None else None
            if row["weights"] not in tables:
                raise PolicyError("정책 변수 '{path}'은(는) stress.weights의 {tables} 중 하나를 가리켜야 합니다",
                                  path=f"{where}.weights", tables=", ".join(tables))
            rate = self.pct(f"{where}.rate_pct", value=row["rate_pct"])
            rules.append(StressRule(sets["kind"], sets["region"], sets["sector"], sets["rate_type"], rate,
                                    tables[row["weights"]]))
        if any(v is not None for v in (rules[-1].kinds, rules[-1].regions, rules[-1].sectors, rules[-1].rate_types)):
            raise PolicyError("정책 변수 '{path}': 마지막 규칙의 scope는 {{}}(그 밖의 모든 대출)여야 합니다", path=path)
        return tuple(rules)

    def bands(self, path: str, fraction: bool = False) -> tuple[Band, ...]:
        rows = self.raw(path)
        if not isinstance(rows, list) or not rows:
            raise PolicyError("정책 변수 '{path}'은(는) [상한, 값] 구간의 비어 있지 않은 목록이어야 합니다", path=path)
        bands = []
        previous = -1
        for i, row in enumerate(rows):
            where = f"{path}[{i}]"
            if not isinstance(row, list) or len(row) != 2:
                raise PolicyError("정책 변수 '{path}'은(는) [상한, 값]이어야 합니다", path=where)
            upto, value = row
            if upto is not None:
                upto = self.won(where, upto)
                if upto <= previous:
                    raise PolicyError("정책 변수 '{path}': 구간은 상한이 커지는 순서여야 합니다", path=where)
                previous = upto
            elif i != len(rows) - 1:
                raise PolicyError("정책 변수 '{path}': 상한 없는 구간은 마지막 구간뿐이어야 합니다", path=where)
            number = self.fraction(where, value) if fraction else self.decimal(where, value)
            bands.append(Band(upto, number))
        if bands[-1].upto is not None:
            raise PolicyError("정책 변수 '{path}': 마지막 구간은 상한이 없어야 합니다 (upto null)", path=path)
        return tuple(bands)


def parameter_texts(params: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Every leaf of a policy's parameters as (dotted path, text): numbers kept exact, won with thousands
    separators, lists, objects, true/false and null as compact JSON — the form head office edits a new
    version in."""
    rows: list[tuple[str, str]] = []
    for key, value in params.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            rows.extend(parameter_texts(value, path + "."))
        elif isinstance(value, bool):
            rows.append((path, "true" if value else "false"))
        elif isinstance(value, int):
            rows.append((path, f"{value:,}"))
        elif isinstance(value, (list, Mapping, bool)) or value is None:
            rows.append((path, exact_json.dumps(value, indent=None)))
        else:
            rows.append((path, str(value)))
    return rows


def with_changes(params: Mapping[str, Any], changes: Mapping[str, str]) -> dict[str, Any]:
    """A copy of ``params`` with the leaves at ``changes``' paths replaced by their edited text, read back as
    the type the leaf had (text, whole number; lists, true/false and null as JSON). ``PolicyError`` names the
    path that does not read; the values themselves are then checked by ``Policy.from_parameters``."""
    result = copy.deepcopy(dict(params))
    for path, text in changes.items():
        *parents, leaf = path.split(".")
        node = result
        for part in parents:
            node = node[part]
        old, text = node[leaf], text.strip()
        try:
            if isinstance(old, (list, Mapping, bool)) or old is None:
                value = exact_json.loads(text)
            elif isinstance(old, int):
                value = int(text.replace(",", ""))
            else:
                value = text
        except ValueError as exc:
            raise PolicyError(CANNOT_READ, path=path, value=repr(text)) from exc  # the reason: in the log
        if isinstance(old, list) and not isinstance(value, list):
            raise PolicyError(CANNOT_READ_LIST, path=path, value=repr(text))
        node[leaf] = value
    return result
