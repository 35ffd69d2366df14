"""One call from article text to framing report: ``analyze(text, title=..., profile=...)``.

The pipeline runs one way: check the input (:mod:`framing.inputs`, which also takes stray
markup out, :mod:`framing.markup`), run the detectors over the visible text
(:mod:`framing.findings`: segment, label paragraph kinds, actors, attributions, hedges,
loaded terms, sentiment), hand the findings to :mod:`framing.report`, which builds the
JSON-ready report, and move its offsets back into the text as given.
"""
from __future__ import annotations

import gc

from framing import corpora
from framing.detect.sentiment import MentionSentimentModel
from framing.findings import detect
from framing.gc_pause import cyclic_gc_paused
from framing.inputs import MAX_TEXT_CHARS, MAX_TITLE_CHARS, check_text
from framing.markup import Markup
from framing.learn.sentiment_model import load_model
from framing.profiles import load_profile
from framing.report import build_report


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
    visible = check_text(text, max_chars)
    if isinstance(title, str) and not title.strip():
        title = None
    visible_title = check_text(title, MAX_TITLE_CHARS, field="title", is_title=True) if title is not None else None
    registry = load_profile(profile)
    model = model or load_model()
    body = detect(visible.text, registry, model)
    heading = detect(visible_title.text, registry, model, as_title=True, body=body) if visible_title else None
    report = build_report(body, heading, registry, metadata or {}, model.name)
    return _with_markup_restored(report, visible, visible_title)


def _with_markup_restored(report: dict, body: Markup, title: Markup | None) -> dict:
    """Offsets back into the text and title as given, and a warning for each that held
    markup (framing.markup); a report without markup is returned as built, with no warnings."""
    report["warnings"] = []
    for markup, part in ((body, {key: value for key, value in report.items() if key != "title"}), (title, report["title"])):
        if markup is not None and markup.changed:
            markup.restore(part)
            report["warnings"].append(markup.warning())
    return report


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
