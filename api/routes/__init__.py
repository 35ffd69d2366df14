"""One blueprint per resource; :func:`api.create_app` registers them all.

Request bodies are parsed with orjson rather than the standard library: it rejects lone
UTF-16 surrogates (``"\\ud800"``), which no response could encode, and nesting deeper than
1,024 levels, which would otherwise exhaust the recursion limit; both are then plain 400s.
"""
from __future__ import annotations

import json

import flask_smorest
import orjson
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request


class OrjsonParser(FlaskParser):
    def _raw_load_json(self, req):
        if not is_json_request(req):
            return core.missing
        body = req.get_data(cache=True)
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError as error:
            if not body:
                raise  # an empty body counts as no body, as in webargs
            # orjson leaves ``doc`` empty for invalid UTF-8, which webargs would take for "no body"
            raise json.JSONDecodeError(error.msg, body.decode("utf-8", "replace"), error.pos) from error


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = OrjsonParser()


def links(parameter: str, field: str, operations: dict[str, str]) -> dict:
    """OpenAPI links from a response to the operations that take what it made, by name
    (``{"GetJob": "get_job"}``): clients, and schemathesis's stateful phase, follow them."""
    return {name: {"operationId": operation, "parameters": {parameter: f"$response.body#/{field}"}}
            for name, operation in operations.items()}
