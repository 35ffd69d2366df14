from __future__ import annotations

import pytest

from framing.store.keys import article_key, normalise_url


@pytest.mark.parametrize("given, expected", [
    ("HTTPS://Example.COM/World/Story/", "https://example.com/World/Story"),
    ("https://example.com:443/a?utm_source=tw&utm_medium=social&id=7#comments", "https://example.com/a?id=7"),
    ("https://example.com/a?b=2&a=1&fbclid=xyz", "https://example.com/a?a=1&b=2"),
    ("http://example.com:8080/", "http://example.com:8080/"),
])
def test_normalise_url(given, expected):
    assert normalise_url(given) == expected


def test_key_prefers_client_id_then_url_then_text():
    assert article_key("abc-1", "https://example.com/a", "Text.") == "id:abc-1"
    assert article_key(None, "https://example.com/a/", "Text.") == "url:https://example.com/a"
    assert article_key(None, None, "Text.").startswith("sha256:")
    assert article_key(None, None, "Text.") != article_key(None, None, "Other text.")


def test_very_long_keys_are_hashed_to_fit():
    key = article_key(None, "https://example.com/" + "a" * 3000, "Text.")
    assert key.startswith("url:sha256:") and len(key) < 100
