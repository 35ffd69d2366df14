"""Features of one actor mention in its sentence, for the learned actor-sentiment model.

Everything here reads what the analysis already computed: the sentence's whitespace words
and their VADER valences (:class:`~framing.detect.sentiment.SentenceValences`). No second
pass of VADER, no parser: a mention costs a few dozen string and dictionary operations,
and what does not depend on the mention is computed once per sentence
(:class:`SentenceWords`, :func:`sentence_features`).

The features say what the target's neighbourhood says about it:

* the words just before and after the mention ("criticized Trump", "Trump blamed"), as
  positional words (``l1``, ``r2``, ...), as the pair around it (``lr``) and as bags over
  windows of :data:`WINDOW` words (``l``, ``r``);
* the words of the whole sentence (``s``) and the mention's own words (``t``: a pronoun,
  a title);
* VADER's valences summed over the left and right windows, the clause (bounded as in
  :func:`~framing.detect.sentiment.clause_window`, but per word), the sentence, the
  mention itself, and over the sentence weighted by distance to the mention, split by sign
  (``v+left``, ``v-near``, ...);
* the mention's place: first or last in the sentence (``p=first``: usually the subject),
  possessive ("Trump's dishonest rhetoric"), inside quotation marks.
"""
from __future__ import annotations

import math

from framing.detect.sentiment import SentenceValences
from framing.spans import Span

WINDOW = 5  # words each side: wide enough for "X, who has long been accused of", short enough to stay X's
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?—–-…*"
_NUMBER_CHARS = frozenset("0123456789.,:%$")
_VADER_ALPHA = 15.0  # VADER's normalisation constant: compound = x / sqrt(x² + alpha)


def normalize(total: float) -> float:
    return total / math.sqrt(total * total + _VADER_ALPHA) if total else 0.0


def word_form(lowered: str) -> str:
    """A lowercased whitespace word as a feature: edge punctuation and possessive off, numbers folded."""
    word = lowered.strip(_EDGE_PUNCTUATION)
    if word.endswith("'s"):
        word = word[:-2]
    if word and (word[0].isdigit() or word[0] == "$") and _NUMBER_CHARS.issuperset(word):
        return "<num>"
    return word


# Clause edges, as in :func:`~framing.detect.sentiment.clause_window` but found per word, once
# per sentence: a clause ends after a word ending in one of these marks, and starts afresh
# at a contrastive conjunction ("..., but the rebels held Aleppo").
_CLAUSE_END_MARKS = frozenset(",;:—–()")
_CONTRASTIVE = frozenset({"but", "while", "whereas", "although", "though"})
BREAK_BEFORE, BREAK_AFTER = 1, 2

_FORMS: dict[str, tuple[str, int]] = {}  # raw lowercased word -> (form, clause breaks): news reuses its words
_FORMS_LIMIT = 200_000  # a long-running server forgets them all past this many


def _form(lowered: str) -> tuple[str, int]:
    known = _FORMS.get(lowered)
    if known is None:
        if len(_FORMS) >= _FORMS_LIMIT:
            _FORMS.clear()
        form = word_form(lowered)
        breaks = BREAK_BEFORE if form in _CONTRASTIVE or lowered[0] in "(—–" else 0
        if not _CLAUSE_END_MARKS.isdisjoint(lowered.rstrip("\"'”’")[-1:] + lowered[1:-1]):
            breaks |= BREAK_AFTER
        known = _FORMS[lowered] = (form, breaks)
    return known


class SentenceWords:
    """What a sentence's mentions share, computed once: word forms, clauses, valences."""

    __slots__ = ("sentence", "words", "clauses", "total", "valenced")

    def __init__(self, sentence: SentenceValences):
        self.sentence = sentence
        # the sentence's whitespace words, as VADER splits them (and as ``offsets`` finds them)
        lowered = sentence.text.lower().replace("’", "'").split()
        forms = [_FORMS.get(word) or _form(word) for word in lowered]  # most words are known: no call
        self.words = [form for form, _ in forms]
        self.clauses = _clause_numbers([breaks for _, breaks in forms])  # clause number of each word
        self.total = sum(sentence.valences)
        self.valenced = [(i, v) for i, v in enumerate(sentence.valences) if v]


def _clause_numbers(breaks: list[int]) -> list[int]:
    """Each word's clause number, from each word's clause breaks; only words with a break cost a step."""
    clauses: list[int] = []
    clause = done = 0
    for index, mark in enumerate(breaks):
        if not mark:
            continue
        if mark & BREAK_BEFORE and index > 0:  # "but" opens a clause of its own
            clauses.extend([clause] * (index - done))
            done, clause = index, clause + 1
        if mark & BREAK_AFTER:  # "Aleppo," ends its clause
            clauses.extend([clause] * (index + 1 - done))
            done, clause = index + 1, clause + 1
    clauses.extend([clause] * (len(breaks) - done))
    return clauses


SENTENCE_PREFIX = "s="


def sentence_features(words: SentenceWords) -> dict[str, float]:
    """The features every mention of the sentence shares: the sentence's bag of words."""
    return {SENTENCE_PREFIX + word: 1.0 for word in words.words if word}


def mention_features(words: SentenceWords, span: Span) -> dict[str, float]:
    """Every feature of the mention ``span`` (a :class:`Span` inside ``words.sentence``)."""
    features = sentence_features(words)
    features.update(window_features(words, span))
    return features


def window_features(words: SentenceWords, span: Span) -> dict[str, float]:
    """The features that depend on where the mention is (all but :func:`sentence_features`)."""
    sentence, forms = words.sentence, words.words
    count = len(forms)
    first, last = _words_touched(sentence, span)
    features: dict[str, float] = {}
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
    features["l1=" + (forms[first - 1] if first >= 1 else "<s>")] = 1.0
    features["l2=" + (forms[first - 2] if first >= 2 else "<s>")] = 1.0
    features["r1=" + (forms[last] if last < count else "</s>")] = 1.0
    features["r2=" + (forms[last + 1] if last + 1 < count else "</s>")] = 1.0
    if first > 0 and last < count:
        features[f"lr={forms[first - 1]}_{forms[last]}"] = 1.0
    _valence_features(features, words, span, first, last, left_from, right_to)
    _position_features(features, sentence, span, first, last, count)
    return features


def _words_touched(sentence: SentenceValences, span: Span) -> tuple[int, int]:
    """The sentence's whitespace words the mention touches, ``words[first:last]``: ``first``
    words end at or before the mention starts, ``last`` words start before it ends.

    Counted by splitting the text before each edge (at C speed) rather than from every
    word's offsets, which no other step needs. A word cut by the mention's start ("“Trump")
    continues into the mention (a mention starts on a token, never on a space), so it is not
    one of the ``first``.
    """
    before = sentence.text[:span.start - sentence.start]
    first = len(before.split()) - (1 if before and not before[-1].isspace() else 0)
    return first, len(sentence.text[:span.end - sentence.start].split())


def _valence_features(features: dict[str, float], words: SentenceWords, span: Span,
                      first: int, last: int, left_from: int, right_to: int) -> None:
    clauses = words.clauses
    if first < len(clauses):
        clause_first, clause_last = clauses[first], clauses[max(first, last - 1)]
    else:
        clause_first = clause_last = -1
    left = right = inside = near = clause = 0.0
    for i, value in words.valenced:
        if i < first:
            near += value / (1 + first - i)
            left += value if i >= left_from else 0.0
        elif i >= last:
            near += value / (2 + i - last)
            right += value if i < right_to else 0.0
        else:
            inside += value
        if clause_first <= clauses[i] <= clause_last:
            clause += value
    for name, value in (("left", left), ("right", right), ("near", near), ("clause", clause),
                        ("sentence", words.total), ("target", inside)):
        if value:
            score = normalize(value)
            features[("v+" if score > 0 else "v-") + name] = abs(score)


def _position_features(features: dict[str, float], sentence: SentenceValences, span: Span,
                       first: int, last: int, count: int) -> None:
    text, start = sentence.text, sentence.start
    if first == 0:
        features["p=first"] = 1.0
    if last >= count:
        features["p=last"] = 1.0
    if text.startswith(("'s", "’s"), span.end - start) or span.text.endswith(("'s", "’s")):
        features["p=possessive"] = 1.0
    before = text[:span.start - start]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        features["p=quoted"] = 1.0
