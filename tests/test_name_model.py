"""The learned name-kind model: shipped parameters, reproducible training, and its data files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import analyze
from framing.eval_cli import (
    DEFAULT_ATTRIBUTION_DATA, DEFAULT_CENSUS_FOLDER, DEFAULT_GUM_FOLDER, DEFAULT_NAME_MODEL_FILE,
    DEFAULT_PERSON_NAMES_FILE, train_command,
)
from framing.learn.name_model import KINDS, load_name_model
from framing.training.gum import read_gum_file
from tests.training import write_jsonl

# Our own sentences, annotated as GUM annotates: (token, entity type or "", mention id or 0, identity or "").
SENTENCES = [
    [("Senator", "person", 1, ""), ("Mara", "person", 1, "Mara_Quill"), ("Quill", "person", 1, "Mara_Quill"),
     ("visited", "", 0, ""), ("Ohio", "place", 0, "Ohio"), ("on", "", 0, ""), ("Monday", "time", 0, ""), (".", "", 0, "")],
    [("The", "organization", 2, ""), ("Harbor", "organization", 2, "Harbor_Trust"), ("Trust", "organization", 2, "Harbor_Trust"),
     ("said", "", 0, ""), ("Quill", "person", 0, ""), ("was", "", 0, ""), ("wrong", "", 0, ""), (".", "", 0, "")],
    [("Officials", "person", 0, ""), ("in", "", 0, ""), ("Dayton", "place", 0, "Dayton"), ("praised", "", 0, ""),
     ("the", "", 0, ""), ("plan", "", 0, ""), (".", "", 0, "")],
]


def gum_tsv(sentences: list[list[tuple[str, str, int, str]]]) -> str:
    """WebAnno TSV 3.2 as GUM writes it, for the given annotated sentences."""
    lines = ["#FORMAT=WebAnno TSV 3.2", ""]
    offset = 0
    for number, sentence in enumerate(sentences, start=1):
        lines.append("#Text=" + " ".join(token for token, *_ in sentence))
        for position, (token, kind, mention, identity) in enumerate(sentence, start=1):
            entity = f"{kind}[{mention}]" if kind and mention else kind or "_"
            ident = (f"{identity}[{mention}]" if mention else identity) if identity else "_"
            lines.append("\t".join([f"{number}-{position}", f"{offset}-{offset + len(token)}", token, entity, "_", "_", ident, "_", "_", "_", ""]))
            offset += len(token) + 1
        lines.append("")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def gum_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gum")
    for number in range(6):  # five folds need five documents at least
        (folder / f"GUM_news_case{number}.tsv").write_text(gum_tsv(SENTENCES), encoding="utf-8")
    return folder


def test_the_reader_rebuilds_text_and_gives_mentions_offsets(gum_folder):
    document = read_gum_file(gum_folder / "GUM_news_case0.tsv")
    assert document.text.splitlines()[0] == "Senator Mara Quill visited Ohio on Monday."
    found = {(document.text[m.start:m.end], m.type) for m in document.mentions}
    assert {("Senator Mara Quill", "person"), ("The Harbor Trust", "organization"), ("Ohio", "place")} <= found


def test_training_on_a_small_fixture_is_reproducible(gum_folder, tmp_path):
    news = write_jsonl(tmp_path / "news.jsonl", [{"text": "The officials said the plan would pass. Two officials met the other officials."}])
    outputs = []
    for attempt in range(2):
        output = tmp_path / f"model-{attempt}.json"
        result = CliRunner().invoke(train_command, ["names", "--data", str(gum_folder), "--news", str(news), "--output", str(output)])
        assert result.exit_code == 0, result.output
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1], "training is not reproducible byte for byte"
    document = json.loads(outputs[0])
    assert document["classes"] == list(KINDS)
    assert document["training"]["labels"]["person"] >= 6  # "Mara Quill" and "Quill" in each document
    assert "officials" in document["common_words"]


def test_training_without_data_says_skipped(tmp_path):
    result = CliRunner().invoke(train_command, ["names", "--data", str(tmp_path / "absent"), "--output", str(tmp_path / "m.json")])
    assert result.exit_code == 0 and "skipped" in result.output


def test_the_shipped_model_is_named_in_every_report():
    report = analyze("Officials said the talks would resume.")
    assert report["analyzer"]["corpora"]["name_model"] == load_name_model().version


@pytest.mark.skipif(not (DEFAULT_GUM_FOLDER.is_dir() and DEFAULT_ATTRIBUTION_DATA.is_file()),
                    reason="GUM (../shared/train/gum) or PolNeAR train (../shared/eval/polnear) is absent")
def test_train_names_rebuilds_the_shipped_parameters(tmp_path):
    """Without cross-validation (minutes of folds): every other part of the file, byte for byte."""
    output = tmp_path / "name_model.json"
    result = CliRunner().invoke(train_command, ["names", "--no-cv", "--output", str(output)])
    assert result.exit_code == 0, result.output
    rebuilt, shipped = json.loads(output.read_text()), json.loads(Path(DEFAULT_NAME_MODEL_FILE).read_text())
    shipped.pop("cross_validation")
    assert rebuilt == shipped


@pytest.mark.skipif(not DEFAULT_CENSUS_FOLDER.is_dir(), reason="the census name lists (../shared/train/census-1990-names) are absent")
def test_train_person_names_rebuilds_the_shipped_file_byte_for_byte(tmp_path):
    output = tmp_path / "person_names.tsv"
    result = CliRunner().invoke(train_command, ["person-names", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == Path(DEFAULT_PERSON_NAMES_FILE).read_bytes()
