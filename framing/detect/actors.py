"""Find mentions of actors: states, their organs and officials, groups, organisations, media.

An actor is someone who can act or speak. "Russia said" and "Russian warplanes" mention
Russia; "in Russia" and "the Syrian city of Aleppo" name a place, not an actor, and are
skipped, so that "missing voices" and actor sentiment count the state, not the map.
Titled people ("Iranian lawmaker Esmail Kosari", "U.S. Defense Secretary Ash Carter")
become person actors affiliated with their state; their surname is recognised later on.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from framing import corpora
from framing.corpora import Actor, PhraseMatch
from framing.profiles import ActorRegistry, NameHit
from framing.spans import Span
from framing.text import TITLE_ABBREVIATIONS, Document, Paragraph, Token

# "in Syria", "to Ankara": a country or capital after these is a place, not an actor.
LOCATIVE_PREPOSITIONS = frozenset(
    "in into across over to from near throughout inside outside within around toward towards "
    "through via at off along beyond between".split()
)
POSSESSIVE = frozenset({"’s", "'s"})
# "the militant group" and "the jihadists" point back to the latest named armed group.
_GROUP_DESCRIPTION_HEADS = frozenset(
    "group organisation organization movement militants jihadists extremists terrorists militia".split()
)
# Institutions named by where they sit: "the regime in Tehran" is Iran's regime, not a place.
_SEATED_ORGANS = frozenset("government regime administration junta authorities".split())
_MAX_NAME_TOKENS = 4
_NAME_CONNECTORS = frozenset({"al", "bin", "ibn", "de", "van", "von", "le", "la", "el", "du", "da"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    actor: str
    via: str  # name | alias | metonym | demonym | title | surname | coreference
    paragraph: int
    sentence: int
    first: int  # first token (index into the paragraph's tokens)
    last: int  # last token, inclusive


@dataclass
class ActorFindings:
    mentions: list[ActorMention] = field(default_factory=list)
    people: dict[str, Actor] = field(default_factory=dict)  # titled people found in this article


def find_actor_mentions(document: Document, registry: ActorRegistry) -> ActorFindings:
    findings = ActorFindings()
    surnames: dict[tuple[str, ...], str] = {}
    for paragraph in document.paragraphs:
        if paragraph.kind in ("credit",):
            continue
        _scan_paragraph(document, paragraph, registry, findings, surnames)
    return findings


def _scan_paragraph(document, paragraph: Paragraph, registry, findings, surnames) -> None:
    state_nouns = corpora.state_nouns().index
    tokens = paragraph.tokens
    sentence_of = SentenceIndex(paragraph)
    shouting = _mostly_capitals(paragraph.text)
    starts = _LexiconStarts(
        set(registry.names.starts(tokens)), set(registry.descriptors.starts(tokens)),
        set(registry.demonyms.starts(tokens)), set(state_nouns.starts(tokens)),
    )
    candidates = sorted(
        starts.names | starts.descriptors | starts.demonyms
        # "the militant group" (coreference) and capitalised words (surnames met earlier,
        # possibly earlier in this very paragraph)
        | {index for index, token in enumerate(tokens) if token.is_capitalized or token.lower == "the"}
    )
    probe = starts.names | starts.descriptors | starts.demonyms | starts.state_nouns
    free_from = 0
    known_surnames, surname_firsts = -1, set()
    for position in candidates:
        if position < free_from:
            continue
        if position not in probe:
            # No lexicon term starts here: only a known surname, a title ("Mr.") or "the"
            # before a group noun can; most capitalised words are none of these.
            if len(surnames) != known_surnames:  # a person found earlier adds a surname
                known_surnames, surname_firsts = len(surnames), {key[0] for key in surnames}
            token = tokens[position]
            if token.lower == "the":
                if not any(t.lower in _GROUP_DESCRIPTION_HEADS for t in tokens[position + 1:position + 4]):
                    continue
            elif token.text not in surname_firsts and not (token.text.endswith(".") and token.text[:-1] in TITLE_ABBREVIATIONS):
                continue
        free_from = _scan_at(document, paragraph, position, registry, findings, surnames, sentence_of, shouting, starts)


class _LexiconStarts(NamedTuple):
    """Token positions where each lexicon has a term starting, found once per paragraph,
    so that the scan below probes a lexicon only where it can match."""

    names: set[int]
    descriptors: set[int]
    demonyms: set[int]
    state_nouns: set[int]


def _scan_at(document, paragraph, position, registry, findings, surnames, sentence_of, shouting, starts: _LexiconStarts) -> int:
    """Look for a mention starting at ``position``; return the first position still free."""
    tokens = paragraph.tokens
    state_nouns = corpora.state_nouns().index
    hit = _longest(
        registry.names.at(tokens, position) if position in starts.names else None,
        registry.descriptors.at(tokens, position) if position in starts.descriptors else None,
        _surname_at(tokens, position, surnames),
    )
    demonym = registry.demonyms.at(tokens, position) if position in starts.demonyms else None
    if demonym is not None and (hit is None or demonym.last >= hit.last):
        consumed = _demonym_phrase(document, paragraph, demonym, registry, findings, surnames, sentence_of)
        if consumed is not None:
            return consumed + 1
    if hit is not None:
        actor = registry.actors.get(hit.entry.actor) or findings.people.get(hit.entry.actor)
        if shouting and hit.first == hit.last and len(tokens[hit.first].text) <= 3:
            actor = None  # "ECONOMY IS STILL STRONG": capitals carry no signal in an all-caps line
        if actor is not None and not _is_place(tokens, hit, actor, state_nouns):
            findings.mentions.append(_mention(document, paragraph, hit.first, hit.last, actor.id, hit.entry.via, sentence_of))
            if actor.type == "person" and hit.last > hit.first:
                # "Hillary Rodham Clinton ... Mrs. Clinton": the surname names her from now on
                surnames.setdefault((tokens[hit.last].text,), actor.id)
        return hit.last + 1
    if demonym is not None:
        return demonym.last + 1
    if tokens[position].text[:-1] in TITLE_ABBREVIATIONS and tokens[position].text.endswith("."):
        # "Mr. Burman", "Sen. Jane Roe": a person, named by the words after the title
        person_end = _named_person(document, paragraph, position + 1, None, position, registry, findings, surnames, sentence_of)
        if person_end is not None:
            return person_end + 1
    title = state_nouns.at(tokens, position) if position in starts.state_nouns else None
    if title is not None and title.entry.kind == "title" and tokens[position].is_capitalized:
        # "Senator John McCain", "Health Minister Jane Doe": a titled person of no stated country
        person_end = _named_person(document, paragraph, title.last + 1, None, position, registry, findings, surnames, sentence_of)
        if person_end is not None:
            return person_end + 1
    coreferent = _group_description(document, paragraph, position, registry, findings, sentence_of)
    if coreferent is not None:
        return coreferent + 1
    return position + 1


class SentenceIndex:
    """Which sentence a token belongs to, by bisecting sentence starts (built per paragraph)."""

    def __init__(self, paragraph: Paragraph):
        self._firsts = [sentence.tokens[0].index for sentence in paragraph.sentences]

    def of(self, token_index: int) -> int:
        return max(0, bisect.bisect_right(self._firsts, token_index) - 1)


def _mostly_capitals(text: str) -> bool:
    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    return upper + lower >= 12 and upper > 1.5 * lower


def _longest(*matches: PhraseMatch | None) -> PhraseMatch | None:
    found = [match for match in matches if match is not None]
    return max(found, key=lambda match: match.last - match.first) if found else None


def _mention(document, paragraph, first, last, actor_id, via, sentence_of) -> ActorMention:
    tokens = paragraph.tokens
    return ActorMention(
        document.span(tokens[first].start, tokens[last].end), actor_id, via,
        paragraph.index, sentence_of.of(first), first, last,
    )


def _is_place(tokens: list[Token], hit: PhraseMatch[NameHit], actor: Actor, state_nouns) -> bool:
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


def _demonym_phrase(document, paragraph, demonym, registry, findings, surnames, sentence_of) -> int | None:
    """"Russian defense ministry", "Senior Iranian officials", "Iranian lawmaker Esmail Kosari".

    A demonym names its state only when a state noun follows within three words ("Russian
    air-and-sea campaign"); "Syrian city" or "Syrian migrants" describe, not act. Returns the
    last token consumed, or None when no state noun follows.
    """
    tokens = paragraph.tokens
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
            person_end = _named_person(document, paragraph, noun.last + 1, states[0][0], demonym.first, registry, findings, surnames, sentence_of)
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
            findings.mentions.append(_mention(document, paragraph, first, max(end, first), actor_id, "demonym", sentence_of))
        return last
    return None


def _named_person(document, paragraph, start, state_id: str | None, phrase_first, registry, findings, surnames, sentence_of) -> int | None:
    """Capitalised words after a title are a person's name; register them as an actor."""
    tokens = paragraph.tokens
    end = start
    while end < len(tokens) and end - start < _MAX_NAME_TOKENS:
        token = tokens[end]
        if token.is_capitalized and token.is_word or (token.lower in _NAME_CONNECTORS and end > start):
            end += 1
            continue
        break
    while end > start and not tokens[end - 1].is_capitalized:
        end -= 1  # a name never ends on a connector
    if end == start:
        return None
    name_tokens = tokens[start:end]
    name = document.text[name_tokens[0].start:name_tokens[-1].end]
    known = registry.names.at(tokens, start)
    if known is not None and known.last == end - 1:
        actor_id = known.entry.actor
    else:
        actor_id = "person:" + re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
        if actor_id not in findings.people:
            findings.people[actor_id] = Actor(
                id=actor_id, name=name, type="person", state=state_id,
                aliases=(name,), demonyms=(), metonyms=(), side=registry.side_of(state_id) if state_id else actor_id,
            )
        if len(name_tokens) > 1:
            surnames.setdefault(tuple(token.text for token in name_tokens[1:]), actor_id)  # "Le Drian"
            surnames.setdefault((name_tokens[-1].text,), actor_id)  # "Pillar" for "Paul R. Pillar"
    findings.mentions.append(_mention(document, paragraph, start, end - 1, actor_id, "title", sentence_of))
    if state_id is not None:
        findings.mentions.append(_mention(document, paragraph, phrase_first, start - 1, state_id, "demonym", sentence_of))
    return end - 1


def _surname_at(tokens: list[Token], position: int, surnames: dict[tuple[str, ...], str]) -> PhraseMatch[NameHit] | None:
    first = tokens[position].text
    for surname, actor_id in surnames.items():
        if surname[0] != first:
            continue  # most capitalised words are no known surname: decided without slicing
        length = len(surname)
        if tuple(token.text for token in tokens[position:position + length]) == surname:
            return PhraseMatch(position, position + length - 1, NameHit(actor_id, "surname"))
    return None


def _group_description(document, paragraph, position, registry, findings, sentence_of) -> int | None:
    """"the militant group" refers to the latest named armed group before it."""
    tokens = paragraph.tokens
    if tokens[position].lower != "the":
        return None
    for head in range(position + 1, min(position + 4, len(tokens))):
        if not tokens[head].is_word or tokens[head].is_capitalized:
            return None
        if tokens[head].lower in _GROUP_DESCRIPTION_HEADS:
            antecedent = _latest_armed_group(findings, registry)
            if antecedent is None:
                return None
            findings.mentions.append(_mention(document, paragraph, position + 1, head, antecedent, "coreference", sentence_of))
            return head
    return None


def _latest_armed_group(findings: ActorFindings, registry: ActorRegistry) -> str | None:
    for mention in reversed(findings.mentions):
        actor = registry.actors.get(mention.actor)
        if actor is not None and actor.type == "armed_group" and mention.via != "coreference":
            return actor.id
    return None
