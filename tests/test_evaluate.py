"""The evaluation scorer, on small hand-made fixtures (never on ../shared/eval data)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.eval_cli import eval_command
from framing.evaluate import (
    Scores, VaderSentenceModel, VaderWindowModel, classification_scores, evaluate_attribution, evaluate_loaded,
    evaluate_sentiment, score_spans, target_sentence,
)

from tests.conftest import SHARED_EVAL


# (label, predicted per document, gold per document, exact, expected (predicted, gold, true_predicted, true_gold))
SPAN_CASES = [
    pytest.param([[(0, 5)]], [[(0, 5)]], False, (1, 1, 1, 1), id="same_span"),
    pytest.param([[(0, 5)]], [[(3, 9)]], False, (1, 1, 1, 1), id="overlap_counts"),
    pytest.param([[(0, 5)]], [[(3, 9)]], True, (1, 1, 0, 0), id="overlap_is_not_exact"),
    pytest.param([[(0, 5)]], [[(5, 9)]], False, (1, 1, 0, 0), id="touching_is_not_overlap"),
    pytest.param([[(0, 20)]], [[(0, 5), (10, 15)]], False, (1, 2, 1, 2), id="one_wide_prediction_covers_two_gold"),
    pytest.param([[(0, 5), (2, 7)]], [[(0, 7)]], False, (2, 1, 2, 1), id="two_predictions_one_gold"),
    pytest.param([[], [(0, 4)]], [[(0, 4)], []], False, (1, 1, 0, 0), id="documents_do_not_mix"),
    pytest.param([[]], [[]], False, (0, 0, 0, 0), id="nothing_at_all"),
]


@pytest.mark.parametrize("predicted, gold, exact, expected", SPAN_CASES)
def test_score_spans_counts(predicted, gold, exact, expected):
    scores = score_spans("x", predicted, gold, exact)
    assert (scores.predicted, scores.gold, scores.true_predicted, scores.true_gold) == expected


def test_precision_recall_f1_arithmetic():
    scores = Scores("cue", predicted=10, gold=20, true_predicted=8, true_gold=10)
    assert scores.precision == pytest.approx(0.8)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert Scores("empty", 0, 0, 0, 0).f1 == 0.0


def test_classification_scores_confusion_accuracy_and_macro_f1():
    gold = ["negative", "negative", "neutral", "positive", "positive", "positive"]
    predicted = ["negative", "neutral", "neutral", "positive", "positive", "negative"]
    result = classification_scores(gold, predicted)
    assert result.confusion == ((1, 1, 0), (0, 1, 0), (1, 0, 2))
    assert result.accuracy == pytest.approx(4 / 6)
    negative, neutral, positive = result.per_class
    assert (negative.precision, negative.recall) == (0.5, 0.5)
    assert (neutral.precision, neutral.recall) == (0.5, 1.0)
    assert (positive.precision, positive.recall) == (1.0, pytest.approx(2 / 3))
    assert result.macro_f1 == pytest.approx((0.5 + 2 / 3 + 0.8) / 3)
    assert result.summary()["confusion"]["matrix"] == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]


def test_target_sentence_keeps_offsets_into_the_row_text():
    text = "The mayor praised the firefighters. Critics attacked the mayor."
    start = text.rindex("mayor")
    sentence, span = target_sentence(text, start, start + 5)
    assert span.text == "mayor" and text[span.start:span.end] == "mayor"
    assert sentence.text == "Critics attacked the mayor."
    assert len(sentence.offsets) == len(sentence.valences)


def test_baselines_score_sentence_and_window():
    text = "Residents were furious and frightened about the noise of the trucks all night, and the council met in a pleasant room."
    start = text.index("council")
    sentence, span = target_sentence(text, start, start + len("council"))
    assert VaderSentenceModel().score(sentence, span) < 0 < VaderWindowModel().score(sentence, span)


SENTIMENT_ROWS = [
    {"id": "1", "text": "The brave nurse saved three children from the fire.", "target": {"start": 10, "end": 15}, "polarity": "positive"},
    {"id": "2", "text": "The corrupt official stole millions and lied about it.", "target": {"start": 12, "end": 20}, "polarity": "negative"},
    {"id": "3", "text": "The committee meets on Tuesday in the town hall.", "target": {"start": 4, "end": 13}, "polarity": "neutral"},
]


def test_evaluate_sentiment_on_hand_made_rows():
    result = evaluate_sentiment(SENTIMENT_ROWS, VaderSentenceModel(), "fixture", misses=5)
    assert result.texts == 3
    assert result.classification.accuracy == 1.0
    assert "macro-F1 1.00" in result.table()
    assert result.as_dict()["classification"]["macro_f1"] == 1.0


def test_evaluate_attribution_scores_roles_overlap_and_exact():
    text = "The minister said the talks would resume on Monday."
    row = {
        "id": "a1", "text": text,
        "attributions": [{
            "source": {"start": 0, "end": 12, "parts": [[0, 12]]},
            "cue": {"start": 13, "end": 17, "parts": [[13, 17]]},
            "content": {"start": 18, "end": 50, "parts": [[18, 50]]},
        }],
    }
    result = evaluate_attribution([row], "fixture")
    by_label = {s.label: s for s in result.spans}
    assert by_label["cue (overlap)"].recall == 1.0
    assert by_label["cue (exact)"].recall == 1.0
    assert by_label["source (overlap)"].recall == 1.0
    assert by_label["content (overlap)"].f1 == 1.0


def test_a_resolved_pronoun_source_is_scored_where_it_is_written():
    """PolNeAR marks "She" in "She said"; the report names Maria Lopez and keeps "She" in resolved_from."""
    text = "Maria Lopez runs the clinic. She said the waiting list had doubled since March."
    row = {"id": "a2", "text": text, "attributions": [{
        "source": {"start": 29, "end": 32}, "cue": {"start": 33, "end": 37}, "content": {"start": 38, "end": 79},
    }]}
    by_label = {s.label: s for s in evaluate_attribution([row], "fixture").spans}
    assert by_label["source (exact)"].f1 == 1.0
    assert by_label["source resolved (overlap)"].recall == 0.0  # "Maria Lopez" is not where PolNeAR looks


def test_evaluate_attribution_counts_gold_of_refused_texts_as_misses():
    row = {"id": "empty", "text": "   ", "attributions": [{"source": None, "cue": {"start": 0, "end": 1}, "content": None}]}
    result = evaluate_attribution([row], "fixture")
    assert result.refused == 1
    cue = next(s for s in result.spans if s.label == "cue (overlap)")
    assert (cue.gold, cue.true_gold) == (1, 0)


def test_evaluate_loaded_ptc_labels_and_misses():
    text = "Thugs smashed the windows of the party office overnight, and the calm mayor spoke."
    row = {"id": "p1", "text": text, "spans": [
        {"start": 0, "end": 5, "label": "Name_Calling,Labeling"},
        {"start": 65, "end": 69, "label": "Loaded_Language"},
        {"start": 6, "end": 13, "label": "Doubt"},  # not a loaded-terms technique: ignored
    ]}
    result = evaluate_loaded([row], "fixture", misses=10)
    by_label = {s.label: s for s in result.spans}
    assert by_label["PTC loaded + name-calling (overlap)"].gold == 2
    assert by_label["Name_Calling,Labeling (overlap)"].recall == 1.0
    assert {"kind": "missed", "span": "calm"}.items() <= next(m for m in result.misses if m["kind"] == "missed").items()


def test_evaluate_loaded_babe_biased_words():
    text = "Thugs smashed the windows of the party office."
    row = {"id": "b1", "text": text, "biased_words": ["thugs"], "sentence_label": "Biased",
           "spans": [{"start": 0, "end": 5, "label": "biased"}]}
    result = evaluate_loaded([row], "fixture")
    assert result.spans[0].label == "BABE biased words (overlap)"
    assert result.spans[0].recall == 1.0
    labels = [s.label for s in result.spans]
    assert labels[:2] == ["BABE biased words (overlap)", "BABE biased words (exact)"]  # no per-technique rows
    assert "category pejorative_label (overlap)" in labels


def test_evaluate_loaded_reports_the_lexicon_with_and_without_vocabulary_labels():
    # "terrorists" is a contested label (whose vocabulary?), "thugs" a pejorative label
    text = "Thugs smashed the windows, and police said the terrorists fled in a van."
    row = {"id": "p2", "text": text, "spans": [{"start": 0, "end": 5, "label": "Name_Calling,Labeling"}]}
    by_label = {s.label: s for s in evaluate_loaded([row], "fixture").spans}
    everything = by_label["PTC loaded + name-calling (overlap)"]
    without = by_label["PTC loaded + name-calling without vocabulary labels (overlap)"]
    assert (everything.predicted, everything.precision) == (2, 0.5)
    assert (without.predicted, without.precision, without.recall) == (1, 1.0, 1.0)


def test_eval_command_prints_a_table_and_writes_json(tmp_path):
    data = tmp_path / "newsmtsc.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in SENTIMENT_ROWS), encoding="utf-8")
    out = tmp_path / "result.json"
    result = CliRunner().invoke(eval_command, ["sentiment", str(data), "--model", "vader-sentence", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and "positive" in result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["task"] == "sentiment" and written["texts"] == 3 and written["model"] == "vader-sentence"


def test_eval_command_skips_with_a_message_when_data_is_absent(tmp_path):
    result = CliRunner().invoke(eval_command, ["attribution", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 0
    assert "skipped: no attribution data" in result.output


@pytest.mark.skipif(not (SHARED_EVAL / "newsmtsc" / "train.jsonl").is_file(), reason="../shared/eval is not on this machine")
def test_eval_runs_on_the_shared_sentiment_data():
    result = CliRunner().invoke(eval_command, ["sentiment", str(SHARED_EVAL / "newsmtsc" / "train.jsonl"), "--limit", "50"])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output
