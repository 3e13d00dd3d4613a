"""Applying a trained model: calibrated probabilities, from plain stored numbers.

A model is a standardised logistic regression (means, scales, coefficients, intercept) followed by
an isotonic calibration table, stored as JSON (never as pickled code). The model explains nothing to
officers by itself: what a call list or a quote says is built from actionable facts (domain/advice.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from retention_desktop.domain.features import PROTECTED_ATTRIBUTES


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

    @property
    def uses_protected_attribute(self) -> bool:
        """A model stored before protected attributes were removed from the features (never applied)."""
        return bool(set(self.features) & PROTECTED_ATTRIBUTES)


def prior_switching_probability(rate_gap_pct):
    """Before any model is trained: a cautious prior that rises with the gap to the market (a number, or an
    array for the whole book)."""
    p = 1 / (1 + np.exp(-(-2.5 + 1.2 * np.asarray(rate_gap_pct, dtype=np.float64))))
    return float(p) if np.ndim(p) == 0 else p
