"""Applying a trained model: calibrated probabilities and reason codes, from plain stored numbers.

A model is a standardised logistic regression (means, scales, coefficients, intercept) followed by
an isotonic calibration table, stored as JSON (never as pickled code). Its reason codes are the
features that push this loan's score up the most: coefficient × standardised value, in plain Korean.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

FEATURE_TEXT = {
    "rate_gap_pct": ("시장 최저금리보다 {v:+.2f}%p 높은 금리", "%p"),
    "score_change": ("대출 후 신용점수 {v:+.0f}점 변화", "점"),
    "months_held": ("보유 {v:.0f}개월", "개월"),
    "fee_window_over": ("중도상환수수료 면제 기간 도래", ""),
    "log_principal": ("대출금액 규모", ""),
    "late_payments_12m": ("최근 12개월 연체 {v:.0f}회", "회"),
    "external_debt_count": ("타 금융기관 대출 {v:.0f}건", "건"),
    "age_years": ("연령 {v:.0f}세", "세"),
    "salary_transfer": ("급여이체 거래", ""),
    "is_mortgage": ("주택담보대출", ""),
    "is_overdraft": ("마이너스통장", ""),
    "credit_score": ("신용점수 {v:.0f}점", "점"),
    "log_income": ("연소득 규모", ""),
    "card_debt_to_income": ("카드론 잔액이 소득의 {v:.0%}", ""),
    "self_employed": ("자영업·프리랜서", ""),
    "unemployed": ("무직", ""),
}


BINARY_FEATURES = frozenset({"fee_window_over", "salary_transfer", "is_mortgage", "is_overdraft", "self_employed",
                             "unemployed"})


@dataclass(frozen=True)
class LogisticModel:
    kind: str
    version: str
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    calibration_x: np.ndarray
    calibration_y: np.ndarray

    @classmethod
    def from_parameters(cls, kind: str, version: str, params: Mapping[str, Any]) -> LogisticModel:
        def floats(key: str) -> np.ndarray:
            return np.array([float(v) for v in params[key]], dtype=np.float64)

        return cls(kind, version, tuple(params["features"]), floats("mean"), floats("scale"), floats("coef"),
                   float(params["intercept"]), floats("calibration_x"), floats("calibration_y"))

    def to_parameters(self) -> dict[str, Any]:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept,
                "calibration_x": self.calibration_x.tolist(), "calibration_y": self.calibration_y.tolist()}

    def matrix(self, rows: Mapping[str, Sequence[float]] | Any) -> np.ndarray:
        return np.column_stack([np.asarray(rows[f], dtype=np.float64) for f in self.features])

    def raw_probability(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probabilities (isotonic table, interpolated)."""
        return np.clip(np.interp(self.raw_probability(x), self.calibration_x, self.calibration_y), 0.0005, 0.9995)

    def reasons(self, row: Mapping[str, float], top: int = 3) -> list[str]:
        x = np.array([float(row[f]) for f in self.features])
        contribution = self.coef * (x - self.mean) / self.scale
        # a yes/no feature explains a score only when it is present ("salary transfer"), never by its absence
        absent = np.array([f in BINARY_FEATURES and v == 0 for f, v in zip(self.features, x)])
        contribution = np.where(absent, -np.inf, contribution)
        order = np.argsort(-contribution)
        texts = []
        for i in order[:top]:
            if contribution[i] <= 0:
                break
            template, _unit = FEATURE_TEXT.get(self.features[i], (self.features[i], ""))
            texts.append(template.format(v=x[i]))
        return texts


def prior_switching_probability(rate_gap_pct: float) -> float:
    """Before any model is trained: a cautious prior that rises with the gap to the market."""
    return float(1 / (1 + np.exp(-(-2.5 + 1.2 * rate_gap_pct))))
