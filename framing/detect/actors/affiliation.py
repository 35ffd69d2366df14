"""Whom a person belongs to, read from the words around their name.

US political copy states a politician's party in a handful of fixed ways, and other news
names a person's organisation the same way; each is a small rule:

* a party marker after the name: "Sen. Ted Cruz (R-Texas)", "Rep. Jerrold Nadler, D-N.Y.,";
* a party or organisation before the title: "Democratic Rep. Jay Inslee", "Republican
  presidential candidate Mitt Romney", "NAACP President Benjamin Jealous";
* an appositive after the name: "Michael Steele, chairman of the Republican National
  Committee", "Jim Manley, a spokesman for Sen. Harry Reid", "Mikie Sherrill, Democrat of
  New Jersey";
* an appositive before it: "the RNC chairman, Michael Steele".

Each rule returns the words that name the affiliation (resolved to an actor by the
caller) and the role nouns found ("chairman", "spokesman"), which later let "the
chairman" refer back to the person (:mod:`.coreference`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from framing import corpora
from framing.detect.actors.names import FUNCTION_WORDS, is_name_word
from framing.text import Token

PARTY_MARKER = re.compile(r"^([RDI])-[A-Z]")  # "R-Texas", "D-N" (of "D-N.Y.")
PARTY_LETTERS = {"R": "republican_party", "D": "democratic_party"}
# Party adjectives and nouns as news writes them before a name or a group noun.
PARTY_WORDS = {"Republican": "republican_party", "GOP": "republican_party", "Democratic": "democratic_party",
               "Democrat": "democratic_party"}
_APPOSITIVE_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their"})
_AFFILIATION_PREPOSITIONS = frozenset({"of", "for", "at", "with"})
_MAX_APPOSITIVE_TOKENS = 10
# Words that qualify a role without naming one: "deputy press secretary", "editor in chief".
_ROLE_MODIFIERS = frozenset({"deputy", "press", "chief", "senior", "former", "top", "in", "assistant", "national", "state",
                             "campaign", "communications", "general", "executive"})


@dataclass(frozen=True, slots=True)
class Affiliation:
    """What the words around one name say: a party, an organisation's words, role nouns."""

    party: str | None = None  # an actor id: republican_party, democratic_party
    organisation: tuple[int, int] | None = None  # token range naming the organisation
    roles: frozenset[str] = frozenset()


def party_after(tokens: list[Token], last: int) -> str | None:
    """"Cruz (R-Texas)", "Nadler, D-N.Y.": the party letter within two tokens after the name."""
    for token in tokens[last + 1:last + 3]:
        found = PARTY_MARKER.match(token.text)
        if found:
            return PARTY_LETTERS.get(found.group(1))
        if token.text not in ("(", ","):
            return None
    return None


def party_before(tokens: list[Token], title_first: int | None, first: int) -> str | None:
    """"Democratic Rep. Jay Inslee", "Republican presidential candidate Mitt Romney": a party
    word within the three words before the title (or the name)."""
    start = title_first if title_first is not None else first
    for token in reversed(tokens[max(0, start - 3):start]):
        party = PARTY_WORDS.get(token.text)
        if party:
            return party
        if token.text in (",", ".", ";", ":", "“", '"') or token.lower in ("and", "or", "but"):
            return None
    return None


def appositive_after(tokens: list[Token], last: int, limit: int) -> Affiliation | None:
    """", chairman of the Republican National Committee," or ", a spokeswoman for the
    Pentagon,": the role nouns, and the organisation named after "of"/"for"/"at"."""
    last = _past_home_place(tokens, last, limit)
    if last + 2 > limit or tokens[last + 1].text != ",":
        return None
    titles = corpora.titles()
    position = last + 2
    end = min(limit, position + _MAX_APPOSITIVE_TOKENS)
    roles: set[str] = set()
    organisation = None
    party = None
    while position <= end:
        token = tokens[position]
        if token.text in (",", ".", ";", ")", "—", "–"):
            break
        if token.text in PARTY_WORDS:  # ", Democrat of New Jersey,", ", a Republican from Ohio,"
            party = PARTY_WORDS[token.text]
        elif token.lower in titles.roles:
            roles.add(token.lower)
        elif token.lower in _AFFILIATION_PREPOSITIONS and roles:
            organisation = _name_after(tokens, position + 1, end)
            break
        elif not (token.lower in _APPOSITIVE_DETERMINERS or token.is_word):
            break
        position += 1
    if not roles and party is None:
        return None
    return Affiliation(party=party, roles=frozenset(roles), organisation=organisation)


def _past_home_place(tokens: list[Token], last: int, limit: int) -> int:
    """"Senator Chuck Schumer of New York, the Democratic leader,": the appositive comes
    after the place a politician represents; the last token of that place, else ``last``."""
    position = last + 1
    if position + 1 > limit or tokens[position].lower not in ("of", "from") or not tokens[position + 1].is_capitalized:
        return last
    position += 1
    while position + 1 <= limit and is_name_word(tokens[position + 1]) and tokens[position + 1].lower not in FUNCTION_WORDS:
        position += 1
    return position if position + 1 <= limit and tokens[position + 1].text == "," else last


def role_before(tokens: list[Token], first: int, titled: bool = False) -> Affiliation | None:
    """"St. Louis Tea Party organizer Bill Hennessy", "NATO's
    deputy spokesman, Piers Cazalet": lower-case role words just before the name (or before a
    comma before it) and the capitalised name before them, the organisation. A role is a
    title's role or a person noun of the source lexicon (``worker``, ``organizer``). With
    ``titled``, ``first`` is where a title starts, which is role enough: "Obama campaign
    deputy press secretary Ben Labolt"."""
    titles = corpora.titles()
    source_nouns = corpora.source_nouns().index
    end = first - 1
    if end >= 0 and tokens[end].text == ",":
        end -= 1
    position = end
    roles: set[str] = set()
    while position >= 0 and end - position < 4 and tokens[position].is_word and not tokens[position].is_capitalized:
        if tokens[position].lower in titles.roles or (tokens[position].lower not in _ROLE_MODIFIERS and source_nouns.word(tokens[position].lower)):
            roles.add(tokens[position].lower)
        elif tokens[position].lower not in _ROLE_MODIFIERS:
            return None
        position -= 1
    if not (roles or titled) or position < 0:
        return None
    if tokens[position].text in ("’s", "'s"):
        position -= 1
    organisation_end = position
    while position >= 0 and is_name_word(tokens[position]) and tokens[position].lower not in FUNCTION_WORDS:
        position -= 1
    if organisation_end < 0 or position == organisation_end:
        return None
    return Affiliation(roles=frozenset(roles), organisation=(position + 1, organisation_end))


def appositive_before(tokens: list[Token], first: int) -> Affiliation | None:
    """"the RNC chairman, Michael Steele": a role noun, and the name before it, ending in a
    comma just before the person's name."""
    if first < 2 or tokens[first - 1].text != ",":
        return None
    titles = corpora.titles()
    role_at = first - 2
    if tokens[role_at].lower not in titles.roles:
        return None
    position = role_at - 1
    while position >= 0 and (is_name_word(tokens[position]) and tokens[position].lower not in FUNCTION_WORDS):
        position -= 1
    if position < 0 or tokens[position].lower not in _APPOSITIVE_DETERMINERS:
        return None
    organisation = (position + 1, role_at - 1) if position + 1 <= role_at - 1 else None
    return Affiliation(roles=frozenset({tokens[role_at].lower}), organisation=organisation)


def _name_after(tokens: list[Token], position: int, end: int) -> tuple[int, int] | None:
    """The capitalised words after "of"/"for" (past "the" and a title: "a spokesman for Sen.
    Harry Reid" belongs to Harry Reid): the organisation's or person's name."""
    if position <= end and tokens[position].lower == "the":
        position += 1
    title = corpora.titles().index.at(tokens, position) if position <= end else None
    if title is not None and title.last < end:
        position = title.last + 1
    start = position
    while position <= end and (is_name_word(tokens[position]) or tokens[position].lower in ("of", "&")):
        position += 1
    while position - 1 >= start and not is_name_word(tokens[position - 1]):
        position -= 1
    return (start, position - 1) if position > start else None
