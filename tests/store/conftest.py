"""Articles written for these tests (wire-style copy about the Syrian war, three outlets,
January-February 2016) and their reports, analysed once per session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.store.articles import save
from framing.store.ingest import analyse
from framing.store.records import Record, to_input

ARTICLES_FILE = Path(__file__).parents[1] / "fixtures" / "store" / "articles.jsonl"


def fixture_records() -> list[dict]:
    return [json.loads(line) for line in ARTICLES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def analysed() -> list[tuple]:
    """(ArticleInput, report) for every fixture article."""
    items = [to_input(Record(number, fields)) for number, fields in enumerate(fixture_records(), start=1)]
    return [(item, analyse(item)) for item in items]


@pytest.fixture
def stored(database, analysed):
    """The fixture articles saved with their reports, as ingestion would."""
    with database.session() as session:
        for item, report in analysed:
            save(session, item, report)
    return analysed
