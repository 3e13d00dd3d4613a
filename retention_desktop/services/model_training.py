"""Train the risk and switching models on the bank's own history (``retention-admin train-models``).

Labels: a loan switched away to another lender in the year before the training date (and every
proposal whose customer switched away, or stayed); for risk, any instalment more than 30 days late
in the year. scikit-learn fits a standardised logistic regression on 60 % of the loans, an
isotonic calibration on 20 %, and is judged on the last 20 % it never saw: AUC against a trivial
baseline (0.5) and a one-feature baseline, and a calibration table by decile. The stored model is
plain numbers (``LogisticModel``) with its model card.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sqlalchemy import select

from retention_desktop.data import api_calls
from retention_desktop.data.database import Database
from retention_desktop.data.models import ModelVersion
from retention_desktop.data.portfolio_frames import PortfolioFrames, read_portfolio
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.features import RISK_FEATURES, SWITCHING_FEATURES, loan_features
from retention_desktop.domain.propensity import LogisticModel

log = logging.getLogger(__name__)

BASELINE_FEATURE = {"switching": "rate_gap_pct", "risk": "credit_score"}
SEED = 20261123


class TrainingError(UserError):
    pass


def features_of(frames: PortfolioFrames) -> pd.DataFrame:
    return loan_features(frames.loans, frames.customers, frames.latest_scores, frames.late_counts, frames.debts,
                         frames.market_offers, frames.as_of)


def labels(frames: PortfolioFrames) -> tuple[np.ndarray, np.ndarray]:
    loans = frames.loans.set_index("id")
    switched = (loans["closed_reason"] == "switched_away").fillna(False).to_numpy()
    outcomes = frames.proposal_outcomes.drop_duplicates("loan_id", keep="last").set_index("loan_id")["decision"]
    decided = outcomes.reindex(loans.index)
    switched = np.where(decided == "switched_away", True, np.where(decided.isin(["accepted", "declined"]), False,
                                                                   switched))
    late = frames.late_counts.set_index("loan_id")["max_days_late_12m"].reindex(loans.index).fillna(0)
    risky = ((late > 30) | (loans["status"] == "delinquent")).to_numpy()
    return switched.astype(int), risky.astype(int)


def fit(kind: str, x: pd.DataFrame, y: np.ndarray, version: str) -> tuple[LogisticModel, dict[str, Any]]:
    if y.sum() < 20 or (len(y) - y.sum()) < 20:
        raise TrainingError(f"{kind}: too few examples of each outcome to learn from ({int(y.sum())} of {len(y)})")
    features = SWITCHING_FEATURES if kind == "switching" else RISK_FEATURES
    data = x[list(features)].to_numpy(dtype=np.float64)
    idx = np.arange(len(y))
    train, rest = train_test_split(idx, test_size=0.4, stratify=y, random_state=SEED)
    calib, test = train_test_split(rest, test_size=0.5, stratify=y[rest], random_state=SEED)
    mean = data[train].mean(axis=0)
    scale = data[train].std(axis=0)
    scale[scale == 0] = 1.0
    reg = LogisticRegression(C=1.0, max_iter=2000)
    reg.fit((data[train] - mean) / scale, y[train])
    raw = LogisticModel(kind, version, features, mean, scale, reg.coef_[0], float(reg.intercept_[0]),
                        np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    iso.fit(raw.raw_probability(data[calib]), y[calib])
    model = LogisticModel(kind, version, features, mean, scale, reg.coef_[0], float(reg.intercept_[0]),
                          np.asarray(iso.X_thresholds_), np.asarray(iso.y_thresholds_))
    predicted = model.predict(data[test])
    auc = roc_auc_score(y[test], model.raw_probability(data[test]))
    baseline_col = data[test][:, features.index(BASELINE_FEATURE[kind])]
    one_feature = roc_auc_score(y[test], baseline_col if kind == "switching" else -baseline_col)
    card = {
        "kind": kind, "version": version, "features": list(features),
        "coefficients": dict(zip(features, np.round(reg.coef_[0], 4).tolist())),
        "rows": {"train": len(train), "calibration": len(calib), "test": len(test)},
        "positive_rate": round(float(y.mean()), 4),
        "auc_test": round(float(auc), 4), "auc_trivial_baseline": 0.5,
        "auc_one_feature_baseline": {"feature": BASELINE_FEATURE[kind], "auc": round(float(one_feature), 4)},
        "calibration_by_decile": _calibration_table(predicted, y[test]),
    }
    return model, card


def _calibration_table(predicted: np.ndarray, observed: np.ndarray) -> list[dict[str, float]]:
    order = np.argsort(predicted)
    table = []
    for chunk in np.array_split(order, 10):
        if len(chunk):
            table.append({"mean_predicted": round(float(predicted[chunk].mean()), 4),
                          "observed": round(float(observed[chunk].mean()), 4), "count": int(len(chunk))})
    return table


def train_models(db: Database, as_of: dt.date, progress: Callable[[str], None] = lambda _m: None
                 ) -> dict[str, dict[str, Any]]:
    progress("reading the portfolio history")
    frames = read_portfolio(db.engine, as_of, include_switched=True)
    x = features_of(frames)
    switched, risky = labels(frames)
    stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
    cards = {}
    with db.session() as s:
        for kind, y in (("switching", switched), ("risk", risky)):
            progress(f"training the {kind} model on {len(y):,} loans ({int(y.sum()):,} positive)")
            model, card = fit(kind, x, y, f"{kind}-{as_of.isoformat()}-{stamp}")
            card["trained_on"] = as_of.isoformat()
            # stored by the batch's function (rd_batch), recorded in the audit trail
            api_calls.scalar(s, "record_model_version", kind, model.version, model.to_parameters(), card)
            cards[kind] = card
    return cards


def latest_models(db: Database) -> dict[str, LogisticModel]:
    """The most recently trained model of each kind (empty if none has been trained)."""
    found = {}
    with db.session() as s:
        for kind in ("switching", "risk"):
            row = s.scalars(select(ModelVersion).where(ModelVersion.kind == kind)
                            .order_by(ModelVersion.trained_at.desc(), ModelVersion.id.desc()).limit(1)).first()
            if row is not None:
                found[kind] = LogisticModel.from_parameters(kind, row.version, row.parameters)
    return found
