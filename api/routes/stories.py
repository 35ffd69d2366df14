"""``GET /v1/stories`` and ``GET /v1/stories/<id>/compare``: articles about the same event.

Stories are found by ``framing stories build`` (``framing.store.stories``); these routes
only list them and compare a story's outlets through ``api.routes.compare``.
"""
from __future__ import annotations

from dataclasses import asdict

from flask import current_app

from api.errors import ApiError
from api.routes import Blueprint
from api.routes.compare import comparison_body, distinct_outlets, run_comparison
from api.schemas import (
    MAX_ID,
    StoryCompareQuerySchema,
    StoryComparisonSchema,
    StoryListSchema,
    StoryQuerySchema,
)
from framing.store.compare import Selection
from framing.store.stories import StoryFilters, find_stories, get_story
from framing.store.versions import current_analyzer_version

blp = Blueprint("stories", __name__, url_prefix="/v1/stories", description="Articles about the same event, across outlets.")


@blp.route("")
@blp.arguments(StoryQuerySchema, location="query")
@blp.response(200, StoryListSchema)
def list_stories(query: dict):
    """List stories

    Groups of stored articles about the same event, as the last `framing stories build`
    found them (articles stored since are in no story until the next build). Latest first.
    """
    filters = StoryFilters(outlets=query.get("outlet"), since=query.get("from_"), until=query.get("to"), min_outlets=query["min_outlets"])
    with current_app.extensions["framing_db"].session() as session:
        total, stories = find_stories(session, filters, page=query["page"], page_size=query["page_size"])
    return {"total": total, "page": query["page"], "page_size": query["page_size"], "stories": [asdict(story) for story in stories]}


@blp.route("/<int:story_id>/compare")
@blp.arguments(StoryCompareQuerySchema, location="query")
@blp.response(200, StoryComparisonSchema)
@blp.alt_response(404, response="NOT_FOUND")
def compare_story(query: dict, story_id: int):
    """Compare the outlets covering a story

    As `GET /v1/compare`, over the story's articles only: how each outlet sourced, hedged,
    labelled and worded its coverage of the same event.
    """
    with current_app.extensions["framing_db"].session() as session:
        story = get_story(session, story_id) if story_id <= MAX_ID else None
    if story is None:
        raise ApiError(404, "story_not_found", f"no story has id {story_id}; story ids change when `framing stories build` runs")
    selection = Selection(
        outlets=distinct_outlets(query["outlets"], 1) if "outlets" in query else story.outlets,
        analyzer_version=query.get("analyzer_version") or current_analyzer_version(), actor=query.get("actor"), story_id=story.id,
    )
    return {"story": asdict(story), "comparison": comparison_body(run_comparison(selection, query["limit"]), selection)}
