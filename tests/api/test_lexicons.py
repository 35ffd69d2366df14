from __future__ import annotations


def test_lists_every_lexicon_with_version_and_size(client):
    lexicons = {entry["name"]: entry for entry in client.get("/v1/lexicons").get_json()["lexicons"]}
    assert {"hedges", "loaded_terms", "reporting_verbs", "actors", "state_nouns", "source_nouns"} <= set(lexicons)
    hedges = lexicons["hedges"]
    assert hedges["file"] == "hedges.tsv" and hedges["documentation"] == "hedges.md"
    assert hedges["version"].count(".") == 2 and hedges["entries"] > 50


def test_entries_are_paginated(client):
    first = client.get("/v1/lexicons/reporting_verbs?page_size=5").get_json()
    assert first["total"] > 5 and len(first["entries"]) == 5
    assert first["entries"][0]["lemma"] == "say" and first["entries"][0]["stance"] == "neutral"
    second = client.get("/v1/lexicons/reporting_verbs?page_size=5&page=2").get_json()
    assert second["entries"][0] != first["entries"][0]
    beyond = client.get("/v1/lexicons/reporting_verbs?page=9999").get_json()
    assert beyond["entries"] == [] and beyond["total"] == first["total"]


def test_filter_by_category(client):
    modals = client.get("/v1/lexicons/hedges?category=modal&page_size=500").get_json()
    assert modals["category_field"] == "category"
    assert {"may", "might", "could"} <= {row["term"] for row in modals["entries"]}
    assert all(row["category"] == "modal" for row in modals["entries"])
    states = client.get("/v1/lexicons/actors?category=state&page_size=500").get_json()
    assert "russia" in {row["id"] for row in states["entries"]}


def test_unknown_lexicon(client):
    response = client.get("/v1/lexicons/astrology")
    assert response.status_code == 404 and response.get_json()["code"] == "unknown_lexicon"
