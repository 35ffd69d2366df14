"""The web pages: the analysed article marked up, stored articles, and the outlet dashboard.

Server-rendered Jinja templates (autoescaped) with a little plain JavaScript per page, as
Datasette does; the one JavaScript library, Chart.js, is vendored under ``static/vendor``
with its licence. The pages arrange what the report and the store already computed
(``framing.analyze``, ``framing.store``); they find nothing themselves. They only read and
analyse (an analysis through the page stores nothing), so they need no API key.

This blueprint is registered on the Flask app, not on flask-smorest's ``Api``, so the
OpenAPI document describes the JSON API only.
"""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from werkzeug.exceptions import HTTPException

from api.pages import glossary
from api.pages.security import add_security_headers, is_cross_site

blp = Blueprint("pages", __name__, template_folder="templates", static_folder="static", static_url_path="/-/static")  # as Datasette; the app keeps /static


@blp.before_request
def _refuse_cross_site_posts():
    if is_cross_site(request):
        abort(403, "this form can only be sent from this site's own pages")


@blp.errorhandler(HTTPException)
def _error_page(error: HTTPException):
    """A page's error as a page (the JSON API's errors stay JSON)."""
    return render_template("pages/error.html", title=error.name, message=error.description), error.code


blp.after_request(add_security_headers)
blp.add_app_template_filter(glossary.words, "words")

from api.pages import analyze, articles, dashboard  # noqa: E402,F401  (their routes join blp)
