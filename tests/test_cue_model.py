"""The learned attribution-cue tagger: stored parameters, its cues in reports, reproducible training."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.corpora import ACTS, STANCES, versions
from framing.eval_cli import DEFAULT_ATTRIBUTION_DATA, DEFAULT_CUE_MODEL_FILE, train_command
from framing.learn.cue_features import stem
from framing.learn.cue_model import MODEL_NAME, CueModel, load_cue_model, stored_parameters
from tests.training import train_twice, write_jsonl

# A tiny hand-made PolNeAR-format training set: "backed" and "slammed" are cues after a
# speaker, never after "the"; the rules know neither word.
SPEAKERS = ["Ms. Ortega", "The governor", "Senator Hale", "The union", "Dr. Quist", "The mayor", "Mr. Bell", "The council"]
OBJECTS = ["the budget", "the new stadium", "the tax plan", "the school reform"]


def synthetic_rows() -> list[dict]:
    rows = []
    for n, speaker in enumerate(SPEAKERS):
        text, attributions = "", []
        for m, thing in enumerate(OBJECTS):
            verb = ("backed", "slammed")[(n + m) % 2]
            start = len(text)
            sentence = f"{speaker} {verb} {thing} on Monday. The {verb} vote was close. "
            cue = start + len(speaker) + 1
            attributions.append({
                "source": {"start": start, "end": start + len(speaker), "parts": [[start, start + len(speaker)]]},
                "cue": {"start": cue, "end": cue + len(verb), "parts": [[cue, cue + len(verb)]]},
                "content": {"start": cue + len(verb) + 1, "end": cue + len(verb) + 1 + len(thing),
                            "parts": [[cue + len(verb) + 1, cue + len(verb) + 1 + len(thing)]]},
            })
            text += sentence
        rows.append({"id": f"a{n}", "outlet": "test", "published": "2026-11-28", "title": "", "text": text.strip(),
                     "attributions": attributions})
    return rows


@pytest.fixture(scope="module")
def training_file(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("polnear") / "train.jsonl", synthetic_rows())


def test_training_on_a_small_fixture_is_reproducible_and_learns_the_frame(training_file, tmp_path):
    document = json.loads(train_twice("attribution", training_file, tmp_path))
    assert {"backed", "slammed"} <= set(document["candidates"])
    model = CueModel(document)
    assert model.weights["P1=cap"] > 0 > model.weights["P1=det"]


def test_training_without_data_says_skipped(tmp_path):
    result = CliRunner().invoke(train_command, ["attribution", "--data", str(tmp_path / "absent.jsonl"), "--output", str(tmp_path / "m.json")])
    assert result.exit_code == 0
    assert "skipped" in result.output
    assert not (tmp_path / "m.json").exists()


def test_the_shipped_model_is_valid_data():
    parameters = stored_parameters()
    model = load_cue_model()
    assert parameters["model"] == MODEL_NAME
    assert len(model.candidates) > 100 and "said" in model.candidates
    assert 0 < model.threshold_listed < 1 and 0 < model.threshold_unlisted < 1
    assert all(isinstance(name, str) and math.isfinite(weight) for name, weight in model.weights.items())
    assert set(model.unambiguous) <= model.candidates
    assert all(stem(lemma) == stem(form) for form, lemma in model.lemmas.items())
    assert versions()["attribution_cue_model"] == parameters["version"]


def _learned(text: str) -> list[dict]:
    report = analyze(text)
    return [a for p in report["paragraphs"] for a in p["attributions"] if a["pattern"] == "learned_cue"]


@pytest.mark.parametrize(("text", "cue", "lemma", "source"), [
    ("Senator Warren endorsed Hillary Clinton on Tuesday.", "endorsed", "endorse", "Senator Warren"),
    ("Mr. Trump attacked the senator over her record on trade.", "attacked", "attack", "Mr. Trump"),
    ("Environmental groups praised the decision.", "praised", "praise", "Environmental groups"),
])
def test_the_tagger_finds_cues_the_rules_miss(text, cue, lemma, source):
    found = [a for a in _learned(text) if a["cue"]["text"] == cue]
    assert len(found) == 1, _learned(text)
    attribution = found[0]
    assert attribution["cue"]["lemma"] == lemma
    assert attribution["cue"]["stance"] in STANCES and attribution["cue"]["act"] in ACTS
    assert attribution["source"]["text"] == source
    assert attribution["content"] is not None


def test_no_learned_cue_without_a_possible_speaker():
    """Warplanes strike; they do not attack in the sense of speech."""
    assert _learned("Russian warplanes attacked rebel positions near Aleppo.") == []


@pytest.mark.skipif(not DEFAULT_ATTRIBUTION_DATA.is_file(), reason="PolNeAR training data (../shared/eval/polnear) is absent")
def test_train_attribution_rebuilds_the_shipped_model_byte_for_byte(tmp_path):
    output = tmp_path / "attribution_cue_model.json"
    result = CliRunner().invoke(train_command, ["attribution", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == Path(DEFAULT_CUE_MODEL_FILE).read_bytes()
