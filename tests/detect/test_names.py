"""Actors no gazetteer lists: names recognised by the model, their later forms, affiliations.

Each case is a sentence of the kind US and international news print, with the actors a
reader would name. The people and organisations in them are not in corpora/actors.tsv
(checked below), so every one is found by name recognition and coreference.
"""
from __future__ import annotations

import pytest

from framing import analyze
from framing.profiles import default_registry


def actors_of(report: dict) -> dict[str, dict]:
    return {actor["name"]: actor for actor in report["document"]["actors"]}


def mentions(report: dict) -> list[tuple[str, str, str]]:
    """(text, actor name, via) of every mention in the body, in order."""
    return [(m["text"], m["actor_name"], m["via"]) for p in report["paragraphs"] for m in p["actor_mentions"]]


@pytest.mark.parametrize("name", [
    "Todd Akin", "Michael Steele", "Rick Perry", "Riad al-Hijab", "Ursula von der Leyen", "Zhao Lijian",
    "Alexandria Ocasio-Cortez", "Denzel Washington", "Mikie Sherrill", "Secure America Now",
])
def test_the_cases_below_are_not_in_the_gazetteer(name):
    assert default_registry().names.get(name) is None


NAMED = [
    pytest.param(
        "Rep. Todd Akin said he would stay in the race. Akin apologized on Tuesday, and Mr. Akin's campaign said little.",
        [("Todd Akin", "Todd Akin", "title"), ("Akin", "Todd Akin", "surname"), ("Akin's campaign", "Akin campaign", "name")],
        id="title_surname_and_a_campaign"),
    pytest.param(
        "Opposition leader Riad al-Hijab said talks had failed. Al-Hijab spoke in Riyadh.",
        [("Riad al-Hijab", "Riad al-Hijab", "title"), ("Al-Hijab", "Riad al-Hijab", "surname")],
        id="arabic_article_joined_to_the_name"),
    pytest.param(
        "European Commission President Ursula von der Leyen said the bloc would respond. Von der Leyen spoke in Brussels.",
        [("European Commission", "European Commission", "name"), ("Ursula von der Leyen", "Ursula von der Leyen", "title"),
         ("Von der Leyen", "Ursula von der Leyen", "surname")],
        id="particles_inside_a_name_and_opening_a_sentence"),
    pytest.param(
        "Chinese foreign ministry spokesman Zhao Lijian told reporters the visit was a provocation. Zhao said Beijing would respond.",
        [("Chinese foreign ministry spokesman", "China", "demonym"), ("Zhao Lijian", "Zhao Lijian", "title"),
         ("Zhao", "Zhao Lijian", "surname"), ("Beijing", "China", "metonym")],
        id="family_name_first_and_no_census_list_holds_it"),
    pytest.param(
        "Martin Luther King Jr. led the march in 1963. King said the dream lived on.",
        [("Martin Luther King Jr.", "Martin Luther King Jr.", "name"), ("King", "Martin Luther King Jr.", "surname")],
        id="jr_closes_a_name_and_king_is_no_title_there"),
    pytest.param(
        "Rep. Alexandria Ocasio-Cortez (D-N.Y.) said the plan was bold. Ocasio-Cortez spoke to reporters.",
        [("Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez", "title"), ("Ocasio-Cortez", "Alexandria Ocasio-Cortez", "surname")],
        id="hyphenated_surname"),
    pytest.param(
        "Denzel Washington said the film was finished. Washington added that he was tired. In Washington, lawmakers met.",
        [("Denzel Washington", "Denzel Washington", "name"), ("Washington", "Denzel Washington", "surname"),
         ("lawmakers", "lawmakers", "alias")],
        id="a_person_and_a_place_sharing_a_name"),
    pytest.param(
        "Officials said the bridge would stay closed. Inspectors said the ledgers had been altered.",
        [],
        id="sentence_initial_capitals_are_not_names"),
    pytest.param(
        "The subject of a new ad by Secure America Now, a nonprofit group, is the election.",
        [("Secure America Now", "Secure America Now", "name")],
        id="a_capitalised_function_word_inside_a_name"),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_names_and_their_later_forms(text, expected):
    assert mentions(analyze(text)) == expected


def test_title_case_headline_finds_only_the_names_the_body_introduced():
    body = "Sen. Lindsey Graham (R-S.C.) said on Sunday that the aid was withheld. Graham spoke on CBS."
    report = analyze(body, title="Lindsey Graham Says Trump Could Be Impeached Over Ukraine Aid")
    in_title = [(m["text"], m["actor_name"]) for m in report["title"]["actor_mentions"]]
    assert ("Lindsey Graham", "Lindsey Graham") in in_title
    assert ("Trump", "Donald Trump") in in_title
    assert not {"Says", "Could", "Impeached", "Over"} & {text for text, _ in in_title}


def test_all_capitals_headline_matches_introduced_names_whatever_their_case():
    body = "Rep. Todd Akin (R-Mo.) said on Tuesday he would stay in the Senate race. Akin apologized."
    report = analyze(body, title="TODD AKIN REFUSES TO QUIT MISSOURI RACE")
    in_title = [(m["text"], m["actor_name"], m["via"]) for m in report["title"]["actor_mentions"]]
    assert in_title == [("TODD AKIN", "Todd Akin", "headline")]


def test_party_markers_give_affiliation_and_side():
    report = analyze("Sen. Ted Cruz (R-Texas) said the bill would fail. Democratic Rep. Jay Inslee said it would pass. "
                     "Rep. Jerrold Nadler, D-N.Y., agreed with Inslee.")
    actors = actors_of(report)
    assert actors["Ted Cruz"]["affiliation"] == {"actor": "republican_party", "name": "Republican Party"}
    assert actors["Ted Cruz"]["side"] == "republican_party"
    assert actors["Jay Inslee"]["affiliation"]["actor"] == "democratic_party"
    assert actors["Jerrold Nadler"]["affiliation"]["actor"] == "democratic_party"
    assert {a["kind"] for a in actors.values()} == {"person"}


def test_appositives_on_either_side_give_roles_and_organisation():
    report = analyze("Michael Steele, chairman of the Republican National Committee, drew criticism on Friday. "
                     "The chairman said he would not resign. Mr. Steele spoke in Washington.")
    steele = actors_of(report)["Michael Steele"]
    assert steele["affiliation"]["name"] == "Republican National Committee"
    assert [(text, via) for text, name, via in mentions(report) if name == "Michael Steele"] == [
        ("Michael Steele", "name"), ("chairman", "role"), ("Steele", "title")]


def test_role_descriptions_point_back_to_the_holder():
    report = analyze("Texas Gov. Rick Perry announced his campaign on Saturday. Critics questioned the Texas governor, "
                     "and the governor's aides declined to comment. Sen. Kay Hagan said the Democrat would stay.")
    found = mentions(report)
    assert ("governor", "Rick Perry", "role") in found
    assert ("Texas governor", "Rick Perry", "role") in found


@pytest.mark.parametrize(("text", "group", "party"), [
    ("House Republicans said the vote would fail.", "House Republicans", "republican_party"),
    ("Senate Democrats blocked the measure on Tuesday.", "Senate Democrats", "democratic_party"),
    ("Democratic lawmakers complained that the reading was selective.", "Democratic lawmakers", "democratic_party"),
    ("The letter was signed by GOP leaders in both chambers.", "GOP leaders", "republican_party"),
])
def test_groups_named_by_party_are_actors_of_the_party(text, group, party):
    actor = actors_of(analyze(text))[group]
    assert (actor["kind"], actor["affiliation"]["actor"], actor["side"]) == ("group", party, party)


def test_an_administration_is_an_organ_affiliated_with_its_head():
    report = analyze("The Obama administration said the talks would resume. Obama's administration later denied it.")
    actor = actors_of(report)["Obama administration"]
    assert (actor["type"], actor["kind"], actor["affiliation"]["actor"], actor["mentions"]) == (
        "government", "organization", "barack_obama", 2)
def test_a_profile_side_carries_through_the_party_to_its_members():
    report = analyze("Sen. Ted Cruz (R-Texas) said the bill would fail.",
                     profile={"name": "us-parties", "version": "1.0.0", "sides": {"republican_party": "right"}})
    source = report["paragraphs"][0]["attributions"][0]["source"]
    assert (source["actor_name"], source["side"]) == ("Ted Cruz", "right")




@pytest.mark.parametrize(("text", "role", "holder"), [
    ("Vice President Joe Biden met President Barack Obama. The vice president said the talks were over.",
     "vice president", "Joe Biden"),
    ("Attorney General Eric Holder spoke on Monday, and the attorney general later resigned.", "attorney general", "Eric Holder"),
    ("Rep. Todd Akin, a Missouri Republican, said he would stay. The Republican said so again on Tuesday.", "Republican", "Todd Akin"),
])
def test_roles_of_several_words_and_party_nouns_find_their_holder(text, role, holder):
    assert (role, holder, "role") in mentions(analyze(text))


def test_a_state_and_party_word_describe_and_name_nobody():
    actors = actors_of(analyze("Rep. Todd Akin, a Missouri Republican, said he would stay in the race."))
    assert "Missouri Republican" not in actors
    assert actors["Todd Akin"]["affiliation"]["actor"] == "republican_party"


def test_a_spokesman_for_a_titled_person_belongs_to_that_person():
    actors = actors_of(analyze("Jim Manley, a spokesman for Sen. Harry Reid, said the bill would pass."))
    assert actors["Jim Manley"]["affiliation"] == {"actor": "person:harry_reid", "name": "Harry Reid"}


def test_a_surname_with_particles_is_the_person_even_when_the_model_calls_it_a_name():
    report = analyze("Ursula von der Leyen visited Kyiv. Von der Leyen said the bloc would help.")
    assert [(t, n) for t, n, _ in mentions(report) if n != "Ukraine"] == [
        ("Ursula von der Leyen", "Ursula von der Leyen"), ("Von der Leyen", "Ursula von der Leyen")]


def test_a_role_no_one_holds_is_the_person_the_passage_is_about():
    report = analyze('Republican presidential candidate Rick Perry pledged to end the program. '
                     '"I am not ashamed," says Perry. "Faith made America strong," the Texas governor continues.')
    assert ("Texas governor", "Rick Perry", "role") in mentions(report)
    sources = [a["source"]["actor_name"] for p in report["paragraphs"] for a in p["attributions"] if a["source"]]
    assert sources and set(sources) == {"Rick Perry"}


def test_the_administration_is_that_of_the_president_named_before():
    report = analyze("President Barack Obama spoke on Monday. Democrats called on the administration to answer questions. "
                     "Barack Obama's administration later declined. The administration of the museum was closed.")
    found = [(t, n, v) for t, n, v in mentions(report) if "administration" in n]
    assert found == [("administration", "Obama administration", "coreference"),
                     ("Barack Obama's administration", "Obama administration", "name")]
    assert actors_of(report)["Obama administration"]["affiliation"]["actor"] == "barack_obama"


def test_the_administration_with_no_president_named_is_left_alone():
    assert mentions(analyze("Critics called on the administration to answer questions.")) == []


def test_a_state_of_the_union_named_alone_is_a_place_not_a_person():
    report = analyze("Kurt Schrader, a Democrat from Oregon, said the party had lost its way. "
                     "The senator from Nebraska said no.")
    assert set(actors_of(report)) == {"Kurt Schrader", "Democratic Party"}
    assert actors_of(report)["Kurt Schrader"]["affiliation"]["actor"] == "democratic_party"


def test_an_appositive_after_the_home_state_gives_the_party():
    report = analyze("Senator Chuck Schumer of New York, the Democratic leader, said the offer was not serious.")
    assert actors_of(report)["Chuck Schumer"]["affiliation"]["actor"] == "democratic_party"


@pytest.mark.parametrize(("text", "person", "organisation"), [
    ("St. Louis Tea Party organizer Bill Hennessy wrote that the movement stood for smaller government.",
     "Bill Hennessy", "St. Louis Tea Party"),
    ("Obama campaign deputy press secretary Ben Labolt issued a statement on Tuesday.", "Ben Labolt", "Barack Obama"),
    ("NATO's deputy spokesman, Piers Cazalet, said the alliance would respond.", "Piers Cazalet", "NATO"),
])
def test_the_organisation_before_a_lower_case_role_is_the_persons(text, person, organisation):
    assert actors_of(analyze(text))[person]["affiliation"]["name"] == organisation


def test_a_lower_case_word_before_a_name_that_is_no_role_gives_no_affiliation():
    report = analyze("Voters in Iowa cheered when Mitt Romney spoke on Tuesday.")
    assert actors_of(report)["Mitt Romney"].get("affiliation") is None


@pytest.mark.parametrize("text", [
    "Unlike Todd Akin, the senator voted against the bill.",
    "Despite Todd Akin's objections, the bill passed.",
])
def test_a_capitalised_preposition_opening_a_sentence_is_no_part_of_a_name(text):
    assert "Todd Akin" in actors_of(analyze(text))
    assert not any(name.startswith(("Unlike", "Despite")) for name in actors_of(analyze(text)))


def test_a_party_word_before_a_name_without_a_title_gives_the_party():
    report = analyze("Republican rival Todd Akin attacked the plan on Tuesday.")
    assert actors_of(report)["Todd Akin"]["affiliation"]["actor"] == "republican_party"
