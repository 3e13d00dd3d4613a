"""Train the risk and switching models on the bank's own history (``retention-admin train-models``).

Labels: a loan switched away to another lender in the year before the training date (and every
proposal whose customer switched away, or stayed); for risk, any instalment more than 30 days late
in the year. A standardised logistic regression is fitted on 60 % of the loans, a calibration on
20 % (isotonic with at least 200 of each outcome, else Platt scaling), and is judged on the last
20 % it never saw: AUC against a trivial baseline (0.5) and a one-feature baseline, and a
calibration table by decile. The fitting is ``domain/model_fitting`` (numpy alone: the desktop
bundle carries no scikit-learn). A model that does not beat its one-feature baseline on those
loans is never promoted: the calibrated one-feature model is stored (and prices) instead, and the
card says so. A history with fewer than 20 of either outcome trains nothing: pricing keeps its
prior (``personal_quote``), and the card says so. The stored model is plain numbers
(``LogisticModel``) with its model card.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import select

from retention_desktop.data import api_calls
from retention_desktop.data.database import Database
from retention_desktop.data.models import ModelVersion
from retention_desktop.domain.errors import UserError
from retention_desktop.domain.features import RISK_FEATURES, SWITCHING_FEATURES, loan_features
from retention_desktop.domain.model_fitting import isotonic_calibration, logistic_regression, roc_auc, stratified_split
from retention_desktop.domain.policy import Policy
from retention_desktop.domain.propensity import LogisticModel
from retention_desktop.services.regulation import policy_for

if TYPE_CHECKING:  # pandas only where a book is read: quoting loads the models without it
    import pandas as pd

    from retention_desktop.data.portfolio_frames import PortfolioFrames

log = logging.getLogger(__name__)

BASELINE_FEATURE = {"switching": "rate_gap_pct", "risk": "credit_score"}
SEED = 20261123


class TrainingError(UserError):
    pass


def features_of(frames: PortfolioFrames, policy: Policy) -> pd.DataFrame:
    return loan_features(frames.loans, frames.customers, frames.latest_scores, frames.late_counts, frames.debts,
                         frames.market_offers, frames.as_of, 12 * policy.prepayment_fee_max_years)


def labels(frames: PortfolioFrames) -> tuple[np.ndarray, np.ndarray]:
    loans = frames.loans.set_index("id")
    switched = (loans["closed_reason"] == "switched_away").fillna(False).to_numpy()
    outcomes = frames.proposal_outcomes.drop_duplicates("loan_id", keep="last").set_index("loan_id")["decision"]
    # loans without a decided proposal reindex to missing (pd.NA in a string column): plain strings first, or
    # the comparison yields NA that np.where cannot read ("boolean value of NA is ambiguous")
    decided = outcomes.reindex(loans.index).astype(object).where(lambda d: d.notna(), "").to_numpy(dtype=object)
    switched = np.where(decided == "switched_away", True, np.where(np.isin(decided, ["accepted", "declined"]), False,
                                                                   switched))
    late = frames.late_counts.set_index("loan_id")["max_days_late_12m"].reindex(loans.index).fillna(0)
    risky = ((late > 30) | (loans["status"] == "delinquent")).to_numpy()
    return switched.astype(int), risky.astype(int)


ISOTONIC_MIN_PER_CLASS = 200  # below this many of either outcome in the calibration set, isotonic steps overfit
PLATT_GRID = np.concatenate([np.linspace(0.0, 0.02, 41), np.linspace(0.02, 1.0, 197)[1:]])


def _fit_one(kind: str, version: str, features: tuple[str, ...], data: np.ndarray, y: np.ndarray,
             train: np.ndarray, calib: np.ndarray) -> tuple[LogisticModel, str]:
    """A standardised logistic regression on ``train``, calibrated on ``calib``: isotonic when the calibration set
    is large enough, else Platt scaling (a logistic curve on the raw score's logit, which cannot jump from 0 to 1
    between two neighbouring scores). Both are stored as a monotone table."""
    mean = data[train].mean(axis=0)
    scale = data[train].std(axis=0)
    scale[scale == 0] = 1.0
    coef, intercept = logistic_regression((data[train] - mean) / scale, y[train], c=1.0)
    raw = LogisticModel(kind, version, features, mean, scale, coef, intercept, np.array([0.0, 1.0]),
                        np.array([0.0, 1.0]))
    scores = raw.raw_probability(data[calib])
    positives = int(y[calib].sum())
    if min(positives, len(calib) - positives) >= ISOTONIC_MIN_PER_CLASS:
        table_x, table_y = isotonic_calibration(scores, y[calib])
        method = "isotonic"
    else:
        slope, offset = logistic_regression(_logit(scores)[:, None], y[calib], c=1e6)
        table_x = PLATT_GRID
        table_y = 1.0 / (1.0 + np.exp(-(_logit(table_x) * slope[0] + offset)))
        method = "platt"
    return LogisticModel(kind, version, features, mean, scale, coef, intercept, table_x, table_y), method


def _logit(p: np.ndarray) -> np.ndarray:
    clipped = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(clipped / (1 - clipped))


def fit(kind: str, x: pd.DataFrame, y: np.ndarray, version: str) -> tuple[LogisticModel, dict[str, Any]]:
    """The model to promote and its card: the full model only if it beats its one-feature baseline on the
    held-out 20 %; otherwise the calibrated one-feature baseline, and the card says so."""
    if y.sum() < 20 or (len(y) - y.sum()) < 20:
        raise TrainingError(f"{kind}: too few examples of each outcome to learn from ({int(y.sum())} of {len(y)})")
    features = SWITCHING_FEATURES if kind == "switching" else RISK_FEATURES
    data = x[list(features)].to_numpy(dtype=np.float64)
    train, rest = stratified_split(y, 0.4, SEED)
    calib, test = stratified_split(y, 0.5, SEED + 1, rows=rest)
    model, method = _fit_one(kind, version, features, data, y, train, calib)
    one = (BASELINE_FEATURE[kind],)
    baseline, _ = _fit_one(kind, version, one, x[list(one)].to_numpy(dtype=np.float64), y, train, calib)
    auc = roc_auc(y[test], model.raw_probability(data[test]))
    baseline_auc = roc_auc(y[test], baseline.raw_probability(x[list(one)].to_numpy(dtype=np.float64)[test]))
    promoted = model if auc > baseline_auc else baseline
    test_x = x[list(promoted.features)].to_numpy(dtype=np.float64)[test]
    card = {
        "kind": kind, "version": version, "features": list(features),
        "coefficients": dict(zip(features, np.round(model.coef, 4).tolist())),
        "rows": {"train": len(train), "calibration": len(calib), "test": len(test)},
        "positive_rate": round(float(y.mean()), 4), "calibration": method,
        "auc_test": round(float(auc), 4), "auc_trivial_baseline": 0.5,
        "auc_one_feature_baseline": {"feature": BASELINE_FEATURE[kind], "auc": round(float(baseline_auc), 4)},
        "promoted": "model" if promoted is model else "one_feature_baseline",
        # the AUCs as the card holds them (4 places): at 3 a narrow win read "0.805 beats 0.805"
        "promotion": (f"held-out AUC {auc:.4f} beats the one-feature baseline ({BASELINE_FEATURE[kind]}) "
                      f"{baseline_auc:.4f}: the model prices" if promoted is model else
                      f"held-out AUC {auc:.4f} does not beat the one-feature baseline ({BASELINE_FEATURE[kind]}) "
                      f"{baseline_auc:.4f}: the model is not promoted; pricing uses the baseline"),
        "calibration_by_decile": _calibration_table(promoted.predict(test_x), y[test]),
    }
    return promoted, card


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
    from retention_desktop.data.portfolio_frames import read_portfolio

    frames = read_portfolio(db.engine, as_of, include_switched=True)
    x = features_of(frames, policy_for(db, as_of))
    switched, risky = labels(frames)
    # when it was trained, and a random tag: two trainings in the same second (a rerun, two machines) each get a
    # version of their own instead of the database's "duplicate key" refusal
    stamp = f"{dt.datetime.now():%Y%m%d%H%M%S}-{secrets.token_hex(2)}"
    cards = {}
    with db.session() as s:
        for kind, y in (("switching", switched), ("risk", risky)):
            progress(f"training the {kind} model on {len(y):,} loans ({int(y.sum()):,} positive)")
            try:
                model, card = fit(kind, x, y, f"{kind}-{as_of.isoformat()}-{stamp}")
            except TrainingError as exc:
                # too small a history to learn from: nothing is promoted and pricing keeps its prior
                version = f"{kind}-{as_of.isoformat()}-{stamp}-prior"
                cards[kind] = {"kind": kind, "version": version, "promoted": "prior", "trained_on": as_of.isoformat(),
                               "promotion": f"{exc}: no model is promoted; pricing uses the prior "
                                            + ("switching probability of the rate gap" if kind == "switching"
                                               else "default probability")}
                # recorded, so an older model of this kind stops pricing too (latest_models reads it as none)
                api_calls.scalar(s, "record_model_version", kind, version, {"prior": True}, cards[kind])
                progress(cards[kind]["promotion"])
                continue
            card["trained_on"] = as_of.isoformat()
            # stored by the batch's function (rd_batch), recorded in the audit trail
            api_calls.scalar(s, "record_model_version", kind, model.version, model.to_parameters(), card)
            cards[kind] = card
    return cards


def latest_models(db: Database) -> dict[str, LogisticModel]:
    """The most recently trained model of each kind (none where nothing was trained, or the latest training
    found too little history and recorded the prior)."""
    found = {}
    with db.session() as s:
        for kind in ("switching", "risk"):
            row = s.scalars(select(ModelVersion).where(ModelVersion.kind == kind)
                            .order_by(ModelVersion.trained_at.desc(), ModelVersion.id.desc()).limit(1)).first()
            if row is not None and not row.parameters.get("prior"):
                model = LogisticModel.from_parameters(kind, row.version, row.parameters)
                if not model.uses_protected_attribute:  # trained before age left the features: retrain
                    found[kind] = model
    return found


def trained_kinds(db: Database) -> set[str]:
    """The kinds for which a training has been recorded (a model, or the prior when history was too short)."""
    with db.session() as s:
        return set(s.scalars(select(ModelVersion.kind).distinct()))
