"""``framing stories build``: regroup every stored article into stories; ``update``: place the new ones.

Kept apart from ``framing.store.cli`` (ingest, reanalyze, db) so each command module
imports only what it runs; scikit-learn and SQLAlchemy load when the command does.
"""
from __future__ import annotations

import click

from framing.store.url import database_url_from_env


@click.group("stories")
def stories_group() -> None:
    """Stories: stored articles about the same event, across outlets (GET /v1/stories)."""


threshold_option = click.option("--threshold", type=click.FloatRange(0, 1), help="Least mean cosine similarity to join a story "
                                "[default: framing.store.stories.DEFAULT_THRESHOLD].")


def _group(run, window_days: float | None, threshold: float | None):
    """Run ``build_stories`` or ``update_stories`` on the configured database with the
    settings given or the defaults; ``(summary, threshold, window_days)``."""
    from framing.store.db import Database
    from framing.store.stories import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS

    database = Database(database_url_from_env())
    database.upgrade()
    window_days = DEFAULT_WINDOW_DAYS if window_days is None else window_days
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    with database.session() as session:
        summary = run(session, threshold=threshold, window_days=window_days)
    database.dispose()
    return summary, threshold, window_days


@stories_group.command("build")
@click.option("--window-days", type=click.FloatRange(min=0, min_open=True), help="Compare each article with the stories' "
              "articles of this many days before it [default: framing.store.stories.DEFAULT_WINDOW_DAYS].")
@threshold_option
def build_command(window_days: float | None, threshold: float | None) -> None:
    """Replace every story with groups found in the stored articles' current texts.

    Run it after ingesting, or `framing stories update` to place only the new articles.
    """
    from framing.store.stories import build_stories

    summary, threshold, window_days = _group(build_stories, window_days, threshold)
    click.echo(f"{summary.stories} stories of {summary.in_stories} articles, from {summary.articles} stored articles "
               f"(threshold {threshold:g}, window {window_days:g} days)")


@stories_group.command("update")
@click.option("--window-days", type=click.FloatRange(min=0, min_open=True), help="Compare each new article with the articles of "
              "this many days before and after it [default: framing.store.stories.DEFAULT_WINDOW_DAYS].")
@threshold_option
def update_command(window_days: float | None, threshold: float | None) -> None:
    """Place the articles stored since the last build or update: each joins a story, starts one
    with an article it resembles, or stays alone. Existing stories keep their ids and articles.
    """
    from framing.store.stories import update_stories

    summary, threshold, window_days = _group(update_stories, window_days, threshold)
    click.echo(f"{summary.in_stories} of {summary.articles} new articles placed in {summary.stories} stories "
               f"(threshold {threshold:g}, window {window_days:g} days)")
