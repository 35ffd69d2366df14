"""Each finding of a report as an explanation card, and each paragraph as marked segments.

A card says in words what the report says in fields: why the span was flagged, the
neutral alternative, the stance of the reporting verb, who the source is and their side.
The page shows a card when its span is hovered or focused, and lists every card under its
paragraph, so nothing in the report is only reachable with a mouse. Fields are read with
``.get``: a report of an older or newer analyzer version, with fewer or more fields, still
renders.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from api.pages import glossary
from api.pages.glossary import meaning, words
from api.pages.marks import Mark, Segment, actor_mark, attribution_marks, hedge_mark, loaded_mark, segments

CLAIM_PREVIEW_CHARS = 240


@dataclass(frozen=True)
class Card:
    id: str  # the HTML id the marks point to
    layer: str
    heading: str
    tag: str  # a qualifier shown beside the heading: "hedged", "writer's voice", "booster"
    quote: str  # the words the finding is about
    lines: tuple[tuple[str, str], ...]  # (label, explanation)


@dataclass
class MarkedParagraph:
    anchor: str  # the paragraph's HTML id: "title", "p0", "p1" ...
    label: str  # "Title", "¶1" ...
    kind: str
    segments: list[Segment]
    cards: list[Card]
    counts: dict = field(default_factory=dict)
    sentiment: dict | None = None


def _sentiment(value: dict | None) -> str:
    if not value:
        return "not scored"
    return f"{value.get('label', 'unscored')} ({value.get('compound', 0):+.2f} on a scale from \u22121 to +1)"


def _who(part: dict | None) -> str:
    if not part:
        return "the writer"
    name = part.get("actor_name")
    return f"{part.get('text')} ({name})" if name and name != part.get("text") else str(part.get("text"))


def attribution_card(attribution: dict, card_id: str) -> Card:
    source, cue, content = attribution.get("source"), attribution.get("cue") or {}, attribution.get("content")
    lines = []
    if source:
        who = [_who(source)]
        if source.get("resolved_from"):
            who.append(f"\u201c{source['resolved_from'].get('text')}\u201d refers back to \u201c{source.get('text')}\u201d")
        who.append(words(source.get("type")) or "type unknown")
        who.append("anonymous: the reader cannot tell who this is" if source.get("anonymous") else "named")
        lines.append(("Source", "; ".join(who)))
        lines.append(("Side", words(source.get("side")) or "unknown"))
    else:
        lines.append(("Source", "no speaker was found"))
    if cue:
        stance = f"\u201c{cue.get('text')}\u201d: {meaning(glossary.STANCES, cue.get('stance'))}"
        lines.append(("Verb's stance", stance))
        if cue.get("act") and cue.get("act") != "speech":
            lines.append(("Kind", meaning(glossary.ACTS, cue.get("act"))))
        if cue.get("in_lexicon") is False:
            lines.append(("Counted", "no: only the learned tagger reads this word as a reporting verb, so it gives no one a voice"))
    if content:
        claim = content.get("text") or ""
        if len(claim) > CLAIM_PREVIEW_CHARS:
            claim = claim[:CLAIM_PREVIEW_CHARS].rstrip() + "\u2026"
        lines.append(("Claim", f"{claim} ({meaning(glossary.QUOTES, attribution.get('quote'))})"))
    if attribution.get("hedged"):
        reasons = "; ".join(glossary.hedge_reason(reason) for reason in attribution.get("hedge_reasons") or [])
        lines.append(("Hedged", reasons or "yes"))
    if attribution.get("embedded"):
        lines.append(("Embedded", "inside a clause of a larger sentence, so easy to read past"))
    lines.append(("Found by", meaning(glossary.PATTERNS, attribution.get("pattern"))))
    quote = " \u2026 ".join(part.get("text", "") for part in (source, cue) if part)
    return Card(card_id, "attribution", "Attribution", "hedged" if attribution.get("hedged") else "", quote, tuple(lines))


def loaded_card(term: dict, card_id: str) -> Card:
    quoted = term.get("voice") == "quoted"
    lines = [("Kind", f"{words(term.get('category'))}: {meaning(glossary.LOADED_CATEGORIES, term.get('category'))}")]
    if quoted:
        lines.append(("Voice", f"quoted: the words of {_who(term.get('speaker'))}, not the writer's"))
    else:
        lines.append(("Voice", "the writer's own choice of word"))
    if term.get("target_actor_name"):
        lines.append(("Applied to", term["target_actor_name"]))
    lines.append(("Neutral alternative", term.get("neutral_alternative") or "none listed"))
    if term.get("why"):
        lines.append(("Why flagged", term["why"]))
    return Card(card_id, "loaded", "Loaded term", "quoted" if quoted else "writer's voice", term.get("text", ""), tuple(lines))


def hedge_card(hedge: dict, card_id: str) -> Card:
    booster = hedge.get("kind") == "booster"
    lines = [
        ("Kind", f"{'booster: it makes the claim sound more certain' if booster else 'hedge: it makes the claim sound less certain'}"
                 f" ({words(hedge.get('category'))})"),
        ("Voice", meaning(glossary.HEDGE_VOICES, hedge.get("voice"))),
    ]
    if hedge.get("speaker"):
        lines.append(("Speaker", _who(hedge["speaker"])))
    if hedge.get("why"):
        lines.append(("Why flagged", hedge["why"]))
    return Card(card_id, "hedge", "Booster" if booster else "Hedge", words(hedge.get("voice")), hedge.get("text", ""), tuple(lines))


def actor_card(mention: dict, card_id: str) -> Card:
    lines = [("Actor", f"{mention.get('actor_name') or mention.get('actor')} ({words(mention.get('actor_type')) or 'type unknown'})")]
    for key, label in (("kind", "Kind"), ("affiliation", "Affiliation")):
        if mention.get(key):
            value = mention[key]
            lines.append((label, words(value) if isinstance(value, str) else str(value)))
    lines.append(("Side", words(mention.get("side")) or "unknown"))
    if mention.get("via"):
        lines.append(("Named", meaning(glossary.VIA, mention["via"])))
    lines.append(("Tone here", _sentiment(mention.get("sentiment"))))
    return Card(card_id, "actor", "Actor mention", "", mention.get("text", ""), tuple(lines))


def mark_paragraph(paragraph: dict, text: str, anchor: str, label: str) -> MarkedParagraph:
    """One paragraph of the report (or its title) with its segments and cards.

    ``text`` is the string the paragraph's offsets point into: the article, or the title.
    """
    marks: list[Mark] = []
    cards: list[Card] = []
    for number, attribution in enumerate(paragraph.get("attributions") or []):
        card = attribution_card(attribution, f"{anchor}-a{number}")
        cards.append(card)
        marks += attribution_marks(attribution, card.id)
    for prefix, key, make_card, make_mark in (("l", "loaded_terms", loaded_card, loaded_mark),
                                             ("h", "hedges", hedge_card, hedge_mark),
                                             ("m", "actor_mentions", actor_card, actor_mark)):
        for number, finding in enumerate(paragraph.get(key) or []):
            card = make_card(finding, f"{anchor}-{prefix}{number}")
            cards.append(card)
            marks.append(make_mark(finding, card.id))
    start, end = paragraph["start"], paragraph["end"]
    return MarkedParagraph(anchor, label, paragraph.get("kind", "body"), segments(text[start:end], start, marks), cards,
                           paragraph.get("counts") or {}, paragraph.get("sentiment"))


def mark_report(report: dict, text: str, title: str | None) -> tuple[MarkedParagraph | None, list[MarkedParagraph]]:
    """The title (when the report has one) and every paragraph, marked."""
    marked_title = None
    if report.get("title") and title:
        marked_title = mark_paragraph(report["title"], title, "title", "Title")
    paragraphs = [mark_paragraph(paragraph, text, f"p{paragraph['index']}", f"\u00b6{paragraph['index'] + 1}")
                  for paragraph in report.get("paragraphs") or []]
    return marked_title, paragraphs
