"""Quotation frames: attributions built around a quotation rather than a cue word.

"“Daesh has exploited the chaos,” said one rebel commander" is read from the quotation
outwards: the cue and source after it make one attribution, and the quoted words are its
content. A quotation signed with a dash ("... our greatest shame.” ― Sonya Herridge"), a
speaker's name and colon at a paragraph's head ("PENCE: Well, look, ..."), and a
quotation with no cue of its own that carries on the attribution before it
(``quote_continuation``) are read here too.
"""
from __future__ import annotations

from framing.corpora import ReportingCue
from framing.detect.attribution.content import quoted_words
from framing.detect.attribution.model import Attribution, Context, sentence_of, token_span
from framing.detect.attribution.phrases import (
    backward_np, forward_np, possessive_mark, single_pronoun, skip_back_adverbs, skip_forward_adjuncts,
)
from framing.detect.attribution.sources import make_attribution
from framing.detect.attribution.words import MAX_SOURCE_TOKENS
from framing.text import Paragraph, Quote, Token

# Cues without a reporting verb: a quotation signed with a dash, a speaker's name and a colon.
_DASH_CUE = ReportingCue("dash", "punctuation", "neutral", False)
_COLON_CUE = ReportingCue("colon", "punctuation", "neutral", False)
_DASHES = frozenset({"―", "—", "–"})
# Paragraph heads with a colon that introduce no speaker ("UPDATE: ...", "Related: ...").
_NOT_SPEAKERS = frozenset(
    "update updated note editor correction related watch read more photo video breaking exclusive analysis "
    "opinion live warning disclaimer source sources".split()
)


def quote_then_cue(context, paragraph: Paragraph, quote: Quote, verbs, used: set[int]) -> None:
    """“...,” said X  /  “...,” X said  /  “...,” X says, adding ..."""
    tokens = paragraph.tokens
    after = [token for token in tokens if token.start >= quote.end]
    if not after or not quote.closed:
        return
    position = after[0].index
    signed = _dash_then_name(context, paragraph, quote, position)
    if signed is not None:
        context.found.append(signed)
        return
    if tokens[position].text == ",":
        position += 1
    cue_match = verbs.at(tokens, position) if position < len(tokens) else None
    sentence = sentence_of(paragraph, quote.start)
    if cue_match is not None and cue_match.entry.kind == "verb":
        source_range = forward_np(tokens, cue_match.last + 1, len(tokens) - 1)
        cue_first, cue_last = cue_match.first, cue_match.last
        frame_end = source_range[1] if source_range else cue_last
    else:
        source_range = None
        # a source with a long appositive before its verb ("Rep. Tom O’Halleran, Democrat of
        # Arizona and the sponsor of the amendments, said") within the sentence that follows
        frame_limit = sentence_of(paragraph, tokens[position].start).tokens[-1].index + 1
        for end in range(position, min(position + 2 * MAX_SOURCE_TOKENS, frame_limit, len(tokens))):
            cue_match = verbs.at(tokens, end)
            if cue_match is not None and tokens[end].lower.endswith("ing"):
                return  # “...,” he continued, citing ...: a participle hangs on the clause before it
            if cue_match is not None and cue_match.entry.kind == "verb" and end > position:
                source_end = skip_back_adverbs(tokens, end - 1, position)
                if tokens[source_end].text == ",":  # "Mr. King, 82, told me"
                    source_end = position
                    while tokens[source_end + 1].text != ",":
                        source_end += 1
                source_range = backward_np(tokens, source_end, position) or single_pronoun(tokens, source_end, position)
                cue_first, cue_last = cue_match.first, cue_match.last
                break
            if not tokens[end].is_word and tokens[end].text not in (".", "-", "(", ")", ",", "’s", "'s") and not possessive_mark(tokens, end):
                return
        frame_end = skip_forward_adjuncts(tokens, cue_last + 1, len(tokens) - 1, False) - 1 if source_range else 0
    if source_range is None or cue_match is None:
        return
    if not _quote_attaches(context, quote, tokens, position, frame_end):
        return
    content = quoted_words(context, quote)
    cue_span = token_span(context, tokens, cue_first, cue_last)
    attribution = make_attribution(context, paragraph, sentence, "quote_then_cue", cue_match.entry, cue_span, source_range, content)
    context.found.append(attribution)
    used.update(range(cue_first, cue_last + 1))


def _dash_then_name(context, paragraph: Paragraph, quote: Quote, position: int) -> Attribution | None:
    """“... our greatest shame.” ― Sonya Herridge: a quotation signed with a dash."""
    tokens = paragraph.tokens
    if position + 1 >= len(tokens) or tokens[position].text not in _DASHES or not tokens[position + 1].is_capitalized:
        return None
    source_range = forward_np(tokens, position + 1, len(tokens) - 1)
    if source_range is None:
        return None
    sentence = sentence_of(paragraph, quote.start)
    cue_span = token_span(context, tokens, position, position)
    return make_attribution(context, paragraph, sentence, "quote_then_dash", _DASH_CUE, cue_span, source_range, quoted_words(context, quote))


def speaker_colon(context, paragraph: Paragraph) -> Attribution | None:
    """"PENCE: Well, look, ..." and "Pat Caddell: Democrat voters worried ...": a speaker's
    name, alone in capitals at the head of a paragraph, then a colon."""
    tokens = paragraph.tokens
    colon = next((t.index for t in tokens[:6] if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens):
        return None
    name = tokens[:colon]
    if not all(t.is_word and t.is_capitalized or t.text in (".", "-") for t in name) or name[0].lower in _NOT_SPEAKERS:
        return None
    sentence = paragraph.sentences[0]
    end = sentence.tokens[-1].index
    while end > colon and tokens[end].text in (".", ",", ";", "”", '"', "''"):
        end -= 1
    if end <= colon + 1:
        return None
    content = context.document.span(tokens[colon + 1].start, tokens[end].end)
    quote = paragraph.quote_at(content.start, content.end)
    if quote is not None and quote.start == content.start:
        content = quoted_words(context, quote)
    cue_span = token_span(context, tokens, colon, colon)
    return make_attribution(context, paragraph, sentence, "speaker_colon", _COLON_CUE, cue_span, (0, colon - 1), content)


def _quote_attaches(context, quote: Quote, tokens: list[Token], after: int, frame_end: int) -> bool:
    """“A,” she said / “A?” she asked attach; “A.” Merrill says Machado ... starts anew.

    A quotation closed by a full stop and followed by a capital is a finished sentence;
    the words after it attach to it only if they are a bare "X said." that ends there.
    """
    # a quotation inside the quotation may close with it: “... 'do unto you,'” Pence wrote
    inner = context.document.text[quote.inner_start:quote.inner_end].rstrip().rstrip("'’").rstrip()
    closed_by_comma = inner.endswith(",") or (after > 0 and tokens[after - 1].text == ",")
    if closed_by_comma or not tokens[after].is_capitalized:
        return True
    following = tokens[frame_end + 1] if frame_end + 1 < len(tokens) else None
    return following is None or following.text in (".", ",", ";")


def continue_quotes(context: Context, paragraph: Paragraph, first_new: int) -> None:
    """Quotations with no cue of their own carry on an attribution already made.

    News copy attributes a long quotation once: “A,” he said. “B.” Or it runs a quotation
    over several paragraphs, each reopening the mark. The uncued quotation inherits the
    latest quoting attribution in this paragraph, or, when it continues the previous
    paragraph's open quotation, the latest one there.
    """
    own = context.found[first_new:]
    covered = [a.content for a in context.found if a.content is not None]
    for quote in paragraph.quotes:
        inner = quoted_words(context, quote)
        if any(span.overlaps(inner) for span in covered):
            continue
        carrier = None
        quoting_here = [a for a in own if a.quote in ("direct", "mixed") or a.pattern == "quote_then_cue"]
        if quoting_here and quote.start > quoting_here[0].cue.span.start:
            carrier = quoting_here[-1]
        elif quote.continues or _is_whole_paragraph(paragraph, quote):
            earlier = [a for a in context.found[:first_new] if a.paragraph == paragraph.index - 1 and a.source is not None]
            carrier = earlier[-1] if earlier else None
        if carrier is None or carrier.source is None:
            continue
        sentence = sentence_of(paragraph, quote.start)
        context.found.append(Attribution(paragraph.index, sentence.index, "quote_continuation", carrier.cue, carrier.source, inner, quote="direct"))
        covered.append(inner)


def _is_whole_paragraph(paragraph: Paragraph, quote: Quote) -> bool:
    return quote.start == paragraph.start and quote.end >= paragraph.end - 1
