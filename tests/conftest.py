"""Shared fixtures: the seed article and its report, computed once per test session."""
from pathlib import Path

import pytest

from framing import analyze
from tests.databases import database, database_url, postgres_session_url  # noqa: F401  (fixtures for tests/store, tests/api)

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_text) -> dict:
    return analyze(seed_text)


def all_findings(report: dict):
    """Every (kind, finding) pair in a report, for offset checks."""
    sections = [report["title"]] if report["title"] else []
    for paragraph in sections + report["paragraphs"]:
        for attribution in paragraph["attributions"]:
            for role in ("source", "cue", "content"):
                if attribution[role]:
                    yield role, attribution[role]
        for key in ("hedges", "loaded_terms", "actor_mentions", "sentences"):
            for finding in paragraph[key]:
                yield key, finding
