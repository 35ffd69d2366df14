"""Recognise the names in an article: candidate runs, their features, the model's kind.

The steps of :mod:`.names` (where names may be) and :mod:`framing.learn.name_model` (what
kind each is) meet here, once for training and analysis alike, so both see the same runs
and features.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from framing import corpora
from framing.detect.actors.names import NameRun, is_title_case, name_runs, opens_sentence
from framing.learn.name_features import DocumentEvidence, name_features
from framing.learn.name_model import load_name_model
from framing.profiles import ActorRegistry, default_registry
from framing.text import Document, Paragraph, Token


# A lone capitalised word opening a sentence is a name only when the model is this sure:
# the capital itself says nothing there ("Inspectors said ...", "Santorum said ...").
SENTENCE_START_MIN_PROBABILITY = 0.8


@dataclass(frozen=True, slots=True)
class RecognisedName:
    paragraph: Paragraph
    run: NameRun
    kind: str  # person | organization | place | none
    probability: float


def candidate_runs(document: Document, common_words: frozenset[str], registry: ActorRegistry | None = None,
                   paragraphs: list[Paragraph] | None = None) -> Iterator[tuple[NameRun, list[Token], list[str]]]:
    """Every candidate run outside headlines, with the features the model scores."""
    registry = registry or default_registry()
    evidence = DocumentEvidence.of([p.tokens for p in document.paragraphs], common_words)
    titles = corpora.titles().index
    for paragraph in paragraphs if paragraphs is not None else document.paragraphs:
        tokens = paragraph.tokens
        for sentence in paragraph.sentences:
            first, last = sentence.tokens[0].index, sentence.tokens[-1].index
            if is_title_case(sentence.tokens, common_words):
                continue
            for run in name_runs(tokens, first, last):
                run = _without_capitalised_common_words(tokens, run, first, common_words)
                if run is None:
                    continue
                whole_title = titles.at(tokens, run.first)
                if whole_title is not None and whole_title.last == run.last:
                    continue  # "The President later ...": a title alone names no one
                known = registry.names.at(tokens, run.first)
                gazetteer_type = None
                if known is not None and known.last == run.last:
                    actor = registry.actors.get(known.entry.actor)
                    gazetteer_type = actor.type if actor else None
                yield run, tokens, name_features(tokens, run, first, last, evidence, gazetteer_type)


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


def recognise_names(document: Document, registry: ActorRegistry, paragraphs: list[Paragraph]) -> list[RecognisedName]:
    """Every candidate run with the kind the model gives it (``none`` included: a run the
    model doubts may still be a name the article introduced, "Von der Leyen" opening a
    sentence, or head a group, "Nebraska officials")."""
    model = load_name_model()
    by_first_token = {id(p.tokens): p for p in paragraphs}
    found = []
    for run, tokens, features in candidate_runs(document, model.common_words, registry, paragraphs):
        kind, probability = model.kind(features)
        if run.first == run.last and run.title is None and "sentence_start" in features and probability < SENTENCE_START_MIN_PROBABILITY:
            kind = "none"
        found.append(RecognisedName(by_first_token[id(tokens)], run, kind, probability))
    return found
