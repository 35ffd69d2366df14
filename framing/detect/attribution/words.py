"""Closed-class words the attribution steps share: where a phrase or clause can end.

There is no parser, so every walk from a cue decides where a source or a content span
stops by the small words it meets: determiners, auxiliaries, subordinators, pronouns,
quotation marks. In "Le Drian, who met Putin on Friday, said that the talks had failed",
the commas and "who" bound the source "Le Drian", and "that" opens the content.
The lists several steps read live here, so that each step names the same word the same
way; a list only one step reads stays in that step's module.
"""
from __future__ import annotations

# Closed-class words that end a noun phrase when walking away from a cue.
CLAUSE_WORDS = frozenset(
    "that which who whom whose what how why when while as because but and or if although though after "
    "before since where than so yet nor whether unless until despite".split()
)
# A source right after one of these speaks inside a subordinate clause ("because X said").
SUBORDINATORS = frozenset("that which who whom when while as because if although though after before since where whether unless until".split())
GERUND_PREPOSITIONS = frozenset("by of for about on in with without after before from against despite".split())
AUXILIARIES = frozenset(
    "is are was were be been being has have had will would can could should shall may might must "
    "did does do not never also".split()
)
DETERMINERS = frozenset("the a an one some several many two three four five other another this these those its their his her".split())
PRONOUNS = {"he": "person", "she": "person", "it": "nonperson", "they": "plural", "we": "plural", "i": "person"}
# A possessive holds a noun cue's source as its pronoun would: "his endorsement" is his.
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we", "my": "i"}


def pronoun_kind(word: str) -> str | None:
    """The kind of a personal pronoun or possessive determiner ("he", "his"), else None."""
    lower = word.lower()
    return PRONOUNS.get(_POSSESSIVE_PRONOUNS.get(lower, lower))


TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning "
    "afternoon evening night week month year weekend".split()
)
MAX_SOURCE_TOKENS = 12
QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "«", "»"})
# Verbs of saying and of asserting or denying a fact take any complement ("Turkey said it
# was concerned", "the Observatory reported a new wave of strikes", "Moscow denied the
# report"). Other verbs need "that", a quotation, a colon or a
# clause with its own verb, or they are read in their other senses ("Moscow has maintained
# a naval facility", "the Kremlin rejected the proposal", "the crowd chanted his name").
SAY_VERBS = frozenset({
    "say", "tell", "add", "write", "report", "announce", "state", "deny", "confirm", "reveal",
    "disclose", "acknowledge", "admit", "claim", "allege", "predict", "estimate",
})
# Labelling verbs are cues only with a quoted label ("called the charges “unsubstantiated”").
LABELLING_VERBS = frozenset({"call", "dub", "label", "brand"})
SOURCE_PREPOSITIONS = frozenset({"in", "from", "at", "near", "on"})
