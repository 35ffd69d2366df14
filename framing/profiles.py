"""Actor profiles: the caller's own actors, aliases and sides, merged over the gazetteer.

A researcher studying the Syrian war wants Russia, Iran and Hezbollah on one side and the
rebel groups on another; a newsroom covering a local election wants its candidates. The
default gazetteer makes every actor its own side (a ministry or minister sides with its
state); a profile (format in corpora/profiles/README.md) adds actors, extends aliases and
assigns sides. The merged result is an :class:`ActorRegistry`, the only thing detectors see.
"""
from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass, replace

from framing import corpora
from framing.corpora import ACTOR_TYPES, Actor, PhraseIndex
from framing.errors import InvalidProfile

MAX_PROFILE_ACTORS = 2000
MAX_ALIASES_PER_ACTOR = 100
MAX_NAME_LENGTH = 120
ID_PATTERN = r"^[a-z0-9][a-z0-9_.:-]{0,79}$"  # actor ids and profile names: lowercase slugs
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True, slots=True)
class NameHit:
    """What a matched name stands for, and how it names it."""

    actor: str
    via: str  # name | alias | metonym | demonym


@dataclass(frozen=True)
class ActorRegistry:
    actors: dict[str, Actor]
    names: PhraseIndex[NameHit]  # proper names, aliases and metonyms: case-sensitive
    descriptors: PhraseIndex[NameHit]  # lowercase collective aliases ("rebels"): any case
    demonyms: PhraseIndex[NameHit]  # "Russian", "U.S.": case-sensitive
    profile_name: str | None = None
    profile_version: str | None = None

    def side_of(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.side if actor else actor_id


def _strip_article(alias: str) -> str:
    """'the Kremlin' and 'The Observatory' are matched as 'Kremlin' and 'Observatory'."""
    return re.sub(r"^(?:the|The)\s+", "", alias.strip())


def build_registry(actors: dict[str, Actor], profile_name: str | None = None, profile_version: str | None = None) -> ActorRegistry:
    names: PhraseIndex[NameHit] = PhraseIndex(case_sensitive=True)
    descriptors: PhraseIndex[NameHit] = PhraseIndex()
    demonyms: PhraseIndex[NameHit] = PhraseIndex(case_sensitive=True)
    # Profile actors come first in the dict, so their aliases win over the gazetteer's.
    for actor in actors.values():
        for alias in (actor.name, *actor.aliases):
            alias = _strip_article(alias)
            if alias and alias[0].islower():
                descriptors.add(alias, NameHit(actor.id, "alias"))
            elif alias:
                names.add(alias, NameHit(actor.id, "name" if alias == actor.name else "alias"))
        for metonym in actor.metonyms:
            names.add(_strip_article(metonym), NameHit(actor.id, "metonym"))
        for demonym in actor.demonyms:
            demonyms.add(demonym, NameHit(actor.id, "demonym"))
    return ActorRegistry(actors, names, descriptors, demonyms, profile_name, profile_version)


@functools.cache
def default_registry() -> ActorRegistry:
    return build_registry(corpora.gazetteer().actors)


BUNDLED_FOLDER = "profiles"


@functools.cache
def bundled_profiles() -> dict[str, dict]:
    """The example profiles shipped in corpora/profiles/, by name: usable without storing them.

    Each is a whole profile (actors, sides, name, version); it is checked when first used,
    like any other profile.
    """
    found = {}
    for filename in corpora.data_file_names(BUNDLED_FOLDER, ".json"):
        document = json.loads(corpora.read_data_text(f"{BUNDLED_FOLDER}/{filename}"))
        found[document.get("name") or filename.removesuffix(".json")] = document
    return found


def bundled_profile(name: str) -> dict | None:
    """A bundled profile by name, as a fresh copy: callers may change theirs freely."""
    found = bundled_profiles().get(name)
    return copy.deepcopy(found) if found is not None else None


def load_profile(profile: dict | str | None) -> ActorRegistry:
    """The registry for a profile given as a dict, a JSON string, the name of a bundled
    profile ("syria-2015", corpora/profiles), or ``None`` (the default)."""
    if profile is None:
        return default_registry()
    if isinstance(profile, str) and bundled_profile(profile.strip()) is not None:
        profile = bundled_profile(profile.strip())
    if isinstance(profile, str):
        if not profile.lstrip().startswith(("{", "[")):
            raise InvalidProfile(f"profile {profile[:80]!r} is neither JSON nor a bundled profile ({', '.join(bundled_profiles()) or 'none'})")
        try:
            profile = json.loads(profile)
        except json.JSONDecodeError as error:
            raise InvalidProfile(f"profile is not valid JSON: {error.msg} at line {error.lineno}") from error
    return _registry_for(json.dumps(profile, sort_keys=True))


@functools.lru_cache(maxsize=64)
def _registry_for(profile_json: str) -> ActorRegistry:
    profile = json.loads(profile_json)
    if not isinstance(profile, dict):
        raise InvalidProfile("profile must be a JSON object with 'actors' and/or 'sides'")
    base = corpora.gazetteer().actors
    own = [_parse_actor(entry, position, base) for position, entry in enumerate(_list(profile, "actors"))]
    sides = profile.get("sides", {})
    if not isinstance(sides, dict) or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in sides.items()):
        raise InvalidProfile("profile 'sides' must map actor ids to side names (strings)")
    # an actor's inline "side" counts like a "sides" entry; the two must not disagree
    inline = {entry["id"]: entry["side"] for entry in profile.get("actors", []) if isinstance(entry, dict) and entry.get("side")}
    clashes = sorted(actor_id for actor_id, side in inline.items() if actor_id in sides and sides[actor_id] != side)
    if clashes:
        raise InvalidProfile(f"profile gives different sides in 'actors' and 'sides' for: {', '.join(clashes)}")
    sides = {**inline, **sides}
    merged: dict[str, Actor] = {actor.id: actor for actor in own}
    for actor_id, actor in base.items():
        merged.setdefault(actor_id, actor)
    unknown = sorted(set(sides) - set(merged))
    if unknown:
        raise InvalidProfile(f"profile 'sides' names unknown actor ids: {', '.join(unknown[:10])}")
    # A side given to a state carries to its organs and officials unless they get their own.
    resolved = {}
    for actor_id, actor in merged.items():
        side = sides.get(actor_id) or (sides.get(actor.state) if actor.state else None) or actor.side
        resolved[actor_id] = replace(actor, side=side)
    name = profile.get("name")
    version = profile.get("version")
    return build_registry(resolved, name if isinstance(name, str) else None, version if isinstance(version, str) else None)


def _list(profile: dict, key: str) -> list:
    value = profile.get(key, [])
    if not isinstance(value, list):
        raise InvalidProfile(f"profile '{key}' must be a list")
    if len(value) > MAX_PROFILE_ACTORS:
        raise InvalidProfile(f"profile '{key}' has {len(value)} entries; the limit is {MAX_PROFILE_ACTORS}")
    return value


def _parse_actor(entry: object, position: int, base: dict[str, Actor]) -> Actor:
    where = f"profile actors[{position}]"
    if not isinstance(entry, dict):
        raise InvalidProfile(f"{where} must be an object")
    actor_id = entry.get("id")
    if not isinstance(actor_id, str) or not _ID.match(actor_id):
        raise InvalidProfile(f"{where}.id must be a lowercase slug (letters, digits, _ . : -)")
    existing = base.get(actor_id)
    name = entry.get("name", existing.name if existing else None)
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_LENGTH:
        raise InvalidProfile(f"{where}.name must be a non-empty string of at most {MAX_NAME_LENGTH} characters")
    actor_type = entry.get("type", existing.type if existing else "group")
    if actor_type not in ACTOR_TYPES:
        raise InvalidProfile(f"{where}.type must be one of {', '.join(ACTOR_TYPES)}")
    aliases = _names(entry, "aliases", where)
    state = entry.get("state", existing.state if existing else None)
    if state is not None and (not isinstance(state, str) or state not in base):
        raise InvalidProfile(f"{where}.state must be the id of a gazetteer actor")
    side = entry.get("side")
    if side is not None and (not isinstance(side, str) or not side):
        raise InvalidProfile(f"{where}.side must be a non-empty string")
    return Actor(
        id=actor_id, name=name.strip(), type=actor_type, state=state,
        aliases=_extend(existing.aliases if existing else (), aliases),
        demonyms=_extend(existing.demonyms if existing else (), _names(entry, "demonyms", where)),
        metonyms=_extend(existing.metonyms if existing else (), _names(entry, "metonyms", where)),
        side=existing.side if existing else (state or actor_id),
    )


def _names(entry: dict, key: str, where: str) -> list[str]:
    values = entry.get(key, [])
    if not isinstance(values, list) or len(values) > MAX_ALIASES_PER_ACTOR or not all(
        isinstance(value, str) and value.strip() and len(value) <= MAX_NAME_LENGTH for value in values
    ):
        raise InvalidProfile(f"{where}.{key} must be a list of at most {MAX_ALIASES_PER_ACTOR} non-empty strings")
    return values


def _extend(inherited: tuple[str, ...], added: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*inherited, *(value.strip() for value in added)]))
