"""Loaded terms: emotive, pejorative or partisan wording, and who chose it.

Each match names its lexicon entry and category (corpora/loaded_terms.tsv), a neutral
alternative where one exists, and its voice. Inside quotation marks the word is the
speaker's; outside them it is the writer's choice, including in paraphrase ("Moscow says
has targeted the militant group": the reporter, not Moscow, chose "militant group"),
which follows Recasens et al. (2013): framing bias lives in the words the writer picks.
Labels ("regime", "militant group", "Daesh") also name the actor they are applied to.
"""
from __future__ import annotations

from dataclasses import dataclass

from framing.corpora import LoadedLexicon
from framing.detect.actors import ActorFindings, ActorMention
from framing.detect.attribution import Attribution, group_by_paragraph
from framing.detect.lexicon_hits import lexicon_hits
from framing.detect.voice import Voice, voice_of
from framing.spans import Span
from framing.text import Document, Paragraph


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    paragraph: int
    span: Span
    term: str
    category: str
    neutral: str | None
    voice: Voice
    target_actor: str | None
    note: str


def find_loaded_terms(document: Document, lexicon: LoadedLexicon, attributions: list[Attribution], actors: ActorFindings) -> list[LoadedTerm]:
    by_paragraph = group_by_paragraph(attributions)
    mentions = group_by_paragraph(actors.mentions)
    found = []
    for hit in lexicon_hits(document, lexicon.index):
        entry, paragraph, span = hit.entry, hit.paragraph, hit.span
        voice = voice_of(span, paragraph, by_paragraph.get(paragraph.index, []))
        if voice.voice == "attributed":
            voice = Voice("authorial", None)  # paraphrase: the writer's wording
        target = _target(span, mentions.get(paragraph.index, []), paragraph) if entry.targets else None
        found.append(LoadedTerm(paragraph.index, span, entry.term, entry.category, entry.neutral, voice, target, entry.note))
    return found


def _target(span: Span, mentions: list[ActorMention], paragraph: Paragraph) -> str | None:
    """The actor a label is applied to: the mention it overlaps or touches ("Assad regime")."""
    best = None
    best_gap = 4  # characters: "Assad regime", "regime of Assad" is 4 with "of "
    for mention in mentions:
        if mention.span.overlaps(span):
            return mention.actor
        gap = span.start - mention.span.end if mention.span.end <= span.start else mention.span.start - span.end
        between = paragraph.text[min(span.end, mention.span.end) - paragraph.start:max(span.start, mention.span.start) - paragraph.start]
        if gap <= best_gap and between.strip(" ’'s") in ("", "of", "of the"):
            best, best_gap = mention.actor, gap
    return best
