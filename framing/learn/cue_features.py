"""Features of one candidate word, for the learned attribution-cue tagger.

PolNeAR marks as cues far more than our lexicon's reporting verbs: verbs of support and
attack ("endorsed", "attacked"), of thought and intention ("believes", "wants"), nouns
("statement", "criticism") and phrases. Whether such a word is a cue depends on its frame,
so each feature names the word or its frame:

* the word itself (``w``) and a crude stem with inflections stripped (``s``), so that
  "supports" learns from "supported";
* the words one and two to the left and right (``p1``, ``p2``, ``n1``, ``n2``) and their
  shapes (``P1``, ``N1``: a pronoun, a capitalised word, "that", a quotation mark, a colon,
  a determiner, an auxiliary, ...): "he wants", "the statement", "endorsed Clinton",
  "believes that";
* the stem joined with each neighbour's shape (``sP1``, ``sN1``), because "support" after
  "to" and after "they" differ, and a linear model only sees that through a conjunction;
* where the word stands: first in its sentence, inside a quotation, capitalised mid-sentence
  (part of a name), whether the sentence has a quotation;
* what our lexicon (corpora/reporting_verbs.tsv) says of the word (``lex``).

Features are plain strings and all binary. Building them costs a few dozen string
operations per candidate; only candidate words (:mod:`framing.learn.cue_model`) get them.
The training code (:mod:`framing.training.attribution`) and the analysis call the same
:func:`cue_features`, so what is learned is what is scored.
"""
from __future__ import annotations

import functools

from framing.corpora import PhraseIndex
from framing.text import Paragraph, Token

QUOTE_MARKS = frozenset({"“", "”", '"', "''", "«", "»", "‘", "’", "``"})
_PRONOUNS = frozenset("he she it they we i you who which that".split())
_DETERMINERS = frozenset("the a an this these those his her its their our my your some any no every each".split())
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had will would can could should shall may might must did does do".split()
)
_NEGATIONS = frozenset({"not", "never", "n't"})
_PREPOSITIONS = frozenset("of in on at for with by from about against to as into over".split())
_CONJUNCTIONS = frozenset("and or but nor".split())
_ADVERB_LIKE = frozenset("also still just even already now repeatedly publicly privately recently again later".split())
_SKIPPABLE = _AUXILIARIES | _NEGATIONS | _ADVERB_LIKE
# Longest first, so that "stated" loses "ed", not "d".
_SUFFIXES = ("ing", "ies", "ied", "es", "ed", "s")


@functools.lru_cache(maxsize=8192)
def stem(lower: str) -> str:
    """A crude inflection-stripping stem: "supports", "supported", "supporting" -> "support";
    "believe", "believes", "believed" -> "believ".

    Good enough to share weights between a verb's forms; it also merges some unrelated
    words, which the word feature ``w`` then tells apart.
    """
    base = lower
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            base = lower[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            elif suffix == "ing" and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]  # "planning" -> "plan"
            break
    if len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base


# Each closed-class word's shape, and each punctuation mark's: one look-up on the hot path.
# Built from the lowest priority up, so that "that" is "that", not a pronoun.
_WORD_SHAPES: dict[str, str] = {}
for _shape, _words in (("adv", _ADVERB_LIKE), ("conj", _CONJUNCTIONS), ("prep", _PREPOSITIONS), ("neg", _NEGATIONS),
                       ("aux", _AUXILIARIES), ("det", _DETERMINERS), ("pron", _PRONOUNS), ("to", {"to"}), ("that", {"that"})):
    _WORD_SHAPES.update(dict.fromkeys(_words, _shape))
_MARK_SHAPES = {",": "comma", ":": "colon", ";": "semi", ".": "stop", "(": "paren", ")": "paren", "—": "dash", "–": "dash",
                "’s": "poss", "'s": "poss", **dict.fromkeys(QUOTE_MARKS, "quote")}


def shape(token: Token | None, sentence_first: bool = False) -> str:
    """A neighbour's class: what matters about it for the word beside it."""
    if token is None:
        return "edge"
    mark = _MARK_SHAPES.get(token.text)
    if mark is not None:
        return mark
    if not token.is_word:
        return "punct"
    lower = token.lower
    known = _WORD_SHAPES.get(lower)
    if known is not None:
        return known
    if lower.endswith("ly"):
        return "adv"
    if token.is_capitalized and not sentence_first:
        return "cap"
    if lower[0].isdigit():
        return "num"
    return "word"


def cue_features(tokens: list[Token], index: int, first: int, last: int, quoted: bool, sentence_quoted: bool,
                 lexicon: str | None) -> list[str]:
    """The features of ``tokens[index]``, a candidate in the sentence ``tokens[first..last]``.

    ``quoted``: the word is inside a quotation; ``sentence_quoted``: its sentence holds
    one; ``lexicon``: the reporting-verb entry's ``kind:act`` if our lexicon lists the
    word (else None).
    """
    token = tokens[index]
    lower = token.lower
    base = stem(lower)
    before = tokens[index - 1] if index > first else None
    before2 = tokens[index - 2] if index - 1 > first else None
    after = tokens[index + 1] if index < last else None
    after2 = tokens[index + 2] if index + 1 < last else None
    p1 = shape(before, index - 1 == first)
    n1 = shape(after)
    features = [
        "w=" + lower,
        "s=" + base,
        "p1=" + (before.lower if before is not None else "<s>"),
        "n1=" + (after.lower if after is not None else "</s>"),
        "p2=" + (before2.lower if before2 is not None else "<s>"),
        "n2=" + (after2.lower if after2 is not None else "</s>"),
        "P1=" + p1,
        "N1=" + n1,
        "P2N1=" + shape(before2, index - 2 == first) + "|" + n1,
        "sP1=" + base + "|" + p1,
        "sN1=" + base + "|" + n1,
        "sN2=" + base + "|" + shape(after2),
        "p1s=" + (before.lower if before is not None else "<s>") + "|" + base,
        "sn1=" + base + "|" + (after.lower if after is not None else "</s>"),
    ]
    for position in range(max(first, index - 4), index - 2):
        features.append("l=" + tokens[position].lower)
    for position in range(index + 3, min(last, index + 4) + 1):
        features.append("r=" + tokens[position].lower)
    # The nearest words past auxiliaries, adverbs and negation: "he has also repeatedly
    # said", "wants very much to"; the subject or complement a cue needs.
    left = index - 1
    while left >= first and tokens[left].lower in _SKIPPABLE:
        left -= 1
    right = index + 1
    while right <= last and tokens[right].lower in _SKIPPABLE:
        right += 1
    if left < index - 1:
        features.append("L=" + shape(tokens[left] if left >= first else None, left == first))
    if right > index + 1:
        features.append("R=" + shape(tokens[right] if right <= last else None))
    features.append("at=" + (str(index - first) if index - first < 4 else "later"))
    if index == first:
        features.append("first")
    elif token.is_capitalized:
        features.append("capital")
    if last - index <= 1:
        features.append("end")
    if quoted:
        features.append("quoted")
    if sentence_quoted:
        features.append("sentence_quoted")
    if lexicon is not None:
        features.append("lex=" + lexicon)
    return features


def paragraph_candidates(paragraph: Paragraph, candidates: frozenset[str] | set[str], lexicon: PhraseIndex,
                         ruled: list[tuple[int, int]]):
    """Each candidate word of a paragraph with its features: ``(sentence, token index, features)``.

    Words inside ``ruled`` (the character spans of the cues the rules found) are passed
    over: the tagger learns and decides only where the rules found nothing. This is the
    one walk both training and analysis take, so that they see the same candidates.
    """
    tokens = paragraph.tokens
    quotes = paragraph.quotes
    for sentence in paragraph.sentences:
        stokens = sentence.tokens
        found = [token for token in stokens if token.lower in candidates]
        if not found:
            continue
        first, last = stokens[0].index, stokens[-1].index
        sentence_quoted = any(quote.start < sentence.end and sentence.start < quote.end for quote in quotes)
        for token in found:
            if ruled and any(start < token.end and token.start < end for start, end in ruled):
                continue
            entry = lexicon.word(token.lower)
            quoted = sentence_quoted and paragraph.quote_at(token.start, token.end) is not None
            yield sentence, token.index, cue_features(
                tokens, token.index, first, last, quoted, sentence_quoted,
                f"{entry.kind}:{entry.act}" if entry is not None else None,
            )
