"""Run one validated analysis request: the steps between the JSON body and the report.

HTML is reduced to its article text first (and that text returned, since every offset
points into it); a stored profile is looked up by name; then the library analyses, and
the report is trimmed and its offsets converted as the caller asked.
"""
from __future__ import annotations

from flask import current_app

import framing
from api.errors import ApiError
from api.extract import extract_article
from api.offsets import Utf16Offsets
from framing.profiles import bundled_profile, bundled_profiles
from framing.store.models import StoredProfile

METADATA_FIELDS = ("outlet", "url", "published_at")


def run_analysis(request: dict, options: dict) -> dict:
    title = request.get("title")
    if "html" in request:
        article = extract_article(request["html"])
        text, title = article.text, title or article.title
    else:
        text = request["text"]
    report = framing.analyze(
        text,
        title=title,
        metadata={name: request[name] for name in METADATA_FIELDS if name in request},
        profile=resolve_profile(request.get("profile")),
        max_chars=current_app.config["FRAMING"].max_text_chars,
    )
    _trim(report, options)
    if options["offsets"] == "utf16":
        Utf16Offsets(text).convert({key: value for key, value in report.items() if key != "title"})
        if report["title"] is not None:
            Utf16Offsets(title).convert(report["title"])
    extracted = {"text": text} if "html" in request else {}
    return {"offsets": options["offsets"], **extracted, **report}


def resolve_profile(profile: dict | str | None) -> dict | None:
    """An inline profile as given; a name as the stored profile's body, else as the bundled
    example profile of that name (corpora/profiles), so examples work on a fresh server."""
    if not isinstance(profile, str):
        return profile
    with current_app.extensions["framing_db"].session() as session:
        stored = session.get(StoredProfile, profile)
        if stored is not None:
            return {"name": stored.name, "version": stored.version or f"r{stored.revision}", **stored.document}
    bundled = bundled_profile(profile)
    if bundled is None:
        known = ", ".join(bundled_profiles())
        raise ApiError(422, "unknown_profile", f"no stored or bundled profile is named {profile!r} (bundled: {known})",
                       {"profile": ["no stored or bundled profile has this name"]})
    return bundled


def _trim(report: dict, options: dict) -> None:
    paragraphs = [*report["paragraphs"], *([report["title"]] if report["title"] else [])]
    for paragraph in paragraphs:
        if not options["sentences"]:
            del paragraph["sentences"]
        if not options["paragraph_text"]:
            del paragraph["text"]
