"""Features of one actor mention in its sentence, for the learned actor-sentiment model.

Everything here reads what the analysis already computed: the sentence's whitespace words
and their VADER valences (:class:`~framing.detect.sentiment.SentenceValences`). No second
pass of VADER, no parser: a mention costs a few dozen string and dictionary operations.

The features say what the target's neighbourhood says about it:

* the words just before and after the mention ("criticized Trump", "Trump blamed"), as
  positional words (``l1``, ``r1``, ...) and as bags over windows of :data:`WINDOW` words;
* the words of the whole sentence and the mention's own words (a pronoun, a title);
* VADER's valences summed over the left and right windows, the clause and the sentence,
  and weighted by distance to the mention, split by sign;
* the mention's place: first in the sentence (usually the subject), possessive
  ("Trump's dishonest rhetoric"), inside quotation marks.
"""
from __future__ import annotations

import math
import re

from framing.detect.sentiment import SentenceValences, clause_window
from framing.spans import Span

WINDOW = 5  # words each side: wide enough for "X, who has long been accused of", short enough to stay X's
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?—–-…*"
_NUMBER = re.compile(r"^[\d.,:%$]+$")
_VADER_ALPHA = 15.0  # VADER's normalisation constant: compound = x / sqrt(x² + alpha)


def normalize(total: float) -> float:
    return total / math.sqrt(total * total + _VADER_ALPHA) if total else 0.0


def word_form(raw: str) -> str:
    """A whitespace word as a feature: lowercased, edge punctuation off, numbers folded."""
    word = raw.strip(_EDGE_PUNCTUATION).lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if _NUMBER.match(word):
        return "<num>"
    return word


class SentenceWords:
    """The sentence's words as features, computed once and shared by its mentions."""

    __slots__ = ("sentence", "words", "total")

    def __init__(self, sentence: SentenceValences):
        self.sentence = sentence
        text, start = sentence.text, sentence.start
        self.words = [word_form(text[s - start:e - start]) for s, e in sentence.offsets]
        self.total = sum(sentence.valences)


def mention_features(words: SentenceWords, span: Span) -> dict[str, float]:
    """The feature map of the mention ``span`` (a :class:`Span` inside ``words.sentence``)."""
    sentence = words.sentence
    offsets, valences, forms = sentence.offsets, sentence.valences, words.words
    count = len(offsets)
    first = next((i for i, (s, e) in enumerate(offsets) if e > span.start), count)
    last = first
    while last < count and offsets[last][0] < span.end:
        last += 1
    features: dict[str, float] = {"bias": 1.0}
    for word in forms:
        if word:
            features["s=" + word] = 1.0
    for i in range(first, last):
        if forms[i]:
            features["t=" + forms[i]] = 1.0
    left_from = max(0, first - WINDOW)
    right_to = min(count, last + WINDOW)
    for i in range(left_from, first):
        if forms[i]:
            features["l=" + forms[i]] = 1.0
    for i in range(last, right_to):
        if forms[i]:
            features["r=" + forms[i]] = 1.0
    for step in (1, 2):
        features["l%d=%s" % (step, forms[first - step] if first - step >= 0 else "<s>")] = 1.0
        features["r%d=%s" % (step, forms[last + step - 1] if last + step - 1 < count else "</s>")] = 1.0
    if first > 0 and last < count:
        features["lr=%s_%s" % (forms[first - 1], forms[last])] = 1.0
    _valence_features(features, sentence, valences, first, last, left_from, right_to, words.total, span)
    _position_features(features, sentence, span, first, last, count)
    return features


def _valence_features(features, sentence, valences, first, last, left_from, right_to, total, span) -> None:
    left = sum(valences[left_from:first])
    right = sum(valences[last:right_to])
    inside = sum(valences[first:last])
    near = 0.0
    for i, value in enumerate(valences):
        if value and not first <= i < last:
            near += value / (1 + (first - i if i < first else i - last + 1))
    clause_start, clause_end = clause_window(sentence, span)
    clause = sum(v for (s, e), v in zip(sentence.offsets, valences) if s >= clause_start and e <= clause_end)
    for name, value in (("left", left), ("right", right), ("near", near), ("clause", clause), ("sentence", total),
                        ("target", inside)):
        score = normalize(value)
        if score > 0:
            features["v+" + name] = score
        elif score < 0:
            features["v-" + name] = -score


def _position_features(features, sentence, span, first, last, count) -> None:
    text, start = sentence.text, sentence.start
    if first == 0:
        features["p=first"] = 1.0
    if last >= count:
        features["p=last"] = 1.0
    tail = text[span.end - start:span.end - start + 2]
    if tail.startswith(("'s", "’s")) or span.text.endswith(("'s", "’s")):
        features["p=possessive"] = 1.0
    before = text[:span.start - start]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        features["p=quoted"] = 1.0
