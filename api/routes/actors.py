"""``GET /v1/actors``: the default gazetteer, for building profiles and checking names."""
from __future__ import annotations

from api.routes import Blueprint

from api.schemas import ActorListSchema, ActorQuerySchema
from framing import corpora

blp = Blueprint("actors", __name__, url_prefix="/v1/actors", description="The default actor gazetteer.")


def _matches(actor, needle: str) -> bool:
    names = (actor.id, actor.name, *actor.aliases, *actor.demonyms, *actor.metonyms)
    return any(needle in name.lower() for name in names)


@blp.route("")
@blp.arguments(ActorQuerySchema, location="query")
@blp.response(200, ActorListSchema)
def list_actors(query: dict):
    """Search the default gazetteer

    `q` matches, case-insensitively, any part of an actor's id, name, aliases, demonyms
    or metonyms ("Kremlin" finds Russia). Each actor's `side` is its default side: itself,
    or the state it belongs to.
    """
    needle = query.get("q", "").lower()
    actors = [
        actor for actor in corpora.gazetteer().actors.values()
        if (not needle or _matches(actor, needle)) and query.get("type") in (None, actor.type)
    ]
    first = (query["page"] - 1) * query["page_size"]
    return {
        "total": len(actors), "page": query["page"], "page_size": query["page_size"],
        "actors": [
            {"id": a.id, "name": a.name, "type": a.type, "state": a.state, "aliases": list(a.aliases),
             "demonyms": list(a.demonyms), "metonyms": list(a.metonyms), "side": a.side}
            for a in actors[first:first + query["page_size"]]
        ],
    }
