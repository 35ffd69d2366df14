from __future__ import annotations

import pytest

from tests.api.conftest import ARTICLE, PAGE, SYRIA_PROFILE, WHITE_HELMETS_ARTICLE, spans


def _attributions(report):
    return [a for paragraph in report["paragraphs"] for a in paragraph["attributions"]]


def test_finds_the_source_of_a_wire_sentence(client):
    response = client.post("/v1/analyze", json={"text": ARTICLE})
    assert response.status_code == 200
    report = response.get_json()
    assert report["offsets"] == "codepoint"
    first = _attributions(report)[0]
    assert first["source"]["text"] == "the Syrian Observatory for Human Rights"
    assert first["cue"]["lemma"] == "say"
    assert report["document"]["sourcing"]["citations"] >= 3
    assert {h["term"] for p in report["paragraphs"] for h in p["hedges"]} >= {"so-called", "appears"}


def test_every_offset_slices_the_submitted_text(client):
    report = client.post("/v1/analyze", json={"text": ARTICLE}).get_json()
    found = list(spans(report["paragraphs"]))
    assert len(found) > 10
    for span in found:
        assert ARTICLE[span["start"]:span["end"]] == span["text"]


def test_title_and_metadata(client):
    body = {"text": ARTICLE, "title": "Russian strikes kill 12 in Idlib, monitor says", "outlet": "Reuters",
            "url": "https://example.org/idlib", "published_at": "2024-03-05T14:30:00Z"}
    report = client.post("/v1/analyze", json=body).get_json()
    assert report["metadata"] == {"outlet": "Reuters", "url": "https://example.org/idlib", "published_at": "2024-03-05T14:30:00Z"}
    assert report["title"]["kind"] == "title"
    assert report["title"]["text"] == body["title"]


def test_options_leave_out_sentences_and_paragraph_text(client):
    report = client.post("/v1/analyze?sentences=false&paragraph_text=false", json={"text": ARTICLE, "title": "Strikes hit Idlib"}).get_json()
    for paragraph in [*report["paragraphs"], report["title"]]:
        assert "sentences" not in paragraph and "text" not in paragraph
        assert paragraph["end"] > paragraph["start"]
    assert _attributions(report)[0]["source"]["text"] == "the Syrian Observatory for Human Rights"


def _utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) returns."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def test_utf16_offsets_index_like_javascript(client):
    text = ARTICLE.replace("near the town.", "near the town 🔥🙂.").replace("Russian warplanes", "😡 Russian warplanes")
    title = "🔥 Strikes hit Idlib, monitor says"
    report = client.post("/v1/analyze?offsets=utf16", json={"text": text, "title": title}).get_json()
    assert report["offsets"] == "utf16"
    body_spans = list(spans(report["paragraphs"]))
    assert body_spans
    for span in body_spans:
        assert _utf16_slice(text, span["start"], span["end"]) == span["text"]
    for span in spans(report["title"]):
        assert _utf16_slice(title, span["start"], span["end"]) == span["text"]
    codepoints = client.post("/v1/analyze", json={"text": text}).get_json()
    un = [a for a in _attributions(codepoints) if a["cue"]["lemma"] == "according to"][0]
    un16 = [a for a in _attributions(report) if a["cue"]["lemma"] == "according to"][0]
    assert un16["source"]["start"] == un["source"]["start"] + 3  # three astral characters before it


def test_html_is_reduced_to_the_article_text(client):
    report = client.post("/v1/analyze", json={"html": PAGE}).get_json()
    text = report["text"]
    assert text.startswith("Russian warplanes struck")
    assert "Copyright" not in text and "tracking" not in text and "Home" not in text
    assert report["title"]["text"] == "Strikes hit Idlib"
    assert _attributions(report)[0]["source"]["text"] == "the Syrian Observatory for Human Rights"
    for span in spans(report["paragraphs"]):
        assert text[span["start"]:span["end"]] == span["text"]


def test_html_without_an_article(client):
    response = client.post("/v1/analyze", json={"html": "<html><head><title>Home</title></head><body><script>var x = 1;</script></body></html>"})
    assert response.status_code == 422
    assert response.get_json()["code"] == "empty_text"


@pytest.mark.parametrize("body, field", [
    ({}, "_schema"),
    ({"text": ARTICLE, "html": PAGE}, "_schema"),
    ({"text": 42}, "text"),
    ({"text": ARTICLE, "published_at": "last Tuesday"}, "published_at"),
    ({"text": ARTICLE, "profile": "Not A Slug!"}, "profile"),
    ({"text": ARTICLE, "profile": 7}, "profile"),
    ({"text": ARTICLE, "profile": {"actors": [{"id": "x", "type": "planet"}]}}, "profile.actors.0.type"),
    ({"text": ARTICLE, "colour": "red"}, "colour"),
])
def test_invalid_requests_name_the_field(client, body, field):
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 422
    error = response.get_json()
    assert error["code"] == "validation_error"
    assert field in error["details"]


@pytest.mark.parametrize("text, code", [
    ("   \n ", "empty_text"),
    ("<html><body><p>The minister said the talks would resume.</p><p>More text.</p></body></html>", "html_not_supported"),
    ("Der Minister sagte am Dienstag, dass die Gespräche bald wieder aufgenommen werden könnten, und die Regierung", "unsupported_language"),
])
def test_text_the_library_refuses(client, text, code):
    response = client.post("/v1/analyze", json={"text": text})
    assert response.status_code == 422
    assert response.get_json()["code"] == code


def test_text_over_the_limit_is_413(make_app):
    client = make_app(max_text_chars=100).test_client()
    response = client.post("/v1/analyze", json={"text": ARTICLE})
    assert response.status_code == 413
    assert response.get_json()["code"] == "text_too_long"


def test_inline_profile_assigns_sides(client):
    report = client.post("/v1/analyze", json={"text": WHITE_HELMETS_ARTICLE, "profile": {"name": "syria", "version": "2", **SYRIA_PROFILE}}).get_json()
    assert report["analyzer"]["profile"] == {"name": "syria", "version": "2"}
    sources = {a["source"]["actor"]: a["source"]["side"] for a in _attributions(report)}
    assert sources == {"white_helmets": "opposition", "russia": "government"}


def test_stored_profile_by_name(client, writer):
    assert writer.post("/v1/profiles", json={"name": "syria", **SYRIA_PROFILE}).status_code == 201
    report = client.post("/v1/analyze", json={"text": WHITE_HELMETS_ARTICLE, "profile": "syria"}).get_json()
    assert report["analyzer"]["profile"] == {"name": "syria", "version": "r1"}
    assert report["document"]["sourcing"]["by_side"]["opposition"]["citations"] == 1


def test_unknown_stored_profile(client):
    response = client.post("/v1/analyze", json={"text": ARTICLE, "profile": "nobody-saved-this"})
    assert response.status_code == 422
    assert response.get_json()["code"] == "unknown_profile"
    assert "syria-2015" in response.get_json()["message"]  # the bundled names are offered


def test_a_bundled_profile_works_by_name_on_a_fresh_server(client):
    report = client.post("/v1/analyze", json={"text": WHITE_HELMETS_ARTICLE, "profile": "syria-2015"}).get_json()
    assert report["analyzer"]["profile"] == {"name": "syria-2015", "version": "1.0.0"}
    assert "pro_assad" in report["document"]["sourcing"]["by_side"]  # the profile gives Syria a side


def test_a_stored_profile_takes_precedence_over_the_bundled_one_of_that_name(client, writer):
    assert writer.post("/v1/profiles", json={"name": "syria-2015", **SYRIA_PROFILE}).status_code == 201
    report = client.post("/v1/analyze", json={"text": WHITE_HELMETS_ARTICLE, "profile": "syria-2015"}).get_json()
    assert report["analyzer"]["profile"] == {"name": "syria-2015", "version": "r1"}


def test_profile_the_library_rejects(client):
    response = client.post("/v1/analyze", json={"text": ARTICLE, "profile": {"sides": {"atlantis": "west"}}})
    assert response.status_code == 422
    assert response.get_json()["code"] == "invalid_profile"
    assert "atlantis" in response.get_json()["message"]


def test_stray_markup_is_cleaned_and_offsets_are_in_the_text_as_sent_even_in_utf16(client):
    text = "🔥 " + ARTICLE.replace("Moscow denied", "<b>Moscow</b> denied")
    report = client.post("/v1/analyze?offsets=utf16", json={"text": text}).get_json()
    assert report["warnings"][0]["code"] == "markup_removed" and report["warnings"][0]["tags"] == 2
    utf16 = text.encode("utf-16-le")
    for span in spans({key: value for key, value in report.items() if key != "title"}):
        assert utf16[2 * span["start"]:2 * span["end"]].decode("utf-16-le") == span["text"]
