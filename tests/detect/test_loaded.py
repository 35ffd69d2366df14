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


def test_regime_in_a_capital_names_its_state():
    term = the_term(loaded_in("The regime in Tehran executed two protesters on Saturday."), "regime")
    assert term["target_actor"] == "iran"


def test_a_capital_after_in_is_still_a_place_for_other_words():
    term = the_term(loaded_in("The regime detained two protesters in Tehran on Saturday."), "regime")
    assert term["target_actor"] is None


# ---- context rules (framing/detect/loaded.py) and the senses of lexicon 1.1.0 ----------------

# Loaded words in uses that are not the writer's judgement.
NOT_CHOSEN = [
    pytest.param("The review appeared in The Tyrant Papers, a new history of the court.", "Tyrant",
                 id="word_inside_a_book_title"),
    pytest.param("Amal Haddad, director of Radical Theatre Collective, wrote the score.", "Radical",
                 id="word_inside_an_organisation_name"),
    pytest.param("The sermon was about the old struggle between good and evil.", "evil", id="abstract_noun_evil"),
    pytest.param("Volunteers trapped a rabid dog near the school on Monday.", "rabid", id="rabid_dog_is_veterinary"),
    pytest.param("The charity neuters feral cats in the old docks.", "feral", id="feral_cats"),
    pytest.param("The talks could degenerate into open conflict by spring.", "degenerate", id="degenerate_into_is_a_verb"),
    pytest.param("He was charged with trying to pervert the course of justice.", "pervert", id="pervert_the_course_of_justice"),
    pytest.param("The toddler's tantrum lasted until the bus arrived.", "tantrum", id="a_childs_tantrum"),
]


@pytest.mark.parametrize(("text", "word"), NOT_CHOSEN)
def test_loaded_word_not_chosen_as_a_judgement(text, word):
    test_not_loaded(text, word)


# The same words where they judge: a label before a name, a headline, the adjective "evil".
CHOSEN = [
    pytest.param("Supporters of the Marxist Paulo Freire filled the hall.", "Marxist", "partisan_label",
                 id="capitalised_label_before_a_name_is_still_a_label"),
    pytest.param("Police Say Thugs Smashed Party Office Windows", "Thugs", "pejorative_label",
                 id="title_case_headline_capitals_prove_nothing"),
    pytest.param("The minister called it an evil regime that must be isolated.", "evil", "emotive_adjective",
                 id="evil_judges_an_actor"),
    pytest.param("The report listed the evils of poverty in the northern towns.", "evils", "emotive_adjective",
                 id="the_evils_of_something_judge_it"),
    pytest.param("The senator's rabid supporters blocked the road for hours.", "rabid", "emotive_adjective",
                 id="rabid_supporters"),
    pytest.param("The governor's tantrum over the budget delayed the vote.", "tantrum", "loaded_noun",
                 id="an_adults_tantrum"),
    pytest.param("A cabal of donors chose the candidate, the columnist wrote.", "cabal", "pejorative_label",
                 id="cabal"),
    pytest.param("Agents said the men were illegal aliens from three countries.", "illegal aliens", "partisan_label",
                 id="illegal_alien_is_a_sides_vocabulary"),
]


@pytest.mark.parametrize(("text", "word", "category"), CHOSEN)
def test_loaded_word_chosen_as_a_judgement(text, word, category):
    assert the_term(loaded_in(text), word)["category"] == category


def test_a_sentence_repeated_down_the_page_is_reported_once():
    widget = "Which senator do you consider the most corrupt politician in Washington?"
    text = "\n\n".join([widget, "The committee met on Tuesday.", widget, "It adjourned at noon.", widget])
    assert [t["text"] for t in loaded_in(text)] == ["corrupt"]


def test_a_short_sentence_repeated_for_emphasis_is_reported_each_time():
    text = "It was shameful. The council voted anyway.\n\nIt was shameful."
    assert [t["text"] for t in loaded_in(text)] == ["shameful", "shameful"]
