"""Request examples: shown on /docs, and sent by schemathesis's examples phase, so every run
analyses and stores real English articles and checks the full reports against the document.

The article is written for this project (a made-up report in wire style): two named
sources, an anonymous one, a hedge and a scare-quoted label.
"""
from __future__ import annotations

ARTICLE = (
    "Russian warplanes struck rebel-held villages near Idlib on Tuesday, killing at least nine civilians, "
    "a monitoring group said.\n\n"
    "\"The strikes hit a market and a school,\" a local rescue worker told reporters. The Russian defence "
    "ministry denied targeting civilians and said its jets had hit militant positions.\n\n"
    "The so-called truce now appears to have collapsed, according to United Nations officials."
)
TITLE = "Strikes near Idlib kill nine, monitors say"

ANALYZE = {"text": ARTICLE, "title": TITLE, "outlet": "Example Wire", "published_at": "2024-03-05", "profile": "syria-2015"}
BATCH = {"items": [{"text": ARTICLE, "title": TITLE}, {"text": ARTICLE, "profile": "syria-2015"}]}
ARTICLE_IN = {"id": "example-wire-2024-03-05-idlib", "outlet": "example-wire", "published_at": "2024-03-05T09:30:00Z",
              "url": "https://news.example.org/world/idlib-strikes", "title": TITLE, "text": ARTICLE}
PROFILE_BODY = {
    "description": "Sides in the Syrian war, for reports on Idlib",
    "version": "2024-03",
    "actors": [{"id": "white_helmets", "name": "White Helmets", "type": "organization", "aliases": ["Syria Civil Defence"]}],
    "sides": {"white_helmets": "opposition", "russia": "government"},
}
PROFILE_CREATE = {"name": "idlib", **PROFILE_BODY}
JOB = {"kind": "ingest", "items": [ARTICLE_IN, {**ARTICLE_IN, "id": "example-wire-2024-03-06-idlib", "published_at": "2024-03-06"}]}
