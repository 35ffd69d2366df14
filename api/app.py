"""The application factory: configuration, database, limits, CORS, blueprints, docs."""
from __future__ import annotations

import logging

from flask import Flask, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_smorest import Api
from werkzeug.middleware.proxy_fix import ProxyFix

import framing
from api.auth import SecurityDocs, rate_limit_key, register_auth
from api.config import Settings
from api.errors import register_error_handlers
from api.json_provider import OrjsonProvider
from api.middleware import register_middleware
from api import pages
from api.routes import actors, analyze, articles, docs, health, lexicons, profiles, trends
from api.routes import compare, jobs, stories
from api.schemas import (
    ONE_INPUT,
    ActorProfileSchema,
    AnalyzeRequestSchema,
    ArticleBatchStoredSchema,
    ArticleInSchema,
    ArticleStoredSchema,
    BatchRequestSchema,
    ErrorSchema,
)
from framing.errors import FramingError
from framing.jobs.dispatch import dispatcher
from framing.store import Database

log = logging.getLogger("api")

# Analysed once at start-up so every lexicon, index and the sentiment model are loaded
# before the first request (and, with gunicorn's preload, before workers fork).


class FramingApi(Api):
    """flask-smorest's Api with this service's error shape, documented and handled."""

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self):
        register_error_handlers(self._app)


def _description(settings: Settings) -> str:
    return (
        "How a news article frames its story: attribution, sourcing balance, loaded terms, hedges and "
        "actor sentiment, paragraph by paragraph, with character offsets.\n\n"
        "Every error has the body `{code, message, details, request_id}`.\n\n"
        f"Limits on this server: request body {settings.max_body_bytes:,} bytes (413 `payload_too_large`), "
        f"article text {settings.max_text_chars:,} characters (413 `text_too_long`), "
        f"batch {settings.max_batch_items} items and {settings.max_batch_chars:,} characters (413 `batch_too_large`), "
        + (f"rate limit {settings.rate_limit} per API key, else per client address (429 `rate_limited`)." if settings.rate_limit
           else "no rate limit.")
        + "\n\nWrites (storing, replacing or deleting articles and profiles) need an API key of scope `write` or `admin`, "
        "sent as `Authorization: Bearer <key>` (401 without one, 403 with a `read` key); "
        + ("reads and analyses need a key of scope `read` or better on this server." if settings.require_keys_for_reads
           else "reads and analyses are open on this server.")
        + " An operator makes keys with `framing keys create --scope write`."
    )


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.json = OrjsonProvider(app)
    app.config.update(
        FRAMING=settings,
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        API_TITLE="framing",
        API_VERSION=framing.ANALYZER_VERSION,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        OPENAPI_SWAGGER_UI_URL=docs.ASSETS_URL,
        # the analyse page posts an article as a form: allow as much as the JSON body limit
        MAX_FORM_MEMORY_SIZE=settings.max_body_bytes,
        API_SPEC_OPTIONS={"info": {"description": _description(settings)}},
    )
    register_middleware(app)
    if settings.trusted_proxies > 0:
        # Behind nginx or a load balancer every request comes from the proxy's address:
        # believe the last N hops of X-Forwarded-For (and -Proto, -Host) so rate limits and
        # logs see the client. Off by default, or any client could pick its own address.
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    database = Database(settings.database_url)
    database.upgrade()  # migrations only add; see framing/store/migrations
    app.extensions["framing_db"] = database
    app.extensions["framing_jobs"] = dispatcher(settings.broker_url, settings.queue)

    Limiter(
        rate_limit_key, app=app,
        default_limits=[settings.rate_limit] if settings.rate_limit else [],
        default_limits_exempt_when=lambda: not (request.path.startswith("/v1/") or request.endpoint == "pages.analyze"),
        storage_uri=settings.rate_limit_storage, headers_enabled=True,
    )
    if settings.cors_origin_list:
        CORS(app, resources={r"/v1/*": {"origins": settings.cors_origin_list}, r"/openapi.json": {"origins": "*"}},
             expose_headers=["X-Request-ID", "Retry-After"])

    register_auth(app)  # after the limiter: a flood of unauthorised requests is limited too

    api = FramingApi(app, spec_kwargs={"extra_plugins": [SecurityDocs(settings.require_keys_for_reads)]})
    api.spec.components.schema("ActorProfile", schema=ActorProfileSchema)
    # referenced by hand where a body is one thing or a list of them (POST /v1/articles)
    for name, schema in (("ArticleStored", ArticleStoredSchema), ("ArticleBatchStored", ArticleBatchStoredSchema)):
        api.spec.components.schema(name, schema=schema)
    _register_request_bodies(api, settings)
    for module in (analyze, articles, trends, profiles, lexicons, actors, health):
        api.register_blueprint(module.blp)
    for module in (compare, stories, jobs):
        api.register_blueprint(module.blp)
    app.register_blueprint(docs.blp)
    app.register_blueprint(pages.blp)  # HTML pages: on the app, not the Api, so OpenAPI lists the JSON API only
    _warm_up()
    return app


def _register_request_bodies(api: Api, settings: Settings) -> None:
    """The request bodies, with what marshmallow cannot document: exactly one of ``text``
    and ``html``, and this server's limits. Registered before the blueprints, which then
    refer to these components."""
    schemas = api.spec.components.schemas
    for name, schema in (("AnalyzeRequest", AnalyzeRequestSchema), ("ArticleIn", ArticleInSchema)):
        api.spec.components.schema(name, ONE_INPUT, schema=schema)
        schemas[name]["properties"]["text"]["maxLength"] = settings.max_text_chars
    api.spec.components.schema("BatchRequest", schema=BatchRequestSchema)
    schemas["BatchRequest"]["properties"]["items"]["maxItems"] = settings.max_batch_items
    api.spec.components.schema("ArticleInList", {
        "type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}, "minItems": 1, "maxItems": settings.max_batch_items,
        "description": "Several articles, at most FRAMING_MAX_BATCH_ITEMS.",
    })


def _warm_up() -> None:
    try:
        framing.warm_up()
    except FramingError as error:
        log.error("analysis is unavailable until the corpora load (%s: %s); /readyz reports it", error.code, error.message)
