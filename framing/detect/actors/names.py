"""Proper names that no list holds: where they are, and what kind of thing each names.

News is full of actors no gazetteer will ever list ("Todd Akin", "Walmart", "Secure
America Now"). English marks proper names with capitals, so the candidates are runs of
capitalised words inside a sentence: "Michael Steele", "Republican National Committee",
"Ursula von der Leyen", "Bashar al-Assad", "Martin Luther King Jr.". A title written just
before a run ("Sen.", "Defense Secretary", "presidential candidate") is split off and kept,
because it is strong evidence that a person follows and says what office they hold.

Capitals alone are not enough: sentences start with one ("Officials said"), months and
days have them, and a headline capitalises every word. Which kind of thing a run names
(person, organisation, place, or nothing that acts) is decided by a learned model
(:mod:`framing.learn.name_model`), trained on GUM's entity annotation. Headlines in Title
Case or capitals give no signal, so no runs are taken from them: their names are found
by matching the names the article body introduced (:mod:`.coreference`).
"""
from __future__ import annotations

import re
from typing import NamedTuple
from itertools import compress, count
from operator import attrgetter

from framing import corpora
from framing.corpora import PhraseMatch, Title
from framing.text import Paragraph, Token

MAX_RUN_TOKENS = 8
# Capitalised only because they start a sentence: never the first word of a name.
FUNCTION_WORDS = frozenset(
    """the a an this that these those his her its their our my your some any no every each all both
    he she it they we i you who which what when where why how there here
    and or but nor so yet if as because while although though since unless until after before
    of in on at for with by from about against to into over under between during through without
    unlike like despite amid among beyond within toward towards upon whether except besides across along around
    is are was were be been has have had will would can could should may might must do does did
    not also just even still only then now however meanwhile instead yes no""".split()
)
# Days and months: never an actor, and a name ends before one ("support for Chick-fil-A Wednesday").
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# "al-Assad", "el-Sisi", "bin-Salman": a lowercase Arabic article joined to a name
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ar|an|az|bin|ibn|abu|abd)-[A-Z]")
_JOINERS = frozenset({"&"})
_CAPITALISED, _TEXT = attrgetter("is_capitalized"), attrgetter("text")
# After these a word is capitalised as if it opened a sentence.
OPENING_MARKS = frozenset({"“", '"', "(", "‘", "'", ":", "—", "–", "-", "«", "["})
_OF_WORDS = frozenset({"of", "for"})


class NameRun(NamedTuple):
    """Capitalised words that may be a name, with the title written just before them (a named
    tuple: an article has dozens, built fast)."""

    first: int  # index of the first token in the paragraph's tokens
    last: int  # last token, inclusive
    title: Title | None = None
    title_first: int | None = None  # first token of the title phrase


def opens_sentence(tokens: list[Token], position: int, sentence_first: int) -> bool:
    return position == sentence_first or tokens[position - 1].text in OPENING_MARKS


def is_name_word(token: Token) -> bool:
    # "-" first: the particle pattern needs one, and most words have none
    return (token.is_capitalized and token.is_word) or ("-" in token.text and bool(_JOINED_PARTICLE.match(token.text)))


def headline_sentences(paragraphs, common_words: frozenset[str]) -> set[tuple[int, int]]:
    """(paragraph, sentence) of every sentence written in Title Case or capitals."""
    return {
        (paragraph.index, sentence.index)
        for paragraph in paragraphs for sentence in paragraph.sentences
        if is_title_case(sentence.tokens, common_words)
    }


def is_title_case(tokens: list[Token], common_words: frozenset[str]) -> bool:
    """A headline's words are capitalised ("Lindsey Graham Says Trump Could Be Impeached") or
    all in capitals. Told from a sentence full of names ("Rep. Mikie Sherrill, Democrat of
    New Jersey, said so") by its common words: a headline capitalises most of them too."""
    if sum(map(_CAPITALISED, tokens)) * 3 < len(tokens):
        return False  # most sentences: few capitals, decided at C speed
    words = [token for token in tokens[1:] if token.is_word and token.text[0].isalpha()]
    if len(words) < 2:
        return False
    if all(token.text.isupper() for token in words if len(token.text) > 1):
        return sum(1 for token in words if len(token.text) > 1) >= 3
    common = [token for token in words if token.lower in common_words]
    if len(common) >= 2:
        return sum(1 for token in common if token.is_capitalized) / len(common) >= 0.6
    long_words = [token for token in words if len(token.text) > 3]
    return len(long_words) >= 3 and sum(1 for token in long_words if token.is_capitalized) / len(long_words) > 0.7


def joined_particle_starts(paragraph: Paragraph) -> frozenset[int]:
    """Positions of the words of a paragraph written like "al-Assad" (from its word
    positions: only words with a hyphen are tried)."""
    index, tokens = paragraph.word_positions(), paragraph.tokens
    return frozenset(
        position for word in index if "-" in word for position in index[word] if _JOINED_PARTICLE.match(tokens[position].text)
    )


def name_runs(tokens: list[Token], first: int, last: int, title_starts: frozenset[int] | None = None,
              joined_starts: frozenset[int] | None = None) -> list[NameRun]:
    """Candidate names in the sentence ``tokens[first..last]``, left to right.

    A title is taken when a name word follows it ("Sen. Ted Cruz", "Attorney General Eric
    Holder"); the words before a title inside one capitalised stretch form a run of their
    own ("NAACP" in "NAACP President Benjamin Jealous", "Texas" in "Texas Gov. Rick Perry").
    Only positions where a capital, a title or a joined particle stands are visited: most
    words of a sentence start none. ``title_starts`` (where titles start in the whole
    paragraph) and ``joined_starts`` (:func:`joined_particle_starts`) may be given when
    several sentences of one paragraph are read.
    """
    title_index = corpora.titles().index
    kinds = corpora.name_words().kinds
    sentence = tokens[first:last + 1]
    if title_starts is None:
        title_starts = frozenset(title_index.starts(tokens))
    visit = sorted(
        set(compress(count(first), map(_CAPITALISED, sentence)))
        | {position for position in title_starts if first <= position <= last}
        | (set(compress(count(first), map(_JOINED_PARTICLE.match, map(_TEXT, sentence)))) if joined_starts is None
           else {position for position in joined_starts if first <= position <= last})
    )
    runs: list[NameRun] = []
    free_from = first
    title: Title | None = None
    title_first: int | None = None
    for position in visit:
        if position < free_from:
            continue
        if title is not None and position != free_from:
            title, title_first = None, None  # a lowercase word came between the title and this capital
        found = _title_before_name(tokens, position, last, title_index) if position in title_starts or "-" in tokens[position].text else None
        if found is not None:
            title, title_first = found.entry, position
            free_from = found.last + 1
            continue
        token = tokens[position]
        if not is_name_word(token) or token.lower in FUNCTION_WORDS:
            title, title_first = None, None
            continue
        end = _run_end(tokens, position, last, title_index, kinds, title_starts)
        runs.append(NameRun(position, end, title, title_first))
        title, title_first = None, None
        free_from = end + 1
    return runs


_ELECT = "-elect"


def _title_before_name(tokens: list[Token], position: int, last: int, title_index):
    """A title at ``position`` followed by a name word; "Representative-elect" is the title
    "Representative" too."""
    found = title_index.at(tokens, position)
    if found is None and tokens[position].lower.endswith(_ELECT):
        bare = tokens[position].text[:-len(_ELECT)]
        entry = title_index.get(bare)
        found = PhraseMatch(position, position, entry) if entry is not None else None
    if found is None or found.last >= last:
        return None
    following = tokens[found.last + 1]
    if not is_name_word(following) or following.lower in FUNCTION_WORDS or corpora.name_words().kinds.get(following.text) == "suffix":
        return None  # "Martin Luther King Jr.": "King" names, it does not title
    return found


def _run_end(tokens: list[Token], start: int, last: int, title_index, kinds: dict[str, str], title_starts: frozenset[int]) -> int:
    """The last token of the name run starting at ``start``."""
    end = start
    while end + 1 <= last and end + 1 - start < MAX_RUN_TOKENS:
        following = tokens[end + 1]
        if (end + 1 in title_starts or "-" in following.text) and _title_before_name(tokens, end + 1, last, title_index) is not None:
            break  # "Defense" | "Secretary" | "Ash Carter"
        if following.lower in CALENDAR_WORDS and following.text != "May":
            break
        if is_name_word(following) and (following.lower not in FUNCTION_WORDS or following.text != "I"):
            end += 1  # inside a name a capitalised function word belongs to it: "Secure America Now"
            continue
        joined = _joined_to_next(tokens, end + 1, last, kinds, start)
        if joined is None:
            break
        end = joined
    return end


def _joined_to_next(tokens: list[Token], position: int, last: int, kinds: dict[str, str], start: int) -> int | None:
    """A lowercase word inside a name: "von der" in "Ursula von der Leyen", "&" in "AT & T",
    "of" in "Bank of America" and "National Association for the Advancement of Colored
    People" (only once the name holds an organisation or place word). Returns the next name
    word's index, or None when the name ends here."""
    step = position
    if kinds.get(tokens[step].lower) == "particle" or tokens[step].text in _JOINERS:
        while step <= last and (kinds.get(tokens[step].lower) == "particle" or tokens[step].text in _JOINERS):
            step += 1
    elif tokens[step].lower in _OF_WORDS and any(kinds.get(token.text) in ("organization", "place") for token in tokens[start:position]):
        step += 1
        if step <= last and tokens[step].lower == "the":
            step += 1
    else:
        return None
    if step <= last and is_name_word(tokens[step]) and tokens[step].lower not in FUNCTION_WORDS:
        return step
    return None
