"""The must-hold findings on the Reuters article the project was created from (issue #2)."""

from tests.conftest import all_findings


def paragraph_with(report, fragment):
    for paragraph in report["paragraphs"]:
        if fragment in paragraph["text"]:
            return paragraph
    raise AssertionError(f"no paragraph contains {fragment!r}")


def attribution_with_cue(paragraph, cue_text, source_fragment=None):
    for attribution in paragraph["attributions"]:
        if attribution["cue"]["text"] == cue_text and (
            source_fragment is None or (attribution["source"] and source_fragment in attribution["source"]["text"])
        ):
            return attribution
    found = [(a["cue"]["text"], a["source"] and a["source"]["text"]) for a in paragraph["attributions"]]
    raise AssertionError(f"no attribution with cue {cue_text!r} / source {source_fragment!r}; found {found}")


def loaded(paragraph, text):
    for term in paragraph["loaded_terms"]:
        if term["text"].lower() == text.lower():
            return term
    raise AssertionError(f"{text!r} not flagged; flagged {[t['text'] for t in paragraph['loaded_terms']]}")


def test_every_offset_points_at_its_text(seed_report, seed_text):
    checked = 0
    for kind, finding in all_findings(seed_report):
        assert seed_text[finding["start"]:finding["end"]] == finding["text"], (kind, finding)
        checked += 1
    for paragraph in seed_report["paragraphs"]:
        assert seed_text[paragraph["start"]:paragraph["end"]] == paragraph["text"]
    assert checked > 200


def test_monitoring_group_is_an_anonymous_neutral_source(seed_report):
    paragraph = paragraph_with(seed_report, "a monitoring group said on Friday")
    attribution = attribution_with_cue(paragraph, "said", "monitoring group")
    assert attribution["source"]["anonymous"] is True
    assert attribution["cue"]["stance"] == "neutral"
    assert attribution["content"]["text"].startswith("Islamic State fighters have seized villages")


def test_moscow_says_is_an_embedded_hedged_claim_by_russia(seed_report):
    paragraph = paragraph_with(seed_report, "that Moscow says has targeted")
    attribution = attribution_with_cue(paragraph, "says", "Moscow")
    assert attribution["source"]["actor"] == "russia"
    assert attribution["embedded"] is True
    assert attribution["hedged"] is True
    assert "has targeted the militant group" in attribution["content"]["text"]


def test_militant_group_is_an_authorial_label_for_islamic_state(seed_report):
    paragraph = paragraph_with(seed_report, "that Moscow says has targeted")
    term = loaded(paragraph, "militant group")
    assert term["voice"] == "authorial"
    assert term["target_actor"] == "islamic_state"


def test_rebel_commander_is_quoted_directly_and_daesh_is_his_label(seed_report):
    paragraph = paragraph_with(seed_report, "said one rebel commander")
    attribution = attribution_with_cue(paragraph, "said", "rebel commander")
    assert attribution["quote"] == "direct"
    assert attribution["source"]["anonymous"] is True
    assert attribution["content"]["text"].startswith("Daesh has exploited")
    daesh = loaded(paragraph, "Daesh")
    assert daesh["voice"] == "quoted"
    assert "rebel commander" in daesh["speaker"]["text"]


def test_apostates_is_quoted_from_islamic_state(seed_report):
    paragraph = paragraph_with(seed_report, "apostates")
    attribution = attribution_with_cue(paragraph, "said", "Islamic State")
    assert attribution["quote"] == "partial"
    term = loaded(paragraph, "apostates")
    assert term["voice"] == "quoted"
    assert term["speaker"]["actor"] == "islamic_state"


def test_us_officials_are_anonymous_americans(seed_report):
    paragraph = paragraph_with(seed_report, "U.S. officials said")
    attribution = attribution_with_cue(paragraph, "said", "U.S. officials")
    assert attribution["source"]["anonymous"] is True
    assert attribution["source"]["actor"] == "united_states"


def test_le_drian_is_a_french_person(seed_report):
    paragraph = paragraph_with(seed_report, "said French Defense Minister Jean-Yves Le Drian")
    attribution = attribution_with_cue(paragraph, "said", "Le Drian")
    assert attribution["source"]["type"] == "person"
    assert attribution["source"]["anonymous"] is False
    assert attribution["source"]["side"] == "france"
    assert attribution["quote"] == "direct"


def test_saudi_official_quoted_by_the_bbc_is_anonymous(seed_report):
    paragraph = paragraph_with(seed_report, "It quoted a Saudi government official")
    attribution = attribution_with_cue(paragraph, "quoted", "Saudi government official")
    assert attribution["source"]["anonymous"] is True
    assert attribution["source"]["actor"] == "saudi_arabia"
    assert attribution["content"]["text"].startswith("the arms would go")


def test_campaign_appears_is_an_authorial_hedge(seed_report):
    paragraph = paragraph_with(seed_report, "the campaign appears to have")
    hedges = [h for h in paragraph["hedges"] if h["text"] == "appears"]
    assert hedges and hedges[0]["kind"] == "hedge" and hedges[0]["voice"] == "authorial"


def test_credit_line_and_caption_are_recognised(seed_report):
    credit = paragraph_with(seed_report, "Additonal reporting by Tom Perry")
    assert credit["kind"] == "credit"
    assert credit["attributions"] == []
    captions = [p for p in seed_report["paragraphs"] if "REUTERS/NASHWAN MARZOUK" in p["text"]]
    assert captions and captions[0]["kind"] == "caption"
    sources = {s["name"] for s in seed_report["document"]["sourcing"]["sources"]}
    assert not any("Perry" in name or "MARZOUK" in name for name in sources)


def test_syrian_government_is_a_missing_voice(seed_report):
    missing = {m["actor"] for m in seed_report["document"]["sourcing"]["missing_voices"]}
    assert "syria" in missing
    assert "russia" not in missing and "islamic_state" not in missing


def test_pronoun_sources_are_resolved(seed_report):
    paragraph = paragraph_with(seed_report, "It says Moscow’s strategy")
    attribution = attribution_with_cue(paragraph, "says")
    assert attribution["source"]["resolved_from"]["text"] == "It"
    assert attribution["source"]["actor"] == "united_states"
    bbc = paragraph_with(seed_report, "It quoted a Saudi government official")
    said = attribution_with_cue(bbc, "said", "BBC")
    assert said["source"]["type"] == "media"


def test_document_aggregates_are_consistent(seed_report):
    document = seed_report["document"]
    body = [p for p in seed_report["paragraphs"] if p["kind"] == "body"]
    assert document["counts"]["attributions"] == sum(len(p["attributions"]) for p in body)
    assert document["words"] == sum(p["words"] for p in body)
    sourcing = document["sourcing"]
    assert 0 <= sourcing["balance_index"] <= 1
    assert 0 < sourcing["anonymous_share"] < 1
    names = {a["actor"]: a for a in document["actors"]}
    assert names["russia"]["mentions"] >= 8
    assert names["russia"]["cited_as_source"] >= 2


def test_every_source_of_the_seed_article(seed_report):
    """The article's speakers, as a reader lists them (no clause or hedge read as a source)."""
    names = {source["name"] for source in seed_report["document"]["sourcing"]["sources"]}
    assert names == {
        "Russia", "Syrian Observatory for Human Rights", "Islamic Revolutionary Guard Corps", "Jean-Yves Le Drian",
        "Turkey", "United States", "Ash Carter", "BBC", "Iran", "Islamic State", "Liwa Suqour al-Jabal",
        "a monitoring group", "Esmail Kosari", "one rebel commander with fighters in the region", "regional officials",
        "a Saudi government official", "U.S. officials",
    }


def test_liwa_suqour_al_jabal_speaks_for_itself_not_the_strikes(seed_report):
    paragraph = paragraph_with(seed_report, "One of those groups, Liwa Suqour al-Jabal, said")
    attribution = attribution_with_cue(paragraph, "said")
    assert attribution["source"]["text"] == "Liwa Suqour al-Jabal"
    assert attribution["content"]["text"].startswith("Russian strikes destroyed their main weapons depot")
