"""Turn detector findings into the framing report: per paragraph, then for the document.

The report is plain JSON-ready data (documented in docs/report.md). Findings keep their
offsets; this module only arranges and counts them. Document figures cover body
paragraphs: headlines, photo captions and credit lines are reported but not counted.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from framing import corpora
from framing.findings import Findings
from framing.version import ANALYZER_NAME, ANALYZER_VERSION
from framing.detect.actors.mentions import KIND_OF_TYPE
from framing.detect.attribution import Attribution, Source
from framing.detect.hedges import Hedge
from framing.detect.loaded import LoadedTerm
from framing.detect.readability import Readability, readability
from framing.detect.sentiment import score_valences, sentiment_label
from framing.detect.voice import Voice
from framing.profiles import ActorRegistry
from framing.text import Paragraph, word_count

# An actor mentioned this often in the body but never quoted is reported as a missing voice.
MISSING_VOICE_MIN_MENTIONS = 3
PER_WORDS = 1000
COUNTED_KINDS = ("body",)


def build_report(body: Findings, title: Findings | None, registry: ActorRegistry, metadata: dict, sentiment_model: str) -> dict:
    grouped = _by_paragraph(body)
    paragraphs = [_paragraph(body, paragraph, registry, grouped) for paragraph in body.document.paragraphs]
    return {
        "analyzer": analyzer_block(registry, sentiment_model),
        "metadata": metadata,
        "title": _paragraph(title, title.document.paragraphs[0], registry, _by_paragraph(title)) if title and title.document.paragraphs else None,
        "paragraphs": paragraphs,
        "document": _document(body, paragraphs, registry),
    }


def analyzer_block(registry: ActorRegistry, sentiment_model: str) -> dict:
    """What made a report: code, data files, sentiment model and profile, each versioned."""
    return {
        "name": ANALYZER_NAME,
        "version": ANALYZER_VERSION,
        "corpora": corpora.versions(),
        "sentiment_model": sentiment_model,
        "profile": {"name": registry.profile_name, "version": registry.profile_version} if registry.profile_name else None,
    }


# ---- paragraphs ---------------------------------------------------------------------------

def _by_paragraph(findings: Findings) -> dict[str, dict[int, list]]:
    """Findings grouped by paragraph index, built once per report."""
    grouped: dict[str, dict[int, list]] = {key: defaultdict(list) for key in ("attributions", "hedges", "loaded", "mentions")}
    for attribution in findings.attributions:
        grouped["attributions"][attribution.paragraph].append(attribution)
    for hedge in findings.hedges:
        grouped["hedges"][hedge.paragraph].append(hedge)
    for term in findings.loaded_terms:
        grouped["loaded"][term.paragraph].append(term)
    for mention, score in zip(findings.actors.mentions, findings.mention_scores):
        grouped["mentions"][mention.paragraph].append((mention, score))
    return grouped


def _paragraph(findings: Findings, paragraph: Paragraph, registry: ActorRegistry, grouped: dict[str, dict[int, list]]) -> dict:
    index = paragraph.index
    attributions = grouped["attributions"].get(index, [])
    hedges = grouped["hedges"].get(index, [])
    loaded = grouped["loaded"].get(index, [])
    mentions = grouped["mentions"].get(index, [])
    words = word_count(paragraph.tokens)
    valences = [findings.valences.get((index, s.index)) for s in paragraph.sentences]
    pooled = [v for sentence in valences if sentence for v in sentence.valences]
    sentiment = score_valences(pooled, paragraph.text) if valences and valences[0] else None
    counts = _counts(attributions, hedges, loaded)
    return {
        "index": index,
        "start": paragraph.start,
        "end": paragraph.end,
        "kind": paragraph.kind,
        "text": paragraph.text,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": findings.document.text[s.start:s.end]}
            for s in paragraph.sentences
        ],
        "attributions": [_attribution(a, findings, registry) for a in attributions],
        "hedges": [_hedge(h, findings, registry) for h in hedges],
        "loaded_terms": [_loaded(t, findings, registry) for t in loaded],
        "actor_mentions": [_mention(m, score, findings, registry) for m, score in mentions],
        "sentiment": {**sentiment, "label": sentiment_label(sentiment["compound"])} if sentiment else None,
        "readability": _readability(readability(paragraph.tokens, len(paragraph.sentences))),
        "counts": counts,
        "rates_per_1000_words": _rates(counts, words),
        "words": words,
    }


_COUNT_KEYS = (
    "attributions", "speech_attributions", "hedged_attributions", "direct_quotes", "anonymous_attributions",
    "hedges", "boosters", "hedges_authorial", "loaded_terms", "loaded_terms_authorial", "loaded_terms_quoted",
)


def gives_voice(attribution: Attribution) -> bool:
    """Does this attribution count as a voice in the sourcing figures?

    Speech only (not what someone believes or wants), and only through a word our reporting
    verbs list: a cue that only the learned tagger reads ("rebuffed a heckler", "delivered
    his address") is reported for highlighting, but is right too rarely (about 6 times in
    10 on PolNeAR, docs/quality.md) to decide who was given a voice.
    """
    return attribution.cue.act == "speech" and attribution.cue.listed


def _counts(attributions: list[Attribution], hedges: list[Hedge], loaded: list[LoadedTerm]) -> dict:
    if not attributions and not hedges and not loaded:
        return dict.fromkeys(_COUNT_KEYS, 0)  # most paragraphs: nothing to count
    return {
        "attributions": len(attributions),
        "speech_attributions": sum(1 for a in attributions if gives_voice(a)),
        "hedged_attributions": sum(1 for a in attributions if a.hedged),
        "direct_quotes": sum(1 for a in attributions if a.quote in ("direct", "mixed")),
        "anonymous_attributions": sum(1 for a in attributions if a.source and a.source.anonymous),
        "hedges": sum(1 for h in hedges if h.kind == "hedge"),
        "boosters": sum(1 for h in hedges if h.kind == "booster"),
        "hedges_authorial": sum(1 for h in hedges if h.kind == "hedge" and h.voice.voice == "authorial"),
        "loaded_terms": len(loaded),
        "loaded_terms_authorial": sum(1 for t in loaded if t.voice.voice == "authorial"),
        "loaded_terms_quoted": sum(1 for t in loaded if t.voice.voice != "authorial"),
    }


def _rates(counts: dict, words: int) -> dict:
    if not any(counts.values()):
        return dict.fromkeys(counts, 0.0)
    return {key: round(value * PER_WORDS / words, 3) if words else 0.0 for key, value in counts.items()}


def _readability(figures: Readability) -> dict:
    return {
        "words": figures.words,
        "sentences": figures.sentences,
        "syllables": figures.syllables,
        "flesch_reading_ease": figures.flesch_reading_ease,
        "flesch_kincaid_grade": figures.flesch_kincaid_grade,
    }


def _actor_name(actor_id: str | None, findings: Findings, registry: ActorRegistry) -> str | None:
    if actor_id is None:
        return None
    actor = findings.actors.actor(actor_id, registry)
    return actor.name if actor else actor_id


def _actor_record(actor_id: str, findings: Findings, registry: ActorRegistry):
    return findings.actors.actor(actor_id, registry)


def _source(source: Source | None, findings: Findings, registry: ActorRegistry) -> dict | None:
    if source is None:
        return None
    return {
        **source.span.as_dict(),
        "actor": source.actor,
        "actor_name": _actor_name(source.actor, findings, registry),
        "type": source.type,
        "anonymous": source.anonymous,
        "side": source.side,
        "resolved_from": source.resolved_from.as_dict() if source.resolved_from else None,
    }


def _attribution(attribution: Attribution, findings: Findings, registry: ActorRegistry) -> dict:
    return {
        "sentence": attribution.sentence,
        "pattern": attribution.pattern,
        "source": _source(attribution.source, findings, registry),
        "cue": {**attribution.cue.span.as_dict(), "lemma": attribution.cue.lemma, "stance": attribution.cue.stance, "act": attribution.cue.act,
                "in_lexicon": attribution.cue.listed},
        "content": attribution.content.as_dict() if attribution.content else None,
        "quote": attribution.quote,
        "embedded": attribution.embedded,
        "hedged": attribution.hedged,
        "hedge_reasons": list(attribution.hedge_reasons),
    }


def _speaker(voice: Voice, findings: Findings, registry: ActorRegistry) -> dict | None:
    if voice.speaker is None:
        return None
    return {"text": voice.speaker.span.text, "actor": voice.speaker.actor, "actor_name": _actor_name(voice.speaker.actor, findings, registry)}


def _hedge(hedge: Hedge, findings: Findings, registry: ActorRegistry) -> dict:
    return {
        **hedge.span.as_dict(),
        "term": hedge.term,
        "kind": hedge.kind,
        "category": hedge.category,
        "voice": hedge.voice.voice,
        "speaker": _speaker(hedge.voice, findings, registry),
        "why": f"hedges.tsv entry '{hedge.term}' ({hedge.kind}, {hedge.category})",
    }


def _loaded(term: LoadedTerm, findings: Findings, registry: ActorRegistry) -> dict:
    return {
        **term.span.as_dict(),
        "term": term.term,
        "category": term.category,
        "neutral_alternative": term.neutral,
        "voice": term.voice.voice,
        "speaker": _speaker(term.voice, findings, registry),
        "target_actor": term.target_actor,
        "target_actor_name": _actor_name(term.target_actor, findings, registry),
        "why": f"loaded_terms.tsv entry '{term.term}' ({term.category}): {term.note}",
    }


def _mention(mention, score: float, findings: Findings, registry: ActorRegistry) -> dict:
    actor = _actor_record(mention.actor, findings, registry)
    return {
        **mention.span.as_dict(),
        "actor": mention.actor,
        "actor_name": actor.name if actor else mention.actor,
        "actor_type": actor.type if actor else None,
        "actor_kind": KIND_OF_TYPE.get(actor.type) if actor else None,
        "side": findings.actors.side_of(mention.actor, registry),
        "via": mention.via,
        "sentence": mention.sentence,
        "sentiment": {"compound": round(score, 4), "label": sentiment_label(score)},
    }


# ---- document -----------------------------------------------------------------------------

def _document(findings: Findings, paragraphs: list[dict], registry: ActorRegistry) -> dict:
    document = findings.document
    counted = {p.index for p in document.paragraphs if p.kind in COUNTED_KINDS}
    attributions = [a for a in findings.attributions if a.paragraph in counted]
    hedges = [h for h in findings.hedges if h.paragraph in counted]
    loaded = [t for t in findings.loaded_terms if t.paragraph in counted]
    words = sum(p["words"] for p in paragraphs if p["index"] in counted)
    counts = _counts(attributions, hedges, loaded)
    figures = Readability(0, 0, 0)
    for paragraph in paragraphs:
        if paragraph["index"] in counted:
            own = paragraph["readability"]
            figures = figures + Readability(own["words"], own["sentences"], own["syllables"])
    compounds = [p["sentiment"]["compound"] for p in paragraphs if p["index"] in counted and p["sentiment"]]
    mean = sum(compounds) / len(compounds) if compounds else 0.0
    mentions = [(m, s) for m, s in zip(findings.actors.mentions, findings.mention_scores) if m.paragraph in counted]
    return {
        "words": words,
        "paragraphs": len(document.paragraphs),
        "body_paragraphs": len(counted),
        "paragraph_kinds": dict(Counter(p.kind for p in document.paragraphs)),
        "counts": counts,
        "rates_per_1000_words": _rates(counts, words),
        "readability": _readability(figures),
        "sentiment": {"mean_paragraph_compound": round(mean, 4), "label": sentiment_label(mean)},
        # a voice is speech: "X wants ..." or "X believes ..." reports X, but does not quote X
        "sourcing": _sourcing([a for a in attributions if gives_voice(a)], mentions, findings, registry),
        "actors": _actor_summaries(mentions, attributions, loaded, findings, registry),
    }


def _source_key(source: Source) -> str:
    if source.actor and not source.anonymous:
        return source.actor
    words = source.span.text.lower().split()
    while words and words[0] in ("the", "a", "an", "one"):
        words = words[1:]
    return " ".join(words) or source.span.text.lower()


def _content_words(attribution: Attribution) -> int:
    return len(attribution.content.text.split()) if attribution.content else 0


def _sourcing(attributions: list[Attribution], mentions, findings: Findings, registry: ActorRegistry) -> dict:
    """Who gets a voice, how much, and who is talked about but never heard."""
    sources: dict[str, dict] = {}
    by_side: dict[str, dict] = defaultdict(lambda: {"citations": 0, "words": 0})
    by_type: Counter = Counter()
    cited = [a for a in attributions if a.source is not None]
    for attribution in cited:
        source = attribution.source
        key = _source_key(source)
        entry = sources.setdefault(key, {
            "key": key,
            "name": _actor_name(source.actor, findings, registry) if source.actor and not source.anonymous else source.span.text,
            "actor": source.actor,
            "type": source.type,
            "side": source.side,
            "anonymous": source.anonymous,
            "citations": 0,
            "words_attributed": 0,
            "direct_quotes": 0,
        })
        continuation = attribution.pattern == "quote_continuation"
        entry["citations"] += 0 if continuation else 1
        entry["words_attributed"] += _content_words(attribution)
        entry["direct_quotes"] += 1 if attribution.quote in ("direct", "mixed") and not continuation else 0
        by_side[source.side]["citations"] += 0 if continuation else 1
        by_side[source.side]["words"] += _content_words(attribution)
        by_type[source.type] += 0 if continuation else 1
    citations = sum(entry["citations"] for entry in sources.values())
    anonymous = sum(entry["citations"] for entry in sources.values() if entry["anonymous"])
    direct = sum(entry["direct_quotes"] for entry in sources.values())
    missing = _missing_voices(cited, mentions, findings, registry)
    return {
        "sources": sorted(sources.values(), key=lambda e: (-e["citations"], e["key"])),
        "citations": citations,
        "by_side": dict(sorted(by_side.items())),
        "by_type": dict(sorted(by_type.items())),
        "anonymous_share": round(anonymous / citations, 4) if citations else None,
        "direct_quote_share": round(direct / citations, 4) if citations else None,
        "balance_index": _balance_index(by_side, [m["side"] for m in missing]),
        "missing_voices": missing,
    }


def _balance_index(by_side: dict[str, dict], silent_sides: list[str]) -> float | None:
    """Pielou's evenness of citations over the sides in the story, in [0, 1].

    J = H / ln(K), H = -sum(p_s ln p_s) over sides with citations (p_s = the side's share of
    citations), K = sides that are cited plus sides mentioned often but never cited. Sources
    of unknown side are left out. 1 means every side present is cited equally; 0 means one
    side has every citation (or nobody is cited at all while K >= 2).
    """
    cited = {side: figures["citations"] for side, figures in by_side.items() if side != "unknown" and figures["citations"]}
    sides = len(cited) + len(set(silent_sides) - set(cited))
    if sides < 2:
        return None if not cited else 0.0
    total = sum(cited.values())
    entropy = -sum((n / total) * math.log(n / total) for n in cited.values())
    return round(entropy / math.log(sides), 4)


def _affiliation(actor, findings: Findings, registry: ActorRegistry) -> dict | None:
    """Whom an actor belongs to: a party, an organisation, a person (for "the Obama
    administration"), else its state for a state's organ or official."""
    if actor is None:
        return None
    belongs_to = actor.affiliation or (actor.state if actor.type != "state" else None)
    if belongs_to is None:
        return None
    return {"actor": belongs_to, "name": _actor_name(belongs_to, findings, registry)}


def _principal(actor_id: str, findings: Findings, registry: ActorRegistry) -> str:
    actor = _actor_record(actor_id, findings, registry)
    return actor.principal if actor else actor_id


def _missing_voices(cited: list[Attribution], mentions, findings: Findings, registry: ActorRegistry) -> list[dict]:
    """Actors (with their organs and officials) mentioned often in the body but never a source."""
    heard = {_principal(a.source.actor, findings, registry) for a in cited if a.source.actor}
    principals = {actor_id: _principal(actor_id, findings, registry) for actor_id in {m.actor for m, _ in mentions}}
    counts: Counter = Counter(principals[m.actor] for m, _ in mentions)
    missing = []
    for principal, count in counts.most_common():
        if count < MISSING_VOICE_MIN_MENTIONS or principal in heard:
            continue
        missing.append({
            "actor": principal,
            "name": _actor_name(principal, findings, registry),
            "side": registry.side_of(principal),
            "mentions": count,
            "via": sorted({_actor_name(actor_id, findings, registry) for actor_id, its in principals.items() if its == principal}),
        })
    return missing


def _actor_summaries(mentions, attributions: list[Attribution], loaded: list[LoadedTerm], findings: Findings, registry: ActorRegistry) -> list[dict]:
    """Per actor: how often and how warmly it is mentioned, how often it speaks, what it is called."""
    by_actor: dict[str, list] = defaultdict(list)
    for mention, score in mentions:
        by_actor[mention.actor].append((mention, score))
    cited = Counter(a.source.actor for a in attributions if a.source and a.source.actor and a.pattern != "quote_continuation")
    summaries = []
    for actor_id in sorted(set(by_actor) | set(cited)):
        items = by_actor.get(actor_id, [])
        scores = [score for _, score in items]
        labels = Counter()
        counted_at: set[int] = set()
        for mention, _ in items:
            if mention.via == "coreference" or mention.span.text[:1].islower():
                labels[mention.span.text.lower()] += 1
                counted_at.update(range(mention.span.start, mention.span.end))
        for term in loaded:
            if term.target_actor == actor_id and term.span.start not in counted_at:
                labels[term.span.text.lower()] += 1
        actor = _actor_record(actor_id, findings, registry)
        labels_scores = [sentiment_label(s) for s in scores]
        summaries.append({
            "actor": actor_id,
            "name": actor.name if actor else actor_id,
            "type": actor.type if actor else None,
            "kind": KIND_OF_TYPE.get(actor.type) if actor else None,
            "names": sorted({m.span.text for m, _ in items if m.span.text[:1].isupper()}),
            "affiliation": _affiliation(actor, findings, registry),
            "side": findings.actors.side_of(actor_id, registry),
            "mentions": len(items),
            "mean_sentiment": round(sum(scores) / len(scores), 4) if scores else None,
            "negative": labels_scores.count("negative"),
            "neutral": labels_scores.count("neutral"),
            "positive": labels_scores.count("positive"),
            "cited_as_source": cited.get(actor_id, 0),
            "labels": [{"label": label, "count": count} for label, count in labels.most_common()],
        })
    summaries.sort(key=lambda s: (-s["mentions"], s["actor"]))
    return summaries
