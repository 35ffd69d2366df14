"""Load and validate the data files in ``corpora/`` once per process.

The lexicons are data, reviewed like code and versioned on their own (see
corpora/FORMAT.md): every report names the version of each file it used, so trend lines
never silently mix incomparable analyses. Loading is cached, so the first analysis pays
for parsing and later ones reuse the same objects.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar
from collections.abc import Iterator

from framing.errors import CorpusError
from framing.text import Paragraph, Token, lowered, tokenize

NUMBER_PLACEHOLDER = "<num>"
STANCES = ("neutral", "distancing", "endorsing", "loaded")
ACTS = ("speech", "belief", "intention")
LOADED_CATEGORIES = (
    "pejorative_label", "partisan_label", "contested_label", "emotive_adjective",
    "intensifier", "loaded_verb", "euphemism", "sensational", "loaded_noun",
)
SOURCE_TYPES = ("person", "organization", "government", "media", "document", "anonymous")
ACTOR_TYPES = ("state", "government", "organization", "armed_group", "media", "person", "group")


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    name: str
    version: str
    description: str
    entries: int
    file: str
    columns: tuple[str, ...]
    sources: str  # the header's "sources:" line: where the file's ideas come from


# Every corpus file and its columns, in one place: the loaders below and ``table`` use it.
FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "reporting_verbs": ("reporting_verbs.tsv", ("lemma", "kind", "stance", "act", "forms", "needs_recipient", "note")),
    "hedges": ("hedges.tsv", ("term", "kind", "category", "exclude_prev", "exclude_next", "note")),
    "loaded_terms": ("loaded_terms.tsv", ("term", "forms", "category", "neutral", "target", "exclude_prev", "exclude_next", "note")),
    "actors": ("actors.tsv", ("id", "name", "type", "state", "aliases", "demonyms", "metonyms", "note")),
    "state_nouns": ("state_nouns.tsv", ("term", "kind", "note")),
    "source_nouns": ("source_nouns.tsv", ("term", "type", "unnamed_is_anonymous", "note")),
    "titles": ("titles.tsv", ("term", "roles", "gender", "note")),
    "name_words": ("name_words.tsv", ("term", "kind", "note")),
    "person_names": ("person_names.tsv", ("name", "first_rank", "female_share", "surname_rank")),
    "places": ("places.tsv", ("name", "kind", "code")),
}


@dataclass(frozen=True, slots=True)
class Table:
    info: CorpusInfo
    rows: list[dict[str, str]]


def _data_files():
    """corpora/ beside the package in a source checkout, else the installed ``framing.data``."""
    checkout = Path(__file__).resolve().parent.parent / "corpora"
    if (checkout / "FORMAT.md").is_file():
        return checkout
    return resources.files("framing.data")


def table(name: str) -> Table:
    """One corpus's header and rows by name (``reporting_verbs``, ``actors``, ...), parsed once."""
    if name not in FILES:
        raise KeyError(name)
    return _table(name)


@functools.cache
def _table(name: str) -> Table:
    return read_table(*FILES[name])


def read_table(filename: str, columns: tuple[str, ...]) -> Table:
    """Parse one TSV corpus file: ``#`` header lines, a column row, then entries."""
    try:
        raw = (_data_files() / filename).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise CorpusError(f"corpus file {filename} is missing") from error
    header: dict[str, str] = {}
    names: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line_number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if names is None and value:
                header[key.strip().lower()] = value.strip()
            continue
        cells = line.split("\t")
        if names is None:
            names = [cell.strip() for cell in cells]
            if tuple(names) != columns:
                raise CorpusError(f"{filename}: columns {names} differ from {list(columns)}")
            continue
        if len(cells) != len(names):
            raise CorpusError(f"{filename}:{line_number}: {len(cells)} cells, expected {len(names)}")
        rows.append({name: cell.strip() for name, cell in zip(names, cells)})
    if "version" not in header or "corpus" not in header:
        raise CorpusError(f"{filename}: header must name its corpus and version")
    info = CorpusInfo(
        header["corpus"], header["version"], header.get("description", ""), len(rows), filename, columns, header.get("sources", ""),
    )
    return Table(info, rows)


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def term_key(term: str, case_sensitive: bool = False) -> tuple[str, ...]:
    """The token sequence a lexicon term matches, tokenised exactly as articles are."""
    tokens = tokenize(term, 0, len(term))
    return tuple(token.text if case_sensitive else token.lower for token in tokens)


EntryT = TypeVar("EntryT")
_TEXT, _LOWER = attrgetter("text"), attrgetter("lower")


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[EntryT]):
    first: int  # index of the first token in the matched sequence
    last: int  # index of the last token (inclusive)
    entry: EntryT


class PhraseIndex(Generic[EntryT]):
    """Longest-match lookup of single- and multi-word terms over a token sequence."""

    def __init__(self, case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        self._entries: dict[tuple[str, ...], EntryT] = {}
        # first word -> the lengths of the terms starting with it, longest first: most
        # tokens start no term, and are rejected with one dictionary look-up
        self._lengths: dict[str, tuple[int, ...]] = {}
        # a case-sensitive index's first words as tokens' ``lower`` spells them, to find
        # them among a paragraph's words (:meth:`starts_in`)
        self._lowered_firsts: set[str] = set()

    def add(self, term: str, entry: EntryT) -> None:
        key = term_key(term, self.case_sensitive)
        if key:
            self._entries.setdefault(key, entry)
            lengths = set(self._lengths.get(key[0], ())) | {len(key)}
            self._lengths[key[0]] = tuple(sorted(lengths, reverse=True))
            if self.case_sensitive:
                self._lowered_firsts.add(lowered(key[0]))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, term: str) -> EntryT | None:
        return self._entries.get(term_key(term, self.case_sensitive))

    def word(self, word: str) -> EntryT | None:
        """Look up one already-tokenised word (no re-tokenising: this is on the hot path)."""
        return self._entries.get((word if self.case_sensitive else word.lower().replace("’", "'"),))

    def at(self, tokens: list[Token], position: int) -> PhraseMatch[EntryT] | None:
        """The longest term starting at ``tokens[position]``, if any."""
        first = tokens[position].text if self.case_sensitive else tokens[position].lower
        lengths = self._lengths.get(first)
        if lengths is None:
            return None
        available = len(tokens) - position
        field = _TEXT if self.case_sensitive else _LOWER
        for length in lengths:
            if length > available:
                continue
            key = (first,) if length == 1 else tuple(map(field, tokens[position:position + length]))
            entry = self._entries.get(key)
            if entry is not None:
                return PhraseMatch(position, position + length - 1, entry)
        return None

    def starts(self, tokens: list[Token]) -> list[int]:
        """Positions whose word begins some term: the only places worth a full look-up."""
        # C-level iteration (map, compress): this runs over every token for every lexicon
        words = map(_TEXT if self.case_sensitive else _LOWER, tokens)
        return list(compress(count(), map(self._lengths.__contains__, words)))

    def starts_in(self, paragraph: Paragraph) -> list[int]:
        """:meth:`starts` over a whole paragraph, from its word positions
        (:meth:`Paragraph.positions_of`): one look-up per distinct word, not per token."""
        if not self.case_sensitive:
            return paragraph.positions_of(self._lengths.keys())
        tokens, lengths = paragraph.tokens, self._lengths
        return [position for position in paragraph.positions_of(self._lowered_firsts) if tokens[position].text in lengths]

    def scan(self, tokens: list[Token], starts: list[int] | None = None) -> Iterator[PhraseMatch[EntryT]]:
        """Non-overlapping longest matches, left to right; ``starts``, where terms can start
        in ``tokens`` (:meth:`starts`), when the caller has found them already."""
        free_from = 0
        for position in self.starts(tokens) if starts is None else starts:
            if position < free_from:
                continue
            found = self.at(tokens, position)
            if found is not None:
                yield found
                free_from = found.last + 1


@dataclass(frozen=True, slots=True)
class SenseFilter:
    """Context words that rule a lexicon match out ("tax regime", "May 5").

    A listed word rules the match out within two words on its side; written with ``<`` (in
    exclude_prev) or ``>`` (in exclude_next) it does so only right beside the match: "must
    have >the" drops "must have the papers" but keeps "must have known the referee".
    """

    exclude_prev: frozenset[str]
    exclude_next: frozenset[str]
    adjacent_prev: frozenset[str] = frozenset()
    adjacent_next: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, previous: str, following: str) -> SenseFilter:
        before = [w.lower() for w in split_list(previous)]
        after = [w.lower() for w in split_list(following)]

        def beside(word: str, mark: str) -> bool:
            return word.startswith(mark) and word != NUMBER_PLACEHOLDER

        return cls(
            frozenset(w for w in before if not beside(w, "<")), frozenset(w for w in after if not beside(w, ">")),
            frozenset(w[1:] for w in before if beside(w, "<")), frozenset(w[1:] for w in after if beside(w, ">")),
        )

    def rejects(self, tokens: list[Token], first: int, last: int) -> bool:
        before = [token for token in tokens[max(0, first - 2):first] if token.is_word]
        after = [token for token in tokens[last + 1:last + 3] if token.is_word]
        return (
            _any_listed(before, self.exclude_prev) or _any_listed(after, self.exclude_next)
            or (first > 0 and _any_listed(tokens[first - 1:first], self.adjacent_prev))
            or _any_listed(tokens[last + 1:last + 2], self.adjacent_next)
        )


def _any_listed(tokens: list[Token], words: frozenset[str]) -> bool:
    for token in tokens:
        if token.lower in words or (NUMBER_PLACEHOLDER in words and token.text[0].isdigit()):
            return True
    return False


# ---- reporting verbs ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReportingCue:
    lemma: str
    kind: str  # verb | noun | phrase
    stance: str
    needs_recipient: bool
    act: str = "speech"  # speech | belief | intention: only speech gives a source a voice


@dataclass(frozen=True, slots=True)
class ReportingVerbs:
    info: CorpusInfo
    index: PhraseIndex[ReportingCue]


@functools.cache
def reporting_verbs() -> ReportingVerbs:
    data = table("reporting_verbs")
    index: PhraseIndex[ReportingCue] = PhraseIndex()
    for row in data.rows:
        if row["stance"] not in STANCES or row["kind"] not in ("verb", "noun", "phrase") or row["act"] not in ACTS:
            raise CorpusError(f"reporting_verbs.tsv: bad stance, kind or act in {row['lemma']!r}")
        cue = ReportingCue(row["lemma"], row["kind"], row["stance"], row["needs_recipient"] == "yes", row["act"])
        for form in split_list(row["forms"]) or [row["lemma"]]:
            index.add(form, cue)
    return ReportingVerbs(data.info, index)


# ---- hedges and boosters -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class HedgeEntry:
    term: str
    kind: str  # hedge | booster
    category: str
    senses: SenseFilter


@dataclass(frozen=True, slots=True)
class HedgeLexicon:
    info: CorpusInfo
    index: PhraseIndex[HedgeEntry]


@functools.cache
def hedges() -> HedgeLexicon:
    data = table("hedges")
    index: PhraseIndex[HedgeEntry] = PhraseIndex()
    for row in data.rows:
        if row["kind"] not in ("hedge", "booster"):
            raise CorpusError(f"hedges.tsv: bad kind for {row['term']!r}")
        senses = SenseFilter.parse(row["exclude_prev"], row["exclude_next"])
        index.add(row["term"], HedgeEntry(row["term"].lower(), row["kind"], row["category"], senses))
    return HedgeLexicon(data.info, index)


# ---- loaded terms --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LoadedEntry:
    term: str
    category: str
    neutral: str | None
    targets: tuple[str, ...]
    senses: SenseFilter
    note: str


@dataclass(frozen=True, slots=True)
class LoadedLexicon:
    info: CorpusInfo
    index: PhraseIndex[LoadedEntry]


@functools.cache
def loaded_terms() -> LoadedLexicon:
    data = table("loaded_terms")
    index: PhraseIndex[LoadedEntry] = PhraseIndex()
    for row in data.rows:
        if row["category"] not in LOADED_CATEGORIES:
            raise CorpusError(f"loaded_terms.tsv: bad category {row['category']!r} for {row['term']!r}")
        entry = LoadedEntry(
            row["term"], row["category"], row["neutral"] or None, tuple(split_list(row["target"])),
            SenseFilter.parse(row["exclude_prev"], row["exclude_next"]), row["note"],
        )
        for form in split_list(row["forms"]) or [row["term"]]:
            index.add(form, entry)
    return LoadedLexicon(data.info, index)


# ---- actors --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    state: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]
    side: str
    # found in an article: whom a person or group belongs to ("Sen. Ted Cruz (R-Texas)" ->
    # republican_party), the pronoun their title or first name implies, the role nouns
    # that can refer back to them ("the senator")
    affiliation: str | None = None
    gender: str | None = None
    roles: frozenset[str] = frozenset()

    @property
    def principal(self) -> str:
        """Whose voice this actor speaks with: a ministry or minister speaks for its state,
        a party's senator or caucus for the party."""
        return self.state or self.affiliation or self.id


@dataclass(frozen=True, slots=True)
class Gazetteer:
    info: CorpusInfo
    actors: dict[str, Actor]


@functools.cache
def gazetteer() -> Gazetteer:
    data = table("actors")
    actors: dict[str, Actor] = {}
    for row in data.rows:
        if row["type"] not in ACTOR_TYPES:
            raise CorpusError(f"actors.tsv: bad type {row['type']!r} for {row['id']!r}")
        state = row["state"] or None
        actors[row["id"]] = Actor(
            row["id"], row["name"], row["type"], state, tuple(split_list(row["aliases"])),
            tuple(split_list(row["demonyms"])), tuple(split_list(row["metonyms"])), side=state or row["id"],
        )
    return Gazetteer(data.info, actors)


@dataclass(frozen=True, slots=True)
class StateNoun:
    term: str
    kind: str  # organ | asset | title | place


@dataclass(frozen=True, slots=True)
class StateNouns:
    info: CorpusInfo
    index: PhraseIndex[StateNoun]


@functools.cache
def state_nouns() -> StateNouns:
    data = table("state_nouns")
    index: PhraseIndex[StateNoun] = PhraseIndex()
    for row in data.rows:
        if row["kind"] not in ("organ", "asset", "title", "place"):
            raise CorpusError(f"state_nouns.tsv: bad kind for {row['term']!r}")
        index.add(row["term"], StateNoun(row["term"].lower(), row["kind"]))
    return StateNouns(data.info, index)


# ---- source head nouns ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SourceNoun:
    term: str
    type: str  # person | organization | government | media | document | anonymous
    unnamed_is_anonymous: bool


@dataclass(frozen=True, slots=True)
class SourceNouns:
    info: CorpusInfo
    index: PhraseIndex[SourceNoun]


@functools.cache
def source_nouns() -> SourceNouns:
    data = table("source_nouns")
    index: PhraseIndex[SourceNoun] = PhraseIndex()
    for row in data.rows:
        if row["type"] not in SOURCE_TYPES:
            raise CorpusError(f"source_nouns.tsv: bad type for {row['term']!r}")
        index.add(row["term"], SourceNoun(row["term"], row["type"], row["unnamed_is_anonymous"] == "yes"))
    return SourceNouns(data.info, index)


# ---- the shape of names: titles, name words, census names --------------------------

GENDERS = ("male", "female")
NAME_WORD_KINDS = ("organization", "media", "place", "particle", "suffix", "group", "staff")


@dataclass(frozen=True, slots=True)
class Title:
    term: str
    roles: frozenset[str]  # "the senator" refers back to a person titled "Sen."
    gender: str | None  # what an honorific or a gendered title says ("Mrs.", "Congresswoman")


@dataclass(frozen=True, slots=True)
class Titles:
    info: CorpusInfo
    index: PhraseIndex[Title]  # case-insensitive: "Sen." and "presidential candidate" alike
    roles: frozenset[str]  # every role noun some title implies


@functools.cache
def titles() -> Titles:
    data = table("titles")
    index: PhraseIndex[Title] = PhraseIndex()
    roles: set[str] = set()
    for row in data.rows:
        gender = row["gender"] or None
        if gender is not None and gender not in GENDERS:
            raise CorpusError(f"titles.tsv: bad gender for {row['term']!r}")
        entry = Title(row["term"], frozenset(split_list(row["roles"])), gender)
        index.add(row["term"], entry)
        roles |= entry.roles
    return Titles(data.info, index, frozenset(roles))


@dataclass(frozen=True, slots=True)
class NameWords:
    info: CorpusInfo
    kinds: dict[str, str]  # word as written ("Party", "al", "lawmakers") -> kind


@functools.cache
def name_words() -> NameWords:
    data = table("name_words")
    kinds: dict[str, str] = {}
    for row in data.rows:
        if row["kind"] not in NAME_WORD_KINDS:
            raise CorpusError(f"name_words.tsv: bad kind for {row['term']!r}")
        kinds[row["term"]] = row["kind"]
    return NameWords(data.info, kinds)


@dataclass(frozen=True, slots=True)
class PersonNames:
    info: CorpusInfo
    first_rank: dict[str, int]  # "Mary" -> 1: how common a first name is (1 = commonest)
    female_share: dict[str, float]  # "Mary" -> 1.0, "Jordan" -> 0.18
    surname_rank: dict[str, int]  # "Smith" -> 1


@functools.cache
def person_names() -> PersonNames:
    data = table("person_names")
    first_rank, female_share, surname_rank = {}, {}, {}
    for row in data.rows:
        name = row["name"]
        if row["first_rank"]:
            first_rank[name] = int(row["first_rank"])
            female_share[name] = float(row["female_share"])
        if row["surname_rank"]:
            surname_rank[name] = int(row["surname_rank"])
    return PersonNames(data.info, first_rank, female_share, surname_rank)


@dataclass(frozen=True, slots=True)
class Places:
    info: CorpusInfo
    names: frozenset[tuple[str, ...]]  # each place's words, lowercased: ("new", "york")


@functools.cache
def places() -> Places:
    data = table("places")
    return Places(data.info, frozenset(term_key(row["name"]) for row in data.rows))


def read_data_text(filename: str) -> str:
    """The text of a non-tabular data file in corpora/ (a model's parameters, say)."""
    try:
        return (_data_files() / filename).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise CorpusError(f"corpus file {filename} is missing") from error


def data_file_names(folder: str, suffix: str) -> list[str]:
    """Names of the data files in a folder of corpora/ (``profiles``), sorted."""
    directory = _data_files() / folder
    return sorted(entry.name for entry in directory.iterdir() if entry.name.endswith(suffix))


def catalogue() -> list[CorpusInfo]:
    """Every corpus file an analysis uses."""
    loaders = (reporting_verbs, hedges, loaded_terms, gazetteer, state_nouns, source_nouns, titles, name_words, person_names,
               places)
    return [loader().info for loader in loaders]


# Learned models' parameter files in corpora/ whose version the report header names too.
MODEL_FILES = {"attribution_cue_model": "attribution_cue_model.json", "name_model": "name_model.json"}


@functools.cache
def read_data_json(filename: str) -> dict:
    """A JSON data file of corpora/ (a model's parameters), parsed once per process and shared:
    treat it as read-only."""
    import json

    return json.loads(read_data_text(filename))


def _model_version(filename: str) -> str:
    return read_data_json(filename)["version"]


def versions() -> dict[str, str]:
    """The version of every corpus file and learned model file, for the report header."""
    found = {info.name: info.version for info in catalogue()}
    found.update((name, _model_version(filename)) for name, filename in MODEL_FILES.items())
    return found


def load_all() -> None:
    """Parse every corpus now (at start-up) rather than on the first request."""
    from framing.detect.readability import syllables
    from framing.detect.sentiment import analyzer

    catalogue()
    analyzer()
    syllables("warm")  # textstat loads the CMU pronouncing dictionary on first use
