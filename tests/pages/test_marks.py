"""Marks over the text: segments cut at every span boundary, each carrying all marks that cover it."""
from __future__ import annotations

import pytest

from api.pages.cards import mark_report
from api.pages.marks import Mark, segments


def _mark(start, end, style, layer="attribution"):
    return Mark(start, end, style, layer, f"card-{style}")


@pytest.mark.parametrize(("marks", "expected"), [
    # nested: a loaded term inside an attribution's content
    ([_mark(0, 15, "a-content"), _mark(7, 11, "l-writer", "loaded")],
     [("Moscow ", ("a-content",)), ("said", ("l-writer", "a-content")), (" the", ("a-content",)), (" ...", ())]),
    # overlapping, neither inside the other
    ([_mark(0, 6, "a-source"), _mark(3, 10, "actor", "actor")],
     [("Mos", ("a-source",)), ("cow", ("a-source", "actor")), (" sai", ("actor",)), ("d the ...", ())]),
    # a mark reaching past the text is clipped; an empty one is left out
    ([_mark(10, 40, "h-hedge", "hedge"), _mark(3, 3, "a-cue")],
     [("Moscow sai", ()), ("d the ...", ("h-hedge",))]),
])
def test_segments_carry_every_covering_mark(marks, expected):
    text = "Moscow said the ..."
    pieces = segments(text, 0, marks)
    assert "".join(piece.text for piece in pieces) == text
    assert [(piece.text, tuple(mark.style for mark in piece.marks)) for piece in pieces] == expected


def test_offsets_are_relative_to_the_paragraph():
    pieces = segments("said it", 100, [_mark(100, 104, "a-cue")])
    assert [(piece.text, piece.opens) for piece in pieces] == [("said", ("attribution",)), (" it", ())]


def test_narrowest_mark_first_and_opens_only_where_a_mark_starts():
    pieces = segments("the militant group", 0, [_mark(0, 18, "a-content"), _mark(4, 18, "l-writer", "loaded")])
    assert [piece.styles for piece in pieces] == ["a-content", "l-writer a-content"]
    assert [piece.opens for piece in pieces] == [("attribution",), ("loaded",)]


def test_the_seed_article_is_marked_whole(seed_text, seed_report):
    """Every paragraph's segments give its text back, and every finding's card is on some
    segment of its paragraph (the nested ones too)."""
    _title, paragraphs = mark_report(seed_report, seed_text, None)
    assert len(paragraphs) == len(seed_report["paragraphs"])
    for marked, paragraph in zip(paragraphs, seed_report["paragraphs"]):
        assert "".join(piece.text for piece in marked.segments) == paragraph["text"]
        on_segments = {card for piece in marked.segments for card in piece.cards.split()}
        assert on_segments == {card.id for card in marked.cards}
        findings = sum(len(paragraph[key]) for key in ("attributions", "loaded_terms", "hedges", "actor_mentions"))
        assert len(marked.cards) == findings


def test_a_loaded_term_inside_a_hedged_claim_shows_both(seed_text, seed_report):
    """'a campaign that Moscow says has targeted the militant group': the claim is hedged
    (embedded) and holds the loaded label and a mention of Islamic State."""
    _title, paragraphs = mark_report(seed_report, seed_text, None)
    piece = next(piece for marked in paragraphs for piece in marked.segments if piece.text == "militant group")
    assert {"a-hedged", "l-writer", "actor"} <= set(piece.styles.split())
    assert set(piece.layers.split()) == {"attribution", "loaded", "actor"}


def test_cards_render_fields_a_report_may_gain_or_lack():
    """Actors are gaining ``kind`` and ``affiliation``; an older report may lack sentiment or
    ``via``. A card shows what is there and skips what is not."""
    text = "Hezbollah fighters advanced."
    paragraph = {"start": 0, "end": len(text), "kind": "body", "attributions": [], "hedges": [], "loaded_terms": [],
                 "actor_mentions": [
                     {"start": 0, "end": 9, "text": "Hezbollah", "actor": "hezbollah", "actor_name": "Hezbollah",
                      "actor_type": "armed_group", "side": "pro_assad", "via": "name", "kind": "organization",
                      "affiliation": "iran", "new_field": [1, 2]},
                     {"start": 10, "end": 18, "text": "fighters", "actor": "hezbollah"},
                 ]}
    _title, (marked,) = mark_report({"title": None, "paragraphs": [{**paragraph, "index": 0}]}, text, None)
    full, bare = (dict(card.lines) for card in marked.cards)
    assert full["Kind"] == "organization" and full["Affiliation"] == "iran" and full["Named"] == "by name"
    assert bare == {"Actor": "hezbollah (type unknown)", "Side": "unknown", "Tone here": "not scored"}
