"""The words that tell one group's texts from another's: weighted log-odds with an
informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", section 3.5).

Raw frequency differences rank the commonest words first, and plain log-odds ratios rank
the rarest; the paper's estimator fixes both. Word counts are shrunk toward a prior
(pseudo-counts ``alpha_w`` proportional to the word's frequency over all compared texts,
summing to ``alpha0``), and the log-odds difference is divided by its approximate
standard error, so a word ranks high when the difference is both large and well
supported. For group i against group j, with counts ``y``, totals ``n``:

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

(the paper's equations 16, 18 and 19-20). ``z`` above 1.96 is the usual reading of
"reliably more this group's word". With several groups, each is compared with all the
others pooled.

``DEFAULT_ALPHA0`` is 1,000 pseudo-words: against outlets with tens of thousands of words
each, it is strong enough to pull a word seen a handful of times toward the pooled rate
(so one article's pet word does not top the list) and weak enough that words used
hundreds of times are ranked by their own counts.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

DEFAULT_ALPHA0 = 1000.0
DEFAULT_MIN_DF = 2  # a word in one article only says more about that article than its outlet
# scikit-learn's default tokens, read in lower-cased text. Its pattern is (?u)\b\w\w+\b; a
# run of word characters found from left to right always starts and ends at a boundary, so
# the boundaries need no checking (twice as fast, the same tokens; the tests compare them)
_TOKEN = re.compile(r"\w\w+")


@dataclass(frozen=True)
class WordScore:
    word: str
    count: int  # times the group used it
    log_odds: float  # delta: the group's log-odds minus the others'
    z: float


def informative_prior(pooled_counts: np.ndarray, alpha0: float) -> np.ndarray:
    """Pseudo-counts proportional to the pooled counts, summing to ``alpha0``."""
    total = pooled_counts.sum()
    if total == 0:
        raise ValueError("the pooled counts are all zero")
    return alpha0 * pooled_counts / total


def log_odds(counts_i: np.ndarray, counts_j: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(delta, z)`` per word for group i against group j (the module's equations)."""
    counts_i, counts_j, prior = (np.asarray(a, dtype=float) for a in (counts_i, counts_j, prior))
    alpha0 = prior.sum()
    n_i, n_j = counts_i.sum(), counts_j.sum()
    with_prior_i, with_prior_j = counts_i + prior, counts_j + prior
    delta = np.log(with_prior_i / (n_i + alpha0 - with_prior_i)) - np.log(with_prior_j / (n_j + alpha0 - with_prior_j))
    variance = 1.0 / with_prior_i + 1.0 / with_prior_j
    return delta, delta / np.sqrt(variance)


def countable_words(text: str) -> list[str]:
    """The words of ``text`` that are counted, as often as they occur: runs of two or more
    word characters in the lower-cased text, without English stop words (scikit-learn's
    ``CountVectorizer(stop_words="english")`` reads the same words, which
    ``tests/store/test_fightin_words.py`` checks on real articles)."""
    return [word for word in _TOKEN.findall(text.lower()) if word not in ENGLISH_STOP_WORDS]


def word_bag(text: str) -> str:
    """:func:`countable_words` as stored with an article's revision: sorted, joined by
    spaces (a word never holds one), so that a comparison reads counts instead of texts."""
    return " ".join(sorted(countable_words(text)))


def group_counts(texts: Sequence[str], groups: Sequence[str], *, min_df: int = DEFAULT_MIN_DF) -> tuple[list[str], list[str], np.ndarray]:
    """:func:`group_counts_of_words` of each text's :func:`countable_words`."""
    return group_counts_of_words([countable_words(text) for text in texts], groups, min_df=min_df)


def group_counts_of_words(documents: Sequence[Sequence[str]], groups: Sequence[str], *,
                          min_df: int = DEFAULT_MIN_DF) -> tuple[list[str], list[str], np.ndarray]:
    """``(names, vocabulary, counts)``: a groups x words matrix of word counts.

    ``documents`` holds each text's countable words; the vocabulary is the words in at
    least ``min_df`` texts, sorted (as scikit-learn sorts its features, so ties between
    words rank the same). Empty when no word is left.
    """
    names = sorted(set(groups))
    in_documents: Counter[str] = Counter()
    per_group: dict[str, Counter[str]] = {name: Counter() for name in names}
    for words, group in zip(documents, groups):
        in_documents.update(set(words))
        per_group[group].update(words)
    vocabulary = sorted(word for word, documents_with in in_documents.items() if documents_with >= min_df)
    index = {word: position for position, word in enumerate(vocabulary)}
    counts = np.zeros((len(names), len(vocabulary)), dtype=np.int64)
    for row, name in enumerate(names):
        used = [(index[word], count) for word, count in per_group[name].items() if word in index]
        if used:
            columns, values = zip(*used)
            counts[row, list(columns)] = values
    return names, vocabulary, counts


def distinctive_words(texts: Sequence[str], groups: Sequence[str], *, top: int = 20, alpha0: float = DEFAULT_ALPHA0,
                      min_df: int = DEFAULT_MIN_DF) -> dict[str, list[WordScore]]:
    """For each group, its ``top`` words by z-score against all other groups pooled (z > 0 only).

    Needs two groups or more; with fewer, or no words, every group gets an empty list.
    """
    return distinctive_words_of([countable_words(text) for text in texts], groups, top=top, alpha0=alpha0, min_df=min_df)


def distinctive_words_of(documents: Sequence[Sequence[str]], groups: Sequence[str], *, top: int = 20,
                         alpha0: float = DEFAULT_ALPHA0, min_df: int = DEFAULT_MIN_DF) -> dict[str, list[WordScore]]:
    """:func:`distinctive_words` of texts given by their :func:`countable_words`."""
    names, vocabulary, counts = group_counts_of_words(documents, groups, min_df=min_df)
    if len(names) < 2 or not vocabulary:
        return {name: [] for name in names}
    pooled = counts.sum(axis=0)
    prior = informative_prior(pooled, alpha0)
    result = {}
    for position, name in enumerate(names):
        delta, z = log_odds(counts[position], pooled - counts[position], prior)
        best = [word for word in np.argsort(-z, kind="stable")[:top] if z[word] > 0]
        result[name] = [WordScore(vocabulary[word], int(counts[position, word]), round(float(delta[word]), 4), round(float(z[word]), 3))
                        for word in best]
    return result
