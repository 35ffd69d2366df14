"""Hedges and boosters: the words that weaken or strengthen commitment to a claim.

"But the campaign appears to have mainly struck other rebel groups" is the writer
hedging; "Moscow says the strikes will clearly ..." is a source boosting. Cues come from
corpora/hedges.tsv (after Hyland's metadiscourse model); sense filters drop "May 5" and
"make sure". The voice says whose commitment is qualified.
"""
from __future__ import annotations

from dataclasses import dataclass

from framing.corpora import HedgeLexicon
from framing.detect.attribution import Attribution
from framing.detect.voice import Voice, voice_of
from framing.spans import Span
from framing.text import Document


@dataclass(frozen=True, slots=True)
class Hedge:
    paragraph: int
    span: Span
    term: str
    kind: str  # hedge | booster
    category: str
    voice: Voice


def find_hedges(document: Document, lexicon: HedgeLexicon, attributions: list[Attribution]) -> list[Hedge]:
    found = []
    for paragraph in document.paragraphs:
        if paragraph.kind in ("caption", "credit"):
            continue
        in_paragraph = [a for a in attributions if a.paragraph == paragraph.index]
        for sentence in paragraph.sentences:
            tokens = sentence.tokens
            for match in lexicon.index.scan(tokens):
                entry = match.entry
                if entry.senses.rejects(tokens, match.first, match.last):
                    continue
                if tokens[match.first].is_capitalized and match.first > 0 and entry.category == "modal":
                    continue  # "May" mid-sentence is the month
                span = document.span(tokens[match.first].start, tokens[match.last].end)
                found.append(Hedge(paragraph.index, span, entry.term, entry.kind, entry.category, voice_of(span, paragraph, in_paragraph)))
    return found
