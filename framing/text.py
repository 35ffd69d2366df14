"""Segment an article into paragraphs, sentences, tokens and quotations, keeping offsets.

Everything downstream (detectors, report, API highlighting) refers back to the input by
Python string indices, so this module never normalises, strips or rewrites the text: it
only finds boundaries in it.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from operator import attrgetter

from framing.spans import Span

# A token is an abbreviation with inner dots (U.S., U.N.), a title with its dot ("Mrs.",
# "Gen.", so "Mrs. Clinton" stays one name), a middle initial ("Paul R. Pillar"), a number, a word (hyphens and
# inner apostrophes kept, so "al-Assad" and "don't" stay whole), a possessive clitic split
# off its noun ("Iran" + "’s", so the gazetteer sees the bare name), or one punctuation mark.
# Titles written with a full stop before a name: one token each ("Mrs.", "Gen.").
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Col", "Lt", "Sgt", "Capt", "Maj", "Cmdr", "Adm", "Prof", "Rev", "Hon")
# The first alternative is a fast path for the commonest token, a plain word of two or more
# characters with nothing after it that another alternative would treat specially (a
# hyphen, an apostrophe or a full stop); it matches exactly what the later ones would.
_TOKEN = re.compile(
    r"""
      [A-Za-z]\w++(?![-'’.])
    | (?:[A-Za-z]\.){2,}(?![A-Za-z])
    | (?:TITLES)\.
    | (?:St|Jr|Sr)\.
    | [A-Z]\.(?=\s+[A-Z][a-z])
    | \d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?
    | ''
    | ['’]s\b
    | \w+(?:-\w+)*(?:['’](?!s\b)\w+)*(?:-\w+)*
    | [^\w\s]
    """.replace("TITLES", "|".join(TITLE_ABBREVIATIONS)),
    re.VERBOSE,
)

OPENING_QUOTES = {"“", "«"}
CLOSING_QUOTES = {"”", "»"}
STRAIGHT_QUOTE = '"'
QUOTE_CHARS = OPENING_QUOTES | CLOSING_QUOTES | {STRAIGHT_QUOTE}

# Words after which a full stop does not end a sentence ("Gen. Hamedani", "Sept. 27").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cmdr adm sen rep gov pres st jr sr
    rev hon jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc corp
    co ltd dept est fig approx al""".split()
)
# Abbreviations that often close a sentence ("owned by Acme Inc. It employs ...").
_FINAL_ABBREVIATIONS = frozenset("inc corp co ltd etc jr sr".split())
# A US party label whose state is written in initials: the "D-N" of "D-N.Y.", "R-S" of "R-S.C.".
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z]")
# After "U.S." a capitalised word usually continues the sentence ("U.S. officials"); these
# common sentence openers are the exception that signals a new sentence.
_SENTENCE_OPENERS = frozenset(
    "The A An But He She It They We I In On At This That These Those Its His Her Their".split()
)
_SENTENCE_END = frozenset({".", "!", "?", "…"})
_TRAILING = frozenset({"”", '"', "''", "’", "'", ")", "]", "»"})


@dataclass(slots=True, eq=False)
class Token:
    """One token.

    A plain slots class, not a named tuple: the detectors read token fields millions of
    times per thousand articles, and Python 3.11 reads a slot in a few instructions where a
    named tuple's field goes through the generic attribute lookup (several times slower).
    Not frozen either: a frozen dataclass costs several times as much to build, and an
    article has thousands of tokens; nothing assigns to a token after :func:`tokenize`.
    Compared by identity (``eq=False``): a token is one place in one text.
    """

    index: int
    start: int
    end: int
    text: str
    lower: str
    is_word: bool  # starts with a letter or digit (not punctuation)
    is_capitalized: bool


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner`` excludes them.

    ``closed`` is False when a paragraph ends inside the quotation, the news convention
    for a quotation that continues in the next paragraph (which reopens it with a mark
    but does not close the previous one); ``continues`` marks such a continuation.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    continues: bool = False

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token]


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    kind: str = "body"
    _word_positions: dict[str, list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def word_positions(self) -> dict[str, list[int]]:
        """Each word of the paragraph (a token's ``lower``) -> the positions of its tokens, in
        order. Built once, on first use (a paragraph's tokens never change after
        :func:`segment`), so that the lexicon scans look up the paragraph's few distinct
        words instead of testing every token (:meth:`positions_of`)."""
        if self._word_positions is None:
            positions: dict[str, list[int]] = {}
            for position, token in enumerate(self.tokens):
                positions.setdefault(token.lower, []).append(position)
            self._word_positions = positions
        return self._word_positions

    def positions_of(self, words: AbstractSet[str]) -> list[int]:
        """Positions, in order, of the tokens whose ``lower`` is one of ``words`` (a set, or
        a dict's keys: the paragraph's words and these are intersected at C speed)."""
        index = self.word_positions()
        found = [position for word in index.keys() & words for position in index[word]]
        found.sort()
        return found

    def quote_at(self, start: int, end: int) -> Quote | None:
        for quote in self.quotes:
            if quote.covers(start, end):
                return quote
        return None


@dataclass(slots=True)
class Document:
    text: str
    paragraphs: list[Paragraph]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "body"]


def lowered(text: str) -> str:
    """A token's ``lower``: lowercased, with the typographic apostrophe folded so that
    lexicons match "aren’t" and "aren't"."""
    return text.lower().replace("’", "'")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Built column by column with C-level calls (one lowercasing of the joined words, tokens
    made by ``map`` over the columns): articles have thousands of tokens and this is the
    first thing every analysis does.
    """
    spans = [match.span() for match in _TOKEN.finditer(text, start, end)]
    values = [text[token_start:token_end] for token_start, token_end in spans]
    # Tokens never contain a line break, so one joined string lowercases them all at once;
    # ``lower`` folds the typographic apostrophe so lexicons match "aren’t" and "aren't".
    lowers = "\n".join(values).lower().replace("’", "'").split("\n")
    if len(lowers) != len(values):  # a character whose lowercase spans a line break: never in practice
        lowers = list(map(lowered, values))
    firsts = [value[0] for value in values]
    return list(map(
        Token,
        range(len(values)),
        [token_start for token_start, _ in spans],
        [token_end for _, token_end in spans],
        values,
        lowers,
        map(str.isalnum, firsts),
        map(str.isupper, firsts),
    ))


_QUOTE_MARK = re.compile("[“”«»\"]|''")


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in one paragraph.

    Curly marks pair by direction; straight ones, and the doubled apostrophe some papers
    print (''like this''), alternate.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    open_width = 1
    for match in _QUOTE_MARK.finditer(text, start, end):
        mark, index = match.group(), match.start()
        if open_at is None:
            if mark in CLOSING_QUOTES:
                continue  # a stray closing mark opens nothing
            open_at, open_width = index, len(mark)
        elif mark in CLOSING_QUOTES or mark in (STRAIGHT_QUOTE, "''"):
            quotes.append(Quote(open_at, match.end(), open_at + open_width, index, closed=True))
            open_at = None
        else:  # a second opening mark before a close: restart the quotation there
            open_at, open_width = index, len(mark)
    if open_at is not None:
        quotes.append(Quote(open_at, end, open_at + open_width, end, closed=False))
    return quotes


def split_sentences(tokens: list[Token], closing_quote_starts: set[int]) -> list[list[Token]]:
    """Group a paragraph's tokens into sentences.

    A sentence ends at ``.``, ``!``, ``?`` (plus any closing quote or bracket) when the next
    token begins a new sentence: a capital, a digit or an opening quote. Full stops after
    abbreviations and initials ("Gen.", "F.") do not end sentences. Only tokens that could
    end a sentence are examined, which keeps this off the per-token hot path.
    """
    count = len(tokens)
    ends: list[int] = []  # index of each sentence's last token
    candidates = [i for i, token in enumerate(tokens) if token.text in _SENTENCE_END or (token.text[-1] == "." and len(token.text) > 2)]
    for index in candidates:
        if ends and index <= ends[-1]:
            continue
        token = tokens[index]
        if token.text == ".":
            previous = tokens[index - 1] if index > 0 else None
            if previous is not None and (previous.lower in ABBREVIATIONS or (len(previous.text) == 1 and previous.text.isupper())
                                         or _PARTY_LABEL.fullmatch(previous.text)):
                following = tokens[index + 1] if index + 1 < count else None
                if following is None or following.text not in _SENTENCE_OPENERS or previous.lower not in _FINAL_ABBREVIATIONS:
                    continue  # "Gen. Hamedani"; but "owned by Acme Inc. It employs ..." ends
        elif token.text not in _SENTENCE_END:
            # "in the U.S. The talks ...": an abbreviation that also closes the sentence
            if index + 1 >= count or tokens[index + 1].text not in _SENTENCE_OPENERS:
                continue
        last = index
        while last + 1 < count and tokens[last + 1].text in _TRAILING and (
            tokens[last + 1].text not in (STRAIGHT_QUOTE, "''") or tokens[last + 1].start in closing_quote_starts
        ):
            last += 1
        following = tokens[last + 1] if last + 1 < count else None
        if following is None or following.text[0].isupper() or following.text[0].isdigit() or (
            following.text in OPENING_QUOTES or following.text in {STRAIGHT_QUOTE, "''", "(", "‘", "'"}
        ):
            ends.append(last)
    if not ends or ends[-1] != count - 1:
        ends.append(count - 1)
    starts = [0] + [end + 1 for end in ends[:-1]]
    return [tokens[first:last + 1] for first, last in zip(starts, ends) if first <= last]


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Each non-blank line is a paragraph (news copy separates them by one or two breaks)."""
    bounds = []
    for match in re.finditer(r"[^\r\n]+", text):
        line_start, line_end = match.span()
        while line_start < line_end and text[line_start].isspace():
            line_start += 1
        while line_end > line_start and text[line_end - 1].isspace():
            line_end -= 1
        if line_start < line_end:
            bounds.append((line_start, line_end))
    return bounds


def segment(text: str) -> Document:
    """Split ``text`` into a :class:`Document`; offsets index ``text`` itself."""
    paragraphs = []
    open_quote_pending = False
    for index, (start, end) in enumerate(paragraph_bounds(text)):
        quotes = find_quotes(text, start, end)
        if quotes and open_quote_pending and quotes[0].start == start:
            first = quotes[0]
            quotes[0] = Quote(first.start, first.end, first.inner_start, first.inner_end, first.closed, continues=True)
        open_quote_pending = bool(quotes) and not quotes[-1].closed
        tokens = tokenize(text, start, end)
        closing = {quote.inner_end for quote in quotes if quote.closed}
        paragraph = Paragraph(index, start, end, text[start:end], tokens=tokens, quotes=quotes)
        for sentence_tokens in split_sentences(tokens, closing):
            paragraph.sentences.append(
                Sentence(len(paragraph.sentences), sentence_tokens[0].start, sentence_tokens[-1].end, sentence_tokens)
            )
        paragraphs.append(paragraph)
    return Document(text, paragraphs)


def word_count(tokens: list[Token]) -> int:
    return sum(map(_IS_WORD, tokens))  # C-level: runs over every token of every paragraph


_IS_WORD = attrgetter("is_word")
