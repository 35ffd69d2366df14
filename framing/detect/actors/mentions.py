"""What actor recognition finds: mentions with offsets, and the actors an article introduces."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from framing.corpora import Actor
from framing.detect.actors.namebook import NameBook
from framing.profiles import ActorRegistry
from framing.spans import Span
from framing.text import Document, Paragraph

# How the report groups actor types for readers: the issue of "who is this" has five answers.
KIND_OF_TYPE = {
    "person": "person", "organization": "organization", "government": "organization",
    "armed_group": "group", "group": "group", "state": "state", "media": "media",
}


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    actor: str
    # name | alias | metonym | demonym | title | surname | coreference | role | headline | group
    via: str
    paragraph: int
    sentence: int
    first: int  # first token (index into the paragraph's tokens)
    last: int  # last token, inclusive


@dataclass
class ActorFindings:
    mentions: list[ActorMention] = field(default_factory=list)
    # actors this article introduces, beyond the registry: people, organisations and groups by name
    people: dict[str, Actor] = field(default_factory=dict)
    book: NameBook = field(default_factory=NameBook)  # their names, for later mentions and the headline
    # role nouns the article gives registry people by titling them ("President Trump" -> president)
    titled_roles: dict[str, set[str]] = field(default_factory=dict)

    def actor(self, actor_id: str, registry: ActorRegistry) -> Actor | None:
        return registry.actors.get(actor_id) or self.people.get(actor_id)

    def roles_of(self, actor: Actor) -> frozenset[str]:
        return actor.roles | frozenset(self.titled_roles.get(actor.id, ()))

    def side_of(self, actor_id: str, registry: ActorRegistry) -> str:
        """An actor's side: the registry's, else its affiliation's or state's, else its own."""
        known = registry.actors.get(actor_id)
        if known is not None:
            return known.side
        found = self.people.get(actor_id)
        if found is None:
            return actor_id
        principal = found.state or found.affiliation
        return registry.side_of(principal) if principal else found.side

    def add_actor(self, actor: Actor) -> Actor:
        """Register an actor the article introduces, or merge what is newly learnt about it
        (an affiliation, roles, a gender) into the one registered."""
        known = self.people.get(actor.id)
        if known is None:
            self.people[actor.id] = actor
            return actor
        state = known.state or actor.state
        merged = replace(
            known,
            affiliation=known.affiliation or actor.affiliation,
            gender=known.gender or actor.gender,
            roles=known.roles | actor.roles,
            state=state,
            side=actor.side if known.side == known.id and not known.state else known.side,
        )
        self.people[actor.id] = merged
        return merged


class SentenceIndex:
    """Which sentence a token belongs to, by bisecting sentence starts (built per paragraph)."""

    def __init__(self, paragraph: Paragraph):
        self._firsts = [sentence.tokens[0].index for sentence in paragraph.sentences]

    def of(self, token_index: int) -> int:
        return max(0, bisect.bisect_right(self._firsts, token_index) - 1)


def make_mention(document: Document, paragraph: Paragraph, first: int, last: int, actor_id: str, via: str,
                 sentence_of: SentenceIndex) -> ActorMention:
    tokens = paragraph.tokens
    return ActorMention(
        document.span(tokens[first].start, tokens[last].end), actor_id, via,
        paragraph.index, sentence_of.of(first), first, last,
    )


def slug(prefix: str, name: str) -> str:
    """A stable id for an actor found by name: ("person", "Mitt Romney") -> "person:mitt_romney"."""
    return prefix + ":" + (re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "unnamed")
