"""``/``: paste an article and see its report marked on the text; or open a stored one.

The analysis is the API's own (``api.analysis.run_analysis``), so the page shows, and its
JSON button returns, exactly what ``POST /v1/analyze`` would. Nothing is stored.
"""
from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from marshmallow import ValidationError

from api.analysis import run_analysis
from api.errors import ApiError
from api.pages import blp
from api.pages.cards import mark_report
from api.pages.forms import form_values
from api.schemas import AnalyzeRequestSchema
from framing.errors import FramingError
from framing.profiles import bundled_profiles
from framing.store.search import ArticleFilters, find_articles

FIELDS = ("title", "text", "outlet", "published_at", "profile")
RECENT_ARTICLES = 10
_FULL_REPORT = {"offsets": "codepoint", "sentences": True, "paragraph_text": True}


def _recent_articles() -> list:
    with current_app.extensions["framing_db"].session() as session:
        return [row.article for row in find_articles(session, ArticleFilters(), RECENT_ARTICLES, count_total=False).items]


def _page(form: dict, status: int = 200, errors: list[str] | None = None, report: dict | None = None):
    marked_title, paragraphs = mark_report(report, form["text"], form.get("title")) if report else (None, [])
    body = render_template(
        "pages/analyze.html", form=form, errors=errors or [], report=report, marked_title=marked_title,
        paragraphs=paragraphs, profiles=sorted(bundled_profiles()), recent=_recent_articles(),
    )
    return body, status


@blp.get("/")
def analyze_form():
    if request.args.get("article", "").isdigit():
        return redirect(url_for("pages.article", article_id=int(request.args["article"])))
    return _page({})


@blp.post("/")
def analyze():
    form = form_values(request.form)
    wants_json = form.pop("format", None) == "json"
    submitted = {name: form[name] for name in FIELDS if name in form}
    if "text" not in submitted:
        return _page(submitted, 422, ["Paste the article's text into the Text box."])
    try:
        report = run_analysis(AnalyzeRequestSchema().load(submitted), _FULL_REPORT)
    except ValidationError as error:
        messages = [f"{name}: {' '.join(text)}" for name, text in error.normalized_messages().items()]
        return _page(submitted, 422, messages)
    except (ApiError, FramingError) as error:
        return _page(submitted, 413 if error.code == "text_too_long" else 422, [error.message])
    if wants_json:
        return current_app.json.response(report)
    return _page(submitted, report=report)
