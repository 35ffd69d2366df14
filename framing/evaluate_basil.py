"""``framing eval basil``: do the actor findings hold on US political news? (BASIL, whole articles)

BASIL (Fan et al., EMNLP 2019) annotates whole articles from Fox News, the New York Times
and HuffPost with each article's main entities, the author's feeling toward each, and
bias spans: quotes with their speaker, and lexical-bias words. It is the one corpus here
that asks the questions our actor findings answer, on stories no lexicon was written for:

* **main entities found**: an entity counts when its last name token ("Romney" of "Mitt
  Romney", "lawmakers" of "Democratic lawmakers") is a word of some actor's name in the
  report (body or title): its canonical name or a name the article calls it by ("the
  Republican Party", called "Republicans"). Places are not actors, so naming a place
  does not count.
* **named quoted speakers**: a quoted span whose speaker is a named person or group (not
  BASIL's ``other_anti``/``other_pro``/``other_neutral``) counts when the attribution whose
  content overlaps it most has a source resolving to an actor with the speaker's last name.
  BASIL often names a group as the speaker of one member's words ("House_Democrats" for
  "Rep. Zoe Lofgren (D-Calif.) said", "Nebraska_officials" for "Nebraska Attorney General
  Jon Bruning said"), which no person's name can match; a second row also counts a source
  that belongs to the named group: its party, organisation or place (the actor's
  affiliation, or that affiliation's own: the party of the senator a spokesman speaks
  for), or the actor itself, is named by a word of the group's name other than
  the kind of member ("Democratic" of "Democratic_lawmakers", "NAACP" of "NAACP";
  "lawmakers", "officials" and the like name no one in particular and match nothing).
* **author feeling**: the report's tone toward the actor matched to each main entity (the
  label most of its mentions carry, when more than half carry it; else neutral), as
  three classes (BASIL's strong and plain labels merged), beside the always-neutral
  baseline. An entity with no matching actor is predicted neutral.
* **loaded terms** against BASIL's lexical-bias spans, overlap and exact, as for PTC.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from framing.analysis import analyze
from framing.errors import FramingError
from framing.evaluate import (
    CONTEXT_CHARS, Evaluation, Interval, Share, _limited, _overlaps, _spread, classification_scores, score_spans,
)

FEELING_CLASSES = {"str-neg": "negative", "neg": "negative", "neu": "neutral", "pos": "positive", "str-pos": "positive"}
UNNAMED_SPEAKERS = ("other_anti", "other_pro", "other_neutral")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[\w’'-]+")


def _folded(word: str) -> str:
    """Spellings of one name compare equal: "Wal-Mart" and "Walmart", "N.A.A.C.P." and "NAACP"."""
    return word.lower().replace("-", "").replace(".", "")


def last_name_token(name: str) -> str:
    """The word an entity is known by: "Mitt Romney" -> "romney", "Donald_Trump_Jr." -> "trump",
    "Law enforcement/Federal authorities" -> "authorities", "Obama's administration" -> "administration"."""
    words = [_folded(w) for w in _WORD.findall(name.replace("_", " ").replace("/", " "))]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _name_words(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    words = {_folded(w) for w in _WORD.findall(name)} | {_folded(w.strip(".,;:()\"“”")) for w in name.split()}
    return frozenset(words | {w.removesuffix("’s").removesuffix("'s") for w in words})


@dataclass(frozen=True, slots=True)
class _ReportActor:
    name_words: frozenset[str]
    mentions: int
    tone: str


def _report_actors(report: dict) -> list[_ReportActor]:
    """Actors of the body and the title, each with the words of its name and its tone."""
    found = []
    for actor in report["document"]["actors"]:
        words = _name_words(actor["name"]).union(*(_name_words(name) for name in actor.get("names", ())))
        found.append(_ReportActor(words, actor["mentions"], _majority_tone(actor)))
    if report.get("title"):
        for mention in report["title"]["actor_mentions"]:
            found.append(_ReportActor(_name_words(mention["actor_name"]), 0, "neutral"))
    return found


def _majority_tone(actor: dict) -> str:
    mentions = actor["mentions"]
    for label in ("negative", "positive"):
        if mentions and actor[label] * 2 > mentions:
            return label
    return "neutral"


def _matching(actors: list[_ReportActor], entity: str) -> _ReportActor | None:
    """The most mentioned actor whose name has the entity's last name token."""
    token = last_name_token(entity)
    candidates = [actor for actor in actors if token and token in actor.name_words]
    return max(candidates, key=lambda actor: actor.mentions) if candidates else None


def _attributions(report: dict) -> list[dict]:
    return [a for p in report["paragraphs"] for a in p["attributions"]] + (report["title"]["attributions"] if report.get("title") else [])


def _actor_words(report: dict) -> dict[str, tuple[frozenset[str], str | None]]:
    """Per actor id: the words of its name and the names the article calls it, and its affiliation."""
    found = {}
    for actor in report["document"]["actors"]:
        words = _name_words(actor["name"]).union(*(_name_words(name) for name in actor.get("names", ())))
        found[actor["actor"]] = (words, (actor.get("affiliation") or {}).get("actor"))
    return found


# Words of a group speaker's name that say what kind of member speaks, not which group.
_MEMBER_WORDS = frozenset("""lawmaker legislator official leader member senator representative congressman
    congresswoman aide staff staffer and of the spokesman spokeswoman spokesperson company companies campaign administration
    committee supporter critic activist executive plaintiff protester resident voter group other top senior state""".split())
_PARTY_WORDS = {"democrats": "democratic", "democrat": "democratic", "republicans": "republican", "gop": "republican"}


def _group_words(speaker: str) -> frozenset[str]:
    """The words naming which group speaks: "House_Democrats" -> {"house", "democratic"}."""
    words = set()
    for word in _WORD.findall(speaker.replace("_", " ")):
        folded = _folded(word)
        folded = _PARTY_WORDS.get(folded, folded)
        if folded.removesuffix("s") not in _MEMBER_WORDS and folded not in _MEMBER_WORDS:
            words.add(folded)
    return frozenset(words)


def _party_folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_PARTY_WORDS.get(word, word) for word in words)


def _speaker_found(span: Interval, speaker: str, attributions: list[dict], actors: dict, through_affiliation: bool) -> bool:
    best, best_overlap = None, 0
    for attribution in attributions:
        content = attribution["content"]
        if not content or not _overlaps(span, (content["start"], content["end"])):
            continue
        overlap = min(span[1], content["end"]) - max(span[0], content["start"])
        if overlap > best_overlap:
            best, best_overlap = attribution, overlap
    if best is None or not best["source"] or not best["source"].get("actor"):
        return False
    token = last_name_token(speaker)
    actor_id = best["source"]["actor"]
    words, affiliation = actors.get(actor_id, (_name_words(best["source"].get("actor_name")), None))
    if token in words | _name_words(best["source"].get("actor_name")):
        return True
    if not through_affiliation:
        return False
    group = _group_words(speaker)
    own = _party_folded(words | _name_words(best["source"].get("actor_name")))
    if group and group <= own:
        return True  # "State_Department_officials": the State Department itself
    for _step in range(2):  # the party of the senator whose spokesman speaks ("Jim Manley, a spokesman for Mr. Reid")
        if affiliation is None:
            return False
        words_of_affiliation, next_affiliation = actors.get(affiliation, (frozenset(), None))
        affiliated = _party_folded(words_of_affiliation | _name_words(affiliation.split(":")[-1].replace("_", " ")))
        if group & affiliated or token in affiliated:
            return True
        affiliation = next_affiliation
    return False


def evaluate_basil(rows: Iterable[dict], data: str = "", limit: int | None = None, misses: int = 0) -> Evaluation:
    """Score main entities, named quoted speakers, author feeling and loaded terms on BASIL."""
    counts = {"entities": 0, "entities_found": 0, "speakers": 0, "speakers_found": 0, "speakers_affiliated": 0}
    gold_feeling, predicted_feeling = [], []
    loaded_predicted: list[list[Interval]] = []
    loaded_gold: list[list[Interval]] = []
    refused, texts, missed = 0, 0, []
    for row in _limited(rows, limit):
        texts += 1
        try:
            report = analyze(row["text"], title=row.get("title") or None)
        except FramingError:
            report = None
        refused += report is None
        actors = _report_actors(report) if report else []
        attributions = _attributions(report) if report else []
        actor_words = _actor_words(report) if report else {}
        for entity in row["main_entities"]:
            counts["entities"] += 1
            match = _matching(actors, entity)
            counts["entities_found"] += match is not None
            if match is None and misses:
                missed.append({"id": row["id"], "kind": "entity_not_found", "entity": entity})
        for entity, feeling in sorted(row["author_feeling"].items()):
            match = _matching(actors, entity)
            gold_feeling.append(FEELING_CLASSES[feeling])
            predicted_feeling.append(match.tone if match else "neutral")
        for span in row["spans"]:
            if span["quote"] != "yes" or not span["speaker"] or span["speaker"] in UNNAMED_SPEAKERS:
                continue
            counts["speakers"] += 1
            found = _speaker_found((span["start"], span["end"]), span["speaker"], attributions, actor_words, False)
            counts["speakers_found"] += found
            counts["speakers_affiliated"] += found or _speaker_found(
                (span["start"], span["end"]), span["speaker"], attributions, actor_words, True)
            if not found and misses:
                missed.append({"id": row["id"], "kind": "speaker_not_found", "speaker": span["speaker"],
                               "context": _context(row["text"], span["start"], span["end"]),
                               "predicted_nearby": _nearby(attributions, span)})
        loaded_predicted.append([(t["start"], t["end"]) for p in (report["paragraphs"] if report else []) for t in p["loaded_terms"]])
        loaded_gold.append([(s["start"], s["end"]) for s in row["spans"] if s["bias"] == "lex"])
    shares = [
        Share("main entities found", counts["entities_found"], counts["entities"]),
        Share("named quoted speakers found", counts["speakers_found"], counts["speakers"]),
        Share("named quoted speakers found, or a member of the named group", counts["speakers_affiliated"], counts["speakers"]),
    ]
    results = [
        score_spans("loaded terms vs lexical bias (overlap)", loaded_predicted, loaded_gold, False),
        score_spans("loaded terms vs lexical bias (exact)", loaded_predicted, loaded_gold, True),
    ]
    return Evaluation("basil", data, texts, refused, results, shares=shares,
                      classification=classification_scores(gold_feeling, predicted_feeling),
                      baseline=classification_scores(gold_feeling, ["neutral"] * len(gold_feeling)),
                      misses=_spread(missed, misses))


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS].replace("\n", " ")


def _nearby(attributions: list[dict], span: dict) -> list[dict]:
    near = []
    for attribution in attributions:
        cue = attribution["cue"]
        if abs(cue["start"] - span["start"]) < 2 * CONTEXT_CHARS:
            source = attribution["source"]
            near.append({"cue": cue["text"], "source": source and source["text"], "actor": source and source.get("actor_name")})
    return near
