"""The models' fitting in numpy (domain/model_fitting): the optimum it claims, the textbook calibration, the AUC."""

from __future__ import annotations

import numpy as np
import pytest

from retention_desktop.domain.model_fitting import (
    isotonic_calibration,
    logistic_regression,
    roc_auc,
    stratified_split,
)


def test_logistic_regression_reaches_the_penalised_optimum_and_recovers_the_truth():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(60_000, 3))
    truth, bias = np.array([1.5, -0.7, 0.0]), -1.2
    y = (rng.random(len(x)) < 1 / (1 + np.exp(-(x @ truth + bias)))).astype(int)
    coef, intercept = logistic_regression(x, y, c=1.0)
    # the optimum of ½‖w‖² + C Σ log-loss: its gradient vanishes (the intercept carries no penalty)
    p = 1 / (1 + np.exp(-(x @ coef + intercept)))
    assert np.max(np.abs(x.T @ (p - y) + coef)) < 1e-4
    assert abs(np.sum(p - y)) < 1e-4
    assert np.allclose(coef, truth, atol=0.05) and abs(intercept - bias) < 0.05
    # a strong penalty shrinks the coefficients towards 0
    shrunk, _ = logistic_regression(x, y, c=1e-4)
    assert np.all(np.abs(shrunk) < np.abs(coef) + 1e-12) and np.abs(shrunk).sum() < 0.5 * np.abs(coef).sum()


def test_logistic_regression_refuses_a_single_outcome():
    with pytest.raises(ValueError, match="both outcomes"):
        logistic_regression(np.zeros((5, 1)), np.zeros(5))


def test_isotonic_calibration_pools_adjacent_violators():
    # the textbook case: 3 > 2 and 4 > 3 violate the order and are pooled into their means
    x, y = isotonic_calibration(np.array([1.0, 2, 3, 4, 5, 6]), np.array([0.1, 0.3, 0.2, 0.4, 0.3, 0.5]))
    assert np.allclose(np.interp([1, 2, 3, 4, 5, 6], x, y), [0.1, 0.25, 0.25, 0.35, 0.35, 0.5])
    assert np.all(np.diff(y) >= 0) and np.all(np.diff(x) > 0)
    # equal scores are pooled first (by count), and a flat run keeps only its ends
    x, y = isotonic_calibration(np.array([0.2, 0.2, 0.2, 0.5, 0.6, 0.7, 0.9]), np.array([0, 0, 1, 0, 0, 0, 1]))
    assert list(x) == [0.2, 0.7, 0.9] and np.allclose(y, [1 / 6, 1 / 6, 1.0])


def test_roc_auc_counts_ties_as_half():
    assert roc_auc(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])) == 0.75
    assert roc_auc(np.array([0, 1]), np.array([0.5, 0.5])) == 0.5
    assert roc_auc(np.array([1, 0, 1, 0, 1]), np.array([0.9, 0.1, 0.9, 0.9, 0.2])) == pytest.approx(4 / 6)


def test_stratified_split_keeps_each_outcome_in_proportion_and_is_repeatable():
    y = np.array([1] * 100 + [0] * 900)
    kept, held = stratified_split(y, 0.4, 7)
    assert len(held) == 400 and y[held].sum() == 40 and not set(kept) & set(held)
    again_kept, again_held = stratified_split(y, 0.4, 7)
    assert list(again_held) == list(held)
    calib, test = stratified_split(y, 0.5, 8, rows=held)
    assert set(calib) | set(test) == set(held) and y[test].sum() == 20


# -- promotion: never a model worse than its one-feature baseline on the held-out loans -----------------------
def _history(misleading: bool, n: int = 3000):
    """A switching history whose outcome follows the rate gap; ``misleading``: a second feature that tracks the
    outcome on the 60 % the model is fitted on and runs against it on the loans held out, so the full model
    looks better in training and is worse on the held-out loans than the rate gap alone."""
    import pandas as pd

    from retention_desktop.domain.features import SWITCHING_FEATURES
    from retention_desktop.services.model_training import SEED

    rng = np.random.default_rng(5)
    gap = rng.normal(0, 1, n)
    y = (rng.random(n) < 1 / (1 + np.exp(-(1.5 * gap - 2)))).astype(int)
    x = pd.DataFrame({name: rng.normal(0, 1, n) for name in SWITCHING_FEATURES})
    x["rate_gap_pct"] = gap
    if misleading:
        train, rest = stratified_split(y, 0.4, SEED)  # the very split fit() makes
        sign = np.ones(n)
        sign[rest] = -1
        x["score_change"] = sign * (3 * y - 1.5) + rng.normal(0, 1, n)
    return x, y


def test_a_model_worse_than_its_baseline_on_held_out_loans_is_not_promoted():
    from retention_desktop.services.model_training import fit

    x, y = _history(misleading=True)
    promoted, card = fit("switching", x, y, "switching-test")
    assert card["auc_test"] < card["auc_one_feature_baseline"]["auc"]
    assert card["promoted"] == "one_feature_baseline" and promoted.features == ("rate_gap_pct",)
    assert card["promotion"] == (f"held-out AUC {card['auc_test']:.4f} does not beat the one-feature baseline "
                                 f"(rate_gap_pct) {card['auc_one_feature_baseline']['auc']:.4f}: the model is not "
                                 "promoted; pricing uses the baseline")


def test_a_model_better_than_its_baseline_prices():
    from retention_desktop.services.model_training import fit

    x, y = _history(misleading=False)
    x["score_change"] = x["score_change"] + 2 * y  # a second real signal the baseline lacks
    promoted, card = fit("switching", x, y, "switching-test")
    assert card["auc_test"] > card["auc_one_feature_baseline"]["auc"]
    assert card["promoted"] == "model" and len(promoted.features) == len(x.columns)


def test_no_protected_attribute_is_a_feature_and_a_model_using_one_is_not_applied():
    """Age, sex and the like are in neither model (so no reason can name them); a model stored with one (the
    switching model once used age) counts as using it, and ``latest_models`` then ignores it."""
    from retention_desktop.domain.features import PROTECTED_ATTRIBUTES, RISK_FEATURES, SWITCHING_FEATURES
    from retention_desktop.domain.propensity import LogisticModel

    assert {"age_years", "sex"} <= PROTECTED_ATTRIBUTES
    assert not (set(SWITCHING_FEATURES) | set(RISK_FEATURES)) & PROTECTED_ATTRIBUTES
    ones = np.ones(2)
    old = LogisticModel("switching", "v", ("rate_gap_pct", "age_years"), ones, ones, ones, 0.0, ones, ones)
    assert old.uses_protected_attribute
    assert not LogisticModel("switching", "v", SWITCHING_FEATURES[:2], ones, ones, ones, 0.0, ones, ones
                             ).uses_protected_attribute
