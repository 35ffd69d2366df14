"""This server's limits on a batch (``POST /v1/analyze/batch``, a list to ``POST /v1/articles``).

Checked on the whole request after it matched the document, before anything is analysed:
a batch over a limit is refused whole (413), as the document's ``maxItems`` and
``maxLength`` say, rather than item by item.
"""
from __future__ import annotations

from flask import current_app

from api.errors import ApiError


def check_batch(items: list[dict], where: str) -> None:
    """``where`` names the items in messages and details: ``items`` or the empty list path."""
    settings = current_app.config["FRAMING"]
    if len(items) > settings.max_batch_items:
        raise ApiError(413, "batch_too_large", f"the batch has {len(items)} items; the limit is {settings.max_batch_items}")
    too_long = {f"{where}{index}.text": [f"{len(item['text']):,} characters; the limit is {settings.max_text_chars:,}"]
                for index, item in enumerate(items) if len(item.get("text", "")) > settings.max_text_chars}
    if too_long:
        raise ApiError(413, "text_too_long", "an item's text is over FRAMING_MAX_TEXT_CHARS; see details", too_long)
    characters = sum(len(item.get(key, "")) for item in items for key in ("text", "html"))
    if characters > settings.max_batch_chars:
        raise ApiError(413, "batch_too_large", f"the batch has {characters:,} characters of text; the limit is {settings.max_batch_chars:,}")
