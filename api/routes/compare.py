"""``GET /v1/compare``: outlets side by side over the same stored articles.

The figures come from ``framing.store.compare``; this module reads the query, picks the
analyzer version and shapes the JSON (``comparison_body`` is shared with
``GET /v1/stories/<id>/compare``).
"""
from __future__ import annotations

from dataclasses import asdict

from flask import current_app

from api.errors import ApiError
from api.routes import Blueprint
from api.schemas import MAX_COMPARED_OUTLETS, CompareQuerySchema, ComparisonSchema
from framing.store.compare import MAX_WORD_DOCUMENTS, Comparison, Selection, compare
from framing.store.versions import current_analyzer_version

blp = Blueprint("compare", __name__, url_prefix="/v1", description="Outlets side by side.")


def run_comparison(selection: Selection, limit: int) -> Comparison:
    with current_app.extensions["framing_db"].session() as session:
        return compare(session, selection, limit=limit)


def distinct_outlets(names: list[str], minimum: int) -> list[str]:
    """The outlets asked for, each once, in order; 422 ``outlet_count`` unless there are
    ``minimum`` to ten of them (a count the document cannot state for a comma-separated list)."""
    outlets = list(dict.fromkeys(names))
    if not minimum <= len(outlets) <= MAX_COMPARED_OUTLETS:
        message = f"give {minimum} to {MAX_COMPARED_OUTLETS} different outlets; {len(outlets)} were given"
        raise ApiError(422, "outlet_count", message, {"outlets": [message]})
    return outlets


def comparison_body(result: Comparison, selection: Selection) -> dict:
    return {
        "analyzer_version": result.analyzer_version, "actor": selection.actor, "story": selection.story_id,
        "from_": selection.since, "to": selection.until,  # dumped as "from"
        "outlets": [asdict(outlet) for outlet in result.outlets],
        "words": {"alpha0": result.alpha0, "min_df": result.min_df, "max_documents": MAX_WORD_DOCUMENTS},
    }


@blp.route("/compare")
@blp.arguments(CompareQuerySchema, location="query")
@blp.response(200, ComparisonSchema)
def compare_outlets(query: dict):
    """Compare outlets' coverage

    For each outlet, over its stored articles matching the filters: sourcing by side and
    by source type, anonymous share, hedged-attribution rate, loaded-term rates and top
    terms, sentiment toward the most mentioned actors and the labels it uses for them, and
    the words that most distinguish its articles from the other outlets' (weighted log-odds
    with an informative Dirichlet prior, with z-scores). Rates are pooled over articles.
    Only reports of one analyzer version are read: the current one unless
    `analyzer_version` names another.
    """
    selection = Selection(
        outlets=distinct_outlets(query["outlets"], 2), analyzer_version=query.get("analyzer_version") or current_analyzer_version(),
        actor=query.get("actor"), story_id=query.get("story"), since=query.get("from_"), until=query.get("to"),
    )
    return comparison_body(run_comparison(selection, query["limit"]), selection)
