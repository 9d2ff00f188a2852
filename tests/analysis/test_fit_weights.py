"""bench/fit_weights.py (issue 11, fourth round): the folds and the table it proposes are deterministic,
a table survives the round trip through the fitted vector, and the fit raises the weight of a sign
that only unwanted mail carries while leaving the hand-set table's shape readable."""

from __future__ import annotations

import numpy as np

from bench.fit_weights import (
    LEVELS,
    choose_threshold,
    feature_names,
    fit,
    fold_of,
    matrix,
    table_to_vector,
    vector_to_table,
)
from bot.analysis.scoring import FLAGGED_AT, WEIGHTS


def test_folds_are_fixed_by_the_manifest_path() -> None:
    folds = [fold_of(f"unwanted/pot__{i:04d}.eml", 5) for i in range(200)]
    assert folds == [fold_of(f"unwanted/pot__{i:04d}.eml", 5) for i in range(200)]
    assert set(folds) == {0, 1, 2, 3, 4}


def test_the_hand_set_table_survives_the_round_trip() -> None:
    assert vector_to_table(table_to_vector(WEIGHTS)) == WEIGHTS


def test_features_are_cumulative_by_severity() -> None:
    x, y = matrix([{"label": "unwanted", "findings": ["spam_content:medium", "spam_content:low", "leak_tag:info"]},
                   {"label": "ham", "findings": []}])
    names = feature_names()
    on = {names[i] for i in np.flatnonzero(x[0])}
    assert on == {"spam_content>=low", "spam_content>=medium"}
    assert list(y) == [1.0, 0.0]
    assert len(names) == 3 * len(WEIGHTS) and all(n.split(">=")[1] in LEVELS for n in names)


def test_a_sign_only_unwanted_mail_carries_gains_weight() -> None:
    data = ([{"label": "unwanted", "findings": ["disguised_text:low"]}] * 30
            + [{"label": "ham", "findings": ["self_sent:low"]}] * 30)
    x, y = matrix(data)
    prior = table_to_vector(WEIGHTS)
    frozen = np.zeros(len(prior), dtype=bool)
    w = fit(x, y, prior, l2=0.1, frozen=frozen, steps=500)
    i = feature_names().index("disguised_text>=low")
    assert w[i] > prior[i]
    assert w[feature_names().index("self_sent>=low")] <= prior[feature_names().index("self_sent>=low")]


def test_the_threshold_keeps_the_ham_budget_and_never_falls_below_the_products() -> None:
    s = np.array([10.0, 20.0, 35.0, 50.0, 60.0])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0])
    assert choose_threshold(s, y, 0.0) > 35.0
    assert choose_threshold(np.array([0.0, 5.0]), np.array([0.0, 1.0]), 0.0) == FLAGGED_AT
