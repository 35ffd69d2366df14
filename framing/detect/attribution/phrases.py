"""Source phrases: where the words naming a speaker begin and end around a cue.

The walks step over the words a noun phrase can hold, backward from a cue ("one rebel
commander with fighters in the region said"), forward after it ("..., said Nicky Hale,
24, from Leeds"), over appositives ("The Observatory, which monitors the war, said"), to
a sentence's or a clause's subject ("Siemens cut 400 jobs and said ..."), or to the
antecedent of "who". They return token ranges and know nothing of actors: what the phrase
names is :mod:`framing.detect.attribution.sources`' question. They stop at the clause
boundaries they can see, since there is no parser.
"""
from __future__ import annotations

import re

from framing import corpora
from framing.detect.attribution.words import (
    AUXILIARIES, CLAUSE_WORDS, DETERMINERS, GERUND_PREPOSITIONS, MAX_SOURCE_TOKENS, PRONOUNS, QUOTE_TOKENS,
    SOURCE_PREPOSITIONS, SUBORDINATORS, TIME_WORDS,
)
from framing.text import Token

_CLAUSE_OPENERS = frozenset("at in on after before during since while when as if although though because for from with by".split())
# Words that open a hearer phrase after "told": "told the committee", "told his supporters".
_HEARER_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
# Sentence adverbs and conjunctions a run of capitalised words stops at ("Even Republicans who").
_ANTECEDENT_STOPS = frozenset("but and so yet even only also then still".split())
_CLAUSE_BREAKS = frozenset({",", ";", ":", "-", "—", "–"})
_ADVERBS_NEAR_CUE = frozenset(
    "also separately later earlier previously again further then once repeatedly publicly privately "
    "recently officially still already just now often always initially subsequently however too "
    "reportedly allegedly widely correctly falsely wrongly".split()
)
_VENUES = frozenset(
    "statement interview speech post tweet briefing conference letter televised address message "
    "release report video remarks".split()
)
_NP_PREPOSITIONS = frozenset({"of", "for", "at", "from", "with"})
# A noun phrase never ends on a preposition or an article: a walk that stops there has
# found the head of something else ("a series of [tweets]").
_NEVER_ENDS_NP = frozenset({"of", "for", "at", "from", "with", "to", "by", "in", "on", "a", "an", "the"})
_PARTY_LABEL_START = re.compile(r"[RDI]-[A-Z]")
_FRONTING_PREPOSITIONS = frozenset({"for", "in", "on", "at", "after", "before", "during", "with", "by", "since", "despite", "under"})
_ADJUNCT_PREPOSITIONS = frozenset({"on", "in", "at", "by", "from", "to", "into", "during", "after", "before", "via", "through"})
# Words that never sit inside a source phrase: the infinitive marker and pronouns (a lone
# pronoun source is taken separately and resolved to its antecedent).
_NOT_IN_SOURCE = frozenset("to it he she they we i you him them us".split())


def _np_word(token: Token) -> bool:
    if not token.is_word and token.text not in ("’s", "'s", "-", "&", "%"):
        return False
    return token.lower not in CLAUSE_WORDS and token.lower not in AUXILIARIES and token.lower not in _NOT_IN_SOURCE


def possessive_mark(tokens: list[Token], index: int) -> bool:
    """The apostrophe of a plural or s-final possessive ("Sanders’ campaign manager"), which
    the tokenizer splits off on its own, unlike "’s"."""
    return (
        tokens[index].text in ("’", "'") and index > 0 and tokens[index - 1].is_word
        and tokens[index - 1].lower.endswith("s") and tokens[index - 1].end == tokens[index].start
    )


def single_pronoun(tokens: list[Token], end: int, limit: int) -> tuple[int, int] | None:
    """"he said", "It says": a lone pronoun right before the cue, after no other noun-phrase word."""
    if end >= limit and tokens[end].lower in PRONOUNS and (end == limit or not _np_word(tokens[end - 1])):
        return end, end
    return None


def subject_pronoun(tokens: list[Token], end: int, limit: int) -> tuple[int, int] | None:
    """"Then she added", "Still he rejected", "something he denied": a personal subject
    pronoun is its verb's subject whatever precedes it. For a cue already chosen (the
    learned tagger's); the rules keep :func:`single_pronoun`, whose stricter frame also
    decides whether a lexicon word is a cue at all."""
    if end >= limit and tokens[end].lower in PRONOUNS and tokens[end].lower != "it":
        return end, end
    return single_pronoun(tokens, end, limit)


def backward_np(tokens: list[Token], end: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``tokens[end]``, walking left to ``limit``."""
    if end < limit:
        return None
    position = end
    verbs = corpora.reporting_verbs().index
    while position >= limit and end - position < MAX_SOURCE_TOKENS:
        token = tokens[position]
        if not (_np_word(token) or possessive_mark(tokens, position)) or (
                position < end and verbs.at(tokens, position) is not None and not token.is_capitalized):
            break  # the head itself may be a reporting noun: "the statement said", "the report says"
        position -= 1
        if token.lower in DETERMINERS and token.lower not in ("its", "their", "his", "her"):
            # a determiner opens the phrase, unless a preposition attaches it to a head
            # on its left: "attorneys for the family", "one of the family's attorneys"
            if not (position > limit and tokens[position].lower in _NP_PREPOSITIONS):
                break
    first = position + 1
    while first <= end and tokens[first].lower in ("and", "of", "for", "in", "with", "’s", "'s"):
        first += 1
    if first > end or not any(token.is_word for token in tokens[first:end + 1]) or tokens[end].lower in _NEVER_ENDS_NP:
        return None  # "In a series of tweets, Moore claimed": "a series of" names no one
    return first, end


def opens_with_preposition(tokens: list[Token], span: tuple[int, int]) -> bool:
    """"saying on Twitter: ...": a phrase a preposition opens is an adjunct, not a speaker."""
    return tokens[span[0]].lower in _ADJUNCT_PREPOSITIONS


def forward_np(tokens: list[Token], start: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``tokens[start]``: "one rebel commander with fighters in the region"."""
    if start <= limit and tokens[start].lower in _CLAUSE_OPENERS:
        return None  # "said in a post on Twitter": an adjunct, not a speaker
    position = start
    while position <= limit and position - start < MAX_SOURCE_TOKENS:
        token = tokens[position]
        if not token.is_word and token.text not in ("’s", "'s", "-", "&") and not possessive_mark(tokens, position):
            break
        if token.lower in CLAUSE_WORDS or token.lower == "to" or (token.lower in AUXILIARIES and position > start):
            break
        if token.lower in ("on", "in", "at") and position + 1 <= limit and _is_time_or_venue(tokens, position + 1, limit):
            break
        position += 1
    end = position - 1
    while end >= start and tokens[end].lower in ("of", "for", "in", "with", "the", "a", "and", "on", "at"):
        end -= 1
    if end < start:
        return None
    return start, end


def backward_np_from_start(tokens, start: int, end: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence: "The United States has ruled out ...".

    Without a tagger the verb is unknown, so the subject ends at the last word, among
    the first few, that is a capitalised name or a known head noun ("The company cut 400
    jobs and said ..." -> "The company").
    """
    nouns = corpora.source_nouns().index
    state_nouns = corpora.state_nouns().index
    last_head = None
    position = start
    while position <= end and _np_word(tokens[position]) and position - start < 6:
        token = tokens[position]
        if token.lower in _CLAUSE_OPENERS:
            return None  # "At the forum, ...": the sentence opens with an adverbial, not its subject
        if token.is_capitalized and token.lower not in DETERMINERS or nouns.word(token.text) or state_nouns.word(token.text):
            last_head = position
        elif last_head is not None and token.lower not in ("of", "’s", "'s", "-"):
            break
        position += 1
    return (start, last_head) if last_head is not None else None


def appositive_name(tokens: list[Token], comma: int, limit: int) -> tuple[int, int] | None:
    """The capitalised name between two commas before a cue, if that is what precedes it."""
    opening = comma - 1
    while opening >= limit and tokens[opening].text != ",":
        opening -= 1
    if opening < limit or opening == comma - 1:
        return None
    first_inside = tokens[opening + 1]
    last_inside = tokens[comma - 1]
    if last_inside.is_word and not last_inside.is_capitalized and corpora.source_nouns().index.word(last_inside.text) is not None:
        return None  # "Democracy for America's executive director": a role, not a name
    if first_inside.is_capitalized and first_inside.lower not in DETERMINERS:
        inside = backward_np(tokens, comma - 1, opening + 1)
        if inside is not None and inside[0] == opening + 1:
            return inside
    return None


def appositive_source(tokens: list[Token], comma: int, limit: int) -> tuple[int, int] | None:
    """"The Observatory, which monitors ..., said" / "One of those groups, Liwa Suqour al-Jabal, said".

    Wire copy stacks appositives between a name and its verb ("Nicky Hale, 24, from Leeds,
    said"; "Rep. Ann Roe (D-Ore.), who wrote the bill, said"): the walk steps back over
    up to three comma-delimited segments, and over a party label, to the phrase they
    describe, passing only segments that describe (an age, a place, a role, a relative
    clause) rather than name.
    """
    named = appositive_name(tokens, comma, limit)
    if named is not None:
        return named
    closing = comma
    for _ in range(3):
        opening = closing - 1
        while opening >= limit and tokens[opening].text != ",":
            opening -= 1
        if opening < limit or opening == closing - 1:
            return None
        head = backward_np(tokens, _skip_back_parenthetical(tokens, opening - 1, limit), limit)
        if head is None:
            return None
        if not _describes(tokens, head[0], opening - 1):
            return head
        closing = opening
    return None


def subject_with_appositive(tokens: list[Token], comma: int, limit: int) -> tuple[int, int] | None:
    """An appositive source (:func:`appositive_source`) that opens its sentence, so the
    commas are an apposition's, not a fronted adverbial's ("In Ohio, he met the governor,
    praised ...")."""
    source_range = appositive_source(tokens, comma, limit)
    if source_range is None or not _opens_clause(tokens, source_range[0], limit):
        return None
    return source_range


def _opens_clause(tokens: list[Token], position: int, limit: int) -> bool:
    """Does ``position`` start the sentence, or follow only a quotation mark, "But"/"And",
    or a fronted prepositional phrase ("For his part, Chuck Schumer, the Senate minority
    leader, called ...")?"""
    previous = position - 1
    while previous >= limit and tokens[previous].text in QUOTE_TOKENS:
        previous -= 1
    if previous < limit or (previous == limit and tokens[previous].lower in ("but", "and", "so")):
        return True
    return (tokens[previous].text == "," and tokens[limit].lower in _FRONTING_PREPOSITIONS
            and not any(token.text == "," for token in tokens[limit:previous]))


def _describes(tokens: list[Token], first: int, last: int) -> bool:
    """Is this comma-delimited segment an appositive that describes rather than names: an
    age ("24"), a place ("from Leeds") or a role ("a spokesman for the ministry")?"""
    head = tokens[first]
    if all(token.text[0].isdigit() for token in tokens[first:last + 1] if token.is_word):
        return True
    if _PARTY_LABEL_START.match(head.text):
        return True  # "Sen. Mitt Romney, R-Utah, whose views ..., said"
    return head.lower in ("from", "of", "in", "at", "a", "an", "who", "whose", "which")


def _skip_back_parenthetical(tokens: list[Token], position: int, limit: int) -> int:
    """Step left over a party label or age in brackets: "Rep. Ann Roe (D-Ore.)"."""
    if position < limit or tokens[position].text != ")":
        return position
    opening = position
    while opening >= limit and tokens[opening].text != "(":
        opening -= 1
    if opening < limit or position - opening > 8:
        return position
    return opening - 1


def skip_back_adverbs(tokens: list[Token], position: int, limit: int) -> int:
    """Step left over "has also", "on Friday" and the like between a source and its cue."""
    while position >= limit:
        lower = tokens[position].lower
        if lower == ")":  # a party label or age: "Sen. Lindsey Graham (R-S.C.) told"
            opening = position
            while opening >= limit and tokens[opening].text != "(":
                opening -= 1
            if opening < limit or position - opening > 8:
                break
            position = opening - 1
        elif lower in _ADVERBS_NEAR_CUE or lower in AUXILIARIES or lower in ("'s", "'re", "'ve", "'d", "'ll") or (
            lower.endswith("ly") and not tokens[position].is_capitalized and len(lower) > 4
        ):
            position -= 1
        elif lower in TIME_WORDS and position - 1 >= limit and tokens[position - 1].lower in ("on", "last", "this", "late", "early"):
            position -= 2
            if position >= limit and tokens[position].lower in ("late", "early"):
                position -= 1
        else:
            break
    return position


def _is_time_or_venue(tokens: list[Token], position: int, limit: int) -> bool:
    token = tokens[position]
    if token.lower in TIME_WORDS or token.text[0].isdigit():
        return True
    if token.lower in ("a", "an", "the") and position + 1 <= limit:
        following = tokens[position + 1].lower
        return following in _VENUES or following in ("news", "press")
    return False


def skip_forward_adjuncts(tokens: list[Token], position: int, limit: int, needs_recipient: bool) -> int:
    """Step right over "Reuters", ", however,", "on Friday in London" to where content starts."""
    if needs_recipient and position <= limit:
        for index in range(position, min(limit + 1, position + 9)):
            if tokens[index].text in (",", ";", ":") or tokens[index].text in QUOTE_TOKENS:
                break
            if tokens[index].lower == "that":
                return index  # the hearer, however long, ends at "that"
        start = position
        if tokens[position].lower in _HEARER_DETERMINERS:
            position += 1
        while position <= limit and position - start < 5 and tokens[position].is_word and (
            tokens[position].is_capitalized or position == start or tokens[position - 1].lower in _HEARER_DETERMINERS | {"news", "press"}
        ) and tokens[position].lower not in ("that",):
            position += 1
    while position <= limit:
        token = tokens[position]
        if token.text == "," or token.lower in _ADVERBS_NEAR_CUE:
            position += 1
        elif token.lower in ("on", "late", "early", "last", "this") and position + 1 <= limit and _is_time_or_venue(tokens, position + 1, limit):
            position += 2
            if position <= limit and tokens[position - 1].lower in ("on",) and tokens[position].lower in TIME_WORDS:
                position += 1
        elif token.lower in ("in", "at", "on") and position + 1 <= limit and (
            tokens[position + 1].is_capitalized and tokens[position + 1].lower not in PRONOUNS
        ):
            position += 2
            while position <= limit and tokens[position].is_capitalized and tokens[position].is_word:
                position += 1
        elif token.lower in ("in", "at", "during", "on") and position + 1 <= limit and _is_time_or_venue(tokens, position + 1, limit):
            position += 2
            while position <= limit and tokens[position].is_word and tokens[position].lower not in ("that",) and (
                tokens[position].lower in _VENUES or tokens[position].lower in ("conference", "briefing", "news", "press")
            ):
                position += 1
        else:
            break
    return position


def skip_that(tokens: list[Token], position: int, limit: int) -> int:
    if position <= limit and tokens[position].lower == "that":
        return position + 1
    return position


def relative_antecedent(tokens: list[Token], who: int, limit: int) -> tuple[int, int] | None:
    """The phrase "who" refers to: the one right before it ("independent voters who said"),
    or before its comma, past describing appositives ("Ann Roe, 41, from Leeds, who ...",
    "Ann Roe, a lawyer in Leeds, who ...")."""
    if who - 1 < limit:
        return None
    if tokens[who - 1].text != ",":
        return _antecedent_np(tokens, who - 1, limit)
    end = who - 2
    for _ in range(3):
        end = _skip_back_parenthetical(tokens, end, limit)
        opening = end
        while opening >= limit and tokens[opening].text != ",":
            opening -= 1
        if opening < limit or not _describes(tokens, opening + 1, end):
            return _antecedent_np(tokens, end, max(limit, opening + 1))
        end = opening - 1
    return None


def _antecedent_np(tokens: list[Token], end: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``end``, kept tight because "who" follows whatever is
    nearest: a run of capitalised words ("Donald J. Trump", "Mr. Sanders"), else a head
    noun with its modifiers back to a determiner, stopping at a preposition or a verb-like
    word ("Democrats across the country", "fired with the help of his children")."""
    if end < limit or not tokens[end].is_word:
        return None
    position = end
    if tokens[end].is_capitalized:
        while position >= limit and (tokens[position].is_capitalized or possessive_mark(tokens, position)) and (
            tokens[position].is_word or possessive_mark(tokens, position)
        ) and tokens[position].lower not in _ANTECEDENT_STOPS:
            position -= 1
        return (position + 1, end) if position < end else None
    nouns = corpora.source_nouns().index
    verbs = corpora.reporting_verbs().index
    while position >= limit and end - position < 6:
        token = tokens[position]
        lower = token.lower
        if not (token.is_word or token.text in ("’s", "'s") or possessive_mark(tokens, position)):
            break
        if lower in CLAUSE_WORDS or lower in AUXILIARIES or lower in GERUND_PREPOSITIONS | SOURCE_PREPOSITIONS | {"to", "across", "among"}:
            break
        if position < end and not token.is_capitalized and lower.endswith(("ed", "ing")) and nouns.word(lower) is None:
            break
        if position < end and (verbs.word(lower) is not None or (
            token.is_capitalized and tokens[position + 1].text not in ("’s", "'s") and not possessive_mark(tokens, position + 1)
        )):
            break  # "Mr. Bush tells voters who ...": a verb, or a name that is not a possessive
        position -= 1
        if lower in DETERMINERS:
            break
    return (position + 1, end) if position < end else None


def one_noun_phrase(tokens: list[Token], subject: tuple[int, int]) -> bool:
    """A subject walk that ran over two noun phrases ("the vote the party lost members")
    found none: a second determiner may follow only "of" ("the head of the agency")."""
    first, last = subject
    return not any(
        tokens[i].lower in ("the", "a", "an") and tokens[i - 1].lower not in ("of", "for", "and")
        for i in range(first + 1, last + 1)
    )


def conjunct_subject(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause the conjunction continues: after the nearest comma, dash
    or subordinator before it ("Asked about it, Mrs. Lee shook her head and said"; "when
    Rubio thanked the crowd and said"), else the sentence's."""
    boundary = end
    while boundary >= start and not (tokens[boundary].text in _CLAUSE_BREAKS or tokens[boundary].lower in SUBORDINATORS):
        boundary -= 1
    if boundary >= start:
        subject = _sentence_subject(tokens, boundary + 1, end)
        if subject is not None:
            return subject
    return _sentence_subject(tokens, start, end)


def _sentence_subject(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """The subject of the sentence's first clause: a pronoun ("She cut ... but said") or a
    noun phrase (:func:`backward_np_from_start`), after an opening "But" or a fronted
    adverbial closed by a comma ("On Tuesday, the company ...")."""
    if start <= end and tokens[start].lower in ("but", "and", "so", "yet"):
        start += 1
    if start <= end and tokens[start].lower in _CLAUSE_OPENERS:
        comma = next((i for i in range(start + 1, min(end, start + 8) + 1) if tokens[i].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    if start <= end and tokens[start].lower in PRONOUNS and tokens[start].lower != "it":
        return start, start
    return backward_np_from_start(tokens, start, end)
