"""``/v1/jobs``: analysis batches of any size and ingests of article lists, run by the workers.

``POST`` validates each item on its own (an invalid item becomes a failed item, never a
failed request), stores the job and its items in the database, sends its chunks and
answers 202 at once. With ``FRAMING_BROKER_URL`` set the chunks go to the Celery workers
(``framing worker``, on this machine or others); without it they run on a background
thread of this server process, one chunk after another: the same API and the same state,
for small volumes. ``GET`` reads the job's state and counts from the database (and sends
again the chunks of a job that has been quiet too long, ``framing.jobs.dispatch``);
``DELETE`` cancels what is not done yet and removes the job.

Starting and cancelling a job are writes (a job is stored, uses the workers, and an
ingest stores articles): they need a ``write`` key, whatever the job's kind. Reading a job
and its results follows the reads (open unless ``FRAMING_REQUIRE_KEYS_FOR_READS``).
"""
from __future__ import annotations

from flask import current_app, url_for
from flask.views import MethodView
from marshmallow import ValidationError

from api import examples
from api.auth import requires_key
from api.errors import ApiError, error_body, flatten_messages
from api.routes import Blueprint, links
from api.schemas import (
    AnalyzeRequestSchema,
    ArticleInSchema,
    JobRequestSchema,
    JobResultsQuerySchema,
    JobResultsSchema,
    JobSchema,
)
from framing.jobs import state
from framing.jobs.dispatch import resume_stalled
from framing.jobs.settings import quiet_for_from_env
from framing.store.models import Job, as_utc

blp = Blueprint("jobs", __name__, url_prefix="/v1/jobs", description="Background jobs: analysis and ingest by the workers.")

SHOWN_FAILURES = 100
_ITEM_SCHEMAS = {state.ANALYZE: AnalyzeRequestSchema, state.INGEST: ArticleInSchema}


def _db():
    return current_app.extensions["framing_db"]


def _sender():
    return current_app.extensions["framing_jobs"]


def _item(kind: str, position: int, raw: object) -> state.NewItem:
    """The item as the worker will read it, or a failed item saying what is wrong with it."""
    where = f"item {position}"
    try:
        if not isinstance(raw, dict):
            raise ValidationError({"_schema": ["each item must be an object"]})
        if "html" in raw:
            raise ValidationError({"html": ["jobs take `text`; send pages to POST /v1/articles, or extract their text first"]})
        fields = _ITEM_SCHEMAS[kind]().load(raw)
    except ValidationError as error:
        details = flatten_messages(error.messages)
        return state.NewItem(where, None, ("validation_error", "; ".join(f"{name}: {' '.join(messages)}" for name, messages in details.items())))
    if "published_at" in fields and not isinstance(fields["published_at"], str):
        fields["published_at"] = fields["published_at"].isoformat()
    return state.NewItem(where, fields)


def _body(session, job: Job) -> dict:
    counts = state.counts(session, job.id)
    return {
        "id": job.id, "kind": job.kind, "state": job.state, "created_at": as_utc(job.created_at), "finished_at": as_utc(job.finished_at),
        "counts": {"total": counts.total, "done": counts.done, "failed": counts.failed, "cancelled": counts.cancelled, "left": counts.left},
        "failures": [_failure(item) for item in state.failures(session, job.id, SHOWN_FAILURES)],
        "results": url_for("jobs.results", job_id=job.id),
    }


def _failure(item) -> dict:
    return {"position": item.position, "where": item.where, "key": item.key,
            "error": error_body(item.error_code, item.error_message)}


def _get_job(session, job_id: str) -> Job:
    job = session.get(Job, job_id) if len(job_id) <= 36 else None
    if job is None:
        raise ApiError(404, "job_not_found", f"no job has id {job_id!r}")
    return job


@blp.route("")
class Jobs(MethodView):
    @requires_key("write")
    @blp.doc(responses={202: {"links": links(  # an int key, as @blp.response uses, so the two merge
        "job_id", "id", {"GetJob": "get_job", "DeleteJob": "delete_job", "JobResults": "job_results"})}})
    @blp.arguments(JobRequestSchema, example=examples.JOB)
    @blp.response(202, JobSchema)
    @blp.alt_response(413, response="REQUEST_ENTITY_TOO_LARGE")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    def post(self, request: dict):
        """Start a job

        `analyze`: each item is an analysis request (as `POST /v1/analyze`, with `text`); the
        reports are kept with the job. `ingest`: each item is an article (as `POST
        /v1/articles`, with `text`); it is analysed and stored. Answers 202 with the job at
        once; follow it with `GET /v1/jobs/{id}`. An invalid item is a failed item of the job.
        """
        kind = request["kind"]
        items = [_item(kind, position, raw) for position, raw in enumerate(request["items"])]
        database = _db()
        with database.session() as session:
            job_id, chunks = state.create_job(session, kind, items)
        _sender().send(database, job_id, list(range(chunks)))
        with database.session() as session:
            body = _body(session, session.get(Job, job_id))
        response = current_app.json.response(JobSchema().dump(body))
        response.status_code = 202
        response.headers["Location"] = url_for("jobs.OneJob", job_id=job_id)
        return response


@blp.route("/<job_id>")
class OneJob(MethodView):
    @blp.doc(operationId="get_job")
    @blp.response(200, JobSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, job_id: str):
        """Read a job: state, counts, failures, where the results are"""
        database = _db()
        with database.session() as session:
            running = _get_job(session, job_id).state == state.RUNNING
        if running:
            resume_stalled(database, _sender(), job_id, quiet_for_from_env())
        with database.session() as session:
            return _body(session, _get_job(session, job_id))

    @requires_key("write")
    @blp.doc(operationId="delete_job")
    @blp.response(200, JobSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def delete(self, job_id: str):
        """Cancel and remove a job

        Items not processed yet are `cancelled` and no worker starts them; what is done
        stays done (an ingest's articles stay stored). The answer is the job as it ended,
        with its counts; then the job and its results are gone (404): read the results
        first if you need them. A finished job is removed the same way, with its reports.
        """
        with _db().session() as session:
            job = _get_job(session, job_id)
            state.cancel(session, job_id)
            body = _body(session, job)
            state.forget(session, job_id)
        return body


@blp.route("/<job_id>/results")
@blp.doc(operationId="job_results")
@blp.arguments(JobResultsQuerySchema, location="query")
@blp.response(200, JobResultsSchema)
@blp.alt_response(404, response="NOT_FOUND")
def results(query: dict, job_id: str):
    """A job's items with their outcomes, in order

    Ingest: the stored article's id and whether it was created, revised, updated or found
    unchanged; analyze: the report. Failed items carry their error.
    """
    with _db().session() as session:
        _get_job(session, job_id)
        rows = state.results(session, job_id, query["limit"] + 1, query["after"])
        items = [{
            "position": item.position, "where": item.where, "status": item.status, "key": item.key, "outcome": item.outcome,
            "article_id": item.article_id, "report": {"offsets": "codepoint", **item.report} if item.report else None,
            "error": error_body(item.error_code, item.error_message) if item.error_code else None,
        } for item in rows[:query["limit"]]]
    more = len(rows) > query["limit"]
    return current_app.json.response({"items": items, "next_after": items[-1]["position"] if more else None})
