"""Hedges and boosters: the words that weaken or strengthen commitment to a claim.

"But the campaign appears to have mainly struck other rebel groups" is the writer
hedging; "Moscow says the strikes will clearly ..." is a source boosting. Cues come from
corpora/hedges.tsv (after Hyland's metadiscourse model); sense filters drop "May 5" and
"make sure". The voice says whose commitment is qualified.
"""
from __future__ import annotations

from dataclasses import dataclass

from framing.corpora import HedgeLexicon
from framing.detect.attribution import Attribution, group_by_paragraph
from framing.detect.lexicon_hits import lexicon_hits
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
    by_paragraph = group_by_paragraph(attributions)
    found = []
    for hit in lexicon_hits(document, lexicon.index):
        entry = hit.entry
        if hit.tokens[hit.first].is_capitalized and hit.first > 0 and entry.category == "modal":
            continue  # "May" mid-sentence is the month
        voice = voice_of(hit.span, hit.paragraph, by_paragraph.get(hit.paragraph.index, []))
        found.append(Hedge(hit.paragraph.index, hit.span, entry.term, entry.kind, entry.category, voice))
    return found
