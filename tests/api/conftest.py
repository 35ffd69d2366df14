"""An app per test, each with its own SQLite file, so tests never share stored state."""
from __future__ import annotations

from dataclasses import replace

import pytest

from api.app import create_app
from api.config import Settings
from framing.store.api_keys import create_key

# Real wire-copy sentences (paraphrased): a named organisation, an anonymous person, a
# state by its capital, a hedge and a distancing label.
ARTICLE = (
    "Russian warplanes struck rebel-held areas of Idlib on Tuesday, killing at least 12 civilians, "
    "the Syrian Observatory for Human Rights said.\n\n"
    "\"The bombing was relentless,\" a local doctor told Reuters. Moscow denied targeting civilians "
    "and said the strikes hit militant positions near the town.\n\n"
    "The so-called ceasefire appears to have collapsed, according to U.N. officials."
)

SYRIA_PROFILE = {
    "actors": [{"id": "white_helmets", "name": "White Helmets", "type": "organization", "aliases": ["Syria Civil Defence"]}],
    "sides": {"white_helmets": "opposition", "russia": "government"},
}
# A news page as fetched: navigation, the article, a footer and a script.
PAGE = """<!doctype html><html><head><title>Strikes hit Idlib | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Strikes hit Idlib</h1>
<p>Russian warplanes struck rebel-held areas of Idlib on Tuesday, killing at least 12 civilians, the Syrian Observatory for Human Rights said.</p>
<p>"The bombing was relentless," a local doctor told Reuters. Moscow denied targeting civilians and said the strikes hit militant positions near the town.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer><script>var tracking = 1;</script></body></html>"""

WHITE_HELMETS_ARTICLE = "The White Helmets said at least 12 people were killed in the strikes. Russia said the strikes targeted militant positions."


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'framing.sqlite3'}")


@pytest.fixture
def make_app(settings):
    """Build an app with some settings changed: ``make_app(max_batch_items=2)``. Jobs the
    test started on an app's thread are cancelled when it ends."""
    apps = []

    def build(**changes):
        apps.append(create_app(replace(settings, **changes)))
        return apps[-1]

    yield build
    for app in apps:
        app.extensions["framing_jobs"].close()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


def authorised(app, scope: str = "write"):
    """A test client of ``app`` sending a new API key of ``scope`` with every request."""
    with app.extensions["framing_db"].session() as session:
        token, _key = create_key(session, scope, name="tests")
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


@pytest.fixture
def writer(app):
    """A client with a write key, for tests that store articles or profiles."""
    return authorised(app)


def spans(node):
    """Every dict with integer start/end and text in a report, at any depth."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and "text" in node:
            yield node
        for value in node.values():
            yield from spans(value)
    elif isinstance(node, list):
        for item in node:
            yield from spans(item)
