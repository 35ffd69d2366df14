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


def findings_in(text: str, key: str, profile=None) -> list[dict]:
    """Every finding of one kind (``hedges``, ``loaded_terms``, ``actor_mentions``) in the
    text's paragraphs, each span checked against the text."""
    found = []
    for paragraph in analyze(text, profile=profile)["paragraphs"]:
        for finding in paragraph[key]:
            assert text[finding["start"]:finding["end"]] == finding["text"], finding
            found.append(finding)
    return found


def the_one(found: list[dict], word: str, detail: str) -> dict:
    """The single finding whose text is ``word`` (``detail`` names a field shown on failure)."""
    matches = [f for f in found if f["text"] == word]
    assert len(matches) == 1, f"want one {word!r}; found {[(f['text'], f[detail]) for f in found]}"
    return matches[0]
