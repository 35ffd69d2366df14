"""The detectors' pass over one text: document in, :class:`Findings` out.

This is the middle of the pipeline (text -> document -> detectors -> report): it segments
the text, labels paragraph kinds, and runs every detector once, in the order their inputs
need (attributions use actor mentions; hedges and loaded terms use attributions to tell
whose words they are). :mod:`framing.report` turns the findings into the report.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from framing import corpora, layout
from framing.detect.actors import ActorFindings, find_actor_mentions
from framing.detect.attribution import Attribution, find_attributions
from framing.detect.hedges import Hedge, find_hedges
from framing.detect.loaded import LoadedTerm, find_loaded_terms
from framing.detect.sentiment import MentionSentimentModel, SentenceValences, sentence_valences
from framing.profiles import ActorRegistry
from framing.text import Document, segment


@dataclass
class Findings:
    """Everything the detectors found in one text (an article body or its title)."""

    document: Document
    actors: ActorFindings
    attributions: list[Attribution]
    hedges: list[Hedge]
    loaded_terms: list[LoadedTerm]
    valences: dict[tuple[int, int], SentenceValences]  # (paragraph, sentence) -> VADER word valences
    mention_scores: list[float] = field(default_factory=list)  # parallel to actors.mentions


def detect(text: str, registry: ActorRegistry, model: MentionSentimentModel, as_title: bool = False,
           body: Findings | None = None) -> Findings:
    """Run every detector over ``text`` (an article body, or its title when ``as_title``;
    a title's names are looked up among those the ``body`` introduced)."""
    document = segment(text)
    if as_title:
        for paragraph in document.paragraphs:
            paragraph.kind = "title"
    else:
        layout.classify(document)
    actors = find_actor_mentions(document, registry, body.actors if body is not None else None)
    attributions = find_attributions(document, registry, actors)
    hedges = find_hedges(document, corpora.hedges(), attributions)
    loaded = find_loaded_terms(document, corpora.loaded_terms(), attributions, actors)
    valences = {
        (paragraph.index, sentence.index): sentence_valences(document, sentence)
        for paragraph in document.paragraphs if paragraph.kind != "credit"
        for sentence in paragraph.sentences
    }
    scores = [model.score(valences[(m.paragraph, m.sentence)], m.span) for m in actors.mentions]
    return Findings(document, actors, attributions, hedges, loaded, valences, scores)
