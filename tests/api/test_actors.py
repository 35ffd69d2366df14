from __future__ import annotations


def test_search_by_metonym_finds_the_state(client):
    actors = client.get("/v1/actors?q=kremlin").get_json()["actors"]
    assert "russia" in {actor["id"] for actor in actors}
    russia = next(actor for actor in actors if actor["id"] == "russia")
    assert russia["type"] == "state" and "Moscow" in russia["metonyms"] and russia["side"] == "russia"


def test_filter_by_type_and_paginate(client):
    everyone = client.get("/v1/actors?page_size=500").get_json()
    states = client.get("/v1/actors?type=state&page_size=500").get_json()
    assert 0 < states["total"] < everyone["total"]
    assert all(actor["type"] == "state" for actor in states["actors"])
    page = client.get("/v1/actors?page_size=3&page=2").get_json()
    assert len(page["actors"]) == 3 and page["actors"][0] == everyone["actors"][3]


def test_unknown_type_is_422(client):
    assert client.get("/v1/actors?type=planet").status_code == 422
