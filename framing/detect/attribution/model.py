"""What an attribution is: the findings (source, cue, attribution) and the state one
document's search shares.

"Le Drian said that Islamic State was ..." is one :class:`Attribution`: the
:class:`Cue` "said", the :class:`Source` "Le Drian" (with its actor, type and side) and
the content span "Islamic State was ...". Every step reads and builds these, so they sit
below all of them; :class:`Context` carries what the steps share while one document is
read (the attributions found so far, the actor mentions, where coordinated clauses end).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from framing.corpora import ReportingCue
from framing.detect.actors import ActorFindings, ActorMention
from framing.profiles import ActorRegistry
from framing.spans import Span
from framing.text import Document, Paragraph, Sentence, Token

LEARNED_KIND = "learned"  # the ``kind`` of a cue our lexicon does not list


@dataclass(frozen=True, slots=True)
class Source:
    span: Span
    actor: str | None
    type: str
    anonymous: bool
    side: str
    resolved_from: Span | None = None  # the pronoun ("he", "It") this source was resolved from


@dataclass(frozen=True, slots=True)
class Cue:
    span: Span
    lemma: str
    stance: str
    act: str = "speech"  # speech | belief | intention
    # False for a word only the learned tagger reads as a cue ("rebuffed", "delivered"): it
    # is reported, but not counted as a voice in the sourcing figures (framing.report)
    listed: bool = True


@dataclass
class Attribution:
    paragraph: int
    sentence: int
    pattern: str
    cue: Cue
    source: Source | None
    content: Span | None
    quote: str = "indirect"  # direct | indirect | partial | mixed
    embedded: bool = False
    hedged: bool = False
    hedge_reasons: list[str] = field(default_factory=list)


@dataclass
class Context:
    document: Document
    registry: ActorRegistry
    actors: ActorFindings
    found: list[Attribution]
    mentions_by_paragraph: dict[int, list[ActorMention]]
    # character offsets where a clause with its own cue begins ("... but said"): content
    # begun earlier in the sentence stops there
    clause_ends: list[int] = field(default_factory=list)
    # capitalised words met inside sentences of body paragraphs, and those of them that end
    # a multiword name ("John Brennan"): built on first need (see _proper_words in sources.py)
    proper_words: tuple[frozenset[str], frozenset[str]] | None = None


def group_by_paragraph(findings: list) -> dict[int, list]:
    """Findings (anything with a ``paragraph`` index) grouped by paragraph, in order."""
    grouped: dict[int, list] = {}
    for finding in findings:
        grouped.setdefault(finding.paragraph, []).append(finding)
    return grouped


def token_span(context, tokens: list[Token], first: int, last: int) -> Span:
    return context.document.span(tokens[first].start, tokens[last].end)


def sentence_of(paragraph: Paragraph, offset: int) -> Sentence:
    for sentence in paragraph.sentences:
        if sentence.start <= offset < sentence.end + 1:
            return sentence
    return paragraph.sentences[-1]


def make_cue(cue: ReportingCue, cue_span: Span) -> Cue:
    return Cue(cue_span, cue.lemma, cue.stance, cue.act, cue.kind != LEARNED_KIND)
