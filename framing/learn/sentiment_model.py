"""The learned actor-sentiment model: a linear classifier over :mod:`framing.learn.features`.

Trained by ``framing train sentiment`` (:mod:`framing.learn.train`) on NewsMTSC and stored
as plain JSON in ``corpora/actor_sentiment_model.json``: one weight per class for each
feature name, and an intercept per class. Scoring a mention is a sum of the weights of
its features (a few dozen dictionary look-ups) and a softmax, so it adds microseconds,
not another model run, to an analysis.
"""
from __future__ import annotations

import functools
import json
import math

from framing.corpora import _data_files
from framing.detect.sentiment import POSITIVE_THRESHOLD, SentenceValences
from framing.errors import CorpusError
from framing.learn.features import SentenceWords, mention_features
from framing.spans import Span

MODEL_FILE = "actor_sentiment_model.json"
CLASSES = ("negative", "neutral", "positive")


class LearnedSentimentModel:
    """A :class:`~framing.detect.sentiment.MentionSentimentModel` from stored parameters.

    ``score`` is P(positive) − P(negative), clamped so that its label under the report's
    ±0.05 cut-offs (:meth:`Score.of`) is always the most probable class: a mention the
    model finds neutral never reads as slightly positive because of a lean of 0.06.
    """

    def __init__(self, parameters: dict):
        if tuple(parameters.get("classes", ())) != CLASSES:
            raise CorpusError(f"{MODEL_FILE}: classes must be {list(CLASSES)}")
        self.name = f"{parameters['model']} {parameters['version']}"
        self.version = parameters["version"]
        self.intercept = tuple(parameters["intercept"])
        self.weights: dict[str, list[float]] = parameters["weights"]
        self._words: SentenceWords | None = None  # the last sentence's words: mentions come sentence by sentence

    def probabilities(self, sentence: SentenceValences, span: Span) -> tuple[float, float, float]:
        words = self._words
        if words is None or words.sentence is not sentence:
            words = self._words = SentenceWords(sentence)
        return self.probabilities_of(mention_features(words, span))

    def probabilities_of(self, features: dict[str, float]) -> tuple[float, float, float]:
        negative, neutral, positive = self.intercept
        weights = self.weights
        for feature, value in features.items():
            row = weights.get(feature)
            if row is not None:
                negative += row[0] * value
                neutral += row[1] * value
                positive += row[2] * value
        top = max(negative, neutral, positive)
        exps = (math.exp(negative - top), math.exp(neutral - top), math.exp(positive - top))
        total = sum(exps)
        return exps[0] / total, exps[1] / total, exps[2] / total

    def predict(self, sentence: SentenceValences, span: Span) -> str:
        return self.predict_features(mention_features(SentenceWords(sentence), span))

    def predict_features(self, features: dict[str, float]) -> str:
        probabilities = self.probabilities_of(features)
        return CLASSES[probabilities.index(max(probabilities))]

    def score(self, sentence: SentenceValences, span: Span) -> float:
        negative, neutral, positive = self.probabilities(sentence, span)
        margin = positive - negative
        edge = POSITIVE_THRESHOLD
        if neutral >= negative and neutral >= positive:
            return max(-edge * 0.99, min(edge * 0.99, margin))
        return max(edge, margin) if positive > negative else min(-edge, margin)


@functools.cache
def stored_parameters() -> dict:
    try:
        return json.loads((_data_files() / MODEL_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CorpusError(f"corpus file {MODEL_FILE} is missing") from error


def load_model() -> LearnedSentimentModel:
    """The model shipped in ``corpora/`` (parameters parsed once per process)."""
    return LearnedSentimentModel(stored_parameters())
