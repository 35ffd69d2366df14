"""A check schemathesis runs beside its own (``schemathesis.toml`` loads this module).

The document cannot say everything the server checks: that a text is English, that a
profile's actor ids exist, that ``from`` is not after ``to``. Such a request is valid by
the document and refused with 422 and a code naming the reason (``unsupported_language``,
``invalid_profile``, ``invalid_date_range``...), so ``positive_data_acceptance`` accepts 422.
This check keeps that allowance honest: a request the document allows must never be
refused as *invalid* (``validation_error``), which would mean the document and the server
disagree about the shape of a request.
"""
from __future__ import annotations

import json

import schemathesis


@schemathesis.check
def schema_valid_requests_pass_validation(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError("a 422 without a JSON error body") from None
    if body.get("code") == "validation_error":
        raise AssertionError(f"a request the document allows was refused as invalid: {body.get('details')}")
    return None
