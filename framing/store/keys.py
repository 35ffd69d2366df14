"""The identity of an article, so the same story sent twice is stored once.

A client's own id wins (it knows best); otherwise the URL, normalised so that tracking
parameters, fragments, letter case of the host and a trailing slash do not make two
articles of one page; otherwise the text itself.
"""
from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from framing.store.models import KEY_LENGTH

# Query parameters that identify a campaign or a click, never the article.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "smid", "ref", "guccounter"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_url(url: str) -> str:
    """``HTTPS://Example.com:443/a/b/?utm_source=x&id=2#top`` -> ``https://example.com/a/b?id=2``."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    query = urlencode(sorted(
        (name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in TRACKING_PARAMETERS
    ))
    return urlunsplit((scheme, host, path, query, ""))


def article_key(client_id: str | None, url: str | None, text: str) -> str:
    if client_id:
        key = f"id:{client_id}"
    elif url:
        key = f"url:{normalise_url(url)}"
    else:
        return f"sha256:{sha256(text)}"
    # A unique index cannot hold arbitrarily long strings; a very long id or URL is hashed.
    return key if len(key) <= KEY_LENGTH else f"{key.split(':', 1)[0]}:sha256:{sha256(key)}"
