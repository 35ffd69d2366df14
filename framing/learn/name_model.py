"""The name-kind model: is a run of capitalised words a person, an organisation, a place, or none?

Trained by ``framing train names`` (:mod:`framing.training.names`) on GUM's entity
annotation and stored as plain JSON in ``corpora/name_model.json``: one weight per feature
and class, and an intercept per class (multinomial logistic regression). Scoring a run is
a few dozen dictionary look-ups per class, so the model adds little to an analysis.
"""
from __future__ import annotations

import functools
import itertools
import math

from framing.corpora import read_data_json
from framing.errors import CorpusError

MODEL_FILE = "name_model.json"
MODEL_NAME = "name-kind-linear"
KINDS = ("none", "person", "organization", "place")
_ZEROS = itertools.repeat(0.0)  # the weight of a feature a class has none for, for map()


class NameModel:
    """Scores candidate names with stored multinomial logistic-regression parameters."""

    def __init__(self, parameters: dict):
        if parameters.get("model") != MODEL_NAME:
            raise CorpusError(f"{MODEL_FILE}: not a {MODEL_NAME} model")
        if tuple(parameters["classes"]) != KINDS:
            raise CorpusError(f"{MODEL_FILE}: classes must be {KINDS}")
        self.version: str = parameters["version"]
        self.intercepts: list[float] = parameters["intercepts"]
        self.weights: dict[str, list[float]] = parameters["weights"]
        # one dictionary per class, so a run's score is one C-level sum per class
        self._by_class = [{name: row[index] for name, row in self.weights.items() if row[index]} for index in range(len(KINDS))]
        # words news writes in lower case most of the time: a capital on one is weak evidence
        self.common_words: frozenset[str] = frozenset(parameters["common_words"])

    def probabilities(self, features: list[str]) -> dict[str, float]:
        totals = [intercept + sum(map(weights.get, features, _ZEROS)) for intercept, weights in zip(self.intercepts, self._by_class)]
        top = max(totals)
        exps = [math.exp(total - top) for total in totals]
        whole = sum(exps)
        return {kind: value / whole for kind, value in zip(KINDS, exps)}

    def kind(self, features: list[str]) -> tuple[str, float]:
        """The likeliest kind and its probability."""
        probabilities = self.probabilities(features)
        best = max(KINDS, key=probabilities.__getitem__)
        return best, probabilities[best]


@functools.cache
def load_name_model() -> NameModel:
    """The model shipped in ``corpora/``, built once per process and shared (it has no state)."""
    return NameModel(read_data_json(MODEL_FILE))
