"""The report's spans laid over the article's text, for marking it up in HTML.

Findings overlap and nest: an attribution's content holds loaded terms, hedges and actor
mentions; a source is often an actor mention too. HTML elements can only nest, so a
paragraph is cut at every start and end of any span into segments, and each segment
carries every mark that covers it. The page wraps each segment once, with one CSS class
per kind of mark; each kind is drawn with its own CSS property (outline, background,
underline, border), so marks on the same words show together.

Nothing here finds anything: the marks are the report's spans, and each points to the
explanation card (``api.pages.cards``) of the finding it belongs to.
"""
from __future__ import annotations

from dataclasses import dataclass

# The legend's groups, in its order; every mark belongs to one.
LAYERS = ("attribution", "loaded", "hedge", "actor")


@dataclass(frozen=True)
class Mark:
    start: int  # offsets into the analysed text, as in the report
    end: int
    style: str  # CSS class: a-source, a-cue, a-content, a-hedged, l-writer, l-quoted, h-hedge, h-booster, actor
    layer: str  # one of LAYERS
    card: str  # id of the finding's explanation card


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[Mark, ...]  # every mark covering this piece of text, narrowest first
    opens: tuple[str, ...]  # layers of the marks that start here: a keyboard stop for them

    @property
    def styles(self) -> str:
        return " ".join(dict.fromkeys(mark.style for mark in self.marks))

    @property
    def layers(self) -> str:
        return " ".join(dict.fromkeys(mark.layer for mark in self.marks))

    @property
    def cards(self) -> str:
        return " ".join(dict.fromkeys(mark.card for mark in self.marks))


def attribution_marks(attribution: dict, card: str) -> list[Mark]:
    """Source, reporting verb and content. A source found through a pronoun ("he said") is
    marked where the pronoun is: the name it stands for may be paragraphs away."""
    marks = []
    source = attribution.get("source")
    if source:
        where = source.get("resolved_from") or source
        marks.append(Mark(where["start"], where["end"], "a-source", "attribution", card))
    cue = attribution.get("cue")
    if cue:
        marks.append(Mark(cue["start"], cue["end"], "a-cue", "attribution", card))
    content = attribution.get("content")
    if content:
        style = "a-hedged" if attribution.get("hedged") else "a-content"
        marks.append(Mark(content["start"], content["end"], style, "attribution", card))
    return marks


def loaded_mark(term: dict, card: str) -> Mark:
    return Mark(term["start"], term["end"], "l-quoted" if term.get("voice") == "quoted" else "l-writer", "loaded", card)


def hedge_mark(hedge: dict, card: str) -> Mark:
    return Mark(hedge["start"], hedge["end"], "h-booster" if hedge.get("kind") == "booster" else "h-hedge", "hedge", card)


def actor_mark(mention: dict, card: str) -> Mark:
    return Mark(mention["start"], mention["end"], "actor", "actor", card)


def segments(text: str, offset: int, marks: list[Mark]) -> list[Segment]:
    """``text`` (which starts at ``offset`` in the analysed text) cut at every mark boundary.

    Marks reaching outside the text are clipped to it; marks of no width or wholly outside
    are left out. The segments' texts joined give ``text`` back.
    """
    inside = []
    for mark in marks:
        start, end = max(mark.start - offset, 0), min(mark.end - offset, len(text))
        if start < end:
            inside.append((start, end, mark))
    cuts = sorted({0, len(text), *(start for start, _, _ in inside), *(end for _, end, _ in inside)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = sorted(((end - start, mark) for start, end, mark in inside if start <= left and right <= end),
                          key=lambda pair: pair[0])
        opens = tuple(dict.fromkeys(mark.layer for start, _, mark in inside if start == left))
        pieces.append(Segment(text[left:right], tuple(mark for _, mark in covering), opens))
    return pieces
