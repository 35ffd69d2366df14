"""``GET /v1/lexicons`` and ``GET /v1/lexicons/<name>``: the data the analysis matches against.

Readers of a report ask "why is this word loaded?"; the answer is a row in one of these
files, so the API shows the files as they are, with their versions.
"""
from __future__ import annotations

from api.routes import Blueprint

from api.errors import ApiError
from api.schemas import LexiconEntriesSchema, LexiconListSchema, LexiconQuerySchema
from framing import corpora

blp = Blueprint("lexicons", __name__, url_prefix="/v1/lexicons", description="The lexicons and gazetteer behind the analysis.")

# Per corpus: the column that ?category= filters on.
CATEGORY_FIELDS = {
    "reporting_verbs": "stance", "hedges": "category", "loaded_terms": "category",
    "actors": "type", "state_nouns": "kind", "source_nouns": "type",
    "titles": "gender", "name_words": "kind", "person_names": "female_share", "places": "kind",
}


def _describe(info: corpora.CorpusInfo) -> dict:
    return {
        "name": info.name, "version": info.version, "description": info.description, "entries": info.entries,
        "file": info.file, "documentation": info.file.rsplit(".", 1)[0] + ".md", "sources": info.sources,
        "columns": list(info.columns), "category_field": CATEGORY_FIELDS[info.name],
    }


def _table(name: str) -> corpora.Table:
    try:
        return corpora.table(name)
    except KeyError:
        raise ApiError(404, "unknown_lexicon", f"there is no lexicon named {name!r}; GET /v1/lexicons lists them") from None


@blp.route("")
@blp.response(200, LexiconListSchema)
def list_lexicons():
    """List the lexicons, with versions and sizes"""
    return {"lexicons": [_describe(info) for info in corpora.catalogue()]}


@blp.route("/<string:name>")
@blp.arguments(LexiconQuerySchema, location="query")
@blp.response(200, LexiconEntriesSchema)
@blp.alt_response(404, response="NOT_FOUND")
def lexicon_entries(query: dict, name: str):
    """Page through one lexicon's entries

    `?category=` keeps the entries whose category column (named in `category_field`:
    `category` for hedges and loaded terms, `stance` for reporting verbs, `type` for actors
    and source nouns, `kind` for state nouns and name words, `gender` for titles, `female_share` for
    person names) equals the value.
    """
    table = _table(name)
    column = CATEGORY_FIELDS[name]
    rows = [row for row in table.rows if "category" not in query or row[column] == query["category"]]
    first = (query["page"] - 1) * query["page_size"]
    return {
        "name": table.info.name, "version": table.info.version, "category_field": column,
        "total": len(rows), "page": query["page"], "page_size": query["page_size"],
        "entries": rows[first:first + query["page_size"]],
    }
