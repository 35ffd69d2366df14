"""Loaded terms: the word, its category, who chose it, and whom a label is pinned on."""
from __future__ import annotations

import pytest

from tests.conftest import findings_in, the_one


def loaded_in(text: str) -> list[dict]:
    return findings_in(text, "loaded_terms")


def the_term(found: list[dict], word: str) -> dict:
    return the_one(found, word, "category")


# (sentence, word as written, category, voice, speaker's source text or None)
LOADED = [
    pytest.param("Thugs smashed the windows of the party office overnight.", "Thugs", "pejorative_label", "authorial", None,
                 id="writer_calls_attackers_thugs"),
    pytest.param("“These thugs burned our shops,” said Karim Nassar, a shopkeeper in the old market.", "thugs",
                 "pejorative_label", "quoted", "Karim Nassar", id="shopkeeper_calls_attackers_thugs"),
    pytest.param("“This is a witch hunt, pure and simple,” the senator said.", "witch hunt", "sensational", "quoted",
                 "the senator", id="witch_hunt_in_quotation"),
    pytest.param("The senator called the investigation a witch hunt.", "witch hunt", "sensational", "authorial", None,
                 id="witch_hunt_unquoted_is_the_writers"),
    pytest.param("The opposition leader slammed the budget as reckless.", "slammed", "loaded_verb", "authorial", None,
                 id="slammed"),
    pytest.param("Police said the terrorists had planted the bomb near the stadium.", "terrorists", "contested_label",
                 "authorial", None, id="paraphrase_wording_is_the_writers"),
    pytest.param("“Daesh will not return to this city,” the governor said.", "Daesh", "pejorative_label", "quoted",
                 "the governor", id="daesh_in_quotation"),
]


@pytest.mark.parametrize(("text", "word", "category", "voice", "speaker"), LOADED)
def test_loaded_term(text, word, category, voice, speaker):
    term = the_term(loaded_in(text), word)
    assert (term["category"], term["voice"]) == (category, voice)
    assert (term["speaker"] and term["speaker"]["text"]) == speaker


# (sentence, label, actor it is pinned on)
LABELS = [
    pytest.param("The Assad regime has lost control of the eastern border crossings.", "regime",
                 {"bashar_al_assad", "syria"}, id="assad_regime"),
    pytest.param("Human rights groups condemned the regime of Kim Jong Un for the executions.", "regime", {"kim_jong_un"},
                 id="regime_of_a_leader"),
    pytest.param("The Russian regime has jailed dozens of journalists since the invasion.", "regime", {"russia"},
                 id="demonym_regime"),
    pytest.param("Daesh fighters withdrew from the village before dawn.", "Daesh", {"islamic_state"}, id="daesh_names_islamic_state"),
]


@pytest.mark.parametrize(("text", "word", "targets"), LABELS)
def test_label_names_its_target(text, word, targets):
    term = the_term(loaded_in(text), word)
    assert term["category"] == "pejorative_label"
    assert term["target_actor"] in targets


def test_regime_offers_government_as_the_neutral_word():
    term = the_term(loaded_in("The Assad regime has lost control of the eastern border crossings."), "regime")
    assert term["neutral_alternative"] == "government"
    assert term["voice"] == "authorial"


# Words a loaded-term lexicon lists, in neutral senses, and a hedge that is not a label.
NOT_LOADED = [
    pytest.param("The government announced a new tax regime for small businesses.", "regime", id="tax_regime"),
    pytest.param("The patient was moved to a new dosing regime after the first week.", "regime", id="dosing_regime"),
    pytest.param("The car slammed into a wall on the motorway.", "slammed", id="slammed_into_a_wall"),
    pytest.param("The so-called peace plan has no support in parliament.", "so-called", id="so_called_is_a_hedge_not_loaded"),
]


@pytest.mark.parametrize(("text", "word"), NOT_LOADED)
def test_not_loaded(text, word):
    assert [t for t in loaded_in(text) if t["text"] == word] == []


@pytest.mark.xfail(strict=True, reason="'in Tehran' is read as a place, so the label gets no target")
def test_regime_in_a_capital_names_its_state():
    term = the_term(loaded_in("The regime in Tehran executed two protesters on Saturday."), "regime")
    assert term["target_actor"] == "iran"
