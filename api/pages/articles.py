"""``/articles`` and ``/articles/<id>``: stored articles, filtered and paged, and one of them marked.

Listing uses the store's own search (``framing.store.search``), cursor paging included,
as ``GET /v1/articles`` does; one article shows its stored report over its stored text.
The list never counts its matches (a scan of them all: seconds at ten million articles);
it offers more while the cursor says there are more.
"""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from flask import current_app, render_template, request, url_for
from marshmallow import ValidationError

from api.pages import blp
from api.pages.cards import mark_report
from api.pages.forms import ARTICLES_PER_PAGE, ArticleFilterForm, error_lines, form_values
from api.pages.choices import stored_outlets
from api.routes.articles import MAX_ID
from framing.store.search import ArticleFilters, InvalidCursor, find_articles, get_article


def _db():
    return current_app.extensions["framing_db"]


@blp.get("/articles")
def articles():
    raw = form_values(request.args, lists=("outlet",))
    errors, query = [], {}
    try:
        query = ArticleFilterForm().load(raw)
    except ValidationError as error:
        errors = error_lines(error)
    filters = ArticleFilters(outlets=query.get("outlet"), since=query.get("from_"), until=query.get("to"),
                             actor=query.get("actor"), q=query.get("q"))
    with _db().session() as session:
        try:
            page = find_articles(session, filters, ARTICLES_PER_PAGE, query.get("cursor"), count_total=False)
        except InvalidCursor as error:
            errors.append(str(error))
            page = find_articles(session, filters, ARTICLES_PER_PAGE, count_total=False)
        outlets = stored_outlets(session)
    next_url = None
    if page.next_cursor:
        next_url = url_for("pages.articles", **{**raw, "cursor": page.next_cursor})
    unpaged = {name: value for name, value in raw.items() if name != "cursor"}
    api_query = {**raw, **({"outlet": ",".join(raw["outlet"])} if "outlet" in raw else {}), "limit": ARTICLES_PER_PAGE}
    return render_template("pages/articles.html", page=page, per_page=ARTICLES_PER_PAGE, filters=raw, errors=errors, outlets=outlets, next_url=next_url,
                           first_url=url_for("pages.articles", **unpaged), json_url="/v1/articles?" + urlencode(api_query))


def safe_link(url: str | None) -> str | None:
    """A stored URL as a link only when it is http(s): ``javascript:`` must never become one."""
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else None


@blp.get("/articles/<int:article_id>")
def article(article_id: int):
    with _db().session() as session:
        found = get_article(session, article_id) if article_id <= MAX_ID else None
        if found is None:
            return render_template("pages/error.html", title="Article not found",
                                   message=f"No stored article has id {article_id}."), 404
        stored, revision = found
        report, text, title = revision.report, revision.text, revision.title
        details = {"id": stored.id, "outlet": stored.outlet, "published_at": stored.published_at, "url": safe_link(stored.url),
                   "shown_url": stored.url, "revision": revision.number, "analyzer_version": revision.analyzer_version}
    marked_title, paragraphs = mark_report(report, text, title)
    return render_template("pages/article.html", article=details, title=title, report=report,
                           marked_title=marked_title, paragraphs=paragraphs)
