"""Hedges and boosters: the word, its kind, and whose commitment it qualifies."""
from __future__ import annotations

import pytest

from tests.conftest import findings_in, the_one


def hedges_in(text: str) -> list[dict]:
    return findings_in(text, "hedges")


def the_hedge(found: list[dict], word: str) -> dict:
    return the_one(found, word, "kind")


# (sentence, the word as written, kind, category, voice, speaker's source text or None)
HEDGES = [
    pytest.param("The new drug may reduce the risk of a second stroke.", "may", "hedge", "modal", "authorial", None,
                 id="writer_hedges_a_drug_claim"),
    pytest.param("The storm is likely to make landfall on Thursday.", "likely", "hedge", "adjective", "authorial", None,
                 id="likely_to"),
    pytest.param("Investors appear to have shrugged off the warning.", "appear", "hedge", "epistemic_verb", "authorial", None,
                 id="appear_to_have"),
    pytest.param("The so-called peace plan has no support in parliament.", "so-called", "hedge", "attribution_marker",
                 "authorial", None, id="so_called_is_a_hedge"),
    pytest.param("Doctors at the hospital reportedly refused to treat the injured soldiers.", "reportedly", "hedge",
                 "attribution_marker", "authorial", None, id="reportedly"),
    pytest.param("The drought has undoubtedly hurt farmers across the region.", "undoubtedly", "booster", "adverb",
                 "authorial", None, id="writer_boosts"),
    pytest.param("The union said the strike would probably last until Christmas.", "probably", "hedge", "adverb",
                 "attributed", "The union", id="hedge_in_paraphrase_is_the_sources"),
    pytest.param("The ministry said the rebels could retake the town within days.", "could", "hedge", "modal",
                 "attributed", "The ministry", id="could_in_paraphrase"),
    pytest.param("The victims may have been poisoned, police said.", "may", "hedge", "modal", "attributed", "police",
                 id="hedge_before_the_source"),
    pytest.param("The minister said the factory would clearly need more workers.", "clearly", "booster", "adverb",
                 "attributed", "The minister", id="booster_in_paraphrase"),
    pytest.param("“The bridge will certainly be rebuilt,” the mayor said.", "certainly", "booster", "adverb", "quoted",
                 "the mayor", id="booster_in_quotation"),
    pytest.param("“I am sure the vaccine works,” the doctor said.", "sure", "booster", "adjective", "quoted", "the doctor",
                 id="sure_in_quotation"),
    pytest.param("Scientists say the glacier will almost certainly disappear by 2100.", "almost certainly", "hedge", "phrase",
                 "attributed", "Scientists", id="longest_phrase_wins"),
]


@pytest.mark.parametrize(("text", "word", "kind", "category", "voice", "speaker"), HEDGES)
def test_hedge(text, word, kind, category, voice, speaker):
    hedge = the_hedge(hedges_in(text), word)
    assert (hedge["kind"], hedge["category"], hedge["voice"]) == (kind, category, voice)
    assert (hedge["speaker"] and hedge["speaker"]["text"]) == speaker


# Words a hedge lexicon lists, in senses that commit to nothing.
NOT_HEDGES = [
    pytest.param("The results will be published on May 5.", "May", id="may_the_month_with_a_day"),
    pytest.param("Voting begins in May and ends in June.", "May", id="in_may"),
    pytest.param("Former prime minister Theresa May said the deal was dead.", "May", id="theresa_may"),
    pytest.param("Russia's military might has been tested by the long war.", "might", id="military_might"),
    pytest.param("Officials want to make sure every ballot is counted.", "sure", id="make_sure"),
    pytest.param("To be sure, turnout was lower than in 2020.", "sure", id="to_be_sure"),
    pytest.param("Likely voters favour the incumbent by six points, the poll found.", "Likely", id="likely_voters"),
    pytest.param("The singer will appear in court on Monday.", "appear", id="appear_in_court"),
    pytest.param("The rebels could not hold the bridge.", "could", id="could_not"),
    pytest.param("The coach spoke clearly about the team's failings.", "clearly", id="spoke_clearly"),
]


@pytest.mark.parametrize(("text", "word"), NOT_HEDGES)
def test_not_a_hedge(text, word):
    assert [h for h in hedges_in(text) if h["text"] == word] == []


def test_must_have_with_a_verb_is_a_booster():
    hedge = the_hedge(hedges_in("The team must have known the referee would be strict."), "must have")
    assert hedge["kind"] == "booster"


def test_must_have_with_a_direct_object_is_not_a_booster():
    assert [h for h in hedges_in("Applicants must have a valid passport and two photographs.") if h["text"] == "must have"] == []
