"""Cue frames: the sentence shapes that build an attribution around a cue word.

Each frame is named in the attribution's ``pattern`` so a user can see why a span was
read as one: "Le Drian said that Islamic State was ..." (``source_cue_content``), "...,
a monitoring group said" (``content_source_cue``), "..., said Batchelder."
(``content_cue_source``), "a campaign that Moscow says has targeted ..."
(``relative_claim``), "He praised the staff but said ..." (``coordinated_verb``), "...,
according to a UN estimate" (``according_to``), "a swift denial from Russia that ..."
(``noun_cue``), "..., accusing Moscow of ..." (``participle``), and the learned tagger's
cues (``learned_cue``). A frame finds the source phrase and the content with the walks
of :mod:`~framing.detect.attribution.phrases` and :mod:`~framing.detect.attribution.content`,
or declines.
"""
from __future__ import annotations

from framing import corpora
from framing.detect.attribution.content import (
    clause_from, content_after, content_before, infinitive, introduces_clause, looks_like_clause, main_verb_before,
    quoted_words, quotes_inside, that_ahead, verb_like,
)
from framing.detect.attribution.cues import learned_cue_entry
from framing.detect.attribution.model import Attribution, Context, make_cue, token_span
from framing.detect.attribution.phrases import (
    appositive_name, appositive_source, backward_np, backward_np_from_start, conjunct_subject, forward_np,
    one_noun_phrase, opens_with_preposition, relative_antecedent, single_pronoun, skip_back_adverbs,
    skip_forward_adjuncts, skip_that, subject_pronoun, subject_with_appositive,
)
from framing.detect.attribution.resolve import source_resolved_from
from framing.detect.attribution.sources import holder_like, make_attribution
from framing.detect.attribution.words import (
    AUXILIARIES, DETERMINERS, LABELLING_VERBS, MAX_SOURCE_TOKENS, SAY_VERBS, SUBORDINATORS, TIME_WORDS,
)
from framing.learn.cue_model import CueModel
from framing.spans import Span
from framing.text import Paragraph, Sentence, Token

_COORDINATORS = frozenset({"and", "but"})


def attribution_at(context, paragraph, sentence, first, last, cue) -> Attribution | None:
    """The frame a lexicon cue opens, by its kind: a phrase ("according to"), a noun, "quoted
    ... as saying", a participle after a comma, else a reporting verb's frames."""
    tokens = paragraph.tokens
    cue_span = token_span(context, tokens, first, last)
    lower = tokens[first].lower
    if cue.kind == "phrase":
        return _according_to(context, paragraph, sentence, first, last, cue)
    if cue.kind == "noun":
        return _noun_cue(context, paragraph, sentence, first, last, cue)
    if cue.lemma == "quote":
        quoted = _quoted_as_saying(context, paragraph, sentence, first, last, cue)
        if quoted is not None:
            return quoted
    if lower.endswith("ing") and _participle_opener(tokens, first) is not None:
        return _participle(context, paragraph, sentence, first, last, cue)
    return _verb_cue(context, paragraph, sentence, first, last, cue, cue_span)


# Words that open an adverbial participle clause: "Trump said ..., before again claiming that ...".
_PARTICIPLE_PREPOSITIONS = frozenset({"before", "after", "while", "when"})


def _participle_opener(tokens: list[Token], first: int) -> int | None:
    """Where the participle's clause opens: the comma before it ("..., saying"), or "before",
    "after", "while" or "when" after a comma ("said so, before again claiming"), one adverb
    allowed between; None when the -ing word opens no such clause."""
    position = first - 1
    if position > 0 and tokens[position].lower in ("again", "also", "then", "later", "repeatedly", "once"):
        position -= 1
    if position <= 0:
        return None
    if tokens[position].text == "," and position == first - 1:
        return position
    if tokens[position].lower in _PARTICIPLE_PREPOSITIONS and tokens[position - 1].text == ",":
        return position
    return None


def _verb_cue(context, paragraph, sentence, first, last, cue, cue_span) -> Attribution | None:
    tokens = paragraph.tokens
    start_limit = sentence.tokens[0].index
    end_limit = sentence.tokens[-1].index
    source_end = skip_back_adverbs(tokens, first - 1, start_limit)
    if cue.lemma in LABELLING_VERBS:
        return _labelling(context, paragraph, sentence, first, last, cue, cue_span, source_end)
    inverted = (
        not cue.needs_recipient  # "told reporters." names the hearer, not the source
        and source_end >= start_limit and tokens[source_end].text == ","
        and appositive_name(tokens, source_end, start_limit) is None  # "One of those groups, Liwa Suqour al-Jabal, said"
        and _np_ends_sentence(tokens, last + 1, end_limit)
        # "Sen. Mitt Romney, R-Utah, whose views ..., said Trump “...”": the sentence's subject speaks
        and subject_with_appositive(tokens, source_end, start_limit) is None
    )
    opening = first == start_limit and not tokens[first].lower.endswith("ing")  # "Said Ellis:", not "Responding to ..."
    if opening or inverted:
        return _inverted(context, paragraph, sentence, first, last, cue, cue_span)
    if source_end >= start_limit and tokens[source_end].lower in _COORDINATORS:
        return _coordinated(context, paragraph, sentence, first, last, cue, cue_span, source_end)
    if source_end > start_limit and tokens[source_end].lower == "who":
        return _relative_source(context, paragraph, sentence, first, last, cue, cue_span, source_end)
    appositive = None
    if source_end >= start_limit and tokens[source_end].text == ",":
        appositive = appositive_source(tokens, source_end, start_limit)
        if appositive is not None:
            context.clause_ends.append(tokens[source_end].start)  # "X, who says A, said B": A ends here
        else:
            # "..., said the minister." : the source follows the cue, the content precedes it
            source_range = forward_np(tokens, last + 1, end_limit)
            content = content_before(context, paragraph, sentence, source_end)
            if source_range is None or content is None:
                return None
            return make_attribution(context, paragraph, sentence, "content_source_cue", cue, cue_span, source_range, content)
    source_range = appositive or backward_np(tokens, source_end, start_limit) or single_pronoun(tokens, source_end, start_limit)
    if source_range is None:
        return None
    source_first = source_range[0]
    before_source = tokens[source_first - 1] if source_first > start_limit else None
    after = skip_forward_adjuncts(tokens, last + 1, end_limit, cue.needs_recipient)
    if before_source is not None and before_source.lower in ("that", "which") and after <= end_limit and verb_like(tokens[after]):
        content = clause_from(context, paragraph, after, end_limit)
        attribution = make_attribution(context, paragraph, sentence, "relative_claim", cue, cue_span, source_range, content)
        attribution.embedded = True
        attribution.hedged = True
        attribution.hedge_reasons.append("embedded_claim")
        return attribution
    after = that_ahead(tokens, after, end_limit)
    content = content_after(context, paragraph, after, end_limit)
    if content is not None and cue.lemma not in SAY_VERBS and not (
        introduces_clause(tokens, after, paragraph) or looks_like_clause(tokens, after, end_limit)
        or infinitive(tokens, after, end_limit) or quotes_inside(paragraph, content)
    ):
        return None  # "rejected the proposal", "maintained a naval facility": an object, not a claim
    if before_source is not None and before_source.text == "," and any(t.text == "," for t in tokens[last + 1:after]) and not (
        after <= end_limit and (tokens[after].text == ":" or paragraph.quote_at(tokens[after].start, tokens[after].end) is not None)
    ):
        content = None  # "CONTENT, a monitoring group said on Friday, despite ...": what follows is the writer's
    if before_source is not None and source_first - 1 == start_limit and before_source.lower in SUBORDINATORS and content is not None:
        content = clause_from(context, paragraph, after, end_limit)  # "After X accused him of Y, he ...": the clause ends at its comma
    if content is None and before_source is not None and before_source.text == ",":
        content = content_before(context, paragraph, sentence, source_first - 1)
        pattern = "content_source_cue"
    else:
        pattern = "source_cue_content"
    if content is None:
        return None
    attribution = make_attribution(context, paragraph, sentence, pattern, cue, cue_span, source_range, content)
    if before_source is not None and before_source.lower in SUBORDINATORS:
        attribution.embedded = True
    return attribution


def _relative_source(context, paragraph, sentence, first, last, cue, cue_span, who) -> Attribution | None:
    """"Ann Roe, who says the plan is flawed, ..." and "..., said Ann Roe, 41, from Leeds,
    who said ...": the source is the antecedent of "who", shown with "who" as the word it
    was resolved from. Pattern ``relative_source``."""
    tokens = paragraph.tokens
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    antecedent = relative_antecedent(tokens, who, start_limit)
    if antecedent is None:
        return None
    after = that_ahead(tokens, skip_forward_adjuncts(tokens, last + 1, end_limit, cue.needs_recipient), end_limit)
    content = content_after(context, paragraph, after, end_limit)
    if content is None or (cue.lemma not in SAY_VERBS and not (
        introduces_clause(tokens, after, paragraph) or looks_like_clause(tokens, after, end_limit) or quotes_inside(paragraph, content)
    )):
        return None
    attribution = make_attribution(context, paragraph, sentence, "relative_source", cue, cue_span, antecedent, content)
    attribution.source = source_resolved_from(attribution.source, token_span(context, tokens, who, who))
    return attribution


def _coordinated(context, paragraph, sentence, first, last, cue, cue_span, conjunction) -> Attribution | None:
    """"Siemens cut 400 jobs and said ...", "He praised the staff but said, “...”": the
    verb shares its subject with the clause before the conjunction. That subject is the
    source of an attribution already made in the sentence with its subject before its
    cue ("X said A, but cautioned B"), else the subject of the clause the conjunction
    continues; the earlier clause's content ends at the conjunction.
    """
    tokens = paragraph.tokens
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    content = content_after(context, paragraph, skip_forward_adjuncts(tokens, last + 1, end_limit, cue.needs_recipient), end_limit)
    if content is None:
        return None
    earlier = _earlier_in_sentence(context, paragraph, sentence, cue_span)
    if earlier is not None and earlier.source is not None and earlier.source.span.end <= earlier.cue.span.start:
        attribution = Attribution(paragraph.index, sentence.index, "coordinated_verb", make_cue(cue, cue_span), earlier.source, content)
    else:
        subject = conjunct_subject(tokens, start_limit, conjunction - 1)
        if subject is None or not one_noun_phrase(tokens, subject):
            return None
        attribution = make_attribution(context, paragraph, sentence, "coordinated_verb", cue, cue_span, subject, content)
    context.clause_ends.append(tokens[conjunction].start)  # only now: a refused reading cuts nothing
    return attribution


def _earlier_in_sentence(context: Context, paragraph: Paragraph, sentence: Sentence, cue_span: Span,
                         with_source: bool = False) -> Attribution | None:
    """The latest attribution of this sentence whose cue comes before ``cue_span`` (and that
    has a source, if ``with_source``)."""
    earlier = [a for a in context.found if a.paragraph == paragraph.index and a.sentence == sentence.index
               and a.cue.span.end <= cue_span.start and (a.source is not None or not with_source)]
    return earlier[-1] if earlier else None


def _labelling(context, paragraph, sentence, first, last, cue, cue_span, source_end) -> Attribution | None:
    """"The campaign called the charges “unsubstantiated”": the quoted label is the content."""
    tokens = paragraph.tokens
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    label = None
    for index in range(last + 1, min(end_limit + 1, last + 12)):
        if tokens[index].text in (",", ";", ".") and paragraph.quote_at(tokens[index].start, tokens[index].end) is None:
            break
        quote = paragraph.quote_at(tokens[index].start, tokens[index].end)
        if quote is not None and quote.start == tokens[index].start:
            label = quote
            break
    if source_end >= start_limit and tokens[source_end].text == ",":
        source_range = subject_with_appositive(tokens, source_end, start_limit)  # "Chuck Schumer, the leader, called"
    else:
        source_range = backward_np(tokens, source_end, start_limit) or single_pronoun(tokens, source_end, start_limit)
    if label is None or source_range is None:
        return None
    return make_attribution(context, paragraph, sentence, "labelling", cue, cue_span, source_range, quoted_words(context, label))


def _np_ends_sentence(tokens: list[Token], start: int, limit: int) -> bool:
    """"..., said Batchelder." : the words after the cue are the source and nothing follows."""
    source = forward_np(tokens, start, limit)
    if source is None or all(t.lower in TIME_WORDS or not t.is_word for t in tokens[source[0]:source[1] + 1]):
        return False  # "..., Mr. Rhodes said Sunday.": a day is not a speaker
    if any(verb_like(t) and t.lower not in AUXILIARIES for t in tokens[source[0] + 1:source[1] + 1]):
        return False  # "said Russian strikes destroyed their depot": a clause, not a speaker
    after = skip_forward_adjuncts(tokens, source[1] + 1, limit, False)
    return after > limit or tokens[after].text in (".", "!", "?", ":", "”", '"', "''")


def _inverted(context, paragraph, sentence, first, last, cue, cue_span) -> Attribution | None:
    """"..., said Batchelder." and "Said Ellis: “I don’t get the sense ...”"."""
    tokens = paragraph.tokens
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    source_range = forward_np(tokens, last + 1, end_limit)
    if source_range is None:
        return None
    if first == start_limit:
        after = skip_forward_adjuncts(tokens, source_range[1] + 1, end_limit, False)
        content = content_after(context, paragraph, after, end_limit)
    else:
        content = content_before(context, paragraph, sentence, skip_back_adverbs(tokens, first - 1, start_limit))
    if content is None:
        return None
    return make_attribution(context, paragraph, sentence, "content_cue_source", cue, cue_span, source_range, content)


def _according_to(context, paragraph, sentence, first, last, cue) -> Attribution | None:
    """"..., according to X" or "According to X, ...": the source follows the phrase."""
    tokens = paragraph.tokens
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    source_range = forward_np(tokens, last + 1, end_limit)
    if source_range is None:
        return None
    cue_span = token_span(context, tokens, first, last)
    after_source = source_range[1] + 1
    if first == start_limit or (first > start_limit and tokens[first - 1].text in "“\""):
        if after_source <= end_limit and tokens[after_source].text == ",":
            content = content_after(context, paragraph, after_source + 1, end_limit)
        else:
            content = None
    else:
        end = first - 1
        while end >= start_limit and not tokens[end].is_word and tokens[end].text not in "”\"":
            end -= 1
        content = token_span(context, tokens, start_limit, end) if end >= start_limit else None
    if content is None:
        return None
    return make_attribution(context, paragraph, sentence, "according_to", cue, cue_span, source_range, content)


def _noun_cue(context, paragraph, sentence, first, last, cue) -> Attribution | None:
    """"Russia's denial that ...", "a denial from Russia that ...": needs a source and content."""
    tokens = paragraph.tokens
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    source_range = None
    position = last + 1
    if first - 1 > start_limit and tokens[first - 1].text in ("’s", "'s"):
        source_range = backward_np(tokens, first - 2, start_limit)
    elif position <= end_limit and tokens[position].lower in ("from", "by"):
        source_range = forward_np(tokens, position + 1, end_limit)
        if source_range is not None:
            position = source_range[1] + 1
    if source_range is None:
        return None
    if position <= end_limit and tokens[position].lower == "that":
        content = clause_from(context, paragraph, position + 1, main_verb_before(tokens, position + 1, end_limit))
    elif position <= end_limit and tokens[position].text == ":":
        content = content_after(context, paragraph, position + 1, end_limit)
    else:
        content = None
    if content is None:
        return None
    cue_span = token_span(context, tokens, first, last)
    attribution = make_attribution(context, paragraph, sentence, "noun_cue", cue, cue_span, source_range, content)
    attribution.embedded = True
    return attribution


def _quoted_as_saying(context, paragraph, sentence, first, last, cue) -> Attribution | None:
    """"It quoted a Saudi government official as saying ...": the quoted person is the source."""
    tokens = paragraph.tokens
    end_limit = sentence.tokens[-1].index
    for position in range(last + 1, min(last + 1 + MAX_SOURCE_TOKENS, end_limit)):
        if tokens[position].lower == "as" and position + 1 <= end_limit and tokens[position + 1].lower == "saying":
            if position == last + 1:
                return None
            source_range = (last + 1, position - 1)
            content = content_after(context, paragraph, skip_that(tokens, position + 2, end_limit), end_limit)
            if content is None:
                return None
            cue_span = token_span(context, tokens, first, last)
            return make_attribution(context, paragraph, sentence, "quoted_as_saying", cue, cue_span, source_range, content)
    return None


def _participle(context, paragraph, sentence, first, last, cue) -> Attribution | None:
    """"The United States has ruled out ..., accusing Moscow of ...": the subject speaks;
    "“...,” he said, adding that ...": the speaker of the attribution just made speaks on."""
    tokens = paragraph.tokens
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    start = skip_forward_adjuncts(tokens, last + 1, end_limit, False)  # "saying, “...”", "saying on Twitter: ..."
    if start < end_limit and tokens[start].text == ":":
        start += 1
    content = content_after(context, paragraph, start, end_limit)
    if content is None:
        return None
    cue_span = token_span(context, tokens, first, last)
    opener = _participle_opener(tokens, first)
    clause_end = opener - 1 if tokens[opener].text == "," else opener - 2  # the word before the comma
    earlier = _earlier_in_sentence(context, paragraph, sentence, cue_span, with_source=True)
    clause_subject = _subject_of_last_clause(context, paragraph, start_limit, clause_end)
    if earlier is not None and (clause_subject is None or earlier.cue.span.start >= tokens[clause_subject[0]].start):
        attribution = Attribution(paragraph.index, sentence.index, "participle", make_cue(cue, cue_span), earlier.source, content)
    else:
        subject = clause_subject or backward_np_from_start(tokens, start_limit, clause_end)
        if subject is None:
            return None
        attribution = make_attribution(context, paragraph, sentence, "participle", cue, cue_span, subject, content)
    attribution.embedded = True
    return attribution


def _subject_of_last_clause(context: Context, paragraph: Paragraph, start_limit: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause a participle hangs on: the noun phrase opening the last
    comma-delimited stretch before it, when that stretch is not the sentence's opening.

    "In the wake of the attack, Trump defended his proposals, saying ...": Trump speaks,
    not whoever an introductory phrase names; "Asked whether he was suggesting ..., Mr.
    Santorum did not back down, saying ...": Mr. Santorum, not the "he" of the question.
    The phrase must be one that can speak (:func:`holder_like`), so a stretch that opens
    with a verb or a time ("said Ann Roe", "on Tuesday") is passed over.
    """
    tokens = paragraph.tokens
    comma = end
    while comma > start_limit and tokens[comma].text != ",":
        comma -= 1
    if comma <= start_limit or paragraph.quote_at(tokens[comma].start, tokens[comma].end) is not None:
        return None
    subject = backward_np_from_start(tokens, comma + 1, end)
    if subject is None or not holder_like(context, paragraph, token_span(context, tokens, *subject)):
        return None
    return subject


def learned_attribution(context: Context, paragraph: Paragraph, sentence: Sentence, first: int, last: int, head: int,
                         cue_model: CueModel) -> Attribution | None:
    """Source and content for a learned cue, walked as for a reporting verb.

    The source is the subject before the cue ("Clinton has endorsed", "his statement"), or
    after it when the cue closes the sentence ("..., wrote Smith."); the content is what
    follows the cue (a clause to the sentence's end, an object to the next comma), else
    what precedes the source. Either may stay unknown: the cue is still reported, with
    pattern ``learned_cue``.
    """
    tokens = paragraph.tokens
    cue = learned_cue_entry(tokens, head, corpora.reporting_verbs().index, cue_model)
    cue_span = token_span(context, tokens, first, last)
    start_limit, end_limit = sentence.tokens[0].index, sentence.tokens[-1].index
    source_end = skip_back_adverbs(tokens, first - 1, start_limit)
    source_range = None
    content = None
    written = None  # the relative "who" a source was resolved from
    if source_end >= start_limit and tokens[source_end].text in ("’s", "'s"):
        source_range = backward_np(tokens, source_end - 1, start_limit)  # "Clinton's statement"
    elif source_end >= start_limit and tokens[source_end].lower in ("his", "her", "their", "its"):
        source_range = (source_end, source_end)  # "his support": the possessive holds it
    elif source_end >= start_limit and tokens[source_end].text == "," and _np_ends_sentence(tokens, last + 1, end_limit):
        source_range = forward_np(tokens, last + 1, end_limit)  # "..., wrote Smith."
        content = content_before(context, paragraph, sentence, source_end)
    elif source_end >= start_limit and tokens[source_end].text == ",":
        source_range = subject_with_appositive(tokens, source_end, start_limit)  # "Ann Roe, the chair, praised"
    elif source_end > start_limit and tokens[source_end].lower == "who":
        source_range = relative_antecedent(tokens, source_end, start_limit)  # "Ann Roe, who endorsed ..."
        written = token_span(context, tokens, source_end, source_end)
    elif source_end >= start_limit and tokens[source_end].lower not in DETERMINERS:
        source_range = backward_np(tokens, source_end, start_limit) or subject_pronoun(tokens, source_end, start_limit)
    if source_range is not None and opens_with_preposition(tokens, source_range):
        source_range = None
    if source_range is None and last + 1 <= end_limit and tokens[last + 1].lower in ("by", "from"):
        source_range = forward_np(tokens, last + 2, end_limit)  # "a statement from the campaign"
    if content is None:
        after = skip_forward_adjuncts(tokens, last + 1, end_limit, False)
        if source_range is not None and source_range[0] > last:
            after = skip_forward_adjuncts(tokens, source_range[1] + 1, end_limit, False)
        after = that_ahead(tokens, after, end_limit)
        if after <= end_limit and (introduces_clause(tokens, after, paragraph) or looks_like_clause(tokens, after, end_limit)):
            content = content_after(context, paragraph, after, end_limit)
        elif after <= end_limit:
            content = clause_from(context, paragraph, after, end_limit)  # an object: "praised the decision"
    if source_range is None:
        return Attribution(paragraph.index, sentence.index, "learned_cue", make_cue(cue, cue_span), None, content)
    if written is None and not holder_like(context, paragraph, token_span(context, tokens, *source_range)):
        return None  # "Russian warplanes struck ...", "The ceasefire appears ...": no one speaks
    attribution = make_attribution(context, paragraph, sentence, "learned_cue", cue, cue_span, source_range, content)
    if written is not None:
        attribution.source = source_resolved_from(attribution.source, written)
    return attribution
