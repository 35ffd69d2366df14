"""Walk an article once, left to right, and decide at each word whether an actor is named there.

At each position the longest reading wins: a gazetteer or profile name ("Islamic
State"), a recognised name ("Republican National Committee"), a demonym phrase
("Russian warplanes"), a titled person ("Sen. Ted Cruz"), a group of people named by a
party or organisation ("House Republicans", "Democratic lawmakers"), a surname met
before, or a description that points back ("the militant group"). Places are skipped:
"in Syria" names the map, not the state. After the walk, headlines are matched against
the names the body introduced, and role descriptions ("the senator") are linked to the
person holding the role.
"""
from __future__ import annotations

import bisect
import functools
from itertools import compress, count
from operator import attrgetter

from framing import corpora
from framing.corpora import Actor, PhraseMatch
from framing.detect.actors import gazetteer
from framing.detect.actors.affiliation import (
    PARTY_WORDS, appositive_after, appositive_before, party_after, party_before, role_before,
)
from framing.detect.actors.coreference import headline_index, is_role_noun, role_holder
from framing.detect.actors.mentions import ActorFindings, SentenceIndex, make_mention, slug
from framing.detect.actors.namebook import gender_of
from framing.detect.actors.names import FUNCTION_WORDS, headline_sentences, is_name_word
from framing.detect.actors.recognise import RecognisedName, recognise_names
from framing.learn.name_model import load_name_model
from framing.profiles import ActorRegistry, NameHit
from framing.text import TITLE_ABBREVIATIONS, Document, Paragraph, Token, lowered

# Endings of a capitalised plural that names a group of people ("Catholics", "Republicans").
_GROUP_ENDINGS = ("ans", "ists", "ics", "ites", "ers", "ims")
_ROLE_DETERMINERS = frozenset({"the", "The"})
_TEXT, _LOWER, _CAPITALISED = attrgetter("text"), attrgetter("lower"), attrgetter("is_capitalized")
_TITLE_ABBREVIATIONS = frozenset(abbreviation + "." for abbreviation in TITLE_ABBREVIATIONS)
_TITLE_ABBREVIATION_WORDS = frozenset(map(lowered, _TITLE_ABBREVIATIONS))
_THE = frozenset({"the"})
_ADMINISTRATION = frozenset({"administration"})
_ACTING_TYPES = ("organization", "media", "person")  # gazetteer types whose name can head a group ("NAACP members")


def find_actor_mentions(document: Document, registry: ActorRegistry, known: ActorFindings | None = None) -> ActorFindings:
    """Every actor mention in ``document``. ``known`` holds what the article body found, for
    its headline: a Title Case headline is matched against those names only."""
    findings = ActorFindings()
    paragraphs = [p for p in document.paragraphs if p.kind != "credit"]
    headlines = headline_sentences(paragraphs, load_name_model().common_words)
    recognised = recognise_names(document, registry, paragraphs, headlines)
    scan = _Scan(document, registry, findings, recognised)
    scan.introduce(recognised)
    for paragraph in paragraphs:
        scan.paragraph(paragraph)
    _match_headlines(document, paragraphs, registry, findings, known, headlines)
    _link_roles(document, paragraphs, registry, findings)
    _link_administrations(document, paragraphs, registry, findings)
    findings.mentions.sort(key=lambda m: (m.paragraph, m.first, -m.last))
    return findings


class _Scan:
    """The state of one left-to-right walk: what has been found, and where names start."""

    def __init__(self, document: Document, registry: ActorRegistry, findings: ActorFindings, recognised: list[RecognisedName]):
        self.document = document
        self.registry = registry
        self.findings = findings
        self.book = findings.book
        self.surnames: dict[tuple[str, ...], str] = {}
        self._surnames_seen, self._surname_firsts = 0, set()
        self._group_paragraph, self._group_positions = -1, frozenset()
        self._shouting_paragraph = (-1, False)  # (paragraph index, written mostly in capitals)
        self.at: dict[tuple[int, int], RecognisedName] = {}
        self.starts_in: dict[int, set[int]] = {}  # paragraph -> token positions where a recognised name starts
        for name in recognised:
            starts = [name.run.first] + ([name.run.title_first] if name.run.title_first is not None else [])
            for start in starts:
                self.at[(name.paragraph.index, start)] = name
                self.starts_in.setdefault(name.paragraph.index, set()).add(start)

    # ---- before the walk: the names the article introduces -------------------------------

    def introduce(self, recognised: list[RecognisedName]) -> None:
        """Enter every full personal name and organisation name in the book first, so a
        surname or an acronym is known wherever it appears."""
        for name in recognised:
            words = self._words(name.paragraph, name.run.first, name.run.last)
            if name.kind == "person" and self._name_length(words) >= 2 and not self._group_like(words) and not _describes(words):
                known = self.registry.names.at(name.paragraph.tokens, name.run.first)
                if known is not None and known.last == name.run.last:
                    actor_id = known.entry.actor
                else:
                    found = self.book.person(words, self._position(name))  # "Von der Leyen" after "Ursula von der Leyen"
                    actor_id = found[0] if found else slug("person", " ".join(words))
                    self.findings.add_actor(Actor(actor_id, " ".join(words), "person", None, (" ".join(words),), (), (),
                                                  side=actor_id, gender=gender_of(words[0], name.run.title)))
                self.book.add_person(words, actor_id, self._position(name))
            elif name.kind == "organization" and not self._group_like(words):
                if self.book.organisation(words) is None and self.registry.names.at(name.paragraph.tokens, name.run.first) is None:
                    actor_id = slug(self._organisation_type(words), " ".join(words))
                    self.book.add_organisation(words, actor_id)

    # ---- the walk ----------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph) -> None:
        registry = self.registry
        tokens = paragraph.tokens
        sentence_of = SentenceIndex(paragraph)
        state_nouns = corpora.state_nouns().index
        starts = gazetteer.LexiconStarts(
            set(registry.names.starts_in(paragraph)), set(registry.descriptors.starts_in(paragraph)),
            set(registry.demonyms.starts_in(paragraph)), set(state_nouns.starts_in(paragraph)),
        )
        recognised_starts = self.starts_in.get(paragraph.index, set())
        if len(self.surnames) != self._surnames_seen:  # a person found since adds a surname
            self._surnames_seen, self._surname_firsts = len(self.surnames), {key[0] for key in self.surnames}
        known = self._surname_firsts | self.book.organisations.keys()
        candidates = sorted(
            starts.names | starts.descriptors | starts.demonyms | recognised_starts
            | {position for position in starts.state_nouns if tokens[position].is_capitalized}  # "Senator John McCain"
            # where a name met earlier stands (outside any run: "Young said" opening a sentence),
            # "the" (before a group noun) and a title ("Mr."); all but the first from the
            # paragraph's word positions
            | set(compress(count(), map(known.__contains__, map(_TEXT, tokens))))
            | set(paragraph.positions_of(self.book.surnames.keys()))
            | set(paragraph.positions_of(_THE))
            | {position for position in paragraph.positions_of(_TITLE_ABBREVIATION_WORDS) if tokens[position].text in _TITLE_ABBREVIATIONS}
        )
        lexicon_probe = starts.names | starts.descriptors | starts.demonyms | starts.state_nouns
        probe = lexicon_probe | recognised_starts
        free_from = 0
        for position in candidates:
            if position < free_from:
                continue
            if position not in probe and not self._worth_probing(tokens, position):
                continue
            if position not in lexicon_probe and not self._name_worth_reading(paragraph, position):
                continue
            free_from = self._at(paragraph, position, sentence_of, starts) + 1

    def _worth_probing(self, tokens: list[Token], position: int) -> bool:
        """No lexicon term and no recognised name starts here: only a known surname, a title
        ("Mr.") or "the" before a group noun can; most capitalised words are none of these."""
        token = tokens[position]
        if token.lower == "the":
            return any(t.lower in gazetteer.GROUP_DESCRIPTION_HEADS for t in tokens[position + 1:position + 4])
        return (
            token.text in self._surname_firsts or self.book.has_surname(token.text) or token.text in self.book.organisations
            or (token.text.endswith(".") and token.text[:-1] in TITLE_ABBREVIATIONS)
        )

    def _shouting(self, paragraph: Paragraph) -> bool:
        """Is the paragraph written mostly in capitals? Counted only when a short name needs
        to know (counting reads every character), once per paragraph."""
        if self._shouting_paragraph[0] != paragraph.index:
            self._shouting_paragraph = (paragraph.index, gazetteer.mostly_capitals(paragraph.text))
        return self._shouting_paragraph[1]

    def _name_worth_reading(self, paragraph: Paragraph, position: int) -> bool:
        """A run the model called no actor's name, where no lexicon term starts, matters only
        if it heads a group ("Nebraska officials"), is a party word, or names someone the
        article introduced; most such runs ("Monday", "Senate") are none of these."""
        name = self.at.get((paragraph.index, position))
        if name is None or name.kind in ("person", "organization") or name.run.title is not None:
            return True
        tokens = paragraph.tokens
        following = tokens[name.run.last + 1] if name.run.last + 1 < len(tokens) else None
        return (
            (following is not None and following.text.islower() and corpora.name_words().kinds.get(following.text) == "group")
            or tokens[position].text in PARTY_WORDS or self._introduced(paragraph, name)
            or corpora.name_words().kinds.get(tokens[name.run.last].text) == "group"
            or self._worth_probing(tokens, position)
        )

    def _at(self, paragraph: Paragraph, position: int, sentence_of: SentenceIndex, starts) -> int:
        """Look for a mention starting at ``position``; return the last position consumed."""
        registry, tokens = self.registry, paragraph.tokens
        state_nouns = corpora.state_nouns().index
        name = self.at.get((paragraph.index, position))
        if name is not None and name.kind in ("person", "organization") and not (
                position in starts.names or position in starts.descriptors or position in starts.demonyms
                or tokens[position].text in self._surname_firsts):
            # a recognised name where no lexicon term and no surname met before starts: read it at once
            group_end = self._group(paragraph, position, None, name, sentence_of)
            return group_end if group_end is not None else self._recognised(paragraph, name, sentence_of)
        hit = gazetteer.longest(
            registry.names.at(tokens, position) if position in starts.names else None,
            registry.descriptors.at(tokens, position) if position in starts.descriptors else None,
            gazetteer.surname_at(tokens, position, self.surnames) if tokens[position].text in self._surname_firsts else None,
        )
        demonym = registry.demonyms.at(tokens, position) if position in starts.demonyms else None
        group_end = self._group(paragraph, position, hit, name, sentence_of)
        if group_end is not None:
            return group_end
        # "U.S. Defense Secretary Ash Carter", "Russian defense ministry": a demonym before a
        # state noun is read by the demonym rules, even inside a capitalised stretch
        demonym_first = demonym is not None and demonym.last + 1 < len(tokens) and state_nouns.at(tokens, demonym.last + 1) is not None
        if name is not None and not demonym_first and (hit is None or name.run.last > hit.last) and (
                demonym is None or name.run.last > demonym.last) and (name.kind not in ("none", "listed") or self._introduced(paragraph, name)):
            return self._recognised(paragraph, name, sentence_of)
        if demonym is not None and (hit is None or demonym.last >= hit.last):
            consumed = gazetteer.demonym_phrase(self, paragraph, demonym, sentence_of)
            if consumed is not None:
                return consumed
        if hit is not None and hit.first == hit.last and self.book.has_surname(tokens[position].text) and not (
                position > 0 and tokens[position - 1].lower in gazetteer.LOCATIVE_PREPOSITIONS):
            # "Denzel Washington ... Washington added": the person the article introduced, not the capital
            return self._known_single_name(paragraph, position, sentence_of)
        if hit is not None:
            actor = self.findings.actor(hit.entry.actor, registry)
            if hit.first == hit.last and len(tokens[hit.first].text) <= 3 and self._shouting(paragraph):
                actor = None  # "ECONOMY IS STILL STRONG": capitals carry no signal in an all-caps line
            if actor is not None and not gazetteer.is_place(tokens, hit, actor, state_nouns):
                if actor.type == "person":
                    if hit.last > hit.first:
                        # "Hillary Rodham Clinton ... Mrs. Clinton": the surname names her from now on
                        self.surnames.setdefault((tokens[hit.last].text,), actor.id)
                    return self._person_mention(paragraph, hit.first, hit.last, actor.id, hit.entry.via, sentence_of)
                self.add_mention(paragraph, hit.first, hit.last, actor.id, hit.entry.via, sentence_of)
            return hit.last
        if demonym is not None:
            return demonym.last
        single = self._known_single_name(paragraph, position, sentence_of)
        if single is not None:
            return single
        if tokens[position].text[:-1] in TITLE_ABBREVIATIONS and tokens[position].text.endswith("."):
            # "Mr. Burman", "Sen. Jane Roe": a person, named by the words after the title
            person_end = self.named_person(paragraph, position + 1, None, position, sentence_of)
            if person_end is not None:
                return person_end
        title = state_nouns.at(tokens, position) if position in starts.state_nouns else None
        if title is not None and title.entry.kind == "title" and tokens[position].is_capitalized:
            # "Senator John McCain", "Health Minister Jane Doe": a titled person of no stated country
            person_end = self.named_person(paragraph, title.last + 1, None, position, sentence_of)
            if person_end is not None:
                return person_end
        coreferent = gazetteer.group_description(self, paragraph, position, sentence_of)
        if coreferent is not None:
            return coreferent
        return position

    # ---- recognised names ----------------------------------------------------------------

    def _recognised(self, paragraph: Paragraph, name: RecognisedName, sentence_of: SentenceIndex) -> int:
        run, tokens = name.run, paragraph.tokens
        words = self._words(paragraph, run.first, run.last)
        position = self._position(name)
        listed = self._listed(tokens, run.first, run.last)
        if listed is not None:  # "Mr. Obama", "the Republican party": a registry actor after all
            actor = self.registry.actors[listed]
            if actor.type == "person":
                return self._person_mention(paragraph, run.first, run.last, listed, "title" if run.title is not None else "alias", sentence_of)
            self.add_mention(paragraph, run.first, run.last, listed, "alias", sentence_of)
            return run.last
        known_person = self.book.person(words, position)
        if known_person is not None and (name.kind != "organization" or len(words) == 1):
            actor_id, via = known_person
            self._person_context(paragraph, name, actor_id)
            return self._person_mention(paragraph, run.first, run.last, actor_id, "title" if run.title is not None else via, sentence_of)
        if (name.kind in ("place", "none") and run.title is None) or _describes(words):
            return run.last  # "a Missouri Republican" describes a person, it names none
        if name.kind == "person" or run.title is not None:
            if self._group_like(words):
                return self._add_group(paragraph, run.first, run.last, self._actor_named(tokens, run.last, run.last), sentence_of)
            actor_id = slug("person", " ".join(words))
            self.findings.add_actor(Actor(actor_id, " ".join(words), "person", None, (" ".join(words),), (), (),
                                          side=actor_id, gender=gender_of(words[0] if len(words) > 1 else "", run.title)))
            self.book.add_person(words, actor_id, position)
            self._person_context(paragraph, name, actor_id)
            return self._person_mention(paragraph, run.first, run.last, actor_id, "title" if run.title is not None else "name", sentence_of)
        if name.kind == "organization":
            if self._group_like(words):
                return self._add_group(paragraph, run.first, run.last, self._actor_named(tokens, run.last, run.last), sentence_of)
            actor_id = self.book.organisation(words)
            if actor_id is None:
                actor_id = slug(self._organisation_type(words), " ".join(words))
                self.book.add_organisation(words, actor_id)
            if actor_id not in self.findings.people and actor_id not in self.registry.actors:
                actor_type = actor_id.split(":", 1)[0]
                self.findings.add_actor(Actor(actor_id, " ".join(words), actor_type, None, (" ".join(words),), (), (), side=actor_id))
            self.add_mention(paragraph, run.first, run.last, actor_id, "name", sentence_of)
            return run.last
        return run.last

    def _introduced(self, paragraph: Paragraph, name: RecognisedName) -> bool:
        """A run the model doubts that names a person the article introduced ("Von der Leyen")."""
        return self.book.person(self._words(paragraph, name.run.first, name.run.last), self._position(name)) is not None

    def _listed(self, tokens: list[Token], first: int, last: int) -> str | None:
        """The registry actor whose name is exactly ``tokens[first..last]``, or the party a lone
        party word names ("Republican" in "the Republican party")."""
        known = self.registry.names.at(tokens, first)
        if known is not None and known.last == last:
            return known.entry.actor
        if first == last and tokens[first].text in PARTY_WORDS and PARTY_WORDS[tokens[first].text] in self.registry.actors:
            after = tokens[last + 1] if last + 1 < len(tokens) else None
            if first > 0 and tokens[first - 1].lower == "the" and (after is None or after.lower not in ("party", "parties")):
                return None  # "the Republican said": a person, linked by role (_link_roles)
            return PARTY_WORDS[tokens[first].text]
        return None

    def _person_mention(self, paragraph: Paragraph, first: int, last: int, actor_id: str, via: str,
                        sentence_of: SentenceIndex) -> int:
        """A person's mention, unless their name opens an organisation of theirs: "the Obama
        administration", "Obama's administration", "the Romney campaign" name an organisation
        affiliated with the person (a government organ of their state for an administration)."""
        tokens = paragraph.tokens
        self._note_title(tokens, first, last, actor_id)
        staff_at = last + 1
        if staff_at < len(tokens) and tokens[staff_at].lower in ("'s", "’s"):
            staff_at += 1
        staff = tokens[staff_at] if staff_at < len(tokens) else None
        if staff is None or staff.text != staff.lower or corpora.name_words().kinds.get(staff.lower) != "staff":
            self.add_mention(paragraph, first, last, actor_id, via, sentence_of)
            return last
        person = self.findings.actor(actor_id, self.registry)
        # named by the person's surname, the way news names it whatever the mention says
        # ("Barack Obama's administration" is the "Obama administration")
        surname = person.name.split()[-1] if person is not None else tokens[last].text
        name = f"{surname} {staff.lower}"
        organ = staff.lower in ("administration", "government", "cabinet", "presidency")
        organisation_id = slug("government" if organ else "organization", name)
        self.findings.add_actor(Actor(organisation_id, name, "government" if organ else "organization",
                                      person.state if person is not None and organ else None, (name,), (), (),
                                      side=organisation_id, affiliation=actor_id))
        self.add_mention(paragraph, first, staff_at, organisation_id, "name", sentence_of)
        return staff_at

    def _note_title(self, tokens: list[Token], first: int, last: int, actor_id: str) -> None:
        """"President Trump", "Mr. Obama", "Secretary of State John Kerry": the roles a title
        before (or opening) a person's name gives them, so that "the president" can find them."""
        titles = corpora.titles().index
        for start in range(max(0, first - 3), last):
            found = titles.at(tokens, start)
            if found is not None and (found.last == first - 1 or (start >= first and found.last < last)) and found.entry.roles:
                self.findings.titled_roles.setdefault(actor_id, set()).update(found.entry.roles)
                return

    def _known_single_name(self, paragraph: Paragraph, position: int, sentence_of: SentenceIndex) -> int | None:
        """A capitalised word the model did not call a name but the article introduced:
        "Akin" opening a sentence, "RNC" in capitals."""
        token = paragraph.tokens[position]
        if self.book.has_surname(token.text):
            actor_id, via = self.book.person([token.text], self._token_position(paragraph, position))
            self.add_mention(paragraph, position, position, actor_id, via, sentence_of)
            return position
        if token.text in self.book.organisations:
            actor_id = self.book.organisations[token.text]
            if actor_id in self.findings.people or actor_id in self.registry.actors:
                self.add_mention(paragraph, position, position, actor_id, "name", sentence_of)
                return position
        return None

    def _person_context(self, paragraph: Paragraph, name: RecognisedName, actor_id: str) -> None:
        """What the words around this mention say of the person: party, organisation, roles.
        Only a mention with a title, a comma, bracket or home state ("of Texas") after it, a
        comma or a lower-case role before it ("organizer Bill Hennessy"), or a party word
        among the three words before it ("Republican rival Jeb Bush") can say any; the
        others (most mentions) skip the look."""
        run, tokens = name.run, paragraph.tokens
        if run.title is None and not (run.last + 1 < len(tokens) and tokens[run.last + 1].text in (",", "(", "of", "from")) and not (
                run.first > 0 and (tokens[run.first - 1].text == "," or _names_a_role(tokens[run.first - 1])
                                   or any(t.text in PARTY_WORDS for t in tokens[max(0, run.first - 3):run.first]))):
            return
        actor = self.findings.actor(actor_id, self.registry)
        if actor is None or actor.type != "person":
            return
        limit = next(s.tokens[-1].index for s in paragraph.sentences if s.tokens[-1].index >= run.last)
        party = party_after(tokens, run.last) or party_before(tokens, run.title_first, run.first)
        roles: set[str] = set(run.title.roles) if run.title is not None else set()
        if run.title is not None and run.title_first is not None:
            qualifiers = [t.text.lower() for t in tokens[max(0, run.title_first - 2):run.title_first] if t.is_capitalized]
            roles |= {f"{q} {role}" for q in qualifiers for role in run.title.roles}
        organisation = None
        before = appositive_before(tokens, run.first) or (role_before(tokens, run.first) if run.title is None else None)
        for context in (appositive_after(tokens, run.last, limit), before):
            if context is not None:
                roles |= set(context.roles)
                party = party or context.party
                if context.organisation is not None:
                    organisation = self._actor_named(tokens, *context.organisation)
        if run.title_first is not None and run.title_first > 0 and organisation is None and party is None:
            organisation = self._organisation_before(tokens, run.title_first)
            lead = role_before(tokens, run.title_first, titled=True) if organisation is None else None
            if lead is not None and lead.organisation is not None:
                organisation = self._actor_named(tokens, *lead.organisation)
        affiliation = party or organisation
        if affiliation == actor_id:
            affiliation = None
        state = actor.state or (self._demonym_before(tokens, run.title_first) if run.title_first is not None else None)
        self.findings.add_actor(Actor(actor.id, actor.name, "person", state, actor.aliases, (), (), side=actor.side,
                                      affiliation=affiliation, roles=frozenset(roles)))

    def _demonym_before(self, tokens: list[Token], title_first: int) -> str | None:
        """"Chinese foreign ministry spokesman Zhao Lijian": the state a demonym at most four
        words before the title names."""
        for position in range(title_first - 1, max(-1, title_first - 5), -1):
            found = self.registry.demonyms.at(tokens, position)
            if found is not None:
                actor = self.registry.actors.get(found.entry.actor)
                return actor.id if actor is not None and actor.type == "state" else None
            if not tokens[position].is_word:
                return None
        return None

    def _organisation_before(self, tokens: list[Token], title_first: int) -> str | None:
        """"NAACP President Benjamin Jealous": the organisation named just before the title."""
        end = title_first - 1
        start = end
        while start - 1 >= 0 and is_name_word(tokens[start - 1]) and tokens[start - 1].lower not in FUNCTION_WORDS:
            start -= 1
        if not is_name_word(tokens[end]):
            return None
        return self._actor_named(tokens, start, end)

    def _actor_named(self, tokens: list[Token], first: int, last: int) -> str | None:
        words = [t.text for t in tokens[first:last + 1]]
        if len(words) == 1 and words[0] in PARTY_WORDS:
            return PARTY_WORDS[words[0]]
        known = self.registry.names.at(tokens, first)
        if known is not None and known.last == last:
            actor = self.registry.actors.get(known.entry.actor)
            return actor.id if actor is not None and actor.type != "state" else None
        person = self.book.person(words, tokens[first].start)  # "a spokesman for Sen. Harry Reid"
        return person[0] if person else self.book.organisation(words)

    # ---- groups of people ----------------------------------------------------------------

    def _group(self, paragraph: Paragraph, position: int, hit: PhraseMatch[NameHit] | None, name: RecognisedName | None,
               sentence_of: SentenceIndex) -> int | None:
        """"Democratic lawmakers", "GOP leaders", "NAACP members": a party or organisation and a
        plural noun for people; "House Republicans", "Senate Democrats": a chamber and a party.
        Each is a group actor affiliated with the party or organisation. A state's officials
        ("Russian officials", "U.S. officials") are left to the demonym rules: they speak for
        the state itself."""
        tokens = paragraph.tokens
        token = tokens[position]
        kinds = corpora.name_words().kinds
        group_at = self._group_words_in(paragraph)
        if not group_at or not any(
                end in group_at or end + 1 in group_at
                for end in (name.run.last if name is not None else position, hit.last if hit is not None else position, position)):
            return None  # most names head no group: decided before any look-up
        if self.registry.demonyms.at(tokens, position) is not None:
            return None
        if hit is not None and (actor := self.registry.actors.get(hit.entry.actor)) is not None and actor.type not in _ACTING_TYPES:
            return None
        if name is not None and name.run.first == position:
            words = self._words(paragraph, name.run.first, name.run.last)
            end = name.run.last
        elif token.text in PARTY_WORDS:
            words, end = [token.text], position
        elif hit is not None and (actor := self.registry.actors.get(hit.entry.actor)) is not None and actor.type in _ACTING_TYPES:
            words, end = [t.text for t in tokens[hit.first:hit.last + 1]], hit.last
        else:
            return None
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        if following is not None and kinds.get(following.text) == "group" and following.text.islower():
            affiliation = self._actor_named(tokens, position, end)
            if affiliation is None and name is None:
                return None
            # "Democratic lawmakers", "NAACP members"; "Colorado officials" belong to no actor
            return self._add_group(paragraph, position, end + 1, affiliation, sentence_of)
        if len(words) >= 2 and kinds.get(words[-1]) == "group" and words[-1][0].isupper() and name is not None:
            return self._add_group(paragraph, position, end, self._actor_named(tokens, end, end), sentence_of)
        return None

    def _group_words_in(self, paragraph: Paragraph) -> frozenset[int]:
        """Positions of the paragraph's group nouns ("lawmakers", "Republicans"), found once."""
        if self._group_paragraph != paragraph.index:
            group_words = _group_words()
            self._group_paragraph = paragraph.index
            tokens = paragraph.tokens
            self._group_positions = frozenset(
                position for position in paragraph.positions_of(_lowered_group_words()) if tokens[position].text in group_words
            )
        return self._group_positions

    def _add_group(self, paragraph: Paragraph, first: int, last: int, affiliation: str | None, sentence_of: SentenceIndex) -> int:
        name = self.document.text[paragraph.tokens[first].start:paragraph.tokens[last].end]
        actor_id = slug("group", name)
        affiliate = self.findings.actor(affiliation, self.registry) if affiliation else None
        self.findings.add_actor(Actor(actor_id, name, "group", affiliate.state if affiliate else None, (name,), (), (),
                                      side=actor_id, affiliation=affiliation))
        self.add_mention(paragraph, first, last, actor_id, "group", sentence_of)
        return last

    # ---- people named after a title by the gazetteer rules ------------------------------

    def named_person(self, paragraph: Paragraph, start: int, state_id: str | None, phrase_first: int,
                     sentence_of: SentenceIndex) -> int | None:
        """Capitalised words after a title are a person's name; register them as an actor."""
        tokens = paragraph.tokens
        end = start
        while end < len(tokens) and end - start < gazetteer.MAX_NAME_TOKENS:
            token = tokens[end]
            if token.is_capitalized and token.is_word or (token.lower in gazetteer.NAME_CONNECTORS and end > start):
                end += 1
                continue
            break
        while end > start and not tokens[end - 1].is_capitalized:
            end -= 1  # a name never ends on a connector
        if end == start:
            return None
        name_tokens = tokens[start:end]
        words = [token.text for token in name_tokens]
        name = self.document.text[name_tokens[0].start:name_tokens[-1].end]
        known = self.registry.names.at(tokens, start)
        title = corpora.titles().index.at(tokens, phrase_first)
        if known is not None and known.last == end - 1:
            actor_id = known.entry.actor
        elif (found := self.book.person(words, self._token_position(paragraph, start))) is not None:
            actor_id = found[0]
            if state_id is not None and actor_id in self.findings.people:  # "Iranian lawmaker Esmail Kosari"
                known_actor = self.findings.people[actor_id]
                self.findings.add_actor(Actor(actor_id, known_actor.name, "person", state_id, known_actor.aliases, (), (),
                                              side=self.registry.side_of(state_id)))
        else:
            actor_id = slug("person", name)
            self.findings.add_actor(Actor(
                id=actor_id, name=name, type="person", state=state_id, aliases=(name,), demonyms=(), metonyms=(),
                side=self.registry.side_of(state_id) if state_id else actor_id,
                gender=gender_of(words[0] if len(words) > 1 else "", title.entry if title else None),
                roles=title.entry.roles if title else frozenset(),
            ))
            if len(name_tokens) > 1:
                self.surnames.setdefault(tuple(words[1:]), actor_id)  # "Le Drian"
                self.surnames.setdefault((words[-1],), actor_id)  # "Pillar" for "Paul R. Pillar"
                self.book.add_person(words, actor_id, self._token_position(paragraph, start))
        self._note_title(tokens, start, end - 1, actor_id)
        self.add_mention(paragraph, start, end - 1, actor_id, "title", sentence_of)
        if state_id is not None:
            self.add_mention(paragraph, phrase_first, start - 1, state_id, "demonym", sentence_of)
        return end - 1

    # ---- helpers ---------------------------------------------------------------------------

    def add_mention(self, paragraph: Paragraph, first: int, last: int, actor_id: str, via: str, sentence_of: SentenceIndex) -> None:
        self.findings.mentions.append(make_mention(self.document, paragraph, first, last, actor_id, via, sentence_of))

    def _words(self, paragraph: Paragraph, first: int, last: int) -> list[str]:
        return [token.text for token in paragraph.tokens[first:last + 1]]

    @staticmethod
    def _name_length(words: list[str]) -> int:
        return sum(1 for word in words if not (len(word) == 2 and word.endswith(".")))

    @staticmethod
    def _group_like(words: list[str]) -> bool:
        """"House Republicans", "Catholics": a plural naming people, not one person or body.
        A plural ending alone counts only for one word that is no surname ("Sanders" is one)."""
        kinds = corpora.name_words().kinds
        last = words[-1]
        if kinds.get(last) == "group":
            return True
        return (len(words) == 1 and len(last) > 4 and last.endswith(_GROUP_ENDINGS) and last[0].isupper()
                and last.capitalize() not in corpora.person_names().surname_rank)

    @staticmethod
    def _organisation_type(words: list[str]) -> str:
        return "media" if corpora.name_words().kinds.get(words[-1]) == "media" else "organization"

    @staticmethod
    def _position(name: RecognisedName) -> int:
        return name.paragraph.tokens[name.run.first].start

    @staticmethod
    def _token_position(paragraph: Paragraph, index: int) -> int:
        return paragraph.tokens[index].start


def _longer_role(tokens: list[Token], the: int, head: int) -> bool:
    """Does a role of two or three words run past ``head`` ("vice | president", "secretary | of state")?"""
    roles = corpora.titles().roles
    for end in (head + 1, head + 2):
        if end < len(tokens) and " ".join(t.lower for t in tokens[max(the + 1, head - 1):end + 1]) in roles:
            return True
        if end < len(tokens) and " ".join(t.lower for t in tokens[head:end + 1]) in roles:
            return True
    return False


def _describes(words: list[str]) -> bool:
    """"Missouri Republican", "Texas Democrat": a state and a party word describe a politician."""
    return len(words) <= 2 and words[-1] in PARTY_WORDS


def _match_headlines(document: Document, paragraphs: list[Paragraph], registry: ActorRegistry, findings: ActorFindings,
                     known: ActorFindings | None, headlines: set[tuple[int, int]]) -> None:
    """Names in Title Case or capitals: only those the article introduced count."""
    index = None
    for paragraph in paragraphs:
        sentence_of = SentenceIndex(paragraph)
        for sentence in paragraph.sentences:
            if (paragraph.index, sentence.index) not in headlines:
                continue
            if index is None:
                index = headline_index(known or findings, (known or findings).book)
                sources = known or findings
            taken = {(m.paragraph, t) for m in findings.mentions for t in range(m.first, m.last + 1)}
            tokens = paragraph.tokens
            for match in index.scan(tokens[sentence.tokens[0].index:sentence.tokens[-1].index + 1]):
                first, last = sentence.tokens[0].index + match.first, sentence.tokens[0].index + match.last
                if any((paragraph.index, t) in taken for t in range(first, last + 1)):
                    continue
                actor_id, via = match.entry
                actor = sources.actor(actor_id, registry)
                if actor is not None and known is not None:
                    findings.add_actor(actor)
                findings.mentions.append(make_mention(document, paragraph, first, last, actor_id, via, sentence_of))


def _link_roles(document: Document, paragraphs: list[Paragraph], registry: ActorRegistry, findings: ActorFindings) -> None:
    """"the senator", "the Texas governor", "the Republican": the person holding the role."""
    ordered = sorted(findings.mentions, key=lambda m: (m.paragraph, m.first))
    keys = [(m.paragraph, m.first) for m in ordered]
    by_index = {paragraph.index: paragraph for paragraph in paragraphs}
    quoted = frozenset(
        (m.paragraph, m.first) for m in ordered
        if m.paragraph in by_index and by_index[m.paragraph].quote_at(m.span.start, m.span.end) is not None
    )
    taken = {(m.paragraph, t) for m in findings.mentions for t in range(m.first, m.last + 1)}
    role_ends = _role_ends()
    added = []
    for paragraph in paragraphs:
        tokens = paragraph.tokens
        for position in paragraph.positions_of(_THE):
            if tokens[position].text not in _ROLE_DETERMINERS:
                continue  # "THE" in a headline
            if role_ends.isdisjoint(map(_LOWER, tokens[position + 1:position + 5])):
                continue  # most "the" open no role
            head = _role_head(tokens, position)
            if head is None or any((paragraph.index, t) in taken for t in range(position + 1, head + 1)):
                continue
            before = ordered[:bisect.bisect_left(keys, (paragraph.index, position))]
            holder = role_holder(tokens[position + 1:head + 1], before, findings, registry, paragraph.index, quoted)
            if holder is not None:
                added.append(make_mention(document, paragraph, position + 1, head, holder, "role", SentenceIndex(paragraph)))
    findings.mentions.extend(added)


def _link_administrations(document: Document, paragraphs: list[Paragraph], registry: ActorRegistry, findings: ActorFindings) -> None:
    """"the administration" is the administration of the president the article has named
    ("Democrats called on the administration to answer questions", after "President
    Obama"): the organ "Obama administration", as if the article had written it out. Left
    alone when no president has been named before it."""
    presidents: list[tuple[tuple[int, int], str]] = []  # (where, actor id) of each mention of a president
    for mention in sorted(findings.mentions, key=lambda m: (m.paragraph, m.first)):
        actor = findings.actor(mention.actor, registry)
        if actor is not None and actor.type == "person" and "president" in findings.roles_of(actor):
            presidents.append(((mention.paragraph, mention.first), actor.id))
    if not presidents:
        return
    taken = {(m.paragraph, t) for m in findings.mentions for t in range(m.first, m.last + 1)}
    for paragraph in paragraphs:
        tokens = paragraph.tokens
        for position in paragraph.positions_of(_ADMINISTRATION):
            if position == 0 or tokens[position - 1].lower != "the" or (paragraph.index, position) in taken:
                continue
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            if following is not None and (following.lower == "of" or is_name_word(following)):
                continue  # "the administration of ...", "the Administration Committee"
            before = [actor_id for where, actor_id in presidents if where < (paragraph.index, position)]
            if not before:
                continue
            president = findings.actor(before[-1], registry)
            name = f"{president.name.split()[-1]} administration"
            organ_id = slug("government", name)
            findings.add_actor(Actor(organ_id, name, "government", president.state, (name,), (), (), side=organ_id,
                                     affiliation=president.id))
            findings.mentions.append(make_mention(document, paragraph, position, position, organ_id, "coreference", SentenceIndex(paragraph)))


@functools.cache
def _group_words() -> frozenset[str]:
    return frozenset(word for word, kind in corpora.name_words().kinds.items() if kind == "group")


@functools.cache
def _lowered_group_words() -> frozenset[str]:
    return frozenset(map(lowered, _group_words()))


@functools.cache
def _role_ends() -> frozenset[str]:
    """The last word of every role ("president", "general", "state") and the party nouns, lowercased."""
    return frozenset(role.split()[-1] for role in corpora.titles().roles) | {w.lower() for w in PARTY_WORDS}


@functools.cache
def _multiword_role_words() -> frozenset[str]:
    """Words that open or continue a role of several words ("vice", "attorney", "secretary", "of")."""
    return frozenset(word for role in corpora.titles().roles if " " in role for word in role.split()[:-1])


def _role_head(tokens: list[Token], the: int) -> int | None:
    """The role noun closing "the [former] [Texas] governor" (up to three words after "the"),
    when no name follows it (then it is a title: "the Texas governor, Rick Perry" is left
    to the appositive rule)."""
    for head in range(the + 1, min(the + 5, len(tokens))):
        token = tokens[head]
        if not token.is_word and token.lower != "of":
            return None
        if head + 1 < len(tokens) and token.lower in _multiword_role_words() and _longer_role(tokens, the, head):
            continue  # "the vice president", "the secretary of state": the role goes on
        if is_role_noun(token) or (token.text in PARTY_WORDS and token.text != "GOP" and head == the + 1):
            following = tokens[head + 1] if head + 1 < len(tokens) else None
            if following is not None and is_name_word(following):
                return None
            return head
    return None


def _names_a_role(token: Token) -> bool:
    """"organizer" in "Tea Party organizer Bill Hennessy": a lower-case role word (a title's
    role or a person noun of the source lexicon) just before a name, which may give the
    person's organisation (:func:`~framing.detect.actors.affiliation.role_before`)."""
    return token.text.islower() and (token.lower in corpora.titles().roles or corpora.source_nouns().index.word(token.lower) is not None)
