"""Weighted log-odds with an informative Dirichlet prior, on corpora small enough to check by hand."""
from __future__ import annotations

import math

import numpy as np
import pytest

from sklearn.feature_extraction.text import CountVectorizer

from framing.store.fightin_words import (
    countable_words,
    distinctive_words,
    distinctive_words_of,
    group_counts,
    informative_prior,
    log_odds,
    word_bag,
)
from tests.store.conftest import fixture_records

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


# Tokens at the edges of the rule: apostrophes, accents, dotted and hyphenated words, digits,
# underscores, one-letter words, a dotted capital I that lower-cases to two characters.
AWKWARD = ("Erdoğan's U.S.-backed co-op: İstanbul's 2016 x_y data, A to Z; naïve CAFÉ café "
           "don't won't e-mail 3D ab\u00adcd O'Neill \u00b2 ²nd 1st")


def _real_texts() -> tuple[list[str], list[str]]:
    records = fixture_records()
    return [record["text"] for record in records] + [AWKWARD], [record["outlet"] for record in records] + ["wire"]


@pytest.mark.parametrize("min_df", [1, 2, 3])
def test_counts_are_what_scikit_learn_counts(min_df):
    """The stored words give the counts CountVectorizer(stop_words="english") gave the texts
    (what the comparison used before word bags were stored), vocabulary order included."""
    texts, outlets = _real_texts()
    vectorizer = CountVectorizer(stop_words="english", min_df=min_df)
    matrix = vectorizer.fit_transform(texts).toarray()
    names, vocabulary, counts = group_counts(texts, outlets, min_df=min_df)
    assert vocabulary == list(vectorizer.get_feature_names_out()) and len(vocabulary) > 10
    for row, name in enumerate(names):
        expected = matrix[[index for index, outlet in enumerate(outlets) if outlet == name]].sum(axis=0)
        assert list(counts[row]) == list(expected), name


def test_a_word_bag_holds_each_countable_word_as_often_as_it_occurs():
    text = "The tax bill, the tax cut. TAX!"  # "bill" is one of scikit-learn's English stop words
    assert countable_words(text) == ["tax", "tax", "cut", "tax"]
    assert word_bag(text) == "cut tax tax tax" and word_bag("It is.") == ""
    texts, outlets = _real_texts()
    assert distinctive_words_of([word_bag(text).split() for text in texts], outlets, min_df=2) == distinctive_words(texts, outlets, min_df=2)


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
