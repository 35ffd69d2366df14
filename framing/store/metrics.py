"""A report's figures as rows of the metric tables: the one place report fields become columns.

Everything here is a pure function of the report (and nothing else), so a stored report
can always be turned into the same rows again. Rows carry ``analyzer_version``; the
caller adds ``article_id``, ``revision_id``, ``outlet`` and ``published_at``, which are
facts about the stored article rather than findings of the analysis.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from framing.store.models import (
    ACTOR_LENGTH, TERM_LENGTH, ArticleActorLabel, ArticleActorMetrics, ArticleMetrics, ArticleSideMetrics,
    ArticleSourceTypeMetrics, ArticleTermMetrics, Base,
)
from framing.store.versions import analyzer_version

COUNTED_KINDS = ("body",)  # as in the report's document totals


@dataclass(frozen=True)
class MetricRows:
    article: dict
    actors: list[dict]
    sides: list[dict]
    source_types: list[dict]
    terms: list[dict]
    labels: list[dict]

    def by_table(self) -> Iterator[tuple[type[Base], list[dict]]]:
        yield ArticleMetrics, [self.article]
        yield ArticleActorMetrics, self.actors
        yield ArticleSideMetrics, self.sides
        yield ArticleSourceTypeMetrics, self.source_types
        yield ArticleTermMetrics, self.terms
        yield ArticleActorLabel, self.labels


def metrics_rows(report: dict) -> MetricRows:
    version = analyzer_version(report["analyzer"])
    document = report["document"]
    return MetricRows(
        article=_article(document, version),
        actors=[_actor(actor, version) for actor in document["actors"]],
        sides=_sides(document["sourcing"], version),
        source_types=_source_types(document["sourcing"], version),
        terms=_terms(report, version),
        labels=_labels(document["actors"], version),
    )


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _article(document: dict, version: str) -> dict:
    counts, rates, sourcing = document["counts"], document["rates_per_1000_words"], document["sourcing"]
    words = document["words"]

    def per_1000(name: str) -> float | None:
        return rates[name] if words else None

    return {
        "analyzer_version": version,
        "words": words,
        "attributions": counts["attributions"],
        "hedged_attributions": counts["hedged_attributions"],
        "anonymous_attributions": counts["anonymous_attributions"],
        "direct_quotes": counts["direct_quotes"],
        "citations": sourcing["citations"],
        "hedges": counts["hedges"],
        "hedges_authorial": counts["hedges_authorial"],
        "boosters": counts["boosters"],
        "loaded_terms": counts["loaded_terms"],
        "loaded_terms_authorial": counts["loaded_terms_authorial"],
        "loaded_terms_quoted": counts["loaded_terms_quoted"],
        "attributions_per_1000": per_1000("attributions"),
        "hedged_attribution_rate": _ratio(counts["hedged_attributions"], counts["attributions"]),
        "loaded_authorial_per_1000": per_1000("loaded_terms_authorial"),
        "loaded_quoted_per_1000": per_1000("loaded_terms_quoted"),
        "hedges_per_1000": per_1000("hedges"),
        "anonymous_share": sourcing["anonymous_share"],
        "direct_quote_share": sourcing["direct_quote_share"],
        "balance_index": sourcing["balance_index"],
        "flesch_reading_ease": document["readability"]["flesch_reading_ease"] if words else None,
        "flesch_kincaid_grade": document["readability"]["flesch_kincaid_grade"] if words else None,
        "sentiment": document["sentiment"]["mean_paragraph_compound"],
    }


def _actor(actor: dict, version: str) -> dict:
    return {
        "analyzer_version": version, "actor": actor["actor"][:ACTOR_LENGTH],
        "actor_name": (actor["name"] or "")[:ACTOR_LENGTH] or None, "side": (actor["side"] or "")[:ACTOR_LENGTH] or None,
        "mentions": actor["mentions"], "mean_sentiment": actor["mean_sentiment"],
        "negative": actor["negative"], "neutral": actor["neutral"], "positive": actor["positive"],
        "cited": actor["cited_as_source"],
    }


def _sides(sourcing: dict, version: str) -> list[dict]:
    return [
        {"analyzer_version": version, "side": side[:ACTOR_LENGTH], "citations": figures["citations"], "words": figures["words"]}
        for side, figures in sourcing["by_side"].items()
    ]


def _source_types(sourcing: dict, version: str) -> list[dict]:
    """Citations per type come from ``by_type``; words attributed are summed over the sources."""
    words: Counter[str] = Counter()
    for source in sourcing["sources"]:
        words[source["type"]] += source["words_attributed"]
    return [
        {"analyzer_version": version, "source_type": source_type, "citations": citations, "words": words[source_type]}
        for source_type, citations in sourcing["by_type"].items()
    ]


def _terms(report: dict, version: str) -> list[dict]:
    """Loaded terms of body paragraphs (those the document counts), by term, voice and target."""
    counts: Counter[tuple[str, str, str, str | None]] = Counter()
    for paragraph in report["paragraphs"]:
        if paragraph["kind"] not in COUNTED_KINDS:
            continue
        for found in paragraph["loaded_terms"]:
            target = found["target_actor"][:ACTOR_LENGTH] if found["target_actor"] else None
            counts[(found["term"][:TERM_LENGTH], found["category"], found["voice"], target)] += 1
    return [
        {"analyzer_version": version, "term": term, "category": category, "voice": voice, "actor": actor, "count": count}
        for (term, category, voice, actor), count in counts.items()
    ]


def _labels(actors: list[dict], version: str) -> list[dict]:
    counts: Counter[tuple[str, str]] = Counter()
    for actor in actors:
        for label in actor["labels"]:
            counts[(actor["actor"][:ACTOR_LENGTH], label["label"][:TERM_LENGTH])] += label["count"]
    return [
        {"analyzer_version": version, "actor": actor, "label": label, "count": count}
        for (actor, label), count in counts.items()
    ]
