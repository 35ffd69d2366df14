"""An app holding the in-repo fixture articles (three outlets, January to April 2016, with
stories built), served on a free port, and one headless Chromium for the browser tests.

Without Chromium the browser tests skip with the reason; with FRAMING_TEST_REQUIRE_BROWSER=1
(set by .ci/run) they fail instead, so CI cannot pass without running them.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from api.app import create_app
from api.config import Settings
from framing.store.ingest import ingest
from framing.store.records import read_records
from framing.store.stories import build_stories
from tests.pages.browser import LiveServer, browser_missing, start_chromium

STORE_FIXTURES = Path(__file__).parents[1] / "fixtures" / "store"
FIXTURE_FILES = ("articles.jsonl", "stories.jsonl")


def stored_app(path: Path):
    """An app on a new SQLite file holding every fixture article, with stories built."""
    app = create_app(Settings(database_url=f"sqlite:///{path / 'pages.sqlite3'}"))
    database = app.extensions["framing_db"]
    for name in FIXTURE_FILES:
        summary = ingest(database, read_records(STORE_FIXTURES / name, "jsonl"))
        assert not summary.failures, summary.failures
    with database.session() as session:
        build_stories(session)
    return app


@pytest.fixture(scope="session")
def pages_app(tmp_path_factory):
    return stored_app(tmp_path_factory.mktemp("pages"))


@pytest.fixture
def client(pages_app):
    return pages_app.test_client()


@pytest.fixture(scope="session")
def live_url(pages_app):
    with LiveServer(pages_app) as server:
        yield server.url


@pytest.fixture(scope="session")
def chromium():
    reason = browser_missing()
    if reason:
        if os.environ.get("FRAMING_TEST_REQUIRE_BROWSER") == "1":
            pytest.fail(f"FRAMING_TEST_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium):
    """The session's browser at desktop size, its console log emptied."""
    chromium.set_window_size(1280, 900)
    chromium.get_log("browser")
    return chromium
