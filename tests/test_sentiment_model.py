"""The learned actor-sentiment model: stored parameters, inference, reproducible training."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.detect.sentiment import Score
from framing.eval_cli import train_command
from framing.evaluate import target_sentence
from framing.learn.features import SentenceWords, _words_touched, mention_features
from framing.learn.sentiment_model import CLASSES, LearnedSentimentModel, load_model, stored_parameters
from framing.training.sentiment import dumps, train_sentiment
from tests.training import train_twice, write_jsonl

# A tiny synthetic NewsMTSC-format training set: the target's treatment decides its label.
PRAISE = ["praised", "thanked", "honoured", "applauded", "celebrated"]
ATTACK = ["condemned", "blamed", "denounced", "attacked", "mocked"]
NAMES = ["Ms. Ortega", "the governor", "Senator Hale", "the union", "Dr. Quist", "the mayor"]


def synthetic_rows() -> list[dict]:
    rows = []
    for n, name in enumerate(NAMES):
        for verb in PRAISE:
            text = f"Residents {verb} {name} for a brave and generous rescue."
            rows.append({"id": f"p{n}{verb}", "text": text, "target": _target(text, name), "polarity": "positive"})
        for verb in ATTACK:
            text = f"Critics {verb} {name} for a corrupt and cruel scheme."
            rows.append({"id": f"n{n}{verb}", "text": text, "target": _target(text, name), "polarity": "negative"})
        for day in ("Monday", "Tuesday", "Friday"):
            text = f"On {day} {name} will meet officials at the town hall."
            rows.append({"id": f"o{n}{day}", "text": text, "target": _target(text, name), "polarity": "neutral"})
    return rows


def _target(text: str, mention: str) -> dict:
    start = text.index(mention)
    return {"start": start, "end": start + len(mention), "mention": mention}


@pytest.fixture(scope="module")
def training_file(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("newsmtsc") / "train.jsonl", synthetic_rows())


def test_training_is_reproducible_byte_for_byte(training_file, tmp_path):
    document = json.loads(train_twice("sentiment", training_file, tmp_path))
    assert document["classes"] == list(CLASSES)
    assert document["cross_validation"]["folds"] == 5
    assert list(document["weights"]) == sorted(document["weights"])


def test_trained_model_learns_the_synthetic_contrast(training_file):
    model = LearnedSentimentModel(train_sentiment(training_file, with_cv=False))
    for row in synthetic_rows():
        sentence, span = target_sentence(row["text"], row["target"]["start"], row["target"]["end"])
        assert model.predict(sentence, span) == row["polarity"], row["text"]


def test_dumps_writes_valid_sorted_json_with_one_weight_row_per_line():
    document = {"model": "m", "version": "1", "classes": list(CLASSES), "intercept": [0.1, 0.0, -0.1],
                "weights": {"s=b": [0.1, 0.2, 0.3], "l1=a": [-0.5, 0.0, 0.5]}}
    text = dumps(document)
    assert json.loads(text) == document
    assert '  "l1=a": [-0.5, 0.0, 0.5],\n  "s=b": [0.1, 0.2, 0.3]\n' in text


def test_train_command_skips_without_data(tmp_path):
    result = CliRunner().invoke(train_command, ["sentiment", "--data", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "m.json")])
    assert result.exit_code == 0
    assert "skipped" in result.output
    assert not (tmp_path / "m.json").exists()


def test_shipped_parameters_are_plain_data():
    parameters = stored_parameters()
    assert parameters["classes"] == list(CLASSES)
    assert len(parameters["intercept"]) == 3
    assert all(len(row) == 3 and all(isinstance(v, float) for v in row) for row in parameters["weights"].values())
    assert parameters["cross_validation"]["model"]["macro_f1"] > parameters["cross_validation"]["vader_sentence"]["macro_f1"]


# (sentence, target, label the shipped model should give)
SHIPPED = [
    pytest.param("Protesters accused the governor of lying to voters and covering up the scandal.", "the governor", "negative",
                 id="accused_of_lying"),
    pytest.param("The mayor was widely praised for her calm and effective response to the floods.", "The mayor", "positive",
                 id="praised"),
]


@pytest.mark.parametrize("text, mention, label", SHIPPED)
def test_shipped_model_on_clear_sentences(text, mention, label):
    start = text.index(mention)
    sentence, span = target_sentence(text, start, start + len(mention))
    assert load_model().predict(sentence, span) == label


def test_score_label_always_agrees_with_the_most_probable_class():
    model = load_model()
    for row in synthetic_rows():
        sentence, span = target_sentence(row["text"], row["target"]["start"], row["target"]["end"])
        score = model.score(sentence, span)
        assert -1.0 <= score <= 1.0
        assert Score.of(score).label == model.predict(sentence, span)


def test_fast_path_equals_the_training_features():
    """Inference sums the sentence's bag once per sentence; it must equal the full feature map."""
    model = load_model()
    text = "“He is a liar,” said Ms. Ortega, but the governor, who won easily, said the scheme was fair."
    for mention in ("He", "Ms. Ortega", "the governor"):
        start = text.index(mention)
        sentence, span = target_sentence(text, start, start + len(mention))
        fast = model.probabilities(sentence, span)
        full = model.probabilities_of(mention_features(SentenceWords(sentence), span))
        assert fast == pytest.approx(full, abs=1e-12)


def test_analyze_uses_the_learned_model_for_actor_mentions():
    report = analyze("Russia condemned the United States for the cruel and reckless strikes.", model=load_model())
    assert report["analyzer"]["sentiment_model"].startswith("actor-sentiment-linear")
    mentions = [m for p in report["paragraphs"] for m in p["actor_mentions"]]
    assert mentions and all(m["sentiment"]["label"] in CLASSES for m in mentions)


@pytest.mark.parametrize("text, mention", [
    ("“Trump is a liar,” the senator said on Monday.", "Trump"),  # the mention starts inside a word
    ("Officials in (Damascus) denied it.", "Damascus"),
    ("Ms. Ortega thanked Sen. Hale’s staff for the rescue.", "Sen. Hale"),  # a mention ends inside a word
    ("The talks, Mr. Kerry said, would resume.", "Mr. Kerry"),
    ("Hale", "Hale"),
])
def test_the_words_a_mention_touches_are_those_its_offsets_overlap(text, mention):
    """The window features count whitespace words by splitting the text before each edge of
    the mention; that must give the words whose offsets overlap the mention."""
    start = text.index(mention)
    sentence, span = target_sentence(text, start, start + len(mention))
    touched = [i for i, (first, last) in enumerate(sentence.offsets) if first < span.end and last > span.start]
    assert _words_touched(sentence, span) == (touched[0], touched[-1] + 1)
