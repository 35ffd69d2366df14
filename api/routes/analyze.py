"""``POST /v1/analyze`` and ``POST /v1/analyze/batch``: articles in, framing reports out.

Reports go out through the app's JSON provider unchanged (see api/schemas.py for why
they are documented rather than dumped by marshmallow).
"""
from __future__ import annotations

from flask import current_app, g

from api import examples
from api.analysis import run_analysis
from api.errors import ApiError, error_body, framing_error_body
from api.limits import check_batch
from api.routes import Blueprint
from api.schemas import AnalyzeOptionsSchema, AnalyzeRequestSchema, BatchRequestSchema, BatchResponseSchema, ReportSchema
from framing.errors import FramingError

blp = Blueprint("analyze", __name__, url_prefix="/v1/analyze", description="Analyse articles.")


@blp.route("", methods=["POST"])
@blp.arguments(AnalyzeOptionsSchema, location="query")
@blp.arguments(AnalyzeRequestSchema, example=examples.ANALYZE)
@blp.alt_response(200, schema=ReportSchema, success=True, description="The framing report.")
@blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
@blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
def analyze(options: dict, article: dict):
    """Analyse one article

    Give `text`, or `html` to have the article's main text extracted first. `profile` is the
    name of a stored actor profile (else of a bundled one, such as `syria-2015`) or a
    profile object. Errors in the text itself
    (`empty_text`, `html_not_supported`, `unsupported_language`, ...) are 422, a text over
    FRAMING_MAX_TEXT_CHARS is 413 `text_too_long`.
    """
    return current_app.json.response(run_analysis(article, options))


@blp.route("/batch", methods=["POST"])
@blp.arguments(AnalyzeOptionsSchema, location="query")
@blp.arguments(BatchRequestSchema, example=examples.BATCH)
@blp.alt_response(200, schema=BatchResponseSchema, success=True, description="One result per item, in order.")
@blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
@blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
def analyze_batch(options: dict, batch: dict):
    """Analyse several articles

    Each item is an analysis request as for `POST /v1/analyze`. A batch with an item that
    does not match the document is refused whole (422 `validation_error`, details by
    `items.<index>.<field>`). An item the analysis refuses (`unsupported_language`,
    `unknown_profile`, ...) gets its own error, with the code a single request would get;
    the others are analysed. More than FRAMING_MAX_BATCH_ITEMS items, or more than
    FRAMING_MAX_BATCH_CHARS characters of text and HTML in all, is 413 `batch_too_large`;
    an item's text over FRAMING_MAX_TEXT_CHARS is 413 `text_too_long` for the whole batch.
    """
    items = batch["items"]
    check_batch(items, "items.")
    results = [_analyze_item(index, item, options) for index, item in enumerate(items)]
    succeeded = sum(1 for result in results if result["ok"])
    return current_app.json.response({"items": results, "succeeded": succeeded, "failed": len(results) - succeeded})


def _analyze_item(index: int, item: dict, options: dict) -> dict:
    try:
        report = run_analysis(item, options)
    except ApiError as error:
        body = error_body(error.code, error.message, error.details)
    except FramingError as error:
        body, status = framing_error_body(error)
        if status >= 500:
            raise  # nothing in the batch can be analysed
    except Exception:  # one article that trips a bug must not cost the caller the others
        current_app.logger.exception("batch item %d failed, request_id=%s", index, g.get("request_id"))
        body = error_body("internal_error", "internal server error analysing this item; quote the request id when reporting it")
    else:
        return {"index": index, "ok": True, "report": report}
    return {"index": index, "ok": False, "error": body}
