"""Actors: who in an article can act or speak, and each place the article names them.

One module per step, run in this order by :func:`find_actor_mentions`:

* :mod:`.gazetteer`: look-ups in the gazetteer and the caller's profile (states, their
  organs and demonyms, known people and organisations, titled people).
* :mod:`.names`: proper names that no list holds, recognised by a learned model
  ("Mitt Romney", "Walmart", "House Republicans").
* :mod:`.coreference`: later mentions of the same actor ("Romney", "Mr. Romney", "the
  former governor").
* :mod:`.affiliation`: whom a person or group belongs to ("Sen. Ted Cruz (R-Texas)").
"""
from framing.detect.actors.mentions import ActorFindings, ActorMention
from framing.detect.actors.scan import find_actor_mentions

__all__ = ["ActorFindings", "ActorMention", "find_actor_mentions"]
