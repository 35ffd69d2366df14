"""Migrations create the schema, are idempotent, and adopt a database made before them."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import inspect, select, text

from framing.cli import main
from framing.store import Database
from framing.store.api_keys import create_key, find_key
from framing.store.db import alembic_config
from framing.store.articles import save
from framing.store.fightin_words import word_bag
from framing.store.models import ArticleRevision, Base, StoredProfile
from tests.databases import BACKENDS, postgres_schema

TABLES = {
    "actor_profiles", "articles", "article_revisions", "article_metrics", "article_actor_metrics", "article_side_metrics",
    "article_source_type_metrics", "article_term_metrics", "article_actor_labels", "api_keys", "alembic_version",
}


def test_the_history_is_one_line():
    """Branches that each added migrations are renumbered when merged, never left as two heads."""
    script = ScriptDirectory.from_config(alembic_config())
    assert [revision.revision for revision in script.walk_revisions()] == ["0008", "0007", "0006", "0005", "0004", "0003", "0002", "0001"]
    assert script.get_heads() == ["0008"]


def _models_match(database: Database) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def test_upgrade_creates_every_table_and_is_idempotent(database):
    database.upgrade()
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    assert database.current_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_models_match_the_migrated_schema(database):
    """The models describe what the migrations built (nothing for autogenerate to add)."""
    assert _models_match(database) == []


@contextmanager
def _empty_database(backend: str, tmp_path):
    if backend == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
        yield database
        database.dispose()
        return
    with postgres_schema() as url:
        database = Database(url)
        yield database
        database.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_store_at_the_api_keys_revision_upgrades_with_its_keys(backend, tmp_path):
    """0003 (API keys) was the head before the aggregates, jobs and story updates came after
    it: a store left there reaches the head with its keys, and the same schema as a new one."""
    with _empty_database(backend, tmp_path) as database:
        database.upgrade("0003")
        assert database.current_revision() == "0003"
        assert "jobs" not in inspect(database.engine).get_table_names()
        with database.session() as session:
            token, _key = create_key(session, "write", name="before the upgrade")
        database.upgrade()
        assert database.current_revision() == "0008"
        with database.session() as session:
            assert find_key(session, token).name == "before the upgrade"
        assert set(inspect(database.engine).get_table_names()) >= TABLES | {"jobs", "job_items", "rollup_outlet"}
        assert _models_match(database) == []


def test_revisions_stored_before_word_bags_get_them(database, analysed):
    """0007 adds each revision's countable words and finds them for those stored before."""
    with database.session() as session:
        for item, report in analysed[:3]:
            save(session, item, report)
    with database.engine.begin() as connection:
        connection.execute(text("ALTER TABLE article_revisions DROP COLUMN word_bag"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    database.dispose()
    database.upgrade()
    with database.session() as session:
        revisions = session.execute(select(ArticleRevision.text, ArticleRevision.word_bag)).all()
    assert len(revisions) == 3 and all(bag == word_bag(text) and len(bag.split()) > 20 for text, bag in revisions)


def test_aggregate_pages_keep_room_for_updates(database):
    """PostgreSQL: aggregate rows are updated in place (HOT), which needs free room on their pages."""
    if database.is_sqlite:
        pytest.skip("fillfactor is PostgreSQL's")
    with database.engine.connect() as connection:
        options = dict(connection.execute(text(
            "SELECT relname, array_to_string(reloptions, ',') FROM pg_class "
            "WHERE relname LIKE 'rollup%' AND relkind = 'r' AND relnamespace = current_schema()::regnamespace")).all())
    assert options == {name: "fillfactor=70" for name in ("rollup_outlet", "rollup_actor", "rollup_source", "rollup_term", "rollup_label")}


def test_profiles_stored_before_migrations_are_kept(database_url):
    """Earlier releases created actor_profiles at start-up, without Alembic."""
    database = Database(database_url)
    database.engine.dispose()
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        for table in reversed(Base.metadata.sorted_tables):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table.name}")
    StoredProfile.__table__.create(database.engine)
    with database.session() as session:
        session.add(StoredProfile(name="syria", document={"actors": [], "sides": {"russia": "government"}}))
    database.upgrade()
    with database.session() as session:
        assert session.scalars(select(StoredProfile.name)).all() == ["syria"]
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    database.dispose()


def test_db_upgrade_command(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    runner = CliRunner()
    first = runner.invoke(main, ["db", "upgrade"], env={"FRAMING_DATABASE_URL": url})
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert first.exit_code == 0 and f"revision {head} (was empty)" in first.stdout
    again = runner.invoke(main, ["db", "upgrade"], env={"FRAMING_DATABASE_URL": url})
    assert again.exit_code == 0 and "up to date" in again.stdout
