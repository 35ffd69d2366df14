"""Segmentation: paragraphs, sentences and quotations with offsets into the input, and layout kinds."""
from __future__ import annotations

import pytest

from framing import analyze, corpora, layout
from framing.profiles import default_registry
from framing.text import paragraph_bounds, segment


def sentences_of(text: str) -> list[str]:
    document = segment(text)
    assert len(document.paragraphs) == 1
    return [text[s.start:s.end] for s in document.paragraphs[0].sentences]


def test_paragraphs_split_on_blank_lines_and_single_breaks_with_offsets():
    text = "First paragraph.\n\nSecond paragraph.\nThird after a single break.\r\n\r\n  Fourth, indented.  \n"
    bounds = paragraph_bounds(text)
    assert [text[start:end] for start, end in bounds] == [
        "First paragraph.", "Second paragraph.", "Third after a single break.", "Fourth, indented.",
    ]
    assert bounds[0] == (0, 16)
    assert bounds[3][0] == text.index("Fourth")
    document = segment(text)
    for paragraph, (start, end) in zip(document.paragraphs, bounds, strict=True):
        assert (paragraph.start, paragraph.end) == (start, end)
        assert paragraph.text == text[start:end]


def test_offsets_count_characters_not_bytes():
    text = "Café owners in Zürich — and one in Kraków — said the tax was unfair. “Ça suffit,” one told us."
    report = analyze(text)
    paragraph = report["paragraphs"][0]
    for span in paragraph["sentences"] + [a["cue"] for a in paragraph["attributions"]]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert [s["text"] for s in paragraph["sentences"]][1] == "“Ça suffit,” one told us."


SENTENCES = [
    pytest.param("The U.S. Senate passed the bill on Sept. 27 after Mr. Lee spoke. Gen. Mark Milley said little.",
                 ["The U.S. Senate passed the bill on Sept. 27 after Mr. Lee spoke.", "Gen. Mark Milley said little."],
                 id="abbreviations_inside_sentences"),
    pytest.param("Talks resume on Sept. 27. Both sides have agreed to attend.",
                 ["Talks resume on Sept. 27.", "Both sides have agreed to attend."], id="date_ends_a_sentence"),
    pytest.param("He was born in the U.S. He moved to Canada in 1990.",
                 ["He was born in the U.S.", "He moved to Canada in 1990."], id="us_ends_a_sentence"),
    pytest.param("The meeting ended at 5 p.m. The police then cleared the square.",
                 ["The meeting ended at 5 p.m.", "The police then cleared the square."], id="pm_ends_a_sentence"),
    pytest.param("Mr. and Mrs. Okafor said the house was lost. F. Scott Fitzgerald was not mentioned.",
                 ["Mr. and Mrs. Okafor said the house was lost.", "F. Scott Fitzgerald was not mentioned."],
                 id="titles_and_initials"),
    pytest.param("Shares fell 2.5 percent to $31.40 on Friday. Dr. Sarah Cole said No. 10 had not called.",
                 ["Shares fell 2.5 percent to $31.40 on Friday.", "Dr. Sarah Cole said No. 10 had not called."],
                 id="decimals_and_numbers"),
    pytest.param("“Who pays?” she asked. The council did not answer.",
                 ["“Who pays?” she asked.", "The council did not answer."], id="question_inside_a_quotation"),
    pytest.param("“The roads are closed.” Police gave no reopening date.",
                 ["“The roads are closed.”", "Police gave no reopening date."], id="closing_quote_stays_with_its_sentence"),
    pytest.param("Rep. Jerrold Nadler, D-N.Y., agreed with Inslee. He praised Sen. Ted Cruz, R-Texas. The vote failed.",
                 ["Rep. Jerrold Nadler, D-N.Y., agreed with Inslee.", "He praised Sen. Ted Cruz, R-Texas.", "The vote failed."],
                 id="party_label_with_state_initials"),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences(text, expected):
    assert sentences_of(text) == expected


def test_company_abbreviation_can_end_a_sentence():
    assert sentences_of("The plant is owned by Acme Inc. It employs 300 people.") == [
        "The plant is owned by Acme Inc.", "It employs 300 people.",
    ]


QUOTES = [
    pytest.param("“We won,” he said.", "“We won,”", "We won,", id="curly"),
    pytest.param('She said "no" twice.', '"no"', "no", id="straight"),
    pytest.param("He called it ''a disgrace'' and left.", "''a disgrace''", "a disgrace", id="doubled_apostrophes"),
    pytest.param("The «referendum» was annulled.", "«referendum»", "referendum", id="guillemets"),
]


@pytest.mark.parametrize(("text", "whole", "inner"), QUOTES)
def test_quotation_marks(text, whole, inner):
    (quote,) = segment(text).paragraphs[0].quotes
    assert text[quote.start:quote.end] == whole
    assert text[quote.inner_start:quote.inner_end] == inner
    assert quote.closed


def test_quotation_left_open_at_paragraph_end_continues_in_the_next():
    text = "“We will rebuild the school,” the mayor said. “It will take time.\n\n“But the children will not wait.”"
    first, second = segment(text).paragraphs
    assert [(text[q.start:q.end], q.closed, q.continues) for q in first.quotes] == [
        ("“We will rebuild the school,”", True, False),
        ("“It will take time.", False, False),
    ]
    assert [(text[q.start:q.end], q.closed, q.continues) for q in second.quotes] == [
        ("“But the children will not wait.”", True, True),
    ]


ARTICLE = """Floodwaters Reach Historic Market

A man wades through a flooded street in the old market district of Valencia, Spain, October 30, 2024. REUTERS/Eva Manez
A man wades through a flooded street in the old market district of Valencia, Spain, October 30, 2024.

Emergency services said on Wednesday that at least 60 people had died in the floods.

Firefighters help residents leave their homes. (AP Photo/Alberto Saiz)

(Reporting by Jane Smith in Madrid; Additonal reporting by Tom Brown; Editing by Ana Ruiz)
Writing by Jane Smith; editing by Tom Brown"""


def test_headline_captions_and_credit_lines_are_labelled():
    document = segment(ARTICLE)
    layout.classify(document)
    assert [p.kind for p in document.paragraphs] == [
        "headline", "caption", "caption", "body", "caption", "credit", "credit",
    ]


def test_captions_and_credits_are_not_sources_or_counted():
    report = analyze(ARTICLE)
    assert report["document"]["body_paragraphs"] == 1
    sources = [a["source"]["text"] for p in report["paragraphs"] for a in p["attributions"] if a["source"]]
    assert sources == ["Emergency services"]
    assert report["document"]["counts"]["attributions"] == 1


def test_section_labels_and_separators_are_headings():
    document = segment("Talks resume in Vienna\n\nABSTRACT.\n\nDiplomats said the talks would resume on Monday.\n\n___.\n\nFULL TEXT.\n\nThe talks had stalled in March.")
    layout.classify(document)
    assert [p.kind for p in document.paragraphs] == ["headline", "heading", "body", "heading", "heading", "body"]


@pytest.mark.parametrize("caption", [
    "FILE PHOTO: Firefighters help residents leave their homes in Valencia, Spain.",
    "Photo: Firefighters help residents leave their homes in Valencia, Spain.",
])
def test_photo_lines_without_a_slash_are_captions(caption):
    document = segment(f"Floods hit Valencia\n\n{caption}\n\nEmergency services said at least 60 people had died.")
    layout.classify(document)
    assert [p.kind for p in document.paragraphs] == ["headline", "caption", "body"]


def test_lexicon_starts_from_word_positions_are_those_of_a_scan_of_every_token(seed_text):
    """A paragraph's word positions must find every place a term can start, case-sensitive
    lexicons ("Assad’s", "U.S.") included, and nothing else."""
    registry = default_registry()
    indexes = [registry.names, registry.descriptors, registry.demonyms, corpora.state_nouns().index,
               corpora.titles().index, corpora.hedges().index, corpora.loaded_terms().index]
    document = segment(seed_text + "\n\n" + ARTICLE)
    found = 0
    for paragraph in document.paragraphs:
        for index in indexes:
            assert index.starts_in(paragraph) == index.starts(paragraph.tokens)
            found += len(index.starts_in(paragraph))
        assert paragraph.positions_of({"the", "said"}) == [t.index for t in paragraph.tokens if t.lower in ("the", "said")]
    assert found > 100
