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
from framing.detect.attribution import Attribution
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
    found = []
    for paragraph in document.paragraphs:
        if paragraph.kind in ("caption", "credit"):
            continue
        in_paragraph = [a for a in attributions if a.paragraph == paragraph.index]
        mentions = actors.in_paragraph(paragraph.index)
        for sentence in paragraph.sentences:
            tokens = sentence.tokens
            for match in lexicon.index.scan(tokens):
                entry = match.entry
                if entry.senses.rejects(tokens, match.first, match.last):
                    continue
                span = document.span(tokens[match.first].start, tokens[match.last].end)
                voice = voice_of(span, paragraph, in_paragraph)
                if voice.voice == "attributed":
                    voice = Voice("authorial", None)  # paraphrase: the writer's wording
                target = _target(span, entry.targets, mentions, paragraph) if entry.targets else None
                found.append(LoadedTerm(paragraph.index, span, entry.term, entry.category, entry.neutral, voice, target, entry.note))
    return found


def _target(span: Span, targets: tuple[str, ...], mentions: list[ActorMention], paragraph: Paragraph) -> str | None:
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
