"""Sentiment of paragraphs and of each actor mention, from VADER.

VADER (Hutto & Gilbert 2014) scores a text by summing word valences adjusted by its rules
(negation, boosters, "but"). We run those rules once per sentence and keep the per-word
valences, then score any stretch of the sentence by re-normalising its slice: the clause
around an actor mention costs a sum, not another pass of VADER. This keeps the whole
analysis within a small multiple of running VADER over the sentences once.

Actor sentiment is about the actor, not the sentence: a mention is scored on its own
clause (bounded by commas, semicolons and contrastive conjunctions), so "Russian strikes
destroyed their depot, but the rebels held Aleppo" does not give the rebels the strikes'
negativity. :class:`MentionSentimentModel` is the seam a learned model plugs into.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from framing.spans import Span
from framing.text import Document, Sentence

POSITIVE_THRESHOLD = 0.05  # VADER's authors' recommended cut-offs for the compound score
NEGATIVE_THRESHOLD = -0.05
_WORD = re.compile(r"\S+")
_CLAUSE_BREAK = re.compile(r"[,;:—–()]|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bthough\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Score:
    compound: float
    label: str  # negative | neutral | positive

    @classmethod
    def of(cls, compound: float) -> Score:
        return cls(round(compound, 4), sentiment_label(compound))


def sentiment_label(compound: float) -> str:
    """negative | neutral | positive, by VADER's cut-offs (a report labels thousands of
    scores: this is :meth:`Score.of` without building a score)."""
    return "positive" if compound >= POSITIVE_THRESHOLD else "negative" if compound <= NEGATIVE_THRESHOLD else "neutral"


@dataclass(frozen=True)
class SentenceValences:
    """VADER's per-word valences for one sentence, with each word's character offsets."""

    text: str
    start: int
    valences: tuple[float, ...]

    @functools.cached_property
    def offsets(self) -> tuple[tuple[int, int], ...]:
        """Offsets of VADER's words (whitespace-separated), computed only if a mention needs them."""
        return tuple((self.start + m.start(), self.start + m.end()) for m in _WORD.finditer(self.text))


@functools.cache
def analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def sentence_valences(document: Document, sentence: Sentence) -> SentenceValences:
    """Run VADER's word rules over one sentence (as ``polarity_scores`` does) and keep them."""
    vader = analyzer()
    text = document.text[sentence.start:sentence.end]
    senti = SentiText(text)
    words = senti.words_and_emoticons
    lexicon = vader.lexicon
    valences: list[float] = []
    for position, lower in enumerate([word.lower() for word in words]):
        # VADER gives a word outside its lexicon 0 without looking at its neighbours, so
        # only lexicon words need its rules (most news words are not in it).
        if lower not in lexicon or lower in BOOSTER_DICT or (
            lower == "kind" and position + 1 < len(words) and words[position + 1].lower() == "of"
        ):
            valences.append(0)
            continue
        first = max(0, position - _READ_BEFORE)
        within_reach = _WordsInReach(words[first:position + _READ_AFTER + 1], senti.is_cap_diff)
        valences = vader.sentiment_valence(0, within_reach, words[position], position - first, valences)
    valences = SentimentIntensityAnalyzer._but_check(words, valences)
    return SentenceValences(text, sentence.start, tuple(valences))


# How far VADER's word rules read around a lexicon word: negations and boosters up to three
# words before it ("never so good", "not very good"), idioms up to two after ("kind of").
_READ_BEFORE, _READ_AFTER = 3, 2


class _WordsInReach(NamedTuple):
    """The part of a sentence VADER's word rules can read around one lexicon word, in the
    shape of VADER's ``SentiText`` (the two attributes ``sentiment_valence`` reads).

    The rules read at most three words before the word and two after it, yet lowercase the
    whole sentence up to four times for each lexicon word (``_negation_check``,
    ``_special_idioms_check``): a sentence of n words cost n² steps, most of VADER's time on
    long news sentences. Given only the words within reach, with the word's index shifted to
    match, the rules see the same neighbours, so the valence is the same
    (tests/detect/test_sentiment.py compares with ``polarity_scores``).
    """

    words_and_emoticons: list[str]
    is_cap_diff: bool  # computed by VADER over the whole sentence, as it would be


def score_valences(valences: list[float] | tuple[float, ...], text: str) -> dict:
    return analyzer().score_valence(list(valences), text)


def clause_window(sentence: SentenceValences, span: Span) -> tuple[int, int]:
    """Character bounds of the clause around ``span`` within its sentence."""
    relative_start = span.start - sentence.start
    relative_end = span.end - sentence.start
    left = 0
    for match in _CLAUSE_BREAK.finditer(sentence.text, 0, max(0, relative_start)):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(sentence.text, relative_end)
    right = right_match.start() if right_match else len(sentence.text)
    return sentence.start + left, sentence.start + right


class MentionSentimentModel(Protocol):
    """Scores sentiment toward the actor named by ``span`` in its sentence, in [-1, 1]."""

    name: str

    def score(self, sentence: SentenceValences, span: Span) -> float: ...


class VaderClauseModel:
    """VADER's compound score over the mention's clause (the default, documented baseline)."""

    name = "vader-clause"

    def score(self, sentence: SentenceValences, span: Span) -> float:
        start, end = clause_window(sentence, span)
        chosen = [v for (s, e), v in zip(sentence.offsets, sentence.valences) if s >= start and e <= end]
        return score_valences(chosen, sentence.text[start - sentence.start:end - sentence.start])["compound"]
