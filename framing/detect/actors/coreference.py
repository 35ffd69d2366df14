"""One actor, many names: "Todd Akin", "Akin", "Mr. Akin", "the Missouri congressman".

News introduces a person by full name and then shortens it. These rules link the later
forms to the person introduced, keeping how each link was made (the mention's ``via``):

* ``surname``: a surname alone, or after an honorific or title ("Akin", "Mr. Steele",
  "Sen. Cruz"), is the person of that surname introduced in the article; when two share
  it ("Bill Clinton", "Hillary Clinton"), the one named most recently before it;
* ``name``: the full name again, or the first and last name without a middle name;
* acronyms: "RNC" after "Republican National Committee" is the same organisation;
* ``role``: "the senator", "the Texas governor", "the Republican" is the most recently
  mentioned person holding that role (from their title or an appositive) or party;
* ``headline``: a headline in Title Case or capitals gives capitals no meaning, so only
  names the body introduced are matched in it.
"""
from __future__ import annotations

from framing import corpora
from framing.corpora import PhraseIndex
from framing.detect.actors.affiliation import PARTY_WORDS
from framing.detect.actors.mentions import ActorFindings, ActorMention
from framing.detect.actors.namebook import NameBook
from framing.text import Token

MAX_ROLE_DISTANCE = 12  # paragraphs: "the senator" looks back no further for its holder

def headline_index(findings: ActorFindings, book: NameBook | None) -> PhraseIndex[tuple[str, str]]:
    """Every name the body introduced, matched without regard to case in a headline:
    full names and surnames of people, names and acronyms of organisations."""
    index: PhraseIndex[tuple[str, str]] = PhraseIndex()
    if book is not None:
        for name, actor_id in book.full_names.items():
            index.add(name, (actor_id, "headline"))
        for surname, bearers in book.surnames.items():
            if len({actor for _, actor in bearers}) == 1:
                index.add(surname, (bearers[0][1], "headline"))
        for name, actor_id in book.organisations.items():
            index.add(name, (actor_id, "headline"))
    for actor in findings.people.values():
        index.add(actor.name, (actor.id, "headline"))
    return index


def role_holder(role_words: list[Token], mentions: list[ActorMention], findings: ActorFindings, registry,
                paragraph: int) -> str | None:
    """The person "the [Texas] governor", "the attorney general" or "the Republican" refers to:
    the latest one mentioned before, within :data:`MAX_ROLE_DISTANCE` paragraphs, who holds
    the role. A capitalised word qualifying it ("Texas") picks, among holders, the one whose
    roles or party name that word too; when none does, the latest holder of the role; when
    no one is known to hold it, the person the passage is most about."""
    role = role_of(role_words)
    role_length = len(role.split())
    qualifiers = [t.text for t in role_words[:-role_length] if t.is_capitalized]
    party = PARTY_WORDS.get(role_words[-1].text) if role_length == 1 else None
    holders = []
    salience: dict[str, int] = {}
    for mention in reversed(mentions):
        if mention.paragraph < paragraph - MAX_ROLE_DISTANCE:
            break
        actor = findings.actor(mention.actor, registry)
        if actor is None or actor.type != "person" or mention.via == "role":
            continue
        salience[actor.id] = salience.get(actor.id, 0) + 1
        if party is not None:
            if actor.affiliation == party:
                return actor.id
            continue
        roles = findings.roles_of(actor)
        if role not in roles:
            continue
        if all(_qualifies(q, role, actor, roles) for q in qualifiers):
            return actor.id
        holders.append(actor.id)
    if holders:
        return holders[0]
    return _most_salient(salience) if party is None else None


def _most_salient(salience: dict[str, int]) -> str | None:
    """No one known to hold the role: "Republican presidential candidate Rick Perry ...
    the Texas governor continues" names the person the passage is about, the one mentioned
    most (at least twice, and more often than anyone else), as a reader would take it."""
    ranked = sorted(salience.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def role_of(role_words: list[Token]) -> str:
    """The role the words end in: "vice president" rather than "president", when it is one."""
    roles = corpora.titles().roles
    if len(role_words) >= 3:
        three = " ".join(t.lower for t in role_words[-3:])
        if three in roles:
            return three
    if len(role_words) >= 2:
        two = " ".join(t.lower for t in role_words[-2:])
        if two in roles:
            return two
    return role_words[-1].lower


def _qualifies(qualifier: str, role: str, actor, roles: frozenset[str]) -> bool:
    if PARTY_WORDS.get(qualifier):
        return actor.affiliation == PARTY_WORDS[qualifier]
    return f"{qualifier.lower()} {role}" in roles


def is_role_noun(token: Token) -> bool:
    return token.lower in corpora.titles().roles
