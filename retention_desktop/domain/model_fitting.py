"""Fitting the models' numbers with numpy alone: a penalised logistic regression, an isotonic calibration, the
held-out split and the AUC that judges them.

These are the textbook methods scikit-learn offers under the same names, written out so that training needs
no more than the application already ships (the frozen desktop bundle carries neither scikit-learn nor scipy,
and ``retention-admin train-models`` works in it):

- ``logistic_regression``: minimises ½‖w‖² + C Σ log-loss (the intercept not penalised), as scikit-learn's
  ``LogisticRegression(C=…)`` does, by Newton's method (iteratively reweighted least squares) with a
  backtracking line search, to a gradient 1e-8 small (scikit-learn's default lbfgs stops at 1e-4).
- ``isotonic_calibration``: pool-adjacent-violators on the scores sorted (equal scores first pooled, weighted
  by count), clipped to [0, 1], and only the points where the step function changes kept — the table
  ``IsotonicRegression(out_of_bounds="clip")`` keeps, read back by linear interpolation (``np.interp``).
- ``stratified_split``: each outcome's rows shuffled with the seed and cut in the same proportion.
- ``roc_auc``: the Mann–Whitney statistic with tied scores given their average rank.
"""

from __future__ import annotations

import numpy as np


def logistic_regression(x: np.ndarray, y: np.ndarray, c: float = 1.0, max_iter: int = 100,
                        tolerance: float = 1e-8) -> tuple[np.ndarray, float]:
    """Coefficients and intercept of the L2-penalised logistic regression of ``y`` (0/1) on ``x`` (rows × features).

    Raises ValueError when ``y`` holds a single outcome (nothing to separate)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 2 or len(x) != len(y) or not 0 < y.sum() < len(y):
        raise ValueError("logistic regression needs rows × features and both outcomes")
    design = np.column_stack([x, np.ones(len(x))])
    penalty = np.full(design.shape[1], 1.0 / c)
    penalty[-1] = 0.0  # the intercept is not penalised
    beta = np.zeros(design.shape[1])

    def objective(b: np.ndarray) -> float:
        z = design @ b
        return float(0.5 * np.sum(penalty * b * b) + np.sum(np.logaddexp(0.0, z) - y * z))

    value = objective(beta)
    for _ in range(max_iter):
        p = _sigmoid(design @ beta)
        gradient = design.T @ (p - y) + penalty * beta
        if np.max(np.abs(gradient)) <= tolerance * max(1.0, len(y)):
            break
        weight = p * (1.0 - p)
        hessian = (design * weight[:, None]).T @ design + np.diag(penalty)
        try:
            step = np.linalg.solve(hessian, gradient)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(hessian, gradient, rcond=None)[0]
        t = 1.0
        while t > 1e-10:  # backtracking: a Newton step may overshoot where the data nearly separate
            candidate = beta - t * step
            new_value = objective(candidate)
            if new_value <= value - 1e-4 * t * float(gradient @ step):
                break
            t *= 0.5
        beta, previous, value = candidate, value, new_value
        if previous - value <= 1e-14 * max(1.0, abs(value)):
            break
    return beta[:-1], float(beta[-1])


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.exp(-np.logaddexp(0.0, -z))


def isotonic_calibration(scores: np.ndarray, outcomes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The non-decreasing step function of ``outcomes`` over ``scores`` that fits best in least squares, as its
    change points (x ascending, y in [0, 1]); ``np.interp(s, x, y)`` reads it for any score."""
    scores = np.asarray(scores, dtype=np.float64)
    outcomes = np.asarray(outcomes, dtype=np.float64)
    order = np.lexsort((outcomes, scores))
    scores, outcomes = scores[order], outcomes[order]
    unique, start, counts = np.unique(scores, return_index=True, return_counts=True)
    means = np.add.reduceat(outcomes, start) / counts  # equal scores pooled first
    fitted = np.clip(_pool_adjacent_violators(means, counts.astype(np.float64)), 0.0, 1.0)
    if len(fitted) <= 2:
        return unique, fitted
    keep = np.ones(len(fitted), dtype=bool)  # a point inside a flat run adds nothing to the interpolation
    keep[1:-1] = (fitted[1:-1] != fitted[:-2]) | (fitted[1:-1] != fitted[2:])
    return unique[keep], fitted[keep]


def _pool_adjacent_violators(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    means, totals, sizes = [], [], []
    for value, weight in zip(values.tolist(), weights.tolist()):
        means.append(value)
        totals.append(weight)
        sizes.append(1)
        while len(means) > 1 and means[-2] > means[-1]:  # merge the violating blocks into their weighted mean
            weight = totals[-2] + totals[-1]
            means[-2] = (means[-2] * totals[-2] + means[-1] * totals[-1]) / weight
            totals[-2] = weight
            sizes[-2] += sizes[-1]
            del means[-1], totals[-1], sizes[-1]
    return np.repeat(means, sizes)


def stratified_split(y: np.ndarray, test_share: float, seed: int, rows: np.ndarray | None = None
                     ) -> tuple[np.ndarray, np.ndarray]:
    """``rows`` (default: all) in two parts, each outcome of ``y`` split in the same proportion: (kept, held out),
    each sorted."""
    rows = np.arange(len(y)) if rows is None else np.asarray(rows)
    rng = np.random.default_rng(seed)
    kept, held = [], []
    labels = np.asarray(y)[rows]
    for outcome in np.unique(labels):
        members = rng.permutation(rows[labels == outcome])
        cut = int(round(len(members) * test_share))
        held.append(members[:cut])
        kept.append(members[cut:])
    return np.sort(np.concatenate(kept)), np.sort(np.concatenate(held))


def roc_auc(outcomes: np.ndarray, scores: np.ndarray) -> float:
    """The probability that a random positive scores above a random negative (ties count half)."""
    outcomes = np.asarray(outcomes).astype(bool)
    positives, negatives = int(outcomes.sum()), int((~outcomes).sum())
    if not positives or not negatives:
        raise ValueError("the AUC needs both outcomes")
    scores = np.asarray(scores, dtype=np.float64)
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    _unique, start, counts = np.unique(sorted_scores, return_index=True, return_counts=True)
    average = start + (counts + 1) / 2.0  # 1-based average rank of each tied group
    ranks[order] = np.repeat(average, counts)
    return float((ranks[outcomes].sum() - positives * (positives + 1) / 2.0) / (positives * negatives))
