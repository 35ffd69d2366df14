"""Lexicon matches in the analysable paragraphs of a document, shared by the detectors
that flag words (hedges, loaded terms): one place decides which paragraphs count and
applies each entry's sense filter."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar
from collections.abc import Iterator

from framing.corpora import PhraseIndex
from framing.spans import Span
from framing.text import Document, Paragraph, Token

SKIPPED_KINDS = ("caption", "credit")  # a photo credit or byline has no hedges or labels
EntryT = TypeVar("EntryT")


@dataclass(frozen=True, slots=True)
class Hit(Generic[EntryT]):
    paragraph: Paragraph
    tokens: list[Token]  # the sentence's tokens
    first: int  # index into ``tokens``
    entry: EntryT
    span: Span


def lexicon_hits(document: Document, index: PhraseIndex[EntryT]) -> Iterator[Hit[EntryT]]:
    for paragraph in document.paragraphs:
        if paragraph.kind in SKIPPED_KINDS:
            continue
        starts = index.starts_in(paragraph)  # from the paragraph's words, once for all its sentences
        if not starts:
            continue  # most paragraphs hold no term of a lexicon
        for sentence in paragraph.sentences:
            tokens = sentence.tokens
            first = tokens[0].index
            within = [position - first for position in starts if first <= position < first + len(tokens)]
            if not within:
                continue
            for match in index.scan(tokens, within):
                if match.entry.senses.rejects(tokens, match.first, match.last):
                    continue
                span = document.span(tokens[match.first].start, tokens[match.last].end)
                yield Hit(paragraph, tokens, match.first, match.entry, span)
