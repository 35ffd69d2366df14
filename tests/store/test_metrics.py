"""metrics_rows: a report's figures as columns, checked against the report itself."""
from __future__ import annotations

import copy

import pytest

from framing.store.metrics import metrics_rows
from framing.store.versions import analyzer_version, current_analyzer_version


def test_article_row_copies_the_document_figures(analysed):
    for _item, report in analysed:
        row = metrics_rows(report).article
        document = report["document"]
        counts = document["counts"]
        assert row["words"] == document["words"]
        assert row["attributions"] == counts["attributions"] and row["hedged_attributions"] == counts["hedged_attributions"]
        assert row["hedged_attribution_rate"] == pytest.approx(counts["hedged_attributions"] / counts["attributions"], abs=1e-4)
        assert row["loaded_authorial_per_1000"] == document["rates_per_1000_words"]["loaded_terms_authorial"]
        assert row["loaded_quoted_per_1000"] == document["rates_per_1000_words"]["loaded_terms_quoted"]
        assert row["anonymous_share"] == document["sourcing"]["anonymous_share"]
        assert row["balance_index"] == document["sourcing"]["balance_index"]
        assert row["flesch_reading_ease"] == document["readability"]["flesch_reading_ease"]
        assert row["sentiment"] == document["sentiment"]["mean_paragraph_compound"]
        assert row["analyzer_version"] == current_analyzer_version()


def test_no_attributions_leaves_the_rate_undefined(analysed):
    report = copy.deepcopy(analysed[0][1])
    report["document"]["counts"].update(attributions=0, hedged_attributions=0)
    assert metrics_rows(report).article["hedged_attribution_rate"] is None


def test_actor_rows_follow_document_actors(analysed):
    _item, report = analysed[0]  # Russian strikes near Aleppo
    rows = {row["actor"]: row for row in metrics_rows(report).actors}
    for actor in report["document"]["actors"]:
        row = rows[actor["actor"]]
        assert (row["mentions"], row["mean_sentiment"], row["cited"]) == (actor["mentions"], actor["mean_sentiment"], actor["cited_as_source"])
    assert "russia" in rows


def test_sides_and_source_types_add_up_to_the_citations(analysed):
    for _item, report in analysed:
        rows = metrics_rows(report)
        sourcing = report["document"]["sourcing"]
        assert sum(row["citations"] for row in rows.sides) == sourcing["citations"]
        assert sum(row["citations"] for row in rows.source_types) == sourcing["citations"]
        assert sum(row["words"] for row in rows.source_types) == sum(source["words_attributed"] for source in sourcing["sources"])


def test_terms_count_body_loaded_terms_with_their_target(analysed):
    _item, report = analysed[3]  # "The brutal Assad regime ..."
    rows = metrics_rows(report).terms
    body_terms = [term for paragraph in report["paragraphs"] if paragraph["kind"] == "body" for term in paragraph["loaded_terms"]]
    assert sum(row["count"] for row in rows) == len(body_terms) == report["document"]["counts"]["loaded_terms"]
    assert {(row["term"], row["actor"]) for row in rows} >= {(term["term"], term["target_actor"]) for term in body_terms}
    assert any(row["actor"] == "bashar_al_assad" for row in rows)


def test_labels_per_actor(analysed):
    _item, report = analysed[3]
    labels = {(row["actor"], row["label"]): row["count"] for row in metrics_rows(report).labels}
    expected = {(actor["actor"], label["label"]): label["count"] for actor in report["document"]["actors"] for label in actor["labels"]}
    assert labels == expected and labels


def test_analyzer_version_changes_with_any_lexicon_version(analysed):
    analyzer = analysed[0][1]["analyzer"]
    changed = {**analyzer, "corpora": {**analyzer["corpora"], "hedges": "9.9.9"}}
    assert analyzer_version(analyzer) == current_analyzer_version()
    assert analyzer_version(changed) != analyzer_version(analyzer)
    assert analyzer_version(changed).startswith(analyzer["version"] + "+")
