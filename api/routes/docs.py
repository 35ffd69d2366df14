"""Swagger UI's files, served by the app itself so ``/docs`` works with no internet access
(newsrooms and classrooms behind strict firewalls); flask-smorest renders the page."""
from __future__ import annotations

from flask import Blueprint, redirect, send_from_directory, url_for
from swagger_ui_bundle import swagger_ui_path

blp = Blueprint("docs_assets", __name__)

# The page at /docs loads "docs/assets/<file>", relative, so it works under a path prefix too.
ASSETS_URL = "docs/assets/"


@blp.route("/docs/assets/<path:filename>")
def asset(filename: str):
    return send_from_directory(str(swagger_ui_path), filename, max_age=86400)


@blp.route("/docs/")
def docs_with_slash():
    """``/docs/`` is the address people type; the page lives at ``/docs``, where its relative
    asset links resolve."""
    return redirect(url_for("api-docs.openapi_swagger_ui"), 301)
