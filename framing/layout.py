"""Tell body paragraphs from the furniture around them: headline, photo captions, credits.

Section labels ("ABSTRACT.", "FULL TEXT.") and separators ("___.") are headings. Captions and
credit lines are not the article's argument either: a caption's "REUTERS/NASHWAN
MARZOUK" is not a source and "(Additional reporting by Tom Perry ...)" is not an
attribution, so they are labelled here and left out of document scores.
"""
from __future__ import annotations

import re

from framing.text import Document, Paragraph

# "REUTERS/NASHWAN MARZOUK", "AFP/Getty Images", "(AP Photo/Evan Vucci)", "Photo: ..."
_PHOTO_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|Reuters|AFP|AP Photo|AP|EPA|Getty Images|ANADOLU|Xinhua)\s*/\s*[A-Z][\w.'’ -]*$"
    r"|\((?:AP|Reuters|AFP) Photo[^)]*\)\s*$|^(?:FILE )?PHOTO\b|^Photo(?: credit)?:)",
)
# "(Additonal reporting by Tom Perry in Beirut; Writing by ...; Editing by ...)": the
# roles are matched, not the spelling of "Additional", which wire copy sometimes gets wrong.
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:[A-Z][a-z]+\s+)?(?:reporting|writing|editing|edited|compiled|produced)\s+by\b",
    re.IGNORECASE,
)
_HEADLINE_MAX_WORDS = 25
_HEADING_MAX_WORDS = 4


def classify(document: Document) -> None:
    """Set ``kind`` on every paragraph: headline, heading, caption, credit or body."""
    captions: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text
        if _is_heading(paragraph):
            paragraph.kind = "heading"
        elif _CREDIT_LINE.search(text):
            paragraph.kind = "credit"
        elif _has_photo_credit(text):
            paragraph.kind = "caption"
            captions.append(_PHOTO_CREDIT.sub("", text).strip())
        elif any(_repeats_caption(text, caption) for caption in captions):
            paragraph.kind = "caption"  # the caption text repeated without its credit
    first = document.paragraphs[0] if document.paragraphs else None
    if first is not None and first.kind == "body" and len(document.paragraphs) > 1 and _looks_like_headline(first):
        first.kind = "headline"


def _has_photo_credit(text: str) -> bool:
    # Every form the pattern knows holds a slash, "Photo" or "PHOTO": most paragraphs hold
    # none and are passed without trying the pattern at each of their characters.
    return ("/" in text or "Photo" in text or "PHOTO" in text) and _PHOTO_CREDIT.search(text) is not None


def _is_heading(paragraph: Paragraph) -> bool:
    """A section label or separator, not prose: "ABSTRACT.", "FULL TEXT.", "___.", "ADVERTISEMENT"."""
    words = [token for token in paragraph.tokens if token.is_word]
    if not words:
        return True
    if len(words) > _HEADING_MAX_WORDS or len(paragraph.sentences) != 1:
        return False  # decided before looking at every character of a long paragraph
    letters = [c for c in paragraph.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _repeats_caption(text: str, caption: str) -> bool:
    return len(caption) > 20 and (text == caption or text.startswith(caption[: max(40, len(caption) // 2)]))


def _looks_like_headline(paragraph: Paragraph) -> bool:
    """A short opening line in title case, or without a closing full stop."""
    words = [token for token in paragraph.tokens if token.is_word]
    if not words or len(words) > _HEADLINE_MAX_WORDS or len(paragraph.sentences) > 1:
        return False
    if not paragraph.text.rstrip("”\"'’").endswith((".", "!", "?")):
        return True
    long_words = [token for token in words if len(token.text) > 3]
    capitalised = sum(1 for token in long_words if token.is_capitalized)
    return bool(long_words) and capitalised / len(long_words) >= 0.7

