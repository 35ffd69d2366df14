"""Attribution: who is said to have said what, and how the writer frames the saying.

Each attribution links a *cue* (a reporting verb, noun or phrase: "said", "denial",
"according to"), a *source* (who speaks) and the *content* (what they say), following the
source-cue-content model of PARC (Pareti 2016) and PolNeAR (Newell et al. 2018). The rules
below cover the shapes of wire copy, each named in ``pattern`` so a user can see why a
span was read as an attribution:

- ``quote_then_cue``: "“Daesh has exploited ...,” said one rebel commander"
- ``source_cue_content``: "Le Drian said that Islamic State was ..."
- ``content_source_cue``: "Islamic State fighters have seized villages ..., a monitoring group said"
- ``relative_claim``: "a campaign that Moscow says has targeted the militant group"
- ``relative_source``: "..., said Nicky Hale, 24, from Leeds, who said ...": the source is
  the antecedent of "who"
- ``coordinated_verb``: "He praised the staff but said, “...”"
- ``quoted_as_saying``: "It quoted a Saudi government official as saying ..."
- ``according_to``: "..., according to a UN estimate"
- ``participle``: "..., accusing Assad's ally Moscow of pursuing ..."
- ``noun_cue``: "a swift denial from Russia that the rockets hit their targets"
- ``quote_continuation``: a quotation that carries on after its attribution, in the same
  paragraph or the next one.

Source phrases are found by walking outwards from the cue over the words a noun phrase
can hold; there is no parser, so every rule stops at clause boundaries it can see
(commas, conjunctions, relative pronouns, auxiliaries) and the tests pin its behaviour on
real sentences.
"""
from __future__ import annotations

import bisect

from framing import corpora
from framing.corpora import ReportingCue
from framing.detect.actors import ActorFindings
from framing.detect.attribution.classify import classify
from framing.detect.attribution.content import (
    clause_from, clip_at_clause_ends, content_after, content_before, infinitive, introduces_clause,
    looks_like_clause, main_verb_before, quoted_words, quotes_inside, that_ahead, verb_like,
)
from framing.detect.attribution.cues import learned_cue_entry, learned_cues, lexicon_cues
from framing.detect.attribution.model import (
    Attribution, Context, Source, group_by_paragraph, make_cue, sentence_of, token_span,
)
from framing.detect.attribution.phrases import (
    appositive_name, appositive_source, backward_np, backward_np_from_start, conjunct_subject, forward_np,
    one_noun_phrase, possessive_mark, relative_antecedent, single_pronoun, skip_back_adverbs, skip_forward_adjuncts,
    skip_that, subject_pronoun, subject_with_appositive,
)
from framing.detect.attribution.resolve import resolve_pronoun, source_resolved_from
from framing.detect.attribution.sources import has_plausible_source, holder_like, make_attribution
from framing.detect.attribution.words import (
    AUXILIARIES, DETERMINERS, LABELLING_VERBS, MAX_SOURCE_TOKENS, SAY_VERBS, SUBORDINATORS, TIME_WORDS,
)
from framing.learn.cue_model import CueModel, load_cue_model
from framing.profiles import ActorRegistry
from framing.spans import Span
from framing.text import Document, Paragraph, Quote, Sentence, Token

_COORDINATORS = frozenset({"and", "but"})
# Cues without a reporting verb: a quotation signed with a dash, a speaker's name and a colon.
_DASH_CUE = ReportingCue("dash", "punctuation", "neutral", False)
_COLON_CUE = ReportingCue("colon", "punctuation", "neutral", False)
_DASHES = frozenset({"―", "—", "–"})
# Paragraph heads with a colon that introduce no speaker ("UPDATE: ...", "Related: ...").
_NOT_SPEAKERS = frozenset(
    "update updated note editor correction related watch read more photo video breaking exclusive analysis "
    "opinion live warning disclaimer source sources".split()
)


def find_attributions(document: Document, registry: ActorRegistry, actors: ActorFindings, learned: bool = True) -> list[Attribution]:
    """Every attribution in ``document``: the rules' findings, plus the learned cue tagger's
    (:mod:`framing.learn.cue_model`) unless ``learned`` is false (its trainer needs the
    rules alone)."""
    cue_model = load_cue_model() if learned else None
    context = Context(document, registry, actors, [], group_by_paragraph(actors.mentions))
    for paragraph in document.paragraphs:
        if paragraph.kind in ("caption", "credit"):
            continue
        _find_in_paragraph(context, paragraph, cue_model)
    context.found = [attribution for attribution in context.found if has_plausible_source(attribution)]
    clip_at_clause_ends(context)
    context.found.sort(key=lambda a: (a.paragraph, a.cue.span.start))
    for attribution in context.found:
        resolve_pronoun(context, attribution)
    neighbours = group_by_paragraph(context.found)
    starts = [paragraph.start for paragraph in document.paragraphs]
    for attribution in context.found:
        # the paragraph holding the cue: a quotation continued from an earlier paragraph
        # keeps its opening attribution's cue
        cue_paragraph = document.paragraphs[bisect.bisect_right(starts, attribution.cue.span.start) - 1].index
        classify(context, attribution, neighbours.get(cue_paragraph, []))
    return context.found


def _find_in_paragraph(context: Context, paragraph: Paragraph, cue_model: CueModel | None) -> None:
    """One paragraph's attributions, in the order later frames rely on: a speaker's colon,
    quotations followed by their cue, the lexicon's cues, the learned tagger's, and last
    the quotations that carry on an attribution already made."""
    verbs = corpora.reporting_verbs().index
    used: set[int] = set()
    before = len(context.found)
    spoken = _speaker_colon(context, paragraph)
    if spoken is not None:
        context.found.append(spoken)
    for quote in paragraph.quotes:
        _quote_then_cue(context, paragraph, quote, verbs, used)
    for sentence, first, last, entry in lexicon_cues(paragraph, verbs, used):
        found = _attribution_at(context, paragraph, sentence, first, last, entry)
        if found is not None:
            context.found.append(found)
    if cue_model is not None:
        ruled = [(a.cue.span.start, a.cue.span.end) for a in context.found[before:]]
        for sentence, first, last, head in learned_cues(paragraph, cue_model, ruled):
            found = _learned_attribution(context, paragraph, sentence, first, last, head, cue_model)
            if found is not None:
                context.found.append(found)
    _continue_quotes(context, paragraph, before)


def _attribution_at(context, paragraph, sentence, first, last, cue) -> Attribution | None:
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
    if lower.endswith("ing") and first > 0 and tokens[first - 1].text == ",":
        return _participle(context, paragraph, sentence, first, last, cue)
    return _verb_cue(context, paragraph, sentence, first, last, cue, cue_span)


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


def _quote_then_cue(context, paragraph: Paragraph, quote: Quote, verbs, used: set[int]) -> None:
    """“...,” said X  /  “...,” X said  /  “...,” X says, adding ..."""
    tokens = paragraph.tokens
    after = [token for token in tokens if token.start >= quote.end]
    if not after or not quote.closed:
        return
    position = after[0].index
    signed = _dash_then_name(context, paragraph, quote, position)
    if signed is not None:
        context.found.append(signed)
        return
    if tokens[position].text == ",":
        position += 1
    cue_match = verbs.at(tokens, position) if position < len(tokens) else None
    sentence = sentence_of(paragraph, quote.start)
    if cue_match is not None and cue_match.entry.kind == "verb":
        source_range = forward_np(tokens, cue_match.last + 1, len(tokens) - 1)
        cue_first, cue_last = cue_match.first, cue_match.last
        frame_end = source_range[1] if source_range else cue_last
    else:
        source_range = None
        for end in range(position, min(position + MAX_SOURCE_TOKENS, len(tokens))):
            cue_match = verbs.at(tokens, end)
            if cue_match is not None and tokens[end].lower.endswith("ing"):
                return  # “...,” he continued, citing ...: a participle hangs on the clause before it
            if cue_match is not None and cue_match.entry.kind == "verb" and end > position:
                source_end = skip_back_adverbs(tokens, end - 1, position)
                if tokens[source_end].text == ",":  # "Mr. King, 82, told me"
                    source_end = position
                    while tokens[source_end + 1].text != ",":
                        source_end += 1
                source_range = backward_np(tokens, source_end, position) or single_pronoun(tokens, source_end, position)
                cue_first, cue_last = cue_match.first, cue_match.last
                break
            if not tokens[end].is_word and tokens[end].text not in (".", "-", "(", ")", ",", "’s", "'s") and not possessive_mark(tokens, end):
                return
        frame_end = skip_forward_adjuncts(tokens, cue_last + 1, len(tokens) - 1, False) - 1 if source_range else 0
    if source_range is None or cue_match is None:
        return
    if not _quote_attaches(context, quote, tokens, position, frame_end):
        return
    content = quoted_words(context, quote)
    cue_span = token_span(context, tokens, cue_first, cue_last)
    attribution = make_attribution(context, paragraph, sentence, "quote_then_cue", cue_match.entry, cue_span, source_range, content)
    context.found.append(attribution)
    used.update(range(cue_first, cue_last + 1))


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
    source_range = backward_np(tokens, source_end, start_limit) or single_pronoun(tokens, source_end, start_limit)
    if label is None or source_range is None:
        return None
    return make_attribution(context, paragraph, sentence, "labelling", cue, cue_span, source_range, quoted_words(context, label))


def _dash_then_name(context, paragraph: Paragraph, quote: Quote, position: int) -> Attribution | None:
    """“... our greatest shame.” ― Sonya Herridge: a quotation signed with a dash."""
    tokens = paragraph.tokens
    if position + 1 >= len(tokens) or tokens[position].text not in _DASHES or not tokens[position + 1].is_capitalized:
        return None
    source_range = forward_np(tokens, position + 1, len(tokens) - 1)
    if source_range is None:
        return None
    sentence = sentence_of(paragraph, quote.start)
    cue_span = token_span(context, tokens, position, position)
    return make_attribution(context, paragraph, sentence, "quote_then_dash", _DASH_CUE, cue_span, source_range, quoted_words(context, quote))


def _speaker_colon(context, paragraph: Paragraph) -> Attribution | None:
    """"PENCE: Well, look, ..." and "Pat Caddell: Democrat voters worried ...": a speaker's
    name, alone in capitals at the head of a paragraph, then a colon."""
    tokens = paragraph.tokens
    colon = next((t.index for t in tokens[:6] if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens):
        return None
    name = tokens[:colon]
    if not all(t.is_word and t.is_capitalized or t.text in (".", "-") for t in name) or name[0].lower in _NOT_SPEAKERS:
        return None
    sentence = paragraph.sentences[0]
    end = sentence.tokens[-1].index
    while end > colon and tokens[end].text in (".", ",", ";", "”", '"', "''"):
        end -= 1
    if end <= colon + 1:
        return None
    content = context.document.span(tokens[colon + 1].start, tokens[end].end)
    quote = paragraph.quote_at(content.start, content.end)
    if quote is not None and quote.start == content.start:
        content = quoted_words(context, quote)
    cue_span = token_span(context, tokens, colon, colon)
    return make_attribution(context, paragraph, sentence, "speaker_colon", _COLON_CUE, cue_span, (0, colon - 1), content)


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


def _quote_attaches(context, quote: Quote, tokens: list[Token], after: int, frame_end: int) -> bool:
    """“A,” she said / “A?” she asked attach; “A.” Merrill says Machado ... starts anew.

    A quotation closed by a full stop and followed by a capital is a finished sentence;
    the words after it attach to it only if they are a bare "X said." that ends there.
    """
    inner = context.document.text[quote.inner_start:quote.inner_end].rstrip()
    closed_by_comma = inner.endswith(",") or (after > 0 and tokens[after - 1].text == ",")
    if closed_by_comma or not tokens[after].is_capitalized:
        return True
    following = tokens[frame_end + 1] if frame_end + 1 < len(tokens) else None
    return following is None or following.text in (".", ",", ";")


def _continue_quotes(context: Context, paragraph: Paragraph, first_new: int) -> None:
    """Quotations with no cue of their own carry on an attribution already made.

    News copy attributes a long quotation once: “A,” he said. “B.” Or it runs a quotation
    over several paragraphs, each reopening the mark. The uncued quotation inherits the
    latest quoting attribution in this paragraph, or, when it continues the previous
    paragraph's open quotation, the latest one there.
    """
    own = context.found[first_new:]
    covered = [a.content for a in context.found if a.content is not None]
    for quote in paragraph.quotes:
        inner = quoted_words(context, quote)
        if any(span.overlaps(inner) for span in covered):
            continue
        carrier = None
        quoting_here = [a for a in own if a.quote in ("direct", "mixed") or a.pattern == "quote_then_cue"]
        if quoting_here and quote.start > quoting_here[0].cue.span.start:
            carrier = quoting_here[-1]
        elif quote.continues or _is_whole_paragraph(paragraph, quote):
            earlier = [a for a in context.found[:first_new] if a.paragraph == paragraph.index - 1 and a.source is not None]
            carrier = earlier[-1] if earlier else None
        if carrier is None or carrier.source is None:
            continue
        sentence = sentence_of(paragraph, quote.start)
        context.found.append(Attribution(paragraph.index, sentence.index, "quote_continuation", carrier.cue, carrier.source, inner, quote="direct"))
        covered.append(inner)


def _is_whole_paragraph(paragraph: Paragraph, quote: Quote) -> bool:
    return quote.start == paragraph.start and quote.end >= paragraph.end - 1


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
    start = last + 2 if last + 1 <= end_limit and tokens[last + 1].text == "," else last + 1  # "saying, “...”"
    content = content_after(context, paragraph, start, end_limit)
    if content is None:
        return None
    cue_span = token_span(context, tokens, first, last)
    earlier = _earlier_in_sentence(context, paragraph, sentence, cue_span, with_source=True)
    if earlier is not None:
        attribution = Attribution(paragraph.index, sentence.index, "participle", make_cue(cue, cue_span), earlier.source, content)
    else:
        subject = backward_np_from_start(tokens, start_limit, first - 2)
        if subject is None:
            return None
        attribution = make_attribution(context, paragraph, sentence, "participle", cue, cue_span, subject, content)
    attribution.embedded = True
    return attribution


def _learned_attribution(context: Context, paragraph: Paragraph, sentence: Sentence, first: int, last: int, head: int,
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
