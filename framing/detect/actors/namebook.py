"""The names an article has introduced, to look later names up in (see :mod:`.coreference`)."""
from __future__ import annotations

from dataclasses import dataclass, field

_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
_INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "&"})


def surname_of(words: list[str]) -> str:
    """The surname as a lookup key: "Martin Luther King Jr." -> "king"; "Ursula von der Leyen"
    -> "von der leyen" (the particles before the last word belong to it); case is folded, so
    "Von der Leyen" opening a sentence and "AKIN" in a headline find theirs."""
    from framing import corpora

    kinds = corpora.name_words().kinds
    kept = [w for w in words if w not in _SUFFIXES] or words
    start = len(kept) - 1
    while start > 1 and kinds.get(kept[start - 1].lower()) == "particle":
        start -= 1
    return " ".join(kept[start:]).lower()


# Female or male, from a first name the census gives to this share of women (or men) at least.
GENDER_SHARE = 0.85


def _person_names():
    from framing import corpora

    return corpora.person_names()


def gender_of(first_name: str, title=None) -> str | None:
    """"Mrs." or "Congresswoman" says female; else a first name the census gives mostly to
    women (or men) says so; else nothing is assumed."""
    if title is not None and title.gender:
        return title.gender
    share = _person_names().female_share.get(first_name.capitalize()) if first_name else None
    if share is None:
        return None
    return "female" if share >= GENDER_SHARE else "male" if share <= 1 - GENDER_SHARE else None


def family_name_first(words: list[str]) -> str | None:
    """"Zhao Lijian", "Xi Jinping": Chinese, Korean and Hungarian names put the family name
    first, and news then writes "Zhao said", "Mr. Xi". A two-word name whose first word is
    no common given name (US Census list) is looked up by its first word too."""
    from framing import corpora

    kept = [w for w in words if w not in _SUFFIXES]
    if len(kept) != 2 or not kept[0][:1].isupper() or kept[0].capitalize() in corpora.person_names().first_rank:
        return None
    return kept[0].lower()


def first_and_last(words: list[str]) -> tuple[str, str] | None:
    """"Hillary Rodham Clinton" and "Hillary Clinton" share ("Hillary", "Clinton")."""
    kept = [w for w in words if w not in _SUFFIXES and not (len(w) == 2 and w.endswith("."))]
    return (kept[0], kept[-1]) if len(kept) >= 2 else None


def initials(words: list[str]) -> str:
    """"Republican National Committee" -> "RNC"; "National Association for the Advancement of Colored People" -> "NAACP"."""
    return "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIPS and w[:1].isalpha()).upper()


@dataclass
class NameBook:
    """The people and organisations an article has named, to look later names up in."""

    full_names: dict[str, str] = field(default_factory=dict)  # "Todd Akin" -> actor id
    first_last: dict[tuple[str, str], str] = field(default_factory=dict)
    # surname -> [(position in the article, actor id)], in article order
    surnames: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)  # name or acronym -> actor id

    def add_person(self, words: list[str], actor_id: str, position: int) -> None:
        name = " ".join(words)
        self.full_names.setdefault(name, actor_id)
        pair = first_and_last(words)
        if pair:
            self.first_last.setdefault(pair, actor_id)
        self.surnames.setdefault(surname_of(words), []).append((position, actor_id))
        family = family_name_first(words)
        if family:
            self.surnames.setdefault(family, []).append((position, actor_id))

    def person(self, words: list[str], position: int) -> tuple[str, str] | None:
        """(actor id, via) of a person named ``words`` at ``position``, if the article named them."""
        name = " ".join(words)
        if name in self.full_names:
            return self.full_names[name], "name"
        pair = first_and_last(words)
        if pair and pair in self.first_last:
            return self.first_last[pair], "name"
        key = " ".join(words).lower() if self._all_surname(words) else surname_of(words) if len(words) == 1 or words[-1] in _SUFFIXES else None
        bearers = self.surnames.get(key) if key else None
        if not bearers:
            return None
        before = [actor for at, actor in bearers if at <= position]
        return (before[-1] if before else bearers[0][1]), "surname"

    def _all_surname(self, words: list[str]) -> bool:
        """"Von der Leyen": the words are one introduced person's whole surname."""
        return " ".join(words).lower() in self.surnames

    def has_surname(self, word: str) -> bool:
        return word.lower() in self.surnames

    def add_organisation(self, words: list[str], actor_id: str) -> None:
        self.organisations.setdefault(" ".join(words), actor_id)
        acronym = initials(words)
        if len(acronym) >= 2 and len(words) >= 2:
            self.organisations.setdefault(acronym, actor_id)

    def organisation(self, words: list[str]) -> str | None:
        return self.organisations.get(" ".join(words))
