"""Check article text before analysis, so bad input fails early with a stable code.

Every check here answers one question a caller will ask when the analysis refuses their
text: empty? too long? binary? HTML pasted as text? not English? Each raises a
:class:`~framing.errors.FramingError` subclass whose ``code`` the API and CLI pass on.
"""
from __future__ import annotations

import re

from framing.errors import BinaryInput, EmptyText, HtmlInput, InvalidEncoding, InvalidType, TextTooLong, UnsupportedLanguage

MAX_TEXT_CHARS = 200_000  # about 30,000 words: longer than any news article, short of a book
MAX_TITLE_CHARS = 1_000

# Common English function words. Running English prose has roughly 40-50% of its tokens
# in such a list; other languages written in Latin script have under 10%.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for on with as by at from was it said has have be are were an
    this not but which he his its their they who had will would been after also more than
    or about into over we you our she her them there what when up out all can one no new""".split()
)
_MIN_ENGLISH_SHARE = 0.15
_MIN_WORDS_FOR_LANGUAGE_CHECK = 12
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:html|head|body|div|span|p|a|br|img|script|style|table|tr|td|ul|ol|li|h[1-6]|article|section|meta|link|em|strong|b|i)\b[^>]*>",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(raw: bytes) -> str:
    """Bytes from a file or request body as text; UTF-8 only, with a clear error otherwise."""
    if b"\x00" in raw[:8192]:
        raise BinaryInput("input looks like a binary file (it contains NUL bytes), not article text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidEncoding(f"input is not valid UTF-8 (byte {error.start} cannot be decoded); save the article as UTF-8") from error


def check_text(text: object, max_chars: int = MAX_TEXT_CHARS, field: str = "text", is_title: bool = False) -> str:
    """Raise the FramingError that says what is wrong with ``text``, or return it.

    A title is too short, and a title-case headline too poor in function words, to tell
    its language from word counts; the body decides, and a title is only checked for its
    script.
    """
    if not isinstance(text, str):
        raise InvalidType(f"{field} must be a string, not {type(text).__name__}")
    if not text.strip():
        raise EmptyText(f"{field} is empty: give the article's text")
    if len(text) > max_chars:
        raise TextTooLong(f"{field} has {len(text):,} characters; the limit is {max_chars:,}")
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise BinaryInput(f"{field} contains control characters and looks like binary data, not article text")
    if len(_HTML_TAG.findall(text)) >= 2 or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        raise HtmlInput(f"{field} looks like HTML; send the article's plain text, or HTML in the API's 'html' field")
    _check_english(text, field, is_title)
    return text


def _check_english(text: str, field: str, is_title: bool = False) -> None:
    words = _WORD.findall(text[:5_000])  # a few hundred words settle the question
    if not words:
        raise UnsupportedLanguage(f"{field} has no words to analyse")
    latin = sum(1 for word in words if word.isascii() or all(ord(c) < 0x250 for c in word))
    if latin / len(words) < 0.5:
        raise UnsupportedLanguage(f"{field} does not look like English (most words are not in Latin script); only English is supported")
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK or is_title:
        return
    share = sum(1 for word in words if word.lower() in _ENGLISH_FUNCTION_WORDS) / len(words)
    if share < _MIN_ENGLISH_SHARE:
        raise UnsupportedLanguage(
            f"{field} does not look like English ({share:.0%} of words are common English function words; "
            f"English prose has about 40%); only English is supported"
        )
