"""Content: what the source is said to have said, and where it stops.

After "said" the content runs to the end of the sentence, or of a quotation begun there
("Said the judge: “This court will not be rushed.”"); before ", a monitoring group said"
it is the sentence up to that comma; inside a quotation it is the quoted words without
their marks. The clause tests here decide whether the words after a cue are a claim at
all: "rejected that the deal was dead" reports, "rejected the proposal" does not.
Content is cut where a coordinated clause with its own cue begins ("He praised the staff
but said, “...”").
"""
from __future__ import annotations

from framing import corpora
from framing.detect.attribution.model import Context, token_span
from framing.detect.attribution.words import AUXILIARIES, CLAUSE_WORDS, DETERMINERS, QUOTE_TOKENS
from framing.spans import Span
from framing.text import Paragraph, Quote, Sentence, Token

# After "that Moscow says", a verb or auxiliary means the clause has lost its subject to
# the noun it modifies: a relative clause ("a campaign that Moscow says has targeted ...").
_RELATIVE_VERB_STARTS = AUXILIARIES | frozenset("targets targeted targeting hit struck killed".split())
_WH_WORDS = frozenset("what whether why how who when where if".split())
_CLAUSE_SUBJECTS = frozenset("he she it they we i you there this".split())
_FINITE_MARKERS = frozenset(
    "is are was were has have had will would can could should may might must did does do won't can't "
    "wasn't weren't isn't aren't hasn't haven't hadn't didn't doesn't don't".split()
)


def content_after(context, paragraph: Paragraph, position: int, limit: int) -> Span | None:
    """What follows the cue up to the end of the sentence (or of a quotation begun there)."""
    tokens = paragraph.tokens
    if position <= limit and tokens[position].text == ":":
        position += 1
        if position > limit or (position == limit and not tokens[position].is_word):
            return _next_paragraph_quote(context, paragraph)
    if position <= limit and tokens[position].lower == "that":
        position += 1
        if position <= limit and tokens[position].text == ",":  # "said that, as yet, no ..."
            closing = position + 1
            while closing <= limit and tokens[closing].text != ",":
                closing += 1
            position = closing + 1
    if position > limit or tokens[position].text in (",", ".", ";"):
        return None
    end = limit
    while end > position and tokens[end].text in (".", ",", ";", ":") :
        end -= 1
    start_char = tokens[position].start
    end_char = tokens[end].end
    quote = paragraph.quote_at(start_char, start_char + 1)
    if quote is not None and quote.start == start_char and quote.end >= end_char:
        return quoted_words(context, quote)  # Said the judge: “This court will not be rushed.”
    if quote is not None and quote.start == start_char and quote.closed and _closes_with_comma(context, quote):
        return quoted_words(context, quote)  # he warned, “A,” Trump told NBC: the frame after the quotation is not content
    if quote is not None and quote.end > end_char:
        end_char = quote.end
    words = [token for token in tokens[position:end + 1] if token.is_word]
    if len(words) < 2:
        return None
    return context.document.span(start_char, end_char)


def _closes_with_comma(context, quote: Quote) -> bool:
    """“A,” closes with a comma: the words after it frame the quotation rather than continue it."""
    return context.document.text[quote.inner_start:quote.inner_end].rstrip().endswith(",")


def _next_paragraph_quote(context, paragraph: Paragraph) -> Span | None:
    """"McCrummen reports:" at a paragraph's end introduces the quotation that follows."""
    paragraphs = context.document.paragraphs
    if paragraph.index + 1 >= len(paragraphs):
        return None
    following = paragraphs[paragraph.index + 1]
    if following.quotes and following.quotes[0].start == following.start:
        return quoted_words(context, following.quotes[0])
    return None


def clause_from(context, paragraph: Paragraph, position: int, limit: int) -> Span | None:
    """A clause up to the next comma or the end of the sentence."""
    tokens = paragraph.tokens
    end = position
    while end <= limit and tokens[end].text not in (",", ";", ".", "—", "–"):
        end += 1
    if end - 1 < position:
        return None
    return token_span(context, tokens, position, end - 1)


def content_before(context, paragraph: Paragraph, sentence: Sentence, comma: int) -> Span | None:
    """"CONTENT, a monitoring group said": the sentence up to the comma before the source."""
    tokens = paragraph.tokens
    start = sentence.tokens[0].index
    end = comma - 1
    while end >= start and tokens[end].text in (",", "”", '"') :
        end -= 1
    while start <= end and tokens[start].text in ("“", '"'):
        start += 1
    if end < start:
        return None
    start_char = tokens[start].start
    quote = paragraph.quote_at(tokens[end].start, tokens[end].end)
    if quote is not None and quote.inner_start < start_char:
        start_char = quote.inner_start
    return context.document.span(start_char, tokens[end].end)


def quoted_words(context, quote: Quote) -> Span:
    """A quotation's words without its marks or the comma that closes it off."""
    start, end = quote.inner_start, quote.inner_end
    text = context.document.text
    while end > start and text[end - 1] in ",. ":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return context.document.span(start, end)


def main_verb_before(tokens: list[Token], start: int, limit: int) -> int:
    """Where a "that" clause inside a subject ends: "The league's denial that it had hidden
    the injuries angered the union" has a second finite verb, straight after a noun, which
    belongs to the sentence, not the clause. Returns the last index of the clause."""
    finite_seen = False
    for index in range(start, limit + 1):
        token = tokens[index]
        if token.text in (",", ";", ".", "—", "–"):
            break
        lower = token.lower
        if lower in _FINITE_MARKERS:
            finite_seen = True
            continue
        previous = tokens[index - 1]
        if token.is_word and not token.is_capitalized and lower.endswith("ed") and previous.is_word and previous.lower not in AUXILIARIES:
            if finite_seen and index > start + 2 and previous.lower not in CLAUSE_WORDS and previous.lower not in ("to", "not", "up", "out", "down", "off") \
                    and not previous.lower.endswith("ly") and previous.lower not in DETERMINERS:
                return index - 1
            finite_seen = True
    return limit


def extend_into_open_quotations(context: Context) -> None:
    """Content that ends inside a quotation runs to the quotation's end: in 'Santorum told
    voters that Obama's agenda is "not about you. It's about some phony theology."' the
    sentence ends inside the quotation, the words quoted do not."""
    paragraphs = context.document.paragraphs
    for attribution in context.found:
        content = attribution.content
        if content is None or attribution.pattern == "quote_continuation":
            continue
        paragraph = paragraphs[attribution.paragraph]
        if not paragraph.start <= content.end <= paragraph.end:
            continue
        quote = paragraph.quote_at(content.end - 1, content.end)
        if quote is not None and quote.inner_start < content.end < quote.inner_end and any(
                char.isalnum() for char in context.document.text[content.end:quote.inner_end]):
            attribution.content = context.document.span(content.start, quote.inner_end)


def clip_at_clause_ends(context: Context) -> None:
    """Content stops where a coordinated clause with its own cue begins: "He praised the
    staff" in "He praised the staff but said, “...”"."""
    for attribution in context.found:
        content = attribution.content
        if content is None:
            continue
        inside = [end for end in context.clause_ends if attribution.cue.span.end <= end and content.start < end < content.end]
        if not inside:
            continue
        text = context.document.text
        end = min(inside)
        while end > content.start and text[end - 1] in " ,;":
            end -= 1
        if end > content.start:
            attribution.content = context.document.span(content.start, end)


def that_ahead(tokens: list[Token], position: int, limit: int) -> int:
    """"tweeted in the early morning hours that Machado was ...": content starts after a
    "that" a few words on, past adjuncts the skip rules do not know, if no comma intervenes
    and no clause has begun already ("said the ferry had sailed twice that week")."""
    if position <= limit and tokens[position].lower in _CLAUSE_SUBJECTS:
        return position
    lexicon = corpora.reporting_verbs().index
    for index in range(position, min(limit + 1, position + 8)):
        token = tokens[index]
        if token.text in (",", ";", ":") or token.text in QUOTE_TOKENS or token.lower in _FINITE_MARKERS or token.lower == "but":
            break
        if index > position and lexicon.word(token.lower) is not None:
            break  # "defended the budget but admitted that ...": the "that" is the next cue's
        if tokens[index].lower == "that" and index + 1 <= limit and tokens[index + 1].is_word:
            return index
    return position


def infinitive(tokens: list[Token], position: int, limit: int) -> bool:
    """"urged supporters to monitor polling places", "agreed to step down": a to-infinitive."""
    for index in range(position, min(limit, position + 4)):
        if tokens[index].lower == "to":
            following = tokens[index + 1]
            return following.is_word and not following.is_capitalized and following.lower not in DETERMINERS
        if not tokens[index].is_word:
            return False
    return False


def quotes_inside(paragraph: Paragraph, content: Span) -> bool:
    """"promising lower taxes and “jobs, jobs, jobs”": a quotation makes an object a report."""
    return any(content.start <= quote.start < content.end for quote in paragraph.quotes)


def verb_like(token: Token) -> bool:
    """After "that Moscow says", a lowercase word that looks finite ("has", "allowed",
    "targets") means the clause lost its subject to the noun before "that"."""
    lower = token.lower
    return lower in _RELATIVE_VERB_STARTS or (
        token.is_word and not token.is_capitalized and lower not in DETERMINERS and lower not in _CLAUSE_SUBJECTS
        and (lower.endswith("ed") or (lower.endswith("s") and not lower.endswith("ss")))
    )


def looks_like_clause(tokens: list[Token], position: int, limit: int) -> bool:
    """"the troops would stay", "his team had been lucky": a subject and a finite verb."""
    if position > limit:
        return False
    if tokens[position].lower in _CLAUSE_SUBJECTS or tokens[position].lower in _WH_WORDS:
        return True
    for index in range(position + 1, min(limit + 1, position + 7)):
        token = tokens[index]
        if token.text in (",", ";", ":"):
            return False
        if token.lower in _FINITE_MARKERS:
            return True
    return False


def introduces_clause(tokens: list[Token], position: int, paragraph: Paragraph) -> bool:
    if position >= len(tokens):
        return False
    token = tokens[position]
    return token.lower == "that" or token.text == ":" or paragraph.quote_at(token.start, token.end) is not None
