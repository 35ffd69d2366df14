"""Stray markup is analysed as the visible text, and reported in the text as sent."""
from __future__ import annotations

import html
import json

import pytest

from framing import analyze
from framing.errors import FramingError
from framing.inputs import check_text
from framing.markup import Markup
from tests.conftest import SHARED_EVAL, all_findings
from tests.store.test_ingest import run


def _spans_match(report: dict, text: str, title: str | None = None) -> None:
    body = {key: value for key, value in report.items() if key != "title"}
    for source, part in ((text, body), (title, report["title"])):
        for _kind, finding in all_findings({"title": None, "paragraphs": [], **part}) if part else ():
            assert source[finding["start"]:finding["end"]] == finding["text"], finding


def _cue(report: dict) -> dict:
    return report["paragraphs"][0]["attributions"][0]["cue"]


@pytest.mark.parametrize("text", [
    "The senator said the bill would pass.</a> Critics disagreed with her.",
    "The mayor <b>said</b> the libraries would close next year, officials told reporters.",
    '<a href="https://example.org/p">The mayor</a> said the libraries would close, officials told reporters.',
    "The mayor&#8217;s aide said the libraries would close, officials told reporters.",
])
def test_stray_markup_is_analysed_and_offsets_point_into_the_text_as_sent(text):
    report = analyze(text)
    assert [w["code"] for w in report["warnings"]] == ["markup_removed"] and report["warnings"][0]["field"] == "text"
    cue = _cue(report)
    assert (cue["text"], cue["start"], cue["end"]) == ("said", text.index("said"), text.index("said") + 4)
    _spans_match(report, text)


def test_a_span_with_markup_inside_keeps_it_and_reads_as_the_visible_words():
    text = "AT&amp;T said on Monday that the merger would close, company officials told reporters."
    report = analyze(text)
    source = report["paragraphs"][0]["attributions"][0]["source"]
    assert source["text"] == "AT&amp;T" == text[source["start"]:source["end"]]
    assert html.unescape(source["text"]) == "AT&T"
    assert report["warnings"][0]["entities"] == 1 and report["warnings"][0]["tags"] == 0


def test_block_tags_keep_paragraphs_apart():
    text = "<p>The council voted on Tuesday to close two libraries.</p><p>The mayor said the savings would pay for roads.</p>"
    report = analyze(text)
    assert [p["text"] for p in report["paragraphs"]] == [
        "The council voted on Tuesday to close two libraries.", "The mayor said the savings would pay for roads."]
    assert report["warnings"][0]["tags"] == 4
    _spans_match(report, text)


def test_a_title_with_markup_is_restored_into_the_title():
    text, title = "The mayor said the libraries would close, officials told reporters.", "<i>Libraries</i> to close, mayor says"
    report = analyze(text, title=title)
    assert [w["field"] for w in report["warnings"]] == ["title"]
    assert report["title"]["start"] == 3 and title[report["title"]["start"]:report["title"]["end"]] == report["title"]["text"]
    _spans_match(report, text, title)


@pytest.mark.parametrize("text", [
    "The margin was 5 < 6 votes, or > 80 percent, the clerk said on Tuesday after the count.",
    "The clerk said the fee was 5 &euro and the council agreed, officials told reporters.",
    "The group &foo; said the talks had failed, officials told reporters on Tuesday.",
])
def test_text_that_only_looks_like_markup_is_left_alone(text):
    report = analyze(text)
    assert report["warnings"] == []
    assert report == analyze(text)  # no markup: the report as built


def test_positions_map_back_around_every_kind_of_markup():
    original = "<b>Hi</b> AT&amp;T<br>x<!-- note --></p>"
    markup = Markup(original)
    assert markup.text == "Hi AT&T\nx\n\n" and (markup.tags, markup.entities) == (5, 1)
    spans = [{"start": 0, "end": 2, "text": "Hi"}, {"start": 3, "end": 7, "text": "AT&T"}, {"start": 8, "end": 9, "text": "x"}]
    markup.restore(spans)
    assert [original[span["start"]:span["end"]] for span in spans] == ["Hi", "AT&amp;T", "x"]
    assert [span["text"] for span in spans] == ["Hi", "AT&amp;T", "x"]


EVAL_FILES = ["polnear/train.jsonl", "polnear/dev.jsonl", "ptc/dev.jsonl", "basil/dev.jsonl", "babe/dev.jsonl",
              "articles/polnear_train_articles.jsonl"]


@pytest.mark.skipif(not all((SHARED_EVAL / name).is_file() for name in EVAL_FILES), reason="../shared/eval is not on this machine")
def test_no_article_of_the_evaluation_data_is_refused(tmp_path):
    """Before: 3 PolNeAR train articles (and the same 3 in articles/) refused for a stray `</a>` or
    `<tweet>`, 11 BABE dev sentences as not English. Now none; those with markup also store."""
    refused, with_markup = [], []
    for name in EVAL_FILES:
        for line in (SHARED_EVAL / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            try:
                if check_text(record["text"]).changed and name.startswith("articles/"):
                    with_markup.append(record)
            except FramingError as error:
                refused.append((name, record["id"], error.code))
    assert refused == []
    assert len(with_markup) >= 3
    path = tmp_path / "markup.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in with_markup), encoding="utf-8")
    stored = run(f"sqlite:///{tmp_path / 'markup.sqlite3'}", "ingest", str(path), "--workers", "1")
    assert stored.stdout.startswith(f"{len(with_markup)} created; 0 failed"), stored.stdout
