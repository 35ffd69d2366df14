"""``/v1/profiles``: named actor profiles stored by the server.

A newsroom or research group defines its actors and sides once and analyses with
``"profile": "<name>"``. A profile is checked by the library before it is stored, so a
stored profile always analyses; a write either stores the whole profile or nothing.
"""
from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

import framing.profiles
from api import examples
from api.auth import requires_key
from api.errors import ApiError
from api.routes import Blueprint, links
from api.schemas import PageQuerySchema, ProfileBodySchema, ProfileCreateSchema, ProfileListSchema, ProfileSchema
from framing.store.models import StoredProfile, as_utc, utcnow

blp = Blueprint("profiles", __name__, url_prefix="/v1/profiles", description="Stored actor profiles.")


def _db():
    return current_app.extensions["framing_db"]


def _content(body: dict) -> dict:
    """The part the library reads; rejected here, with the library's reasons, if it cannot."""
    content = {"actors": body["actors"], "sides": body["sides"]}
    framing.profiles.load_profile(content)
    return content


def _as_dict(profile: StoredProfile) -> dict:
    return {
        "name": profile.name, "description": profile.description, "version": profile.version,
        "revision": profile.revision, **profile.document,
        "created_at": as_utc(profile.created_at), "updated_at": as_utc(profile.updated_at),
    }


def _stored(session, name: str) -> StoredProfile:
    """The stored profile of that name, or a 404 ``profile_not_found``."""
    profile = session.get(StoredProfile, name)
    if profile is None:
        raise _not_found(name)
    return profile


def _not_found(name: str) -> ApiError:
    return ApiError(404, "profile_not_found", f"no stored profile is named {name!r}")


@blp.route("")
class Profiles(MethodView):
    @blp.arguments(PageQuerySchema, location="query")
    @blp.response(200, ProfileListSchema)
    def get(self, query: dict):
        """List stored profiles"""
        with _db().session() as session:
            total = session.scalar(select(func.count()).select_from(StoredProfile))
            profiles = session.scalars(
                select(StoredProfile).order_by(StoredProfile.name)
                .offset((query["page"] - 1) * query["page_size"]).limit(query["page_size"])
            ).all()
            summaries = [
                {"name": p.name, "description": p.description, "version": p.version, "revision": p.revision,
                 "actors": len(p.document.get("actors", [])), "updated_at": as_utc(p.updated_at)}
                for p in profiles
            ]
        return {"profiles": summaries, "total": total, "page": query["page"], "page_size": query["page_size"]}

    @requires_key("write")
    @blp.doc(responses={201: {"links": links(  # an int key, as @blp.response uses, so the two merge
        "name", "name", {"GetProfile": "get_profile", "ReplaceProfile": "replace_profile", "DeleteProfile": "delete_profile"})}})
    @blp.arguments(ProfileCreateSchema, example=examples.PROFILE_CREATE)
    @blp.response(201, ProfileSchema)
    @blp.alt_response(409, response="CONFLICT")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    def post(self, body: dict):
        """Store a new profile

        An invalid profile (unknown state or side ids, too many actors) is 422 `invalid_profile`;
        a name already taken is 409 `profile_exists`.
        """
        content = _content(body)
        taken = ApiError(409, "profile_exists", f"a profile named {body['name']!r} exists; PUT /v1/profiles/{body['name']} replaces it")
        try:
            with _db().session() as session:
                if session.get(StoredProfile, body["name"]) is not None:
                    raise taken
                profile = StoredProfile(
                    name=body["name"], description=body.get("description"), version=body.get("version"),
                    revision=1, document=content,
                )
                session.add(profile)
        except IntegrityError as error:  # another request stored the name since the check
            raise taken from error
        return _as_dict(profile)


@blp.route("/<string:name>")
class Profile(MethodView):
    @blp.doc(operationId="get_profile")
    @blp.response(200, ProfileSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, name: str):
        """Read one profile"""
        with _db().session() as session:
            profile = _stored(session, name)
            return _as_dict(profile)

    @requires_key("write")
    @blp.doc(operationId="replace_profile")
    @blp.arguments(ProfileBodySchema, example=examples.PROFILE_BODY)
    @blp.response(200, ProfileSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE")
    def put(self, body: dict, name: str):
        """Replace a profile

        The revision goes up by one; fields left out of the body are cleared.
        """
        content = _content(body)
        with _db().session() as session:
            profile = _stored(session, name)
            profile.description, profile.version, profile.document = body.get("description"), body.get("version"), content
            profile.revision += 1
            profile.updated_at = utcnow()
        return _as_dict(profile)

    @requires_key("write")
    @blp.doc(operationId="delete_profile")
    @blp.response(204)
    @blp.alt_response(404, response="NOT_FOUND")
    def delete(self, name: str):
        """Delete a profile"""
        with _db().session() as session:
            profile = _stored(session, name)
            session.delete(profile)
