"""``/v1/articles``: store articles with their reports, list, read and delete them.

Posting analyses the article (unless its key already holds the same text and title)
and stores article, report and metric rows in one transaction; see
``framing.store.articles`` for what counts as the same article. The body is one article
or a list of them; in a list each item succeeds or fails on its own, as in
``POST /v1/analyze/batch``.
"""
from __future__ import annotations

from flask import current_app, g, request
from flask.views import MethodView
from marshmallow import ValidationError
from sqlalchemy.exc import IntegrityError

from api import examples
from api.auth import requires_key
from api.errors import ApiError, error_body, flatten_messages, framing_error_body
from api.extract import extract_article
from api.limits import check_batch
from api.routes import Blueprint, links
from api.schemas import ArticleDetailSchema, ArticleInSchema, ArticleListSchema, ArticleQuerySchema
from framing.errors import FramingError
from framing.store.articles import CREATED, REVISED, ArticleInput, ReportNeeded, Stored, delete_article, save, snapshots
from framing.store.ingest import analyse
from framing.store.models import Article, ArticleRevision, as_utc
from framing.store.search import ArticleFilters, InvalidCursor, find_articles, get_article

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Stored articles and their reports.")

MAX_ID = 2**31 - 1  # larger ids cannot exist, and SQLite cannot even compare them
_JSON = "application/json"


def _db():
    return current_app.extensions["framing_db"]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _as_input(article: dict) -> ArticleInput:
    published_at = article["published_at"]
    if published_at is None:  # 0001-01-01T00:30:00+01:00 is a valid date-time, in year 0 in UTC
        message = "published_at falls outside years 1 to 9999 once in UTC"
        raise ApiError(422, "date_out_of_range", message, {"published_at": [message]})
    if "html" in article:
        extracted = extract_article(article["html"])
        text, title = extracted.text, article.get("title") or extracted.title
    else:
        text, title = article["text"], article.get("title")
    return ArticleInput.build(
        outlet=article["outlet"], published_at=published_at,
        text=text, title=title, url=article.get("url"), client_id=article.get("id"), html=article.get("html"),
    )


def _store(article: dict) -> dict:
    """Analyse if needed, then store; the result as documented by ArticleStored."""
    item = _as_input(article)
    database = _db()
    with database.session() as session:
        stored_before = snapshots(session, [item.key]).get(item.key)
    report = None
    if stored_before is None or not stored_before.same_content(item):
        report = analyse(item, current_app.config["FRAMING"].max_text_chars)
    try:
        stored = _save(item, report)
    except (IntegrityError, ReportNeeded):  # another request stored or changed this key meanwhile
        report = report or analyse(item, current_app.config["FRAMING"].max_text_chars)
        stored = _save(item, report)
    if stored.status in (CREATED, REVISED):
        stored_report = report
    else:
        with database.session() as session:
            stored_report = session.get(ArticleRevision, session.get(Article, stored.article_id).current_revision_id).report
    return {"id": stored.article_id, "key": item.key, "revision": stored.revision, "status": stored.status,
            "report": _report(stored_report, item.text if item.html else None)}


def _save(item: ArticleInput, report: dict | None) -> Stored:
    with _db().session() as session:
        return save(session, item, report)


def _report(report: dict, extracted_text: str | None = None) -> dict:
    """Stored reports use code-point offsets; a report of extracted HTML carries its text, as in /v1/analyze."""
    return {"offsets": "codepoint", **({"text": extracted_text} if extracted_text is not None else {}), **report}


def _parse_body() -> dict | list:
    body = blp.ARGUMENTS_PARSER.load_json(request, ArticleInSchema())  # malformed JSON is a 400 here
    if not isinstance(body, (dict, list)):
        raise ApiError(422, "validation_error", "the body must be an article object or a list of them",
                       {"_schema": ["expected an object or an array of objects"]})
    return body


def _validated(body: dict | list) -> dict | list[dict]:
    """The article or articles as the document describes them, or a 422 naming every field that is not."""
    if body == []:
        raise ApiError(422, "validation_error", "the list is empty", {"_schema": ["give at least one article"]})
    try:
        return ArticleInSchema(many=isinstance(body, list)).load(body)
    except ValidationError as error:
        raise ApiError(422, "validation_error", "the request is not valid; see details", flatten_messages(error.messages)) from error


def _store_item(index: int, article: dict) -> dict:
    try:
        result = _store(article)
    except ApiError as error:
        body = error_body(error.code, error.message, error.details)
    except FramingError as error:
        body, status = framing_error_body(error)
        if status >= 500:
            raise
    except Exception:  # one article that trips a bug must not cost the caller the others
        current_app.logger.exception("article %d failed, request_id=%s", index, g.get("request_id"))
        body = error_body("internal_error", "internal server error storing this item; quote the request id when reporting it")
    else:
        return {"index": index, "ok": True, **result}
    return {"index": index, "ok": False, "error": body}


def _summary(article: Article, revision: int, analyzer_version: str) -> dict:
    return {
        "id": article.id, "key": article.key, "outlet": article.outlet, "url": article.url, "title": article.title,
        "published_at": as_utc(article.published_at), "revision": revision, "analyzer_version": analyzer_version,
        "created_at": as_utc(article.created_at), "updated_at": as_utc(article.updated_at),
    }


def _not_found(article_id: int) -> ApiError:
    return ApiError(404, "article_not_found", f"no stored article has id {article_id}")


_UPLOAD_DOC = {
    "requestBody": {
        "required": True,
        "content": {_JSON: {"schema": {"oneOf": [_ref("ArticleIn"), _ref("ArticleInList")]}, "examples": {
            "one": {"summary": "One article", "value": examples.ARTICLE_IN},
            "several": {"summary": "A list of articles", "value": [examples.ARTICLE_IN, {**examples.ARTICLE_IN, "id": "example-2"}]},
        }}},
    },
    "responses": {
        "201": {"description": "A new article was stored (one article sent).", "content": {_JSON: {"schema": _ref("ArticleStored")}},
                "links": links("article_id", "id", {"GetArticle": "get_article", "DeleteArticle": "delete_article"})},
        "200": {"description": "One article sent and stored already (`revised`, `updated` or `unchanged`); or a list sent: "
                               "one result per item, in order.",
                "content": {_JSON: {"schema": {"oneOf": [_ref("ArticleStored"), _ref("ArticleBatchStored")]}}}},
    },
}


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleQuerySchema, location="query")
    @blp.response(200, ArticleListSchema)
    def get(self, query: dict):
        """List stored articles

        Newest published first, `limit` at a time; pass the response's `next_cursor` as
        `cursor` for the next page (any page costs what the first does). Filters combine
        with AND. `total` is counted only with `total=true`: on a large store counting every
        match costs more than the page.
        """
        filters = ArticleFilters(
            outlets=query.get("outlet"), since=query.get("from_"), until=query.get("to"),
            actor=query.get("actor"), q=query.get("q"),
        )
        try:
            with _db().session() as session:
                page = find_articles(session, filters, query["limit"], query.get("cursor"), count_total=query["total"])
                items = [_summary(row.article, row.revision, row.analyzer_version) for row in page.items]
        except InvalidCursor as error:  # a cursor is opaque to the document: any string is one
            raise ApiError(422, "invalid_cursor", str(error), {"cursor": [str(error)]}) from error
        return {"items": items, "total": page.total, "next_cursor": page.next_cursor}

    @requires_key("write")
    @blp.doc(**_UPLOAD_DOC)
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    @blp.alt_response(422, response="UNPROCESSABLE_ENTITY")
    def post(self):
        """Store articles with their reports

        One article object, or a list of them. An article's identity is its `id`, else its
        URL, else its text: sending an article again stores nothing new (`unchanged`); a
        changed text or title is stored as a new revision (`revised`) and analysed again.
        For a single article, errors are as for `POST /v1/analyze`. A list with an item that
        does not match the document is refused whole (422, details by `<index>.<field>`);
        otherwise each item has its own result, or the error that refused its text.
        """
        body = _validated(_parse_body())
        if isinstance(body, dict):
            result = _store(body)
            response = current_app.json.response(result)
            response.status_code = 201 if result["status"] == "created" else 200
            return response
        check_batch(body, "")
        results = [_store_item(index, item) for index, item in enumerate(body)]
        succeeded = sum(1 for result in results if result["ok"])
        return current_app.json.response({"items": results, "succeeded": succeeded, "failed": len(results) - succeeded})


@blp.route("/<int:article_id>")
class OneArticle(MethodView):
    @blp.doc(operationId="get_article")
    @blp.alt_response(200, schema=ArticleDetailSchema, success=True, description="The article, its current text and report.")
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, article_id: int):
        """Read one stored article with its report"""
        with _db().session() as session:
            found = get_article(session, article_id) if article_id <= MAX_ID else None
            if found is None:
                raise _not_found(article_id)
            article, revision = found
            body = {**_summary(article, revision.number, revision.analyzer_version), "text": revision.text,
                    "report": _report(revision.report)}
        return current_app.json.response(body)

    @requires_key("write")
    @blp.doc(operationId="delete_article")
    @blp.response(204)
    @blp.alt_response(404, response="NOT_FOUND")
    def delete(self, article_id: int):
        """Delete a stored article

        Its revisions, reports and metric rows go with it.
        """
        with _db().session() as session:
            deleted = article_id <= MAX_ID and delete_article(session, article_id)
        if not deleted:
            raise _not_found(article_id)

