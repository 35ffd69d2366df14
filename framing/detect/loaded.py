"""Loaded terms: emotive, pejorative or partisan wording, and who chose it.

Each match names its lexicon entry and category (corpora/loaded_terms.tsv), a neutral
alternative where one exists, and its voice. Inside quotation marks the word is the
speaker's; outside them it is the writer's choice, including in paraphrase ("Moscow says
has targeted the militant group": the reporter, not Moscow, chose "militant group"),
which follows Recasens et al. (2013): framing bias lives in the words the writer picks.
Labels ("regime", "militant group", "Daesh") also name the actor they are applied to.

Beyond each entry's own exclusion words, three context rules keep out uses where the
writer did not choose the word as a judgement (see "Context rules" in
corpora/loaded_terms.md): the word is part of a proper name ("Militant Islam Monitor",
the book "The Dictator Pope"); the sentence is a verbatim repeat of an earlier one in the
same document (a poll widget or share box repeated down the page); and "evil" used as the
abstract noun of moral talk ("good and evil", "deliver us from evil") rather than as a
judgement of an actor ("an evil regime", "he is evil").
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from framing.corpora import LoadedLexicon, LoadedEntry
from framing.detect.actors import ActorFindings, ActorMention
from framing.detect.attribution import Attribution, group_by_paragraph
from framing.detect.lexicon_hits import Hit, lexicon_hits
from framing.detect.voice import Voice, voice_of
from framing.spans import Span
from framing.text import Document, Paragraph, Token

# Categories that answer "whose vocabulary is this?" (a side's or a style guide's label)
# rather than "is this an emotional appeal?". The product reports them like the others;
# the evaluation also scores the lexicon without them, because propaganda annotation
# (PTC's Loaded_Language, Name_Calling) is a different construct (docs/quality.md).
VOCABULARY_CATEGORIES = frozenset({"partisan_label", "contested_label"})

# A headline in title case capitalises most words, so capitals there say nothing about names.
_TITLE_CASE_SHARE = 0.7
_TITLE_CASE_MIN_WORDS = 3
# Sentences shorter than this may be repeated on purpose ("No. Absolutely not."); longer
# verbatim repeats are page furniture.
_REPEAT_MIN_WORDS = 6
# Before "evil", words that make it the abstract noun: determiners, prepositions and the
# verbs of moral talk ("the evil", "from evil", "do evil", "repay evil").
_EVIL_NOUN_BEFORE = frozenset(
    "the from against between and or do does did doing done doeth doth repay repaid overcome overcame "
    "resist resisted".split()
)
# After "evil", words that show it is not premodifying a noun ("evil and good", "evil is").
# "Of" is not among them: "the evil of racism" judges racism.
_EVIL_NOUN_AFTER = frozenset("and or but with is was are were in to that for at by from as than".split())


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    paragraph: int
    span: Span
    term: str
    category: str
    neutral: str | None
    voice: Voice
    target_actor: str | None
    note: str


def find_loaded_terms(document: Document, lexicon: LoadedLexicon, attributions: list[Attribution], actors: ActorFindings) -> list[LoadedTerm]:
    by_paragraph = group_by_paragraph(attributions)
    mentions = group_by_paragraph(actors.mentions)
    found = []
    for hit in _chosen_hits(document, lexicon):
        entry, paragraph, span = hit.entry, hit.paragraph, hit.span
        voice = voice_of(span, paragraph, by_paragraph.get(paragraph.index, []))
        if voice.voice == "attributed":
            voice = Voice("authorial", None)  # paraphrase: the writer's wording
        target = _target(span, mentions.get(paragraph.index, []), paragraph) if entry.targets else None
        found.append(LoadedTerm(paragraph.index, span, entry.term, entry.category, entry.neutral, voice, target, entry.note))
    return found


def _chosen_hits(document: Document, lexicon: LoadedLexicon) -> Iterator[Hit[LoadedEntry]]:
    """Lexicon hits that survive the context rules (names, repeats, the noun "evil")."""
    seen_sentences: set[str] = set()
    sentence_start, repeated = -1, False
    for hit in lexicon_hits(document, lexicon.index):
        tokens = hit.tokens
        if tokens[0].start != sentence_start:  # the first hit of a sentence decides for all of its hits
            sentence_start = tokens[0].start
            repeated = _is_repeat(document.text, tokens, seen_sentences)
        if repeated:
            continue
        last = _last_token(tokens, hit)
        if _in_proper_name(tokens, hit.first, last, hit.entry) or _is_abstract_evil(tokens, hit.first, last, hit.entry):
            continue
        yield hit


def _last_token(tokens: list[Token], hit: Hit[LoadedEntry]) -> int:
    """Index of the hit's last token (a hit stores its first token and its span)."""
    last = hit.first
    while tokens[last].end < hit.span.end:
        last += 1
    return last


def _is_repeat(text: str, tokens: list[Token], seen: set[str]) -> bool:
    """True when this sentence repeats, word for word, a sentence met earlier in the document.

    Scraped pages repeat widgets ("Whom do you consider ...?" after every section) and pull
    quotes; the writer chose those words once, so they are reported once. Only sentences
    that hold a hit are remembered, which is enough: a repeat without a hit adds nothing.
    """
    if sum(token.is_word for token in tokens) < _REPEAT_MIN_WORDS:
        return False
    key = " ".join(text[tokens[0].start:tokens[-1].end].split())
    if key in seen:
        return True
    seen.add(key)
    return False


def _in_proper_name(tokens: list[Token], first: int, last: int, entry: LoadedEntry) -> bool:
    """True when a one-word term is capitalised as part of a name or a title.

    "Militant Islam Monitor" (an organisation, after "of"), "The Dictator Pope" (a book,
    after a mid-sentence "The") and "the Obama Regime Administrative Amnesty" (inside a
    run of capitals) name things; the writer did not pick the word as a judgement there.
    A capitalised label in front of a person's name ("the Marxist Antonio Gramsci", "the
    Tyrant King George") is still a label, so a lowercase determiner before the term does
    not make a name, and neither does a sentence-initial "The" ("The Woke Left ..."). Multiword forms ("Crooked Hillary"), hyphenated ones ("Soros-backed"),
    entries that are proper coinages ("Daesh") and title-case headlines are left alone.
    """
    token = tokens[first]
    if first != last or first == 0 or not token.is_capitalized or "-" in token.text or not entry.term.islower():
        return False
    if not _capitalised_word(tokens, last + 1) or _is_title_case(tokens):
        return False
    before = tokens[first - 1]
    if first - 1 > 0 and before.is_word and before.is_capitalized:
        return True  # a mid-sentence title ("in The Dictator Pope") or the middle of a name
    return before.lower == "of" and _capitalised_word(tokens, last + 2)  # "Director of Militant Islam Monitor"


def _capitalised_word(tokens: list[Token], index: int) -> bool:
    return index < len(tokens) and tokens[index].is_word and tokens[index].is_capitalized


def _is_title_case(tokens: list[Token]) -> bool:
    """True for a headline-style sentence (most words of four letters or more capitalised),
    and for a sentence too short to tell (fewer than ``_TITLE_CASE_MIN_WORDS`` such words):
    either way its capitals prove nothing, so the proper-name rule does not apply."""
    long_words = [token for token in tokens if token.is_word and len(token.text) >= 4 and token.text[0].isalpha()]
    if len(long_words) < _TITLE_CASE_MIN_WORDS:
        return True
    capitalised = sum(token.is_capitalized for token in long_words)
    return capitalised >= _TITLE_CASE_SHARE * len(long_words)


def _is_abstract_evil(tokens: list[Token], first: int, last: int, entry: LoadedEntry) -> bool:
    """True for "evil" as the abstract noun of moral and scriptural talk.

    "Good and evil", "deliver us from evil", "do evil" talk about wrong
    in general; "an evil regime", "he is evil" judge an actor. The noun follows a
    determiner, preposition or verb of doing and is not followed by the noun it would
    modify. Only the words "evil" and "evils" are tested; "evildoers" stays a label.
    """
    if entry.term != "evil" or first != last or tokens[first].lower not in ("evil", "evils"):
        return False
    before = _word_before(tokens, first)
    if before is None or before.lower not in _EVIL_NOUN_BEFORE:
        return False
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return after is None or not after.is_word or after.lower in _EVIL_NOUN_AFTER


def _word_before(tokens: list[Token], index: int) -> Token | None:
    return tokens[index - 1] if index > 0 and tokens[index - 1].is_word else None


def _target(span: Span, mentions: list[ActorMention], paragraph: Paragraph) -> str | None:
    """The actor a label is applied to: the mention it overlaps or touches ("Assad regime",
    "regime of Assad", "the regime in Tehran")."""
    best = None
    best_gap = 4  # characters: "Assad regime", "regime of Assad" is 4 with "of "
    for mention in mentions:
        if mention.span.overlaps(span):
            return mention.actor
        gap = span.start - mention.span.end if mention.span.end <= span.start else mention.span.start - span.end
        between = paragraph.text[min(span.end, mention.span.end) - paragraph.start:max(span.start, mention.span.start) - paragraph.start]
        if gap <= best_gap and between.strip(" ’'s") in ("", "of", "of the", "in"):
            best, best_gap = mention.actor, gap
    return best
