"""Readability of paragraphs and of the whole article.

Flesch Reading Ease (Flesch 1948) and Flesch-Kincaid Grade (Kincaid et al. 1975) from the
counts we already have (words and sentences from our segmenter) and textstat's syllable
counter (CMU dictionary, with a hyphenation fallback). Computing the published formulas
over shared counts keeps paragraph and document figures consistent and avoids textstat
re-tokenising every paragraph.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import textstat

from framing.text import Token


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def flesch_reading_ease(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return round(206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words, 2)

    @property
    def flesch_kincaid_grade(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return round(0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 2)

    def __add__(self, other: Readability) -> Readability:
        return Readability(self.words + other.words, self.sentences + other.sentences, self.syllables + other.syllables)


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    return max(1, textstat.syllable_count(word))


def readability(tokens: list[Token], sentence_count: int) -> Readability:
    words = [token.lower for token in tokens if token.is_word and not token.text[0].isdigit()]
    return Readability(len(words), sentence_count, sum(map(syllables, words)))  # map: no Python frame per word
