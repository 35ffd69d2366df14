"""Stray markup in article text: analysed as the visible text, reported in the text as sent.

Text copied out of a CMS, a feed or a scraper keeps a few tags (a stray ``</a>``,
``<b>bold</b>``, PolNeAR's ``<tweet/>`` placeholders) and entities (``&amp;``,
``&#8217;``). Refusing such an article loses it for a tag a reader never sees, so the
detectors read the visible text instead: tags removed (block tags such as ``<p>`` and
``<br>`` become line breaks, so paragraphs stay apart), entities decoded. A whole HTML
page sent as text is still refused: its navigation and footers are not the article, and
the API's ``html`` field extracts the article from it.

Afterwards :meth:`Markup.restore` moves every ``start``/``end`` in the report back into the
text as the client sent it, and sets each span's ``text`` to that slice, so
``original[start:end] == text`` holds as for any report; a span with markup inside keeps
it (``AT&amp;T``). A ``markup_removed`` warning in the report says what was removed.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

from framing.errors import HtmlInput

# A page, not stray markup: these elements exist only in whole documents.
_DOCUMENT = re.compile(r"<!doctype\s+html|<\s*(?:html|head|body)\b", re.IGNORECASE)
_MARKUP = re.compile(
    r"<!--.*?-->"                                              # a comment
    r"|<(script|style)\b[^>]*>.*?</\1\s*>"                     # code, with its content
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>"           # a tag; what follows the name is attributes
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",  # an entity
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer figure figcaption pre hr".split()
)


@dataclass(frozen=True)
class _Piece:
    """A stretch of the visible text and the stretch of the original it came from."""

    visible_start: int
    original_start: int
    original_end: int
    verbatim: bool  # copied as is (positions map one to one), or replacing markup


class Markup:
    """The visible text of ``original``, and how to map its positions back."""

    def __init__(self, original: str, field: str = "text"):
        self.original, self.field = original, field
        self.tags = self.entities = 0
        self._pieces: list[_Piece] = []
        visible: list[str] = []
        length = position = 0
        for match in _MARKUP.finditer(original) if ("<" in original or "&" in original) else ():
            replacement = self._replacement(match)
            if replacement is None:
                continue
            if match.start() > position:
                self._pieces.append(_Piece(length, position, match.start(), True))
                visible.append(original[position:match.start()])
                length += match.start() - position
            if replacement:
                self._pieces.append(_Piece(length, match.start(), match.end(), False))
                visible.append(replacement)
                length += len(replacement)
            position = match.end()
        self.text = "".join(visible) + original[position:] if self._pieces or position else original
        if position < len(original) and (self._pieces or position):
            self._pieces.append(_Piece(length, position, len(original), True))
        self._starts = [piece.visible_start for piece in self._pieces]

    def _replacement(self, match: re.Match) -> str | None:
        """What the visible text has in place of this markup; None to keep it as text."""
        token = match.group(0)
        if token[0] == "&":
            decoded = html.unescape(token)
            if decoded == token:  # not an entity HTML knows (&foo;): it is text
                return None
            self.entities += 1
            return decoded
        self.tags += 1
        name = (match.group(3) or "").lower()
        if name == "br":
            return "\n"
        return "\n\n" if name in _BLOCK_TAGS else ""

    @property
    def changed(self) -> bool:
        return self.text is not self.original

    def warning(self) -> dict:
        return {
            "code": "markup_removed", "field": self.field, "tags": self.tags, "entities": self.entities,
            "message": f"{self.field} held {self.tags} tag(s) and {self.entities} entit(y/ies): they were removed (entities "
                       "decoded) before analysis; offsets point into the text as sent, and a span's text is that slice",
        }

    def _start(self, index: int) -> int:
        """The original position of the visible character at ``index``."""
        if index >= len(self.text):
            return len(self.original)
        piece = self._pieces[bisect_right(self._starts, index) - 1]
        return piece.original_start + (index - piece.visible_start) if piece.verbatim else piece.original_start

    def _end(self, index: int) -> int:
        """The original position just after the visible character at ``index - 1``."""
        if index <= 0:
            return 0
        piece = self._pieces[bisect_right(self._starts, index - 1) - 1]
        return piece.original_start + (index - piece.visible_start) if piece.verbatim else piece.original_end

    def restore(self, node) -> None:
        """Move every span under ``node`` (dicts with integer ``start`` and ``end``, at any
        depth) into the original text, and give it the original's slice as ``text``."""
        if isinstance(node, dict):
            if type(node.get("start")) is int and type(node.get("end")) is int:
                node["start"], node["end"] = self._start(node["start"]), self._end(node["end"])
                if isinstance(node.get("text"), str):
                    node["text"] = self.original[node["start"]:node["end"]]
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            return
        for child in children:
            if isinstance(child, (dict, list)):
                self.restore(child)


def visible_text(text: str, field: str = "text") -> Markup:
    """The markup of ``text`` removed, or :class:`HtmlInput` for a whole HTML page."""
    if "<" in text and _DOCUMENT.search(text):
        raise HtmlInput(f"{field} is a whole HTML page: send it in the API's 'html' field (or `framing ingest` records' "
                        "'html'), which extracts the article from it; stray tags and entities in plain text are removed")
    return Markup(text, field)
