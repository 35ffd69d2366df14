"""Sources: who a source phrase names, and how much the reader is told about them.

Given the span the walks found, this step decides the source's actor and side from the
actor mentions inside it, its type from its head noun ("officials", "the campaign") or
the actor's record, and whether it is anonymous: "a senior Western diplomat" is, "Le
Drian" and "the French foreign minister" are not. Poll shares ("47% say") are anonymous
respondents. It also builds every attribution with its source described
(:func:`make_attribution`), so that new actor recognition changes sources in one place.
"""
from __future__ import annotations

from framing import corpora
from framing.corpora import ReportingCue
from framing.detect.actors import ActorMention
from framing.detect.attribution.model import Attribution, Context, Source, make_cue, token_span
from framing.detect.attribution.words import DETERMINERS, PRONOUNS, QUOTE_TOKENS, SOURCE_PREPOSITIONS, pronoun_kind
from framing.spans import Span
from framing.text import Paragraph


def _proper_words(context: Context) -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised words the article itself shows to be names.

    A capital at a sentence's start proves nothing ("Officials said", "Brennan said"); the
    same word capitalised inside a sentence elsewhere in the body does ("said John Brennan"),
    and after another capitalised word it is most likely a person's surname.
    """
    if context.proper_words is None:
        inside, surnames = set(), set()
        for paragraph in context.document.paragraphs:
            if paragraph.kind != "body":
                continue  # headlines capitalise every word
            for sentence in paragraph.sentences:
                tokens = sentence.tokens
                for position in range(1, len(tokens)):
                    token = tokens[position]
                    if token.is_capitalized and token.is_word and tokens[position - 1].text not in QUOTE_TOKENS:
                        inside.add(token.text)
                        if tokens[position - 1].is_capitalized and tokens[position - 1].is_word:
                            surnames.add(token.text)
        context.proper_words = (frozenset(inside), frozenset(surnames))
    return context.proper_words


def has_plausible_source(attribution: Attribution) -> bool:
    """"even", "first", "stunning" alone are words the walk stopped on, not speakers."""
    source = attribution.source
    if source is None or " " in source.span.text.strip() or attribution.pattern == "relative_source":
        return True  # a relative's antecedent is walked as a noun ("parents who said")
    word = source.span.text
    return not word[:1].islower() or word.lower() in PRONOUNS or corpora.source_nouns().index.word(word) is not None


def make_attribution(context, paragraph, sentence, pattern, cue: ReportingCue, cue_span: Span, source_range, content) -> Attribution:
    tokens = paragraph.tokens
    source_span = token_span(context, tokens, *source_range)
    return Attribution(paragraph.index, sentence.index, pattern, make_cue(cue, cue_span), _source(context, paragraph, source_span), content)


def _source(context: Context, paragraph: Paragraph, span: Span) -> Source:
    """Type, actor, side and anonymity of a source phrase."""
    words = span.text.split()
    pronoun = pronoun_kind(span.text)
    if pronoun is not None:  # resolved by resolve_pronoun once every attribution is known
        return Source(span, None, "person" if pronoun == "person" else "anonymous", False, "unknown")
    mentions = [m for m in context.mentions_by_paragraph.get(paragraph.index, []) if span.start <= m.span.start and m.span.end <= span.end]
    text = context.document.text
    speaking = [m for m in mentions if text[m.span.end:m.span.end + 2] not in ("’s", "'s") or m.span.end + 2 >= span.end]
    actor = _principal_mention(context, speaking)
    head = _head_noun(span)
    named = _has_name(paragraph, span, mentions, context)
    if actor is None and head is not None and not named:
        actor = _definite_institution(context, span, head)
    actor_record = actor_record_of(context, actor.actor) if actor else None
    if actor_record is not None and actor_record.type == "person":
        kind = "person"
    elif head is not None:
        kind = head.type
    elif actor_record is not None:
        kind = {"state": "government", "government": "government", "media": "media", "person": "person"}.get(actor_record.type, "organization")
    elif len(words) == 1 and named and words[0] in _proper_words(context)[1]:
        kind = "person"  # "Brennan said", after "John Brennan" earlier
    elif tuple(word.lower() for word in words) in corpora.places().names:
        kind = "government"  # "New York", "Oklahoma argues": a state speaks through its government
    else:
        kind = "person" if len(words) in (2, 3) and all(w[0].isupper() for w in words) else "organization"
    affiliation_only = actor_record is None or actor.via in ("demonym", "coreference") or actor_record.type == "group"
    anonymous = (not named and (head is None or head.unnamed_is_anonymous) and affiliation_only and kind != "document") or kind == "anonymous"
    if _poll_share(words):
        kind, anonymous = "person", True  # "47% say", "a majority of Republicans say": respondents, never named
    side = context.actors.side_of(actor.actor, context.registry) if actor else "unknown"
    return Source(span, actor.actor if actor else None, kind, anonymous, side)


# Words that may open a poll share before its quantity: "about 47 percent", "a majority".
_SHARE_OPENERS = frozenset("a an the about nearly almost roughly some over under just only fully more less than".split())
_SHARE_WORDS = frozenset("most majority plurality minority half third thirds quarter quarters percent".split())


def _poll_share(words: list[str]) -> bool:
    """Is a source phrase a share of those polled: "47%", "about 47 percent of voters",
    "a majority of Republicans", "most Americans", "two-thirds of respondents"?"""
    position = 0
    while position < len(words) - 1 and words[position].lower() in _SHARE_OPENERS:
        position += 1
    first = words[position].lower()
    if first.endswith("%") and first[:1].isdigit():
        return True
    if first[:1].isdigit() or first in ("one", "two", "three"):
        position += 1
        first = words[position].lower().split("-")[-1] if position < len(words) else ""
    if first == "most":
        return position + 1 < len(words)  # "most voters", not "most" alone
    following = words[position + 1].lower() if position + 1 < len(words) else None
    return first.split("-")[-1] in _SHARE_WORDS and following in (None, "of")  # not "the majority leader"


def actor_record_of(context: Context, actor_id: str):
    return context.actors.actor(actor_id, context.registry)


_TYPE_RANK = {"person": 0, "media": 1, "government": 2, "armed_group": 3, "organization": 3, "group": 5, "state": 4}


def _principal_mention(context: Context, mentions: list[ActorMention]) -> ActorMention | None:
    """The most specific actor in a source phrase: the minister over his state."""
    best = None
    best_rank = 99
    for mention in mentions:
        record = actor_record_of(context, mention.actor)
        rank = _TYPE_RANK.get(record.type, 6) if record else 6
        if rank < best_rank:
            best, best_rank = mention, rank
    return best


def _head_noun(span: Span):
    """The source phrase's head: the last word before any post-modifier ("of", "with", ",")."""
    index = corpora.source_nouns().index
    words = span.text.replace(",", " , ").split()
    cut = len(words)
    for position, word in enumerate(words):
        if position > 0 and word.lower() in ("of", "for", "with", "in", "at", "from", "on", ",", "who", "familiar", "close"):
            cut = position
            break
    for word in reversed(words[:cut]):
        word = "percent" if word.endswith("%") else word  # "47% say": a poll share
        entry = index.word(word.strip("“”\"'’"))
        if entry is not None:
            return entry
    return None


def _has_name(paragraph: Paragraph, span: Span, mentions: list[ActorMention], context: Context) -> bool:
    """A source is named if it carries a proper name beyond an affiliation ("U.S. officials")."""
    for mention in mentions:
        record = actor_record_of(context, mention.actor)
        if mention.via in ("name", "alias", "metonym", "title", "surname") and (record is None or record.type != "group"):
            return True
    covered = [(m.span.start, m.span.end) for m in mentions if m.via == "demonym"]
    nouns = corpora.source_nouns().index
    state_nouns = corpora.state_nouns().index
    sentence_start = _starts_sentence(paragraph, span.start)
    for offset, word in _words_with_offsets(span):
        if word.lower() in SOURCE_PREPOSITIONS and offset > span.start:
            break  # "officials in Maricopa County": a place modifies, it does not name
        if offset == span.start and (word.lower() in DETERMINERS | {"one"} or (sentence_start and word not in _proper_words(context)[0])):
            continue  # a capital that only opens the sentence names no one
        if word.lower() in _AFFILIATION_ADJECTIVES:
            continue
        if any(start <= offset < end for start, end in covered):
            continue
        if word and word[0].isupper() and nouns.word(word) is None and state_nouns.word(word) is None and word.lower() not in DETERMINERS:
            if offset == span.start and word.lower() in ("senior", "regional", "local", "western", "top"):
                continue
            return True
    return False


# Capitalised adjectives that describe an unnamed source without naming it ("a Western
# diplomat", "a senior Arab official").
_AFFILIATION_ADJECTIVES = frozenset(
    "western eastern northern southern arab european african asian gulf latin international "
    "foreign senior regional local top federal middle".split()
)


def _starts_sentence(paragraph: Paragraph, offset: int) -> bool:
    """Does a sentence (or a quotation opening it) begin at ``offset``?"""
    for sentence in paragraph.sentences:
        opening = sentence.tokens[0]
        if offset == sentence.start or (opening.text in QUOTE_TOKENS and len(sentence.tokens) > 1 and sentence.tokens[1].start == offset):
            return True
    return False


def _words_with_offsets(span: Span):
    position = 0
    for word in span.text.split():
        position = span.text.index(word, position)
        yield span.start + position, word.strip("“”\"',’")
        position += len(word)


def _definite_institution(context: Context, span: Span, head) -> ActorMention | None:
    """"the government said": the state of the latest source that spoke for a state."""
    if head.type != "government" or not span.text.lower().startswith("the "):
        return None
    for attribution in reversed(context.found):
        source = attribution.source
        if source is not None and source.actor and source.span.start < span.start:
            record = actor_record_of(context, source.actor)
            if record is not None and record.type in ("state", "government"):
                state = record.state or record.id
                return ActorMention(span, state, "coreference", -1, -1, -1, -1)
    return None


def holder_like(context: Context, paragraph: Paragraph, span: Span) -> bool:
    """Can this phrase say, think or want something? A pronoun, a named actor (not only a
    demonym: "Russian warplanes"), a head noun our source lexicon lists ("officials", "the
    campaign"), or a phrase ending in a capitalised word ("Senator Warren")."""
    if pronoun_kind(span.text) is not None or _head_noun(span) is not None:
        return True
    mentions = [m for m in context.mentions_by_paragraph.get(paragraph.index, []) if span.start <= m.span.start and m.span.end <= span.end]
    if any(m.via != "demonym" for m in mentions):
        return True
    last = span.text.split()[-1]
    return last[:1].isupper() and not _starts_sentence(paragraph, span.start + span.text.rindex(last))
