"""The pages' forms and query strings, validated at the edge with marshmallow like the API's.

HTML forms send every field, filled or not, and repeat a name for each ticked box
(``outlet=a&outlet=b``); :func:`form_values` turns that into what a schema expects: empty
fields left out, repeated names as lists. The analyse form is then checked with the API's
own ``AnalyzeRequestSchema``, so the page accepts exactly what ``POST /v1/analyze`` does.
"""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from werkzeug.datastructures import MultiDict

from framing.store.trends import INTERVALS, METRICS

ARTICLES_PER_PAGE = 20
STORIES_PER_PAGE = 10
MAX_COMPARED_OUTLETS = 10  # as GET /v1/compare allows


def form_values(data: MultiDict, lists: tuple[str, ...] = ()) -> dict:
    values = {}
    for name in data:
        given = [value.strip() for value in data.getlist(name) if value.strip()]
        if given:
            values[name] = given if name in lists else given[0]
    return values


def _name(length: int = 200) -> fields.String:
    return fields.String(validate=validate.Length(1, length))


class _DateRange(Schema):
    from_ = fields.Date(data_key="from")
    to = fields.Date()

    @validates_schema
    def _in_order(self, data, **_kwargs):
        if data.get("from_") and data.get("to") and data["from_"] > data["to"]:
            raise ValidationError("'from' is after 'to'", "to")


class ArticleFilterForm(_DateRange):
    outlet = fields.List(_name(), validate=validate.Length(max=50))
    actor = _name()
    q = _name()
    cursor = _name()


class DashboardForm(_DateRange):
    metric = fields.String(load_default="hedged_attribution_rate", validate=validate.OneOf(list(METRICS)))
    interval = fields.String(load_default="month", validate=validate.OneOf(INTERVALS))
    outlet = fields.List(_name(), validate=validate.Length(max=MAX_COMPARED_OUTLETS))
    actor = _name()
    stories_page = fields.Integer(load_default=1, validate=validate.Range(1, 100_000))


def error_lines(error: ValidationError) -> list[str]:
    """marshmallow's messages as sentences for the page: ``to: 'from' is after 'to'``."""
    lines = []
    for name, messages in sorted(error.normalized_messages().items()):
        if isinstance(messages, dict):
            messages = [message for nested in messages.values() for message in nested]
        for message in messages:
            lines.append(message if name == "_schema" else f"{name.rstrip('_')}: {message}")
    return lines
