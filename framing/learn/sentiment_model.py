"""The learned actor-sentiment model: a linear classifier over :mod:`framing.learn.features`.

Trained by ``framing train sentiment`` (:mod:`framing.training.sentiment`) on NewsMTSC and stored
as plain JSON in ``corpora/actor_sentiment_model.json``: one weight per class for each
feature name, and an intercept per class. Scoring a mention is a sum of the weights of
its features (a few dozen dictionary look-ups) and a softmax, so it adds microseconds,
not another model run, to an analysis.
"""
from __future__ import annotations

import functools
import json
import math

from framing.corpora import read_data_text
from framing.detect.sentiment import POSITIVE_THRESHOLD, SentenceValences
from framing.errors import CorpusError
from framing.learn.features import SENTENCE_PREFIX, SentenceWords, window_features
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
        prefix = len(SENTENCE_PREFIX)
        self._bag = {name[prefix:]: row for name, row in self.weights.items() if name.startswith(SENTENCE_PREFIX)}
        # The last sentence's words and sentence-wide logits: an analysis scores mentions
        # sentence by sentence, so what they share is computed once.
        self._sentence: tuple[SentenceWords, tuple[float, float, float]] | None = None

    def probabilities(self, sentence: SentenceValences, span: Span) -> tuple[float, float, float]:
        cached = self._sentence
        if cached is None or cached[0].sentence is not sentence:
            words = SentenceWords(sentence)
            cached = self._sentence = (words, self._bag_logits(words))
        words, base = cached
        return _softmax(self._logits(window_features(words, span), base))

    def probabilities_of(self, features: dict[str, float]) -> tuple[float, float, float]:
        return _softmax(self._logits(features, self.intercept))

    def _bag_logits(self, words: SentenceWords) -> tuple[float, float, float]:
        """The intercepts plus the sentence's bag of words (:func:`sentence_features`), by bare word."""
        negative, neutral, positive = self.intercept
        bag = self._bag
        for word in set(words.words):
            row = bag.get(word)
            if row is not None:
                negative += row[0]
                neutral += row[1]
                positive += row[2]
        return negative, neutral, positive

    def _logits(self, features: dict[str, float], base: tuple[float, float, float]) -> tuple[float, float, float]:
        negative, neutral, positive = base
        weights = self.weights
        for feature, value in features.items():
            row = weights.get(feature)
            if row is not None:
                negative += row[0] * value
                neutral += row[1] * value
                positive += row[2] * value
        return negative, neutral, positive

    def predict(self, sentence: SentenceValences, span: Span) -> str:
        probabilities = self.probabilities(sentence, span)
        return CLASSES[probabilities.index(max(probabilities))]

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


def _softmax(logits: tuple[float, float, float]) -> tuple[float, float, float]:
    top = max(logits)
    exps = [math.exp(value - top) for value in logits]
    total = sum(exps)
    return exps[0] / total, exps[1] / total, exps[2] / total


@functools.cache
def stored_parameters() -> dict:
    return json.loads(read_data_text(MODEL_FILE))


@functools.cache
def load_model() -> LearnedSentimentModel:
    """The model shipped in ``corpora/``, built once per process and shared.

    Sharing is safe across threads: the one piece of state, the last sentence's cache, is
    read once into a local and replaced whole, so a race only costs a recomputation.
    """
    return LearnedSentimentModel(stored_parameters())
