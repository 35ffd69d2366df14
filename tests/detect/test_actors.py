"""Actor mentions: states, their capitals and organs, groups and titled people, and profiles."""
from __future__ import annotations

import pytest

from framing import analyze
from tests.conftest import findings_in
from framing.errors import FramingError, InvalidProfile


def mentions_in(text: str, profile=None) -> list[dict]:
    return findings_in(text, "actor_mentions", profile)


def actors_named(text: str, profile=None) -> list[tuple[str, str]]:
    return [(m["text"], m["actor"]) for m in mentions_in(text, profile)]


# (sentence, the mentions it holds as (text, actor id), in order)
MENTIONS = [
    pytest.param("Russian warplanes struck targets near Idlib overnight.", [("Russian warplanes", "russia")],
                 id="demonym_with_state_noun"),
    pytest.param("Russian and U.S. warplanes flew over the same valley on Monday.",
                 [("Russian", "russia"), ("U.S. warplanes", "united_states")], id="two_demonyms_share_a_noun"),
    pytest.param("Syria said the convoy had entered its territory without permission.", [("Syria", "syria")],
                 id="state_that_speaks"),
    pytest.param("Moscow says the exercises are purely defensive.", [("Moscow", "russia")], id="capital_metonym"),
    pytest.param("Beijing has warned Washington against further tariffs.",
                 [("Beijing", "china"), ("Washington", "united_states")], id="two_capital_metonyms"),
    pytest.param("ISIS claimed the attack on Friday. ISIL fighters were later seen near the border. Daesh has lost most of its land.",
                 [("ISIS", "islamic_state"), ("ISIL", "islamic_state"), ("Daesh", "islamic_state")], id="aliases_of_one_group"),
    # places, not actors
    pytest.param("Thousands of families have fled the fighting in Syria.", [], id="in_syria_is_a_place"),
    pytest.param("The delegation flew to Moscow on Sunday for talks.", [], id="to_moscow_is_a_place"),
    pytest.param("The talks in Ankara ended without agreement.", [], id="in_ankara_is_a_place"),
    pytest.param("The government in Damascus denied the report on Monday.", [("Damascus", "syria")],
                 id="government_in_a_capital_is_the_state"),
    pytest.param("The convoy waited outside the government offices in Damascus.", [], id="offices_in_a_capital_are_a_place"),
    pytest.param("The Syrian city of Aleppo was shelled again on Monday.", [], id="syrian_city_is_a_place"),
    pytest.param("Government forces pushed deeper into Syria's west on Monday.", [], id="syrias_west_is_a_place"),
    pytest.param("Syrian migrants waited at the border for a third night.", [("migrants", "migrants")],
                 id="demonym_describing_people_is_not_the_state"),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions(text, expected):
    assert actors_named(text) == expected


def test_titled_person_becomes_an_actor_of_the_state_and_is_known_by_surname():
    text = "Iranian lawmaker Esmail Kosari said the strait could be closed. Kosari did not say when."
    found = mentions_in(text)
    people = [m for m in found if m["actor_type"] == "person"]
    assert [(m["text"], m["via"]) for m in people] == [("Esmail Kosari", "title"), ("Kosari", "surname")]
    assert people[0]["actor"] == people[1]["actor"]
    assert people[0]["side"] == "iran"
    assert ("Iranian lawmaker", "iran") in [(m["text"], m["actor"]) for m in found]


PROFILE = {
    "name": "county-race",
    "version": "1.0.0",
    "description": "a test profile: one local body and a side for Russia",
    "actors": [{
        "id": "greenfield_council", "name": "Greenfield Town Council", "type": "government",
        "aliases": ["Greenfield Town Council"], "side": "incumbents",
    }],
    "sides": {"russia": "east"},
}
TWO_SOURCES = "Greenfield Town Council said the library would close on Sundays. Moscow says the exercises are purely defensive."


def test_a_local_council_no_list_holds_is_recognised_by_name():
    """Without a profile the council is still an actor (an organisation, its own side);
    the profile below gives it an id and a side of the caller's choosing."""
    report = analyze(TWO_SOURCES)
    mentions = [(m["text"], m["actor"], m["side"], m["via"]) for m in report["paragraphs"][0]["actor_mentions"]]
    assert mentions == [
        ("Greenfield Town Council", "organization:greenfield_town_council", "organization:greenfield_town_council", "name"),
        ("Moscow", "russia", "russia", "metonym"),
    ]
    assert report["analyzer"]["profile"] is None


def test_profile_adds_an_actor_and_assigns_sides():
    report = analyze(TWO_SOURCES, profile=PROFILE)
    paragraph = report["paragraphs"][0]
    mentions = [(m["text"], m["actor"], m["side"]) for m in paragraph["actor_mentions"]]
    assert mentions == [("Greenfield Town Council", "greenfield_council", "incumbents"), ("Moscow", "russia", "east")]
    sources = {a["source"]["text"]: (a["source"]["actor"], a["source"]["side"]) for a in paragraph["attributions"]}
    assert sources == {"Greenfield Town Council": ("greenfield_council", "incumbents"), "Moscow": ("russia", "east")}
    assert report["analyzer"]["profile"] == {"name": "county-race", "version": "1.0.0"}


def test_a_states_side_carries_to_a_titled_official():
    found = mentions_in("Iranian lawmaker Esmail Kosari said the strait could be closed.", profile={"sides": {"iran": "axis"}})
    assert {m["text"]: m["side"] for m in found} == {"Esmail Kosari": "axis", "Iranian lawmaker": "axis"}


INVALID_PROFILES = [
    pytest.param({"sides": {"atlantis": "west"}}, id="side_for_unknown_actor"),
    pytest.param({"actors": "greenfield"}, id="actors_not_a_list"),
    pytest.param({"actors": [{"id": "Greenfield Council", "name": "Greenfield", "aliases": ["Greenfield"]}]}, id="id_not_a_slug"),
    pytest.param({"actors": [{"id": "x_party", "name": "X Party", "type": "party", "aliases": ["X Party"]}]}, id="unknown_type"),
    pytest.param({"sides": {"russia": ""}}, id="empty_side_name"),
    pytest.param(["russia"], id="not_an_object"),
    pytest.param("{not json", id="json_string_that_does_not_parse"),
]


@pytest.mark.parametrize("profile", INVALID_PROFILES)
def test_invalid_profile_is_refused_with_its_code(profile):
    with pytest.raises(InvalidProfile) as raised:
        analyze("Moscow says the exercises are purely defensive.", profile=profile)
    assert raised.value.code == "invalid_profile"
    assert isinstance(raised.value, FramingError)


def test_side_given_twice_is_refused():
    with pytest.raises(InvalidProfile):
        analyze("Moscow says the exercises are purely defensive.",
                profile={"actors": [{"id": "russia", "side": "east"}], "sides": {"russia": "west"}})


def test_the_library_takes_a_bundled_profile_by_name():
    report = analyze("Russian warplanes struck near Aleppo, Moscow said.", profile="syria-2015")
    assert report["analyzer"]["profile"] == {"name": "syria-2015", "version": "1.0.0"}
    with pytest.raises(InvalidProfile, match="syria-2015"):
        analyze("Russian warplanes struck near Aleppo, Moscow said.", profile="no-such-profile")
