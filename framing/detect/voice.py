"""Whose words are these? The writer's, a quoted speaker's, or a paraphrased source's.

A loaded word inside quotation marks is the speaker's ("killed “more than 10
apostates”" is Islamic State's word); the same word outside them is the writer's choice.
A hedge inside reported content qualifies the source's claim, not the writer's.
"""
from __future__ import annotations

from dataclasses import dataclass

from framing.detect.attribution import Attribution, Source
from framing.spans import Span
from framing.text import Paragraph


@dataclass(frozen=True, slots=True)
class Voice:
    voice: str  # authorial | quoted | attributed
    speaker: Source | None


AUTHORIAL = Voice("authorial", None)


def voice_of(span: Span, paragraph: Paragraph, attributions: list[Attribution]) -> Voice:
    """``quoted`` inside quotation marks, ``attributed`` inside paraphrased content."""
    quote = paragraph.quote_at(span.start, span.end)
    holders = [a for a in attributions if a.content is not None and a.content.contains(span)]
    if quote is not None:
        speakers = [a for a in holders if a.content.overlaps(Span(quote.inner_start, quote.inner_end, ""))]
        return Voice("quoted", speakers[-1].source if speakers else None)
    if holders:
        innermost = min(holders, key=lambda a: len(a.content.text))
        return Voice("attributed", innermost.source)
    return AUTHORIAL
