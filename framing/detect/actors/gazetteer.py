"""Gazetteer look-ups: states, their organs and officials, groups, organisations, media.

An actor is someone who can act or speak. "Russia said" and "Russian warplanes" mention
Russia; "in Russia" and "the Syrian city of Aleppo" name a place, not an actor, and are
skipped, so that "missing voices" and actor sentiment count the state, not the map.
Titled people ("Iranian lawmaker Esmail Kosari", "U.S. Defense Secretary Ash Carter")
become person actors affiliated with their state. :mod:`.scan` calls these rules.
"""
from __future__ import annotations

from typing import NamedTuple

from framing import corpora
from framing.corpora import Actor, PhraseMatch
from framing.detect.actors.mentions import ActorFindings
from framing.profiles import ActorRegistry, NameHit
from framing.text import Token

# "in Syria", "to Ankara": a country or capital after these is a place, not an actor.
LOCATIVE_PREPOSITIONS = frozenset(
    "in into across over to from near throughout inside outside within around toward towards "
    "through via at off along beyond between".split()
)
POSSESSIVE = frozenset({"’s", "'s"})
# "the militant group" and "the jihadists" point back to the latest named armed group.
GROUP_DESCRIPTION_HEADS = frozenset(
    "group organisation organization movement militants jihadists extremists terrorists militia".split()
)
# Institutions named by where they sit: "the regime in Tehran" is Iran's regime, not a place.
_SEATED_ORGANS = frozenset("government regime administration junta authorities".split())
MAX_NAME_TOKENS = 4
NAME_CONNECTORS = frozenset({"al", "bin", "ibn", "de", "van", "von", "le", "la", "el", "du", "da"})


class LexiconStarts(NamedTuple):
    """Token positions where each lexicon has a term starting, found once per paragraph,
    so that the scan below probes a lexicon only where it can match."""

    names: set[int]
    descriptors: set[int]
    demonyms: set[int]
    state_nouns: set[int]


def mostly_capitals(text: str) -> bool:
    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    return upper + lower >= 12 and upper > 1.5 * lower


def longest(*matches: PhraseMatch | None) -> PhraseMatch | None:
    found = [match for match in matches if match is not None]
    return max(found, key=lambda match: match.last - match.first) if found else None


def is_place(tokens: list[Token], hit: PhraseMatch[NameHit], actor: Actor, state_nouns) -> bool:
    """A state or a seat of government used as a location: "in Syria", "to Ankara", "in Brussels"."""
    if actor.type != "state" and hit.entry.via != "metonym":
        return False
    previous = tokens[hit.first - 1].lower if hit.first > 0 else ""
    if previous == "the" and hit.first > 1:
        previous = tokens[hit.first - 2].lower
    if previous in LOCATIVE_PREPOSITIONS:
        # "the regime in Tehran", "the government in Damascus": the seat names the state
        return not (previous == "in" and hit.first > 1 and tokens[hit.first - 2].lower in _SEATED_ORGANS)
    following = tokens[hit.last + 1:hit.last + 6]
    if following and following[0].text in POSSESSIVE:
        for offset in range(1, len(following)):
            if not following[offset].is_word:
                break
            found = state_nouns.at(tokens, hit.last + 1 + offset)
            if found is not None:
                return found.entry.kind == "place"
    return False


def demonym_phrase(scan, paragraph, demonym, sentence_of) -> int | None:
    """"Russian defense ministry", "Senior Iranian officials", "Iranian lawmaker Esmail Kosari".

    A demonym names its state only when a state noun follows within three words ("Russian
    air-and-sea campaign"); "Syrian city" or "Syrian migrants" describe, not act. Returns the
    last token consumed, or None when no state noun follows.
    """
    tokens = paragraph.tokens
    registry = scan.registry
    state_nouns = corpora.state_nouns().index
    states = [(demonym.entry.actor, demonym.first)]
    position = demonym.last + 1
    # "Russian and U.S. warplanes": both demonyms share the noun that follows.
    if position + 1 < len(tokens) and tokens[position].lower == "and":
        second = registry.demonyms.at(tokens, position + 1)
        if second is not None:
            states.append((second.entry.actor, second.first))
            position = second.last + 1
    for offset in range(3):
        index = position + offset
        if index >= len(tokens) or not tokens[index].is_word:
            break
        noun = state_nouns.at(tokens, index)
        if noun is None:
            if tokens[index].is_capitalized:
                break  # a new name begins: "Syrian refugees President Obama"
            continue
        if noun.entry.kind == "place":
            return None
        if noun.entry.kind == "title":
            person_end = scan.named_person(paragraph, noun.last + 1, states[0][0], demonym.first, sentence_of)
            if person_end is not None:
                return person_end
        last = noun.last
        # take the whole noun phrase: "Saudi government official"
        while last + 1 < len(tokens):
            more = state_nouns.at(tokens, last + 1)
            if more is None or more.entry.kind == "place":
                break
            last = more.last
        for actor_id, first in states:
            end = last if len(states) == 1 or first != states[0][1] else states[0][1]
            scan.add_mention(paragraph, first, max(end, first), actor_id, "demonym", sentence_of)
        return last
    return None


def surname_at(tokens: list[Token], position: int, surnames: dict[tuple[str, ...], str]) -> PhraseMatch[NameHit] | None:
    first = tokens[position].text
    for surname, actor_id in surnames.items():
        if surname[0] != first:
            continue  # most capitalised words are no known surname: decided without slicing
        length = len(surname)
        if tuple(token.text for token in tokens[position:position + length]) == surname:
            return PhraseMatch(position, position + length - 1, NameHit(actor_id, "surname"))
    return None


def group_description(scan, paragraph, position, sentence_of) -> int | None:
    """"the militant group" refers to the latest named armed group before it."""
    tokens = paragraph.tokens
    if tokens[position].lower != "the":
        return None
    for head in range(position + 1, min(position + 4, len(tokens))):
        if not tokens[head].is_word or tokens[head].is_capitalized:
            return None
        if tokens[head].lower in GROUP_DESCRIPTION_HEADS:
            antecedent = _latest_armed_group(scan.findings, scan.registry)
            if antecedent is None:
                return None
            scan.add_mention(paragraph, position + 1, head, antecedent, "coreference", sentence_of)
            return head
    return None


def _latest_armed_group(findings: ActorFindings, registry: ActorRegistry) -> str | None:
    for mention in reversed(findings.mentions):
        actor = registry.actors.get(mention.actor)
        if actor is not None and actor.type == "armed_group" and mention.via != "coreference":
            return actor.id
    return None
