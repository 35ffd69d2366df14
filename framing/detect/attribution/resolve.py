"""Source resolution: a pronoun or relative source read as the actor it stands for.

"Judge Helen Park adjourned the hearing. She said ..." attributes to Helen Park, not
"She". Once every attribution of the article is known, a pronoun source takes the
nearest earlier source that fits it (a person for "he"), else an actor or a name that
opens a recent sentence, keeping the pronoun as ``resolved_from`` so a reader sees why.
Relative sources ("Ann Roe, who said ...") are resolved where they are found, with the
same record, and a definite description ("the spokesperson") takes the earlier source it
repeats ("a spokesperson for Google").
"""
from __future__ import annotations

from framing import corpora
from framing.detect.actors.namebook import gender_of
from framing.detect.attribution.model import Attribution, Context, Source
from framing.detect.attribution.sources import actor_record_of
from framing.detect.attribution.words import pronoun_kind
from framing.spans import Span
from framing.text import Paragraph

_OBJECT_FORMS = {"he": "him", "she": "her", "they": "them"}
# The gender a pronoun states; a person whose title or first name says otherwise is not its antecedent.
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def source_resolved_from(source: Source, written: Span) -> Source:
    """``source`` as resolved from the word ``written`` in the text ("who", "he")."""
    return Source(source.span, source.actor, source.type, source.anonymous, source.side, resolved_from=written)


def resolve_pronoun(context: Context, attribution: Attribution) -> None:
    source = attribution.source
    if source is None or source.resolved_from is not None:
        return
    kind = pronoun_kind(source.span.text)
    if kind is None:
        return
    paragraph = context.document.paragraphs[attribution.paragraph]
    antecedent = _antecedent(context, paragraph, source.span, kind)
    if antecedent is not None:
        resolved = Source(antecedent.span, antecedent.actor, antecedent.type, antecedent.anonymous, antecedent.side, resolved_from=source.span)
        for other in context.found:  # continuations share the source object
            if other.source is source:
                other.source = resolved


def resolve_definite(context: Context, attribution: Attribution) -> None:
    """"A spokesperson for Google says ... “...,” the spokesperson said": a definite source of
    one person noun ("the spokesperson", "the official") is the latest earlier source with
    that head noun, within two paragraphs, when that one was resolved to an actor. A
    document ("the statement continued") is the latest source whose sentence named one
    after its cue ("Trump said in a statement")."""
    source = attribution.source
    if source is None or source.actor is not None or source.resolved_from is not None:
        return
    words = source.span.text.lower().split()
    if len(words) != 2 or words[0] != "the" or source.type not in ("person", "document"):
        return
    head = words[1]
    for earlier in reversed(context.found):
        other = earlier.source
        if (other is None or other is source or other.span.start >= source.span.start
                or earlier.paragraph < attribution.paragraph - 2):
            continue
        repeated = head in other.span.text.lower().split()[1:] if source.type == "person" else _issued(context, earlier, head)
        if other.actor is not None and repeated:
            resolved = source_resolved_from(other, source.span)
            for each in context.found:  # continuations share the source object
                if each.source is source:
                    each.source = resolved
            return


def _issued(context: Context, attribution: Attribution, noun: str) -> bool:
    """Did this attribution's sentence name the document after its cue ("Trump said in a
    statement released by his campaign"), so that "the statement" is theirs?"""
    cue = attribution.cue.span
    paragraph = context.document.paragraphs[attribution.paragraph]
    sentence = next((s for s in paragraph.sentences if s.start <= cue.start < s.end), None)
    return sentence is not None and any(token.lower == noun for token in sentence.tokens if token.start >= cue.start)


def _antecedent(context: Context, paragraph: Paragraph, pronoun_span: Span, kind: str) -> Source | None:
    """The nearest earlier actor that fits the pronoun: a source first, else a sentence subject."""
    fits_person = kind == "person"
    object_form = _OBJECT_FORMS.get(pronoun_span.text.lower())
    gender = _PRONOUN_GENDER.get(pronoun_span.text.lower())
    # sources of lexicon cues first: a cue only the learned tagger reads ("releasing a
    # statement") is right less often, and so is the source phrase found around it
    ordered = sorted(reversed(context.found), key=lambda a: not a.cue.listed)
    for attribution in ordered:
        source = attribution.source
        if source is None or source.span.start >= pronoun_span.start or attribution.paragraph < paragraph.index - 2:
            continue
        if object_form and attribution.content is not None and attribution.content.text.lower().split()[:1] == [object_form]:
            return None  # "After Ann accused him of ..., he warned": whoever "he" is, it is not Ann
        if not _gender_fits(context, source.actor, gender):
            continue  # "Rep. Nancy Pelosi said ... he said": not Pelosi
        if kind == "plural":
            if source.span.text.lower().endswith("s") and source.type != "document":
                return source  # "the GOP committee members accused ... “...,” they said"
        elif (source.type == "person") == fits_person and not (gender is not None and _plural_people(source.span)):
            return source
    document = context.document
    for mention in reversed(context.actors.mentions):
        if mention.span.start >= pronoun_span.start or mention.paragraph < paragraph.index - 1:
            continue
        record = actor_record_of(context, mention.actor)
        if record is None or (record.type == "person") != fits_person or not _gender_fits(context, record.id, gender):
            continue
        host = document.paragraphs[mention.paragraph]
        if any(s.tokens[0].index <= mention.first <= s.tokens[0].index + 3 for s in host.sentences):
            kind_of = "government" if record.type == "state" else record.type if record.type in ("person", "media") else "organization"
            return Source(mention.span, record.id, kind_of, False, context.actors.side_of(record.id, context.registry))
    if fits_person:
        return _latest_person(context, paragraph, pronoun_span, gender) or _named_subject(context, paragraph, pronoun_span)
    return None


def _plural_people(span: Span) -> bool:
    """"White House officials", "the two senators": people a singular "he" or "she" cannot be."""
    last = span.text.split()[-1]
    return last.islower() and last.endswith("s") and corpora.source_nouns().index.word(last) is not None


def _gender_fits(context: Context, actor_id: str | None, gender: str | None) -> bool:
    """Does the actor's known gender (from a title or a first name) allow the pronoun?"""
    if gender is None or actor_id is None:
        return True
    record = actor_record_of(context, actor_id)
    if record is None or record.type != "person":
        return True
    known = record.gender or gender_of(record.name.split()[0] if " " in record.name else "")
    return known is None or known == gender


def _latest_person(context: Context, paragraph: Paragraph, pronoun_span: Span, gender: str | None) -> Source | None:
    """"In her pursuit ..., Hillary Rodham Clinton has emphasized her ties to President Obama.
    She regularly tells ...": in the latest sentence before the pronoun that names a person,
    the first person named (the likeliest subject), in this paragraph or the one before."""
    people = [
        mention for mention in context.actors.mentions
        if mention.span.start < pronoun_span.start and mention.paragraph >= paragraph.index - 1
        and (record := actor_record_of(context, mention.actor)) is not None and record.type == "person"
        and _gender_fits(context, record.id, gender)
    ]
    if not people:
        return None
    last = people[-1]
    first = next(m for m in people if (m.paragraph, m.sentence) == (last.paragraph, last.sentence))
    return Source(first.span, first.actor, "person", False, context.actors.side_of(first.actor, context.registry))


def _named_subject(context: Context, paragraph: Paragraph, pronoun_span: Span) -> Source | None:
    """"Judge Helen Park adjourned the hearing. She said ...": a capitalised name opening
    the previous sentence, after an optional title."""
    sentences = [s for s in paragraph.sentences if s.end < pronoun_span.start]
    if not sentences:
        return None
    tokens = sentences[-1].tokens
    names = [t for t in tokens[:6]]
    run = []
    for token in names:
        if token.is_word and token.is_capitalized:
            run.append(token)
        elif run:
            break
    if len(run) < 2:
        return None
    span = context.document.span(run[0].start, run[-1].end)
    return Source(span, None, "person", False, "unknown")
