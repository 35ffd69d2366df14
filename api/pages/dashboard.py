"""``/dashboard`` and ``/stories/<id>``: trends, the outlet comparison and stories, as charts and tables.

The figures are the JSON API's (``framing.store.trends``, ``compare``, ``stories``: the
functions behind ``GET /v1/trends``, ``/v1/compare`` and ``/v1/stories``); this module
picks what to show from the query string and hands the chart's numbers to
``static/dashboard.js`` in a JSON block.
"""
from __future__ import annotations

from flask import current_app, render_template, request
from marshmallow import ValidationError

from api.pages import blp
from api.pages.choices import stored_outlets
from api.pages.forms import MAX_COMPARED_OUTLETS, STORIES_PER_PAGE, DashboardForm, error_lines, form_values
from api.routes.articles import MAX_ID
from framing.store.compare import Comparison, Selection, compare
from framing.store.stories import StoryFilters, find_stories, get_story
from framing.store.trends import METRICS, Series, TooManyPeriods, trend, with_empty_periods
from framing.store.versions import current_analyzer_version


def _db():
    return current_app.extensions["framing_db"]


def chart_data(series: list[Series], metric_name: str) -> dict:
    """Every series over the same periods (a missing period as null), for the line chart."""
    periods = sorted({point.period for line in series for point in line.points})
    lines = []
    for line in series:
        known = {point.period: point for point in line.points}
        lines.append({
            "outlet": line.outlet,
            "values": [known[period].value if period in known else None for period in periods],
            "articles": [known[period].articles if period in known else 0 for period in periods],
        })
    return {"metric": metric_name, "periods": [period.isoformat() for period in periods], "series": lines}


def actor_choices(comparison: Comparison | None) -> list[tuple[str, str]]:
    """``(id, name)`` of the actors the compared outlets mention most, most mentioned first."""
    mentions: dict[str, int] = {}
    names: dict[str, str] = {}
    for outlet in comparison.outlets if comparison else []:
        for actor in outlet.actors:
            mentions[actor.actor] = mentions.get(actor.actor, 0) + actor.mentions
            names[actor.actor] = actor.name or actor.actor
    return [(actor, names[actor]) for actor in sorted(mentions, key=lambda actor: (-mentions[actor], actor))]


@blp.get("/dashboard")
def dashboard():
    raw = form_values(request.args, lists=("outlet",))
    errors = []
    try:
        query = DashboardForm().load(raw)
    except ValidationError as error:
        errors = error_lines(error)
        query = DashboardForm().load({})
    version = current_analyzer_version()
    metric = METRICS[query["metric"]]
    since, until = query.get("from_"), query.get("to")
    with _db().session() as session:
        outlets = stored_outlets(session, version)
        chosen = query.get("outlet") or [name for name, _ in outlets[:MAX_COMPARED_OUTLETS]]
        comparison = compare(session, Selection(outlets=chosen, analyzer_version=version, since=since, until=until)) if chosen else None
        actors = actor_choices(comparison)
        actor = query.get("actor") or (actors[0][0] if metric.needs_actor and actors else None)
        series: list[Series] = []
        if chosen and (actor or not metric.needs_actor):
            series = trend(session, metric, analyzer_version=version, interval=query["interval"], outlets=chosen,
                           actor=actor if metric.needs_actor else None, since=since, until=until)
            try:
                series = with_empty_periods(series, query["interval"], since, until, chosen)
            except TooManyPeriods as error:
                errors.append(str(error))
        stories_total, stories = find_stories(session, StoryFilters(), page=query["stories_page"], page_size=STORIES_PER_PAGE)
    return render_template(
        "pages/dashboard.html", query=query, raw=raw, errors=errors, metrics=list(METRICS.values()), metric=metric,
        outlets=outlets, chosen=chosen, actors=actors, actor=actor, chart=chart_data(series, metric.name),
        comparison=comparison, stories=stories, stories_total=stories_total, stories_pages=-(-stories_total // STORIES_PER_PAGE),
        analyzer_version=version,
    )


@blp.get("/stories/<int:story_id>")
def story(story_id: int):
    version = current_analyzer_version()
    with _db().session() as session:
        found = get_story(session, story_id) if story_id <= MAX_ID else None
        if found is None:
            return render_template("pages/error.html", title="Story not found",
                                   message=f"No story has id {story_id}; story ids change when `framing stories build` runs."), 404
        comparison = compare(session, Selection(outlets=found.outlets, analyzer_version=version, story_id=found.id))
    columns = [(outlet, [article for article in found.articles if article.outlet == outlet.outlet]) for outlet in comparison.outlets]
    return render_template("pages/story.html", story=found, columns=columns, comparison=comparison, analyzer_version=version)
