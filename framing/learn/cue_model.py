"""The learned attribution-cue tagger: which words, beyond our lexicon's rules, are cues.

Trained by ``framing train attribution`` (:mod:`framing.training.attribution`) on
PolNeAR and stored as plain JSON in ``corpora/attribution_cue_model.json``: the candidate
words, one weight per feature (:mod:`framing.learn.cue_features`), an intercept and two
thresholds chosen by cross-validation, at which a candidate the rules missed becomes a
cue: one for words our lexicon lists, one for the others.

Only candidate words are scored: word forms seen inside PolNeAR cues often enough, plus
our lexicon's one-word cues. A word that is not a candidate costs one set look-up, so the
tagger adds little to an analysis; a candidate costs a few dozen dictionary look-ups.
"""
from __future__ import annotations

import functools
import itertools
import math

from framing.corpora import read_data_json
from framing.errors import CorpusError
from framing.learn.cue_features import cue_features
from framing.text import Token

MODEL_FILE = "attribution_cue_model.json"
MODEL_NAME = "attribution-cue-linear"
_ZEROS = itertools.repeat(0.0)  # the default weight of an unknown feature, for map()


class CueModel:
    """Scores candidate words with stored logistic-regression parameters."""

    def __init__(self, parameters: dict):
        if parameters.get("model") != MODEL_NAME:
            raise CorpusError(f"{MODEL_FILE}: not an {MODEL_NAME} model")
        self.version: str = parameters["version"]
        self.candidates: frozenset[str] = frozenset(parameters["candidates"])
        self.intercept: float = parameters["intercept"]
        # a candidate the rules missed is a cue from this probability, if our lexicon lists it / if not
        self.threshold_listed: float = parameters["threshold_listed"]
        self.threshold_unlisted: float = parameters["threshold_unlisted"]
        self.weights: dict[str, float] = parameters["weights"]
        # a candidate's dictionary form, when it is not the form itself ("endorsed" -> "endorse")
        self.lemmas: dict[str, str] = parameters.get("lemmas", {})
        # forms PolNeAR reads as cues in most of their uses, whatever follows them
        self.unambiguous: frozenset[str] = frozenset(parameters.get("unambiguous", ()))
        if not (0.0 < self.threshold_listed < 1.0 and 0.0 < self.threshold_unlisted < 1.0):
            raise CorpusError(f"{MODEL_FILE}: thresholds must lie between 0 and 1")

    def probability(self, tokens: list[Token], index: int, first: int, last: int, quoted: bool,
                    sentence_quoted: bool, lexicon: str | None) -> float:
        """P(cue) for ``tokens[index]`` in the sentence ``tokens[first..last]``."""
        return self.probability_of(cue_features(tokens, index, first, last, quoted, sentence_quoted, lexicon))

    def probability_of(self, features: list[str]) -> float:
        total = self.intercept + sum(map(self.weights.get, features, _ZEROS))  # a C loop: this runs per candidate
        if total < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-total))


def stored_parameters() -> dict:
    return read_data_json(MODEL_FILE)


@functools.cache
def load_cue_model() -> CueModel:
    """The model shipped in ``corpora/``, built once per process and shared (it has no state)."""
    return CueModel(stored_parameters())
