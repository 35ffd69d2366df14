"""``GET /v1/trends`` and ``GET /v1/metrics``: stored framing metrics over time, per outlet.

The figures come from ``framing.store.trends``; this module only reads the query, picks
the analyzer version and writes JSON or CSV.
"""
from __future__ import annotations

import csv
import io

from flask import Response, current_app, request
from sqlalchemy import func, select

from api.errors import ApiError
from api.routes import Blueprint
from api.schemas import MetricListSchema, TrendQuerySchema, TrendSchema
from framing.store.models import Article, ArticleRevision
from framing.store.trends import METRICS, TooManyPeriods, trend, with_empty_periods
from framing.store.versions import current_analyzer_version

blp = Blueprint("trends", __name__, url_prefix="/v1", description="Framing metrics over time.")

CSV_COLUMNS = ("outlet", "period", "value", "articles")


def _wants_csv(query: dict) -> bool:
    if "format" in query:
        return query["format"] == "csv"
    return request.accept_mimetypes.best_match(["application/json", "text/csv"]) == "text/csv"


def _csv(series) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in series:
        for point in line.points:
            writer.writerow((line.outlet, point.period.isoformat(), "" if point.value is None else point.value, point.articles))
    return Response(buffer.getvalue(), mimetype="text/csv")


@blp.route("/trends")
@blp.arguments(TrendQuerySchema, location="query")
@blp.response(200, TrendSchema)
@blp.doc(responses={200: {"content": {"text/csv": {"schema": {"type": "string", "description": "Columns: " + ", ".join(CSV_COLUMNS) + "."}}}}})
def trends(query: dict):
    """A metric over time, one series per outlet

    Only reports made by one analyzer version are aggregated: the current one unless
    `analyzer_version` names another. A period is named by its first day; periods without
    articles are left out unless `fill=true`. Actor metrics need `actor` (422 `actor_required` without it).
    """
    if query.get("from_") and query.get("to") and query["from_"] > query["to"]:
        raise ApiError(422, "invalid_date_range", "'from' is after 'to'", {"from": ["after 'to'"]})
    metric = METRICS[query["metric"]]
    if metric.needs_actor and not query.get("actor"):
        raise ApiError(422, "actor_required", f"the metric {metric.name!r} is about one actor: give actor=<id>",
                       {"actor": ["required by this metric"]})
    version = query.get("analyzer_version") or current_analyzer_version()
    with current_app.extensions["framing_db"].session() as session:
        series = trend(
            session, metric, analyzer_version=version, interval=query["interval"], outlets=query.get("outlet"),
            actor=query.get("actor") if metric.needs_actor else None, since=query.get("from_"), until=query.get("to"),
        )
    if query["fill"]:
        try:
            series = with_empty_periods(series, query["interval"], query.get("from_"), query.get("to"), query.get("outlet"))
        except TooManyPeriods as error:
            raise ApiError(422, "too_many_periods", str(error), {"fill": [str(error)]}) from error
    if _wants_csv(query):
        return _csv(series)
    return {
        "metric": metric.name, "interval": query["interval"], "analyzer_version": version,
        "actor": query.get("actor") if metric.needs_actor else None,
        "series": [{"outlet": line.outlet, "points": [point.__dict__ for point in line.points]} for line in series],
    }


@blp.route("/metrics")
@blp.response(200, MetricListSchema)
def metrics():
    """The metrics `GET /v1/trends` can chart, and the analyzer versions stored"""
    with current_app.extensions["framing_db"].session() as session:
        stored = session.execute(
            select(ArticleRevision.analyzer_version, func.count())
            .join(Article, Article.current_revision_id == ArticleRevision.id)
            .group_by(ArticleRevision.analyzer_version).order_by(ArticleRevision.analyzer_version)
        ).all()
    return {
        "metrics": [
            {"name": metric.name, "description": metric.description, "table": metric.table.__tablename__, "needs_actor": metric.needs_actor}
            for metric in METRICS.values()
        ],
        "analyzer_version": current_analyzer_version(),
        "stored_versions": [{"analyzer_version": version, "articles": count} for version, count in stored],
    }
