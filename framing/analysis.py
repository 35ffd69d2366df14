"""One call from article text to framing report: ``analyze(text, title=..., profile=...)``.

The pipeline runs one way: check the input, segment it, label paragraph kinds, run the
detectors (actors, attributions, hedges, loaded terms, sentiment, readability), then hand
everything to :mod:`framing.report`, which builds the JSON-ready report.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field

from framing import corpora, layout
from framing.gc_pause import cyclic_gc_paused
from framing.detect.actors import ActorFindings, find_actor_mentions
from framing.detect.attribution import Attribution, find_attributions
from framing.detect.hedges import Hedge, find_hedges
from framing.detect.loaded import LoadedTerm, find_loaded_terms
from framing.detect.sentiment import MentionSentimentModel, SentenceValences, sentence_valences
from framing.learn.sentiment_model import load_model
from framing.inputs import MAX_TEXT_CHARS, MAX_TITLE_CHARS, check_text
from framing.profiles import ActorRegistry, load_profile
from framing.text import Document, segment

ANALYZER_NAME = "framing"
ANALYZER_VERSION = "0.1.0"


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


def detect(text: str, registry: ActorRegistry, model: MentionSentimentModel, as_title: bool = False) -> Findings:
    document = segment(text)
    if as_title:
        for paragraph in document.paragraphs:
            paragraph.kind = "title"
    else:
        layout.classify(document)
    actors = find_actor_mentions(document, registry)
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


def analyze(
    text: str,
    title: str | None = None,
    metadata: dict | None = None,
    profile: dict | str | None = None,
    *,
    max_chars: int = MAX_TEXT_CHARS,
    model: MentionSentimentModel | None = None,
) -> dict:
    """Analyse one English news article and return its framing report (see docs/report.md).

    Raises a :class:`~framing.errors.FramingError` subclass with a stable ``code`` for
    input that cannot be analysed (empty, too long, binary, HTML, not English) or an
    invalid actor profile.
    """
    with cyclic_gc_paused():
        return _analyze(text, title, metadata, profile, max_chars, model)


def _analyze(text: str, title: str | None, metadata: dict | None, profile: dict | str | None,
             max_chars: int, model: MentionSentimentModel | None) -> dict:
    from framing.report import build_report  # report imports this module's types

    check_text(text, max_chars)
    if title is not None:
        check_text(title, MAX_TITLE_CHARS, field="title", is_title=True) if title.strip() else None
    registry = load_profile(profile)
    model = model or load_model()
    body = detect(text, registry, model)
    heading = detect(title, registry, model, as_title=True) if title and title.strip() else None
    return build_report(body, heading, registry, metadata or {}, model.name)


_WARM_UP_TEXT = "The minister said on Tuesday that the talks could resume soon, officials told reporters."


def warm_up() -> None:
    """Load every corpus and run one small analysis, so the first real request is fast.

    Servers call this before forking workers (gunicorn ``preload``), so the parsed corpora
    are shared by every worker instead of being loaded once per worker.
    """
    corpora.load_all()
    analyze(_WARM_UP_TEXT)
    # What is loaded now lives as long as the process: move it out of the cyclic
    # collector's view, so later collections (and forked workers' copy-on-write pages)
    # leave it alone.
    gc.freeze()
