"""The versioned regulatory policy (DSR, stress DSR, LTV, stamp duty, fee rules).

Every regulatory number lives in a policy version with an effective date, stored in the
database and edited by head office; code never holds them as constants. This module turns
the stored JSON parameters into a typed, validated, immutable ``Policy``.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from retention_desktop.domain import exact_json


class PolicyError(ValueError):
    """A policy document is malformed; the message names the parameter."""


@dataclass(frozen=True)
class Band:
    """A band of a stepped table: the value that applies up to ``upto``; ``None`` = no bound.

    Money bands (stamp duty, price caps) include their bound (금액 이하); share-of-term bands
    (stress weights of mixed and periodic rates) exclude it (비중 미만), as the rules are written.
    """

    upto: int | None
    value: Decimal


@dataclass(frozen=True)
class Policy:
    version: str
    effective_from: dt.date
    dsr_cap_pct_bank: Decimal
    dsr_cap_pct_nonbank: Decimal
    dsr_borrower_level_threshold: int
    dsr_small_loan_exclusion: int
    dsr_amortisation_years: Mapping[str, int]
    dsr_bullet_mortgage_term_cap_years: int
    stress_rate_pct: Decimal
    stress_rate_mortgage_non_capital_pct: Decimal
    stress_rate_mortgage_capital_floor_pct: Decimal
    stress_credit_loan_threshold: int
    stress_weight_variable: Decimal
    stress_weight_fixed: Decimal
    stress_weights_mixed: tuple[Band, ...]
    stress_weights_periodic: tuple[Band, ...]
    ltv_non_regulated_pct: Decimal
    ltv_regulated_pct: Decimal
    ltv_regulated_additional_home_pct: Decimal
    ltv_first_time_buyer_pct: Decimal
    mortgage_price_caps: tuple[Band, ...]
    mortgage_max_term_months_capital: int
    credit_loan_income_cap_pct: Decimal
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
        p = _Reader(params)
        return cls(
            version=version,
            effective_from=effective_from,
            dsr_cap_pct_bank=p.pct("dsr.cap_pct_bank"),
            dsr_cap_pct_nonbank=p.pct("dsr.cap_pct_nonbank"),
            dsr_borrower_level_threshold=p.won("dsr.borrower_level_threshold"),
            dsr_small_loan_exclusion=p.won("dsr.small_loan_exclusion"),
            dsr_amortisation_years={k: p.positive_int(f"dsr.amortisation_years.{k}")
                                    for k in p.mapping("dsr.amortisation_years")},
            dsr_bullet_mortgage_term_cap_years=p.positive_int("dsr.bullet_mortgage_term_cap_years"),
            stress_rate_pct=p.pct("stress.rate_pct"),
            stress_rate_mortgage_non_capital_pct=p.pct("stress.mortgage_non_capital_rate_pct"),
            stress_rate_mortgage_capital_floor_pct=p.pct("stress.mortgage_capital_floor_pct"),
            stress_credit_loan_threshold=p.won("stress.credit_loan_threshold"),
            stress_weight_variable=p.fraction("stress.weights.variable"),
            stress_weight_fixed=p.fraction("stress.weights.fixed"),
            stress_weights_mixed=p.bands("stress.weights.mixed", fraction=True),
            stress_weights_periodic=p.bands("stress.weights.periodic", fraction=True),
            ltv_non_regulated_pct=p.pct("ltv.non_regulated_pct"),
            ltv_regulated_pct=p.pct("ltv.regulated_pct"),
            ltv_regulated_additional_home_pct=p.pct("ltv.regulated_additional_home_pct"),
            ltv_first_time_buyer_pct=p.pct("ltv.first_time_buyer_pct"),
            mortgage_price_caps=p.bands("ltv.price_caps"),
            mortgage_max_term_months_capital=p.positive_int("ltv.max_term_months_capital"),
            credit_loan_income_cap_pct=p.pct("credit_loan_income_cap_pct", upper=Decimal(1000)),
            stamp_duty_bands=p.bands("stamp_duty.bands"),
            stamp_duty_borrower_share_pct=p.pct("stamp_duty.borrower_share_pct"),
            prepayment_fee_max_years=p.positive_int("prepayment_fee.max_years"),
            mortgage_switch_min_months=p.positive_int("switching.mortgage_min_months"),
            late_payment_add_pct=p.pct("late_payment.add_pct"),
            late_payment_cap_pct=p.pct("late_payment.cap_pct"),
            withdrawal_days=p.positive_int("withdrawal_days"),
            renegotiation=RenegotiationRules.read(p),
        )


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
        return cls(dsr_retest=p.flag("renegotiation.dsr_retest"), stamp_duty=p.flag("renegotiation.stamp_duty"),
                   rate_cut_right_answer_business_days=p.positive_int(
                       "renegotiation.rate_cut_right_answer_business_days"),
                   rate_cut_right_notice_months=p.positive_int("renegotiation.rate_cut_right_notice_months"))


def policy_in_force(policies: Sequence[Policy], on: dt.date) -> Policy:
    """The policy version whose effective date is the latest on or before ``on``."""
    candidates = [p for p in policies if p.effective_from <= on]
    if not candidates:
        raise PolicyError(f"no policy is in force on {on.isoformat()}")
    return max(candidates, key=lambda p: p.effective_from)


class _Reader:
    def __init__(self, params: Mapping[str, Any]):
        self._params = params

    def raw(self, path: str) -> Any:
        node: Any = self._params
        for part in path.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise PolicyError(f"policy parameter '{path}' is missing")
            node = node[part]
        return node

    def mapping(self, path: str) -> Mapping[str, Any]:
        node = self.raw(path)
        if not isinstance(node, Mapping):
            raise PolicyError(f"policy parameter '{path}' must be an object")
        return node

    def decimal(self, path: str, value: Any = None) -> Decimal:
        value = self.raw(path) if value is None else value
        if isinstance(value, float) or isinstance(value, bool):
            raise PolicyError(f"policy parameter '{path}' must be a string or integer, not {type(value).__name__}")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise PolicyError(f"policy parameter '{path}' is not a number: {value!r}") from None

    def pct(self, path: str, upper: Decimal = Decimal(100)) -> Decimal:
        value = self.decimal(path)
        if not Decimal(0) <= value <= upper:
            raise PolicyError(f"policy parameter '{path}' must be between 0 and {upper} percent, got {value}")
        return value

    def fraction(self, path: str, value: Any = None) -> Decimal:
        number = self.decimal(path, value)
        if not Decimal(0) <= number <= Decimal(1):
            raise PolicyError(f"policy parameter '{path}' must be a fraction between 0 and 1, got {number}")
        return number

    def won(self, path: str, value: Any = None) -> int:
        value = self.raw(path) if value is None else value
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise PolicyError(f"policy parameter '{path}' must be a whole, non-negative number of won")
        return value

    def flag(self, path: str) -> bool:
        value = self.raw(path)
        if not isinstance(value, bool):
            raise PolicyError(f"policy parameter '{path}' must be true or false")
        return value

    def positive_int(self, path: str) -> int:
        value = self.raw(path)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise PolicyError(f"policy parameter '{path}' must be a positive whole number")
        return value

    def bands(self, path: str, fraction: bool = False) -> tuple[Band, ...]:
        rows = self.raw(path)
        if not isinstance(rows, list) or not rows:
            raise PolicyError(f"policy parameter '{path}' must be a non-empty list of [upto, value]")
        bands = []
        previous = -1
        for i, row in enumerate(rows):
            where = f"{path}[{i}]"
            if not isinstance(row, list) or len(row) != 2:
                raise PolicyError(f"policy parameter '{where}' must be [upto, value]")
            upto, value = row
            if upto is not None:
                upto = self.won(where, upto)
                if upto <= previous:
                    raise PolicyError(f"policy parameter '{where}': bands must be in increasing order")
                previous = upto
            elif i != len(rows) - 1:
                raise PolicyError(f"policy parameter '{where}': only the last band may be open-ended")
            number = self.fraction(where, value) if fraction else self.decimal(where, value)
            bands.append(Band(upto, number))
        if bands[-1].upto is not None:
            raise PolicyError(f"policy parameter '{path}': the last band must be open-ended (upto null)")
        return tuple(bands)


def parameter_texts(params: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Every leaf of a policy's parameters as (dotted path, text): numbers kept exact, won with thousands
    separators, bands as compact JSON — the form head office edits a new version in."""
    rows: list[tuple[str, str]] = []
    for key, value in params.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            rows.extend(parameter_texts(value, path + "."))
        elif isinstance(value, bool):
            rows.append((path, "true" if value else "false"))
        elif isinstance(value, int):
            rows.append((path, f"{value:,}"))
        elif isinstance(value, list):
            rows.append((path, exact_json.dumps(value, indent=None)))
        else:
            rows.append((path, str(value)))
    return rows


def with_changes(params: Mapping[str, Any], changes: Mapping[str, str]) -> dict[str, Any]:
    """A copy of ``params`` with the leaves at ``changes``' paths replaced by their edited text, read back as
    the type the leaf had (text, whole number, band list). ``PolicyError`` names the path that does not read;
    the values themselves are then checked by ``Policy.from_parameters``."""
    result = copy.deepcopy(dict(params))
    for path, text in changes.items():
        *parents, leaf = path.split(".")
        node = result
        for part in parents:
            node = node[part]
        old, text = node[leaf], text.strip()
        try:
            if isinstance(old, bool):
                if text.lower() not in ("true", "false"):
                    raise ValueError("true or false is expected")
                value = text.lower() == "true"
            elif isinstance(old, list):
                value = exact_json.loads(text)
                if not isinstance(value, list):
                    raise ValueError("a list like [[upto, value], …] is expected")
            elif isinstance(old, int) and not isinstance(old, bool):
                value = int(text.replace(",", ""))
            else:
                value = text
        except ValueError as exc:
            raise PolicyError(f"policy parameter '{path}': cannot read {text!r} ({exc})") from None
        node[leaf] = value
    return result
