"""Cues: which words in a paragraph report that someone said, thought or wanted something.

The reporting-verbs lexicon lists the cue words ("said", "denial", "according to"), but
the same words serve as nouns and names: "Islamic State", "the recall election", "was
questioned by police". The lexicon's cues are read only in a frame where they report.
Beyond the lexicon, the learned cue tagger (:mod:`framing.learn.cue_model`) proposes
words the rules miss ("Senator Warren has endorsed the bill"); for a word the lexicon
lists it is followed only in the frame the rules accept. This step finds cue
positions; the frames in :mod:`framing.detect.attribution.patterns` build around them.
"""
from __future__ import annotations

from framing import corpora
from framing.corpora import ReportingCue
from framing.detect.attribution.content import introduces_clause, looks_like_clause, that_ahead
from framing.detect.attribution.model import LEARNED_KIND
from framing.detect.attribution.phrases import skip_forward_adjuncts
from framing.detect.attribution.words import DETERMINERS, GERUND_PREPOSITIONS, LABELLING_VERBS, SAY_VERBS
from framing.learn.cue_features import paragraph_candidates, stem
from framing.learn.cue_model import CueModel
from framing.text import Paragraph, Sentence, Token

_BE_FORMS = frozenset("is are was were be been being am".split())


def lexicon_cues(paragraph: Paragraph, verbs, used: set[int]):
    """The lexicon's reporting words in each sentence that read as cues there, longest
    entry first and never two overlapping, outside quotations and the cues of quotations
    already attributed (``used``): (sentence, first token, last token, lexicon entry)."""
    tokens = paragraph.tokens
    for sentence in paragraph.sentences:
        stokens = sentence.tokens
        free_from = 0
        for position in verbs.starts(stokens):
            if position < free_from:
                continue
            match = verbs.at(stokens, position)
            if match is None or stokens[match.first].index in used:
                continue
            free_from = match.last + 1
            first, last = stokens[match.first].index, stokens[match.last].index
            if _is_cue(tokens, first, last, match.entry, stokens[0].index) and paragraph.quote_at(tokens[first].start, tokens[last].end) is None:
                yield sentence, first, last, match.entry


def _is_cue(tokens: list[Token], first: int, last: int, cue: ReportingCue, sentence_start: int) -> bool:
    """Reporting verbs double as nouns and names: "Islamic State", "media reports"."""
    head = tokens[first]
    if head.is_capitalized and first > sentence_start and tokens[first - 1].text not in "“\"(" and not _title_case(tokens):
        return False  # mid-sentence capital: part of a name
    if cue.kind == "verb":
        previous = tokens[first - 1].lower if first > 0 else ""
        if previous in DETERMINERS or previous in ("’s", "'s"):
            return False  # "the report", "Russia's claims"
        if previous == "to":
            return False  # "Seeking to underline": no one has said anything yet
        if previous in _BE_FORMS and not head.lower.endswith("ing"):
            return False  # "was questioned by police", "is expected to speak": passive
        if previous in GERUND_PREPOSITIONS and head.lower.endswith("ing"):
            return False  # "by proposing that ...", "for saying that ...": a gerund, not a report
    return True


def _title_case(tokens: list[Token]) -> bool:
    """A headline's words are capitalised: "Lindsey Graham Says Trump Could ..."."""
    words = [token for token in tokens if token.is_word and len(token.text) > 3]
    return len(words) >= 3 and sum(1 for token in words if token.is_capitalized) / len(words) > 0.7


# Acts of cues our lexicon does not list: what the source thinks or means to do, rather
# than what it says. Compared by stem (framing.learn.cue_features.stem); anything else is speech.
_BELIEF_STEMS = frozenset(stem(word) for word in (
    "believe think feel see view consider assume suspect worry understand seem appear regard doubt fear "
    "expect know realize recognize convinced sure confident concerned").split())
_INTENTION_STEMS = frozenset(stem(word) for word in (
    "want plan hope seek sought intend aim wish try vow pledge promise push urge demand").split())


def learned_cues(paragraph: Paragraph, cue_model: CueModel, ruled: list[tuple[int, int]]) -> list[tuple[Sentence, int, int, int]]:
    """Cues the rules missed that the tagger is confident of ("endorsed", "believes", "wants"),
    as (sentence, first token, last token, head token); ``ruled`` are the character spans of
    the rules' cues in this paragraph.

    A word our lexicon lists is added only in a frame the rules accept as that word's
    reporting sense (:func:`_lexicon_sense`): the rules' rejections ("the recall election",
    "is expected to speak", "rejected the proposal") are deliberate, and the tagger, trained
    on PolNeAR's broader notion of attribution, would otherwise undo them.
    """
    lexicon = corpora.reporting_verbs().index
    added: list[tuple[Sentence, int, int, int, float]] = []  # (sentence, first, last, head token, its probability)
    for sentence, index, features in paragraph_candidates(paragraph, cue_model.candidates, lexicon, ruled):
        listed = lexicon.word(paragraph.tokens[index].lower) is not None
        probability = cue_model.probability_of(features)
        if probability < (cue_model.threshold_listed if listed else cue_model.threshold_unlisted):
            continue
        if listed and not _lexicon_sense(paragraph, sentence, index, lexicon, cue_model):
            continue
        if added and added[-1][0] is sentence and added[-1][2] == index - 1:
            held, first, _, head, best = added[-1]  # "pointed out", "has long opposed"
            added[-1] = (held, first, index, index, probability) if probability > best else (held, first, index, head, best)
        else:
            added.append((sentence, index, index, index, probability))
    return [(sentence, first, last, head) for sentence, first, last, head, _ in added]


def _lexicon_sense(paragraph: Paragraph, sentence: Sentence, index: int, lexicon, cue_model: CueModel) -> bool:
    """May the tagger read this word as a cue here? Always for words our lexicon does not list.

    A lexicon word never where the rules see a name ("Islamic State"), a noun after a
    determiner ("the recall election"), an infinitive ("seeking to announce") or a
    passive ("was questioned by police"). Beyond
    that, a word that is a reporting word in most of its uses in PolNeAR ("said",
    "accused") is trusted to the tagger; an ambiguous one ("showed", "called",
    "rejected") only in the frame the rules require of it: not passive, not a gerund
    after a preposition, and for verbs other than those of saying, with a clause, "that",
    a colon or a quotation after it ("rejected the proposal" is an act, not a report).
    """
    tokens = paragraph.tokens
    match = lexicon.at(tokens, index)
    if match is None or match.entry.kind == "phrase":
        return True
    entry = match.entry
    head = tokens[match.first]
    previous = tokens[match.first - 1].lower if match.first > 0 else ""
    sentence_start = sentence.tokens[0].index
    if head.is_capitalized and match.first > sentence_start and tokens[match.first - 1].text not in "“\"(":
        return False
    if previous in DETERMINERS or previous in ("’s", "'s", "to"):
        return False
    if previous in _BE_FORMS and not head.lower.endswith("ing"):
        return False  # passive: "was questioned by police"
    if head.lower in cue_model.unambiguous:
        return True
    if not _is_cue(tokens, match.first, match.last, entry, sentence_start):
        return False
    if entry.kind != "verb" or entry.lemma in SAY_VERBS:
        return True
    if entry.lemma in LABELLING_VERBS:
        return False  # a label is a cue only when quoted, which the rules already read
    end_limit = sentence.tokens[-1].index
    after = that_ahead(tokens, skip_forward_adjuncts(tokens, match.last + 1, end_limit, entry.needs_recipient), end_limit)
    return after <= end_limit and (introduces_clause(tokens, after, paragraph) or looks_like_clause(tokens, after, end_limit))


def learned_cue_entry(tokens: list[Token], head: int, lexicon, cue_model: CueModel) -> ReportingCue:
    """Lemma, stance and act of a learned cue's head word: the lexicon's when it lists the
    word, else its dictionary form from the model, neutral, and an act guessed from the stem."""
    entry = lexicon.word(tokens[head].lower)
    if entry is not None:
        return entry
    word = tokens[head].lower
    base = stem(word)
    act = "belief" if base in _BELIEF_STEMS else "intention" if base in _INTENTION_STEMS else "speech"
    lemma = cue_model.lemmas.get(word, word) if word[0].isalpha() else "colon"
    return ReportingCue(lemma, LEARNED_KIND, "neutral", False, act)
