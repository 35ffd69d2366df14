"""Sentence valences: VADER's word rules, run once per sentence, must give VADER's own scores."""
from __future__ import annotations

import pytest

from framing.detect.sentiment import analyzer, score_valences, sentence_valences
from framing.text import segment

# Sentences that exercise each rule reading a lexicon word's neighbours, the word early, in
# the middle and late in long sentences (the valences are computed from the words in reach).
SENTENCES = [
    pytest.param("The senator said the deal was not good for workers in Ohio and across the Midwest.", id="negation"),
    pytest.param("Officials said there was no real progress in talks that have dragged on for months.", id="no_before_word"),
    pytest.param("No good answer has emerged from the ministry since the flooding began last spring.", id="no_first_word"),
    pytest.param("Critics said the plan was never so popular as its backers claimed during the campaign.", id="never_so"),
    pytest.param("The coach said the team was without doubt the best he had ever seen in the league.", id="without_doubt"),
    pytest.param("The governor was kind of optimistic about the budget, aides said on Tuesday.", id="kind_of"),
    pytest.param("The economy grew strongly last year, but unemployment remained painfully high in rural areas.", id="but"),
    pytest.param("The mayor called the decision a DISASTER for the city and its struggling schools.", id="all_caps_word"),
    pytest.param("The rebels were at least partly responsible for the deadly attack, the report concluded.", id="at_least"),
    pytest.param("She said the film was to die for, and the crowd at the festival seemed to agree.", id="idiom"),
    pytest.param("Good.", id="one_word"),
    pytest.param(
        "The president, who has faced months of criticism from allies and opponents alike over a war that "
        "most voters now call a mistake, said on Monday that he was proud of the troops, hopeful about the "
        "talks in Geneva and not at all worried about the polls, which show his support at its lowest level "
        "since he took office amid a deep and painful recession.", id="long_sentence"),
]


def _sentences(text: str):
    document = segment(text)
    for paragraph in document.paragraphs:
        for sentence in paragraph.sentences:
            yield document, sentence


@pytest.mark.parametrize("text", SENTENCES)
def test_valences_score_as_vader_scores_the_sentence(text):
    for document, sentence in _sentences(text):
        own = document.text[sentence.start:sentence.end]
        assert score_valences(sentence_valences(document, sentence).valences, own) == analyzer().polarity_scores(own)


def test_every_sentence_of_the_seed_article_scores_as_vader_scores_it(seed_text):
    checked = 0
    for document, sentence in _sentences(seed_text):
        own = document.text[sentence.start:sentence.end]
        assert score_valences(sentence_valences(document, sentence).valences, own) == analyzer().polarity_scores(own), own
        checked += 1
    assert checked > 20
