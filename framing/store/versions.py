"""Which analyzer made a stored report, as one comparable string.

The code's version alone is not enough: a lexicon can change (``source_nouns`` 1.0.0 ->
1.1.0) or the sentiment model be replaced while the code stays at 0.1.0, and then figures
from before and after must not be averaged together. ``analyzer_version`` is therefore
``<code version>+<digest>``, the digest covering every corpus version, the sentiment model
and the actor profile named in the report's ``analyzer`` block.
"""
from __future__ import annotations

import functools
import hashlib
import json

from framing.learn.sentiment_model import load_model
from framing.profiles import default_registry
from framing.report import analyzer_block


def analyzer_version(analyzer: dict) -> str:
    """``analyzer`` is a report's ``analyzer`` block."""
    settings = {"corpora": analyzer["corpora"], "sentiment_model": analyzer["sentiment_model"], "profile": analyzer["profile"]}
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:10]
    return f"{analyzer['version']}+{digest}"


@functools.cache
def current_analyzer_version() -> str:
    """The version a report made now, without a profile, carries."""
    return analyzer_version(analyzer_block(default_registry(), load_model().name))
