"""Weighted log-odds with an informative Dirichlet prior, on corpora small enough to check by hand."""
from __future__ import annotations

import math

import numpy as np
import pytest

from framing.store.fightin_words import (
    distinctive_words,
    group_counts,
    informative_prior,
    log_odds,
)

# Outlet A says "tax" three times and "budget" once; outlet B the reverse.
TEXTS = ["The tax bill, the tax cut.", "A tax on the budget.", "The budget, the budget.", "Budget talks on the tax."]
OUTLETS = ["a", "a", "b", "b"]


def test_counts_drop_stop_words_and_group_by_outlet():
    names, vocabulary, counts = group_counts(TEXTS, OUTLETS, min_df=1)
    assert names == ["a", "b"]
    assert {word: list(counts[:, vocabulary.index(word)]) for word in ("tax", "budget")} == {"tax": [3, 1], "budget": [1, 3]}
    assert "the" not in vocabulary and "on" not in vocabulary  # English stop words
    _names, frequent, _counts = group_counts(TEXTS, OUTLETS, min_df=2)
    assert frequent == ["budget", "tax"]  # "bill", "cut", "talks" are in one text each


def test_prior_is_pooled_frequency_scaled_to_alpha0():
    assert list(informative_prior(np.array([4, 4, 0]), 8.0)) == [4.0, 4.0, 0.0]
    assert informative_prior(np.array([1, 3]), 100.0).sum() == pytest.approx(100.0)


def test_log_odds_and_z_by_hand():
    """tax: y_a = 3, y_b = 1, n_a = n_b = 4; prior 4 per word (alpha0 = 8).

    delta = log(7 / (4 + 8 - 7)) - log(5 / (4 + 8 - 5)) = 2 log 1.4
    var = 1/7 + 1/5; z = delta / sqrt(var).
    """
    delta, z = log_odds(np.array([3, 1]), np.array([1, 3]), np.array([4.0, 4.0]))
    assert delta[0] == pytest.approx(2 * math.log(1.4)) == pytest.approx(0.672944, abs=1e-6)
    assert z[0] == pytest.approx(2 * math.log(1.4) / math.sqrt(1 / 7 + 1 / 5)) == pytest.approx(1.149271, abs=1e-6)
    assert delta[1] == pytest.approx(-delta[0]) and z[1] == pytest.approx(-z[0])  # budget, the mirror image


def test_same_usage_scores_zero_and_evidence_raises_z():
    delta, z = log_odds(np.array([5, 5]), np.array([5, 5]), np.array([1.0, 1.0]))
    assert list(delta) == [0.0, 0.0] and list(z) == [0.0, 0.0]
    # The same 3:1 ratio seen ten times as often is far better evidence: same sign, larger z.
    _delta_small, z_small = log_odds(np.array([3, 1]), np.array([1, 3]), np.array([0.5, 0.5]))
    _delta_large, z_large = log_odds(np.array([30, 10]), np.array([10, 30]), np.array([0.5, 0.5]))
    assert 0 < z_small[0] < z_large[0]


def test_distinctive_words_per_outlet():
    words = distinctive_words(TEXTS, OUTLETS, alpha0=8.0, min_df=2)  # vocabulary: budget, tax
    assert [(score.word, score.count) for score in words["a"]][:1] == [("tax", 3)]
    assert words["a"][0].z == pytest.approx(1.149, abs=1e-3)
    assert "budget" not in [score.word for score in words["a"]]  # only words with z > 0
    assert words["b"][0].word == "budget"


def test_one_outlet_or_no_words_gives_empty_lists():
    assert distinctive_words(TEXTS[:2], ["a", "a"], min_df=1) == {"a": []}
    assert distinctive_words(["the and of", "it is"], ["a", "b"]) == {"a": [], "b": []}
