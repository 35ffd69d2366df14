"""Features of a candidate name, for the name-kind model (:mod:`framing.learn.name_model`).

What tells "Mitt Romney" (a person) from "Walmart" (an organisation), "Ohio" (a place)
and "Officials" (a capital that only starts a sentence)? The classic evidence of
named-entity recognition, all cheap to compute:

* the words themselves, their shapes ("Xx", "XX" for "NAACP", "x-Xx" for "al-Assad") and
  the last word's ending ("-ists", "-ans");
* the words around the run ("said", "in", "at", "'s");
* whether the first word starts the sentence, whether the article uses it in lower case
  elsewhere ("Officials" at a sentence start, "officials" later), and whether news
  usually does (a list learned with the model: "Government forces pushed ...");
* US Census name lists (a common first name, a ranked surname);
* the head words of organisation, media and place names (name_words.tsv) and a title
  written before the run (titles.tsv);
* the gazetteer's type for a run it knows.

Every feature is a string; the model keeps one weight per feature and class.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from framing import corpora
from framing.detect.actors.names import NameRun, opens_sentence
from framing.text import Token


@dataclass(frozen=True, slots=True)
class DocumentEvidence:
    """Facts about the whole article that help judge one run."""

    lowercase_words: frozenset[str]  # words the article writes in lower case somewhere
    capitalised_counts: Counter  # how often each capitalised word appears
    common_words: frozenset[str]  # words news usually writes in lower case (learned with the model)

    @classmethod
    def of(cls, paragraphs_tokens: list[list[Token]], common_words: frozenset[str]) -> DocumentEvidence:
        # two comprehensions over every token of the article (a token's fields are slots: cheap to read)
        capitalised = Counter([token.text for tokens in paragraphs_tokens for token in tokens if token.is_capitalized])
        # words that start with a lower-case letter
        lowercase = frozenset([token.lower for tokens in paragraphs_tokens for token in tokens if token.text[0].islower()])
        return cls(lowercase, capitalised, common_words)


@functools.lru_cache(maxsize=65536)
def shape(text: str) -> str:
    """"Romney" -> "Xx", "NAACP" -> "XX", "R." -> "X.", "al-Assad" -> "x-Xx", "Chick-fil-A" -> "Xx-x-X"."""
    out = []
    for char in text:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:8]


def _bucket(rank: int | None) -> str:
    if rank is None:
        return "none"
    return "top1k" if rank <= 1000 else "top10k" if rank <= 10000 else "rare"


def name_features(tokens: list[Token], run: NameRun, sentence_first: int, sentence_last: int,
                  evidence: DocumentEvidence, gazetteer_type: str | None) -> list[str]:
    """The features of ``tokens[run.first..run.last]`` in the sentence ``tokens[sentence_first..sentence_last]``."""
    names = corpora.person_names()
    kinds = corpora.name_words().kinds
    words = tokens[run.first:run.last + 1]
    first, last = words[0], words[-1]
    length = len(words)
    features = [f"len={min(length, 4)}", f"first={first.lower}", f"last={last.lower}", f"lastsuf={last.lower[-3:]}",
                f"shape={'_'.join(shape(w.text) for w in words[:4])}"]
    features += [f"w={w.lower}" for w in words]
    previous = tokens[run.first - 1] if run.first > sentence_first else None
    before = tokens[run.first - 2] if run.first - 1 > sentence_first else None
    following = tokens[run.last + 1] if run.last < sentence_last else None
    after = tokens[run.last + 2] if run.last + 1 < sentence_last else None
    features += [
        f"p1={previous.lower if previous else '<s>'}", f"p2={before.lower if before else '<s>'}",
        f"n1={following.lower if following else '</s>'}", f"n2={after.lower if after else '</s>'}",
        f"P1={shape(previous.text) if previous else '<s>'}", f"N1={shape(following.text) if following else '</s>'}",
    ]
    starts_sentence = opens_sentence(tokens, run.first, sentence_first)
    if starts_sentence:
        features.append("sentence_start")
    if first.lower in evidence.lowercase_words:
        features.append("first_lower_elsewhere" + ("_start" if starts_sentence else "") + ("_1" if length == 1 else ""))
    if any(w.lower in evidence.lowercase_words for w in words[1:]):
        features.append("inner_lower_elsewhere")
    if first.lower in evidence.common_words:
        features.append("first_common" + ("_start" if starts_sentence else "") + ("_1" if length == 1 else ""))
    if all(w.lower in evidence.common_words for w in words):
        features.append("all_common")
    if evidence.capitalised_counts[last.text] >= 2:
        features.append("last_repeated")
    first_rank = names.first_rank.get(first.text.capitalize())
    surname_rank = names.surname_rank.get(last.text.capitalize())
    features.append(f"fn={_bucket(first_rank)}")
    features.append(f"sn={_bucket(surname_rank)}")
    if length >= 2 and first_rank is not None and surname_rank is not None:
        features.append("first_and_surname")
    if length >= 2 and first_rank is not None:
        features.append("first_name_then_more")
    head_kind = kinds.get(last.text)
    if head_kind:
        features.append(f"head={head_kind}")
    for kind in {kinds.get(w.text) for w in words[:-1]} - {None}:
        features.append(f"has={kind}")
    if run.title is not None:
        features.append("title" if run.title.roles else "honorific")
        features.append(f"title={run.title.term.lower()}")
    if gazetteer_type:
        features.append(f"gaz={gazetteer_type}")
    if following is not None and following.lower in ("'s", "’s"):
        features.append("possessive")
    return features
