"""API keys: made and revoked by ``framing keys``, checked by the web service (``api/auth.py``).

A key is a random token, shown once when it is made; the database keeps only its SHA-256.
A fast, unsalted hash is enough here, unlike for passwords. Slow salted hashes (bcrypt,
argon2) exist because passwords are guessable: from a stolen table an attacker tries the
likely ones, and a slow hash makes each try expensive. A token of 256 random bits from
``secrets`` has no likely values; no hash speed makes 2**256 guesses feasible. The plain
digest also lets the service find a key with one indexed equality query per request, where
a salted slow hash would have to be checked against every stored key at ~100 ms each.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from framing.store.models import ApiKey, as_utc, utcnow

# Each scope allows what the scopes before it allow: a write key also reads.
SCOPES = ("read", "write", "admin")
TOKEN_PREFIX = "frk_"  # tells a framing key apart from other secrets in a config file or a secret scanner
_SHOWN_PREFIX = len(TOKEN_PREFIX) + 6


@dataclass(frozen=True)
class KeyInfo:
    """A stored key without its secret: what ``framing keys list`` shows and the API checks."""

    id: int
    name: str | None
    scope: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


def allows(granted: str, needed: str) -> bool:
    return SCOPES.index(granted) >= SCOPES.index(needed)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_key(session: Session, scope: str, name: str | None = None) -> tuple[str, KeyInfo]:
    """A new key: the token (the only time it exists outside the client) and what is stored."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(token_sha256=digest(token), prefix=token[:_SHOWN_PREFIX], name=name, scope=scope, created_at=utcnow())
    session.add(key)
    session.flush()
    return token, _info(key)


def find_key(session: Session, token: str) -> KeyInfo | None:
    """The key this token belongs to, unless it was revoked."""
    key = session.scalar(select(ApiKey).where(ApiKey.token_sha256 == digest(token), ApiKey.revoked_at.is_(None)))
    return _info(key) if key is not None else None


def list_keys(session: Session) -> list[KeyInfo]:
    return [_info(key) for key in session.scalars(select(ApiKey).order_by(ApiKey.id))]


def revoke_key(session: Session, key_id: int) -> KeyInfo | None:
    """Revoke a key (kept, so the list shows when); None when no key has this id."""
    key = session.get(ApiKey, key_id)
    if key is None:
        return None
    if key.revoked_at is None:
        key.revoked_at = utcnow()
    return _info(key)


def _info(key: ApiKey) -> KeyInfo:
    return KeyInfo(key.id, key.name, key.scope, key.prefix, as_utc(key.created_at), as_utc(key.revoked_at))
