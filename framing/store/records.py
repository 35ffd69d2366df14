"""Articles from files: JSON Lines or CSV records, checked and turned into ``ArticleInput``.

The fields are those of ``POST /v1/articles``: ``outlet``, ``published_at`` (or
``published`` / ``date``, as datasets name it), ``text``, and optionally ``title``, ``url``
and ``id``. A record that lacks one or holds a bad value is reported with its line number
instead of stopping the file.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from framing.store.articles import ArticleInput, utc
from framing.store.models import OUTLET_LENGTH

DATE_FIELDS = ("published_at", "published", "date")


class InvalidRecord(ValueError):
    code = "invalid_record"


@dataclass(frozen=True)
class Record:
    line: int  # 1-based line (JSONL) or row (CSV, header excluded) in the file
    fields: dict | None  # None when the line is not a JSON object
    problem: str | None = None


def file_format(path: Path, given: str | None) -> str:
    if given:
        return given
    return "csv" if path.suffix.lower() == ".csv" else "jsonl"


def read_records(path: Path, fmt: str) -> Iterator[Record]:
    if fmt == "csv":
        csv.field_size_limit(sys.maxsize)  # article texts exceed the default 128 KiB cell
        with path.open(encoding="utf-8-sig", newline="") as file:
            for number, row in enumerate(csv.DictReader(file), start=1):
                yield Record(number, {name: value for name, value in row.items() if name and value not in (None, "")})
        return
    with path.open(encoding="utf-8-sig") as file:
        for number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield Record(number, None, f"not valid JSON: {error.msg}")
                continue
            yield Record(number, value, None) if isinstance(value, dict) else Record(number, None, "not a JSON object")


def count_records(path: Path, fmt: str) -> int:
    """For the progress bar: records in the file, counted without parsing JSON."""
    if fmt == "csv":
        return sum(1 for _ in read_records(path, fmt))
    with path.open("rb") as file:
        return sum(1 for line in file if line.strip())


def parse_datetime(value: str) -> datetime:
    """ISO 8601 date or date-time, as UTC (a time without a zone is taken as UTC)."""
    try:
        return utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except (ValueError, OverflowError) as error:
        raise InvalidRecord(f"published_at must be an ISO 8601 date or date-time, not {value!r}") from error


def to_input(record: Record) -> ArticleInput:
    if record.fields is None:
        raise InvalidRecord(record.problem or "empty record")
    fields = record.fields

    def text_field(name: str, required: bool = False, limit: int | None = None) -> str | None:
        value = fields.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise InvalidRecord(f"'{name}' is missing")
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise InvalidRecord(f"'{name}' must be a string")
        value = str(value)
        if limit and len(value) > limit:
            raise InvalidRecord(f"'{name}' is longer than {limit} characters")
        return value

    date = next((fields[name] for name in DATE_FIELDS if fields.get(name)), None)
    if not isinstance(date, str):
        raise InvalidRecord("'published_at' (or 'published' or 'date') is missing")
    return ArticleInput.build(
        outlet=text_field("outlet", required=True, limit=OUTLET_LENGTH).strip(),
        published_at=parse_datetime(date),
        text=text_field("text", required=True),
        title=text_field("title"),
        url=text_field("url", limit=2048),
        client_id=text_field("id", limit=400),
    )
