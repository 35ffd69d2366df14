"""Attribution: who is said to have said what, and how the writer frames the saying.

Each attribution links a *cue* (a reporting verb, noun or phrase: "said", "denial",
"according to"), a *source* (who speaks) and the *content* (what they say), following the
source-cue-content model of PARC (Pareti 2016) and PolNeAR (Newell et al. 2018). The rules
cover the shapes of wire copy, each named in ``pattern`` so a user can see why a span was
read as an attribution:

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

One module per step, data flowing one way through :func:`find_attributions`:
:mod:`~framing.detect.attribution.cues` (which words report), then
:mod:`~framing.detect.attribution.patterns` and :mod:`~framing.detect.attribution.quotations`
(the frames), which find the source phrase with :mod:`~framing.detect.attribution.phrases`,
describe it with :mod:`~framing.detect.attribution.sources` and bound the content with
:mod:`~framing.detect.attribution.content`; then :mod:`~framing.detect.attribution.resolve`
(pronoun sources to their actors) and :mod:`~framing.detect.attribution.classify` (quote
kind, hedging, embedding). The findings are in :mod:`~framing.detect.attribution.model`,
the shared word lists in :mod:`~framing.detect.attribution.words`.
"""
from __future__ import annotations

import bisect

from framing import corpora
from framing.detect.actors import ActorFindings
from framing.detect.attribution.classify import classify
from framing.detect.attribution.content import extend_into_open_quotations, clip_at_clause_ends
from framing.detect.attribution.cues import learned_cues, lexicon_cues
from framing.detect.attribution.model import LEARNED_KIND, Attribution, Context, Cue, Source, group_by_paragraph
from framing.detect.attribution.patterns import attribution_at, learned_attribution
from framing.detect.attribution.quotations import continue_quotes, quote_then_cue, speaker_colon
from framing.detect.attribution.resolve import resolve_definite, resolve_pronoun
from framing.detect.attribution.sources import has_plausible_source
from framing.detect.attribution.words import QUOTE_TOKENS
from framing.learn.cue_model import CueModel, load_cue_model
from framing.profiles import ActorRegistry
from framing.text import Document, Paragraph

__all__ = ["Attribution", "Cue", "LEARNED_KIND", "QUOTE_TOKENS", "Source", "find_attributions", "group_by_paragraph"]


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
    extend_into_open_quotations(context)
    clip_at_clause_ends(context)
    context.found.sort(key=lambda a: (a.paragraph, a.cue.span.start))
    for attribution in context.found:
        resolve_pronoun(context, attribution)
        resolve_definite(context, attribution)
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
    spoken = speaker_colon(context, paragraph)
    if spoken is not None:
        context.found.append(spoken)
    for quote in paragraph.quotes:
        quote_then_cue(context, paragraph, quote, verbs, used)
    for sentence, first, last, entry in lexicon_cues(paragraph, verbs, used):
        found = attribution_at(context, paragraph, sentence, first, last, entry)
        if found is not None:
            context.found.append(found)
    if cue_model is not None:
        ruled = [(a.cue.span.start, a.cue.span.end) for a in context.found[before:]]
        for sentence, first, last, head in learned_cues(paragraph, cue_model, ruled):
            found = learned_attribution(context, paragraph, sentence, first, last, head, cue_model)
            if found is not None:
                context.found.append(found)
    continue_quotes(context, paragraph, before)
