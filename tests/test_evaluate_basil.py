"""``framing eval basil``: main entities, named quoted speakers, author feeling, loaded terms."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from framing.eval_cli import eval_command
from framing.evaluate_basil import evaluate_basil, last_name_token
from tests.conftest import SHARED_EVAL

TEXT = ('Rep. Todd Akin (R-Mo.) refused on Sunday to quit the Senate race.\n'
        '"I am not a quitter," Akin said. Critics slammed the remarks as reckless.')


def _row() -> dict:
    quote = TEXT.index("I am not a quitter")
    slammed = TEXT.index("slammed")
    return {
        "id": "case", "triplet": "t", "outlet": "fox", "published": "2012-08-20", "title": "Akin Stays In Race",
        "text": TEXT,
        "main_entities": ["Todd Akin", "birthright citizenship"],
        "author_feeling": {"Todd Akin": "neg", "birthright citizenship": "neu"},
        "spans": [
            {"start": quote, "end": quote + 18, "bias": "inf", "quote": "yes", "speaker": "Todd_Akin", "target": "",
             "polarity": "neg", "aim": "dir", "text": "I am not a quitter"},
            {"start": quote, "end": quote + 4, "bias": "inf", "quote": "yes", "speaker": "other_anti", "target": "",
             "polarity": "neg", "aim": "dir", "text": "I am"},
            {"start": slammed, "end": slammed + 7, "bias": "lex", "quote": "no", "speaker": "", "target": "Todd_Akin",
             "polarity": "neg", "aim": "dir", "text": "slammed"},
        ],
    }


@pytest.mark.parametrize(("name", "token"), [
    ("Mitt Romney", "romney"), ("Donald_Trump_Jr.", "trump"), ("Law enforcement/Federal authorities", "authorities"),
    ("Wal-Mart", "walmart"), ("Democratic Lawmakers", "lawmakers"),
])
def test_an_entity_is_known_by_its_last_name_token(name, token):
    assert last_name_token(name) == token


def test_basil_scores_entities_named_speakers_feeling_and_loaded_terms():
    result = evaluate_basil([_row()], misses=10)
    shares = {share.label: (share.found, share.total) for share in result.shares}
    assert shares["main entities found"] == (1, 2)  # a policy is no actor
    assert shares["named quoted speakers found"] == (1, 1)  # other_anti is not a named speaker
    assert sum(map(sum, result.classification.confusion)) == 2
    assert result.baseline.accuracy == 0.5
    overlap = next(s for s in result.spans if s.label.endswith("(overlap)"))
    assert (overlap.gold, overlap.true_gold) == (1, 1)
    assert [m["entity"] for m in result.misses if m["kind"] == "entity_not_found"] == ["birthright citizenship"]


def test_eval_basil_command_writes_every_figure(tmp_path):
    data = tmp_path / "basil.jsonl"
    data.write_text(json.dumps(_row()) + "\n", encoding="utf-8")
    out = tmp_path / "basil.json"
    result = CliRunner().invoke(eval_command, ["basil", str(data), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "main entities found: 1/2" in result.output and "always neutral" in result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert {share["label"] for share in written["shares"]} >= {"main entities found", "named quoted speakers found"}
    assert written["always_neutral"]["accuracy"] == 0.5


@pytest.mark.skipif(not (SHARED_EVAL / "basil" / "dev.jsonl").is_file(), reason="../shared/eval is not on this machine")
def test_eval_runs_on_the_shared_basil_data():
    result = CliRunner().invoke(eval_command, ["basil", str(SHARED_EVAL / "basil" / "dev.jsonl"), "--limit", "6"])
    assert result.exit_code == 0, result.output
    assert "main entities found" in result.output


def test_a_group_speaker_counts_a_member_by_party_only_in_the_second_row():
    text = ('"This vote is an opportunity," Rep. Zoe Lofgren (D-Calif.) said. '
            '"It is a mistake," Rep. Tom Cole (R-Okla.) said.')
    first, second = text.index("This vote"), text.index("It is a mistake")
    row = {**_row(), "text": text, "main_entities": [], "author_feeling": {}, "spans": [
        {"start": first, "end": first + 29, "bias": "inf", "quote": "yes", "speaker": "House_Democrats", "target": "",
         "polarity": "pos", "aim": "dir", "text": "This vote is an opportunity"},
        {"start": second, "end": second + 15, "bias": "inf", "quote": "yes", "speaker": "Democratic_lawmakers", "target": "",
         "polarity": "neg", "aim": "dir", "text": "It is a mistake"},
    ]}
    shares = {share.label: (share.found, share.total) for share in evaluate_basil([row]).shares}
    assert shares["named quoted speakers found"] == (0, 2)  # no one is named "Democrats" or "lawmakers"
    assert shares["named quoted speakers found, or a member of the named group"] == (1, 2)  # Cole is no Democrat
