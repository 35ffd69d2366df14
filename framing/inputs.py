"""Check article text before analysis, so bad input fails early with a stable code.

Every check here answers one question a caller will ask when the analysis refuses their
text: empty? too long? binary? a whole HTML page pasted as text? not English? Each raises
a :class:`~framing.errors.FramingError` subclass whose ``code`` the API and CLI pass on.
Stray tags and entities are not a refusal: :mod:`framing.markup` removes them, and the
emptiness and language checks read the visible text.
"""
from __future__ import annotations

import re

from framing.errors import BinaryInput, EmptyText, InvalidEncoding, InvalidType, TextTooLong, UnsupportedLanguage
from framing.markup import Markup, visible_text

MAX_TEXT_CHARS = 200_000  # about 30,000 words: longer than any news article, short of a book
MAX_TITLE_CHARS = 1_000

# Common English function words ("s" and "t" are what remains of "Trump's" and "don't").
# Running English prose has roughly 40-50% of its words in this list; French, German and
# Spanish news prose under 5%. Headlines and headline-like sentences have few function
# words: the least English share among the 1,819 BABE dev sentences of 12 words or more is
# 14% ("CNN Hires Woke Saints Safety Malcolm Jenkins to Comment on Race, Social Justice
# Issues"), hence a bar of 10%, between the two.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for on with as by at from was it said has have be are were an
    this not but which he his its their they who had will would been after also more than
    or about into over we you our she her them there what when up out all can one no new
    since most another toward towards against before during under between without while just so do does did how why
    where whom whose these those my your us him any some such only own same both each other through off down again then
    once here very should could may might must being if because until upon per amid among across behind back now still
    even s t""".split()
)
_MIN_ENGLISH_SHARE = 0.10
_MIN_WORDS_FOR_LANGUAGE_CHECK = 12
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(raw: bytes) -> str:
    """Bytes from a file or request body as text; UTF-8 only, with a clear error otherwise."""
    if b"\x00" in raw[:8192]:
        raise BinaryInput("input looks like a binary file (it contains NUL bytes), not article text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidEncoding(f"input is not valid UTF-8 (byte {error.start} cannot be decoded); save the article as UTF-8") from error


def check_text(text: object, max_chars: int = MAX_TEXT_CHARS, field: str = "text", is_title: bool = False) -> Markup:
    """Raise the FramingError that says what is wrong with ``text``, or return its visible
    text (:class:`~framing.markup.Markup`: the text without stray markup, and the way back).

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
    visible = visible_text(text, field)
    if not visible.text.strip():
        raise EmptyText(f"{field} has no text outside its markup")
    _check_english(visible.text, field, is_title)
    return visible


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
