from __future__ import annotations

import pytest

from tests.api.conftest import SYRIA_PROFILE


@pytest.fixture
def client(writer):
    return writer


def test_create_read_replace_delete(client):
    created = client.post("/v1/profiles", json={"name": "syria", "description": "Syrian war", **SYRIA_PROFILE})
    assert created.status_code == 201
    assert created.get_json()["revision"] == 1
    assert created.get_json()["created_at"].endswith("+00:00")

    stored = client.get("/v1/profiles/syria").get_json()
    assert stored["actors"][0]["id"] == "white_helmets" and stored["sides"]["russia"] == "government"
    assert stored["description"] == "Syrian war"

    replaced = client.put("/v1/profiles/syria", json={"version": "2024-06", "sides": {"russia": "pro-government"}})
    assert replaced.status_code == 200
    assert (replaced.get_json()["revision"], replaced.get_json()["version"]) == (2, "2024-06")
    assert replaced.get_json()["actors"] == [] and replaced.get_json()["description"] is None

    assert client.delete("/v1/profiles/syria").status_code == 204
    missing = client.get("/v1/profiles/syria")
    assert missing.status_code == 404 and missing.get_json()["code"] == "profile_not_found"


def test_list_is_paginated_by_name(client):
    for name in ("charlie", "alpha", "bravo"):
        assert client.post("/v1/profiles", json={"name": name, "sides": {"russia": "east"}}).status_code == 201
    page = client.get("/v1/profiles?page=1&page_size=2").get_json()
    assert page["total"] == 3 and [p["name"] for p in page["profiles"]] == ["alpha", "bravo"]
    page = client.get("/v1/profiles?page=2&page_size=2").get_json()
    assert [p["name"] for p in page["profiles"]] == ["charlie"]
    assert page["profiles"][0]["actors"] == 0


def test_duplicate_name_is_409(client):
    assert client.post("/v1/profiles", json={"name": "syria", **SYRIA_PROFILE}).status_code == 201
    response = client.post("/v1/profiles", json={"name": "syria", **SYRIA_PROFILE})
    assert response.status_code == 409 and response.get_json()["code"] == "profile_exists"


def test_invalid_profile_is_not_stored(client):
    response = client.post("/v1/profiles", json={"name": "broken", "actors": [{"id": "new_group", "type": "group"}]})
    assert response.status_code == 422 and response.get_json()["code"] == "invalid_profile"
    response = client.post("/v1/profiles", json={"name": "broken", "sides": {"atlantis": "west"}})
    assert response.status_code == 422
    assert client.get("/v1/profiles").get_json()["total"] == 0


def test_invalid_replacement_keeps_the_old_profile(client):
    client.post("/v1/profiles", json={"name": "syria", **SYRIA_PROFILE})
    response = client.put("/v1/profiles/syria", json={"sides": {"atlantis": "west"}})
    assert response.status_code == 422
    stored = client.get("/v1/profiles/syria").get_json()
    assert stored["revision"] == 1 and stored["sides"] == SYRIA_PROFILE["sides"]


def test_names_and_missing_profiles(client):
    assert client.post("/v1/profiles", json={"name": "Has Spaces"}).status_code == 422
    assert client.put("/v1/profiles/ghost", json={}).status_code == 404
    assert client.delete("/v1/profiles/ghost").status_code == 404
