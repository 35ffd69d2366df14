"""Recognise the names in an article: candidate runs, their features, the model's kind.

The steps of :mod:`.names` (where names may be) and :mod:`framing.learn.name_model` (what
kind each is) meet here, once for training and analysis alike, so both see the same runs
and features.
"""
from __future__ import annotations

from typing import NamedTuple

from framing import corpora
from framing.detect.actors.names import (
    CALENDAR_WORDS, NameRun, headline_sentences, joined_particle_starts, name_runs, opens_sentence,
)
from framing.learn.name_features import DocumentEvidence, name_features
from framing.learn.name_model import load_name_model
from framing.profiles import ActorRegistry, default_registry
from framing.text import Document, Paragraph, Token


# A lone capitalised word opening a sentence is a name only when the model is this sure:
# the capital itself says nothing there ("Inspectors said ...", "Santorum said ...").
SENTENCE_START_MIN_PROBABILITY = 0.8


class RecognisedName(NamedTuple):
    paragraph: Paragraph
    run: NameRun
    kind: str  # person | organization | place | none | listed (a registry name: the gazetteer rules read it)
    probability: float


class Candidate(NamedTuple):
    """One candidate run and what its features are computed from (on demand: an analysis
    skips the features of runs it can settle without the model)."""

    paragraph: Paragraph
    run: NameRun
    sentence_first: int
    sentence_last: int
    gazetteer_type: str | None  # the registry's type when the run is exactly a registry name

    def features(self, evidence: DocumentEvidence) -> list[str]:
        return name_features(self.paragraph.tokens, self.run, self.sentence_first, self.sentence_last, evidence, self.gazetteer_type)


def candidate_runs(document: Document, common_words: frozenset[str], registry: ActorRegistry | None = None,
                   paragraphs: list[Paragraph] | None = None,
                   headlines: set[tuple[int, int]] | None = None) -> tuple[list[Candidate], DocumentEvidence]:
    """Every candidate run outside headlines, and the article-wide evidence its features need."""
    registry = registry or default_registry()
    paragraphs = paragraphs if paragraphs is not None else document.paragraphs
    if headlines is None:
        headlines = headline_sentences(paragraphs, common_words)
    evidence = DocumentEvidence.of([p.tokens for p in document.paragraphs], common_words)
    titles = corpora.titles().index
    found = []
    for paragraph in paragraphs:
        tokens = paragraph.tokens
        title_starts = frozenset(titles.starts_in(paragraph))
        joined_starts = joined_particle_starts(paragraph)
        for sentence in paragraph.sentences:
            first, last = sentence.tokens[0].index, sentence.tokens[-1].index
            if (paragraph.index, sentence.index) in headlines:
                continue
            for run in name_runs(tokens, first, last, title_starts, joined_starts):
                run = _without_capitalised_common_words(tokens, run, first, common_words)
                if run is None:
                    continue
                if run.first == run.last and run.title is None and tokens[run.first].lower in CALENDAR_WORDS:
                    continue  # "on Tuesday", "in January": never an actor, and frequent
                whole_title = titles.at(tokens, run.first)
                if whole_title is not None and whole_title.last == run.last:
                    continue  # "The President later ...": a title alone names no one
                known = registry.names.at(tokens, run.first)
                gazetteer_type = None
                if known is not None and known.last == run.last:
                    actor = registry.actors.get(known.entry.actor)
                    gazetteer_type = actor.type if actor else None
                found.append(Candidate(paragraph, run, first, last, gazetteer_type))
    return found, evidence


def _without_capitalised_common_words(tokens: list[Token], run: NameRun, sentence_first: int,
                                      common_words: frozenset[str]) -> NameRun | None:
    """A sentence's first word has a capital whatever it is: "Officials said ...", "Senior
    Iranian officials ...". When news usually writes that word in lower case, it is not
    taken as (the start of) a name."""
    if run.title is not None or not opens_sentence(tokens, run.first, sentence_first):
        return run
    first = run.first
    particles = corpora.name_words().kinds
    while first <= run.last and tokens[first].lower in common_words and particles.get(tokens[first].lower) != "particle":
        first += 1
    if first > run.last:
        return None
    return run if first == run.first else NameRun(first, run.last)


def recognise_names(document: Document, registry: ActorRegistry, paragraphs: list[Paragraph],
                    headlines: set[tuple[int, int]]) -> list[RecognisedName]:
    """Every candidate run with the kind the model gives it (``none`` included: a run the
    model doubts may still be a name the article introduced, "Von der Leyen" opening a
    sentence, or head a group, "Nebraska officials").

    Two kinds of run are settled without the model: a registry name (``listed``: the
    gazetteer rules read it), and a lone word that is the last word of a longer name the
    model called a person ("Akin" after "Todd Akin"): coreference links it, whatever the
    model would say of it, so runs of several words are scored first.
    """
    model = load_name_model()
    candidates, evidence = candidate_runs(document, model.common_words, registry, paragraphs, headlines)
    kinds: dict[int, tuple[str, float]] = {}
    surnames: set[str] = set()
    places = corpora.places().names
    for number, candidate in enumerate(candidates):
        if candidate.gazetteer_type is not None:
            kinds[number] = ("listed", 1.0)
        elif candidate.run.title is None and _words(candidate) in places:
            kinds[number] = ("place", 1.0)  # "a Democrat from Oregon": the model may take it for a surname
        elif candidate.run.last > candidate.run.first:
            kinds[number] = model.kind(candidate.features(evidence))
            if kinds[number][0] == "person":
                surnames.add(candidate.paragraph.tokens[candidate.run.last].text)
    found = []
    for number, candidate in enumerate(candidates):
        run = candidate.run
        if kinds.get(number, ("",))[0] == "place" and run.first == run.last and candidate.paragraph.tokens[run.first].text in surnames:
            kinds[number] = ("person", 1.0)  # "Denzel Washington ... Washington added"
        if number not in kinds:
            if candidate.paragraph.tokens[run.first].text in surnames:
                kinds[number] = ("person", 1.0)
            else:
                features = candidate.features(evidence)
                kind, probability = model.kind(features)
                if run.title is None and "sentence_start" in features and probability < SENTENCE_START_MIN_PROBABILITY:
                    kind = "none"
                kinds[number] = (kind, probability)
        found.append(RecognisedName(candidate.paragraph, run, *kinds[number]))
    return found


def _words(candidate: Candidate) -> tuple[str, ...]:
    return tuple(token.lower for token in candidate.paragraph.tokens[candidate.run.first:candidate.run.last + 1])
